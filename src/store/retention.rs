//! Keeping the cache in bounds: prune by age (`keep_days`) and by size (`max_size_mb`), never a
//! starred article; and compacting the file (`tintuc vacuum`).

use super::{Store, StoreError};
use rusqlite::{params, Transaction};

/// How many articles one prune removed, and why.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PruneReport {
    pub by_age: usize,
    pub by_size: usize,
}

/// Size-based pruning estimates how many articles to drop from the average article size;
/// a few passes correct the estimate without looping on a cache made of starred articles.
const SIZE_PASSES: usize = 4;

impl Store {
    /// Removes unstarred articles retrieved more than `keep_days` days ago, then the oldest
    /// unstarred ones until the cache's content fits in `max_size_mb`. Zero turns a rule off.
    pub fn prune(&mut self, keep_days: u32, max_size_mb: u64) -> Result<PruneReport, StoreError> {
        let mut report = PruneReport::default();
        if keep_days > 0 {
            let cutoff = chrono::Utc::now().timestamp() - i64::from(keep_days) * 86_400;
            report.by_age =
                self.delete_where("starred = 0 AND unixepoch(fetched_at) < ?1", cutoff)?;
        }
        if max_size_mb > 0 {
            let max = max_size_mb.saturating_mul(1024 * 1024);
            for _ in 0..SIZE_PASSES {
                let used = self.used_bytes()?;
                let excess = used.saturating_sub(max);
                let count = self.count_articles()?;
                if excess == 0 || count == 0 {
                    break;
                }
                let per_article = (used / count).max(1);
                let n = excess.div_ceil(per_article) as i64;
                let removed = self.delete_where(
                    "starred = 0 ORDER BY COALESCE(published_ts, unixepoch(fetched_at)), id
                     LIMIT ?1",
                    n,
                )?;
                report.by_size += removed;
                if removed == 0 {
                    break; // only starred articles are left
                }
            }
        }
        Ok(report)
    }

    /// Bytes of the cache in use (free pages left by deletions do not count).
    pub fn used_bytes(&self) -> Result<u64, StoreError> {
        let pragma = |name: &str| -> Result<u64, StoreError> {
            let v: i64 = self
                .conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?;
            Ok(v.max(0) as u64)
        };
        Ok((pragma("page_count")? - pragma("freelist_count")?) * pragma("page_size")?)
    }

    /// Merges the search index, rebuilds the file without free pages, and returns the size
    /// of the cache on disk (database and write-ahead log) before and after.
    pub fn vacuum(&mut self) -> Result<(u64, u64), StoreError> {
        let before = self.disk_bytes()?;
        self.conn.execute(
            "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
            [],
        )?;
        self.conn.execute_batch("VACUUM")?;
        Ok((before, self.disk_bytes()?))
    }

    /// Size on disk after moving the write-ahead log into the database.
    fn disk_bytes(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let len = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        Ok(len(&self.path) + len(std::path::Path::new(&wal)))
    }

    fn count_articles(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Deletes the articles `SELECT id FROM articles WHERE {condition}` picks, in one transaction.
    fn delete_where(&mut self, condition: &str, param: i64) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let ids: Vec<i64> = {
            let mut stmt = tx.prepare(&format!("SELECT id FROM articles WHERE {condition}"))?;
            let rows = stmt.query_map([param], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for &id in &ids {
            delete_article(&tx, id)?;
        }
        tx.commit()?;
        Ok(ids.len())
    }
}

/// An article with its related list and its search-index row (the index is contentless, so
/// its rows go by rowid and nothing removes them for us).
fn delete_article(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM articles_fts WHERE rowid = ?1", params![id])?;
    tx.execute("DELETE FROM related WHERE article_id = ?1", params![id])?;
    tx.execute("DELETE FROM articles WHERE id = ?1", params![id])?;
    Ok(())
}
