//! Full-text search over the folded index: "dang uy" finds "Đảng ủy".

use super::articles::{article_from_row, ARTICLE_COLUMNS};
use super::{Store, StoreError};
use crate::model::Article;
use crate::text::fold_for_search;

/// The folded words of what a user typed (no FTS5 syntax survives: only letters and digits).
fn words(input: &str) -> Vec<String> {
    fold_for_search(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words as one phrase (`"pho hien"*`): they must stand side by side, in order.
/// `None` for a single word, where the phrase is the word query itself.
pub fn fts_phrase(input: &str) -> Option<String> {
    let words = words(input);
    (words.len() > 1).then(|| format!("\"{}\"*", words.join(" ")))
}

/// Builds an FTS5 query from what a user typed: every word must match (AND), the last one as
/// a prefix so results come while typing. Words are quoted, so no FTS5 syntax gets through.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = words(input).iter().map(|w| format!("\"{w}\"")).collect();
    let (last, rest) = words.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

/// Matches ranked by bm25 at most. bm25 reads the positions of every match it ranks: over a
/// word in every one of 100,000 articles that takes a quarter of a second (crate notes), so
/// past this many matches only the newest this many (by rowid, which grows with arrival) are
/// ranked.
const RANKED: i64 = 2_000;

/// The best `?2` matches of `?1` from rowid `?3` on, with their rows.
pub(super) fn hits_sql() -> String {
    format!(
        "WITH hits AS (
             SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts
             WHERE articles_fts MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2)
         SELECT {ARTICLE_COLUMNS} FROM hits
         JOIN articles a ON a.id = hits.id JOIN sources s ON s.id = a.source_id
         ORDER BY hits.rank, a.id DESC"
    )
}

impl Store {
    /// Articles matching `input`, best first (bm25, title weighted over body), with their
    /// related lists. Past [`RANKED`] matches, the best of the newest ones.
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<Article>, StoreError> {
        let mut found = self.search_rows(input, limit)?;
        for a in &mut found {
            a.related = self.related(a.id)?;
        }
        Ok(found)
    }

    /// Like [`Store::search`] without the related lists (the reader's list shows none).
    /// Without diacritics one syllable stands for many words ("pho" for phố, phó, phở), so
    /// articles where the words stand side by side, as typed, come first.
    pub fn search_rows(&self, input: &str, limit: usize) -> Result<Vec<Article>, StoreError> {
        let Some(all_words) = fts_query(input) else {
            return Ok(Vec::new());
        };
        let mut found = match fts_phrase(input) {
            Some(phrase) => self.ranked(phrase, limit)?,
            None => Vec::new(),
        };
        if found.len() < limit {
            let seen: std::collections::HashSet<i64> = found.iter().map(|a| a.id).collect();
            let rest = self.ranked(all_words, limit)?;
            found.extend(rest.into_iter().filter(|a| !seen.contains(&a.id)));
            found.truncate(limit);
        }
        Ok(found)
    }

    /// The best `limit` matches of an FTS5 query whose last token is a prefix.
    fn ranked(&self, prefixed: String, limit: usize) -> Result<Vec<Article>, StoreError> {
        // A prefix makes FTS5 merge the whole lists of every word it starts, in memory (a
        // tenth of a second for a syllable in every article). When the last word as typed is
        // already a whole word with enough matches, search that instead.
        let exact = prefixed.trim_end_matches('*').to_string();
        let (query, floor) = match self.rank_floor(&exact, limit)? {
            Some(floor) => (exact, floor),
            None => {
                let floor = self.rank_floor(&prefixed, 0)?.unwrap_or(0);
                (prefixed, floor)
            }
        };
        let mut stmt = self.conn.prepare_cached(&hits_sql())?;
        let rows = stmt.query_map(
            rusqlite::params![query, limit as i64, floor],
            article_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The lowest rowid worth ranking for `query`: that of its [`RANKED`]-th newest match, or 0
    /// when it has fewer. `None` when it has fewer than `at_least` matches. Walking matches
    /// newest first without ranking them is cheap (no positions are read).
    fn rank_floor(&self, query: &str, at_least: usize) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
             ORDER BY rowid DESC LIMIT ?2",
        )?;
        let ids: Vec<i64> = stmt
            .query_map(rusqlite::params![query, RANKED], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.len() < at_least.max(1) {
            return Ok(None);
        }
        Ok(Some(if ids.len() as i64 == RANKED {
            ids[ids.len() - 1]
        } else {
            0
        }))
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
        assert_eq!(fts_phrase("Phố  Hiến").as_deref(), Some("\"Phố Hiến\"*"));
        assert_eq!(fts_phrase("hien"), None);
    }
}
