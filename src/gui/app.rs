//! [`DatelineApp`]: the window's state and its top-to-bottom layout. Every panel lives in
//! its own module with its own state struct and the same shape,
//! `ui(&mut self, ui, &PanelCtx) -> Option<Action>`; this file builds the read-only
//! [`PanelCtx`], lays the panels out, and applies their [`Action`]s in one place
//! ([`DatelineApp::apply`]). Panels never import this file or each other.

use super::action::Action;
use super::context::{EventMask, LaneInfo, LoadStatus, PanelCtx, Status};
use super::correction::CorrectionUi;
use super::coverage_panel::CoveragePanel;
use super::derived::{Derived, ListWanted};
use super::dialogs::{DialogResult, Dialogs};
use super::event_list::EventList;
use super::export::{Export, ExportKind};
use super::handoff_prompt::{HandOffChoice, HandOffPrompt};
use super::help::HelpPanel;
use super::lanes_panel::LanesPanel;
use super::loader::{drop_elsewhere, LoadOutcome, Loader, Shown, Watch};
use super::loading_strip::LoadingStrip;
use super::menu::MenuBar;
use super::overview::Overview;
use super::rebuild::{self, Jobs, Made, MaskInputs, Request};
use super::selection::Selection;
use super::shortcuts::{self, Command};
use super::source_panel::SourcePanel;
use super::status_bar::StatusBar;
use super::theme;
use super::timeline_panel::TimelinePanel;
use super::toolbar::Toolbar;
use super::view_keeper::ViewKeeper;
use crate::corrections::{event_key, Corrections};
use crate::model::{ArticleId, Corpus, CountryCode, DateSpan, EventId};
use crate::pipeline::{self, LoadOptions};
use crate::render::text::{count, thousands};
use crate::timeline::axis::{date_of, day_number};
use crate::view::{natural_lane_order, View, ViewStore};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// eframe storage key for the paths of the last corpus opened.
const PATHS_KEY: &str = "dateline.paths";
/// eframe storage key for the theme chosen in View (system, light, dark).
const THEME_KEY: &str = "dateline.theme";
/// eframe storage key for the remembered answer to a hand-off ("add", "replace").
const HANDOFF_KEY: &str = "dateline.handoff";

/// Wall time of each piece of a UI pass (printed with the start-up probe on for a pass that
/// takes in a new corpus: what stalls the window is what these name).
pub(crate) struct Laps {
    last: std::time::Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Laps {
    fn new() -> Self {
        Laps {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps
            .push((name, (now - self.last).as_secs_f64() * 1000.0));
        self.last = now;
    }

    /// `name=ms` for each piece, in pass order.
    fn line(&self) -> String {
        let parts: Vec<String> = self
            .laps
            .iter()
            .map(|(n, ms)| format!("{n}={ms:.1}"))
            .collect();
        parts.join(" ")
    }
}

/// Settings that tests (and packagers) need to override.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Where corrections are kept; `None` keeps them in memory only.
    pub corrections_path: Option<PathBuf>,
    /// Reopen the last corpus (from eframe storage) when no path is given.
    pub restore_last: bool,
    /// Where exports go when no file dialog can be shown (`None`: Pictures, else home).
    pub export_dir: Option<PathBuf>,
    /// Where each corpus's views are kept; `None` keeps them in memory only.
    pub views_dir: Option<PathBuf>,
    /// Open source files in the system's viewer (tests only record the request).
    pub open_externally: bool,
    /// The index of extracted articles; `None` reads every file on every load.
    pub index_path: Option<PathBuf>,
    /// A corpus of at least this many events is corrected, masked (top N, pinned only) and
    /// laid out again on a worker while the window shows the old picture; a smaller one
    /// at once, on the UI thread (about a frame's work at most).
    pub background_from: usize,
}

/// Below this many events a correction or a mask change is made at once: a correction
/// costs the UI thread about 8 µs per event and rayon's threads more (0.8 s and 15-20 s
/// wall at 100,000 events on a loaded machine), a mask about 0.3 µs (BENCHMARKS.md, session
/// 9), so under this a correction is about a frame's work.
pub const BACKGROUND_FROM: usize = 1_000;

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            corrections_path: Corrections::default_path(),
            restore_last: true,
            export_dir: None,
            views_dir: ViewStore::default_dir(),
            open_externally: true,
            index_path: crate::paths::index_path(),
            background_from: BACKGROUND_FROM,
        }
    }
}

impl AppConfig {
    /// A config that never touches the user's folders: corrections, views and exports go
    /// under `dir`, and no external viewer is started.
    pub fn isolated(dir: &Path) -> Self {
        AppConfig {
            corrections_path: Some(dir.join("corrections.json")),
            restore_last: false,
            export_dir: Some(dir.to_path_buf()),
            views_dir: Some(dir.join("views")),
            open_externally: false,
            index_path: Some(dir.join("index.sqlite")),
            background_from: BACKGROUND_FROM,
        }
    }
}

/// What a rebuild job makes: the corpus of `generation` with the corrections of version
/// `corrections` applied and the mask `mask`.
#[derive(Clone, Debug, PartialEq)]
struct Wanted {
    generation: u64,
    corrections: u64,
    mask: Option<MaskInputs>,
}

