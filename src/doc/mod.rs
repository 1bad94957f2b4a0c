//! The reader's document: an article body as blocks (lead, paragraph, heading, list, table,
//! caption, signature, links), laid out into lines of styled runs for a given width.
//!
//! Pure and free of any terminal library, so `app::update` can lay out the open article once
//! (when it arrives or the width changes), clamp scrolling and find search matches by line,
//! while `ui` only maps each run's [`Role`] to a theme style.

mod matches;
mod plain;
mod structured;
mod wrap;

pub use matches::{find_matches, Match};
pub use plain::blocks_from_plain;

use crate::model::Article;

/// One block of an article body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The bold opening paragraph (the article's summary).
    Lead(String),
    Paragraph(String),
    Heading(String),
    List(Vec<String>),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<String>>),
    /// A photo caption: dimmed and italic.
    Caption(String),
    /// The author's initials or name at the end.
    Signature(String),
    /// Links the page listed at the end: (text, url).
    Links(Vec<(String, String)>),
    /// A paragraph whose spans (byte ranges of the text) link to URLs: each gets a `[n]` mark.
    Linked(String, Vec<(std::ops::Range<usize>, String)>),
}

/// What a run of text is, so the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Body,
    Lead,
    Heading,
    Bullet,
    Table,
    Caption,
    Signature,
    /// The text of a link.
    Link,
    /// A link's number, `[n]`, to find it in the links view.
    LinkMark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub role: Role,
}

/// One screen line of the document.
pub type DocLine = Vec<Run>;

/// An article laid out for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub width: u16,
    pub lines: Vec<DocLine>,
    /// Numbered links in the order of their marks (`[1]` is `links[0]`).
    pub links: Vec<String>,
}

/// The blocks of an article: from the extractor's structured body when the page gave one,
/// else guessed from the plain body. Everything after (layout, links, search matches,
/// rendering) works on blocks.
pub fn article_blocks(article: &Article) -> Vec<Block> {
    match &article.doc {
        Some(doc) if !doc.blocks.is_empty() => structured::blocks(doc),
        _ => blocks_from_plain(article.body.as_deref().unwrap_or(""), &article.summary),
    }
}

/// Lays out `blocks` for `width` columns (at least 1), one blank line between blocks.
pub fn layout(blocks: &[Block], width: u16) -> Doc {
    let mut out = wrap::Writer::new(usize::from(width.max(1)));
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.blank();
        }
        out.block(block);
    }
    out.finish(width)
}

/// The plain text of a line (its runs joined).
pub fn line_text(line: &DocLine) -> String {
    line.iter().map(|r| r.text.as_str()).collect()
}

#[cfg(test)]
mod tests;
