//! [`DatelineApp`]: the window's state and its top-to-bottom layout. Every panel lives in
//! its own module with its own state struct and the same shape,
//! `ui(&mut self, ui, &PanelCtx) -> Option<Action>`; this file builds the read-only
//! [`PanelCtx`], lays the panels out, and applies their [`Action`]s in one place
//! ([`DatelineApp::apply`]). Panels never import this file or each other.

use super::action::Action;
use super::context::{Filter, LoadStatus, PanelCtx, Status};
use super::correction::CorrectionUi;
use super::dialogs::{DialogResult, Dialogs};
use super::event_list::EventList;
use super::export::{Export, ExportKind};
use super::loader::{LoadOutcome, Loader};
use super::loading_strip::LoadingStrip;
use super::menu::MenuBar;
use super::overview::Overview;
use super::selection::Selection;
use super::source_panel::SourcePanel;
use super::status_bar::{problem_count, StatusBar};
use super::theme;
use super::timeline_panel::TimelinePanel;
use super::toolbar::Toolbar;
use crate::corrections::{event_key, Corrections};
use crate::model::{ArticleId, Corpus, DateSpan, EventId};
use crate::pipeline::{self, LoadOptions};
use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::{Path, PathBuf};

/// eframe storage key for the paths of the last corpus opened.
const PATHS_KEY: &str = "dateline.paths";

/// Settings that tests (and packagers) need to override.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Where corrections are kept; `None` keeps them in memory only.
    pub corrections_path: Option<PathBuf>,
    /// Reopen the last corpus (from eframe storage) when no path is given.
    pub restore_last: bool,
    /// Where exports go when no file dialog can be shown (`None`: Pictures, else home).
    pub export_dir: Option<PathBuf>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            corrections_path: Corrections::default_path(),
            restore_last: true,
            export_dir: None,
        }
    }
}

impl AppConfig {
    /// A config that never touches the user's folders: corrections and exports go under
    /// `dir`.
    pub fn isolated(dir: &Path) -> Self {
        AppConfig {
            corrections_path: Some(dir.join("corrections.json")),
            restore_last: false,
            export_dir: Some(dir.to_path_buf()),
        }
    }
}

