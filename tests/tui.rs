//! The reader in a real pseudo-terminal (tmux): three panes over the cache with the server gone,
//! keys move and open, related articles open by number, the help overlay, search as you type,
//! a background sync with R, and q restores the terminal.
//! Skips with a notice when tmux is missing, unless TINTUC_REQUIRE_TMUX is set (CI sets it).

mod common;
use common::*;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A detached session `t` of `size` (columns, rows) running `shell`.
    fn start(name: &str, size: (u16, u16), shell: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("tintuc-{name}-{}", std::process::id()),
        };
        let (x, y) = (size.0.to_string(), size.1.to_string());
        let out = tmux.cmd(&["new-session", "-d", "-s", "t", "-x", &x, "-y", &y, shell]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Types `text` literally (no key names), one character at a time like a person.
    fn type_text(&self, text: &str) {
        for c in text.chars() {
            self.cmd(&["send-keys", "-t", "t", "-l", &c.to_string()]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]);
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits (at most 10 s) until the screen satisfies `ok`; returns the last screen either way.
    fn wait_for(&self, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) || started.elapsed() > Duration::from_secs(10) {
                return s;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The shell words that start the reader on `env` (proxies off, so 127.0.0.1 is reached
/// directly), followed by `rest` (more options, redirections, what runs after it).
/// Shell that prints the terminal's `icanon`/`echo` modes on one line
/// ending in `MODES-END`: tests wait for that marker, because waiting for
/// `EXITED` alone could read the screen before `stty` had printed.
const PRINT_MODES: &str =
    "echo MODES $(stty -a | tr -s ' ;' '\\n\\n' | grep -x -e icanon -e echo) MODES-END";

/// Waits for the shell after the reader (`EXITED $?` then [`PRINT_MODES`])
/// and checks the exit status, cooked mode and the main screen are back.
fn assert_terminal_restored(tmux: &Tmux, exited: &str) {
    let screen = tmux.wait_for(|s| s.contains("MODES-END"));
    assert!(screen.contains(exited), "want {exited}:\n{screen}");
    assert!(
        screen.contains("MODES icanon echo MODES-END"),
        "cooked mode restored:\n{screen}"
    );
    assert!(
        !screen.contains("Tin bài"),
        "alternate screen left:\n{screen}"
    );
}

fn reader(env: &Env, rest: &str) -> String {
    format!(
        "NO_PROXY=127.0.0.1 http_proxy= https_proxy= HTTP_PROXY= HTTPS_PROXY= {BIN} --config '{}' --data-dir '{}' {rest}",
        env.config().display(),
        env.data().display()
    )
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("TINTUC_REQUIRE_TMUX").is_none(),
            "tmux is required (TINTUC_REQUIRE_TMUX is set)"
        );
        eprintln!("notice: tmux not installed; skipping the pseudo-terminal test");
    }
    ok
}

#[test]
fn reader_shows_three_panes_offline_and_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let env = synced_fixture_env(&fixture_server()); // the server is gone from here on
    let shell = reader(
        &env,
        &format!("--offline; echo EXITED $?; {PRINT_MODES}; sleep 30"),
    );
    let tmux = Tmux::start("test", (150, 40), &shell);

    let screen = tmux.wait_for(|s| s.contains("Tin bài") && s.contains("Hội thảo"));
    let top = screen.lines().next().unwrap_or_default();
    let (list, reader, related) = (
        top.find("Tin bài"),
        top.find("Nội dung"),
        top.find("Bài viết khác"),
    );
    assert!(
        list < reader && reader < related && list.is_some(),
        "three panes side by side:\n{screen}"
    );
    assert!(screen.contains("Ngoại tuyến"), "offline badge:\n{screen}");

    // The list is newest first: 1027 (bridge) is on top; j moves to the second, Enter opens it.
    tmux.keys(&["j", "Enter"]);
    let screen = tmux.wait_for(|s| s.contains("Lượt xem") || s.contains("lượt xem"));
    assert!(
        screen.contains("lượt xem"),
        "the reader shows the meta line:\n{screen}"
    );
    let opened_title = screen.lines().nth(1).unwrap_or_default().to_string();

    // 1 opens the first related article (the list comes from the page).
    tmux.keys(&["1"]);
    let screen = tmux.wait_for(|s| s.lines().nth(1) != Some(opened_title.as_str()));
    assert_ne!(
        screen.lines().nth(1).unwrap_or_default(),
        opened_title,
        "related article opened:\n{screen}"
    );

    // ? shows every binding with what it does; any other key closes it.
    tmux.keys(&["?"]);
    let screen = tmux.wait_for(|s| s.contains("Phím tắt"));
    assert!(
        screen.contains("Phím tắt") && screen.contains("đồng bộ ngay") && screen.contains("1–9"),
        "help overlay:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for(|s| !s.contains("Phím tắt"));
    assert!(!screen.contains("Phím tắt"), "help closed:\n{screen}");

    // / searches as you type, without diacritics; Enter keeps the results.
    tmux.keys(&["/"]);
    tmux.type_text("thu vien so");
    // The list is newest first ("Hội thảo" on top); results come best first, under the line.
    let first_row = |s: &str| s.lines().nth(2).unwrap_or_default().to_string();
    let screen = tmux.wait_for(|s| {
        s.contains("Tìm: thu vien so") && first_row(s).contains("Khánh thành thư viện")
    });
    assert!(
        first_row(&screen).contains("Khánh thành thư viện số"),
        "results as you type, without diacritics:\n{screen}"
    );
    tmux.keys(&["Enter", "Enter"]);
    let screen = tmux.wait_for(|s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| l.contains("Khánh thành thư viện"))
    });
    assert!(
        screen
            .lines()
            .nth(1)
            .unwrap_or_default()
            .contains("Khánh thành thư viện"),
        "the found article opens:\n{screen}"
    );

    tmux.keys(&["Tab", "k", "BTab", "q"]);
    assert_terminal_restored(&tmux, "EXITED 0");
}

