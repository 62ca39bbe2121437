//! The status bar: corpus size, hidden events, per-file problems (a click opens the
//! overview), "updating…" while a correction or filter change is made off the UI thread,
//! and the last message.

use super::action::Action;
use super::context::PanelCtx;
use super::theme;
use crate::model::Corpus;
use crate::render::text::count;

/// A correction or filter change made off the UI thread says so once it takes this long.
const UPDATING_NOTE_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

#[derive(Default)]
pub struct StatusBar {
    /// (generation, hidden events, problems), recounted only when the corpus changes: the
    /// bar is drawn every frame and a corpus can hold a million events.
    counts: (Option<u64>, usize, usize),
    /// Counts this bar made itself (not taken from the worker).
    rebuilds: u64,
}

impl StatusBar {
    /// Takes the hidden events and problems counted off the UI thread for `generation`.
    pub fn take(&mut self, generation: u64, hidden: usize, problems: usize) {
        self.counts = (Some(generation), hidden, problems);
    }

    /// How many times this bar counted the corpus itself.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    fn counts(&mut self, ctx: &PanelCtx) -> (usize, usize) {
        if self.counts.0 != Some(ctx.generation) {
            let hidden = ctx.corpus.events.iter().filter(|e| e.hidden).count();
            self.counts = (Some(ctx.generation), hidden, problem_count(ctx.corpus));
            self.rebuilds += 1;
        }
        (self.counts.1, self.counts.2)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let (hidden, problems) = self.counts(ctx);
        let mut action = None;
        ui.horizontal(|ui| {
            ui.label(format!(
                "{} · {}",
                count(ctx.corpus.articles.len(), "article"),
                count(ctx.corpus.events.len() - hidden, "event")
            ));
            if hidden > 0 {
                ui.weak(format!("({hidden} hidden)"));
            }
            if problems > 0 {
                let dark = ui.visuals().dark_mode;
                let text =
                    egui::RichText::new(count(problems, "problem")).color(theme::warning(dark));
                if ui
                    .add(egui::Button::new(text).frame(false))
                    .on_hover_text("Open the corpus overview")
                    .clicked()
                {
                    action = Some(Action::SetOverviewOpen(true));
                }
            }
            if ctx.pending.is_some_and(|t| t >= UPDATING_NOTE_AFTER) {
                ui.separator();
                ui.spinner();
                ui.weak("updating…")
                    .on_hover_text("The timeline and the list change when the update is ready");
            }
            ui.separator();
            let color = if ctx.status.is_error {
                theme::error(ui.visuals().dark_mode)
            } else {
                ui.visuals().text_color()
            };
            ui.add(
                egui::Label::new(egui::RichText::new(&ctx.status.message).color(color)).truncate(),
            );
        });
        action
    }
}

/// Per-file problems plus corpus-wide ones.
pub fn problem_count(corpus: &Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| a.problems.len())
        .sum::<usize>()
        + corpus.problems.len()
}
