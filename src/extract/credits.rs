//! Photo credits and gallery counters: lines about the picture's owner or
//! position ("Foto: Lan Hương", "Credits:", "Image 3 of 8"), which the
//! reader does not need. A caption that describes the photo ("Ảnh: Quang
//! cảnh hội nghị.") stays: after the label, a credit holds only names.

/// Folded labels that open a credit; the longer forms first.
const LABELS: &[&str] = &[
    "image credit",
    "photograph by",
    "credits photos",
    "credit photo",
    "photo credit",
    "bildquelle",
    "titelbild",
    "beitragsbild",
    "credits",
    "credito",
    "credit",
    "photos",
    "photo",
    "fotos",
    "foto",
    "bild",
    "photograph",
    "imagen",
    "image",
    "quelle",
    "zrodlo",
    "anh",
    "kuva",
];

/// Picture agencies (folded): a short line naming one is a credit.
const AGENCIES: &[&str] = &[
    "shutterstock",
    "getty images",
    "istock",
    "fotolia",
    "pixabay",
    "unsplash",
    "adobe stock",
    "depositphotos",
    "picture alliance",
    "imago images",
    "thinkstock",
    "clipdealer",
    "pixelio",
    "wenn.com",
    "stock.adobe.com",
    "imagebank",
];

/// Whole lines that are gallery and ad controls, never text (folded).
const CONTROLS: &[&str] = &[
    "caption",
    "close",
    "back to gallery",
    "view gallery",
    "enlarge",
    "fullscreen",
    "advert",
    "advertisement",
    "anzeige",
    "werbung",
    "reklama",
    "publicidad",
    "publicite",
    "pubblicita",
    "quang cao",
    "this slideshow requires javascript",
];

/// Words that join names in a credit ("A und B", "A / B").
const JOINERS: &[&str] = &["und", "and", "va", "et", "y", "/", "&", "-", "|", ","];

/// A credit or a counter line (`folded` is the block's folded text).
pub fn is_credit(folded: &str, text: &str) -> bool {
    if folded.chars().count() > 60 {
        return false;
    }
    let bare = folded.trim_matches(['.', ':', ' ', '-', '–', '|', '*']);
    // "(Foto: Lê Hà)": brackets around a credit; `fold` keeps chars one
    // for one, so the same trim cuts both strings alike.
    let (folded, text) = (unwrap(folded), unwrap(text));
    CONTROLS.contains(&bare)
        || is_counter(folded)
        || credit_names(folded, text)
        || agency_line(folded)
}

fn unwrap(s: &str) -> &str {
    // ". Ảnh: TTXVN": a caption whose text part is empty keeps its dot.
    let s = s.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    s.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace())
}

/// "Augusta National/Getty Images", "iStock.com": a few words naming a
/// picture agency, not a sentence.
fn agency_line(folded: &str) -> bool {
    folded.split_whitespace().count() <= 6
        && !folded.ends_with(['.', '!', '?'])
        && AGENCIES.iter().any(|a| folded.contains(a))
}

/// "Image 3 of 8", "ảnh 2/6", "1 von 5".
fn is_counter(folded: &str) -> bool {
    // "Image 1 of / 23": the slash is a stray separator.
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words: Vec<&str> = if words.contains(&"of") {
        words.into_iter().filter(|w| *w != "/").collect()
    } else {
        words
    };
    let nums = match words.as_slice() {
        [label, rest @ ..] if LABELS.contains(label) => rest,
        all => all,
    };
    let num = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match nums {
        [a, sep, b] => num(a) && num(b) && ["of", "/", "von", "sur", "de", "tren"].contains(sep),
        [ab] => ab.split_once('/').is_some_and(|(a, b)| num(a) && num(b)),
        _ => false,
    }
}

/// A caption without the credit printed at its end ("Đồng lúa chín. Ảnh:
/// Minh Trí", "Marco on the slope. © AFP / Jane Roe", "… (Foto: Privat)"):
/// the reader shows what the photo is about, not whose it is. The whole
/// caption is returned when no tail is a credit, or nothing would be left.
pub fn caption_without_credit(text: &str) -> &str {
    for (p, c) in text.char_indices() {
        let starts_word = text[..p].ends_with(char::is_whitespace);
        if !starts_word || c.is_whitespace() {
            continue;
        }
        let head = text[..p].trim_end();
        let tail = &text[p..];
        let credit = if let Some(h) = head.strip_suffix('©') {
            // "© AFP / Jane Roe": the sign is the label, names follow.
            return if h.trim_end().chars().count() >= 10 && only_names(tail) {
                h.trim_end()
            } else {
                text
            };
        } else {
            (head.ends_with(['.', '!', '?']) || tail.starts_with('('))
                && is_credit(&super::norm::fold(tail), tail)
        };
        if credit && head.chars().count() >= 10 {
            return head;
        }
    }
    text
}

