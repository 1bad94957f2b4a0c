//! How the non-interactive commands print: text for people, JSON for scripts.

use super::Format;
use crate::config::Config;
use crate::document::DocFormat;
use crate::model::{Article, Related, SourceStatus};
use std::io::Write;

fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<i32> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(0)
}

fn when(a: &Article) -> String {
    a.published
        .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|| "--/--/---- --:--".into())
}

/// `list` and `search`: one line per article, or a JSON array without bodies.
pub fn articles(list: &[Article], json: bool) -> anyhow::Result<i32> {
    if json {
        return print_json(&list);
    }
    let mut out = std::io::stdout().lock();
    for a in list {
        let mark = if a.starred {
            '*'
        } else if a.read {
            ' '
        } else {
            'N'
        };
        writeln!(
            out,
            "{:>6} {mark} {}  {}  [{}]",
            a.id,
            when(a),
            a.title,
            a.source
        )?;
    }
    Ok(0)
}

/// `read`: the article as JSON, or as a document (text, markdown, html) with its provenance.
pub fn article(a: &Article, format: Format) -> anyhow::Result<i32> {
    let doc = match format {
        Format::Json => return print_json(a),
        Format::Text => DocFormat::Text,
        Format::Markdown => DocFormat::Markdown,
        Format::Html => DocFormat::Html,
    };
    std::io::stdout()
        .lock()
        .write_all(crate::document::render(a, doc).as_bytes())?;
    Ok(0)
}

/// `related`: the site's related list with the ids of cached entries.
pub fn related(list: &[Related], json: bool) -> anyhow::Result<i32> {
    if json {
        return print_json(&list);
    }
    let mut out = std::io::stdout().lock();
    for (i, r) in list.iter().enumerate() {
        let id = r.id.map_or("not cached".to_string(), |i| format!("id {i}"));
        writeln!(out, "{:>2}. {}  ({id})  {}", i + 1, r.title, r.url)?;
    }
    Ok(0)
}

/// `sources`: the configured sources and any others the cache still holds.
pub fn sources(config: &Config, mut known: Vec<SourceStatus>, json: bool) -> anyhow::Result<i32> {
    for s in &config.sources {
        if !known.iter().any(|k| k.name == s.name) {
            known.push(SourceStatus {
                name: s.name.clone(),
                url: s.url.clone(),
                last_sync: None,
                status: "never synced".into(),
                articles: 0,
                unread: 0,
            });
        }
    }
    if json {
        return print_json(&known);
    }
    let mut out = std::io::stdout().lock();
    for s in &known {
        let last = s
            .last_sync
            .map(|t| t.format("%d/%m/%Y %H:%M").to_string())
            .unwrap_or_else(|| "never".into());
        writeln!(
            out,
            "{}  {}\n    last sync {last} · {} · {} articles, {} unread",
            s.name, s.url, s.status, s.articles, s.unread
        )?;
    }
    Ok(0)
}
