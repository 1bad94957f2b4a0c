//! Configuration: the embedded defaults (`config/default.toml`), the user's file on top, and paths.
//!
//! A bad file is reported in one line naming the file, the line and the key, so a user can fix it
//! without reading a backtrace.

pub mod edit;
pub mod json_source;

use crate::model::Selectors;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The documented defaults, every option commented. `Config::default()` must equal this file
/// parsed (a unit test holds them together).
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");
/// The default theme.
pub const DEFAULT_THEME_TOML: &str = include_str!("../themes/default.toml");

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}:{line}: {what}; fix or remove it")]
    Invalid {
        file: String,
        line: usize,
        what: String,
    },
    #[error("cannot read config file {file}: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("no home directory found: pass --config FILE and --data-dir DIR")]
    NoHome,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Feed,
    Html,
    /// A WordPress site's REST API (`/wp-json/wp/v2/posts`).
    Wordpress,
    /// A portal's own JSON API, read through `[source.json]`.
    Json,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    pub url: String,
    pub kind: Option<SourceKind>,
    /// Labels carried over from OPML categories or newsboat tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// CSS selectors that replace generic extraction for this source's pages.
    #[serde(default)]
    pub selectors: Selectors,
    /// `[source.json]`: where the fields sit in a JSON API's items.
    #[serde(default)]
    pub json: Option<json_source::JsonMapping>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncConfig {
    pub connect_timeout_secs: u64,
    pub timeout_secs: u64,
    pub max_page_bytes: u64,
    pub concurrency: usize,
    pub per_host_concurrency: usize,
    pub full_text: bool,
    pub related_depth: u32,
    pub max_pages: u32,
    pub max_items: usize,
    /// The reader syncs in the background when it starts (not with `--offline`).
    pub on_start: bool,
    pub images: bool,
    pub user_agent: String,
    /// An extra CA (PEM) to trust besides the system's, e.g. an office's TLS-inspecting proxy.
    pub ca_file: Option<std::path::PathBuf>,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            connect_timeout_secs: 10,
            timeout_secs: 30,
            max_page_bytes: 5 * 1024 * 1024,
            concurrency: 8,
            per_host_concurrency: 2,
            full_text: true,
            related_depth: 1,
            max_pages: 3,
            max_items: 1000,
            on_start: true,
            images: false,
            user_agent: "tintuc/0.1 (terminal news reader)".into(),
            ca_file: None,
        }
    }
}

/// Retention: how long the cache keeps articles. Zero keeps everything; starred articles are
/// always kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoreConfig {
    pub keep_days: u32,
    pub max_size_mb: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Vi,
    En,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UiConfig {
    pub language: Language,
    pub theme: String,
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            language: Language::Vi,
            theme: "default".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    #[serde(rename = "source")]
    pub sources: Vec<SourceConfig>,
    pub sync: SyncConfig,
    pub store: StoreConfig,
    pub ui: UiConfig,
    /// Command name → keys. Merged over the defaults by [`Config::parse`].
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            sources: Vec::new(),
            sync: SyncConfig::default(),
            store: StoreConfig::default(),
            ui: UiConfig::default(),
            keys: default_keys(),
        }
    }
}

/// The `[keys]` table of the embedded defaults.
pub fn default_keys() -> BTreeMap<String, Vec<String>> {
    #[derive(Deserialize)]
    struct KeysOnly {
        keys: BTreeMap<String, Vec<String>>,
    }
    let keys: KeysOnly = toml::from_str(DEFAULT_TOML).expect("embedded default.toml has [keys]");
    keys.keys
}

