//! The bundle format on its own: round trip, and each way a file can be refused.

use super::*;
use crate::model::NewArticle;

fn article(url: &str) -> Archived {
    let article = NewArticle {
        guid: url.into(),
        url: url.into(),
        title: "Hội nghị tổng kết".into(),
        author: Some("Minh Anh".into()),
        published: chrono::DateTime::parse_from_rfc3339("2026-11-01T08:30:00+07:00").ok(),
        views: Some(12),
        category: Some("Tin tức » Chính trị".into()),
        summary: "Tóm tắt.".into(),
        body: "Đoạn một.\n\nĐoạn hai.".into(),
        related: vec![("Bài khác".into(), "https://p.vn/b/2".into())],
        full_text: true,
        page_validators: Default::default(),
        doc: None,
    };
    Archived {
        source: "Tuyên giáo".into(),
        article,
        read: true,
        starred: false,
        fetched_at: chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+07:00").unwrap(),
    }
}

fn bundle() -> Bundle {
    Bundle {
        sources: vec![("Tuyên giáo".into(), "https://p.vn/rss".into())],
        articles: vec![article("https://p.vn/b/1"), article("https://p.vn/b/3")],
    }
}

#[test]
fn round_trip_keeps_every_field() {
    let bytes = encode(&bundle()).unwrap();
    assert_eq!(decode(&bytes).unwrap(), bundle());
}

#[test]
fn every_cut_is_refused() {
    let bytes = encode(&bundle()).unwrap();
    for len in [
        0,
        5,
        MAGIC.len() + 3,
        HEAD_LEN,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        assert!(decode(&bytes[..len]).is_err(), "cut at {len} accepted");
    }
    let err = decode(&bytes[..bytes.len() - 1]).unwrap_err().to_string();
    assert!(err.starts_with("truncated"), "{err}");
}

#[test]
fn a_flipped_byte_fails_the_checksum() {
    let mut bytes = encode(&bundle()).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x20;
    assert!(matches!(decode(&bytes), Err(BundleError::Checksum)));
}

#[test]
fn a_newer_format_is_refused_by_name() {
    let mut bytes = encode(&bundle()).unwrap();
    bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&(FORMAT_VERSION + 1).to_be_bytes());
    let err = decode(&bytes).unwrap_err().to_string();
    assert!(
        err.contains("newer tintuc") && err.contains("upgrade"),
        "{err}"
    );
}

#[test]
fn other_files_are_not_bundles() {
    assert!(matches!(
        decode(b"<opml version=\"2.0\"/>"),
        Err(BundleError::NotABundle)
    ));
}

#[test]
fn text_in_a_bundle_is_sanitised() {
    let mut b = bundle();
    b.articles[0].article.title = "Tin\u{1b}[31m đỏ\u{202e}".into();
    let back = decode(&encode(&b).unwrap()).unwrap();
    assert_eq!(back.articles[0].article.title, "Tin[31m đỏ");
}
