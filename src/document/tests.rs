//! Documents as a reader of the printout sees them.

use super::*;
use crate::model::Related;

fn article() -> Article {
    let t = |s| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    Article {
        id: 42,
        source: "Tuyên giáo <Hưng Yên>".into(),
        url: "https://p.vn/bai/1.html?a=1&b=2".into(),
        title: "Hội nghị \"tổng kết\" <script>alert(1)</script>".into(),
        author: Some("Minh Anh".into()),
        published: Some(t("2026-11-01T08:30:00+07:00")),
        views: Some(120),
        category: None,
        summary: "Tóm tắt".into(),
        body: Some("Đoạn một có <b>thẻ</b> & ký hiệu.\n\nĐoạn hai.".into()),
        doc: None,
        related: vec![
            Related {
                title: "Bài khác".into(),
                url: "https://p.vn/bai/2.html".into(),
                id: Some(7),
                published: None,
            },
            Related {
                title: "Độc".into(),
                url: "javascript:alert(1)".into(),
                id: None,
                published: None,
            },
        ],
        read: false,
        starred: true,
        fetched_at: t("2026-11-02T09:05:00+07:00"),
    }
}

#[test]
fn every_format_opens_with_the_provenance() {
    for format in [DocFormat::Text, DocFormat::Markdown, DocFormat::Html] {
        let doc = render(&article(), format);
        let head: String = doc.chars().take(doc.find("Đoạn một").unwrap()).collect();
        for needle in [
            "Nguồn",
            "Hưng Yên",
            "https://p.vn/bai/1.html",
            "01/11/2026 08:30",
            "Lấy về lúc",
            "02/11/2026 09:05",
        ] {
            assert!(head.contains(needle), "{format:?} lacks {needle}:\n{head}");
        }
    }
}

#[test]
fn html_is_escaped_self_contained_and_printable() {
    let doc = render(&article(), DocFormat::Html);
    assert!(!doc.contains("<script"), "{doc}");
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(doc.contains("&lt;b&gt;thẻ&lt;/b&gt; &amp; ký hiệu"));
    assert!(doc.contains("href=\"https://p.vn/bai/1.html?a=1&amp;b=2\""));
    assert!(
        !doc.contains("javascript:alert"),
        "only web links become links"
    );
    assert!(doc.contains("@media print"));
    assert!(
        !doc.contains("src=") && !doc.contains("<link"),
        "nothing loaded from elsewhere"
    );
}

#[test]
fn markdown_keeps_titles_from_becoming_markup() {
    let doc = render(&article(), DocFormat::Markdown);
    assert!(
        doc.starts_with("# Hội nghị \"tổng kết\" \\<script\\>"),
        "{doc}"
    );
    assert!(doc.contains("- [Bài khác](https://p.vn/bai/2.html)"));
}

#[test]
fn file_names_are_plain_ascii() {
    assert_eq!(
        file_name(&article(), DocFormat::Html),
        "42-hoi-nghi-tong-ket-script-alert-1-script.html"
    );
    let mut a = article();
    a.title = "../../".into();
    assert_eq!(file_name(&a, DocFormat::Text), "42.txt");
}
