//! Text that went through UTF-8 twice. An old portal whose database or template
//! layer read UTF-8 bytes as windows-1252 (or Latin-1) and wrote them out again
//! serves "Tiáº¿ng Viá»‡t" for "Tiếng Việt": valid UTF-8, so no charset rule
//! catches it. Such a page is mended back to the letters it meant, but only when
//! it carries several unmistakable Vietnamese letters in that form: a page that
//! merely uses "Ã" or "Â" (both Vietnamese capitals) is left as it is.

use std::borrow::Cow;
use std::sync::OnceLock;

/// How many mended Vietnamese letters make a page surely double-encoded.
const SURE: usize = 3;

/// `text` with its double-encoded letters mended, or as it is.
pub fn repair(text: &str) -> Cow<'_, str> {
    // "áº"/"á»" start every mangled letter of the Vietnamese block; "Ä‘" is
    // đ, "Æ°"/"Æ¡" are ư and ơ. A page with none of them costs one scan.
    let suspect = ["áº", "á»", "Ä‘", "Æ°", "Æ¡"];
    if text.is_ascii() || !suspect.iter().any(|s| text.contains(s)) {
        return Cow::Borrowed(text);
    }
    let (mended, vietnamese) = mend(text);
    if vietnamese >= SURE {
        Cow::Owned(mended)
    } else {
        Cow::Borrowed(text)
    }
}

/// Every run of characters that spells one UTF-8 sequence in windows-1252
/// replaced by the character it encodes; with how many of those were letters
/// only Vietnamese writes.
fn mend(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut vietnamese = 0;
    let mut i = 0;
    while i < chars.len() {
        match sequence_at(&chars[i..]) {
            Some((c, used)) => {
                vietnamese += usize::from(is_vietnamese_letter(c));
                out.push(c);
                i += used;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    (out, vietnamese)
}

/// The character whose UTF-8 bytes, read as windows-1252, are the characters
/// at the start of `chars`; with how many characters that took.
fn sequence_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = chars.first().filter(|c| !c.is_ascii())?;
    let len = match byte_of(*lead)? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let bytes: Vec<u8> = chars
        .get(..len)?
        .iter()
        .map(|c| byte_of(*c))
        .collect::<Option<_>>()?;
    let decoded = std::str::from_utf8(&bytes).ok()?;
    Some((decoded.chars().next()?, len))
}

/// The byte windows-1252 (or Latin-1, for its C1 controls) shows as `c`.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ (0..=0x7F | 0xA0..=0xFF) => u8::try_from(code).ok(),
        code => {
            let at = upper_half().iter().position(|&shown| shown == c);
            // Bytes 0x80-0x9F: windows-1252's punctuation, or the C1 control
            // a Latin-1 reading leaves.
            at.map(|i| 0x80 + i as u8)
                .or_else(|| u8::try_from(code).ok().filter(|b| *b >= 0x80))
        }
    }
}

/// What windows-1252 shows for the bytes 0x80-0x9F.
fn upper_half() -> &'static [char; 32] {
    static TABLE: OnceLock<[char; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let bytes: Vec<u8> = (0x80..=0x9F).collect();
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        let mut table = ['\0'; 32];
        for (slot, c) in table.iter_mut().zip(text.chars()) {
            *slot = c;
        }
        table
    })
}

/// Letters of the Vietnamese block (ạ … ỹ) and đ, ơ, ư: no other language's
/// text mends into them by accident.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'..='\u{1EF9}' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a windows-1252 reader makes of `s`'s UTF-8 bytes.
    fn mangled(s: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode(s.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn a_double_encoded_vietnamese_page_reads_right() {
        let meant = "<h1>Đường về xã Tân Phước được nâng cấp</h1><p>Người dân vui mừng.</p>";
        let served = mangled(meant);
        assert!(served.contains("Ä\u{2018}"), "{served}");
        assert_eq!(repair(&served), meant);
    }

    #[test]
    fn latin1_mangling_with_c1_controls_reads_right_too() {
        let meant = "Đảng bộ huyện tổng kết công tác năm";
        let served = encoding_rs::mem::decode_latin1(meant.as_bytes()).into_owned();
        assert_eq!(repair(&served), meant);
    }

    #[test]
    fn real_text_is_left_alone() {
        // Capital Ã and Â are Vietnamese letters; "XÃ" before a no-break space
        // spells the bytes of "à" but is a word.
        for text in [
            "NGÃ BA ĐỒNG LỘC, XÃ\u{a0}HỘI",
            "Café Ägypten Æsop",
            "Tiếng Việt thuần, chỉ một chỗ áº lạ",
        ] {
            assert_eq!(repair(text), text);
        }
    }

    #[test]
    fn one_mangled_word_in_a_page_is_not_enough() {
        // One mended letter is too few to be sure the page, not a quotation
        // of a broken one, is double-encoded.
        let text = format!("Bài viết về lỗi hiển thị: {}", mangled("Việt"));
        assert_eq!(repair(&text), text);
    }
}
