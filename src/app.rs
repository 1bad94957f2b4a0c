//! The reader's state and every change to it: `update(state, msg) → effects`.
//! Plain data in, plain data out: no I/O and no terminal here, so it is tested with messages.
//!
//! - [`keys`]: `Key`, `Command`, the keymap from `[keys]` and the bindings for help.
//! - [`nav`]: moving, opening, back, scrolling (kept per article), read/star toggles.
//! - [`search`]: the `/` line, results as you type, matches in the reader (n/N).
//! - [`sidebar`]: the related sidebar: the page's own list, then similar cached articles.
//! - [`status`]: sync progress and outcome, overlays (help, links), URLs to open or copy.
//! - [`window`]: the list as a window of rows over the whole cache, paged from the store.

mod keys;
mod nav;
mod search;
mod sidebar;
mod status;
mod window;

pub use keys::{Command, Key, Keymap};
pub use sidebar::{sidebar, SidebarEntry};
pub use status::{is_web_url, SyncOutcome, SyncProgress, SyncState};
pub use window::{ListPage, ListQuery, ListWindow, WINDOW};

use crate::doc::{Doc, Match};
use crate::model::{Article, ArticleId};
use chrono::{DateTime, FixedOffset};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Reader,
    Related,
}

impl Focus {
    fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Reader,
            Focus::Reader => Focus::Related,
            Focus::Related => Focus::List,
        }
    }
    fn prev(self) -> Focus {
        self.next().next()
    }
}

/// Which rows the list shows (the store filters; `update` only asks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListView {
    pub unread_only: bool,
    pub starred_only: bool,
}

/// The `/` line. `active` while its results replace the list; `editing` while typing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub editing: bool,
    pub active: bool,
}

/// A window over the panes; keys go to it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: u16,
    },
    /// The open article's numbered links.
    Links {
        selected: usize,
    },
}

/// A one-line note in the status bar. Data only: `ui` words it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A related entry that is not in the cache (it can still be opened with `o`).
    NotCached {
        title: String,
        url: String,
    },
    /// The article asked for is gone from the cache.
    Missing,
    /// Only http(s) URLs are opened or copied.
    BadUrl,
    Copied,
    /// The open article was saved as a document at this path.
    Saved(String),
    OpenedInBrowser,
    NoMatches,
    NoLinks,
    SyncBusy,
    Error(String),
}

/// Ids of the newest request of each kind; replies to older ones are dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Requests {
    last: u64,
    pub list: u64,
    pub article: u64,
    pub similar: u64,
    pub search: u64,
}

impl Requests {
    fn next(&mut self) -> u64 {
        self.last += 1;
        self.last
    }
}

/// Everything the screen shows. `ui::render` reads it; only `update` changes it.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// The loaded rows of the list pane (no bodies): newest first, or search results best
    /// first. They are rows `list.offset..` of the whole list (see [`window`]).
    pub articles: Vec<Article>,
    pub list: ListWindow,
    /// The selected row, counted from the top of the whole list.
    pub selected: usize,
    pub focus: Focus,
    /// The article in the reader pane, with its body.
    pub open: Option<Article>,
    /// The open article laid out for the reader's width.
    pub doc: Doc,
    /// Reader scroll (in lines) per article, so going back returns to where one was.
    pub scrolls: HashMap<ArticleId, u16>,
    pub related_selected: usize,
    /// Cached articles similar to the open one ("Cùng chủ đề"), best first.
    pub similar: Vec<Article>,
    /// Articles opened before the current one, for Back.
    pub history: Vec<ArticleId>,
    pub view: ListView,
    pub search: Search,
    /// Search matches in `doc`, and the one last jumped to.
    pub matches: Vec<Match>,
    pub match_cursor: Option<usize>,
    pub overlay: Overlay,
    pub sync: SyncState,
    pub last_sync: Option<DateTime<FixedOffset>>,
    /// `--offline` was given.
    pub offline: bool,
    /// The last sync reached no source at all: most likely no network.
    pub network_down: bool,
    pub notice: Option<Notice>,
    pub requests: Requests,
    pub quit: bool,
    /// Size of the reader's text area, set by the runtime from the terminal size.
    pub page_height: u16,
    pub reader_width: u16,
}

impl AppState {
    /// The open article's scroll position.
    pub fn reader_scroll(&self) -> u16 {
        self.open
            .as_ref()
            .and_then(|a| self.scrolls.get(&a.id))
            .copied()
            .unwrap_or(0)
    }

