//! Bytes → text: the HTTP header's charset, then a BOM, then `<meta charset>` / `http-equiv` /
//! the XML declaration in the first bytes, then UTF-8; bytes that are valid multi-byte UTF-8
//! are read as UTF-8 whatever an ASCII-compatible label says. The result is NFC, so windows-1258
//! (tone marks as separate combining characters) and NFD pages read like any other text, and
//! a page whose UTF-8 was read as windows-1252 and written out again is mended (`mojibake`).

use encoding_rs::Encoding;

/// How far into the document a `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 2048;
/// How far when the bytes are not valid UTF-8.
const LONG_PRESCAN_BYTES: usize = 64 * 1024;

pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let bom = Encoding::for_bom(bytes).map(|(e, _)| e);
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let declared = content_type
        .and_then(charset_param)
        .or(bom)
        .or_else(|| declared_in_document(bytes, PRESCAN_BYTES))
        // A long head (an archive's toolbar, inline scripts) can push the
        // `<meta charset>` far down: bytes that are not UTF-8 are worth a
        // longer look before they are decoded as such.
        .or_else(|| (!utf8).then(|| declared_in_document(bytes, LONG_PRESCAN_BYTES))?);
    let encoding = match declared {
        // A page saved or served as UTF-8 under a stale legacy label
        // ("charset=gb2312", a server's default "iso-8859-1"): text in a
        // legacy encoding is practically never valid multi-byte UTF-8.
        Some(e) if bom.is_none() && is_ascii_compatible(e) && utf8 && !bytes.is_ascii() => {
            encoding_rs::UTF_8
        }
        Some(e) => e,
        None => encoding_rs::UTF_8,
    };
    let (text, _, _) = encoding.decode(bytes);
    let text = match super::mojibake::repair(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(mended) => std::borrow::Cow::Owned(mended),
    };
    // A quick check first: a feed of 1 MB is nearly always NFC already, and normalising it
    // anyway was a sixth of a 100-feed sync's CPU.
    match crate::text::nfc(&text) {
        std::borrow::Cow::Borrowed(_) => text.into_owned(),
        std::borrow::Cow::Owned(normalised) => normalised,
    }
}

fn is_ascii_compatible(e: &'static Encoding) -> bool {
    e != encoding_rs::UTF_16LE && e != encoding_rs::UTF_16BE
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

/// Finds `charset=NAME` or `encoding="NAME"` in the first `window` bytes (meta tags, XML
/// declaration).
fn declared_in_document(bytes: &[u8], window: usize) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(window)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for marker in ["charset=", "encoding="] {
        for (at, _) in head.match_indices(marker) {
            // Only a `<meta>` or the XML declaration says what the page is:
            // `<script charset="utf-8">` (an archive's toolbar) says nothing.
            if !in_declaring_tag(&head[..at]) {
                continue;
            }
            let label: String = head[at + marker.len()..]
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

/// Whether the text before a match ends inside an open `<meta …` or
/// `<?xml …` tag.
fn in_declaring_tag(before: &str) -> bool {
    let Some(open) = before.rfind('<') else {
        return false;
    };
    let tag = &before[open..];
    !tag.contains('>') && (tag.starts_with("<meta") || tag.starts_with("<?xml"))
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

    #[test]
    fn a_script_charset_is_not_the_page_charset() {
        let mut page = b"<html><head><script charset=\"utf-8\" src=\"/bar.js\"></script>".to_vec();
        page.extend_from_slice(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">",
        );
        page.extend_from_slice(b"</head><body>Ti\xea\xecng Vi\xea\xf2t</body>");
        assert!(decode(&page, None).contains("Tiếng Việt"));
    }

    #[test]
    fn a_meta_charset_after_a_long_head() {
        let mut page = b"<html><head><script>".to_vec();
        page.extend(std::iter::repeat_n(b'x', 10_000));
        page.extend_from_slice(b"</script><meta charset=\"windows-1258\"></head><body>");
        page.extend_from_slice(b"Ti\xea\xecng Vi\xea\xf2t</body>");
        assert!(decode(&page, None).contains("Tiếng Việt"));
    }

    #[test]
    fn utf8_bytes_under_a_stale_legacy_label_read_as_utf8() {
        let page =
            "<html><head><meta charset=\"windows-1258\"></head><body>Đảng ủy xã Tân Lập</body>";
        assert!(decode(page.as_bytes(), None).contains("Đảng ủy xã Tân Lập"));
        let body = "<p>Nhãn lồng Hưng Yên vào mùa</p>";
        let text = decode(body.as_bytes(), Some("text/html; charset=iso-8859-1"));
        assert!(text.contains("Nhãn lồng Hưng Yên"), "{text}");
        // Real windows-1258 bytes are not valid UTF-8: the label still decides.
        let legacy = b"<p>Ti\xea\xecng Vi\xea\xf2t</p>";
        let text = decode(legacy, Some("text/html; charset=windows-1258"));
        assert!(text.contains("Tiếng Việt"), "{text}");
    }

    #[test]
    fn a_page_encoded_twice_reads_as_meant() {
        let meant =
            "<title>Hội nghị tổng kết công tác Đảng</title><p>Đồng chí Bí thư phát biểu.</p>";
        let twice = encoding_rs::WINDOWS_1252
            .decode(meant.as_bytes())
            .0
            .into_owned();
        let page = format!("<meta charset=\"utf-8\">{twice}");
        assert!(decode(page.as_bytes(), Some("text/html")).ends_with(meant));
    }
}
