//! The table of visible events under the timeline: sortable by date or by salience,
//! filtered by the toolbar's country and search box, the top-N and pinned-only filters and
//! a period picked on the coverage chart; virtually scrolled so a million rows stay smooth.
//! Rows are recomputed only when the corpus, the filters or the sort order change; for a
//! large corpus the window has them made on a worker (`gui::rebuild::rows`) and the rows
//! shown stay until they arrive.

use super::action::Action;
use super::context::{EventMask, Filter, PanelCtx};
use super::derived::ListRows;
use super::format::article_title;
use super::widgets::pin_toggle;
use crate::model::{Corpus, EventId};
use crate::render::text::thousands;
use egui_extras::{Column, TableBuilder};

/// The order of the rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    DateAscending,
    DateDescending,
    /// Most salient first (then by date).
    Salience,
}

#[derive(Default)]
pub struct EventList {
    pub sort: Sort,
    rows: Vec<EventId>,
    key: Option<(u64, Filter, Option<u64>, Sort)>,
    /// The selection seen last frame, to scroll to selections made elsewhere.
    last_selected: Option<EventId>,
    /// Happenings with a visible event (the top-N slider's end), per generation.
    happenings: (Option<u64>, usize),
    /// The slider's value while it is dragged (applied when let go).
    top_draft: Option<usize>,
    /// The hover was set by this list (so it clears it when the pointer leaves the rows).
    hover_owned: bool,
    /// Rows or counts this list made itself (not taken from the worker).
    rebuilds: u64,
}

impl EventList {
    /// The rows as shown, in order.
    pub fn rows(&self) -> &[EventId] {
        &self.rows
    }

    /// Takes the happening count and rows made off the UI thread for the corpus of
    /// `generation` (`gui::derived`); rows for another order are left to [`Self::refresh`].
    pub fn take(&mut self, generation: u64, happenings: usize, rows: Option<ListRows>) {
        self.happenings = (Some(generation), happenings);
        if let Some(r) = rows.filter(|r| r.wanted.sort == self.sort) {
            self.key = Some((generation, r.wanted.filter, None, self.sort));
            self.rows = r.rows;
        }
    }

    /// Takes rows made off the UI thread (`gui::rebuild`) for the corpus of `generation`
    /// and the mask with key `mask`; rows for another order are left to [`Self::refresh`].
    pub fn take_rows(&mut self, generation: u64, mask: Option<u64>, rows: ListRows) {
        if rows.wanted.sort == self.sort {
            self.key = Some((generation, rows.wanted.filter, mask, self.sort));
            self.rows = rows.rows;
        }
    }

    /// Whether the rows shown are those of the corpus of `generation` for `filter`, the
    /// mask with key `mask` and `sort` (else [`Self::refresh`] would make them).
    pub fn shows(&self, generation: u64, filter: &Filter, mask: Option<u64>, sort: Sort) -> bool {
        self.key
            .as_ref()
            .is_some_and(|k| k.0 == generation && &k.1 == filter && k.2 == mask && k.3 == sort)
    }

