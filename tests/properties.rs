//! Property tests for the text hygiene every stored string goes through, and for the
//! diacritic folding search depends on.

use proptest::prelude::*;
use tintuc::text::{fold_for_search, sanitize, sanitize_body, sanitize_line, strip_diacritics};
use unicode_normalization::{is_nfc, UnicodeNormalization};

fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Strings rich in what hostile pages use: controls, escapes, bidi, combining marks.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]52;c;eA==\u{7}".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("\r\n".to_string()),
        Just("e\u{302}\u{301}".to_string()),
        Just("Đảng ủy".to_string()),
        Just("\u{0}".to_string()),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Vietnamese words with their diacritics (letters a–y with tone and shape marks, and đ).
fn vietnamese_word() -> impl Strategy<Value = String> {
    let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"];
    prop::collection::vec(
        (
            prop::sample::select(letters.chars().collect::<Vec<_>>()),
            prop::sample::select(tones.to_vec()),
        ),
        1..8,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(c, t)| format!("{c}{t}"))
            .collect::<String>()
            .nfc()
            .collect()
    })
}

proptest! {
    #[test]
    fn sanitised_text_is_clean_nfc_and_stable(s in nasty()) {
        let clean = sanitize(&s);
        prop_assert!(!clean.chars().any(forbidden), "{clean:?}");
        prop_assert!(is_nfc(&clean));
        prop_assert_eq!(sanitize(&clean), clean.clone());
    }

    #[test]
    fn line_fields_are_one_trimmed_line(s in nasty()) {
        let line = sanitize_line(&s);
        prop_assert!(!line.contains('\n') && !line.contains('\t') && !line.contains("  "));
        prop_assert_eq!(line.trim(), line.as_str());
        prop_assert!(!line.chars().any(forbidden));
    }

    #[test]
    fn bodies_keep_single_blank_lines_between_paragraphs(s in nasty()) {
        let body = sanitize_body(&s);
        prop_assert!(!body.contains("\n\n\n"));
        prop_assert!(!body.starts_with('\n') && !body.ends_with('\n'));
        prop_assert!(!body.chars().any(forbidden));
    }

    #[test]
    fn folding_removes_every_mark_and_d_stroke_whatever_the_normal_form(w in vietnamese_word()) {
        let folded = strip_diacritics(&w);
        prop_assert!(folded.chars().all(|c| c.is_ascii_lowercase()), "{w} → {folded}");
        let nfd: String = w.nfd().collect();
        prop_assert_eq!(strip_diacritics(&nfd), folded.clone());
        prop_assert_eq!(fold_for_search(&fold_for_search(&w)), fold_for_search(&w));
        prop_assert!(!fold_for_search(&w).contains(['đ', 'Đ']));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the word, typing it without diacritics finds the article that holds it.
    #[test]
    fn search_without_diacritics_finds_any_vietnamese_word(w in vietnamese_word()) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = tintuc::store::Store::open(dir.path()).unwrap();
        let src = store.upsert_source("A", "https://p.vn/rss").unwrap();
        let article = tintuc::model::NewArticle {
            guid: "1".into(),
            url: "https://p.vn/1".into(),
            title: "Tin".into(),
            body: format!("Trong bài có chữ {w} ở giữa."),
            ..Default::default()
        };
        store.ingest(src, &[article]).unwrap();
        let query = strip_diacritics(&w);
        prop_assert_eq!(store.search(&query, 5).unwrap().len(), 1, "{} as {}", w, query);
    }
}
