//! The preamble: what sits between the headline and the story's first real
//! paragraph. Bylines and stamps there ("Author:", "By", "Publish date:",
//! "- Nov 18, 2019", "Updated 8:21 am / Original 8:02 am") are metadata even
//! when a short dek already passed for the first paragraph, so the body
//! drops them up to the first paragraph of real length.

use super::blocks::{Page, CAPTION};
use super::content::{is_date_line, is_prose};
use super::dates::find_date;
use super::norm::fold;
use super::signature::is_name;

/// A paragraph this long (chars) starts the story; shorter prose above
/// it may be a dek or a teaser line.
const STORY_MIN: usize = 80;

/// Stamps and bylines above the story are at most this long.
const STAMP_MAX: usize = 100;

/// A label waiting for its value ("Author:") is at most this long.
const LABEL_MAX: usize = 30;

/// Folded words that open an update or publication stamp.
const STAMP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last updated",
    "cap nhat",
    "dang luc",
    "aktualisiert",
    "veroffentlicht",
    "actualizado",
    "publicado",
];

/// Folded job titles that make a short line a byline ("Jane Roe, Staff
/// Writer").
const ROLES: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "phong vien",
    "korrespondent",
    "redakteur",
];

/// Folded byline openers that stand alone when the name is a link.
const BY_WORDS: &[&str] = &["by", "von", "por", "par", "boi"];

/// Drops stamps, bylines and bare labels kept above the story's first
/// paragraph of real length.
pub fn drop_preamble(page: &Page, kept: &mut Vec<usize>) {
    let story = kept.iter().position(|&i| {
        let b = &page.blocks[i];
        is_prose(b) && b.chars >= STORY_MIN && b.heading == 0 && !is_date_line(&b.text)
    });
    let Some(story) = story else { return };
    let head: Vec<usize> = kept[..story]
        .iter()
        .copied()
        .filter(|&i| !is_stamp(page, i))
        .collect();
    if head.len() < story {
        kept.splice(..story, head);
    }
}

/// Drops photo counters: a bare number ("6", "12") right over a picture
/// or its caption counts a gallery's pictures and says nothing.
pub fn drop_counters(page: &Page, kept: &mut Vec<usize>) {
    let pictured = |i: usize| {
        page.blocks
            .get(i)
            .is_some_and(|b| b.after_img || b.hints & CAPTION != 0)
    };
    kept.retain(|&i| {
        let t = page.blocks[i].text.trim();
        let counter = (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit());
        !(counter && pictured(i + 1))
    });
}

fn is_stamp(page: &Page, i: usize) -> bool {
    let b = &page.blocks[i];
    if b.heading > 0 || b.chars > STAMP_MAX {
        return false;
    }
    let f = fold(&b.text);
    let f = f.trim_matches(|c: char| !c.is_alphanumeric() && c != ':');
    let words: Vec<&str> = f.split_whitespace().collect();
    let label = b.chars <= LABEL_MAX && f.ends_with(':') && words.len() <= 3;
    let by = words.len() == 1 && BY_WORDS.contains(&f);
    let date = find_date(&b.text);
    let opens = date.as_ref().is_some_and(|d| d.start == 0);
    let stamp = date.is_some()
        && (opens || is_date_line(&b.text) || STAMP_WORDS.iter().any(|w| f.contains(w)));
    let role = words.len() <= 8 && ROLES.iter().any(|r| f.contains(r));
    label || by || stamp || role || named_stamp(&b.text).is_some()
}

/// Folded weekday names a date may open with ("Thứ Năm, 08/01/2026").
const WEEKDAYS: &[&str] = &[
    "thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat",
];

/// Letters allowed after the date of an unlabelled byline: a time zone
/// ("(GMT+7)"), nothing more.
const TAIL_LETTERS_MAX: usize = 6;

/// The name of an unlabelled byline: "Thanh Tâm - Thứ Năm, 08/01/2026 |
/// 14:20 - 3.517" (name, separator, date, then only numbers).
pub fn named_stamp(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() > STAMP_MAX {
        return None;
    }
    let date = find_date(text).filter(|d| d.start > 0)?;
    let tail = chars[date.end..]
        .iter()
        .filter(|c| c.is_alphabetic())
        .count();
    if tail > TAIL_LETTERS_MAX {
        return None;
    }
    let head: String = chars[..date.start].iter().collect();
    // A comma after a place opens a dateline ("Hà Nội, 08/01/2026"): only
    // a dash or a bar parts a name from its date.
    let mut head = head.trim_end();
    let day = head.trim_end_matches([' ', ',']);
    let folded = fold(day);
    if let Some(w) = WEEKDAYS.iter().find(|w| folded.ends_with(*w)) {
        // `fold` keeps char positions: cut the weekday's chars.
        let keep = day.chars().count() - w.chars().count();
        head = &day[..day.char_indices().nth(keep).map_or(day.len(), |(i, _)| i)];
    }
    let name = head.trim_end().strip_suffix(['-', '–', '|'])?.trim_end();
    // One word is a name only as initials ("TN", "H.T"): a section name
    // ("News | 08/01/2026") is one capitalised word too.
    let initials = name.chars().filter(|c| c.is_alphabetic()).count() <= 3
        && !name.chars().any(char::is_lowercase);
    let words = name.split_whitespace().count();
    (is_name(name) && (words >= 2 || initials)).then(|| name.to_string())
}

