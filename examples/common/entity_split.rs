//! The entity folders of `../shared/entities-tls` and the scorers' split of them, fixed
//! before any tuning: the parity of the FNV-1a hash of the entity folder's name, even = tune
//! (11 folders), odd = check (16).

use std::path::{Path, PathBuf};

/// The archive's entity folders (those holding an `articles.jsonl`), sorted.
pub fn entity_dirs(root: &Path) -> Vec<PathBuf> {
    let mut entities: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("articles.jsonl").is_file())
                .collect()
        })
        .unwrap_or_default();
    entities.sort();
    entities
}

/// "tune" or "check" for an entity folder.
pub fn half_of(folder: &str) -> &'static str {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folder.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if h % 2 == 0 {
        "tune"
    } else {
        "check"
    }
}