pub struct DatelineApp {
    pub config: AppConfig,
    pub ctx: egui::Context,
    /// The corpus on screen; shared with a rebuild job, which corrects a copy of it.
    pub corpus: Arc<Corpus>,
    /// Paths of the corpus on screen (not of a load in flight).
    pub corpus_paths: Vec<PathBuf>,
    pub corpus_name: String,
    /// Bumped whenever `corpus` changes, so panels can rebuild their caches.
    pub generation: u64,
    /// Bumped when a different corpus is loaded (not on corrections).
    pub corpus_id: u64,
    pub loader: Option<Loader>,
    /// The corpus on screen follows its folders (files changed on disk arrive here).
    pub watch: Option<Watch>,
    /// A snapshot of the load in flight is on screen (the previous corpus is gone).
    partial_shown: bool,
    pub timeline: TimelinePanel,
    pub sel: Selection,
    pub corrections: Corrections,
    /// Bumped on every correction, to notice ones made while a load was running.
    corrections_version: u64,
    load_corrections_version: u64,
    /// Range, lanes, filters and pins of the corpus on screen (kept per corpus).
    pub view: View,
    pub views: ViewKeeper,
    /// Events passing the top-N and pinned-only filters, rebuilt when they change.
    mask: Option<EventMask>,
    /// What `mask` was made for.
    mask_for: Option<MaskInputs>,
    /// The corrections version the corpus on screen was made with.
    corpus_corrections: u64,
    /// The correction or mask change being made off the UI thread.
    jobs: Jobs<Wanted>,
    /// Rebuilds made at once on the UI thread (a corpus under `config.background_from`).
    inline_rebuilds: u64,
    /// Rebuilds whose result was swapped in.
    rebuilds_taken: u64,
    /// Countries in natural lane order, per generation (lane colours follow it).
    natural_lanes: (Option<u64>, Vec<CountryCode>),
    /// Times the natural lane order was worked out here (not taken from the worker).
    natural_lane_rebuilds: u64,
    /// The event list's filter and order last told to the worker.
    list_sent: Option<ListWanted>,
    /// A time range to show once the timeline has synced with a new corpus.
    pending_range: Option<(f64, f64)>,
    /// The last source file asked to be opened (Enter, Open file).
    pub last_opened: Option<PathBuf>,
    pub event_list: EventList,
    pub source: SourcePanel,
    pub correction_ui: CorrectionUi,
    pub overview: Overview,
    pub menu: MenuBar,
    pub toolbar: Toolbar,
    pub status_bar: StatusBar,
    pub loading_strip: LoadingStrip,
    pub lanes_panel: LanesPanel,
    pub lanes_open: bool,
    pub help: HelpPanel,
    pub help_open: bool,
    pub coverage: CoveragePanel,
    pub coverage_open: bool,
    pub export: Export,
    pub dialogs: Dialogs,
    /// Paths other launches handed over (`crate::instance`), when this window listens.
    pub inbox: Option<crate::instance::Inbox>,
    pub handoff: HandOffPrompt,
    /// The answer to hand-offs the user asked to remember.
    pub handoff_always: Option<HandOffChoice>,
    pub status: Status,
    /// Where the timeline was drawn last frame (for PNG export).
    pub timeline_rect: egui::Rect,
    title_sent: String,
}

