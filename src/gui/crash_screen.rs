//! What the window shows after a frame panicked (see [`crate::crash`]): the frame runs
//! inside [`crate::crash::guard`]; on a panic the view is flushed (corrections were saved
//! when made) and from then on the window shows what happened, where the log is, and a
//! Quit button, instead of state that may be half-updated.

use super::app::DatelineApp;
use crate::crash::{self, Crash};

const TEST_PANIC_ENV: &str = "DATELINE_TEST_PANIC";

fn crash_id() -> egui::Id {
    egui::Id::unique("dateline.crash")
}

/// One frame of the app, or the crash screen once a frame has panicked.
pub fn frame(app: &mut DatelineApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    if let Some(c) = ctx.data(|d| d.get_temp::<Crash>(crash_id())) {
        show(ui, &c);
        return;
    }
    // `DATELINE_TEST_PANIC=1`: panic in the third frame, to try this path by hand.
    let test_panic = ctx.cumulative_frame_nr() == 2 && std::env::var_os(TEST_PANIC_ENV).is_some();
    if let Err(c) = crash::guard(|| {
        app.ui_root(ui);
        if test_panic {
            panic!("a test panic ({TEST_PANIC_ENV} is set)");
        }
    }) {
        let view_error = app.flush_view();
        let mut c = c;
        if let Some(e) = view_error {
            c.message
                .push_str(&format!(" (and the view could not be saved: {e})"));
        }
        ctx.data_mut(|d| d.insert_temp(crash_id(), c));
        ctx.request_repaint();
    }
}

fn show(ui: &mut egui::Ui, c: &Crash) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(24.0);
        ui.heading("dateline stopped working");
        ui.add_space(8.0);
        ui.label(crash::user_message(c));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            if let Some(log) = &c.log {
                if ui.button("Copy the log's path").clicked() {
                    ui.ctx().copy_text(log.display().to_string());
                }
            }
        });
    });
}
