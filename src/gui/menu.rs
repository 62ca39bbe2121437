//! The menu bar: File, Edit, View, Help. Each item answers with an [`Action`]; shortcut
//! texts come from the shortcut table.

use super::action::Action;
use super::context::PanelCtx;
use super::shortcuts::{keys_text, Command};
use egui::ThemePreference;

#[derive(Default)]
pub struct MenuBar {
    /// The name typed for "Save view as".
    view_name: String,
}

impl MenuBar {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let mut action = None;
        let keys = |c| keys_text(ui.ctx(), c);
        let (k_open, k_export, k_undo, k_fit, k_help) = (
            keys(Command::OpenFolder),
            keys(Command::ExportPng),
            keys(Command::Undo),
            keys(Command::Fit),
            keys(Command::Help),
        );
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open folder…").shortcut_text(&k_open))
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
                ui.menu_button("When another launch opens a folder", |ui| {
                    if let Some(a) = handoff_items(ui, ctx) {
                        action = Some(a);
                    }
                });
                ui.separator();
                if let Some(a) = super::export::menu_items(ui, ctx, &k_export) {
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
                        egui::Button::new("Undo last correction").shortcut_text(&k_undo),
                    )
                    .clicked()
                {
                    action = Some(Action::Undo);
                }
            });
            ui.menu_button("View", |ui| {
                if ui
                    .add(egui::Button::new("Fit timeline").shortcut_text(&k_fit))
                    .clicked()
                {
                    action = Some(Action::FitTimeline);
                }
                let mut open = ctx.overview_open;
                if ui.checkbox(&mut open, "Corpus overview").changed() {
                    action = Some(Action::SetOverviewOpen(open));
                }
                let mut coverage = ctx.coverage_open;
                if ui.checkbox(&mut coverage, "Coverage chart").changed() {
                    action = Some(Action::SetCoverageOpen(coverage));
                }
                let mut lanes = ctx.lanes_open;
                if ui.checkbox(&mut lanes, "Lanes…").changed() {
                    action = Some(Action::SetLanesOpen(lanes));
                }
                let mut pinned = ctx.filter.pinned_only;
                if ui.checkbox(&mut pinned, "Pinned only").changed() {
                    action = Some(Action::SetPinnedOnly(pinned));
                }
                ui.separator();
                // Typing a name must not close the menu: close on clicks outside only.
                egui::containers::menu::SubMenuButton::new("Saved views")
                    .config(
                        egui::containers::menu::MenuConfig::new()
                            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside),
                    )
                    .ui(ui, |ui| {
                        if let Some(a) = self.views_menu(ui, ctx) {
                            action = Some(a);
                            ui.close();
                        }
                    });
                ui.separator();
                ui.label("Theme");
                let current = ui.ctx().options(|o| o.theme_preference);
                for (pref, name) in [
                    (ThemePreference::System, "Follow the system"),
                    (ThemePreference::Light, "Light"),
                    (ThemePreference::Dark, "Dark"),
                ] {
                    if ui.radio(current == pref, name).clicked() {
                        action = Some(Action::SetTheme(pref));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .add(egui::Button::new("Keyboard and mouse").shortcut_text(&k_help))
                    .clicked()
                {
                    action = Some(Action::SetHelpOpen(true));
                }
            });
        });
        action
    }

    /// Save the view under a name; restore or delete a saved one.
    fn views_menu(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label("Name");
            ui.add(
                egui::TextEdit::singleline(&mut self.view_name)
                    .hint_text("e.g. briefing")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
            let name = self.view_name.trim();
            if ui
                .add_enabled(!name.is_empty(), egui::Button::new("Save view"))
                .on_hover_text("Keep the range, lanes, filters and pins under this name")
                .clicked()
            {
                action = Some(Action::SaveNamedView(name.to_string()));
                self.view_name.clear();
            }
        });
        if ctx.view_names.is_empty() {
            ui.weak("No saved views yet");
        }
        for name in ctx.view_names {
            ui.horizontal(|ui| {
                if ui.button(name).on_hover_text("Show this view").clicked() {
                    action = Some(Action::RestoreNamedView(name.clone()));
                }
                if ui
                    .small_button("Delete")
                    .on_hover_text(format!("Delete the view “{name}”"))
                    .clicked()
                {
                    action = Some(Action::DeleteNamedView(name.clone()));
                }
            });
        }
        action
    }
}

/// The remembered answer to the hand-off prompt, where the user can change or forget it.
fn handoff_items(ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
    use super::handoff_prompt::HandOffChoice;
    let mut action = None;
    for (choice, name) in [
        (None, "Ask each time"),
        (Some(HandOffChoice::Add), "Always add it to the open corpus"),
        (
            Some(HandOffChoice::Replace),
            "Always replace the open corpus",
        ),
    ] {
        if ui.radio(ctx.handoff_always == choice, name).clicked() {
            action = Some(Action::SetHandOffAlways(choice));
        }
    }
    action
}
