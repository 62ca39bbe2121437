//! The menu bar: File, Edit, View. Each item answers with an [`Action`].

use super::action::Action;
use super::context::PanelCtx;

#[derive(Default)]
pub struct MenuBar;

impl MenuBar {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let mut action = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    action = Some(Action::OpenFolderDialog);
                }
                if ui.button("Open files…").clicked() {
                    action = Some(Action::OpenFilesDialog);
                }
                if ui.button("Open sample corpus").clicked() {
                    action = Some(Action::OpenPaths(vec![crate::pipeline::sample_dir()]));
                }
                if ui
                    .add_enabled(ctx.can_reload, egui::Button::new("Reload"))
                    .clicked()
                {
                    action = Some(Action::Reload);
                }
                ui.separator();
                if let Some(a) = super::export::menu_items(ui, ctx) {
                    action = Some(a);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    action = Some(Action::Quit);
                }
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(
                        ctx.can_undo,
                        egui::Button::new("Undo last correction").shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    action = Some(Action::Undo);
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .add(egui::Button::new("Fit timeline").shortcut_text("F"))
                    .clicked()
                {
                    action = Some(Action::FitTimeline);
                }
                let mut open = ctx.overview_open;
                if ui.checkbox(&mut open, "Corpus overview").changed() {
                    action = Some(Action::SetOverviewOpen(open));
                }
                ui.separator();
                let dark = ui.visuals().dark_mode;
                if ui
                    .button(if dark { "Light theme" } else { "Dark theme" })
                    .clicked()
                {
                    action = Some(Action::SetTheme(if dark {
                        egui::Theme::Light
                    } else {
                        egui::Theme::Dark
                    }));
                }
            });
        });
        action
    }
}
