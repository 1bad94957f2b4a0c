//! Loading each corpus and running the extractor over it. Files are read
//! in place (gzip decoded in memory); nothing is copied into the repo.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use tintuc::extract::{extract, Extracted};
use url::Url;

use crate::score::{self, Hits, PageScore, Snippets};

/// What one corpus run measured.
#[derive(Default)]
pub struct Report {
    pub pages: usize,
    pub panics: usize,
    pub bytes: usize,
    pub time: Duration,
    pub shingle: Vec<PageScore>,
    pub bow: Vec<PageScore>,
    pub snippets: Snippets,
    pub title: Hits,
    pub date: Hits,
    pub author: Hits,
    /// The page being scored, for `EVAL_META` lines.
    url: String,
}

impl Report {
    /// Runs the extractor on one page, timing it and catching panics.
    fn run(&mut self, html: &str, base: &str) -> Option<Extracted> {
        let base =
            Url::parse(base).unwrap_or_else(|_| Url::parse("http://fakehost/").expect("url"));
        self.pages += 1;
        self.url = base.to_string();
        self.bytes += html.len();
        let start = Instant::now();
        let got = std::panic::catch_unwind(|| extract(html, &base));
        let mut fastest = start.elapsed();
        // EVAL_REPEAT=N times each page N times and keeps the fastest run, so
        // a busy or throttled machine disturbs the speed figure less.
        for _ in 1..repeats() {
            let again = Instant::now();
            let _ = std::panic::catch_unwind(|| extract(html, &base));
            fastest = fastest.min(again.elapsed());
        }
        self.time += fastest;
        if got.is_err() {
            self.panics += 1;
        }
        got.ok()
    }

    fn meta(&mut self, got: Option<&Extracted>, title: &str, date: &str, author: &str) {
        // EVAL_META=1 prints each miss, EVAL_META=all each hit too.
        let mode = std::env::var("EVAL_META").ok();
        let (show, all) = (mode.is_some(), mode.as_deref() == Some("all"));
        let url = self.url.clone();
        let check = |hits: &mut Hits, field: &str, want: &str, found: Option<String>, ok: bool| {
            if show && !ok {
                eprintln!("{field} want {want:?} got {found:?} ({url})");
            } else if all {
                eprintln!("{field} OK {want:?} ({url})");
            }
            hits.add(ok);
        };
        if !title.trim().is_empty() {
            let found = got.and_then(|e| e.title.clone());
            let ok = score::same_text(title, found.as_deref());
            check(&mut self.title, "TITLE", title, found, ok);
        }
        if date.len() >= 10 {
            let found = got
                .and_then(|e| e.published)
                .map(|d| d.format("%Y-%m-%d").to_string());
            let ok = found.as_deref() == Some(score::label_day(date).as_str());
            check(&mut self.date, "DATE", date, found, ok);
        }
        if !author.trim().is_empty() {
            let found = got.and_then(|e| e.author.clone());
            let ok = score::same_author(author, found.as_deref());
            check(&mut self.author, "AUTHOR", author, found, ok);
        }
    }
}

pub fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out)?;
    Ok(out)
}

/// Bytes → text the way sync does it (meta charset, then UTF-8).
fn html_at(path: &Path) -> Option<String> {
    read_gz(path)
        .ok()
        .map(|b| tintuc::sync::charset::decode(&b, None))
}

