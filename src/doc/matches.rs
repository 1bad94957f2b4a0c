//! Search matches inside a laid-out document, diacritics ignored ("dang uy" finds "Đảng ủy"),
//! as byte ranges of each line's text so the reader can highlight and jump to them.

use super::{line_text, DocLine};
use crate::text::strip_diacritics;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub line: usize,
    /// Byte range in the line's text (its runs joined).
    pub start: usize,
    pub end: usize,
}

/// Every occurrence of every word of `query` (each word on its own), in reading order.
pub fn find_matches(lines: &[DocLine], query: &str) -> Vec<Match> {
    let words: Vec<String> = strip_diacritics(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let text = line_text(line);
        let (folded, origin) = fold_with_origin(&text);
        for w in &words {
            for (at, _) in folded.match_indices(w.as_str()) {
                let end = origin.get(at + w.len()).copied().unwrap_or(text.len());
                found.push(Match {
                    line: n,
                    start: origin[at],
                    end,
                });
            }
        }
    }
    found.sort_by_key(|m| (m.line, m.start));
    found.dedup_by_key(|m| (m.line, m.start));
    found
}

/// The folded text and, for each of its bytes, the byte in `text` it came from.
fn fold_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in text.char_indices() {
        let f = strip_diacritics(c.encode_utf8(&mut [0; 4]));
        origin.extend(std::iter::repeat_n(i, f.len()));
        folded.push_str(&f);
    }
    (folded, origin)
}
