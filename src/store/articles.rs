//! Article rows: ingest (one transaction per batch), lists, single articles, read/star state.

use super::{IngestReport, Store, StoreError};
use crate::model::{Article, ArticleId, Doc, NewArticle, Related, Validators};
use crate::text::fold_for_search;
use chrono::DateTime;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use std::collections::HashMap;

/// Which articles a list shows. Newest first (by published time, then by arrival).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub source: Option<String>,
    pub unread_only: bool,
    pub starred_only: bool,
    pub limit: Option<usize>,
}

/// Columns read for an article, in the order `article_from_row` expects.
pub(super) const ARTICLE_COLUMNS: &str = "a.id, s.name, a.url, a.title, a.author, a.published, \
     a.views, a.category, a.summary, a.read, a.starred, a.fetched_at";

pub(super) fn article_from_row(r: &Row) -> rusqlite::Result<Article> {
    let time = |s: Option<String>| s.and_then(|t| DateTime::parse_from_rfc3339(&t).ok());
    let views: Option<i64> = r.get(6)?;
    Ok(Article {
        id: r.get(0)?,
        source: r.get(1)?,
        url: r.get(2)?,
        title: r.get(3)?,
        author: r.get(4)?,
        published: time(r.get(5)?),
        views: views.and_then(|v| u64::try_from(v).ok()),
        category: r.get(7)?,
        summary: r.get(8)?,
        body: None,
        doc: None,
        related: Vec::new(),
        read: r.get(9)?,
        starred: r.get(10)?,
        fetched_at: time(r.get(11)?).unwrap_or_else(|| chrono::Utc::now().fixed_offset()),
    })
}

/// One article with its body (the only query that reads a body).
pub(super) fn article_sql() -> String {
    format!(
        "SELECT {ARTICLE_COLUMNS}, a.body, a.doc FROM articles a
         JOIN sources s ON s.id = a.source_id WHERE a.id = ?1"
    )
}

/// An article's related list, each entry with the cached article of that URL.
pub(super) const RELATED_SQL: &str = "SELECT r.title, r.url, b.id, b.published
     FROM related r LEFT JOIN articles b
       ON b.id = (SELECT c.id FROM articles c WHERE c.url = r.url LIMIT 1)
     WHERE r.article_id = ?1 ORDER BY r.pos";

impl Store {
    /// Stores a batch of articles of one source in one transaction. An article already cached
    /// (same source and guid, or same source and URL) is updated; its read/starred state is kept.
    pub fn ingest(
        &mut self,
        source_id: i64,
        batch: &[NewArticle],
    ) -> Result<IngestReport, StoreError> {
        let tx = self.conn.transaction()?;
        let mut report = IngestReport::default();
        let now = chrono::Local::now().fixed_offset().to_rfc3339();
        let mut known = Known::new(&tx, source_id)?;
        for a in batch {
            match known.id_of(&tx, source_id, a)? {
                Some(id) => {
                    update_article(&tx, id, a, &now)?;
                    report.updated += 1;
                }
                None => {
                    let id = insert_article(&tx, source_id, a, &now)?;
                    known.inserted(a, id);
                    report.added += 1;
                }
            }
        }
        tx.commit()?;
        Ok(report)
    }

