//! Moving in the focused pane, opening articles (list, sidebar, history), reader scrolling
//! (kept per article) and the read/starred toggles.

use super::{sidebar, window, AppState, Command, Effect, Focus, ListView, Notice};
use crate::doc;
use crate::model::{Article, ArticleId};

/// Width used to lay out an article before the runtime has told the real one (tests, start-up).
const FALLBACK_WIDTH: u16 = 80;

pub(super) fn command(state: &mut AppState, c: Command) -> Vec<Effect> {
    match c {
        Command::Down => return move_by(state, 1),
        Command::Up => return move_by(state, -1),
        Command::PageDown => return page(state, 1),
        Command::PageUp => return page(state, -1),
        Command::First => return move_by(state, i64::MIN / 2),
        Command::Last => return move_by(state, i64::MAX / 2),
        Command::Open => return open_selected(state),
        Command::OpenRelated(n) => return open_related(state, n),
        Command::Back => return back(state),
        Command::ToggleRead => return toggle(state, false),
        Command::ToggleStar => return toggle(state, true),
        _ => {}
    }
    Vec::new()
}

fn clamp(pos: usize, delta: i64, len: usize) -> usize {
    (pos as i64)
        .saturating_add(delta)
        .clamp(0, len.saturating_sub(1) as i64) as usize
}

/// Moves in the focused pane; in the list, asks for more rows when nearing the loaded ones' edge.
fn move_by(state: &mut AppState, delta: i64) -> Vec<Effect> {
    match state.focus {
        Focus::List => {
            state.selected = clamp(state.selected, delta, state.list.total);
            return window::follow(state);
        }
        Focus::Related => {
            let len = sidebar(state).len();
            state.related_selected = clamp(state.related_selected, delta, len);
        }
        Focus::Reader => scroll_by(state, delta),
    }
    Vec::new()
}

fn page(state: &mut AppState, direction: i64) -> Vec<Effect> {
    let step = i64::from(state.page_height.saturating_sub(2).max(1));
    match state.focus {
        Focus::Reader => {
            scroll_by(state, direction * step);
            Vec::new()
        }
        _ => move_by(state, direction * step),
    }
}

/// The largest useful scroll: the last line at the bottom of the page.
fn max_scroll(state: &AppState) -> i64 {
    let lines = state.doc.lines.len() as i64;
    (lines - i64::from(state.page_height.max(1))).clamp(0, i64::from(u16::MAX))
}

pub(super) fn scroll_to(state: &mut AppState, line: i64) {
    let Some(id) = state.open.as_ref().map(|a| a.id) else {
        return;
    };
    let top = line.clamp(0, max_scroll(state)) as u16;
    state.scrolls.insert(id, top);
}

fn scroll_by(state: &mut AppState, delta: i64) {
    let now = i64::from(state.reader_scroll());
    scroll_to(state, now.saturating_add(delta));
}

/// Asks the store for an article; the current one goes on the history for Back.
pub(super) fn open_id(state: &mut AppState, id: ArticleId, remember: bool) -> Vec<Effect> {
    if remember {
        if let Some(a) = state.open.as_ref().filter(|a| a.id != id) {
            state.history.push(a.id);
        }
    }
    state.requests.article = state.requests.next();
    preview(state, id);
    vec![Effect::LoadArticle {
        request: state.requests.article,
        id,
    }]
}

/// Shows a loaded row's title and summary in the reader at once; its body replaces them when
/// the store answers. The keypress then draws without waiting on the store thread, which on
/// a busy machine (the similar-articles query runs there) was the slowest key of the reader.
/// The focus stays where it was until the article arrives.
fn preview(state: &mut AppState, id: ArticleId) {
    let Some(row) = state.articles.iter().find(|a| a.id == id) else {
        return;
    };
    state.open = Some(row.clone());
    state.similar.clear();
    // A similar list still on its way belongs to the article shown before.
    state.requests.similar = state.requests.next();
    state.related_selected = 0;
    state.match_cursor = None;
    relayout(state);
}

