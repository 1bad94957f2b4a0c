//! The block walker behind [`super::blocks`]: one iterative pass over the
//! DOM that cuts text into blocks at block-level elements and records each
//! block's inherited flags (links, bold, furniture hints, comment sections).
//! Iterative on purpose: depth is bounded by the guard, not the stack size.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::blocks::{Block, Elem, Page, Piece, Tag, CAPTION};
use super::hints::{
    class_id, heading_level, hints_of, is_bold_style, is_comment, is_hidden, is_home_word,
    is_negative, is_screen_reader_only, is_widget_form, tag_of, BLOCK, SKIP,
};
use super::norm::{clean, weight};
use super::streamed::Segments;

/// Class names of the standard embed code of a social post: a
/// `<blockquote>` holding the post's text, which the story quotes.
const EMBEDDED_POSTS: &[&str] = &["twitter-tweet", "instagram-media", "tiktok-embed"];

fn is_embedded_post(name: &str, ids: &str) -> bool {
    name == "blockquote" && EMBEDDED_POSTS.iter().any(|c| ids.contains(c))
}

/// What an opened element changed, undone when it closes.
#[derive(Debug, Clone, Copy, Default)]
struct Opened {
    block: bool,
    link: bool,
    bold: bool,
    heading: bool,
    boiler_tag: bool,
    boiler_hint: bool,
    comment: bool,
    /// Furniture hints outside an `<article>`/`<main>`, restored at its end.
    hidden_hint: Option<usize>,
    /// Furniture tags (`nav`, `aside`, `footer`, page `header`) open
    /// outside a `<main>`, restored at its end.
    hidden_tag: Option<usize>,
    article: bool,
    inline_hints: u8,
    sel: u8,
    /// An inline element printed on a line of its own (a photo credit).
    own_line: bool,
    /// A `<font size="4">` or larger: an old page's headline.
    big_font: bool,
    /// A figure whose caption is kept only in `data-caption` (a script
    /// shows it), on `Walker::data_captions`.
    data_caption: bool,
}

#[derive(Default)]
struct Walker {
    page: Page,
    stack: Vec<usize>,
    cur: Block,
    link: Option<String>,
    bold: usize,
    heading: u8,
    /// Open `<font>` elements of a headline's size.
    big_font: usize,
    /// Captions of the open figures that keep them in `data-caption`.
    data_captions: Vec<String>,
    after_img: bool,
    boiler_tag: usize,
    boiler_hint: usize,
    /// Block elements of the open furniture-hinted elements, innermost last.
    hint_elems: Vec<usize>,
    comment: usize,
    article: usize,
    inline_hints: Vec<u8>,
    /// Elements a selector matched, with their [`SEL_BODY`]-style bits.
    marks: HashMap<NodeId, u8>,
    /// How many open elements carry each selector bit.
    sel_open: [usize; 3],
}

/// Walks the document once and returns its blocks and block elements.
#[cfg(test)]
pub fn flatten(doc: &Html) -> Page {
    flatten_marked(doc, HashMap::new())
}

/// Like [`flatten`], tagging the blocks inside `marks` elements with their bits.
pub fn flatten_marked(doc: &Html, marks: HashMap<NodeId, u8>) -> Page {
    let mut w = Walker {
        marks,
        ..Walker::default()
    };
    w.page.elems.push(Elem {
        parent: None,
        depth: 0,
        hints: 0,
        tag: Tag::Other,
        start: 0,
        end: 0,
    });
    w.stack.push(0);
    let mut segments = Segments::find(doc);
    let mut todo = vec![(doc.tree.root(), None)];
    while let Some((node, closing)) = todo.pop() {
        if let Some(opened) = closing {
            w.close(opened);
            continue;
        }
        match node.value() {
            Node::Text(t) => w.text(t),
            Node::Element(_) => {
                if segments.is_placed(node.id()) {
                    continue;
                }
                let part = ElementRef::wrap(node).and_then(|el| segments.take_for(el));
                if let Some(part) = part.and_then(|id| doc.tree.get(id)) {
                    todo.extend(part.children().rev().map(|c| (c, None)));
                    continue;
                }
                let Some(opened) = ElementRef::wrap(node).and_then(|el| w.open(el)) else {
                    continue;
                };
                todo.push((node, Some(opened)));
                todo.extend(node.children().rev().map(|c| (c, None)));
            }
            Node::Document | Node::Fragment => {
                todo.extend(node.children().rev().map(|c| (c, None)))
            }
            _ => {}
        }
    }
    w.flush();
    let n = w.page.blocks.len();
    w.page.elems[0].end = n;
    let mut page = w.page;
    text_boxes_are_no_captions(&mut page);
    page
}

