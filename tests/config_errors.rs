//! A bad config exits 1 with one line naming the file, the line and the key.

mod common;
use common::*;

#[test]
fn unknown_key_is_one_line_with_file_line_and_key() {
    let env = Env::new(&[], "[sync]\ntimeout_secs = 5\nconcurency = 4\n");
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    let file = env.config().display().to_string();
    assert!(err.contains(&format!("{file}:3:")), "{err}");
    assert!(err.contains("concurency"), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

#[test]
fn syntax_error_names_the_line() {
    let env = Env::new(&[], "[ui]\nlanguage = \"vi\"\ntheme = \n");
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(":3:"), "{}", stderr(&out));
}

#[test]
fn missing_config_file_given_explicitly_is_an_error() {
    let env = Env::new(&[], "");
    std::fs::remove_file(env.config()).unwrap();
    let out = env.run(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("config.toml"), "{}", stderr(&out));
}

#[test]
fn unknown_article_id_is_a_clear_error() {
    let env = Env::new(&[], "");
    let out = env.run(&["read", "424242"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("424242"), "{}", stderr(&out));
}
