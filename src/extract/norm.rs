//! Text normalisation and the word lists the heuristics match against.
//!
//! Output text is NFC with collapsed whitespace. Matching uses a *fold*
//! (lower case, tone marks and đ removed) so "Đăng ngày", "ĐĂNG NGÀY" and
//! "Dang ngay" all hit the same label; folding is never used for output.

use unicode_normalization::char::decompose_canonical;

/// NFC, every whitespace run (including `&nbsp;`) to one space, invisible
/// and control characters dropped, trimmed.
pub fn clean(s: &str) -> String {
    let s = crate::text::nfc(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !is_invisible(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Characters that carry no text but could confuse a terminal or a match.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// One folded char per input char (so indexes line up when the input is NFC).
pub fn fold_char(c: char) -> char {
    let mut base = c;
    // Stroked letters have no decomposition: fold them by hand so that
    // "Źródło" meets the word list's "zrodlo".
    if matches!(c, 'đ' | 'Đ') {
        base = 'd';
    } else if matches!(c, 'ł' | 'Ł') {
        base = 'l';
    } else if !c.is_ascii() {
        let mut first = None;
        decompose_canonical(c, |d| {
            first.get_or_insert(d);
        });
        base = first.unwrap_or(c);
    }
    base.to_lowercase().next().unwrap_or(base)
}

/// Folded copy of an already clean (NFC) string, char for char.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Number of non-whitespace chars: the unit every length heuristic uses.
pub fn weight(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Trims whitespace and the punctuation that decorates labels and items.
pub fn trim_decor(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ":：;-–—|»›>•·*,.".contains(c))
}

/// Whether `folded` starts with `word` followed by a non-letter (or the end).
pub fn starts_with_word(folded: &str, word: &str) -> bool {
    folded.starts_with(word)
        && folded[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Headings that introduce a site's list of related articles (lower case,
/// diacritics as written: they are compared after lower-casing only).
pub const RELATED_HEADINGS: &[&str] = &[
    "bài viết khác",
    "tin liên quan",
    "tin cùng chuyên mục",
    "các tin khác",
    "tin khác",
    "xem thêm",
    "đọc thêm",
    "bài liên quan",
    "related articles",
    "related",
    "more stories",
    "read more",
    "see also",
    "các bài viết khác",
    "bài viết liên quan",
    "tin bài liên quan",
    "tin tức khác",
    "các thông báo khác",
    "thông báo khác",
    "các văn bản khác",
    "văn bản khác",
    "các câu hỏi khác",
    "câu hỏi khác",
    "các tin đã đưa",
    "tin đã đưa",
    "có thể bạn quan tâm",
    "bài cùng chuyên mục",
    "tin bài khác",
    "các bài khác",
    "bài khác",
    "bài viết cùng tác giả",
    "cùng chuyên mục",
    "cùng tác giả",
    "video khác",
    "các video khác",
    // Other languages: pages of foreign sources that officials follow.
    "related stories",
    "related news",
    "other news",
    "other articles",
    "related posts",
    "related coverage",
    "related content",
    "read also",
    "also read",
    "more on this topic",
    "you may also like",
    "lesen sie auch",
    "auch interessant",
    "mehr zum thema",
    "weitere artikel",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "lire aussi",
    "à lire aussi",
    "leer también",
    "lee también",
    "zobacz także",
    "czytaj także",
    "you might also like",
    "explore further",
    "zum weiterlesen",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "verwandte beiträge",
    "empfohlene beiträge",
    "contenido relacionado",
    "artículos relacionados",
    "noticias relacionadas",
    "notas relacionadas",
    "más noticias",
    "lo último",
    "weitere meldungen",
    "weitere nachrichten",
    "neueste artikel",
    "neueste beiträge",
    "aktuelle artikel",
    "mehr themen",
    "weitere informationen",
    "vorschau auf den nächsten artikel",
    "bài tiếp theo",
    "recommended for you",
    "more from",
    "相关新闻",
    "相关阅读",
    "热门推荐",
    "推荐阅读",
];

/// Headings of site boxes that are never part of an article (folded prefixes).
pub const BOX_HEADINGS: &[&str] = &[
    "tin moi nhat",
    "tin moi cap nhat",
    "tin xem nhieu",
    "tin doc nhieu",
    "xem nhieu nhat",
    "doc nhieu nhat",
    "tin noi bat",
    "tin tieu diem",
    "tham do y kien",
    "binh chon",
    "thong ke truy cap",
    "dang truy cap",
    "luot truy cap",
    "tong luot",
    "lien ket website",
    "lien ket web",
    "most read",
    "most viewed",
    "latest news",
    "uber den autor",
    "uber die autorin",
    "about the author",
    "ve tac gia",
    // A notice's attachments: file links, not the story.
    "van ban lien quan",
    "tep dinh kem",
    "file dinh kem",
    "sobre el autor",
    "o autorze",
];

/// Lines of site furniture: footers, counters, licences (folded prefixes).
pub const FURNITURE_PREFIXES: &[&str] = &[
    "giay phep so",
    "giay phep xuat ban",
    "giay phep thiet lap",
    "giay phep:",
    "dia chi:",
    "dia chi :",
    "dien thoai:",
    "dien thoai :",
    "dt:",
    "fax:",
    "email:",
    "e-mail:",
    "website:",
    "ghi ro nguon",
    "ban quyen thuoc",
    "ban quyen:",
    "copyright",
    "©",
    "chiu trach nhiem",
    "co quan chu quan",
    "dang truy cap",
    "luot truy cap",
    "tong luot",
    "hom nay:",
    "dang online",
    "truc tuyen:",
    "thiet ke boi",
    "designed by",
    "powered by",
    "tep dinh kem",
    "file dinh kem",
    "tai lieu dinh kem",
];

/// Phrases that mark furniture wherever they occur in a short line.
pub const FURNITURE_ANYWHERE: &[&str] = &[
    "ghi ro nguon",
    "ban quyen thuoc",
    "copyright",
    "giay phep so",
    "giay phep xuat ban",
    "all rights reserved",
];

/// Short interface labels found inside article containers (folded prefixes).
pub const UI_LABELS: &[&str] = &[
    "chia se",
    "in bai",
    "in trang",
    // A table of contents' title and its show/hide toggle.
    "muc luc",
    "table of contents",
    "inhaltsverzeichnis",
    "gui email",
    "gui mail",
    "gui thu",
    "gui bai",
    "gui cau hoi",
    "quay lai",
    "tro ve",
    "ve dau trang",
    "len dau trang",
    "dau trang",
    "binh luan",
    "y kien ban doc",
    "tu khoa",
    "tags",
    "tag:",
    "share",
    "print",
    "tweet",
    "bao loi",
    "luot thich",
    // A gov portal's "news of the day" date picker.
    "cac tin da dua",
    // A longform cover's prompt.
    "cuon xuong",
    "scroll down",
    "xem tin theo ngay",
    "co chu",
    "kich thuoc chu",
    "phong chu",
    "font size",
    "text size",
    "continue reading below",
    "comments",
    // Tag and category lines under a story.
    "chu de:",
    "schlagworte",
    "schlagworter",
    "themen:",
    "tagged",
    "filed under",
    "kategorie:",
    "kategorien:",
    "category:",
    "categories:",
    "temas",
    "etiquetas",
    "argomenti",
    "mots-cles",
    "drucken",
    "rezept drucken",
    "drukuj",
    "imprimir",
    "imprimer",
    "permalink",
    "permalien",
    "bild anzeigen",
    "quellen ausblenden",
    "quellen anzeigen",
    "order reprints",
    "reprints",
];

/// Words that are an interface label only when alone on their line: a
/// byline's "By" whose name is a link to the author's page; a share
/// button named after its network.
const LONE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "boi",
    "zalo",
    "facebook",
    "twitter",
    "linkedin",
    "messenger",
    "pinterest",
];

/// Whether a line is site furniture (footer, counter, licence).
pub fn is_furniture(folded: &str) -> bool {
    let short = folded.chars().count() < 300;
    short
        && (FURNITURE_PREFIXES.iter().any(|p| folded.starts_with(p))
            || FURNITURE_ANYWHERE.iter().any(|p| folded.contains(p)))
}

/// Whether a short line is the heading of a non-article site box.
pub fn is_box_heading(folded: &str) -> bool {
    folded.chars().count() < 40 && BOX_HEADINGS.iter().any(|p| folded.starts_with(p))
}

/// Whether a short line is an interface label (share, print, back …).
pub fn is_ui_label(folded: &str) -> bool {
    let lone = folded.trim().trim_end_matches(':');
    LONE_LABELS.contains(&lone)
        || folded.chars().count() < 40 && UI_LABELS.iter().any(|p| starts_with_word(folded, p))
}

/// Whether `text` (clean) is one of the related-list headings.
pub fn is_related_heading(text: &str) -> bool {
    let t = trim_decor(text).to_lowercase();
    RELATED_HEADINGS.contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_and_composes() {
        // "Hà Nội" written with combining marks, tabs and a no-break space.
        let nfd = "  Ha\u{300}\tNo\u{302}\u{323}i\u{a0}\u{a0}mới\u{200b} ";
        assert_eq!(clean(nfd), "Hà Nội mới");
    }

    #[test]
    fn fold_is_char_for_char() {
        let s = "Đăng NGÀY Cập nhật";
        assert_eq!(fold(s), "dang ngay cap nhat");
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }

    #[test]
    fn related_heading_matches_case_and_colon() {
        assert!(is_related_heading("BÀI VIẾT KHÁC:"));
        assert!(is_related_heading(" Tin cùng chuyên mục "));
        assert!(!is_related_heading("Tin khác thường"));
        assert!(is_related_heading("RELATED STORIES"));
        assert!(is_related_heading("Related news") && is_related_heading("Other news:"));
        assert!(is_related_heading("Lesen Sie auch:"));
        assert!(is_related_heading("Bài tiếp theo:"));
        assert!(is_related_heading("Weitere Informationen"));
    }

    #[test]
    fn furniture_and_labels() {
        assert!(is_furniture(&fold("Địa chỉ: 12 phố Chợ, tỉnh Hòa Bình")));
        assert!(is_furniture(&fold("Đề nghị ghi rõ nguồn khi đăng lại")));
        assert!(!is_furniture(&fold("Điện thoại thông minh ngày càng rẻ")));
        assert!(is_box_heading(&fold("Tin xem nhiều")));
        assert!(is_ui_label(&fold("Chia sẻ")));
        assert!(is_ui_label(&fold("Cỡ chữ: A A+")));
        assert!(!is_ui_label(&fold("Chiến sĩ trẻ")));
        assert!(is_ui_label(&fold("Chủ đề: Nông nghiệp, Giao thông")));
        assert!(is_ui_label(&fold("Tagged: rice, harvest")));
        assert!(is_ui_label(&fold("Continue Reading Below")));
        assert!(is_ui_label(&fold("Comments (3)")));
        assert!(!is_ui_label(&fold("Continue reading the report, she said")));
        assert!(!is_ui_label(&fold("Chủ đề của hội nghị năm nay")));
    }
}
