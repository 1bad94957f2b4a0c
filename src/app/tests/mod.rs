//! `update` driven by plain messages: one test (or more) per command, and the replies.
//! Here: moving, opening, back, scrolling, keys, toggles, filters; [`more`]: search, overlays,
//! URLs and sync.

mod more;

use super::*;
use crate::model::Related;

/// True when `effects` is one request for the window at the top of `view`.
pub(super) fn asks_list(effects: &[Effect], view: ListView) -> bool {
    matches!(effects, [Effect::LoadList(q)] if q.view == view && q.offset == 0 && q.limit == WINDOW)
}

pub(super) fn article(id: ArticleId, related: Vec<Related>) -> Article {
    Article {
        id,
        source: "Demo".into(),
        url: format!("http://p.vn/{id}"),
        title: format!("Bài {id}"),
        author: None,
        published: None,
        views: None,
        category: None,
        summary: String::new(),
        body: Some(long_body(id)),
        doc: None,
        related,
        read: false,
        starred: false,
        fetched_at: chrono::Utc::now().fixed_offset(),
    }
}

/// Sixty paragraphs; paragraph 40 mentions "Đảng ủy", and a link in paragraph 2.
fn long_body(id: ArticleId) -> String {
    (1..=60)
        .map(|i| match i {
            2 => "Xem http://p.vn/tai-lieu để biết thêm.".to_string(),
            40 => "Hội nghị Ban Thường vụ Đảng ủy được tổ chức.".to_string(),
            _ => format!("Đoạn {i} của bài {id} có nội dung bình thường."),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub(super) fn related(title: &str, id: Option<ArticleId>) -> Related {
    Related {
        title: title.into(),
        url: format!("http://p.vn/r/{title}"),
        id,
        published: None,
    }
}

pub(super) fn run(s: &mut AppState, c: Command) -> Vec<Effect> {
    update(s, Msg::Command(c))
}

pub(super) fn state_with_list(n: i64) -> AppState {
    let mut s = AppState::default();
    update(
        &mut s,
        Msg::Resized {
            reader_width: 60,
            reader_height: 20,
        },
    );
    update(
        &mut s,
        Msg::ListLoaded(ListPage::whole(
            (1..=n).map(|i| article(i, vec![])).collect(),
        )),
    );
    s
}

/// Answers the article request in `effects` with `a`; returns the effects of the reply.
pub(super) fn load(s: &mut AppState, effects: Vec<Effect>, a: Article) -> Vec<Effect> {
    let Some(Effect::LoadArticle { request, id }) = effects.first().cloned() else {
        panic!("expected a load, got {effects:?}");
    };
    assert_eq!(id, a.id);
    update(
        s,
        Msg::ArticleLoaded {
            request,
            article: Some(Box::new(a)),
        },
    )
}

pub(super) fn opened(related_list: Vec<Related>) -> AppState {
    let mut s = state_with_list(3);
    let effects = run(&mut s, Command::Open);
    load(&mut s, effects, article(1, related_list));
    s
}

#[test]
fn moving_stays_inside_the_list() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Up);
    assert_eq!(s.selected, 0);
    for _ in 0..5 {
        run(&mut s, Command::Down);
    }
    assert_eq!(s.selected, 2);
    run(&mut s, Command::First);
    assert_eq!(s.selected, 0);
    run(&mut s, Command::Last);
    assert_eq!(s.selected, 2);
}

#[test]
fn opening_loads_marks_read_asks_for_similar_and_focuses_the_reader() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Down);
    let effects = run(&mut s, Command::Open);
    let effects = load(&mut s, effects, article(2, vec![]));
    assert_eq!(effects[0], Effect::SetRead { id: 2, read: true });
    assert!(matches!(effects[1], Effect::LoadSimilar { id: 2, .. }));
    assert_eq!(s.open.as_ref().unwrap().id, 2);
    assert!(s.articles[1].read);
    assert_eq!(s.focus, Focus::Reader);
    assert!(s.doc.lines.len() > 60, "the body is laid out");
}

