//! Colours of the reader, from a theme file (`themes/default.toml` is embedded).

use ratatui::style::Color;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Color,
    pub border_focused: Color,
    pub title: Color,
    pub selected_bg: Color,
    pub selected_fg: Color,
    pub unread: Color,
    pub read: Color,
    pub meta: Color,
    pub dim: Color,
    pub status_bg: Color,
    pub status_fg: Color,
    pub error: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::parse(crate::config::DEFAULT_THEME_TOML).expect("embedded theme is valid")
    }
}

impl Theme {
    /// Parses a theme file; a missing colour or an unknown name is reported by key.
    pub fn parse(text: &str) -> Result<Theme, String> {
        let table: BTreeMap<String, String> =
            toml::from_str(text).map_err(|e| format!("theme: {}", e.message()))?;
        let get = |key: &str| -> Result<Color, String> {
            let value = table
                .get(key)
                .ok_or_else(|| format!("theme: missing colour `{key}`"))?;
            value
                .parse::<Color>()
                .map_err(|_| format!("theme: `{key}` = \"{value}\" is not a colour"))
        };
        Ok(Theme {
            border: get("border")?,
            border_focused: get("border_focused")?,
            title: get("title")?,
            selected_bg: get("selected_bg")?,
            selected_fg: get("selected_fg")?,
            unread: get("unread")?,
            read: get("read")?,
            meta: get("meta")?,
            dim: get("dim")?,
            status_bg: get("status_bg")?,
            status_fg: get("status_fg")?,
            error: get("error")?,
        })
    }
}
