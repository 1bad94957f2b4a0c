//! tintuc: a terminal news reader that syncs portal articles into a local cache and reads them offline.
//!
//! Map of the crate (data flows one way, see `../shared/design.md`):
//! - [`model`]: plain values (Article, Source, ids).
//! - [`config`]: config file, defaults, keymap, paths.
//! - [`text`]: sanitising untrusted text, NFC, Vietnamese diacritic folding.
//! - [`extract`]: HTML page → title, metadata, body text, related links.
//! - [`sync`]: HTTP, feed parsing, page fetching; produces articles for the store.
//! - [`ingest`]: one sync run: sync workers → store batches, progress to a callback (cli and reader).
//! - [`doc`]: an article body as blocks, laid out into styled lines (no terminal library).
//! - [`bundle`]: the file `tintuc export` writes and `tintuc import` reads (machines never online).
//! - [`document`]: an article as text, Markdown or printable HTML with its provenance.
//! - [`subscriptions`]: sources in and out of OPML, newsboat `urls` files in.
//! - [`store`]: the only owner of SQLite: migrations, ingest, search, similar articles,
//!   read/star state, bundles, retention.
//! - [`app`]: `AppState` and `update`, every state change of the reader.
//! - [`ui`]: draws `&AppState`, never changes it.
//! - [`runtime`]: terminal setup/restore, event loop, background threads.
//! - [`demo`]: the bundled demo portal, served on 127.0.0.1.
//! - [`cli`]: the command line (argument parsing and the non-interactive subcommands).

pub mod app;
pub mod bundle;
pub mod cli;
pub mod config;
pub mod demo;
pub mod doc;
pub mod document;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod runtime;
pub mod store;
pub mod subscriptions;
pub mod sync;
pub mod text;
pub mod ui;
