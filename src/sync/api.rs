//! API sources (a WordPress REST API, a portal's JSON API read through `[source.json]`): the
//! page loop they share. What differs per API (URLs, field names) lives in `wordpress` and
//! `json_api`, one item → article in `api_item`; every request goes through the Syncer's
//! fetcher and limiter like the others.

use super::api_item::api_first;
use super::http::{FetchError, Fetched, Page};
use super::{charset, SourceJob, SourceOutcome, SyncEvent, Syncer};
use crate::config::SourceKind;
use crate::model::{NewArticle, Validators};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::mpsc::SyncSender;

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

/// How fetching one page of the listing went.
enum Step {
    Read(ApiPage, Validators),
    /// Page 1 answered 304: nothing new since the last sync.
    NotModified,
    /// No such page, or past the last one.
    End,
    /// A later page failed; it was reported.
    Failed,
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
        events: &SyncSender<SyncEvent>,
    ) -> Result<ApiPage, String>;
}

impl Syncer {
    /// `Some` when the job reads an API: its outcome. `None` for feeds and HTML listings.
    pub(super) fn sync_api_source(
        &self,
        job: &SourceJob,
        events: &SyncSender<SyncEvent>,
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
        events: &SyncSender<SyncEvent>,
    ) -> Result<SourceOutcome, String> {
        let mut all = Vec::new();
        let mut seen = HashSet::new();
        let mut validators = Validators::default();
        let mut page_failed = false;
        for n in 1..=self.config.max_pages.max(1) {
            let found = match self.api_step(job, listing, n, events)? {
                Step::Read(found, v) => {
                    if n == 1 {
                        validators = v;
                    }
                    found
                }
                Step::NotModified => return Ok(not_modified()),
                Step::End => break,
                Step::Failed => {
                    page_failed = true;
                    continue;
                }
            };
            let room = self.config.max_items.saturating_sub(all.len());
            let fresh: Vec<NewArticle> = (found.items.into_iter())
                .filter(|a| seen.insert(a.guid.clone()))
                .take(room)
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

    /// Fetches and reads page `n`. Failing on page 1 is the source's failure (`Err`); on a
    /// later page it is reported and the loop goes on.
    fn api_step(
        &self,
        job: &SourceJob,
        listing: &mut dyn ApiListing,
        n: u32,
        events: &SyncSender<SyncEvent>,
    ) -> Result<Step, String> {
        let Some(url) = listing.page_url(n) else {
            return Ok(Step::End);
        };
        let failed = |reason: String| {
            if n == 1 {
                return Err(format!("{url}: {reason}"));
            }
            self.report_page(job, &url, reason, events);
            Ok(Step::Failed)
        };
        let asked = match n {
            1 => job.validators.clone(),
            _ => Validators::default(),
        };
        let page = match self.fetch(&url, &asked) {
            Ok(Fetched::Body(page)) => page,
            Ok(Fetched::NotModified) if n == 1 => return Ok(Step::NotModified),
            Ok(Fetched::NotModified) => return Ok(Step::End),
            // Past the last page WordPress answers 400 and many APIs 404: the end, not a fault.
            Err(FetchError::Status(400 | 404)) if n > 1 => return Ok(Step::End),
            Err(e) => return failed(e.to_string()),
        };
        match listing.read_page(self, job, &page, events) {
            Ok(found) => Ok(Step::Read(found, page.validators)),
            Err(reason) => failed(reason),
        }
    }

    /// Stores items that came with their body at once; the others go the article-page way.
    fn store_api_items(
        &self,
        job: &SourceJob,
        items: Vec<NewArticle>,
        events: &SyncSender<SyncEvent>,
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
        events: &SyncSender<SyncEvent>,
    ) -> Vec<NewArticle> {
        let by_url: HashMap<String, NewArticle> =
            bare.iter().map(|a| (a.url.clone(), a.clone())).collect();
        let fix = |a: NewArticle| match by_url.get(&a.url) {
            Some(api) => api_first(api, a),
            None => a,
        };
        let (tx, rx) = std::sync::mpsc::sync_channel(super::EVENT_QUEUE);
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

    fn report_page(
        &self,
        job: &SourceJob,
        url: &str,
        reason: String,
        events: &SyncSender<SyncEvent>,
    ) {
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
