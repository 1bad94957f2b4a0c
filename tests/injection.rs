//! Terminal injection: escape sequences, BEL, C1 controls, NUL, bidi overrides and invalid
//! UTF-8 in titles, bodies, authors, related titles, source names and error messages are
//! stored and shown as harmless text. The reader runs in a pseudo-terminal (`script`), and
//! every byte it writes is checked: the only escape sequences are the CSI ones it emits itself.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

const PAYLOAD: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}]8;;http://evil\u{1b}\\\u{9b}31m\u{0}\u{202e}\u{2066}";

fn hostile_portal() -> RawServer {
    RawServer::start(|r: &Request| {
        match r.path.as_str() {
        "/feed" => Reply::ok(
            "application/rss+xml",
            format!("<rss version=\"2.0\"><channel><title>T</title><item><title>Tiêu đề {PAYLOAD} độc</title><link>/doc.html</link><description>Mô tả {PAYLOAD}</description></item><item><title>Trang hỏng</title><link>/hong.html</link></item></channel></rss>"),
        ),
        "/doc.html" => {
            let mut page = format!(
                "<html><body><div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> » <a href=\"/m\">Mục {PAYLOAD}</a></div><h1>Tiêu đề</h1>\
                 <p>Đăng ngày: 15/01/2021 - 8:41:57 AM | Lượt xem: 143 | Tác giả {PAYLOAD}</p>\
                 <p>Thân bài {PAYLOAD} có chữ, đủ dài để là thân bài của trang, có dấu phẩy, có dấu chấm.</p><p>Byte hỏng: "
            )
            .into_bytes();
            page.extend_from_slice(b"\xff\xfe\xc3 end.</p><h3>Tin li\xc3\xaan quan</h3><ul><li><a href=\"/k.html\">Li\xc3\xaan quan ");
            page.extend_from_slice(PAYLOAD.as_bytes());
            page.extend_from_slice(b"</a></li></ul></body></html>");
            Reply::ok("text/html; charset=utf-8", page)
        }
        "/hong.html" => Reply::status(404, &[]),
        _ => Reply::status(404, &[]),
    }
    })
}

/// Panics on any byte sequence that is not plain text or a well-formed CSI sequence.
fn assert_only_own_sequences(output: &str) {
    let chars: Vec<char> = output.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' {
            assert_eq!(
                chars.get(i + 1),
                Some(&'['),
                "non-CSI escape at {i}: {:?}",
                &chars[i..(i + 12).min(chars.len())]
            );
            i += 2;
            while i < chars.len() && ('\u{30}'..='\u{3f}').contains(&chars[i]) {
                i += 1;
            }
            while i < chars.len() && ('\u{20}'..='\u{2f}').contains(&chars[i]) {
                i += 1;
            }
            assert!(
                i < chars.len() && ('\u{40}'..='\u{7e}').contains(&chars[i]),
                "unterminated CSI"
            );
        } else {
            let control = c.is_control() && !matches!(c, '\n' | '\r');
            let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            assert!(!control && !bidi, "{c:?} reached the terminal at {i}");
        }
        i += 1;
    }
}

fn hostile_env(server: &RawServer) -> Env {
    // The source name itself is hostile too (TOML escapes).
    let config = format!(
        "[[source]]\nname = \"Nguồn \\u001b]0;x\\u0007\\u202e tên\"\nurl = \"{}\"\n",
        server.url("/feed")
    );
    let env = Env::new(&[], &config);
    let out = env.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_only_own_sequences(&stderr(&out));
    env
}

#[test]
fn command_line_output_carries_no_control_characters() {
    let server = hostile_portal();
    let env = hostile_env(&server);
    let list = env.run(&["list"]);
    assert_only_own_sequences(&stdout(&list));
    assert!(!stdout(&list).contains('\u{1b}'));
    assert!(
        stdout(&list).contains("[2J]0;pwned"),
        "the text stays visible: {}",
        stdout(&list)
    );
    for args in [
        vec!["sources"],
        vec!["search", "tieu de"],
        vec!["related", "1"],
    ] {
        let out = env.run(&args);
        assert_only_own_sequences(&stdout(&out));
        assert_only_own_sequences(&stderr(&out));
    }
    let id = env
        .json(&["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("pwned"))
        .unwrap()["id"]
        .to_string();
    let read = env.run(&["read", &id]);
    assert_only_own_sequences(&stdout(&read));
    assert!(
        stdout(&read).contains('\u{fffd}'),
        "invalid UTF-8 shows as a replacement character"
    );
}

#[test]
fn the_reader_writes_only_its_own_escape_sequences() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("notice: `script` (util-linux) is missing; skipping the pseudo-terminal test");
        return;
    }
    let server = hostile_portal();
    let env = hostile_env(&server);
    drop(server);
    let log = env.dir.path().join("raw.log");
    let command = format!(
        "stty rows 30 cols 130; {BIN} --config '{}' --data-dir '{}' --offline",
        env.config().display(),
        env.data().display()
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command])
        .arg(&log)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut keys = child.stdin.take().unwrap();
    // Each key waits (bounded) for the screen it needs, so a slow machine is not a failure.
    let seen = |text: &str| {
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_secs(15) {
            if String::from_utf8_lossy(&std::fs::read(&log).unwrap_or_default()).contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    for (wait_for, k) in [
        ("pwned", "\r"),
        ("Thân", "\t"),
        ("", "\t"),
        ("", "1"),
        ("", "q"),
    ] {
        seen(wait_for);
        std::thread::sleep(Duration::from_millis(300));
        let _ = keys.write_all(k.as_bytes());
        let _ = keys.flush();
    }
    let status = common::wait_bounded(&mut child, Duration::from_secs(20));
    assert!(status.success(), "the reader quit cleanly");
    let raw = std::fs::read(&log).unwrap();
    let text = String::from_utf8_lossy(&raw);
    // `script` adds a header and a footer line of its own.
    let body: String = text
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("Script done"))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body.contains("pwned"), "the hostile title is drawn as text");
    // ratatui moves the cursor over unchanged cells, so words are checked one by one.
    assert!(body.contains("Thân"), "the article was opened");
    assert_only_own_sequences(&body);
}
