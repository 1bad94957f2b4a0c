//! The cache is the only copy of articles that may have left the portal: damaged files are
//! kept aside, newer caches refused untouched, a killed sync loses nothing it committed,
//! and only one sync writes at a time.

mod common;
use common::*;
use rusqlite::Connection;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn db(env: &Env) -> std::path::PathBuf {
    env.data().join("tintuc.db")
}

fn synced() -> (tintuc::demo::server::Server, Env) {
    let server = fixture_server();
    let env = synced_fixture_env(&server);
    (server, env)
}

fn damaged_copies(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.data())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            n.starts_with("tintuc.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect()
}

#[test]
fn a_garbage_cache_is_kept_aside_and_a_fresh_one_filled() {
    let (_server, env) = synced();
    std::fs::write(
        db(&env),
        b"this is not a database, just text that replaced it",
    )
    .unwrap();
    let _ = std::fs::remove_file(env.data().join("tintuc.db-wal"));
    let out = env.run(&["list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("damaged") && err.contains("tintuc.db.damaged-"),
        "{err}"
    );
    assert_eq!(damaged_copies(&env).len(), 1);
    assert_eq!(stdout(&out).trim(), "[]");
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    assert!(
        env.json(&["list", "--json"]).as_array().unwrap().len() >= 5,
        "the next sync fills it"
    );
}

#[test]
fn a_truncated_cache_is_kept_aside() {
    let (_server, env) = synced();
    // Fold the WAL into the main file first, so truncating the file truncates the data.
    Connection::open(db(&env))
        .unwrap()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .unwrap();
    let len = std::fs::metadata(db(&env)).unwrap().len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(db(&env))
        .unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("truncated"), "{}", stderr(&out));
    assert_eq!(damaged_copies(&env).len(), 1);
}

#[test]
fn a_cache_from_a_newer_version_is_refused_and_not_modified() {
    let (_server, env) = synced();
    Connection::open(db(&env))
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let before = std::fs::read(db(&env)).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer tintuc"), "{}", stderr(&out));
    assert_eq!(stderr(&out).trim_end().lines().count(), 1);
    assert_eq!(std::fs::read(db(&env)).unwrap(), before);
    assert!(damaged_copies(&env).is_empty());
}

#[test]
fn a_second_sync_while_one_runs_exits_with_a_clear_message() {
    let (_server, env) = synced();
    // Hold the lock the way a running sync does.
    let lock = std::fs::File::create(env.data().join("sync.lock")).unwrap();
    lock.try_lock().unwrap();
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("another tintuc sync"),
        "{}",
        stderr(&out)
    );
    // Readers are not blocked by the lock.
    assert!(env.run(&["list"]).status.success());
    drop(lock);
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
}

fn check_cache(env: &Env) -> usize {
    let conn = Connection::open(db(env)).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let has_schema: bool = conn
        .query_row(
            "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'articles'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if !has_schema {
        return 0; // killed before the first migration committed: nothing to lose yet
    }
    let dupes: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM (SELECT url FROM articles GROUP BY url HAVING COUNT(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(dupes, 0, "no article stored twice");
    let half: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM articles WHERE title = '' OR (full_text = 1 AND body = '')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "no half-written article");
    let fts: i64 = conn
        .query_row("SELECT COUNT(*) FROM articles_fts", [], |r| r.get(0))
        .unwrap_or(-1);
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert!(
        fts == -1 || fts == n,
        "search index in step with articles ({fts} vs {n})"
    );
    n as usize
}

fn spawn_sync(env: &Env) -> std::process::Child {
    Command::new(BIN)
        .arg("--config")
        .arg(env.config())
        .arg("--data-dir")
        .arg(env.data())
        .args(["sync", "--quiet"])
        .env("NO_PROXY", "127.0.0.1")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn sync_killed_at_25_moments_loses_nothing_committed() {
    // A slow portal stretches a sync over about a second, so kills land all through it:
    // 5 fresh caches, each killed 5 times at growing moments, then synced to the end.
    let server = common::raw_server::RawServer::start(slow_portal);
    let full = {
        let reference = Env::new(&[("Chậm", &server.url("/feed"))], "");
        assert_eq!(reference.run(&["sync"]).status.code(), Some(0));
        check_cache(&reference)
    };
    let mut partial = false;
    for group in 0..5u64 {
        let env = Env::new(&[("Chậm", &server.url("/feed"))], "");
        let mut previous = 0;
        for k in 0..5u64 {
            let mut child = spawn_sync(&env);
            std::thread::sleep(Duration::from_millis(20 + 140 * k + 15 * group));
            let _ = child.kill(); // SIGKILL
            let _ = child.wait();
            if db(&env).exists() {
                let n = check_cache(&env);
                assert!(n >= previous, "committed articles lost ({n} < {previous})");
                eprintln!("group {group}, kill {k}: {n} of {full} articles kept");
                partial |= n > 0 && n < full;
                previous = n;
            }
        }
        let started = Instant::now();
        assert_eq!(env.run(&["sync"]).status.code(), Some(0));
        assert!(started.elapsed() < Duration::from_secs(60));
        assert_eq!(check_cache(&env), full, "the next sync completes the work");
    }
    assert!(partial, "a killed sync keeps the batches it committed");
}

fn slow_portal(r: &common::raw_server::Request) -> common::raw_server::Reply {
    use common::raw_server::Reply;
    if r.path == "/feed" {
        let items: String = (0..20)
            .map(|i| format!("<item><title>Bài số {i}</title><link>/bai/{i}.html</link><description>Tóm tắt {i}</description></item>"))
            .collect();
        return Reply::ok(
            "application/rss+xml",
            format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"),
        );
    }
    std::thread::sleep(Duration::from_millis(60));
    Reply::ok(
        "text/html; charset=utf-8",
        format!("<html><body><h1>Bài {0}</h1><p>Nội dung bài {0}, đủ dài để làm thân bài, có dấu phẩy, có dấu chấm.</p></body></html>", r.path),
    )
}
