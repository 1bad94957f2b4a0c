//! The site's own list of related articles ("Bài viết khác:", "Tin liên
//! quan", …): a heading followed by blocks that are links. Collection stops
//! at the next heading, at a block of prose, or at the end of the box the
//! heading sits in. Links are resolved against the page URL and deduplicated.

use url::Url;

use super::blocks::{Block, Page};
use super::dates::find_date;
use super::norm::{clean, fold, is_box_heading, is_related_heading, trim_decor};
use super::Link;

/// The related links in page order and every block they (and their
/// headings) occupy, so the body can leave them out.
#[derive(Debug, Default, Clone)]
pub struct Related {
    pub links: Vec<Link>,
    pub blocks: Vec<usize>,
}

/// Headings that are also link texts of "read more" buttons: a heading
/// only when not a link itself.
const AMBIGUOUS: &[&str] = &["xem thêm", "đọc thêm", "read more", "related"];

const MAX_LINKS: usize = 60;

pub fn find(page: &Page, base: &Url) -> Related {
    let mut out = Related::default();
    let mut i = 0;
    while i < page.blocks.len() {
        if !is_heading(&page.blocks[i]) {
            i += 1;
            continue;
        }
        let (links, used) = collect(page, i, base);
        if links.is_empty() {
            i += 1;
            continue;
        }
        out.blocks.push(i);
        out.blocks.extend(&used);
        for l in links {
            if out.links.len() < MAX_LINKS && !out.links.iter().any(|o| o.url == l.url) {
                out.links.push(l);
            }
        }
        i = used.last().map_or(i, |&j| j) + 1;
    }
    out
}

fn is_heading(b: &Block) -> bool {
    if b.chars > 40 || !is_related_heading(&b.text) {
        return false;
    }
    let label = trim_decor(&b.text).to_lowercase();
    !(b.link_chars > 0 && AMBIGUOUS.contains(&label.as_str()))
}

/// Links after heading `h`, and the blocks they came from.
fn collect(page: &Page, h: usize, base: &Url) -> (Vec<Link>, Vec<usize>) {
    let mut links = Vec::new();
    let mut used = Vec::new();
    for j in h + 1..box_end(page, h) {
        let b = &page.blocks[j];
        let prose = b.chars - b.link_chars;
        if (b.heading > 0 && !b.is_linky())
            || is_related_heading(&b.text)
            || is_box_heading(&fold(&b.text))
        {
            break;
        }
        if b.link_chars > 0 && prose <= 30.max(b.chars * 2 / 5) {
            links.extend(links_of(b, base));
            used.push(j);
        } else if b.link_chars == 0 && b.chars <= 30 && is_decoration(&b.text) {
            used.push(j);
        } else {
            break;
        }
    }
    // Trailing date/decoration blocks belong to the list only between links.
    while used.last().is_some_and(|&j| page.blocks[j].link_chars == 0) {
        used.pop();
    }
    (links, used)
}

/// A date or a bare symbol printed beside a list item.
fn is_decoration(text: &str) -> bool {
    find_date(text).is_some() || !text.chars().any(char::is_alphabetic)
}

/// End of the smallest element around the heading that holds more blocks.
fn box_end(page: &Page, h: usize) -> usize {
    page.ancestors(page.blocks[h].elem)
        .map(|e| page.elems[e].end)
        .find(|&end| end > h + 1)
        .unwrap_or(h + 1)
}

fn links_of(b: &Block, base: &Url) -> Vec<Link> {
    b.pieces
        .iter()
        .filter_map(|p| {
            let title = clean(&p.text);
            let title =
                title.trim_start_matches(|c: char| c.is_whitespace() || "»›>•·-–*".contains(c));
            let url = resolve(p.href.as_deref()?, base)?;
            (!title.is_empty()).then(|| Link {
                title: title.trim().to_string(),
                url,
            })
        })
        .collect()
}

/// Absolute http(s) URL without fragment, or None for script/mail/anchors.
pub fn resolve(href: &str, base: &Url) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") {
        return None;
    }
    let mut url = base.join(href).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::*;
    use scraper::Html;

    fn related(html: &str) -> Vec<(String, String)> {
        let base = Url::parse("https://tinh.example.vn/tin/bai-1.html").unwrap();
        let page = flatten(&Html::parse_document(html));
        find(&page, &base)
            .links
            .into_iter()
            .map(|l| (l.title, l.url))
            .collect()
    }

    #[test]
    fn heading_then_list_until_prose() {
        let html = "<div><b>Tin liên quan:</b><ul>\
            <li><a href='bai-2.html'>Mở lớp học bơi cho trẻ</a> (12/06/2024)</li>\
            <li><a href='/tin/bai-3.html#top'>Sửa đường liên xã</a></li>\
            <li><a href='javascript:void(0)'>In</a></li>\
            <li><a href='bai-2.html'>Mở lớp học bơi cho trẻ</a></li></ul>\
            <p>Một đoạn văn dài không phải là danh sách liên kết của trang web này.</p>\
            <a href='/khac'>Không lấy</a></div>";
        let r = related(html);
        assert_eq!(
            r,
            [
                (
                    "Mở lớp học bơi cho trẻ".into(),
                    "https://tinh.example.vn/tin/bai-2.html".into()
                ),
                (
                    "Sửa đường liên xã".into(),
                    "https://tinh.example.vn/tin/bai-3.html".into()
                ),
            ]
        );
    }

    #[test]
    fn read_more_link_is_not_a_heading() {
        let html = "<p><a href='/a'>Xem thêm</a></p><p><a href='/b'>Bài B</a></p>";
        assert!(related(html).is_empty());
    }

    #[test]
    fn stops_at_next_box_heading() {
        let html = "<h3>Các tin khác</h3><p><a href=/x>Tin X</a></p><h3>Tin xem nhiều</h3><p><a href=/y>Tin Y</a></p>";
        assert_eq!(related(html).len(), 1);
    }
}
