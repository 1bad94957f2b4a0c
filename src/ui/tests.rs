use super::*;
use crate::app::{update, Msg};
use crate::model::Related;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn article(id: i64, title: &str, read: bool) -> Article {
    Article {
        id,
        source: "Tuyên giáo".into(),
        url: format!("http://p.vn/{id}"),
        title: title.into(),
        author: Some("Minh Anh".into()),
        published: chrono::DateTime::parse_from_rfc3339("2026-11-20T08:41:57+07:00").ok(),
        views: Some(143),
        category: Some("Tin tức hoạt động".into()),
        summary: "Dòng dẫn in đậm.".into(),
        body: Some("Dòng dẫn in đậm.\n\nĐoạn thân bài thứ hai.\n\nTN".into()),
        related: vec![
            Related {
                title: "Bài liên quan một".into(),
                url: "http://p.vn/2".into(),
                id: Some(2),
            },
            Related {
                title: "Bài chưa tải".into(),
                url: "http://p.vn/9".into(),
                id: None,
            },
        ],
        read,
        starred: false,
        fetched_at: chrono::Utc::now().fixed_offset(),
    }
}

fn screen(
    state: &AppState,
    language: Language,
    width: u16,
    height: u16,
) -> (String, ratatui::buffer::Buffer) {
    let theme = Theme::default();
    let view = View {
        theme: &theme,
        language,
    };
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
        Msg::ListLoaded(vec![
            article(1, "Hội nghị tổng kết", false),
            article(2, "Bài liên quan một", true),
        ]),
    );
    let effects = update(&mut s, Msg::Command(crate::app::Command::Open));
    let crate::app::Effect::LoadArticle { request, .. } = effects[0] else {
        panic!()
    };
    update(
        &mut s,
        Msg::ArticleLoaded {
            request,
            article: Some(Box::new(article(1, "Hội nghị tổng kết", false))),
        },
    );
    s
}

#[test]
fn three_panes_side_by_side() {
    let (text, _) = screen(&opened_state(), Language::Vi, 140, 20);
    let first_line = text.lines().next().unwrap();
    let list = first_line.find("Tin bài").unwrap();
    let reader = first_line.find("Nội dung").unwrap();
    let related = first_line.find("Bài viết khác").unwrap();
    assert!(list < reader && reader < related, "{first_line}");
    assert!(
        text.contains("20/11/2026 08:41 · Minh Anh · 143 lượt xem"),
        "{text}"
    );
    assert!(text.contains("Đoạn thân bài thứ hai."));
    assert!(text.contains("1 Bài liên quan một"));
    assert!(text.contains("2 Bài chưa tải"));
    assert!(text.contains("1/2"), "position in the status bar");
}

#[test]
fn uncached_related_entries_are_dimmed() {
    let state = opened_state();
    let (text, buffer) = screen(&state, Language::Vi, 140, 20);
    let y = text
        .lines()
        .position(|l| l.contains("Bài chưa tải"))
        .unwrap();
    let line = text.lines().nth(y).unwrap();
    // Cells are one char each here (single-width text), so the char index is the column.
    let x = line[..line.find("Bài chưa tải").unwrap()].chars().count() as u16;
    let y = y as u16;
    assert_eq!(buffer[(x, y)].fg, Theme::default().dim);
}

#[test]
fn english_strings_and_empty_list_hint() {
    let (text, _) = screen(&AppState::default(), Language::En, 200, 12);
    assert!(text.contains("Articles") && text.contains("Reader") && text.contains("Related"));
    assert!(text.contains("tintuc sync"), "{text}");
}

#[test]
fn offline_badge_and_tiny_terminals_do_not_panic() {
    let mut s = opened_state();
    s.offline = true;
    let (text, _) = screen(&s, Language::Vi, 120, 10);
    assert!(text.contains("Ngoại tuyến"));
    for (w, h) in [(20, 5), (1, 1), (80, 24), (300, 3)] {
        screen(&s, Language::Vi, w, h);
    }
}
