//! A source's own CSS selectors (`[source.selectors]`): where the generic
//! heuristics guess wrong on a portal, the user names the element. Each
//! selector replaces the guess for its field only; the rest stays generic.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Selector};
use url::Url;

use super::blocks::{SEL_BODY, SEL_META, SEL_RELATED};
use super::norm::clean;
use super::related::resolve;
use super::Link;
use crate::model::Selectors;

/// Why a selector cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid CSS selector for `{field}`: \"{css}\"")]
pub struct SelectorError {
    pub field: &'static str,
    pub css: String,
}

/// Every selector of `s` with its field name, in the config's order.
pub fn fields(s: &Selectors) -> [(&'static str, Option<&str>); 6] {
    [
        ("title", s.title.as_deref()),
        ("body", s.body.as_deref()),
        ("meta", s.meta.as_deref()),
        ("related", s.related.as_deref()),
        ("links", s.links.as_deref()),
        ("next", s.next.as_deref()),
    ]
}

/// Checks that every selector parses (config loading calls this).
pub fn validate(s: &Selectors) -> Result<(), SelectorError> {
    for (field, css) in fields(s) {
        if let Some(css) = css {
            compile(field, css)?;
        }
    }
    Ok(())
}

fn compile(field: &'static str, css: &str) -> Result<Selector, SelectorError> {
    let bad = || SelectorError {
        field,
        css: css.to_string(),
    };
    if css.trim().is_empty() {
        return Err(bad());
    }
    Selector::parse(css).map_err(|_| bad())
}

/// The selectors extraction uses, compiled; invalid ones are left out
/// (config loading has already reported them).
#[derive(Debug, Default)]
pub struct Compiled {
    title: Option<Selector>,
    body: Option<Selector>,
    meta: Option<Selector>,
    related: Option<Selector>,
}

impl Compiled {
    pub fn new(s: &Selectors) -> Compiled {
        let c = |field, css: &Option<String>| css.as_deref().and_then(|x| compile(field, x).ok());
        Compiled {
            title: c("title", &s.title),
            body: c("body", &s.body),
            meta: c("meta", &s.meta),
            related: c("related", &s.related),
        }
    }

    /// Matched elements of body/meta/related, for the block walker.
    pub fn marks(&self, doc: &Html) -> HashMap<NodeId, u8> {
        let mut out = HashMap::new();
        for (sel, bit) in [
            (&self.body, SEL_BODY),
            (&self.meta, SEL_META),
            (&self.related, SEL_RELATED),
        ] {
            for el in sel.iter().flat_map(|s| doc.select(s)) {
                *out.entry(el.id()).or_insert(0) |= bit;
            }
        }
        out
    }

    pub fn has_body(&self) -> bool {
        self.body.is_some()
    }

    /// The first non-empty text the title selector matches.
    pub fn title(&self, doc: &Html) -> Option<String> {
        let sel = self.title.as_ref()?;
        doc.select(sel)
            .map(|e| clean(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    }

    /// Each meta element's text, one line per element.
    pub fn meta_lines(&self, doc: &Html) -> Vec<String> {
        self.meta
            .iter()
            .flat_map(|s| doc.select(s))
            .map(|e| clean(&e.text().collect::<Vec<_>>().join(" ")))
            .collect()
    }

    /// The links inside the related elements, in page order, or `None`
    /// when there is no related selector (then the generic list is used).
    pub fn related(&self, doc: &Html, base: &Url) -> Option<Vec<Link>> {
        let sel = self.related.as_ref()?;
        let a = Selector::parse("a[href]").ok()?;
        let mut out: Vec<Link> = Vec::new();
        for el in doc
            .select(sel)
            .flat_map(|r| r.select(&a).collect::<Vec<_>>())
        {
            let title = clean(&el.text().collect::<String>());
            let Some(url) = el.attr("href").and_then(|h| resolve(h, base)) else {
                continue;
            };
            if !title.is_empty() && !out.iter().any(|l| l.url == url) {
                out.push(Link { title, url });
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_selector_names_its_field() {
        let s = Selectors {
            body: Some("div.noidung".into()),
            related: Some("ul[[".into()),
            ..Selectors::default()
        };
        let e = validate(&s).unwrap_err();
        assert_eq!(e.field, "related");
        assert!(e.to_string().contains("ul[["), "{e}");
    }
}
