//! Helpers shared by the integration tests: dates, and loading a corpus the way the app
//! does (default options, no corrections).
#![allow(dead_code)] // each test binary uses its own subset

use chrono::NaiveDate;
use dateline::model::Corpus;
use dateline::pipeline::{load, LoadOptions, Progress};
use std::path::PathBuf;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Loads files and folders with the default options.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    load(paths, &LoadOptions::default(), &Progress::default()).unwrap()
}

/// Writes `(name, text)` files into a fresh folder and loads it (the folder is removed
/// afterwards; the corpus keeps the text).
pub fn corpus(files: &[(&str, &str)]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    load_paths(&[dir.path().to_path_buf()])
}

/// Re-reads `changed` (added, changed or deleted paths) into `c` as the watcher does,
/// through [`dateline::watch::apply`] without an index.
pub fn watched_update(c: &mut Corpus, changed: &[PathBuf]) {
    let changes = dateline::watch::Changes {
        paths: changed.iter().cloned().collect(),
    };
    dateline::watch::apply(c, &changes, &LoadOptions::default(), None, &[]).unwrap();
}
