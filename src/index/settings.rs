//! The index's one setting: how large it may grow on disk. Read from the data directory's
//! `settings.json` (`{"index_max_megabytes": 4096}`); missing or unreadable means the
//! default.

use serde::Deserialize;

/// Default size cap: about eight 100,000-article corpora of news-length articles.
pub const DEFAULT_MAX_MEGABYTES: u64 = 4096;

#[derive(Debug, Deserialize)]
struct Settings {
    index_max_megabytes: Option<u64>,
}

/// The cap in bytes, from `settings.json` or the default.
pub fn max_bytes() -> u64 {
    crate::paths::settings_path()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice::<Settings>(&b).ok())
        .and_then(|s| s.index_max_megabytes)
        .unwrap_or(DEFAULT_MAX_MEGABYTES)
        .saturating_mul(1 << 20)
}
