//! Element-level hints for the block walker: which tags are skipped or
//! start a block, and what an element's class/id says about it (caption,
//! lead, title, breadcrumb, or site furniture such as menus and polls).
//! Generic words only: no site's class names.

use scraper::ElementRef;

use super::norm::{clean, fold, weight};

/// Class/id hint bits.
pub const CAPTION: u8 = 1;
pub const LEAD: u8 = 2;
pub const TITLE: u8 = 4;
pub const CRUMB: u8 = 8;
/// A date or time element ("post-date", "meta-time", "datum").
pub const DATE: u8 = 16;
/// A box of related or same-section articles ("related-posts",
/// "tin-lien-quan", "same-category"), whatever its heading says.
pub const RELATED: u8 = 32;

/// The structural role of a block element, for the reader's structured body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tag {
    #[default]
    Other,
    ListItem,
    Table,
    Row,
    Cell,
    Pre,
    Quote,
    Article,
}

pub fn tag_of(name: &str) -> Tag {
    match name {
        "li" | "dd" => Tag::ListItem,
        "table" => Tag::Table,
        "tr" => Tag::Row,
        "td" | "th" => Tag::Cell,
        "pre" => Tag::Pre,
        "blockquote" => Tag::Quote,
        "article" => Tag::Article,
        _ => Tag::Other,
    }
}

/// Whose content never reaches a reader (`rt`, `rp`: ruby readings over
/// Japanese or Chinese words, which would split the words they annotate).
pub const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "iframe", "select", "button", "template", "svg", "rt",
    "rp", "object", "embed", "textarea", "canvas", "video", "audio", "map", "datalist",
];
/// Elements that start a new block.
pub const BLOCK: &[&str] = &[
    "html",
    "body",
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "menu",
];
/// Class/id substrings of site furniture (menus, sidebars, polls, ads …).
pub const NEGATIVE: &[&str] = &[
    "menu",
    "sidebar",
    // Side columns and their boxes, spelled apart ("side-col", "side_box").
    "side-bar",
    "side_bar",
    "side-col",
    "side_col",
    "sidecol",
    "side-box",
    "side_box",
    "sidebox",
    "footer",
    "poll",
    "comment",
    "banner",
    "advert",
    "quangcao",
    "social",
    "share",
    "widget",
    "navbar",
    "topbar",
    "copyright",
    "thamdo",
    "binhchon",
    "counter",
    "thongke",
    "login",
    "search",
    "related",
    "lienquan",
    "tinkhac",
    "othernews",
    "other-news",
    "mostread",
    "most-read",
    "hotnews",
    "trending",
    "breadcrumb",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "signup",
    "sign-up",
    "subscribe",
    // A paywall's prompt; a bare `paywall` class wraps the paywalled
    // article text itself (Dow Jones sites).
    "paywall-",
    "paywall_",
    "-paywall",
    "_paywall",
    // Printed copies only: a reprint notice, the site's address.
    "print-header",
    "print-footer",
    "print-only",
    "visible-print",
    "popup",
    "modal",
    // Author boxes under the article: a biography, not the article.
    "author-bio",
    "authorbio",
    "author-box",
    "authorbox",
    "about-author",
    "about-the-author",
    "author-info",
    "author-description",
    "author-details",
    "contributor-bio",
    // Paid links under a story ("Bạn có thể quan tâm · Tài trợ").
    "sponsor",
    "quangcao",
    "quang-cao",
    "taitro",
    "tai-tro",
];
/// Whole class names or ids of furniture, too short to match as substrings.
pub const NEGATIVE_EXACT: &[&str] = &[
    "nav", "ad", "ads", "header", "top", "logo", "tags", "button", "btn",
];
/// Substrings that rescue an element from the negative list.
pub const POSITIVE: &[&str] = &[
    "article", "content", "detail", "chitiet", "noidung", "entry", "story",
];

/// Polls, search boxes and logins: little text per input field. ASP.NET
/// pages wrap the whole page in one `<form>`, which must not match.
pub fn is_widget_form(form: ElementRef) -> bool {
    let text: usize = form.text().map(weight).sum();
    let fields = form
        .descendent_elements()
        .filter(|e| match e.value().name() {
            "input" => e
                .attr("type")
                .is_none_or(|t| !t.eq_ignore_ascii_case("hidden")),
            n => matches!(n, "select" | "textarea" | "button"),
        })
        .count();
    text < 100 || (text < 1500 && fields > 0 && text / fields < 300)
}

/// Classes that keep text for screen readers only: a sighted reader never
/// sees it, and hacked pages hide their spam links in it.
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "element-invisible",
];

/// Text for screen readers only: no sighted reader sees it.
pub fn is_screen_reader_only(el: ElementRef) -> bool {
    el.value()
        .classes()
        .any(|c| SCREEN_READER_ONLY.contains(&c))
}