impl Config {
    /// Parses a config file's text; `file` names it in errors. User keys are merged over the defaults.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        let mut config: Config =
            toml::from_str(text).map_err(|e| invalid_from_toml(&e, text, file))?;
        config.keys = merge_keys(std::mem::take(&mut config.keys), text, file)?;
        // Names reach the terminal (status bar, `sources`): no control characters, even from here.
        for s in &mut config.sources {
            s.name = crate::text::sanitize_line(&s.name);
            s.url = s.url.trim().to_string();
        }
        config.check(text, file)?;
        Ok(config)
    }

    /// Loads `path` if given (it must exist), else the user's config file if it exists, else defaults.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => match default_config_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let file = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        })?;
        Config::parse(&text, &file)
    }

    /// Checks what serde cannot: values in range, unique source names, usable URLs.
    fn check(&self, text: &str, file: &str) -> Result<(), ConfigError> {
        let fail = |key: &str, what: String| ConfigError::Invalid {
            file: file.to_string(),
            line: line_of_key(text, key),
            what: format!("key `{key}`: {what}"),
        };
        for (i, s) in self.sources.iter().enumerate() {
            if s.name.trim().is_empty() {
                return Err(fail("name", "a source needs a non-empty name".into()));
            }
            if self.sources[..i].iter().any(|o| o.name == s.name) {
                return Err(fail(
                    "name",
                    format!("source name \"{}\" is used twice", s.name),
                ));
            }
            if let Err(e) = crate::extract::select::validate(&s.selectors) {
                return Err(ConfigError::Invalid {
                    file: file.to_string(),
                    line: line_of_value(text, e.field, &e.css),
                    what: format!("source \"{}\": {e}", s.name),
                });
            }
            if let Err(e) = json_source::check(s) {
                return Err(ConfigError::Invalid {
                    file: file.to_string(),
                    line: line_of_value(text, e.key, &e.value),
                    what: format!("source \"{}\": key `{}`: {}", s.name, e.key, e.what),
                });
            }
            match url::Url::parse(&s.url) {
                Ok(u) if matches!(u.scheme(), "http" | "https" | "file") => {}
                _ => {
                    return Err(fail(
                        "url",
                        format!("\"{}\" is not an http(s):// or file:// URL", s.url),
                    ))
                }
            }
        }
        if self.sync.concurrency == 0 || self.sync.per_host_concurrency == 0 {
            return Err(fail("concurrency", "must be at least 1".into()));
        }
        if self.sync.timeout_secs == 0 || self.sync.connect_timeout_secs == 0 {
            return Err(fail("timeout_secs", "must be at least 1".into()));
        }
        Ok(())
    }
}

/// The user's `[keys]` over the defaults: a command the user names gets exactly the user's keys,
/// and a key the user gives to one command is taken away from whichever default had it. One key
/// given to two commands in the user's own table is an error naming both.
fn merge_keys(
    user: BTreeMap<String, Vec<String>>,
    text: &str,
    file: &str,
) -> Result<BTreeMap<String, Vec<String>>, ConfigError> {
    // "Enter" and "enter" are one key; single characters keep their case ("g" is not "G").
    let norm = |k: &str| {
        if k.chars().count() == 1 {
            k.to_string()
        } else {
            k.to_lowercase()
        }
    };
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    let invalid = |command: &str, what: String| ConfigError::Invalid {
        file: file.to_string(),
        line: line_of_key(text, command),
        what,
    };
    for (command, keys) in &user {
        if crate::app::Command::from_name(command).is_none() {
            return Err(invalid(
                command,
                format!("[keys]: unknown command `{command}` (see `?` in the reader for the list)"),
            ));
        }
        for k in keys {
            if crate::app::Key::parse(k).is_none() {
                return Err(invalid(command, format!("[keys] {command}: unknown key \"{k}\" (a character, or Enter, Esc, Tab, BackTab, Backspace, Up, Down, Left, Right, PageUp, PageDown, Home, End, Space)")));
            }
            if let Some(other) = owner.insert(norm(k), command).filter(|o| o != command) {
                return Err(invalid(
                    command,
                    format!("key \"{k}\" is bound to both `{other}` and `{command}`"),
                ));
            }
        }
    }
    let mut merged = default_keys();
    for keys in merged.values_mut() {
        keys.retain(|k| !owner.contains_key(&norm(k)));
    }
    merged.extend(user);
    Ok(merged)
}

/// Turns a toml/serde error into "file:line: key `k`: message".
fn invalid_from_toml(e: &toml::de::Error, text: &str, file: &str) -> ConfigError {
    let start = e.span().map(|s| s.start).unwrap_or(0);
    let line = text[..start.min(text.len())].matches('\n').count() + 1;
    let message = e.message().trim().replace('\n', " ");
    let key = backticked(&message).or_else(|| key_on_line(text, line));
    let what = match key {
        Some(k) if !message.contains(&format!("`{k}`")) => format!("key `{k}`: {message}"),
        _ => message,
    };
    ConfigError::Invalid {
        file: file.to_string(),
        line,
        what,
    }
}

fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let (key, _) = l.split_once('=')?;
    Some(key.trim().to_string())
}

/// The first line (1-based) where `key` is assigned, or 1 when it is not written out.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

