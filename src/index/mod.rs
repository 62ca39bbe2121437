//! The on-disk index of what was extracted: each file's articles (text, paragraphs,
//! publication-date evidence) and their events, before the corpus-wide steps, in SQLite.
//!
//! Why: reading and analysing a file is the expensive part of opening a corpus, and the same
//! files are opened again and again. The app keeps one index next to the corrections in its
//! data directory (never in a corpus folder); `dateline index --out` writes the same tables
//! into a shard file, and a folder of shards opens as one corpus (the corpus-wide steps run
//! over the union, so clusters merge across shards by themselves).
//!
//! Trust rules: rows are keyed by the file's content hash, its format and the extractor
//! version ([`version::extractor`], derived at build time from the extraction code), so a
//! changed file or a changed extractor never gets old rows. The size and modification time
//! are only a shortcut to the hash; a file modified within a second of being indexed is
//! hashed again next time. Each write is one transaction in WAL mode (a kill loses at most
//! the batch in flight, never the index). An index that is not one, is damaged, or has
//! another schema is deleted and rebuilt with a notice (the app's own), or refused with a
//! problem (a shard): it is never read.

mod blob;
mod load;
mod rows;
mod schema;
pub mod settings;
pub mod settled;
pub mod version;

pub(crate) use load::settle_known;
pub use load::{
    collect, collect_files, finish, finish_timed, load, settle_through, Batch, Collected, FileKey,
};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Why an index could not be used.
#[derive(Debug)]
pub enum IndexError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// The file exists but is not a dateline index (or is damaged).
    NotAnIndex(PathBuf),
    /// A dateline index written with another table layout.
    Schema {
        path: PathBuf,
        found: i64,
    },
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::Sqlite(e) => write!(f, "index database error: {e}"),
            IndexError::Io(e) => write!(f, "index file error: {e}"),
            IndexError::NotAnIndex(p) => {
                write!(f, "{} is not a dateline index (or is damaged)", p.display())
            }
            IndexError::Schema { path, found } => write!(
                f,
                "{} was written by another version of dateline (schema {found}, this one reads {})",
                path.display(),
                schema::SCHEMA_VERSION
            ),
        }
    }
}

impl std::error::Error for IndexError {}

impl From<rusqlite::Error> for IndexError {
    fn from(e: rusqlite::Error) -> Self {
        IndexError::Sqlite(e)
    }
}

impl From<std::io::Error> for IndexError {
    fn from(e: std::io::Error) -> Self {
        IndexError::Io(e)
    }
}

/// What an index file is for: the app's cache (evicted by size, rebuilt when bad) or a
/// shard (holds exactly the files it was built from, one self-contained file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Cache,
    Shard,
}

/// An open index.
pub struct Index {
    conn: Connection,
    /// A second connection for reading on another thread, opened when first needed.
    helper: Option<Connection>,
    path: PathBuf,
    kind: Kind,
    notice: Option<String>,
}

impl Index {
    /// The app's index at `<data dir>/index.sqlite` (`None` without a data dir). A damaged
    /// or old one is rebuilt; see [`Index::notice`].
    pub fn open_default() -> Option<Result<Index, IndexError>> {
        crate::paths::index_path().map(|p| Index::open_cache(&p))
    }

    /// The app's cache at `path`, created if missing. A file that is not a readable index of
    /// this schema is deleted and a fresh one made; [`Index::notice`] then says so.
    pub fn open_cache(path: &Path) -> Result<Index, IndexError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        match Index::open_rw(path, Kind::Cache) {
            Ok(ix) => Ok(ix),
            Err(e @ (IndexError::NotAnIndex(_) | IndexError::Schema { .. }))
            | Err(e @ IndexError::Sqlite(_)) => {
                let mut ix = Index::rebuild(path)?;
                ix.notice = Some(format!(
                    "The index of extracted articles could not be used ({e}); it was rebuilt, so this load reads every file again."
                ));
                Ok(ix)
            }
            Err(e) => Err(e),
        }
    }

    /// Opens (or creates) a shard for `dateline index --out`. An existing shard is reused as
    /// a cache (only changed files are read again); a file that is not a shard is refused,
    /// never overwritten.
    pub fn open_shard_for_writing(path: &Path) -> Result<Index, IndexError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        Index::open_rw(path, Kind::Shard)
    }

    /// Opens a shard read-only. Anything but a shard of this schema is an error.
    pub fn open_shard(path: &Path) -> Result<Index, IndexError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        check(&conn, path)?;
        Ok(Index {
            conn,
            helper: None,
            path: path.to_path_buf(),
            kind: Kind::Shard,
            notice: None,
        })
    }

    /// The file this index lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Something the user should be told about this index (it was rebuilt, say), once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    pub(crate) fn kind(&self) -> Kind {
        self.kind
    }

    pub(crate) fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Drops this index's file and starts an empty one (after an error mid-use: a damaged
    /// index is never read again).
    pub(crate) fn reset(&mut self, why: &str) -> Result<(), IndexError> {
        // Close this file first: a connection closing later would remove the new file's
        // write-ahead log by name.
        self.helper = None;
        drop(std::mem::replace(
            &mut self.conn,
            Connection::open_in_memory()?,
        ));
        let fresh = Index::rebuild(&self.path)?;
        self.conn = fresh.conn;
        self.notice = Some(format!(
            "The index of extracted articles failed ({why}); it was rebuilt."
        ));
        Ok(())
    }

    fn open_rw(path: &Path, kind: Kind) -> Result<Index, IndexError> {
        let existed = path.exists() && std::fs::metadata(path)?.len() > 0;
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        if existed {
            check(&conn, path)?;
        } else {
            create(&conn, kind)?;
        }
        // WAL: readers never block the writer and a killed process leaves the index as of
        // its last commit. Shards go back to a single self-contained file when written.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(Index {
            conn,
            helper: None,
            path: path.to_path_buf(),
            kind,
            notice: None,
        })
    }

    fn rebuild(path: &Path) -> Result<Index, IndexError> {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            match std::fs::remove_file(PathBuf::from(p)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Index::open_rw(path, Kind::Cache)
    }

    /// Makes a shard one self-contained file (no `-wal` beside it) so it can be copied.
    pub(crate) fn seal(&mut self) -> Result<(), IndexError> {
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }
}

fn create(conn: &Connection, kind: Kind) -> Result<(), IndexError> {
    if kind == Kind::Cache {
        // Eviction frees pages; incremental vacuum gives them back to the file system.
        conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
    }
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", schema::SCHEMA_VERSION)?;
    conn.execute_batch(schema::CREATE)?;
    Ok(())
}

/// Is this a dateline index of our schema? Reads only the header and the table list.
fn check(conn: &Connection, path: &Path) -> Result<(), IndexError> {
    let not_index = |_| IndexError::NotAnIndex(path.to_path_buf());
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(not_index)?;
    if app != schema::APPLICATION_ID {
        return Err(IndexError::NotAnIndex(path.to_path_buf()));
    }
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_index)?;
    if found != schema::SCHEMA_VERSION {
        return Err(IndexError::Schema {
            path: path.to_path_buf(),
            found,
        });
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('files', 'extracts', 'articles', 'events', 'settled')",
            [],
            |r| r.get(0),
        )
        .map_err(not_index)?;
    if tables != 5 {
        return Err(IndexError::NotAnIndex(path.to_path_buf()));
    }
    Ok(())
}

/// Seconds since 1970, for the least-recently-used columns.
pub(crate) fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests;