#[test]
fn stale_replies_are_dropped() {
    let mut s = state_with_list(3);
    let first = run(&mut s, Command::Open);
    run(&mut s, Command::Down); // the list keeps focus until the article arrives
    let second = run(&mut s, Command::Open);
    let Effect::LoadArticle { request: old, .. } = first[0] else {
        panic!()
    };
    load(&mut s, second, article(2, vec![]));
    update(
        &mut s,
        Msg::ArticleLoaded {
            request: old,
            article: Some(Box::new(article(1, vec![]))),
        },
    );
    assert_eq!(s.open.as_ref().unwrap().id, 2);
}

#[test]
fn stale_similar_lists_are_dropped() {
    let mut s = opened(vec![]);
    let effects = run(&mut s, Command::Open); // focus is the reader: opens the selected row again
    let mut old = None;
    if let Some(Effect::LoadArticle { .. }) = effects.first() {
        old = Some(s.requests.similar);
        load(&mut s, effects, article(1, vec![]));
    }
    let old = old.expect("reopened");
    update(
        &mut s,
        Msg::SimilarLoaded {
            request: old,
            articles: vec![article(3, vec![])],
        },
    );
    assert!(
        s.similar.is_empty(),
        "a reply for an older opening is dropped"
    );
    let request = s.requests.similar;
    update(
        &mut s,
        Msg::SimilarLoaded {
            request,
            articles: vec![article(3, vec![])],
        },
    );
    assert_eq!(s.similar.len(), 1);
}

#[test]
fn digits_open_page_entries_then_similar_ones_and_back_returns() {
    let mut s = opened(vec![related("Không có", None), related("Bài 3", Some(3))]);
    let request = s.requests.similar;
    update(
        &mut s,
        Msg::SimilarLoaded {
            request,
            articles: vec![article(3, vec![]), article(2, vec![])],
        },
    );
    assert_eq!(sidebar(&s).len(), 3, "article 3 is listed once");
    assert!(run(&mut s, Command::OpenRelated(1)).is_empty(), "uncached");
    assert!(matches!(s.notice, Some(Notice::NotCached { .. })));
    let effects = run(&mut s, Command::OpenRelated(3));
    load(&mut s, effects, article(2, vec![]));
    assert_eq!(s.open.as_ref().unwrap().id, 2);
    let effects = run(&mut s, Command::Back);
    load(&mut s, effects, article(1, vec![]));
    assert_eq!(s.open.as_ref().unwrap().id, 1);
    assert!(run(&mut s, Command::Back).is_empty());
    assert_eq!(
        s.focus,
        Focus::List,
        "back with no history goes to the list"
    );
}

#[test]
fn enter_in_the_sidebar_opens_the_selected_entry() {
    let mut s = opened(vec![related("A", Some(2)), related("B", Some(3))]);
    run(&mut s, Command::FocusNext);
    assert_eq!(s.focus, Focus::Related);
    run(&mut s, Command::Down);
    run(&mut s, Command::Down);
    assert_eq!(s.related_selected, 1, "stays on the last entry");
    let effects = run(&mut s, Command::Open);
    assert!(matches!(effects[0], Effect::LoadArticle { id: 3, .. }));
}

#[test]
fn focus_cycles_both_ways() {
    let mut s = AppState::default();
    run(&mut s, Command::FocusNext);
    assert_eq!(s.focus, Focus::Reader);
    run(&mut s, Command::FocusNext);
    assert_eq!(s.focus, Focus::Related);
    run(&mut s, Command::FocusNext);
    assert_eq!(s.focus, Focus::List);
    run(&mut s, Command::FocusPrev);
    assert_eq!(s.focus, Focus::Related);
}

#[test]
fn paging_scrolls_the_reader_and_scroll_is_kept_per_article() {
    let mut s = opened(vec![related("Bài 2", Some(2))]);
    run(&mut s, Command::PageDown);
    assert_eq!(s.reader_scroll(), 18, "a page is the height less two lines");
    run(&mut s, Command::Down);
    run(&mut s, Command::PageUp);
    assert_eq!(s.reader_scroll(), 1);
    run(&mut s, Command::Last);
    let bottom = s.reader_scroll();
    assert_eq!(
        usize::from(bottom),
        s.doc.lines.len() - 20,
        "stops at the end"
    );
    let effects = run(&mut s, Command::OpenRelated(1));
    load(&mut s, effects, article(2, vec![]));
    assert_eq!(s.reader_scroll(), 0, "a new article starts at the top");
    let effects = run(&mut s, Command::Back);
    load(&mut s, effects, article(1, vec![]));
    assert_eq!(s.reader_scroll(), bottom, "back returns to where one was");
    run(&mut s, Command::First);
    assert_eq!(s.reader_scroll(), 0);
}

