//! Keys are data: a `Command` enum named like the config's `[keys]` table, the keymap built
//! from that table, and the bindings in display order for the help overlay.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    /// How the help overlay writes the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
        }
    }
}

/// What a key asks for. The names are the keys of the config's `[keys]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Down,
    Up,
    First,
    Last,
    Open,
    Back,
    FocusNext,
    FocusPrev,
    PageDown,
    PageUp,
    Search,
    NextMatch,
    PrevMatch,
    ToggleRead,
    ToggleStar,
    UnreadOnly,
    StarredOnly,
    Links,
    SyncNow,
    OpenInBrowser,
    CopyUrl,
    /// Save the open article as a printable HTML document (with its provenance).
    SaveDocument,
    Help,
    Quit,
    /// Open the n-th (1-based) entry of the related sidebar; bound to the digits 1–9.
    #[serde(skip)]
    OpenRelated(usize),
}

impl Command {
    /// Every bindable command, in the order the help overlay lists them.
    pub const ALL: [Command; 24] = [
        Command::Down,
        Command::Up,
        Command::First,
        Command::Last,
        Command::Open,
        Command::Back,
        Command::FocusNext,
        Command::FocusPrev,
        Command::PageDown,
        Command::PageUp,
        Command::Search,
        Command::NextMatch,
        Command::PrevMatch,
        Command::ToggleRead,
        Command::ToggleStar,
        Command::UnreadOnly,
        Command::StarredOnly,
        Command::Links,
        Command::SyncNow,
        Command::OpenInBrowser,
        Command::CopyUrl,
        Command::SaveDocument,
        Command::Help,
        Command::Quit,
    ];

    /// The command a `[keys]` entry names (`open_in_browser` → `OpenInBrowser`).
    pub fn from_name(name: &str) -> Option<Command> {
        let de = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name);
        Command::deserialize(de).ok()
    }
}

/// Keys → commands, built from the config's `[keys]` table, plus the reverse for help.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: HashMap<Key, Command>,
    bindings: Vec<(Command, Vec<Key>)>,
}

impl Keymap {
    /// Builds the keymap; an unknown command or key is reported by name.
    pub fn from_table(table: &BTreeMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut map = HashMap::new();
        for (name, keys) in table {
            let command = Command::from_name(name)
                .ok_or_else(|| format!("[keys]: unknown command `{name}`"))?;
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
        // Built from the final map, so a key taken over by another command is listed once.
        let bindings = Command::ALL
            .iter()
            .map(|&c| {
                let mut seen = std::collections::HashSet::new();
                let keys: Vec<Key> = table
                    .values()
                    .flatten()
                    .filter_map(|k| Key::parse(k))
                    .filter(|k| map.get(k) == Some(&c) && seen.insert(*k))
                    .collect();
                (c, keys)
            })
            .collect();
        Ok(Keymap { map, bindings })
    }

    pub fn command(&self, key: Key) -> Option<Command> {
        self.map.get(&key).copied()
    }

    /// Each command with the keys bound to it, in help order (commands without keys included).
    pub fn bindings(&self) -> &[(Command, Vec<Key>)] {
        &self.bindings
    }
}
