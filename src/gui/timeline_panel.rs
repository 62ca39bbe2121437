//! The timeline widget: paints what [`crate::timeline`] lays out and turns pointer and
//! keyboard input into view changes and [`Selection`] updates.
//!
//! All geometry (where an item is, what the pointer hits, when items turn into count
//! bubbles) lives in the pure `timeline` modules; this file only maps their lane-local
//! pixel boxes to screen rectangles and chooses colours.

use crate::gui::action::Action;
use crate::gui::context::PanelCtx;
use crate::gui::selection::Selection;
use crate::model::{Corpus, CountryCode, EventId};
use crate::timeline::hit::{hit_lane, lane_at, Target};
use crate::timeline::layout::{flags, Item, ItemKind, Layout};
use crate::timeline::lod::{self, item_box, lane_height, query_lane, Bubble};
use crate::timeline::ticks;
use crate::timeline::TimeView;
use egui::{
    pos2, vec2, Align2, Color32, CornerRadius, FontId, Key, Painter, Pos2, Rect, Response, Sense,
    Shape, Stroke, StrokeKind, Ui, UiBuilder, WidgetInfo,
};

/// Width of the lane-label column.
const LABEL_W: f32 = 168.0;
/// Height of the time axis strip at the top.
const AXIS_H: f32 = 30.0;
/// Items drawn one by one get an accessibility node (clickable by tests and screen
/// readers) when no more than this many are on screen.
const MAX_A11Y_ITEMS: usize = 300;

/// The timeline: one lane per country, zoomable and pannable.
pub struct TimelinePanel {
    layout: Layout,
    view: TimeView,
    /// Vertical scroll of the lanes, px.
    scroll_y: f32,
    /// Layout indices of the lanes shown, in order (from the context's lanes and filter).
    shown: Vec<usize>,
    /// Colour of each layout lane, from the context (`None`: the default palette).
    colours: Vec<Option<Color32>>,
    /// The country filter the lanes were arranged for (scroll resets when it changes).
    country: Option<CountryCode>,
    /// A range asked for before the real plot width was known (start, end days).
    pending_range: Option<(f64, f64)>,
    /// Plot width seen last frame (to fit before the next paint knows it).
    plot_width: f64,
    needs_fit: bool,
    /// `Selection::hovered` was set by this panel (so we clear it when the pointer leaves).
    hover_owned: bool,
    /// (generation, corpus id) of the corpus the layout was built from.
    seen: Option<(u64, u64, Option<u64>)>,
}

impl Default for TimelinePanel {
    fn default() -> Self {
        Self::new()
    }
}

/// What the pointer is over.
#[derive(Clone, Copy, Debug)]
enum Hover {
    Item { lane: usize, index: usize },
    Bubble(Bubble),
}

impl TimelinePanel {
    pub fn new() -> Self {
        TimelinePanel {
            layout: Layout::default(),
            view: TimeView::default(),
            scroll_y: 0.0,
            shown: Vec::new(),
            colours: Vec::new(),
            country: None,
            pending_range: None,
            plot_width: 800.0,
            needs_fit: true,
            hover_owned: false,
            seen: None,
        }
    }

    /// Recompute the layout after the corpus or corrections change (hidden events, moved
    /// dates). Keeps the view unless `fit` is true (or nothing was shown before).
    pub fn set_corpus(&mut self, corpus: &Corpus, fit: bool) {
        self.set_corpus_masked(corpus, None, fit);
    }

    /// As [`Self::set_corpus`], showing only the events `keep` allows (all if `None`).
    fn set_corpus_masked(&mut self, corpus: &Corpus, keep: Option<&[bool]>, fit: bool) {
        let was_empty = self.layout.extent.is_none();
        self.layout = match keep {
            Some(k) => Layout::build_where(corpus, |i| k.get(i as usize).copied().unwrap_or(true)),
            None => Layout::build(corpus),
        };
        // Until a context arranges them: every lane in layout order.
        self.shown = (0..self.layout.lanes.len()).collect();
        self.colours = vec![None; self.layout.lanes.len()];
        if fit || was_empty {
            self.fit_all();
        }
    }

