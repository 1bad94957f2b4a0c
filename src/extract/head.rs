//! Machine-readable metadata: `<meta>` tags, `<title>`, `<time>` and JSON-LD.
//!
//! There is no JSON parser here on purpose (the module must stand alone), so
//! JSON-LD is read with a small scan for `"headline"`, `"datePublished"` and
//! the `"name"` inside `"author"`: enough for the one object portals emit.

use chrono::{DateTime, FixedOffset};
use scraper::{Html, Selector};

use super::author;
use super::dates::parse_attr;
use super::kicker;
use super::norm::{clean, fold, trim_decor};
use super::stamps;

#[derive(Debug, Default, Clone)]
pub struct Head {
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    pub title_tag: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    /// The site or publisher name given as author: used only when the
    /// visible meta lines name nobody.
    pub weak_author: Option<String>,
    /// Author candidates in order of trust, before the publisher check.
    authors: Vec<String>,
    /// JSON-LD `publisher.name`: a name that is not the author.
    publisher: Option<String>,
    /// Headings printed as kicker + headline.
    pub kickers: Vec<kicker::Split>,
}

/// Reads everything the page states about itself outside the visible text.
pub fn scan(doc: &Html) -> Head {
    let mut h = Head::default();
    read_meta_tags(doc, &mut h);
    h.authors.extend(author::twitter_label(doc));
    h.title_tag = first_text(doc, "title");
    h.kickers = kicker::find(doc);
    for script in select(doc, "script[type]") {
        if script
            .value()
            .attr("type")
            .is_some_and(|t| t.contains("ld+json"))
        {
            read_json_ld(&script.text().collect::<String>(), &mut h);
        }
    }
    read_microdata(doc, &mut h);
    tidy_names(&mut h);
    h.authors.extend(author::from_dom(doc));
    h.authors = author::rank(std::mem::take(&mut h.authors));
    let title_site = h.title_tag.as_deref().and_then(title_site);
    let not_author = [
        h.site_name.as_deref(),
        h.publisher.as_deref(),
        title_site.as_deref(),
    ];
    // A publisher-like name is kept only when nothing better is stated:
    // on one-person blogs the site name is the author.
    let usable = |a: &&String| !author::is_publisher(a, &[]);
    h.author = (h.authors.iter().filter(usable))
        .find(|a| !author::is_publisher(a, &not_author) && !author::names_domain(a))
        .cloned();
    h.weak_author = h.authors.iter().find(usable).cloned();
    if h.published.is_none() {
        h.published = stamps::find(doc, string_after_key);
    }
    h
}

/// The site's name as the `<title>` ends ("Headline | Báo Miền Nước"): a
/// last part of a few words after a separator.
fn title_site(title: &str) -> Option<String> {
    let (_, last) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .min_by_key(|(_, last)| last.len())?;
    let last = last.trim();
    (last.split_whitespace().count() <= SITE_WORDS_MAX).then(|| last.to_string())
}

/// Words in a site's name at the end of the `<title>`.
const SITE_WORDS_MAX: usize = 5;

/// `og:site_name` "Site |" keeps a separator from a template; a JSON-LD
/// headline equal to the site's name belongs to the `WebSite` object, not
/// to the article.
fn tidy_names(h: &mut Head) {
    h.site_name = (h.site_name.as_deref())
        .map(|s| trim_decor(s).to_string())
        .filter(|s| !s.is_empty());
    if h.site_name.is_some()
        && h.ld_headline.as_deref().map(fold) == h.site_name.as_deref().map(fold)
    {
        h.ld_headline = None;
    }
}

/// Microdata written on visible elements: `itemprop="headline"` and
/// `itemprop="author"` (its text, or that of its `itemprop="name"`).
fn read_microdata(doc: &Html, h: &mut Head) {
    if h.ld_headline.is_none() {
        h.ld_headline = first_text(doc, "[itemprop=headline]:not(meta)");
    }
    // The name is the element's text, or its `content` when the element is
    // an empty carrier (`<span itemprop="name" content="…">`).
    // A comment's author carries the same microdata (schema.org/Comment).
    let article_side = |css: &str| {
        select(doc, css)
            .into_iter()
            .find(|e| !author::in_comments(*e))
    };
    let text = |css: &str| article_side(css).and_then(|e| non_empty(&e.text().collect::<String>()));
    let name = text("[itemprop=author] [itemprop=name]:not(meta)")
        .or_else(|| text("[itemprop=author]:not(meta):not(link)"))
        .or_else(|| {
            article_side("[itemprop=author] [itemprop=name][content]")
                .and_then(|e| non_empty(e.value().attr("content")?))
        })
        .filter(|a| a.chars().count() <= 80);
    h.authors.extend(name);
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    Selector::parse(css)
        .map(|s| doc.select(&s).collect())
        .unwrap_or_default()
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let el = select(doc, css).into_iter().next()?;
    non_empty(&el.text().collect::<String>())
}

