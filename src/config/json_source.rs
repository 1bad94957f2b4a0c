//! `[source.json]`: how to read a portal's own JSON API. The source's `url` is the API address
//! (`{page}` in it is replaced by 1, 2, … up to `[sync] max_pages`); this table says where the
//! item array is and where each stored field sits in an item, as dotted paths.

use super::{SourceConfig, SourceKind};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonMapping {
    /// Path to the array of items; absent when the response itself is the array.
    pub items: Option<String>,
    /// Path to a stable id (else the URL is the id).
    pub id: Option<String>,
    pub url: String,
    pub title: String,
    pub published: Option<String>,
    /// chrono strftime format of `published`; absent: RFC 3339, RFC 2822 or a Vietnamese form.
    pub date_format: Option<String>,
    pub author: Option<String>,
    pub category: Option<String>,
    pub summary: Option<String>,
    pub body: Option<String>,
    /// The body is HTML (run through the page extractor) rather than plain text.
    #[serde(default = "yes")]
    pub body_is_html: bool,
    /// Path to an array of related items, each with a title and a URL.
    pub related: Option<String>,
    #[serde(default = "title_key")]
    pub related_title: String,
    #[serde(default = "url_key")]
    pub related_url: String,
}

fn yes() -> bool {
    true
}

fn title_key() -> String {
    "title".into()
}

fn url_key() -> String {
    "url".into()
}

/// What is wrong with one key of a source's API settings, for a "file:line: key" error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey {
    pub key: &'static str,
    /// The value as written, to find its line among several sources.
    pub value: String,
    pub what: String,
}

impl JsonMapping {
    /// Every path with its key name, in the order they are checked.
    pub fn paths(&self) -> Vec<(&'static str, &str)> {
        let optional = [
            ("items", &self.items),
            ("id", &self.id),
            ("published", &self.published),
            ("author", &self.author),
            ("category", &self.category),
            ("summary", &self.summary),
            ("body", &self.body),
            ("related", &self.related),
        ];
        let mut out = vec![("url", self.url.as_str()), ("title", self.title.as_str())];
        out.extend(
            optional
                .into_iter()
                .filter_map(|(k, v)| Some((k, v.as_deref()?))),
        );
        out.push(("related_title", &self.related_title));
        out.push(("related_url", &self.related_url));
        out
    }
}

/// Checks that `kind` and `[source.json]` agree and that every path and the date format parse.
pub fn check(s: &SourceConfig) -> Result<(), BadKey> {
    let kind = |what: &str| BadKey {
        key: "kind",
        value: String::new(),
        what: what.to_string(),
    };
    let mapping = match (&s.kind, &s.json) {
        (Some(SourceKind::Json), None) => {
            return Err(kind(
                "kind = \"json\" needs a [source.json] table with at least url and title paths",
            ))
        }
        (Some(k), Some(_)) if *k != SourceKind::Json => {
            return Err(kind(
                "a [source.json] table belongs to a source with kind = \"json\"",
            ))
        }
        (_, Some(m)) => m,
        (_, None) => return Ok(()),
    };
    for (key, path) in mapping.paths() {
        crate::sync::jsonpath::JsonPath::parse(path).map_err(|e| BadKey {
            key,
            value: path.to_string(),
            what: format!("invalid path \"{path}\": {e}"),
        })?;
    }
    if let Some(format) = &mapping.date_format {
        use chrono::format::{Item, StrftimeItems};
        if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
            return Err(BadKey {
                key: "date_format",
                value: format.clone(),
                what: format!("\"{format}\" is not a valid strftime format"),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    const OK: &str = "[[source]]\nname = \"A\"\nurl = \"https://a.vn/api?page={page}\"\n\
                      kind = \"json\"\n[source.json]\nitems = \"data.items\"\nurl = \"link\"\n\
                      title = \"title\"\nauthor = \"authors[0].name\"\n";

    #[test]
    fn a_json_source_parses() {
        let c = Config::parse(OK, "c.toml").unwrap();
        let m = c.sources[0].json.as_ref().unwrap();
        assert_eq!(m.items.as_deref(), Some("data.items"));
        assert!(m.body_is_html);
        assert_eq!(m.related_url, "url");
    }

    #[test]
    fn a_bad_path_names_file_line_and_key() {
        let bad = OK.replace("authors[0].name", "authors[0.name");
        let err = Config::parse(&bad, "c.toml").unwrap_err().to_string();
        assert!(err.starts_with("c.toml:9:"), "{err}");
        assert!(
            err.contains("`author`") && err.contains("authors[0.name"),
            "{err}"
        );
        assert!(!err.contains('\n'));
    }

    #[test]
    fn kind_and_table_must_agree_and_formats_must_parse() {
        let no_table = OK.split("[source.json]").next().unwrap().to_string();
        let err = Config::parse(&no_table, "c.toml").unwrap_err().to_string();
        assert!(
            err.starts_with("c.toml:4:") && err.contains("[source.json]"),
            "{err}"
        );
        let fmt = OK.replace(
            "title = \"title\"\n",
            "title = \"title\"\ndate_format = \"%Q\"\n",
        );
        let err = Config::parse(&fmt, "c.toml").unwrap_err().to_string();
        assert!(err.starts_with("c.toml:9:") && err.contains("%Q"), "{err}");
    }

    #[test]
    fn the_readme_examples_parse() {
        let readme = include_str!("../../README.md");
        let blocks: Vec<&str> = readme
            .split("```toml\n")
            .skip(1)
            .filter_map(|b| b.split("```").next())
            .filter(|b| b.contains("kind = \"json\"") || b.contains("kind = \"wordpress\""))
            .collect();
        assert_eq!(blocks.len(), 2, "one example of each kind");
        for b in blocks {
            Config::parse(b, "README.md").unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
