//! Headings left without their section. When the body drops a box (a link
//! list, a teaser rail, a share bar, a sign-up form), the box's own heading
//! ("Tin cùng chủ đề", "Xem thêm:", "Mehr zum Thema") is a short plain line
//! that survives on its own and dangles in the text. A heading is an orphan
//! when what follows it was dropped: a run of at least two blocks before the
//! next kept one, or everything up to the end of the container. One dropped
//! block (an embed's link, a shop button) does not make a section empty.

use super::blocks::{Block, Page};
use super::content::is_prose;

/// Longer headings are text, not labels.
const HEADING_MAX: usize = 80;
/// A line ending with a colon is a label only when this short ("Kontakt:");
/// a longer one is a sentence that introduces what follows.
const COLON_MAX: usize = 40;
/// Dropped blocks right after a heading that make its section empty.
const EMPTY_RUN: usize = 2;
/// At most this many labels go together at the end ("Liên hệ:" over a
/// box heading, or a last heading with nothing under it); a long run of
/// headings there is a list, not a box.
const TRAILING_MAX: usize = 2;
/// Lines above the title longer than this are not a kicker.
const KICKER_MAX: usize = 60;

/// Drops orphan headings from `kept` (the container's blocks in page
/// order); the container's blocks end before `end`.
pub fn drop_orphans(page: &Page, kept: &mut Vec<usize>, end: usize) {
    // A trailing heading is dropped only below kept text, so a page that
    // is nothing but headings keeps them.
    let first_text = kept.iter().position(|&k| !is_label(&page.blocks[k]));
    let mut orphan = vec![false; kept.len()];
    // The next kept block: gaps count the blocks the body left out.
    let mut next = end;
    let mut text_after = false;
    let mut trailing = 0;
    for pos in (0..kept.len()).rev() {
        let i = kept[pos];
        let gap = next - i - 1;
        next = i;
        if !is_label(&page.blocks[i]) {
            text_after = true;
            continue;
        }
        let teaser = gap == 1 && is_headline_link(&page.blocks[i + 1]);
        let below_text = first_text.is_some_and(|f| f < pos);
        // A heading element that ends the body heads nothing: its box sat
        // outside the container ("Mehr zum Thema" over a rail the page puts
        // elsewhere). A last line with a colon may introduce a gallery.
        let stop = trailing >= TRAILING_MAX;
        let last = !stop && (trailing == 1 || page.blocks[i].heading > 0);
        let tail = !text_after && below_text && (gap > 0 || last);
        orphan[pos] = gap >= EMPTY_RUN || teaser || tail;
        // The first trailing label kept ends the run of dropped ones.
        trailing = if orphan[pos] && tail {
            trailing + 1
        } else {
            TRAILING_MAX
        };
    }
    let mut pos = 0;
    kept.retain(|_| {
        pos += 1;
        !orphan[pos - 1]
    });
}

/// Short lines above the title: a kicker ("Thời sự", "Promis"), a
/// section name, an author's name over the headline. The story starts
/// under its title, so they go as long as no prose came before.
pub fn drop_kickers(page: &Page, kept: &mut Vec<usize>, title: Option<usize>) {
    let Some(t) = title else {
        return;
    };
    let top = kept
        .iter()
        .take_while(|&&i| i < t && !is_prose(&page.blocks[i]))
        .count();
    if top < kept.len()
        && kept[..top]
            .iter()
            .all(|&i| page.blocks[i].chars <= KICKER_MAX)
    {
        kept.drain(..top);
    }
}

/// A link of several words: another article's headline ("Explore
/// further" over one story), not an embed's address or a one-word button.
fn is_headline_link(b: &Block) -> bool {
    let words = b.text.split_whitespace();
    b.is_linky() && words.filter(|w| w.chars().any(char::is_alphabetic)).count() >= 4
}

/// A short heading element, or a short line that announces what follows
/// ("Kontakt:") or asks the reader ("Schon gelesen?", "Bạn thấy bài viết
/// thế nào?") over a box.
fn is_label(b: &Block) -> bool {
    let end = b.text.trim_end();
    let colon = b.chars <= COLON_MAX && end.ends_with([':', '?']);
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
    fn a_heading_over_one_link_stays() {
        let html = format!(
            "<div><p>{PARA}</p><h3>Xem video</h3><p><a href=/v>video.example/x</a></p>\
             <p>{PARA}</p></div>"
        );
        assert_eq!(body(&html), [PARA, "Xem video", PARA]);
    }

    #[test]
    fn a_last_heading_with_nothing_under_it_goes() {
        let html = format!("<div><p>{PARA}</p><p>{PARA}</p><h3>Thông tin thêm</h3></div>");
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn a_heading_over_one_headline_link_goes() {
        let html = format!(
            "<div><p>{PARA}</p><h4>Đọc tiếp</h4>\
             <p><a href=/k>Nông dân trồng thêm cây ăn quả trên đất lúa</a></p><p>{PARA}</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn a_list_of_headings_at_the_end_is_not_wiped() {
        let items: String = ["Lúa", "Ngô", "Khoai", "Sắn"]
            .iter()
            .map(|w| format!("<h3>{w}</h3>"))
            .collect();
        let html = format!("<div><p>{PARA}</p>{items}<p><a href=/x>Tải về</a></p></div>");
        assert_eq!(body(&html), [PARA, "Lúa", "Ngô"]);
    }

    #[test]
    fn a_question_to_the_reader_over_a_dropped_box_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>{PARA}</p><p>Bạn thấy bài viết thế nào?</p>\
             <ul><li><a href=/1>Rất hữu ích</a></li><li><a href=/2>Chưa hữu ích</a></li></ul></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }
}
