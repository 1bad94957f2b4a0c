//! `tintuc sources add`: telling a WordPress site by its REST API, announced in a page's
//! `<link rel="https://api.w.org/">` or answering at the site's `/wp-json/` root. The API is
//! preferred to the site's feeds: full text, authors and categories in fewer bytes.

use super::charset;
use super::discover::Discovery;
use super::http::{Fetched, Fetcher, Page};
use crate::extract::guard;
use crate::model::Validators;
use crate::text::sanitize_line;
use scraper::{Html, Selector};
use serde_json::Value;

/// The API root a page announces, absolute.
pub fn announced_api(html: &str, page_url: &str) -> Option<String> {
    let base = url::Url::parse(page_url).ok()?;
    let doc = Html::parse_document(guard::limit(html));
    let link = Selector::parse(r#"link[rel="https://api.w.org/"][href]"#).expect("valid selector");
    let href = doc.select(&link).next()?.value().attr("href")?;
    let api = base.join(href.trim()).ok()?;
    matches!(api.scheme(), "http" | "https").then(|| api.to_string())
}

/// `/wp-json/` at the root of the page's site.
pub fn root_of_site(page_url: &str) -> Option<String> {
    let url = url::Url::parse(page_url).ok()?;
    matches!(url.scheme(), "http" | "https")
        .then(|| url.join("/wp-json/").ok())?
        .map(|u| u.to_string())
}

/// The WordPress API at `root`, if it answers like one.
pub fn api_at(fetcher: &Fetcher, root: &str) -> Option<Discovery> {
    match fetcher.fetch(root, &Validators::default()) {
        Ok(Fetched::Body(page)) => api_root(&page),
        _ => None,
    }
}

/// A fetched page that is a WordPress API root: JSON naming the `wp/v2` namespace.
pub fn api_root(page: &Page) -> Option<Discovery> {
    let text = charset::decode(&page.bytes, page.content_type.as_deref());
    let root: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let namespaces = root.get("namespaces")?.as_array()?;
    if !namespaces.iter().any(|n| n == "wp/v2") {
        return None;
    }
    let title = root
        .get("name")
        .and_then(Value::as_str)
        .map(|n| sanitize_line(&super::feed::html_to_text(n)))
        .filter(|n| !n.is_empty());
    Some(Discovery::WordPress {
        url: page.url.clone(),
        title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_link_and_the_site_root() {
        let page = r#"<html><head><link rel="https://api.w.org/" href="/wp-json/"></head></html>"#;
        assert_eq!(
            announced_api(page, "https://p.vn/tin/bai-1/").as_deref(),
            Some("https://p.vn/wp-json/")
        );
        assert_eq!(announced_api("<html></html>", "https://p.vn/"), None);
        assert_eq!(
            root_of_site("https://p.vn/tin/bai-1/?a=1").as_deref(),
            Some("https://p.vn/wp-json/")
        );
        assert_eq!(root_of_site("file:///tmp/a.html"), None);
    }

    #[test]
    fn only_a_wp_v2_root_counts() {
        let page = |body: &str| Page {
            url: "https://p.vn/wp-json/".into(),
            bytes: body.as_bytes().to_vec(),
            content_type: Some("application/json".into()),
            validators: Validators::default(),
        };
        let wp = api_root(&page(
            r#"{"name":"Báo &amp; Đài","namespaces":["oembed/1.0","wp/v2"]}"#,
        ));
        assert_eq!(
            wp,
            Some(Discovery::WordPress {
                url: "https://p.vn/wp-json/".into(),
                title: Some("Báo & Đài".into())
            })
        );
        assert_eq!(api_root(&page(r#"{"namespaces":["other/v1"]}"#)), None);
        assert_eq!(api_root(&page("<html>")), None);
    }
}
