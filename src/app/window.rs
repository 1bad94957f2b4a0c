//! The list pane as a window over the whole list: the store answers pages of rows around the
//! selection, so a cache of 100,000 articles never sits in memory, nor is read at start.
//! `selected` counts from the top of the whole list; the loaded rows are a slice of it.

use super::{AppState, Effect, ListView};
use crate::model::Article;

/// Rows asked for at a time.
pub const WINDOW: usize = 200;
/// A new window is asked for when the selection comes this close to an edge of the loaded one,
/// so moving row by row never shows a row that is not there yet.
const MARGIN: usize = 50;

/// Where the loaded rows sit in the whole list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListWindow {
    /// Index in the whole list of the first loaded row.
    pub offset: usize,
    /// Rows in the whole list (in the current view, or search results).
    pub total: usize,
    /// Unread rows in the whole list.
    pub unread: usize,
    /// Offset of the window asked for and not answered yet.
    pending: Option<usize>,
}

/// Asks the store for `limit` rows of `view` from `offset`, with the view's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListQuery {
    pub request: u64,
    pub view: ListView,
    pub offset: usize,
    pub limit: usize,
}

/// The store's answer to a `ListQuery` (request 0: the one the runtime asks at start).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListPage {
    pub request: u64,
    pub offset: usize,
    pub total: usize,
    pub unread: usize,
    pub rows: Vec<Article>,
}

impl ListPage {
    /// A whole list in one page (tests; search results).
    pub fn whole(rows: Vec<Article>) -> ListPage {
        ListPage {
            request: 0,
            offset: 0,
            total: rows.len(),
            unread: rows.iter().filter(|a| !a.read).count(),
            rows,
        }
    }
}

impl AppState {
    /// Row `i` of the whole list, when it is loaded.
    pub fn row(&self, i: usize) -> Option<&Article> {
        self.articles.get(i.checked_sub(self.list.offset)?)
    }

    pub fn selected_row(&self) -> Option<&Article> {
        self.row(self.selected)
    }
}

/// The first row of the window that centres on `selected`.
fn centred(selected: usize) -> usize {
    selected.saturating_sub(WINDOW / 2)
}

/// True when the rows `offset..offset + len` hold `selected` with a margin (or reach the end).
fn covers(offset: usize, len: usize, total: usize, selected: usize) -> bool {
    let end = offset + len;
    (offset == 0 || selected >= offset + MARGIN) && (end >= total || selected + MARGIN < end)
}

/// Asks again for the window around the selection (the view changed, or the cache did).
pub(super) fn reload(state: &mut AppState) -> Vec<Effect> {
    let offset = centred(state.selected);
    state.requests.list = state.requests.next();
    state.list.pending = Some(offset);
    vec![Effect::LoadList(ListQuery {
        request: state.requests.list,
        view: state.view,
        offset,
        limit: WINDOW,
    })]
}

/// After the selection moved: a new window when it nears an edge of the loaded rows and the
/// one already asked for would not do either.
pub(super) fn follow(state: &mut AppState) -> Vec<Effect> {
    let (total, selected) = (state.list.total, state.selected);
    if state.search.active || covers(state.list.offset, state.articles.len(), total, selected) {
        return Vec::new();
    }
    if let Some(p) = state.list.pending {
        if covers(p, WINDOW, total, selected) {
            return Vec::new();
        }
    }
    reload(state)
}

/// A page from the store; replies to older requests are dropped, and so are list pages while
/// search results are shown.
pub(super) fn loaded(state: &mut AppState, page: ListPage) -> Vec<Effect> {
    if page.request != state.requests.list || state.search.active {
        return Vec::new();
    }
    state.list = ListWindow {
        offset: page.offset,
        total: page.total,
        unread: page.unread,
        pending: None,
    };
    state.articles = page.rows;
    state.selected = state.selected.min(page.total.saturating_sub(1));
    // The window already centres on the selection: asking again could not do better (the
    // cache may have changed between the count and the rows).
    if page.offset == centred(state.selected) {
        return Vec::new();
    }
    follow(state)
}

/// Search results replace the rows: all of them, from the top.
pub(super) fn show_results(state: &mut AppState, rows: Vec<Article>) {
    let page = ListPage::whole(rows);
    state.list = ListWindow {
        offset: 0,
        total: page.total,
        unread: page.unread,
        pending: None,
    };
    state.articles = page.rows;
    state.selected = 0;
}

/// Keeps the unread count right when a row's read mark changes here.
pub(super) fn read_changed(state: &mut AppState, now_read: bool) {
    state.list.unread = if now_read {
        state.list.unread.saturating_sub(1)
    } else {
        state.list.unread + 1
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;
    use crate::app::{update, Command, Msg};

    /// A list of `total` rows of which rows `offset..offset + len` are loaded.
    fn state(total: usize, offset: usize, len: usize) -> AppState {
        let mut s = AppState::default();
        let rows = (offset..offset + len)
            .map(|i| article(i as i64 + 1, vec![]))
            .collect();
        let page = ListPage {
            request: 0,
            offset,
            total,
            unread: total,
            rows,
        };
        update(&mut s, Msg::ListLoaded(page));
        s
    }

    #[test]
    fn moving_near_the_edge_asks_for_the_window_around_the_selection_once() {
        let mut s = state(100_000, 0, WINDOW);
        s.selected = WINDOW - MARGIN - 2;
        assert!(update(&mut s, Msg::Command(Command::Down)).is_empty());
        let asked = update(&mut s, Msg::Command(Command::Down));
        let [Effect::LoadList(q)] = asked.as_slice() else {
            panic!("{asked:?}")
        };
        assert_eq!(q.offset, s.selected - WINDOW / 2);
        assert!(
            update(&mut s, Msg::Command(Command::Down)).is_empty(),
            "the window asked for will do"
        );
        assert_eq!(s.selected_row().map(|a| a.id), Some(s.selected as i64 + 1));
    }

    #[test]
    fn a_far_jump_shows_the_position_and_asks_for_its_rows() {
        let mut s = state(100_000, 0, WINDOW);
        let asked = update(&mut s, Msg::Command(Command::Last));
        assert_eq!(s.selected, 99_999);
        assert!(s.selected_row().is_none(), "not loaded yet");
        let [Effect::LoadList(q)] = asked.as_slice() else {
            panic!("{asked:?}")
        };
        let page = ListPage {
            request: q.request,
            offset: q.offset,
            total: 100_000,
            unread: 7,
            rows: (q.offset..100_000)
                .map(|i| article(i as i64, vec![]))
                .collect(),
        };
        assert!(update(&mut s, Msg::ListLoaded(page)).is_empty());
        assert_eq!(s.selected_row().map(|a| a.id), Some(99_999));
        assert_eq!(crate::app::unread_count(&s), 7);
    }

    #[test]
    fn a_stale_window_is_dropped() {
        let mut s = state(1_000, 0, WINDOW);
        update(&mut s, Msg::Command(Command::Last));
        let old = ListPage {
            request: s.requests.list - 1,
            ..ListPage::default()
        };
        update(&mut s, Msg::ListLoaded(old));
        assert_eq!(s.list.total, 1_000);
        assert_eq!(s.articles.len(), WINDOW);
    }
}
