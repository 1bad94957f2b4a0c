//! A failing source or page is reported with its URL and reason; the rest is stored; exit 2.

mod common;
use common::*;
use std::collections::HashMap;
use tintuc::demo::server::{Route, Server};

fn small_portal() -> Server {
    let feed = r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>
<item><title>Bài còn trang</title><link>{base}/a.html</link><description>Tóm tắt A</description></item>
<item><title>Bài mất trang</title><link>{base}/mat.html</link><description>Tóm tắt B</description></item>
</channel></rss>"#;
    let page = "<html><body><h1>Bài còn trang</h1><p>Nội dung chính của bài viết, đủ dài để là thân bài, có dấu phẩy, có chấm.</p></body></html>";
    let mut routes = HashMap::new();
    routes.insert(
        "/feed.rss".to_string(),
        Route::new("application/rss+xml", feed),
    );
    routes.insert(
        "/a.html".to_string(),
        Route::new("text/html; charset=utf-8", page),
    );
    Server::start(routes).unwrap()
}

/// A port with nothing listening: bind, note the port, close.
fn dead_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    format!("http://127.0.0.1:{port}/rss.xml")
}

#[test]
fn failures_are_named_and_the_rest_is_stored() {
    let server = small_portal();
    let good = format!("{}/feed.rss", server.base_url());
    let dead = dead_url();
    let missing = format!("{}/khong-co.rss", server.base_url());
    let env = Env::new(&[("Tốt", &good), ("Chết", &dead), ("Thiếu", &missing)], "");
    let out = env.run(&["sync"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&dead), "names the dead source's URL: {err}");
    assert!(
        err.contains("404"),
        "says why the missing feed failed: {err}"
    );
    assert!(
        err.contains(&format!("{}/mat.html", server.base_url())),
        "names the missing page: {err}"
    );
    let list = env.json(&["list", "--json"]);
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Bài còn trang") && titles.contains(&"Bài mất trang"),
        "{titles:?}"
    );
    let sources = env.json(&["sources", "--json"]);
    let dead_status = find(&sources, "name", "Chết");
    assert_ne!(dead_status["status"], "ok");
}

#[test]
fn offline_sync_refuses_the_network_but_reads_file_sources() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, r#"<rss version="2.0"><channel><title>T</title><item><title>Từ USB</title><link>http://127.0.0.1:9/usb.html</link><description>Mang về bằng USB</description></item></channel></rss>"#).unwrap();
    let file_url = format!("file://{}", feed.display());
    let env = Env::new(
        &[("USB", &file_url), ("Mạng", "http://127.0.0.1:9/rss")],
        "",
    );
    let out = env.run(&["--offline", "sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("offline"), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[0]["title"], "Từ USB");
    assert_eq!(list[0]["summary"], "Mang về bằng USB");
}

#[test]
fn unknown_source_name_and_no_sources_are_clear_errors() {
    let env = Env::new(&[], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no sources configured"),
        "{}",
        stderr(&out)
    );
    let env = Env::new(&[("A", "http://127.0.0.1:9/rss")], "");
    let out = env.run(&["sync", "--source", "B"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"B\""), "{}", stderr(&out));
}
