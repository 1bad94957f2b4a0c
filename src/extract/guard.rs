//! Input guards run before the HTML parser sees a page.
//!
//! html5ever's tree builder is quadratic in the depth of open elements (10k
//! nested `<div>` take ~0.4 s, 100k about a minute), so a small hostile page
//! could pin a core. We cap the size and cut the input where a cheap prescan
//! of tag nesting passes [`MAX_DEPTH`]; a real article never nests that deep.

/// Largest input handed to the parser; anything after it is dropped.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Open-element depth at which the prescan cuts the input.
pub const MAX_DEPTH: usize = 2000;

/// Elements that never have content, so they never deepen the tree.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements the parser closes implicitly when a sibling opens; counting
/// them would make a page of unclosed `<p>`s look deep.
const AUTO_CLOSED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rp", "rt", "caption",
];
/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// Returns the prefix of `html` that is safe to parse.
pub fn limit(html: &str) -> &str {
    let capped = truncate_at_char(html, MAX_BYTES);
    let cut = depth_cut(capped.as_bytes(), MAX_DEPTH);
    &capped[..cut]
}

fn truncate_at_char(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Byte offset of the first tag that would open element number `max + 1`
/// on the stack, or the whole length when the page stays shallower.
/// Offsets returned are always at a `<`, hence on a char boundary.
fn depth_cut(b: &[u8], max: usize) -> usize {
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if b[i..].starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = if closing { i + 2 } else { i + 1 };
        let name = tag_name(b, name_start);
        if name.is_empty() {
            i += 1;
            continue;
        }
        let end = find(b, name_start, b">").map_or(b.len(), |p| p + 1);
        let lname = name.to_ascii_lowercase();
        let lname = std::str::from_utf8(&lname).unwrap_or("");
        if closing {
            if counts(lname) {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&lname) {
            i = skip_raw_text(b, end, lname);
            continue;
        } else if counts(lname) && b[end.saturating_sub(2)..end] != *b"/>" {
            depth += 1;
            if depth > max {
                return i;
            }
        }
        i = end;
    }
    b.len()
}

fn counts(name: &str) -> bool {
    !VOID.contains(&name) && !AUTO_CLOSED.contains(&name)
}

fn tag_name(b: &[u8], start: usize) -> &[u8] {
    let mut end = start;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') {
        end += 1;
    }
    if start < b.len() && b[start].is_ascii_alphabetic() {
        &b[start..end]
    } else {
        &[]
    }
}

/// Position after `</name` closing the raw-text element that starts at `from`.
fn skip_raw_text(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let cand = &b[p + 2..(p + 2 + name.len()).min(b.len())];
        if cand.eq_ignore_ascii_case(name.as_bytes()) {
            return p;
        }
        i = p + 2;
    }
    b.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_page_is_untouched() {
        let html = "<div><p>Một<p>Hai<br><img src=x></div><script>if (a<b) {}</script>";
        assert_eq!(limit(html), html);
    }

    #[test]
    fn deep_page_is_cut_at_max_depth() {
        let html = "<div>".repeat(MAX_DEPTH + 50);
        let cut = limit(&html);
        assert_eq!(cut.len(), MAX_DEPTH * 5);
    }

    #[test]
    fn unclosed_paragraphs_do_not_count() {
        let html = "<p>đoạn văn ".repeat(MAX_DEPTH * 2);
        assert_eq!(limit(&html).len(), html.len());
    }

    #[test]
    fn big_input_is_truncated_on_a_char_boundary() {
        let html = "ă".repeat(MAX_BYTES);
        let cut = limit(&html);
        assert!(cut.len() <= MAX_BYTES && cut.len() > MAX_BYTES - 4);
    }

    #[test]
    fn tags_in_comments_and_scripts_are_ignored() {
        let inner = "<div>".repeat(MAX_DEPTH + 1);
        let html = format!("<!-- {inner} --><script>{inner}</script><p>ok</p>");
        assert_eq!(limit(&html), html);
    }
}