pub struct DatelineApp {
    pub config: AppConfig,
    pub ctx: egui::Context,
    pub corpus: Corpus,
    /// Paths of the corpus on screen (not of a load in flight).
    pub corpus_paths: Vec<PathBuf>,
    pub corpus_name: String,
    /// Bumped whenever `corpus` changes, so panels can rebuild their caches.
    pub generation: u64,
    /// Bumped when a different corpus is loaded (not on corrections).
    pub corpus_id: u64,
    pub loader: Option<Loader>,
    pub timeline: TimelinePanel,
    pub sel: Selection,
    pub corrections: Corrections,
    /// Bumped on every correction, to notice ones made while a load was running.
    corrections_version: u64,
    load_corrections_version: u64,
    pub filter: Filter,
    pub event_list: EventList,
    pub source: SourcePanel,
    pub correction_ui: CorrectionUi,
    pub overview: Overview,
    pub menu: MenuBar,
    pub toolbar: Toolbar,
    pub status_bar: StatusBar,
    pub loading_strip: LoadingStrip,
    pub export: Export,
    pub dialogs: Dialogs,
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
        Self::with_context(cc.egui_ctx.clone(), config, paths, stored)
    }

    /// Builds the app on any context (kittest harnesses too) and starts loading: the
    /// given paths, else `stored` (if they all still exist), else the bundled sample.
    pub fn with_context(
        ctx: egui::Context,
        config: AppConfig,
        paths: Vec<PathBuf>,
        stored: Option<Vec<PathBuf>>,
    ) -> Self {
        theme::apply(&ctx);
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
            config,
            ctx,
            corpus: Corpus::default(),
            corpus_paths: Vec::new(),
            corpus_name: String::new(),
            generation: 0,
            corpus_id: 0,
            loader: None,
            timeline: TimelinePanel::new(),
            sel: Selection::default(),
            corrections,
            corrections_version: 0,
            load_corrections_version: 0,
            filter: Filter::default(),
            event_list: EventList::default(),
            source: SourcePanel::default(),
            correction_ui: CorrectionUi::default(),
            overview: Overview::default(),
            menu: MenuBar,
            toolbar: Toolbar::default(),
            status_bar: StatusBar::default(),
            loading_strip: LoadingStrip,
            export: Export::default(),
            dialogs: Dialogs::default(),
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
        let opts = LoadOptions {
            corrections: self.corrections.clone(),
            ..Default::default()
        };
        let ctx = self.ctx.clone();
        self.load_corrections_version = self.corrections_version;
        self.set_status(format!("Loading {}…", corpus_name(&paths)), false);
        self.loader = Some(Loader::start(paths, opts, move || ctx.request_repaint()));
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

    /// Moves a finished load onto the screen.
    fn poll_loader(&mut self) {
        let Some(loader) = &self.loader else { return };
        match loader.poll() {
            LoadOutcome::Pending => {
                // Progress numbers change without input events: keep frames coming.
                self.ctx
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
            LoadOutcome::Done(corpus) => {
                let paths = std::mem::take(&mut self.loader)
                    .map(|l| l.paths)
                    .unwrap_or_default();
                self.set_corpus(*corpus, paths);
            }
            LoadOutcome::Cancelled => {
                self.loader = None;
                self.set_status(
                    "Loading cancelled; the previous corpus is still shown.",
                    false,
                );
            }
            LoadOutcome::Failed(msg) => {
                self.loader = None;
                self.set_status(format!("Could not load: {msg}"), true);
            }
        }
    }

    fn set_corpus(&mut self, mut corpus: Corpus, paths: Vec<PathBuf>) {
        if self.load_corrections_version != self.corrections_version {
            // Corrections made while loading were not in the loader's snapshot.
            pipeline::apply_corrections(&mut corpus, &self.corrections);
        }
        self.corpus = corpus;
        self.corpus_name = corpus_name(&paths);
        self.corpus_paths = paths;
        self.generation += 1;
        self.corpus_id += 1;
        self.sel = Selection::default();
        self.source = SourcePanel::default();
        self.filter.country = None;
        self.timeline.set_country_filter(None);
        let problems = problem_count(&self.corpus);
        let msg = format!(
            "Loaded {} articles, {} events{}",
            self.corpus.articles.len(),
            self.corpus.events.len(),
            if problems > 0 {
                format!(" ({problems} problems: see Corpus overview)")
            } else {
                String::new()
            }
        );
        self.set_status(msg, false);
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
    /// re-reading any file. The selection follows its event if the event survives.
    fn corrections_changed(&mut self, message: String) {
        self.corrections_version += 1;
        let save_error = self
            .config
            .corrections_path
            .as_ref()
            .and_then(|p| save_corrections(&self.corrections, p).err());
        let selected = self.sel.selected.and_then(|id| self.event_identity(id));
        pipeline::apply_corrections(&mut self.corpus, &self.corrections);
        self.generation += 1;
        self.sel.selected = selected.and_then(|(h, r)| self.find_event(&h, r));
        self.sel.hovered = None;
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
        let export = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        if ctx.input_mut(|i| i.consume_shortcut(&export)) {
            self.start_export(ExportKind::Png(2));
        }
        if ctx.input_mut(|i| i.consume_shortcut(&open)) {
            self.dialogs.open_folder();
        }
        if !ctx.egui_wants_keyboard_input() {
            let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
            if ctx.input_mut(|i| i.consume_shortcut(&undo)) {
                self.undo();
            }
            if ctx.input(|i| i.key_pressed(Key::F) && i.modifiers.is_none()) {
                self.timeline.fit_all();
            }
        }
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
        let scene = self
            .timeline
            .export_scene(&self.ctx, &self.corpus, &title, dark);
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
        self.poll_loader();
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
        let mut actions: Vec<Action> = Vec::new();
        {
            let ctx = PanelCtx {
                corpus: &self.corpus,
                generation: self.generation,
                corpus_id: self.corpus_id,
                sel: &self.sel,
                filter: &self.filter,
                lanes: &[],
                status: &self.status,
                load: load.as_ref(),
                can_undo: self.corrections.can_undo(),
                can_reload: !self.corpus_paths.is_empty(),
                dialog_open: self.dialogs.is_open(),
                overview_open: self.overview.open,
            };
            // The toolbar lists the timeline's lanes: bring them up to date first.
            self.timeline.sync(&ctx);
            let lanes = self.timeline.lanes();
            let ctx = PanelCtx {
                lanes: &lanes,
                ..ctx
            };
            let mut push = |a: Option<Action>| actions.extend(a);
            egui::Panel::top("menu_bar").show(ui, |ui| push(self.menu.ui(ui, &ctx)));
            egui::Panel::top("toolbar").show(ui, |ui| push(self.toolbar.ui(ui, &ctx)));
            if ctx.load.is_some() {
                egui::Panel::top("loading").show(ui, |ui| push(self.loading_strip.ui(ui, &ctx)));
            }
            egui::Panel::bottom("status_bar").show(ui, |ui| push(self.status_bar.ui(ui, &ctx)));
            egui::Panel::bottom("event_list")
                .resizable(true)
                .default_size(220.0)
                .min_size(80.0)
                .show(ui, |ui| push(self.event_list.ui(ui, &ctx)));
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
            egui::CentralPanel::default().show(ui, |ui| {
                self.timeline_rect = ui.available_rect_before_wrap();
                if ctx.corpus.events.is_empty() && ctx.load.is_none() {
                    ui.centered_and_justified(|ui| {
                        ui.label(
                            "No dated events yet. Open a folder (File > Open folder…) or drop \
                             folders and files onto this window.",
                        );
                    });
                } else {
                    push(self.timeline.ui(ui, &ctx));
                }
            });
            push(self.overview.ui(ui, &ctx));
        }
        for a in actions {
            self.apply(a);
        }
        self.drop_hint(ui);
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
            Action::OpenFolderDialog => self.dialogs.open_folder(),
            Action::OpenFilesDialog => self.dialogs.open_files(),
            Action::OpenPaths(paths) => self.open_paths(paths),
            Action::Reload => self.open_paths(self.corpus_paths.clone()),
            Action::CancelLoad => self.cancel_load(),
            Action::FitTimeline => self.timeline.fit_all(),
            Action::SetCountryFilter(c) => {
                self.filter.country = c;
                self.timeline.set_country_filter(c.map(|c| vec![c]));
            }
            Action::SetSearch(text) => self.filter.text = text,
            Action::SetOverviewOpen(open) => self.overview.open = open,
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
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.corpus_paths.is_empty() {
            eframe::set_value(storage, PATHS_KEY, &self.corpus_paths);
        }
    }
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

/// Opens the window: `dateline [PATH...]`.
pub fn run(paths: Vec<PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("dateline")
            .with_app_id("dateline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "dateline",
        options,
        Box::new(move |cc| Ok(Box::new(DatelineApp::new(cc, AppConfig::default(), paths)))),
    )
}