fn json_at(path: &Path) -> Option<Value> {
    serde_json::from_slice(&read_gz(path).ok()?).ok()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

pub fn scrapinghub(dir: &Path) -> Option<Report> {
    let truth = json_at(&dir.join("ground-truth.json"))?;
    let mut r = Report::default();
    let mut ids: Vec<(&String, &Value)> = truth.as_object()?.iter().collect();
    ids.sort_by_key(|(k, _)| *k);
    for (id, gt) in ids {
        let Some(html) = html_at(&dir.join("html").join(format!("{id}.html.gz"))) else {
            continue;
        };
        let got = r.run(&html, s(gt, "url"));
        let body = got.as_ref().map_or("", |e| e.body.as_str());
        r.shingle
            .push(score::shingle_score(s(gt, "articleBody"), body));
        if std::env::var_os("EVAL_VERBOSE").is_some() {
            let p = r.shingle.last().copied().unwrap_or_default();
            eprintln!(
                "{id} P={:.3} R={:.3}",
                p.precision.unwrap_or(0.0),
                p.recall.unwrap_or(0.0)
            );
        }
    }
    Some(r)
}

pub fn trafilatura(dir: &Path) -> Option<Report> {
    let data = json_at(&dir.join("evaldata.json"))?;
    let dates = json_at(&dir.join("htmldate-dates.json")).unwrap_or(Value::Null);
    let mut r = Report::default();
    let mut pages: Vec<(&String, &Value)> = data.as_object()?.iter().collect();
    pages.sort_by_key(|(k, _)| *k);
    for (url, case) in pages {
        let file = s(case, "file");
        let html = html_at(&dir.join("html").join(format!("{file}.gz"))).unwrap_or_default();
        let got = r.run(&html, url);
        let body = got.as_ref().map_or(String::new(), full_text);
        let (with, without) = (strings(case, "with"), strings(case, "without"));
        r.snippets.add(&body, &with, &without, false);
        if std::env::var_os("EVAL_VERBOSE").is_some() {
            report_misses(file, &body, &with, &without, false);
        }
        // htmldate's labels were reviewed more recently: prefer them.
        let date = dates.get(file).map_or(s(case, "date"), |d| s(d, "date"));
        r.meta(got.as_ref(), s(case, "title"), date, s(case, "author"));
    }
    Some(r)
}

fn report_misses(file: &str, body: &str, with: &[String], without: &[String], fold: bool) {
    let out = score::squash(body, fold);
    for w in with
        .iter()
        .filter(|w| !out.contains(&score::squash(w, fold)))
    {
        eprintln!("{file} MISSING {w:?}");
    }
    for w in without
        .iter()
        .filter(|w| out.contains(&score::squash(w, fold)))
    {
        eprintln!("{file} EXTRA {w:?}");
    }
}

/// What a snippet test sees: the title above the body, like a reader.
fn full_text(e: &Extracted) -> String {
    match &e.title {
        Some(t) => format!("{t}\n\n{}", e.body),
        None => e.body.clone(),
    }
}

pub fn wcxb(dir: &Path) -> Option<Report> {
    let mut r = Report::default();
    for gt_path in sorted(&dir.join("ground-truth"))? {
        let Some(gt) = json_at(&gt_path) else {
            continue;
        };
        let id = gt_path.file_name()?.to_str()?.trim_end_matches(".json.gz");
        let Some(html) = html_at(&dir.join("html").join(format!("{id}.html.gz"))) else {
            continue;
        };
        let got = r.run(&html, s(&gt, "url"));
        let g = &gt["ground_truth"];
        let text = got.as_ref().map_or(String::new(), full_text);
        r.bow.push(score::bow_score(s(g, "main_content"), &text));
        if std::env::var_os("EVAL_VERBOSE").is_some() {
            let p = r.bow.last().copied().unwrap_or_default();
            let (pr, rc) = (p.precision.unwrap_or(0.0), p.recall.unwrap_or(0.0));
            eprintln!("wcxb {id} P={pr:.3} R={rc:.3}");
            report_misses(id, &text, &strings(g, "with"), &strings(g, "without"), true);
        }
        r.shingle
            .push(score::shingle_score(s(g, "main_content"), &text));
        r.snippets
            .add(&text, &strings(g, "with"), &strings(g, "without"), true);
        r.meta(
            got.as_ref(),
            s(g, "title"),
            s(g, "publish_date"),
            s(g, "author"),
        );
    }
    Some(r)
}

pub fn readability(dir: &Path) -> Option<Report> {
    let mut r = Report::default();
    for case in sorted(dir)?.into_iter().filter(|p| p.is_dir()) {
        let (Some(html), Some(expected)) = (
            html_at(&case.join("source.html.gz")),
            html_at(&case.join("expected.html.gz")),
        ) else {
            continue;
        };
        let want = scraper::Html::parse_document(&expected)
            .root_element()
            .text()
            .collect::<Vec<_>>()
            .join(" ");
        let got = r.run(&html, "http://fakehost/test/");
        let body = got.as_ref().map_or("", |e| e.body.as_str());
        r.bow.push(score::bow_score(&want, body));
        if std::env::var_os("EVAL_VERBOSE").is_some() {
            let p = r.bow.last().copied().unwrap_or_default();
            let (pr, rc) = (p.precision.unwrap_or(0.0), p.recall.unwrap_or(0.0));
            eprintln!("readability {} P={pr:.3} R={rc:.3}", case.display());
        }
        r.shingle.push(score::shingle_score(&want, body));
        let meta = json_at(&case.join("expected-metadata.json")).unwrap_or(Value::Null);
        let date = s(&meta, "publishedTime");
        r.meta(got.as_ref(), s(&meta, "title"), date, s(&meta, "byline"));
    }
    Some(r)
}

fn sorted(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    v.sort();
    Some(v)
}

/// How many times each page is timed (`EVAL_REPEAT`, default 1).
fn repeats() -> usize {
    std::env::var("EVAL_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}