impl DatelineApp {
    /// The eframe entry point: restores the last corpus from storage when `paths` is empty.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig, paths: Vec<PathBuf>) -> Self {
        let stored: Option<Vec<PathBuf>> = if config.restore_last {
            cc.storage.and_then(|s| eframe::get_value(s, PATHS_KEY))
        } else {
            None
        };
        let mut app = Self::with_context(cc.egui_ctx.clone(), config, paths, stored);
        let handoff: Option<String> = cc.storage.and_then(|s| eframe::get_value(s, HANDOFF_KEY));
        app.handoff_always = handoff.as_deref().and_then(HandOffChoice::parse);
        let theme: Option<String> = cc.storage.and_then(|s| eframe::get_value(s, THEME_KEY));
        if let Some(pref) = theme.as_deref().and_then(theme_from_str) {
            app.ctx.set_theme(pref);
        }
        app
    }

    /// Builds the app on any context (kittest harnesses too) and starts loading: the
    /// given paths, else `stored` (if they all still exist), else the bundled sample.
    pub fn with_context(
        ctx: egui::Context,
        config: AppConfig,
        paths: Vec<PathBuf>,
        stored: Option<Vec<PathBuf>>,
    ) -> Self {
        theme::apply(&ctx, egui::ThemePreference::System);
        let mut status = Status::default();
        let corrections = match &config.corrections_path {
            Some(p) if p.exists() => {
                let (c, warning) = Corrections::load(p);
                if let Some(w) = warning {
                    status = Status {
                        message: w,
                        is_error: true,
                    };
                }
                c
            }
            _ => Corrections::default(),
        };
        let mut app = DatelineApp {
            config: config.clone(),
            ctx,
            corpus: Arc::default(),
            corpus_paths: Vec::new(),
            corpus_name: String::new(),
            generation: 0,
            corpus_id: 0,
            loader: None,
            watch: None,
            partial_shown: false,
            timeline: TimelinePanel::new(),
            sel: Selection::default(),
            corrections,
            corrections_version: 0,
            load_corrections_version: 0,
            views: ViewKeeper::new(config.views_dir.clone()),
            view: View::default(),
            mask: None,
            mask_for: None,
            corpus_corrections: 0,
            jobs: Jobs::default(),
            inline_rebuilds: 0,
            rebuilds_taken: 0,
            natural_lanes: (None, Vec::new()),
            natural_lane_rebuilds: 0,
            list_sent: None,
            pending_range: None,
            last_opened: None,
            event_list: EventList::default(),
            source: SourcePanel::default(),
            correction_ui: CorrectionUi::default(),
            overview: Overview::default(),
            menu: MenuBar::default(),
            toolbar: Toolbar::default(),
            status_bar: StatusBar::default(),
            loading_strip: LoadingStrip,
            lanes_panel: LanesPanel,
            lanes_open: false,
            help: HelpPanel,
            help_open: false,
            coverage: CoveragePanel::default(),
            coverage_open: true,
            export: Export::default(),
            dialogs: Dialogs::default(),
            inbox: None,
            handoff: HandOffPrompt::default(),
            handoff_always: None,
            status,
            timeline_rect: egui::Rect::NOTHING,
            title_sent: String::new(),
        };
        let start = if !paths.is_empty() {
            paths
        } else {
            match stored {
                Some(s) if !s.is_empty() && s.iter().all(|p| p.exists()) => s,
                _ => vec![pipeline::sample_dir()],
            }
        };
        app.open_paths(start);
        app
    }

    /// The one way in for the command line, File → Open and drag-and-drop: starts a
    /// background load, superseding (and cancelling) any load in flight. The current corpus
    /// stays on screen until the new one is ready.
    pub fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        if let Some(old) = self.loader.take() {
            old.cancel();
        }
        self.watch = None;
        self.partial_shown = false;
        let opts = LoadOptions {
            corrections: self.corrections.clone(),
            ..Default::default()
        };
        let ctx = self.ctx.clone();
        self.load_corrections_version = self.corrections_version;
        self.set_status(format!("Loading {}…", corpus_name(&paths)), false);
        let wanted = self.list_wanted();
        self.loader = Some(Loader::start_listing(
            paths,
            opts,
            self.config.index_path.clone(),
            Some(wanted.clone()),
            move || ctx.request_repaint(),
        ));
        self.list_sent = Some(wanted);
    }

    /// What the event list shows (filter and order), for the worker to make its rows.
    fn list_wanted(&self) -> ListWanted {
        ListWanted {
            filter: self.view.filter.clone(),
            sort: self.event_list.sort,
        }
    }

    /// Tells the loader or watcher the event list's filter and order when they change.
    fn send_list_wanted(&mut self) {
        let wanted = self.list_wanted();
        if self.list_sent.as_ref() == Some(&wanted) {
            return;
        }
        if let Some(l) = &self.loader {
            l.set_list_wanted(&wanted);
        }
        if let Some(w) = &self.watch {
            w.set_list_wanted(&wanted);
        }
        self.list_sent = Some(wanted);
    }

    /// Hands the panels the corpus-sized data made for the current generation (on the
    /// worker, or here after a correction), so none of them counts the corpus again.
    fn take_derived(&mut self, d: Derived) {
        let generation = self.generation;
        self.natural_lanes = (Some(generation), d.natural_lanes);
        self.coverage.take(generation, d.coverage);
        self.status_bar.take(generation, d.hidden, d.problems);
        self.event_list.take(generation, d.happenings, d.rows);
    }

    /// How many times the UI thread worked out corpus-sized panel data itself (lane order,
    /// coverage counts, status counts, event rows) instead of taking it from the worker.
    /// Also counted: timeline layouts built here and corrections or masks made at once
    /// (a corpus under `config.background_from`).
    pub fn ui_rebuilds(&self) -> u64 {
        self.natural_lane_rebuilds
            + self.coverage.rebuilds()
            + self.status_bar.rebuilds()
            + self.event_list.rebuilds()
            + self.timeline.layout_builds()
            + self.inline_rebuilds
    }

    /// Rebuild jobs (a correction, a mask change) started on a worker, and how many of
    /// them were superseded before their result was taken.
    pub fn rebuild_jobs(&self) -> (u64, u64) {
        (self.jobs.started(), self.jobs.superseded())
    }

    /// A correction or mask change is being made off the UI thread.
    pub fn is_rebuilding(&self) -> bool {
        self.jobs.running_for().is_some()
    }

    pub fn is_loading(&self) -> bool {
        self.loader.is_some()
    }

    pub fn cancel_load(&mut self) {
        if let Some(l) = &self.loader {
            l.cancel();
        }
    }

    pub fn set_status(&mut self, message: impl Into<String>, is_error: bool) {
        self.status = Status {
            message: message.into(),
            is_error,
        };
    }

    /// Moves what the loader sent onto the screen: snapshots while it reads, then the whole.
    fn poll_loader(&mut self) {
        let Some(loader) = &self.loader else { return };
        match loader.poll() {
            LoadOutcome::Pending => {
                // The loader asks for a frame when a snapshot is ready and, at most once a
                // second, when its progress moves; this is only a slow heartbeat in between
                // (without a GPU a frame of a million events costs the loader CPU it needs).
                self.ctx
                    .request_repaint_after(std::time::Duration::from_secs(2));
            }
            LoadOutcome::Partial(shown) => {
                let paths = loader.paths.clone();
                let fresh = !self.partial_shown;
                self.partial_shown = true;
                self.show(*shown, paths, fresh, self.load_corrections_version);
                self.ctx
                    .request_repaint_after(std::time::Duration::from_secs(2));
            }
            LoadOutcome::Done(shown) => {
                let Some(loader) = self.loader.take() else {
                    return;
                };
                let paths = loader.paths.clone();
                self.watch = loader.into_watch();
                if let Some(w) = &self.watch {
                    w.set_corrections(self.corrections_version, &self.corrections);
                }
                let fresh = !self.partial_shown;
                self.partial_shown = false;
                self.show(*shown, paths, fresh, self.load_corrections_version);
            }
            LoadOutcome::Cancelled => {
                self.loader = None;
                if std::mem::take(&mut self.partial_shown) {
                    let msg = format!(
                        "Loading cancelled; showing the {} read so far.",
                        count(self.corpus.articles.len(), "article")
                    );
                    self.set_status(msg, false);
                } else {
                    self.set_status(
                        "Loading cancelled; the previous corpus is still shown.",
                        false,
                    );
                }
            }
            LoadOutcome::Failed(msg) => {
                self.loader = None;
                self.set_status(format!("Could not load: {msg}"), true);
            }
        }
    }

    /// Takes in the corpus again after files changed on disk.
    fn poll_watch(&mut self) {
        let Some((shown, what)) = self.watch.as_ref().and_then(Watch::poll) else {
            return;
        };
        let paths = self.corpus_paths.clone();
        let made_with = shown.corrections_version;
        self.show(*shown, paths, false, made_with);
        self.set_status(what, false);
    }

    /// Swaps in a corpus (with its layout) made on the worker. `fresh`: a newly opened
    /// corpus (selection and view start over, the corpus's saved view is opened); else the
    /// same corpus grown or updated (the selection follows its event, the view stays).
    /// `made_with`: the corrections version the worker applied.
    fn show(&mut self, shown: Shown, paths: Vec<PathBuf>, fresh: bool, made_with: u64) {
        let Shown {
            corpus,
            layout,
            derived,
            ..
        } = shown;
        // Corrections made while the worker ran are not in its snapshot: a rebuild job
        // applies them (`refresh_view`), as it makes the mask of the new corpus.
        self.corpus_corrections = made_with;
        self.mask = None;
        self.mask_for = None;
        let selected = (!fresh)
            .then(|| self.sel.selected.and_then(|id| self.event_identity(id)))
            .flatten();
        let view_error = if fresh { self.flush_view() } else { None };
        drop_elsewhere(std::mem::replace(&mut self.corpus, corpus));
        self.corpus_name = corpus_name(&paths);
        self.generation += 1;
        let mut load_error = None;
        if fresh {
            self.corpus_id += 1;
            self.sel = Selection::default();
            self.source = SourcePanel::default();
            let (view, error) = self.views.open(&paths);
            load_error = error;
            self.corpus_paths = paths;
            self.show_view(view);
        } else {
            self.corpus_paths = paths;
            self.sel.selected = selected.and_then(|(h, r)| self.find_event(&h, r));
            self.sel.hovered = None;
        }
        self.timeline.set_layout(
            layout,
            self.generation,
            self.corpus_id,
            fresh && self.pending_range.is_none(),
        );
        let problems = derived.problems;
        self.take_derived(derived);
        self.refresh_view();
        let msg = if let Some(loader) = &self.loader {
            let (done, total, _) = loader.status();
            format!(
                "Loading… showing {} ({} of {} files read)",
                count(self.corpus.articles.len(), "article"),
                thousands(done as u64),
                thousands(total as u64)
            )
        } else {
            format!(
                "Loaded {}, {}{}",
                count(self.corpus.articles.len(), "article"),
                count(self.corpus.events.len(), "event"),
                if problems > 0 {
                    format!(" ({}: see Corpus overview)", count(problems, "problem"))
                } else {
                    String::new()
                }
            )
        };
        match load_error.or(view_error.map(|e| format!("could not save the view: {e}"))) {
            Some(e) => self.set_status(format!("{msg}; {e}"), true),
            None => self.set_status(msg, false),
        }
    }

    // ----- views ---------------------------------------------------------------------

    /// Puts `view` on screen: filters, lanes and pins at once, the range once the timeline
    /// has the corpus (a view without a range fits).
    fn show_view(&mut self, view: View) {
        self.pending_range = view
            .range
            .map(|(a, b)| (day_number(a) as f64, day_number(b) as f64 + 1.0));
        if self.pending_range.is_none() {
            self.timeline.fit_all();
        }
        self.view = view;
    }

    /// Writes the current view of this corpus now (before switching corpus, at exit).
    pub fn flush_view(&mut self) -> Option<std::io::Error> {
        if self.corpus_paths.is_empty() {
            return None;
        }
        self.views.flush(&self.view)
    }

    /// The current view under `name`, for the menu and `dateline render --view NAME`.
    fn save_named_view(&mut self, name: String) {
        self.views
            .store
            .named
            .insert(name.clone(), self.view.clone());
        match self.views.write() {
            Some(e) => self.set_status(format!("Could not save the view “{name}”: {e}"), true),
            None => self.set_status(format!("View “{name}” saved"), false),
        }
    }

    fn restore_named_view(&mut self, name: &str) {
        match self.views.store.named(name).cloned() {
            Some(v) => {
                self.show_view(v);
                self.set_status(format!("View “{name}”"), false);
            }
            None => self.set_status(format!("No view named “{name}”"), true),
        }
    }

    fn delete_named_view(&mut self, name: &str) {
        if self.views.store.named.remove(name).is_some() {
            match self.views.write() {
                Some(e) => self.set_status(format!("Could not delete the view: {e}"), true),
                None => self.set_status(format!("View “{name}” deleted"), false),
            }
        }
    }

    /// Starts making what the corpus on screen lacks: the corrections made since it was
    /// made, the top-N / pinned-only mask the filters ask for (with their layout and rows).
    /// A job already making exactly that is left running; one making anything else is
    /// superseded. A small corpus is done at once.
    fn refresh_view(&mut self) {
        let mask = MaskInputs::of(&self.view);
        let correct = self.corpus_corrections != self.corrections_version;
        if !correct && mask == self.mask_for {
            // Nothing to make (a filter turned on and off again while its job ran).
            self.jobs.cancel();
            return;
        }
        let key = Wanted {
            generation: self.generation,
            corrections: self.corrections_version,
            mask: mask.clone(),
        };
        if self.jobs.running_for() == Some(&key) {
            return;
        }
        let req = Request {
            base: Arc::clone(&self.corpus),
            correct: correct.then(|| self.corrections.clone()),
            mask,
            list: self.list_wanted(),
        };
        if self.corpus.events.len() < self.config.background_from {
            self.jobs.cancel();
            self.inline_rebuilds += 1;
            let never = std::sync::atomic::AtomicBool::new(false);
            if let Some(made) = rebuild::make(&req, &never) {
                self.take_made(key, made);
            }
            return;
        }
        let ctx = self.ctx.clone();
        self.jobs.start(key, req, move || ctx.request_repaint());
    }

    /// Takes a finished rebuild job's result, if one is ready.
    fn poll_rebuild(&mut self) {
        if let Some((key, made)) = self.jobs.poll() {
            if key.generation == self.generation {
                self.take_made(key, made);
            } else {
                // Made for a corpus no longer on screen (a snapshot arrived meanwhile).
                drop_elsewhere(made);
            }
        }
    }

    /// Swaps in what a rebuild made: the corrected corpus (the selection follows its
    /// event), its panels' data, the mask, the layout and the list's rows.
    fn take_made(&mut self, key: Wanted, made: Made) {
        let Made {
            corrected,
            mask,
            layout,
            rows,
        } = made;
        if let Some((corpus, derived)) = corrected {
            let selected = self.sel.selected.and_then(|id| self.event_identity(id));
            drop_elsewhere(std::mem::replace(&mut self.corpus, Arc::new(corpus)));
            self.generation += 1;
            self.corpus_corrections = key.corrections;
            self.take_derived(derived);
            self.sel.selected = selected.and_then(|(h, r)| self.find_event(&h, r));
            self.sel.hovered = None;
        }
        let generation = self.generation;
        self.mask = key.mask.as_ref().zip(mask).map(|(m, keep)| EventMask {
            key: m.key(generation),
            keep,
        });
        self.mask_for = key.mask;
        let mask_key = self.mask.as_ref().map(|m| m.key);
        self.timeline
            .take_layout(layout, generation, self.corpus_id, mask_key);
        self.event_list.take_rows(generation, mask_key, rows);
        self.rebuilds_taken += 1;
        self.ctx.request_repaint();
    }

    /// The lanes as panels show them: the user's order, colours, hidden flags.
    fn lane_infos(&mut self) -> Vec<LaneInfo> {
        if self.natural_lanes.0 != Some(self.generation) {
            self.natural_lanes = (Some(self.generation), natural_lane_order(&self.corpus));
            self.natural_lane_rebuilds += 1;
        }
        let natural = &self.natural_lanes.1;
        let dark = self.ctx.theme() == egui::Theme::Dark;
        self.view
            .lanes
            .arrange(natural)
            .into_iter()
            .map(|code| {
                let i = natural.iter().position(|c| *c == code).unwrap_or(0);
                LaneInfo {
                    code,
                    label: crate::timeline::lane_label(code),
                    colour: self
                        .view
                        .lanes
                        .colours
                        .get(&code)
                        .map_or_else(|| theme::lane_colour(i, dark), |c| theme::rgb(*c)),
                    hidden: self.view.lanes.hidden.contains(&code),
                }
            })
            .collect()
    }

    // ----- corrections -------------------------------------------------------------

    /// Sets an article's publication date and re-resolves its relative dates in place.
    pub fn set_pub_date(&mut self, article: ArticleId, date: NaiveDate) {
        let Some(a) = self.corpus.articles.get(article as usize) else {
            return;
        };
        let hash = a.content_hash.clone();
        self.corrections.set_pub_date(&hash, date);
        self.corrections_changed(format!("Publication date set to {date}"));
    }

    pub fn hide_event(&mut self, event: EventId) {
        let Some(e) = self.corpus.events.get(event as usize) else {
            return;
        };
        let Some(a) = self.corpus.articles.get(e.article as usize) else {
            return;
        };
        let (hash, key) = (a.content_hash.clone(), event_key(e));
        self.corrections.hide_event(&hash, &key);
        self.sel.selected = None;
        self.corrections_changed("Event hidden (Undo: Ctrl+Z)".into());
    }

    pub fn set_event_date(&mut self, event: EventId, span: DateSpan) {
        let Some(e) = self.corpus.events.get(event as usize) else {
            return;
        };
        let Some(a) = self.corpus.articles.get(e.article as usize) else {
            return;
        };
        let (hash, key) = (a.content_hash.clone(), event_key(e));
        self.corrections.set_event_date(&hash, &key, span);
        self.corrections_changed(format!("Event date set to {span}"));
    }

    pub fn undo(&mut self) {
        match self.corrections.undo() {
            Some(what) => self.corrections_changed(format!("Undid: {what}")),
            None => self.set_status("Nothing to undo", false),
        }
    }

    /// Saves the store, re-applies it to the corpus and refreshes the timeline without
    /// re-reading any file (see [`Self::refresh_view`]). The selection follows its event if
    /// the event survives.
    fn corrections_changed(&mut self, message: String) {
        self.corrections_version += 1;
        if let Some(w) = &self.watch {
            w.set_corrections(self.corrections_version, &self.corrections);
        }
        let save_error = self
            .config
            .corrections_path
            .as_ref()
            .and_then(|p| save_corrections(&self.corrections, p).err());
        // Applied to a copy on a worker (at once for a small corpus); the corrected
        // corpus replaces this one when it is ready.
        self.refresh_view();
        match save_error {
            Some(e) => self.set_status(
                format!("{message}, but saving corrections failed: {e}"),
                true,
            ),
            None => self.set_status(message, false),
        }
    }

    /// An event's identity that survives re-clustering: its article and date phrase.
    fn event_identity(&self, id: EventId) -> Option<(String, std::ops::Range<usize>)> {
        let e = self.corpus.events.get(id as usize)?;
        let a = self.corpus.articles.get(e.article as usize)?;
        Some((a.content_hash.clone(), e.date_range.clone()))
    }

    fn find_event(&self, hash: &str, range: std::ops::Range<usize>) -> Option<EventId> {
        self.corpus
            .events
            .iter()
            .position(|e| {
                e.date_range == range
                    && self
                        .corpus
                        .articles
                        .get(e.article as usize)
                        .is_some_and(|a| a.content_hash == hash)
            })
            .map(|i| i as EventId)
    }

    // ----- frame --------------------------------------------------------------------

    fn handle_input(&mut self) {
        let ctx = self.ctx.clone();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_paths(dropped);
        }
        // A text field or an open popup (a menu, the country list) keeps its own keys.
        let typing = ctx.egui_wants_keyboard_input() || ctx.any_popup_open();
        for command in shortcuts::pressed(&ctx, typing) {
            let action = match command {
                Command::OpenSource => self.sel.selected.map(Action::OpenSource),
                Command::TogglePin => self.sel.selected.map(Action::TogglePin),
                c => shortcuts::plain_action(c),
            };
            if let Some(a) = action {
                self.apply(a);
            }
        }
    }

    /// Selects the event `delta` rows away from the selection in the event list (the
    /// first or last row when nothing is selected), and brings it into view.
    fn step_event(&mut self, delta: i32) {
        let rows = self.event_list.rows();
        if rows.is_empty() {
            return;
        }
        let last = rows.len() as i64 - 1;
        let at = self
            .sel
            .selected
            .and_then(|id| rows.iter().position(|r| *r == id))
            .map(|i| i as i64 + i64::from(delta))
            .unwrap_or(if delta >= 0 { 0 } else { last });
        let id = rows[at.clamp(0, last) as usize];
        self.sel.selected = Some(id);
        self.sel.reveal = true;
    }

    /// Esc: the selection first, then the filters.
    fn clear(&mut self) {
        if self.sel.selected.is_some() {
            self.sel.selected = None;
        } else {
            let f = &mut self.view.filter;
            f.text.clear();
            f.country = None;
            f.period = None;
            f.top_n = None;
            f.pinned_only = false;
        }
    }

    fn open_source(&mut self, id: EventId) {
        let Some(file) = self
            .corpus
            .events
            .get(id as usize)
            .and_then(|e| self.corpus.articles.get(e.article as usize))
            .map(|a| a.file.clone())
        else {
            return;
        };
        self.last_opened = Some(file.clone());
        if !self.config.open_externally {
            self.set_status(format!("Source: {}", file.display()), false);
            return;
        }
        match open::that(&file) {
            Ok(()) => self.set_status(format!("Opened {}", file.display()), false),
            Err(e) => self.set_status(format!("Could not open {}: {e}", file.display()), true),
        }
    }

    fn toggle_pin(&mut self, id: EventId) {
        let pinned = self.view.toggle_pin(&self.corpus, id);
        self.set_status(if pinned { "Pinned" } else { "Unpinned" }, false);
    }

    /// Starts an export of the chart on screen: ask for a path (not for the clipboard),
    /// then draw and write it in the background.
    pub fn start_export(&mut self, kind: ExportKind) {
        if self.export.is_busy() {
            self.set_status("An export is still running…", false);
        } else if kind == ExportKind::Clipboard {
            self.export_to(None, kind);
        } else {
            self.export.waiting = Some(kind);
            self.dialogs.save_export(kind);
        }
    }

    fn poll_dialogs(&mut self) {
        match self.dialogs.poll() {
            Some(DialogResult::Open(paths)) => self.open_paths(paths),
            Some(DialogResult::OpenUnavailable) => self.set_status(
                "No file dialog available: drop folders or files onto the window, or pass them on the command line.",
                false,
            ),
            Some(DialogResult::Save(path)) => {
                if let Some(kind) = self.export.waiting.take() {
                    self.export_to(Some(path), kind);
                }
            }
            Some(DialogResult::SaveUnavailable) => {
                if let Some(kind) = self.export.waiting.take() {
                    match super::export::fallback_path(kind, self.config.export_dir.as_deref()) {
                        Some(p) => self.export_to(Some(p), kind),
                        None => self.set_status("No file dialog and no home folder: cannot export.", true),
                    }
                }
            }
            Some(DialogResult::Cancelled) | None => {}
        }
    }

    /// Draws the chart of what the timeline shows and writes it to `path` (or copies it)
    /// on a worker thread.
    pub fn export_to(&mut self, path: Option<PathBuf>, kind: ExportKind) {
        let title = if self.corpus_name.is_empty() {
            "dateline".to_string()
        } else {
            self.corpus_name.clone()
        };
        let dark = self.ctx.theme() == egui::Theme::Dark;
        let coverage = if self.coverage_open {
            self.coverage.for_export()
        } else {
            None
        };
        let scene = self
            .timeline
            .export_scene(&self.ctx, &self.corpus, &title, dark, coverage);
        self.export.start(scene, kind, path);
        self.set_status("Exporting the chart…", false);
    }

    fn update_title(&mut self) {
        let name = if self.corpus_name.is_empty() {
            "dateline".to_string()
        } else {
            format!("dateline — {}", self.corpus_name)
        };
        if name != self.title_sent {
            self.ctx
                .send_viewport_cmd(egui::ViewportCommand::Title(name.clone()));
            self.title_sent = name;
        }
    }

    /// The whole window, top to bottom. Public so kittest can drive it on a plain `Ui`.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        // With the start-up probe on: how long the UI thread spends on a pass that takes in
        // a new corpus (swap, per-corpus counts, layout if any, panels), to find stalls.
        // Also each pass while a correction or mask change is made, starts or is taken.
        let (pass_started, generation_before) = (std::time::Instant::now(), self.generation);
        let rebuilds = |app: &Self| app.jobs.started() + app.rebuilds_taken + app.inline_rebuilds;
        let (rebuilds_before, rebuilding) = (rebuilds(self), self.is_rebuilding());
        let mut laps = Laps::new();
        self.ui_root_pass(ui, &mut laps);
        let what = if self.generation != generation_before {
            Some("ui-pass-new-corpus")
        } else if rebuilding || self.is_rebuilding() || rebuilds(self) != rebuilds_before {
            Some("ui-pass-rebuild")
        } else {
            None
        };
        if let Some(what) = what {
            crate::startup::stage(&format!(
                "{what} events={} ms={:.1} rebuilding={} {}",
                self.corpus.events.len(),
                pass_started.elapsed().as_secs_f64() * 1000.0,
                self.is_rebuilding(),
                laps.line()
            ));
        }
    }

    fn ui_root_pass(&mut self, ui: &mut egui::Ui, laps: &mut Laps) {
        while let Some(paths) = self.inbox.as_ref().and_then(|i| i.next()) {
            self.apply(Action::HandOff(paths));
        }
        self.poll_loader();
        laps.lap("take");
        self.poll_watch();
        self.poll_dialogs();
        if let Some(msg) = self.export.poll() {
            if let Some(img) = msg.image {
                self.ctx.copy_image(img);
            }
            self.set_status(msg.message, msg.is_error);
        }
        if self.export.is_busy() {
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.handle_input();
        self.update_title();

        let load = self.loader.as_ref().map(|l| {
            let (done, total, current) = l.status();
            LoadStatus {
                done,
                total,
                current,
                cancelling: l.is_cancelling(),
            }
        });
        laps.lap("poll");
        // What is wanted first: a job's result that is no longer wanted is never taken.
        self.refresh_view();
        self.poll_rebuild();
        let pending = self.jobs.running_since();
        if pending.is_some() {
            // For the "updating…" note; the job asks for a frame when it is done.
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
        laps.lap("mask");
        let lanes = self.lane_infos();
        laps.lap("lanes");
        let view_names = self.views.names();
        let mut actions: Vec<Action> = Vec::new();
        let mut timeline_drawn = false;
        let time_range = self.timeline.range();
        {
            let ctx = PanelCtx {
                corpus: &self.corpus,
                generation: self.generation,
                corpus_id: self.corpus_id,
                sel: &self.sel,
                filter: &self.view.filter,
                view: &self.view,
                mask: self.mask.as_ref(),
                pending,
                lanes: &lanes,
                time_range,
                view_names: &view_names,
                status: &self.status,
                load: load.as_ref(),
                can_undo: self.corrections.can_undo(),
                can_reload: !self.corpus_paths.is_empty(),
                dialog_open: self.dialogs.is_open(),
                overview_open: self.overview.open,
                lanes_open: self.lanes_open,
                help_open: self.help_open,
                coverage_open: self.coverage_open,
                handoff_always: self.handoff_always,
            };
            // A new corpus fits the timeline as it syncs; a restored range comes after.
            self.timeline.sync(&ctx);
            laps.lap("sync");
            if let Some((a, b)) = self.pending_range.take() {
                self.timeline.show_range(a, b);
            }
            let mut push = |a: Option<Action>| actions.extend(a);
            egui::Panel::top("menu_bar").show(ui, |ui| push(self.menu.ui(ui, &ctx)));
            egui::Panel::top("toolbar").show(ui, |ui| push(self.toolbar.ui(ui, &ctx)));
            if ctx.load.is_some() {
                egui::Panel::top("loading").show(ui, |ui| push(self.loading_strip.ui(ui, &ctx)));
            }
            laps.lap("bars");
            egui::Panel::bottom("status_bar").show(ui, |ui| push(self.status_bar.ui(ui, &ctx)));
            laps.lap("status");
            egui::Panel::bottom("event_list")
                .resizable(true)
                .default_size(220.0)
                .min_size(80.0)
                .show(ui, |ui| push(self.event_list.ui(ui, &ctx)));
            laps.lap("event_list");
            egui::Panel::right("source_panel")
                .resizable(true)
                .default_size(380.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        push(self.source.ui(ui, &ctx));
                        if ctx.sel.selected.is_some() {
                            ui.separator();
                            push(self.correction_ui.ui(ui, &ctx));
                        }
                    });
                });
            laps.lap("source");
            egui::CentralPanel::default().show(ui, |ui| {
                // The export takes the timeline and the chart under it.
                self.timeline_rect = ui.available_rect_before_wrap();
                if ctx.coverage_open && !ctx.corpus.events.is_empty() {
                    // No frame: the chart's plot lines up with the timeline's.
                    egui::Panel::bottom("coverage")
                        .frame(egui::Frame::NONE)
                        .resizable(true)
                        .default_size(150.0)
                        .min_size(90.0)
                        .show(ui, |ui| push(self.coverage.ui(ui, &ctx)));
                }
                laps.lap("coverage");
                // Until the first events arrive there is nothing to put on an axis (and an
                // empty chart is the costliest part of the first frame on a software
                // renderer: see BENCHMARKS.md, first frame).
                if ctx.corpus.events.is_empty() {
                    ui.centered_and_justified(|ui| {
                        if ctx.load.is_some() {
                            ui.weak("Reading the articles…");
                        } else {
                            ui.label(
                                "No dated events yet. Open a folder (File > Open folder…) or \
                                 drop folders and files onto this window.",
                            );
                        }
                    });
                } else {
                    push(self.timeline.ui(ui, &ctx));
                    timeline_drawn = true;
                }
                laps.lap("timeline");
            });
            push(self.overview.ui(ui, &ctx));
            push(self.lanes_panel.ui(ui, &ctx));
            push(self.help.ui(ui, &ctx));
            push(self.handoff.ui(ui, &ctx));
            laps.lap("windows");
        }
        for a in actions {
            self.apply(a);
        }
        self.send_list_wanted();
        laps.lap("actions");
        if timeline_drawn && self.timeline.range() != time_range {
            // The chart drew with last frame's range: one more frame to catch up.
            self.ctx.request_repaint();
        }
        if timeline_drawn && self.pending_range.is_none() {
            let (a, b) = self.timeline.range();
            let day = |d: f64| date_of(d.floor() as i64);
            self.view.range = day(a).zip(day((b - 1.0).max(a)));
        }
        if !self.corpus_paths.is_empty() {
            if let Some(e) = self.views.maybe_save(&self.view) {
                self.set_status(format!("Could not save the view: {e}"), true);
            }
        }
        self.drop_hint(ui);
    }

    /// Paths from another launch: the window comes to the front and opens them as the user
    /// said to always, else asks. A window showing only the bundled sample (or nothing)
    /// has no corpus of the user's to add to, so it opens them without asking.
    fn receive_handoff(&mut self, paths: Vec<PathBuf>) {
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Minimized(false));
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        if paths.is_empty() {
            return;
        }
        let shown = self
            .loader
            .as_ref()
            .map_or(&self.corpus_paths, |l| &l.paths);
        let only_sample = shown.iter().all(|p| *p == pipeline::sample_dir());
        match self.handoff_always {
            _ if only_sample && !self.handoff.is_open() => {
                self.open_handed_off(HandOffChoice::Replace, paths)
            }
            Some(choice) => self.open_handed_off(choice, paths),
            None => self.handoff.ask(paths),
        }
    }

    fn open_handed_off(&mut self, choice: HandOffChoice, paths: Vec<PathBuf>) {
        let mut all = match choice {
            HandOffChoice::Replace => Vec::new(),
            // The corpus being loaded, if any, is the one the user is waiting for.
            HandOffChoice::Add => self
                .loader
                .as_ref()
                .map_or(&self.corpus_paths, |l| &l.paths)
                .clone(),
        };
        for p in paths {
            if !all.contains(&p) {
                all.push(p);
            }
        }
        self.open_paths(all);
    }

    /// The one place where what panels ask for happens.
    pub fn apply(&mut self, action: Action) {
        if self.sel.apply(&action) {
            // Panels drew this frame with the old selection.
            self.ctx.request_repaint();
            return;
        }
        match action {
            Action::SetPubDate(a, d) => self.set_pub_date(a, d),
            Action::HideEvent(e) => self.hide_event(e),
            Action::SetEventDate(e, span) => self.set_event_date(e, span),
            Action::Undo => self.undo(),
            Action::Select { .. } | Action::Hover(_) => {} // applied above
            Action::StepEvent(d) => self.step_event(d),
            Action::OpenSource(e) => self.open_source(e),
            Action::Clear => self.clear(),
            Action::OpenFolderDialog => self.dialogs.open_folder(),
            Action::OpenFilesDialog => self.dialogs.open_files(),
            Action::OpenPaths(paths) => self.open_paths(paths),
            Action::HandOff(paths) => self.receive_handoff(paths),
            Action::AnswerHandOff { choice, always } => {
                let paths = self.handoff.take();
                if let Some(choice) = choice {
                    if always {
                        self.handoff_always = Some(choice);
                    }
                    self.open_handed_off(choice, paths);
                }
            }
            Action::SetHandOffAlways(choice) => self.handoff_always = choice,
            Action::Reload => self.open_paths(self.corpus_paths.clone()),
            Action::CancelLoad => self.cancel_load(),
            Action::FitTimeline => self.timeline.fit_all(),
            Action::Zoom(f) => self.timeline.zoom(f),
            Action::Pan(f) => self.timeline.pan(f),
            Action::SetTimeRange(a, b) => self.timeline.show_range(a, b),
            Action::SetCountryFilter(c) => self.view.filter.country = c,
            Action::SetSearch(text) => self.view.filter.text = text,
            Action::FocusSearch => self.toolbar.focus_search(),
            Action::SetTopN(n) => self.view.filter.top_n = n,
            Action::SetPinnedOnly(on) => self.view.filter.pinned_only = on,
            Action::SetPeriod(p) => self.view.filter.period = p,
            Action::TogglePin(e) => self.toggle_pin(e),
            Action::SetLaneHidden(c, hidden) => self.view.lanes.set_hidden(c, hidden),
            Action::MoveLane(c, delta) => {
                let natural = self.natural_lanes.1.clone();
                self.view.lanes.move_lane(&natural, c, delta);
            }
            Action::SetLaneColour(c, Some(rgb)) => {
                self.view.lanes.colours.insert(c, rgb);
            }
            Action::SetLaneColour(c, None) => {
                self.view.lanes.colours.remove(&c);
            }
            Action::SaveNamedView(name) => self.save_named_view(name),
            Action::RestoreNamedView(name) => self.restore_named_view(&name),
            Action::DeleteNamedView(name) => self.delete_named_view(&name),
            Action::SetOverviewOpen(open) => self.overview.open = open,
            Action::SetLanesOpen(open) => self.lanes_open = open,
            Action::SetHelpOpen(open) => self.help_open = open,
            Action::SetCoverageOpen(open) => self.coverage_open = open,
            Action::SetTheme(t) => self.ctx.set_theme(t),
            Action::Export(kind) => self.start_export(kind),
            Action::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
        self.ctx.request_repaint();
    }

    fn drop_hint(&self, ui: &egui::Ui) {
        let hovering = self.ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !hovering {
            return;
        }
        let painter = self.ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_hint"),
        ));
        let rect = ui.max_rect();
        painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(140));
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drop to open these files and folders",
            egui::FontId::proportional(22.0),
            egui::Color32::WHITE,
        );
    }
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::startup::on_frame(ui.ctx(), self.corpus_id > 0);
        super::crash_screen::frame(self, ui);
        if ui.ctx().cumulative_frame_nr() == 0 {
            crate::startup::stage("first-pass-done");
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.corpus_paths.is_empty() {
            eframe::set_value(storage, PATHS_KEY, &self.corpus_paths);
        }
        let theme = theme_to_str(self.ctx.options(|o| o.theme_preference));
        eframe::set_value(storage, THEME_KEY, &theme);
        let handoff = self.handoff_always.map_or("ask", |c| c.as_str());
        eframe::set_value(storage, HANDOFF_KEY, &handoff);
        // Not fatal at exit: the view was saved as it changed.
        let _ = self.flush_view();
    }

    fn on_exit(&mut self) {
        let _ = self.flush_view();
    }
}

