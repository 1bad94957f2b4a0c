//! The reader-ready body ([`Doc`]): the kept blocks with their roles (lead,
//! heading, list item, caption, signature, quote), data tables laid out as
//! text, and numbered links. The plain `body` string is built separately and
//! never carries link numbers, so JSON and search see clean text.

use std::collections::{BTreeMap, HashMap};

use unicode_width::UnicodeWidthStr;
use url::Url;

use super::blocks::{Block, Page, Tag, CAPTION};
use super::norm::clean;
use super::related::resolve;
use crate::model::{BlockKind, Doc, DocBlock, LinkMark};

/// Longest closing line taken for a signature ("Thu Hằng", "TN - Minh Anh",
/// "Nguyễn Minh (Trung tâm Văn hóa - Thông tin)").
const SIGNATURE_MAX: usize = 60;
/// Longest line after a photo that is taken for its caption.
const CAPTION_MAX: usize = 200;

/// A step of the body in reading order: one kept block, or a whole data
/// table standing for the kept blocks that are its cells.
enum Step {
    Block(usize),
    Table(usize),
}

/// The kept blocks in page order, each data table's cells folded into it.
fn steps(page: &Page, kept: &[usize]) -> Vec<Step> {
    // Each table's verdict once: a layout table holding the whole story
    // would otherwise be re-read for every block in it.
    let mut verdicts: HashMap<usize, bool> = HashMap::new();
    let mut out = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        let i = kept[k];
        let table = table_of(page, i)
            .filter(|&t| *verdicts.entry(t).or_insert_with(|| is_data_table(page, t)));
        if let Some(t) = table {
            out.push(Step::Table(t));
            k = kept[k..]
                .iter()
                .position(|&j| j >= page.elems[t].end)
                .map_or(kept.len(), |p| k + p);
        } else {
            out.push(Step::Block(i));
            k += 1;
        }
    }
    out
}

/// Builds the structured body from the kept blocks (page order).
pub fn build(page: &Page, kept: &[usize], lead: Option<usize>, base: &Url) -> Doc {
    let mut doc = Doc::default();
    for step in steps(page, kept) {
        let i = match step {
            Step::Table(t) => {
                let text = text_table(&table_rows(page, t));
                if !text.is_empty() {
                    let links = Vec::new();
                    let kind = BlockKind::Table;
                    doc.blocks.push(DocBlock { kind, text, links });
                }
                continue;
            }
            Step::Block(i) => i,
        };
        let b = &page.blocks[i];
        let kind = if Some(i) == lead {
            BlockKind::Lead
        } else {
            kind_of(page, b)
        };
        let (mut text, links) = linked_text(b, base, &mut doc.links);
        text.truncate(shown_text(b, &text).len());
        if !text.is_empty() && doc.blocks.last().is_none_or(|l| l.text != text) {
            doc.blocks.push(DocBlock { kind, text, links });
        }
    }
    mark_signature(&mut doc);
    doc
}

/// The plain body: paragraphs separated by one blank line, a data table as
/// one paragraph of rows with tab-separated cells (never a column of cells,
/// whose equal neighbours would read as repeats), consecutive repeats
/// dropped.
pub fn plain(page: &Page, kept: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    for step in steps(page, kept) {
        let t = match step {
            Step::Table(t) => {
                let rows = table_rows(page, t);
                let lines: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
                lines.join("\n")
            }
            Step::Block(i) => {
                let b = &page.blocks[i];
                shown_text(b, &b.text).to_string()
            }
        };
        if !t.is_empty() && out.last() != Some(&t) {
            out.push(t);
        }
    }
    out.join("\n\n")
}

fn kind_of(page: &Page, b: &Block) -> BlockKind {
    let near = |tag| {
        page.ancestors(b.elem)
            .take(3)
            .any(|e| page.elems[e].tag == tag)
    };
    if b.heading > 0 {
        BlockKind::Heading(b.heading)
    } else if is_caption(b) {
        BlockKind::Caption
    } else if near(Tag::ListItem) {
        BlockKind::ListItem
    } else if near(Tag::Quote) {
        BlockKind::Quote
    } else {
        BlockKind::Paragraph
    }
}

/// A photo's caption: marked up as one, or a short unlinked line under it.
pub fn is_caption(b: &Block) -> bool {
    b.heading == 0
        && (b.hints & CAPTION != 0 || (b.after_img && b.chars <= CAPTION_MAX && b.link_chars == 0))
}

/// The text a kept block shows: a caption loses the credit at its end. A
/// caption with links keeps it, so link marks always point into the text.
pub fn shown_text<'a>(b: &Block, text: &'a str) -> &'a str {
    if is_caption(b) && b.link_chars == 0 {
        super::credits::caption_without_credit(text)
    } else {
        text
    }
}

/// A short last line without sentence punctuation closes the article: the
/// author's signature, kept in the text and marked.
fn mark_signature(doc: &mut Doc) {
    if let Some(last) = doc.blocks.last_mut() {
        let short = last.text.chars().count() <= SIGNATURE_MAX;
        let sentence = last.text.ends_with(['.', ':', '?', '!', ';', '…']);
        if short && !sentence && matches!(last.kind, BlockKind::Paragraph) {
            last.kind = BlockKind::Signature;
        }
    }
}

