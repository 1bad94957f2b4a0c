//! Feed bytes (RSS 2.0, Atom, JSON Feed) → articles as the feed describes them.

use crate::model::{vietnam_offset, NewArticle};
use crate::text::{sanitize_body, sanitize_line};

#[derive(Debug, thiserror::Error)]
#[error("not a feed the parser understands: {0}")]
pub struct FeedError(String);

/// Parses a feed fetched from `feed_url`. Relative links resolve against it, and entries
/// without an id get a stable one (from their link), never a random one.
pub fn parse(text: &str, feed_url: &str) -> Result<Vec<NewArticle>, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .build();
    let feed = parser
        .parse(text.as_bytes())
        .map_err(|e| FeedError(first_line(&e.to_string())))?;
    Ok(feed.entries.into_iter().filter_map(to_article).collect())
}

fn to_article(entry: feed_rs::model::Entry) -> Option<NewArticle> {
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())?;
    let title = entry
        .title
        .map(|t| sanitize_line(&html_to_text(&t.content)))
        .unwrap_or_default();
    let summary = entry
        .summary
        .map(|s| sanitize_line(&html_to_text(&s.content)))
        .unwrap_or_default();
    let content = entry
        .content
        .and_then(|c| c.body)
        .map(|b| sanitize_body(&html_to_text(&b)))
        .unwrap_or_default();
    let author = entry
        .authors
        .first()
        .and_then(|a| a.name.as_deref().map(sanitize_line))
        .filter(|a| !a.is_empty());
    let published = entry
        .published
        .or(entry.updated)
        .map(|t| t.with_timezone(&vietnam_offset()));
    let category = entry
        .categories
        .first()
        .map(|c| sanitize_line(c.label.as_deref().unwrap_or(&c.term)))
        .filter(|c| !c.is_empty());
    let guid = if entry.id.trim().is_empty() {
        url.clone()
    } else {
        entry.id.trim().to_string()
    };
    let body = if content.is_empty() {
        summary.clone()
    } else {
        content
    };
    Some(NewArticle {
        guid,
        url,
        title,
        author,
        published,
        views: None,
        category,
        summary,
        body,
        related: Vec::new(),
        full_text: false,
        doc: None,
    })
}

/// Text of an HTML fragment (feeds put markup in titles and descriptions), paragraphs kept.
pub fn html_to_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return fragment.to_string();
    }
    let html = scraper::Html::parse_fragment(fragment);
    let mut out = String::new();
    for node in html.root_element().descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if matches!(e.name(), "p" | "br" | "div" | "li") => {
                out.push_str("\n\n")
            }
            _ => {}
        }
    }
    out
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tin</title><link>https://p.vn/</link>
<item><title>Hội nghị &amp; tổng kết</title><link>/tin/1.html</link>
<description>&lt;p&gt;Tóm &lt;b&gt;tắt&lt;/b&gt;&lt;/p&gt;</description>
<pubDate>Thu, 15 Jan 2021 01:41:57 GMT</pubDate></item>
<item><title>Không có guid</title><link>https://p.vn/tin/2.html</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles_with_absolute_links() {
        let items = parse(RSS, "https://p.vn/rss/tin.rss").unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title, "Hội nghị & tổng kết");
        assert_eq!(items[0].url, "https://p.vn/tin/1.html");
        assert_eq!(items[0].summary, "Tóm tắt");
        assert_eq!(
            items[0].published.unwrap().to_rfc3339(),
            "2021-01-15T08:41:57+07:00"
        );
        let again = parse(RSS, "https://p.vn/rss/tin.rss").unwrap();
        assert_eq!(
            items[1].guid, again[1].guid,
            "ids must be stable across parses"
        );
    }

    #[test]
    fn json_feed_and_atom_parse() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T",
            "items":[{"id":"a1","url":"https://p.vn/a1","title":"Nhãn lồng","content_text":"Thân bài"}]}"#;
        let items = parse(json, "https://p.vn/feed.json").unwrap();
        assert_eq!(items[0].title, "Nhãn lồng");
        assert_eq!(items[0].body, "Thân bài");
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>x</id><updated>2021-01-15T08:41:57+07:00</updated>
            <entry><id>e1</id><title>Phố Hiến</title><link href="https://p.vn/e1"/><updated>2021-01-15T08:41:57+07:00</updated></entry></feed>"#;
        let items = parse(atom, "https://p.vn/atom").unwrap();
        assert_eq!(items[0].guid, "e1");
        assert_eq!(items[0].url, "https://p.vn/e1");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(parse("<html><body>not a feed", "https://p.vn/").is_err());
    }
}
