//! The screen as a user sees it, drawn with `TestBackend`: layouts at several sizes, the help
//! overlay, the Vietnamese date, dimmed uncached entries, search and status.

use super::*;
use crate::app::{update, Command, Effect, Key, ListPage, Msg, Notice, SyncProgress};
use crate::model::{Article, Related};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn article(id: i64, title: &str, read: bool) -> Article {
    Article {
        id,
        source: "Tuyên giáo".into(),
        url: format!("http://p.vn/{id}"),
        title: title.into(),
        author: Some("Minh Anh".into()),
        published: chrono::DateTime::parse_from_rfc3339("2021-01-14T08:41:57+07:00").ok(),
        views: Some(143),
        category: Some("Tin tức hoạt động".into()),
        summary: "Dòng dẫn in đậm.".into(),
        body: Some("Dòng dẫn in đậm.\n\nĐoạn thân bài thứ hai về Đảng ủy.\n\nTN".into()),
        doc: None,
        related: vec![
            Related {
                title: "Bài liên quan một".into(),
                url: "http://p.vn/2".into(),
                id: Some(2),
                published: chrono::DateTime::parse_from_rfc3339("2021-01-10T07:00:00+07:00").ok(),
            },
            Related {
                title: "Bài chưa tải".into(),
                url: "http://p.vn/9".into(),
                id: None,
                published: None,
            },
        ],
        read,
        starred: false,
        fetched_at: chrono::Utc::now().fixed_offset(),
    }
}

