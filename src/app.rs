//! The reader's state and every change to it: `update(state, msg) → effects`.
//! Plain data in, plain data out: no I/O and no terminal here, so it is tested with messages.

use crate::model::{Article, ArticleId};
use serde::Deserialize;
use std::collections::HashMap;

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Key {
    /// Parses a key as written in the config: one character, or a name such as `Enter`.
    pub fn parse(s: &str) -> Option<Key> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(Key::Char(c));
        }
        Some(match s.to_ascii_lowercase().as_str() {
            "enter" => Key::Enter,
            "esc" => Key::Esc,
            "tab" => Key::Tab,
            "backtab" => Key::BackTab,
            "backspace" => Key::Backspace,
            "up" => Key::Up,
            "down" => Key::Down,
            "left" => Key::Left,
            "right" => Key::Right,
            "pageup" => Key::PageUp,
            "pagedown" => Key::PageDown,
            "home" => Key::Home,
            "end" => Key::End,
            "space" => Key::Char(' '),
            _ => return None,
        })
    }
}

/// What a key asks for. The names are the keys of the config's `[keys]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Down,
    Up,
    Open,
    Back,
    FocusNext,
    FocusPrev,
    PageDown,
    PageUp,
    First,
    Last,
    ToggleRead,
    ToggleStar,
    Quit,
    /// Open the n-th (1-based) entry of the related list; bound to the digits 1–9.
    #[serde(skip)]
    OpenRelated(usize),
}

/// Keys → commands, built from the config's `[keys]` table.
#[derive(Debug, Clone, Default)]
pub struct Keymap(HashMap<Key, Command>);

impl Keymap {
    /// Builds the keymap; an unknown command or key is reported by name.
    pub fn from_table(
        table: &std::collections::BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, String> {
        let mut map = HashMap::new();
        for (name, keys) in table {
            let command: Command =
                serde::Deserialize::deserialize(serde::de::value::StrDeserializer::<
                    serde::de::value::Error,
                >::new(name))
                .map_err(|_| format!("[keys]: unknown command `{name}`"))?;
            for k in keys {
                let key =
                    Key::parse(k).ok_or_else(|| format!("[keys] {name}: unknown key `{k}`"))?;
                map.insert(key, command);
            }
        }
        for n in 1..=9u8 {
            map.entry(Key::Char(char::from(b'0' + n)))
                .or_insert(Command::OpenRelated(n as usize));
        }
        Ok(Keymap(map))
    }

    pub fn command(&self, key: Key) -> Option<Command> {
        self.0.get(&key).copied()
    }
}

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

/// Everything the screen shows. `ui::render` reads it; only `update` changes it.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// The list pane's rows (no bodies), newest first.
    pub articles: Vec<Article>,
    pub selected: usize,
    pub focus: Focus,
    /// The article in the reader pane, with its body.
    pub open: Option<Article>,
    pub reader_scroll: u16,
    pub related_selected: usize,
    /// Articles opened before the current one, for Back.
    pub history: Vec<ArticleId>,
    pub offline: bool,
    /// A one-line message for the status bar (errors, "not cached", …).
    pub message: Option<String>,
    /// Id of the newest article request; replies to older requests are dropped.
    pub pending: u64,
    pub quit: bool,
    /// Lines in the reader pane, set by the runtime from the terminal size (for paging).
    pub page_height: u16,
}

/// Inputs to `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Command(Command),
    /// The list was (re)loaded from the store.
    ListLoaded(Vec<Article>),
    /// Reply to `Effect::LoadArticle`; `None` when the id is not in the cache.
    ArticleLoaded {
        request: u64,
        article: Option<Box<Article>>,
    },
    Resized {
        reader_height: u16,
    },
    Error(String),
}

/// Work `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadArticle { request: u64, id: ArticleId },
    SetRead { id: ArticleId, read: bool },
    SetStarred { id: ArticleId, starred: bool },
}

pub fn update(state: &mut AppState, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Command(c) => command(state, c),
        Msg::ListLoaded(list) => {
            state.articles = list;
            state.selected = state.selected.min(state.articles.len().saturating_sub(1));
            Vec::new()
        }
        Msg::ArticleLoaded { request, article } => article_loaded(state, request, article),
        Msg::Resized { reader_height } => {
            state.page_height = reader_height;
            Vec::new()
        }
        Msg::Error(e) => {
            state.message = Some(e);
            Vec::new()
        }
    }
}

