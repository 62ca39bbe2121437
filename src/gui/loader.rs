//! Loading runs on a worker thread so the window never freezes: the UI polls a channel each
//! frame and shows the shared [`Progress`]; Cancel only sets a flag the pipeline checks.
//!
//! The worker goes through the on-disk index (`crate::index`): what the index holds is
//! shown first, then the corpus grows as files are read, in snapshots spaced so that
//! making them costs a small fraction of the load. Everything corpus-sized (the corpus-wide
//! steps, the timeline layout, copying) happens on the worker; the UI thread only swaps in
//! what arrives. Once loaded, the same thread watches the folders ([`crate::watch`]) and
//! sends the corpus again when files change, until the [`Watch`] is dropped. Window and
//! watcher share the corpus (`Arc`): the watcher copies it only when a change comes while
//! the window still holds the one before.

use super::derived::{Derived, ListWanted};
use crate::corrections::Corrections;
use crate::index::{self, Index};
use crate::model::Corpus;
use crate::pipeline::{LoadError, LoadOptions, Progress, StageTimes};
use crate::timeline::layout::Layout;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A corpus ready to show, with its timeline layout and what the panels count built off the
/// UI thread. The whole corpus and watched updates are shared with the watcher (the same
/// value, not a copy; the watcher copies it only when a change comes while the window still
/// holds it).
pub struct Shown {
    pub corpus: Arc<Corpus>,
    pub layout: Layout,
    pub derived: Derived,
    /// How many files it holds of how many (equal when complete).
    pub files: (usize, usize),
    /// The corrections version it was made with (see [`Watch::set_corrections`]).
    pub corrections_version: u64,
}

/// What a poll of the worker found.
pub enum LoadOutcome {
    Pending,
    /// Part of the corpus, to show while the rest loads.
    Partial(Box<Shown>),
    Done(Box<Shown>),
    Cancelled,
    Failed(String),
}

enum Msg {
    Partial(Box<Shown>),
    Done(Box<Shown>),
    Failed(LoadError),
    Updated(Box<Shown>, String),
}

/// State shared by the UI and the worker after loading.
#[derive(Default)]
struct Shared {
    stop: AtomicBool,
    corrections: Mutex<(u64, Corrections)>,
    version: AtomicU64,
    /// The event list's filter and order, for the rows made with each snapshot.
    list: Mutex<Option<ListWanted>>,
    /// The corpus the watcher holds (for tests: whether the window's is the same value).
    watched: Mutex<std::sync::Weak<Corpus>>,
    /// Copies of the whole corpus the watcher made (counted, not timed).
    copies: AtomicU64,
}

/// One load in flight.
pub struct Loader {
    pub paths: Vec<PathBuf>,
    pub progress: Arc<Progress>,
    pub started: Instant,
    rx: Option<Receiver<Msg>>,
    shared: Arc<Shared>,
}

/// Watching the corpus on screen: changed files arrive as a new corpus. Dropping it stops
/// the worker.
pub struct Watch {
    rx: Receiver<Msg>,
    shared: Arc<Shared>,
}

/// After the first, a snapshot is made when this much time has passed since the last one,
/// and at least `SPACING` times as long as making the last one took (so snapshots cost at
/// most about 1/SPACING of the load, whether files are read or served by the index).
const SNAPSHOT_EVERY: Duration = Duration::from_millis(500);
const SPACING: u32 = 4;
/// While loading, the window is asked for a frame for progress alone at most this often
/// (snapshots and the end ask at once).
const PROGRESS_FRAME: Duration = Duration::from_millis(1000);

/// When the loader sends the window a snapshot of the corpus so far.
struct Cadence {
    /// Snapshots made, when the last one was sent, what making it took and how many files
    /// it held.
    made: usize,
    last: Instant,
    cost: Duration,
    files: usize,
}

impl Cadence {
    fn new(now: Instant) -> Self {
        Cadence {
            made: 0,
            last: now,
            cost: Duration::ZERO,
            files: 0,
        }
    }

