//! API sources (a WordPress REST API, a portal's JSON API read through `[source.json]`): the
//! page loop they share, and one item's fields → a stored article through the same text
//! pipeline as pages. What differs per API (URLs, field names) lives in `wordpress` and
//! `json_api`; every request goes through the Syncer's fetcher and limiter like the others.

use super::feed::html_to_text;
use super::http::{FetchError, Fetched, Page};
use super::pages::web_url;
use super::{charset, merge, SourceJob, SourceOutcome, SyncEvent, Syncer};
use crate::config::SourceKind;
use crate::extract;
use crate::model::{NewArticle, Selectors, Validators};
use crate::text::{sanitize, sanitize_body, sanitize_line};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::mpsc::Sender;
use url::Url;

/// What the cache holds that an API source's sync uses.
#[derive(Debug, Clone, Default)]
pub struct ApiCache {
    /// Names already resolved, by key (`users/3`, `categories/7`).
    pub names: HashMap<String, String>,
    /// The newest published time cached for the source: a re-sync asks only for newer items.
    pub newest: Option<DateTime<FixedOffset>>,
}

/// One page of an API listing.
pub(super) struct ApiPage {
    pub items: Vec<NewArticle>,
    /// The API says no page follows (fewer items than asked for).
    pub last: bool,
}

/// What makes one API different from another: its page URLs and how a page reads.
pub(super) trait ApiListing {
    /// The URL of page `n` (from 1), or `None` when the API has no such page.
    fn page_url(&self, n: u32) -> Option<String>;
    /// The articles of one fetched page; `Err` when the body is not what this API sends.
    fn read_page(
        &mut self,
        syncer: &Syncer,
        job: &SourceJob,
        page: &Page,
        events: &Sender<SyncEvent>,
    ) -> Result<ApiPage, String>;
}

/// An item's fields as an API gives them, before cleaning. Titles and summaries may hold
/// markup or entities (`&#8220;`); the URL may be relative to the API's.
#[derive(Debug, Default)]
pub(super) struct RawItem {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub summary: Option<String>,
    pub body: Option<Body>,
    pub related: Vec<(String, String)>,
}

#[derive(Debug)]
pub(super) enum Body {
    Html(String),
    Text(String),
}

impl Syncer {
    /// `Some` when the job reads an API: its outcome. `None` for feeds and HTML listings.
    pub(super) fn sync_api_source(
        &self,
        job: &SourceJob,
        events: &Sender<SyncEvent>,
    ) -> Option<Result<SourceOutcome, String>> {
        let mut listing: Box<dyn ApiListing> = match (&job.kind, &job.json) {
            (_, Some(mapping)) => match super::json_api::JsonApi::new(&job.url, mapping) {
                Ok(api) => Box::new(api),
                Err(e) => return Some(Err(format!("{}: {e}", job.url))),
            },
            (Some(SourceKind::Wordpress), None) => {
                match super::wordpress::WordPress::new(job, &self.config) {
                    Ok(api) => Box::new(api),
                    Err(e) => return Some(Err(format!("{}: {e}", job.url))),
                }
            }
            _ => return None,
        };
        Some(self.sync_api(job, listing.as_mut(), events))
    }

