//! The author from the closing signature of a Vietnamese article.
//!
//! Vietnamese portals rarely mark a byline: the writer signs the story's
//! last line instead ("Minh Anh", "H.T", "Lê Thu Hà - Đài Truyền thanh
//! xã", "Thu Hằng (TTXVN)"). That line is kept in the body and marked as
//! the signature; when the page names no author elsewhere, it is the
//! author. Only on Vietnamese text: elsewhere a short last line is as
//! often a slogan or a label as a name.

use super::norm::fold;
use crate::model::{BlockKind, Doc};

/// Words in a signature's name part: a name is short ("Nguyễn Thị Minh
/// Hà" has four).
const NAME_WORDS_MAX: usize = 4;
/// Vietnamese letters (ă, đ, ơ, ư and the ạ…ỹ block) per thousand
/// letters above which text is Vietnamese: ordinary Vietnamese prose has
/// well over a hundred, a foreign page quoting a Vietnamese name a few.
const VIETNAMESE_PER_MILLE: usize = 20;
/// Letters read to tell the language: the opening of the body is enough.
const SAMPLE_LETTERS: usize = 2000;
/// Folded openers of a credit that names a source, not a writer
/// ("Theo Báo Hưng Yên", "Nguồn …").
const SOURCE_OPENERS: &[&str] = &["theo", "nguon"];

/// The signature's text when the doc closes with one that reads as a
/// writer's name and the body is Vietnamese.
pub fn author(doc: &Doc, body: &str) -> Option<String> {
    let last = doc
        .blocks
        .last()
        .filter(|b| b.kind == BlockKind::Signature)?;
    let text = without_role(super::author::without_by(last.text.trim()));
    (is_name_line(text) && is_vietnamese(body)).then(|| text.to_string())
}

/// Folded roles in brackets after a writer's name: "Hải Yến (thực hiện)"
/// did the interview, "Minh Hà (tổng hợp)" compiled the piece.
const ROLES: &[&str] = &[
    "(thuc hien)",
    "(ghi)",
    "(tong hop)",
    "(luoc dich)",
    "(bien dich)",
];

/// The name without the role bracketed after it.
fn without_role(text: &str) -> &str {
    let folded = fold(text);
    ROLES
        .iter()
        .find(|r| folded.ends_with(*r))
        // `fold` keeps char positions: cut as many chars as the role has.
        .and_then(|r| text.char_indices().nth(folded.chars().count() - r.len()))
        .map_or(text, |(at, _)| text[..at].trim_end())
}

/// A name, perhaps followed by its office or agency after " - ", "/", "("
/// or a second name after ",": every word of the name part starts with a
/// capital, no digits or labels anywhere.
fn is_name_line(text: &str) -> bool {
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || ":@|".contains(c))
    {
        return false;
    }
    let cut = [" - ", " – ", "/", "(", ","]
        .iter()
        .filter_map(|s| text.find(s))
        .min()
        .unwrap_or(text.len());
    is_name(text[..cut].trim())
}

/// A writer's name: one to four words, each opening with a capital, of
/// letters and dots only ("Thanh Tâm", "H.T", "TN"); not a source credit.
pub fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = fold(words.first().copied().unwrap_or(""));
    (1..=NAME_WORDS_MAX).contains(&words.len())
        && !SOURCE_OPENERS.contains(&first.as_str())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.')
        })
}

/// Whether the text is written in Vietnamese, judged by its letters.
pub fn is_vietnamese(text: &str) -> bool {
    let (mut letters, mut viet) = (0, 0);
    for c in text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(SAMPLE_LETTERS)
    {
        letters += 1;
        let c = c.to_lowercase().next().unwrap_or(c);
        viet += usize::from(matches!(c, 'ă' | 'đ' | 'ơ' | 'ư' | '\u{1EA1}'..='\u{1EF9}'));
    }
    letters > 0 && viet * 1000 >= letters * VIETNAMESE_PER_MILLE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocBlock;

    const PROSE: &str = "Sau gần hai năm vận động, xã đã hoàn thành dồn điền đổi thửa \
                         trên diện tích đất bãi ven sông, giảm số thửa của mỗi hộ.";

    fn doc_ending(kind: BlockKind, last: &str) -> Doc {
        let block = |kind, text: &str| DocBlock {
            kind,
            text: text.into(),
            links: Vec::new(),
        };
        Doc {
            blocks: vec![block(BlockKind::Paragraph, PROSE), block(kind, last)],
            ..Doc::default()
        }
    }

    #[test]
    fn a_vietnamese_story_signed_at_the_end_names_its_writer() {
        for sig in [
            "TN",
            "H.T",
            "Minh Anh",
            "Lê Thu Hà - Đài Truyền thanh xã",
            "Thu Hằng (TTXVN)",
            "Quang Vinh, Minh Hà",
            "P.V/Báo Hưng Yên",
        ] {
            let doc = doc_ending(BlockKind::Signature, sig);
            assert_eq!(author(&doc, PROSE).as_deref(), Some(sig), "{sig}");
        }
        // A role before or after the name is not part of it.
        for (sig, name) in [
            ("Hải Yến (thực hiện)", "Hải Yến"),
            ("BTV: Minh Châu", "Minh Châu"),
            ("Ảnh: Đức Thịnh", "Đức Thịnh"),
            ("Tác giả: Minh Anh", "Minh Anh"),
        ] {
            let doc = doc_ending(BlockKind::Signature, sig);
            assert_eq!(author(&doc, PROSE).as_deref(), Some(name), "{sig}");
        }
    }

    #[test]
    fn sources_labels_and_phrases_are_not_a_writer() {
        for sig in [
            "Theo Báo Hưng Yên",
            "Nguồn Cổng thông tin tỉnh",
            "Ảnh minh họa",
            "Xem tiếp kỳ 2",
            "Năm 2026",
        ] {
            let doc = doc_ending(BlockKind::Signature, sig);
            assert_eq!(author(&doc, PROSE), None, "{sig}");
        }
    }

    #[test]
    fn only_a_marked_signature_on_a_vietnamese_page_counts() {
        let doc = doc_ending(BlockKind::Paragraph, "Minh Anh");
        assert_eq!(author(&doc, PROSE), None);
        let english = "The council finished merging the riverside plots after two years.";
        let doc = doc_ending(BlockKind::Signature, "Happy Gardening");
        assert_eq!(author(&doc, english), None);
    }
}
