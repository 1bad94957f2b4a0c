//! Portal APIs as sources: a WordPress REST API and a custom JSON API with a `[source.json]`
//! mapping, served on 127.0.0.1. They sync, read back like RSS articles, re-sync for a few
//! bytes, survive a malformed page, and stay off the network with `--offline`.

mod common;
use common::api_portal::*;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use serde_json::Value;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const ENTITY_TITLE: &str = "&#8220;Đảng ủy&#8221; xã Phụng Công ra quân làm đường";

fn wp_portal(extra_post: Arc<AtomicBool>) -> RawServer {
    RawServer::start(move |r: &Request| {
        let mut posts = vec![
            wp_post(5, 5, ENTITY_TITLE, Some(2), &wp_body(5)),
            wp_post(4, 4, "Bài không tác giả", None, &wp_body(4)),
            wp_post(3, 3, "Bài có mật khẩu", Some(3), ""),
            wp_post(2, 2, "Hội thi tìm hiểu pháp luật", Some(2), &wp_body(2)),
            wp_post(1, 1, "Mùa nhãn lồng bội thu", Some(2), &wp_body(1)),
        ];
        if extra_post.load(Ordering::SeqCst) {
            posts.insert(
                0,
                wp_post(6, 6, "Tin mới sau lần đầu", Some(2), &wp_body(6)),
            );
        }
        match path_only(r) {
            "/wp-json/wp/v2/posts" => wp_posts(r, &posts),
            "/wp-json/wp/v2/users" => wp_names(r, &[(2, "Thu Hằng"), (3, "Quốc Việt")]),
            "/wp-json/wp/v2/categories" => wp_names(r, &[(7, "Thời sự"), (8, "Xã hội")]),
            "/2024/05/03/bai-3/" => {
                Reply::ok("text/html; charset=utf-8", article_page("Bài có mật khẩu"))
            }
            _ => Reply::status(404, &[]),
        }
    })
}

fn articles(env: &Env) -> Vec<Value> {
    let list = env.json(&["list", "--json"]);
    list.as_array().unwrap().to_vec()
}

fn read(env: &Env, title: &str) -> Value {
    let list = articles(env);
    let found = list.iter().find(|a| a["title"] == title);
    let id = found.unwrap_or_else(|| panic!("no \"{title}\" in {list:?}"))["id"].to_string();
    env.json(&["read", &id, "--format", "json"])
}

fn requests_to(server: &RawServer, path: &str) -> Vec<Request> {
    let all = server.log.all();
    all.into_iter().filter(|r| path_only(r) == path).collect()
}

#[test]
fn a_wordpress_portal_syncs_pages_names_and_page_fallback() {
    let extra = Arc::new(AtomicBool::new(false));
    let server = wp_portal(extra.clone());
    let env = Env::new(
        &[("Xã Phụng Công", &server.base)],
        "[sync]\nmax_pages = 3\nmax_items = 6\n",
    );
    let config = std::fs::read_to_string(env.config()).unwrap();
    std::fs::write(env.config(), format!("{config}kind = \"wordpress\"\n")).unwrap();
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(articles(&env).len(), 5, "three pages of two, two and one");

    let posts = requests_to(&server, "/wp-json/wp/v2/posts");
    assert_eq!(posts.len(), 3, "stops at the short third page");
    let fields = param(&posts[0], "_fields").unwrap();
    assert!(
        !fields.contains("guid") && fields.contains("content"),
        "{fields}"
    );
    assert_eq!(param(&posts[0], "per_page").as_deref(), Some("2"));

    let a = read(&env, "“Đảng ủy” xã Phụng Công ra quân làm đường");
    assert_eq!(a["author"], "Thu Hằng");
    assert_eq!(a["category"], "Thời sự");
    assert_eq!(a["published"], "2024-05-05T10:00:00+07:00");
    assert_eq!(a["url"], server.url("/2024/05/05/bai-5/"));
    assert_eq!(a["summary"], "Tóm tắt bài 5 …");
    let body = a["body"].as_str().unwrap();
    assert!(
        body.starts_with("Sáng nay, bài số 5") && body.contains("\n\nĐoạn thứ hai"),
        "{body}"
    );

    let bare = read(&env, "Bài không tác giả");
    assert_eq!(bare["author"], Value::Null);
    assert_eq!(bare["category"], Value::Null);
    let protected = read(&env, "Bài có mật khẩu");
    assert!(
        protected["body"]
            .as_str()
            .unwrap()
            .contains("chỉ có trên trang web"),
        "no body from the API: the article page was read: {protected}"
    );
    assert_eq!(
        protected["author"], "Quốc Việt",
        "the API's author wins over the page's"
    );

    // Nothing new: one request with after=, an empty list back, no names asked again.
    let names_before = server
        .log
        .all()
        .iter()
        .filter(|r| r.path.contains("/users"))
        .count();
    let before = server.log.body_bytes.load(Ordering::SeqCst);
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let moved = server.log.body_bytes.load(Ordering::SeqCst) - before;
    assert!(
        moved <= 10,
        "a re-sync with nothing new moved {moved} body bytes"
    );
    let last = requests_to(&server, "/wp-json/wp/v2/posts").pop().unwrap();
    assert_eq!(
        param(&last, "after").as_deref(),
        Some("2024-05-05T10:00:00+07:00")
    );

    // A new post by a known author: only it is sent, its names come from the cache.
    extra.store(true, Ordering::SeqCst);
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    assert_eq!(read(&env, "Tin mới sau lần đầu")["author"], "Thu Hằng");
    let names_after = server
        .log
        .all()
        .iter()
        .filter(|r| r.path.contains("/users"))
        .count();
    assert_eq!(
        names_before, names_after,
        "author names are cached per source"
    );
}

