//! Moving sources in: OPML round trip, newsboat `urls` files (commands never run), and
//! `sources add` discovering a feed or an HTML listing on a local page.

mod common;
use common::raw_server::{RawServer, Reply, Request};
use common::*;
use tintuc::config::{Config, SourceKind};

fn sources_of(env: &Env) -> Vec<tintuc::config::SourceConfig> {
    Config::load(Some(&env.config())).unwrap().sources
}

#[test]
fn opml_round_trip_keeps_names_tags_and_kinds() {
    let config = "# nguồn của tôi\n\
        [[source]]\nname = \"Tuyên giáo & Dân vận\"\nurl = \"https://p.vn/rss?a=1&b=2\"\ntags = [\"tỉnh\", \"chính trị\"]\n\n\
        [[source]]\nname = \"Chuyên mục <Tin>\"\nurl = \"https://q.vn/tin-tuc\"\nkind = \"html\"\n";
    let from = Env::new(&[], config);
    let out = from.run(&["opml", "export"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let opml = stdout(&out);
    assert!(opml.contains("<opml version=\"2.0\">"), "{opml}");
    let file = from.dir.path().join("nguon.opml");
    std::fs::write(&file, &opml).unwrap();

    let to = Env::new(&[], "# giữ nguyên dòng này\n[sync]\ntimeout_secs = 20\n");
    let out = to.run(&["opml", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 source(s) added"),
        "{}",
        stdout(&out)
    );
    assert_eq!(sources_of(&to), sources_of(&from));
    let text = std::fs::read_to_string(to.config()).unwrap();
    assert!(
        text.starts_with("# giữ nguyên dòng này\n[sync]\ntimeout_secs = 20\n"),
        "{text}"
    );

    // Importing again adds nothing.
    let out = to.run(&["opml", "import", file.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("0 source(s) added"),
        "{}",
        stdout(&out)
    );
    assert_eq!(sources_of(&to).len(), 2);
}

#[test]
fn newsboat_urls_keep_names_and_tags_and_never_run_commands() {
    let env = Env::new(&[], "");
    let marker = env.dir.path().join("ran");
    let urls = format!(
        "# newsboat\n\
         \"exec:touch {m}\" \"~Lệnh\"\n\
         https://p.vn/rss/tin.rss tinh \"chính trị\" \"~Tuyên giáo Hưng Yên\"\n\
         \"filter:/bin/sh -c 'touch {m}':https://p.vn/rss\"\n\
         \"query:Chưa đọc:unread = \\\"yes\\\"\"\n",
        m = marker.display()
    );
    let file = env.dir.path().join("urls");
    std::fs::write(&file, urls).unwrap();
    let out = env.run(&["opml", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!marker.exists(), "a command from the urls file ran");
    let err = stderr(&out);
    assert!(err.contains("skipped line 2: \"exec:touch"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("skipped")).count(),
        3,
        "{err}"
    );
    let sources = sources_of(&env);
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].name, "Tuyên giáo Hưng Yên");
    assert_eq!(sources[0].url, "https://p.vn/rss/tin.rss");
    assert_eq!(sources[0].tags, ["tinh", "chính trị"]);
}

#[test]
fn a_broken_opml_file_is_named_and_changes_nothing() {
    let env = Env::new(&[], "# mine\n");
    let file = env.dir.path().join("broken.opml");
    std::fs::write(
        &file,
        "<opml><body><outline xmlUrl=\"https://p.vn\"></body>",
    )
    .unwrap();
    let out = env.run(&["opml", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("broken.opml") && stderr(&out).contains("not valid OPML"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(env.config()).unwrap(), "# mine\n");
}

const FEED: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>\
    <title>Tin tỉnh nhà</title>\
    <item><title>Khánh thành cầu mới</title><link>{base}/bai/1.html</link><description>Tóm tắt</description></item>\
    </channel></rss>";

fn site(with_feed_link: bool) -> RawServer {
    RawServer::start(move |r: &Request| {
        let head = if with_feed_link {
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"RSS\" href=\"/rss/tin.rss\">"
        } else {
            ""
        };
        match r.path.as_str() {
            "/tin-tuc" => Reply::ok("text/html; charset=utf-8", format!(
                "<!DOCTYPE html><html><head><title>Trang tin tỉnh</title>{head}</head><body>\
                 <h3><a href=\"/bai/1/khanh-thanh-cau-moi.html\">Khánh thành cầu mới qua sông</a></h3>\
                 <h3><a href=\"/bai/2/hoi-thi-phap-luat.html\">Hội thi tìm hiểu pháp luật</a></h3>\
                 </body></html>")),
            "/rss/tin.rss" => Reply::ok("application/rss+xml", FEED.replace("{base}", "http://127.0.0.1")),
            _ => Reply::status(404, &[]),
        }
    })
}

#[test]
fn sources_add_finds_the_feed_a_page_announces() {
    let server = site(true);
    let env = Env::new(&[], "");
    let out = env.run(&["sources", "add", &server.url("/tin-tuc")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("found a feed"), "{}", stdout(&out));
    let sources = sources_of(&env);
    assert_eq!(sources[0].name, "Tin tỉnh nhà");
    assert_eq!(sources[0].url, server.url("/rss/tin.rss"));
    assert_eq!(sources[0].kind, Some(SourceKind::Feed));
}

#[test]
fn sources_add_falls_back_to_an_html_listing() {
    let server = site(false);
    let env = Env::new(&[], "");
    let out = env.run(&[
        "sources",
        "add",
        &server.url("/tin-tuc"),
        "--name",
        "Tỉnh nhà",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 article links"), "{}", stdout(&out));
    let sources = sources_of(&env);
    assert_eq!(sources[0].name, "Tỉnh nhà");
    assert_eq!(sources[0].kind, Some(SourceKind::Html));
    assert_eq!(server.log.count("/rss/tin.rss"), 0, "no feed was guessed");
}

#[test]
fn sources_add_respects_offline_and_bad_urls() {
    let server = site(true);
    let env = Env::new(&[], "# mine\n");
    let out = env.run(&["--offline", "sources", "add", &server.url("/tin-tuc")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--offline"), "{}", stderr(&out));
    assert!(server.log.all().is_empty(), "no request went out");
    let out = env.run(&["sources", "add", "ftp://p.vn/rss"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ftp://p.vn/rss"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(env.config()).unwrap(), "# mine\n");
    assert!(
        !env.run(&["sources", "--json"]).stdout.is_empty(),
        "plain `sources` still works"
    );
}