    /// Takes a layout built off the UI thread (a million events take longer than a frame
    /// to lay out) for the corpus of `generation` and `corpus_id`, so that [`Self::sync`]
    /// does not build it again. Keeps the view unless `fit` (or nothing was shown before).
    pub fn set_layout(&mut self, layout: Layout, generation: u64, corpus_id: u64, fit: bool) {
        let was_empty = self.layout.extent.is_none();
        self.layout = layout;
        self.shown = (0..self.layout.lanes.len()).collect();
        self.colours = vec![None; self.layout.lanes.len()];
        self.seen = Some((generation, corpus_id, None));
        if fit || was_empty {
            self.fit_all();
        }
    }

    /// Shows every event (applied at once, and again with the real width on the next paint).
    pub fn fit_all(&mut self) {
        self.needs_fit = true;
        self.apply_fit(self.plot_width);
    }

    /// The current view (day ↔ x mapping), for tests and export.
    pub fn view(&self) -> TimeView {
        self.view
    }

    pub fn set_view(&mut self, view: TimeView) {
        self.view = view;
        self.needs_fit = false;
    }

    /// Country lanes in display order (code, label), for tests and the country filter.
    pub fn lanes(&self) -> Vec<(CountryCode, String)> {
        self.layout
            .lanes
            .iter()
            .filter_map(|l| l.code.map(|c| (c, l.label.clone())))
            .collect()
    }

    /// The days shown (start, end exclusive), at the last frame's width.
    pub fn range(&self) -> (f64, f64) {
        self.view.range(self.plot_width)
    }

    /// Shows the days `start..end` (applied at once, and again with the real width on the
    /// next paint).
    pub fn show_range(&mut self, start: f64, end: f64) {
        if end > start {
            self.view = exact_view(start, end, self.plot_width);
            self.pending_range = Some((start, end));
            self.needs_fit = false;
        }
    }

    /// Zooms around the middle of the plot (`factor` > 1 zooms in).
    pub fn zoom(&mut self, factor: f64) {
        self.view.zoom_around(self.plot_width / 2.0, factor);
    }

    /// Pans by a fraction of the plot's width (> 0 moves forward in time).
    pub fn pan(&mut self, fraction: f64) {
        self.view.pan_px(-fraction * self.plot_width);
    }

    fn apply_fit(&mut self, width: f64) {
        if let Some((a, b)) = self.layout.extent {
            self.view = TimeView::fit(a, b, width);
        }
    }

    /// Layout indices of the lanes shown, in order.
    fn shown_lanes(&self) -> Vec<usize> {
        self.shown.clone()
    }

    /// Arranges the lanes as the context says: the country filter, the user's order,
    /// hidden lanes and colours. Lanes the context does not list (none, in a panel drawn
    /// on its own) keep the layout's order; "No country" stays last.
    fn arrange_lanes(&mut self, ctx: &PanelCtx) {
        let lanes = &self.layout.lanes;
        let index_of = |c: CountryCode| lanes.iter().position(|l| l.code == Some(c));
        let mut shown: Vec<usize> = Vec::with_capacity(lanes.len());
        let mut colours = vec![None; lanes.len()];
        if let Some(c) = ctx.filter.country {
            shown.extend(index_of(c));
        } else {
            for info in ctx.lanes {
                if let Some(i) = index_of(info.code) {
                    if !info.hidden {
                        shown.push(i);
                    }
                }
            }
            for (i, l) in lanes.iter().enumerate() {
                let listed = l
                    .code
                    .is_some_and(|c| ctx.lanes.iter().any(|info| info.code == c));
                if l.code.is_some() && !listed {
                    shown.push(i);
                }
            }
            shown.extend(lanes.iter().position(|l| l.code.is_none()));
        }
        for info in ctx.lanes {
            if let Some(i) = index_of(info.code) {
                colours[i] = Some(info.colour);
            }
        }
        if ctx.filter.country != self.country {
            self.country = ctx.filter.country;
            self.scroll_y = 0.0;
        }
        self.shown = shown;
        self.colours = colours;
    }

    fn lane_colour(&self, pal: &Palette, li: usize) -> Color32 {
        self.colours
            .get(li)
            .copied()
            .flatten()
            .unwrap_or_else(|| pal.lane(li))
    }

    /// Rebuilds the layout when the context's corpus changed since the last call: keeps
    /// the view after a correction, fits a newly loaded corpus.
    pub fn sync(&mut self, ctx: &PanelCtx) {
        let now = (ctx.generation, ctx.corpus_id, ctx.mask.map(|m| m.key));
        if self.seen != Some(now) {
            let new_corpus = self.seen.is_none_or(|(_, id, _)| id != ctx.corpus_id);
            self.set_corpus_masked(ctx.corpus, ctx.mask.map(|m| m.keep.as_slice()), new_corpus);
            self.seen = Some(now);
        }
        self.arrange_lanes(ctx);
    }

