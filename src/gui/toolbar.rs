//! The toolbar: fit, export, country filter, search, the overview toggle and undo.

use super::action::Action;
use super::context::PanelCtx;
use super::shortcuts::{keys_text, Command};

#[derive(Default)]
pub struct Toolbar {
    /// The search box's text; follows the filter when something else changes it.
    search: String,
    /// The filter text last seen, to notice changes made elsewhere (Esc, a new corpus).
    search_seen: String,
    /// Give the search box the keyboard focus next frame (Ctrl+F).
    focus_search: bool,
}

impl Toolbar {
    /// Puts the cursor in the search box on the next frame.
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        if ctx.filter.text != self.search_seen {
            self.search = ctx.filter.text.clone();
            self.search_seen = ctx.filter.text.clone();
        }
        let mut action = None;
        ui.horizontal(|ui| {
            if ui
                .button("Fit")
                .on_hover_text(format!(
                    "Show the whole corpus ({})",
                    keys_text(ui.ctx(), Command::Fit)
                ))
                .clicked()
            {
                action = Some(Action::FitTimeline);
            }
            if ui
                .add_enabled(!ctx.dialog_open, egui::Button::new("Export PNG"))
                .on_hover_text(format!(
                    "Save the chart as a PNG for slides ({}); more kinds in the File menu",
                    keys_text(ui.ctx(), Command::ExportPng)
                ))
                .clicked()
            {
                action = Some(Action::Export(super::export::ExportKind::Png(2)));
            }
            ui.separator();
            if let Some(a) = country_filter(ui, ctx) {
                action = Some(a);
            }
            ui.label("Search:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(format!(
                        "sentence or title ({})",
                        keys_text(ui.ctx(), Command::Search)
                    ))
                    .desired_width(200.0),
            );
            if std::mem::take(&mut self.focus_search) {
                edit.request_focus();
            }
            if edit.changed() {
                action = Some(Action::SetSearch(self.search.clone()));
            }
            if !self.search.is_empty() && ui.small_button("×").on_hover_text("Clear").clicked() {
                self.search.clear();
                action = Some(Action::SetSearch(String::new()));
            }
            ui.separator();
            let mut open = ctx.overview_open;
            if ui.toggle_value(&mut open, "Corpus overview").changed() {
                action = Some(Action::SetOverviewOpen(open));
            }
            if ui
                .add_enabled(ctx.can_undo, egui::Button::new("Undo"))
                .on_hover_text(format!(
                    "Undo the last correction ({})",
                    keys_text(ui.ctx(), Command::Undo)
                ))
                .clicked()
            {
                action = Some(Action::Undo);
            }
        });
        if let Some(Action::SetSearch(s)) = &action {
            self.search_seen = s.clone();
        }
        action
    }
}

fn country_filter(ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
    let label = |c| {
        ctx.lanes
            .iter()
            .find(|l| l.code == c)
            .map(|l| l.label.clone())
            .unwrap_or_else(|| c.to_string())
    };
    let mut chosen = ctx.filter.country;
    egui::ComboBox::from_id_salt("country_filter")
        .selected_text(match chosen {
            Some(c) => label(c),
            None => "All countries".to_string(),
        })
        .width(170.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "All countries");
            for lane in ctx.lanes {
                ui.selectable_value(&mut chosen, Some(lane.code), lane.label.as_str());
            }
        });
    (chosen != ctx.filter.country).then_some(Action::SetCountryFilter(chosen))
}