fn theme_to_str(t: egui::ThemePreference) -> &'static str {
    match t {
        egui::ThemePreference::System => "system",
        egui::ThemePreference::Light => "light",
        egui::ThemePreference::Dark => "dark",
    }
}

fn theme_from_str(s: &str) -> Option<egui::ThemePreference> {
    Some(match s {
        "system" => egui::ThemePreference::System,
        "light" => egui::ThemePreference::Light,
        "dark" => egui::ThemePreference::Dark,
        _ => return None,
    })
}

/// A short name for the window title: the folder or file name, "sample" for the bundled
/// corpus, "x + N more" for several paths.
pub fn corpus_name(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        if *p == pipeline::sample_dir() {
            return "sample corpus".to_string();
        }
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    match paths {
        [] => String::new(),
        [one] => name(one),
        [first, rest @ ..] => format!("{} + {} more", name(first), rest.len()),
    }
}

fn save_corrections(c: &Corrections, path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    c.save(path)
}

/// Opens the window: `dateline [PATH...]`. With `listen`, the window takes paths other
/// launches hand over (`crate::instance`); it starts listening before the window opens,
/// so a launch right behind this one finds it.
pub fn run(paths: Vec<PathBuf>, listen: bool) -> eframe::Result<()> {
    crate::startup::FIRST_FRAME_GATE.arm();
    let ctx_slot = std::sync::Arc::new(std::sync::OnceLock::<egui::Context>::new());
    let inbox = if listen {
        let slot = std::sync::Arc::clone(&ctx_slot);
        // Hand-offs before the first frame wait in the inbox; the first frame reads them.
        crate::instance::Inbox::start(move || {
            if let Some(ctx) = slot.get() {
                ctx.request_repaint();
            }
        })
    } else {
        None
    };
    crate::startup::stage("listening");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("dateline")
            .with_app_id("dateline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        // The window's own state (last corpus, layout) lives with the corrections, so
        // `DATELINE_DATA_DIR` moves all of it. eframe takes the settings *file* here.
        persistence_path: crate::paths::data_dir().map(|d| d.join("app.ron")),
        ..Default::default()
    };
    crate::startup::stage("run-native");
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |cc| {
            crate::startup::stage("create-app");
            let _ = ctx_slot.set(cc.egui_ctx.clone());
            let mut app = DatelineApp::new(cc, AppConfig::default(), paths);
            app.inbox = inbox;
            crate::startup::stage("app-created");
            Ok(Box::new(app))
        }),
    )
}

/// The window and taskbar icon on every platform, from the same SVG as the installed icons
/// (`scripts/package-icons.sh`); the app id above names the desktop entry on Linux.
fn window_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/dateline-128.png"))
        .unwrap_or_default()
}
