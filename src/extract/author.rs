//! The author when neither a meta tag nor JSON-LD names one directly.
//!
//! Blog and CMS themes mark the byline in a handful of standard ways:
//! `rel="author"` links, hCard (`class="author vcard"` with an `fn`), a
//! `byline` or `author` wrapper. Those marks are conventions shared by
//! thousands of themes, not site names, so they generalise. JSON-LD graphs
//! often give the author as `{"@id": …}` and the name on a separate
//! `Person` node; [`ld_person`] reads that node.

use scraper::{Html, Selector};

use super::norm::{clean, fold, starts_with_word, trim_decor};

/// Byline marks, most specific first; the first plausible name wins.
const BYLINE_CSS: &[&str] = &[
    ".author .fn, .byline .fn, .vcard.author, .author.vcard",
    "a[rel~=author]",
    "a[href*='/author/'], a[href*='/authors/'], a[href*='/autor/'], a[href*='/autoren/'], a[href*='/tac-gia/']",
    // author_name, authorName, blog-author__name, author-box__name, writer_name …
    // (see `is_name_class`: Drupal's `field--name-…-author` is not one).
    "[class*=author][class*=name], [class*=Author][class*=Name], [class*=author][class*=Name], \
     [class*=writer][class*=name]",
    ".byline a, .post-author a, .entry-author a, [class*=author-name]",
    ".byline, .post-author, .entry-author",
    "[class~=author] > a, p.author, span.author, ul.author > li",
    // Drupal prints "Submitted by <span class=username>" above the node.
    ".submitted .username",
    // Vietnamese portals' byline boxes under the headline.
    ".news-author, .detail-author, .tacgia, .tac-gia",
];

/// Words that open a byline and are not part of the name.
const BY_WORDS: &[&str] = &[
    "by",
    "von",
    "vom",
    "par",
    "por",
    "di",
    "door",
    "tac gia",
    "phong vien",
    "posted by",
    "written by",
    "autor/in",
    "autorin",
    "autor",
    "author",
];

/// Folded licences that photo-source markup gives as `itemprop=author`
/// ("/domena publiczna"): no person.
const LICENCES: &[&str] = &[
    "domena publiczna",
    "public domain",
    "dominio publico",
    "gemeinfrei",
    "creative commons",
    "cc by",
    "cc0",
];

/// A name from the page's byline marks, outside any comment section.
pub fn from_dom(doc: &Html) -> Option<String> {
    BYLINE_CSS.iter().find_map(|css| {
        let sel = Selector::parse(css).ok()?;
        doc.select(&sel)
            .filter(|e| !in_comments(*e) && is_name_class(*e))
            .take(5)
            .find_map(|e| plausible_mark(&e.text().collect::<String>()))
    })
}

/// A name inside a byline mark may be a login with digits (`hoa1984`): the
/// mark says it names someone, so one word with letters and digits passes.
fn plausible_mark(raw: &str) -> Option<String> {
    plausible(raw).or_else(|| {
        let t = trim_decor(&clean(raw)).to_string();
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        let login = !t.contains(char::is_whitespace)
            && t.chars().count() <= 30
            && t.chars().all(|c| c.is_alphanumeric() || "._-".contains(c));
        (login && letters >= 3).then_some(t)
    })
}

/// `twitter:labelN` = "Written by" with the name in `twitter:dataN`, as
/// SEO plugins write it.
pub fn twitter_label(doc: &Html) -> Option<String> {
    let sel = Selector::parse("meta[name^='twitter:label']").ok()?;
    let label = doc.select(&sel).find(|m| {
        let v = fold(m.value().attr("content").unwrap_or(""));
        ["written by", "author", "autor", "verfasst von", "tac gia"].contains(&v.trim())
    })?;
    let n = label.value().attr("name")?.strip_prefix("twitter:label")?;
    let data = Selector::parse(&format!("meta[name='twitter:data{n}']")).ok()?;
    let m = doc.select(&data).next()?;
    plausible(m.value().attr("content")?)
}