    /// How many times this list counted or sorted the corpus itself.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    /// Rebuilds the rows if anything they depend on changed. While a worker makes them
    /// (`ctx.pending`) the rows shown stay, or none when they belong to another corpus.
    pub fn refresh(&mut self, ctx: &PanelCtx) {
        if ctx.pending.is_some() {
            if self.key.as_ref().is_some_and(|k| k.0 != ctx.generation) {
                self.rows.clear();
                self.key = None;
            }
            return;
        }
        let key = (
            ctx.generation,
            ctx.filter.clone(),
            ctx.mask.map(|m| m.key),
            self.sort,
        );
        if self.key.as_ref() != Some(&key) {
            self.rows = visible_events(ctx.corpus, ctx.filter, ctx.mask, self.sort);
            self.key = Some(key);
            self.rebuilds += 1;
        }
        if self.happenings.0 != Some(ctx.generation) {
            self.happenings = (Some(ctx.generation), happening_count(ctx.corpus));
            self.rebuilds += 1;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let (corpus, filter, sel) = (ctx.corpus, ctx.filter, ctx.sel);
        self.refresh(ctx);
        let mut action = None;
        ui.horizontal(|ui| {
            ui.strong("Events");
            ui.weak(format!("{} shown", thousands(self.rows.len() as u64)));
            if filter.country.is_some() || !filter.text.is_empty() {
                ui.weak("(filtered: see toolbar)");
            }
            ui.separator();
            action = self.top_n_ui(ui, filter);
            let mut pinned = filter.pinned_only;
            if ui
                .checkbox(&mut pinned, "Pinned only")
                .on_hover_text("Only pinned happenings, here and on the timeline")
                .changed()
            {
                action = Some(Action::SetPinnedOnly(pinned));
            }
            if let Some((a, b)) = filter.period {
                ui.separator();
                ui.label(if a == b {
                    format!("Period: {a}")
                } else {
                    format!("Period: {a} – {b}")
                });
                if ui
                    .small_button("×")
                    .on_hover_text("Show every period")
                    .clicked()
                {
                    action = Some(Action::SetPeriod(None));
                }
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
        let mut new_sort = None;
        let mut table = TableBuilder::new(ui)
            .id_salt("event_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(28.0))
            .column(Column::initial(170.0).at_least(90.0).clip(true))
            .column(Column::initial(70.0).at_least(50.0).clip(true))
            .column(Column::initial(90.0).at_least(50.0).clip(true))
            .column(Column::initial(200.0).at_least(60.0).clip(true))
            .column(Column::remainder().at_least(100.0).clip(true))
            .auto_shrink([false, false])
            .min_scrolled_height(0.0);
        if let Some(i) = scroll_to {
            table = table.scroll_to_row(i, Some(egui::Align::Center));
        }
        let sort = self.sort;
        let header_button = |ui: &mut egui::Ui, text: String, hover: &str| {
            ui.add(egui::Button::new(egui::RichText::new(text).strong()).frame(false))
                .on_hover_text(hover)
                .clicked()
        };
        table
            .header(row_height + 2.0, |mut header| {
                header.col(|ui| {
                    ui.strong("Pin").on_hover_text("Pinned happenings");
                });
                header.col(|ui| {
                    let text = match sort {
                        Sort::DateAscending => "Date (asc)",
                        Sort::DateDescending => "Date (desc)",
                        Sort::Salience => "Date",
                    };
                    if header_button(ui, text.into(), "Sort by date") {
                        new_sort = Some(match sort {
                            Sort::DateAscending => Sort::DateDescending,
                            _ => Sort::DateAscending,
                        });
                    }
                });
                header.col(|ui| {
                    let text = if sort == Sort::Salience {
                        "Salience (desc)"
                    } else {
                        "Salience"
                    };
                    if header_button(
                        ui,
                        text.into(),
                        "Sort by how much each happening matters in this corpus",
                    ) {
                        new_sort = Some(Sort::Salience);
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
                    let pinned = ctx.view.is_pinned(corpus, id);
                    row.col(|ui| {
                        if pin_toggle(ui, pinned).clicked() {
                            action = Some(Action::TogglePin(id));
                        }
                    });
                    let mut date = e.span.to_string();
                    if e.is_uncertain() {
                        date.push_str(" ?");
                    }
                    let salience = format!("{:.2}", e.salience);
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
                    let (mut cell_clicked, mut cell_hovered) = (false, false);
                    for text in [
                        date.as_str(),
                        salience.as_str(),
                        countries.as_str(),
                        phrase,
                        title,
                    ] {
                        row.col(|ui| {
                            let r = ui.add(
                                egui::Label::new(text)
                                    .selectable(false)
                                    .sense(egui::Sense::click())
                                    .truncate(),
                            );
                            cell_clicked |= r.clicked();
                            cell_hovered |= r.hovered();
                        });
                    }
                    if cell_clicked || row.response().clicked() {
                        clicked = Some(id);
                    }
                    if cell_hovered || row.response().hovered() {
                        hovered = Some(id);
                    }
                });
            });
        if let Some(s) = new_sort {
            self.sort = s;
        }
        if let Some(id) = clicked {
            self.last_selected = Some(id);
            return Some(Action::Select {
                event: Some(id),
                reveal: true,
            });
        }
        if action.is_some() {
            return action;
        }
        // Like the timeline, the list clears only a hover it set.
        match hovered {
            Some(h) => {
                self.hover_owned = true;
                (sel.hovered != Some(h)).then_some(Action::Hover(Some(h)))
            }
            None if std::mem::take(&mut self.hover_owned) => Some(Action::Hover(None)),
            None => None,
        }
    }

    /// "Only the top [N] happenings": a checkbox and a slider, applied when let go.
    fn top_n_ui(&mut self, ui: &mut egui::Ui, filter: &Filter) -> Option<Action> {
        let total = self.happenings.1.max(1);
        let mut on = filter.top_n.is_some();
        let mut action = None;
        if ui
            .checkbox(&mut on, "Only the top")
            .on_hover_text("Show only the most salient happenings, here and on the timeline")
            .changed()
        {
            let n = self.top_draft.unwrap_or(total.min(20));
            action = Some(Action::SetTopN(on.then_some(n)));
        }
        let mut n = self
            .top_draft
            .or(filter.top_n)
            .unwrap_or(total.min(20))
            .clamp(1, total);
        let slider = ui.add_enabled(
            on,
            egui::Slider::new(&mut n, 1..=total)
                .logarithmic(true)
                .text("happenings"),
        );
        if slider.changed() {
            self.top_draft = Some(n);
        }
        if on && (slider.drag_stopped() || (slider.changed() && !slider.dragged())) {
            self.top_draft = None;
            action = Some(Action::SetTopN(Some(n)));
        }
        action
    }
}

/// Happenings (clusters, or lone events outside any cluster) with a visible event.
pub(crate) fn happening_count(corpus: &Corpus) -> usize {
    let mut seen = vec![false; corpus.clusters.len()];
    let mut n = 0;
    for e in corpus.events.iter().filter(|e| !e.hidden) {
        match seen.get_mut(e.cluster as usize) {
            Some(s) if !*s => {
                *s = true;
                n += 1;
            }
            Some(_) => {}
            None => n += 1,
        }
    }
    n
}

/// Events passing `filter` and `mask` (hidden ones never), in `sort` order (ties by
/// position in the article).
pub fn visible_events(
    corpus: &Corpus,
    filter: &Filter,
    mask: Option<&EventMask>,
    sort: Sort,
) -> Vec<EventId> {
    let needle = filter.text.trim().to_lowercase();
    let mut rows: Vec<EventId> = corpus
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| !e.hidden && mask.is_none_or(|m| m.keeps(*i as EventId)))
        .filter(|(_, e)| filter.country.is_none_or(|c| e.countries.contains(&c)))
        .filter(|(_, e)| {
            filter
                .period
                .is_none_or(|(a, b)| e.span.start <= b && a <= e.span.end)
        })
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
    // up in the comparator is several times slower. Salience sorts on its negated bits
    // (non-negative floats order like their bit patterns).
    let mut keyed: Vec<_> = rows
        .iter()
        .map(|&id| {
            let e = &corpus.events[id as usize];
            let sal = match sort {
                Sort::Salience => u32::MAX - e.salience.max(0.0).to_bits(),
                _ => 0,
            };
            (
                sal,
                e.span.start,
                e.span.end,
                e.article,
                e.date_range.start,
                id,
            )
        })
        .collect();
    keyed.sort_unstable();
    rows.clear();
    rows.extend(keyed.into_iter().map(|k| k.5));
    if sort == Sort::DateDescending {
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