    /// Page URL → validators of every cached article whose page was fetched, so sync fetches
    /// it again only on a refresh, and then conditionally.
    pub fn cached_pages(&self) -> Result<HashMap<String, Validators>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT url, page_etag, page_last_modified FROM articles WHERE full_text = 1",
        )?;
        let rows = stmt.query_map([], |r| {
            let v = Validators {
                etag: r.get(1)?,
                last_modified: r.get(2)?,
            };
            Ok((r.get(0)?, v))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Articles without bodies, newest first.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<Article>, StoreError> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
             WHERE (?1 IS NULL OR s.name = ?1) AND (?2 = 0 OR a.read = 0)
               AND (?4 = 0 OR a.starred = 1)
             ORDER BY a.published_ts DESC, a.id DESC LIMIT ?3"
        );
        let limit = filter.limit.map_or(-1, |l| l as i64);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.source,
                filter.unread_only,
                limit,
                filter.starred_only
            ],
            article_from_row,
        )?;
        let mut list: Vec<Article> = rows.collect::<Result<_, _>>()?;
        for a in &mut list {
            a.related = self.related(a.id)?;
        }
        Ok(list)
    }

    /// One article with its body and related list.
    pub fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        let found = self
            .conn
            .query_row(&article_sql(), [id], |r| {
                let mut a = article_from_row(r)?;
                a.body = Some(r.get(12)?);
                // A doc that does not parse (written by a newer tintuc) falls back to `body`.
                let doc: Option<String> = r.get(13)?;
                a.doc = doc.and_then(|j| serde_json::from_str(&j).ok());
                Ok(a)
            })
            .optional()?;
        match found {
            Some(mut a) => {
                a.related = self.related(id)?;
                Ok(Some(a))
            }
            None => Ok(None),
        }
    }

    /// The structured body of an article, when its page was extracted. A row
    /// whose JSON no longer parses (written by another version) reads as `None`.
    pub fn article_doc(&self, id: ArticleId) -> Result<Option<Doc>, StoreError> {
        let json: Option<Option<String>> = self
            .conn
            .query_row("SELECT doc FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        Ok(json.flatten().and_then(|j| serde_json::from_str(&j).ok()))
    }

    /// The site's related list of an article, in page order, with the ids of cached ones.
    pub fn related(&self, id: ArticleId) -> Result<Vec<Related>, StoreError> {
        let mut stmt = self.conn.prepare_cached(RELATED_SQL)?;
        let rows = stmt.query_map([id], |r| {
            let published: Option<String> = r.get(3)?;
            Ok(Related {
                title: r.get(0)?,
                url: r.get(1)?,
                id: r.get(2)?,
                published: published.and_then(|t| DateTime::parse_from_rfc3339(&t).ok()),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_read(&self, id: ArticleId, read: bool) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE articles SET read = ?2 WHERE id = ?1",
            params![id, read],
        )?;
        Ok(())
    }

    pub fn set_starred(&self, id: ArticleId, starred: bool) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE articles SET starred = ?2 WHERE id = ?1",
            params![id, starred],
        )?;
        Ok(())
    }

    /// Number of unread articles in the whole cache.
    pub fn unread_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM articles WHERE read = 0", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }
}

/// How a batch finds the rows it already holds. A source with no rows yet (every source of a
/// first sync) needs no look-up in the table: only the batch's own earlier rows can match,
/// and those are remembered here (two index look-ups per article were a tenth of a cold sync).
struct Known<'a> {
    /// `None`: the source had rows before this batch, so ask the table.
    fresh: Option<(ById<'a>, ById<'a>)>,
}

/// Guid or URL → row id, for the rows a batch inserted.
type ById<'a> = HashMap<&'a str, i64>;

impl<'a> Known<'a> {
    fn new(tx: &Transaction, source_id: i64) -> rusqlite::Result<Self> {
        let any: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE source_id = ?1)")?
            .query_row([source_id], |r| r.get(0))?;
        Ok(Known {
            fresh: (!any).then(Default::default),
        })
    }

    /// The same rule as `existing_id`: same guid first, then same URL.
    fn id_of(
        &self,
        tx: &Transaction,
        source_id: i64,
        a: &NewArticle,
    ) -> rusqlite::Result<Option<i64>> {
        match &self.fresh {
            Some((guids, urls)) => Ok(guids
                .get(a.guid.as_str())
                .or_else(|| urls.get(a.url.as_str()))
                .copied()),
            None => existing_id(tx, source_id, a),
        }
    }

    fn inserted(&mut self, a: &'a NewArticle, id: i64) {
        if let Some((guids, urls)) = &mut self.fresh {
            guids.insert(&a.guid, id);
            urls.entry(&a.url).or_insert(id);
        }
    }
}

pub(super) fn existing_id(
    tx: &Transaction,
    source_id: i64,
    a: &NewArticle,
) -> rusqlite::Result<Option<i64>> {
    // Two look-ups, each on its own index: one query with `guid = ? OR url = ?` was planned
    // as a scan of the source's rows, so a 1,000-item feed cost a million row reads.
    // Cached statements: a batch runs these once per article.
    let by_guid = tx
        .prepare_cached("SELECT id FROM articles WHERE source_id = ?1 AND guid = ?2")?
        .query_row(params![source_id, a.guid], |r| r.get(0))
        .optional()?;
    if by_guid.is_some() {
        return Ok(by_guid);
    }
    tx.prepare_cached("SELECT id FROM articles WHERE url = ?1 AND source_id = ?2 LIMIT 1")?
        .query_row(params![a.url, source_id], |r| r.get(0))
        .optional()
}

