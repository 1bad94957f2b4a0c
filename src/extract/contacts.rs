//! Contact boxes: a press release or an institute's news item ends with
//! "Kontakt:" / "Pressekontakt" / "Liên hệ" over a few short lines (a
//! name, a role, an address, a phone number). The reader wants the story,
//! not the press office's card, so the label and the short lines under it
//! go. A long line ends the box: it is text again.

use super::blocks::{Block, Page};
use super::content::is_prose;
use super::norm::{fold, starts_with_word, trim_decor};

/// A contact label is a short line ("Ansprechpartner Presse bei X").
const LABEL_MAX: usize = 40;
const LABEL_WORDS: usize = 6;
/// Lines of the card: a name, a role, an address, a phone number.
const CARD_LINE_MAX: usize = 80;
/// A card holds at most this many lines; more is a list, not a card.
const CARD_MAX: usize = 12;

/// Folded words that open a contact label.
const CONTACT_WORDS: &[&str] = &[
    "kontakt",
    "pressekontakt",
    "ansprechpartner",
    "ansprechpartnerin",
    "contact",
    "press contact",
    "media contact",
    "contacto",
    "lien he",
];

/// Drops contact labels below the story's first paragraph, with the short
/// lines of the card under each.
pub fn drop_contact_cards(page: &Page, kept: &mut Vec<usize>) {
    let Some(first) = kept.iter().position(|&i| is_prose(&page.blocks[i])) else {
        return;
    };
    let mut drop = vec![false; kept.len()];
    let mut pos = first + 1;
    while pos < kept.len() {
        if !is_contact_label(&page.blocks[kept[pos]]) {
            pos += 1;
            continue;
        }
        let card = kept[pos + 1..]
            .iter()
            .take(CARD_MAX)
            .take_while(|&&i| page.blocks[i].chars <= CARD_LINE_MAX)
            .count();
        drop[pos..=pos + card].iter_mut().for_each(|d| *d = true);
        pos += card + 1;
    }
    let mut at = 0;
    kept.retain(|_| {
        at += 1;
        !drop[at - 1]
    });
}

fn is_contact_label(b: &Block) -> bool {
    let f = fold(&b.text);
    let f = trim_decor(&f);
    b.chars <= LABEL_MAX
        && f.split_whitespace().count() <= LABEL_WORDS
        && CONTACT_WORDS.iter().any(|w| starts_with_word(f, w))
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str = "Viện nghiên cứu lúa vừa công bố giống lúa mới chịu mặn, cho năng suất \
        cao hơn giống cũ khoảng một phần năm trên đất ven biển.";
    const MORE: &str = "Giống lúa này sẽ được trồng thử trên ba trăm héc-ta ở các xã ven biển \
        trong vụ xuân tới, dưới sự theo dõi của các kỹ sư của viện.";

    #[test]
    fn a_contact_card_under_the_story_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>Liên hệ:</p><p>Nguyễn Văn An</p><p>Phòng truyền thông</p>\
             <p>Điện thoại 0221 3 123 456</p><p>{MORE}</p></div>"
        );
        assert_eq!(body(&html), [PARA, MORE]);
    }

    #[test]
    fn a_sentence_about_contact_stays() {
        let line = "Liên hệ với viện để nhận giống thử nghiệm miễn phí trong năm nay.";
        let html = format!("<div><p>{PARA}</p><p>{line}</p><p>Nguyễn Văn An</p></div>");
        assert_eq!(body(&html), [PARA, line, "Nguyễn Văn An"]);
    }
}
