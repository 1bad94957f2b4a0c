//! Site notices printed inside the article's container, anywhere in it:
//! the theme's post stamp ("Publiziert: 03.04.2020", "This entry was
//! posted in News"), advertising and affiliate disclosures ("Anzeige,
//! enthält Affiliate Links"), reprint and liability notices ("Alle
//! Angaben ohne Gewähr") and the comment box's prompts ("Sie müssen sich
//! einloggen …", "Keine Kommentare"), and paywall, donation and
//! newsletter prompts ("To view the full story, please subscribe"). Each
//! is recognised by a phrase a story does not use in passing, and only on
//! a short block, so a paragraph that happens to quote the phrase stays.

use super::blocks::{Block, Page};
use super::dates::find_date;
use super::norm::{fold, starts_with_word};

/// Notices are one or two sentences; longer blocks are story text.
const NOTICE_MAX: usize = 300;
/// A stamp is a label, a date and perhaps a name or a category.
const STAMP_MAX: usize = 100;
/// Bytes between a stamp's opener and its date ("on ", "il ", "am "), with
/// room for accents the folded opener lost.
const DATE_NEAR: usize = 8;
/// Prompts and counters of the comment box are a short line (chars
/// without spaces, like [`Block::chars`]).
const PROMPT_MAX: usize = 90;

/// Folded words that open a publication stamp; with a date in the line.
const STAMP_OPENERS: &[&str] = &[
    "publiziert",
    "veroffentlicht",
    "veroffentlichung",
    "verfasst von",
    "erschienen",
    "published",
    "posted",
    "asked",
    "pubblicato",
    "publicado",
    "publie",
    "opublikowano",
    "dodano",
    "dang ngay",
    "ngay dang",
];

/// Folded phrases of a disclosure, a reprint or liability notice, or a
/// theme's post footer; any block up to [`NOTICE_MAX`] that holds one.
const NOTICE_PHRASES: &[&str] = &[
    "affiliate link",
    "affiliate-link",
    "enthalt werbung",
    "werbung fur",
    "advertising disclosure",
    "advertising disclaimer",
    "advertiser disclosure",
    "we may receive compensation",
    "we may earn a commission",
    "from one or more of our advertisers",
    "independent review process",
    "alle rechte vorbehalten",
    "vervielfaltigung nur mit",
    "wszelkie prawa zastrzezone",
    "todos los derechos reservados",
    "tous droits reserves",
    "riproduzione riservata",
    "alle angaben ohne gewahr",
    "this entry was posted",
    "bookmark the permalink",
    "n'engagent que leurs auteurs",
    // Comment moderation policies, printed above or below the comment box.
    "approved by a moderator",
    "approved by the moderator",
    "comments are moderated",
    "comments will be moderated",
    "kommentare werden moderiert",
    "aprovados pelo moderador",
    "aprobados por el moderador",
    "binh luan cua ban se duoc",
    // A form's required-field note ("Các trường có dấu (*) là bắt buộc").
    "cac truong co dau",
    "required fields are marked",
    "y kien cua ban se duoc",
];

/// Folded phrases of the comment box and the rating widget; a short
/// block that holds one.
const PROMPT_PHRASES: &[&str] = &[
    "einloggen",
    "eingeloggt",
    "logged in to",
    "log in to comment",
    "keine kommentare",
    "kommentare schreiben",
    "kommentar schreiben",
    "kommentieren",
    "no comments",
    "leave a comment",
    "leave a reply",
    "artikel bewerten",
    "beitrag bewerten",
    "noch keine bewertungen",
    "war der artikel",
    "war dieser artikel",
    "was this article helpful",
    "rate this article",
    "dang nhap de",
    "danh gia bai viet",
    "luot danh gia",
    "co huu ich",
    "huu ich voi ban",
];

/// Words that, standing first and followed by punctuation, label an
/// advertisement ("Anzeige -", "*Werbung.", "Advertisement:").
const AD_LABELS: &[&str] = &["anzeige", "werbung", "advertisement", "quang cao"];

/// Folded openers of the line that repeats the headline over the story
/// ("Bạn đang đọc: …"), with a colon after them: no sentence starts so.
const READING_NOW: &[&str] = &[
    "ban dang doc",
    "you are reading",
    "you're reading",
    "now reading",
];

