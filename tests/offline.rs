//! Machines that are never online: bundles carried from a connected machine, retention,
//! vacuum, and articles saved as documents.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use tintuc::store::Store;

fn synced() -> (tintuc::demo::server::Server, Env) {
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Cổng Hà Lâm", &feed)], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "sync: {}", stderr(&out));
    (server, env)
}

/// (url, title, read, starred, source) of every article, sorted, for comparing two caches.
fn summary(env: &Env) -> Vec<(String, String, bool, bool, String)> {
    let list = env.json(&["list", "--json"]);
    let mut rows: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap().to_string();
            let b = |k: &str| a[k].as_bool().unwrap();
            (s("url"), s("title"), b("read"), b("starred"), s("source"))
        })
        .collect();
    rows.sort();
    rows
}

fn article(env: &Env, url: &str) -> Value {
    let list = env.json(&["list", "--json"]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["url"] == url)
        .unwrap()["id"]
        .to_string();
    env.json(&["read", &id, "--format", "json"])
}

#[test]
fn a_bundle_carries_articles_and_state_to_an_offline_machine() {
    let (server, online) = synced();
    let list = online.json(&["list", "--json"]);
    let first = list[0]["url"].as_str().unwrap().to_string();
    {
        let store = Store::open(&online.data()).unwrap();
        store
            .set_starred(list[0]["id"].as_i64().unwrap(), true)
            .unwrap();
        store
            .set_read(list[1]["id"].as_i64().unwrap(), true)
            .unwrap();
    }
    let file = online.dir.path().join("tin-tuan-nay.tintuc");
    let out = online.run(&["export", "--since", "7d", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("tintuc import"), "{}", stderr(&out));
    drop(server); // the portal is gone: the other machine never sees it

    let offline = Env::new(&[], "");
    let out = offline.run(&["--offline", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(summary(&offline), summary(&online));
    let (there, here) = (article(&online, &first), article(&offline, &first));
    for key in [
        "body",
        "published",
        "fetched_at",
        "author",
        "category",
        "views",
    ] {
        assert_eq!(there[key], here[key], "{key}");
    }
    let titles = |a: &Value| {
        a["related"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&there), titles(&here));
    assert!(!titles(&here).is_empty());
    let sources = offline.json(&["sources", "--json"]);
    assert_eq!(sources[0]["name"], "Cổng Hà Lâm");

    // The same bundle again adds nothing.
    let out = offline.run(&["--offline", "import", file.to_str().unwrap()]);
    assert!(stderr(&out).contains(": 0 new"), "{}", stderr(&out));
    assert_eq!(summary(&offline), summary(&online));
    let found = offline.json(&["search", "hoi thao", "--json"]);
    assert!(
        !found.as_array().unwrap().is_empty(),
        "the search index came along"
    );
}

#[test]
fn export_filters_and_refuses_bad_ages() {
    let (_server, env) = synced();
    let file = env.dir.path().join("b.tintuc");
    let path = file.to_str().unwrap();
    let out = env.run(&["export", "--since", "7 days", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("e.g. 7d"), "{}", stderr(&out));
    let out = env.run(&["export", "--starred", path]);
    assert!(
        stderr(&out).contains("wrote 0 article(s)"),
        "{}",
        stderr(&out)
    );
    let out = env.run(&["export", "--source", "Không có", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Không có"), "{}", stderr(&out));
}

fn export_all(env: &Env) -> std::path::PathBuf {
    let file = env.dir.path().join("all.tintuc");
    let out = env.run(&["export", "--all", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    file
}

fn refused(file: &Path, expect: &str) {
    let target = Env::new(&[], "");
    let out = target.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(expect) && err.contains(&file.display().to_string()),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(summary(&target).is_empty(), "nothing imported");
}

#[test]
fn a_truncated_bundle_is_refused_whole() {
    let (_server, env) = synced();
    let file = export_all(&env);
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() * 2 / 3]).unwrap();
    refused(&file, "truncated");
    std::fs::write(&file, &bytes[..10]).unwrap();
    refused(&file, "not a tintuc bundle");
}

#[test]
fn a_bundle_from_a_newer_tintuc_is_refused_by_name() {
    let (_server, env) = synced();
    let file = export_all(&env);
    let mut bytes = std::fs::read(&file).unwrap();
    let at = b"tintuc-bundle\n".len();
    bytes[at..at + 4].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&file, &bytes).unwrap();
    refused(&file, "newer tintuc");
}

fn old_article(n: u32, title: &str, starred: bool) -> tintuc::model::Archived {
    let old = (chrono::Utc::now() - chrono::Duration::days(90)).fixed_offset();
    let article = tintuc::model::NewArticle {
        guid: format!("cu-{n}"),
        url: format!("https://luu-tru.example/bai/{n}.html"),
        title: title.into(),
        author: None,
        published: Some(old),
        views: None,
        category: None,
        summary: "Bài cũ".into(),
        body: format!("Thân bài {title}."),
        related: Vec::new(),
        full_text: true,
        ..Default::default()
    };
    tintuc::model::Archived {
        source: "Lưu trữ".into(),
        article,
        read: true,
        starred,
        fetched_at: old,
    }
}

#[test]
fn retention_after_sync_keeps_starred_articles_and_vacuum_reports_sizes() {
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Cổng Hà Lâm", &feed)], "[store]\nkeep_days = 30\n");
    let file = env.dir.path().join("old.tintuc");
    let bundle = tintuc::bundle::Bundle {
        sources: vec![("Lưu trữ".into(), "https://luu-tru.example/rss".into())],
        articles: vec![
            old_article(1, "Bài cũ có đánh dấu sao", true),
            old_article(2, "Bài cũ zyxwv không ai giữ", false),
        ],
    };
    tintuc::bundle::write(&file, &bundle).unwrap();
    assert_eq!(
        env.run(&["import", file.to_str().unwrap()]).status.code(),
        Some(0)
    );

    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pruned 1 article(s) retrieved more than 30 days ago"),
        "{}",
        stderr(&out)
    );
    let titles: Vec<String> = summary(&env).into_iter().map(|r| r.1).collect();
    assert!(titles.contains(&"Bài cũ có đánh dấu sao".to_string()));
    assert!(!titles.contains(&"Bài cũ zyxwv không ai giữ".to_string()));
    assert!(titles.len() > 2, "the fresh articles stay");
    assert!(env
        .json(&["search", "zyxwv", "--json"])
        .as_array()
        .unwrap()
        .is_empty());

    let out = env.run(&["vacuum"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("before") && stdout(&out).contains("after"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        summary(&env).len(),
        titles.len(),
        "vacuum keeps every article"
    );
}

#[test]
fn read_as_html_is_a_printable_self_contained_page() {
    let (_server, env) = synced();
    let list = env.json(&["list", "--json"]);
    let id = list[0]["id"].to_string();
    let out = env.run(&["read", &id, "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Lấy về lúc") && page.contains("@media print"));
    assert!(page.contains(list[0]["url"].as_str().unwrap()));
    assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("<link"));
    let text = stdout(&env.run(&["read", &id, "--format", "text"]));
    assert!(text.contains("Nguồn: Cổng Hà Lâm"), "{text}");
}
