//! Feed bytes (RSS 2.0, Atom, JSON Feed) → articles as the feed describes them.

use crate::model::{vietnam_offset, NewArticle};
use crate::text::{sanitize_body, sanitize_line};

#[derive(Debug, thiserror::Error)]
#[error("not a feed the parser understands: {0}")]
pub struct FeedError(String);

/// Parses a feed fetched from `feed_url`. Relative links resolve against it, and entries
/// without an id get a stable one (from their link), never a random one. A feed that strict
/// XML rejects (bare `&`, HTML entities) is repaired and parsed once more.
pub fn parse(text: &str, feed_url: &str) -> Result<Vec<NewArticle>, FeedError> {
    Ok(parse_titled(text, feed_url)?.1)
}

/// [`parse`], with the feed's own title (sanitised) when it has one.
pub fn parse_titled(
    text: &str,
    feed_url: &str,
) -> Result<(Option<String>, Vec<NewArticle>), FeedError> {
    // The text is already decoded: a declaration naming another charset must not re-decode it.
    let text = utf8_declaration(text);
    let feed = match parse_strict(&text, feed_url) {
        Ok(feed) => feed,
        Err(first) => parse_strict(&repair_xml(&text), feed_url).map_err(|_| first)?,
    };
    let title = feed
        .title
        .map(|t| sanitize_line(&html_to_text(&t.content)))
        .filter(|t| !t.is_empty());
    Ok((
        title,
        feed.entries.into_iter().filter_map(to_article).collect(),
    ))
}

fn parse_strict(text: &str, feed_url: &str) -> Result<feed_rs::model::Feed, FeedError> {
    feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .timestamp_parser(parse_feed_date)
        .build()
        .parse(text.as_bytes())
        .map_err(|e| FeedError(first_line(&e.to_string())))
}

/// Feed dates: RFC 2822/3339 as usual, plus the Vietnamese forms feed-rs drops silently
/// (`15/01/2021 - 8:41:57 AM`, zone-less times, `ICT`), read as Vietnam time.
fn parse_feed_date(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let s = s
        .trim()
        .replace(" GMT+7", " +0700")
        .replace(" ICT", " +0700");
    let s = s.replace(" GMT", " +0000").replace(" UTC", " +0000");
    // Feeds often carry a wrong weekday, which strict RFC 2822 rejects: drop it and retry.
    let without_weekday = s.split_once(", ").map_or(s.as_str(), |(_, rest)| rest);
    // Zoned forms first, so a zone-less reading (+07:00) never wins over a written zone.
    chrono::DateTime::parse_from_rfc3339(&s)
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(&s))
        .or_else(|_| chrono::DateTime::parse_from_str(without_weekday, "%d %b %Y %H:%M:%S %z"))
        .ok()
        .or_else(|| crate::extract::parse_date(&s))
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// Rewrites an XML declaration's encoding to UTF-8 (the text was decoded already).
fn utf8_declaration(text: &str) -> std::borrow::Cow<'_, str> {
    let head_end = text
        .find("?>")
        .filter(|&i| i < 200 && text.trim_start().starts_with("<?xml"));
    match head_end {
        Some(end) => {
            let decl = &text[..end];
            match decl.find("encoding=") {
                Some(at) => {
                    let rest = &decl[at + 9..];
                    let quote = rest.chars().next().unwrap_or('"');
                    let len = rest[1..].find(quote).map_or(0, |l| l + 2);
                    let fixed =
                        format!("{}encoding=\"utf-8\"{}", &decl[..at], &text[at + 9 + len..]);
                    std::borrow::Cow::Owned(fixed)
                }
                None => std::borrow::Cow::Borrowed(text),
            }
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Escapes bare `&` and turns HTML named entities (which XML does not know) into characters.
fn repair_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len() - 1);
        let entity = &rest[1..1 + name_len];
        let closed = rest[1 + name_len..].starts_with(';');
        match (closed, entity) {
            (true, "amp" | "lt" | "gt" | "quot" | "apos") => out.push_str(&rest[..name_len + 2]),
            (true, e) if e.starts_with('#') => out.push_str(&rest[..name_len + 2]),
            (true, e) => match html_entity(e) {
                Some(c) => out.push_str(&format!("&#{};", c as u32)),
                None => out.push_str(&format!("&amp;{e};")),
            },
            (false, _) => {
                out.push_str("&amp;");
                rest = &rest[1..];
                continue;
            }
        }
        rest = &rest[name_len + 2..];
    }
    out.push_str(rest);
    out
}

/// The HTML named entity `name` as a character, by asking the HTML parser.
fn html_entity(name: &str) -> Option<char> {
    if name.is_empty() || name.len() > 32 {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(&format!("&{name};"));
    let text: String = fragment.root_element().text().collect();
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if text != format!("&{name};") => Some(c),
        _ => None,
    }
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
        page_validators: Default::default(),
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
    fn broken_feeds_are_repaired_once() {
        let broken = r#"<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><title>A & B</title>
<item><title>Mưa &amp; nắng &nbsp;&ndash; Tết &hellip;</title><link>https://p.vn/1?a=1&b=2</link>
<pubDate>15/01/2021 - 8:41:57 AM</pubDate></item>
<item><title>Giờ ICT</title><link>https://p.vn/2</link><pubDate>Fri, 15 Jan 2021 08:41:57 ICT</pubDate></item>
</channel></rss>"#;
        let items = parse(broken, "https://p.vn/rss").unwrap();
        assert_eq!(items[0].title, "Mưa & nắng – Tết …");
        assert_eq!(items[0].url, "https://p.vn/1?a=1&b=2");
        assert_eq!(
            items[0].published.unwrap().to_rfc3339(),
            "2021-01-15T08:41:57+07:00"
        );
        assert_eq!(
            items[1].published.unwrap().to_rfc3339(),
            "2021-01-15T08:41:57+07:00"
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(parse("<html><body>not a feed", "https://p.vn/").is_err());
    }
}