/// The line where `key` is assigned a value containing `value` (a selector
/// of one source among many), else where `key` is first assigned.
fn line_of_value(text: &str, key: &str, value: &str) -> usize {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('=') && r.contains(value))
        })
        .map_or_else(|| line_of_key(text, key), |i| i + 1)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "tintuc")
}

/// `~/.config/tintuc/config.toml` on Linux.
pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The data directory: `--data-dir`, else `~/.local/share/tintuc` on Linux.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf, ConfigError> {
    match explicit {
        Some(p) => Ok(p.to_path_buf()),
        None => project_dirs()
            .map(|d| d.data_dir().to_path_buf())
            .ok_or(ConfigError::NoHome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_equal_rust_defaults() {
        let parsed = Config::parse(DEFAULT_TOML, "default.toml").unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn user_file_overrides_only_what_it_names() {
        let text =
            "[sync]\ntimeout_secs = 5\n\n[[source]]\nname = \"A\"\nurl = \"https://a.vn/rss\"\n";
        let c = Config::parse(text, "c.toml").unwrap();
        assert_eq!(c.sync.timeout_secs, 5);
        assert_eq!(c.sync.concurrency, 8);
        assert_eq!(c.sources[0].name, "A");
    }

    #[test]
    fn user_keys_merge_over_default_keys() {
        let c = Config::parse("[keys]\nquit = [\"x\"]\n", "c.toml").unwrap();
        assert_eq!(c.keys["quit"], vec!["x".to_string()]);
        assert_eq!(c.keys["down"], vec!["j".to_string(), "Down".to_string()]);
    }

    #[test]
    fn unknown_commands_and_keys_name_the_line() {
        let err = Config::parse("[keys]\n\nfly = [\"f\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:3:") && err.contains("`fly`"),
            "{err}"
        );
        let err = Config::parse("[keys]\nquit = [\"Hyper\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.toml:2:") && err.contains("\"Hyper\""),
            "{err}"
        );
    }

    #[test]
    fn a_key_given_to_another_command_leaves_its_default() {
        let c = Config::parse("[keys]\nquit = [\"j\"]\n", "c.toml").unwrap();
        assert_eq!(c.keys["quit"], vec!["j".to_string()]);
        assert_eq!(c.keys["down"], vec!["Down".to_string()], "j moved to quit");
        let err = Config::parse("[keys]\nquit = [\"x\"]\nup = [\"X\", \"x\"]\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`quit`") && err.contains("`up`") && err.contains("\"x\""),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let text = "[sync]\ntimeout_secs = 5\ntimout = 3\n";
        let err = Config::parse(text, "/home/u/c.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/home/u/c.toml:3:"), "{err}");
        assert!(err.contains("`timout`"), "{err}");
        assert!(!err.contains('\n'));
    }

    #[test]
    fn wrong_type_names_the_key() {
        let err = Config::parse("[sync]\n\nconcurrency = \"many\"\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.toml:3:"), "{err}");
        assert!(err.contains("concurrency"), "{err}");
    }

    #[test]
    fn source_selectors_parse_and_bad_ones_name_the_line() {
        let ok = "[[source]]\nname = \"A\"\nurl = \"https://a.vn/rss\"\n\
                  [source.selectors]\nbody = \"div.noidung\"\nnext = \"a.next\"\n";
        let c = Config::parse(ok, "c.toml").unwrap();
        assert_eq!(c.sources[0].selectors.body.as_deref(), Some("div.noidung"));
        assert_eq!(c.sources[0].selectors.next.as_deref(), Some("a.next"));
        let bad = ok.replace("a.next", "a..next");
        let err = Config::parse(&bad, "c.toml").unwrap_err().to_string();
        assert!(err.starts_with("c.toml:6:"), "{err}");
        assert!(err.contains("`next`") && err.contains("a..next"), "{err}");
        let unknown = ok.replace("next =", "nxt =");
        let err = Config::parse(&unknown, "c.toml").unwrap_err().to_string();
        assert!(err.starts_with("c.toml:6:") && err.contains("nxt"), "{err}");
    }

    #[test]
    fn bad_source_url_is_reported() {
        let text = "[[source]]\nname = \"A\"\nurl = \"ftp://x\"\n";
        let err = Config::parse(text, "c.toml").unwrap_err().to_string();
        assert!(
            err.starts_with("c.toml:3:") && err.contains("`url`"),
            "{err}"
        );
    }
}