    /// Paints the timeline into all of `ui`'s available space; answers with the change of
    /// selection or hover it made.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &PanelCtx) -> Option<Action> {
        self.sync(ctx);
        let mut sel = ctx.sel.clone();
        self.paint(ui, ctx.corpus, &mut sel);
        ctx.sel.change_to(&sel)
    }

    fn paint(&mut self, ui: &mut Ui, corpus: &Corpus, sel: &mut Selection) -> Rect {
        // Lane geometry: top edges (relative to the lanes area, before scrolling).
        let shown = self.shown_lanes();
        let mut edges = Vec::with_capacity(shown.len() + 1);
        let mut y = 0.0f64;
        for &li in &shown {
            edges.push(y);
            y += lane_height(self.layout.lanes[li].rows);
        }
        edges.push(y);

        let mut rect = ui.available_rect_before_wrap();
        // Inside a scroll area the available space is unbounded: take what the lanes need.
        if !rect.height().is_finite() || rect.height() > 100_000.0 {
            rect.set_height(AXIS_H + y as f32 + 8.0);
        }
        if !rect.width().is_finite() || rect.width() > 100_000.0 {
            rect.set_width(1200.0);
        }
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        let id = response.id;
        let plot = Rect::from_min_max(pos2(rect.left() + LABEL_W, rect.top()), rect.max);
        let lanes_area = Rect::from_min_max(pos2(rect.left(), rect.top() + AXIS_H), rect.max);
        let width = f64::from(plot.width().max(1.0));
        self.plot_width = width;
        if self.needs_fit {
            self.apply_fit(width);
            self.needs_fit = false;
        }
        if let Some((a, b)) = self.pending_range.take() {
            self.view = exact_view(a, b, width);
        }

        let max_scroll = (y as f32 - lanes_area.height() + 8.0).max(0.0);

        self.handle_input(ui, &response, plot, width);
        self.reveal(sel, &shown, &edges, lanes_area.height(), width);
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);

        // What is under the pointer.
        let hover = response
            .hover_pos()
            .filter(|p| plot.contains(*p) && lanes_area.contains(*p))
            .and_then(|p| {
                let ly = f64::from(p.y - lanes_area.top() + self.scroll_y);
                let k = lane_at(&edges, ly)?;
                let li = shown[k];
                let lane = &self.layout.lanes[li];
                let x = f64::from(p.x - plot.left());
                match hit_lane(lane, &self.view, width, x, ly - edges[k])? {
                    Target::Item(i) => Some(Hover::Item {
                        lane: li,
                        index: i as usize,
                    }),
                    Target::Bubble(b) => Some(Hover::Bubble(b)),
                }
            });
        let hovered_event = match hover {
            Some(Hover::Item { lane, index }) => self.event_for(corpus, lane, index),
            _ => None,
        };
        if response.hovered() && plot.contains(response.hover_pos().unwrap_or(Pos2::ZERO)) {
            sel.hovered = hovered_event;
            self.hover_owned = true;
        } else if self.hover_owned {
            sel.hovered = None;
            self.hover_owned = false;
        }
        if response.clicked() {
            match hover {
                Some(Hover::Item { .. }) => {
                    sel.selected = hovered_event;
                    sel.reveal = false;
                }
                Some(Hover::Bubble(bubble)) => {
                    let mid = (bubble.first_day + bubble.last_day) / 2.0;
                    let half = (bubble.last_day - bubble.first_day).max(2.0) * 2.0;
                    self.view = TimeView::fit(mid - half, mid + half, width);
                }
                None => {
                    if response
                        .interact_pointer_pos()
                        .is_some_and(|p| plot.contains(p))
                    {
                        sel.selected = None;
                    }
                }
            }
        }

        // Paint.
        let painter = ui.painter_at(rect);
        let pal = Palette::new(ui);
        painter.rect_filled(plot, CornerRadius::ZERO, pal.plot_bg);
        painter.rect_filled(
            Rect::from_min_max(rect.min, pos2(plot.left(), rect.bottom())),
            CornerRadius::ZERO,
            pal.label_bg,
        );
        let lane_painter = painter.with_clip_rect(lanes_area.intersect(rect));
        let plot_painter = painter.with_clip_rect(plot.intersect(lanes_area));

        // Lane backgrounds and labels.
        let mut label_ui = ui.new_child(UiBuilder::new().max_rect(lanes_area));
        label_ui.set_clip_rect(Rect::from_min_max(
            lanes_area.min,
            pos2(plot.left(), lanes_area.bottom()),
        ));
        let mut lane_rects = Vec::with_capacity(shown.len());
        for (k, &li) in shown.iter().enumerate() {
            let top = lanes_area.top() + edges[k] as f32 - self.scroll_y;
            let bottom = lanes_area.top() + edges[k + 1] as f32 - self.scroll_y;
            let lr = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), bottom));
            lane_rects.push(lr);
            if bottom < lanes_area.top() || top > lanes_area.bottom() {
                continue;
            }
            if k % 2 == 1 {
                lane_painter.rect_filled(lr, CornerRadius::ZERO, pal.stripe);
            }
            lane_painter.line_segment(
                [pos2(lr.left(), lr.bottom()), pos2(lr.right(), lr.bottom())],
                Stroke::new(1.0, pal.grid),
            );
            let lane = &self.layout.lanes[li];
            let colour = self.lane_colour(&pal, li);
            lane_painter.rect_filled(
                Rect::from_min_size(pos2(lr.left() + 6.0, top + 9.0), vec2(4.0, 14.0)),
                CornerRadius::same(2),
                colour,
            );
            let label_rect = Rect::from_min_size(
                pos2(lr.left() + 14.0, top + 6.0),
                vec2(LABEL_W - 20.0, 20.0),
            );
            label_ui.scope_builder(
                UiBuilder::new()
                    .max_rect(label_rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(&lane.label).strong())
                            .selectable(false)
                            .truncate(),
                    );
                },
            );
            if lr.height() > 40.0 {
                let n = lane.items.len();
                lane_painter.text(
                    pos2(lr.left() + 14.0, top + 27.0),
                    Align2::LEFT_TOP,
                    if n == 1 {
                        "1 event".to_string()
                    } else {
                        format!("{n} events")
                    },
                    FontId::proportional(10.5),
                    pal.weak,
                );
            }
        }
        painter.line_segment(
            [
                pos2(plot.left(), rect.top()),
                pos2(plot.left(), rect.bottom()),
            ],
            Stroke::new(1.0, pal.grid),
        );

        // Axis and grid.
        let axis = ticks::axis(&self.view, width, |s| {
            f64::from(
                painter
                    .layout_no_wrap(s.to_string(), FontId::proportional(12.0), pal.text)
                    .size()
                    .x,
            )
        });
        let axis_rect = Rect::from_min_max(plot.min, pos2(plot.right(), plot.top() + AXIS_H));
        painter.rect_filled(axis_rect, CornerRadius::ZERO, pal.label_bg);
        let axis_painter = painter.with_clip_rect(axis_rect);
        for &d in &axis.minor {
            let x = plot.left() + self.view.x_of(d) as f32;
            plot_painter.line_segment(
                [pos2(x, lanes_area.top()), pos2(x, rect.bottom())],
                Stroke::new(1.0, pal.grid_minor),
            );
            axis_painter.line_segment(
                [
                    pos2(x, axis_rect.bottom() - 4.0),
                    pos2(x, axis_rect.bottom()),
                ],
                Stroke::new(1.0, pal.grid),
            );
        }
        for t in &axis.ticks {
            let x = plot.left() + self.view.x_of(t.day) as f32;
            let c = if t.major { pal.grid_major } else { pal.grid };
            plot_painter.line_segment(
                [pos2(x, lanes_area.top()), pos2(x, rect.bottom())],
                Stroke::new(1.0, c),
            );
            axis_painter.line_segment(
                [
                    pos2(x, axis_rect.bottom() - 9.0),
                    pos2(x, axis_rect.bottom()),
                ],
                Stroke::new(1.0, pal.grid_major),
            );
            let font = FontId::proportional(12.0);
            let colour = if t.major { pal.text } else { pal.weak };
            axis_painter.text(
                pos2(x + 3.0, axis_rect.top() + 5.0),
                Align2::LEFT_TOP,
                &t.label,
                font,
                colour,
            );
        }
        painter.line_segment(
            [
                pos2(rect.left(), axis_rect.bottom()),
                pos2(rect.right(), axis_rect.bottom()),
            ],
            Stroke::new(1.0, pal.grid_major),
        );
        if let Some(ctx) = &axis.context {
            painter.text(
                pos2(rect.left() + 10.0, rect.top() + AXIS_H / 2.0),
                Align2::LEFT_CENTER,
                ctx,
                FontId::proportional(13.0),
                pal.text,
            );
        }

        // Items.
        let mut a11y_budget = MAX_A11Y_ITEMS;
        let mut frames = Vec::with_capacity(shown.len());
        for (k, &li) in shown.iter().enumerate() {
            let lr = lane_rects[k];
            if lr.bottom() < lanes_area.top() || lr.top() > lanes_area.bottom() {
                continue;
            }
            let frame = query_lane(&self.layout.lanes[li], &self.view, width);
            a11y_budget = a11y_budget.saturating_sub(frame.items.len() + frame.bubbles.len());
            frames.push((k, li, frame));
        }
        let a11y = a11y_budget > 0;
        for (k, li, frame) in &frames {
            let origin = pos2(plot.left(), lane_rects[*k].top());
            let lane = &self.layout.lanes[*li];
            let colour = self.lane_colour(&pal, *li);
            for &i in &frame.items {
                let it = &lane.items[i as usize];
                let r = to_rect(origin, item_box(it, &self.view));
                let sources = self
                    .layout
                    .units
                    .get(it.unit as usize)
                    .map_or(1, |u| u.sources);
                paint_item(&plot_painter, &pal, it, r, colour, sources);
                if a11y && plot.intersects(r) && lanes_area.intersects(r) {
                    let label = self.item_label(corpus, *li, i as usize);
                    let resp =
                        ui.interact(r.intersect(plot), id.with(("item", *li, i)), Sense::hover());
                    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
                }
            }
            for (bi, b) in frame.bubbles.iter().enumerate() {
                let r = paint_bubble(&plot_painter, &pal, origin, b, colour);
                if a11y && plot.intersects(r) && lanes_area.intersects(r) {
                    let resp = ui.interact(
                        r.intersect(plot),
                        id.with(("bubble", *li, bi)),
                        Sense::hover(),
                    );
                    let label = format!("{} events", b.count);
                    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
                }
            }
        }

        // Selected and hovered units, with their twins in other lanes.
        let lane_row: Vec<Option<usize>> = {
            let mut v = vec![None; self.layout.lanes.len()];
            for (k, &li) in shown.iter().enumerate() {
                v[li] = Some(k);
            }
            v
        };
        let mark_unit = |e: Option<EventId>, stroke: Stroke| {
            let Some(u) = e.and_then(|e| self.layout.unit_of_event(e)) else {
                return;
            };
            let mut centres = Vec::new();
            for &(li, ii) in self.layout.positions(u) {
                let (Some(Some(k)), Some(it)) = (
                    lane_row.get(li as usize),
                    self.layout.item(li as usize, ii as usize),
                ) else {
                    continue;
                };
                let origin = pos2(plot.left(), lane_rects[*k].top());
                let r = to_rect(origin, item_box(it, &self.view)).expand(3.0);
                plot_painter.rect_stroke(r, CornerRadius::same(4), stroke, StrokeKind::Outside);
                centres.push(r.center());
            }
            centres.sort_by(|a, b| a.y.total_cmp(&b.y));
            for w in centres.windows(2) {
                plot_painter.add(Shape::dashed_line(
                    &[w[0], w[1]],
                    Stroke::new(1.0, stroke.color.gamma_multiply(0.7)),
                    4.0,
                    3.0,
                ));
            }
        };
        mark_unit(sel.selected, Stroke::new(2.0, pal.selected));
        if sel.hovered != sel.selected {
            mark_unit(sel.hovered, Stroke::new(1.5, pal.text));
        }

        // Scroll indicator when the lanes do not all fit.
        if max_scroll > 0.0 {
            let total = y as f32;
            let h = lanes_area.height();
            let bar = Rect::from_min_size(
                pos2(
                    rect.right() - 5.0,
                    lanes_area.top() + self.scroll_y / total * h,
                ),
                vec2(3.0, (h / total * h).max(16.0)),
            );
            painter.rect_filled(bar, CornerRadius::same(2), pal.grid_major);
        }

        if self.layout.lanes.is_empty() {
            painter.text(
                plot.center(),
                Align2::CENTER_CENTER,
                "No dated events to show",
                FontId::proportional(15.0),
                pal.weak,
            );
        }

        // Tooltip.
        if let Some(h) = hover {
            if !response.dragged() {
                response.on_hover_ui_at_pointer(|ui| match h {
                    Hover::Item { lane, index } => self.item_tooltip(ui, corpus, lane, index),
                    Hover::Bubble(bubble) => bubble_tooltip(ui, &bubble),
                });
            }
        }
        rect
    }

    fn handle_input(&mut self, ui: &Ui, response: &Response, plot: Rect, width: f64) {
        if let Some(p) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            if p.x < plot.left() {
                // Over the labels: the wheel scrolls the lanes.
                self.scroll_y -= scroll.y;
            } else {
                let x = f64::from(p.x - plot.left());
                if zoom != 1.0 {
                    self.view.zoom_around(x, f64::from(zoom));
                }
                if scroll.y != 0.0 {
                    self.view
                        .zoom_around(x, (f64::from(scroll.y) * 0.004).exp());
                }
                if scroll.x != 0.0 {
                    self.view.pan_px(f64::from(scroll.x));
                }
            }
            if scroll != egui::Vec2::ZERO {
                ui.ctx()
                    .input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
            }
        }
        if response.dragged() {
            let d = response.drag_delta();
            self.view.pan_px(f64::from(d.x));
            self.scroll_y -= d.y;
        }
        let key_f = ui.input(|i| i.key_pressed(Key::F) && i.modifiers.is_none());
        if response.double_clicked() || (key_f && !ui.ctx().egui_wants_keyboard_input()) {
            self.apply_fit(width);
        }
    }

    /// Pans (and scrolls) so that the selected event is visible, once.
    fn reveal(&mut self, sel: &mut Selection, shown: &[usize], edges: &[f64], h: f32, width: f64) {
        if !sel.reveal {
            return;
        }
        sel.reveal = false;
        let Some(u) = sel.selected.and_then(|e| self.layout.unit_of_event(e)) else {
            return;
        };
        let Some((k, it)) = self.layout.positions(u).iter().find_map(|&(li, ii)| {
            let k = shown.iter().position(|&s| s == li as usize)?;
            Some((k, *self.layout.item(li as usize, ii as usize)?))
        }) else {
            return;
        };
        let margin = 40.0 / self.view.px_per_day;
        if !self.view.shows(it.start + margin, it.end - margin, width) {
            if it.len() * self.view.px_per_day > width * 0.8 {
                self.view = TimeView::fit(it.start, it.end, width);
            } else {
                self.view.center_on((it.start + it.end) / 2.0, width);
            }
        }
        let (top, bottom) = (edges[k] as f32, edges[k + 1] as f32);
        if top < self.scroll_y {
            self.scroll_y = top;
        } else if bottom > self.scroll_y + h {
            self.scroll_y = bottom - h;
        }
    }

    /// The event an item stands for: its unit's first visible member naming the lane's
    /// country (so a click in the Korea lane selects the Korean report), else the
    /// representative.
    fn event_for(&self, corpus: &Corpus, lane: usize, index: usize) -> Option<EventId> {
        let it = self.layout.item(lane, index)?;
        let unit = self.layout.units.get(it.unit as usize)?;
        let code = self.layout.lanes[lane].code;
        if let (Some(ci), Some(code)) = (unit.cluster, code) {
            if let Some(c) = corpus.clusters.get(ci as usize) {
                for &e in &c.events {
                    if self.layout.unit_of_event(e) == Some(it.unit)
                        && corpus
                            .events
                            .get(e as usize)
                            .is_some_and(|ev| ev.countries.contains(&code))
                    {
                        return Some(e);
                    }
                }
            }
        }
        Some(unit.rep)
    }

    /// Accessible name of an item: "Title (2023-09-12) · JP".
    fn item_label(&self, corpus: &Corpus, lane: usize, index: usize) -> String {
        let code = self.layout.lanes[lane]
            .code
            .map_or_else(|| "none".to_string(), |c| c.to_string());
        let Some(e) = self.event_for(corpus, lane, index) else {
            return String::new();
        };
        let Some(ev) = corpus.events.get(e as usize) else {
            return String::new();
        };
        let title = corpus
            .articles
            .get(ev.article as usize)
            .map_or("", |a| a.title.as_str());
        format!("{title} ({}) · {code}", ev.span)
    }

    fn item_tooltip(&self, ui: &mut Ui, corpus: &Corpus, lane: usize, index: usize) {
        let Some(e) = self.event_for(corpus, lane, index) else {
            return;
        };
        let Some(ev) = corpus.events.get(e as usize) else {
            return;
        };
        let unit = self
            .layout
            .item(lane, index)
            .and_then(|it| self.layout.units.get(it.unit as usize));
        ui.set_max_width(360.0);
        ui.label(egui::RichText::new(ev.span.to_string()).strong().size(14.0));
        let article = corpus.articles.get(ev.article as usize);
        if let Some(phrase) = article.and_then(|a| a.text.get(ev.date_range.clone())) {
            if !phrase.trim().is_empty() {
                ui.label(egui::RichText::new(format!("“{}”", phrase.trim())).italics());
            }
        }
        let countries: Vec<String> = ev
            .countries
            .iter()
            .map(|&c| crate::timeline::lane_label(c))
            .collect();
        if !countries.is_empty() {
            ui.label(countries.join(", "));
        }
        if let Some(a) = article {
            if !a.title.is_empty() {
                ui.label(egui::RichText::new(&a.title).weak());
            }
        }
        let n = unit.map_or(1, |u| u.sources);
        ui.label(if n == 1 {
            "reported by 1 source".to_string()
        } else {
            format!("reported by {n} sources")
        });
        if unit.is_some_and(|u| u.flags & flags::CONFLICT != 0) {
            ui.colored_label(Palette::CONFLICT, "! sources disagree on the date");
        }
        if ev.is_uncertain() {
            let why = if ev.note.is_empty() {
                "date is a guess".to_string()
            } else {
                ev.note.clone()
            };
            ui.label(egui::RichText::new(format!("? uncertain: {why}")).italics());
        }
    }
}