/// The first unlabelled byline between the headline and the story.
pub fn byline(page: &Page, title: usize) -> Option<String> {
    let after = page.blocks.iter().skip(title + 1).take(PREAMBLE_BLOCKS);
    after
        .take_while(|b| !(is_prose(b) && b.chars >= STORY_MIN))
        .find_map(|b| named_stamp(&b.text))
}

/// Blocks between a headline and its story: kicker, dek, stamps, share bar.
const PREAMBLE_BLOCKS: usize = 8;

#[cfg(test)]
mod tests {
    use crate::extract::content::body_texts;

    fn has(body: &[String], start: &str) -> bool {
        body.iter().any(|t| t.starts_with(start))
    }

    #[test]
    fn stamps_and_labels_under_a_dek_go() {
        let html = "<html><body><article><h1>River floods the old town</h1>\
            <p>The water came back, and so did the neighbours.</p>\
            <p>March 4, 2021 Jane Roe</p><p>Author:</p><p>Publish date:</p><p>- Mar 4, 2021</p>\
            <p>By</p><p>Updated Mar. 4, 2021 8:21 am / Original Mar. 4, 2021 8:02 am</p>\
            <p>The river rose two metres overnight and flooded the lower streets of the old town, \
            where shop owners had stacked sandbags since Tuesday.</p>\
            <p>Published reports said the water fell by noon, on March 5, 2021, in most places.</p>\
            </article></body></html>";
        let body = body_texts(html);
        for gone in [
            "March 4",
            "Author",
            "Publish date",
            "- Mar",
            "By",
            "Updated",
        ] {
            assert!(!has(&body, gone), "{gone}: {body:?}");
        }
        assert!(has(&body, "The water came back"), "{body:?}");
        assert!(has(&body, "The river rose"), "{body:?}");
        // Under the story's first paragraph a dated line is story text.
        assert!(has(&body, "Published reports"), "{body:?}");
    }

    #[test]
    fn vietnamese_stamp_above_the_story_goes() {
        let html = "<html><body><div class='noi-dung'><h1>Nước lũ tràn vào phố cổ</h1>\
            <p>Trần Minh, phóng viên thường trú</p><p>04/03/2021 Cập nhật: 08:30 04/03/2021</p>\
            <p>Nước sông dâng cao hai mét trong đêm, tràn vào các con phố thấp của khu phố cổ, \
            nơi các chủ cửa hàng đã xếp bao cát từ hôm thứ Ba.</p>\
            <p>Đến trưa, nước đã rút ở hầu hết các nơi và người dân bắt đầu dọn dẹp.</p>\
            </div></body></html>";
        let body = body_texts(html);
        assert!(!has(&body, "Trần Minh"), "{body:?}");
        assert!(!has(&body, "04/03/2021"), "{body:?}");
        assert!(has(&body, "Nước sông"), "{body:?}");
    }

    #[test]
    fn a_photo_counter_goes_but_not_a_number_in_the_text() {
        let html = "<html><body><article><h1>Lễ hội hoa xuân</h1>\
            <p>Lễ hội hoa xuân năm nay thu hút hàng nghìn người dân và du khách đến tham quan.</p>\
            <p>6</p><figure><img src='a.jpg'><figcaption>Du khách chụp ảnh bên vườn hoa.</figcaption></figure>\
            <p>Ban tổ chức cho biết số lượt khách tăng so với năm trước, nhất là vào cuối tuần.</p>\
            <p>12</p><p>Số gian hàng năm nay là mười hai, đặt dọc hai bên bờ hồ trung tâm.</p>\
            </article></body></html>";
        let body = body_texts(html);
        assert!(!body.iter().any(|t| t == "6"), "{body:?}");
        assert!(body.iter().any(|t| t == "12"), "{body:?}");
        assert!(has(&body, "Du khách chụp ảnh"), "{body:?}");
    }

    #[test]
    fn an_unlabelled_byline_over_the_story_names_the_writer() {
        use super::named_stamp as name;
        assert_eq!(
            name("Thanh Tâm - Thứ Năm, 08/01/2026 | 14:20 - 3.517").as_deref(),
            Some("Thanh Tâm")
        );
        assert_eq!(name("H.T | 09/01/2026 07:30").as_deref(), Some("H.T"));
        // A place before a comma is a dateline; a label or a sentence is no name.
        assert_eq!(name("Hà Nội, 08/01/2026"), None);
        assert_eq!(name("Cập nhật lúc 14:25 ngày 18/02/2026"), None);
        assert_eq!(name("Thời sự | 08/01/2026"), None);
        assert_eq!(name("News | 08/01/2026"), None);
        assert_eq!(name("Thanh Tâm - 08/01/2026, tại hội nghị tổng kết"), None);
        let html = "<html><body><article><h1>Chủ động ứng phó hạn mặn</h1>\
            <div>Thanh Tâm - Thứ Năm, 08/01/2026 | 14:20</div>\
            <p>Mùa khô năm nay được dự báo có xâm nhập mặn sớm và sâu hơn trung bình nhiều năm, \
            các xã ven biển đã chủ động trữ nước ngọt từ đầu tháng.</p></article></body></html>";
        assert!(!has(&body_texts(html), "Thanh Tâm"));
    }
}