/// Chars (without spaces) of a screen-reader-only label that is still read.
const SCREEN_READER_LABEL_MAX: usize = 20;

/// A figure's `data-caption` when nothing in the figure shows a caption.
fn data_caption(figure: ElementRef) -> Option<String> {
    let text = figure.attr("data-caption")?.trim();
    let shown = || {
        figure.descendent_elements().any(|e| {
            e.value().name() == "figcaption"
                || e.value()
                    .attr("class")
                    .is_some_and(|c| c.contains("caption"))
        })
    };
    (!text.is_empty() && !shown()).then(|| text.to_string())
}

/// Chars of a line in a big bold `<font>` that reads as a heading; a longer
/// one is a paragraph a page merely set large.
const BIG_FONT_HEADING_MAX: usize = 200;

/// `size="4"` to `"7"`, or `"+1"` and up: larger than the text's 3.
fn is_headline_size(size: &str) -> bool {
    let size = size.trim();
    match size.strip_prefix('+') {
        Some(up) => up.parse::<u8>().is_ok_and(|n| n >= 1),
        None => size.parse::<u8>().is_ok_and(|n| n >= 4),
    }
}

/// Paragraphs of a caption-named box (`video-desc`, `mo-ta`) before the
/// box counts as a text rather than a photo's caption.
const BOX_PARAGRAPHS: usize = 2;
/// Chars (without spaces) of such a paragraph.
const BOX_PARAGRAPH_MIN: usize = 80;

/// A box named like a caption that holds no image and several paragraphs
/// is a text: a video's description is the story of a video page.
fn text_boxes_are_no_captions(page: &mut Page) {
    for e in 1..page.elems.len() {
        let el = &page.elems[e];
        if el.hints & CAPTION == 0 {
            continue;
        }
        let blocks = &page.blocks[el.start..el.end];
        let paragraphs = blocks
            .iter()
            .filter(|b| b.chars >= BOX_PARAGRAPH_MIN)
            .count();
        if paragraphs < BOX_PARAGRAPHS || blocks.iter().any(|b| b.after_img) {
            continue;
        }
        page.elems[e].hints &= !CAPTION;
        for i in page.elems[e].start..page.elems[e].end {
            // A caption element nested in the box still names its own block.
            let named = (page.ancestors(page.blocks[i].elem).take(3))
                .any(|a| page.elems[a].hints & CAPTION != 0);
            if !named {
                page.blocks[i].hints &= !CAPTION;
            }
        }
    }
}

