//! [`DatelineApp`]: the window's state and its top-to-bottom layout. Every panel lives in
//! its own module with its own state struct; this file wires them together and owns the
//! few operations that touch several of them (opening paths, applying corrections).

use super::correction::CorrectionUi;
use super::event_list::EventList;
use super::export::Export;
use super::loader::{drop_elsewhere, LoadOutcome, Loader, Shown, Watch};
use super::menu::{self, DialogResult, Dialogs};
use super::overview::Overview;
use super::selection::Selection;
use super::source_panel::SourcePanel;
use super::theme;
use super::timeline_panel::TimelinePanel;
use crate::corrections::{event_key, Corrections};
use crate::model::{ArticleId, Corpus, CountryCode, DateSpan, EventId};
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
    /// The index of extracted articles; `None` reads every file on every load.
    pub index_path: Option<PathBuf>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            corrections_path: Corrections::default_path(),
            restore_last: true,
            index_path: crate::paths::index_path(),
        }
    }
}

impl AppConfig {
    /// A config that never touches the user's data dir: corrections go under `dir`.
    pub fn isolated(dir: &Path) -> Self {
        AppConfig {
            corrections_path: Some(dir.join("corrections.json")),
            restore_last: false,
            index_path: Some(dir.join("index.sqlite")),
        }
    }
}

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

