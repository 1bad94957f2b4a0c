//! Sync on slow and unreliable links, against scriptable local servers: compression, caps,
//! timeouts, redirects, retries, concurrency bounds, conditional GET.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn feed(base: &str, paths: &[&str]) -> String {
    let items: String = paths
        .iter()
        .map(|p| format!("<item><title>Tin {p}</title><link>{base}{p}</link><description>Tóm tắt {p}</description></item>"))
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>")
}

fn page(title: &str) -> String {
    format!(
        "<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>\
         <div class=\"noi-dung\"><p>Đoạn đầu của bài {title}, viết đủ dài để là thân bài, có dấu phẩy, có dấu chấm.</p>\
         <p>Đoạn thứ hai kể tiếp câu chuyện, với nhiều chữ hơn nữa, để trình trích xuất chọn đúng khối.</p></div></body></html>"
    )
}

fn html(body: impl Into<Vec<u8>>) -> Reply {
    Reply::ok("text/html; charset=utf-8", body)
}

fn rss(body: String) -> Reply {
    Reply::ok("application/rss+xml", body)
}

fn body_of(env: &Env, title: &str) -> String {
    let list = env.json(&["list", "--json"]);
    let a = find(&list, "title", title);
    let full = env.json(&["read", &a["id"].to_string(), "--format", "json"]);
    full["body"].as_str().unwrap().to_string()
}

#[test]
fn second_sync_transfers_under_two_percent_and_refresh_is_conditional() {
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Hà Lâm", &feed)], "");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    let first = server.stats().body_bytes.load(Ordering::SeqCst);
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    let second = server.stats().body_bytes.load(Ordering::SeqCst) - first;
    assert!(
        second * 50 < first,
        "second sync moved {second} body bytes, first {first}"
    );
    assert!(
        server.stats().not_modified.load(Ordering::SeqCst) >= 1,
        "the feed answered 304"
    );

    // A refresh asks for every cached page again, with its validators: all 304.
    let before = server.stats().body_bytes.load(Ordering::SeqCst);
    let before_304 = server.stats().not_modified.load(Ordering::SeqCst);
    assert_eq!(env.run(&["sync", "--refresh"]).status.code(), Some(0));
    let refreshed = server.stats().body_bytes.load(Ordering::SeqCst) - before;
    let pages_304 = server.stats().not_modified.load(Ordering::SeqCst) - before_304;
    assert!(
        pages_304 >= 5,
        "cached pages revalidated with 304s: {pages_304}"
    );
    assert!(
        refreshed * 5 < first,
        "refresh moved {refreshed} bytes of {first}"
    );
}

#[test]
fn asks_for_compression_and_says_who_it_is() {
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => rss(feed("", &[])),
        _ => Reply::status(404, &[]),
    });
    let env = Env::new(&[("A", &server.url("/feed"))], "");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    let req = &server.log.all()[0];
    let encodings = req
        .headers
        .get("accept-encoding")
        .cloned()
        .unwrap_or_default();
    assert!(
        encodings.contains("gzip") && encodings.contains("br"),
        "{encodings}"
    );
    assert!(req
        .headers
        .get("user-agent")
        .is_some_and(|ua| ua.starts_with("tintuc/")));
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

#[test]
fn a_compressed_bomb_is_cut_at_the_cap_and_the_rest_is_stored() {
    // 16 MiB of zeros in ~16 KiB of gzip; the default cap is 5 MiB after decompression.
    let bomb = Arc::new(gzip(&vec![0u8; 16 << 20]));
    assert!(bomb.len() < 64 * 1024);
    let good_gz = Arc::new(gzip(page("Bài nén gọn").as_bytes()));
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => rss(feed("", &[])),
        "/bomb.html" => Reply::gzipped("text/html", bomb.to_vec()),
        "/good.html" => Reply::gzipped("text/html; charset=utf-8", good_gz.to_vec()),
        _ => Reply::status(404, &[]),
    });
    let body = feed(&server.base, &["/bomb.html", "/good.html"]);
    let feed_server = RawServer::start(move |_: &Request| rss(body.clone()));
    let env = Env::new(&[("A", &feed_server.url("/feed"))], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/bomb.html") && stderr(&out).contains("larger than 5242880 bytes"),
        "{}",
        stderr(&out)
    );
    assert!(
        body_of(&env, "Tin /good.html").contains("Đoạn thứ hai kể tiếp"),
        "the gzip page decoded"
    );
}