/// A class that says "author … name" in that order in one word, when it
/// mentions both; `field--name-field-image-author` names a field that
/// holds an author (of a photo), not the name of this article's author.
fn is_name_class(e: scraper::ElementRef) -> bool {
    let class = e.value().attr("class").unwrap_or("").to_ascii_lowercase();
    let who = class.contains("author") || class.contains("writer");
    if !(who && class.contains("name")) {
        return true;
    }
    class.split_whitespace().any(|w| {
        let who = w.find("author").or_else(|| w.find("writer"));
        who.is_some_and(|a| w[a..].contains("name"))
    })
}

/// Comment authors carry the same hCard marks as the article's author.
pub fn in_comments(e: scraper::ElementRef) -> bool {
    e.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .any(|a| {
            let v = a.value();
            let ids = format!("{} {}", v.attr("class").unwrap_or(""), v.id().unwrap_or(""));
            ids.to_ascii_lowercase().contains("comment")
        })
}

/// The text as a person's name: a leading "By"/"von"/"Tác giả:" dropped;
/// short, with letters, and not a date, an address or a sentence.
pub fn plausible(raw: &str) -> Option<String> {
    let text = clean(raw);
    let t = without_by(trim_decor(&text));
    let words = t.split_whitespace().count();
    let ok = (2..=60).contains(&t.chars().count())
        && (1..=6).contains(&words)
        && t.chars().any(char::is_alphabetic)
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || "@/:|<>".contains(c));
    ok.then(|| t.to_string())
}

/// Folded words that lead into a name only with a colon: "Ảnh: Đức
/// Thịnh" credits the photographer of a photo story, "Anh Thư" is a name.
/// "BTV: Minh Châu" names the editor who signs a video's text.
const COLON_BY_WORDS: &[&str] = &[
    "bai va anh",
    "anh va bai",
    "bai",
    "anh",
    "thuc hien",
    "btv",
    "ctv",
    "pv",
    "nhom pv",
];

/// The text without a leading "By", "von", "Tác giả:" and the like.
pub fn without_by(t: &str) -> &str {
    let folded = fold(t);
    let with_colon = COLON_BY_WORDS.iter().map(|w| (w, true));
    for (w, colon) in BY_WORDS.iter().map(|w| (w, false)).chain(with_colon) {
        let Some(rest) = folded.strip_prefix(w) else {
            continue;
        };
        let led_in = if colon {
            rest.trim_start().starts_with(':')
        } else {
            rest.is_empty() || rest.starts_with([' ', ':'])
        };
        if led_in {
            // `fold` keeps char positions and `w` is ASCII: same cut.
            let t = trim_decor(t.char_indices().nth(w.len()).map_or("", |(i, _)| &t[i..]));
            return t.trim_start_matches([':', ' ']);
        }
    }
    t
}

/// True for the site or publisher name, an address or a CMS placeholder:
/// meta `author` tags often carry those instead of a person.
pub fn is_publisher(name: &str, not_author: &[Option<&str>]) -> bool {
    let n = fold(name);
    let placeholder = [
        "null",
        "admin",
        "undefined",
        "none",
        "no author",
        "unknown",
        "uncategorized",
    ]
    .contains(&n.as_str());
    let same = not_author
        .iter()
        .flatten()
        .map(|s| fold(s))
        .any(|s| s.chars().count() >= 3 && (n.contains(s.as_str()) || s.contains(n.as_str())));
    // Addresses (`://`, `@`) are gone already: `rank` drops them.
    placeholder || same || n.is_empty() || n.chars().count() > 80
}

/// Author candidates as a reader should see them, most trusted first.
///
/// Quotes around a name and a comma glued to the next name are typography
/// (`'An,Bình'` is "An, Bình"). Handles, e-mail and profile addresses name
/// an account, not a person, so they go. A CMS login (`nguyen.an`,
/// `thuha`: one lowercase word) stays, but behind any candidate that
/// spells a name, because meta tags often carry the login while JSON-LD or
/// the byline carry the name.
pub fn rank(candidates: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = candidates
        .iter()
        .map(|c| spaced_commas(without_by(c.trim_matches(['\'', '"', ' ', '/']))))
        .filter(|c| !c.is_empty() && !is_account(c) && !is_licence(c))
        .collect();
    out.sort_by_key(|c| is_login(c));
    out
}

