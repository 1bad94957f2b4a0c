use super::*;
use crate::model::Related;

fn article(id: ArticleId, related: Vec<Related>) -> Article {
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
        body: Some("Thân bài".into()),
        related,
        read: false,
        starred: false,
        fetched_at: chrono::Utc::now().fixed_offset(),
    }
}

fn state_with_list(n: i64) -> AppState {
    let mut s = AppState::default();
    update(
        &mut s,
        Msg::ListLoaded((1..=n).map(|i| article(i, vec![])).collect()),
    );
    s
}

fn load(s: &mut AppState, effects: Vec<Effect>, a: Article) {
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
    );
}

#[test]
fn moving_stays_inside_the_list() {
    let mut s = state_with_list(3);
    update(&mut s, Msg::Command(Command::Up));
    assert_eq!(s.selected, 0);
    for _ in 0..5 {
        update(&mut s, Msg::Command(Command::Down));
    }
    assert_eq!(s.selected, 2);
    update(&mut s, Msg::Command(Command::First));
    assert_eq!(s.selected, 0);
    update(&mut s, Msg::Command(Command::Last));
    assert_eq!(s.selected, 2);
}

#[test]
fn opening_loads_marks_read_and_focuses_the_reader() {
    let mut s = state_with_list(3);
    update(&mut s, Msg::Command(Command::Down));
    let effects = update(&mut s, Msg::Command(Command::Open));
    let Effect::LoadArticle { request, .. } = effects[0] else {
        panic!()
    };
    let effects = update(
        &mut s,
        Msg::ArticleLoaded {
            request,
            article: Some(Box::new(article(2, vec![]))),
        },
    );
    assert_eq!(effects, vec![Effect::SetRead { id: 2, read: true }]);
    assert_eq!(s.open.as_ref().unwrap().id, 2);
    assert!(s.articles[1].read);
    assert_eq!(s.focus, Focus::Reader);
}

#[test]
fn stale_replies_are_dropped() {
    let mut s = state_with_list(3);
    let first = update(&mut s, Msg::Command(Command::Open));
    update(&mut s, Msg::Command(Command::Down));
    let second = update(&mut s, Msg::Command(Command::Open));
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
fn digits_open_related_and_back_returns() {
    let mut s = state_with_list(3);
    let related = vec![
        Related {
            title: "Không có".into(),
            url: "http://p.vn/x".into(),
            id: None,
        },
        Related {
            title: "Bài 3".into(),
            url: "http://p.vn/3".into(),
            id: Some(3),
        },
    ];
    let effects = update(&mut s, Msg::Command(Command::Open));
    load(&mut s, effects, article(1, related));
    let effects = update(&mut s, Msg::Command(Command::OpenRelated(1)));
    assert!(effects.is_empty(), "an uncached entry is not loaded");
    assert!(s.message.as_ref().unwrap().contains("http://p.vn/x"));
    let effects = update(&mut s, Msg::Command(Command::OpenRelated(2)));
    load(&mut s, effects, article(3, vec![]));
    assert_eq!(s.open.as_ref().unwrap().id, 3);
    let effects = update(&mut s, Msg::Command(Command::Back));
    load(&mut s, effects, article(1, vec![]));
    assert_eq!(s.open.as_ref().unwrap().id, 1);
}

#[test]
fn focus_cycles_both_ways() {
    let mut s = AppState::default();
    update(&mut s, Msg::Command(Command::FocusNext));
    assert_eq!(s.focus, Focus::Reader);
    update(&mut s, Msg::Command(Command::FocusNext));
    assert_eq!(s.focus, Focus::Related);
    update(&mut s, Msg::Command(Command::FocusNext));
    assert_eq!(s.focus, Focus::List);
    update(&mut s, Msg::Command(Command::FocusPrev));
    assert_eq!(s.focus, Focus::Related);
}

#[test]
fn keymap_from_defaults_and_errors_by_name() {
    let map = Keymap::from_table(&crate::config::default_keys()).unwrap();
    assert_eq!(map.command(Key::Char('j')), Some(Command::Down));
    assert_eq!(map.command(Key::Down), Some(Command::Down));
    assert_eq!(map.command(Key::Enter), Some(Command::Open));
    assert_eq!(map.command(Key::BackTab), Some(Command::FocusPrev));
    assert_eq!(map.command(Key::Char('3')), Some(Command::OpenRelated(3)));
    assert_eq!(map.command(Key::Char('q')), Some(Command::Quit));
    let mut bad = crate::config::default_keys();
    bad.insert("fly".into(), vec!["f".into()]);
    assert!(Keymap::from_table(&bad).unwrap_err().contains("`fly`"));
}

#[test]
fn toggles_update_row_and_ask_the_store() {
    let mut s = state_with_list(2);
    assert_eq!(
        update(&mut s, Msg::Command(Command::ToggleStar)),
        vec![Effect::SetStarred {
            id: 1,
            starred: true
        }]
    );
    assert!(s.articles[0].starred);
    assert_eq!(
        update(&mut s, Msg::Command(Command::ToggleRead)),
        vec![Effect::SetRead { id: 1, read: true }]
    );
}
