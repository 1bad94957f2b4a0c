//! A portal of the seed's shape that the code has never seen syncs and reads back right.

mod common;
use common::*;
use serde_json::Value;

#[derive(serde::Deserialize)]
struct Expected {
    article: Vec<ExpectedArticle>,
}

#[derive(serde::Deserialize)]
struct ExpectedArticle {
    url_path: String,
    title: String,
    published: String,
    author: Option<String>,
    views: u64,
    category: String,
    lead_starts: String,
    body_contains: Vec<String>,
    body_ends_with: String,
    body_excludes: Vec<String>,
    related: Vec<ExpectedLink>,
}

#[derive(serde::Deserialize)]
struct ExpectedLink {
    title: String,
    href: String,
}

fn expected() -> Expected {
    let text = std::fs::read_to_string(fixture_dir().join("expected.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

fn id_of(list: &Value, url: &str) -> i64 {
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["url"] == url)
        .unwrap_or_else(|| panic!("{url} not in the list"))["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn unknown_portal_reads_back_with_every_field() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let list = env.json(&["list", "--json"]);
    for exp in expected().article {
        let url = format!("{}{}", server.base_url(), exp.url_path);
        let id = id_of(&list, &url);
        let a = env.json(&["read", &id.to_string(), "--format", "json"]);
        assert_eq!(a["title"], exp.title.as_str(), "{url}");
        assert_eq!(a["published"], exp.published.as_str(), "{url}");
        assert_eq!(a["author"].as_str(), exp.author.as_deref(), "{url}");
        assert_eq!(a["views"], exp.views, "{url}");
        assert_eq!(a["category"], exp.category.as_str(), "{url}");
        assert_eq!(a["source"], "Cổng Hà Lâm");
        let body = a["body"].as_str().unwrap();
        assert!(
            body.starts_with(&exp.lead_starts),
            "{url}: body starts {:?}",
            &body[..body.len().min(80)]
        );
        assert!(
            a["summary"].as_str().unwrap().starts_with(&exp.lead_starts),
            "{url}: summary"
        );
        for s in &exp.body_contains {
            assert!(body.contains(s.as_str()), "{url}: body lacks {s:?}");
        }
        assert!(
            body.ends_with(&exp.body_ends_with),
            "{url}: body ends {:?}",
            &body[body.len().saturating_sub(80)..]
        );
        for s in &exp.body_excludes {
            assert!(!body.contains(s.as_str()), "{url}: body has {s:?}");
        }
        assert!(
            !body.contains("\n\n\n"),
            "{url}: paragraphs separated by one blank line"
        );
        let related = a["related"].as_array().unwrap();
        let got: Vec<(&str, &str)> = related
            .iter()
            .map(|r| (r["title"].as_str().unwrap(), r["url"].as_str().unwrap()))
            .collect();
        let want: Vec<(String, String)> = exp
            .related
            .iter()
            .map(|r| (r.title.clone(), format!("{}{}", server.base_url(), r.href)))
            .collect();
        let want: Vec<(&str, &str)> = want.iter().map(|(t, u)| (t.as_str(), u.as_str())).collect();
        assert_eq!(got, want, "{url}: related list");
        for r in related {
            let cached = list
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["url"] == r["url"]);
            assert_eq!(
                r["id"].is_i64(),
                cached,
                "{url}: related id set exactly when cached"
            );
        }
    }
}

#[test]
fn json_objects_have_exactly_the_design_fields() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let list = env.json(&["list", "--json"]);
    let first = &list.as_array().unwrap()[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "author",
            "category",
            "fetched_at",
            "id",
            "published",
            "read",
            "related",
            "source",
            "starred",
            "summary",
            "title",
            "url",
            "views"
        ]
    );
    let id = first["id"].as_i64().unwrap();
    let full = env.json(&["read", &id.to_string(), "--format", "json"]);
    assert!(full["body"].is_string());
    assert!(chrono::DateTime::parse_from_rfc3339(full["fetched_at"].as_str().unwrap()).is_ok());
    assert_eq!(full["read"], false);
    let related = env.json(&["related", &id.to_string(), "--json"]);
    assert_eq!(related, full["related"]);
}

#[test]
fn list_is_newest_first_and_filters() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let list = env.json(&["list", "--json"]);
    let feed_items = list.as_array().unwrap();
    assert!(feed_items.len() >= 5, "5 feed items plus related pages");
    let dates: Vec<&str> = feed_items
        .iter()
        .filter_map(|a| a["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(
        env.json(&["list", "--json", "--limit", "2"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        env.json(&["list", "--json", "--source", "nowhere"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let text = stdout(&env.run(&["list"]));
    assert!(
        text.contains("Hội thảo bảo tồn nghề dệt chiếu cói ven sông Đào"),
        "{text}"
    );
}

#[test]
fn search_ignores_diacritics_and_d_stroke() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let found = env.json(&["search", "det chieu coi", "--json"]);
    assert_eq!(
        found[0]["title"],
        "Hội thảo bảo tồn nghề dệt chiếu cói ven sông Đào"
    );
    let found = env.json(&["search", "song dao", "--json"]);
    assert!(!found.as_array().unwrap().is_empty());
    assert!(
        found[0].get("body").is_none(),
        "search results carry no body"
    );
    assert!(env
        .json(&["search", "zzzkhongco", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn sources_report_last_sync_and_counts() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let sources = env.json(&["sources", "--json"]);
    let s = &sources[0];
    assert_eq!(s["name"], "Cổng Hà Lâm");
    assert_eq!(s["status"], "ok");
    assert!(s["last_sync"].is_string());
    assert!(s["articles"].as_u64().unwrap() >= 5);
    assert_eq!(s["articles"], s["unread"]);
}

#[test]
fn second_sync_adds_no_duplicates() {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    let before = env.json(&["list", "--json"]);
    let id = before[0]["id"].as_i64().unwrap();
    let out = env.run(&["read", &id.to_string()]);
    assert!(out.status.success());
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = env.json(&["list", "--json"]);
    assert_eq!(
        before.as_array().unwrap().len(),
        after.as_array().unwrap().len(),
        "no duplicates"
    );
    assert!(stderr(&out).contains("0 new"), "{}", stderr(&out));
}