/// An article's own columns in their stored form, shared by insert and update (named
/// parameters, so the two statements cannot drift apart).
struct Stored<'a> {
    a: &'a NewArticle,
    now: &'a str,
    published: Option<String>,
    published_ts: Option<i64>,
    views: Option<i64>,
    doc: Option<String>,
}

impl<'a> Stored<'a> {
    fn new(a: &'a NewArticle, now: &'a str) -> Stored<'a> {
        Stored {
            a,
            now,
            published: a.published.map(|t| t.to_rfc3339()),
            published_ts: a.published.map(|t| t.timestamp()),
            views: a.views.map(|v| v as i64),
            doc: doc_json(a),
        }
    }

    fn params(&self) -> Vec<(&'static str, &dyn rusqlite::ToSql)> {
        let a = self.a;
        vec![
            (":url", &a.url),
            (":title", &a.title),
            (":author", &a.author),
            (":published", &self.published),
            (":published_ts", &self.published_ts),
            (":views", &self.views),
            (":category", &a.category),
            (":summary", &a.summary),
            (":body", &a.body),
            (":full_text", &a.full_text),
            (":fetched_at", &self.now),
            (":page_etag", &a.page_validators.etag),
            (":page_last_modified", &a.page_validators.last_modified),
            (":doc", &self.doc),
        ]
    }
}

pub(super) fn insert_article(
    tx: &Transaction,
    source_id: i64,
    a: &NewArticle,
    now: &str,
) -> rusqlite::Result<i64> {
    let stored = Stored::new(a, now);
    let mut params = stored.params();
    params.extend([
        (":source_id", &source_id as &dyn rusqlite::ToSql),
        (":guid", &a.guid),
    ]);
    tx.prepare_cached(
        "INSERT INTO articles (source_id, guid, url, title, author, published, published_ts,
             views, category, summary, body, full_text, fetched_at, page_etag, page_last_modified,
             doc)
         VALUES (:source_id, :guid, :url, :title, :author, :published, :published_ts, :views,
             :category, :summary, :body, :full_text, :fetched_at, :page_etag,
             :page_last_modified, :doc)",
    )?
    .execute(params.as_slice())?;
    let id = tx.last_insert_rowid();
    write_related_and_index(tx, id, a)?;
    Ok(id)
}

/// Updates a cached article, `now` becoming its retrieval time. A feed-only copy never
/// replaces a body taken from the page.
pub(super) fn update_article(
    tx: &Transaction,
    id: i64,
    a: &NewArticle,
    now: &str,
) -> rusqlite::Result<()> {
    let had_full: bool = tx
        .prepare_cached("SELECT full_text FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if had_full && !a.full_text {
        return Ok(());
    }
    let stored = Stored::new(a, now);
    let mut params = stored.params();
    params.push((":id", &id));
    tx.prepare_cached(
        "UPDATE articles SET url = :url, title = :title, author = :author,
             published = :published, published_ts = :published_ts, views = :views,
             category = :category, summary = :summary, body = :body, full_text = :full_text,
             fetched_at = :fetched_at, page_etag = :page_etag,
             page_last_modified = :page_last_modified, doc = :doc
         WHERE id = :id",
    )?
    .execute(params.as_slice())?;
    tx.prepare_cached("DELETE FROM related WHERE article_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
        .execute([id])?;
    write_related_and_index(tx, id, a)
}

fn doc_json(a: &NewArticle) -> Option<String> {
    a.doc.as_ref().and_then(|d| serde_json::to_string(d).ok())
}

fn write_related_and_index(tx: &Transaction, id: i64, a: &NewArticle) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO related (article_id, pos, title, url) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, (title, url)) in a.related.iter().enumerate() {
        stmt.execute(params![id, pos as i64, title, url])?;
    }
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![
            id,
            fold_for_search(&a.title),
            fold_for_search(&a.body)
        ])?;
    Ok(())
}
