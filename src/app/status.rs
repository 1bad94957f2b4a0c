//! Sync state for the status bar, the overlays (help, links), and the URLs handed to the
//! runtime to open in a browser or copy (http/https only).

use super::{sidebar, AppState, Command, Effect, Focus, Notice, Overlay};
use chrono::{DateTime, FixedOffset};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SyncState {
    #[default]
    Idle,
    Running {
        done: usize,
        total: usize,
    },
    /// The last sync ended with problems: how many, and the last one.
    Failed {
        problems: usize,
        last: String,
    },
}

/// One step of a background sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncProgress {
    pub done: usize,
    pub total: usize,
    /// A source or page that failed at this step.
    pub problem: Option<String>,
}

/// How a background sync ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOutcome {
    pub at: DateTime<FixedOffset>,
    pub sources: usize,
    pub failed_sources: usize,
    /// One line per failed source or page; or why the sync could not run at all.
    pub problems: Vec<String>,
}

pub(super) fn sync_now(state: &mut AppState) -> Vec<Effect> {
    if matches!(state.sync, SyncState::Running { .. }) {
        state.notice = Some(Notice::SyncBusy);
        return Vec::new();
    }
    state.sync = SyncState::Running { done: 0, total: 0 };
    vec![Effect::SyncNow]
}

pub(super) fn progress(state: &mut AppState, p: SyncProgress) -> Vec<Effect> {
    state.sync = SyncState::Running {
        done: p.done,
        total: p.total,
    };
    if let Some(problem) = p.problem {
        state.notice = Some(Notice::Error(problem));
    }
    Vec::new()
}

/// The sync ended: record it, and reload what the list shows (the search, or the list).
pub(super) fn done(state: &mut AppState, o: SyncOutcome) -> Vec<Effect> {
    state.last_sync = Some(o.at);
    state.network_down = o.sources > 0 && o.failed_sources == o.sources;
    state.sync = match o.problems.last() {
        Some(last) => SyncState::Failed {
            problems: o.problems.len(),
            last: last.clone(),
        },
        None => SyncState::Idle,
    };
    reload_shown(state)
}

/// Asks again for what the list shows (the kept search, or the list), after the cache changed.
pub(super) fn reload_shown(state: &mut AppState) -> Vec<Effect> {
    if state.search.active && !state.search.query.trim().is_empty() {
        state.requests.search = state.requests.next();
        return vec![Effect::Search {
            request: state.requests.search,
            query: state.search.query.trim().to_string(),
        }];
    }
    super::window::reload(state)
}

/// Keys while an overlay is up: it scrolls or picks; anything else closes it.
pub(super) fn overlay_command(state: &mut AppState, c: Command) -> Vec<Effect> {
    match (state.overlay, c) {
        (Overlay::Help { scroll }, Command::Down | Command::Up) => {
            let scroll = if c == Command::Down {
                scroll.saturating_add(1)
            } else {
                scroll.saturating_sub(1)
            };
            state.overlay = Overlay::Help { scroll };
        }
        (Overlay::Links { selected }, Command::Down | Command::Up) => {
            let last = state.doc.links.len().saturating_sub(1);
            let selected = if c == Command::Down {
                (selected + 1).min(last)
            } else {
                selected.saturating_sub(1)
            };
            state.overlay = Overlay::Links { selected };
        }
        (Overlay::Links { selected }, Command::Open | Command::OpenInBrowser) => {
            return web_url(
                state,
                state.doc.links.get(selected).cloned(),
                Effect::OpenUrl,
            )
        }
        (Overlay::Links { selected }, Command::CopyUrl) => {
            return web_url(
                state,
                state.doc.links.get(selected).cloned(),
                Effect::CopyUrl,
            )
        }
        _ => state.overlay = Overlay::None,
    }
    Vec::new()
}

pub(super) fn show_links(state: &mut AppState) -> Vec<Effect> {
    if state.doc.links.is_empty() {
        state.notice = Some(Notice::NoLinks);
    } else {
        state.overlay = Overlay::Links { selected: 0 };
    }
    Vec::new()
}

/// The URL `o` and `y` act on: the selected sidebar entry when the sidebar has focus,
/// else the open article, else the selected row.
fn target_url(state: &AppState) -> Option<String> {
    if state.focus == Focus::Related {
        if let Some(e) = sidebar(state).get(state.related_selected) {
            return Some(e.url.to_string());
        }
    }
    match (&state.open, state.focus) {
        (Some(a), Focus::Reader | Focus::Related) => Some(a.url.clone()),
        _ => state.selected_row().map(|a| a.url.clone()),
    }
}

pub(super) fn open_url(state: &mut AppState) -> Vec<Effect> {
    web_url(state, target_url(state), Effect::OpenUrl)
}

/// Saves the open article (nothing is open: nothing to save).
pub(super) fn save_document(state: &mut AppState) -> Vec<Effect> {
    match &state.open {
        Some(a) => vec![Effect::SaveDocument { id: a.id }],
        None => Vec::new(),
    }
}

pub(super) fn copy_url(state: &mut AppState) -> Vec<Effect> {
    web_url(state, target_url(state), Effect::CopyUrl)
}

/// Only http(s) URLs leave the program; anything else is refused with a notice.
fn web_url(state: &mut AppState, url: Option<String>, effect: fn(String) -> Effect) -> Vec<Effect> {
    let Some(url) = url else {
        return Vec::new();
    };
    if !is_web_url(&url) {
        state.notice = Some(Notice::BadUrl);
        return Vec::new();
    }
    let e = effect(url);
    state.notice = Some(match e {
        Effect::CopyUrl(_) => Notice::Copied,
        _ => Notice::OpenedInBrowser,
    });
    vec![e]
}

/// True for an absolute http:// or https:// URL with a host.
pub fn is_web_url(s: &str) -> bool {
    url::Url::parse(s)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}
