//! Offline life on the command line: `export` and `import` of bundles, `vacuum`, and the
//! retention report after a sync.

use super::open_store;
use crate::bundle;
use crate::config::Config;
use crate::ingest;
use crate::store::{ExportFilter, Store};
use anyhow::{bail, Context};
use std::path::Path;

/// `--since 7d`: a number and a unit (h hours, d days, w weeks) → seconds.
pub fn parse_age(text: &str) -> anyhow::Result<i64> {
    let text = text.trim();
    let unit = text.chars().last().unwrap_or(' ');
    let number = text[..text.len() - unit.len_utf8().min(text.len())].trim();
    let hours = match unit.to_ascii_lowercase() {
        'h' => 1,
        'd' => 24,
        'w' => 24 * 7,
        _ => 0,
    };
    match number.parse::<i64>() {
        Ok(n) if hours > 0 && (1..=100_000).contains(&n) => Ok(n * hours * 3600),
        _ => bail!(
            "--since \"{text}\": give a number and a unit, h (hours), d (days) or w (weeks), e.g. 7d"
        ),
    }
}

pub fn export(
    data_dir: &Path,
    since: Option<&str>,
    source: Option<String>,
    starred_only: bool,
    file: &Path,
) -> anyhow::Result<i32> {
    let fetched_since = match since {
        Some(s) => Some(chrono::Utc::now().timestamp() - parse_age(s)?),
        None => None,
    };
    let store = open_store(data_dir)?;
    if let Some(name) = &source {
        if !store.sources()?.iter().any(|s| &s.name == name) {
            bail!("no source named \"{name}\" in the cache (see `tintuc sources`)");
        }
    }
    let filter = ExportFilter {
        fetched_since,
        source,
        starred_only,
    };
    let selected = store.archived(&filter)?;
    let count = selected.articles.len();
    bundle::write(file, &selected)
        .with_context(|| format!("cannot write the bundle {}", file.display()))?;
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    eprintln!(
        "wrote {count} article(s) to {} ({}); on the other machine: tintuc import {}",
        file.display(),
        human_size(size),
        file.display()
    );
    if count == 0 {
        eprintln!("note: no cached article matched; the bundle is empty");
    }
    Ok(0)
}

pub fn import(data_dir: &Path, file: &Path) -> anyhow::Result<i32> {
    // Read and check the whole file before the cache is opened: a bad bundle touches nothing.
    let bundle = bundle::read(file)
        .with_context(|| format!("cannot import the bundle {}", file.display()))?;
    let _lock = ingest::lock(data_dir)?;
    let mut store = open_store(data_dir)?;
    let report = store.merge_archived(&bundle)?;
    eprintln!(
        "imported {}: {} new, {} updated, {} already up to date",
        file.display(),
        report.added,
        report.updated,
        report.kept
    );
    Ok(0)
}

pub fn vacuum(data_dir: &Path) -> anyhow::Result<i32> {
    let _lock = ingest::lock(data_dir)?;
    let mut store = open_store(data_dir)?;
    let (before, after) = store.vacuum()?;
    println!(
        "{}: {} before, {} after",
        store.path().display(),
        human_size(before),
        human_size(after)
    );
    Ok(0)
}

/// Applies `[store]` retention after a sync and says what it removed.
pub fn prune_after_sync(store: &mut Store, config: &Config) -> anyhow::Result<()> {
    let rules = &config.store;
    let report = store.prune(rules.keep_days, rules.max_size_mb)?;
    if report.by_age > 0 {
        eprintln!(
            "pruned {} article(s) retrieved more than {} days ago (keep_days; starred ones are kept)",
            report.by_age, rules.keep_days
        );
    }
    if report.by_size > 0 {
        eprintln!(
            "pruned {} of the oldest article(s) to keep the cache under {} MB (max_size_mb; starred ones are kept)",
            report.by_size, rules.max_size_mb
        );
    }
    Ok(())
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_take_hours_days_and_weeks() {
        assert_eq!(parse_age("24h").unwrap(), 86_400);
        assert_eq!(parse_age("7d").unwrap(), 7 * 86_400);
        assert_eq!(parse_age("2w").unwrap(), 14 * 86_400);
        for bad in ["7", "d", "-1d", "7x", "", "1.5d", "7đ"] {
            let err = parse_age(bad).unwrap_err().to_string();
            assert!(err.contains("e.g. 7d"), "{bad}: {err}");
        }
    }
}
