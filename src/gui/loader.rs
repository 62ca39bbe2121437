//! Loading runs on a worker thread so the window never freezes: the UI polls a channel each
//! frame and shows the shared [`Progress`]; Cancel only sets a flag the pipeline checks.

use crate::model::Corpus;
use crate::pipeline::{self, LoadError, LoadOptions, Progress};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Instant;

/// What a poll of the worker found.
pub enum LoadOutcome {
    Pending,
    Done(Box<Corpus>),
    Cancelled,
    Failed(String),
}

/// One load in flight.
pub struct Loader {
    pub paths: Vec<PathBuf>,
    pub progress: Arc<Progress>,
    pub started: Instant,
    rx: Receiver<Result<Corpus, LoadError>>,
}

impl Loader {
    /// Starts `pipeline::load` on a new thread. `repaint` is called when it finishes so an
    /// idle window wakes up (eframe does not poll on its own).
    pub fn start(
        paths: Vec<PathBuf>,
        opts: LoadOptions,
        repaint: impl Fn() + Send + 'static,
    ) -> Loader {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        let worker_paths = paths.clone();
        let spawned = std::thread::Builder::new()
            .name("dateline-load".into())
            .spawn(move || {
                // The window's first frame before the load takes the cores (src/startup.rs).
                crate::startup::wait_for_first_frame();
                let result = pipeline::load(&worker_paths, &opts, &worker_progress);
                // The receiver is gone if the load was superseded: nothing to do then.
                let _ = tx.send(result);
                repaint();
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
            rx,
        }
    }

    /// Asks the worker to stop at its next check.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.progress.cancel.load(Ordering::Relaxed)
    }

    /// Non-blocking check for the result.
    pub fn poll(&self) -> LoadOutcome {
        match self.rx.try_recv() {
            Ok(Ok(corpus)) => LoadOutcome::Done(Box::new(corpus)),
            Ok(Err(LoadError::Cancelled)) => LoadOutcome::Cancelled,
            Ok(Err(e)) => LoadOutcome::Failed(e.to_string()),
            Err(TryRecvError::Empty) => LoadOutcome::Pending,
            Err(TryRecvError::Disconnected) => {
                LoadOutcome::Failed("the loader stopped unexpectedly (internal error)".into())
            }
        }
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