#[test]
fn sync_now_runs_in_the_background_and_fills_the_list() {
    if !tmux_available() {
        return;
    }
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(
        &[("Cổng Hà Lâm", &feed)],
        "[ui]\nlanguage = \"en\"\n[sync]\non_start = false\n",
    );
    let shell = reader(&env, "; echo EXITED $?; sleep 30");
    let tmux = Tmux::start("sync", (100, 30), &shell);
    let screen = tmux.wait_for(|s| s.contains("No articles yet"));
    assert!(
        screen.contains("Never synced"),
        "empty cache, English:\n{screen}"
    );
    tmux.keys(&["R"]);
    let screen = tmux.wait_for(|s| s.contains("Hội thảo") && s.contains("Synced"));
    assert!(
        screen.contains("Hội thảo") && screen.contains("Synced"),
        "the list reloads when the sync ends:\n{screen}"
    );
    tmux.keys(&["q"]);
    let screen = tmux.wait_for(|s| s.contains("EXITED"));
    assert!(screen.contains("EXITED 0"), "{screen}");
}

#[test]
fn two_readers_see_articles_that_a_cli_sync_writes() {
    if !tmux_available() {
        return;
    }
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Cổng Hà Lâm", &feed)], "[ui]\nlanguage = \"en\"\n");
    let shell = reader(&env, "--offline; echo EXITED $?; sleep 30");
    let first = Tmux::start("reader-a", (100, 30), &shell);
    let second = Tmux::start("reader-b", (100, 30), &shell);
    for t in [&first, &second] {
        let screen = t.wait_for(|s| s.contains("No articles yet"));
        assert!(screen.contains("No articles yet"), "{screen}");
    }
    // A sync from the command line, while both readers are open (WAL: they keep reading).
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for t in [&first, &second] {
        let screen = t.wait_for(|s| s.contains("Hội thảo"));
        assert!(
            screen.contains("Hội thảo"),
            "the open reader shows the new articles:\n{screen}"
        );
        t.keys(&["j", "Enter"]);
        let screen = t.wait_for(|s| s.contains("views"));
        assert!(
            screen.contains("views"),
            "and still opens articles:\n{screen}"
        );
        t.keys(&["q"]);
        assert!(t.wait_for(|s| s.contains("EXITED")).contains("EXITED 0"));
    }
}