fn non_empty(s: &str) -> Option<String> {
    Some(clean(s)).filter(|s| !s.is_empty())
}

fn read_meta_tags(doc: &Html, h: &mut Head) {
    let mut other_date = None;
    // Scholarly pages give one `citation_author` per author, in order.
    let mut cited: Vec<String> = Vec::new();
    for m in select(doc, "meta[content]") {
        let e = m.value();
        let key = e
            .attr("property")
            .or(e.attr("name"))
            .or(e.attr("itemprop"))
            .unwrap_or("");
        let Some(val) = e.attr("content").and_then(non_empty) else {
            continue;
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "og:title" | "twitter:title" => &mut h.og_title,
            "og:site_name" | "application-name" => &mut h.site_name,
            "og:description" | "description" | "twitter:description" => &mut h.description,
            "author" | "dc.creator" | "dc:creator" | "dcterms.creator" | "article:author"
            | "byl" | "parsely-author" | "sailthru.author" => {
                h.authors.push(val);
                continue;
            }
            k if k.ends_with("author_name") => {
                h.authors.push(val);
                continue;
            }
            "citation_author" => {
                cited.push(val);
                continue;
            }
            "article:published_time"
            | "og:published_time"
            | "article:published"
            | "published_time"
            | "sailthru.date"
            | "parsely-pub-date"
            | "dc.date.created"
            | "dcterms.date"
            | "dcterms.created"
            | "dcterms.issued"
            | "citation_publication_date"
            | "citation_date"
            | "datecreated"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "dc.date.issued"
            | "dc.date"
            | "date" => {
                if h.published.is_none() {
                    h.published = parse_attr(&val);
                }
                continue;
            }
            k if other_date.is_none() && stamps::published_meta_name(k) => {
                other_date = parse_attr(&val);
                continue;
            }
            _ => continue,
        };
        slot.get_or_insert(val);
    }
    h.published = h.published.or(other_date);
    if !cited.is_empty() {
        h.authors.push(cited.join(", "));
    }
}

fn read_json_ld(json: &str, h: &mut Head) {
    if h.ld_headline.is_none() {
        h.ld_headline = string_after_key(json, "headline").and_then(|s| non_empty(&s));
    }
    if h.published.is_none() {
        h.published = string_after_key(json, "datePublished").and_then(|s| parse_attr(&s));
    }
    let name = ld_author(json)
        .and_then(|s| non_empty(&s))
        .or_else(|| author::ld_person(json, string_after_key));
    h.authors.extend(name);
    if h.publisher.is_none() {
        h.publisher = ld_object_name(json, "publisher");
    }
}

/// The author's name: `"author": "X"`, `{"name": "X"}` or `[{"name": "X"}]`.
fn ld_author(json: &str) -> Option<String> {
    ld_object_name(json, "author")
}

/// The name of the object under `key`, or the string there.
fn ld_object_name(json: &str, key: &str) -> Option<String> {
    let at = value_start(json, key)?;
    let rest = &json[at..];
    if rest.starts_with('"') {
        return read_string(rest).map(|(s, _)| s);
    }
    let end = matching_close(rest)?;
    string_after_key(&rest[..end], "name")
}

/// The string value of the first `"key": "…"` in `json`.
fn string_after_key(json: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = value_start(&json[from..], key) {
        let rest = &json[from + at..];
        if rest.starts_with('"') {
            return read_string(rest).map(|(s, _)| s);
        }
        from += at;
    }
    None
}

/// Byte offset just past `"key"`, the colon and whitespace.
fn value_start(json: &str, key: &str) -> Option<usize> {
    let needle = format!("\"{key}\"");
    let mut from = 0;
    while let Some(p) = json[from..].find(&needle) {
        let after = from + p + needle.len();
        let rest = json[after..].trim_start();
        if let Some(v) = rest.strip_prefix(':') {
            let v = v.trim_start();
            return Some(json.len() - v.len());
        }
        from = after;
    }
    None
}

