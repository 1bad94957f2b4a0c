//! Any bytes as a feed: parsing (strict, then repaired) must never panic, and every item
//! comes out with sanitised text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = tintuc::sync::charset::decode(data, Some("application/rss+xml"));
    if let Ok(items) = tintuc::sync::feed::parse(&text, "https://p.vn/rss/tin.rss") {
        for item in items {
            assert!(!item.title.chars().any(|c| c.is_control()), "{:?}", item.title);
            assert!(!item.summary.chars().any(|c| c.is_control()), "{:?}", item.summary);
        }
    }
});
