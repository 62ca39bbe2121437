//! The coverage chart under the timeline (issue 21): how much was reported, and when, per
//! country lane, drawn with egui_plot.
//!
//! - Bars count events by event date, or articles by publication date (the switch on the
//!   left), stacked per lane in the lanes' colours; the uncertain part of each bar is the
//!   lighter top. The bucket (day, week, month, quarter, year) follows the zoom.
//! - The left column lines the plot up with the timeline's plot (same x for the same day),
//!   and holds the legend: one toggle per country.
//! - The range is shared both ways: the chart always shows the timeline's range; the wheel
//!   zooms, a horizontal scroll pans and a drag selects a range of days (drawn as a band;
//!   egui_plot's box zoom would need a box with height), and all three move the timeline.
//!   A click on a bar lists that bucket's events.
//! - Bursts (see [`crate::burst`]) are marked with a triangle over their bucket.
//!
//! The counts come from [`Coverage`], built once per corpus; a frame only rolls up the
//! visible range.

use super::action::Action;
use super::context::PanelCtx;
use super::theme;
use crate::coverage::{BucketSize, Count, Coverage, Measure};
use crate::model::CountryCode;
use crate::timeline::axis::date_of;
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, MarkerShape, Plot, PlotPoints, Points};
use std::collections::BTreeSet;

/// Width of the left column: the timeline's lane-label column, so the plots line up.
pub const LABEL_W: f32 = 168.0;
/// Narrowest bucket on screen, px.
const MIN_BUCKET_PX: f32 = 6.0;

/// What the chart showed last frame (for tests, clicks and tooltips).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub size: Option<BucketSize>,
    /// First days of the buckets, and the end (exclusive) of the last.
    pub starts: Vec<i64>,
    pub end: i64,
    /// Lanes drawn, bottom to top, with their counts per bucket.
    pub lanes: Vec<(CountryCode, Vec<Count>)>,
    /// Buckets holding a burst day.
    pub bursts: Vec<usize>,
}

impl Shown {
    /// The bucket holding day `x`.
    fn bucket_at(&self, x: f64) -> Option<usize> {
        let i = self.starts.partition_point(|&s| (s as f64) <= x);
        let end = self.starts.get(i).copied().unwrap_or(self.end);
        (i > 0 && x < end as f64).then(|| i - 1)
    }

    fn bucket_end(&self, b: usize) -> i64 {
        self.starts.get(b + 1).copied().unwrap_or(self.end)
    }

    fn total(&self, b: usize) -> u32 {
        self.lanes
            .iter()
            .map(|(_, c)| c.get(b).map_or(0, Count::total))
            .sum()
    }
}

#[derive(Default)]
pub struct CoveragePanel {
    data: Option<(u64, Coverage)>,
    pub measure: Measure,
    /// Countries switched off in the legend.
    pub hidden: BTreeSet<CountryCode>,
    /// Where a range drag started (day).
    drag_from: Option<f64>,
    shown: Shown,
    /// Counts this panel built itself (not taken from the worker).
    rebuilds: u64,
}

impl CoveragePanel {
    /// The coverage the chart drew last (none before its first frame or with no corpus),
    /// and the countries its legend switched off: what an export of the chart needs.
    pub fn for_export(&self) -> Option<(&Coverage, Vec<CountryCode>)> {
        let (_, c) = self.data.as_ref()?;
        Some((c, self.hidden.iter().copied().collect()))
    }

    /// Takes the counts made off the UI thread for the corpus of `generation`.
    pub fn take(&mut self, generation: u64, coverage: Coverage) {
        self.data = Some((generation, coverage));
    }

