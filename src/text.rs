//! Text hygiene for everything that comes from the network, and Vietnamese folding for search.
//!
//! Untrusted text is normalised to NFC and stripped of control characters before it is stored,
//! so no escape sequence from a page or feed can ever reach the terminal.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s` in NFC. Most text already is (and everything stored is): the quick check costs a
/// fraction of normalising, which was a quarter of a 100,000-item sync.
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// True for characters that must never be stored: C0 controls except newline and tab,
/// DEL, C1 controls, and the bidi embedding/override/isolate characters.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes forbidden characters, then NFC-normalises; keeps newlines and tabs. In that order:
/// a control character removed from between two combining marks must not leave them out of
/// canonical order (found by fuzzing). A carriage return becomes a newline so CRLF text keeps
/// its line breaks.
pub fn sanitize(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let allowed: String = unified.chars().filter(|c| !is_forbidden(*c)).collect();
    nfc(&allowed).into_owned()
}

/// For one-line fields (titles, authors, names): sanitises, then collapses all whitespace
/// (newlines and tabs included) into single spaces and trims.
pub fn sanitize_line(s: &str) -> String {
    collapse_whitespace(&sanitize(s))
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sanitises a multi-paragraph body: paragraphs separated by exactly one blank line,
/// whitespace inside each paragraph collapsed.
pub fn sanitize_body(s: &str) -> String {
    paragraphs(s, collapse_whitespace)
}

/// Sanitises, then cleans each paragraph with `clean`: paragraphs separated by exactly one
/// blank line, empty ones dropped.
fn paragraphs(s: &str, clean: impl Fn(&str) -> String) -> String {
    sanitize(s)
        .split("\n\n")
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Sanitises an extracted page's body like [`sanitize_body`], but keeps the line breaks and
/// tab-separated cells inside a paragraph: the extractor writes a data table as one paragraph
/// of rows, and a table flattened into one line would lose which number is in which column.
pub fn sanitize_rows(s: &str) -> String {
    let row = |line: &str| {
        let cells: Vec<String> = line.split('\t').map(collapse_whitespace).collect();
        cells.join("\t")
    };
    let paragraph = |p: &str| {
        let rows: Vec<String> = p
            .lines()
            .map(row)
            .filter(|r| !r.trim().is_empty())
            .collect();
        rows.join("\n")
    };
    paragraphs(s, paragraph)
}

/// Folds text for the search index and queries: NFC, then đ/Đ → d/D. The FTS5 tokenizer
/// (`unicode61 remove_diacritics 2`) removes the other marks, but treats đ as its own letter.
pub fn fold_for_search(s: &str) -> String {
    let s = nfc(s);
    // NFC text where no đ carries a mark (the usual case: a sync folds every title and body):
    // đ and d are both bare starters, so swapping them keeps it NFC and decomposing would
    // change nothing. A search for the two letters is a fast scan, not a walk over every char.
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, m) in s.match_indices(['đ', 'Đ']) {
        let after = &s[i + m.len()..];
        if after.chars().next().is_some_and(is_mark_after_d) {
            // Decompose, fold, compose: a mark after đ ("đ̣") must compose onto the new d.
            return s.nfd().map(fold_d_bar).nfc().collect();
        }
        out.push_str(&s[last..i]);
        out.push(if m == "đ" { 'd' } else { 'D' });
        last = i + m.len();
    }
    out.push_str(&s[last..]);
    out
}

fn fold_d_bar(c: char) -> char {
    match c {
        'đ' => 'd',
        'Đ' => 'D',
        c => c,
    }
}

/// Any combining mark (not only those that compose onto a d: one of another class may stand
/// between the d and a mark that does).
fn is_mark_after_d(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) != 0
}

/// Removes all Vietnamese diacritics (lower-cased), for matching in Rust code (e.g. highlights).
pub fn strip_diacritics(s: &str) -> String {
    fold_for_search(s)
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Expands tabs to spaces (terminals would otherwise move the cursor on their own).
pub fn expand_tabs(s: &str) -> String {
    s.replace('\t', "    ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_bidi_but_keeps_text() {
        let hostile = "Tin \u{1b}[31mđỏ\u{7}\u{9b}2J \u{202e}lật\u{2066} ngược\u{0}";
        let clean = sanitize(hostile);
        assert_eq!(clean, "Tin [31mđỏ2J lật ngược");
        assert!(!clean.chars().any(|c| c.is_control()));
    }

    #[test]
    fn a_removed_control_between_marks_still_gives_canonical_order() {
        // Dot below (class 220) and a class-230 mark, split by NULs: found by the fuzzer.
        let s = "\u{fffd}\u{323}\u{342}\u{0}\u{323}\u{342}";
        let once = sanitize(s);
        assert_eq!(sanitize(&once), once);
        assert!(unicode_normalization::is_nfc(&once));
    }

    #[test]
    fn normalises_nfd_to_nfc() {
        let nfd = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
        assert_eq!(sanitize(nfd), "Tiếng Việt");
    }

    #[test]
    fn line_fields_lose_newlines_and_tabs() {
        assert_eq!(
            sanitize_line("  Hội\tnghị\r\n tổng  kết \u{a0}"),
            "Hội nghị tổng kết"
        );
    }

    #[test]
    fn body_keeps_paragraph_breaks_only() {
        let body = "Đoạn  một\ncòn tiếp.\n\n\n\nĐoạn hai.\r\n\r\n";
        assert_eq!(sanitize_body(body), "Đoạn một còn tiếp.\n\nĐoạn hai.");
    }

    #[test]
    fn extracted_body_keeps_table_rows_and_cells() {
        let body = "Đoạn  một.\n\nĐội\tThắng\tHòa\nXã  Đông\t3\t\n\t\n\n\n\nĐoạn hai.\u{7}";
        assert_eq!(
            sanitize_rows(body),
            "Đoạn một.\n\nĐội\tThắng\tHòa\nXã Đông\t3\t\n\nĐoạn hai."
        );
    }

    #[test]
    fn folding_maps_d_stroke() {
        assert_eq!(fold_for_search("Đảng ủy đã"), "Dảng ủy dã");
        // Fast path (no mark after đ) and slow path agree with decompose-fold-compose.
        for text in [
            "Đảng ủy đã",
            "đ\u{323}ê",
            "Đ\u{301}",
            "Tie\u{302}\u{301}ng đ",
            "đđ x",
        ] {
            let slow: String = text.nfd().map(fold_d_bar).nfc().collect();
            assert_eq!(fold_for_search(text), slow, "{text:?}");
        }
        assert_eq!(strip_diacritics("Đảng ủy Nhãn lồng"), "dang uy nhan long");
    }
}
