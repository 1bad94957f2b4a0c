use super::*;
use crate::model::NewArticle;

fn new(guid: &str, title: &str, body: &str) -> NewArticle {
    NewArticle {
        guid: guid.into(),
        url: format!("https://p.vn/{guid}.html"),
        title: title.into(),
        summary: "Tóm tắt".into(),
        body: body.into(),
        full_text: true,
        ..NewArticle::default()
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn ingest_dedupes_by_guid_and_url_and_keeps_read_and_starred() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    let r = store.ingest(src, &[new("1", "Một", "Thân")]).unwrap();
    assert_eq!((r.added, r.updated), (1, 0));
    let id = store.list(&ListFilter::default()).unwrap()[0].id;
    store.set_read(id, true).unwrap();
    store.set_starred(id, true).unwrap();
    // Same guid, new title; then same URL under another guid.
    store
        .ingest(src, &[new("1", "Một (sửa)", "Thân mới")])
        .unwrap();
    let mut same_url = new("other-guid", "Một lần nữa", "Thân");
    same_url.url = "https://p.vn/1.html".into();
    let r = store.ingest(src, &[same_url]).unwrap();
    assert_eq!((r.added, r.updated), (0, 1));
    let list = store.list(&ListFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].read && list[0].starred);
}

#[test]
fn a_feed_only_copy_never_replaces_a_full_page() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    store
        .ingest(src, &[new("1", "Một", "Thân bài đầy đủ")])
        .unwrap();
    let mut teaser = new("1", "Một", "Chỉ tóm tắt");
    teaser.full_text = false;
    store.ingest(src, &[teaser]).unwrap();
    let id = store.list(&ListFilter::default()).unwrap()[0].id;
    assert_eq!(
        store.article(id).unwrap().unwrap().body.as_deref(),
        Some("Thân bài đầy đủ")
    );
}

#[test]
fn search_folds_diacritics_and_d_stroke_and_follows_updates() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    store
        .ingest(
            src,
            &[
                new("1", "Đảng ủy xã họp", "Bàn về nhãn lồng"),
                new("2", "Tin khác", "Không liên quan"),
            ],
        )
        .unwrap();
    assert_eq!(
        store.search("dang uy", 10).unwrap()[0].title,
        "Đảng ủy xã họp"
    );
    assert_eq!(store.search("nhan long", 10).unwrap().len(), 1);
    assert_eq!(store.search("NHÃN LỒNG", 10).unwrap().len(), 1);
    assert_eq!(
        store.search("nhan lo", 10).unwrap().len(),
        1,
        "the last word is a prefix"
    );
    store
        .ingest(src, &[new("1", "Đảng ủy xã họp", "Bàn về lúa")])
        .unwrap();
    assert!(
        store.search("nhan long", 10).unwrap().is_empty(),
        "the index follows updates"
    );
}

#[test]
fn related_entries_link_to_cached_articles_by_url() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    let mut a = new("1", "Một", "Thân");
    a.related = vec![
        ("Hai".into(), "https://p.vn/2.html".into()),
        ("Không có".into(), "https://p.vn/9.html".into()),
    ];
    store.ingest(src, &[a, new("2", "Hai", "Thân")]).unwrap();
    let id = store.search("mot", 1).unwrap()[0].id;
    let related = store.related(id).unwrap();
    assert_eq!(related.len(), 2);
    assert_eq!(related[0].title, "Hai");
    assert!(related[0].id.is_some());
    assert_eq!(related[1].id, None);
}

#[test]
fn a_cache_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    drop(conn);
    let err = Store::open(dir.path()).err().unwrap().to_string();
    assert!(err.contains("newer tintuc"), "{err}");
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION + 5);
}

#[test]
fn sync_records_validators_and_status() {
    let (_dir, store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    let v = crate::model::Validators {
        etag: Some("\"e1\"".into()),
        last_modified: None,
    };
    store.record_sync(src, Some(&v), "ok").unwrap();
    assert_eq!(store.source_validators(src).unwrap(), v);
    store
        .record_sync(src, None, "https://p.vn/rss: HTTP status 500")
        .unwrap();
    assert_eq!(
        store.source_validators(src).unwrap(),
        v,
        "kept when the fetch failed"
    );
    let s = &store.sources().unwrap()[0];
    assert!(s.status.contains("500") && s.last_sync.is_some());
}

#[test]
fn words_side_by_side_rank_first_without_diacritics() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    store
        .ingest(
            src,
            &[
                new("1", "Phố Hiến về đêm", "Du khách dạo phố cổ."),
                new(
                    "2",
                    "Phó hiệu trưởng hiền",
                    "Phó hiệu trưởng hiền, phó hiệu trưởng hiền lành.",
                ),
            ],
        )
        .unwrap();
    let found = store.search("pho hien", 10).unwrap();
    assert_eq!(found.len(), 2, "both match word by word");
    assert_eq!(found[0].title, "Phố Hiến về đêm", "the phrase comes first");
}

#[test]
fn a_first_batch_dedupes_within_itself_like_later_ones() {
    // A source's first batch is matched in memory, not in the table: same rules.
    let (_dir, mut store) = store();
    let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
    let mut same_url = new("other-guid", "Một lần nữa", "Thân");
    same_url.url = "https://p.vn/1.html".into();
    let batch = [
        new("1", "Một", "Thân"),
        new("1", "Một (sửa)", "Thân"),
        same_url,
    ];
    let r = store.ingest(src, &batch).unwrap();
    assert_eq!((r.added, r.updated), (1, 2));
    let list = store.list(&ListFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Một lần nữa");
    assert_eq!(
        store.search("lan nua", 10).unwrap().len(),
        1,
        "index follows the row"
    );
}