impl Walker {
    fn open(&mut self, el: ElementRef) -> Option<Opened> {
        let name = el.value().name();
        if SKIP.contains(&name) || is_hidden(el) {
            return None;
        }
        // A sentence only screen readers get is unseen text a hacked page
        // hides its spam in; a short label there ("By", "Credit", the ": "
        // parting a kicker from the headline) is read as the page meant.
        if is_screen_reader_only(el)
            && weight(&el.text().collect::<String>()) > SCREEN_READER_LABEL_MAX
        {
            self.push_text(" ");
            return None;
        }
        let mut o = Opened::default();
        match name {
            "br" | "hr" => self.flush(),
            "img" => self.image(el),
            "a" if el.attr("href").is_some() => self.start_link(el, &mut o),
            "b" | "strong" => o.bold = true,
            _ => {}
        }
        let ids = class_id(el);
        // Most elements carry no class or id: skip the word lists for them.
        let named = !ids.trim().is_empty();
        let hints = hints_of(name, &ids);
        o.sel = self.marks.get(&el.id()).copied().unwrap_or(0);
        // A caption's credit span is styled onto its own line: without a
        // break it glues to the caption ("…treatmentCredit: EPA").
        o.own_line = named && !BLOCK.contains(&name) && ids.contains("credit");
        // FrontPage-era pages set the headline in a big bold <font> that
        // opens its line; a big word inside a sentence stays in it.
        o.big_font =
            name == "font" && self.cur.chars == 0 && el.attr("size").is_some_and(is_headline_size);
        self.big_font += usize::from(o.big_font);
        if let Some(caption) = (name == "figure").then(|| data_caption(el)).flatten() {
            self.data_captions.push(caption);
            o.data_caption = true;
        }
        if o.sel != 0 || o.own_line || BLOCK.contains(&name) {
            self.flush();
        }
        self.count_sel(o.sel, 1);
        if BLOCK.contains(&name) {
            self.push_elem(hints, tag_of(name));
            o.block = true;
        } else if hints != 0 {
            o.inline_hints = hints;
            self.inline_hints.push(hints);
        }
        o.bold |= el.attr("style").is_some_and(is_bold_style);
        self.bold += usize::from(o.bold);
        if let Some(level) = heading_level(name) {
            self.heading = level;
            o.heading = true;
        }
        o.article = matches!(name, "article" | "main");
        self.article += usize::from(o.article);
        o.boiler_tag =
            matches!(name, "nav" | "aside" | "footer") || (name == "header" && self.article == 0);
        self.boiler_tag += usize::from(o.boiler_tag);
        // A `<main>` inside a `<header>` means the header was never closed
        // (the page's whole content then sits in it): main is not furniture.
        if name == "main" {
            o.hidden_tag = Some(std::mem::take(&mut self.boiler_tag));
        }
        // A theme's "sidebar-layout" wrapper must not hide the article in it,
        // nor a "social-embed" wrapper the post the story quotes.
        if o.article || is_embedded_post(name, &ids) {
            o.hidden_hint = Some(std::mem::take(&mut self.boiler_hint));
        }
        o.boiler_hint =
            named && !matches!(name, "html" | "body" | "article" | "main") && is_negative(&ids)
                || (name == "form" && is_widget_form(el));
        self.boiler_hint += usize::from(o.boiler_hint);
        if o.boiler_hint {
            self.hint_elems.push(*self.stack.last().unwrap_or(&0));
        }
        o.comment = named && !matches!(name, "html" | "body") && is_comment(&ids);
        self.comment += usize::from(o.comment);
        Some(o)
    }

    fn count_sel(&mut self, bits: u8, up: isize) {
        for (k, n) in self.sel_open.iter_mut().enumerate() {
            if bits & (1 << k) != 0 {
                *n = n.saturating_add_signed(up);
            }
        }
    }

    fn close(&mut self, o: Opened) {
        if o.link {
            self.link = None;
        }
        // The caption the page's script would show under the photo.
        if let Some(caption) = o.data_caption.then(|| self.data_captions.pop()).flatten() {
            self.flush();
            self.after_img = true;
            self.push_text(&caption);
        }
        if (o.sel != 0 || o.own_line) && !o.block {
            self.flush();
        }
        if o.big_font && self.cur.is_bold() && self.cur.chars <= BIG_FONT_HEADING_MAX {
            self.flush();
        }
        self.big_font -= usize::from(o.big_font);
        if o.block {
            self.flush();
            if let Some(e) = self.stack.pop() {
                self.page.elems[e].end = self.page.blocks.len();
            }
        }
        if o.inline_hints != 0 {
            self.inline_hints.pop();
        }
        self.bold -= usize::from(o.bold);
        if o.heading {
            self.heading = 0;
        }
        self.article -= usize::from(o.article);
        self.count_sel(o.sel, -1);
        self.boiler_tag -= usize::from(o.boiler_tag);
        self.boiler_hint -= usize::from(o.boiler_hint);
        if o.boiler_hint {
            self.hint_elems.pop();
        }
        self.comment -= usize::from(o.comment);
        if let Some(h) = o.hidden_hint {
            self.boiler_hint = h;
        }
        if let Some(t) = o.hidden_tag {
            self.boiler_tag = t;
        }
    }

