//! The lanes window: show or hide each country's lane, move it up or down, give it a colour.

use super::action::Action;
use super::context::PanelCtx;

#[derive(Default)]
pub struct LanesPanel;

impl LanesPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        if !ctx.lanes_open {
            return None;
        }
        let mut open = true;
        let mut action = None;
        egui::Window::new("Lanes")
            .open(&mut open)
            .default_size([360.0, 420.0])
            .show(ui.ctx(), |ui| {
                ui.weak("Untick to hide a lane; Up and Down move it; the swatch sets its colour.");
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let last = ctx.lanes.len().saturating_sub(1);
                    for (i, lane) in ctx.lanes.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let mut shown = !lane.hidden;
                            if ui
                                .checkbox(&mut shown, "")
                                .on_hover_text("Show this lane")
                                .changed()
                            {
                                action = Some(Action::SetLaneHidden(lane.code, !shown));
                            }
                            let mut colour = lane.colour;
                            if egui::color_picker::color_edit_button_srgba(
                                ui,
                                &mut colour,
                                egui::color_picker::Alpha::Opaque,
                            )
                            .changed()
                            {
                                action = Some(Action::SetLaneColour(
                                    lane.code,
                                    Some([colour.r(), colour.g(), colour.b()]),
                                ));
                            }
                            if ui
                                .add_enabled(i > 0, egui::Button::new("Up").small())
                                .on_hover_text("Move up")
                                .clicked()
                            {
                                action = Some(Action::MoveLane(lane.code, -1));
                            }
                            if ui
                                .add_enabled(i < last, egui::Button::new("Down").small())
                                .on_hover_text("Move down")
                                .clicked()
                            {
                                action = Some(Action::MoveLane(lane.code, 1));
                            }
                            let text = egui::RichText::new(&lane.label);
                            ui.label(if lane.hidden { text.weak() } else { text });
                            if ctx.view.lanes.colours.contains_key(&lane.code)
                                && ui
                                    .small_button("Default colour")
                                    .on_hover_text("Back to the palette's colour")
                                    .clicked()
                            {
                                action = Some(Action::SetLaneColour(lane.code, None));
                            }
                        });
                    }
                });
            });
        if !open {
            return Some(Action::SetLanesOpen(false));
        }
        action
    }
}
