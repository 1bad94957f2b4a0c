//! A sync run: the sync workers fetch, this stores what they send, one transaction per batch.
//! The seam between `sync` (network, no SQL) and `store` (SQL, no network), shared by
//! `tintuc sync` (progress on stderr) and the reader's background sync (progress as messages):
//! no terminal or UI code here, progress goes to a callback.

use crate::config::{Config, SourceConfig};
use crate::store::Store;
use crate::sync::{ApiCache, CacheView, SourceJob, SyncEvent, Syncer};
use anyhow::bail;
use std::fs::File;
use std::path::Path;

/// What a sync did, for the summary line and the exit status.
#[derive(Debug, Default)]
pub struct SyncSummary {
    pub sources: usize,
    pub added: usize,
    pub updated: usize,
    pub not_modified: usize,
    /// One line per failed source or page: "source: URL: reason".
    pub failures: Vec<String>,
    /// Related-list pages that could not be prefetched (reported, not failures).
    pub skipped: usize,
    /// Sources that failed as a whole (their feed could not be had).
    pub failed_sources: usize,
    /// Sources fetched and stored (not counting unmodified ones).
    pub ok_sources: usize,
}

/// One step worth reporting: a line for people, and how far the run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub line: String,
    pub sources_done: usize,
    pub sources_total: usize,
    /// The line reports a failed source or page.
    pub failed: bool,
}

/// How a sync runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyncOptions {
    /// No network: only file:// sources work.
    pub offline: bool,
    /// Fetch cached pages again (conditionally), and feeds without validators.
    pub refresh: bool,
}

/// Holds the cache's write lock: one sync at a time per data directory.
pub struct SyncLock(#[allow(dead_code)] File);

pub fn lock(data_dir: &Path) -> anyhow::Result<SyncLock> {
    let not_writable = |e: std::io::Error| {
        anyhow::anyhow!(
            "the data directory {} is not writable ({e}); check its permissions (nothing stored was changed)",
            data_dir.display()
        )
    };
    std::fs::create_dir_all(data_dir).map_err(not_writable)?;
    let path = data_dir.join("sync.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(not_writable)?;
    match file.try_lock() {
        Ok(()) => Ok(SyncLock(file)),
        Err(_) => bail!(
            "another tintuc sync is writing {}; wait for it to finish, then run sync again",
            data_dir.display()
        ),
    }
}

/// The configured sources to sync: all, or those named (an unknown name is an error).
pub fn select<'a>(config: &'a Config, names: &[String]) -> anyhow::Result<Vec<&'a SourceConfig>> {
    if config.sources.is_empty() {
        bail!("no sources configured: add a [[source]] with name and url to your config file (see `tintuc demo` for a try without one)");
    }
    for n in names {
        if !config.sources.iter().any(|s| &s.name == n) {
            bail!("no source named \"{n}\" in the config");
        }
    }
    Ok(config
        .sources
        .iter()
        .filter(|s| names.is_empty() || names.contains(&s.name))
        .collect())
}

/// Syncs `sources` into `store`, calling `progress` with each step worth showing.
pub fn sync_into(
    store: &mut Store,
    config: &Config,
    sources: &[&SourceConfig],
    options: SyncOptions,
    mut progress: impl FnMut(&Progress),
) -> anyhow::Result<SyncSummary> {
    let mut jobs = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for s in sources {
        let id = store.upsert_source(&s.name, &s.url)?;
        ids.insert(s.name.clone(), id);
        jobs.push(SourceJob {
            name: s.name.clone(),
            url: s.url.clone(),
            kind: s.kind.clone(),
            selectors: s.selectors.clone(),
            json: s.json.clone(),
            api: api_cache(store, id, options.refresh)?,
            // A refresh asks for everything again, still conditionally for pages.
            validators: if options.refresh {
                Default::default()
            } else {
                store.source_validators(id)?
            },
        });
    }
    let cache = CacheView {
        pages: store.cached_pages()?,
    };
    let syncer = Syncer::new(&config.sync, options.offline, cache, options.refresh)
        .map_err(anyhow::Error::msg)?;
    let mut summary = SyncSummary {
        sources: jobs.len(),
        ..SyncSummary::default()
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(crate::sync::EVENT_QUEUE);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(move || syncer.run(&jobs, &tx));
        for event in rx {
            if let Some((line, failed)) = handle(store, &ids, event, &mut summary)? {
                progress(&Progress {
                    line,
                    sources_done: summary.not_modified
                        + summary.failed_sources
                        + summary.ok_sources,
                    sources_total: summary.sources,
                    failed,
                });
            }
        }
        Ok(())
    })?;
    Ok(summary)
}

/// What an API source's sync uses from the cache; a refresh asks for every item again.
fn api_cache(store: &Store, id: i64, refresh: bool) -> anyhow::Result<ApiCache> {
    Ok(ApiCache {
        names: store.api_names(id)?,
        newest: if refresh {
            None
        } else {
            store.newest_published(id)?
        },
    })
}

/// Stores or records one event; returns the line worth reporting and whether it is a failure.
fn handle(
    store: &mut Store,
    ids: &std::collections::HashMap<String, i64>,
    event: SyncEvent,
    summary: &mut SyncSummary,
) -> anyhow::Result<Option<(String, bool)>> {
    Ok(match event {
        SyncEvent::Articles { source, articles } => {
            let report = store.ingest(ids[&source], &articles)?;
            summary.added += report.added;
            summary.updated += report.updated;
            None
        }
        SyncEvent::PageFailed {
            source,
            url,
            reason,
            prefetch: true,
        } => {
            summary.skipped += 1;
            Some((
                format!("{source}: related page skipped: {url}: {reason}"),
                false,
            ))
        }
        SyncEvent::PageFailed {
            source,
            url,
            reason,
            ..
        } => {
            let line = format!("{source}: {url}: {reason}");
            summary.failures.push(line.clone());
            Some((line, true))
        }
        SyncEvent::Names { source, names } => {
            store.save_api_names(ids[&source], &names)?;
            None
        }
        SyncEvent::SourceDone { source, result } => {
            Some(source_done(store, ids[&source], &source, result, summary)?)
        }
    })
}

fn source_done(
    store: &mut Store,
    id: i64,
    source: &str,
    result: Result<crate::sync::SourceOutcome, String>,
    summary: &mut SyncSummary,
) -> anyhow::Result<(String, bool)> {
    match result {
        Ok(outcome) => {
            if outcome.validators.is_none() {
                summary.not_modified += 1;
            } else {
                summary.ok_sources += 1;
            }
            store.record_sync(id, outcome.validators.as_ref(), "ok")?;
            Ok((
                format!("{source}: ok ({} items in the feed)", outcome.items),
                false,
            ))
        }
        Err(reason) => {
            store.record_sync(id, None, &reason)?;
            let line = format!("{source}: {reason}");
            summary.failed_sources += 1;
            summary.failures.push(line.clone());
            Ok((line, true))
        }
    }
}
