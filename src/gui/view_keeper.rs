//! Keeps the current corpus's [`View`] on disk: loads the corpus's [`ViewStore`] when a
//! corpus opens, writes it (atomically, at most every [`SAVE_EVERY`]) while the view
//! changes, and once more when the corpus is closed or the app exits.

use crate::view::{View, ViewStore};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a changing view (a pan, a drag of the slider) is written at most.
const SAVE_EVERY: Duration = Duration::from_secs(2);

#[derive(Default)]
pub struct ViewKeeper {
    /// Folder of the stores; `None` keeps views in memory only.
    dir: Option<PathBuf>,
    path: Option<PathBuf>,
    pub store: ViewStore,
    /// What was last written (to notice changes).
    saved: View,
    saved_at: Option<Instant>,
}

impl ViewKeeper {
    pub fn new(dir: Option<PathBuf>) -> Self {
        ViewKeeper {
            dir,
            ..Default::default()
        }
    }

    /// Switches to the store of the corpus made of `paths` and returns its current view.
    /// The previous corpus's view should be flushed first. A damaged store is reported.
    pub fn open(&mut self, paths: &[PathBuf]) -> (View, Option<String>) {
        self.path = self.dir.as_deref().map(|d| ViewStore::path_for(d, paths));
        let (store, err) = match &self.path {
            Some(p) => ViewStore::load(p),
            None => (ViewStore::default(), None),
        };
        self.store = store;
        self.store.paths = paths.iter().map(|p| p.display().to_string()).collect();
        self.saved = self.store.current.clone();
        self.saved_at = None;
        (self.store.current.clone(), err.map(|e| e.to_string()))
    }

    /// Writes `view` if it changed and the last write is old enough.
    pub fn maybe_save(&mut self, view: &View) -> Option<std::io::Error> {
        if *view == self.saved || self.saved_at.is_some_and(|t| t.elapsed() < SAVE_EVERY) {
            return None;
        }
        self.flush(view)
    }

    /// Writes `view` now if it changed.
    pub fn flush(&mut self, view: &View) -> Option<std::io::Error> {
        if *view == self.saved {
            return None;
        }
        self.store.current = view.clone();
        self.saved = view.clone();
        self.saved_at = Some(Instant::now());
        self.write()
    }

    /// Writes the whole store (after a named view was added or deleted).
    pub fn write(&mut self) -> Option<std::io::Error> {
        let path: &Path = self.path.as_deref()?;
        self.store.save(path).err()
    }

    pub fn names(&self) -> Vec<String> {
        self.store.named.keys().cloned().collect()
    }
}
