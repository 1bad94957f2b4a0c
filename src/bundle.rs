//! Bundles: the file `tintuc export` writes and `tintuc import` reads, to carry articles to a
//! machine that is never online.
//!
//! Layout: the magic line `tintuc-bundle\n`, then big-endian `u32` format version, `u64` length
//! and `u32` CRC-32 of the payload, then the payload: gzip of JSON lines (a [`Header`] line, then
//! one [`Archived`] article per line). Length and checksum are checked before anything is
//! decompressed, and every line is parsed before the store is touched, so a damaged bundle is
//! refused whole.

use crate::model::Archived;
pub use crate::model::Bundle;
use crate::text::{sanitize_body, sanitize_line, sanitize_rows};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Write};
use std::path::Path;

const MAGIC: &[u8] = b"tintuc-bundle\n";
/// The format version this build writes; it reads this one and every older one.
pub const FORMAT_VERSION: u32 = 1;
const HEAD_LEN: usize = MAGIC.len() + 4 + 8 + 4;

/// The first line of the payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub created: String,
    /// (name, url) of every source an article of the bundle belongs to.
    pub sources: Vec<(String, String)>,
    pub articles: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("not a tintuc bundle (make one with `tintuc export`)")]
    NotABundle,
    #[error("made by a newer tintuc (bundle format {found}, this one reads up to {FORMAT_VERSION}); upgrade tintuc on this machine, or export with the older one")]
    TooNew { found: u32 },
    #[error("truncated ({found} of {expected} bytes); nothing was imported, copy the file again")]
    Truncated { expected: u64, found: u64 },
    #[error("damaged (checksum mismatch); nothing was imported, copy the file again")]
    Checksum,
    #[error("damaged ({0}); nothing was imported, copy the file again")]
    Corrupt(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes `bundle` to `path` through a temporary file, so a full disk never leaves half a bundle.
pub fn write(path: &Path, bundle: &Bundle) -> Result<(), BundleError> {
    let bytes = encode(bundle)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| BundleError::Io(e.error))?;
    Ok(())
}

/// The whole bundle file as bytes.
pub fn encode(bundle: &Bundle) -> Result<Vec<u8>, BundleError> {
    let payload = encode_payload(bundle)?;
    let mut out = Vec::with_capacity(HEAD_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_be_bytes());
    out.extend_from_slice(&crc32fast::hash(&payload).to_be_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

fn encode_payload(bundle: &Bundle) -> Result<Vec<u8>, BundleError> {
    let header = Header {
        created: chrono::Local::now().fixed_offset().to_rfc3339(),
        sources: bundle.sources.clone(),
        articles: bundle.articles.len(),
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    json_line(&mut gz, &header)?;
    for a in &bundle.articles {
        json_line(&mut gz, a)?;
    }
    Ok(gz.finish()?)
}

fn json_line<T: Serialize>(w: &mut impl Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer(&mut *w, value).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// Reads and checks a whole bundle. Untrusted text in it is sanitised like text from the network.
pub fn read(path: &Path) -> Result<Bundle, BundleError> {
    let bytes = std::fs::read(path)?;
    decode(&bytes)
}

/// Checks the head, the length and the checksum, then parses every line.
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if !bytes.starts_with(MAGIC) {
        return Err(BundleError::NotABundle);
    }
    if bytes.len() < HEAD_LEN {
        return Err(BundleError::Truncated {
            expected: HEAD_LEN as u64,
            found: bytes.len() as u64,
        });
    }
    let field = |at: usize, len: usize| &bytes[MAGIC.len() + at..MAGIC.len() + at + len];
    let version = u32::from_be_bytes(field(0, 4).try_into().expect("4 bytes"));
    let expected = u64::from_be_bytes(field(4, 8).try_into().expect("8 bytes"));
    let crc = u32::from_be_bytes(field(12, 4).try_into().expect("4 bytes"));
    if version > FORMAT_VERSION {
        return Err(BundleError::TooNew { found: version });
    }
    if version == 0 {
        return Err(BundleError::Corrupt("format version 0".into()));
    }
    let payload = &bytes[HEAD_LEN..];
    if payload.len() as u64 != expected {
        return Err(BundleError::Truncated {
            expected: HEAD_LEN as u64 + expected,
            found: bytes.len() as u64,
        });
    }
    if crc32fast::hash(payload) != crc {
        return Err(BundleError::Checksum);
    }
    decode_payload(payload)
}

fn decode_payload(payload: &[u8]) -> Result<Bundle, BundleError> {
    let corrupt = |what: String| BundleError::Corrupt(what);
    let mut text = String::new();
    flate2::read::GzDecoder::new(payload)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!("cannot decompress: {e}")))?;
    let mut lines = text.as_bytes().lines();
    let first = lines
        .next()
        .ok_or_else(|| corrupt("empty payload".into()))??;
    let header: Header =
        serde_json::from_str(&first).map_err(|e| corrupt(format!("header: {e}")))?;
    let mut articles = Vec::with_capacity(header.articles.min(100_000));
    for (i, line) in lines.enumerate() {
        let a: Archived =
            serde_json::from_str(&line?).map_err(|e| corrupt(format!("article {}: {e}", i + 1)))?;
        if !header.sources.iter().any(|(name, _)| *name == a.source) {
            return Err(corrupt(format!("article {} has an unknown source", i + 1)));
        }
        articles.push(sanitized(a));
    }
    if articles.len() != header.articles {
        return Err(corrupt(format!(
            "{} articles announced, {} found",
            header.articles,
            articles.len()
        )));
    }
    let sources = header
        .sources
        .into_iter()
        .map(|(n, u)| (sanitize_line(&n), sanitize_line(&u)))
        .collect();
    Ok(Bundle { sources, articles })
}

/// A bundle may come from anyone: its text gets the same hygiene as text from the network.
fn sanitized(mut a: Archived) -> Archived {
    let opt = |s: &mut Option<String>| *s = s.as_deref().map(sanitize_line);
    a.source = sanitize_line(&a.source);
    let n = &mut a.article;
    for line in [&mut n.guid, &mut n.url, &mut n.title] {
        *line = sanitize_line(line);
    }
    opt(&mut n.author);
    opt(&mut n.category);
    n.summary = sanitize_body(&n.summary);
    n.body = sanitize_rows(&n.body);
    for (title, url) in &mut n.related {
        *title = sanitize_line(title);
        *url = sanitize_line(url);
    }
    a
}

#[cfg(test)]
mod tests;
