//! HTML listing pages as sources: the article links are the largest group of same-shaped links
//! outside the site's menus, and the next page is `rel=next` or a "Trang sau"-style link.

use crate::extract::guard;
use crate::model::{NewArticle, Selectors};
use crate::text::sanitize_line;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;
use url::Url;

/// What one listing page gives.
#[derive(Debug, Default)]
pub struct Listing {
    pub items: Vec<NewArticle>,
    pub next: Option<String>,
}

/// Texts of links that lead to the next page of a listing.
const NEXT_TEXTS: &[&str] = &[
    "trang sau",
    "trang tiếp",
    "trang kế",
    "tiếp",
    "sau",
    "»",
    "›",
    ">",
    ">>",
    "next",
    "next page",
    "older posts",
];
/// Class/id words of regions whose links are never articles.
const CHROME_WORDS: &[&str] = &[
    "menu",
    "nav",
    "footer",
    "breadcrumb",
    "pagination",
    "paging",
    "sidebar",
    "topbar",
];

/// True when `text` is an HTML document rather than a feed.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<!doctype html") || head.contains("<html")
}

/// The generic reading of a listing page (no selectors).
pub fn parse(text: &str, page_url: &str) -> Listing {
    parse_with(text, page_url, &Selectors::default())
}

/// A listing page read with the source's `links` / `next` selectors where it has them (the
/// selectors were checked when the config was loaded), generic guesses elsewhere.
pub fn parse_with(text: &str, page_url: &str, selectors: &Selectors) -> Listing {
    let Ok(base) = Url::parse(page_url) else {
        return Listing::default();
    };
    let doc = Html::parse_document(guard::limit(text));
    let links = match selectors
        .links
        .as_deref()
        .and_then(|s| Selector::parse(s).ok())
    {
        Some(sel) => selected_links(&doc, &base, &sel),
        None => {
            let links = candidate_links(&doc, &base);
            let best = best_shape(&links);
            links
                .into_iter()
                .filter(|l| Some(&l.shape) == best.as_ref())
                .collect()
        }
    };
    let items = links
        .into_iter()
        .map(|l| NewArticle {
            guid: l.url.clone(),
            url: l.url,
            title: l.text,
            ..NewArticle::default()
        })
        .collect();
    let next = match selectors
        .next
        .as_deref()
        .and_then(|s| Selector::parse(s).ok())
    {
        Some(sel) => doc
            .select(&sel)
            .find_map(|e| e.value().attr("href"))
            .and_then(|h| resolve_next(&base, h)),
        None => next_page(&doc, &base),
    };
    Listing { items, next }
}

/// The anchors a `links` selector picks (or the anchors inside what it picks), in page order.
fn selected_links(doc: &Html, base: &Url, sel: &Selector) -> Vec<Candidate> {
    let anchors = Selector::parse("a[href]").expect("valid selector");
    doc.select(sel)
        .flat_map(|e| {
            if e.value().name() == "a" {
                vec![e]
            } else {
                e.select(&anchors).collect()
            }
        })
        .filter_map(|a| {
            let url = base.join(a.value().attr("href")?.trim()).ok()?;
            let text = sanitize_line(&a.text().collect::<String>());
            let usable = matches!(url.scheme(), "http" | "https" | "file") && !text.is_empty();
            usable.then(|| Candidate {
                shape: String::new(),
                url: without_fragment(url),
                text,
            })
        })
        .collect()
}

/// Keeps the first occurrence of each URL, with the longest title seen for it
/// (a photo link and a title link often point to the same article).
pub fn dedupe(items: Vec<NewArticle>) -> Vec<NewArticle> {
    let mut out: Vec<NewArticle> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for item in items {
        match index.get(&item.url) {
            Some(&i) if out[i].title.chars().count() < item.title.chars().count() => {
                out[i].title = item.title
            }
            Some(_) => {}
            None => {
                index.insert(item.url.clone(), out.len());
                out.push(item);
            }
        }
    }
    out
}

struct Candidate {
    url: String,
    text: String,
    shape: String,
}

fn candidate_links(doc: &Html, base: &Url) -> Vec<Candidate> {
    let anchors = Selector::parse("a[href]").expect("valid selector");
    doc.select(&anchors)
        .filter(|a| !in_chrome(a))
        .filter_map(|a| {
            let url = base.join(a.value().attr("href")?.trim()).ok()?;
            let same_site = url.host_str() == base.host_str() && url.scheme() == base.scheme();
            let text = sanitize_line(&a.text().collect::<String>());
            let text = if text.is_empty() {
                sanitize_line(a.value().attr("title").unwrap_or(""))
            } else {
                text
            };
            let is_title = text.split_whitespace().count() >= 3 || text.chars().count() >= 15;
            (same_site && is_title && url.as_str() != base.as_str()).then(|| Candidate {
                shape: shape(&url),
                url: without_fragment(url),
                text,
            })
        })
        .collect()
}

fn without_fragment(mut url: Url) -> String {
    url.set_fragment(None);
    url.to_string()
}

