//! Headings left without their section. When the body drops a box (a link
//! list, a teaser rail, a share bar, a sign-up form), the box's own heading
//! ("Tin cùng chủ đề", "Xem thêm:", "Mehr zum Thema") is a short plain line
//! that survives on its own and dangles in the text. A heading is an orphan
//! when what follows it was dropped: a run of at least two blocks before the
//! next kept one, or everything up to the end of the container. One dropped
//! block (an embed's link, a shop button) does not make a section empty.

use super::blocks::{Block, Page};

/// Longer headings are text, not labels.
const HEADING_MAX: usize = 80;
/// A line ending with a colon is a label only when this short ("Kontakt:");
/// a longer one is a sentence that introduces what follows.
const COLON_MAX: usize = 40;
/// Dropped blocks right after a heading that make its section empty.
const EMPTY_RUN: usize = 2;

/// Drops orphan headings from `kept` (the container's blocks in page
/// order); the container's blocks end before `end`.
pub fn drop_orphans(page: &Page, kept: &mut Vec<usize>, end: usize) {
    // From the end, so a run of trailing headings goes as a whole.
    let mut next = end;
    let mut text_after = false;
    let mut out = Vec::with_capacity(kept.len());
    for &i in kept.iter().rev() {
        let b = &page.blocks[i];
        let gap = next - i - 1;
        let orphan = is_label(b)
            && (gap >= EMPTY_RUN || (!text_after && gap > 0 && has_text_before(page, kept, i)));
        if !orphan {
            out.push(i);
            next = i;
            text_after |= !is_label(b);
        }
    }
    out.reverse();
    *kept = out;
}

/// A trailing heading is dropped only below kept text, so a page that is
/// nothing but headings keeps them.
fn has_text_before(page: &Page, kept: &[usize], i: usize) -> bool {
    kept.iter()
        .take_while(|&&k| k < i)
        .any(|&k| !is_label(&page.blocks[k]))
}

/// A short heading element, or a short line that announces what follows.
fn is_label(b: &Block) -> bool {
    let colon = b.chars <= COLON_MAX && b.text.trim_end().ends_with(':');
    colon || (b.chars <= HEADING_MAX && b.heading > 0)
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str =
        "Mùa này nông dân trong huyện thu hoạch lúa sớm, năng suất cao hơn năm trước.";

    #[test]
    fn heading_of_a_dropped_link_list_goes() {
        let html = format!(
            "<div><h2>Vụ mùa</h2><p>{PARA}</p><p>{PARA}</p>\
             <h3>Cùng chủ đề</h3><ul><li><a href=/a>Giá phân bón tăng mạnh</a></li>\
             <li><a href=/b>Nước tưới đã về đồng</a></li></ul><p>{PARA}</p></div>"
        );
        assert_eq!(body(&html), ["Vụ mùa", PARA, PARA, PARA]);
    }

    #[test]
    fn trailing_labels_over_dropped_blocks_go() {
        let html = format!(
            "<div><p>{PARA}</p><h3>Kết quả</h3><p>{PARA}</p>\
             <p>Liên hệ:</p><h4>Chủ đề</h4><p><a href=/t>Nông nghiệp</a></p></div>"
        );
        assert_eq!(body(&html), [PARA, "Kết quả", PARA]);
    }

    #[test]
    fn a_heading_over_one_link_or_nothing_stays() {
        let html = format!(
            "<div><p>{PARA}</p><h3>Xem video</h3><p><a href=/v>https://video.example/x</a></p>\
             <p>{PARA}</p><h3>Phụ lục</h3></div>"
        );
        assert_eq!(body(&html), [PARA, "Xem video", PARA, "Phụ lục"]);
    }
}
