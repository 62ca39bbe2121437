//! The app's own small files in its data directory (corrections, saved views, crash logs):
//! written atomically, so a crash mid-write leaves the old file whole, and read so that a
//! damaged file is set aside and reported instead of trusted or lost.

use serde::de::DeserializeOwned;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temp file in the same folder, fsync, rename.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Reads the JSON store `what` (e.g. "corrections store") at `path`: `Ok(None)` when there
/// is none yet. A file that cannot be read, or does not parse, is an `Err` with a message
/// for the user; one that does not parse is first renamed `*.corrupt-<unix time>` so the
/// next save does not overwrite what the user may still want back.
pub(crate) fn read_json<T: DeserializeOwned>(path: &Path, what: &str) -> Result<Option<T>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("could not read {what} {}: {e}", path.display())),
    };
    serde_json::from_slice::<T>(&bytes).map(Some).map_err(|e| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = path.with_extension(format!("json.corrupt-{secs}"));
        let where_ = if std::fs::rename(path, &aside).is_ok() {
            format!("set aside as {}", aside.display())
        } else {
            "left in place".to_string()
        };
        format!(
            "{what} {} is damaged ({e}); {where_}; starting empty",
            path.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_none_damaged_is_set_aside_and_writes_replace_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("store.json");
        assert_eq!(read_json::<Vec<u32>>(&path, "test store"), Ok(None));
        write_atomic(&path, b"[1, 2]").unwrap();
        assert_eq!(
            read_json::<Vec<u32>>(&path, "test store"),
            Ok(Some(vec![1, 2]))
        );
        write_atomic(&path, b"[1, ").unwrap();
        let err = read_json::<Vec<u32>>(&path, "test store").unwrap_err();
        assert!(
            err.starts_with("test store ") && err.contains("damaged"),
            "{err}"
        );
        assert!(
            !path.exists(),
            "set aside, so the next save cannot overwrite it"
        );
        let aside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(aside[0].starts_with("store.json.corrupt-"), "{aside:?}");
    }
}
