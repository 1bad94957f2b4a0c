//! Calls to action under the article: "Subscribe to our newsletter",
//! "Follow us on …", "Share this article", "Support our work". Sites print
//! them as plain paragraphs inside the article's wrapper, after the last
//! paragraph of the story; the body drops them from the tail up to the
//! last real paragraph, so a story that mentions a newsletter keeps it.

use super::blocks::{Block, Page};
use super::content::is_prose;
use super::norm::{fold, is_related_heading};

/// Longer blocks are story text even when they mention subscribing.
const CTA_MAX: usize = 300;

/// Folded phrases that ask the reader to do something for the site.
const PHRASES: &[&str] = &[
    "dang ky nhan tin",
    "dang ky nhan ban tin",
    "theo doi chung toi",
    "chia se bai viet",
    "subscribe",
    "subscriber",
    "get a subscription",
    "sign up",
    "newsletter",
    "follow us",
    "join our",
    "click here",
    "tell us what you think",
    "download the",
    "share this",
    "support us",
    "support our",
    "abonnieren",
    "abonnement",
    "jetzt anmelden",
    "folgen sie uns",
    "artikel teilen",
    "artikel bewerten",
    "unterstutze",
    "unterstutzen sie",
    "suscribete",
    "siguenos",
    "canal de youtube",
    "canal de telegram",
    "abonnez-vous",
    "suivez-nous",
    "if you enjoyed",
    "we want to hear",
    "we need your help",
    "help us continue",
    "never miss",
    "signing up",
    "get the latest",
    "gefallt dir unser",
    "gefallt ihnen unser",
    "besuchen sie unseren",
    "werden sie mitglied",
    "mitglied werden",
    "jede kleine spende",
    "jetzt spenden",
    "vorteile sichern",
    "hazte miembro",
    "cancela cuando quieras",
    "zapraszamy do subskrypcji",
    "zapraszamy tez do subskrypcji",
];

/// Drops calls to action from the end of `kept`, up to the last paragraph
/// of the story.
pub fn drop_tail_calls(page: &Page, kept: &mut Vec<usize>) {
    let mut calls = 0;
    let mut cut = kept.len();
    for (pos, &i) in kept.iter().enumerate().rev() {
        let b = &page.blocks[i];
        if is_call(b) {
            calls += 1;
        } else if is_prose(b) {
            // The story's last paragraph: the tail ends here.
            break;
        }
        cut = pos;
    }
    if calls == 0 {
        return;
    }
    let tail: Vec<usize> = kept.split_off(cut);
    kept.extend(tail.into_iter().filter(|&i| !is_call(&page.blocks[i])));
}

/// A related heading is a short line.
const POINTER_MAX: usize = 40;

/// Drops headings that point the reader to other pages ("Mehr zum Thema",
/// "Đọc thêm", "Das könnte Sie auch interessieren!") when they stay in the
/// body below its first paragraph: the list under them was dropped or is
/// not the story, and the heading itself is never story text. Above the
/// story such a line may title what the page is (a page of related
/// items), so it stays there.
pub fn drop_pointer_headings(page: &Page, kept: &mut Vec<usize>) {
    let Some(first) = kept.iter().position(|&i| is_prose(&page.blocks[i])) else {
        return;
    };
    let mut pos = 0;
    kept.retain(|&i| {
        pos += 1;
        let b = &page.blocks[i];
        let t = b.text.trim_end_matches(['!', '?', '…']);
        pos <= first + 1 || b.chars > POINTER_MAX || b.link_chars > 0 || !is_related_heading(t)
    });
}

fn is_call(b: &Block) -> bool {
    let folded = fold(&b.text);
    b.chars <= CTA_MAX && (PHRASES.iter().any(|p| folded.contains(p)) || is_follow_site(&folded))
}

/// Social networks a site asks to be followed on.
const NETWORKS: &[&str] = &[
    " on twitter",
    " on facebook",
    " on instagram",
    " on youtube",
];

/// "Follow The Daily on Twitter and Instagram": the site asks for
/// followers. "Follow him on Twitter @jroe" ends an author's bio, which
/// readers keep with the story.
fn is_follow_site(folded: &str) -> bool {
    let person = ["follow him", "follow her", "follow them", "follow me"];
    folded.starts_with("follow ")
        && !person.iter().any(|p| folded.starts_with(p))
        && NETWORKS.iter().any(|n| folded.contains(n))
}

#[cfg(test)]
mod tests {
    use super::super::content::body_texts as body;

    const PARA: &str = "Hợp tác xã vừa mở thêm một cửa hàng bán nông sản sạch cho bà con trong \
        xã, mỗi ngày có hàng trăm người đến mua rau, thịt và trứng gà.";

    #[test]
    fn calls_after_the_story_go() {
        let html = format!(
            "<div><p>{PARA}</p><p>Minh Hà</p>\
             <p>Đăng ký nhận tin để đọc thêm nhiều bài hay mỗi sáng.</p>\
             <p>Theo dõi chúng tôi trên mạng xã hội.</p></div>"
        );
        assert_eq!(body(&html), [PARA, "Minh Hà"]);
    }

    #[test]
    fn a_call_inside_the_story_stays() {
        let mention = "Bà Lan nói người dân có thể đăng ký nhận tin về giá rau qua tin nhắn.";
        let html = format!("<div><p>{PARA}</p><p>{mention}</p><p>{PARA}</p></div>");
        assert_eq!(body(&html), [PARA, mention, PARA]);
    }

    #[test]
    fn an_invitation_to_join_after_the_story_goes() {
        let html = format!(
            "<div><p>{PARA}</p>\
             <p>Join our reader forums to keep talking about farming, markets and more, \
             and tell us what you want us to cover next in the valley.</p>\
             <p>Get the monthly farm letter delivered to your door. Click here to order.</p>\
             <h3>Tell us what you think...</h3></div>"
        );
        assert_eq!(body(&html), [PARA]);
    }

    #[test]
    fn an_offer_to_subscribe_after_the_story_goes() {
        let html = format!(
            "<div><p>{PARA}</p><p>Minh Hà</p>\
             <p>Get a subscription to keep reading the valley's farm news every week.</p></div>"
        );
        assert_eq!(body(&html), [PARA, "Minh Hà"]);
    }

    #[test]
    fn the_site_asking_for_followers_goes_but_not_the_author_bio() {
        let bio = "Lan Anh covers farming for the paper. Follow her on Twitter @lananh.";
        let html = format!(
            "<div><p>{PARA}</p><p>{bio}</p>\
             <p>Follow The Valley Daily on Twitter and Instagram for the farm report.</p></div>"
        );
        assert_eq!(body(&html), [PARA, bio]);
    }

    #[test]
    fn a_heading_pointing_to_other_pages_goes_but_not_the_story() {
        let story = "Chợ phiên sẽ mở lại vào tháng sau, khi hợp tác xã sửa xong mái che \
            và làm thêm lối đi cho xe đẩy hàng của bà con.";
        let html = format!(
            "<div><p>{PARA}</p><h3>Đọc thêm</h3><p>{story}</p>\
             <h4>Das könnte Sie auch interessieren!</h4></div>"
        );
        assert_eq!(body(&html), [PARA, story]);
    }
}