    /// Pages 1 to `max_pages`: the first conditionally (a 304 means nothing new), each stored
    /// as it arrives. A later page that fails is reported with its URL and the others still
    /// count; the first failing fails the source, as a feed would.
    fn sync_api(
        &self,
        job: &SourceJob,
        listing: &mut dyn ApiListing,
        events: &Sender<SyncEvent>,
    ) -> Result<SourceOutcome, String> {
        let mut all = Vec::new();
        let mut seen = HashSet::new();
        let mut validators = Validators::default();
        let mut page_failed = false;
        for n in 1..=self.config.max_pages.max(1) {
            let Some(url) = listing.page_url(n) else {
                break;
            };
            let asked = if n == 1 {
                job.validators.clone()
            } else {
                Validators::default()
            };
            let page = match self.fetch(&url, &asked) {
                Ok(Fetched::Body(page)) => page,
                Ok(Fetched::NotModified) if n == 1 => return Ok(not_modified()),
                Ok(Fetched::NotModified) => break,
                // Past the last page WordPress answers 400 and many APIs 404: the end, not a fault.
                Err(FetchError::Status(400 | 404)) if n > 1 => break,
                Err(e) if n == 1 => return Err(format!("{url}: {e}")),
                Err(e) => {
                    page_failed = true;
                    self.report_page(job, &url, e.to_string(), events);
                    continue;
                }
            };
            if n == 1 {
                validators = page.validators.clone();
            }
            let found = match listing.read_page(self, job, &page, events) {
                Ok(found) => found,
                Err(e) if n == 1 => return Err(format!("{url}: {e}")),
                Err(e) => {
                    page_failed = true;
                    self.report_page(job, &url, e, events);
                    continue;
                }
            };
            let fresh: Vec<NewArticle> = found
                .items
                .into_iter()
                .filter(|a| seen.insert(a.guid.clone()))
                .take(self.config.max_items.saturating_sub(all.len()))
                .collect();
            // No new item: the API ignores the page number, or the list is exhausted.
            if fresh.is_empty() {
                break;
            }
            all.extend(self.store_api_items(job, fresh, events));
            if found.last || all.len() >= self.config.max_items {
                break;
            }
        }
        let related = self.related_pages(job, &all, events);
        self.send_batch(&job.name, related, events);
        // After a failed page, forget the first page's validators: the next sync then reads
        // the listing again in full instead of getting a 304 and never retrying that page.
        if page_failed {
            validators = Validators::default();
        }
        Ok(SourceOutcome {
            validators: Some(validators),
            items: all.len(),
        })
    }

    /// Stores items that came with their body at once; the others go the article-page way.
    fn store_api_items(
        &self,
        job: &SourceJob,
        items: Vec<NewArticle>,
        events: &Sender<SyncEvent>,
    ) -> Vec<NewArticle> {
        let (ready, bare): (Vec<_>, Vec<_>) = items.into_iter().partition(|a| a.full_text);
        self.send_batch(&job.name, ready.clone(), events);
        let mut done = ready;
        done.extend(self.complete_from_pages(job, bare, events));
        done
    }

    /// The article-page way (`complete`), with the API's own fields kept over the page's
    /// guesses: its batches pass through here on their way to the store.
    fn complete_from_pages(
        &self,
        job: &SourceJob,
        bare: Vec<NewArticle>,
        events: &Sender<SyncEvent>,
    ) -> Vec<NewArticle> {
        let by_url: HashMap<String, NewArticle> =
            bare.iter().map(|a| (a.url.clone(), a.clone())).collect();
        let fix = |a: NewArticle| match by_url.get(&a.url) {
            Some(api) => api_first(api, a),
            None => a,
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                for event in rx {
                    let event = match event {
                        SyncEvent::Articles { source, articles } => SyncEvent::Articles {
                            source,
                            articles: articles.into_iter().map(fix).collect(),
                        },
                        other => other,
                    };
                    let _ = events.send(event);
                }
            });
            let done = self.complete(job, bare, &tx);
            drop(tx); // ends the forwarding thread
            done.into_iter().map(fix).collect()
        })
    }

    fn report_page(&self, job: &SourceJob, url: &str, reason: String, events: &Sender<SyncEvent>) {
        let _ = events.send(SyncEvent::PageFailed {
            source: job.name.clone(),
            url: url.to_string(),
            reason,
            prefetch: false,
        });
    }
}

fn not_modified() -> SourceOutcome {
    SourceOutcome {
        validators: None,
        items: 0,
    }
}

/// A fetched page as JSON, decoded like any other page (BOM, charset header).
pub(super) fn parse_json(page: &Page) -> Result<Value, String> {
    let text = charset::decode(&page.bytes, page.content_type.as_deref());
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| format!("not JSON: {e}"))
}

/// The item as a stored article, every field sanitised; `None` without a usable URL.
pub(super) fn to_article(raw: RawItem, base: &Url) -> Option<NewArticle> {
    let url = web_url(base.join(raw.url?.trim()).ok()?.as_str())?;
    let line = |s: Option<String>| {
        s.map(|s| sanitize_line(&html_to_text(&s)))
            .filter(|s| !s.is_empty())
    };
    let related = raw
        .related
        .into_iter()
        .filter_map(|(t, u)| Some((line(Some(t))?, web_url(base.join(u.trim()).ok()?.as_str())?)))
        .collect();
    let item = NewArticle {
        guid: line(raw.id).unwrap_or_else(|| url.clone()),
        url,
        title: line(raw.title).unwrap_or_default(),
        author: line(raw.author),
        published: raw.published,
        category: line(raw.category),
        summary: line(raw.summary).unwrap_or_default(),
        related,
        ..NewArticle::default()
    };
    Some(match raw.body {
        None => item,
        Some(Body::Text(text)) => with_body(item, text_paragraphs(&text)),
        Some(Body::Html(html)) => with_html_body(item, &html, base),
    })
}

