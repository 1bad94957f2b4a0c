//! Teasers of other articles: a listing item made of a linked title and a
//! short summary (or one line that starts with the linked title). Their
//! summaries are prose, so without this a front-page grid or a "more
//! stories" rail under the article pulls the container up to a wrapper of
//! both. One such item can be a short article; a page that repeats the
//! pattern is a listing, and those summaries are furniture.

use std::collections::HashSet;

use url::Url;

use super::blocks::{Block, Page, Piece};
use super::content::{box_end, is_prose};
use super::dates::find_date;
use super::norm::is_related_heading;

/// How often the pattern must repeat before it is a listing.
const MIN_REPEATS: usize = 3;
/// An item (a listing entry) has at most this many blocks.
const ITEM_BLOCKS: usize = 6;
/// Longer text is an article paragraph, not a summary.
const TEASER_MAX: usize = 400;
/// A title link has at least this many words ("More", "Read on" do not).
const TITLE_WORDS: usize = 3;
/// Prose a rail under a related heading may hold, in summaries of at most
/// [`TEASER_MAX`] chars.
const RAIL_PROSE: usize = 3000;
/// A related heading is a short line.
const HEADING_MAX: usize = 40;

/// Blocks of teaser rails under a related heading ("Có thể bạn quan tâm",
/// "Tin liên quan" over linked titles with summaries). They are left out
/// like the related list itself, and weigh nothing in the container
/// choice: a rail inside a short story's wrapper must not push the
/// choice down to one paragraph.
pub fn rails(page: &Page) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < page.blocks.len() {
        let b = &page.blocks[i];
        let end = if b.chars <= HEADING_MAX && b.link_chars == 0 && is_related_heading(&b.text) {
            box_end(page, i, RAIL_PROSE, TEASER_MAX)
        } else {
            i + 1
        };
        if end > i + 1 {
            out.extend(i..end);
        }
        i = end;
    }
    out
}

/// Marks the teaser summaries of a page that repeats them, unless the
/// titles are numbered in order ("1. Bucatini", "2. Gricia") or most of
/// them link to other sites ("The Fen Dress by Fancy Tiger Crafts"): that
/// is a roundup article whose items link out, not a listing of the site's
/// other articles.
pub fn mark(page: &Page, base: &Url, furn: &mut [bool]) {
    let hits: Vec<(usize, &Piece)> = (0..page.blocks.len())
        .filter(|&i| !furn[i])
        .filter_map(|i| teaser_title(page, i).map(|t| (i, t)))
        .collect();
    let titles: Vec<&str> = hits.iter().map(|(_, t)| t.text.as_str()).collect();
    let own = base.host_str().map(site);
    let outward: Vec<String> = (hits.iter())
        .filter_map(|(_, t)| target_site(t, base))
        .filter(|s| Some(s) != own.as_ref())
        .collect();
    // A sister site's rail links to one other site; shops and sources are many.
    let sites: HashSet<&String> = outward.iter().collect();
    let links_out = outward.len() * 3 >= hits.len() * 2 && sites.len() >= MIN_REPEATS;
    if hits.len() >= MIN_REPEATS && !is_numbered_roundup(&titles) && !links_out {
        hits.into_iter().for_each(|(i, _)| furn[i] = true);
    }
}

/// The site a title links to (an http(s) link's [`site`]).
fn target_site(title: &Piece, base: &Url) -> Option<String> {
    let url = base.join(title.href.as_deref()?).ok()?;
    url.scheme().starts_with("http").then_some(())?;
    url.host_str().map(site)
}

/// A host without its subdomains: `news.yahoo.com` → `yahoo.com`, and
/// under a country's second level, `tinh.gov.vn` → `tinh.gov.vn`.
fn site(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let second_level = n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3;
    let keep = if second_level { 3 } else { 2 };
    labels[n.saturating_sub(keep)..].join(".")
}

/// Most titles open with a rising number (`1.`, `2)`, `#3`).
fn is_numbered_roundup(titles: &[&str]) -> bool {
    let numbers: Vec<u32> = titles.iter().filter_map(|t| leading_number(t)).collect();
    numbers.len() >= MIN_REPEATS
        && numbers.len() * 2 > titles.len()
        && numbers.windows(2).all(|w| w[0] < w[1])
}

fn leading_number(title: &str) -> Option<u32> {
    let t = title.trim_start().trim_start_matches('#');
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = t[digits..].chars().next()?;
    (digits > 0 && digits <= 3 && ".):".contains(after))
        .then(|| t[..digits].parse().ok())
        .flatten()
}

/// The title link of the teaser whose summary is block `i`, if it is one.
fn teaser_title(page: &Page, i: usize) -> Option<&Piece> {
    let b = &page.blocks[i];
    if !is_prose(b) || b.chars > TEASER_MAX {
        return None;
    }
    if let Some(first) = opening_title_link(b) {
        return Some(first);
    }
    // The smallest item around the summary that also holds a title link;
    // it must hold no other prose (an article section has more).
    for e in page.ancestors(b.elem) {
        let el = &page.elems[e];
        if el.end - el.start > ITEM_BLOCKS {
            return None;
        }
        if let Some(t) = page.blocks[el.start..i].iter().find(|x| is_title_link(x)) {
            let items = &page.blocks[el.start..el.end];
            let sole = items.iter().filter(|x| is_prose(x)).count() == 1;
            return sole
                .then(|| t.pieces.iter().find(|p| p.href.is_some()))
                .flatten();
        }
    }
    None
}