fn command(state: &mut AppState, c: Command) -> Vec<Effect> {
    state.message = None;
    match c {
        Command::Quit => state.quit = true,
        Command::FocusNext => state.focus = state.focus.next(),
        Command::FocusPrev => state.focus = state.focus.prev(),
        Command::Down => move_by(state, 1),
        Command::Up => move_by(state, -1),
        Command::PageDown => page(state, 1),
        Command::PageUp => page(state, -1),
        Command::First => move_by(state, i64::MIN / 2),
        Command::Last => move_by(state, i64::MAX / 2),
        Command::Open => return open_selected(state),
        Command::OpenRelated(n) => return open_related(state, n),
        Command::Back => return back(state),
        Command::ToggleRead => return toggle_read(state),
        Command::ToggleStar => return toggle_star(state),
    }
    Vec::new()
}

fn move_by(state: &mut AppState, delta: i64) {
    let clamp = |pos: usize, len: usize| -> usize {
        (pos as i64)
            .saturating_add(delta)
            .clamp(0, len.saturating_sub(1) as i64) as usize
    };
    match state.focus {
        Focus::List => state.selected = clamp(state.selected, state.articles.len()),
        Focus::Related => {
            let len = state.open.as_ref().map_or(0, |a| a.related.len());
            state.related_selected = clamp(state.related_selected, len);
        }
        Focus::Reader => {
            let scroll = i64::from(state.reader_scroll)
                .saturating_add(delta)
                .clamp(0, i64::from(u16::MAX));
            state.reader_scroll = scroll as u16;
        }
    }
}

fn page(state: &mut AppState, direction: i64) {
    let step = i64::from(state.page_height.saturating_sub(2).max(1));
    if state.focus == Focus::List {
        move_by(state, direction * step);
    } else {
        let scroll =
            (i64::from(state.reader_scroll) + direction * step).clamp(0, i64::from(u16::MAX));
        state.reader_scroll = scroll as u16;
    }
}

fn request(state: &mut AppState, id: ArticleId) -> Vec<Effect> {
    state.pending += 1;
    vec![Effect::LoadArticle {
        request: state.pending,
        id,
    }]
}

fn open_selected(state: &mut AppState) -> Vec<Effect> {
    match state.focus {
        Focus::Related => open_related(state, state.related_selected + 1),
        _ => match state.articles.get(state.selected) {
            Some(a) => {
                let id = a.id;
                remember_current(state);
                request(state, id)
            }
            None => Vec::new(),
        },
    }
}

fn open_related(state: &mut AppState, n: usize) -> Vec<Effect> {
    let Some(entry) = state
        .open
        .as_ref()
        .and_then(|a| a.related.get(n.wrapping_sub(1)))
    else {
        return Vec::new();
    };
    match entry.id {
        Some(id) => {
            remember_current(state);
            request(state, id)
        }
        None => {
            state.message = Some(format!("{} — {}", entry.title, entry.url));
            Vec::new()
        }
    }
}

fn remember_current(state: &mut AppState) {
    if let Some(a) = &state.open {
        state.history.push(a.id);
    }
}

fn back(state: &mut AppState) -> Vec<Effect> {
    match state.history.pop() {
        Some(id) => request(state, id),
        None => {
            state.focus = Focus::List;
            Vec::new()
        }
    }
}

fn article_loaded(
    state: &mut AppState,
    request: u64,
    article: Option<Box<Article>>,
) -> Vec<Effect> {
    if request != state.pending {
        return Vec::new(); // a newer request superseded this one
    }
    let Some(mut article) = article else {
        state.message = Some("not in the cache".into());
        return Vec::new();
    };
    let mut effects = Vec::new();
    if !article.read {
        article.read = true;
        effects.push(Effect::SetRead {
            id: article.id,
            read: true,
        });
    }
    if let Some(pos) = state.articles.iter().position(|a| a.id == article.id) {
        state.articles[pos].read = true;
        state.selected = pos;
    }
    state.reader_scroll = 0;
    state.related_selected = 0;
    state.open = Some(*article);
    state.focus = Focus::Reader;
    effects
}

fn toggle_read(state: &mut AppState) -> Vec<Effect> {
    let Some(row) = state.articles.get_mut(state.selected) else {
        return Vec::new();
    };
    row.read = !row.read;
    let (id, read) = (row.id, row.read);
    if let Some(open) = state.open.as_mut().filter(|o| o.id == id) {
        open.read = read;
    }
    vec![Effect::SetRead { id, read }]
}

fn toggle_star(state: &mut AppState) -> Vec<Effect> {
    let Some(row) = state.articles.get_mut(state.selected) else {
        return Vec::new();
    };
    row.starred = !row.starred;
    let (id, starred) = (row.id, row.starred);
    if let Some(open) = state.open.as_mut().filter(|o| o.id == id) {
        open.starred = starred;
    }
    vec![Effect::SetStarred { id, starred }]
}

/// Unread articles among the rows of the list.
pub fn unread_count(state: &AppState) -> usize {
    state.articles.iter().filter(|a| !a.read).count()
}

#[cfg(test)]
mod tests;