    /// The first batch at once, then every `SNAPSHOT_EVERY`, or `SPACING` times the last
    /// snapshot's cost, whichever is later; whether the files were served by the index or
    /// read makes no difference.
    fn due(&self, now: Instant) -> bool {
        let since = now.saturating_duration_since(self.last);
        self.made == 0 || (since >= SNAPSHOT_EVERY && since >= self.cost * SPACING)
    }

    /// Whether a snapshot of `done` files is worth making when the whole corpus (about
    /// `total` files) follows as soon as the rest is in: not when making it would take
    /// more than 1/`SPACING` of the time the rest is expected to take at the pace since
    /// the last snapshot (its cost grows with its files). Such a snapshot would only delay
    /// the whole, which replaces it soon after. The first snapshot is always worth it.
    fn worth(&self, done: usize, total: usize, now: Instant) -> bool {
        if self.made == 0 || self.files == 0 || done <= self.files {
            return true;
        }
        let since = now.saturating_duration_since(self.last).as_secs_f64();
        let pace = (done - self.files) as f64 / since.max(1e-3);
        let rest = total.saturating_sub(done) as f64 / pace;
        let cost = self.cost.as_secs_f64() * done as f64 / self.files as f64;
        cost * f64::from(SPACING) <= rest
    }

    fn sent(&mut self, started: Instant, now: Instant, files: usize) {
        self.made += 1;
        self.cost = now.saturating_duration_since(started);
        self.last = now;
        self.files = files;
    }
}

impl Loader {
    /// Starts loading on a new thread, through the app's index unless `index` is `None`.
    /// `repaint` is called whenever there is something new so an idle window wakes up
    /// (eframe does not poll on its own).
    pub fn start(
        paths: Vec<PathBuf>,
        opts: LoadOptions,
        repaint: impl Fn() + Send + 'static,
    ) -> Loader {
        Loader::start_with_index(paths, opts, crate::paths::index_path(), repaint)
    }

    /// [`Loader::start`] with the index at `index` (`None`: read every file).
    pub fn start_with_index(
        paths: Vec<PathBuf>,
        opts: LoadOptions,
        index: Option<PathBuf>,
        repaint: impl Fn() + Send + 'static,
    ) -> Loader {
        Loader::start_listing(paths, opts, index, None, repaint)
    }

    /// [`Loader::start_with_index`] with the event list's filter and order known before the
    /// worker starts (a small corpus can be done before a later [`Loader::set_list_wanted`]
    /// arrives, and its list's rows would then be made on the UI thread).
    pub fn start_listing(
        paths: Vec<PathBuf>,
        opts: LoadOptions,
        index: Option<PathBuf>,
        list: Option<ListWanted>,
        repaint: impl Fn() + Send + 'static,
    ) -> Loader {
        let progress = Arc::new(Progress::default());
        let shared = Arc::new(Shared::default());
        if let Ok(mut c) = shared.corrections.lock() {
            *c = (0, opts.corrections.clone());
        }
        if let Some(wanted) = &list {
            set_list_wanted(&shared, wanted);
        }
        let (tx, rx) = mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        let worker_shared = Arc::clone(&shared);
        let worker_paths = paths.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-load".into())
            .spawn(move || {
                // The window's first frame before the load takes the cores
                // (src/startup.rs): `work` waits for it before it makes a snapshot or reads
                // a file, not before the light first steps (the index opened, the walk's
                // first files looked up).
                crate::startup::stage("load-start");
                work(
                    &worker_paths,
                    opts,
                    index,
                    &worker_progress,
                    &worker_shared,
                    &tx,
                    &repaint,
                )
            });
        if let Err(e) = spawned {
            // No thread: the channel's sender was dropped with the closure, so the first
            // poll reports a failure; keep the reason for the status bar.
            if let Ok(mut c) = progress.current.lock() {
                *c = format!("could not start loader thread: {e}");
            }
        }
        Loader {
            paths,
            progress,
            started: Instant::now(),
            rx: Some(rx),
            shared,
        }
    }

