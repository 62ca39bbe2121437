//! The native file dialogs behind File → Open and Export.
//!
//! rfd's dialogs block, so each runs on its own thread and hands back its answer through a
//! channel polled every frame. On a machine with neither an xdg portal nor zenity rfd returns
//! `None` at once; a `None` that fast is reported as "no dialog available" rather than
//! "cancelled", so the app can fall back (drag-and-drop, a default export path).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A dialog answered faster than a person can click was never shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(400);

pub enum DialogResult {
    Open(Vec<PathBuf>),
    OpenUnavailable,
    /// Where to save an export (with the export's extension).
    Save(PathBuf),
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

    /// Asks where to save an export of `kind`.
    pub fn save_export(&mut self, kind: super::export::ExportKind) {
        let Some(ext) = kind.extension() else { return };
        let (filter, title) = if ext == "svg" {
            ("SVG image", "Export chart as SVG")
        } else {
            ("PNG image", "Export chart as PNG")
        };
        self.spawn(move || {
            let t = Instant::now();
            match rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(kind.file_name())
                .add_filter(filter, &[ext])
                .save_file()
            {
                Some(p) => DialogResult::Save(super::export::with_extension(p, kind)),
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
