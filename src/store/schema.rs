//! Numbered migrations on `PRAGMA user_version`. Append new steps; never edit a released one.

use rusqlite::Connection;

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
    // 2: the structured body (JSON of `model::Doc`) the reader renders; NULL for feed-only text.
    r#"
    ALTER TABLE articles ADD COLUMN doc TEXT;
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

/// Brings the database up to [`SCHEMA_VERSION`], each step in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(MigrateError::TooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
