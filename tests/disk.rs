//! A full disk and a read-only data directory give a clear error, and nothing already stored
//! is lost. Needs root (a small tmpfs, and `setpriv` to run as an unprivileged user); skips
//! with a notice otherwise.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use std::process::Command;

struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    fn mount(at: &std::path::Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).output();
    }
}

/// A feed of `n` articles with long bodies, numbered from `from`.
fn portal(from: usize, n: usize) -> RawServer {
    RawServer::start(move |r: &Request| {
        if r.path == "/feed" {
            let items: String = (from..from + n)
                .map(|i| format!("<item><title>Bài {i}</title><link>/b/{i}</link><description>{}</description></item>", "Nội dung dài của bài. ".repeat(300)))
                .collect();
            return Reply::ok(
                "application/rss+xml",
                format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"),
            );
        }
        Reply::status(404, &[])
    })
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mnt) = Tmpfs::mount(&dir.path().join("mnt"), "8m") else {
        eprintln!("notice: cannot mount a tmpfs (not root?); skipping the disk-full test");
        return;
    };
    let first = portal(0, 20);
    let env = Env::new(&[("A", &first.url("/feed"))], "[sync]\nfull_text = false\n");
    let data = mnt.0.join("data");
    let run = |args: &[&str]| {
        let mut cmd = Command::new(BIN);
        cmd.arg("--config")
            .arg(env.config())
            .arg("--data-dir")
            .arg(&data)
            .args(args);
        run_bounded(cmd)
    };
    assert_eq!(run(&["sync"]).status.code(), Some(0));
    // Fill what is left of the disk.
    let filler = mnt.0.join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 16 << 20]);
    let bigger = portal(100, 150);
    std::fs::write(
        env.config(),
        format!(
            "[sync]\nfull_text = false\n[[source]]\nname = \"A\"\nurl = \"{}\"\n",
            bigger.url("/feed")
        ),
    )
    .unwrap();
    let out = run(&["sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("disk holding the cache is full"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        stderr(&out)
            .trim_end()
            .lines()
            .last()
            .map(|l| l.starts_with("tintuc:")),
        Some(true)
    );
    std::fs::remove_file(&filler).unwrap();
    let out = run(&["list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kept: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    for i in 0..20 {
        assert!(kept.contains(&format!("Bài {i}").as_str()), "Bài {i} lost");
    }
    let conn = rusqlite::Connection::open(data.join("tintuc.db")).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(conn);
    let out = run(&["sync"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "with space again, the sync completes: {}",
        stderr(&out)
    );
}

#[test]
fn a_read_only_data_dir_is_a_clear_error_and_loses_nothing() {
    let has_setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !has_setpriv || !root {
        eprintln!("notice: needs root and setpriv to drop privileges; skipping the read-only test");
        return;
    }
    let server = portal(0, 5);
    let env = Env::new(
        &[("A", &server.url("/feed"))],
        "[sync]\nfull_text = false\n",
    );
    assert_eq!(env.run(&["sync"]).status.code(), Some(0));
    // Everyone may read and enter, nobody but root may write.
    for p in [env.dir.path().to_path_buf(), env.data()] {
        std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    }
    for f in std::fs::read_dir(env.data()).unwrap().flatten() {
        std::fs::set_permissions(
            f.path(),
            std::os::unix::fs::PermissionsExt::from_mode(0o644),
        )
        .unwrap();
    }
    let as_nobody = |args: &[&str]| {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        cmd.arg("--config")
            .arg(env.config())
            .arg("--data-dir")
            .arg(env.data())
            .args(args);
        run_bounded(cmd)
    };
    let out = as_nobody(&["sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains(&env.data().display().to_string())
            && err.to_lowercase().contains("not writable"),
        "{err}"
    );
    let before = titles(&env);
    assert_eq!(before.len(), 5);
    let out = as_nobody(&["list"]);
    assert!(
        out.status.code() == Some(0) || stderr(&out).to_lowercase().contains("read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(titles(&env), before, "nothing lost");
}
