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

/// A folder of bundled read-only data (`"sample"`): wherever this build or install keeps it.
/// Installed layouts come first, then the source tree the binary was built from.
pub fn bundled_dir(name: &str) -> PathBuf {
    let exe = std::env::current_exe().ok();
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    bundled_candidates(exe.as_deref(), manifest, name)
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| manifest.join("assets").join(name))
}

/// Where bundled data may be, most specific first, for an executable at `exe`:
/// - `<prefix>/share/dateline/NAME` for `<prefix>/bin/dateline` (the Debian package's
///   `/usr`, `cargo install`'s or a hand install's `/usr/local`, `~/.local`);
/// - `Contents/Resources/NAME` or `Contents/Resources/assets/NAME` in a macOS `.app`
///   bundle (`Contents/MacOS/dateline`);
/// - `NAME` or `assets/NAME` beside the executable or up to three folders above it (a
///   Windows install folder, an unpacked archive, `target/release` in a checkout);
/// - the source tree the binary was built from.
pub fn bundled_candidates(
    exe: Option<&std::path::Path>,
    manifest: &std::path::Path,
    name: &str,
) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dir) = exe.and_then(|e| e.parent()) {
        if let Some(prefix) = dir.parent() {
            out.push(prefix.join("share").join("dateline").join(name));
            out.push(prefix.join("Resources").join(name));
            out.push(prefix.join("Resources").join("assets").join(name));
        }
        out.push(dir.join(name));
        for d in dir.ancestors().take(4) {
            out.push(d.join("assets").join(name));
        }
    }
    out.push(manifest.join("assets").join(name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn installed_layouts_come_before_the_source_tree() {
        let c = bundled_candidates(
            Some(Path::new("/usr/bin/dateline")),
            Path::new("/src"),
            "sample",
        );
        assert_eq!(c[0], Path::new("/usr/share/dateline/sample"));
        assert_eq!(c.last().unwrap(), Path::new("/src/assets/sample"));
        let mac = bundled_candidates(
            Some(Path::new(
                "/Applications/dateline.app/Contents/MacOS/dateline",
            )),
            Path::new("/src"),
            "sample",
        );
        assert!(mac.contains(&PathBuf::from(
            "/Applications/dateline.app/Contents/Resources/sample"
        )));
        let dev = bundled_candidates(
            Some(Path::new("/w/dateline/target/release/dateline")),
            Path::new("/src"),
            "sample",
        );
        assert!(dev.contains(&PathBuf::from("/w/dateline/assets/sample")));
    }

    #[test]
    fn finds_the_sample_of_a_relocated_install() {
        let root = tempfile::tempdir().unwrap();
        let bin = root.path().join("opt/bin");
        let share = root.path().join("opt/share/dateline/sample");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&share).unwrap();
        let found =
            bundled_candidates(Some(&bin.join("dateline")), Path::new("/nowhere"), "sample")
                .into_iter()
                .find(|p| p.is_dir());
        assert_eq!(found, Some(share));
    }
}
