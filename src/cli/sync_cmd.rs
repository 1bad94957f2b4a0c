//! `tintuc sync`: runs the sync workers and stores what they send, one transaction per batch.
//! This is the seam between `sync` (network, no SQL) and `store` (SQL, no network).

use crate::config::{Config, SourceConfig};
use crate::store::Store;
use crate::sync::{SourceJob, SyncEvent, Syncer};
use anyhow::{bail, Context};
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
}

/// Holds the cache's write lock: one sync at a time per data directory.
pub struct SyncLock(#[allow(dead_code)] File);

pub fn lock(data_dir: &Path) -> anyhow::Result<SyncLock> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let path = data_dir.join("sync.lock");
    let file = File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
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

/// Syncs `sources` into `store`, calling `progress` with each line worth showing.
pub fn sync_into(
    store: &mut Store,
    config: &Config,
    sources: &[&SourceConfig],
    offline: bool,
    mut progress: impl FnMut(&str),
) -> anyhow::Result<SyncSummary> {
    let mut jobs = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for s in sources {
        let id = store.upsert_source(&s.name, &s.url)?;
        ids.insert(s.name.clone(), id);
        jobs.push(SourceJob {
            name: s.name.clone(),
            url: s.url.clone(),
            validators: store.source_validators(id)?,
            selectors: s.selectors.clone(),
        });
    }
    let syncer =
        Syncer::new(&config.sync, offline, store.full_text_urls()?).map_err(anyhow::Error::msg)?;
    let mut summary = SyncSummary {
        sources: jobs.len(),
        ..SyncSummary::default()
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        scope.spawn(move || syncer.run(&jobs, &tx));
        for event in rx {
            handle(store, &ids, event, &mut summary, &mut progress)?;
        }
        Ok(())
    })?;
    Ok(summary)
}

fn handle(
    store: &mut Store,
    ids: &std::collections::HashMap<String, i64>,
    event: SyncEvent,
    summary: &mut SyncSummary,
    progress: &mut impl FnMut(&str),
) -> anyhow::Result<()> {
    match event {
        SyncEvent::Articles { source, articles } => {
            let report = store.ingest(ids[&source], &articles)?;
            summary.added += report.added;
            summary.updated += report.updated;
        }
        SyncEvent::PageFailed {
            source,
            url,
            reason,
            prefetch,
        } => {
            if prefetch {
                progress(&format!("{source}: related page skipped: {url}: {reason}"));
                summary.skipped += 1;
            } else {
                let line = format!("{source}: {url}: {reason}");
                progress(&line);
                summary.failures.push(line);
            }
        }
        SyncEvent::SourceDone { source, result } => {
            let id = ids[&source];
            match result {
                Ok(outcome) => {
                    if outcome.validators.is_none() {
                        summary.not_modified += 1;
                    }
                    store.record_sync(id, outcome.validators.as_ref(), "ok")?;
                    progress(&format!(
                        "{source}: ok ({} items in the feed)",
                        outcome.items
                    ));
                }
                Err(reason) => {
                    store.record_sync(id, None, &reason)?;
                    let line = format!("{source}: {reason}");
                    progress(&line);
                    summary.failures.push(line);
                }
            }
        }
    }
    Ok(())
}
