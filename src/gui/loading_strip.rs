//! The strip shown while a load runs: spinner, progress, the current file, Cancel.

use super::action::Action;
use super::context::PanelCtx;

#[derive(Default)]
pub struct LoadingStrip;

impl LoadingStrip {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let load = ctx.load?;
        let mut action = None;
        ui.horizontal(|ui| {
            ui.spinner();
            let fraction = if load.total > 0 {
                load.done as f32 / load.total as f32
            } else {
                0.0
            };
            let text = if load.total > 0 {
                format!("{} / {} files", load.done, load.total)
            } else {
                "Scanning…".to_string()
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(text),
            );
            if load.cancelling {
                ui.label("Cancelling…");
            } else if ui.button("Cancel").clicked() {
                action = Some(Action::CancelLoad);
            }
            ui.add(egui::Label::new(egui::RichText::new(&load.current).weak()).truncate());
        });
        action
    }
}
