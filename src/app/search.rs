//! The `/` line: results as you type (the store searches; stale replies are dropped), Enter
//! keeps them, Esc clears them; n/N jump between the matches in the reader.

use super::{nav, window, AppState, Command, Effect, Focus, Key, Notice};
use crate::doc::find_matches;
use crate::model::Article;

pub(super) fn start(state: &mut AppState) -> Vec<Effect> {
    state.search.editing = true;
    state.search.active = true;
    state.focus = Focus::List;
    Vec::new()
}

/// A key typed into the search line.
pub(super) fn input(state: &mut AppState, key: Key) -> Vec<Effect> {
    if !state.search.editing {
        return Vec::new();
    }
    match key {
        Key::Char(c) => {
            state.search.query.push(c);
            ask(state)
        }
        Key::Backspace => {
            state.search.query.pop();
            ask(state)
        }
        Key::Enter => {
            state.search.editing = false;
            if state.search.query.trim().is_empty() {
                return clear(state);
            }
            refresh_matches(state);
            Vec::new()
        }
        Key::Esc => clear(state),
        Key::Down => nav::command(state, Command::Down),
        Key::Up => nav::command(state, Command::Up),
        _ => Vec::new(),
    }
}

/// Sends the current query, or brings the list back when it is empty.
fn ask(state: &mut AppState) -> Vec<Effect> {
    let query = state.search.query.trim().to_string();
    state.requests.search = state.requests.next();
    if query.is_empty() {
        return window::reload(state);
    }
    vec![Effect::Search {
        request: state.requests.search,
        query,
    }]
}

fn clear(state: &mut AppState) -> Vec<Effect> {
    state.search = super::Search::default();
    state.requests.search = state.requests.next();
    state.matches.clear();
    state.match_cursor = None;
    state.selected = 0;
    window::reload(state)
}

pub(super) fn results(state: &mut AppState, request: u64, articles: Vec<Article>) -> Vec<Effect> {
    if request == state.requests.search && state.search.active {
        window::show_results(state, articles);
    }
    Vec::new()
}

/// Matches of the kept query in the open article (none while nothing is searched).
pub(super) fn refresh_matches(state: &mut AppState) {
    state.match_cursor = None;
    state.matches = if state.search.active {
        find_matches(&state.doc.lines, &state.search.query)
    } else {
        Vec::new()
    };
}

/// n / N: the next (or previous) match, wrapping around; the reader scrolls to its line.
pub(super) fn jump(state: &mut AppState, forward: bool) {
    if state.open.is_none() {
        return;
    }
    let len = state.matches.len();
    if len == 0 {
        state.notice = Some(Notice::NoMatches);
        return;
    }
    let top = usize::from(state.reader_scroll());
    let next = match (state.match_cursor, forward) {
        (Some(c), true) => (c + 1) % len,
        (Some(c), false) => (c + len - 1) % len,
        (None, true) => state
            .matches
            .iter()
            .position(|m| m.line >= top)
            .unwrap_or(0),
        (None, false) => state
            .matches
            .iter()
            .rposition(|m| m.line < top)
            .unwrap_or(len - 1),
    };
    state.match_cursor = Some(next);
    state.focus = Focus::Reader;
    // One line of context above the match.
    let line = state.matches[next].line as i64 - 1;
    nav::scroll_to(state, line);
}