    /// How many times this panel counted the corpus itself.
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds
    }

    /// What the chart drew last frame.
    pub fn shown(&self) -> &Shown {
        &self.shown
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &PanelCtx) -> Option<Action> {
        if self.data.as_ref().map(|d| d.0) != Some(ctx.generation) {
            self.data = Some((ctx.generation, Coverage::build(ctx.corpus)));
            self.rebuilds += 1;
        }
        let mut action = None;
        let rect = ui.available_rect_before_wrap();
        let left = egui::Rect::from_min_size(rect.min, egui::vec2(LABEL_W, rect.height()));
        let right =
            egui::Rect::from_min_max(egui::pos2(rect.left() + LABEL_W, rect.top()), rect.max);
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(left.shrink2(egui::vec2(6.0, 2.0))),
            |ui| {
                if let Some(a) = self.legend_ui(ui, ctx) {
                    action = Some(a);
                }
            },
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(right), |ui| {
            if let Some(a) = self.plot_ui(ui, ctx) {
                action = Some(a);
            }
        });
        ui.advance_cursor_after_rect(rect);
        action
    }

    /// Title, what is counted, and one toggle per country.
    fn legend_ui(&mut self, ui: &mut Ui, ctx: &PanelCtx) -> Option<Action> {
        ui.horizontal(|ui| {
            ui.strong("Coverage");
            let per = self.shown.size.map_or("", BucketSize::name);
            if !per.is_empty() {
                ui.weak(format!("per {per}"));
            }
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.measure, Measure::Events, "Events")
                .on_hover_text("Events by the date they happened");
            ui.selectable_value(&mut self.measure, Measure::Articles, "Articles")
                .on_hover_text("Articles by their publication date");
        });
        let Some((_, data)) = &self.data else {
            return None;
        };
        let peak = (0..self.shown.starts.len())
            .map(|b| self.shown.total(b))
            .max()
            .unwrap_or(0);
        ui.label(
            RichText::new(format!("peak {peak} · lighter: uncertain"))
                .small()
                .weak(),
        );
        egui::ScrollArea::vertical()
            .id_salt("coverage_legend")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Three chips a row, each a colour swatch and a toggle named by the code.
                egui::Grid::new("coverage_legend_grid")
                    .num_columns(3)
                    .spacing([6.0, 2.0])
                    .show(ui, |ui| {
                        let lanes = ctx
                            .lanes
                            .iter()
                            .filter(|l| !l.hidden && data.lane(l.code, self.measure).is_some());
                        for (i, lane) in lanes.enumerate() {
                            ui.horizontal(|ui| {
                                ui.spacing_mut().item_spacing.x = 2.0;
                                let (swatch, _) = ui.allocate_exact_size(
                                    egui::vec2(6.0, 12.0),
                                    egui::Sense::hover(),
                                );
                                ui.painter().rect_filled(swatch, 1.0, lane.colour);
                                let mut on = !self.hidden.contains(&lane.code);
                                if ui
                                    .checkbox(&mut on, lane.code.as_str())
                                    .on_hover_text(format!("Show {} in the chart", lane.label))
                                    .changed()
                                {
                                    if on {
                                        self.hidden.remove(&lane.code);
                                    } else {
                                        self.hidden.insert(lane.code);
                                    }
                                }
                            });
                            if i % 3 == 2 {
                                ui.end_row();
                            }
                        }
                    });
            });
        None
    }

    fn plot_ui(&mut self, ui: &mut Ui, ctx: &PanelCtx) -> Option<Action> {
        let (a, b) = ctx.time_range;
        let width = ui.available_width().max(1.0);
        if b.partial_cmp(&a) != Some(std::cmp::Ordering::Greater) || width < 10.0 {
            return None;
        }
        let data = &self.data.as_ref()?.1;
        let size = BucketSize::for_span(b - a, f64::from(width / MIN_BUCKET_PX));
        let (from, to) = (a.floor() as i64, b.ceil() as i64);
        let starts = size.starts(from, to);
        let end = starts.last().map_or(to, |&s| size.next(s)).max(to);
        let lanes: Vec<(CountryCode, Color32, Vec<Count>)> = ctx
            .lanes
            .iter()
            .filter(|l| !l.hidden && !self.hidden.contains(&l.code))
            .filter_map(|l| {
                let days = data.lane(l.code, self.measure)?;
                Some((l.code, l.colour, days.roll_up(size, from, end)))
            })
            .collect();
        let bursts = match self.measure {
            Measure::Events => data.burst_buckets(&starts, end),
            Measure::Articles => Vec::new(),
        };
        self.shown = Shown {
            size: Some(size),
            starts,
            end,
            lanes: lanes.iter().map(|(c, _, v)| (*c, v.clone())).collect(),
            bursts,
        };

        // Bars: stacked lane by lane, firm then uncertain.
        let shown = &self.shown;
        let mut base = vec![0.0f64; shown.starts.len()];
        let mut charts: Vec<BarChart> = Vec::with_capacity(lanes.len() * 2);
        for (code, colour, counts) in &lanes {
            let mut firm = Vec::new();
            let mut unsure = Vec::new();
            for (i, c) in counts.iter().enumerate() {
                if c.total() == 0 {
                    continue;
                }
                let (s, e) = (shown.starts[i] as f64, shown.bucket_end(i) as f64);
                let (x, w) = ((s + e) / 2.0, (e - s) * 0.86);
                if c.firm > 0 {
                    firm.push(
                        Bar::new(x, f64::from(c.firm))
                            .base_offset(base[i])
                            .width(w)
                            .fill(*colour),
                    );
                }
                if c.uncertain > 0 {
                    unsure.push(
                        Bar::new(x, f64::from(c.uncertain))
                            .base_offset(base[i] + f64::from(c.firm))
                            .width(w)
                            .fill(colour.gamma_multiply(0.35))
                            .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.8))),
                    );
                }
                base[i] += f64::from(c.total());
            }
            charts.push(BarChart::new(format!("{code}"), firm).allow_hover(false));
            charts.push(BarChart::new(format!("{code} uncertain"), unsure).allow_hover(false));
        }
        let peak = base.iter().copied().fold(0.0f64, f64::max).max(1.0);
        let dark = ui.visuals().dark_mode;
        let burst_points: Vec<[f64; 2]> = shown
            .bursts
            .iter()
            .map(|&i| {
                let (s, e) = (shown.starts[i] as f64, shown.bucket_end(i) as f64);
                [(s + e) / 2.0, base[i] + peak * 0.08]
            })
            .collect();

        let response = Plot::new("coverage_plot")
            .show_axes([false, false])
            .show_grid([false, false])
            .show_x(false)
            .show_y(false)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_double_click_reset(false)
            // A range drag is ours: egui_plot's box zoom needs height, a range does not.
            .allow_boxed_zoom(false)
            .set_margin_fraction(egui::vec2(0.0, 0.0))
            .show(ui, |plot_ui| {
                plot_ui.set_plot_bounds_x(a..=b);
                plot_ui.set_plot_bounds_y(0.0..=peak * 1.2);
                for c in charts {
                    plot_ui.bar_chart(c);
                }
                if !burst_points.is_empty() {
                    plot_ui.points(
                        Points::new("bursts", PlotPoints::from(burst_points))
                            .shape(MarkerShape::Down)
                            .radius(4.5)
                            .filled(true)
                            .color(theme::warning(dark))
                            .allow_hover(false),
                    );
                }
            });
        let transform = response.transform;
        let r = response.response;
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Coverage chart"));
        let day_at = |p: egui::Pos2| transform.value_from_position(p).x;
        let pointer_day = r.hover_pos().map(day_at);
        let mut action = None;
        // Dragging selects a range of days; letting go shows it on the timeline.
        if r.drag_started() {
            self.drag_from = ui.input(|i| i.pointer.press_origin()).map(day_at);
        }
        if let (Some(from), Some(to)) = (self.drag_from, pointer_day) {
            let frame = *transform.frame();
            let (x0, x1) = (
                transform.position_from_point_x(from.min(to)),
                transform.position_from_point_x(from.max(to)),
            );
            let sel = egui::Rect::from_x_y_ranges(x0..=x1, frame.y_range());
            let colour = ui.visuals().selection.bg_fill;
            ui.painter_at(frame)
                .rect_filled(sel, 0.0, colour.gamma_multiply(0.35));
            if r.drag_stopped() {
                let px = (x1 - x0).abs();
                if px >= 4.0 {
                    action = Some(Action::SetTimeRange(from.min(to), from.max(to)));
                }
            }
        }
        if !r.dragged() {
            self.drag_from = None;
        }
        if let (Some(x), true) = (pointer_day, action.is_none()) {
            let width = f64::from(transform.frame().width());
            if let Some(a) = wheel_action(ui, (a, b), x, width) {
                action = Some(a);
            }
        }
        let bucket = pointer_day.and_then(|x| self.shown.bucket_at(x));
        if r.clicked() {
            if let Some(i) = bucket {
                let first = date_of(self.shown.starts[i]);
                let last = date_of(self.shown.bucket_end(i) - 1);
                action = Some(Action::SetPeriod(first.zip(last)));
            }
        }
        if let Some(i) = bucket {
            if !r.dragged() {
                let shown = &self.shown;
                r.on_hover_ui_at_pointer(|ui| bucket_tooltip(ui, shown, i, self.measure, ctx));
            }
        }
        action
    }
}