fn open_selected(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::Related => open_related(state, state.related_selected + 1),
        _ => match state.selected_row() {
            Some(a) => open_id(state, a.id, true),
            None => Vec::new(),
        },
    }
}

fn open_related(state: &mut AppState, n: usize) -> Vec<Effect> {
    let Some((id, title, url)) = sidebar(state)
        .get(n.wrapping_sub(1))
        .map(|e| (e.id, e.title.to_string(), e.url.to_string()))
    else {
        return Vec::new();
    };
    match id {
        Some(id) => open_id(state, id, true),
        None => {
            state.notice = Some(Notice::NotCached { title, url });
            Vec::new()
        }
    }
}

fn back(state: &mut AppState) -> Vec<Effect> {
    match state.history.pop() {
        Some(id) => open_id(state, id, false),
        None => {
            state.focus = Focus::List;
            Vec::new()
        }
    }
}

pub(super) fn article_loaded(
    state: &mut AppState,
    request: u64,
    article: Option<Box<Article>>,
) -> Vec<Effect> {
    if request != state.requests.article {
        return Vec::new(); // a newer request superseded this one
    }
    let Some(mut article) = article else {
        state.notice = Some(Notice::Missing);
        return Vec::new();
    };
    let mut effects = Vec::new();
    if !article.read {
        article.read = true;
        window::read_changed(state, true);
        effects.push(Effect::SetRead {
            id: article.id,
            read: true,
        });
    }
    if let Some(pos) = state.articles.iter().position(|a| a.id == article.id) {
        state.articles[pos].read = true;
        state.selected = state.list.offset + pos;
    }
    let id = article.id;
    state.related_selected = 0;
    state.similar.clear();
    state.open = Some(*article);
    state.match_cursor = None;
    relayout(state);
    state.focus = Focus::Reader;
    state.requests.similar = state.requests.next();
    effects.push(Effect::LoadSimilar {
        request: state.requests.similar,
        id,
    });
    effects
}

/// Lays the open article out for the reader's width and finds the search matches in it.
pub(super) fn relayout(state: &mut AppState) {
    let Some(a) = &state.open else {
        state.doc = doc::Doc::default();
        return;
    };
    let width = if state.reader_width == 0 {
        FALLBACK_WIDTH
    } else {
        state.reader_width
    };
    state.doc = doc::layout(&doc::article_blocks(a), width);
    super::search::refresh_matches(state);
    let kept = i64::from(state.reader_scroll());
    scroll_to(state, kept);
}

pub(super) fn resized(state: &mut AppState, width: u16, height: u16) -> Vec<Effect> {
    state.page_height = height;
    if width != state.reader_width {
        state.reader_width = width;
        relayout(state);
    }
    Vec::new()
}

pub(super) fn toggle_view(
    state: &mut AppState,
    flag: fn(&mut ListView) -> &mut bool,
) -> Vec<Effect> {
    let f = flag(&mut state.view);
    *f = !*f;
    state.search = super::Search::default();
    state.matches.clear();
    state.selected = 0;
    window::reload(state)
}

/// Toggles read (or starred) on the open article when the reader or sidebar has focus,
/// else on the selected row; the row and the open copy stay the same.
fn toggle(state: &mut AppState, star: bool) -> Vec<Effect> {
    let id = match (&state.open, state.focus) {
        (Some(a), Focus::Reader | Focus::Related) => a.id,
        _ => match state.selected_row() {
            Some(row) => row.id,
            None => return Vec::new(),
        },
    };
    let current = state
        .open
        .iter()
        .chain(&state.articles)
        .find(|a| a.id == id)
        .map(|a| if star { a.starred } else { a.read })
        .unwrap_or(false);
    let value = !current;
    if !star {
        window::read_changed(state, value);
    }
    for a in state.open.iter_mut().chain(&mut state.articles) {
        if a.id == id {
            *(if star { &mut a.starred } else { &mut a.read }) = value;
        }
    }
    vec![if star {
        Effect::SetStarred { id, starred: value }
    } else {
        Effect::SetRead { id, read: value }
    }]
}
