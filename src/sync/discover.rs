//! `tintuc sources add URL`: what kind of source a URL is. The URL itself may be a feed; a
//! page may name its feeds in `<link rel="alternate">`; else its article links make an HTML
//! listing source. New ways to read a site (a site API, say) become new [`Discovery`] variants.

use super::http::{Fetched, Fetcher, Page};
use super::{charset, feed, listing, wp_discover};
use crate::extract::guard;
use crate::model::Validators;
use crate::text::sanitize_line;
use scraper::{Html, Selector};

/// Feed types a page may announce.
const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
];
/// Feeds announced by one page that are tried, at most.
const MAX_CANDIDATES: usize = 4;

/// What a URL turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    /// A feed: the URL itself, or one the page links to.
    Feed {
        url: String,
        title: Option<String>,
        items: usize,
    },
    /// A WordPress REST API root (`kind = "wordpress"`).
    WordPress { url: String, title: Option<String> },
    /// No feed: a page whose article links tintuc reads as a listing (`kind = "html"`).
    Listing {
        url: String,
        title: Option<String>,
        links: usize,
    },
}

/// Fetches `url` (and the feeds it announces) and says what it is; `Err` names the URL and why.
pub fn discover(fetcher: &Fetcher, url: &str) -> Result<Discovery, String> {
    let page = fetch(fetcher, url)?;
    if let Some(api) = wp_discover::api_root(&page) {
        return Ok(api);
    }
    let text = charset::decode(&page.bytes, page.content_type.as_deref());
    if !listing::looks_like_html(&text) {
        return match feed::parse_titled(&text, &page.url) {
            Ok((title, items)) => Ok(feed_found(page.url, title, items.len())),
            Err(e) => Err(format!("{url}: neither a web page nor a feed ({e})")),
        };
    }
    let announced = wp_discover::announced_api(&text, &page.url);
    if let Some(api) = announced.and_then(|root| wp_discover::api_at(fetcher, &root)) {
        return Ok(with_page_title(api, &text));
    }
    for candidate in announced_feeds(&text, &page.url) {
        let Ok(found) = fetch(fetcher, &candidate) else {
            continue;
        };
        let text = charset::decode(&found.bytes, found.content_type.as_deref());
        if let Ok((title, items)) = feed::parse_titled(&text, &found.url) {
            return Ok(feed_found(found.url, title, items.len()));
        }
    }
    // A WordPress site that does not announce its API may still answer at /wp-json/.
    let root = wp_discover::root_of_site(&page.url);
    if let Some(api) = root.and_then(|root| wp_discover::api_at(fetcher, &root)) {
        return Ok(with_page_title(api, &text));
    }
    let links = listing::dedupe(listing::parse(&text, &page.url).items).len();
    if links == 0 {
        return Err(format!(
            "{url}: no feed announced and no article links found; give the address of a feed or of a page that lists articles"
        ));
    }
    Ok(Discovery::Listing {
        title: page_title(&text),
        url: page.url,
        links,
    })
}

/// The API's own site name, else the page's title.
fn with_page_title(found: Discovery, html: &str) -> Discovery {
    match found {
        Discovery::WordPress { url, title } => Discovery::WordPress {
            title: title.or_else(|| page_title(html)),
            url,
        },
        other => other,
    }
}

fn feed_found(url: String, title: Option<String>, items: usize) -> Discovery {
    Discovery::Feed { url, title, items }
}

fn fetch(fetcher: &Fetcher, url: &str) -> Result<Page, String> {
    match fetcher.fetch(url, &Validators::default()) {
        Ok(Fetched::Body(page)) => Ok(page),
        Ok(Fetched::NotModified) => Err(format!("{url}: unexpected 304 Not Modified")),
        Err(e) => Err(format!("{url}: {e}")),
    }
}

/// Absolute URLs of `<link rel="alternate">` feeds, in page order, http(s) or file only.
pub fn announced_feeds(html: &str, page_url: &str) -> Vec<String> {
    let Ok(base) = url::Url::parse(page_url) else {
        return Vec::new();
    };
    let doc = Html::parse_document(guard::limit(html));
    let links = Selector::parse("link[rel~=alternate][href][type]").expect("valid selector");
    doc.select(&links)
        .filter(|l| {
            let kind = l.value().attr("type").unwrap_or("");
            let kind = kind
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            FEED_TYPES.contains(&kind.as_str())
        })
        .filter_map(|l| base.join(l.value().attr("href")?.trim()).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https" | "file"))
        .map(|u| u.to_string())
        .take(MAX_CANDIDATES)
        .collect()
}

fn page_title(html: &str) -> Option<String> {
    let doc = Html::parse_document(guard::limit(html));
    let title = Selector::parse("title").expect("valid selector");
    doc.select(&title)
        .next()
        .map(|t| sanitize_line(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_announced_feeds_of_the_three_types_only() {
        let page = r#"<html><head>
          <link rel="stylesheet" type="text/css" href="/a.css">
          <link rel="alternate" type="application/rss+xml; charset=utf-8" href="/rss/tin.rss">
          <link rel="alternate" type="text/html" hreflang="en" href="/en/">
          <link rel="alternate" type="application/atom+xml" href="https://p.vn/atom">
          <link rel="alternate" type="application/feed+json" href="javascript:alert(1)">
        </head><body></body></html>"#;
        assert_eq!(
            announced_feeds(page, "https://p.vn/tin-tuc/"),
            ["https://p.vn/rss/tin.rss", "https://p.vn/atom"]
        );
    }
}