/// The block's text rebuilt from its runs, with each link's span numbered;
/// a URL seen before keeps its number.
fn linked_text(b: &Block, base: &Url, links: &mut Vec<String>) -> (String, Vec<LinkMark>) {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut space = false;
    for p in &b.pieces {
        let t = clean(&p.text);
        space |= p.text.starts_with(char::is_whitespace);
        if t.is_empty() {
            continue;
        }
        if space && !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&t);
        if let Some(url) = p.href.as_deref().and_then(|h| resolve(h, base)) {
            let n = match links.iter().position(|l| *l == url) {
                Some(at) => at + 1,
                None => {
                    links.push(url);
                    links.len()
                }
            };
            marks.push(LinkMark {
                start,
                end: text.len(),
                n,
            });
        }
        space = p.text.ends_with(char::is_whitespace);
    }
    (text, marks)
}

/// The innermost table around block `i`.
fn table_of(page: &Page, i: usize) -> Option<usize> {
    page.ancestors(page.blocks[i].elem)
        .find(|&e| page.elems[e].tag == Tag::Table)
}

/// A data table: at least two rows and two columns, no nested table, short
/// cells. Layout tables (a whole page in one cell) are read as ordinary
/// blocks.
fn is_data_table(page: &Page, t: usize) -> bool {
    let Some(cells) = cells(page, t) else {
        return false;
    };
    // Cells are keyed (row, cell), so each row's cells are adjacent.
    let mut per_row: BTreeMap<usize, usize> = BTreeMap::new();
    for (row, _) in cells.keys() {
        *per_row.entry(*row).or_default() += 1;
    }
    let cols = per_row.values().copied().max().unwrap_or(0);
    let short = cells.values().all(|c| c.chars().count() <= 300);
    per_row.len() >= 2 && cols >= 2 && short
}

/// (row elem, cell elem) → cell text, or None when a block is outside a
/// cell or inside a nested table.
fn cells(page: &Page, t: usize) -> Option<BTreeMap<(usize, usize), String>> {
    let mut out: BTreeMap<(usize, usize), String> = BTreeMap::new();
    for b in &page.blocks[page.elems[t].start..page.elems[t].end] {
        let chain: Vec<usize> = page.ancestors(b.elem).take_while(|&e| e != t).collect();
        if chain.iter().any(|&e| page.elems[e].tag == Tag::Table) {
            return None;
        }
        let cell = *chain.iter().find(|&&e| page.elems[e].tag == Tag::Cell)?;
        let row = page.elems[cell].parent.unwrap_or(cell);
        let slot = out.entry((row, cell)).or_default();
        if !slot.is_empty() {
            slot.push(' ');
        }
        slot.push_str(&b.text);
    }
    Some(out)
}

/// A data table's rows of cells (none when it has no cells).
fn table_rows(page: &Page, t: usize) -> Vec<Vec<String>> {
    let Some(cells) = cells(page, t) else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut last_row = None;
    for ((r, _), text) in cells {
        if last_row != Some(r) {
            rows.push(Vec::new());
            last_row = Some(r);
        }
        if let Some(row) = rows.last_mut() {
            row.push(text);
        }
    }
    rows
}

/// Rows as `a | b` lines with padded columns (display width, so Vietnamese
/// and CJK text line up in a terminal).
pub fn text_table(rows: &[Vec<String>]) -> String {
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.width())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..ncols).map(width).collect();
    let line = |r: &Vec<String>| {
        let cells: Vec<String> = (0..ncols)
            .map(|c| {
                let s = r.get(c).map_or("", String::as_str);
                format!("{s}{}", " ".repeat(widths[c].saturating_sub(s.width())))
            })
            .collect();
        cells.join(" | ").trim_end().to_string()
    };
    rows.iter().map(line).collect::<Vec<_>>().join("\n")
}

/// The doc as text for a terminal: blocks separated by a blank line, links
/// marked `[n]` after their text, the numbered URLs at the end.
pub fn render(doc: &Doc) -> String {
    let mut out: Vec<String> = Vec::new();
    for b in &doc.blocks {
        let mut text = b.text.clone();
        for m in b.links.iter().rev() {
            if text.is_char_boundary(m.end) {
                text.insert_str(m.end, &format!("[{}]", m.n));
            }
        }
        out.push(match b.kind {
            BlockKind::Heading(_) => format!("## {text}"),
            BlockKind::ListItem => format!("- {text}"),
            BlockKind::Caption => format!("(ảnh) {text}"),
            BlockKind::Quote => format!("> {text}"),
            _ => text,
        });
    }
    let mut s = out.join("\n\n");
    if !doc.links.is_empty() {
        s.push_str("\n\n");
        let notes: Vec<String> = doc
            .links
            .iter()
            .enumerate()
            .map(|(i, u)| format!("[{}] {u}", i + 1))
            .collect();
        s.push_str(&notes.join("\n"));
    }
    s
}
