//! Source kinds and content hygiene: HTML listing pages, file:// feeds and pages, legacy
//! charsets, related prefetch depth, and sanitising of everything stored.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;

fn article_page(title: &str, related: &[(&str, &str)]) -> String {
    let links: String = related
        .iter()
        .map(|(t, h)| format!("<li><a href=\"{h}\">{t}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
         <ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li></ul><h1>{title}</h1>\
         <div class=\"content\"><p>Nội dung chính của bài {title}, đủ dài để là thân bài, có dấu phẩy, có dấu chấm.</p>\
         <p>Đoạn thứ hai của bài, kể thêm chi tiết về sự kiện, con số và ý kiến của người dân.</p></div>\
         <h3>Tin liên quan</h3><ul>{links}</ul></body></html>"
    )
}

fn listing_page(links: &[(&str, &str)], next: Option<&str>) -> String {
    let items: String = links
        .iter()
        .map(|(t, h)| format!("<h3><a href=\"{h}\">{t}</a></h3>"))
        .collect();
    let next = next
        .map(|n| format!("<div class=\"phan-trang\"><a href=\"{n}\">Trang sau</a></div>"))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html><body><nav><a href=\"/gioi-thieu/ve-chung-toi-va-lich-su.html\">Về chúng tôi và lịch sử</a></nav>\
         <div class=\"danh-sach\">{items}</div>{next}</body></html>"
    )
}

#[test]
fn an_html_listing_source_is_detected_and_paged() {
    let server = RawServer::start(|r: &Request| {
        let p = r.path.as_str();
        match p {
            "/chuyen-muc/tin-tuc" => Reply::ok(
                "text/html",
                listing_page(
                    &[
                        (
                            "Khánh thành cầu mới qua sông",
                            "/bai/101/khanh-thanh-cau.html",
                        ),
                        ("Hội thi tìm hiểu pháp luật", "/bai/102/hoi-thi.html"),
                    ],
                    Some("/chuyen-muc/tin-tuc?trang=2"),
                ),
            ),
            "/chuyen-muc/tin-tuc?trang=2" => Reply::ok(
                "text/html",
                listing_page(
                    &[("Mùa nhãn lồng bội thu năm nay", "/bai/103/mua-nhan.html")],
                    Some("/chuyen-muc/tin-tuc?trang=3"),
                ),
            ),
            "/chuyen-muc/tin-tuc?trang=3" => Reply::ok(
                "text/html",
                listing_page(
                    &[("Bài ở trang ba không được đọc", "/bai/104/trang-ba.html")],
                    None,
                ),
            ),
            _ if p.starts_with("/bai/") => Reply::ok(
                "text/html; charset=utf-8",
                article_page(&format!("Bài {p}"), &[]),
            ),
            _ => Reply::status(404, &[]),
        }
    });
    let env = Env::new(
        &[("Chuyên mục", &server.url("/chuyen-muc/tin-tuc"))],
        "[sync]\nmax_pages = 2\n",
    );
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    let mut urls: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["url"].as_str().unwrap().to_string())
        .collect();
    urls.sort();
    assert_eq!(
        urls,
        [
            "/bai/101/khanh-thanh-cau.html",
            "/bai/102/hoi-thi.html",
            "/bai/103/mua-nhan.html"
        ]
        .map(|p| server.url(p))
    );
    assert_eq!(
        server.log.count("/chuyen-muc/tin-tuc?trang=3"),
        0,
        "max_pages = 2"
    );
    assert!(list.as_array().unwrap().iter().all(|a| a["title"]
        .as_str()
        .unwrap()
        .starts_with("Khánh")
        || a["title"].as_str().unwrap().starts_with("Hội")
        || a["title"].as_str().unwrap().starts_with("Mùa")));
}

#[test]
fn related_depth_zero_fetches_no_related_pages_and_one_does() {
    let server = RawServer::start(|r: &Request| {
        match r.path.as_str() {
        "/feed" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Gốc</title><link>/a.html</link></item></channel></rss>"),
        "/a.html" => Reply::ok("text/html; charset=utf-8", article_page("Gốc", &[("Bài liên quan B", "/b.html"), ("Bài ngoài trang", "https://example.invalid/x.html")])),
        "/b.html" => Reply::ok("text/html; charset=utf-8", article_page("Bài liên quan B", &[])),
        _ => Reply::status(404, &[]),
    }
    });
    let env = Env::new(
        &[("A", &server.url("/feed"))],
        "[sync]\nrelated_depth = 0\n",
    );
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    assert_eq!(server.log.count("/b.html"), 0);
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["related"][0]["id"], serde_json::Value::Null);

    let env = Env::new(&[("A", &server.url("/feed"))], "");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    assert_eq!(
        server.log.count("/b.html"),
        1,
        "prefetched once, same host only"
    );
    let list = env.json(&["list", "--json"]);
    let root = find(&list, "title", "Gốc");
    assert!(
        root["related"][0]["id"].is_i64(),
        "the related article is cached: {root}"
    );
    assert_eq!(root["related"][1]["id"], serde_json::Value::Null);
}

