//! [`PanelCtx`]: the read-only view of the app that every panel's `ui` receives. Panels read
//! the corpus, the selection and the filters from it and answer with an
//! [`Action`](super::action::Action); they never hold a reference to the app or to each
//! other, so a panel can be built and tested on its own (see `tests/`).

use super::selection::Selection;
use crate::model::{Corpus, CountryCode};
pub use crate::view::Filter;
use crate::view::View;

/// A country lane as the panels show it: in the user's order, with its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneInfo {
    pub code: CountryCode,
    /// "Japan · JP".
    pub label: String,
    pub colour: egui::Color32,
    /// Hidden by the user (still listed in the lanes window and the country filter).
    pub hidden: bool,
}

/// Which events pass the top-N and pinned-only filters, with a key that changes whenever
/// the mask does (so panels know when to rebuild).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventMask {
    pub key: u64,
    pub keep: Vec<bool>,
}

impl EventMask {
    pub fn keeps(&self, id: crate::model::EventId) -> bool {
        self.keep.get(id as usize).copied().unwrap_or(true)
    }
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
    /// The view's filter (the same as `view.filter`).
    pub filter: &'a Filter,
    /// Range, lanes, filters and pins of this corpus.
    pub view: &'a View,
    /// Events passing the top-N and pinned-only filters; `None` when neither is on.
    pub mask: Option<&'a EventMask>,
    /// A correction or mask change is being made off the UI thread (for this long): panels
    /// keep what they show until it is swapped in.
    pub pending: Option<std::time::Duration>,
    /// Country lanes in the user's order, hidden ones included.
    pub lanes: &'a [LaneInfo],
    /// Days shown on the timeline (day numbers, end exclusive), as of the last frame.
    pub time_range: (f64, f64),
    /// Names of the saved views of this corpus.
    pub view_names: &'a [String],
    pub status: &'a Status,
    /// `Some` while a load runs.
    pub load: Option<&'a LoadStatus>,
    pub can_undo: bool,
    /// A corpus read from disk is on screen (so Reload makes sense).
    pub can_reload: bool,
    /// A native file dialog is open (at most one at a time).
    pub dialog_open: bool,
    pub overview_open: bool,
    pub lanes_open: bool,
    pub help_open: bool,
    pub coverage_open: bool,
    /// The remembered answer to the hand-off prompt (`None`: ask each time).
    pub handoff_always: Option<super::handoff_prompt::HandOffChoice>,
}

impl<'a> PanelCtx<'a> {
    /// A context with just a corpus, a selection and a view (the rest empty): what a test
    /// or a panel drawn outside the app needs.
    pub fn new(corpus: &'a Corpus, generation: u64, sel: &'a Selection, view: &'a View) -> Self {
        PanelCtx {
            corpus,
            generation,
            corpus_id: 0,
            sel,
            filter: &view.filter,
            view,
            mask: None,
            pending: None,
            lanes: &[],
            time_range: (0.0, 0.0),
            view_names: &[],
            status: &NO_STATUS,
            load: None,
            can_undo: false,
            can_reload: false,
            dialog_open: false,
            overview_open: false,
            lanes_open: false,
            help_open: false,
            coverage_open: false,
            handoff_always: None,
        }
    }
}
