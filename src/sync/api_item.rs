//! One API item → a stored article: its fields cleaned like a feed's, an HTML body run
//! through the page extractor (the same text pipeline and structured body as pages), and the
//! API's own fields kept over anything guessed from text.

use super::feed::html_to_text;
use super::merge;
use super::pages::web_url;
use crate::extract;
use crate::model::{NewArticle, Selectors, Validators};
use crate::text::{sanitize, sanitize_body, sanitize_line};
use chrono::{DateTime, FixedOffset};
use url::Url;

/// An item's fields as an API gives them, before cleaning. Titles and summaries may hold
/// markup or entities (`&#8220;`); the URL may be relative to the API's.
#[derive(Debug, Default)]
pub(super) struct RawItem {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub summary: Option<String>,
    pub body: Option<Body>,
    pub related: Vec<(String, String)>,
}

#[derive(Debug)]
pub(super) enum Body {
    Html(String),
    Text(String),
}

/// The item as a stored article, every field sanitised; `None` without a usable URL.
pub(super) fn to_article(raw: RawItem, base: &Url) -> Option<NewArticle> {
    let url = web_url(base.join(raw.url?.trim()).ok()?.as_str())?;
    let line = |s: Option<String>| {
        s.map(|s| sanitize_line(&html_to_text(&s)))
            .filter(|s| !s.is_empty())
    };
    let related = raw
        .related
        .into_iter()
        .filter_map(|(t, u)| Some((line(Some(t))?, web_url(base.join(u.trim()).ok()?.as_str())?)))
        .collect();
    let item = NewArticle {
        guid: line(raw.id).unwrap_or_else(|| url.clone()),
        url,
        title: line(raw.title).unwrap_or_default(),
        author: line(raw.author),
        published: raw.published,
        category: line(raw.category),
        summary: line(raw.summary).unwrap_or_default(),
        related,
        ..NewArticle::default()
    };
    Some(match raw.body {
        None => item,
        Some(Body::Text(text)) => with_body(item, text_paragraphs(&text)),
        Some(Body::Html(html)) => with_html_body(item, &html, base),
    })
}

fn with_body(item: NewArticle, body: String) -> NewArticle {
    NewArticle {
        full_text: !body.is_empty(),
        body,
        ..item
    }
}

/// Plain text from an API: every line break ends a paragraph.
fn text_paragraphs(text: &str) -> String {
    sanitize_body(&sanitize(text).lines().collect::<Vec<_>>().join("\n\n"))
}

/// An HTML body through the page extractor, as if it were the page's article, so it gets the
/// same structured body (lead, captions, links) and the same cleaning; the API's own fields
/// win over what the extractor guesses from the text.
fn with_html_body(item: NewArticle, html: &str, base: &Url) -> NewArticle {
    let wrapped = format!("<!DOCTYPE html><html><body><article>{html}</article></body></html>");
    let page = extract::extract_with(&wrapped, base, &Selectors::default());
    let merged = merge(item.clone(), page, Validators::default());
    if !merged.full_text {
        // Too short for the extractor to call it an article: keep its text anyway.
        return with_body(item, sanitize_body(&html_to_text(html)));
    }
    api_first(&item, merged)
}

/// The API's fields over what a page or the extractor guessed: they are the site's own data.
pub(super) fn api_first(api: &NewArticle, merged: NewArticle) -> NewArticle {
    let or_merged = |own: &String, other: String| match own.is_empty() {
        true => other,
        false => own.clone(),
    };
    NewArticle {
        title: or_merged(&api.title, merged.title),
        summary: or_merged(&api.summary, merged.summary),
        author: api.author.clone().or(merged.author),
        published: api.published.or(merged.published),
        category: api.category.clone().or(merged.category),
        related: match api.related.is_empty() {
            true => merged.related,
            false => api.related.clone(),
        },
        ..merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_bodies_go_through_the_extractor_and_api_fields_win() {
        let base = Url::parse("https://p.vn/wp-json/wp/v2/posts").unwrap();
        let raw = RawItem {
            id: Some("7".into()),
            url: Some("/2024/05/le-hoi/".into()),
            title: Some("&#8220;Đảng ủy&#8221; <em>xã</em>\u{1b}[31m".into()),
            author: Some("Thu Hằng".into()),
            body: Some(Body::Html(
                "<p>Sáng nay, Đảng ủy xã tổ chức lễ hội truyền thống với sự tham gia của đông đảo nhân dân.</p>\
                 <p>Tác giả: Người khác</p><p>Buổi lễ diễn ra trang trọng, có nhiều hoạt động văn hóa, thể thao.</p>"
                    .into(),
            )),
            ..RawItem::default()
        };
        let a = to_article(raw, &base).unwrap();
        assert_eq!(a.url, "https://p.vn/2024/05/le-hoi/");
        assert_eq!(a.title, "“Đảng ủy” xã[31m");
        assert_eq!(a.author.as_deref(), Some("Thu Hằng"));
        assert!(a.full_text && a.body.contains("truyền thống"), "{a:?}");
        assert!(a.body.contains("\n\nBuổi lễ"), "{}", a.body);
    }

    #[test]
    fn text_bodies_keep_lines_and_items_without_url_are_dropped() {
        let base = Url::parse("https://p.vn/api").unwrap();
        let raw = RawItem {
            url: Some("https://p.vn/a/1".into()),
            body: Some(Body::Text("Dòng một.\r\nDòng hai.\n\n".into())),
            ..RawItem::default()
        };
        let a = to_article(raw, &base).unwrap();
        assert_eq!(a.body, "Dòng một.\n\nDòng hai.");
        assert_eq!(a.guid, "https://p.vn/a/1");
        assert!(to_article(RawItem::default(), &base).is_none());
        let js = RawItem {
            url: Some("javascript:alert(1)".into()),
            ..RawItem::default()
        };
        assert!(to_article(js, &base).is_none());
    }
}
