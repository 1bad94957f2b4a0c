//! Flattens the DOM into a list of text blocks in page order.
//!
//! Every block-level element (and `<br>`, `<img>`) ends the current block, so
//! a block is one visual line or paragraph. Each block keeps its inline runs
//! (to see links), counts of linked and bold characters, and flags inherited
//! from its ancestors. Block-level elements are recorded in a small arena
//! with their block range, so "the blocks inside element E" is a range. The
//! walk is iterative: depth is bounded by the guard, but not the stack size.

pub use super::hints::Tag;
pub use super::hints::{is_home_word, CAPTION, CRUMB, DATE, LEAD, RELATED, TITLE};
#[cfg(test)]
pub use super::walk::flatten;
pub use super::walk::flatten_marked;

/// One inline run: text, and the link target when it is inside `<a href>`.
#[derive(Debug, Clone, Default)]
pub struct Piece {
    pub text: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Block {
    /// Clean text (NFC, collapsed).
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Index of the nearest block-level element in [`Page::elems`].
    pub elem: usize,
    /// 1–6 inside `<hN>`, else 0.
    pub heading: u8,
    pub chars: usize,
    pub link_chars: usize,
    pub bold_chars: usize,
    /// An image came between the previous block and this one.
    pub after_img: bool,
    pub hints: u8,
    /// Inside nav/aside/footer (or a header outside the article).
    pub tag_boiler: bool,
    /// Inside an element whose class/id names furniture.
    pub hint_boiler: bool,
    /// The innermost block element whose class/id names furniture (with
    /// [`Block::hint_boiler`]): tells a box inside the article from a
    /// wrapper around it.
    pub hint_elem: usize,
    /// Inside a comment section (class/id names comments or replies).
    pub comment: bool,
    /// Inside elements a source's selectors picked ([`SEL_BODY`] …).
    pub sel: u8,
}

/// Selector bits: which of a source's selectors matched an ancestor.
pub const SEL_BODY: u8 = 1;
pub const SEL_META: u8 = 2;
pub const SEL_RELATED: u8 = 4;

impl Block {
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }

    pub fn is_linky(&self) -> bool {
        self.link_chars * 2 > self.chars
    }

    pub fn is_bold(&self) -> bool {
        self.bold_chars * 10 >= self.chars * 8
    }
}

#[derive(Debug, Clone)]
pub struct Elem {
    pub parent: Option<usize>,
    pub depth: usize,
    pub hints: u8,
    pub tag: Tag,
    /// Blocks `start..end` are inside this element.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub struct Page {
    pub blocks: Vec<Block>,
    pub elems: Vec<Elem>,
}

impl Page {
    /// Ancestors of `elem`, itself first.
    pub fn ancestors(&self, elem: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(elem), |&e| self.elems[e].parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn page(html: &str) -> Page {
        flatten(&Html::parse_document(html))
    }

    #[test]
    fn blocks_follow_block_elements_and_breaks() {
        let p = page("<div>Dòng một<br>dòng <b>hai</b><p>Đoạn <a href='/x'>ba</a></p>cuối</div>");
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Dòng một", "dòng hai", "Đoạn ba", "cuối"]);
        assert_eq!(p.blocks[2].link_chars, 2);
        assert_eq!(p.blocks[2].pieces[1].href.as_deref(), Some("/x"));
    }

    #[test]
    fn skipped_and_furniture_content() {
        let p = page(
            "<script>var a='Mã';</script><nav><a href=/>Trang chủ</a></nav>\
             <div class='box-poll'>Ý kiến</div><div class='main-content'>Bài</div>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Trang chủ", "Ý kiến", "Bài"]);
        assert!(p.blocks[0].tag_boiler && p.blocks[1].hint_boiler);
        assert!(!p.blocks[2].hint_boiler && !p.blocks[2].tag_boiler);
    }

