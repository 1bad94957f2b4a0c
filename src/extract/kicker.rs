//! Headings marked up as two lines: a kicker above the headline
//! (`<h1><span class="dachzeile">Nach dem Sturm</span> Điện đã có lại</h1>`,
//! a `<time>` before the words) or a `<small>` subtitle after it. Readers
//! see two lines; the headline alone is the title.
//!
//! Only the markup is read: a heading whose visible parts are exactly one
//! element and then the rest. More parts (a heading split word by word
//! for an animation) or a lone part are left alone.

use scraper::{ElementRef, Html, Node, Selector};

use super::norm::{clean, fold, weight};

/// A heading's whole text and its headline without the kicker or subtitle.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub whole: String,
    pub headline: String,
}

/// The split headings of the page (`h1` and `h2`).
pub fn find(doc: &Html) -> Vec<Split> {
    let Ok(sel) = Selector::parse("h1, h2") else {
        return Vec::new();
    };
    doc.select(&sel).filter_map(split).collect()
}

/// The headline of the heading whose text is `text`, when it is split.
pub fn headline<'a>(splits: &'a [Split], text: &str) -> Option<&'a str> {
    let key = squashed(text);
    splits
        .iter()
        .find(|s| squashed(&s.whole) == key)
        .map(|s| s.headline.as_str())
}

/// Folded text without any whitespace: the page's spacing between the
/// parts (none, one space, a hidden ": ") must not matter.
fn squashed(s: &str) -> String {
    fold(s).chars().filter(|c| !c.is_whitespace()).collect()
}

struct Part {
    text: String,
    /// The element's name, class and style; None for a bare text node.
    look: Option<(String, String, String)>,
    small: bool,
}

fn split(h: ElementRef) -> Option<Split> {
    let mut parts = Vec::new();
    for child in h.children() {
        match child.value() {
            Node::Text(t) if !t.trim().is_empty() => parts.push(Part {
                text: clean(t),
                look: None,
                small: false,
            }),
            Node::Element(_) => {
                let el = ElementRef::wrap(child)?;
                if screen_reader_only(el) {
                    continue;
                }
                let text = clean(&el.text().collect::<String>());
                if text.is_empty() {
                    continue;
                }
                let name = el.value().name();
                if !matches!(name, "span" | "small" | "time" | "div" | "p") {
                    return None;
                }
                let attr = |a| el.value().attr(a).unwrap_or("").to_string();
                parts.push(Part {
                    text,
                    look: Some((name.to_string(), attr("class"), attr("style"))),
                    small: name == "small",
                });
            }
            _ => {}
        }
    }
    let [first, second] = parts.as_slice() else {
        return None;
    };
    // Two parts dressed alike are one line broken by the editor.
    if first.look.is_some() && first.look == second.look {
        return None;
    }
    let headline = if second.small {
        &first.text
    } else if first.look.is_some() && weight(&first.text) <= 60 {
        &second.text
    } else {
        return None;
    };
    // A headline does not start mid-sentence: "<span>Ehezoff</span> der
    // Pochers …" is one sentence with its first word emphasised.
    let mid_sentence = headline.chars().next().is_some_and(char::is_lowercase);
    (weight(headline) >= 10 && !mid_sentence).then(|| Split {
        whole: clean(&h.text().collect::<String>()),
        headline: headline.clone(),
    })
}

/// Text kept for screen readers only (a ": " or " – " between kicker and
/// headline), which the reader does not show either.
fn screen_reader_only(el: ElementRef) -> bool {
    let e = el.value();
    let class = e.attr("class").unwrap_or("").to_ascii_lowercase();
    e.attr("aria-hidden") == Some("true")
        || ["hidden", "invisible", "sr-only", "screen-reader"]
            .iter()
            .any(|k| class.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splits(html: &str) -> Vec<Split> {
        find(&Html::parse_document(html))
    }

    #[test]
    fn kicker_span_before_the_headline() {
        let s = splits(
            "<h1><span class=dachzeile>Sau bão số 3</span> \
             <span class=sr-only>: </span>Điện đã có lại ở Quảng Ninh</h1>",
        );
        assert_eq!(s[0].headline, "Điện đã có lại ở Quảng Ninh");
        assert_eq!(
            headline(&s, "Sau bão số 3: Điện đã có lại ở Quảng Ninh"),
            Some("Điện đã có lại ở Quảng Ninh")
        );
    }

    #[test]
    fn small_subtitle_after_the_headline() {
        let s = splits("<h2><span>Chợ nổi Cái Răng</span><small>Một buổi sáng</small></h2>");
        assert_eq!(s[0].headline, "Chợ nổi Cái Răng");
    }

    #[test]
    fn plain_or_word_by_word_headings_are_not_split() {
        assert!(splits("<h1>Điện đã có lại ở Quảng Ninh</h1>").is_empty());
        assert!(splits("<h1><span>Điện đã có lại ở Quảng Ninh</span></h1>").is_empty());
        let words = "<h1><span>Điện</span> <span>đã</span> <span>có lại</span></h1>";
        assert!(splits(words).is_empty());
        // A link in the heading is not a kicker.
        assert!(splits("<h1><a href=/x>Tin</a> Điện đã có lại ở Quảng Ninh</h1>").is_empty());
        // An emphasised first word, or one line in two equal spans.
        assert!(splits("<h1><span class=em>Điện</span> đã có lại ở Quảng Ninh</h1>").is_empty());
        let halves =
            "<h1><span class=big>Điện đã có </span><span class=big>lại ở Quảng Ninh</span></h1>";
        assert!(splits(halves).is_empty());
    }
}