/// The author shown: the page's own metadata first, then a visible byline,
/// then the story's closing signature, then a login from the metadata,
/// then the site's name as a last resort. A board or an office ("Ban Tuyên
/// giáo", "Office of the … People's Committee") is the account that posted,
/// not the writer: a person's name anywhere else comes first.
pub fn choose(
    meta: Option<String>,
    line: Option<String>,
    signed: Option<String>,
    site: Option<String>,
) -> Option<String> {
    let (name, login) = match meta {
        Some(m) if is_login(&m) => (None, Some(m)),
        m => (m, None),
    };
    let person = [&name, &line, &signed]
        .into_iter()
        .flatten()
        .find(|n| !is_organisation(n))
        .cloned();
    person.or(name).or(line).or(signed).or(login).or(site)
}

/// Words that open the name of a body, not a person, in Vietnamese (with
/// their marks: "Phong", "Bảo" are given names) and in English.
const ORGANISATION_OPENINGS: &[&str] = &[
    "ban ",
    "sở ",
    "phòng ",
    "văn phòng",
    "ubnd",
    "ủy ban",
    "uỷ ban",
    "trung tâm",
    "cổng thông tin",
    "báo ",
    "đài ",
    "tòa soạn",
    "toà soạn",
    "bbt",
    "hội đồng",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "đảng ủy",
    "tỉnh uỷ",
    "huyện uỷ",
    "thành uỷ",
    "đảng uỷ",
    "công an ",
    "office of",
    "department of",
    "ministry of",
];

fn is_organisation(name: &str) -> bool {
    let lower = name.to_lowercase();
    ORGANISATION_OPENINGS.iter().any(|o| lower.starts_with(o))
        || lower.contains("people's committee")
}

fn is_licence(name: &str) -> bool {
    let f = fold(name);
    LICENCES.iter().any(|l| starts_with_word(&f, l))
}

/// "An,Bình" → "An, Bình"; a comma inside a number is left alone.
fn spaced_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ',' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            out.push(' ');
        }
    }
    out
}

/// An @handle, an e-mail address or a profile URL (`facebook.com/an`).
fn is_account(s: &str) -> bool {
    let l = s.to_lowercase();
    // The host is matched on the text as written: a lowercase domain
    // (`facebook.com/an`), not initials before an agency (`T.Hà/TTXVN`,
    // `P.V/Báo Hưng Yên`), which a byline often is.
    let domain_path = s
        .split_whitespace()
        .any(|w| w.split_once('/').is_some_and(|(host, _)| is_domain(host)));
    l.contains('@')
        || l.contains("[at]")
        || l.contains("://")
        || l.starts_with("www.")
        || domain_path
}

/// A site's address among the words ("hessenschau.de, Frankfurt"): the
/// site names itself, a person is named otherwise.
pub fn names_domain(name: &str) -> bool {
    name.split([' ', ',', ';', '(', ')']).any(|w| {
        let (host, tld) = w.rsplit_once('.').unwrap_or(("", ""));
        host.chars().count() >= 3
            && (2..=6).contains(&tld.len())
            && tld.bytes().all(|b| b.is_ascii_lowercase())
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || ".-".contains(c))
    })
}

/// `facebook.com`, `bao-moi.vn`: lowercase ASCII labels and a letter TLD.
fn is_domain(host: &str) -> bool {
    let ok_chars = host
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    let tld = host.rsplit('.').next().unwrap_or("");
    ok_chars && host.contains('.') && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase())
}

/// One word without capitals: a login, not a name as printed.
fn is_login(s: &str) -> bool {
    !s.contains(char::is_whitespace) && !s.chars().any(char::is_uppercase)
}

/// The `name` of the first JSON-LD node typed `Person`.
pub fn ld_person(json: &str, string_after_key: fn(&str, &str) -> Option<String>) -> Option<String> {
    let at = json
        .match_indices("\"Person\"")
        .map(|(p, _)| p)
        .find(|&p| is_type_value(&json[..p]))?;
    // The node's name follows its type, or precedes it within the object.
    let open = json[..at].rfind('{')?;
    let close = json[at..].find('}').map_or(json.len(), |c| at + c);
    string_after_key(&json[open..close], "name").and_then(|n| plausible(&n))
}