#[test]
fn file_feeds_and_pages_sync_offline() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bai-1.html");
    std::fs::write(&page, article_page("Bài mang bằng USB", &[])).unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, format!("<rss version=\"2.0\"><channel><title>T</title><item><title>Bài mang bằng USB</title><link>file://{}</link></item></channel></rss>", page.display())).unwrap();
    let env = Env::new(&[("USB", &format!("file://{}", feed.display()))], "");
    let out = env.run(&["--offline", "sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    let full = env.json(&["read", &list[0]["id"].to_string(), "--format", "json"]);
    assert!(
        full["body"]
            .as_str()
            .unwrap()
            .contains("Đoạn thứ hai của bài"),
        "{full}"
    );
}

/// "Đảng ủy xã nhãn lồng" in windows-1258: base letters plus separate tone-mark bytes.
const CP1258: &[u8] = b"\xd0a\xd2ng u\xd2y xa\xde nha\xden l\xf4\xccng";

#[test]
fn windows_1258_and_nfd_pages_are_stored_as_nfc_and_searchable() {
    let server = RawServer::start(|r: &Request| {
        let page = |meta: &str| {
            let mut p =
                format!("<html><head>{meta}<title>x</title></head><body><h1>Tin cũ</h1><div><p>")
                    .into_bytes();
            p.extend_from_slice(CP1258);
            p.extend_from_slice(b" - trang web c\xf4\xec, m\xe3 ho\xe1 c\xf4\xec, v\xe2\xf4\xf5n c\xf2n du\xccng.</p></div></body></html>");
            p
        };
        match r.path.as_str() {
            "/feed" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Trang cũ theo meta</title><link>/meta.html</link></item><item><title>Trang cũ theo header</title><link>/header.html</link></item><item><title>Trang NFD</title><link>/nfd.html</link></item></channel></rss>"),
            "/meta.html" => Reply::ok("text/html", page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">")),
            "/header.html" => Reply::ok("text/html; charset=windows-1258", page("")),
            "/nfd.html" => Reply::ok("text/html; charset=utf-8", "<html><body><h1>NFD</h1><p>Thi\u{0302}\u{0301}t ke\u{0302}\u{0301} Phô\u{0301} Hie\u{0302}\u{0301}n, đu\u{031b}\u{0323}c du\u{0300}ng la\u{0300}m thu\u{031b}\u{0309} nghie\u{0323}\u{0302}m.</p></body></html>"),
            _ => Reply::status(404, &[]),
        }
    });
    let env = Env::new(&[("Cũ", &server.url("/feed"))], "");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    for title in ["Trang cũ theo meta", "Trang cũ theo header"] {
        let list = env.json(&["list", "--json"]);
        let a = find(&list, "title", title);
        let full = env.json(&["read", &a["id"].to_string(), "--format", "json"]);
        assert!(
            full["body"]
                .as_str()
                .unwrap()
                .contains("Đảng ủy xã nhãn lồng"),
            "{title}: {}",
            full["body"]
        );
    }
    assert_eq!(
        env.json(&["search", "nhan long", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let found = env.json(&["search", "pho hien", "--json"]);
    assert_eq!(found[0]["title"], "Trang NFD");
    let full = env.json(&["read", &found[0]["id"].to_string(), "--format", "json"]);
    assert!(
        full["body"].as_str().unwrap().contains("Phố Hiến"),
        "NFD stored as NFC: {}",
        full["body"]
    );
}

/// Characters that must never reach the store: C0 (but \n, \t), DEL, C1, bidi overrides.
fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn control_and_bidi_characters_never_reach_the_store() {
    let server = RawServer::start(|r: &Request| {
        match r.path.as_str() {
        "/feed" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Tin \u{1b}[2J\u{1b}]0;pwned\u{7} độc</title><link>/doc.html</link><description>Mô tả \u{9b}31m có \u{202e}đảo\u{202c}</description><author>a@b (Kẻ \u{1b}[5m gian)</author></item></channel></rss>"),
        "/doc.html" => Reply::ok("text/html; charset=utf-8", "<html><body><div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> » <a href=\"/x\">Mục \u{1b}[31m đỏ</a></div><h1>Tin độc</h1><p>Đăng ngày: 15/01/2021 - 8:41:57 AM | Lượt xem: 143 | Tác \u{1b}]8;;http://x\u{7}giả</p><p>Thân bài \u{1b}[31mđỏ\u{0}\u{7f} với \u{2066}cách ly\u{2069}, đủ dài để là thân bài của trang, có dấu phẩy.</p><h3>Tin liên quan</h3><ul><li><a href=\"/k.html\">Liên \u{1b}[1mquan</a></li></ul></body></html>"),
        _ => Reply::status(404, &[]),
    }
    });
    let env = Env::new(&[("Nguồn", &server.url("/feed"))], "");
    env.run(&["sync"]);
    let list = env.json(&["list", "--json"]);
    let full = env.json(&["read", &list[0]["id"].to_string(), "--format", "json"]);
    let mut fields = vec![];
    collect_strings(&full, &mut fields);
    for f in &fields {
        assert!(!f.chars().any(hostile), "hostile character stored in {f:?}");
    }
    assert!(
        full["body"]
            .as_str()
            .unwrap()
            .contains("Thân bài [31mđỏ với cách ly"),
        "{full}"
    );
    assert!(
        fields.iter().any(|f| f.contains("Mục [31m đỏ")),
        "text kept, escape byte removed: {fields:?}"
    );
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}
