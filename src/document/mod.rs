//! An article as a document to print or forward: plain text, Markdown or a self-contained HTML
//! page, each opening with where it came from (source, URL, published and retrieval times).
//!
//! `tintuc read ID --format …` prints these; the reader's save key calls [`render`] and
//! [`file_name`] too, so both give the same document.

mod html;

pub use html::escape;

use crate::model::Article;
use chrono::{DateTime, FixedOffset};

/// The document formats an article can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    Text,
    Markdown,
    Html,
}

impl DocFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Text => "txt",
            DocFormat::Markdown => "md",
            DocFormat::Html => "html",
        }
    }
}

/// The article as a whole document in `format`, ending with a newline.
pub fn render(a: &Article, format: DocFormat) -> String {
    match format {
        DocFormat::Text => text(a),
        DocFormat::Markdown => markdown(a),
        DocFormat::Html => html::page(a),
    }
}

/// A file name for the saved article: its id and an ASCII slug of its title,
/// e.g. `42-hoi-nghi-tong-ket.html`. Never contains a path separator.
pub fn file_name(a: &Article, format: DocFormat) -> String {
    let folded = crate::text::strip_diacritics(&a.title);
    let slug: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_string)
        .collect();
    let slug = slug.join("-");
    match slug.is_empty() {
        true => format!("{}.{}", a.id, format.extension()),
        false => format!("{}-{slug}.{}", a.id, format.extension()),
    }
}

/// The provenance lines every document opens with: (label, value).
pub(crate) fn provenance(a: &Article) -> Vec<(&'static str, String)> {
    let mut lines = vec![
        ("Nguồn", a.source.clone()),
        ("Địa chỉ", a.url.clone()),
        ("Đăng ngày", a.published.map_or("không rõ".into(), when)),
        ("Lấy về lúc", when(a.fetched_at)),
    ];
    lines.extend(a.author.clone().map(|v| ("Tác giả", v)));
    lines.extend(a.category.clone().map(|v| ("Chuyên mục", v)));
    lines.extend(a.views.map(|v| ("Lượt xem", v.to_string())));
    lines
}

/// Day first, as the portals print it, with the offset so a reader abroad is not misled.
fn when(t: DateTime<FixedOffset>) -> String {
    t.format("%d/%m/%Y %H:%M (UTC%:z)").to_string()
}

fn body(a: &Article) -> &str {
    a.body.as_deref().unwrap_or(&a.summary)
}

fn text(a: &Article) -> String {
    let mut out = format!("{}\n\n", a.title);
    for (label, value) in provenance(a) {
        out.push_str(&format!("{label}: {value}\n"));
    }
    out.push_str(&format!("\n{}\n", body(a)));
    if !a.related.is_empty() {
        out.push_str("\nBài viết khác:\n");
        for r in &a.related {
            let id = r.id.map_or("-".to_string(), |i| i.to_string());
            out.push_str(&format!("  [{id}] {}\n        {}\n", r.title, r.url));
        }
    }
    out
}

/// Escapes what Markdown would read as markup in a line of plain text.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(a: &Article) -> String {
    let mut out = format!("# {}\n\n", md_escape(&a.title));
    for (label, value) in provenance(a) {
        let value = match label {
            "Địa chỉ" => format!("<{}>", a.url.replace('>', "%3E")),
            _ => md_escape(&value),
        };
        out.push_str(&format!("- **{label}:** {value}\n"));
    }
    for para in body(a).split("\n\n") {
        out.push_str(&format!("\n{}\n", md_escape(para)));
    }
    if !a.related.is_empty() {
        out.push_str("\n## Bài viết khác\n\n");
        for r in &a.related {
            let url = r.url.replace(' ', "%20").replace(')', "%29");
            out.push_str(&format!("- [{}]({url})\n", md_escape(&r.title)));
        }
    }
    out
}

#[cfg(test)]
mod tests;
