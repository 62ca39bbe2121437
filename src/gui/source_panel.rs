//! The right-hand panel: where the selected event came from. Shows the article, its
//! publication date and why we believe it, the source paragraph with the date phrase and
//! country mentions highlighted, the neighbouring paragraphs, and the other sources that
//! report the same happening.

use super::action::Action;
use super::context::PanelCtx;
use super::format::{article_title, pub_date_line};
use super::selection::Selection;
use super::shortcuts::{keys_text, Command};
use super::theme;
use super::widgets::pin_toggle;
use crate::model::{Article, Corpus, Event, EventId};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText};

#[derive(Default)]
pub struct SourcePanel {
    /// A cluster member picked in "Reported by N sources"; reset when the selection moves.
    pub shown: Option<EventId>,
    shown_for: Option<EventId>,
}

impl SourcePanel {
    /// The event whose paragraph is on screen: the picked cluster member, else the selection.
    pub fn shown_event(&self, corpus: &Corpus, sel: &Selection) -> Option<EventId> {
        let selected = sel
            .selected
            .filter(|id| (*id as usize) < corpus.events.len())?;
        let same_cluster = |id: EventId| {
            corpus
                .events
                .get(id as usize)
                .is_some_and(|e| e.cluster == corpus.events[selected as usize].cluster)
        };
        Some(
            self.shown
                .filter(|id| same_cluster(*id))
                .unwrap_or(selected),
        )
    }

    /// The source of the selected event: pin it, open its file, pick another report.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let (corpus, sel) = (ctx.corpus, ctx.sel);
        if self.shown_for != sel.selected {
            self.shown = None;
            self.shown_for = sel.selected;
        }
        let Some(id) = self.shown_event(corpus, sel) else {
            ui.add_space(8.0);
            ui.heading("Source");
            ui.weak("Select an event on the timeline or in the list to read where it came from.");
            return None;
        };
        let e = &corpus.events[id as usize];
        let a = corpus.articles.get(e.article as usize)?;
        let dark = ui.visuals().dark_mode;

        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(article_title(a)).heading()).wrap());
        if let Some(outlet) = &a.outlet {
            ui.label(RichText::new(outlet).strong());
        }
        ui.horizontal_wrapped(|ui| {
            ui.label("Published:");
            let (text, firm) = pub_date_line(a.pub_date.as_ref());
            let rt = RichText::new(text);
            ui.label(if firm {
                rt
            } else {
                rt.color(theme::warning(dark))
            });
        });
        let mut action = None;
        ui.horizontal(|ui| {
            let pinned = ctx.view.is_pinned(corpus, id);
            let star = pin_toggle(ui, pinned);
            let text = ui.add(
                egui::Label::new(if pinned { "Pinned" } else { "Pin this" })
                    .sense(egui::Sense::click()),
            );
            if star
                .union(text)
                .on_hover_text(format!(
                    "Pin this happening to find it again and show it with \"Pinned only\" ({})",
                    keys_text(ui.ctx(), Command::TogglePin)
                ))
                .clicked()
            {
                action = Some(Action::TogglePin(id));
            }
            if ui
                .small_button("Open file")
                .on_hover_text(format!(
                    "Open the article in the system's viewer ({})",
                    keys_text(ui.ctx(), Command::OpenSource)
                ))
                .clicked()
            {
                action = Some(Action::OpenSource(id));
            }
            ui.add(egui::Label::new(RichText::new(&a.path).weak().small()).truncate())
                .on_hover_text(a.file.display().to_string());
        });
        for p in &a.problems {
            let color = match p.severity {
                crate::model::Severity::Warning => theme::warning(dark),
                crate::model::Severity::Error => theme::error(dark),
            };
            ui.label(
                RichText::new(format!("Problem: {}", p.message))
                    .color(color)
                    .small(),
            );
        }

        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.label("Date:");
            let mut resolved = e.span.to_string();
            if e.is_uncertain() {
                resolved.push_str(" ?");
            }
            ui.strong(resolved);
        });
        let mut why = format!(
            "{} · confidence {:.2}",
            e.date_source.as_str(),
            e.confidence
        );
        if !e.note.is_empty() {
            why.push_str(" · ");
            why.push_str(&e.note);
        }
        let why = RichText::new(why).small();
        ui.label(if e.is_uncertain() {
            why.color(theme::warning(dark))
        } else {
            why.weak()
        });

        ui.add_space(6.0);
        let font = egui::TextStyle::Body.resolve(ui.style());
        if e.paragraph > 0 {
            let prev = a.paragraph_text(e.paragraph - 1);
            ui.add(egui::Label::new(RichText::new(prev).weak()).wrap());
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.add(egui::Label::new(highlighted_paragraph(ui, a, e, font.clone())).wrap());
        });
        let next = a.paragraph_text(e.paragraph + 1);
        if !next.is_empty() {
            ui.add(egui::Label::new(RichText::new(next).weak()).wrap());
        }

        self.cluster_ui(ui, corpus, e, id);
        action
    }

    fn cluster_ui(&mut self, ui: &mut egui::Ui, corpus: &Corpus, e: &Event, shown: EventId) {
        let Some(cluster) = corpus.clusters.get(e.cluster as usize) else {
            return;
        };
        let members: Vec<EventId> = cluster
            .events
            .iter()
            .copied()
            .filter(|m| corpus.events.get(*m as usize).is_some_and(|ev| !ev.hidden))
            .collect();
        if members.len() < 2 {
            return;
        }
        let dark = ui.visuals().dark_mode;
        ui.separator();
        ui.strong(format!("Reported by {} sources", cluster.sources.max(1)));
        if cluster.conflicting_dates {
            ui.label(RichText::new("The sources disagree on the date").color(theme::warning(dark)));
        }
        for m in members {
            let ev = &corpus.events[m as usize];
            let Some(art) = corpus.articles.get(ev.article as usize) else {
                continue;
            };
            let phrase = art.text.get(ev.date_range.clone()).unwrap_or("");
            let text = format!("{} — “{}” — {}", article_title(art), phrase, ev.span);
            let rt = if cluster.conflicting_dates && ev.span != e.span {
                RichText::new(text).color(theme::warning(dark))
            } else {
                RichText::new(text)
            };
            if ui
                .add(egui::Button::selectable(m == shown, rt).wrap())
                .on_hover_text("Show this source's paragraph")
                .clicked()
            {
                self.shown = Some(m);
            }
        }
    }
}

