//! PNG export of the timeline area: a viewport screenshot, cropped to the rectangle the
//! timeline was drawn in, written atomically (temp file in the same folder, then rename)
//! so a briefing deck never links to a half-written image.

use egui::{ColorImage, Rect};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;

/// What an export ended with, for the status bar.
pub struct ExportMessage {
    pub message: String,
    pub is_error: bool,
}

struct Pending {
    path: PathBuf,
    rect: Rect,
    pixels_per_point: f32,
    rx: Receiver<Arc<ColorImage>>,
}

#[derive(Default)]
pub struct Export {
    pending: Option<Pending>,
}

impl Export {
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Asks the backend for a screenshot; [`Self::poll`] writes it when it arrives.
    pub fn request(&mut self, ctx: &egui::Context, path: PathBuf, rect: Rect) {
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |img| {
            let _ = tx.send(img);
            // The callback does not wake the UI by itself.
            repaint.request_repaint();
        });
        self.pending = Some(Pending {
            path,
            rect,
            pixels_per_point: ctx.pixels_per_point(),
            rx,
        });
    }

    /// Writes the screenshot once it has arrived.
    pub fn poll(&mut self) -> Option<ExportMessage> {
        let pending = self.pending.as_ref()?;
        let image = match pending.rx.try_recv() {
            Ok(img) => img,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                return Some(ExportMessage {
                    message: "Export failed: the window could not be captured".into(),
                    is_error: true,
                });
            }
        };
        let Pending {
            path,
            rect,
            pixels_per_point,
            ..
        } = self.pending.take()?;
        let result = crop(&image, rect, pixels_per_point)
            .ok_or_else(|| std::io::Error::other("the timeline is not on screen"))
            .and_then(|img| write_png_atomic(&img, &path));
        Some(match result {
            Ok(()) => ExportMessage {
                message: format!("Timeline saved to {}", path.display()),
                is_error: false,
            },
            Err(e) => ExportMessage {
                message: format!("Export to {} failed: {e}", path.display()),
                is_error: true,
            },
        })
    }
}

/// The part of `image` under `rect` (in points), or `None` if nothing of it is inside.
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let [w, h] = image.size;
    let px = Rect::from_min_max(
        (rect.min.to_vec2() * pixels_per_point).to_pos2(),
        (rect.max.to_vec2() * pixels_per_point).to_pos2(),
    );
    let x0 = px.min.x.round().clamp(0.0, w as f32) as usize;
    let y0 = px.min.y.round().clamp(0.0, h as f32) as usize;
    let x1 = px.max.x.round().clamp(0.0, w as f32) as usize;
    let y1 = px.max.y.round().clamp(0.0, h as f32) as usize;
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(image.pixels.get(y * w + x0..y * w + x1)?);
    }
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// Encodes `img` as PNG next to `path` and renames it into place.
pub fn write_png_atomic(img: &ColorImage, path: &Path) -> std::io::Result<()> {
    let [w, h] = img.size;
    let bytes: Vec<u8> = img
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| std::io::Error::other("image buffer has the wrong size"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".dateline-export")
        .suffix(".png.tmp")
        .tempfile_in(&dir)?;
    buffer
        .write_to(
            &mut std::io::BufWriter::new(tmp.as_file_mut()),
            image::ImageFormat::Png,
        )
        .map_err(std::io::Error::other)?;
    // tempfile creates 0600; an exported image is meant to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Where to save when no dialog can be shown: Pictures, else home, with a timestamp so
/// earlier exports are kept.
pub fn fallback_path() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let dir = dirs
        .picture_dir()
        .filter(|d| d.is_dir())
        .unwrap_or(dirs.home_dir())
        .to_path_buf();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    Some(dir.join(format!("dateline-timeline-{stamp}.png")))
}
