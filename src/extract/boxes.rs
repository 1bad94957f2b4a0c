//! Furniture boxes inside the article's container. Class/id hints are
//! distrusted on a page where one of them wraps the article itself (a theme
//! class such as "layout-sidebar"); the boxes nested inside the container
//! that carry such hints are still share bars, author boxes or sign-up
//! forms, and the body leaves them out.

use std::collections::HashSet;

use super::blocks::Page;
use super::content::{is_prose, Pick};

/// Hinted boxes inside a container hold less than 1/INNER_BOX_SHARE of its
/// prose, or their hint word is not about furniture.
const INNER_BOX_SHARE: usize = 3;

/// Furniture-hinted elements inside the container `pick`. When the hints were
/// distrusted because one of them wraps the article, the boxes inside it
/// (a share bar, an author box, a sign-up form) are still furniture, as
/// long as together they hold little of the text; when they hold much of
/// it, the hint word is the theme's name for every block ("widget").
pub fn inside(page: &Page, pick: Pick) -> HashSet<usize> {
    let mut boxes = HashSet::new();
    if pick.trust.hints {
        return boxes;
    }
    let el = &page.elems[pick.elem];
    let (mut total, mut boxed) = (0, 0);
    for b in &page.blocks[el.start..el.end] {
        let prose = if is_prose(b) { b.chars } else { 0 };
        total += prose;
        // The hinted element holds a block of the container, so it is
        // inside the container exactly when it is deeper.
        if b.hint_boiler && page.elems[b.hint_elem].depth > el.depth {
            boxes.insert(b.hint_elem);
            boxed += prose;
        }
    }
    if boxed * INNER_BOX_SHARE > total {
        boxes.clear();
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str = "Chiều nay, hội nông dân xã tổ chức buổi tập huấn về cách bón phân cho lúa.";
    const SHARE: &str = "Hãy chia sẻ bài viết này cho bạn bè nếu bạn thấy nó có ích nhé.";

    #[test]
    fn a_share_box_inside_a_distrusted_wrapper_goes() {
        let html = format!(
            "<div class=layout-with-sidebar><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
             <div class=share-box><p>{SHARE}</p></div></div>"
        );
        assert_eq!(body(&html), [PARA, PARA, PARA]);
    }

    #[test]
    fn a_hint_word_on_every_block_is_the_theme() {
        let para = format!("<div class=text-widget><p>{PARA}</p></div>");
        let html = format!("<div class=sidebar-page>{}</div>", para.repeat(3));
        assert_eq!(body(&html), [PARA, PARA, PARA]);
    }
}
