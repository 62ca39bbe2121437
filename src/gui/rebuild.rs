//! What a correction or a change of the top-N / pinned-only filters asks of the whole
//! corpus (the corpus corrected, the panels' [`Derived`] data, the event mask, the timeline
//! layout, the event list's rows), made by [`make`], a plain function of its [`Request`],
//! and run off the UI thread by [`Jobs`]; the event list's rows alone (a country filter,
//! search or sort changed) by [`rows`]. At a million events this takes seconds; the
//! window keeps showing what it has until the result arrives and is swapped in whole.
//! A newer request supersedes the one running: its result is dropped on the worker, never
//! shown, so no queue of stale jobs builds up.

use super::context::EventMask;
use super::derived::{Derived, ListRows, ListWanted};
use super::event_list::visible_events;
use crate::corrections::Corrections;
use crate::model::Corpus;
use crate::timeline::layout::Layout;
use crate::view::{PinKey, View};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the top-N and pinned-only filters need to mask events: `None` when neither is on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MaskInputs {
    pub top_n: Option<usize>,
    pub pinned_only: bool,
    /// The pins, when only pinned happenings are shown (else they change nothing).
    pub pins: BTreeSet<PinKey>,
}

impl MaskInputs {
    /// The mask `view` asks for, if any.
    pub fn of(view: &View) -> Option<MaskInputs> {
        view.filter.masks_events().then(|| MaskInputs {
            top_n: view.filter.top_n,
            pinned_only: view.filter.pinned_only,
            pins: if view.filter.pinned_only {
                view.pins.clone()
            } else {
                BTreeSet::new()
            },
        })
    }

    /// Which events of `corpus` pass (see [`View::event_mask`]).
    pub fn keep(&self, corpus: &Corpus) -> Vec<bool> {
        let mut view = View::default();
        view.filter.top_n = self.top_n;
        view.filter.pinned_only = self.pinned_only;
        view.pins = self.pins.clone();
        view.event_mask(corpus)
            .unwrap_or_else(|| vec![true; corpus.events.len()])
    }

    /// The key an [`EventMask`] of the corpus of `generation` carries: it changes whenever
    /// the mask may.
    pub fn key(&self, generation: u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (generation, self).hash(&mut h);
        h.finish()
    }
}

/// One piece of work: the corpus on screen and what should change about it.
#[derive(Clone)]
pub struct Request {
    /// The corpus on screen (shared, never changed: a corrected copy is made).
    pub base: Arc<Corpus>,
    /// The corrections store to apply to `base` (`None`: the corpus stays as it is).
    pub correct: Option<Corrections>,
    /// The mask wanted (`None`: every event).
    pub mask: Option<MaskInputs>,
    /// The event list's filter and order, for its rows.
    pub list: ListWanted,
}

/// What [`make`] gives back, ready to swap in.
#[derive(Debug, Default)]
pub struct Made {
    /// The corrected corpus and its panels' data (`None` when nothing was corrected).
    pub corrected: Option<(Corpus, Derived)>,
    /// The mask for the corpus (the corrected one, or the base).
    pub mask: Option<Vec<bool>>,
    /// The timeline layout of the events the mask keeps.
    pub layout: Layout,
    /// The event list's rows, the mask applied.
    pub rows: ListRows,
}