/// The event's paragraph with the date phrase and each country mention on a coloured
/// background. Ranges that do not fall on character boundaries inside the paragraph are
/// ignored rather than trusted.
pub fn highlighted_paragraph(ui: &egui::Ui, a: &Article, e: &Event, font: FontId) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let text_color = ui.visuals().strong_text_color();
    let para = a
        .paragraphs
        .get(e.paragraph)
        .map(|p| p.range.clone())
        .filter(|r| a.text.get(r.clone()).is_some())
        .unwrap_or(e.sentence.clone());
    let Some(para_text) = a.text.get(para.clone()) else {
        return LayoutJob::single_section(String::new(), TextFormat::default());
    };
    // (start, end, background) in paragraph-relative bytes, sorted, non-overlapping.
    let mut marks: Vec<(usize, usize, Color32)> = Vec::new();
    let mut add = |r: std::ops::Range<usize>, c: Color32| {
        if r.start >= para.start && r.end <= para.end && r.start < r.end {
            let (s, t) = (r.start - para.start, r.end - para.start);
            if para_text.is_char_boundary(s) && para_text.is_char_boundary(t) {
                marks.push((s, t, c));
            }
        }
    };
    add(e.date_range.clone(), theme::date_highlight(dark));
    for cs in &e.country_spans {
        add(cs.start..cs.end, theme::country_highlight(dark));
    }
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut job = LayoutJob::default();
    let plain = TextFormat {
        font_id: font.clone(),
        color: text_color,
        ..Default::default()
    };
    let mut pos = 0;
    for (s, t, bg) in marks {
        if s < pos {
            continue; // overlaps the previous mark
        }
        job.append(&para_text[pos..s], 0.0, plain.clone());
        job.append(
            &para_text[s..t],
            0.0,
            TextFormat {
                background: bg,
                ..plain.clone()
            },
        );
        pos = t;
    }
    job.append(&para_text[pos..], 0.0, plain);
    job
}
