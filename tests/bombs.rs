//! Parser bombs end in bounded time and memory, and the other sources are stored:
//! 100,000 nested elements, a gzip body of 1 GiB when decompressed, a feed of 100,000 items,
//! a single 50 MiB line, and entity expansion in XML.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A gzip stream that inflates to 1 GiB of zeros from about 1 MiB: one compressed MiB of
/// zeros, ended by a sync flush so it can be repeated 1,024 times, then an empty final block.
/// The trailer's checksum is never reached: the reader stops at the size cap long before.
fn gzip_gigabyte() -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&vec![0u8; 1 << 20]).unwrap();
    enc.flush().unwrap();
    let chunk = enc.get_ref().clone();
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    for _ in 0..1024 {
        out.extend_from_slice(&chunk);
    }
    out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    out.extend_from_slice(&[0; 8]);
    out
}

fn good_source() -> RawServer {
    RawServer::start(|r: &Request| {
        match r.path.as_str() {
        "/feed" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Bài bình thường</title><link>/ok.html</link></item></channel></rss>"),
        "/ok.html" => Reply::ok("text/html; charset=utf-8", "<html><body><h1>Bài bình thường</h1><p>Nội dung bình thường, đủ dài để là thân bài, có dấu phẩy, có dấu chấm.</p></body></html>"),
        _ => Reply::status(404, &[]),
    }
    })
}

fn feed_of(paths: &[&str]) -> String {
    let items: String = paths
        .iter()
        .map(|p| format!("<item><title>Bài {p}</title><link>{p}</link></item>"))
        .collect();
    format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>")
}

fn sync_bounded(env: &Env) -> (std::process::Output, Duration) {
    let started = Instant::now();
    let out = env.run(&["sync"]);
    (out, started.elapsed())
}

#[test]
fn nested_elements_gzip_bomb_and_huge_line_fail_or_pass_quickly_with_others_intact() {
    let nested = Arc::new(format!(
        "<html><body><h1>Bài lồng sâu</h1>{}<p>Đáy của trang, đủ dài để là thân bài, có dấu phẩy.</p></body></html>",
        "<div>".repeat(100_000)
    ));
    let bomb = Arc::new(gzip_gigabyte());
    assert!(
        bomb.len() < 2 << 20,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let line = Arc::new(vec![b'a'; 50 << 20]);
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => Reply::ok(
            "application/rss+xml",
            feed_of(&["/nested.html", "/bomb.html", "/line.html"]),
        ),
        "/nested.html" => Reply::ok("text/html; charset=utf-8", nested.as_bytes()),
        "/bomb.html" => Reply::gzipped("text/html", bomb.to_vec()),
        "/line.html" => Reply::ok("text/html", line.to_vec()),
        _ => Reply::status(404, &[]),
    });
    let good = good_source();
    let env = Env::new(
        &[("Bom", &server.url("/feed")), ("Tốt", &good.url("/feed"))],
        "",
    );
    let (out, took) = sync_bounded(&env);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(took < Duration::from_secs(60), "bounded: {took:?}");
    assert!(
        err.contains("/bomb.html: body larger than 5242880 bytes"),
        "{err}"
    );
    assert!(
        err.contains("/line.html: body larger than 5242880 bytes"),
        "{err}"
    );
    let titles: Vec<String> = env
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        titles.contains(&"Bài bình thường".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Bài /nested.html".to_string()),
        "the nested page is still stored: {titles:?}"
    );
}

#[test]
fn a_feed_of_100000_items_is_cut_to_max_items() {
    let paths: Vec<String> = (0..100_000).map(|i| format!("/i/{i}")).collect();
    let list: Vec<&str> = paths.iter().map(String::as_str).collect();
    let feed = Arc::new(feed_of(&list));
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => Reply::ok("application/rss+xml", feed.as_bytes()),
        _ => Reply::status(404, &[]),
    });
    let good = good_source();
    let env = Env::new(
        &[("Lớn", &server.url("/feed")), ("Tốt", &good.url("/feed"))],
        "[sync]\nmax_items = 300\nmax_page_bytes = 8000000\n",
    );
    let (out, took) = sync_bounded(&env);
    assert!(took < Duration::from_secs(90), "bounded: {took:?}");
    let sources = env.json(&["sources", "--json"]);
    let big = find(&sources, "name", "Lớn");
    assert_eq!(big["articles"], 300, "{}", stderr(&out));
    let fetched = server
        .log
        .all()
        .iter()
        .filter(|r| r.path.starts_with("/i/"))
        .count();
    assert_eq!(fetched, 300, "only max_items pages are requested");
    assert!(
        env.json(&["search", "binh thuong", "--json"])
            .as_array()
            .unwrap()
            .len()
            == 1
    );
}

#[test]
fn xml_entity_expansion_is_not_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "hahahahahahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>
<rss version="2.0"><channel><title>&i;</title><item><title>Cười &i;</title><link>/x</link></item></channel></rss>"#;
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => Reply::ok("application/rss+xml", laughs),
        _ => Reply::status(404, &[]),
    });
    let good = good_source();
    let env = Env::new(
        &[("Cười", &server.url("/feed")), ("Tốt", &good.url("/feed"))],
        "[sync]\nfull_text = false\n",
    );
    let (out, took) = sync_bounded(&env);
    assert!(took < Duration::from_secs(30), "bounded: {took:?}");
    let list = env.json(&["list", "--json"]);
    for a in list.as_array().unwrap() {
        assert!(
            a["title"].as_str().unwrap().len() < 1000,
            "no expansion: {}",
            stderr(&out)
        );
    }
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["title"] == "Bài bình thường"));
}
