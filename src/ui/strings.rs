//! Every visible string of the reader, one table per language.

use crate::config::Language;

pub struct Strings {
    pub list: &'static str,
    pub reader: &'static str,
    pub related: &'static str,
    pub empty_list: &'static str,
    pub nothing_open: &'static str,
    pub no_related: &'static str,
    pub views: &'static str,
    pub unread: &'static str,
    pub offline: &'static str,
    pub help_hint: &'static str,
}

const VI: Strings = Strings {
    list: "Tin bài",
    reader: "Nội dung",
    related: "Bài viết khác",
    empty_list: "Chưa có bài nào. Chạy `tintuc sync` (hoặc `tintuc demo`) để tải tin.",
    nothing_open: "Chọn một bài và nhấn Enter để đọc.",
    no_related: "Không có bài liên quan.",
    views: "lượt xem",
    unread: "chưa đọc",
    offline: "Ngoại tuyến",
    help_hint: "j/k di chuyển · Enter mở · Tab chuyển ô · 1–9 bài khác · q thoát",
};

const EN: Strings = Strings {
    list: "Articles",
    reader: "Reader",
    related: "Related",
    empty_list: "No articles yet. Run `tintuc sync` (or `tintuc demo`) to fetch some.",
    nothing_open: "Select an article and press Enter to read it.",
    no_related: "No related articles.",
    views: "views",
    unread: "unread",
    offline: "Offline",
    help_hint: "j/k move · Enter open · Tab focus · 1–9 related · q quit",
};

pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}
