//! What an API source's next sync needs from the cache: the names it already resolved
//! (WordPress authors and categories by id) and the newest published time it holds.

use super::{Store, StoreError};
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

impl Store {
    /// Names cached for the source, by key (`users/3`, `categories/7`).
    pub fn api_names(&self, source_id: i64) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, name FROM api_names WHERE source_id = ?1")?;
        let rows = stmt.query_map([source_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Keeps names the source's API gave, replacing older ones (a renamed category).
    pub fn save_api_names(
        &mut self,
        source_id: i64,
        names: &[(String, String)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO api_names (source_id, key, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (source_id, key) DO UPDATE SET name = excluded.name",
            )?;
            for (key, name) in names {
                stmt.execute(params![source_id, key, name])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The newest published time among the source's cached articles, for `after=`.
    pub fn newest_published(
        &self,
        source_id: i64,
    ) -> Result<Option<DateTime<FixedOffset>>, StoreError> {
        let newest: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT published FROM articles WHERE source_id = ?1 AND published_ts IS NOT NULL
                 ORDER BY published_ts DESC LIMIT 1",
                [source_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(newest
            .flatten()
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewArticle;

    #[test]
    fn names_round_trip_and_newest_is_the_latest_published() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let id = store.upsert_source("A", "https://a.vn/wp-json/").unwrap();
        assert_eq!(store.newest_published(id).unwrap(), None);
        store
            .save_api_names(id, &[("users/3".into(), "Thu Hằng".into())])
            .unwrap();
        store
            .save_api_names(id, &[("users/3".into(), "Thu Hằng (PV)".into())])
            .unwrap();
        assert_eq!(store.api_names(id).unwrap()["users/3"], "Thu Hằng (PV)");
        let at = |s: &str| Some(DateTime::parse_from_rfc3339(s).unwrap());
        let art = |n: u32, published| NewArticle {
            guid: format!("g{n}"),
            url: format!("https://a.vn/{n}"),
            title: format!("Tin {n}"),
            published,
            ..NewArticle::default()
        };
        let batch = [
            art(1, at("2024-05-01T08:00:00+07:00")),
            art(2, at("2024-05-03T01:00:00+00:00")),
            art(3, None),
        ];
        store.ingest(id, &batch).unwrap();
        assert_eq!(
            store.newest_published(id).unwrap(),
            at("2024-05-03T01:00:00+00:00")
        );
    }
}
