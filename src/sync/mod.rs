//! Sync: fetch each source (a feed, or an HTML listing), then each new article's page, extract
//! it, and hand batches to the caller as events. No SQL and no UI state here: the caller owns
//! the store and decides what to show.

mod api;
mod api_item;
pub mod charset;
pub mod discover;
pub mod feed;
pub mod http;
mod json_api;
pub mod jsonpath;
pub mod limits;
pub mod listing;
mod mojibake;
mod pages;
pub mod wordpress;
mod wp_discover;

use crate::config::{SourceKind, SyncConfig};
use crate::model::{NewArticle, Selectors, Validators};
use http::{Fetched, Fetcher, Page};
use limits::{parallel_map, RequestLimiter};
use std::collections::{HashMap, HashSet};
use std::sync::mpsc::SyncSender;

pub use api::ApiCache;

/// Events a sync may have sent and the store not yet taken. A batch is a whole feed (up to
/// `max_items` articles); when the one writer lags, workers wait here instead of piling
/// batches up in memory (an unbounded queue held 219 MB at 100 feeds × 1,000 items).
pub const EVENT_QUEUE: usize = 4;
pub use pages::merge;

/// One source to sync, with what the cache knows about it.
#[derive(Debug, Clone)]
pub struct SourceJob {
    pub name: String,
    pub url: String,
    pub kind: Option<SourceKind>,
    pub validators: Validators,
    /// The source's `[source.selectors]` (all `None`: generic extraction).
    pub selectors: Selectors,
    /// `[source.json]` of a JSON API source.
    pub json: Option<crate::config::json_source::JsonMapping>,
    /// What an API source uses from the cache (resolved names, newest date).
    pub api: ApiCache,
}

/// What sync reports while it runs, in order per source.
#[derive(Debug, Clone)]
pub enum SyncEvent {
    /// Articles ready to store together (one transaction).
    Articles {
        source: String,
        articles: Vec<NewArticle>,
    },
    /// One page failed; the source goes on (its article keeps the feed's text).
    /// `prefetch` pages are those only a related list points to: worth a note, not a failure.
    PageFailed {
        source: String,
        url: String,
        reason: String,
        prefetch: bool,
    },
    /// Names an API source resolved (key → name), cached for its next sync.
    Names {
        source: String,
        names: Vec<(String, String)>,
    },
    /// The source is finished: `Err` names the URL and the reason it failed.
    SourceDone {
        source: String,
        result: Result<SourceOutcome, String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceOutcome {
    /// New validators to keep, or `None` when the source was not modified.
    pub validators: Option<Validators>,
    pub items: usize,
}

/// What the cache already holds, as far as sync needs to know.
#[derive(Debug, Clone, Default)]
pub struct CacheView {
    /// Page URL → its validators, for every article whose page is cached.
    pub pages: HashMap<String, Validators>,
}

/// Everything one sync run shares between its threads.
pub struct Syncer {
    fetcher: Fetcher,
    limiter: RequestLimiter,
    config: SyncConfig,
    cache: CacheView,
    /// Fetch cached pages again (conditionally) instead of trusting the cache.
    refresh: bool,
}

impl Syncer {
    pub fn new(
        config: &SyncConfig,
        offline: bool,
        cache: CacheView,
        refresh: bool,
    ) -> Result<Self, String> {
        Ok(Syncer {
            fetcher: Fetcher::new(config, offline).map_err(|e| e.to_string())?,
            limiter: RequestLimiter::new(config.concurrency, config.per_host_concurrency),
            config: config.clone(),
            cache,
            refresh,
        })
    }

    /// Syncs every job, at most `concurrency` sources at once, sending events as it goes.
    pub fn run(&self, jobs: &[SourceJob], events: &SyncSender<SyncEvent>) {
        parallel_map(jobs, self.config.concurrency, |job| {
            let result = self.sync_source(job, events);
            let _ = events.send(SyncEvent::SourceDone {
                source: job.name.clone(),
                result,
            });
        });
    }

    pub(crate) fn send_batch(
        &self,
        source: &str,
        articles: Vec<NewArticle>,
        events: &SyncSender<SyncEvent>,
    ) {
        if !articles.is_empty() {
            let _ = events.send(SyncEvent::Articles {
                source: source.to_string(),
                articles,
            });
        }
    }

    /// One fetch through the request limiter.
    fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, http::FetchError> {
        let _slot = self.limiter.acquire(url);
        self.fetcher.fetch(url, validators)
    }

    fn sync_source(
        &self,
        job: &SourceJob,
        events: &SyncSender<SyncEvent>,
    ) -> Result<SourceOutcome, String> {
        if let Some(outcome) = self.sync_api_source(job, events) {
            return outcome;
        }
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", job.url);
        let page = match self
            .fetch(&job.url, &job.validators)
            .map_err(|e| fail(&e))?
        {
            Fetched::NotModified => {
                return Ok(SourceOutcome {
                    validators: None,
                    items: 0,
                })
            }
            Fetched::Body(page) => page,
        };
        let mut items = self.items_of(job, &page).map_err(|e| fail(&e))?;
        items.truncate(self.config.max_items);
        let count = items.len();
        let articles = self.complete(job, items, events);
        let related = self.related_pages(job, &articles, events);
        self.send_batch(&job.name, related, events);
        // Validators go last: a sync killed before this point fetches the feed again.
        Ok(SourceOutcome {
            validators: Some(page.validators),
            items: count,
        })
    }

    /// The source's articles as its feed or listing describes them.
    fn items_of(&self, job: &SourceJob, page: &Page) -> Result<Vec<NewArticle>, String> {
        let text = charset::decode(&page.bytes, page.content_type.as_deref());
        if job.kind != Some(SourceKind::Html) {
            match feed::parse(&text, &page.url) {
                Ok(items) => return Ok(items),
                Err(e) if job.kind.is_some() || !listing::looks_like_html(&text) => {
                    return Err(e.to_string())
                }
                Err(_) => {} // not a feed but an HTML page: read it as a listing
            }
        }
        let mut found = listing::parse_with(&text, &page.url, &job.selectors);
        let mut seen: HashSet<String> = HashSet::from([page.url.clone()]);
        for _ in 1..self.config.max_pages {
            let Some(next) = found.next.take().filter(|n| seen.insert(n.clone())) else {
                break;
            };
            match self.fetch(&next, &Validators::default()) {
                Ok(Fetched::Body(p)) => {
                    let text = charset::decode(&p.bytes, p.content_type.as_deref());
                    let more = listing::parse_with(&text, &p.url, &job.selectors);
                    found.items.extend(more.items);
                    found.next = more.next;
                }
                _ => break, // earlier pages are still worth storing
            }
        }
        if found.items.is_empty() {
            return Err(
                "no article links found on this HTML page (set kind = \"feed\" if it is a feed)"
                    .into(),
            );
        }
        Ok(listing::dedupe(found.items))
    }
}
