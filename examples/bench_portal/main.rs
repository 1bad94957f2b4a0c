//! The benchmark's synthetic portal: `--feeds N --items M` RSS feeds of M items each, and an
//! article page for every item, all made from fixed seeds (the same portal on every run),
//! served on 127.0.0.1 by `tintuc::demo::server`.
//!
//! It prints its base URL on the first line of stdout and serves until killed. Feeds are at
//! `{base}/f{N}/rss.xml`, pages at `{base}/f{N}/a{I}.html`. Commands on stdin: `stats` prints
//! `{"requests":R,"bytes":B,"not_modified":M}` (body bytes sent since the last `reset`), `reset`
//! zeroes the counters. Used by `bench/run.sh`; not part of the tintuc command line.

mod text;

use chrono::{DateTime, Duration, FixedOffset};
use std::fmt::Write as _;
use std::io::BufRead;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use text::{esc, Rng};
use tintuc::demo::server::{Route, Server};

const CATEGORIES: &[&str] = &[
    "Xây dựng Đảng",
    "Kinh tế - Xã hội",
    "Nông nghiệp - Nông thôn",
    "Văn hóa - Du lịch",
    "Quốc phòng - An ninh",
    "Giáo dục - Y tế",
];

/// One item's feed-level facts, derived from its feed and position alone.
struct Item {
    title: String,
    summary: String,
    category: &'static str,
    published: DateTime<FixedOffset>,
}

struct Portal {
    feeds: usize,
    items: usize,
    /// Every feed's XML, made once (the pages are made per request).
    rss: Vec<Vec<u8>>,
}

fn item(feeds: usize, feed: usize, i: usize) -> Item {
    let mut rng = Rng::new((feed as u64) << 32 | i as u64);
    let newest = DateTime::parse_from_rfc3339("2026-11-01T08:00:00+07:00").expect("fixed date");
    // Newest first in every feed; feeds interleave in time like real portals.
    let published = newest - Duration::minutes(7 * (i * feeds + feed) as i64);
    let (title_words, summary_words) = (7 + rng.below(6), 40 + rng.below(20));
    Item {
        title: rng.title(title_words),
        summary: rng.paragraph(summary_words),
        category: CATEGORIES[rng.below(CATEGORIES.len())],
        published,
    }
}

fn rss(portal_feeds: usize, items: usize, feed: usize, base: &str) -> Vec<u8> {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Cổng thông tin số {feed}</title><link>{base}/f{feed}/</link>\
         <description>Tin tức tổng hợp</description>\n"
    );
    for i in 0..items {
        let it = item(portal_feeds, feed, i);
        let url = format!("{base}/f{feed}/a{i}.html");
        let _ = writeln!(
            out,
            "<item><title>{}</title><link>{url}</link><guid>{url}</guid><category>{}</category>\
             <description>{}</description><pubDate>{}</pubDate></item>",
            esc(&it.title),
            esc(it.category),
            esc(&it.summary),
            it.published.to_rfc2822()
        );
    }
    out.push_str("</channel></rss>\n");
    out.into_bytes()
}

/// An article page in the usual portal shape: menu, breadcrumb, meta line, title, lead,
/// body, signature, "Bài viết khác", footer.
fn page(p: &Portal, feed: usize, i: usize) -> String {
    let it = item(p.feeds, feed, i);
    let mut rng = Rng::new(0xA5A5 ^ ((feed as u64) << 32 | i as u64));
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{0}</title></head>\
         <body><ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/\">Tin tức</a></li>\
         <li><a href=\"/\">Văn bản</a></li><li><a href=\"/\">Liên hệ</a></li></ul>\
         <div class=\"main\"><div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> » <a href=\"/\">{1}</a></div>\
         <div class=\"meta\">Đăng ngày: {2} | Lượt xem: {3}</div><h1>{0}</h1><div class=\"detail\">\
         <p><strong>{4}</strong></p>",
        esc(&it.title),
        esc(it.category),
        it.published.format("%d/%m/%Y - %-I:%M:%S %p"),
        100 + rng.below(5000),
        esc(&it.summary)
    );
    for _ in 0..6 {
        let words = 55 + rng.below(20);
        let _ = write!(out, "<p>{}</p>", esc(&rng.paragraph(words)));
    }
    out.push_str("<p style=\"text-align:right\"><strong>Phóng viên</strong></p></div>");
    out.push_str("<div class=\"other\"><p><b>Bài viết khác:</b></p><ul>");
    for r in (i + 1..p.items).take(3) {
        let other = item(p.feeds, feed, r);
        let _ = write!(
            out,
            "<li><a href=\"/f{feed}/a{r}.html\">{}</a></li>",
            esc(&other.title)
        );
    }
    out.push_str(
        "</ul></div></div><div class=\"footer\"><p>Cơ quan chủ quản: Ban biên tập</p>\
        <p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div></body></html>",
    );
    out
}

/// `/f{feed}/rss.xml` or `/f{feed}/a{item}.html` → the page.
fn answer(p: &Portal, path: &str) -> Option<Route> {
    let rest = path.strip_prefix("/f")?;
    let (feed, file) = rest.split_once('/')?;
    let feed: usize = feed.parse().ok().filter(|f| *f < p.feeds)?;
    if file == "rss.xml" {
        return Some(Route::new(
            "application/rss+xml; charset=utf-8",
            p.rss[feed].clone(),
        ));
    }
    let i: usize = file
        .strip_prefix('a')?
        .strip_suffix(".html")?
        .parse()
        .ok()?;
    (i < p.items).then(|| Route::new("text/html; charset=utf-8", page(p, feed, i)))
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (feeds, items) = (arg(&args, "--feeds", 100), arg(&args, "--items", 1000));
    let server = Server::start_with(|base| {
        let rss = (0..feeds).map(|f| rss(feeds, items, f, base)).collect();
        let portal = Arc::new(Portal { feeds, items, rss });
        Box::new(move |path| answer(&portal, path))
    })?;
    println!("{}", server.base_url());
    let stats = server.stats();
    for line in std::io::stdin().lock().lines() {
        match line?.trim() {
            "stats" => println!(
                "{{\"requests\":{},\"bytes\":{},\"not_modified\":{}}}",
                stats.requests.load(Ordering::SeqCst),
                stats.body_bytes.load(Ordering::SeqCst),
                stats.not_modified.load(Ordering::SeqCst)
            ),
            "reset" => {
                stats.requests.store(0, Ordering::SeqCst);
                stats.body_bytes.store(0, Ordering::SeqCst);
                stats.not_modified.store(0, Ordering::SeqCst);
            }
            _ => {}
        }
    }
    // stdin closed (started in the background): keep serving until killed.
    loop {
        std::thread::park();
    }
}
