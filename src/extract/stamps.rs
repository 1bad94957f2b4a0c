//! Publication dates written for machines outside `<meta>` tags and
//! JSON-LD: `<time datetime>`, microdata and RDFa attributes, hAtom
//! `abbr title`, and the JSON state that script-rendered pages embed
//! (`"publishedDate"`, `"published_at"`, `"createdAt"`). Each is a
//! fallback for the one before: the later ones are less often the article's.

use chrono::{DateTime, FixedOffset};
use scraper::{Html, Selector};

use super::dates::parse_attr;

/// Marks in order of trust; the first parsable date of a group wins.
const MARKED: &[&str] = &[
    "time[datetime], [itemprop=datePublished]",
    "[itemprop=dateCreated], [property$=datePublished], [property$=dateCreated]",
    "abbr.published[title], abbr[itemprop][title], .published[title], .updated[title]",
];

/// Keys of embedded JSON state, publication first; creation is the same
/// moment on most CMSes.
const SCRIPT_KEYS: &[&str] = &[
    "datePublished",
    "publishedDate",
    "published_at",
    "publishedAt",
    "dateCreated",
    "createdAt",
    "created_at",
];

/// Other `<meta>` names for the publication moment, compared without
/// `_`/`-`: `published_on`, `publish_date`, `pub_date`. Only names without
/// a vendor prefix (`zdf:`, `cxenseparse:`): those follow their own rules.
const META_NAMES: &[&str] = &[
    "publishedon",
    "publishedat",
    "publisheddate",
    "publishdate",
    "publicationdate",
    "pubdate",
];

/// Whether a `<meta>` name, not one of the usual keys, gives the
/// publication moment.
pub fn published_meta_name(key: &str) -> bool {
    if key.contains([':', '.']) {
        return false;
    }
    let bare: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    META_NAMES.contains(&bare.as_str())
}

/// Scripts beyond this size are app bundles, not page state.
const SCRIPT_MAX: usize = 400_000;

pub fn find(doc: &Html, key: fn(&str, &str) -> Option<String>) -> Option<DateTime<FixedOffset>> {
    MARKED
        .iter()
        .find_map(|css| marked(doc, css))
        .or_else(|| in_scripts(doc, key))
}

fn marked(doc: &Html, css: &str) -> Option<DateTime<FixedOffset>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).find_map(|e| {
        let v = e.value();
        (v.attr("datetime").or(v.attr("content")).or(v.attr("title"))).and_then(parse_attr)
    })
}

fn in_scripts(doc: &Html, key: fn(&str, &str) -> Option<String>) -> Option<DateTime<FixedOffset>> {
    let sel = Selector::parse("script:not([src])").ok()?;
    let texts: Vec<String> = doc
        .select(&sel)
        .map(|s| s.text().collect::<String>())
        .filter(|t| t.len() <= SCRIPT_MAX)
        .collect();
    SCRIPT_KEYS.iter().find_map(|k| {
        texts
            .iter()
            .find_map(|t| key(t, k).as_deref().and_then(parse_attr))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(json: &str, k: &str) -> Option<String> {
        let p = json.find(&format!("\"{k}\":\""))? + k.len() + 4;
        Some(json[p..p + json[p..].find('"')?].to_string())
    }

    fn day(html: &str) -> Option<String> {
        let doc = Html::parse_document(html);
        find(&doc, key).map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn rdfa_and_hatom_marks() {
        let rdfa = "<span property='schema:dateCreated' content='2021-04-02T09:00:00+07:00'>";
        assert_eq!(day(rdfa).as_deref(), Some("2021-04-02"));
        let abbr = "<abbr class='published' title='2019-07-08T10:00:00+07:00'>8/7</abbr>";
        assert_eq!(day(abbr).as_deref(), Some("2019-07-08"));
    }

    #[test]
    fn other_meta_names_for_publication() {
        for k in [
            "published_on",
            "Publish-Date",
            "pub_date",
            "publicationDate",
        ] {
            assert!(published_meta_name(k), "{k}");
        }
        for k in [
            "site:publicationDate",
            "uploaddate",
            "date_modified",
            "publisher",
        ] {
            assert!(!published_meta_name(k), "{k}");
        }
    }

    #[test]
    fn embedded_state_publication_before_creation() {
        let s = r#"<script>window.s={"createdAt":"2020-01-01T08:00:00+07:00",
            "publishedDate":"2020-01-03T08:00:00+07:00"}</script>"#;
        assert_eq!(day(s).as_deref(), Some("2020-01-03"));
        assert_eq!(day("<script>var x = 1;</script>"), None);
    }
}
