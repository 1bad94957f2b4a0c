//! The reader's queries use indexes (`EXPLAIN QUERY PLAN`): at 100,000 articles a full scan
//! of `articles` is what makes a reader slow. Plans are checked, never times.

use super::articles::{article_sql, RELATED_SQL};
use super::search::hits_sql;
use super::window::{counts_sql, window_sql};
use super::Store;

/// The plan's lines, e.g. `SEARCH a USING INTEGER PRIMARY KEY (rowid=?)`.
fn plan(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    // Parameters stay unbound (NULL): the plan does not depend on their values.
    let mut rows = stmt.raw_query();
    let mut lines = Vec::new();
    while let Some(r) = rows.next().unwrap() {
        lines.push(r.get::<_, String>(3).unwrap());
    }
    lines
}

/// No line scans the articles table itself (scanning an index in order, a CTE, or the
/// full-text index is fine).
fn assert_no_table_scan(store: &Store, sql: &str) -> Vec<String> {
    let lines = plan(store, sql);
    for l in &lines {
        let scans_articles = l.starts_with("SCAN a") || l.starts_with("SCAN articles");
        assert!(!scans_articles || l.contains("INDEX"), "{l} in {lines:?}");
    }
    lines
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn the_list_window_walks_its_covering_index_in_order() {
    let (_dir, store) = store();
    let lines = assert_no_table_scan(&store, &window_sql());
    assert!(
        lines
            .iter()
            .any(|l| l.contains("COVERING INDEX articles_list")),
        "{lines:?}"
    );
    let counts = assert_no_table_scan(&store, &counts_sql());
    assert!(
        counts.iter().any(|l| l.contains("COVERING INDEX")),
        "{counts:?}"
    );
}

#[test]
fn search_article_and_related_look_rows_up_by_key() {
    let (_dir, store) = store();
    let hits = assert_no_table_scan(&store, &hits_sql());
    assert!(hits.iter().any(|l| l.contains("VIRTUAL TABLE")), "{hits:?}");
    let one = assert_no_table_scan(&store, &article_sql());
    assert!(
        one.iter().any(|l| l.contains("INTEGER PRIMARY KEY")),
        "{one:?}"
    );
    let related = assert_no_table_scan(&store, RELATED_SQL);
    assert!(
        related.iter().any(|l| l.contains("articles_url")),
        "{related:?}"
    );
}

#[test]
fn ingest_finds_known_articles_by_index() {
    let (_dir, store) = store();
    for sql in [
        "SELECT id FROM articles WHERE source_id = ?1 AND guid = ?2",
        "SELECT id FROM articles WHERE url = ?1 AND source_id = ?2 LIMIT 1",
        "SELECT url, page_etag, page_last_modified FROM articles WHERE full_text = 1",
        "SELECT EXISTS (SELECT 1 FROM articles WHERE source_id = ?1)",
        // newest_published and the per-source counts of `tintuc sources`
        "SELECT published FROM articles WHERE source_id = ?1 AND published_ts IS NOT NULL
         ORDER BY published_ts DESC LIMIT 1",
        "SELECT COUNT(*) FROM articles a WHERE a.source_id = ?1 AND a.read = 0",
    ] {
        let lines = assert_no_table_scan(&store, sql);
        assert!(lines.iter().any(|l| l.contains("INDEX")), "{lines:?}");
    }
}
