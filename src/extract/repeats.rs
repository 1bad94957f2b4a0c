//! Blocks that are in the container but are not text: a second copy of a
//! gallery's captions (slider and grid print the same ones) and bare URLs
//! (a share widget's permalink, an image's address printed as text).

use std::collections::HashSet;

use super::blocks::{Page, CAPTION};

/// Captions at least this long that come back later in the body are
/// copies (a gallery printed twice: once as a slider, once as a grid).
const REPEAT_MIN: usize = 30;

/// Drops later copies of a long caption, and blocks that are a bare URL.
/// Other text may repeat on purpose (table cells, a refrain).
pub fn drop_repeats(page: &Page, kept: &mut Vec<usize>) {
    let mut seen: HashSet<&str> = HashSet::new();
    kept.retain(|&i| {
        let b = &page.blocks[i];
        let t = b.text.as_str();
        // A linked address is printed for the reader to follow (a shop's
        // short link under each item); an unlinked one is a widget's.
        if is_bare_url(t) && !b.is_linky() {
            return false;
        }
        let caption = b.after_img || b.hints & CAPTION != 0;
        !caption || b.chars < REPEAT_MIN || seen.insert(t)
    });
    drop_cut_copies(page, kept);
}

/// Drops a caption's shortened copy ("Defense ministers shake hands in
/// Hanoi, where … more"): a slider shows it cut, with a button that opens
/// the full text, which the page also holds.
fn drop_cut_copies(page: &Page, kept: &mut Vec<usize>) {
    let texts: Vec<&str> = kept.iter().map(|&i| page.blocks[i].text.as_str()).collect();
    let cut: Vec<bool> = texts
        .iter()
        .map(|t| {
            cut_stem(t).is_some_and(|stem| {
                texts
                    .iter()
                    .any(|o| o.len() > stem.len() && o.starts_with(stem) && cut_stem(o).is_none())
            })
        })
        .collect();
    let mut n = 0;
    kept.retain(|_| {
        n += 1;
        !cut[n - 1]
    });
}

/// The text before a trailing "... more" / "… more", when long enough to
/// be a caption's start.
fn cut_stem(t: &str) -> Option<&str> {
    let rest = t.strip_suffix("more")?.trim_end();
    let stem = rest
        .strip_suffix("...")
        .or_else(|| rest.strip_suffix('…'))?
        .trim_end();
    (stem.chars().count() >= REPEAT_MIN).then_some(stem)
}

/// A line that is nothing but an http(s) address.
pub fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str = "Đoàn thanh niên xã ra quân dọn vệ sinh đường làng vào sáng Chủ nhật.";
    const CAP: &str = "Các đoàn viên thu gom rác dọc bờ mương của thôn Đông";

    #[test]
    fn a_gallery_printed_twice_keeps_one_copy_of_each_caption() {
        let fig = format!("<figure><img src=a.jpg><figcaption>{CAP}</figcaption></figure>");
        let html = format!("<div><p>{PARA}</p>{fig}<p>{PARA}.</p>{fig}</div>");
        assert_eq!(body(&html), [PARA, CAP, &format!("{PARA}.")]);
    }

    #[test]
    fn a_cut_copy_of_a_caption_goes() {
        let cut = "Các đoàn viên thu gom rác dọc bờ mương ... more";
        let html = format!(
            "<div><p>{PARA}</p><figure><img src=a.jpg><figcaption>{CAP}</figcaption></figure>\
             <figure><img src=a.jpg><figcaption>{cut}</figcaption></figure><p>{PARA}.</p></div>"
        );
        assert_eq!(body(&html), [PARA, CAP, &format!("{PARA}.")]);
    }

    #[test]
    fn repeated_text_stays_and_a_bare_url_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>https://xa.example.vn/tin/don-ve-sinh.html</p><p>{PARA}</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn a_linked_address_under_an_item_stays() {
        let item = "1) Nồi cơm điện 1,8 lít, giảm 20% đến hết tuần";
        let link = "https://cho.example.vn/noi-com";
        let html = format!(
            "<div><p>{PARA}</p><p>{item}<br><a href={link}>{link}</a></p><p>{PARA}</p></div>"
        );
        assert_eq!(body(&html), [PARA, item, link, PARA]);
    }
}
