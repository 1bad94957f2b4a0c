//! Full-text search over the folded index: "dang uy" finds "Đảng ủy".

use super::articles::{article_from_row, ARTICLE_COLUMNS};
use super::{Store, StoreError};
use crate::model::Article;
use crate::text::fold_for_search;

/// Builds an FTS5 query from what a user typed: every word must match (AND), the last one as
/// a prefix so results come while typing. Words are quoted, so no FTS5 syntax gets through.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = fold_for_search(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

impl Store {
    /// Articles matching `input`, best first (bm25, title weighted over body).
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<Article>, StoreError> {
        let Some(query) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles_fts f
             JOIN articles a ON a.id = f.rowid JOIN sources s ON s.id = a.source_id
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts, 5.0, 1.0), a.id DESC
             LIMIT ?2"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params![query, limit as i64], article_from_row)?;
        let mut found: Vec<Article> = rows.collect::<Result<_, _>>()?;
        for a in &mut found {
            a.related = self.related(a.id)?;
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_quotes_words_and_prefixes_the_last() {
        assert_eq!(fts_query("Đảng ủy").as_deref(), Some("\"Dảng\" \"ủy\"*"));
        assert_eq!(fts_query("  \"OR\" * ( "), Some("\"OR\"*".to_string()));
        assert_eq!(fts_query(" -- "), None);
    }
}
