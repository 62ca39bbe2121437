//! The Help panel: every keyboard shortcut, read from the same table the keys are handled
//! from ([`super::shortcuts::SHORTCUTS`]), and the mouse gestures of the timeline.

use super::action::Action;
use super::context::PanelCtx;
use super::shortcuts::{keys_text, SHORTCUTS};

/// Mouse gestures are the timeline's own; listed here so the panel tells the whole story.
const MOUSE: &[(&str, &str)] = &[
    ("Wheel or pinch", "Zoom around the pointer"),
    ("Drag", "Pan (and scroll the lanes)"),
    ("Double-click", "Fit the timeline"),
    ("Click a mark", "Show where it came from"),
    ("Click a count bubble", "Zoom into it"),
    (
        "Drag on the coverage chart",
        "Show that period on the timeline",
    ),
    ("Click a coverage bar", "List that period's events"),
];

#[derive(Default)]
pub struct HelpPanel;

impl HelpPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        if !ctx.help_open {
            return None;
        }
        let mut open = true;
        super::widgets::centred_dialog("Keyboard and mouse", ui.ctx(), &mut open).show(
            ui.ctx(),
            |ui| {
                egui::Grid::new("help_keys")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .striped(true)
                    .show(ui, |ui| {
                        for s in SHORTCUTS {
                            ui.strong(keys_text(ui.ctx(), s.command));
                            ui.label(s.what);
                            ui.end_row();
                        }
                    });
                ui.separator();
                egui::Grid::new("help_mouse")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (gesture, what) in MOUSE {
                            ui.strong(*gesture);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
            },
        );
        (!open).then_some(Action::SetHelpOpen(false))
    }
}
