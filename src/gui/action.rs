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
    // ----- corpus -----
    OpenFolderDialog,
    OpenFilesDialog,
    OpenPaths(Vec<PathBuf>),
    /// Read the corpus on screen again from disk.
    Reload,
    CancelLoad,
    // ----- view -----
    FitTimeline,
    SetCountryFilter(Option<CountryCode>),
    SetSearch(String),
    SetOverviewOpen(bool),
    SetTheme(egui::Theme),
    // ----- window -----
    /// Export the chart of what the timeline shows (a file dialog first, except for the
    /// clipboard).
    Export(super::export::ExportKind),
    Quit,
}
