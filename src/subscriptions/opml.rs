//! OPML 2.0: `<outline>` elements with `xmlUrl` are feeds; the `text` of enclosing outlines
//! (folders) and the `category` attribute become tags. HTML listing sources are written as
//! `type="link"` outlines with a `url`, as OPML 2.0 describes links, and read back as such.

use super::{source, usable_url, ParseError, Parsed};
use crate::config::{SourceConfig, SourceKind};
use crate::document::escape;
use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;
use std::collections::HashMap;

/// Parses an OPML document with a real XML parser; malformed XML is an error naming the byte.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut parsed = Parsed::default();
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| ParseError(format!("not valid OPML (XML error near byte {at}: {e})")))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "opml" => {
                saw_opml = true
            }
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                let attrs = attributes(&e)?;
                let folder = outline(&attrs, &folders, &mut parsed);
                folders.push(folder);
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                outline(&attributes(&e)?, &folders, &mut parsed);
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err(ParseError(
            "not an OPML document (no <opml> element)".into(),
        ));
    }
    Ok(parsed)
}

fn attributes(e: &BytesStart) -> Result<HashMap<String, String>, ParseError> {
    let mut out = HashMap::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| ParseError(format!("not valid OPML: {err}")))?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| ParseError(format!("not valid OPML: {err}")))?;
        let key = attr.key.local_name().as_ref().to_string();
        out.insert(key, value.into_owned());
    }
    Ok(out)
}

/// Adds the outline's feed, if it has one; returns its folder name otherwise (for tags).
fn outline(
    attrs: &HashMap<String, String>,
    folders: &[Option<String>],
    parsed: &mut Parsed,
) -> Option<String> {
    let name = attrs.get("text").or_else(|| attrs.get("title"));
    let is_link = attrs.get("type").is_some_and(|t| t == "link");
    let raw = match is_link {
        true => attrs.get("url"),
        false => attrs.get("xmlUrl"),
    };
    let Some(raw) = raw else {
        return name.cloned(); // a folder
    };
    let Some(url) = usable_url(raw) else {
        let shown = crate::text::sanitize_line(raw);
        parsed.skipped.push(format!(
            "outline \"{}\": \"{shown}\" is not an http(s) or file URL",
            name.map_or("", String::as_str)
        ));
        return None;
    };
    let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
    for category in attrs.get("category").into_iter().flat_map(|c| c.split(',')) {
        // OPML categories are slash paths ("/Tin/Tỉnh"): each step is a tag.
        tags.extend(category.split('/').map(str::trim).map(str::to_string));
    }
    let mut s = source(name.map(String::as_str), url, tags);
    if is_link {
        s.kind = Some(SourceKind::Html);
    }
    parsed.sources.push(s);
    None
}

/// The sources as an OPML 2.0 document.
pub fn write(sources: &[SourceConfig], title: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head>\n    <title>{}</title>\n    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n",
        escape(title),
        chrono::Utc::now().to_rfc2822()
    ));
    for s in sources {
        let name = escape(&s.name);
        let url = escape(&s.url);
        let mut attrs = match s.kind {
            Some(SourceKind::Html) => format!("type=\"link\" text=\"{name}\" url=\"{url}\""),
            _ => format!("type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{url}\""),
        };
        if !s.tags.is_empty() {
            // Commas and slashes separate categories in OPML; inside a tag they would split it.
            let tags: Vec<String> = s.tags.iter().map(|t| t.replace([',', '/'], " ")).collect();
            attrs.push_str(&format!(" category=\"{}\"", escape(&tags.join(","))));
        }
        out.push_str(&format!("    <outline {attrs}/>\n"));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_categories_become_tags() {
        let doc = r#"<?xml version="1.0"?><opml version="2.0"><head/><body>
          <outline text="Tỉnh">
            <outline type="rss" text="Tuyên giáo &amp; Dân vận" xmlUrl="https://p.vn/rss" category="/Chính trị,Tin"/>
          </outline>
          <outline type="rss" text="Lệnh" xmlUrl="exec:rm -rf ~"/>
          <outline type="link" text="Chuyên mục" url="https://q.vn/tin-tuc"/>
        </body></opml>"#;
        let p = parse(doc).unwrap();
        assert_eq!(p.sources.len(), 2);
        assert_eq!(p.sources[0].name, "Tuyên giáo & Dân vận");
        assert_eq!(p.sources[0].tags, ["Tỉnh", "Chính trị", "Tin"]);
        assert_eq!(p.sources[1].kind, Some(SourceKind::Html));
        assert!(p.skipped[0].contains("exec:rm"), "{:?}", p.skipped);
    }

    #[test]
    fn broken_xml_is_an_error_not_a_guess() {
        let err = parse("<opml><body><outline text=\"a\" xmlUrl=\"https://p.vn\"></body></opml>")
            .unwrap_err();
        assert!(err.0.starts_with("not valid OPML"), "{err}");
        assert!(parse("<html><body/></html>").is_err());
    }
}
