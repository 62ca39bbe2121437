//! The Export menu: the briefing chart of what the timeline shows, redrawn for a slide as
//! PNG at 1×/2×/4×, as SVG with editable text, or copied to the clipboard as an image.
//!
//! Not a screenshot: the chart is painted again by [`crate::render`] (title, date range,
//! legend and source note included) at the chosen scale, so an overlapping window never
//! shows in it and it is as sharp as asked. The display list is built on the UI thread
//! (as cheap as a frame); rasterising and writing run on a worker thread, and files are
//! written atomically so a slide deck never links to a half-written picture.

use super::action::Action;
use super::context::PanelCtx;
use crate::render::{self, scene::Scene};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// PNG at this many pixels per point (1, 2 or 4).
    Png(u8),
    Svg,
    /// A PNG-quality image (2×) on the clipboard.
    Clipboard,
}

impl ExportKind {
    /// The file extension, for the kinds written to a file.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            ExportKind::Png(_) => Some("png"),
            ExportKind::Svg => Some("svg"),
            ExportKind::Clipboard => None,
        }
    }

    /// "dateline-timeline@2x.png".
    pub fn file_name(self) -> String {
        match self {
            ExportKind::Png(1) => "dateline-timeline.png".into(),
            ExportKind::Png(s) => format!("dateline-timeline@{s}x.png"),
            ExportKind::Svg => "dateline-timeline.svg".into(),
            ExportKind::Clipboard => String::new(),
        }
    }

    fn scale(self) -> f32 {
        match self {
            ExportKind::Png(s) => f32::from(s.clamp(1, 4)),
            ExportKind::Svg => 1.0,
            ExportKind::Clipboard => 2.0,
        }
    }
}

/// The export items of the File menu; `png_keys` is the shortcut text of the 2× PNG (the
/// keyboard table's "export PNG").
pub fn menu_items(ui: &mut egui::Ui, ctx: &PanelCtx, png_keys: &str) -> Option<Action> {
    let mut action = None;
    let enabled = !ctx.corpus.events.is_empty() && !ctx.dialog_open;
    for (label, kind) in [
        ("Export PNG (1×)…", ExportKind::Png(1)),
        ("Export PNG (2×, for slides)…", ExportKind::Png(2)),
        ("Export PNG (4×, for print)…", ExportKind::Png(4)),
        ("Export SVG (editable text)…", ExportKind::Svg),
        ("Copy chart image", ExportKind::Clipboard),
    ] {
        let mut button = egui::Button::new(label);
        if kind == ExportKind::Png(2) && !png_keys.is_empty() {
            button = button.shortcut_text(png_keys);
        }
        if ui.add_enabled(enabled, button).clicked() {
            action = Some(Action::Export(kind));
        }
    }
    action
}

/// What an export ended with, for the status bar (and the image for the clipboard).
pub struct ExportMessage {
    pub message: String,
    pub is_error: bool,
    pub image: Option<egui::ColorImage>,
}

/// An export waiting for its file name, or running on its worker thread.
#[derive(Default)]
pub struct Export {
    /// Asked for a file name; the dialog's answer completes it.
    pub waiting: Option<ExportKind>,
    job: Option<Receiver<ExportMessage>>,
}

impl Export {
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Writes (or copies) `scene` on a worker thread; [`Self::poll`] reports the end.
    pub fn start(&mut self, scene: Scene, kind: ExportKind, path: Option<PathBuf>) {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("dateline-export".into())
            .spawn(move || {
                let _ = tx.send(run(&scene, kind, path));
            });
        match spawned {
            Ok(_) => self.job = Some(rx),
            Err(e) => {
                let (tx, rx) = mpsc::channel();
                let _ = tx.send(failed(format!("Export failed: {e}")));
                self.job = Some(rx);
            }
        }
    }

    /// The finished export's message, once.
    pub fn poll(&mut self) -> Option<ExportMessage> {
        let rx = self.job.as_ref()?;
        match rx.try_recv() {
            Ok(m) => {
                self.job = None;
                Some(m)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.job = None;
                Some(failed(
                    "Export failed: the export stopped unexpectedly".into(),
                ))
            }
        }
    }
}

fn failed(message: String) -> ExportMessage {
    ExportMessage {
        message,
        is_error: true,
        image: None,
    }
}