fn bubble_tooltip(ui: &mut Ui, b: &Bubble) {
    let fmt = |d: f64| {
        crate::timeline::axis::date_of(d.floor() as i64).map_or_else(String::new, |d| d.to_string())
    };
    ui.label(egui::RichText::new(format!("{} events", b.count)).strong());
    ui.label(format!("{} – {}", fmt(b.first_day), fmt(b.last_day - 1e-6)));
    ui.label(egui::RichText::new("click to zoom in").weak());
}

/// A view showing exactly days `start..end` across `width` px (no margin, unlike a fit).
fn exact_view(start: f64, end: f64, width: f64) -> TimeView {
    TimeView::new(start, width.max(50.0) / (end - start).max(1.0))
}

/// Lane-local px box → screen rectangle.
fn to_rect(origin: Pos2, b: lod::BoxPx) -> Rect {
    Rect::from_min_max(
        pos2(origin.x + b.x0 as f32, origin.y + b.y0 as f32),
        pos2(origin.x + b.x1 as f32, origin.y + b.y1 as f32),
    )
}

/// Theme-aware colours.
struct Palette {
    dark: bool,
    plot_bg: Color32,
    label_bg: Color32,
    stripe: Color32,
    grid: Color32,
    grid_minor: Color32,
    grid_major: Color32,
    text: Color32,
    weak: Color32,
    selected: Color32,
    outline: Color32,
}

