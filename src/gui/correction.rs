//! Corrections the user makes from the source panel: set the article's publication date,
//! hide the event, set the event's date, undo. The widgets only return an [`Action`];
//! the app applies it (store, save, re-resolve, refresh) in one place.

use super::action::Action;
use super::context::PanelCtx;
use crate::model::{DateSpan, EventId, Precision};
use chrono::{Datelike, NaiveDate};
use egui_extras::DatePickerButton;

/// Draft dates in the pickers, reset when another event is selected.
pub struct CorrectionUi {
    for_event: Option<EventId>,
    pub pub_date: Option<jiff::civil::Date>,
    pub event_date: Option<jiff::civil::Date>,
    pub event_precision: Precision,
}

impl Default for CorrectionUi {
    fn default() -> Self {
        CorrectionUi {
            for_event: None,
            pub_date: None,
            event_date: None,
            event_precision: Precision::Day,
        }
    }
}

impl CorrectionUi {
    /// Sets the draft publication date (what the picker shows) for the selected event.
    pub fn set_draft_pub_date(&mut self, d: NaiveDate) {
        self.pub_date = to_jiff(d);
    }

    /// The correction controls for the selected event (nothing when none is selected).
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &PanelCtx) -> Option<Action> {
        let (corpus, can_undo) = (ctx.corpus, ctx.can_undo);
        let event = ctx.sel.selected?;
        let e = corpus.events.get(event as usize)?;
        let a = corpus.articles.get(e.article as usize)?;
        if self.for_event != Some(event) {
            self.for_event = Some(event);
            let pub_guess = a
                .pub_date
                .as_ref()
                .map(|d| d.date)
                .or(a.file_time)
                .unwrap_or(e.span.start);
            self.pub_date = to_jiff(pub_guess);
            self.event_date = to_jiff(e.span.start);
            self.event_precision = e.span.precision;
        }
        let mut action = None;
        ui.strong("Correct");
        egui::Grid::new("corrections_grid")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label("Publication date");
                ui.horizontal(|ui| {
                    if let Some(d) = self.pub_date.as_mut() {
                        ui.add(
                            DatePickerButton::new(d)
                                .id_salt("pub_date_picker")
                                .show_icon(false),
                        );
                    }
                    if ui
                        .button("Apply publication date")
                        .on_hover_text(
                            "Use this date for the whole article: its relative dates \
                             (\"on Tuesday\", \"yesterday\") are resolved again",
                        )
                        .clicked()
                    {
                        if let Some(d) = self.pub_date.and_then(from_jiff) {
                            action = Some(Action::SetPubDate(e.article, d));
                        }
                    }
                });
                ui.end_row();

                ui.label("Event date");
                ui.horizontal(|ui| {
                    if let Some(d) = self.event_date.as_mut() {
                        ui.add(
                            DatePickerButton::new(d)
                                .id_salt("event_date_picker")
                                .show_icon(false),
                        );
                    }
                    if ui
                        .button("Apply event date")
                        .on_hover_text("Set this event's date by hand")
                        .clicked()
                    {
                        if let Some(span) = self
                            .event_date
                            .and_then(from_jiff)
                            .and_then(|d| span_with_precision(d, self.event_precision))
                        {
                            action = Some(Action::SetEventDate(event, span));
                        }
                    }
                });
                ui.end_row();

                ui.label("");
                ui.horizontal(|ui| {
                    ui.label("as a");
                    for (p, name) in [
                        (Precision::Day, "day"),
                        (Precision::Month, "month"),
                        (Precision::Year, "year"),
                    ] {
                        ui.selectable_value(&mut self.event_precision, p, name);
                    }
                });
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui
                .button("Hide this event")
                .on_hover_text("Remove it from the timeline (Undo brings it back)")
                .clicked()
            {
                action = Some(Action::HideEvent(event));
            }
            if ui
                .add_enabled(can_undo, egui::Button::new("Undo"))
                .on_hover_text("Undo the last correction (Ctrl+Z)")
                .clicked()
            {
                action = Some(Action::Undo);
            }
        });
        action
    }
}

/// The day, month or year containing `d`.
pub fn span_with_precision(d: NaiveDate, precision: Precision) -> Option<DateSpan> {
    let (start, end) = match precision {
        Precision::Day => (d, d),
        Precision::Month => {
            let start = d.with_day(1)?;
            let next = start.checked_add_months(chrono::Months::new(1))?;
            (start, next.pred_opt()?)
        }
        Precision::Year => (
            NaiveDate::from_ymd_opt(d.year(), 1, 1)?,
            NaiveDate::from_ymd_opt(d.year(), 12, 31)?,
        ),
    };
    Some(DateSpan {
        start,
        end,
        precision,
    })
}

pub fn to_jiff(d: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(d.year()).ok()?;
    jiff::civil::Date::new(year, d.month() as i8, d.day() as i8).ok()
}

pub fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::from(d.year()),
        u32::try_from(d.month()).ok()?,
        u32::try_from(d.day()).ok()?,
    )
}
