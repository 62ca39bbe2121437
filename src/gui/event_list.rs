//! The table of visible events under the timeline: sortable by date, filtered by the
//! toolbar's country and search box, virtually scrolled so a million rows stay smooth.
//! Rows are recomputed only when the corpus, the filter or the sort order changes.

use super::action::Action;
use super::context::{Filter, PanelCtx};
use super::format::article_title;
use crate::model::{Corpus, EventId};
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub struct EventList {
    /// Newest first when true.
    pub descending: bool,
    rows: Vec<EventId>,
    key: Option<(u64, Filter, bool)>,
    /// The selection seen last frame, to scroll to selections made elsewhere.
    last_selected: Option<EventId>,
}

impl EventList {
    /// The rows as shown, in order.
    pub fn rows(&self) -> &[EventId] {
        &self.rows
    }

    /// Rebuilds the rows if anything they depend on changed.
    pub fn refresh(&mut self, corpus: &Corpus, generation: u64, filter: &Filter) {
        let key = (generation, filter.clone(), self.descending);
        if self.key.as_ref() != Some(&key) {
            self.rows = visible_events(corpus, filter, self.descending);
            self.key = Some(key);
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let (corpus, filter, sel) = (ctx.corpus, ctx.filter, ctx.sel);
        self.refresh(corpus, ctx.generation, filter);
        ui.horizontal(|ui| {
            ui.strong("Events");
            ui.weak(format!("{} shown", self.rows.len()));
            if filter.country.is_some() || !filter.text.is_empty() {
                ui.weak("(filtered: see toolbar)");
            }
        });
        let mut hovered = None;
        let scroll_to = if sel.selected != self.last_selected {
            self.last_selected = sel.selected;
            sel.selected
                .and_then(|id| self.rows.iter().position(|r| *r == id))
        } else {
            None
        };
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        let mut clicked = None;
        let mut toggle_sort = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("event_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(170.0).at_least(90.0).clip(true))
            .column(Column::initial(90.0).at_least(50.0).clip(true))
            .column(Column::initial(200.0).at_least(60.0).clip(true))
            .column(Column::remainder().at_least(100.0).clip(true))
            .auto_shrink([false, false])
            .min_scrolled_height(0.0);
        if let Some(i) = scroll_to {
            table = table.scroll_to_row(i, Some(egui::Align::Center));
        }
        table
            .header(row_height + 2.0, |mut header| {
                header.col(|ui| {
                    let arrow = if self.descending { "(desc)" } else { "(asc)" };
                    if ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new(format!("Date {arrow}")).strong(),
                            )
                            .frame(false),
                        )
                        .on_hover_text("Sort by date")
                        .clicked()
                    {
                        toggle_sort = true;
                    }
                });
                header.col(|ui| {
                    ui.strong("Countries");
                });
                header.col(|ui| {
                    ui.strong("Date phrase");
                });
                header.col(|ui| {
                    ui.strong("Article");
                });
            })
            .body(|body| {
                body.rows(row_height, self.rows.len(), |mut row| {
                    let Some(&id) = self.rows.get(row.index()) else {
                        return;
                    };
                    let Some(e) = corpus.events.get(id as usize) else {
                        return;
                    };
                    let article = corpus.articles.get(e.article as usize);
                    row.set_selected(sel.selected == Some(id));
                    let mut date = e.span.to_string();
                    if e.is_uncertain() {
                        date.push_str(" ?");
                    }
                    let countries = e
                        .countries
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let phrase = article
                        .and_then(|a| a.text.get(e.date_range.clone()))
                        .unwrap_or("");
                    let title = article.map(article_title).unwrap_or_default();
                    let mut cell_clicked = false;
                    for text in [date.as_str(), countries.as_str(), phrase, title] {
                        row.col(|ui| {
                            cell_clicked |= ui
                                .add(
                                    egui::Label::new(text)
                                        .selectable(false)
                                        .sense(egui::Sense::click())
                                        .truncate(),
                                )
                                .clicked();
                        });
                    }
                    if cell_clicked || row.response().clicked() {
                        clicked = Some(id);
                    }
                    if row.response().hovered() {
                        hovered = Some(id);
                    }
                });
            });
        if toggle_sort {
            self.descending = !self.descending;
        }
        if let Some(id) = clicked {
            self.last_selected = Some(id);
            return Some(Action::Select {
                event: Some(id),
                reveal: true,
            });
        }
        // The list only ever sets the hover; the timeline clears what it set.
        hovered
            .filter(|h| sel.hovered != Some(*h))
            .map(|h| Action::Hover(Some(h)))
    }
}

/// Events passing `filter` (hidden ones never), sorted by date then position.
pub fn visible_events(corpus: &Corpus, filter: &Filter, descending: bool) -> Vec<EventId> {
    let needle = filter.text.trim().to_lowercase();
    let mut rows: Vec<EventId> = corpus
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.hidden)
        .filter(|(_, e)| filter.country.is_none_or(|c| e.countries.contains(&c)))
        .filter(|(_, e)| {
            if needle.is_empty() {
                return true;
            }
            let Some(a) = corpus.articles.get(e.article as usize) else {
                return false;
            };
            let sentence = a.text.get(e.sentence.clone()).unwrap_or("");
            contains_ci(sentence, &needle) || contains_ci(&a.title, &needle)
        })
        .map(|(i, _)| i as EventId)
        .collect();
    // Keys gathered once into a flat vector: sorting a million ids by looking the events
    // up in the comparator is several times slower.
    let mut keyed: Vec<_> = rows
        .iter()
        .map(|&id| {
            let e = &corpus.events[id as usize];
            (e.span.start, e.span.end, e.article, e.date_range.start, id)
        })
        .collect();
    keyed.sort_unstable();
    rows.clear();
    rows.extend(keyed.into_iter().map(|k| k.4));
    if descending {
        rows.reverse();
    }
    rows
}

/// Case-insensitive substring test; `needle` is already lower-case. ASCII haystacks are
/// compared without allocating, which keeps a search over a million sentences fast.
pub fn contains_ci(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        h.windows(n.len())
            .any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_lowercase() == *b))
    } else {
        haystack.to_lowercase().contains(needle)
    }
}
