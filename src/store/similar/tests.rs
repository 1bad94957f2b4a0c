use super::*;
use crate::model::NewArticle;
use chrono::DateTime;

fn new(guid: &str, title: &str, body: &str, category: &str, date: &str) -> NewArticle {
    NewArticle {
        guid: guid.into(),
        url: format!("http://p.vn/{guid}"),
        title: title.into(),
        summary: String::new(),
        body: body.into(),
        category: Some(category.into()),
        published: DateTime::parse_from_rfc3339(&format!("{date}T08:00:00+07:00")).ok(),
        ..NewArticle::default()
    }
}

/// A cache of five articles; returns it with the id of the one whose title is `title`.
fn cache() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let source = store.upsert_source("Demo", "http://p.vn/rss").unwrap();
    let batch = [
        new(
            "open",
            "Thu hoạch nhãn lồng Hưng Yên",
            "Vụ nhãn lồng năm nay được mùa.",
            "Kinh tế",
            "2026-08-10",
        ),
        new(
            "same-cat",
            "Giá nhãn lồng Hưng Yên tăng",
            "Nhãn lồng bán chạy.",
            "Kinh tế",
            "2026-08-01",
        ),
        new(
            "other-cat",
            "Lễ hội nhãn lồng Hưng Yên",
            "Nhãn lồng được trưng bày.",
            "Văn hóa",
            "2026-08-01",
        ),
        new(
            "old",
            "Nhãn lồng Hưng Yên xưa",
            "Chuyện nhãn lồng từ xưa.",
            "Kinh tế",
            "2016-08-01",
        ),
        new(
            "unrelated",
            "Hội nghị Đảng ủy tỉnh",
            "Tổng kết công tác năm.",
            "Chính trị",
            "2026-08-09",
        ),
    ];
    store.ingest(source, &batch).unwrap();
    (dir, store)
}

fn id_of(store: &Store, title: &str) -> i64 {
    store.search(title, 1).unwrap()[0].id
}

#[test]
fn similar_ranks_by_topic_category_and_age_and_skips_itself() {
    let (_dir, store) = cache();
    let open = id_of(&store, "Thu hoạch nhãn lồng");
    let titles: Vec<String> = store
        .similar(open, 10)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Giá nhãn lồng Hưng Yên tăng"),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.starts_with("Thu hoạch")),
        "never itself: {titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.contains("Đảng ủy")),
        "unrelated left out: {titles:?}"
    );
    let pos = |t: &str| titles.iter().position(|x| x.starts_with(t)).unwrap();
    assert!(
        pos("Lễ hội") < pos("Nhãn lồng Hưng Yên xưa"),
        "ten years older ranks last: {titles:?}"
    );
}

#[test]
fn similar_respects_the_limit_and_unknown_ids() {
    let (_dir, store) = cache();
    let open = id_of(&store, "Thu hoạch nhãn lồng");
    assert_eq!(store.similar(open, 1).unwrap().len(), 1);
    assert!(store.similar(9_999, 10).unwrap().is_empty());
}

#[test]
fn query_uses_folded_distinct_words_without_stop_words() {
    let q = similar_query("Đảng ủy và Đảng ủy", "của tỉnh").unwrap();
    assert_eq!(q, "\"dang\" OR \"uy\" OR \"tinh\"");
    assert_eq!(similar_query("và của", ""), None);
}
