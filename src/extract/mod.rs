//! Generic article extraction: HTML page → title, metadata, plain-text body
//! and the site's related links. No network, no site-specific code.
//!
//! Map of the pipeline ([`extract`]):
//! - [`guard`]: size cap and nesting-depth cut before parsing (html5ever is
//!   quadratic in depth);
//! - `blocks`: the DOM flattened into text blocks with link/bold counts and
//!   inherited class hints, plus an arena of block elements and their ranges;
//! - `hints`: tag lists and class/id hints the walker uses;
//! - `head`: `<meta>`, `<title>`, JSON-LD (hand scan, no JSON parser);
//! - `meta`: visible meta lines (`Đăng ngày … | Lượt xem … | author`);
//! - `breadcrumb`, `related`: the category path and the related list;
//! - `content`: container scoring, body assembly, lead; `title`: the title;
//! - `teaser`: teaser summaries and rails under related headings; `boxes`:
//!   furniture boxes inside the container; `orphans`: headings whose section
//!   was dropped; `repeats`: repeated captions, bare URLs; `cta`: calls to
//!   action under the story; `credits`: photo credits and gallery controls;
//!   `roundup`: briefing items that open with a linked headline, and
//!   sentences around a long link;
//!   `notices`: post stamps, disclosures, comment-box and paywall prompts anywhere;
//!   `contacts`: a press office's contact card under the story;
//! - `dates`, `norm`: Vietnamese date forms, NFC/folding and word lists;
//! - `published`: which of the dates found is the publication date.
//!
//! Everything returned is NFC with collapsed whitespace.

mod author;
mod banner;
mod blocks;
mod boxes;
mod breadcrumb;
mod contacts;
mod content;
mod credits;
mod cta;
mod dateline;
mod dates;
pub mod doc;
pub mod guard;
mod head;
mod hints;
mod kicker;
mod meta;
mod months;
mod norm;
mod notices;
mod orphans;
mod parts;
mod preamble;
mod published;
mod related;
mod repeats;
mod roundup;
pub mod select;
mod series;
mod signature;
mod stamps;
mod streamed;
mod teaser;
mod title;
mod views;
mod walk;

use chrono::{DateTime, FixedOffset};
use scraper::Html;
use url::Url;

use crate::model::{BlockKind, Doc, Selectors};
pub use dates::parse_attr as parse_date;

/// A related article: its title and absolute URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// What one article page yields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub views: Option<u64>,
    /// Breadcrumb items after the home link, joined by " » ".
    pub category: Option<String>,
    /// The lead paragraph (or the meta description).
    pub summary: Option<String>,
    /// Plain text, paragraphs separated by one blank line.
    pub body: String,
    /// The site's related list, in page order, deduplicated by URL.
    pub related: Vec<Link>,
    /// The body for the reader: roles (lead, captions, signature …),
    /// tables as text, numbered links.
    pub doc: Doc,
}

impl Extracted {
    /// The texts of the blocks of one kind (captions, the lead …).
    pub fn texts(&self, kind: BlockKind) -> Vec<&str> {
        let blocks = self.doc.blocks.iter();
        blocks
            .filter(|b| b.kind == kind)
            .map(|b| b.text.as_str())
            .collect()
    }
}

/// Extracts the article from `html`; relative links resolve against `base`.
pub fn extract(html: &str, base: &Url) -> Extracted {
    extract_with(html, base, &Selectors::default())
}

