//! Adding sources to the user's config file. The file is only ever appended to, so the user's
//! text and comments stay as they wrote them; the result is parsed before it replaces the
//! file, and written through a temporary file, so a mistake never leaves a broken config.

use super::{Config, ConfigError, SourceConfig, SourceKind};
use std::io::Write;
use std::path::Path;

/// What appending did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Appended {
    /// Sources written, with the names they got (a taken name gets a number).
    pub added: Vec<SourceConfig>,
    /// Sources left out because their URL is already configured: (name, url).
    pub present: Vec<(String, String)>,
}

/// Appends `sources` to the config file at `path` (created when missing). `origin` says in a
/// comment above them where they came from.
pub fn append_sources(
    path: &Path,
    sources: &[SourceConfig],
    origin: &str,
) -> Result<Appended, ConfigError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| ConfigError::Unreadable {
        file: file.clone(),
        reason: e.to_string(),
    };
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(unreadable(e)),
    };
    let current = Config::parse(&old, &file)?;
    let mut taken = current.sources;
    let mut result = Appended::default();
    for s in sources {
        if taken.iter().any(|t| t.url == s.url) {
            result.present.push((s.name.clone(), s.url.clone()));
            continue;
        }
        let added = SourceConfig {
            name: free_name(&taken, &s.name),
            ..s.clone()
        };
        taken.push(added.clone());
        result.added.push(added);
    }
    if result.added.is_empty() {
        return Ok(result);
    }
    let mut text = old;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("\n# Added by {origin}\n"));
    for s in &result.added {
        text.push_str(&source_table(s));
    }
    Config::parse(&text, &file)?;
    replace_file(path, &text).map_err(unreadable)?;
    Ok(result)
}

/// `name`, or `name (2)`, `name (3)`, … when a source already has it.
fn free_name(taken: &[SourceConfig], name: &str) -> String {
    let used = |n: &str| taken.iter().any(|t| t.name == n);
    if !used(name) {
        return name.to_string();
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(|n| !used(n))
        .expect("some number is free")
}

/// One `[[source]]` table; strings go through the TOML serialiser so any text is quoted right.
fn source_table(s: &SourceConfig) -> String {
    let quote = |v: &str| toml::Value::String(v.to_string()).to_string();
    let mut out = format!(
        "[[source]]\nname = {}\nurl = {}\n",
        quote(&s.name),
        quote(&s.url)
    );
    match s.kind {
        Some(SourceKind::Html) => out.push_str("kind = \"html\"\n"),
        Some(SourceKind::Feed) => out.push_str("kind = \"feed\"\n"),
        Some(SourceKind::Wordpress) => out.push_str("kind = \"wordpress\"\n"),
        // A [source.json] mapping is written by hand; parsing the result then says so.
        Some(SourceKind::Json) => out.push_str("kind = \"json\"\n"),
        None => {}
    }
    if !s.tags.is_empty() {
        let tags: Vec<String> = s.tags.iter().map(|t| quote(t)).collect();
        out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
    }
    out.push('\n');
    out
}

/// Writes `text` to `path` through a temporary file in the same directory, keeping the old
/// file's permissions.
fn replace_file(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(name: &str, url: &str) -> SourceConfig {
        SourceConfig {
            name: name.into(),
            url: url.into(),
            kind: None,
            tags: vec!["a \"quoted\" tag".into()],
            selectors: Default::default(),
            json: None,
        }
    }

    #[test]
    fn appends_keeping_comments_and_skipping_known_urls() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let old = "# my portals\n[[source]]\nname = \"A\" # the first\nurl = \"https://a.vn/rss\"\n\n[sync]\ntimeout_secs = 5";
        std::fs::write(&path, old).unwrap();
        let new = [
            src("A", "https://b.vn/rss"),
            src("Same", "https://a.vn/rss"),
        ];
        let r = append_sources(&path, &new, "a test").unwrap();
        assert_eq!(r.added[0].name, "A (2)");
        assert_eq!(
            r.present,
            [("Same".to_string(), "https://a.vn/rss".to_string())]
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(old), "{text}");
        let c = Config::parse(&text, "c.toml").unwrap();
        assert_eq!(c.sync.timeout_secs, 5);
        assert_eq!(c.sources[1].tags, ["a \"quoted\" tag"]);
    }

    #[test]
    fn a_broken_config_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[sync]\ntimout = 3\n").unwrap();
        assert!(append_sources(&path, &[src("B", "https://b.vn")], "t").is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[sync]\ntimout = 3\n"
        );
    }
}
