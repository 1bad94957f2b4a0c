//! Shared helpers for the end-to-end tests: the real binary, a temporary data dir, and local
//! portals served on 127.0.0.1 by the test itself.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tintuc::demo::server::{Route, Server};

pub const BIN: &str = env!("CARGO_BIN_EXE_tintuc");

pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portal")
}

/// The fixture portal (unknown to the code) from `tests/fixtures/portal/routes.toml`.
pub fn fixture_routes() -> HashMap<String, Route> {
    #[derive(serde::Deserialize)]
    struct Routes {
        route: Vec<RouteFile>,
    }
    #[derive(serde::Deserialize)]
    struct RouteFile {
        path: String,
        file: String,
    }
    let dir = fixture_dir();
    let text = std::fs::read_to_string(dir.join("routes.toml")).unwrap();
    let routes: Routes = toml::from_str(&text).unwrap();
    routes
        .route
        .into_iter()
        .map(|r| {
            let body = std::fs::read(dir.join(&r.file)).unwrap();
            let kind = if r.file.ends_with(".rss") {
                "application/rss+xml; charset=utf-8"
            } else {
                "text/html; charset=utf-8"
            };
            (r.path, Route::new(kind, body))
        })
        .collect()
}

pub fn fixture_server() -> Server {
    Server::start(fixture_routes()).expect("start the fixture portal")
}

/// A temporary data dir with a config file listing `sources` (name, url).
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new(sources: &[(&str, &str)], extra: &str) -> Env {
        let dir = tempfile::tempdir().unwrap();
        let mut config = String::from(extra);
        for (name, url) in sources {
            config.push_str(&format!(
                "\n[[source]]\nname = \"{name}\"\nurl = \"{url}\"\n"
            ));
        }
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        Env { dir }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Runs `tintuc --config C --data-dir D ARGS` with no proxy and a bounded wait.
    pub fn run(&self, args: &[&str]) -> Output {
        run_bounded(self.command(args))
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(self.data());
        cmd.args(args);
        cmd
    }

    /// Like [`Env::run`], with `input` written to the command's standard
    /// input through a pipe.
    pub fn run_with_input(&self, args: &[&str], input: Vec<u8>) -> Output {
        let mut cmd = self.command(args);
        clear_proxies(&mut cmd);
        wait_output_fed(cmd, Some(input))
    }

    /// Runs a command that must succeed and prints JSON; returns it parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// Like [`run_bounded`], then sets `vars` (e.g. a proxy) on top.
pub fn run_bounded_with_env(mut cmd: Command, vars: &[(&str, &str)]) -> Output {
    clear_proxies(&mut cmd);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    wait_output(cmd)
}

fn clear_proxies(cmd: &mut Command) {
    for var in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "all_proxy",
        "no_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NO_PROXY", "127.0.0.1,localhost");
}

/// Runs a command with proxies cleared and a 120 s limit, so a hung run fails instead of blocking CI.
pub fn run_bounded(mut cmd: Command) -> Output {
    clear_proxies(&mut cmd);
    wait_output(cmd)
}

fn wait_output(cmd: Command) -> Output {
    wait_output_fed(cmd, None)
}

/// Runs `cmd` to the end within 120 s; its standard input is `input` through
/// a pipe, or nothing.
fn wait_output_fed(mut cmd: Command, input: Option<Vec<u8>>) -> Output {
    cmd.stdin(match input {
        Some(_) => std::process::Stdio::piped(),
        None => std::process::Stdio::null(),
    });
    cmd.stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn tintuc");
    if let (Some(input), Some(mut pipe)) = (input, child.stdin.take()) {
        // On a thread, so a child that stops reading never blocks the test;
        // the pipe closes when the thread ends.
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(&input);
        });
    }
    // Drain both pipes on threads so a chatty child never blocks on a full pipe.
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(120) {
            let _ = child.kill();
            panic!("tintuc did not finish within 120 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
pub mod api_portal;
pub mod raw_server;

/// Waits for `child` at most `limit`, killing it (and failing the test) past that.
pub fn wait_bounded(
    child: &mut std::process::Child,
    limit: std::time::Duration,
) -> std::process::ExitStatus {
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("process did not finish within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The fixture portal's feed URL on `server`.
pub fn fixture_feed(server: &Server) -> String {
    format!("{}/rss/tin-tuc.rss", server.base_url())
}

/// A config whose one source is the fixture portal on `server`, synced (exit 0 asserted).
pub fn synced_fixture_env(server: &Server) -> Env {
    let env = Env::new(&[("Cổng Hà Lâm", &fixture_feed(server))], "");
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "sync: {}", stderr(&out));
    env
}

/// The titles of `tintuc list --json`, newest first.
pub fn titles(env: &Env) -> Vec<String> {
    let list = env.json(&["list", "--json"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

/// The object of a JSON array whose `key` is `value` (a source by name, an article by title).
pub fn find<'a>(items: &'a serde_json::Value, key: &str, value: &str) -> &'a serde_json::Value {
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .find(|o| o[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value:?} in {items}"))
}