#[test]
fn keymap_from_defaults_and_errors_by_name() {
    let map = Keymap::from_table(&crate::config::default_keys()).unwrap();
    let expect = [
        ('j', Command::Down),
        ('k', Command::Up),
        ('g', Command::First),
        ('G', Command::Last),
        ('l', Command::Open),
        ('h', Command::Back),
        (' ', Command::PageDown),
        ('b', Command::PageUp),
        ('/', Command::Search),
        ('n', Command::NextMatch),
        ('N', Command::PrevMatch),
        ('r', Command::ToggleRead),
        ('s', Command::ToggleStar),
        ('u', Command::UnreadOnly),
        ('*', Command::StarredOnly),
        ('L', Command::Links),
        ('R', Command::SyncNow),
        ('o', Command::OpenInBrowser),
        ('y', Command::CopyUrl),
        ('?', Command::Help),
        ('q', Command::Quit),
        ('3', Command::OpenRelated(3)),
    ];
    for (c, command) in expect {
        assert_eq!(map.command(Key::Char(c)), Some(command), "{c}");
    }
    for (k, command) in [
        (Key::Down, Command::Down),
        (Key::Enter, Command::Open),
        (Key::Esc, Command::Back),
        (Key::Backspace, Command::Back),
        (Key::Tab, Command::FocusNext),
        (Key::BackTab, Command::FocusPrev),
        (Key::PageDown, Command::PageDown),
        (Key::PageUp, Command::PageUp),
    ] {
        assert_eq!(map.command(k), Some(command), "{k:?}");
    }
    let mut bad = crate::config::default_keys();
    bad.insert("fly".into(), vec!["f".into()]);
    assert!(Keymap::from_table(&bad).unwrap_err().contains("`fly`"));
}

#[test]
fn every_command_has_default_keys_and_overrides_show_in_the_bindings() {
    let map = Keymap::from_table(&crate::config::default_keys()).unwrap();
    for (c, keys) in map.bindings() {
        assert!(!keys.is_empty(), "{c:?} has no default key");
    }
    let mut table = crate::config::default_keys();
    table.insert("quit".into(), vec!["x".into()]);
    table.insert("help".into(), vec!["?".into(), "q".into()]);
    let map = Keymap::from_table(&table).unwrap();
    let keys_of = |c| {
        map.bindings()
            .iter()
            .find(|(x, _)| *x == c)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(keys_of(Command::Quit), vec![Key::Char('x')]);
    assert_eq!(keys_of(Command::Help), vec![Key::Char('?'), Key::Char('q')]);
}

#[test]
fn toggles_act_on_the_row_or_the_open_article() {
    let mut s = state_with_list(2);
    assert_eq!(
        run(&mut s, Command::ToggleStar),
        vec![Effect::SetStarred {
            id: 1,
            starred: true
        }]
    );
    assert!(s.articles[0].starred);
    assert_eq!(
        run(&mut s, Command::ToggleRead),
        vec![Effect::SetRead { id: 1, read: true }]
    );
    let mut s = opened(vec![]);
    assert_eq!(
        run(&mut s, Command::ToggleRead),
        vec![Effect::SetRead { id: 1, read: false }],
        "in the reader, r marks the open article unread"
    );
    assert!(!s.open.as_ref().unwrap().read && !s.articles[0].read);
}

#[test]
fn filters_ask_the_store_for_another_list() {
    let mut s = state_with_list(3);
    let unread = run(&mut s, Command::UnreadOnly);
    assert!(asks_list(
        &unread,
        ListView {
            unread_only: true,
            starred_only: false
        }
    ));
    let starred = run(&mut s, Command::StarredOnly);
    assert!(asks_list(
        &starred,
        ListView {
            unread_only: true,
            starred_only: true
        }
    ));
    run(&mut s, Command::UnreadOnly);
    assert!(!s.view.unread_only && s.view.starred_only);
}
