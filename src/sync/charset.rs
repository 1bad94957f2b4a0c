//! Bytes → text: the HTTP header's charset, then a BOM, then `<meta charset>` / `http-equiv` /
//! the XML declaration in the first bytes, then UTF-8. The result is NFC, so windows-1258
//! (tone marks as separate combining characters) and NFD pages read like any other text.

use encoding_rs::Encoding;

/// How far into the document a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 2048;

pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = content_type
        .and_then(charset_param)
        .or_else(|| Encoding::for_bom(bytes).map(|(e, _)| e))
        .or_else(|| declared_in_document(bytes))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    // A quick check first: a feed of 1 MB is nearly always NFC already, and normalising it
    // anyway was a sixth of a 100-feed sync's CPU.
    match crate::text::nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text.into_owned(),
        std::borrow::Cow::Owned(normalised) => normalised,
    }
}

fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        if key.trim().eq_ignore_ascii_case("charset") {
            Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes())
        } else {
            None
        }
    })
}

/// Finds `charset=NAME` or `encoding="NAME"` in the first bytes (meta tags, XML declaration).
fn declared_in_document(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for marker in ["charset=", "encoding="] {
        let mut rest = head.as_str();
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let label: String = rest
                .trim_start_matches(['"', '\'', ' '])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
                .collect();
            if let Some(e) = Encoding::for_label(label.as_bytes()) {
                // A page that says UTF-16 in ASCII bytes is not UTF-16.
                return Some(
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        e
                    },
                );
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_charset_wins() {
        // windows-1258 writes tone marks as separate bytes: ê + acute, ê + dot below.
        let bytes = b"Ti\xea\xecng Vi\xea\xf2t";
        assert_eq!(
            decode(bytes, Some("text/html; charset=windows-1258")),
            "Tiếng Việt"
        );
    }

    #[test]
    fn meta_charset_windows_1258_decodes_to_nfc() {
        let mut page = b"<html><head><meta charset=\"windows-1258\"></head><body>".to_vec();
        page.extend_from_slice(b"\xd0a\xd2ng u\xd2y xa\xde");
        let text = decode(&page, Some("text/html"));
        assert!(text.contains("Đảng ủy xã"), "{text}");
    }

    #[test]
    fn xml_declaration_and_default_utf8() {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>Nhãn lồng</rss>";
        assert!(decode(xml.as_bytes(), None).contains("Nhãn lồng"));
        assert_eq!(decode("Phố Hiến".as_bytes(), None), "Phố Hiến");
    }
}
