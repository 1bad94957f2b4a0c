//! Plain values shared by every layer. No I/O here.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Stable integer id of a cached article (the SQLite rowid; grows with insertion time).
pub type ArticleId = i64;

/// One entry of an article's related list, as the site printed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub title: String,
    pub url: String,
    /// The cached article with this URL, or `None` when it is not in the cache.
    pub id: Option<ArticleId>,
    /// The cached article's published time (for the sidebar; not part of the JSON contract).
    #[serde(skip)]
    pub published: Option<DateTime<FixedOffset>>,
}

/// An article as the store returns it. `body` is `None` in lists, where it is not loaded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub id: ArticleId,
    pub source: String,
    pub url: String,
    pub title: String,
    pub author: Option<String>,
    #[serde(serialize_with = "ser_time_opt")]
    pub published: Option<DateTime<FixedOffset>>,
    pub views: Option<u64>,
    pub category: Option<String>,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The structured body for the reader (only with `body`, when the page was extracted);
    /// JSON keeps the plain `body`.
    #[serde(skip)]
    pub doc: Option<Doc>,
    pub related: Vec<Related>,
    pub read: bool,
    pub starred: bool,
    #[serde(serialize_with = "ser_time")]
    pub fetched_at: DateTime<FixedOffset>,
}

/// An article as sync hands it to the store: everything but the cache's own state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct NewArticle {
    /// The feed's guid, or the URL when the feed gives none; dedupe key together with the source.
    pub guid: String,
    pub url: String,
    pub title: String,
    pub author: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub views: Option<u64>,
    pub category: Option<String>,
    pub summary: String,
    pub body: String,
    /// (title, absolute url) in page order.
    pub related: Vec<(String, String)>,
    /// True when the body came from the article page, not only from the feed.
    pub full_text: bool,
    /// Validators of the article's page, for a conditional GET on `sync --refresh`; they
    /// belong to this cache and never travel in a bundle.
    #[serde(skip)]
    pub page_validators: Validators,
    /// The structured body for the reader, when the page was extracted.
    pub doc: Option<Doc>,
}

/// Optional CSS selectors of one source (`[source.selectors]`), each replacing the
/// generic guess for its field. `links`/`next` are for HTML listing pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selectors {
    pub title: Option<String>,
    pub body: Option<String>,
    pub meta: Option<String>,
    pub related: Option<String>,
    pub links: Option<String>,
    pub next: Option<String>,
}

/// What a block of the structured body is, so the reader can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's opening summary paragraph (usually bold on the page).
    Lead,
    Paragraph,
    /// `<h2>`…`<h6>` inside the article (level 1–6).
    Heading(u8),
    /// One list item; `text` carries no bullet.
    ListItem,
    /// A data table already laid out as text (`|`-separated, padded columns).
    Table,
    /// A photo caption.
    Caption,
    /// The closing author line ("Thu Hằng", "TN").
    Signature,
    Quote,
}

/// A link inside a block: `text[start..end]` (byte offsets) points to `Doc::links[n - 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkMark {
    pub start: usize,
    pub end: usize,
    pub n: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocBlock {
    pub kind: BlockKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<LinkMark>,
}

/// The reader-ready body: blocks in page order and the numbered link targets
/// (absolute URLs; link `n` is `links[n - 1]`). Stored as JSON in the cache.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    pub blocks: Vec<DocBlock>,
    pub links: Vec<String>,
}

/// HTTP validators kept for conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A configured source with what the cache knows about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceStatus {
    pub name: String,
    pub url: String,
    #[serde(serialize_with = "ser_time_opt")]
    pub last_sync: Option<DateTime<FixedOffset>>,
    /// "ok", "never synced", or the last error.
    pub status: String,
    pub articles: u64,
    pub unread: u64,
}

fn ser_time<S: serde::Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339())
}

fn ser_time_opt<S: serde::Serializer>(
    t: &Option<DateTime<FixedOffset>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.to_rfc3339()),
        None => s.serialize_none(),
    }
}

/// Vietnam time (+07:00), the zone of the portals' dates that carry no offset.
pub fn vietnam_offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("constant offset is valid")
}

/// An article as a bundle carries it between machines: its content, source, reading state and
/// retrieval time. The URL is its identity on the machine that imports it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Archived {
    pub source: String,
    #[serde(flatten)]
    pub article: NewArticle,
    pub read: bool,
    pub starred: bool,
    pub fetched_at: DateTime<FixedOffset>,
}

/// What a bundle holds: articles, and the (name, url) of every source they belong to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bundle {
    pub sources: Vec<(String, String)>,
    pub articles: Vec<Archived>,
}
