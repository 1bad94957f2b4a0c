//! Sanitising is what stands between a hostile page and the terminal: for any input, no
//! control, C1 or bidi-override character survives, and sanitising twice changes nothing.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tintuc::text::{sanitize, sanitize_body, sanitize_line, strip_diacritics};

fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let clean = sanitize(&s);
    assert!(!clean.chars().any(forbidden));
    assert_eq!(sanitize(&clean), clean);
    let line = sanitize_line(&s);
    assert!(!line.chars().any(|c| forbidden(c) || c == '\n' || c == '\t'));
    let body = sanitize_body(&s);
    assert!(!body.chars().any(forbidden) && !body.contains("\n\n\n"));
    let _ = strip_diacritics(&s);
});