    /// True while typed keys are text for the search line, not commands.
    pub fn takes_text(&self) -> bool {
        self.search.editing
    }

    /// Shown as offline: `--offline`, or the last sync found no network.
    pub fn is_offline(&self) -> bool {
        self.offline || self.network_down
    }
}

/// Inputs to `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Command(Command),
    /// A key typed while the search line is being edited.
    Input(Key),
    /// Rows of the list (a window of it) from the store.
    ListLoaded(ListPage),
    /// Reply to `Effect::LoadArticle`; `None` when the id is not in the cache.
    ArticleLoaded {
        request: u64,
        article: Option<Box<Article>>,
    },
    SimilarLoaded {
        request: u64,
        articles: Vec<Article>,
    },
    SearchResults {
        request: u64,
        articles: Vec<Article>,
    },
    /// The newest sync time recorded in the cache (at start).
    LastSync(Option<DateTime<FixedOffset>>),
    SyncProgress(SyncProgress),
    SyncDone(SyncOutcome),
    /// Another process (a `tintuc sync`) committed to the cache: show its new articles.
    CacheChanged,
    Resized {
        reader_width: u16,
        reader_height: u16,
    },
    /// Reply to `Effect::SaveDocument`: where the file went.
    Saved(String),
    Error(String),
}

/// Work `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadList(ListQuery),
    LoadArticle {
        request: u64,
        id: ArticleId,
    },
    LoadSimilar {
        request: u64,
        id: ArticleId,
    },
    Search {
        request: u64,
        query: String,
    },
    SetRead {
        id: ArticleId,
        read: bool,
    },
    SetStarred {
        id: ArticleId,
        starred: bool,
    },
    /// Sync every source on a background thread.
    SyncNow,
    /// Open in `$BROWSER` (already checked to be http/https).
    OpenUrl(String),
    /// Copy to the clipboard with OSC 52.
    CopyUrl(String),
    /// Write the article as a printable HTML document in the current directory.
    SaveDocument {
        id: ArticleId,
    },
}

pub fn update(state: &mut AppState, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Command(c) => command(state, c),
        Msg::Input(k) => search::input(state, k),
        Msg::ListLoaded(page) => window::loaded(state, page),
        Msg::ArticleLoaded { request, article } => nav::article_loaded(state, request, article),
        Msg::SimilarLoaded { request, articles } => {
            if request == state.requests.similar {
                state.similar = articles;
            }
            Vec::new()
        }
        Msg::SearchResults { request, articles } => search::results(state, request, articles),
        Msg::LastSync(t) => {
            state.last_sync = state.last_sync.max(t);
            Vec::new()
        }
        Msg::SyncProgress(p) => status::progress(state, p),
        Msg::SyncDone(o) => status::done(state, o),
        Msg::CacheChanged => status::reload_shown(state),
        Msg::Resized {
            reader_width,
            reader_height,
        } => nav::resized(state, reader_width, reader_height),
        Msg::Saved(path) => {
            state.notice = Some(Notice::Saved(path));
            Vec::new()
        }
        Msg::Error(e) => {
            state.notice = Some(Notice::Error(e));
            Vec::new()
        }
    }
}

fn command(state: &mut AppState, c: Command) -> Vec<Effect> {
    state.notice = None;
    if state.overlay != Overlay::None {
        return status::overlay_command(state, c);
    }
    match c {
        Command::Quit => state.quit = true,
        Command::Help => state.overlay = Overlay::Help { scroll: 0 },
        Command::Links => return status::show_links(state),
        Command::FocusNext => state.focus = state.focus.next(),
        Command::FocusPrev => state.focus = state.focus.prev(),
        Command::Search => return search::start(state),
        Command::NextMatch => search::jump(state, true),
        Command::PrevMatch => search::jump(state, false),
        Command::SyncNow => return status::sync_now(state),
        Command::OpenInBrowser => return status::open_url(state),
        Command::CopyUrl => return status::copy_url(state),
        Command::SaveDocument => return status::save_document(state),
        Command::UnreadOnly => return nav::toggle_view(state, |v| &mut v.unread_only),
        Command::StarredOnly => return nav::toggle_view(state, |v| &mut v.starred_only),
        other => return nav::command(state, other),
    }
    Vec::new()
}

/// Unread articles in the whole list (counted by the store, kept up to date here).
pub fn unread_count(state: &AppState) -> usize {
    state.list.unread
}

#[cfg(test)]
mod tests;
