//! Sentences that carry long links, told from link lines.
//!
//! Roundup items: a paragraph that opens with a linked headline written as
//! its first sentence ("<a>Company X is cutting 500 jobs</a>. The cuts
//! follow …"). A morning briefing or a "10 things to know" list is made of
//! them. The link often covers more than half of the line, so without this
//! such items count as a link list and the container shrinks to the one
//! item whose own text happens to be longer.
//!
//! A teaser listing looks alike but its linked title is not followed by a
//! full stop: the title stands alone, the summary follows as another
//! sentence. That full stop is the signal.
//!
//! Linked sentences: a story's sentence with a long link inside, kept when
//! the container is read (it still weighs as a link line in the choice).

use super::blocks::Block;

/// The unlinked text after the headline must be a sentence of its own.
const OWN_TEXT_MIN: usize = 30;

/// A block opening with a link whose text ends a sentence ("." "!" "?"
/// right after the link), followed by plain text of its own.
pub fn is_item(b: &Block) -> bool {
    let mut pieces = b.pieces.iter().filter(|p| !p.text.trim().is_empty());
    let Some(first) = pieces.next() else {
        return false;
    };
    let linked_sentence = first.href.is_some()
        && first.text.split_whitespace().count() >= 4
        && pieces
            .clone()
            .next()
            .is_some_and(|p| p.href.is_none() && p.text.trim_start().starts_with(['.', '!', '?']));
    let own: usize = pieces
        .filter(|p| p.href.is_none())
        .map(|p| p.text.trim().chars().count())
        .sum();
    linked_sentence && own >= OWN_TEXT_MIN
}

/// A sentence of the story with a long link inside ("The inquiry was <a>shelved
/// in 2017 but re-opened this year</a>."): it ends a sentence and keeps
/// words of its own on both sides of the links or after them.
pub fn is_linked_sentence(b: &Block) -> bool {
    let own = b.chars - b.link_chars;
    let ends = b.text.trim_end().ends_with(['.', '!', '?', '"', '”']);
    let words = b.text.split_whitespace().count();
    ends && own >= OWN_TEXT_MIN && words >= 8 && b.link_chars * 10 <= b.chars * 7
}

/// Words before a reference's link: "Kiran Desai, " (the name and a comma).
const REFERENCE_LEAD_MIN: usize = 4;

/// A reference the story lists: a name, a comma, then the linked title
/// ("Kiran Desai, <a>The Loneliness of Sonia and Sunny</a>"). A teaser
/// starts with its link; a menu has no words of its own.
pub fn is_reference(b: &Block) -> bool {
    let mut pieces = b.pieces.iter().filter(|p| !p.text.trim().is_empty());
    let (Some(lead), Some(link)) = (pieces.next(), pieces.next()) else {
        return false;
    };
    let text = lead.text.trim();
    lead.href.is_none()
        && link.href.is_some()
        && text.ends_with(',')
        && text.chars().filter(|c| c.is_alphabetic()).count() >= REFERENCE_LEAD_MIN
        && text.chars().count() <= 60
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const INTRO: &str = "Chào buổi sáng! Đây là những tin bạn cần biết trong ngày hôm nay.";

    fn item(n: usize) -> String {
        format!(
            "<li><b><a href=/t{n}>Nhà máy số {n} của tỉnh tuyển thêm năm trăm công nhân</a>.</b> \
             Đợt tuyển dụng kéo dài đến cuối tháng.</li>"
        )
    }

    #[test]
    fn a_briefing_of_linked_headlines_is_kept_whole() {
        let items: String = (1..=6).map(item).collect();
        let html = format!(
            "<div><ul><li><a href=/a>Trang chủ</a></li><li><a href=/b>Thời sự</a></li></ul></div>\
             <div class=body><p>{INTRO}</p><ol>{items}</ol></div>"
        );
        let got = body(&html);
        assert_eq!(got.len(), 7, "{got:?}");
        assert_eq!(got[0], INTRO);
        assert!(got[6].starts_with("Nhà máy số 6"));
    }

    #[test]
    fn a_listing_of_titles_with_summaries_is_not_a_briefing() {
        let li = "<li><a href=/x>Tin nóng về mùa lúa năm nay ở đồng bằng</a> \
                  <span>Một đoạn tóm tắt ngắn của bài khác, viết cho trang chủ.</span></li>";
        let page = super::super::blocks::flatten(&scraper::Html::parse_document(li));
        assert!(!super::is_item(&page.blocks[0]));
    }

    #[test]
    fn a_sentence_around_a_long_link_stays_but_a_line_of_links_goes() {
        let para = "Người dân trong xã đã góp công, góp của để làm con đường mới, rộng và sạch.";
        let linked =
            "Dự án từng bị <a href=/a>tạm dừng vào năm 2017 vì thiếu vốn đối ứng của huyện</a> \
                      nhưng đã được khởi động lại.";
        let links = "<a href=/b>Tin khác về giao thông nông thôn trong tỉnh</a> \
                     <a href=/c>Xây cầu mới cho học sinh vùng cao đến trường</a> và thêm.";
        let html = format!(
            "<div><p>{para}</p><p>{para}</p><p>{linked}</p><p>{links}</p><p>{para}</p><p>{para}</p></div>"
        );
        let got = body(&html);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[2].starts_with("Dự án từng bị tạm dừng"));
    }

    fn books(n: usize) -> String {
        (1..=n)
            .map(|i| {
                format!(
                    "Tác giả Số {i}, <em><a href=/s{i}>Cuốn sách thứ {i} của năm nay</a></em><br>"
                )
            })
            .collect()
    }

    #[test]
    fn a_list_of_name_comma_linked_title_is_the_story() {
        let html = format!(
            "<div class=story><p>{INTRO}</p><h3>21 danh sách:</h3><p>{}</p><p>{INTRO}</p></div>",
            books(2)
        );
        assert_eq!(
            body(&html),
            [
                INTRO,
                "21 danh sách:",
                "Tác giả Số 1, Cuốn sách thứ 1 của năm nay",
                "Tác giả Số 2, Cuốn sách thứ 2 của năm nay",
                INTRO
            ]
        );
    }

    #[test]
    fn a_long_list_of_sources_does_not_shrink_the_story_to_one_paragraph() {
        let first = "Năm nay tôi đọc hết các danh sách sách hay cuối năm của báo chí, \
            đếm xem cuốn nào được nhắc đến nhiều lần nhất.";
        let sources: String = (1..=40)
            .map(|i| {
                format!(
                    "Báo số {i} với <a href=/d{i}>Danh sách sách hay nhất năm của tòa soạn</a> • "
                )
            })
            .collect();
        let html = format!(
            "<div class=story><p>{first}</p><p>{INTRO}</p><p>{}</p><p>{sources}</p></div>",
            books(60)
        );
        let got = body(&html);
        assert_eq!(got.first().map(String::as_str), Some(first), "{got:?}");
        assert!(
            got.iter().any(|t| t.starts_with("Tác giả Số 60,")),
            "{got:?}"
        );
    }
}