/// True when `before` ends with `"@type":` or `"@type": [` (a type list).
fn is_type_value(before: &str) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix('[').unwrap_or(b).trim_end();
    b.strip_suffix(':')
        .is_some_and(|b| b.trim_end().ends_with("\"@type\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hcard_byline_wins_over_comment_authors() {
        let doc = Html::parse_document(
            "<article><span class='byline'>bởi <span class='author vcard'>\
             <a class='url fn n' href='/u/an'>Trần An</a></span></span><p>Bài.</p></article>\
             <ol class='comment-list'><li><span class='author vcard'>\
             <span class='fn'>Khách</span></span></li></ol>",
        );
        assert_eq!(from_dom(&doc).as_deref(), Some("Trần An"));
    }

    #[test]
    fn a_link_or_line_classed_author() {
        let doc =
            Html::parse_document("<span class='author'><a href='/nhan-vien/12'>Hoa Lê</a></span>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Hoa Lê"));
        let doc = Html::parse_document("<h4>Tác giả</h4><p class='author'> Kim Lan </p>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Kim Lan"));
        let doc = Html::parse_document("<p><a href='/tac-gia/ngo-bao.html'>Ngô Bảo</a></p>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Ngô Bảo"));
        let doc = Html::parse_document(
            "<div class='field--name-field-image-author'>Ảnh: Cổng tin</div>\
             <div class='blog-author__name'>Đặng Hải</div>",
        );
        assert_eq!(from_dom(&doc).as_deref(), Some("Đặng Hải"));
        let doc = Html::parse_document("<ul class='author share'><li>Lan Chi</li></ul>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Lan Chi"));
        let doc = Html::parse_document(
            "<div class='submitted'>Đăng bởi <span class='username'>quanly2</span></div>",
        );
        assert_eq!(from_dom(&doc).as_deref(), Some("quanly2"));
    }

    #[test]
    fn rel_author_link_and_bare_byline() {
        let doc = Html::parse_document("<p>Viết bởi <a rel='author' href='/a'>Hoa Lê</a></p>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Hoa Lê"));
        let doc = Html::parse_document("<div class='byline'>By Minh Phạm</div>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Minh Phạm"));
        let doc = Html::parse_document("<p>bởi <a rel='author' href='/u/9'>hoa1984</a></p>");
        assert_eq!(from_dom(&doc).as_deref(), Some("hoa1984"));
        let doc = Html::parse_document("<p>bởi <a rel='author' href='/u/9'>2019</a></p>");
        assert_eq!(from_dom(&doc), None);
    }

    #[test]
    fn twitter_written_by_and_author_archive_links() {
        let doc = Html::parse_document(
            "<head><meta name='twitter:label1' content='Est. reading time'>\
             <meta name='twitter:data1' content='4 minutes'>\
             <meta name='twitter:label2' content='Written by'>\
             <meta name='twitter:data2' content='Quang Vinh'></head>",
        );
        assert_eq!(twitter_label(&doc).as_deref(), Some("Quang Vinh"));
        let doc = Html::parse_document("<p><a href='/blog/author/thu-ha/'>Thu Hà</a></p>");
        assert_eq!(from_dom(&doc).as_deref(), Some("Thu Hà"));
    }

    #[test]
    fn names_are_short_and_not_dates() {
        assert_eq!(plausible("Tác giả: Đỗ Hà").as_deref(), Some("Đỗ Hà"));
        assert_eq!(plausible(" von  Kim Lan ").as_deref(), Some("Kim Lan"));
        assert_eq!(plausible("12/03/2021"), None);
        assert_eq!(plausible("a b c d e f g h"), None);
        assert_eq!(plausible("Bylan Tô").as_deref(), Some("Bylan Tô"));
        // A photo story's credit names its author; "Anh" opens names too.
        assert_eq!(plausible("Ảnh: Đức Thịnh").as_deref(), Some("Đức Thịnh"));
        assert_eq!(plausible("Bài và ảnh : Lê Na").as_deref(), Some("Lê Na"));
        assert_eq!(plausible("Anh Thư").as_deref(), Some("Anh Thư"));
        assert_eq!(plausible("Bài hát").as_deref(), Some("Bài hát"));
    }

    #[test]
    fn a_writer_comes_before_the_office_that_posted() {
        let s = |v: &str| Some(v.to_string());
        let chosen = choose(
            s("Ban Tuyên giáo"),
            s("Ban Tuyên giáo"),
            s("Trần Hoa"),
            None,
        );
        assert_eq!(chosen.as_deref(), Some("Trần Hoa"));
        let office = s("Office of the Hà Lam Provincial People's Committee");
        let chosen = choose(office.clone(), s("Minh Anh"), None, None);
        assert_eq!(chosen.as_deref(), Some("Minh Anh"));
        // With no person to name, the office is shown; "Phong" and "Bảo"
        // open given names, not offices.
        assert_eq!(choose(office.clone(), None, None, None), office);
        let chosen = choose(s("Phong Lan"), None, s("Bảo Ngọc"), None);
        assert_eq!(chosen.as_deref(), Some("Phong Lan"));
    }

    #[test]
    fn publisher_is_not_the_author() {
        let site = [Some("Báo Làng Quê"), None];
        assert!(is_publisher("BÁO LÀNG QUÊ", &site));
        assert!(is_publisher("null", &site));
        assert!(is_publisher("No Author", &site));
        assert!(is_publisher("Uncategorized", &site));
        assert!(!is_publisher("Ngô Bảo", &site));
        assert!(names_domain("hessenschau.de, Frankfurt, Germany"));
        assert!(names_domain("Baohungyen.vn"));
        assert!(!names_domain("T.Hà/TTXVN") && !names_domain("J.R. Stone"));
        assert!(!names_domain("Dr. Karin Schmitz") && !names_domain("P.V/Báo Hưng Yên"));
    }

    #[test]
    fn logins_and_accounts_give_way_to_names() {
        let r = |v: &[&str]| rank(v.iter().map(|s| s.to_string()).collect());
        assert_eq!(r(&["thu.ha", "Thu Hà"]), ["Thu Hà", "thu.ha"]);
        assert_eq!(r(&["@baolangque", "Ngô Bảo"]), ["Ngô Bảo"]);
        assert_eq!(r(&["facebook.com/ngo.bao"]), Vec::<String>::new());
        assert_eq!(r(&["bao[at]langque.vn", "Bảo"]), ["Bảo"]);
        assert_eq!(r(&["'Kim Lan,Đỗ Hà'"]), ["Kim Lan, Đỗ Hà"]);
        // A slash between two names is a shared byline, not an address,
        // and so are initials before an agency.
        assert_eq!(r(&["T. An / H. Lê"]), ["T. An / H. Lê"]);
        assert_eq!(r(&["T.Hà/TTXVN"]), ["T.Hà/TTXVN"]);
        assert_eq!(r(&["P.V/Báo Hưng Yên"]), ["P.V/Báo Hưng Yên"]);
        assert_eq!(r(&["N.Linh/baohungyen.vn"]), ["N.Linh/baohungyen.vn"]);
        assert_eq!(r(&["thuha"]), ["thuha"]);
        // A photo's licence marked up as its author, and a byline label.
        assert_eq!(
            r(&["/domena publiczna", "Public Domain"]),
            Vec::<String>::new()
        );
        assert_eq!(r(&["Autor/in: Korinna Hennig"]), ["Korinna Hennig"]);
    }

    #[test]
    fn json_ld_person_node() {
        let find = |j: &str, k: &str| {
            let p = j.find(&format!("\"{k}\":\""))? + k.len() + 4;
            Some(j[p..p + j[p..].find('"')?].to_string())
        };
        let j = r#"{"@graph":[{"@type":"Article","author":{"@id":"p1"}},
            {"@type": ["Person"], "@id":"p1", "name":"Vy Trần"}]}"#;
        assert_eq!(ld_person(j, find).as_deref(), Some("Vy Trần"));
        assert_eq!(ld_person(r#"{"@type":"Article"}"#, find), None);
    }
}
