//! The user's corrections: publication dates, hidden events, event dates.
//!
//! Kept in the app's data directory, never in a corpus folder, and keyed by the article's
//! content hash so they survive moving or renaming the folder. Written atomically (temp
//! file + rename); a store that cannot be read is set aside with a warning, never a crash.

use crate::model::{DateSpan, Event};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::paths::DATA_DIR_ENV;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Store {
    #[serde(default)]
    version: u32,
    /// content hash → publication date.
    #[serde(default)]
    pub_dates: BTreeMap<String, NaiveDate>,
    /// content hash → event keys the user hid.
    #[serde(default)]
    hidden: BTreeMap<String, Vec<String>>,
    /// content hash → event key → date set by the user.
    #[serde(default)]
    event_dates: BTreeMap<String, BTreeMap<String, DateSpan>>,
}

/// Corrections plus an in-memory undo history (the history is not persisted).
#[derive(Clone, Debug, Default)]
pub struct Corrections {
    store: Store,
    history: Vec<(String, Store)>,
}

/// Two sets of corrections are equal when they correct the same things (the undo history
/// and the file format version do not count).
impl PartialEq for Corrections {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.store, &other.store);
        a.pub_dates == b.pub_dates && a.hidden == b.hidden && a.event_dates == b.event_dates
    }
}

/// A stable key for an event within its article: the date phrase's byte range. The article
/// itself is identified by its content hash, so the pair survives renames.
pub fn event_key(e: &Event) -> String {
    format!("{}-{}", e.date_range.start, e.date_range.end)
}

impl Corrections {
    /// The app's data directory: `$DATELINE_DATA_DIR`, else the platform data dir.
    pub fn data_dir() -> Option<PathBuf> {
        crate::paths::data_dir()
    }

    pub fn default_path() -> Option<PathBuf> {
        Self::data_dir().map(|d| d.join("corrections.json"))
    }

    /// Reads the store. A missing file is an empty store; an unreadable one is renamed to
    /// `*.corrupt-<unix time>` and reported in the returned warning.
    pub fn load(path: &Path) -> (Corrections, Option<String>) {
        match crate::store_file::read_json::<Store>(path, "corrections store") {
            Ok(store) => (
                Corrections {
                    store: store.unwrap_or_default(),
                    history: Vec::new(),
                },
                None,
            ),
            Err(msg) => (Corrections::default(), Some(msg)),
        }
    }

    /// Writes the store atomically: a temp file in the same directory, fsync, rename.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut store = self.store.clone();
        store.version = 1;
        let json = serde_json::to_vec_pretty(&store).map_err(std::io::Error::other)?;
        crate::store_file::write_atomic(path, &json)
    }

    fn remember(&mut self, what: String) {
        self.history.push((what, self.store.clone()));
    }

    pub fn set_pub_date(&mut self, article_hash: &str, date: NaiveDate) {
        self.remember(format!("publication date set to {date}"));
        self.store.pub_dates.insert(article_hash.to_string(), date);
    }

    pub fn clear_pub_date(&mut self, article_hash: &str) {
        self.remember("publication date correction removed".into());
        self.store.pub_dates.remove(article_hash);
    }

    pub fn hide_event(&mut self, article_hash: &str, event_key: &str) {
        self.remember("event hidden".into());
        let keys = self
            .store
            .hidden
            .entry(article_hash.to_string())
            .or_default();
        if !keys.iter().any(|k| k == event_key) {
            keys.push(event_key.to_string());
        }
    }

    pub fn set_event_date(&mut self, article_hash: &str, event_key: &str, span: DateSpan) {
        self.remember(format!("event date set to {span}"));
        self.store
            .event_dates
            .entry(article_hash.to_string())
            .or_default()
            .insert(event_key.to_string(), span);
    }

    /// Reverts the last change; returns what it was.
    pub fn undo(&mut self) -> Option<String> {
        let (what, previous) = self.history.pop()?;
        self.store = previous;
        Some(what)
    }

    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.store.pub_dates.is_empty()
            && self.store.hidden.is_empty()
            && self.store.event_dates.is_empty()
    }

    /// Whether any article's publication date is corrected.
    pub fn has_pub_dates(&self) -> bool {
        !self.store.pub_dates.is_empty()
    }

    pub fn pub_date(&self, article_hash: &str) -> Option<NaiveDate> {
        self.store.pub_dates.get(article_hash).copied()
    }

    pub fn is_hidden(&self, article_hash: &str, event_key: &str) -> bool {
        self.store
            .hidden
            .get(article_hash)
            .is_some_and(|keys| keys.iter().any(|k| k == event_key))
    }

    /// Whether any event of this article is hidden or re-dated.
    pub fn has_event_corrections(&self, article_hash: &str) -> bool {
        self.store.hidden.contains_key(article_hash)
            || self.store.event_dates.contains_key(article_hash)
    }

    pub fn event_date(&self, article_hash: &str, event_key: &str) -> Option<DateSpan> {
        self.store
            .event_dates
            .get(article_hash)
            .and_then(|m| m.get(event_key))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("corrections.json");
        let mut c = Corrections::default();
        c.set_pub_date("abc", d(2023, 9, 14));
        c.hide_event("abc", "10-20");
        c.set_event_date("def", "1-5", DateSpan::day(d(2020, 1, 2)));
        c.save(&path).unwrap();
        let (back, warn) = Corrections::load(&path);
        assert!(warn.is_none());
        assert_eq!(back, c);
        assert_eq!(back.pub_date("abc"), Some(d(2023, 9, 14)));
        assert!(back.is_hidden("abc", "10-20"));
        assert!(!back.is_hidden("abc", "10-21"));
        assert_eq!(
            back.event_date("def", "1-5"),
            Some(DateSpan::day(d(2020, 1, 2)))
        );
    }

    #[test]
    fn corrupt_store_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corrections.json");
        std::fs::write(&path, b"{ not json").unwrap();
        let (c, warn) = Corrections::load(&path);
        assert!(c.is_empty());
        assert!(warn.unwrap().contains("damaged"));
        assert!(!path.exists(), "corrupt file should be moved aside");
        let aside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(aside.len(), 1);
    }

    #[test]
    fn missing_store_is_empty_without_warning() {
        let dir = tempfile::tempdir().unwrap();
        let (c, warn) = Corrections::load(&dir.path().join("nope.json"));
        assert!(c.is_empty() && warn.is_none());
    }

    #[test]
    fn undo_reverts_last_change_only() {
        let mut c = Corrections::default();
        assert!(!c.can_undo());
        c.set_pub_date("a", d(2023, 1, 1));
        c.set_pub_date("a", d(2024, 1, 1));
        assert_eq!(c.undo().unwrap(), "publication date set to 2024-01-01");
        assert_eq!(c.pub_date("a"), Some(d(2023, 1, 1)));
        c.undo();
        assert_eq!(c.pub_date("a"), None);
        assert!(c.undo().is_none());
    }
}
