//! Bundles in and out of the cache: which articles an export takes, and how an import merges
//! them (the URL is an article's identity, the newer copy wins, read/starred never go down).

use super::articles::{insert_article, update_article};
use super::{Store, StoreError};
use crate::model::{Archived, Bundle, NewArticle};
use chrono::DateTime;
use rusqlite::{params, OptionalExtension, Row, Transaction};

/// Which articles an export takes; the conditions add up (an empty filter takes everything).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Only articles retrieved at or after this Unix time.
    pub fetched_since: Option<i64>,
    pub source: Option<String>,
    pub starred_only: bool,
}

/// What an import changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    /// Replaced by the bundle's newer copy.
    pub updated: usize,
    /// Already as new here (only read/starred state may have been raised).
    pub kept: usize,
}

const SELECT_ARCHIVED: &str =
    "SELECT a.id, s.name, a.guid, a.url, a.title, a.author, a.published, \
     a.views, a.category, a.summary, a.body, a.full_text, a.read, a.starred, a.fetched_at \
     FROM articles a JOIN sources s ON s.id = a.source_id \
     WHERE (?1 IS NULL OR unixepoch(a.fetched_at) >= ?1) AND (?2 IS NULL OR s.name = ?2) \
       AND (?3 = 0 OR a.starred = 1) \
     ORDER BY a.id";

fn archived_from_row(r: &Row) -> rusqlite::Result<(i64, Archived)> {
    let time = |s: Option<String>| s.and_then(|t| DateTime::parse_from_rfc3339(&t).ok());
    let views: Option<i64> = r.get(7)?;
    let article = NewArticle {
        guid: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        author: r.get(5)?,
        published: time(r.get(6)?),
        views: views.and_then(|v| u64::try_from(v).ok()),
        category: r.get(8)?,
        summary: r.get(9)?,
        body: r.get(10)?,
        full_text: r.get(11)?,
        ..NewArticle::default()
    };
    let a = Archived {
        source: r.get(1)?,
        article,
        read: r.get(12)?,
        starred: r.get(13)?,
        fetched_at: time(r.get(14)?).unwrap_or_else(|| chrono::Utc::now().fixed_offset()),
    };
    Ok((r.get(0)?, a))
}

impl Store {
    /// The articles `filter` selects, oldest first, with the (name, url) of their sources.
    pub fn archived(&self, filter: &ExportFilter) -> Result<Bundle, StoreError> {
        let mut stmt = self.conn.prepare(SELECT_ARCHIVED)?;
        let rows = stmt.query_map(
            params![filter.fetched_since, filter.source, filter.starred_only],
            archived_from_row,
        )?;
        let mut articles = Vec::new();
        for row in rows {
            let (id, mut a) = row?;
            a.article.related = self
                .related(id)?
                .into_iter()
                .map(|r| (r.title, r.url))
                .collect();
            articles.push(a);
        }
        let mut sources: Vec<(String, String)> = Vec::new();
        for s in self.sources()? {
            if articles.iter().any(|a| a.source == s.name) {
                sources.push((s.name, s.url));
            }
        }
        Ok(Bundle { sources, articles })
    }

    /// Merges a bundle in one transaction: all of it, or (on any error) none of it.
    pub fn merge_archived(&mut self, bundle: &Bundle) -> Result<MergeReport, StoreError> {
        let tx = self.conn.transaction()?;
        for (name, url) in &bundle.sources {
            // A source the user already has keeps its URL: the config file is the authority.
            tx.execute(
                "INSERT INTO sources (name, url) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
                params![name, url],
            )?;
        }
        let mut report = MergeReport::default();
        for a in &bundle.articles {
            merge_one(&tx, a, &mut report)?;
        }
        tx.commit()?;
        Ok(report)
    }
}

fn merge_one(tx: &Transaction, a: &Archived, report: &mut MergeReport) -> rusqlite::Result<()> {
    let source_id: i64 =
        tx.query_row("SELECT id FROM sources WHERE name = ?1", [&a.source], |r| {
            r.get(0)
        })?;
    let fetched_at = a.fetched_at.to_rfc3339();
    let new = &a.article;
    let id = match cached_copy(tx, source_id, a)? {
        None => {
            report.added += 1;
            insert_article(tx, source_id, new, &fetched_at)?
        }
        Some((id, theirs)) if theirs.is_none_or(|t| a.fetched_at > t) => {
            update_article(tx, id, new, &fetched_at)?;
            report.updated += 1;
            id
        }
        Some((id, _)) => {
            report.kept += 1;
            id
        }
    };
    tx.execute(
        "UPDATE articles SET read = MAX(read, ?2), starred = MAX(starred, ?3) WHERE id = ?1",
        params![id, a.read, a.starred],
    )?;
    Ok(())
}

/// The cached article with the same URL (any source), else the same guid in the same source;
/// with its retrieval time.
fn cached_copy(
    tx: &Transaction,
    source_id: i64,
    a: &Archived,
) -> rusqlite::Result<Option<(i64, Option<DateTime<chrono::FixedOffset>>)>> {
    let found: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, fetched_at FROM articles WHERE url = ?1
             UNION ALL
             SELECT id, fetched_at FROM articles WHERE source_id = ?2 AND guid = ?3
             LIMIT 1",
            params![a.article.url, source_id, a.article.guid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(found.map(|(id, t)| (id, DateTime::parse_from_rfc3339(&t).ok())))
}
