//! Opening the cache file: connection settings, migrations, and telling a damaged file
//! (not SQLite, truncated, corrupt) from other failures, so it can be moved aside.

use super::schema::{self, MigrateError};
use super::StoreError;
use rusqlite::{Connection, ErrorCode};
use std::io::Read;
use std::path::{Path, PathBuf};

pub enum Failure {
    /// The file is not a usable SQLite database: worth moving aside.
    Damaged(String),
    Other(StoreError),
}

impl Failure {
    pub fn into_error(self) -> StoreError {
        match self {
            Failure::Damaged(reason) => StoreError::Open {
                path: String::new(),
                reason,
            },
            Failure::Other(e) => e,
        }
    }
}

/// Opens and migrates `path`, classifying what went wrong.
pub fn connect(path: &Path) -> Result<Connection, Failure> {
    let shown = path.display().to_string();
    if let Some(reason) = header_problem(path) {
        return Err(Failure::Damaged(reason));
    }
    let classify = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            Failure::Damaged(e.to_string())
        }
        Some(ErrorCode::DiskFull) => Failure::Other(StoreError::DiskFull),
        Some(ErrorCode::ReadOnly) => Failure::Other(StoreError::ReadOnly),
        _ => Failure::Other(space_problem(path).unwrap_or(StoreError::Open {
            path: shown.clone(),
            reason: e.to_string(),
        })),
    };
    let mut conn = Connection::open(path).map_err(classify)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(classify)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(classify)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(classify)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(classify)?;
    match schema::migrate(&mut conn) {
        Ok(()) => Ok(conn),
        Err(MigrateError::Sql(e)) => Err(classify(e)),
        Err(source) => Err(Failure::Other(StoreError::Migrate {
            path: shown,
            source,
        })),
    }
}

/// SQLite reports a full disk or a read-only directory met while creating its WAL files as a
/// bare "disk I/O error"; a small probe file next to the cache tells which it was.
fn space_problem(path: &Path) -> Option<StoreError> {
    let probe = path.with_extension("space-probe");
    let result = std::fs::write(&probe, [0u8; 64 * 1024]);
    let _ = std::fs::remove_file(&probe);
    match result.err()?.kind() {
        std::io::ErrorKind::StorageFull => Some(StoreError::DiskFull),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Some(StoreError::ReadOnly)
        }
        _ => None,
    }
}

/// Cheap checks of the 100-byte SQLite header: the magic string, and a file at least as long
/// as the page count it declares (a truncated copy fails only later, query by query).
fn header_problem(path: &Path) -> Option<String> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    if len == 0 {
        return None; // a new, empty file: SQLite initialises it
    }
    let mut header = [0u8; 100];
    if file.read_exact(&mut header).is_err() || !header.starts_with(b"SQLite format 3\0") {
        return Some("not an SQLite database".into());
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let counter_valid = header[24..28] == header[92..96];
    if counter_valid && pages * page_size > len {
        return Some(format!("truncated: {len} bytes of {}", pages * page_size));
    }
    None
}

/// Renames the cache (and its WAL and shared-memory files) to `…damaged-<timestamp>`.
pub fn quarantine(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let moved = PathBuf::from(format!("{}.damaged-{stamp}", path.display()));
    std::fs::rename(path, &moved).map_err(|e| StoreError::Open {
        path: path.display().to_string(),
        reason: format!("damaged, and it could not be moved aside: {e}"),
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{suffix}", moved.display()));
        }
    }
    Ok(moved)
}