fn json_portal(broken_page: Option<&'static str>) -> RawServer {
    RawServer::start(move |r: &Request| {
        let page = param(r, "trang").unwrap_or_default();
        if Some(page.as_str()) == broken_page {
            return Reply::ok("application/json", "{\"data\": {\"items\": [{\"ma\": 9,");
        }
        let items = match page.as_str() {
            "1" => vec![
                tin(
                    1,
                    "Khánh thành cầu mới qua sông",
                    Some("Đoạn một của tin.\nĐoạn hai của tin."),
                ),
                tin(2, "Tin không có nội dung", None),
                serde_json::json!({"ma": 99, "tieu_de": "Tin không có đường dẫn"}),
            ],
            "2" => vec![{
                let mut t = tin(3, "Hội chợ nông sản &amp; OCOP", Some("Nội dung tin ba."));
                t["lien_quan"] = serde_json::json!([{"tieu_de": "Khánh thành cầu mới qua sông", "duong_dan": "/tin/1.html"}]);
                t.as_object_mut().unwrap().remove("tac_gia");
                t
            }],
            "3" => vec![tin(4, "Tin ở trang ba", Some("Nội dung tin bốn."))],
            _ => vec![],
        };
        match path_only(r) {
            "/api/tin" => etagged(r, "application/json", tin_page(&items)),
            "/tin/2.html" => Reply::ok(
                "text/html; charset=utf-8",
                article_page("Tin không có nội dung"),
            ),
            _ => Reply::status(404, &[]),
        }
    })
}

