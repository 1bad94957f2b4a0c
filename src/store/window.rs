//! The reader's list, a window at a time: at 100,000 cached articles the reader never holds
//! (or reads) every row. A window is a page of rows without bodies or related lists; the
//! counts come from a covering index, so neither touches article text.

use super::articles::{article_from_row, ARTICLE_COLUMNS};
use super::{ListFilter, Store, StoreError};
use crate::model::Article;
use rusqlite::params;

/// How many rows a view has, and how many of them are unread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCounts {
    pub total: u64,
    pub unread: u64,
}

/// The filter of `ListFilter`, shared by the window and its counts (`?1` source name,
/// `?2` unread only, `?3` starred only).
const VIEW: &str = "(?1 IS NULL OR a.source_id = (SELECT id FROM sources WHERE name = ?1))
     AND (?2 = 0 OR a.read = 0) AND (?3 = 0 OR a.starred = 1)";

/// The window: the inner query walks `articles_list` only; the table is read for the page alone.
pub(super) fn window_sql() -> String {
    format!(
        "WITH page AS (
             SELECT a.id FROM articles a WHERE {VIEW}
             ORDER BY a.published_ts DESC, a.id DESC LIMIT ?4 OFFSET ?5)
         SELECT {ARTICLE_COLUMNS} FROM page JOIN articles a ON a.id = page.id
         JOIN sources s ON s.id = a.source_id
         ORDER BY a.published_ts DESC, a.id DESC"
    )
}

pub(super) fn counts_sql() -> String {
    format!("SELECT COUNT(*), COALESCE(SUM(a.read = 0), 0) FROM articles a WHERE {VIEW}")
}

impl Store {
    /// Rows `offset..offset + limit` of the list `filter` describes, newest first, without
    /// bodies and related lists (`filter.limit` is ignored).
    pub fn list_window(
        &self,
        filter: &ListFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Article>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&window_sql())?;
        let rows = stmt.query_map(
            params![
                filter.source,
                filter.unread_only,
                filter.starred_only,
                limit as i64,
                offset as i64
            ],
            article_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Rows and unread rows of the list `filter` describes (`filter.limit` is ignored).
    pub fn list_counts(&self, filter: &ListFilter) -> Result<ListCounts, StoreError> {
        let mut stmt = self.conn.prepare_cached(&counts_sql())?;
        let (total, unread): (i64, i64) = stmt.query_row(
            params![filter.source, filter.unread_only, filter.starred_only],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(ListCounts {
            total: total as u64,
            unread: unread as u64,
        })
    }
}