/// True inside nav/header/footer/aside or a region named like a menu.
fn in_chrome(a: &ElementRef) -> bool {
    a.ancestors().filter_map(ElementRef::wrap).any(|e| {
        let v = e.value();
        if matches!(v.name(), "nav" | "header" | "footer" | "aside") {
            return true;
        }
        let names = format!(
            "{} {}",
            v.attr("class").unwrap_or(""),
            v.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        CHROME_WORDS.iter().any(|w| names.contains(w))
    })
}

/// The shape of an article URL: numbers and the final slug generalised, the rest kept,
/// so `/tin-tuc/chi-tiet/1023/hoi-thao.html` and `/tin-tuc/chi-tiet/1024/nong-dan.html` match.
fn shape(url: &Url) -> String {
    let segments: Vec<&str> = url.path_segments().map(|s| s.collect()).unwrap_or_default();
    let last = segments.len().saturating_sub(1);
    let mut out: Vec<String> = segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == last {
                s.rsplit_once('.')
                    .map_or("*".to_string(), |(_, ext)| format!("*.{ext}"))
            } else if s.chars().all(|c| c.is_ascii_digit()) {
                "#".into()
            } else {
                s.to_string()
            }
        })
        .collect();
    let mut keys: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    keys.sort();
    out.push(keys.join("&"));
    out.join("/")
}

/// The shape with the most distinct URLs; ties go to longer link texts (titles, not tags).
fn best_shape(links: &[Candidate]) -> Option<String> {
    let mut groups: HashMap<&str, (std::collections::HashSet<&str>, usize)> = HashMap::new();
    for l in links {
        let g = groups.entry(&l.shape).or_default();
        g.0.insert(&l.url);
        g.1 += l.text.chars().count();
    }
    groups
        .into_iter()
        .max_by_key(|(shape, (urls, chars))| {
            (urls.len(), *chars, std::cmp::Reverse(shape.to_string()))
        })
        .map(|(shape, _)| shape.to_string())
}

fn next_page(doc: &Html, base: &Url) -> Option<String> {
    let rel = Selector::parse("link[rel~=next][href], a[rel~=next][href]").expect("valid selector");
    let anchors = Selector::parse("a[href]").expect("valid selector");
    let by_rel = doc.select(&rel).next();
    let by_text = || {
        doc.select(&anchors).find(|a| {
            let text = sanitize_line(&a.text().collect::<String>()).to_lowercase();
            NEXT_TEXTS.contains(&text.as_str())
        })
    };
    let href = by_rel.or_else(by_text)?.value().attr("href")?;
    resolve_next(base, href)
}

/// The next page's absolute URL, unless it is this page again or not a web/file URL.
fn resolve_next(base: &Url, href: &str) -> Option<String> {
    let next = base.join(href.trim()).ok()?;
    (next.as_str() != base.as_str() && matches!(next.scheme(), "http" | "https" | "file"))
        .then(|| next.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><body>
<nav><a href="/gioi-thieu/lich-su-hinh-thanh-va-phat-trien.html">Lịch sử hình thành và phát triển</a></nav>
<div class="list">
  <a href="/tin-tuc/chi-tiet/11/hoi-nghi-tong-ket.html"><img src="a.jpg"></a>
  <h3><a href="/tin-tuc/chi-tiet/11/hoi-nghi-tong-ket.html">Hội nghị tổng kết công tác năm</a></h3>
  <h3><a href="/tin-tuc/chi-tiet/12/mua-nhan-long.html">Mùa nhãn lồng bội thu ở Phố Hiến</a></h3>
  <h3><a href="/tin-tuc/chi-tiet/13/tap-huan.html#binh-luan">Tập huấn chuyển đổi số cho cán bộ xã</a></h3>
  <a href="/chuyen-muc/van-hoa.html">Văn hóa</a>
</div>
<div class="paging"><a href="?page=1">1</a><a href="?page=2">Trang sau</a></div>
<div class="footer"><a href="/lien-he/thong-tin-lien-he-ban-bien-tap.html">Thông tin liên hệ ban biên tập</a></div>
</body></html>"#;

    #[test]
    fn takes_the_largest_group_of_same_shaped_links_in_order() {
        let found = parse(PAGE, "https://p.vn/tin-tuc/index.html");
        let items = dedupe(found.items);
        let urls: Vec<&str> = items.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://p.vn/tin-tuc/chi-tiet/11/hoi-nghi-tong-ket.html",
                "https://p.vn/tin-tuc/chi-tiet/12/mua-nhan-long.html",
                "https://p.vn/tin-tuc/chi-tiet/13/tap-huan.html",
            ]
        );
        assert_eq!(items[0].title, "Hội nghị tổng kết công tác năm");
        assert_eq!(items[2].guid, items[2].url);
    }

    #[test]
    fn follows_trang_sau_and_rel_next() {
        let found = parse(PAGE, "https://p.vn/tin-tuc/index.html");
        assert_eq!(
            found.next.as_deref(),
            Some("https://p.vn/tin-tuc/index.html?page=2")
        );
        let rel = r#"<html><head><link rel="next" href="/p/3"></head><body></body></html>"#;
        assert_eq!(
            parse(rel, "https://p.vn/p/2").next.as_deref(),
            Some("https://p.vn/p/3")
        );
        assert_eq!(
            parse("<html><body>trống</body></html>", "https://p.vn/").next,
            None
        );
    }

    #[test]
    fn links_and_next_selectors_replace_the_guesses() {
        let selectors = Selectors {
            links: Some("div.footer".into()),
            next: Some("div.paging a:first-child".into()),
            ..Selectors::default()
        };
        let found = parse_with(PAGE, "https://p.vn/tin-tuc/index.html", &selectors);
        let urls: Vec<&str> = found.items.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://p.vn/lien-he/thong-tin-lien-he-ban-bien-tap.html"]
        );
        assert_eq!(
            found.next.as_deref(),
            Some("https://p.vn/tin-tuc/index.html?page=1")
        );
    }

    #[test]
    fn detects_html_but_not_feeds() {
        assert!(looks_like_html("\n<!DOCTYPE HTML><html>"));
        assert!(!looks_like_html("<?xml version=\"1.0\"?><rss>"));
    }
}