fn is_reading_now(folded: &str) -> bool {
    READING_NOW.iter().any(|o| {
        folded
            .strip_prefix(o)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Drops site notices from `kept`.
pub fn drop_notices(page: &Page, kept: &mut Vec<usize>) {
    kept.retain(|&i| !is_notice(&page.blocks[i]));
}

fn is_notice(b: &Block) -> bool {
    if b.chars > NOTICE_MAX {
        return false;
    }
    let f = fold(&b.text);
    let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
    if NOTICE_PHRASES.iter().any(|p| f.contains(p))
        || is_ad_label(f)
        || is_promo(b.chars, f)
        || is_reading_now(f)
    {
        return true;
    }
    if b.chars <= PROMPT_MAX && PROMPT_PHRASES.iter().any(|p| f.contains(p)) {
        return true;
    }
    (b.chars <= STAMP_MAX && b.heading == 0 && is_stamp(f, &b.text)) || is_pager(b, f)
}

/// Folded words of a pager, besides its page numbers ("Trang: 1 2 3
/// Tiếp »", "« Previous 1 2 Next").
const PAGER_WORDS: &[&str] = &[
    "trang", "tiep", "truoc", "sau", "dau", "cuoi", "page", "next", "previous", "prev", "seite",
    "weiter", "zuruck", "first", "last",
];

/// A linked line of page numbers and pager words only, with a number.
fn is_pager(b: &Block, folded: &str) -> bool {
    if b.link_chars == 0 || b.chars > PROMPT_MAX {
        return false;
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let is_number = |w: &str| w.bytes().all(|c| c.is_ascii_digit());
    words.iter().filter(|w| is_number(w)).count() >= 2
        && words
            .iter()
            .all(|w| is_number(w) || PAGER_WORDS.contains(w))
}

/// "Publiziert: 03.04.2020", "Posted on March 4, 2021", "asked Feb 6,
/// 2014": an opener, then a colon or at once the date. A sentence that
/// starts with the word ("Published reports said … on March 5") goes on
/// with other words first.
fn is_stamp(folded: &str, text: &str) -> bool {
    let Some(w) = STAMP_OPENERS.iter().find(|w| starts_with_word(folded, w)) else {
        return false;
    };
    let rest = folded[w.len()..].trim_start();
    let date = find_date(text);
    rest.starts_with(':') || date.is_some_and(|d| d.start <= w.len() + DATE_NEAR)
}

fn is_ad_label(f: &str) -> bool {
    AD_LABELS.iter().any(|w| {
        let rest = f.get(w.len()..).unwrap_or("").trim_start();
        starts_with_word(f, w) && rest.chars().next().is_none_or(|c| ",:;.-–|*".contains(c))
    })
}

/// Folded phrases of a paywall, a donation or newsletter box, a download
/// button or a consent notice: no story says them in passing, so a short
/// block that holds one goes wherever it stands (such boxes often sit
/// between the story's paragraphs or are followed by teasers).
const PROMO_PHRASES: &[&str] = &[
    "to view the full story",
    "to read the full story",
    "to continue reading",
    "subscribe to continue",
    "instant access to the full",
    "immediate online access",
    "submit your letter",
    "never miss the latest",
    "if you enjoyed reading",
    "would you consider supporting",
    "pour lire la suite",
    "pour acceder en illimite",
    "zum newsletter anmelden",
    "newsletter abonnieren",
    "besuchen sie unseren",
    "jede kleine spende",
    "gefallt dir unser",
    "gefallt ihnen unser",
    "sie lesen gern",
    "vorteile sichern",
    "wir respektieren deine privatsphare",
    "wir respektieren ihre privatsphare",
    "cancela cuando quieras",
    "korzystamy z cookies",
    "exklusive angebote",
    "kennt ihr schon unser",
    "kennen sie schon unser",
    "teilen sie uns ihre erfahrungen",
    "uu dai doc quyen",
    "als pdf herunterladen",
    "download as pdf",
    "tai ve ban pdf",
    "dang ky de doc tiep",
    "wesprzyj nas",
    "dang ky nhan ban tin",
    "ung ho toa soan",
];

/// Folded words that open an appeal when they stand first in a short
/// line ("Unterstütze RosaMag …", "Ủng hộ báo …").
const PROMO_OPENERS: &[&str] = &[
    "unterstutze",
    "unterstutzen sie uns",
    "support us",
    "ung ho bao",
    "ung ho chung toi",
];

/// A line of [`PROMO_OPENERS`] is a heading or a button, not a sentence.
const OPENER_MAX: usize = 60;

/// A paywall, donation or newsletter prompt (`f`: the folded text, its
/// leading punctuation trimmed).
fn is_promo(chars: usize, f: &str) -> bool {
    PROMO_PHRASES.iter().any(|p| f.contains(p))
        || (chars <= OPENER_MAX && PROMO_OPENERS.iter().any(|w| starts_with_word(f, w)))
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str = "Hội người cao tuổi phường tổ chức buổi giao lưu văn nghệ mừng xuân, \
        có hơn hai trăm hội viên tham gia hát, múa và đọc thơ.";

    #[test]
    fn stamps_and_disclosures_in_the_body_go() {
        let html = format!(
            "<div><p>Anzeige, enthält Affiliate Links</p><p>{PARA}</p>\
             <p>Publiziert: 03.04.2020, 12:35</p><p>{PARA}</p>\
             <p>This entry was posted in News. Bookmark the permalink.</p>\
             <p>Alle Angaben ohne Gewähr</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn comment_box_prompts_go_but_a_story_about_comments_stays() {
        let story = "Ông Nam kể rằng ông phải đăng nhập để đọc báo mỗi sáng, nhưng vẫn thích \
            đọc báo giấy hơn vì chữ to và không phải nhớ mật khẩu.";
        let html = format!(
            "<div><p>{PARA}</p><p>{story}</p><h3>Keine Kommentare</h3>\
             <p>Sie müssen sich einloggen, um zu kommentieren.</p></div>"
        );
        assert_eq!(body(&html), [PARA, story]);
    }

    #[test]
    fn a_comment_moderation_policy_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>{PARA}</p>\
             <p>Bình luận của bạn sẽ được kiểm duyệt trước khi hiển thị.</p>\
             <p>ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn a_sentence_that_starts_with_the_word_stays() {
        let story = "Anzeige gegen Unbekannt wurde am Montag bei der Polizei erstattet.";
        let posted = "Posted letters from the 1920s were found in the attic of the old school.";
        let html = format!("<div><p>{PARA}</p><p>{story}</p><p>{posted}</p></div>");
        assert_eq!(body(&html), [PARA, story, posted]);
    }

    #[test]
    fn paywall_and_donation_prompts_go_wherever_they_stand() {
        let para = "Hợp tác xã vừa mở thêm một cửa hàng bán nông sản sạch cho bà con trong \
            xã, mỗi ngày có hàng trăm người đến mua rau, thịt và trứng gà.";
        let story = "Bà con trong xã ủng hộ chúng tôi mở thêm chợ phiên vào cuối tuần, \
            ông Tâm, chủ nhiệm hợp tác xã, cho biết khi đứng bên sạp rau của mình.";
        let html = format!(
            "<div><p>{para}</p>\
             <p>To view the full story, please subscribe to The Valley Daily.</p>\
             <p>{story}</p><h3>Ủng hộ báo Làng Quê</h3>\
             <p>Đăng ký nhận bản tin mỗi sáng.</p><p>{para}</p>\
             <p>Kennt ihr schon unseren Hofladen-Finder?</p><p>Tải về bản PDF</p></div>"
        );
        assert_eq!(body(&html), [para, story, para]);
    }

    #[test]
    fn a_pager_under_the_story_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>{PARA}</p>\
             <div>Trang: <span>1</span> <a href='?page=2'>2</a> <a href='?page=3'>3</a> \
             <a href='?page=2'>Tiếp »</a></div></div>"
        );
        assert_eq!(body(&html), [PARA, PARA]);
    }

    #[test]
    fn the_reading_now_line_goes_but_a_sentence_about_reading_stays() {
        let story = "Bạn đang đọc những dòng thư cuối cùng của người lính gửi về quê nhà, \
            bà Lan nói với các em học sinh khi mở chiếc hộp gỗ.";
        let html = format!(
            "<div><div>Bạn đang đọc: Ngư dân trúng đậm cá cơm</div><p>{PARA}</p><p>{story}</p></div>"
        );
        assert_eq!(body(&html), [PARA, story]);
    }

    #[test]
    fn an_ad_slot_inside_the_story_goes_by_its_class() {
        let ad = "Siêu thị điện máy giảm giá đến 50% tivi, tủ lạnh dịp đầu xuân, mua ngay hôm nay.";
        let html = format!(
            "<div class='article-body'><p>{PARA}</p>\
             <div class='ads-inread'><span>Quảng cáo</span><p>{ad}</p></div>\
             <p>{PARA}</p><div class='box_qc'><p>{ad}</p></div>\
             <p class='heading-lead'>{PARA}</p></div>"
        );
        assert_eq!(body(&html), [PARA, PARA, PARA]);
    }
}