    #[test]
    fn images_mark_the_next_block_and_ranges_nest() {
        let p = page("<div id=a><p><img src=x.jpg alt='ảnh'></p><p>Chú thích</p></div><p>Sau</p>");
        assert!(p.blocks[0].after_img);
        assert_eq!(p.blocks[0].text, "Chú thích");
        let outer = p.blocks[0].elem;
        let div = p.elems[outer].parent.unwrap();
        assert_eq!((p.elems[div].start, p.elems[div].end), (0, 1));
    }

    #[test]
    fn ruby_readings_do_not_split_words() {
        let p = page("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字を読む</p>");
        assert_eq!(p.blocks[0].text, "漢字を読む");
    }

    #[test]
    fn bold_and_hints() {
        let p = page(
            "<div class='sapo'><strong>Tóm tắt bài</strong></div><figcaption>Ảnh</figcaption>",
        );
        assert!(p.blocks[0].is_bold() && p.blocks[0].hints & LEAD != 0);
        assert!(p.blocks[1].hints & CAPTION != 0);
    }

    #[test]
    fn a_quoted_post_in_a_social_embed_is_not_a_share_bar() {
        let body = super::super::content::body_texts;
        let para = "Người dân trong xã đã góp công, góp của để làm con đường mới, rộng và sạch.";
        let post = "Con đường mới về làng đẹp quá, cảm ơn bà con đã chung tay góp sức!";
        let html = format!(
            "<div class=story><p>{para}</p><div class=social-media-embed>\
             <blockquote class=twitter-tweet><p>{post}</p></blockquote></div><p>{para}</p>\
             <div class=social-share><p>{post}</p></div></div>"
        );
        assert_eq!(body(&html), [para, post, para]);
    }

    #[test]
    fn a_big_bold_font_line_is_a_heading_and_long_text_in_it_is_not() {
        let p = page(
            "<table><tr><td><font size='4'><b>Lễ hội đình làng thu hút du khách</b></font></td></tr>\
             <tr><td><font size='+1'>Chữ to nhưng không đậm</font></td></tr>\
             <tr><td><font size='2'><b>Chữ nhỏ đậm</b></font></td></tr>\
             <tr><td>Một <font size='5'><b>chữ</b></font> to giữa câu</td></tr></table>",
        );
        let headings: Vec<u8> = p.blocks.iter().map(|b| b.heading).collect();
        assert_eq!(headings, [2, 0, 0, 0]);
    }

    #[test]
    fn a_caption_named_box_of_paragraphs_is_text() {
        let para = "Người trồng chè ở xã Tân Lộc tất bật vào vụ thu hái chè xuân; toàn xã có gần \
                    380 ha chè, năng suất búp tươi ước đạt 11 tấn/ha.";
        let p = page(&format!(
            "<div class=video-desc><p>{para}</p><p>{para}</p></div>\
             <div class=photo-desc><img src=a.jpg><p>{para}</p><p>{para}</p></div>\
             <p class=photo-caption>{para}</p>"
        ));
        let captions: Vec<bool> = p.blocks.iter().map(|b| b.hints & CAPTION != 0).collect();
        assert_eq!(captions, [false, false, true, true, true]);
    }

    #[test]
    fn a_sentence_for_screen_readers_only_is_not_read_but_a_label_is() {
        let p = page(
            "<p>Chiều 11/3,<span class=sr-only> casino trực tuyến uy tín số 1 Việt Nam</span> \
             lớp học mở</p><h1>Klimaschutz<span class=visually-hidden>: </span>Bohren</h1>",
        );
        assert_eq!(p.blocks[0].text, "Chiều 11/3, lớp học mở");
        assert_eq!(p.blocks[1].text, "Klimaschutz: Bohren");
    }

    #[test]
    fn a_caption_kept_in_data_caption_is_read_under_its_photo() {
        let p = page(
            "<figure data-caption='Tiếng khèn giữa phiên chợ.'><img src=a.jpg></figure>\
             <figure data-caption='Bản sao'><img src=b.jpg><figcaption>Chợ phiên</figcaption></figure>",
        );
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Tiếng khèn giữa phiên chợ.", "Chợ phiên"]);
        assert!(p.blocks[0].after_img);
    }
}