/// Does the work of `req`: a corrected copy of the corpus when corrections are asked for
/// ([`crate::pipeline::corrected`]: what [`crate::pipeline::apply_corrections`] gives,
/// redoing only what the correction reaches, the base's clusters read rather than copied), then
/// its mask, layout, panel data and rows. `None` when `cancel` was set before the end (a
/// newer request took its place).
pub fn make(req: &Request, cancel: &AtomicBool) -> Option<Made> {
    let stop = || cancel.load(Ordering::Relaxed);
    // Only what the correction reaches is redone (the full path when it reaches much).
    let corrected = req
        .correct
        .as_ref()
        .map(|c| crate::pipeline::corrected(&req.base, c).0);
    if stop() {
        return None;
    }
    let corpus: &Corpus = corrected.as_ref().unwrap_or(&*req.base);
    let mask = req.mask.as_ref().map(|m| m.keep(corpus));
    if stop() {
        return None;
    }
    let event_mask = mask.as_ref().map(|keep| EventMask {
        key: 0,
        keep: keep.clone(),
    });
    let (layout, (derived, rows)) = std::thread::scope(|s| {
        let rest = s.spawn(|| {
            // The list's rows with the mask; the panels' data only for a corrected corpus.
            let derived = corrected.as_ref().map(|c| Derived::build(c, None));
            let rows = visible_events(corpus, &req.list.filter, event_mask.as_ref(), req.list.sort);
            (derived, rows)
        });
        let layout = match &mask {
            Some(keep) => {
                Layout::build_where(corpus, |i| keep.get(i as usize).copied().unwrap_or(true))
            }
            None => Layout::build(corpus),
        };
        let rest = rest.join().unwrap_or_else(|_| {
            // A panic there is a bug; made here again so the window still gets a result.
            let derived = corrected.as_ref().map(|c| Derived::build(c, None));
            let rows = visible_events(corpus, &req.list.filter, event_mask.as_ref(), req.list.sort);
            (derived, rows)
        });
        (layout, rest)
    });
    if stop() {
        return None;
    }
    Some(Made {
        corrected: corrected.zip(derived),
        mask,
        layout,
        rows: ListRows {
            wanted: req.list.clone(),
            rows,
        },
    })
}

/// The event list's rows alone (a country filter, search or sort changed): what the list
/// made on the UI thread before, over the corpus on screen and the mask it has.
pub struct RowsRequest {
    pub base: Arc<Corpus>,
    pub list: ListWanted,
    /// The mask the list shows (the window's, with its key).
    pub mask: Option<EventMask>,
}

/// Makes the rows of `req` ([`visible_events`]); `None` when `cancel` was set meanwhile.
pub fn rows(req: &RowsRequest, cancel: &AtomicBool) -> Option<ListRows> {
    let rows = visible_events(
        &req.base,
        &req.list.filter,
        req.mask.as_ref(),
        req.list.sort,
    );
    (!cancel.load(Ordering::Relaxed)).then(|| ListRows {
        wanted: req.list.clone(),
        rows,
    })
}

/// The job running (at most one), and what it is for (`K`: the window's description of the
/// state it makes).
struct Running<K, T> {
    key: K,
    rx: Receiver<Option<T>>,
    cancel: Arc<AtomicBool>,
    since: Instant,
}

/// Runs work off the UI thread, one request at a time: a new request supersedes the
/// running one (told to stop; whatever it makes is dropped on its own thread). `T`: what a
/// job makes ([`make`]'s [`Made`], or the event list's rows alone, [`rows`]).
pub struct Jobs<K, T = Made> {
    running: Option<Running<K, T>>,
    started: u64,
    superseded: u64,
}

impl<K, T> Default for Jobs<K, T> {
    fn default() -> Self {
        Jobs {
            running: None,
            started: 0,
            superseded: 0,
        }
    }
}

impl<K: PartialEq> Jobs<K, Made> {
    /// Starts [`make`] of `req` for `key` on a new thread, superseding any job running.
    /// `done` is called on the worker when the result is ready (to wake the window).
    pub fn start(&mut self, key: K, req: Request, done: impl Fn() + Send + 'static) {
        self.start_work(key, move |stop| make(&req, stop), done);
    }
}

