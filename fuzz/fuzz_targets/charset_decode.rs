//! Any bytes with any declared charset: decoding never panics and always gives NFC text.
#![no_main]
use libfuzzer_sys::fuzz_target;

const TYPES: &[&str] = &[
    "text/html",
    "text/html; charset=windows-1258",
    "text/html; charset=utf-16",
    "text/html; charset=\"bogus\"",
    "application/xml; charset=iso-8859-1",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let content_type = TYPES.get(usize::from(pick) % (TYPES.len() + 1)).copied();
    let text = tintuc::sync::charset::decode(rest, content_type);
    assert!(unicode_normalization::is_nfc(&text));
});
