//! Numbered migrations on `PRAGMA user_version`. Append new steps; never edit a released one.

use rusqlite::{Connection, TransactionBehavior};

/// Each entry moves the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: sources, articles, related lists, full-text index.
    r#"
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_sync TEXT,
        last_status TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        author TEXT,
        published TEXT,
        published_ts INTEGER,
        views INTEGER,
        category TEXT,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        full_text INTEGER NOT NULL DEFAULT 0,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        fetched_at TEXT NOT NULL,
        UNIQUE (source_id, guid)
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_newest ON articles(published_ts DESC, id DESC);
    CREATE INDEX articles_source_newest ON articles(source_id, published_ts DESC, id DESC);
    CREATE TABLE related (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        PRIMARY KEY (article_id, pos)
    ) WITHOUT ROWID;
    -- Folded (đ→d) title and body; the tokenizer removes the other diacritics.
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    "#,
    // 2: validators of each article's page, for conditional GET on `sync --refresh`.
    r#"
    ALTER TABLE articles ADD COLUMN page_etag TEXT;
    ALTER TABLE articles ADD COLUMN page_last_modified TEXT;
    "#,
    // 3: the structured body (JSON of `model::Doc`) the reader renders; NULL for feed-only text.
    r#"
    ALTER TABLE articles ADD COLUMN doc TEXT;
    "#,
    // 4: names an API source refers to by id (WordPress authors and categories), so a re-sync
    //    asks the site only for ids it has not named before.
    r#"
    CREATE TABLE api_names (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (source_id, key)
    ) WITHOUT ROWID;
    "#,
    // 5: indexes for a cache of 100,000 articles. The list window skips rows inside its index
    // (read/starred/source are in it, so OFFSET never touches the table, and counts read it
    // alone); sync's look-up of fetched pages reads only the rows that have a page.
    r#"
    DROP INDEX articles_newest;
    CREATE INDEX articles_list ON articles(published_ts DESC, id DESC, read, starred, source_id);
    CREATE INDEX articles_pages ON articles(url, page_etag, page_last_modified)
        WHERE full_text = 1;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("the cache was written by a newer tintuc (schema {found}, this one knows {known}); upgrade tintuc or use another --data-dir")]
    TooNew { found: i64, known: i64 },
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// Brings the database up to [`SCHEMA_VERSION`], each step in its own write transaction.
/// The version is read inside that transaction, so two processes opening a new cache at the
/// same moment never apply a step twice.
pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    // The usual case, up to date, takes no write lock (a running sync may hold it).
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(MigrateError::TooNew {
                found,
                known: SCHEMA_VERSION,
            });
        }
        let Some(step) = MIGRATIONS.get(found as usize) else {
            return Ok(()); // up to date; the empty transaction just ends
        };
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
}
