//! Any bytes as an article page: extraction must never panic, and what sync stores from it
//! (after `merge`) carries no control character.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let base = url::Url::parse("https://p.vn/tin-tuc/bai.html").unwrap();
    let page = tintuc::extract::extract(&text, &base);
    let stored = tintuc::sync::merge(Default::default(), page, Default::default());
    let bad = |s: &str| s.chars().any(|c| c.is_control() && c != '\n');
    assert!(!bad(&stored.title) && !bad(&stored.body) && !bad(&stored.summary));
    for (title, _) in &stored.related {
        assert!(!bad(title));
    }
});