pub struct DatelineApp {
    pub config: AppConfig,
    pub ctx: egui::Context,
    pub corpus: Corpus,
    /// Paths of the corpus on screen (not of a load in flight).
    pub corpus_paths: Vec<PathBuf>,
    pub corpus_name: String,
    /// Bumped whenever `corpus` changes, so panels can rebuild their caches.
    pub generation: u64,
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
    pub filter: Filter,
    pub event_list: EventList,
    pub source: SourcePanel,
    pub correction_ui: CorrectionUi,
    pub overview: Overview,
    pub export: Export,
    pub dialogs: Dialogs,
    pub status: Status,
    /// Where the timeline was drawn last frame (for PNG export).
    pub timeline_rect: egui::Rect,
    title_sent: String,
    /// (generation, hidden events, problems) for the status bar.
    counts: (Option<u64>, usize, usize),
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
            loader: None,
            watch: None,
            partial_shown: false,
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
            export: Export::default(),
            dialogs: Dialogs::default(),
            status,
            timeline_rect: egui::Rect::NOTHING,
            title_sent: String::new(),
            counts: (None, 0, 0),
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
        self.loader = Some(Loader::start_with_index(
            paths,
            opts,
            self.config.index_path.clone(),
            move || ctx.request_repaint(),
        ));
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
                // Progress numbers change without input events: keep frames coming.
                self.ctx
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
            LoadOutcome::Partial(shown) => {
                let paths = loader.paths.clone();
                let first = !self.partial_shown;
                self.show(*shown, paths, first, self.load_corrections_version);
                self.partial_shown = true;
                self.ctx
                    .request_repaint_after(std::time::Duration::from_millis(50));
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
                let first = !self.partial_shown;
                self.partial_shown = false;
                self.show(*shown, paths, first, self.load_corrections_version);
                self.status_loaded();
            }
            LoadOutcome::Cancelled => {
                self.loader = None;
                if self.partial_shown {
                    self.partial_shown = false;
                    let msg = format!(
                        "Loading cancelled; showing the {} articles read so far.",
                        self.corpus.articles.len()
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
        let Some(update) = self.watch.as_ref().and_then(Watch::poll) else {
            return;
        };
        let (shown, what) = update;
        let paths = self.corpus_paths.clone();
        let made_with = shown.corrections_version;
        self.show(*shown, paths, false, made_with);
        self.set_status(what, false);
    }

    /// Swaps in a corpus (with its layout) made on the worker. `fresh`: a new corpus
    /// (selection, filter and view start over); else the same one grown or updated (the
    /// selection follows its event, the view stays).
    /// `made_with`: the corrections version the worker applied.
    fn show(&mut self, shown: Shown, paths: Vec<PathBuf>, fresh: bool, made_with: u64) {
        let Shown {
            mut corpus, layout, ..
        } = shown;
        let mut layout = Some(layout);
        if made_with != self.corrections_version {
            // Corrections made while the worker ran were not in its snapshot.
            pipeline::apply_corrections(&mut corpus, &self.corrections);
            layout = None;
        }
        let selected = (!fresh)
            .then(|| self.sel.selected.and_then(|id| self.event_identity(id)))
            .flatten();
        drop_elsewhere(std::mem::replace(&mut self.corpus, corpus));
        self.corpus_name = corpus_name(&paths);
        self.corpus_paths = paths;
        self.generation += 1;
        if fresh {
            self.sel = Selection::default();
            self.source = SourcePanel::default();
            self.filter.country = None;
            self.timeline.set_country_filter(None);
        } else {
            self.sel.selected = selected.and_then(|(h, r)| self.find_event(&h, r));
            self.sel.hovered = None;
        }
        match layout {
            Some(l) => self.timeline.set_layout(&self.corpus, l, fresh),
            None => self.timeline.set_corpus(&self.corpus, fresh),
        }
        if self.loader.is_some() {
            let (done, total, _) = self.loader.as_ref().map(Loader::status).unwrap_or_default();
            self.set_status(
                format!(
                    "Loading… showing {} articles ({done} of {total} files read)",
                    self.corpus.articles.len()
                ),
                false,
            );
        }
    }

    fn status_loaded(&mut self) {
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
        if let Some(w) = &self.watch {
            w.set_corrections(self.corrections_version, &self.corrections);
        }
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
        self.timeline.set_corpus(&self.corpus, false);
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
            self.start_export();
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

    /// Starts a PNG export of the timeline: ask for a path, then screenshot.
    pub fn start_export(&mut self) {
        self.dialogs.save_png();
    }

    fn poll_dialogs(&mut self) {
        match self.dialogs.poll() {
            Some(DialogResult::Open(paths)) => self.open_paths(paths),
            Some(DialogResult::OpenUnavailable) => self.set_status(
                "No file dialog available: drop folders or files onto the window, or pass them on the command line.",
                false,
            ),
            Some(DialogResult::SavePng(path)) => self.export_to(path),
            Some(DialogResult::SaveUnavailable) => match super::export::fallback_path() {
                Some(p) => self.export_to(p),
                None => self.set_status("No file dialog and no home folder: cannot export.", true),
            },
            Some(DialogResult::Cancelled) | None => {}
        }
    }

    /// Screenshots the window next frame and writes the timeline area to `path`.
    pub fn export_to(&mut self, path: PathBuf) {
        let rect = self.timeline_rect;
        self.export.request(&self.ctx, path, rect);
        self.set_status("Exporting timeline…", false);
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
        self.poll_watch();
        self.poll_dialogs();
        if let Some(msg) = self.export.poll() {
            self.set_status(msg.message, msg.is_error);
        }
        self.handle_input();
        self.update_title();

        egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar(ui, self));
        egui::Panel::top("toolbar").show(ui, |ui| menu::toolbar(ui, self));
        if self.loader.is_some() {
            egui::Panel::top("loading").show(ui, |ui| self.loading_strip(ui));
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        egui::Panel::bottom("event_list")
            .resizable(true)
            .default_size(220.0)
            .min_size(80.0)
            .show(ui, |ui| {
                self.event_list.ui(
                    ui,
                    &self.corpus,
                    self.generation,
                    &self.filter,
                    &mut self.sel,
                )
            });
        let mut action = None;
        egui::Panel::right("source_panel")
            .resizable(true)
            .default_size(380.0)
            .min_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.source.ui(ui, &self.corpus, &mut self.sel);
                    if let Some(id) = self.sel.selected {
                        ui.separator();
                        action = self.correction_ui.ui(
                            ui,
                            &self.corpus,
                            id,
                            self.corrections.can_undo(),
                        );
                    }
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            if self.corpus.events.is_empty() && self.loader.is_none() {
                ui.centered_and_justified(|ui| {
                    ui.label(
                        "No dated events yet. Open a folder (File > Open folder…) or drop \
                         folders and files onto this window.",
                    );
                });
                self.timeline_rect = ui.max_rect();
            } else {
                self.timeline_rect = self.timeline.ui(ui, &self.corpus, &mut self.sel);
            }
        });
        if let Some(a) = self.overview.ui(&self.ctx, &self.corpus, self.generation) {
            action = Some(a);
        }
        if let Some(a) = action {
            self.apply_action(a);
        }
        self.drop_hint(ui);
    }

    fn apply_action(&mut self, action: super::correction::Action) {
        use super::correction::Action;
        match action {
            Action::SetPubDate(a, d) => self.set_pub_date(a, d),
            Action::HideEvent(e) => self.hide_event(e),
            Action::SetEventDate(e, span) => self.set_event_date(e, span),
            Action::Undo => self.undo(),
        }
    }

    fn loading_strip(&mut self, ui: &mut egui::Ui) {
        let Some(loader) = &self.loader else { return };
        let (done, total, current) = loader.status();
        let cancelling = loader.is_cancelling();
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.spinner();
            let fraction = if total > 0 {
                done as f32 / total as f32
            } else {
                0.0
            };
            let text = if total > 0 {
                format!("{done} / {total} files")
            } else {
                "Scanning…".to_string()
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(text),
            );
            if cancelling {
                ui.label("Cancelling…");
            } else if ui.button("Cancel").clicked() {
                cancel = true;
            }
            ui.add(egui::Label::new(egui::RichText::new(current).weak()).truncate());
        });
        if cancel {
            self.cancel_load();
        }
    }

    /// (hidden events, problems), recounted only when the corpus changes: the status bar
    /// is drawn every frame and a corpus can hold a million events.
    fn counts(&mut self) -> (usize, usize) {
        if self.counts.0 != Some(self.generation) {
            let hidden = self.corpus.events.iter().filter(|e| e.hidden).count();
            self.counts = (Some(self.generation), hidden, problem_count(&self.corpus));
        }
        (self.counts.1, self.counts.2)
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let (hidden, problems) = self.counts();
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} articles · {} events",
                self.corpus.articles.len(),
                self.corpus.events.len() - hidden
            ));
            if hidden > 0 {
                ui.weak(format!("({hidden} hidden)"));
            }
            if problems > 0 {
                let dark = ui.visuals().dark_mode;
                let text =
                    egui::RichText::new(format!("{problems} problems")).color(theme::warning(dark));
                if ui
                    .add(egui::Button::new(text).frame(false))
                    .on_hover_text("Open the corpus overview")
                    .clicked()
                {
                    self.overview.open = true;
                }
            }
            ui.separator();
            let color = if self.status.is_error {
                theme::error(ui.visuals().dark_mode)
            } else {
                ui.visuals().text_color()
            };
            ui.add(
                egui::Label::new(egui::RichText::new(&self.status.message).color(color)).truncate(),
            );
        });
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

/// Per-file problems plus corpus-wide ones.
pub fn problem_count(corpus: &Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| a.problems.len())
        .sum::<usize>()
        + corpus.problems.len()
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