/// A block that is a link of a few words: another article's title. A
/// linked date is a forum post's permalink, not a title.
fn is_title_link(b: &Block) -> bool {
    b.is_linky() && is_title(&b.text)
}

fn is_title(text: &str) -> bool {
    // A number counts as a word ("Opening Bell 10.29.19"), but two of
    // the words must be more than numbers.
    let words = || text.split_whitespace();
    let alpha = words()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let all = words()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    all >= TITLE_WORDS && alpha >= 2 && find_date(text).is_none()
}

/// "Headline of another story Summary text …" in one block: the headline.
fn opening_title_link(b: &Block) -> Option<&Piece> {
    let first = b.pieces.iter().find(|p| !p.text.trim().is_empty())?;
    let ok = first.href.is_some()
        && first.text.split_whitespace().count() > TITLE_WORDS
        && is_title(&first.text);
    ok.then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::blocks::flatten;
    use super::*;
    use scraper::Html;

    fn marked(html: &str) -> Vec<String> {
        let page = flatten(&Html::parse_document(html));
        let mut furn = vec![false; page.blocks.len()];
        let base = Url::parse("https://bao.example.vn/tin/bai.html").unwrap();
        mark(&page, &base, &mut furn);
        let blocks = page.blocks.iter().zip(furn);
        blocks
            .filter(|(_, f)| *f)
            .map(|(b, _)| b.text.clone())
            .collect()
    }

    const SUM: &str = "Một đoạn tóm tắt ngắn của bài khác, viết cho trang chủ của báo.";

    fn item(n: usize) -> String {
        format!("<li><h3><a href=/b{n}>Tiêu đề của bài số {n}</a></h3><p>{SUM}</p></li>")
    }

    #[test]
    fn repeated_items_are_teasers() {
        let html = format!("<ul>{}{}{}</ul>", item(1), item(2), item(3));
        assert_eq!(marked(&html), [SUM, SUM, SUM]);
    }

    #[test]
    fn two_items_or_an_article_are_not() {
        let html = format!("<ul>{}{}</ul>", item(1), item(2));
        assert!(marked(&html).is_empty());
        let article =
            format!("<div><h1><a href=/a>Tiêu đề bài này</a></h1><p>{SUM}</p><p>{SUM}</p></div>");
        assert!(marked(&article.repeat(3)).is_empty());
    }

    #[test]
    fn a_numbered_roundup_is_the_article() {
        let dish = |n: usize| {
            format!("<div><h2><a href=/m{n}>{n}. Món ăn ngon số {n} của vùng quê</a></h2><p>{SUM}</p></div>")
        };
        let html: String = (1..=4).map(dish).collect();
        assert!(marked(&html).is_empty());
        // Numbers out of order are not a roundup's.
        let html: String = [3, 1, 2].into_iter().map(dish).collect();
        assert_eq!(marked(&html).len(), 3);
    }

    #[test]
    fn a_linked_date_is_not_a_title() {
        let post = format!("<div><a href=/p1>28. September 2018 um 10:15</a><p>{SUM}</p></div>");
        assert!(marked(&post.repeat(3)).is_empty());
    }

    #[test]
    fn a_numbered_issue_title_is_a_title_but_not_a_bare_number() {
        // "Bản tin 125": two words and the issue's number, as a daily
        // briefing titles its archive cards.
        let card =
            |title: &str| format!("<article><h2><a href=/b>{title}</a></h2><p>{SUM}</p></article>");
        let issues: String = (125..=127).map(|n| card(&format!("Bản tin {n}"))).collect();
        assert_eq!(marked(&issues), [SUM, SUM, SUM]);
        let bare: String = (125..=127).map(|n| card(&format!("Số {n} 2024"))).collect();
        assert!(marked(&bare).is_empty());
    }

    #[test]
    fn headline_and_summary_in_one_line() {
        let li = format!("<li><a href=/x>Tin nóng về mùa lúa năm nay</a> <span>{SUM}</span></li>");
        assert_eq!(marked(&li.repeat(3)).len(), 3);
    }

    #[test]
    fn items_linking_to_other_sites_are_the_article() {
        let shop = |n: usize, host: &str| {
            format!("<div><p><a href=https://{host}/mau-{n}>Mẫu áo dài số {n} của tiệm may</a><br>{SUM}</p></div>")
        };
        let shops = [
            "tiem-may.example.com",
            "ao-dai.example.net",
            "vai.example.org",
            "may-do.example.info",
        ];
        let out: String = (1..=4).map(|n| shop(n, shops[n - 1])).collect();
        assert!(marked(&out).is_empty());
        // A sister site's rail links out to one site only: still a listing.
        let sister: String = (1..=4).map(|n| shop(n, "tin.chi-em.example.org")).collect();
        assert_eq!(marked(&sister).len(), 4);
        // The site's own pages, on any of its subdomains, are its listing.
        let own: String = (1..=4)
            .map(|n| shop(n, "the-thao.bao.example.vn"))
            .collect();
        assert_eq!(marked(&own).len(), 4);
    }
}
