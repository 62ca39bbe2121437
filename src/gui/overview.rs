//! The corpus overview: every article with its publication date and how sure we are,
//! doubtful ones first (unknown, then by rising confidence), each with a "Set date"
//! shortcut; and every per-file problem the loader reported.

use super::action::Action;
use super::context::PanelCtx;
use super::correction::{from_jiff, to_jiff};
use super::format::{article_title, pub_date_line};
use super::theme;
use crate::model::{ArticleId, Corpus, Event, Severity};
use crate::render::text::count;
use egui::RichText;
use egui_extras::{Column, DatePickerButton, TableBuilder};

#[derive(Default)]
pub struct Overview {
    pub open: bool,
    /// The article whose date is being set, with the draft date.
    pub editing: Option<(ArticleId, jiff::civil::Date)>,
    order: Vec<ArticleId>,
    problems: Vec<(ArticleId, usize)>,
    generation: Option<u64>,
}

impl Overview {
    /// Articles in display order (doubtful dates first).
    pub fn order(&mut self, corpus: &Corpus, generation: u64) -> &[ArticleId] {
        if self.generation != Some(generation) {
            self.order = doubtful_first(corpus);
            self.problems = corpus
                .articles
                .iter()
                .enumerate()
                .flat_map(|(i, a)| (0..a.problems.len()).map(move |p| (i as ArticleId, p)))
                .collect();
            self.generation = Some(generation);
        }
        &self.order
    }

    /// A window over the rest; `ui` is only where it gets its egui context from.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        if !self.open {
            return None;
        }
        let corpus = ctx.corpus;
        self.order(corpus, ctx.generation);
        let mut open = self.open;
        let mut action = None;
        egui::Window::new("Corpus overview")
            .open(&mut open)
            .default_size([860.0, 480.0])
            .vscroll(false)
            .show(ui.ctx(), |ui| action = self.contents(ui, corpus));
        self.open = open;
        action
    }

    fn contents(&mut self, ui: &mut egui::Ui, corpus: &Corpus) -> Option<Action> {
        let dark = ui.visuals().dark_mode;
        let doubtful = corpus
            .articles
            .iter()
            .filter(|a| {
                a.pub_date
                    .as_ref()
                    .is_none_or(|d| d.confidence < Event::FIRM)
            })
            .count();
        ui.label(format!(
            "{} · {} with an unknown or doubtful publication date · {}",
            count(corpus.articles.len(), "article"),
            doubtful,
            count(self.problems.len() + corpus.problems.len(), "problem")
        ));
        let mut action = None;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let table_height = (ui.available_height() * 0.65).max(120.0);
        ui.push_id("overview_articles", |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .resizable(true)
                .max_scroll_height(table_height)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(300.0).at_least(120.0).clip(true))
                .column(Column::initial(220.0).at_least(100.0).clip(true))
                .column(Column::initial(70.0))
                .column(Column::remainder().at_least(220.0))
                .header(row_height, |mut h| {
                    for t in ["Publication date", "Article", "Problems", ""] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, self.order.len(), |mut row| {
                        let Some(&id) = self.order.get(row.index()) else {
                            return;
                        };
                        let Some(a) = corpus.articles.get(id as usize) else {
                            return;
                        };
                        let (line, firm) = pub_date_line(a.pub_date.as_ref());
                        row.col(|ui| {
                            let rt = RichText::new(line);
                            ui.add(
                                egui::Label::new(if firm {
                                    rt
                                } else {
                                    rt.color(theme::warning(dark))
                                })
                                .truncate(),
                            );
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(article_title(a)).truncate())
                                .on_hover_text(&a.path);
                        });
                        row.col(|ui| {
                            if !a.problems.is_empty() {
                                let text: Vec<&str> =
                                    a.problems.iter().map(|p| p.message.as_str()).collect();
                                ui.label(
                                    RichText::new(a.problems.len().to_string())
                                        .color(theme::warning(dark)),
                                )
                                .on_hover_text(text.join("\n"));
                            }
                        });
                        row.col(|ui| {
                            action = action.take().or(self.set_date_cell(ui, corpus, id));
                        });
                    });
                });
        });
        ui.separator();
        egui::CollapsingHeader::new(format!(
            "Problems ({})",
            self.problems.len() + corpus.problems.len()
        ))
        .default_open(true)
        .show(ui, |ui| {
            for p in &corpus.problems {
                ui.label(RichText::new(p.as_str()).color(theme::error(dark)));
            }
            let problems = &self.problems;
            egui::ScrollArea::vertical()
                .id_salt("overview_problems")
                .auto_shrink([false, true])
                .show_rows(ui, row_height, problems.len(), |ui, range| {
                    for &(aid, pi) in problems.get(range).unwrap_or(&[]) {
                        let Some(a) = corpus.articles.get(aid as usize) else {
                            continue;
                        };
                        let Some(p) = a.problems.get(pi) else {
                            continue;
                        };
                        let color = match p.severity {
                            Severity::Warning => theme::warning(dark),
                            Severity::Error => theme::error(dark),
                        };
                        ui.horizontal(|ui| {
                            ui.label(RichText::new("!").color(color).strong());
                            ui.add(
                                egui::Label::new(format!("{}: {}", a.path, p.message)).truncate(),
                            );
                        });
                    }
                });
        });
        action
    }

    fn set_date_cell(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        id: ArticleId,
    ) -> Option<Action> {
        match &mut self.editing {
            Some((editing, draft)) if *editing == id => {
                let mut action = None;
                ui.add(
                    DatePickerButton::new(draft)
                        .id_salt("overview_date_picker")
                        .show_icon(false),
                );
                if ui.button("Apply").clicked() {
                    action = from_jiff(*draft).map(|d| Action::SetPubDate(id, d));
                    self.editing = None;
                } else if ui.button("Cancel").clicked() {
                    self.editing = None;
                }
                action
            }
            _ => {
                if ui.button("Set date…").clicked() {
                    let a = corpus.articles.get(id as usize)?;
                    let start = a
                        .pub_date
                        .as_ref()
                        .map(|d| d.date)
                        .or(a.file_time)
                        .or_else(|| corpus.events_of(id).map(|(_, e)| e.span.start).next())
                        .unwrap_or_else(|| chrono::Local::now().date_naive());
                    self.editing = to_jiff(start).map(|d| (id, d));
                }
                None
            }
        }
    }
}

/// Unknown publication dates first, then by rising confidence, then by path.
pub fn doubtful_first(corpus: &Corpus) -> Vec<ArticleId> {
    let mut ids: Vec<ArticleId> = (0..corpus.articles.len() as ArticleId).collect();
    ids.sort_by(|&x, &y| {
        let (a, b) = (&corpus.articles[x as usize], &corpus.articles[y as usize]);
        let conf = |a: &crate::model::Article| a.pub_date.as_ref().map(|d| d.confidence);
        let rank = |c: Option<f32>| c.unwrap_or(-1.0);
        rank(conf(a))
            .total_cmp(&rank(conf(b)))
            .then_with(|| a.path.cmp(&b.path))
    });
    ids
}