/// Company forms written in lower case after a name ("Future plc").
const COMPANY_FORMS: &[&str] = &["plc", "ltd", "inc", "llc", "gmbh", "corp"];

/// At most six words, each a capitalised name, a joiner, a company form or
/// a handle.
fn only_names(names: &str) -> bool {
    let words: Vec<&str> = names.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && !names.ends_with(['.', '!', '?'])
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            JOINERS.contains(&lower.as_str())
                || COMPANY_FORMS.contains(&lower.as_str())
                || w.chars().next().is_some_and(|c| !c.is_lowercase())
                // "ccnull/Marco", "jorisvo.de": handles and sites.
                || w.contains(['/', '.'])
        })
}

/// A label, then nothing or names only: capitalised words and joiners.
fn credit_names(folded: &str, text: &str) -> bool {
    let Some(label) = LABELS.iter().find(|l| folded.starts_with(**l)) else {
        return false;
    };
    let rest = folded[label.len()..].trim_start();
    if !(rest.is_empty() || rest.starts_with(':') || label.ends_with(" by")) {
        return false;
    }
    // `fold` keeps char positions, so the names are cut from `text` there.
    let skip = folded.len() - rest.len();
    let n = folded[..skip].chars().count();
    let names: String = text.chars().skip(n).collect();
    let names = names.trim_start_matches([':', ' ']).trim_end();
    names.is_empty() || only_names(names)
}

#[cfg(test)]
mod tests {
    use super::super::norm::fold;
    use super::*;

    fn credit(s: &str) -> bool {
        is_credit(&fold(s), s)
    }

    #[test]
    fn credits_and_counters_go() {
        assert!(credit("Ảnh: Trần Minh"));
        assert!(credit("Foto: Lê Hà / TTXVN"));
        assert!(credit("Credits:"));
        assert!(credit("(Image credit: Future plc)"));
        assert!(credit("Image 3 of 8"));
        assert!(credit("ảnh 2/6"));
        assert!(credit("4 / 9"));
        assert!(credit("Image 2 of / 12"));
        assert!(credit("Quảng cáo"));
        assert!(credit("- Quảng cáo -"));
        assert!(credit("Back to Gallery"));
        assert!(credit("(Ảnh: Minh Trí)"));
        assert!(credit("Photograph by Mai Lan Phương"));
        assert!(credit("Foto: nhiepanh/Hà Nội"));
        assert!(credit("Hoàng Long/Getty Images"));
        assert!(credit("iStock.com"));
        assert!(credit("(crédito: Lê Minh/TTXVN)"));
        assert!(credit("Trần Hà/Clipdealer"));
        assert!(credit("Źródło: PAP"));
        assert!(credit(". Ảnh: TTXVN"));
        assert!(credit("Kuva: Mai Anh"));
    }

    #[test]
    fn a_credit_at_the_end_of_a_caption_goes() {
        let cut = caption_without_credit;
        assert_eq!(
            cut("Đồng lúa chín ở Tiên Lữ. Ảnh: Minh Trí"),
            "Đồng lúa chín ở Tiên Lữ."
        );
        assert_eq!(
            cut("Lễ khánh thành cầu mới. (Ảnh: Lê Hà/TTXVN)"),
            "Lễ khánh thành cầu mới."
        );
        assert_eq!(
            cut("Vận động viên về đích. © AFP / LÊ NAM"),
            "Vận động viên về đích."
        );
        assert_eq!(
            cut("Hội nghị tổng kết năm (Foto: Privat)"),
            "Hội nghị tổng kết năm"
        );
        // What the photo shows stays, even after a label.
        let told = "Toàn cảnh hội nghị. Ảnh: đại biểu biểu quyết thông qua nghị quyết";
        assert_eq!(cut(told), told);
        // A credit alone is not cut to nothing here (the line goes whole).
        assert_eq!(cut("Ảnh: Minh Trí"), "Ảnh: Minh Trí");
        assert_eq!(
            cut("Ông Nguyễn Văn A phát biểu"),
            "Ông Nguyễn Văn A phát biểu"
        );
    }

    #[test]
    fn describing_captions_stay() {
        assert!(!credit("Ảnh: Quang cảnh hội nghị."));
        assert!(!credit("Ảnh: bà con gặt lúa trên đồng"));
        assert!(!credit("Photos of the flooded road near the market"));
        assert!(!credit("Anh Hùng kể lại chuyến đi"));
        assert!(!credit("Năm 2020 có 3 / 8 xã đạt chuẩn"));
        assert!(!credit("Close to the river"));
        assert!(!credit("Nhiều ảnh đẹp của xã được bán trên Shutterstock."));
        assert!(!credit("(Ảnh: bà con gặt lúa trên đồng)"));
    }
}