    fn image(&mut self, el: ElementRef) {
        // An icon-only home link ("<a href=/><img alt=Trang chủ></a>") still
        // names a breadcrumb's first item; other alt text is not article text.
        if self.link.is_some() {
            if let Some(alt) = el.attr("alt").filter(|a| is_home_word(a)) {
                self.push_text(alt);
            }
            return;
        }
        self.flush();
        self.after_img = true;
    }

    fn start_link(&mut self, el: ElementRef, o: &mut Opened) {
        self.link = el.attr("href").map(|h| h.trim().to_string());
        o.link = true;
        let has_text = el.text().any(|t| !t.trim().is_empty());
        if let Some(title) = el.attr("title").filter(|t| !has_text && is_home_word(t)) {
            self.push_text(title);
        }
    }

    fn push_elem(&mut self, hints: u8, tag: Tag) {
        let parent = *self.stack.last().unwrap_or(&0);
        let depth = self.page.elems[parent].depth + 1;
        let start = self.page.blocks.len();
        self.page.elems.push(Elem {
            parent: Some(parent),
            depth,
            hints,
            tag,
            start,
            end: start,
        });
        self.stack.push(self.page.elems.len() - 1);
    }

    fn text(&mut self, t: &str) {
        if !t.is_empty() {
            self.push_text(t);
        }
    }

    fn push_text(&mut self, t: &str) {
        let w = weight(t);
        self.cur.chars += w;
        if self.link.is_some() {
            self.cur.link_chars += w;
        }
        if self.bold > 0 {
            self.cur.bold_chars += w;
        }
        self.cur.hints |= self.inline_hints.iter().fold(0, |a, h| a | h);
        match self.cur.pieces.last_mut() {
            Some(p) if p.href == self.link => p.text.push_str(t),
            _ => self.cur.pieces.push(Piece {
                text: t.to_string(),
                href: self.link.clone(),
            }),
        }
    }

    /// Ends the current block; whitespace-only blocks vanish.
    fn flush(&mut self) {
        let mut b = std::mem::take(&mut self.cur);
        if b.chars == 0 {
            return;
        }
        let raw: String = b.pieces.iter().map(|p| p.text.as_str()).collect();
        b.text = clean(&raw);
        b.elem = *self.stack.last().unwrap_or(&0);
        b.heading = self.heading;
        if b.heading == 0 && self.big_font > 0 && b.chars <= BIG_FONT_HEADING_MAX && b.is_bold() {
            b.heading = 2;
        }
        b.after_img = std::mem::take(&mut self.after_img);
        b.hints |= self.inherited_hints(b.elem);
        b.tag_boiler = self.boiler_tag > 0;
        b.hint_boiler = self.boiler_hint > 0;
        if b.hint_boiler {
            b.hint_elem = self.hint_elems.last().copied().unwrap_or(0);
        }
        b.comment = self.comment > 0;
        b.sel = (0..3)
            .filter(|&k| self.sel_open[k] > 0)
            .fold(0, |a, k| a | (1 << k));
        self.page.blocks.push(b);
    }

    /// Hints of the block's element and its two nearest ancestors.
    fn inherited_hints(&self, elem: usize) -> u8 {
        self.page
            .ancestors(elem)
            .take(3)
            .fold(0, |a, e| a | self.page.elems[e].hints)
    }
}