/// The worker's job: rasterise or write `scene`.
fn run(scene: &Scene, kind: ExportKind, path: Option<PathBuf>) -> ExportMessage {
    let saved = |p: &PathBuf, w: usize, h: usize| ExportMessage {
        message: format!("Chart saved to {} ({w}×{h} px)", p.display()),
        is_error: false,
        image: None,
    };
    match (kind, path) {
        (ExportKind::Svg, Some(p)) => {
            let svg = render::svg::to_svg(scene, render::ui_font().as_deref());
            match render::write_atomic(&p, svg.as_bytes()) {
                Ok(()) => saved(&p, scene.size.x as usize, scene.size.y as usize),
                Err(e) => failed(format!("Export to {} failed: {e}", p.display())),
            }
        }
        (ExportKind::Png(_), Some(p)) => {
            let (w, h, rgba) = render::Headless::new(kind.scale()).rasterize(scene);
            match render::encode_png(w, h, rgba).and_then(|png| render::write_atomic(&p, &png)) {
                Ok(()) => saved(&p, w, h),
                Err(e) => failed(format!("Export to {} failed: {e}", p.display())),
            }
        }
        (ExportKind::Clipboard, _) => {
            let (w, h, rgba) = render::Headless::new(kind.scale()).rasterize(scene);
            ExportMessage {
                message: format!("Chart copied to the clipboard ({w}×{h} px)"),
                is_error: false,
                image: Some(egui::ColorImage::from_rgba_unmultiplied([w, h], &rgba)),
            }
        }
        (_, None) => failed("Export failed: no file name".into()),
    }
}

/// Where to save when no dialog can be shown: `dir` if given, else Pictures, else home,
/// with a timestamp so earlier exports are kept.
pub fn fallback_path(kind: ExportKind, dir: Option<&std::path::Path>) -> Option<PathBuf> {
    let dir = match dir {
        Some(d) => d.to_path_buf(),
        None => {
            let dirs = directories::UserDirs::new()?;
            dirs.picture_dir()
                .filter(|d| d.is_dir())
                .unwrap_or(dirs.home_dir())
                .to_path_buf()
        }
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let ext = kind.extension()?;
    Some(dir.join(format!("dateline-timeline-{stamp}.{ext}")))
}

/// `p` with `kind`'s extension (a dialog may return a name without one).
pub fn with_extension(p: PathBuf, kind: ExportKind) -> PathBuf {
    let Some(ext) = kind.extension() else {
        return p;
    };
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        p
    } else {
        let mut s = p.into_os_string();
        s.push(".");
        s.push(ext);
        PathBuf::from(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions() {
        assert_eq!(ExportKind::Png(2).file_name(), "dateline-timeline@2x.png");
        assert_eq!(ExportKind::Svg.extension(), Some("svg"));
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a"), ExportKind::Svg),
            PathBuf::from("/tmp/a.svg")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a.PNG"), ExportKind::Png(1)),
            PathBuf::from("/tmp/a.PNG")
        );
    }

    #[test]
    fn exports_write_files_off_the_ui_thread() {
        let dir = tempfile::tempdir().unwrap();
        let mut scene = Scene {
            size: egui::vec2(40.0, 20.0),
            background: egui::Color32::WHITE,
            ascent: 0.8,
            line_height: 1.2,
            ..Default::default()
        };
        scene.text(
            egui::pos2(2.0, 2.0),
            egui::Align2::LEFT_TOP,
            "Hi",
            12.0,
            egui::Color32::BLACK,
        );
        let mut e = Export::default();
        for kind in [ExportKind::Png(2), ExportKind::Svg, ExportKind::Clipboard] {
            let path = kind.extension().map(|x| dir.path().join(format!("c.{x}")));
            e.start(scene.clone(), kind, path.clone());
            let msg = loop {
                if let Some(m) = e.poll() {
                    break m;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            };
            assert!(!msg.is_error, "{}", msg.message);
            match kind {
                ExportKind::Png(_) => {
                    let img = image::open(path.unwrap()).unwrap();
                    assert_eq!((img.width(), img.height()), (80, 40));
                }
                ExportKind::Svg => {
                    let svg = std::fs::read_to_string(path.unwrap()).unwrap();
                    assert!(svg.contains(">Hi</text>"));
                }
                ExportKind::Clipboard => {
                    assert_eq!(msg.image.unwrap().size, [80, 40]);
                }
            }
        }
    }
}