/// The wheel over the chart zooms around the pointer (as on the timeline); a horizontal
/// scroll pans. Consumes the scroll so nothing else scrolls too.
fn wheel_action(ui: &Ui, (a, b): (f64, f64), x: f64, width: f64) -> Option<Action> {
    let scroll = ui.input(|i| i.smooth_scroll_delta);
    if scroll == egui::Vec2::ZERO {
        return None;
    }
    ui.ctx()
        .input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
    let days_per_px = (b - a) / width.max(1.0);
    let factor = (f64::from(scroll.y) * 0.004).exp();
    let (mut na, mut nb) = (x - (x - a) / factor, x + (b - x) / factor);
    let shift = -f64::from(scroll.x) * days_per_px;
    na += shift;
    nb += shift;
    (nb - na > 0.01).then_some(Action::SetTimeRange(na, nb))
}

fn bucket_tooltip(ui: &mut Ui, shown: &Shown, i: usize, measure: Measure, ctx: &PanelCtx) {
    let first = date_of(shown.starts[i]);
    let last = date_of(shown.bucket_end(i) - 1);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    ui.strong(if first == last {
        first.to_string()
    } else {
        format!("{first} – {last}")
    });
    let what = match measure {
        Measure::Events => "events",
        Measure::Articles => "articles",
    };
    let total: u32 = shown.total(i);
    let unsure: u32 = shown
        .lanes
        .iter()
        .map(|(_, c)| c.get(i).map_or(0, |c| c.uncertain))
        .sum();
    ui.label(format!("{total} {what}, {unsure} with uncertain dates"));
    let mut per: Vec<(CountryCode, u32)> = shown
        .lanes
        .iter()
        .filter_map(|(code, c)| Some((*code, c.get(i)?.total())))
        .filter(|(_, n)| *n > 0)
        .collect();
    per.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    for (code, n) in per.iter().take(6) {
        let label = ctx
            .lanes
            .iter()
            .find(|l| l.code == *code)
            .map_or_else(|| code.to_string(), |l| l.label.clone());
        ui.label(format!("{label}: {n}"));
    }
    if per.len() > 6 {
        ui.weak(format!("and {} more countries", per.len() - 6));
    }
    if shown.bursts.contains(&i) {
        let dark = ui.visuals().dark_mode;
        ui.label(
            RichText::new("Burst: a day far above the weeks around it").color(theme::warning(dark)),
        );
    }
    ui.weak("Click to list these events; drag to zoom the timeline");
}
