//! The extractor version index rows are keyed by. Two parts, both automatic:
//! - the build: `build.rs` hashes every source file that can change extraction (all of
//!   `src/` but the window), the built-in gazetteer and `Cargo.lock`;
//! - the user's gazetteer files in the data directory, hashed when first asked, because
//!   they change which countries are found without any rebuild.
//!
//! Nothing has to be bumped by hand, so a changed extractor can never read old rows.

use std::sync::OnceLock;

/// The version string of this process's extractor: `<build hash>` or
/// `<build hash>+<user gazetteer hash>`.
pub fn extractor() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let build = env!("DATELINE_EXTRACTOR_HASH");
        match user_gazetteer_hash() {
            Some(h) => format!("{build}+{h}"),
            None => build.to_string(),
        }
    })
}

/// blake3 over the names and contents of the user's `*.tsv` gazetteer files, if any.
fn user_gazetteer_hash() -> Option<String> {
    let dir = crate::paths::user_gazetteer_dir()?;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    if files.is_empty() {
        return None;
    }
    files.sort();
    let mut h = blake3::Hasher::new();
    for f in files {
        h.update(f.file_name()?.as_encoded_bytes());
        h.update(&[0]);
        h.update(&std::fs::read(&f).unwrap_or_default());
        h.update(&[0xff]);
    }
    Some(h.finalize().to_hex()[..16].to_string())
}
