//! The cache: one SQLite file in the data directory, owned by this module alone.
//!
//! Every write is one transaction, so a sync killed at any moment loses nothing committed.
//! WAL lets readers keep reading while a sync writes.

mod api_cache;
mod articles;
mod bundle;
mod open;
mod retention;
mod schema;
mod search;
mod similar;
mod window;

pub use articles::ListFilter;
pub use bundle::{ExportFilter, MergeReport};
pub use retention::PruneReport;
pub use schema::SCHEMA_VERSION;
pub use window::ListCounts;

use crate::model::{SourceStatus, Validators};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::{Path, PathBuf};

/// File name of the cache inside the data directory.
pub const DB_FILE: &str = "tintuc.db";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the cache {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("cache {path}: {source}")]
    Migrate {
        path: String,
        source: schema::MigrateError,
    },
    #[error("the disk holding the cache is full; nothing stored before was lost: free some space, then run the command again")]
    DiskFull,
    #[error("the cache cannot be written (read-only file or directory); nothing stored was changed: check the permissions of the data directory")]
    ReadOnly,
    #[error("cache error: {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sql(e),
        }
    }
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    recovered: Option<Recovery>,
}

/// A damaged cache that `Store::open` moved aside before starting a fresh one.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub moved_to: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the cache was damaged ({}); it was kept as {} and a new, empty cache was started: run `tintuc sync` to fill it",
            self.reason,
            self.moved_to.display()
        )
    }
}

/// What one ingest changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IngestReport {
    pub added: usize,
    pub updated: usize,
}

impl Store {
    /// Opens (creating if needed) the cache in `data_dir` and migrates it. A damaged cache file
    /// is moved aside (see [`Store::recovered`]) and a fresh one is created; a cache from a
    /// newer tintuc is refused untouched.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(DB_FILE);
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        match open::connect(&path) {
            Ok(conn) => Ok(Store {
                conn,
                path,
                recovered: None,
            }),
            Err(open::Failure::Damaged(reason)) => {
                let moved_to = open::quarantine(&path)?;
                let conn = open::connect(&path).map_err(open::Failure::into_error)?;
                let recovered = Some(Recovery { moved_to, reason });
                Ok(Store {
                    conn,
                    path,
                    recovered,
                })
            }
            Err(other) => Err(other.into_error()),
        }
    }

    /// A number that changes whenever another connection commits to the cache (cheap to ask).
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// When `open` found the cache damaged: where the old file went and why.
    pub fn recovered(&self) -> Option<&Recovery> {
        self.recovered.as_ref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The id of the source named `name`, created or its URL updated.
    pub fn upsert_source(&self, name: &str, url: &str) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO sources (name, url) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET url = excluded.url",
            params![name, url],
        )?;
        Ok(self
            .conn
            .query_row("SELECT id FROM sources WHERE name = ?1", [name], |r| {
                r.get(0)
            })?)
    }

    /// Validators saved by the last successful fetch of the source's feed.
    pub fn source_validators(&self, source_id: i64) -> Result<Validators, StoreError> {
        let v = self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM sources WHERE id = ?1",
                [source_id],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()?;
        Ok(v.unwrap_or_default())
    }

    /// Records the outcome of a sync of one source. Validators are kept unless new ones are given.
    pub fn record_sync(
        &self,
        source_id: i64,
        validators: Option<&Validators>,
        status: &str,
    ) -> Result<(), StoreError> {
        let now = chrono::Local::now().fixed_offset().to_rfc3339();
        match validators {
            Some(v) => self.conn.execute(
                "UPDATE sources SET etag = ?2, last_modified = ?3, last_sync = ?4, last_status = ?5
                 WHERE id = ?1",
                params![source_id, v.etag, v.last_modified, now, status],
            )?,
            None => self.conn.execute(
                "UPDATE sources SET last_sync = ?2, last_status = ?3 WHERE id = ?1",
                params![source_id, now, status],
            )?,
        };
        Ok(())
    }

    /// Every source in the cache with its counts, by name.
    pub fn sources(&self) -> Result<Vec<SourceStatus>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, s.url, s.last_sync, s.last_status,
                    (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id),
                    (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.read = 0)
             FROM sources s ORDER BY s.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let last_sync: Option<String> = r.get(2)?;
            Ok(SourceStatus {
                name: r.get(0)?,
                url: r.get(1)?,
                last_sync: last_sync.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok()),
                status: r
                    .get::<_, Option<String>>(3)?
                    .unwrap_or_else(|| "never synced".into()),
                articles: r.get::<_, i64>(4)? as u64,
                unread: r.get::<_, i64>(5)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod plan_tests;

#[cfg(test)]
mod offline_tests;