#[test]
fn o_opens_the_article_url_as_one_argument_without_a_shell() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A feed whose link would run a command if it ever went through a shell.
    let feed = dir.path().join("feed.xml");
    let link = "https://p.vn/bai.html?q=$(touch${IFS}PWNED)&x=`id`;echo";
    std::fs::write(&feed, format!("<rss version=\"2.0\"><channel><title>T</title><item><title>Bài có liên kết lạ</title><link>{}</link><description>Tóm tắt</description></item></channel></rss>", link.replace('&', "&amp;"))).unwrap();
    let env = Env::new(
        &[("Tệp", &format!("file://{}", feed.display()))],
        "[sync]\nfull_text = false\n",
    );
    assert_eq!(env.run(&["--offline", "sync"]).status.code(), Some(0));
    let record = dir.path().join("argv.txt");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\necho \"$#\" > '{0}'\nfor a in \"$@\"; do echo \"$a\" >> '{0}'; done\n",
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let shell = format!(
        "cd '{}' && BROWSER='{}' {}",
        dir.path().display(),
        browser.display(),
        reader(&env, "--offline; sleep 30")
    );
    let tmux = Tmux::start("browser", (120, 30), &shell);
    tmux.wait_for(|s| s.contains("Bài có liên kết lạ"));
    tmux.keys(&["Enter", "o"]);
    let started = std::time::Instant::now();
    while !record.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    let argv = std::fs::read_to_string(&record).expect("the browser was started");
    let lines: Vec<&str> = argv.lines().collect();
    assert_eq!(lines[0], "1", "exactly one argument: {argv}");
    assert!(lines[1].starts_with("https://p.vn/bai.html?q="), "{argv}");
    assert!(
        !dir.path().join("PWNED").exists(),
        "nothing ran through a shell"
    );
}

#[test]
fn e_saves_the_open_article_as_a_printable_html_file() {
    if !tmux_available() {
        return;
    }
    let env = synced_fixture_env(&fixture_server());
    let out_dir = tempfile::tempdir().unwrap();
    let shell = format!(
        "cd '{}' && {}",
        out_dir.path().display(),
        reader(&env, "--offline; sleep 30")
    );
    let tmux = Tmux::start("save", (120, 30), &shell);
    tmux.wait_for(|s| s.contains("Tin bài"));
    tmux.keys(&["Enter", "e"]);
    let screen = tmux.wait_for(|s| s.contains("Đã lưu bài"));
    assert!(
        screen.contains("Đã lưu bài"),
        "the status bar says where:\n{screen}"
    );
    let saved: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let html = std::fs::read_to_string(&saved[0]).unwrap();
    assert!(
        html.contains("@media print") && html.contains("Cổng Hà Lâm"),
        "a printable page with its source"
    );
    assert!(!html.contains("<script"), "no scripts");
}

#[test]
fn online_the_reader_opens_at_once_and_syncs_in_the_background() {
    if !tmux_available() {
        return;
    }
    let server = fixture_server();
    let feed = format!("{}/rss/tin-tuc.rss", server.base_url());
    let env = Env::new(&[("Cổng Hà Lâm", &feed)], "");
    let shell = reader(&env, "; sleep 30");
    let tmux = Tmux::start("autosync", (120, 30), &shell);
    let screen = tmux.wait_for(|s| s.contains("Hội thảo") && s.contains("Đồng bộ lúc"));
    assert!(
        screen.contains("Hội thảo") && screen.contains("Đồng bộ lúc"),
        "no key pressed, the list fills from the background sync:\n{screen}"
    );
}

#[test]
fn a_panic_restores_the_terminal_and_says_one_line() {
    if !tmux_available() {
        return;
    }
    let env = Env::new(&[], "");
    let shell = format!(
        "TINTUC_TEST_PANIC=1 {}",
        reader(
            &env,
            &format!("--offline 2>err.txt; echo EXITED $?; cat err.txt; {PRINT_MODES}; sleep 30")
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(
        "panic",
        (150, 40),
        &format!("cd '{}' && {shell}", dir.path().display()),
    );
    assert_terminal_restored(&tmux, "EXITED 101");
    let err = std::fs::read_to_string(dir.path().join("err.txt")).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.starts_with("tintuc: internal error") && err.contains("nothing stored was lost"),
        "{err}"
    );
}
