//! The question asked when another launch hands paths to this window (`crate::instance`):
//! add them to the corpus on screen, or replace it? "Always" remembers the answer, and
//! the app then applies it without asking.

use super::action::Action;
use super::context::PanelCtx;
use std::path::PathBuf;

/// What to do with handed-over paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandOffChoice {
    /// Open them together with the corpus on screen.
    Add,
    /// Open them instead of it.
    Replace,
}

impl HandOffChoice {
    pub fn as_str(self) -> &'static str {
        match self {
            HandOffChoice::Add => "add",
            HandOffChoice::Replace => "replace",
        }
    }

    pub fn parse(s: &str) -> Option<HandOffChoice> {
        match s {
            "add" => Some(HandOffChoice::Add),
            "replace" => Some(HandOffChoice::Replace),
            _ => None,
        }
    }
}

/// The most paths listed by name; the rest are counted.
const LISTED: usize = 6;

#[derive(Default)]
pub struct HandOffPrompt {
    /// Paths waiting for an answer (several hand-offs before one is answered add up).
    pending: Vec<PathBuf>,
    always: bool,
}

impl HandOffPrompt {
    /// Asks about `paths` (joined to any still waiting).
    pub fn ask(&mut self, paths: Vec<PathBuf>) {
        for p in paths {
            if !self.pending.contains(&p) {
                self.pending.push(p);
            }
        }
    }

    pub fn is_open(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The paths asked about, closing the prompt.
    pub fn take(&mut self) -> Vec<PathBuf> {
        self.always = false;
        std::mem::take(&mut self.pending)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        if self.pending.is_empty() {
            return None;
        }
        let mut action = None;
        let mut open = true;
        let answer = |choice, always| Action::AnswerHandOff { choice, always };
        super::widgets::centred_dialog("Open in this window", ui.ctx(), &mut open).show(
            ui.ctx(),
            |ui| {
                ui.label("Another launch of dateline asked to open:");
                for p in self.pending.iter().take(LISTED) {
                    ui.monospace(p.display().to_string());
                }
                if self.pending.len() > LISTED {
                    ui.label(format!("and {} more", self.pending.len() - LISTED));
                }
                ui.add_space(6.0);
                let shown = ctx.corpus.articles.len();
                ui.label(format!(
                    "This window shows {shown} article{}.",
                    if shown == 1 { "" } else { "s" }
                ));
                ui.checkbox(&mut self.always, "Always do this, without asking");
                ui.horizontal(|ui| {
                    if ui.button("Add to the open corpus").clicked() {
                        action = Some(answer(Some(HandOffChoice::Add), self.always));
                    }
                    if ui.button("Replace the open corpus").clicked() {
                        action = Some(answer(Some(HandOffChoice::Replace), self.always));
                    }
                    if ui.button("Cancel").clicked() {
                        action = Some(answer(None, false));
                    }
                });
            },
        );
        if !open {
            action = Some(answer(None, false));
        }
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_and_pending_paths_add_up() {
        for c in [HandOffChoice::Add, HandOffChoice::Replace] {
            assert_eq!(HandOffChoice::parse(c.as_str()), Some(c));
        }
        assert_eq!(HandOffChoice::parse("ask"), None);
        let mut p = HandOffPrompt::default();
        assert!(!p.is_open());
        p.ask(vec![PathBuf::from("/a")]);
        p.ask(vec![PathBuf::from("/b"), PathBuf::from("/a")]);
        assert!(p.is_open());
        assert_eq!(p.take(), vec![PathBuf::from("/a"), PathBuf::from("/b")]);
        assert!(!p.is_open());
    }
}
