//! The command line: arguments (the contract in the design) and the non-interactive commands.

mod extract_cmd;
mod offline_cmd;
mod output;
mod sources_cmd;

use crate::config::{self, Config, SourceConfig};
use crate::ingest;
use crate::ingest::SyncOptions;
use crate::store::{ListFilter, Store};
use anyhow::{bail, Context};
use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
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
        /// Fetch cached article pages again (conditionally: unchanged pages cost a 304)
        #[arg(long)]
        refresh: bool,
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
    /// Each source with its last sync, status and counts; `sources add URL` adds one
    Sources {
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<SourcesCmd>,
    },
    /// Write a bundle of cached articles for a machine that is never online
    #[command(group(
        ArgGroup::new("which").required(true).multiple(true)
            .args(["since", "all", "source", "starred"])
    ))]
    Export {
        /// Articles retrieved in the last 7d, 24h, 2w, …
        #[arg(long, value_name = "AGE", conflicts_with = "all")]
        since: Option<String>,
        /// Every cached article
        #[arg(long)]
        all: bool,
        /// Only this source's articles
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
        /// Only starred articles
        #[arg(long)]
        starred: bool,
        /// The bundle file to write
        file: PathBuf,
    },
    /// Merge a bundle into the cache (no duplicates; the newer copy wins)
    Import { file: PathBuf },
    /// OPML: import sources into the config file, or print them
    Opml {
        #[command(subcommand)]
        action: OpmlCmd,
    },
    /// What the extractor finds on one page (a file, an http(s) URL, or - for standard input)
    Extract {
        /// An HTML file (gzipped or not), an http(s):// URL to fetch, or - to read standard input
        #[arg(value_name = "FILE|URL|-")]
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
    /// Compact the cache and its search index
    Vacuum,
}

#[derive(Debug, Subcommand)]
pub enum SourcesCmd {
    /// Find the feed of a page (or fall back to its article links) and add it to the config
    Add {
        url: String,
        /// The source's name (default: the feed's or page's title)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum OpmlCmd {
    /// Add the feeds of an OPML file (or a newsboat `urls` file) to the config file
    Import { file: PathBuf },
    /// Print the configured sources as OPML 2.0
    Export,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    install_panic_hook();
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

/// A bug must not greet the user with a backtrace: one line saying what happened and what to
/// do. The reader wraps this hook with one that first restores the terminal.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "tintuc: internal error{at}: {}; nothing stored was lost, please report this",
            crate::text::sanitize_line(&what)
        );
    }));
}

fn run(args: Args) -> anyhow::Result<i32> {
    let config = Config::load(args.config.as_deref())?;
    let data_dir = config::data_dir(args.data_dir.as_deref())?;
    match args.command {
        None => open_reader(&data_dir, &config, args.offline),
        Some(Cmd::Demo) => demo(args.data_dir.as_deref(), &config),
        Some(Cmd::Sync {
            sources,
            quiet,
            refresh,
        }) => {
            let options = SyncOptions {
                offline: args.offline,
                refresh,
            };
            sync(&data_dir, &config, &sources, quiet, options)
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
                ..ListFilter::default()
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
        Some(Cmd::Sources { json, action: None }) => {
            let store = open_store(&data_dir)?;
            output::sources(&config, store.sources()?, json)
        }
        Some(Cmd::Sources {
            action: Some(SourcesCmd::Add { url, name }),
            ..
        }) => sources_cmd::add(
            &config_target(&args.config)?,
            &config,
            &url,
            name,
            args.offline,
        ),
        Some(Cmd::Export {
            since,
            all: _,
            source,
            starred,
            file,
        }) => offline_cmd::export(&data_dir, since.as_deref(), source, starred, &file),
        Some(Cmd::Import { file }) => offline_cmd::import(&data_dir, &file),
        Some(Cmd::Vacuum) => offline_cmd::vacuum(&data_dir),
        Some(Cmd::Opml {
            action: OpmlCmd::Import { file },
        }) => sources_cmd::import(&config_target(&args.config)?, &file),
        Some(Cmd::Opml {
            action: OpmlCmd::Export,
        }) => sources_cmd::export(&config),
    }
}

/// The config file that commands adding sources write: --config, else the default path.
fn config_target(explicit: &Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match explicit {
        Some(p) => Ok(p.clone()),
        None => Ok(config::default_config_path().ok_or(config::ConfigError::NoHome)?),
    }
}

fn open_store(data_dir: &Path) -> anyhow::Result<Store> {
    let store = Store::open(data_dir)?;
    if let Some(recovery) = store.recovered() {
        eprintln!("tintuc: {recovery}");
    }
    Ok(store)
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
    options: SyncOptions,
) -> anyhow::Result<i32> {
    let sources = ingest::select(config, names)?;
    let _lock = ingest::lock(data_dir)?;
    let mut store = open_store(data_dir)?;
    let show = !quiet;
    let summary = ingest::sync_into(&mut store, config, &sources, options, |p| {
        if show {
            eprintln!("{}", crate::text::sanitize_line(&p.line));
        }
    })?;
    offline_cmd::prune_after_sync(&mut store, config)?;
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
        tags: Vec::new(),
        selectors: Default::default(),
        json: None,
    }];
    eprintln!("demo portal on {}", server.base_url());
    let code = sync(&dir, &config, &[], false, SyncOptions::default())?;
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
