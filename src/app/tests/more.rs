//! `update` tests for search, the overlays (help, links), URLs and the background sync.

use super::*;

fn type_text(s: &mut AppState, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(s, Msg::Input(Key::Char(c))))
        .collect()
}

#[test]
fn search_sends_each_keystroke_and_drops_stale_results() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Search);
    assert!(s.takes_text());
    let effects = type_text(&mut s, "dang");
    assert_eq!(effects.len(), 4, "results as you type");
    let Effect::Search { request: old, .. } = effects[0].clone() else {
        panic!("{effects:?}")
    };
    let Effect::Search { request, query } = effects[3].clone() else {
        panic!()
    };
    assert_eq!(query, "dang");
    update(
        &mut s,
        Msg::SearchResults {
            request,
            articles: vec![article(7, vec![])],
        },
    );
    update(
        &mut s,
        Msg::SearchResults {
            request: old,
            articles: vec![],
        },
    );
    assert_eq!(s.articles.len(), 1, "the older reply is dropped");
    update(
        &mut s,
        Msg::ListLoaded(ListPage::whole(vec![article(1, vec![])])),
    );
    assert_eq!(
        s.articles[0].id, 7,
        "a list reload does not replace results"
    );
    update(&mut s, Msg::Input(Key::Enter));
    assert!(
        !s.takes_text() && s.search.active,
        "Enter keeps the results"
    );
    let esc = run(&mut s, Command::Search);
    assert!(esc.is_empty());
    let effects = update(&mut s, Msg::Input(Key::Esc));
    assert!(asks_list(&effects, ListView::default()), "Esc clears");
    assert!(!s.search.active && s.search.query.is_empty());
}

#[test]
fn backspace_to_empty_brings_the_list_back() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Search);
    type_text(&mut s, "a");
    let effects = update(&mut s, Msg::Input(Key::Backspace));
    assert!(asks_list(&effects, ListView::default()));
}

#[test]
fn n_and_shift_n_jump_between_matches_in_the_reader() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Search);
    type_text(&mut s, "dang uy");
    update(&mut s, Msg::Input(Key::Enter));
    assert_eq!(run(&mut s, Command::NextMatch), vec![], "nothing open");
    let effects = run(&mut s, Command::Open);
    load(&mut s, effects, article(1, vec![]));
    assert_eq!(s.matches.len(), 2, "both words, diacritics ignored");
    run(&mut s, Command::NextMatch);
    let line = s.matches[0].line;
    assert_eq!(
        usize::from(s.reader_scroll()),
        line - 1,
        "the match is near the top"
    );
    run(&mut s, Command::NextMatch);
    assert_eq!(s.match_cursor, Some(1));
    run(&mut s, Command::NextMatch);
    assert_eq!(s.match_cursor, Some(0), "wraps around");
    run(&mut s, Command::PrevMatch);
    assert_eq!(s.match_cursor, Some(1));
}

#[test]
fn next_match_without_matches_says_so() {
    let mut s = opened(vec![]);
    run(&mut s, Command::NextMatch);
    assert_eq!(s.notice, Some(Notice::NoMatches));
}

#[test]
fn help_opens_scrolls_and_any_other_key_closes_it() {
    let mut s = state_with_list(3);
    run(&mut s, Command::Help);
    assert_eq!(s.overlay, Overlay::Help { scroll: 0 });
    run(&mut s, Command::Down);
    assert_eq!(s.overlay, Overlay::Help { scroll: 1 });
    assert_eq!(s.selected, 0, "keys go to the overlay, not the list");
    run(&mut s, Command::Quit);
    assert_eq!(s.overlay, Overlay::None);
    assert!(!s.quit, "q closes the help first");
    run(&mut s, Command::Quit);
    assert!(s.quit);
}

#[test]
fn links_view_lists_numbered_links_and_opens_them() {
    let mut s = opened(vec![]);
    run(&mut s, Command::Links);
    assert_eq!(s.overlay, Overlay::Links { selected: 0 });
    assert_eq!(s.doc.links, vec!["http://p.vn/tai-lieu".to_string()]);
    assert_eq!(
        run(&mut s, Command::Open),
        vec![Effect::OpenUrl("http://p.vn/tai-lieu".into())]
    );
    run(&mut s, Command::Back);
    assert_eq!(s.overlay, Overlay::None);
    let mut empty = state_with_list(1);
    run(&mut empty, Command::Links);
    assert_eq!(empty.notice, Some(Notice::NoLinks));
}

#[test]
fn open_and_copy_only_web_urls() {
    let mut s = opened(vec![]);
    assert_eq!(
        run(&mut s, Command::OpenInBrowser),
        vec![Effect::OpenUrl("http://p.vn/1".into())]
    );
    assert_eq!(
        run(&mut s, Command::CopyUrl),
        vec![Effect::CopyUrl("http://p.vn/1".into())]
    );
    assert_eq!(s.notice, Some(Notice::Copied));
    s.open.as_mut().unwrap().url = "file:///etc/passwd".into();
    assert!(run(&mut s, Command::OpenInBrowser).is_empty());
    assert_eq!(s.notice, Some(Notice::BadUrl));
    assert!(!is_web_url("javascript:alert(1)") && is_web_url("https://a.vn/x"));
}

#[test]
fn sync_now_runs_once_reports_progress_and_reloads_the_list() {
    let mut s = state_with_list(1);
    assert_eq!(run(&mut s, Command::SyncNow), vec![Effect::SyncNow]);
    assert!(run(&mut s, Command::SyncNow).is_empty(), "one at a time");
    assert_eq!(s.notice, Some(Notice::SyncBusy));
    update(
        &mut s,
        Msg::SyncProgress(SyncProgress {
            done: 1,
            total: 2,
            problem: None,
        }),
    );
    assert_eq!(s.sync, SyncState::Running { done: 1, total: 2 });
    let at = chrono::Utc::now().fixed_offset();
    let effects = update(
        &mut s,
        Msg::SyncDone(SyncOutcome {
            at,
            sources: 2,
            failed_sources: 2,
            problems: vec!["A: timeout".into(), "B: timeout".into()],
        }),
    );
    assert!(asks_list(&effects, ListView::default()));
    assert_eq!(s.last_sync, Some(at));
    assert!(s.is_offline(), "no source reachable: shown offline");
    assert!(matches!(s.sync, SyncState::Failed { problems: 2, .. }));
}

#[test]
fn quit_quits() {
    let mut s = AppState::default();
    run(&mut s, Command::Quit);
    assert!(s.quit);
}

#[test]
fn opening_shows_the_row_at_once_and_keeps_the_list_focused_until_it_loads() {
    let mut s = super::opened(vec![]);
    let before = s.requests.similar;
    s.focus = Focus::List;
    run(&mut s, Command::Down);
    let effects = run(&mut s, Command::Open);
    assert!(matches!(effects[0], Effect::LoadArticle { id: 2, .. }));
    assert_eq!(
        s.open.as_ref().map(|a| a.id),
        Some(2),
        "shown before the store answers"
    );
    assert_eq!(s.focus, Focus::List);
    // The first article's similar list, arriving late, is not shown beside the second.
    update(
        &mut s,
        Msg::SimilarLoaded {
            request: before,
            articles: vec![super::article(3, vec![])],
        },
    );
    assert!(s.similar.is_empty());
}