    /// The event list's filter and order the window shows now: later snapshots come with
    /// its rows made.
    pub fn set_list_wanted(&self, wanted: &ListWanted) {
        set_list_wanted(&self.shared, wanted);
    }

    /// Asks the worker to stop at its next check.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
        self.shared.stop.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.progress.cancel.load(Ordering::Relaxed)
    }

    /// Non-blocking check for news. Only the latest snapshot waiting is returned (older
    /// ones are dropped here, on the worker's side of the copy).
    pub fn poll(&self) -> LoadOutcome {
        let Some(rx) = &self.rx else {
            return LoadOutcome::Pending;
        };
        let mut latest: Option<Box<Shown>> = None;
        loop {
            match rx.try_recv() {
                Ok(Msg::Partial(s)) => {
                    if let Some(old) = latest.replace(s) {
                        drop_elsewhere(old);
                    }
                }
                Ok(Msg::Done(s)) => {
                    if let Some(old) = latest.take() {
                        drop_elsewhere(old);
                    }
                    return LoadOutcome::Done(s);
                }
                Ok(Msg::Failed(LoadError::Cancelled)) => return LoadOutcome::Cancelled,
                Ok(Msg::Failed(e)) => return LoadOutcome::Failed(e.to_string()),
                Ok(Msg::Updated(s, _)) => drop_elsewhere(s),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if let Some(s) = latest {
                        return LoadOutcome::Partial(s);
                    }
                    return if self.is_cancelling() {
                        LoadOutcome::Cancelled
                    } else {
                        LoadOutcome::Failed(
                            "the loader stopped unexpectedly (internal error)".into(),
                        )
                    };
                }
            }
        }
        match latest {
            Some(s) => {
                crate::startup::stage("partial-taken");
                LoadOutcome::Partial(s)
            }
            None => LoadOutcome::Pending,
        }
    }

    /// After [`LoadOutcome::Done`]: the worker goes on watching the folders.
    pub fn into_watch(mut self) -> Option<Watch> {
        let rx = self.rx.take()?;
        Some(Watch {
            rx,
            shared: Arc::clone(&self.shared),
        })
    }

    /// (done, total, current file) for the progress bar.
    pub fn status(&self) -> (usize, usize, String) {
        let done = self.progress.done.load(Ordering::Relaxed);
        let total = self.progress.total.load(Ordering::Relaxed);
        let current = self
            .progress
            .current
            .lock()
            .map(|c| c.clone())
            .unwrap_or_default();
        (done, total, current)
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        // A loader dropped before it was turned into a watch (superseded, cancelled).
        if self.rx.is_some() {
            self.shared.stop.store(true, Ordering::Relaxed);
            self.progress.cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Watch {
    /// The corpus again after files changed, and what changed, if anything arrived.
    pub fn poll(&self) -> Option<(Box<Shown>, String)> {
        let mut latest = None;
        while let Ok(msg) = self.rx.try_recv() {
            if let Msg::Updated(s, what) = msg {
                if let Some((old, _)) = latest.replace((s, what)) {
                    drop_elsewhere(old);
                }
            }
        }
        latest
    }

    /// Whether the watcher holds `corpus` itself (the same value, not an equal copy).
    pub fn shares(&self, corpus: &Arc<Corpus>) -> bool {
        self.shared
            .watched
            .lock()
            .is_ok_and(|w| std::sync::Weak::ptr_eq(&w, &Arc::downgrade(corpus)))
    }

    /// How many copies of the whole corpus the watcher has made (one per watched change
    /// that came while the window still held the corpus before it; none to start watching).
    pub fn copies(&self) -> u64 {
        self.shared.copies.load(Ordering::Relaxed)
    }

    /// As [`Loader::set_list_wanted`], for watched updates.
    pub fn set_list_wanted(&self, wanted: &ListWanted) {
        set_list_wanted(&self.shared, wanted);
    }

    /// The user's corrections changed: later updates apply these. `version` comes back in
    /// [`Shown::corrections_version`] so the UI can tell a stale update.
    pub fn set_corrections(&self, version: u64, corrections: &Corrections) {
        if let Ok(mut c) = self.shared.corrections.lock() {
            *c = (version, corrections.clone());
        }
        self.shared.version.store(version, Ordering::Relaxed);
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

thread_local! {
    /// Values this thread handed to [`drop_elsewhere`] (for tests: counted, not timed).
    static SENT_AWAY: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many values the calling thread has handed to [`drop_elsewhere`] so far.
pub fn sent_away_here() -> u64 {
    SENT_AWAY.with(std::cell::Cell::get)
}

/// Frees a corpus on another thread: a million events take a while to drop, and the UI
/// thread has a frame to draw.
pub fn drop_elsewhere<T: Send + 'static>(value: T) {
    SENT_AWAY.with(|n| n.set(n.get() + 1));
    crate::drop_aside::drop_aside(value);
}

/// With the start-up probe on (`DATELINE_FIRST_FRAME`), [`crate::startup::stage`] with the
/// CPU this process and the calling thread have used so far (`cpu_ms=process/thread`, from
/// /proc: 10 ms ticks; 0 elsewhere): on a shared machine wall time alone says little.
fn stage_cpu(step: &str) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let on = *ON.get_or_init(|| {
        let v = std::env::var(crate::startup::FIRST_FRAME_ENV).ok();
        crate::startup::Mode::parse(v.as_deref()).is_some()
    });
    if !on {
        return;
    }
    let ticks = |path: &str| {
        let stat = std::fs::read_to_string(path).unwrap_or_default();
        let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<&str> = after.split_whitespace().collect();
        let t = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        (t(11) + t(12)) * 10.0
    };
    crate::startup::stage(&format!(
        "{step} cpu_ms={:.0}/{:.0}",
        ticks("/proc/self/stat"),
        ticks("/proc/thread-self/stat")
    ));
}

fn set_list_wanted(shared: &Shared, wanted: &ListWanted) {
    if let Ok(mut w) = shared.list.lock() {
        *w = Some(wanted.clone());
    }
}

fn list_wanted(shared: &Shared) -> Option<ListWanted> {
    shared.list.lock().ok().and_then(|w| w.clone())
}

/// The one way a corpus is made ready to show (every snapshot, the end, watched updates):
/// its layout and the panels' [`Derived`] data, side by side.
fn prepare(corpus: &Corpus, shared: &Shared) -> (Layout, Derived) {
    let wanted = list_wanted(shared);
    std::thread::scope(|s| {
        let derived = s.spawn(|| {
            let d = Derived::build(corpus, wanted.as_ref());
            stage_cpu("prepare-derived");
            d
        });
        let layout = Layout::build(corpus);
        stage_cpu("prepare-layout");
        let derived = derived
            .join()
            .unwrap_or_else(|_| Derived::build(corpus, wanted.as_ref()));
        (layout, derived)
    })
}

/// What the corpus-wide steps gave last time this corpus was open (see
/// [`index::settled`]), read on another thread until first needed.
enum Prior {
    Reading(std::thread::JoinHandle<Option<index::settled::Settled>>),
    Read(Option<index::settled::Settled>),
}

impl Prior {
    /// Starts reading them from the index file at `index` (none without an index).
    fn start(index: Option<&std::path::Path>, corpus_id: &str) -> Prior {
        let Some(path) = index else {
            return Prior::Read(None);
        };
        let (path, id) = (path.to_path_buf(), corpus_id.to_string());
        let read = move || {
            let s = index::settled::read_at(&path, &id);
            crate::startup::stage("load-settled-read");
            s
        };
        match std::thread::Builder::new()
            .name("dateline-settled".into())
            .spawn(read.clone())
        {
            Ok(h) => Prior::Reading(h),
            Err(_) => Prior::Read(read()),
        }
    }

    /// The stored results, waiting for the read if it is still going.
    fn get(&mut self) -> Option<&index::settled::Settled> {
        if let Prior::Reading(_) = self {
            if let Prior::Reading(h) = std::mem::replace(self, Prior::Read(None)) {
                *self = Prior::Read(h.join().ok().flatten());
            }
        }
        match self {
            Prior::Read(s) => s.as_ref(),
            Prior::Reading(_) => None,
        }
    }

    fn take(mut self) -> Option<index::settled::Settled> {
        self.get();
        match self {
            Prior::Read(s) => s,
            Prior::Reading(_) => None,
        }
    }
}

fn shown(
    corpus: impl Into<Arc<Corpus>>,
    files: (usize, usize),
    corrections_version: u64,
    shared: &Shared,
) -> Box<Shown> {
    let corpus = corpus.into();
    let (layout, derived) = prepare(&corpus, shared);
    Box::new(Shown {
        corpus,
        layout,
        derived,
        files,
        corrections_version,
    })
}

/// The watcher's corpus to change: the one it holds when the window has let go of it, else
/// a copy (made here, on the watcher's thread; counted in `Shared::copies`).
fn to_change<'a>(corpus: &'a mut Arc<Corpus>, shared: &Shared) -> &'a mut Corpus {
    if Arc::get_mut(corpus).is_none() {
        shared.copies.fetch_add(1, Ordering::Relaxed);
        stage_cpu("watch-copy");
    }
    Arc::make_mut(corpus)
}

fn set_watched(shared: &Shared, corpus: &Arc<Corpus>) {
    if let Ok(mut w) = shared.watched.lock() {
        *w = Arc::downgrade(corpus);
    }
}

/// Builds the active gazetteer on a thread of its own, once the window's first frame is
/// up: the first snapshot's layout names its lanes with it (`timeline::lane_label`), and
/// on a reopen nothing else needs it, so its first load (over 100 M instructions, at any
/// corpus size) would otherwise stand between the first files served and the first events
/// on screen. It is ready long before: the walk and the index serving the first files take
/// longer. A second caller waits for it rather than building it again (`OnceLock`).
fn warm_gazetteer() {
    let warm = || {
        crate::startup::wait_for_first_frame();
        crate::gazetteer::Gazetteer::active();
        stage_cpu("gazetteer-ready");
    };
    // No thread to be had: the first layout builds it, as before.
    let _ = std::thread::Builder::new()
        .name("dateline-gazetteer".into())
        .spawn(warm);
}

/// The worker: load (streaming snapshots), then watch until stopped.
fn work(
    paths: &[PathBuf],
    mut opts: LoadOptions,
    index_path: Option<PathBuf>,
    progress: &Progress,
    shared: &Shared,
    tx: &Sender<Msg>,
    repaint: &dyn Fn(),
) {
    let mut notices = Vec::new();
    warm_gazetteer();
    let mut index = index_path.and_then(|p| match Index::open_cache(&p) {
        Ok(ix) => Some(ix),
        Err(e) => {
            notices.push(format!(
                "Reading every file: the index cannot be opened ({e})."
            ));
            None
        }
    });
    let mut cadence = Cadence::new(Instant::now());
    let mut last_progress_frame = Instant::now();
    // What the corpus-wide steps gave last time this corpus was open: put back on every
    // snapshot (for the articles it fits), and as the whole result when nothing changed.
    stage_cpu("load-index-open");
    let corpus_id = index::settled::corpus_id(paths);
    // Read on a thread of their own while the walk finds the first files and the index
    // serves them; the first snapshot waits for them.
    let mut prior = Prior::start(index.as_ref().map(|ix| ix.path()), &corpus_id);
    let result = index::collect(paths, progress, index.as_mut(), &mut |batch| {
        // Files are read and snapshots made only once the window's first frame is up.
        crate::startup::wait_for_first_frame();
        // The progress bar moved: a frame for that, at most every `PROGRESS_FRAME` (the
        // window asks for no frames of its own while loading, and without a GPU a frame of
        // a million events costs more CPU than the load).
        if last_progress_frame.elapsed() >= PROGRESS_FRAME {
            last_progress_frame = Instant::now();
            repaint();
        }
        // The last batch is not shown on its own (the whole corpus follows at once); while
        // the walk goes on, `total` is only what it has found so far.
        let last = !batch.walking && batch.done >= batch.total;
        if batch.done == 0 || last || shared.stop.load(Ordering::Relaxed) {
            return;
        }
        // The first batch is shown at once, the rest at a bounded cadence (files served
        // by the index too: they arrive in batches of thousands).
        let now = Instant::now();
        if !cadence.due(now) {
            return;
        }
        // With the stored results at hand and files served from the index, the whole
        // corpus (put back as it was) follows the last file at once: no snapshot that
        // would only hold it up.
        if let Some(s) = prior.get().filter(|_| batch.from_index) {
            // While the walk goes on, the corpus last opened tells how many files to expect
            // (at least one article each).
            let total = batch
                .total
                .max(if batch.walking { s.articles() } else { 0 });
            if !cadence.worth(batch.done, total, now) {
                stage_cpu(&format!("load-snapshot-skipped files={}", batch.done));
                return;
            }
        }
        let first = cadence.made == 0;
        if first {
            stage_cpu("load-first-batch");
        }
        let t = Instant::now();
        let corpus = match prior.get() {
            Some(s) => {
                let parts = batch.snapshot();
                stage_cpu("snapshot-copied");
                let joined = index::settled::join(parts, &opts, &StageTimes::default());
                stage_cpu("snapshot-joined");
                let c = joined.reuse(s, &opts.corrections).0;
                stage_cpu("snapshot-reused");
                c
            }
            None => {
                let collected = index::Collected {
                    parts: batch.snapshot(),
                    ..Default::default()
                };
                index::finish(collected, &opts)
            }
        };
        let s = shown(corpus, (batch.done, batch.total), 0, shared);
        cadence.sent(t, Instant::now(), batch.done);
        if first {
            stage_cpu("load-first-snapshot-made");
        }
        stage_cpu(&format!(
            "load-snapshot-made files={} events={} cost_ms={:.0}",
            batch.done,
            s.corpus.events.len(),
            cadence.cost.as_secs_f64() * 1000.0
        ));
        if tx.send(Msg::Partial(s)).is_ok() {
            repaint();
        }
    });
    crate::startup::wait_for_first_frame();
    let collected = match result {
        Ok(c) => c,
        Err(e) => {
            let _ = tx.send(Msg::Failed(e));
            repaint();
            return;
        }
    };
    stage_cpu("load-collected");
    let prior = prior.take();
    if let (Some(ix), Some(_)) = (index.as_mut(), &prior) {
        ix.touch_settled(&corpus_id);
    }
    let files = collected.keys.len();
    let mut problems = collected.problems;
    // Every file is in: say what the time until the end is spent on (the bar is full).
    if let Ok(mut c) = progress.current.lock() {
        *c = "all files read; dating across articles and grouping reports…".to_string();
    }
    repaint();
    let joined = index::settled::join(collected.parts, &opts, &progress.times);
    stage_cpu("load-joined");
    if let Some(s) = prior.as_ref().filter(|s| !joined.matches(s)) {
        // Some files changed: the stored results first, then the steps run again here.
        let (preview, _) = joined.clone_for_preview().reuse(s, &opts.corrections);
        if tx
            .send(Msg::Partial(shown(preview, (files, files), 0, shared)))
            .is_ok()
        {
            repaint();
        }
    }
    let mut corpus = index::settle_known(
        joined,
        &opts,
        &progress.times,
        index.as_mut(),
        &corpus_id,
        prior,
        &mut problems,
    );
    corpus.problems = problems;
    if let Some(p) = crate::gazetteer::Gazetteer::user_files_problem() {
        corpus.problems.push(p.to_string());
    }
    corpus.problems.extend(notices);
    stage_cpu("load-settled");
    // The window and the watcher share the whole corpus: no copy before it is shown.
    let done = shown(corpus, (files, files), 0, shared);
    let keep = Arc::clone(&done.corpus);
    set_watched(shared, &keep);
    stage_cpu("load-done-made");
    if tx.send(Msg::Done(done)).is_err() {
        return;
    }
    repaint();
    // A corpus put back from the index was not ranked here: what the ranking reads of every
    // sentence is read now, while the window shows it, rather than on the first correction.
    crate::salience::remember_asides(&keep.events, &keep.articles);
    stage_cpu("load-asides-remembered");
    // So is what the clustering reads of each sentence's wording (a reclustering after a
    // correction reads it for the units it reaches).
    crate::corroborate::remember_wording(&keep.events, &keep.articles);
    stage_cpu("load-wording-remembered");
    watch_loop(paths, keep, &mut opts, index.as_mut(), shared, tx, repaint);
}

fn watch_loop(
    paths: &[PathBuf],
    mut corpus: Arc<Corpus>,
    opts: &mut LoadOptions,
    mut index: Option<&mut Index>,
    shared: &Shared,
    tx: &Sender<Msg>,
    repaint: &dyn Fn(),
) {
    let Ok(watcher) = crate::watch::FolderWatcher::new(paths) else {
        // No watching here (a file system without notifications): the corpus stays as
        // loaded, which is what File → Open gave before.
        return;
    };
    while !shared.stop.load(Ordering::Relaxed) {
        let Some(changes) = watcher.changes(Duration::from_millis(200)) else {
            continue;
        };
        let version = match shared.corrections.lock() {
            Ok(c) => {
                opts.corrections = c.1.clone();
                c.0
            }
            Err(_) => 0,
        };
        let changing = to_change(&mut corpus, shared);
        match crate::watch::apply(changing, &changes, opts, index.as_deref_mut(), paths) {
            Ok(applied) => {
                let what = format!(
                    "{} file(s) changed on disk, {} removed: timeline updated",
                    applied.files, applied.removed
                );
                let n = corpus.articles.len();
                // The updated corpus is shared with the window as the loaded one was.
                set_watched(shared, &corpus);
                let s = shown(Arc::clone(&corpus), (n, n), version, shared);
                if tx.send(Msg::Updated(s, what)).is_err() {
                    return;
                }
                repaint();
            }
            Err(_) => continue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshots_come_at_a_bounded_cadence_that_backs_off_when_they_are_costly() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut c = Cadence::new(t0);
        assert!(c.due(t0), "the first batch is shown at once");
        // A cheap snapshot: the next one half a second later, not before.
        c.sent(t0, t0 + ms(10), 1_000);
        assert!(!c.due(t0 + ms(300)));
        assert!(c.due(t0 + ms(510)));
        // A costly one (a large corpus so far): four times its cost must pass first.
        c.sent(t0 + ms(600), t0 + ms(1600), 5_000);
        assert!(!c.due(t0 + ms(2600)));
        assert!(!c.due(t0 + ms(5500)));
        assert!(c.due(t0 + ms(5600)));
        assert_eq!(c.made, 2);
    }

    #[test]
    fn a_snapshot_that_would_only_hold_up_the_whole_is_not_made() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        let mut c = Cadence::new(t0);
        assert!(c.worth(1_000, 100_000, t0), "the first is always made");
        // The first snapshot: 1,000 files in 200 ms.
        c.sent(t0, t0 + ms(200), 1_000);
        // Served fast: 10,000 more files in 500 ms, 89,000 left (4.45 s at that pace); a
        // snapshot of 11,000 files would take about 2.2 s, more than a quarter of that.
        assert!(!c.worth(11_000, 100_000, t0 + ms(700)));
        // Read slowly: 1,000 more in 500 ms, 98,000 left (49 s); 400 ms of snapshot is worth it.
        assert!(c.worth(2_000, 100_000, t0 + ms(700)));
        // Near the end, even a cheap one is not.
        assert!(!c.worth(99_900, 100_000, t0 + ms(30_000)));
    }
}
