//! The strip shown while a load runs: spinner, progress, the current file, Cancel.

use super::action::Action;
use super::context::PanelCtx;
use crate::render::text::thousands;

#[derive(Default)]
pub struct LoadingStrip;

impl LoadingStrip {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let load = ctx.load?;
        let mut action = None;
        ui.horizontal(|ui| {
            busy_mark(ui);
            let fraction = if load.total > 0 {
                load.done as f32 / load.total as f32
            } else {
                0.0
            };
            let text = if load.total > 0 {
                format!(
                    "{} / {} files",
                    thousands(load.done as u64),
                    thousands(load.total as u64)
                )
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

/// A turning arc like egui's spinner, which however asks for a new frame every frame
/// (software-rendered, that is a core kept busy for the whole load). This one turns only
/// when a frame is drawn anyway: the loader asks for one whenever its progress moves.
fn busy_mark(ui: &mut egui::Ui) {
    let size = ui.spacing().interact_size.y;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let turn = ui.input(|i| i.time) as f32 * std::f32::consts::TAU * 0.8;
    let radius = rect.height() / 2.0 - 2.0;
    let points: Vec<egui::Pos2> = (0..=24)
        .map(|k| {
            let a = turn + k as f32 / 24.0 * std::f32::consts::PI * 1.5;
            rect.center() + radius * egui::vec2(a.cos(), a.sin())
        })
        .collect();
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    ui.painter().add(egui::Shape::line(points, stroke));
}
