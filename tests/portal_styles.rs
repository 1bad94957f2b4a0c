//! Extraction of whole article pages in the markup of the kinds of portal
//! tintuc is for (see tests/fixtures/portal-styles/README.md): every field
//! a reader sees, checked against the page's expectations file.

use std::path::{Path, PathBuf};

use tintuc::extract::{extract, Extracted};
use tintuc::model::BlockKind;
use url::Url;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portal-styles")
}

/// `key: value` lines; a key may repeat (`related`, `with`, `without`).
fn expectations(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every way the extracted page differs from what its file expects.
fn differences(e: &Extracted, expect: &[(String, String)]) -> Vec<String> {
    let one = |key: &str| {
        expect
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {key}"))
    };
    let all = |key: &str| -> Vec<&str> {
        let found = expect.iter().filter(|(k, _)| k == key);
        found.map(|(_, v)| v.as_str()).collect()
    };
    let optional = |s: &str| (s != "-").then(|| s.to_string());
    let body = squash(&e.body);
    let mut out = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            out.push(what);
        }
    };
    check(
        e.title.as_deref() == Some(one("title")),
        format!("title {:?}", e.title),
    );
    check(
        e.author == optional(one("author")),
        format!("author {:?}", e.author),
    );
    let published = e.published.map(|d| d.format("%Y-%m-%d %H:%M").to_string());
    check(
        published
            .as_deref()
            .is_some_and(|p| p.starts_with(one("published"))),
        format!("published {published:?}"),
    );
    check(
        e.views.map(|v| v.to_string()) == optional(&one("views").replace('.', "")),
        format!("views {:?}", e.views),
    );
    let lead = e.texts(BlockKind::Lead).first().map(|l| squash(l));
    check(
        lead == optional(one("lead")).map(|l| squash(&l)),
        format!("lead {lead:?}"),
    );
    for key in ["first", "last"] {
        check(
            body.contains(&squash(one(key))),
            format!("{key} not in body"),
        );
    }
    let related: Vec<&str> = e.related.iter().map(|l| l.title.as_str()).collect();
    check(related == all("related"), format!("related {related:?}"));
    for w in all("with") {
        check(body.contains(&squash(w)), format!("missing {w:?}"));
    }
    for w in all("without") {
        check(!body.contains(&squash(w)), format!("body has {w:?}"));
    }
    out
}

#[test]
fn each_portal_style_page_reads_as_its_reader_expects() {
    let mut pages = 0;
    let mut failures = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    names.sort();
    for html_path in names {
        let expect = expectations(&html_path.with_extension("expect"));
        let url = expect.iter().find(|(k, _)| k == "url").unwrap().1.clone();
        // Decoded as sync decodes a page (one is in windows-1258).
        let html = tintuc::sync::charset::decode(&std::fs::read(&html_path).unwrap(), None);
        let e = extract(&html, &Url::parse(&url).unwrap());
        for d in differences(&e, &expect) {
            failures.push(format!("{}: {d}", html_path.display()));
        }
        pages += 1;
    }
    assert!(pages >= 18, "the fixture pages are missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
