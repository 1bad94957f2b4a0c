//! `tintuc extract FILE|URL|- [--url BASE] [--source NAME] [--json]`: what the
//! extractor finds on one page, the tool for adding a portal (try a page,
//! then add `[source.selectors]` where the guess is wrong).

use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context};
use serde_json::json;
use url::Url;

use crate::config::Config;
use crate::extract::{doc, extract_with, Extracted};
use crate::model::{BlockKind, Selectors, Validators};
use crate::sync::{charset, http};

/// Where the page comes from and what to call it.
pub struct Request<'a> {
    pub target: &'a str,
    pub base: Option<&'a str>,
    pub source: Option<&'a str>,
    pub json: bool,
    pub offline: bool,
}

pub fn run(config: &Config, req: &Request) -> anyhow::Result<i32> {
    let selectors = match req.source {
        Some(name) => match config.sources.iter().find(|s| s.name == name) {
            Some(s) => s.selectors.clone(),
            None => bail!("no source named \"{name}\" in the config (see `tintuc sources`)"),
        },
        None => Selectors::default(),
    };
    let (html, page_url) = load(config, req)?;
    let base = match req.base {
        Some(b) => Url::parse(b).with_context(|| format!("--url {b}: not a URL"))?,
        None => page_url,
    };
    let found = extract_with(&html, &base, &selectors);
    if found.body.trim().is_empty() {
        // The user is adding a portal: say what to do, on stderr so that
        // `--json` output stays one object.
        eprintln!(
            "tintuc: {}: no article text found; if the page has one, point to it with \
             [source.selectors] body = \"CSS selector\" and try again with --source NAME",
            req.target
        );
    }
    if req.json {
        print_json(&found, &base, req.source)
    } else {
        print_text(&found, &base)
    }
}

/// The page's text and its own URL (the fetched URL after redirects, or
/// the file's `file://` URL).
fn load(config: &Config, req: &Request) -> anyhow::Result<(String, Url)> {
    let t = req.target;
    if t.starts_with("http://") || t.starts_with("https://") {
        let fetcher = http::Fetcher::new(&config.sync, req.offline)?;
        let page = match fetcher.fetch(t, &Validators::default()) {
            Ok(http::Fetched::Body(page)) => page,
            Ok(http::Fetched::NotModified) => bail!("{t}: unexpected 304 Not Modified"),
            Err(e) => bail!("{t}: {e}"),
        };
        let url = Url::parse(&page.url).with_context(|| format!("{t}: bad final URL"))?;
        return Ok((
            charset::decode(&page.bytes, page.content_type.as_deref()),
            url,
        ));
    }
    let limit = config.sync.max_page_bytes;
    if t == "-" {
        let bytes = read_at_most(std::io::stdin().lock(), limit, "standard input")?;
        let bytes = page_bytes("standard input", bytes, limit)?;
        // No address to resolve links against: `--url` gives one.
        let url = Url::parse("file:///dev/stdin").expect("a fixed, valid URL");
        return Ok((charset::decode(&bytes, None), url));
    }
    let path = Path::new(t);
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {t}"))?;
    let bytes = read_at_most(file, limit, t)?;
    let bytes = page_bytes(t, bytes, limit)?;
    // A pipe (`<(zcat page.gz)`, `/dev/stdin`) has no canonical path; its
    // absolute name still makes a `file://` URL.
    let abs = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .with_context(|| format!("cannot read {t}"))?;
    let url = Url::from_file_path(&abs).map_err(|_| anyhow::anyhow!("{t}: not a usable path"))?;
    Ok((charset::decode(&bytes, None), url))
}

/// Reads a saved page, refusing one larger than the sync's page limit
/// instead of filling memory with it.
fn read_at_most(input: impl Read, limit: u64, name: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {name}"))?;
    if bytes.len() as u64 > limit {
        bail!("{name}: larger than {limit} bytes; raise [sync] max_page_bytes to read it");
    }
    Ok(bytes)
}

/// A saved page as HTML bytes: a gzipped file (as archives and test
/// corpora store pages) is unpacked up to the sync's page limit, and a file
/// of binary data is refused rather than printed as mojibake.
fn page_bytes(name: &str, bytes: Vec<u8>, limit: u64) -> anyhow::Result<Vec<u8>> {
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let gz = flate2::read::MultiGzDecoder::new(&bytes[..]);
        gz.take(limit + 1)
            .read_to_end(&mut out)
            .with_context(|| format!("{name}: starts like gzip but does not unpack"))?;
        if out.len() as u64 > limit {
            bail!("{name}: unpacks to more than {limit} bytes ([sync] max_page_bytes)");
        }
        out
    } else {
        bytes
    };
    // UTF-16 text has NUL bytes too, and says so with a byte-order mark.
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !utf16 && bytes.iter().take(8192).any(|&b| b == 0) {
        bail!("{name}: binary data, not an HTML page");
    }
    Ok(bytes)
}

/// The design's article fields; `id` is null (nothing is cached), `source`
/// is `--source` or else the page's host (null for a file), and `lead` and
/// `captions` are added for people writing selectors.
fn print_json(e: &Extracted, base: &Url, source: Option<&str>) -> anyhow::Result<i32> {
    let source = source
        .map(str::to_string)
        .or(base.host_str().map(str::to_string));
    let related: Vec<_> = e
        .related
        .iter()
        .map(|l| json!({"title": l.title, "url": l.url, "id": null}))
        .collect();
    let value = json!({
        "id": null,
        "source": source,
        "url": base.as_str(),
        "title": e.title,
        "author": e.author,
        "published": e.published.map(|t| t.to_rfc3339()),
        "views": e.views,
        "category": e.category,
        "summary": e.summary.clone().unwrap_or_default(),
        "body": e.body,
        "related": related,
        "read": false,
        "starred": false,
        "fetched_at": chrono::Local::now().fixed_offset().to_rfc3339(),
        "lead": e.texts(BlockKind::Lead).first(),
        "captions": e.texts(BlockKind::Caption),
    });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)?;
    Ok(0)
}

fn print_text(e: &Extracted, base: &Url) -> anyhow::Result<i32> {
    let none = || "-".to_string();
    let mut out = std::io::stdout().lock();
    let fields = [
        ("url", Some(base.to_string())),
        ("title", e.title.clone()),
        ("author", e.author.clone()),
        ("published", e.published.map(|t| t.to_rfc3339())),
        ("views", e.views.map(|v| v.to_string())),
        ("category", e.category.clone()),
        (
            "lead",
            e.texts(BlockKind::Lead).first().map(|s| s.to_string()),
        ),
    ];
    for (name, value) in fields {
        writeln!(out, "{name:<10} {}", value.unwrap_or_else(none))?;
    }
    for c in e.texts(BlockKind::Caption) {
        writeln!(out, "{:<10} {c}", "caption")?;
    }
    writeln!(out, "\n--- body ---\n{}\n", doc::render(&e.doc))?;
    writeln!(out, "--- related ({}) ---", e.related.len())?;
    for (i, l) in e.related.iter().enumerate() {
        writeln!(out, "{:>2}. {}  {}", i + 1, l.title, l.url)?;
    }
    Ok(0)
}