#[test]
fn a_hung_server_and_a_drip_fail_on_their_own_timeout_without_stopping_others() {
    let hung = RawServer::start(|_: &Request| Reply::Hang);
    let drip = RawServer::start(|_: &Request| Reply::Drip {
        body: vec![b'<'; 10_000],
        pause: Duration::from_millis(200),
    });
    let good = RawServer::start(|r: &Request| match r.path.as_str() {
        "/feed" => rss(feed("", &[])),
        _ => Reply::status(404, &[]),
    });
    let env = Env::new(
        &[
            ("Treo", &hung.url("/feed")),
            ("Nhỏ giọt", &drip.url("/feed")),
            ("Tốt", &good.url("/feed")),
        ],
        "[sync]\ntimeout_secs = 2\nconnect_timeout_secs = 2\n",
    );
    let started = Instant::now();
    let out = env.run(&["sync"]);
    // Not a benchmark: a bound far above 2 s that only a missing deadline would exceed.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "sync took {:?}",
        started.elapsed()
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&hung.url("/feed")) && err.contains(&drip.url("/feed")),
        "{err}"
    );
    assert!(
        err.matches("no complete response within 2 s").count() >= 2,
        "{err}"
    );
    let sources = env.json(&["sources", "--json"]);
    let good_status = find(&sources, "name", "Tốt");
    assert_eq!(good_status["status"], "ok");
}

#[test]
fn retries_5xx_and_429_honouring_retry_after_at_most_twice() {
    let flaky = Arc::new(AtomicUsize::new(0));
    let busy = Arc::new(AtomicUsize::new(0));
    let (f, b) = (flaky.clone(), busy.clone());
    let server = RawServer::start(move |r: &Request| match r.path.as_str() {
        "/feed" => rss(feed("", &["/flaky.html", "/busy.html", "/broken.html"])),
        "/flaky.html" if f.fetch_add(1, Ordering::SeqCst) == 0 => {
            Reply::status(503, &[("Retry-After", "1")])
        }
        "/flaky.html" => html(page("Bài chập chờn")),
        "/busy.html" if b.fetch_add(1, Ordering::SeqCst) < 2 => {
            Reply::status(429, &[("Retry-After", "0")])
        }
        "/busy.html" => html(page("Bài đông khách")),
        "/broken.html" => Reply::status(500, &[]),
        _ => Reply::status(404, &[]),
    });
    // The feed links are relative: they resolve against the feed's URL.
    let env = Env::new(&[("A", &server.url("/feed"))], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(body_of(&env, "Tin /flaky.html").contains("Bài chập chờn"));
    assert!(body_of(&env, "Tin /busy.html").contains("Bài đông khách"));
    assert_eq!(server.log.count("/flaky.html"), 2);
    assert_eq!(server.log.count("/busy.html"), 3);
    assert_eq!(
        server.log.count("/broken.html"),
        3,
        "one request and two retries, no more"
    );
    assert!(
        stderr(&out).contains("/broken.html: HTTP status 500"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn follows_up_to_five_redirects() {
    let server = RawServer::start(|r: &Request| {
        let p = r.path.as_str();
        if p == "/feed" {
            return rss(feed("", &["/short/3", "/long/6"]));
        }
        let (chain, n) = p.trim_start_matches('/').split_once('/').unwrap();
        let n: u32 = n.parse().unwrap_or(0);
        if n == 0 {
            html(page(&format!("Đích {chain}")))
        } else {
            Reply::status(302, &[("Location", &format!("/{chain}/{}", n - 1))])
        }
    });
    let env = Env::new(&[("A", &server.url("/feed"))], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(body_of(&env, "Tin /short/3").contains("Đích short"));
    assert!(stderr(&out).contains("/long/6"), "{}", stderr(&out));
    assert_eq!(
        server.log.count("/long/0"),
        0,
        "the sixth redirect is not followed"
    );
}

#[test]
fn requests_to_one_host_are_bounded() {
    let paths: Vec<String> = (0..12).map(|i| format!("/p{i}.html")).collect();
    let list: Vec<&str> = paths.iter().map(String::as_str).collect();
    let body = feed("", &list);
    let server = RawServer::start(move |r: &Request| {
        if r.path == "/feed" {
            return rss(body.clone());
        }
        std::thread::sleep(Duration::from_millis(150));
        html(page(&r.path))
    });
    let env = Env::new(
        &[("A", &server.url("/feed"))],
        "[sync]\nper_host_concurrency = 3\n",
    );
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    let peak = server.log.peak_in_flight.load(Ordering::SeqCst);
    assert!((2..=3).contains(&peak), "peak requests in flight: {peak}");
    assert_eq!(titles(&env).len(), 12);
}

#[test]
fn the_office_proxy_from_the_environment_is_used() {
    // The proxy sees absolute-form requests ("GET http://host/path"): answer those.
    let proxy = RawServer::start(|r: &Request| {
        if r.path == "http://cong-tinh.invalid/rss" {
            rss(feed("http://cong-tinh.invalid", &[]))
        } else {
            Reply::status(502, &[])
        }
    });
    let env = Env::new(
        &[("Qua proxy", "http://cong-tinh.invalid/rss")],
        "[sync]\nfull_text = false\n",
    );
    let mut cmd = std::process::Command::new(BIN);
    cmd.arg("--config")
        .arg(env.config())
        .arg("--data-dir")
        .arg(env.data())
        .arg("sync");
    let mut out = run_bounded_with_env(cmd, &[("HTTP_PROXY", &proxy.base), ("NO_PROXY", "")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(proxy.log.count("http://cong-tinh.invalid/rss"), 1);
    out = env.run(&["sources", "--json"]);
    assert!(stdout(&out).contains("\"ok\""), "{}", stdout(&out));
}
