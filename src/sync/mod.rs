//! Sync: fetch each source's feed, then each new article's page, extract it, and hand
//! batches to the caller as events. No SQL and no UI state here: the caller owns the store.

pub mod charset;
pub mod feed;
pub mod http;
pub mod limits;

use crate::config::SyncConfig;
use crate::extract::{self, Extracted};
use crate::model::{NewArticle, Selectors, Validators};
use crate::text::{sanitize_body, sanitize_line};
use http::{Fetched, Fetcher};
use limits::{parallel_map, HostLimiter};
use std::collections::HashSet;
use std::sync::mpsc::Sender;

/// One source to sync, with what the cache knows about it.
#[derive(Debug, Clone)]
pub struct SourceJob {
    pub name: String,
    pub url: String,
    pub validators: Validators,
    /// The source's `[source.selectors]` (all `None`: generic extraction).
    pub selectors: Selectors,
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
    /// The source is finished: `Err` names the URL and the reason it failed.
    SourceDone {
        source: String,
        result: Result<SourceOutcome, String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceOutcome {
    /// New validators to keep, or `None` when the feed was not modified.
    pub validators: Option<Validators>,
    pub items: usize,
}

/// Everything one sync run shares between its threads.
pub struct Syncer {
    fetcher: Fetcher,
    hosts: HostLimiter,
    config: SyncConfig,
    /// URLs whose page is already cached: never fetched again.
    cached: HashSet<String>,
}

impl Syncer {
    pub fn new(
        config: &SyncConfig,
        offline: bool,
        cached: HashSet<String>,
    ) -> Result<Self, String> {
        Ok(Syncer {
            fetcher: Fetcher::new(config, offline).map_err(|e| e.to_string())?,
            hosts: HostLimiter::new(config.per_host_concurrency),
            config: config.clone(),
            cached,
        })
    }

    /// Syncs every job, at most `concurrency` sources at once, sending events as it goes.
    pub fn run(&self, jobs: &[SourceJob], events: &Sender<SyncEvent>) {
        parallel_map(jobs, self.config.concurrency, |job| {
            let result = self.sync_source(job, events);
            let _ = events.send(SyncEvent::SourceDone {
                source: job.name.clone(),
                result,
            });
        });
    }

    fn sync_source(
        &self,
        job: &SourceJob,
        events: &Sender<SyncEvent>,
    ) -> Result<SourceOutcome, String> {
        let fetched = {
            let _slot = self.hosts.acquire(&job.url);
            self.fetcher.fetch(&job.url, &job.validators)
        };
        let page = match fetched.map_err(|e| format!("{}: {e}", job.url))? {
            Fetched::NotModified => {
                return Ok(SourceOutcome {
                    validators: None,
                    items: 0,
                })
            }
            Fetched::Body(page) => page,
        };
        let text = charset::decode(&page.bytes, page.content_type.as_deref());
        let items = feed::parse(&text, &page.url).map_err(|e| format!("{}: {e}", job.url))?;
        let count = items.len();
        let articles = self.complete(job, items, events);
        let mut known: HashSet<String> = articles.iter().map(|a| a.url.clone()).collect();
        let related = self.related_pages(job, &articles, &mut known, events);
        let _ = events.send(SyncEvent::Articles {
            source: job.name.clone(),
            articles,
        });
        if !related.is_empty() {
            let _ = events.send(SyncEvent::Articles {
                source: job.name.clone(),
                articles: related,
            });
        }
        Ok(SourceOutcome {
            validators: Some(page.validators),
            items: count,
        })
    }

    /// Fetches the page of every feed item not cached yet and merges what it finds.
    fn complete(
        &self,
        job: &SourceJob,
        items: Vec<NewArticle>,
        events: &Sender<SyncEvent>,
    ) -> Vec<NewArticle> {
        if !self.config.full_text {
            return items;
        }
        let threads = self.config.per_host_concurrency;
        parallel_map(&items, threads, |item| {
            if self.cached.contains(&item.url) {
                return item.clone();
            }
            match self.fetch_article(&item.url, &job.selectors) {
                Ok(page) => merge(item.clone(), page),
                Err(reason) => {
                    let _ = events.send(SyncEvent::PageFailed {
                        source: job.name.clone(),
                        url: item.url.clone(),
                        reason,
                        prefetch: false,
                    });
                    item.clone()
                }
            }
        })
    }

    /// With `related_depth` ≥ 1: the pages that related lists point to on the same site and that
    /// are neither cached nor in this batch, so the sidebar works offline.
    fn related_pages(
        &self,
        job: &SourceJob,
        articles: &[NewArticle],
        known: &mut HashSet<String>,
        events: &Sender<SyncEvent>,
    ) -> Vec<NewArticle> {
        if self.config.related_depth == 0 || !self.config.full_text {
            return Vec::new();
        }
        let mut wanted = Vec::new();
        for a in articles.iter().filter(|a| a.full_text) {
            for (_, url) in &a.related {
                if same_host(url, &a.url) && !self.cached.contains(url) && known.insert(url.clone())
                {
                    wanted.push(url.clone());
                }
            }
        }
        let fetched = parallel_map(&wanted, self.config.per_host_concurrency, |url| {
            self.fetch_article(url, &job.selectors)
                .map_err(|reason| (url.clone(), reason))
        });
        let mut out = Vec::new();
        for (url, result) in wanted.iter().zip(fetched) {
            match result {
                Ok(page) => out.push(merge(
                    NewArticle {
                        guid: url.clone(),
                        url: url.clone(),
                        ..Default::default()
                    },
                    page,
                )),
                Err((url, reason)) => {
                    let _ = events.send(SyncEvent::PageFailed {
                        source: job.name.clone(),
                        url,
                        reason,
                        prefetch: true,
                    });
                }
            }
        }
        out.retain(|a| !a.title.is_empty() && !a.body.is_empty());
        out
    }

    fn fetch_article(&self, url: &str, selectors: &Selectors) -> Result<Extracted, String> {
        let fetched = {
            let _slot = self.hosts.acquire(url);
            self.fetcher.fetch(url, &Validators::default())
        };
        match fetched.map_err(|e| e.to_string())? {
            Fetched::NotModified => Err("unexpected 304 without validators".into()),
            Fetched::Body(page) => {
                let text = charset::decode(&page.bytes, page.content_type.as_deref());
                let base = url::Url::parse(&page.url).map_err(|e| e.to_string())?;
                Ok(extract::extract_with(&text, &base, selectors))
            }
        }
    }
}

/// The feed item completed by its page: the page wins where it knows more (exact time with
/// the meta line's offset, author, views, category, the full body, the related list).
pub fn merge(item: NewArticle, page: Extracted) -> NewArticle {
    let line = |s: Option<String>| s.map(|s| sanitize_line(&s)).filter(|s| !s.is_empty());
    let body = sanitize_body(&page.body);
    let title = if item.title.is_empty() {
        line(page.title).unwrap_or_default()
    } else {
        item.title
    };
    let related = page
        .related
        .into_iter()
        .filter(|l| l.url.starts_with("http://") || l.url.starts_with("https://"))
        .map(|l| (sanitize_line(&l.title), l.url))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    NewArticle {
        title,
        author: line(page.author).or(item.author),
        published: page.published.or(item.published),
        views: page.views.or(item.views),
        category: line(page.category).or(item.category),
        summary: line(page.summary).unwrap_or(item.summary),
        full_text: !body.is_empty(),
        doc: (!body.is_empty()).then(|| sanitize_doc(page.doc)),
        body: if body.is_empty() { item.body } else { body },
        related,
        ..item
    }
}

/// The structured body cleaned like the plain one, link offsets kept valid.
fn sanitize_doc(mut doc: crate::model::Doc) -> crate::model::Doc {
    for b in &mut doc.blocks {
        let clean = sanitize_body(&b.text);
        if clean != b.text {
            b.text = clean;
            b.links.clear();
        }
    }
    doc
}

fn same_host(a: &str, b: &str) -> bool {
    let host = |u: &str| {
        url::Url::parse(u)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
    };
    host(a).is_some() && host(a) == host(b)
}
