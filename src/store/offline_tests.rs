//! Bundles merged into the cache, and retention: what a user of an offline machine relies on.

use super::*;
use crate::model::{Archived, Bundle, NewArticle};
use chrono::{DateTime, Duration, FixedOffset, Utc};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

fn days_ago(days: i64) -> DateTime<FixedOffset> {
    (Utc::now() - Duration::days(days)).fixed_offset()
}

fn archived(n: u32, title: &str, fetched_at: DateTime<FixedOffset>) -> Archived {
    let article = NewArticle {
        guid: format!("g{n}"),
        url: format!("https://p.vn/bai/{n}.html"),
        title: title.into(),
        author: None,
        published: None,
        views: None,
        category: None,
        summary: "Tóm tắt".into(),
        body: format!("Thân bài {title} {}", "chữ ".repeat(500)),
        related: vec![("Bài khác".into(), "https://p.vn/bai/99.html".into())],
        full_text: true,
        page_validators: Default::default(),
        doc: None,
    };
    Archived {
        source: "Tỉnh".into(),
        article,
        read: false,
        starred: false,
        fetched_at,
    }
}

fn sources() -> Vec<(String, String)> {
    vec![("Tỉnh".into(), "https://p.vn/rss".into())]
}

fn bundle(articles: impl Into<Vec<Archived>>) -> Bundle {
    Bundle {
        sources: sources(),
        articles: articles.into(),
    }
}

fn titles(store: &Store) -> Vec<String> {
    let mut t: Vec<String> = store
        .list(&ListFilter::default())
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    t.sort();
    t
}

#[test]
fn merge_adds_once_keeps_the_newer_copy_and_never_lowers_state() {
    let (_dir, mut store) = store();
    let mut old = archived(1, "Bản cũ", days_ago(3));
    old.starred = true;
    let r = store.merge_archived(&bundle([old.clone()])).unwrap();
    assert_eq!((r.added, r.updated, r.kept), (1, 0, 0));
    // A newer copy, unstarred but read: content replaced, star kept, read raised.
    let mut newer = archived(1, "Bản mới", days_ago(1));
    newer.read = true;
    let r = store.merge_archived(&bundle([newer])).unwrap();
    assert_eq!((r.added, r.updated), (0, 1));
    // The old copy again changes nothing.
    let r = store.merge_archived(&bundle([old])).unwrap();
    assert_eq!(r.kept, 1);
    let list = store.list(&ListFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Bản mới");
    assert!(list[0].read && list[0].starred);
    assert_eq!(store.search("ban moi", 5).unwrap().len(), 1);
    assert_eq!(store.search("ban cu", 5).unwrap().len(), 0);
}

#[test]
fn export_filters_by_time_source_and_star() {
    let (_dir, mut store) = store();
    let mut starred = archived(2, "Có sao", days_ago(30));
    starred.starred = true;
    let items = [archived(1, "Mới", days_ago(1)), starred];
    store.merge_archived(&bundle(items)).unwrap();
    let since = |days: i64| ExportFilter {
        fetched_since: Some((Utc::now() - Duration::days(days)).timestamp()),
        ..ExportFilter::default()
    };
    let week = store.archived(&since(7)).unwrap();
    assert_eq!(week.sources, sources());
    assert_eq!(week.articles.len(), 1);
    assert_eq!(week.articles[0].article.related.len(), 1);
    let stars = ExportFilter {
        starred_only: true,
        ..ExportFilter::default()
    };
    assert_eq!(
        store.archived(&stars).unwrap().articles[0].article.title,
        "Có sao"
    );
    let other = ExportFilter {
        source: Some("Khác".into()),
        ..ExportFilter::default()
    };
    assert!(store.archived(&other).unwrap().articles.is_empty());
}

#[test]
fn pruning_by_age_keeps_starred_and_clears_the_index() {
    let (_dir, mut store) = store();
    let mut starred = archived(1, "Cũ có sao", days_ago(60));
    starred.starred = true;
    let items = [
        starred,
        archived(2, "Cũ bỏ đi", days_ago(60)),
        archived(3, "Mới", days_ago(2)),
    ];
    store.merge_archived(&bundle(items)).unwrap();
    let report = store.prune(30, 0).unwrap();
    assert_eq!(
        report,
        PruneReport {
            by_age: 1,
            by_size: 0
        }
    );
    assert_eq!(titles(&store), ["Cũ có sao", "Mới"]);
    assert!(store.search("bo di", 5).unwrap().is_empty());
    let fts: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM articles_fts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts, 2);
    assert_eq!(store.prune(0, 0).unwrap(), PruneReport::default());
}

#[test]
fn pruning_by_size_drops_the_oldest_unstarred_first() {
    let (_dir, mut store) = store();
    let src = store.upsert_source("Tỉnh", "https://p.vn/rss").unwrap();
    let big = "Một đoạn văn dài về tin tức của tỉnh. ".repeat(300);
    let batch: Vec<NewArticle> = (0..200)
        .map(|i| NewArticle {
            guid: format!("n{i}"),
            url: format!("https://p.vn/n/{i}.html"),
            title: format!("Tin {i}"),
            published: Some(days_ago(300 - i).fixed_offset()),
            body: format!("{big} {i}"),
            ..NewArticle::default()
        })
        .collect();
    store.ingest(src, &batch).unwrap();
    let oldest = store
        .list(&ListFilter::default())
        .unwrap()
        .last()
        .unwrap()
        .id;
    store.set_starred(oldest, true).unwrap();
    assert!(store.used_bytes().unwrap() > 2 * 1024 * 1024);
    let report = store.prune(0, 1).unwrap();
    assert!(report.by_size > 0);
    let left = store.list(&ListFilter::default()).unwrap();
    assert!(left.iter().any(|a| a.id == oldest && a.starred));
    assert!(
        left.iter().any(|a| a.title == "Tin 199"),
        "the newest is kept"
    );
    assert!(!left.iter().any(|a| a.title == "Tin 1"), "the old go first");
    let (before, after) = store.vacuum().unwrap();
    assert!(after < before, "{before} -> {after}");
}
