//! Everything a panel can ask of the app. Panels never write the app's state: they return
//! an [`Action`] from their `ui`, and [`super::app::DatelineApp`] applies it in one place
//! (store, save, reload, refresh), so what a click does is written down once.

use crate::model::{ArticleId, CountryCode, DateSpan, EventId};
use chrono::NaiveDate;
use std::path::PathBuf;

/// One request from a panel, applied by the app after the frame's panels have drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // ----- corrections (stored, re-resolved, undoable) -----
    SetPubDate(ArticleId, NaiveDate),
    HideEvent(EventId),
    SetEventDate(EventId, DateSpan),
    Undo,
    // ----- selection -----
    /// Select an event (or nothing); `reveal` asks the timeline to bring it into view.
    Select {
        event: Option<EventId>,
        reveal: bool,
    },
    /// The event under the pointer in some panel (its twins are highlighted).
    Hover(Option<EventId>),
    /// Select the event this many rows after the selected one in the event list.
    StepEvent(i32),
    /// Open the event's article in the system's viewer.
    OpenSource(EventId),
    /// Clear the selection, or when nothing is selected, the filters (Esc).
    Clear,
    // ----- corpus -----
    OpenFolderDialog,
    OpenFilesDialog,
    OpenPaths(Vec<PathBuf>),
    /// Another launch handed these paths to this window (`crate::instance`).
    HandOff(Vec<PathBuf>),
    /// The answer to the hand-off prompt: `None` cancels; `always` remembers the choice.
    AnswerHandOff {
        choice: Option<super::handoff_prompt::HandOffChoice>,
        always: bool,
    },
    /// What to do with handed-over paths from now on: `None` asks each time.
    SetHandOffAlways(Option<super::handoff_prompt::HandOffChoice>),
    /// Read the corpus on screen again from disk.
    Reload,
    CancelLoad,
    // ----- view -----
    FitTimeline,
    /// Zoom the timeline around its centre by this factor (> 1 zooms in).
    Zoom(f64),
    /// Pan the timeline by this fraction of its width (> 0 goes forward in time).
    Pan(f64),
    /// Show these days on the timeline (day numbers, see `timeline::axis`; end exclusive).
    SetTimeRange(f64, f64),
    SetCountryFilter(Option<CountryCode>),
    SetSearch(String),
    FocusSearch,
    SetTopN(Option<usize>),
    SetPinnedOnly(bool),
    /// Only events overlapping these days in the list (a coverage bar clicked).
    SetPeriod(Option<(NaiveDate, NaiveDate)>),
    TogglePin(EventId),
    SetLaneHidden(CountryCode, bool),
    MoveLane(CountryCode, i32),
    /// A colour for a lane; `None` goes back to the default.
    SetLaneColour(CountryCode, Option<[u8; 3]>),
    SaveNamedView(String),
    RestoreNamedView(String),
    DeleteNamedView(String),
    SetOverviewOpen(bool),
    SetLanesOpen(bool),
    SetHelpOpen(bool),
    SetCoverageOpen(bool),
    SetTheme(egui::ThemePreference),
    // ----- window -----
    /// Export the chart of what the timeline shows (a file dialog first, except for the
    /// clipboard).
    Export(super::export::ExportKind),
    Quit,
}
