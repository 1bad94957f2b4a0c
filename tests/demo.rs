//! `tintuc demo` syncs the bundled portal with no network beyond 127.0.0.1.

mod common;
use common::*;

#[test]
fn demo_syncs_the_bundled_portal_into_the_data_dir() {
    let env = Env::new(&[], "");
    let out = env.run(&["demo"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list = env.json(&["list", "--json"]);
    assert!(list.as_array().unwrap().len() >= 10);
    // The pages were extracted: author, views, category and related lists are there.
    let id = list[0]["id"].as_i64().unwrap();
    let a = env.json(&["read", &id.to_string(), "--format", "json"]);
    assert!(a["views"].is_u64(), "{a}");
    assert!(a["category"].is_string(), "{a}");
    let related = a["related"].as_array().unwrap();
    assert!(!related.is_empty());
    assert!(
        related.iter().all(|r| r["id"].is_i64()),
        "every related demo article is cached"
    );
}

#[test]
fn demo_search_finds_vietnamese_without_diacritics() {
    let env = Env::new(&[], "");
    assert!(env.run(&["demo"]).status.success());
    let found = env.json(&["search", "dang uy", "--json"]);
    assert!(
        found[0]["title"].as_str().unwrap().contains("Đảng ủy"),
        "{found}"
    );
    let found = env.json(&["search", "nhan long", "--json"]);
    let hit = found.as_array().unwrap().iter().any(|a| {
        let a = env.json(&["read", &a["id"].to_string(), "--format", "json"]);
        a["body"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("nhãn lồng")
            || a["title"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("nhãn lồng")
    });
    assert!(hit, "{found}");
}
