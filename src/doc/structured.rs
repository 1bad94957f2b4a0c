//! Blocks from the extractor's structured body (`model::Doc`): kinds map one to one, list items
//! gather into lists, text tables split into cells, and link marks become numbered links.

use super::Block;
use crate::model::{BlockKind, Doc, DocBlock};

pub fn blocks(doc: &Doc) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for b in &doc.blocks {
        let block = match b.kind {
            BlockKind::ListItem => {
                if let Some(Block::List(items)) = out.last_mut() {
                    items.push(b.text.clone());
                    continue;
                }
                Block::List(vec![b.text.clone()])
            }
            BlockKind::Lead => Block::Lead(b.text.clone()),
            BlockKind::Heading(_) => Block::Heading(b.text.clone()),
            BlockKind::Table => Block::Table(table_rows(&b.text)),
            BlockKind::Caption => Block::Caption(b.text.clone()),
            BlockKind::Signature => Block::Signature(b.text.clone()),
            BlockKind::Paragraph | BlockKind::Quote => prose(b, doc),
        };
        out.push(block);
    }
    out
}

/// A paragraph, with its linked spans when it has any (marks outside the text are dropped).
fn prose(b: &DocBlock, doc: &Doc) -> Block {
    let spans: Vec<(std::ops::Range<usize>, String)> = b
        .links
        .iter()
        .filter(|m| {
            m.start < m.end
                && b.text.is_char_boundary(m.start)
                && b.text.is_char_boundary(m.end.min(b.text.len()))
        })
        .filter_map(|m| {
            Some((
                m.start..m.end.min(b.text.len()),
                doc.links.get(m.n.checked_sub(1)?)?.clone(),
            ))
        })
        .filter(|(_, url)| url.starts_with("http://") || url.starts_with("https://"))
        .collect();
    if spans.is_empty() {
        Block::Paragraph(b.text.clone())
    } else {
        Block::Linked(b.text.clone(), spans)
    }
}

/// Rows of a text table (`a | b | c` per line; ruling lines of dashes skipped).
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| {
            !l.trim().is_empty()
                && !l
                    .chars()
                    .all(|c| matches!(c, '-' | '+' | '|' | ' ' | '─' | '='))
        })
        .map(|l| {
            l.trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkMark;

    fn block(kind: BlockKind, text: &str) -> DocBlock {
        DocBlock {
            kind,
            text: text.into(),
            links: Vec::new(),
        }
    }

    #[test]
    fn kinds_map_and_list_items_gather() {
        let doc = Doc {
            blocks: vec![
                block(BlockKind::Lead, "Dẫn"),
                block(BlockKind::Heading(2), "Mục một"),
                block(BlockKind::ListItem, "Một là"),
                block(BlockKind::ListItem, "Hai là"),
                block(BlockKind::Table, "Xã | Số hộ\n---|---\nTân Phúc | 120"),
                block(BlockKind::Caption, "Ảnh hội nghị"),
                block(BlockKind::Signature, "TN"),
            ],
            links: Vec::new(),
        };
        assert_eq!(
            blocks(&doc),
            vec![
                Block::Lead("Dẫn".into()),
                Block::Heading("Mục một".into()),
                Block::List(vec!["Một là".into(), "Hai là".into()]),
                Block::Table(vec![
                    vec!["Xã".into(), "Số hộ".into()],
                    vec!["Tân Phúc".into(), "120".into()]
                ]),
                Block::Caption("Ảnh hội nghị".into()),
                Block::Signature("TN".into()),
            ]
        );
    }

    #[test]
    fn link_marks_become_numbered_links_in_the_layout() {
        let text = "Xem toàn văn nghị quyết tại đây nhé.";
        let start = text.find("nghị quyết").unwrap();
        let mut b = block(BlockKind::Paragraph, text);
        b.links = vec![LinkMark {
            start,
            end: start + "nghị quyết".len(),
            n: 1,
        }];
        let doc = Doc {
            blocks: vec![b],
            links: vec!["https://p.vn/nq.pdf".into()],
        };
        let laid = super::super::layout(&blocks(&doc), 80);
        let line = super::super::line_text(&laid.lines[0]);
        assert_eq!(line, "Xem toàn văn nghị quyết[1] tại đây nhé.");
        assert_eq!(laid.links, vec!["https://p.vn/nq.pdf".to_string()]);
        let roles: Vec<_> = laid.lines[0]
            .iter()
            .filter(|r| r.text.contains("nghị"))
            .map(|r| r.role)
            .collect();
        assert!(roles.contains(&super::super::Role::Link));
    }

    #[test]
    fn unsafe_or_broken_marks_are_dropped() {
        let mut b = block(BlockKind::Paragraph, "Bấm vào đây");
        b.links = vec![
            LinkMark {
                start: 0,
                end: 99,
                n: 1,
            },
            LinkMark {
                start: 0,
                end: 3,
                n: 2,
            },
        ];
        let doc = Doc {
            blocks: vec![b],
            links: vec!["javascript:alert(1)".into()],
        };
        assert_eq!(blocks(&doc), vec![Block::Paragraph("Bấm vào đây".into())]);
    }
}