fn with_body(item: NewArticle, body: String) -> NewArticle {
    NewArticle {
        full_text: !body.is_empty(),
        body,
        ..item
    }
}

/// Plain text from an API: every line break ends a paragraph.
fn text_paragraphs(text: &str) -> String {
    sanitize_body(&sanitize(text).lines().collect::<Vec<_>>().join("\n\n"))
}

/// An HTML body through the page extractor, as if it were the page's article, so it gets the
/// same structured body (lead, captions, links) and the same cleaning; the API's own fields
/// win over what the extractor guesses from the text.
fn with_html_body(item: NewArticle, html: &str, base: &Url) -> NewArticle {
    let wrapped = format!("<!DOCTYPE html><html><body><article>{html}</article></body></html>");
    let page = extract::extract_with(&wrapped, base, &Selectors::default());
    let merged = merge(item.clone(), page, Validators::default());
    if !merged.full_text {
        // Too short for the extractor to call it an article: keep its text anyway.
        return with_body(item, sanitize_body(&html_to_text(html)));
    }
    api_first(&item, merged)
}

/// The API's fields over what a page or the extractor guessed: they are the site's own data.
fn api_first(api: &NewArticle, merged: NewArticle) -> NewArticle {
    let or_merged = |own: &String, other: String| match own.is_empty() {
        true => other,
        false => own.clone(),
    };
    NewArticle {
        title: or_merged(&api.title, merged.title),
        summary: or_merged(&api.summary, merged.summary),
        author: api.author.clone().or(merged.author),
        published: api.published.or(merged.published),
        category: api.category.clone().or(merged.category),
        related: match api.related.is_empty() {
            true => merged.related,
            false => api.related.clone(),
        },
        ..merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_go_through_the_extractor_and_api_fields_win() {
        let base = Url::parse("https://p.vn/wp-json/wp/v2/posts").unwrap();
        let raw = RawItem {
            id: Some("7".into()),
            url: Some("/2024/05/le-hoi/".into()),
            title: Some("&#8220;Đảng ủy&#8221; <em>xã</em>\u{1b}[31m".into()),
            author: Some("Thu Hằng".into()),
            body: Some(Body::Html(
                "<p>Sáng nay, Đảng ủy xã tổ chức lễ hội truyền thống với sự tham gia của đông đảo nhân dân.</p>\
                 <p>Tác giả: Người khác</p><p>Buổi lễ diễn ra trang trọng, có nhiều hoạt động văn hóa, thể thao.</p>"
                    .into(),
            )),
            ..RawItem::default()
        };
        let a = to_article(raw, &base).unwrap();
        assert_eq!(a.url, "https://p.vn/2024/05/le-hoi/");
        assert_eq!(a.title, "“Đảng ủy” xã[31m");
        assert_eq!(a.author.as_deref(), Some("Thu Hằng"));
        assert!(a.full_text && a.body.contains("truyền thống"), "{a:?}");
        assert!(a.body.contains("\n\nBuổi lễ"), "{}", a.body);
    }

    #[test]
    fn text_bodies_keep_lines_and_items_without_url_are_dropped() {
        let base = Url::parse("https://p.vn/api").unwrap();
        let raw = RawItem {
            url: Some("https://p.vn/a/1".into()),
            body: Some(Body::Text("Dòng một.\r\nDòng hai.\n\n".into())),
            ..RawItem::default()
        };
        let a = to_article(raw, &base).unwrap();
        assert_eq!(a.body, "Dòng một.\n\nDòng hai.");
        assert_eq!(a.guid, "https://p.vn/a/1");
        assert!(to_article(RawItem::default(), &base).is_none());
        let js = RawItem {
            url: Some("javascript:alert(1)".into()),
            ..RawItem::default()
        };
        assert!(to_article(js, &base).is_none());
    }
}