impl Palette {
    const CONFLICT: Color32 = Color32::from_rgb(0xd9, 0x7a, 0x1c);

    fn new(ui: &Ui) -> Self {
        let v = ui.visuals();
        let dark = v.dark_mode;
        let text = v.text_color();
        Palette {
            dark,
            plot_bg: v.extreme_bg_color,
            label_bg: v.panel_fill,
            stripe: if dark {
                Color32::from_white_alpha(6)
            } else {
                Color32::from_black_alpha(7)
            },
            grid: text.gamma_multiply(0.12),
            grid_minor: text.gamma_multiply(0.05),
            grid_major: text.gamma_multiply(0.3),
            text,
            weak: v.weak_text_color(),
            selected: v.selection.stroke.color,
            outline: v.extreme_bg_color,
        }
    }

    /// The default colour of a lane (see `theme::lane_colour`).
    fn lane(&self, i: usize) -> Color32 {
        crate::gui::theme::lane_colour(i, self.dark)
    }
}

fn paint_item(p: &Painter, pal: &Palette, it: &Item, r: Rect, colour: Color32, sources: u32) {
    let uncertain = it.flags & flags::UNCERTAIN != 0;
    let fill = if uncertain {
        colour.gamma_multiply(0.45)
    } else {
        colour
    };
    match it.kind {
        ItemKind::Point => {
            let c = r.center();
            let h = r.width() / 2.0;
            let pts = vec![
                pos2(c.x, c.y - h - 1.0),
                pos2(c.x + h, c.y),
                pos2(c.x, c.y + h + 1.0),
                pos2(c.x - h, c.y),
            ];
            let stroke = if uncertain {
                Stroke::new(1.0, colour)
            } else {
                Stroke::new(1.0, pal.outline)
            };
            p.add(Shape::convex_polygon(pts, fill, stroke));
        }
        ItemKind::Bar => {
            p.rect_filled(r, CornerRadius::same(3), fill);
            if uncertain {
                hatch(p, r, colour);
            }
        }
        ItemKind::Span => {
            p.rect_filled(r, CornerRadius::same(2), colour.gamma_multiply(0.2));
            let edge = Stroke::new(
                1.0,
                colour.gamma_multiply(if uncertain { 0.4 } else { 0.7 }),
            );
            p.rect_stroke(r, CornerRadius::same(2), edge, StrokeKind::Inside);
            if uncertain {
                hatch(p, r, colour.gamma_multiply(0.5));
            }
        }
    }
    let small = FontId::proportional(10.0);
    let mut x = r.right() + 2.0;
    if sources > 1 {
        let g = p.layout_no_wrap(format!("×{sources}"), small.clone(), pal.weak);
        let w = g.size().x;
        p.galley(pos2(x, r.center().y - g.size().y / 2.0), g, pal.weak);
        x += w + 2.0;
    }
    if uncertain {
        p.text(
            pos2(x, r.top() - 1.0),
            Align2::LEFT_TOP,
            "?",
            small.clone(),
            colour,
        );
        x += 7.0;
    }
    if it.flags & flags::CONFLICT != 0 {
        let c = pos2(x + 4.0, r.top());
        p.circle_filled(c, 4.0, Palette::CONFLICT);
        p.text(c, Align2::CENTER_CENTER, "!", small, Color32::WHITE);
    }
}

