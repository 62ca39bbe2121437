//! Keeping an open corpus in step with its folders: the `notify` crate reports new, changed
//! and deleted files; only those are read again (through the index), and the corpus-wide
//! steps run over the result ([`crate::pipeline::replace_files`]: only where the change
//! reaches), which the index then remembers as a load's. No full reload. With an index open,
//! the identities the index keys its stored results by are carried over from the stored
//! record of the corpus before (`index::settled::identities`); without that record the
//! update runs every corpus-wide step again through the index.
//!
//! Events are not trusted for what happened (editors save through temporary files and
//! renames, and platforms report these differently): a path an event names is looked at
//! as it is now, a folder (new or moved in) is walked, a path that is gone takes whatever
//! was under it along.

use crate::index::{self, Index};
use crate::model::Corpus;
use crate::pipeline::{self, LoadError, LoadOptions, Progress, StageTimes};
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// After a first event, changes are gathered until none came for this long...
const QUIET: Duration = Duration::from_millis(100);
/// ...or this long has passed, so a steady stream of writes still shows up.
const MAX_GATHER: Duration = Duration::from_millis(500);

/// Watches the folders and files of an open corpus.
pub struct FolderWatcher {
    // Kept alive for as long as we watch; dropping it stops the OS watch.
    _watcher: notify::RecommendedWatcher,
    rx: Receiver<notify::Result<notify::Event>>,
    roots: Vec<PathBuf>,
}

/// Paths that changed (as events named them; see the module docs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub paths: BTreeSet<PathBuf>,
}

impl FolderWatcher {
    /// Starts watching `roots` (folders recursively, files alone).
    pub fn new(roots: &[PathBuf]) -> notify::Result<FolderWatcher> {
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |ev| {
            // The receiver is gone once the corpus is closed: nothing to do then.
            let _ = tx.send(ev);
        })?;
        for r in roots {
            let mode = if r.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher.watch(r, mode)?;
        }
        Ok(FolderWatcher {
            _watcher: watcher,
            rx,
            roots: roots.to_vec(),
        })
    }

    /// Waits up to `wait` for a change, then gathers the burst that follows. `None` when
    /// nothing that matters changed (reads and access times do not count).
    pub fn changes(&self, wait: Duration) -> Option<Changes> {
        let first = match self.rx.recv_timeout(wait) {
            Ok(ev) => ev,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        let mut out = Changes::default();
        self.take(first, &mut out);
        let started = Instant::now();
        while started.elapsed() < MAX_GATHER {
            match self.rx.recv_timeout(QUIET) {
                Ok(ev) => self.take(ev, &mut out),
                Err(_) => break,
            }
        }
        (!out.paths.is_empty()).then_some(out)
    }

    fn take(&self, ev: notify::Result<notify::Event>, out: &mut Changes) {
        let Ok(ev) = ev else {
            // The OS dropped events (queue overflow): look at everything again.
            out.paths.extend(self.roots.iter().cloned());
            return;
        };
        if matches!(ev.kind, notify::EventKind::Access(_)) {
            return;
        }
        out.paths
            .extend(ev.paths.into_iter().filter(|p| !self.is_hidden(p)));
    }

    /// Hidden files and folders under a root are not part of the corpus (as in the walk).
    fn is_hidden(&self, p: &Path) -> bool {
        let rel = self
            .roots
            .iter()
            .find_map(|r| p.strip_prefix(r).ok())
            .unwrap_or(p);
        rel.components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    }
}

/// What [`apply`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Files read (or served from the index) again.
    pub files: usize,
    /// Paths that were gone.
    pub removed: usize,
    /// Whether the corpus-wide steps ran only where the change reached (with an index: when
    /// the stored record of the corpus before carried its articles' identities over).
    pub incremental: bool,
}

/// Brings `corpus` up to date with `changes`: changed and new files are read through
/// `index`, deleted ones dropped, and the corpus-wide steps run again. Problems of the
/// files read go to their articles, as in a load. With an index, the steps' results are
/// stored there under `roots` (the paths the corpus was opened with), as a load stores
/// them, so the next reopen of the changed folder puts them back instead of running them.
pub fn apply(
    corpus: &mut Corpus,
    changes: &Changes,
    opts: &LoadOptions,
    index: Option<&mut Index>,
    roots: &[PathBuf],
) -> Result<Applied, LoadError> {
    let mut index = index;
    let mut read: Vec<PathBuf> = Vec::new();
    let mut gone: Vec<PathBuf> = Vec::new();
    for p in &changes.paths {
        if p.is_dir() {
            // A folder moved in, or the whole root after lost events: what is under it now
            // replaces what was.
            if let Ok(w) = crate::ingest::walk(std::slice::from_ref(p)) {
                read.extend(w.files.into_iter().map(|f| f.path));
            }
            gone.push(p.clone());
        } else if p.is_file() {
            if crate::ingest::format_of(p).is_some() {
                read.push(p.clone());
            }
            gone.push(p.clone());
        } else {
            gone.push(p.clone());
        }
    }
    let collected = if read.is_empty() {
        None
    } else {
        Some(index::collect(
            &read,
            &Progress::default(),
            index.as_deref_mut(),
            &mut |_| {},
        )?)
    };
    let files = collected.as_ref().map_or(0, |c| c.keys.len());
    let removed = gone.iter().filter(|p| !p.exists()).count();
    let parts = collected.map(|c| c.parts).unwrap_or_default();
    let gone = |f: &Path| gone.iter().any(|g| f == g || f.starts_with(g));
    let times = StageTimes::default();
    let mut incremental = true;
    match index {
        None => pipeline::replace_files(corpus, gone, parts, opts, &times),
        Some(ix) => {
            let id = index::settled::corpus_id(roots);
            let mut problems = Vec::new();
            // The identities of the articles before the change, from the stored record of
            // this corpus: then the update runs incrementally and is stored as a load's.
            if let Some(mut known) = ix
                .settled(&id)
                .and_then(|s| index::settled::identities(corpus, &s))
            {
                known.extend(index::settled::identities_of_parts(&parts));
                pipeline::replace_files(corpus, gone, parts, opts, &times);
                let stored = index::settled::store_update(corpus, &known, &opts.corrections)
                    .map(|s| ix.put_settled(&id, &s));
                if let Some(Err(e)) = stored {
                    problems.push(format!(
                        "The index could not store this corpus's clusters ({e}); they are worked out again next time."
                    ));
                }
            } else {
                incremental = false;
                update_through(corpus, gone, parts, opts, &times, ix, &id, &mut problems);
            }
            for p in problems {
                if !corpus.problems.contains(&p) {
                    corpus.problems.push(p);
                }
            }
        }
    }
    Ok(Applied {
        files,
        removed,
        incremental,
    })
}

/// The update with every corpus-wide step run again through the index (when the stored
/// record of the corpus before is not there to carry identities over).
#[allow(clippy::too_many_arguments)]
fn update_through(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    parts: Vec<pipeline::FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
    ix: &mut Index,
    id: &str,
    problems: &mut Vec<String>,
) {
    pipeline::replace_files_joined(corpus, gone, parts, opts, times);
    let joined = index::settled::identify(std::mem::take(corpus), &opts.corrections);
    *corpus = index::settle_through(joined, opts, times, Some(ix), id, problems);
}