#[test]
fn a_custom_json_portal_syncs_through_its_mapping_and_resyncs_for_nothing() {
    let server = json_portal(None);
    let env = Env::new(
        &[],
        &format!(
            "[sync]\nmax_pages = 5\n\n{}",
            json_source("Cổng tin", &server.base)
        ),
    );
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        articles(&env).len(),
        4,
        "the item without a URL is left out"
    );
    assert_eq!(
        server.log.count("/api/tin?trang=5"),
        0,
        "the empty fourth page ends the list"
    );

    let a = read(&env, "Khánh thành cầu mới qua sông");
    assert_eq!(a["author"], "Lan Hương");
    assert_eq!(a["category"], "Kinh tế");
    assert_eq!(a["published"], "2024-05-01T08:30:00+07:00");
    assert_eq!(a["summary"], "Tóm tắt tin 1");
    assert_eq!(a["body"], "Đoạn một của tin.\n\nĐoạn hai của tin.");
    assert_eq!(a["url"], server.url("/tin/1.html"));
    let c = read(&env, "Hội chợ nông sản & OCOP");
    assert_eq!(c["author"], Value::Null);
    assert_eq!(c["related"][0]["url"], server.url("/tin/1.html"));
    assert_eq!(c["related"][0]["id"], a["id"], "the related item is cached");
    let fallback = read(&env, "Tin không có nội dung");
    assert!(
        fallback["body"]
            .as_str()
            .unwrap()
            .contains("Đoạn thứ hai kể tiếp"),
        "{fallback}"
    );

    let before = server.log.body_bytes.load(Ordering::SeqCst);
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        server.log.body_bytes.load(Ordering::SeqCst),
        before,
        "page 1 answered 304"
    );
    assert!(stderr(&out).contains("1 unchanged"), "{}", stderr(&out));

    // Offline: not one request, a clear failure, and the cache still reads.
    let requests = server.log.all().len();
    let out = env.run(&["--offline", "sync"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--offline"), "{}", stderr(&out));
    assert_eq!(server.log.all().len(), requests);
    assert_eq!(articles(&env).len(), 4);
}

#[test]
fn json_and_wordpress_articles_carry_the_same_fields_as_rss_ones() {
    let server = RawServer::start(|r: &Request| {
        match path_only(r) {
        "/rss" => Reply::ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item><title>Tin RSS</title><link>/rss/1.html</link><description>Tóm tắt</description></item></channel></rss>"),
        "/api/tin" => Reply::ok("application/json", tin_page(&[tin(1, "Tin JSON", Some("Thân."))])),
        "/wp-json/wp/v2/posts" => wp_posts(r, &[wp_post(1, 1, "Tin WordPress", Some(2), &wp_body(1))]),
        _ => Reply::status(404, &[]),
    }
    });
    let config = format!(
        "[sync]\nmax_pages = 1\n\n[[source]]\nname = \"RSS\"\nurl = \"{0}/rss\"\n\n\
         [[source]]\nname = \"WP\"\nurl = \"{0}/wp-json/\"\nkind = \"wordpress\"\n\n{1}",
        server.base,
        json_source("JSON", &server.base)
    );
    let env = Env::new(&[], &config);
    env.run(&["sync"]);
    let keys = |title: &str| {
        let a = read(&env, title);
        let mut k: Vec<String> = a.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys("Tin JSON"), keys("Tin RSS"));
    assert_eq!(keys("Tin WordPress"), keys("Tin RSS"));
}

#[test]
fn a_malformed_api_page_in_the_middle_is_reported_and_the_rest_stored() {
    let json = json_portal(Some("2"));
    let wp = RawServer::start(
        |r: &Request| match (path_only(r), param(r, "page").as_deref()) {
            ("/wp-json/wp/v2/posts", Some("2")) => {
                Reply::ok("text/html", "<html><body>Lỗi máy chủ</body></html>")
            }
            ("/wp-json/wp/v2/posts", _) => wp_posts(
                r,
                &(1..=5)
                    .rev()
                    .map(|i| wp_post(i, i, &format!("Bài WordPress {i}"), None, &wp_body(i)))
                    .collect::<Vec<_>>(),
            ),
            _ => Reply::status(404, &[]),
        },
    );
    let config = format!(
        "[sync]\nmax_pages = 3\nmax_items = 6\n\n[[source]]\nname = \"WP\"\nurl = \"{}\"\nkind = \"wordpress\"\n\n{}",
        wp.base,
        json_source("JSON", &json.base)
    );
    let env = Env::new(&[], &config);
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&json.url("/api/tin?trang=2")), "{err}");
    assert!(
        err.contains(&format!("{}/wp-json/wp/v2/posts?", wp.base)) && err.contains("&page=2"),
        "{err}"
    );
    let mut titles: Vec<String> = articles(&env)
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Bài WordPress 1",
            "Bài WordPress 4",
            "Bài WordPress 5",
            "Khánh thành cầu mới qua sông",
            "Tin không có nội dung",
            "Tin ở trang ba"
        ]
    );
    // The next sync reads the listing again in full rather than trusting a 304.
    env.run(&["sync"]);
    let firsts = json
        .log
        .all()
        .into_iter()
        .filter(|r| r.path == "/api/tin?trang=1")
        .collect::<Vec<_>>();
    assert_eq!(firsts.len(), 2);
    assert!(!firsts[1].headers.contains_key("if-none-match"));
}

#[test]
fn sources_add_finds_a_wordpress_api_by_its_link_or_its_root() {
    for announced in [true, false] {
        let server = RawServer::start(move |r: &Request| match path_only(r) {
            "/" => {
                let link = if announced {
                    "<link rel=\"https://api.w.org/\" href=\"/wp-json/\">"
                } else {
                    ""
                };
                Reply::ok("text/html; charset=utf-8", format!("<!DOCTYPE html><html><head><title>Trang chủ</title>{link}</head><body><p>Xin chào</p></body></html>"))
            }
            "/wp-json/" => Reply::ok(
                "application/json",
                r#"{"name":"Báo Phố Hiến","namespaces":["oembed/1.0","wp/v2"]}"#,
            ),
            "/wp-json/wp/v2/posts" => {
                wp_posts(r, &[wp_post(1, 1, "Tin đầu tiên", None, &wp_body(1))])
            }
            _ => Reply::status(404, &[]),
        });
        let env = Env::new(&[], "");
        let out = env.run(&["sources", "add", &server.url("/")]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).contains("WordPress"), "{}", stdout(&out));
        let config = std::fs::read_to_string(env.config()).unwrap();
        assert!(
            config.contains("kind = \"wordpress\"") && config.contains("Báo Phố Hiến"),
            "{config}"
        );
        assert!(config.contains(&server.url("/wp-json/")), "{config}");
        let out = env.run(&["sync"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(articles(&env)[0]["title"], "Tin đầu tiên");
    }
}

#[test]
fn a_bad_json_path_is_a_config_error_with_its_line() {
    let config =
        json_source("JSON", "http://127.0.0.1:9").replace("tac_gia[0].ten", "tac_gia[0.ten");
    let env = Env::new(&[], &config);
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml:12:")
            && err.contains("`author`")
            && err.contains("tac_gia[0.ten"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
