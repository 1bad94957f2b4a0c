//! Blocks from the plain `body` (paragraphs separated by a blank line), until the extractor
//! gives structured bodies. Conservative guesses: a wrong guess only changes a style.

use super::Block;

/// Paragraphs starting with these are photo captions on Vietnamese portals.
const CAPTION_STARTS: &[&str] = &["Ảnh:", "(Ảnh", "Ảnh minh họa", "Ảnh minh hoạ", "Photo:"];
const BULLETS: &[&str] = &["- ", "• ", "+ ", "* "];

pub fn blocks_from_plain(body: &str, summary: &str) -> Vec<Block> {
    let paragraphs: Vec<&str> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let last = paragraphs.len().saturating_sub(1);
    let mut blocks = Vec::new();
    if !summary.trim().is_empty() && paragraphs.first() != Some(&summary.trim()) {
        blocks.push(Block::Lead(summary.trim().to_string()));
    }
    for (i, p) in paragraphs.iter().enumerate() {
        blocks.push(classify(p, i, last, summary.trim()));
    }
    blocks
}

fn classify(p: &str, i: usize, last: usize, summary: &str) -> Block {
    if i == 0 && p == summary {
        return Block::Lead(p.to_string());
    }
    // Spaces only: a tab at either end is an empty first or last cell.
    let lines: Vec<&str> = p.lines().map(|l| l.trim_matches(' ')).collect();
    if lines.len() > 1 && lines.iter().all(|l| bullet(l).is_some()) {
        return Block::List(lines.iter().filter_map(|l| bullet(l)).collect());
    }
    // Rows of cells split by " | " or, as the extractor writes them, by tabs.
    for sep in [" | ", "\t"] {
        if lines.len() > 1 && lines.iter().all(|l| l.contains(sep)) {
            let rows = lines
                .iter()
                .map(|l| l.split(sep).map(|c| c.trim().to_string()).collect())
                .collect();
            return Block::Table(rows);
        }
    }
    let text = lines.join(" ");
    if CAPTION_STARTS.iter().any(|c| text.starts_with(c)) {
        return Block::Caption(text);
    }
    let words = text.split_whitespace().count();
    if i == last && i > 0 && words <= 4 && !text.ends_with('.') {
        return Block::Signature(text);
    }
    if i < last && words <= 12 && !text.ends_with(['.', ':', ',', ';', '!', '?', '"', '”']) {
        return Block::Heading(text);
    }
    Block::Paragraph(text)
}

fn bullet(line: &str) -> Option<String> {
    BULLETS
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .map(|rest| rest.trim().to_string())
}