/// Draws `state` like the runtime does: the reader size first, then the frame.
fn screen(
    state: &mut AppState,
    language: Language,
    width: u16,
    height: u16,
) -> (String, ratatui::buffer::Buffer) {
    let theme = Theme::default();
    let keymap = Keymap::from_table(&crate::config::default_keys()).unwrap();
    let view = View {
        theme: &theme,
        language,
        keymap: &keymap,
    };
    let area = Rect::new(0, 0, width, height);
    let (reader_width, reader_height) = reader_viewport(area, state, &view);
    update(
        state,
        Msg::Resized {
            reader_width,
            reader_height,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(f, state, &view)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    (text, buffer)
}

fn opened_state() -> AppState {
    let mut s = AppState::default();
    update(
        &mut s,
        Msg::ListLoaded(ListPage::whole(vec![
            article(1, "Hội nghị tổng kết", false),
            article(2, "Bài liên quan một", true),
        ])),
    );
    let effects = update(&mut s, Msg::Command(Command::Open));
    let Effect::LoadArticle { request, .. } = effects[0] else {
        panic!()
    };
    update(
        &mut s,
        Msg::ArticleLoaded {
            request,
            article: Some(Box::new(article(1, "Hội nghị tổng kết", false))),
        },
    );
    let mut similar = article(5, "Bài cùng chủ đề", true);
    similar.published = chrono::DateTime::parse_from_rfc3339("2020-12-31T10:00:00+07:00").ok();
    let request = s.requests.similar;
    update(
        &mut s,
        Msg::SimilarLoaded {
            request,
            articles: vec![similar],
        },
    );
    s
}

/// The column of `needle` in the row of `text` where it appears (single-width text only).
fn find(text: &str, needle: &str) -> Option<(u16, u16)> {
    text.lines().enumerate().find_map(|(y, line)| {
        line.find(needle)
            .map(|b| (line[..b].chars().count() as u16, y as u16))
    })
}

#[test]
fn wide_terminal_shows_three_panes_side_by_side() {
    let (text, _) = screen(&mut opened_state(), Language::Vi, 150, 40);
    let first_line = text.lines().next().unwrap();
    let list = first_line.find("Tin bài").unwrap();
    let reader = first_line.find("Nội dung").unwrap();
    let related = first_line.find("Bài viết khác").unwrap();
    assert!(list < reader && reader < related, "{first_line}");
    assert!(text.contains("Đoạn thân bài thứ hai"), "{text}");
    assert!(text.contains("1 Bài liên quan một"));
    assert!(text.contains("1/2"), "position in the status bar");
}

#[test]
fn medium_terminal_puts_related_under_the_reader() {
    let (text, _) = screen(&mut opened_state(), Language::Vi, 100, 30);
    let (reader_x, reader_y) = find(&text, "Nội dung").unwrap();
    let (related_x, related_y) = find(&text, "Bài viết khác").unwrap();
    assert_eq!(reader_y, 0);
    assert!(related_y > reader_y + 5, "{text}");
    assert_eq!(related_x, reader_x, "same column:\n{text}");
    assert!(find(&text, "Tin bài").unwrap().0 < reader_x);
}

#[test]
fn narrow_terminal_shows_only_the_focused_pane() {
    let mut s = opened_state(); // the reader has focus after opening
    let (text, _) = screen(&mut s, Language::Vi, 60, 20);
    assert!(
        text.contains("Nội dung") && text.contains("Đoạn thân bài"),
        "{text}"
    );
    assert!(
        !text.contains("Tin bài") && !text.contains("Bài viết khác"),
        "{text}"
    );
    update(&mut s, Msg::Command(Command::FocusNext));
    let (text, _) = screen(&mut s, Language::Vi, 60, 20);
    assert!(
        text.contains("Bài viết khác") && !text.contains("Nội dung"),
        "{text}"
    );
}

#[test]
fn any_size_down_to_20x5_draws_without_panic() {
    let mut s = opened_state();
    update(&mut s, Msg::Command(Command::Help));
    for w in [1u16, 5, 20, 33, 79, 80, 81, 119, 120, 121, 300] {
        for h in [1u16, 2, 5, 7, 12, 24, 60] {
            screen(&mut s, Language::Vi, w, h);
        }
    }
    update(&mut s, Msg::Command(Command::Help));
    let (text, _) = screen(&mut s, Language::Vi, 20, 5);
    assert!(
        text.contains("Nội dun"),
        "the focused pane at 20×5:\n{text}"
    );
}

#[test]
fn meta_line_has_the_vietnamese_date() {
    let (text, _) = screen(&mut opened_state(), Language::Vi, 150, 40);
    assert!(
        text.contains("Thứ Năm, 14/01/2021 08:41 · Minh Anh · 143 lượt xem"),
        "{text}"
    );
    let (text, _) = screen(&mut opened_state(), Language::En, 150, 40);
    assert!(text.contains("Thursday, 14/01/2021 08:41"), "{text}");
}

#[test]
fn sidebar_lists_page_entries_then_same_topic_with_dates_and_dims_uncached() {
    let state = &mut opened_state();
    let (text, buffer) = screen(state, Language::Vi, 150, 40);
    let page = find(&text, "Từ trang bài viết").unwrap();
    let similar = find(&text, "Cùng chủ đề").unwrap();
    assert!(page.1 < similar.1, "{text}");
    assert!(
        text.contains("3 Bài cùng chủ đề") && text.contains("31/12/2020"),
        "{text}"
    );
    assert!(text.contains("10/01/2021"), "{text}");
    assert!(text.contains("(chưa tải)"), "{text}");
    let dim = Theme::default().dim;
    let (x, y) = find(&text, "Bài chưa tải").unwrap();
    assert_eq!(buffer[(x, y)].fg, dim);
    let (x, y) = find(&text, "Bài liên quan một").unwrap();
    assert_ne!(buffer[(x + 40, y)].fg, dim, "cached entries are not dimmed");
    let cached = text.lines().nth(y as usize).unwrap();
    let x = cached.rfind("Bài liên quan một").unwrap();
    let x = cached[..x].chars().count() as u16;
    assert_ne!(buffer[(x, y)].fg, dim);
}

#[test]
fn help_overlay_lists_every_binding_with_its_description() {
    let mut s = opened_state();
    update(&mut s, Msg::Command(Command::Help));
    let (text, _) = screen(&mut s, Language::Vi, 150, 40);
    assert!(text.contains("Phím tắt"), "{text}");
    for row in [
        "j / ↓",
        "xuống",
        "Enter / l",
        "mở bài đang chọn",
        "h / Esc / Backspace",
        "R ",
        "đồng bộ ngay",
        "1–9",
    ] {
        assert!(text.contains(row), "{row}:\n{text}");
    }
    let (text, _) = screen(&mut s, Language::En, 150, 40);
    assert!(
        text.contains("Keys") && text.contains("sync now (in the background)"),
        "{text}"
    );
}

#[test]
fn search_line_and_matches_are_shown() {
    let mut s = opened_state();
    update(&mut s, Msg::Command(Command::Search));
    for c in "dang uy".chars() {
        update(&mut s, Msg::Input(Key::Char(c)));
    }
    let (text, _) = screen(&mut s, Language::Vi, 150, 40);
    assert!(text.contains("Tìm: dang uy"), "{text}");
    update(&mut s, Msg::Input(Key::Enter));
    let (text, buffer) = screen(&mut s, Language::Vi, 150, 40);
    let (x, y) = find(&text, "Đảng ủy").unwrap();
    assert!(
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "lit match"
    );
}

#[test]
fn status_bar_shows_counts_sync_progress_offline_and_notices() {
    let mut s = opened_state();
    s.offline = true;
    update(
        &mut s,
        Msg::SyncProgress(SyncProgress {
            done: 1,
            total: 3,
            problem: None,
        }),
    );
    let (text, _) = screen(&mut s, Language::Vi, 150, 10);
    let status = text.lines().last().unwrap();
    assert!(status.contains("Ngoại tuyến"), "{status}");
    assert!(
        status.contains("1/2") && status.contains("0 chưa đọc"),
        "{status}"
    );
    assert!(status.contains("Đang đồng bộ 1/3"), "{status}");
    s.notice = Some(Notice::Copied);
    let (text, _) = screen(&mut s, Language::En, 150, 10);
    let status = text.lines().last().unwrap();
    assert!(
        status.contains("Offline") && status.contains("Address copied."),
        "{status}"
    );
}

#[test]
fn english_strings_and_empty_list_hint() {
    let (text, _) = screen(&mut AppState::default(), Language::En, 200, 12);
    assert!(text.contains("Articles") && text.contains("Reader") && text.contains("Related"));
    assert!(text.contains("tintuc sync"), "{text}");
    assert!(text.contains("Never synced"), "{text}");
}

#[test]
fn every_command_has_a_description_in_both_languages() {
    for lang in [Language::Vi, Language::En] {
        let s = strings(lang);
        let mut seen = std::collections::HashSet::new();
        for c in crate::app::Command::ALL {
            assert!(seen.insert(s.describe(c)), "{c:?} shares its description");
        }
    }
}
