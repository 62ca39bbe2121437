//! [`PanelCtx`]: the read-only view of the app that every panel's `ui` receives. Panels read
//! the corpus, the selection and the filters from it and answer with an
//! [`Action`](super::action::Action); they never hold a reference to the app or to each
//! other, so a panel can be built and tested on its own (see `tests/`).

use super::selection::Selection;
use crate::model::{Corpus, CountryCode};

/// Filters shared by the toolbar, the timeline and the event list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub country: Option<CountryCode>,
    pub text: String,
}

/// The last thing worth telling the user, shown in the status bar.
#[derive(Clone, Debug, Default)]
pub struct Status {
    pub message: String,
    pub is_error: bool,
}

/// Progress of a load in flight, for the loading strip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadStatus {
    pub done: usize,
    pub total: usize,
    /// The file being read.
    pub current: String,
    pub cancelling: bool,
}

static NO_STATUS: Status = Status {
    message: String::new(),
    is_error: false,
};

/// What panels may read this frame. Cheap to build (references and a few flags).
#[derive(Clone, Copy)]
pub struct PanelCtx<'a> {
    pub corpus: &'a Corpus,
    /// Bumped whenever `corpus` changes (a load, a correction): panels rebuild their caches
    /// when it differs from the one they saw.
    pub generation: u64,
    /// Bumped only when a different corpus is loaded (corrections keep it): panels reset
    /// their view (fit, scroll) when it changes.
    pub corpus_id: u64,
    pub sel: &'a Selection,
    pub filter: &'a Filter,
    /// Country lanes in timeline order (code, label).
    pub lanes: &'a [(CountryCode, String)],
    pub status: &'a Status,
    /// `Some` while a load runs.
    pub load: Option<&'a LoadStatus>,
    pub can_undo: bool,
    /// A corpus read from disk is on screen (so Reload makes sense).
    pub can_reload: bool,
    /// A native file dialog is open (at most one at a time).
    pub dialog_open: bool,
    pub overview_open: bool,
}

impl<'a> PanelCtx<'a> {
    /// A context with just a corpus, a selection and a filter (the rest empty): what a test
    /// or a panel drawn outside the app needs.
    pub fn new(
        corpus: &'a Corpus,
        generation: u64,
        sel: &'a Selection,
        filter: &'a Filter,
    ) -> Self {
        PanelCtx {
            corpus,
            generation,
            corpus_id: 0,
            sel,
            filter,
            lanes: &[],
            status: &NO_STATUS,
            load: None,
            can_undo: false,
            can_reload: false,
            dialog_open: false,
            overview_open: false,
        }
    }
}
