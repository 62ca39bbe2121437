//! Menu bar, toolbar, and the native file dialogs behind them.
//!
//! rfd's dialogs block, so each runs on its own thread and hands back its answer through a
//! channel polled every frame. On a machine with neither an xdg portal nor zenity rfd returns
//! `None` at once; a `None` that fast is reported as "no dialog available" rather than
//! "cancelled", so the app can fall back (drag-and-drop, a default export path).

use super::app::DatelineApp;
use crate::gazetteer::Gazetteer;
use crate::model::CountryCode;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A dialog answered faster than a person can click was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

pub enum DialogResult {
    Open(Vec<PathBuf>),
    OpenUnavailable,
    SavePng(PathBuf),
    SaveUnavailable,
    Cancelled,
}

/// At most one native dialog at a time.
#[derive(Default)]
pub struct Dialogs {
    rx: Option<Receiver<DialogResult>>,
}

impl Dialogs {
    pub fn is_open(&self) -> bool {
        self.rx.is_some()
    }

    pub fn open_folder(&mut self) {
        self.spawn(|| {
            let t = Instant::now();
            match rfd::FileDialog::new()
                .set_title("Open a folder of articles")
                .pick_folders()
            {
                Some(p) if !p.is_empty() => DialogResult::Open(p),
                _ if t.elapsed() < NO_DIALOG_WITHIN => DialogResult::OpenUnavailable,
                _ => DialogResult::Cancelled,
            }
        });
    }

    pub fn open_files(&mut self) {
        self.spawn(|| {
            let t = Instant::now();
            match rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter(
                    "Articles",
                    &["txt", "md", "markdown", "html", "htm", "json", "jsonl"],
                )
                .add_filter("All files", &["*"])
                .pick_files()
            {
                Some(p) if !p.is_empty() => DialogResult::Open(p),
                _ if t.elapsed() < NO_DIALOG_WITHIN => DialogResult::OpenUnavailable,
                _ => DialogResult::Cancelled,
            }
        });
    }

    pub fn save_png(&mut self) {
        self.spawn(|| {
            let t = Instant::now();
            match rfd::FileDialog::new()
                .set_title("Export timeline as PNG")
                .set_file_name("dateline-timeline.png")
                .add_filter("PNG image", &["png"])
                .save_file()
            {
                Some(p) => DialogResult::SavePng(with_png_extension(p)),
                None if t.elapsed() < NO_DIALOG_WITHIN => DialogResult::SaveUnavailable,
                None => DialogResult::Cancelled,
            }
        });
    }

    fn spawn(&mut self, f: impl FnOnce() -> DialogResult + Send + 'static) {
        if self.rx.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ok = std::thread::Builder::new()
            .name("dateline-dialog".into())
            .spawn(move || {
                let _ = tx.send(f());
            })
            .is_ok();
        if ok {
            self.rx = Some(rx);
        }
    }

    /// The dialog's answer, once.
    pub fn poll(&mut self) -> Option<DialogResult> {
        let rx = self.rx.as_ref()?;
        match rx.try_recv() {
            Ok(r) => {
                self.rx = None;
                Some(r)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.rx = None;
                Some(DialogResult::Cancelled)
            }
        }
    }
}

fn with_png_extension(p: PathBuf) -> PathBuf {
    let is_png = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if is_png {
        p
    } else {
        let mut s = p.into_os_string();
        s.push(".png");
        PathBuf::from(s)
    }
}

pub fn menu_bar(ui: &mut egui::Ui, app: &mut DatelineApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
                .clicked()
            {
                app.dialogs.open_folder();
            }
            if ui.button("Open files…").clicked() {
                app.dialogs.open_files();
            }
            if ui.button("Open sample corpus").clicked() {
                app.open_paths(vec![crate::pipeline::sample_dir()]);
            }
            if ui
                .add_enabled(!app.corpus_paths.is_empty(), egui::Button::new("Reload"))
                .clicked()
            {
                app.open_paths(app.corpus_paths.clone());
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Export timeline as PNG…").shortcut_text("Ctrl+Shift+S"))
                .clicked()
            {
                app.start_export();
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                app.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            if ui
                .add_enabled(
                    app.corrections.can_undo(),
                    egui::Button::new("Undo last correction").shortcut_text("Ctrl+Z"),
                )
                .clicked()
            {
                app.undo();
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Fit timeline").shortcut_text("F"))
                .clicked()
            {
                app.timeline.fit_all();
            }
            ui.checkbox(&mut app.overview.open, "Corpus overview");
            ui.separator();
            let dark = ui.visuals().dark_mode;
            if ui
                .button(if dark { "Light theme" } else { "Dark theme" })
                .clicked()
            {
                app.ctx.set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
        });
    });
}

/// Fit, export, country filter and search, and the overview toggle.
pub fn toolbar(ui: &mut egui::Ui, app: &mut DatelineApp) {
    ui.horizontal(|ui| {
        if ui
            .button("Fit")
            .on_hover_text("Show the whole corpus (F)")
            .clicked()
        {
            app.timeline.fit_all();
        }
        if ui
            .add_enabled(!app.dialogs.is_open(), egui::Button::new("Export PNG"))
            .on_hover_text("Save the timeline as an image (Ctrl+Shift+S)")
            .clicked()
        {
            app.start_export();
        }
        ui.separator();
        country_filter(ui, app);
        ui.label("Search:");
        ui.add(
            egui::TextEdit::singleline(&mut app.filter.text)
                .hint_text("sentence or title")
                .desired_width(200.0),
        );
        if !app.filter.text.is_empty() && ui.small_button("×").on_hover_text("Clear").clicked() {
            app.filter.text.clear();
        }
        ui.separator();
        ui.toggle_value(&mut app.overview.open, "Corpus overview");
        if ui
            .add_enabled(app.corrections.can_undo(), egui::Button::new("Undo"))
            .on_hover_text("Undo the last correction (Ctrl+Z)")
            .clicked()
        {
            app.undo();
        }
    });
}

fn country_filter(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let lanes = app.timeline.lanes();
    let label = |c: CountryCode| {
        lanes
            .iter()
            .find(|(code, _)| *code == c)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| c.to_string())
    };
    let before = app.filter.country;
    egui::ComboBox::from_id_salt("country_filter")
        .selected_text(match app.filter.country {
            Some(c) => label(c),
            None => "All countries".to_string(),
        })
        .width(170.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut app.filter.country, None, "All countries");
            for (code, lane_label) in &lanes {
                ui.selectable_value(&mut app.filter.country, Some(*code), lane_label.as_str());
            }
        });
    if app.filter.country != before {
        app.timeline
            .set_country_filter(app.filter.country.map(|c| vec![c]));
    }
}

/// "Japan · JP", or the bare code for places the gazetteer cannot name.
pub fn country_label(c: CountryCode) -> String {
    match Gazetteer::active().name(c) {
        Some(n) => format!("{n} · {c}"),
        None => c.to_string(),
    }
}