/// Like [`extract`], with a source's selectors replacing the generic guess
/// for each field they name (title, body, meta, related).
pub fn extract_with(html: &str, base: &Url, selectors: &Selectors) -> Extracted {
    // NFC before parsing: every string cut from the tree is then composed.
    // Most pages already are, and the quick check is far cheaper than
    // recomposing the whole page (scripts and styles included).
    let input = crate::text::nfc(guard::limit(html));
    let doc = Html::parse_document(&input);
    let sel = select::Compiled::new(selectors);
    let head = head::scan(&doc);
    let page = blocks::flatten_marked(&doc, sel.marks(&doc));
    let sel_title = sel.title(&doc);
    let sel_related = sel.related(&doc, base);
    let mut visible = meta::Visible::default();
    for line in sel.meta_lines(&doc) {
        meta::read_line(&line, &mut visible);
    }
    let counter = views::from_dom(&doc);
    drop(doc);

    let n = page.blocks.len();
    let crumb = breadcrumb::find(&page);
    let mut related = related::find(&page, base);
    visible.merge(meta::scan(&page));
    let mut skip = vec![false; n];
    for (i, b) in page.blocks.iter().enumerate() {
        skip[i] |= b.sel & (blocks::SEL_META | blocks::SEL_RELATED) != 0;
    }
    let crumb_blocks = crumb.iter().flat_map(|c| c.blocks.iter());
    let rails = teaser::rails(&page);
    let found = crumb_blocks.chain(&related.blocks).chain(&visible.lines);
    for &i in found.chain(&rails) {
        skip[i] = true;
    }
    let mut furn = content::furniture(&page);
    teaser::mark(&page, base, &mut furn);
    let pick = content::choose(&page, &skip, &furn);
    related.retain_from(|origin| !in_another_article(&page, pick.elem, origin));
    let body_start = page.elems[pick.elem].start;
    let mut title = title::choose(&page, &head, body_start, &skip);
    if let Some(t) = sel_title {
        title = title::Title {
            text: Some(t),
            block: None,
        };
    }
    mark_title(&page, &title, &mut skip);

    let mut kept = if sel.has_body() {
        (0..n)
            .filter(|&i| page.blocks[i].sel & blocks::SEL_BODY != 0 && !skip[i] && !furn[i])
            .collect()
    } else {
        let mut kept = content::assemble(&page, pick, &skip, &furn);
        orphans::drop_kickers(&page, &mut kept, title.block);
        kept
    };
    let lead = content::lead(&page, &kept, pick, title.block);
    if let Some(l) = lead.filter(|l| !kept.contains(l) && !sel.has_body()) {
        kept.insert(0, l);
    }
    let shown = dateline::find(&page, pick, title.block);
    let published = published::choose(&published::Sources {
        labelled: visible.published,
        meta: head.published,
        updated: visible.updated,
        shown,
        url: published::in_url(base),
    });
    let summary = lead
        .map(|i| page.blocks[i].text.clone())
        .or(head.description.clone())
        .or_else(|| first_prose(&page, &kept));
    let body = doc::plain(&page, &kept);
    let doc = doc::build(&page, &kept, lead, base);
    let signed = signature::author(&doc, &body);
    let byline = visible
        .author
        .or_else(|| title.block.and_then(|t| preamble::byline(&page, t)));
    Extracted {
        category: crumb.and_then(|c| category(c.items, title.text.as_deref())),
        title: title.text,
        author: author::choose(head.author, byline, signed, head.weak_author),
        published,
        views: visible.views.or(counter),
        summary,
        body,
        doc,
        related: sel_related.unwrap_or(related.links),
    }
}

/// Drops the title block, and any copy of the title, from the body.
fn mark_title(page: &blocks::Page, title: &title::Title, skip: &mut [bool]) {
    if let Some(i) = title.block {
        skip[i] = true;
    }
    if let Some(t) = title.text.as_deref().map(norm::fold) {
        for (i, b) in page.blocks.iter().enumerate() {
            if b.chars <= 300 && norm::fold(&b.text) == t {
                skip[i] = true;
            }
        }
    }
}

/// Whether block `at` lies in an `<article>` other than the one around the
/// chosen container: an endless-scroll page preloads the next story with
/// its own related list, which is not this story's.
fn in_another_article(page: &blocks::Page, container: usize, at: usize) -> bool {
    let article = |e: usize| page.elems[e].tag == blocks::Tag::Article;
    let Some(own) = page.ancestors(container).find(|&e| article(e)) else {
        return false;
    };
    let (start, end) = (page.elems[own].start, page.elems[own].end);
    if at >= start && at < end {
        return false;
    }
    // A story, not a teaser card wrapped in <article> as themes do.
    let story = |e: usize| {
        let blocks = &page.blocks[page.elems[e].start..page.elems[e].end];
        let prose = blocks.iter().filter(|b| b.chars >= 80 && b.link_chars == 0);
        article(e) && prose.count() >= 3
    };
    // An <article> around the container's own (a theme's post wrapper) is
    // this story's too.
    let around = |e: usize| page.ancestors(container).any(|a| a == e);
    page.ancestors(page.blocks[at].elem)
        .any(|e| story(e) && !around(e))
}

fn first_prose(page: &blocks::Page, kept: &[usize]) -> Option<String> {
    kept.iter()
        .map(|&i| &page.blocks[i])
        .find(|b| content::is_prose(b))
        .map(|b| b.text.clone())
}

/// Breadcrumb items joined by " » ", without a trailing copy of the title.
fn category(mut items: Vec<String>, title: Option<&str>) -> Option<String> {
    if let (Some(last), Some(t)) = (items.last(), title) {
        if is_title_copy(&norm::fold(last), &norm::fold(t)) {
            items.pop();
        }
    }
    Some(items.join(" » ")).filter(|s| !s.is_empty())
}

/// Whether a trail's last item (folded) is the page's title: whole, cut
/// short ("…", or just cut at a width), or with a kicker before it
/// ("Deutschlandtakt: Flixbus attackiert …" over the title "Flixbus …").
fn is_title_copy(last: &str, title: &str) -> bool {
    let long = |s: &str, n: usize| s.chars().count() >= n;
    let stem = last.trim_end_matches(['.', '…', ' ']);
    last == title
        || (long(stem, 10) && title.starts_with(stem) && last.len() != stem.len())
        || (long(last, 20) && title.starts_with(last))
        || (long(title, 10) && last.ends_with(title))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;