/// Decodes the JSON string literal at the start of `s`: (value, bytes used).
fn read_string(s: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' | 'r' | 't' => out.push(' '),
                    'u' => out.push(read_unicode(&mut chars)?),
                    other => out.push(other),
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// `\uXXXX`, joining a surrogate pair when the next escape completes it.
fn read_unicode(chars: &mut dyn Iterator<Item = (usize, char)>) -> Option<char> {
    let hi = hex4(chars)?;
    if !(0xD800..0xDC00).contains(&hi) {
        return Some(char::from_u32(hi).unwrap_or('\u{FFFD}'));
    }
    let mut pair = (&mut *chars).take(2).map(|(_, c)| c);
    if pair.next() != Some('\\') || pair.next() != Some('u') {
        return Some('\u{FFFD}');
    }
    let lo = hex4(chars)?;
    let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
    Some(char::from_u32(cp).unwrap_or('\u{FFFD}'))
}

fn hex4(chars: &mut dyn Iterator<Item = (usize, char)>) -> Option<u32> {
    let s: String = chars.take(4).map(|(_, c)| c).collect();
    u32::from_str_radix(&s, 16).ok()
}

/// Length of the `{…}` or `[…]` value at the start of `s`, strings skipped.
fn matching_close(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const LD: &str = r#"{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Khai tr\u01b0\u01a1ng \"ch\u1ee3 phi\u00ean\" v\u00f9ng cao",
        "datePublished":"2023-08-19T06:30:00+07:00",
        "publisher":{"@type":"Organization","name":"Báo Tỉnh"},
        "author":[{"@type":"Person","name":"Lò Thị Mai"}]}"#;

    #[test]
    fn the_site_name_ending_the_title_is_not_the_author() {
        let doc = Html::parse_document(
            "<title>Chủ động ứng phó hạn mặn | Báo Miền Nước</title>\
             <meta name='author' content='Báo Miền Nước'>",
        );
        let h = scan(&doc);
        assert_eq!(h.author, None);
        // Still the last resort when the page names nobody else.
        assert_eq!(h.weak_author.as_deref(), Some("Báo Miền Nước"));
    }

    #[test]
    fn every_cited_author_in_order() {
        let doc = Html::parse_document(
            "<meta name='citation_author' content='Nguyễn Văn An'>\
             <meta name='citation_author' content='Trần Thị Bình'>",
        );
        assert_eq!(
            scan(&doc).author.as_deref(),
            Some("Nguyễn Văn An, Trần Thị Bình")
        );
    }

    #[test]
    fn a_commenter_marked_up_as_author_is_not_the_author() {
        let doc = Html::parse_document(
            "<article><p>Bài viết.</p></article><ol class='comment-list'><li class='comment'>\
             <p itemprop='author' itemscope><span itemprop='name'>Bạn đọc Hà</span></p></li></ol>",
        );
        assert_eq!(scan(&doc).author, None);
    }

    #[test]
    fn a_microdata_name_carried_in_content() {
        let doc = Html::parse_document(
            "<span itemprop='author' itemscope><span itemprop='name' content='Lò Thị Mai'></span></span>",
        );
        assert_eq!(scan(&doc).author.as_deref(), Some("Lò Thị Mai"));
    }

    #[test]
    fn json_ld_fields() {
        let mut h = Head::default();
        read_json_ld(LD, &mut h);
        assert_eq!(
            h.ld_headline.as_deref(),
            Some("Khai trương \"chợ phiên\" vùng cao")
        );
        assert_eq!(
            h.published.unwrap().to_rfc3339(),
            "2023-08-19T06:30:00+07:00"
        );
        assert_eq!(h.authors, ["Lò Thị Mai"]);
        assert_eq!(h.publisher.as_deref(), Some("Báo Tỉnh"));
    }

    #[test]
    fn json_ld_author_as_string_and_surrogates() {
        assert_eq!(
            ld_author(r#"{"author" : "Hà Anh"}"#).as_deref(),
            Some("Hà Anh")
        );
        let (s, _) = read_string(r#""\ud83d\ude00 vui""#).unwrap();
        assert_eq!(s, "😀 vui");
    }

    #[test]
    fn meta_tags_and_title() {
        let doc = Html::parse_document(
            "<head><title>Mùa lúa chín - Cổng thông tin xã</title>\
             <meta property='og:site_name' content='Cổng thông tin xã'>\
             <meta name='author' content='Phạm Hùng'>\
             <meta property='article:published_time' content='2022-10-01T08:00:00+07:00'></head>",
        );
        let h = scan(&doc);
        assert_eq!(h.author.as_deref(), Some("Phạm Hùng"));
        assert_eq!(
            h.published.unwrap().to_rfc3339(),
            "2022-10-01T08:00:00+07:00"
        );
        let t = super::super::parts::strip_site_name(
            h.title_tag.as_deref().unwrap(),
            h.site_name.as_deref(),
        );
        assert_eq!(t, "Mùa lúa chín");
    }

    #[test]
    fn site_name_as_author_yields_to_a_person() {
        let doc = Html::parse_document(
            "<head><meta property='og:site_name' content='Tin Bản Làng'>\
             <meta name='author' content='Tin Bản Làng'></head>\
             <body><span class='byline'>By <a rel='author' href='/u'>Lê Na</a></span></body>",
        );
        let h = scan(&doc);
        assert_eq!(h.author.as_deref(), Some("Lê Na"));
        assert_eq!(h.weak_author.as_deref(), Some("Tin Bản Làng"));
    }
}