impl<K: PartialEq, T: Send + 'static> Jobs<K, T> {
    /// Starts `work` for `key` on a new thread, superseding any job running. `work` gets a
    /// flag set when it is no longer wanted (it may give `None` then); `done` is called on
    /// the worker when its result is ready.
    pub fn start_work(
        &mut self,
        key: K,
        work: impl FnOnce(&AtomicBool) -> Option<T> + Send + 'static,
        done: impl Fn() + Send + 'static,
    ) {
        self.cancel();
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let flag = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("dateline-rebuild".into())
            .spawn(move || {
                let made = work(&flag);
                // A superseded job's receiver is gone: its result is dropped here.
                if tx.send(made).is_ok() {
                    done();
                }
            });
        if spawned.is_err() {
            // No thread to be had: the poll finds the channel closed and the window asks
            // again next pass.
        }
        self.started += 1;
        self.running = Some(Running {
            key,
            rx,
            cancel,
            since: Instant::now(),
        });
    }

    /// The running job's result, once it is ready (with its key).
    pub fn poll(&mut self) -> Option<(K, T)> {
        let r = self.running.as_ref()?;
        match r.rx.try_recv() {
            Err(TryRecvError::Empty) => None,
            Ok(made) => {
                let r = self.running.take()?;
                made.map(|m| (r.key, m))
            }
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                None
            }
        }
    }

    /// Stops the running job, if any; its result will not be shown.
    pub fn cancel(&mut self) {
        if let Some(old) = self.running.take() {
            old.cancel.store(true, Ordering::Relaxed);
            // A result already waiting in the channel is a corpus's worth: freed elsewhere.
            super::loader::drop_elsewhere(old.rx);
            self.superseded += 1;
        }
    }

    /// What the running job is for.
    pub fn running_for(&self) -> Option<&K> {
        self.running.as_ref().map(|r| &r.key)
    }

    /// How long the running job has been going.
    pub fn running_since(&self) -> Option<Duration> {
        self.running.as_ref().map(|r| r.since.elapsed())
    }

    /// Jobs started so far.
    pub fn started(&self) -> u64 {
        self.started
    }

    /// Jobs stopped before their result was taken (superseded or no longer wanted).
    pub fn superseded(&self) -> u64 {
        self.superseded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::event_list::Sort;
    use crate::pipeline::{self, LoadOptions, Progress};
    use crate::view::Filter;

    fn sample() -> Arc<Corpus> {
        let paths = [pipeline::sample_dir()];
        let c = pipeline::load(&paths, &LoadOptions::default(), &Progress::default());
        Arc::new(c.expect("sample"))
    }

    /// A correction of the sample: one event hidden, one article's publication date moved.
    fn corrections(corpus: &Corpus) -> Corrections {
        let mut c = Corrections::default();
        let e = &corpus.events[2];
        let a = &corpus.articles[e.article as usize];
        c.hide_event(&a.content_hash, &crate::corrections::event_key(e));
        let other = &corpus.articles[corpus.articles.len() - 1];
        let d = chrono::NaiveDate::from_ymd_opt(2021, 3, 9).expect("a date");
        c.set_pub_date(&other.content_hash, d);
        c
    }

    fn top(n: usize) -> MaskInputs {
        MaskInputs {
            top_n: Some(n),
            ..Default::default()
        }
    }

    #[test]
    fn what_the_worker_makes_equals_the_synchronous_path() {
        let base = sample();
        let store = corrections(&base);
        let list = ListWanted {
            filter: Filter {
                top_n: Some(4),
                ..Default::default()
            },
            sort: Sort::Salience,
        };
        let req = Request {
            base: Arc::clone(&base),
            correct: Some(store.clone()),
            mask: Some(top(4)),
            list: list.clone(),
        };
        let made = make(&req, &AtomicBool::new(false)).expect("not cancelled");

        // What the window did on its own thread: correct in place, derive, mask, lay out.
        let mut sync = Corpus::clone(&base);
        pipeline::apply_corrections(&mut sync, &store);
        let (corrected, derived) = made.corrected.expect("corrected");
        assert_eq!(corrected.events, sync.events);
        assert_eq!(corrected.clusters, sync.clusters);
        assert_ne!(
            corrected.events, base.events,
            "the correction changed something"
        );
        assert_eq!(derived.hidden, 1);
        let sync_derived = Derived::build(&sync, None);
        assert_eq!(derived.natural_lanes, sync_derived.natural_lanes);
        assert_eq!(derived.happenings, sync_derived.happenings);
        let view = View {
            filter: list.filter.clone(),
            ..Default::default()
        };
        let keep = view.event_mask(&sync).expect("a mask");
        assert_eq!(made.mask.as_ref(), Some(&keep));
        assert!(keep.iter().any(|k| !k) && keep.iter().any(|k| *k));
        let mask = EventMask { key: 0, keep };
        let layout = Layout::build_where(&sync, |i| mask.keeps(i));
        assert_eq!(format!("{:?}", made.layout), format!("{layout:?}"));
        let rows = visible_events(&sync, &list.filter, Some(&mask), Sort::Salience);
        assert!(!rows.is_empty());
        assert_eq!(made.rows.rows, rows);
        assert_eq!(made.rows.wanted, list);
    }

    #[test]
    fn a_mask_alone_leaves_the_corpus_and_turning_it_off_lays_out_every_event() {
        let base = sample();
        let list = ListWanted::default();
        let req = Request {
            base: Arc::clone(&base),
            correct: None,
            mask: None,
            list: list.clone(),
        };
        let made = make(&req, &AtomicBool::new(false)).expect("made");
        assert!(made.corrected.is_none() && made.mask.is_none());
        let all = Layout::build(&base);
        assert_eq!(format!("{:?}", made.layout), format!("{all:?}"));
        assert_eq!(
            made.rows.rows,
            visible_events(&base, &list.filter, None, list.sort)
        );
        // Cancelled (superseded) before the end: nothing comes back.
        let masked = Request {
            mask: Some(top(2)),
            ..req
        };
        assert!(make(&masked, &AtomicBool::new(true)).is_none());
    }

    #[test]
    fn the_lists_rows_alone_equal_the_synchronous_path_with_and_without_a_mask() {
        let base = sample();
        let country = base.events[0].countries[0];
        let keep = top(5).keep(&base);
        for mask in [None, Some(EventMask { key: 7, keep })] {
            for sort in [Sort::DateAscending, Sort::Salience, Sort::DateDescending] {
                let list = ListWanted {
                    filter: Filter {
                        country: Some(country),
                        ..Default::default()
                    },
                    sort,
                };
                let req = RowsRequest {
                    base: Arc::clone(&base),
                    list: list.clone(),
                    mask: mask.clone(),
                };
                let made = rows(&req, &AtomicBool::new(false)).expect("not cancelled");
                let want = visible_events(&base, &list.filter, mask.as_ref(), sort);
                assert!(!want.is_empty());
                assert_eq!(made.rows, want);
                assert_eq!(made.wanted, list);
                assert!(rows(&req, &AtomicBool::new(true)).is_none(), "cancelled");
            }
        }
    }

    #[test]
    fn a_newer_request_supersedes_the_running_one_and_only_its_result_arrives() {
        let base = sample();
        let mut jobs: Jobs<u32> = Jobs::default();
        let req = |n| Request {
            base: Arc::clone(&base),
            correct: None,
            mask: Some(top(n)),
            list: ListWanted::default(),
        };
        jobs.start(1, req(1), || {});
        jobs.start(2, req(3), || {});
        jobs.start(3, req(5), || {});
        assert_eq!(jobs.running_for(), Some(&3));
        let t = Instant::now();
        let (key, made) = loop {
            if let Some(done) = jobs.poll() {
                break done;
            }
            assert!(t.elapsed() < Duration::from_secs(60), "no result");
            std::thread::sleep(Duration::from_millis(2));
        };
        assert_eq!(key, 3, "only the newest request's result is taken");
        assert_eq!(made.mask, Some(top(5).keep(&base)));
        assert_eq!((jobs.started(), jobs.superseded()), (3, 2));
        assert!(jobs.running_for().is_none() && jobs.poll().is_none());
        // Stopped with nothing newer: its result is never taken either.
        jobs.start(4, req(2), || {});
        jobs.cancel();
        std::thread::sleep(Duration::from_millis(50));
        assert!(jobs.poll().is_none());
        assert_eq!(jobs.superseded(), 3);
    }
}
