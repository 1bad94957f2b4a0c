//! "Cùng chủ đề": cached articles similar to one article, computed from the cache alone so it
//! works offline. FTS5 bm25 over the folded index with the article's title and summary as an
//! OR query, a boost for the same category and a penalty for distance in time.

use super::articles::{article_from_row, ARTICLE_COLUMNS};
use super::{Store, StoreError};
use crate::model::{Article, ArticleId};
use crate::text::strip_diacritics;
use rusqlite::{params, OptionalExtension};

/// Syllables too common in Vietnamese news to say anything about the topic (folded).
const STOP: &[&str] = &[
    "va", "cua", "cac", "nhung", "cho", "voi", "trong", "la", "duoc", "co", "da", "tai", "ve",
    "nam", "mot", "nay", "khi", "den", "tu", "theo", "tren", "de", "nguoi", "ngay", "thi", "se",
    "cung", "nhu", "o", "ra", "vao", "the",
];
/// Query words taken from the title and summary.
const MAX_WORDS: usize = 32;
/// bm25 candidates re-ranked with category and time.
const CANDIDATES: i64 = 200;
/// Candidates come from the articles stored up to this many rows before or after the open
/// one. An OR of 32 words matches nearly every article, and bm25 over all 100,000 took half a
/// second; articles stored near it are near it in time, which the ranking favours anyway.
const NEAR: i64 = 3_000;

/// The FTS5 query for an article: its distinctive words, any of which may match.
pub fn similar_query(title: &str, summary: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    let text = format!("{title} {summary}");
    for w in strip_diacritics(&text).split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() >= 2 && !STOP.contains(&w) && !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    }
    words.truncate(MAX_WORDS);
    (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" OR ")
    })
}

impl Store {
    /// Up to `limit` cached articles most like `id`, best first; never `id` itself.
    pub fn similar(&self, id: ArticleId, limit: usize) -> Result<Vec<Article>, StoreError> {
        let open: Option<(String, String, Option<String>, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT title, summary, category, published_ts FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((title, summary, category, published)) = open else {
            return Ok(Vec::new());
        };
        let Some(query) = similar_query(&title, &summary) else {
            return Ok(Vec::new());
        };
        let when = published.unwrap_or_else(|| chrono::Utc::now().timestamp());
        // bm25 is negative (more negative = better): the boost multiplies it, the age divides it.
        let sql = format!(
            "WITH hits AS (
                 SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts
                 WHERE articles_fts MATCH ?1 AND rowid != ?2
                   AND rowid BETWEEN ?2 - {NEAR} AND ?2 + {NEAR}
                 ORDER BY rank LIMIT {CANDIDATES})
             SELECT {ARTICLE_COLUMNS} FROM hits
             JOIN articles a ON a.id = hits.id JOIN sources s ON s.id = a.source_id
             ORDER BY hits.rank
                 * (CASE WHEN a.category IS NOT NULL AND a.category = ?3 THEN 1.5 ELSE 1.0 END)
                 / (1.0 + ABS(COALESCE(a.published_ts, ?4) - ?4) / 86400.0 / 180.0),
               a.id DESC
             LIMIT ?5"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            params![query, id, category, when, limit as i64],
            article_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest successful or failed sync recorded for any source.
    pub fn last_sync(&self) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, StoreError> {
        let newest: Option<String> =
            self.conn
                .query_row("SELECT MAX(last_sync) FROM sources", [], |r| r.get(0))?;
        Ok(newest.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok()))
    }
}

#[cfg(test)]
mod tests;
