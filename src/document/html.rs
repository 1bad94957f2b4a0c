//! The HTML document: one file, no scripts, nothing loaded from elsewhere (a content security
//! policy says so too), every piece of text escaped, and a stylesheet that prints cleanly.

use super::{body, provenance};
use crate::model::Article;

const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42em; margin: 2em auto;
       padding: 0 1em; line-height: 1.55; color: #111; }
h1 { font-size: 1.6em; line-height: 1.25; }
.provenance { border-top: 1px solid #999; border-bottom: 1px solid #999; padding: .5em 0;
              font-size: .9em; }
.provenance dt { float: left; clear: left; width: 8em; font-weight: bold; }
.provenance dd { margin-left: 8em; overflow-wrap: anywhere; }
.related { font-size: .9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .related a::after { content: ' (' attr(href) ')'; font-size: .85em; }
  h1, h2 { break-after: avoid; }
  p { orphans: 3; widows: 3; }
}
";

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link only for http(s) URLs; anything else (javascript:, data:) stays plain text.
fn link(url: &str, text: &str) -> String {
    let web = url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    match web {
        true => format!("<a href=\"{}\">{}</a>", escape(url), escape(text)),
        false => escape(text),
    }
}

pub fn page(a: &Article) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", escape(&a.title)));
    out.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<article>\n"
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n<dl class=\"provenance\">\n",
        escape(&a.title)
    ));
    for (label, value) in provenance(a) {
        let value = match label {
            "Địa chỉ" => link(&a.url, &a.url),
            _ => escape(&value),
        };
        out.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>\n"));
    }
    out.push_str("</dl>\n");
    for para in body(a).split("\n\n") {
        out.push_str(&format!(
            "<p>{}</p>\n",
            escape(para).replace('\n', "<br>\n")
        ));
    }
    if !a.related.is_empty() {
        out.push_str("<section class=\"related\">\n<h2>Bài viết khác</h2>\n<ul>\n");
        for r in &a.related {
            out.push_str(&format!("<li>{}</li>\n", link(&r.url, &r.title)));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}
