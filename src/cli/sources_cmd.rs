//! Adding sources: `sources add URL` (feed discovery), `opml import FILE` (OPML or a newsboat
//! `urls` file), and `opml export`. Sources are appended to the user's config file.

use crate::config::edit::{append_sources, Appended};
use crate::config::{Config, SourceConfig, SourceKind};
use crate::subscriptions::{self, opml};
use crate::sync::discover::{discover, Discovery};
use crate::sync::http::Fetcher;
use crate::text::sanitize_line;
use anyhow::{bail, Context};
use std::path::Path;

pub fn add(
    config_file: &Path,
    config: &Config,
    url: &str,
    name: Option<String>,
    offline: bool,
) -> anyhow::Result<i32> {
    if subscriptions::usable_url(url).is_none() {
        bail!("\"{url}\" is not an http(s):// or file:// URL");
    }
    let fetcher = Fetcher::new(&config.sync, offline)?;
    let found = discover(&fetcher, url).map_err(anyhow::Error::msg)?;
    let (kind, found_url, title) = match &found {
        Discovery::Feed { url, title, items } => {
            println!("found a feed: {url} ({items} items)");
            (SourceKind::Feed, url, title)
        }
        Discovery::WordPress { url, title } => {
            println!("found a WordPress API: {url}: adding it as a wordpress source (full text, authors and categories)");
            (SourceKind::Wordpress, url, title)
        }
        Discovery::Listing { url, title, links } => {
            println!("no feed found; {url} lists {links} article links: adding it as an HTML listing source");
            (SourceKind::Html, url, title)
        }
    };
    let name = name
        .map(|n| sanitize_line(&n))
        .filter(|n| !n.is_empty())
        .or_else(|| title.clone())
        .unwrap_or_else(|| host_of(found_url));
    let source = SourceConfig {
        name,
        url: found_url.clone(),
        kind: Some(kind),
        tags: Vec::new(),
        selectors: Default::default(),
        json: None,
    };
    let result = append_sources(config_file, &[source], "`tintuc sources add`")?;
    report(config_file, &result, &[]);
    Ok(0)
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| url.to_string())
}

pub fn import(config_file: &Path, file: &Path) -> anyhow::Result<i32> {
    let shown = file.display();
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {shown}"))?;
    let parsed = subscriptions::parse(&text).with_context(|| format!("{shown}"))?;
    if parsed.sources.is_empty() && parsed.skipped.is_empty() {
        bail!(
            "{shown}: no feeds found (expected OPML outlines with xmlUrl, or a newsboat urls file)"
        );
    }
    let origin = format!("`tintuc opml import {shown}`");
    let result = append_sources(config_file, &parsed.sources, &origin)?;
    report(config_file, &result, &parsed.skipped);
    Ok(0)
}

fn report(config_file: &Path, result: &Appended, skipped: &[String]) {
    for s in &result.added {
        println!("added \"{}\" {}", s.name, s.url);
    }
    for (name, url) in &result.present {
        println!("already configured: \"{name}\" {url}");
    }
    for line in skipped {
        eprintln!("skipped {line}");
    }
    println!(
        "{} source(s) added to {}; fetch them with `tintuc sync`",
        result.added.len(),
        config_file.display()
    );
}

pub fn export(config: &Config) -> anyhow::Result<i32> {
    print!("{}", opml::write(&config.sources, "tintuc sources"));
    Ok(0)
}