/// Elements the page hides from readers (`hidden`, `display:none`,
/// `visibility:hidden`): schema data, templates, pre-rendered popups.
pub fn is_hidden(el: ElementRef) -> bool {
    let e = el.value();
    if e.attr("hidden").is_some() {
        return !super::streamed::is_segment_id(e.id());
    }
    e.attr("style").is_some_and(|st| {
        let st: String = st.chars().filter(|c| !c.is_whitespace()).collect();
        let st = st.to_ascii_lowercase();
        st.contains("display:none") || st.contains("visibility:hidden")
    })
}

pub fn class_id(el: ElementRef) -> String {
    let e = el.value();
    format!(
        "{} {}",
        e.attr("class").unwrap_or(""),
        e.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase()
}

pub fn hints_of(name: &str, ids: &str) -> u8 {
    let has = |words: &[&str]| words.iter().any(|w| ids.contains(w));
    let mut h = 0;
    if name == "figcaption" || has(&["caption", "desc", "chuthich", "chu-thich"]) {
        h |= CAPTION;
    }
    if has(&[
        "sapo", "lead", "summary", "intro", "chapeau", "tomtat", "tom-tat",
    ]) {
        h |= LEAD;
    }
    if has(&["date", "time", "datum", "publish", "ngay-dang", "ngaydang"]) {
        h |= DATE;
    }
    if has(&["title", "tieude", "tieu-de", "headline"]) {
        h |= TITLE;
    }
    if has(&["breadcrumb", "crumb", "path", "duongdan", "duong-dan"]) && !ids.contains("menu") {
        h |= CRUMB;
    }
    if has(&[
        "related",
        "lienquan",
        "lien-quan",
        "tinkhac",
        "tin-khac",
        "othernews",
        "other-news",
        "same-category",
        "samecategory",
        "cungchuyenmuc",
        "cung-chuyen-muc",
        "embed-article",
        "article-embed",
        "embed-news",
        "news-embed",
    ]) && !has(&[
        "tag", "topic", "keyword", "tukhoa", "tu-khoa", "chude", "chu-de",
    ]) {
        // Related tags and topics are links to listings, not articles.
        h |= RELATED;
    }
    h
}

pub fn is_negative(ids: &str) -> bool {
    let neg = NEGATIVE.iter().any(|w| ids.contains(w))
        || ids
            .split_whitespace()
            .any(|t| NEGATIVE_EXACT.contains(&t) || is_ad_token(t));
    neg && !POSITIVE.iter().any(|w| ids.contains(w))
}

/// An advertising slot named in parts: `ads-inread`, `box_ads`, `ad-slot`,
/// `banner-qc` (quảng cáo). Whole parts only: `head-line`, `reading` are not.
fn is_ad_token(token: &str) -> bool {
    token.contains(['-', '_'])
        && token
            .split(['-', '_'])
            .any(|p| matches!(p, "ad" | "ads" | "qc"))
}

/// Class/id words of reader comment sections and comment widgets.
const COMMENT_WORDS: &[&str] = &["comment", "disqus", "respond", "replies", "reply"];
/// Words that make a comment token a page state ("comments-open" on the
/// article's wrapper), not the comment section itself.
/// "commentary" is an opinion piece.
const COMMENT_STATES: &[&str] = &[
    "open",
    "closed",
    "has-",
    "allow",
    "enabled",
    "disabled",
    "commentary",
];

/// Whether a class/id list names a comment section. Token by token, so a
/// state class on the article's wrapper does not count.
/// Whole Vietnamese class names or ids of a reader comment section. Whole
/// only: "binh-luan" inside a longer name is often the opinion section
/// ("chuyen-muc-binh-luan"), which is articles.
const COMMENT_NAMES_VI: &[&str] = &[
    "binhluan",
    "binh-luan",
    "binh_luan",
    "box-binhluan",
    "list-binhluan",
    "ykienbandoc",
    "y-kien-ban-doc",
    "ykien-bandoc",
];

pub fn is_comment(ids: &str) -> bool {
    ids.split_whitespace().any(|t| {
        COMMENT_NAMES_VI.contains(&t)
            || COMMENT_WORDS.iter().any(|w| t.contains(w))
                && !COMMENT_STATES.iter().any(|s| t.contains(s))
    })
}

pub fn is_bold_style(style: &str) -> bool {
    let s: String = style
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    s.contains("font-weight:bold") || s.contains("font-weight:700") || s.contains("font-weight:600")
}

pub fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// "Trang chủ", "Home", "Trang nhất": the first item of a breadcrumb.
pub fn is_home_word(s: &str) -> bool {
    matches!(
        fold(&clean(s)).as_str(),
        "trang chu" | "home" | "trang nhat" | "trang chinh"
    )
}
