//! The command line: arguments (the contract in the design) and the non-interactive commands.

mod extract_cmd;
mod output;
pub mod sync_cmd;

use crate::config::{self, Config, SourceConfig};
use crate::store::{ListFilter, Store};
use anyhow::{bail, Context};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "tintuc",
    version,
    about = "A terminal news reader: sync portals, read offline"
)]
pub struct Args {
    /// Config file (default: ~/.config/tintuc/config.toml)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where the cache lives (default: ~/.local/share/tintuc)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Never touch the network (file:// sources still work)
    #[arg(long, global = true)]
    pub offline: bool,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Start the bundled demo portal on 127.0.0.1, sync it, and open the reader
    Demo,
    /// Fetch the configured sources into the cache
    Sync {
        /// Only this source (repeatable)
        #[arg(long = "source", value_name = "NAME")]
        sources: Vec<String>,
        /// No progress, only errors
        #[arg(long)]
        quiet: bool,
    },
    /// List cached articles, newest first
    List {
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        #[arg(long)]
        unread: bool,
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Print one article
    Read {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Search the cache; diacritics optional ("dang uy" finds "Đảng ủy")
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// The related list of an article
    Related {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Each source with its last sync, status and counts
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// What the extractor finds on one page (a file or an http(s) URL)
    Extract {
        /// An HTML file, or an http(s):// URL to fetch
        #[arg(value_name = "FILE|URL")]
        target: String,
        /// Resolve links against this URL (default: the page's own URL)
        #[arg(long = "url", value_name = "BASE")]
        base: Option<String>,
        /// Apply this configured source's [source.selectors]
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            // One line: the outermost context and its cause, no backtrace.
            let line = e
                .chain()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(": ");
            eprintln!("tintuc: {}", crate::text::sanitize_line(&line));
            1
        }
    }
}

fn run(args: Args) -> anyhow::Result<i32> {
    let config = Config::load(args.config.as_deref())?;
    let data_dir = config::data_dir(args.data_dir.as_deref())?;
    match args.command {
        None => open_reader(&data_dir, &config, args.offline),
        Some(Cmd::Demo) => demo(args.data_dir.as_deref(), &config),
        Some(Cmd::Sync { sources, quiet }) => {
            sync(&data_dir, &config, &sources, quiet, args.offline)
        }
        Some(Cmd::List {
            source,
            unread,
            limit,
            json,
        }) => {
            let store = open_store(&data_dir)?;
            let list = store.list(&ListFilter {
                source,
                unread_only: unread,
                limit,
            })?;
            output::articles(&list, json)
        }
        Some(Cmd::Read { id, format }) => {
            let store = open_store(&data_dir)?;
            match store.article(id)? {
                Some(a) => output::article(&a, format),
                None => bail!("no article with id {id} in the cache (see `tintuc list`)"),
            }
        }
        Some(Cmd::Search { query, limit, json }) => {
            let store = open_store(&data_dir)?;
            output::articles(&store.search(&query, limit)?, json)
        }
        Some(Cmd::Related { id, json }) => {
            let store = open_store(&data_dir)?;
            if store.article(id)?.is_none() {
                bail!("no article with id {id} in the cache (see `tintuc list`)");
            }
            output::related(&store.related(id)?, json)
        }
        Some(Cmd::Extract {
            target,
            base,
            source,
            json,
        }) => extract_cmd::run(
            &config,
            &extract_cmd::Request {
                target: &target,
                base: base.as_deref(),
                source: source.as_deref(),
                json,
                offline: args.offline,
            },
        ),
        Some(Cmd::Sources { json }) => {
            let store = open_store(&data_dir)?;
            output::sources(&config, store.sources()?, json)
        }
    }
}

fn open_store(data_dir: &Path) -> anyhow::Result<Store> {
    Ok(Store::open(data_dir)?)
}

fn open_reader(data_dir: &Path, config: &Config, offline: bool) -> anyhow::Result<i32> {
    if !std::io::stdout().is_terminal() {
        bail!("the reader needs a terminal; for scripts use `tintuc list`, `tintuc read ID` or `tintuc search`");
    }
    let store = open_store(data_dir)?;
    crate::runtime::run(store, config, offline)?;
    Ok(0)
}

fn sync(
    data_dir: &Path,
    config: &Config,
    names: &[String],
    quiet: bool,
    offline: bool,
) -> anyhow::Result<i32> {
    let sources = sync_cmd::select(config, names)?;
    let _lock = sync_cmd::lock(data_dir)?;
    let mut store = open_store(data_dir)?;
    let show = !quiet;
    let summary = sync_cmd::sync_into(&mut store, config, &sources, offline, |line| {
        if show {
            eprintln!("{line}");
        }
    })?;
    eprintln!(
        "{} source(s): {} new, {} updated, {} unchanged, {} problem(s), {} related page(s) skipped",
        summary.sources,
        summary.added,
        summary.updated,
        summary.not_modified,
        summary.failures.len(),
        summary.skipped
    );
    Ok(if summary.failures.is_empty() { 0 } else { 2 })
}

/// Serves the bundled portal, syncs it into `data_dir` (or a temporary one), opens the reader.
fn demo(data_dir: Option<&Path>, base: &Config) -> anyhow::Result<i32> {
    let server = crate::demo::server::Server::start(crate::demo::routes())
        .context("cannot start the demo portal on 127.0.0.1")?;
    let temp;
    let dir = match data_dir {
        Some(d) => d.to_path_buf(),
        None => {
            temp = tempfile::tempdir().context("cannot create a temporary directory")?;
            temp.path().to_path_buf()
        }
    };
    let mut config = base.clone();
    config.sources = vec![SourceConfig {
        name: "Demo".into(),
        url: format!("{}{}", server.base_url(), crate::demo::FEED_PATH),
        kind: None,
        selectors: Default::default(),
    }];
    eprintln!("demo portal on {}", server.base_url());
    let code = sync(&dir, &config, &[], false, false)?;
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "synced into {}; open it with: tintuc --data-dir {}",
            dir.display(),
            dir.display()
        );
        return Ok(code);
    }
    crate::runtime::run(open_store(&dir)?, &config, false)?;
    Ok(0)
}
