//! What the reader does outside itself: a background sync with its own store connection,
//! opening a URL in `$BROWSER` (no shell), and copying a URL with OSC 52.

use super::Event;
use crate::app::{is_web_url, Msg, SyncOutcome, SyncProgress};
use crate::config::Config;
use crate::ingest;
use crate::store::Store;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// Runs `tintuc sync` on a thread with its own connection (WAL lets the reader go on reading)
/// and the same lock as the command line; progress and the end come back as messages.
pub fn spawn_sync(config: Config, data_dir: PathBuf, offline: bool, events: Sender<Event>) {
    std::thread::spawn(move || {
        let send = |m: Msg| {
            let _ = events.send(Event::Msg(m));
        };
        let outcome = match sync(&config, &data_dir, offline, &send) {
            Ok(o) => o,
            Err(e) => SyncOutcome {
                at: chrono::Local::now().fixed_offset(),
                sources: 0,
                failed_sources: 0,
                problems: vec![format!("{e:#}")],
            },
        };
        send(Msg::SyncDone(outcome));
    });
}

fn sync(
    config: &Config,
    data_dir: &std::path::Path,
    offline: bool,
    send: &dyn Fn(Msg),
) -> anyhow::Result<SyncOutcome> {
    let sources = ingest::select(config, &[])?;
    let _lock = ingest::lock(data_dir)?;
    let mut store = Store::open(data_dir)?;
    let summary = ingest::sync_into(
        &mut store,
        config,
        &sources,
        ingest::SyncOptions {
            offline,
            refresh: false,
        },
        |p| {
            send(Msg::SyncProgress(SyncProgress {
                done: p.sources_done,
                total: p.sources_total,
                problem: p.failed.then(|| p.line.clone()),
            }))
        },
    )?;
    Ok(SyncOutcome {
        at: chrono::Local::now().fixed_offset(),
        sources: summary.sources,
        failed_sources: summary.failed_sources,
        problems: summary.failures,
    })
}

/// The browser command: the first entry of `$BROWSER` (a `:`-separated list), split on spaces,
/// `%s` replaced by the URL or the URL appended; `xdg-open` when unset.
pub fn browser_command(browser: Option<&str>, url: &str) -> Option<(String, Vec<String>)> {
    let first = browser
        .and_then(|b| b.split(':').map(str::trim).find(|s| !s.is_empty()))
        .unwrap_or("xdg-open");
    let mut parts = first.split_whitespace().map(str::to_string);
    let program = parts.next()?;
    let mut args: Vec<String> = parts.collect();
    if args.iter().any(|a| a.contains("%s")) {
        args = args.into_iter().map(|a| a.replace("%s", url)).collect();
    } else {
        args.push(url.to_string());
    }
    Some((program, args))
}

/// Starts the browser on `url` without a shell (the URL is one argument) and without waiting.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    if !is_web_url(url) {
        return Err(format!("not an http(s) URL: {url}"));
    }
    let browser = std::env::var("BROWSER").ok();
    let (program, args) =
        browser_command(browser.as_deref(), url).ok_or("no browser: set $BROWSER")?;
    std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("{program}: {e}"))
}

/// Writes the OSC 52 "set clipboard" sequence; the terminal copies the URL for us.
pub fn copy_osc52(out: &mut impl Write, url: &str) {
    let _ = write!(out, "\u{1b}]52;c;{}\u{7}", base64(url.as_bytes()));
    let _ = out.flush();
}

/// Standard base64 with padding (small enough not to need a crate).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"http://p.vn/1"), "aHR0cDovL3Audm4vMQ==");
    }

    #[test]
    fn browser_gets_the_url_as_one_argument() {
        let url = "http://p.vn/a b;rm -rf";
        assert_eq!(
            browser_command(Some("firefox --new-tab:chromium"), url),
            Some(("firefox".into(), vec!["--new-tab".into(), url.into()]))
        );
        assert_eq!(
            browser_command(Some("lynx %s"), url),
            Some(("lynx".into(), vec![url.into()]))
        );
        assert_eq!(
            browser_command(None, url),
            Some(("xdg-open".into(), vec![url.into()]))
        );
    }
}
