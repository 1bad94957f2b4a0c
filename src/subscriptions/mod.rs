//! Moving between readers: sources in and out of OPML 2.0, and newsboat `urls` files in.
//! Only plain values here; the config file is written by `config::edit`.
//!
//! An imported entry can only ever become an http(s) or file URL: command feeds (newsboat
//! `exec:`, `filter:`), query feeds and anything else are skipped and reported, never run.

pub mod newsboat;
pub mod opml;

use crate::config::SourceConfig;
use crate::text::sanitize_line;

/// What a subscription file gives: sources to add, and one line per entry left out.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parsed {
    pub sources: Vec<SourceConfig>,
    pub skipped: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// An OPML document (it starts with `<`), else a newsboat `urls` file.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('<') {
        opml::parse(text)
    } else {
        Ok(newsboat::parse(text))
    }
}

/// The URL if it is one tintuc may fetch: http, https or file.
pub fn usable_url(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    matches!(url.scheme(), "http" | "https" | "file").then(|| url.to_string())
}

/// A source from an imported entry; without a name, the URL's host names it.
fn source(name: Option<&str>, url: String, tags: Vec<String>) -> SourceConfig {
    let name = name.map(sanitize_line).filter(|n| !n.is_empty());
    let name = name.unwrap_or_else(|| {
        url::Url::parse(&url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| url.clone())
    });
    let mut clean: Vec<String> = Vec::new();
    for tag in tags.iter().map(|t| sanitize_line(t)) {
        if !tag.is_empty() && !clean.contains(&tag) {
            clean.push(tag);
        }
    }
    SourceConfig {
        name,
        url,
        kind: None,
        tags: clean,
        selectors: Default::default(),
        json: None,
    }
}
