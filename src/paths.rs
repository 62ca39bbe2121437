//! Where the app keeps its own files: never inside a corpus folder.

use std::path::PathBuf;

/// Environment variable that overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "DATELINE_DATA_DIR";

/// The app's data directory: `$DATELINE_DATA_DIR`, else the platform data dir
/// (`~/.local/share/dateline` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(DATA_DIR_ENV) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("org", "dateline", "dateline")
        .map(|p| p.data_dir().to_path_buf())
}

/// Extra gazetteer files a user adds: `<data dir>/gazetteer/*.tsv`.
pub fn user_gazetteer_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("gazetteer"))
}

/// The index of what was extracted (`src/index/`): `<data dir>/index.sqlite`.
pub fn index_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("index.sqlite"))
}

/// The user's settings: `<data dir>/settings.json`.
pub fn settings_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("settings.json"))
}