/// Diagonal hatching inside `r` (for dates that rest on a guess).
fn hatch(p: &Painter, r: Rect, colour: Color32) {
    let clip = p.clip_rect().intersect(r);
    if !clip.is_positive() {
        return;
    }
    let hp = p.with_clip_rect(clip);
    let h = r.height();
    let stroke = Stroke::new(1.0, colour);
    let mut x = clip.left() - h - (clip.left() - r.left()).rem_euclid(5.0);
    while x < clip.right() {
        hp.line_segment([pos2(x, r.bottom()), pos2(x + h, r.top())], stroke);
        x += 5.0;
    }
}

/// Paints a count bubble; returns its rectangle.
fn paint_bubble(p: &Painter, pal: &Palette, origin: Pos2, b: &Bubble, colour: Color32) -> Rect {
    let c = pos2(origin.x + b.x as f32, origin.y + b.y as f32);
    let text = format_count(b.count);
    let font = FontId::proportional(10.5);
    let g = p.layout_no_wrap(text, font, Color32::WHITE);
    let r = b.radius as f32;
    let w = (g.size().x / 2.0 + 4.0).max(r);
    let rect = Rect::from_center_size(c, vec2(2.0 * w, 2.0 * r));
    let fill = if pal.dark {
        colour.gamma_multiply(0.8)
    } else {
        colour
    };
    p.rect_filled(rect, CornerRadius::same(r as u8), fill);
    p.rect_stroke(
        rect,
        CornerRadius::same(r as u8),
        Stroke::new(1.0, pal.outline),
        StrokeKind::Outside,
    );
    let size = g.size();
    p.galley(c - size / 2.0, g, Color32::WHITE);
    rect
}

/// "7", "842", "1.2k", "35k", "1.1M".
fn format_count(n: u32) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9_999 => format!("{:.1}k", f64::from(n) / 1000.0),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", f64::from(n) / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::format_count;

    #[test]
    fn counts_are_short() {
        assert_eq!(format_count(7), "7");
        assert_eq!(format_count(1234), "1.2k");
        assert_eq!(format_count(35_000), "35k");
        assert_eq!(format_count(1_100_000), "1.1M");
    }
}
