//! The timeline widget: paints the briefing chart ([`crate::render::chart`], the same code
//! the exports use) and turns pointer and keyboard input into view changes and
//! [`Selection`] updates.
//!
//! All geometry (where an item is, what the pointer hits, when items turn into dense cells,
//! where captions go, what "fit" frames) lives in the pure `timeline` modules; this file
//! hit-tests what was drawn, adds the hover and selection outlines, lane-label widgets and
//! accessibility nodes, and hands the Export menu a chart of what is on screen.

use crate::gui::action::Action;
use crate::gui::context::PanelCtx;
use crate::gui::selection::Selection;
use crate::model::{Corpus, CountryCode, EventId};
use crate::render::chart::{
    caption_mark, count_below, lane_count, paint_body, Body, BodyOut, AXIS_H, LABEL_W,
};
use crate::render::palette::Theme;
use crate::render::scene::Scene;
use crate::render::text::{caption_text, more_suffix, thousands, GlyphCache};
use crate::render::ChartSpec;
use crate::timeline::frame::{FrameOptions, Framed};
use crate::timeline::hit::{hit_lane, lane_at, Target, HIT_PAD};
use crate::timeline::layout::{flags, Layout};
use crate::timeline::lod::{item_box, lane_height, Bubble};
use crate::timeline::TimeView;
use egui::{
    pos2, vec2, Color32, CornerRadius, FontId, Key, Pos2, Rect, Response, Sense, Shape, Stroke,
    StrokeKind, Ui, UiBuilder, WidgetInfo,
};

/// Marks and dense cells get an accessibility node (clickable by tests and screen readers)
/// when no more than this many are on screen; captions always do.
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
    /// Where the timeline was drawn last frame.
    rect: Rect,
    /// Layout indices of the lanes on screen last frame (what an export shows).
    visible: Vec<usize>,
    needs_fit: bool,
    /// The days the last fit or opened range showed and its zoom (see [`Framed`]).
    fitted: Option<Framed>,
    /// `Selection::hovered` was set by this panel (so we clear it when the pointer leaves).
    hover_owned: bool,
    /// (generation, corpus id) of the corpus the layout was built from.
    seen: Option<(u64, u64, Option<u64>)>,
    /// Glyph advances for measuring captions (made on the first frame).
    glyphs: Option<GlyphCache>,
    /// Layouts built here (not taken from a worker).
    layout_builds: u64,
}

impl Default for TimelinePanel {
    fn default() -> Self {
        Self::new()
    }
}

/// What the pointer is over.
#[derive(Clone, Copy, Debug)]
enum Hover {
    Item {
        lane: usize,
        index: usize,
    },
    /// A dense cell (many happenings drawn as one column).
    Cell(Bubble),
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
            rect: Rect::NOTHING,
            visible: Vec::new(),
            needs_fit: true,
            fitted: None,
            hover_owned: false,
            seen: None,
            glyphs: None,
            layout_builds: 0,
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
        self.layout_builds += 1;
        let layout = match keep {
            Some(k) => Layout::build_where(corpus, |i| k.get(i as usize).copied().unwrap_or(true)),
            None => Layout::build(corpus),
        };
        crate::gui::loader::drop_elsewhere(std::mem::replace(&mut self.layout, layout));
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
        self.replace_layout(layout, (generation, corpus_id, None), fit);
    }

    /// As [`Self::set_layout`] for the events the mask with key `mask` keeps (a top-N or
    /// pinned-only change, a correction: the view stays).
    pub fn take_layout(
        &mut self,
        layout: Layout,
        generation: u64,
        corpus_id: u64,
        mask: Option<u64>,
    ) {
        self.replace_layout(layout, (generation, corpus_id, mask), false);
    }

    fn replace_layout(&mut self, layout: Layout, seen: (u64, u64, Option<u64>), fit: bool) {
        let was_empty = self.layout.extent.is_none();
        // The old layout of a million events takes longer than a frame to free.
        crate::gui::loader::drop_elsewhere(std::mem::replace(&mut self.layout, layout));
        self.shown = (0..self.layout.lanes.len()).collect();
        self.colours = vec![None; self.layout.lanes.len()];
        self.seen = Some(seen);
        if fit || was_empty {
            self.fit_all();
        }
    }

    /// How many layouts this panel built itself (on the UI thread).
    pub fn layout_builds(&self) -> u64 {
        self.layout_builds
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
            self.fitted = Some(Framed::of(&self.view, self.plot_width));
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

    /// Frames the story (see `timeline::fit`): stray dates and guesses resting on file
    /// times never stretch it; what it leaves out is counted at the lanes' edges.
    fn apply_fit(&mut self, width: f64) {
        if let Some((a, b)) = self
            .layout
            .fit
            .map(|f| (f.start, f.end))
            .or(self.layout.extent)
        {
            self.view = TimeView::fit(a, b, width);
            self.fitted = Some(Framed::of(&self.view, width));
        }
    }

    /// How this frame's lanes are made: captions start inside the last framed days (a fit or
    /// an opened range, such as a restored view) while its zoom lasts (panning keeps them
    /// beside their marks; a zoom lets them pass the edges).
    fn frame_options(&self) -> FrameOptions {
        FrameOptions {
            keep_within: self.fitted.and_then(|f| f.keep_within(&self.view)),
            ..FrameOptions::default()
        }
    }

    /// The days "fit" frames and how many happenings lie outside them.
    pub fn fit(&self) -> Option<crate::timeline::fit::Fit> {
        self.layout.fit
    }

    /// The briefing chart of what is on screen (the days shown, the lanes in view), for
    /// the Export menu. `width` is the chart's width in px (the window's, at least 900).
    /// With `coverage` (the window's coverage chart is open: its data and the countries its
    /// legend switched off), the export has the chart under the timeline too.
    pub fn export_scene(
        &mut self,
        ctx: &egui::Context,
        corpus: &Corpus,
        title: &str,
        dark: bool,
        coverage: Option<(&crate::coverage::Coverage, Vec<CountryCode>)>,
    ) -> Scene {
        let (coverage, coverage_hidden) = match coverage {
            Some((c, hidden)) => (Some(c), hidden),
            None => (None, Vec::new()),
        };
        let spec = ChartSpec {
            title: title.to_string(),
            width: self.rect.width().max(900.0),
            dark,
            coverage: coverage.is_some(),
            coverage_hidden,
            ..Default::default()
        };
        let (a, b) = self.view.range(self.plot_width);
        let lanes = if self.visible.is_empty() {
            self.shown_lanes()
        } else {
            self.visible.clone()
        };
        let metrics = crate::render::text::metrics(ctx);
        let glyphs = self
            .glyphs
            .get_or_insert_with(|| GlyphCache::new(ctx.clone()));
        // The export's plot is narrower than the window's: keep the same days.
        let plot_w = f64::from(spec.width - LABEL_W) - 2.0 * 28.0;
        let view = TimeView::new(a, plot_w.max(50.0) / (b - a).max(1e-9));
        crate::render::chart_scene_with(
            corpus,
            &self.layout,
            &lanes,
            &self.colours,
            view,
            None,
            &spec,
            coverage,
            glyphs,
            metrics,
        )
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
        self.rect = rect;
        if self.needs_fit {
            self.apply_fit(width);
            self.needs_fit = false;
        }
        if let Some((a, b)) = self.pending_range.take() {
            // A restored view frames its days as a fit does.
            self.view = exact_view(a, b, width);
            self.fitted = Some(Framed::of(&self.view, width));
        }

        let max_scroll = (y as f32 - lanes_area.height() + 8.0).max(0.0);

        self.handle_input(ui, &response, plot, width);
        self.reveal(sel, &shown, &edges, lanes_area.height(), width);
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);

        // The chart itself: the same painting code as the exports.
        let theme = Theme::from_visuals(ui.visuals());
        let opts = self.frame_options();
        let glyphs = self
            .glyphs
            .get_or_insert_with(|| GlyphCache::new(ui.ctx().clone()));
        let mut scene = Scene::default();
        let out = paint_body(
            &mut scene,
            &Body {
                corpus,
                layout: &self.layout,
                lanes: &shown,
                view: self.view,
                rect,
                scroll_y: self.scroll_y,
                theme,
                opts,
                lane_labels: false,
                colours: &self.colours,
                breaks: None,
            },
            glyphs,
        );
        self.visible = shown
            .iter()
            .enumerate()
            .filter(|&(k, _)| out.views.get(k).is_some_and(|v| v.is_some()))
            .map(|(_, &li)| li)
            .collect();

        // What is under the pointer: captions and their marks, then marks, then cells.
        let hover = response
            .hover_pos()
            .filter(|p| plot.contains(*p) && lanes_area.contains(*p))
            .and_then(|p| self.hit(&out, &shown, &edges, width, p));
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
                Some(Hover::Cell(cell)) => self.zoom_into(&cell, width),
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
        scene.paint(&painter, egui::Vec2::ZERO);

        // Lane labels as widgets (readable by screen readers and tests), counts beside them.
        let mut label_ui = ui.new_child(UiBuilder::new().max_rect(lanes_area));
        label_ui.set_clip_rect(Rect::from_min_max(
            lanes_area.min,
            pos2(plot.left(), lanes_area.bottom()),
        ));
        for (k, &li) in shown.iter().enumerate() {
            let (top, bottom) = (out.lane_tops[k], out.lane_tops[k + 1]);
            if bottom < lanes_area.top() || top > lanes_area.bottom() {
                continue;
            }
            let lane = &self.layout.lanes[li];
            let count = lane_count(lane.items.len());
            let below = count_below(bottom - top);
            let g = painter.layout_no_wrap(count, FontId::proportional(10.0), theme.weak);
            let count_w = g.size().x;
            let count_pos = if below {
                pos2(rect.left() + 18.0, top + 31.0 - g.size().y / 2.0)
            } else {
                pos2(
                    rect.left() + LABEL_W - 10.0 - count_w,
                    top + 16.0 - g.size().y / 2.0,
                )
            };
            painter
                .with_clip_rect(label_ui.clip_rect())
                .galley(count_pos, g, theme.weak);
            let room = if below {
                LABEL_W - 26.0
            } else {
                LABEL_W - 34.0 - count_w
            };
            let label_rect = Rect::from_min_size(
                pos2(rect.left() + 18.0, top + 6.0),
                vec2(room.max(30.0), 20.0),
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
        }

        // Accessibility nodes (and what kittest finds): captions always, marks and dense
        // cells while there are few enough of them.
        let clip = plot.intersect(lanes_area);
        let mut budget = MAX_A11Y_ITEMS;
        for v in out.views.iter().flatten() {
            budget = budget.saturating_sub(v.items.len() + v.cells.len());
        }
        for (k, &li) in shown.iter().enumerate() {
            let Some(Some(v)) = out.views.get(k) else {
                continue;
            };
            for c in &v.captions {
                let r = out.to_screen(k, &c.b);
                if !clip.intersects(r) {
                    continue;
                }
                let label = self.caption_label(corpus, li, c.item as usize, c.more);
                let resp = ui.interact(
                    r.intersect(clip),
                    id.with(("caption", li, c.item)),
                    Sense::hover(),
                );
                resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            }
            if budget == 0 {
                continue;
            }
            let lane = &self.layout.lanes[li];
            for &i in &v.items {
                let r = out.to_screen(k, &item_box(&lane.items[i as usize], &self.view));
                if clip.intersects(r) {
                    let label = self.item_label(corpus, li, i as usize);
                    let resp =
                        ui.interact(r.intersect(clip), id.with(("item", li, i)), Sense::hover());
                    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
                }
            }
            for (ci, cell) in v.cells.iter().enumerate() {
                let r = cell_rect(&out, k, cell);
                if clip.intersects(r) {
                    let label = format!("{} events", thousands(u64::from(cell.count)));
                    let resp =
                        ui.interact(r.intersect(clip), id.with(("cell", li, ci)), Sense::hover());
                    resp.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
                }
            }
        }

        // Selected and hovered units, with their twins in other lanes.
        let plot_painter = painter.with_clip_rect(clip);
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
                // A happening of a dense cell is drawn in the row its caption took.
                let caption = out
                    .views
                    .get(*k)
                    .and_then(|v| v.as_ref())
                    .and_then(|v| v.captions.iter().find(|c| c.item == ii));
                let b = caption.map_or_else(
                    || item_box(it, &self.view),
                    |c| caption_mark(it, &self.view, c),
                );
                let r = out.to_screen(*k, &b).expand(3.0);
                plot_painter.rect_stroke(r, CornerRadius::same(4), stroke, StrokeKind::Outside);
                centres.push(r.center());
                // Its caption too, when it has one.
                if let Some(Some(v)) = out.views.get(*k) {
                    if let Some(c) = v.captions.iter().find(|c| c.item == ii) {
                        let cr = out.to_screen(*k, &c.b);
                        plot_painter.rect_stroke(
                            cr,
                            CornerRadius::same(3),
                            stroke,
                            StrokeKind::Outside,
                        );
                    }
                }
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
        mark_unit(sel.selected, Stroke::new(2.0, theme.selected));
        if sel.hovered != sel.selected {
            mark_unit(sel.hovered, Stroke::new(1.5, theme.text));
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
            painter.rect_filled(bar, CornerRadius::same(2), theme.grid_major);
        }

        // Tooltip.
        if let Some(h) = hover {
            if !response.dragged() {
                response.on_hover_ui_at_pointer(|ui| match h {
                    Hover::Item { lane, index } => self.item_tooltip(ui, corpus, lane, index),
                    Hover::Cell(cell) => cell_tooltip(ui, &cell),
                });
            }
        }
        rect
    }

    /// What is at screen point `p` inside the lanes' plot.
    fn hit(
        &self,
        out: &BodyOut,
        shown: &[usize],
        edges: &[f64],
        width: f64,
        p: Pos2,
    ) -> Option<Hover> {
        let ly = f64::from(p.y - out.lanes_area.top() + self.scroll_y);
        let k = lane_at(edges, ly)?;
        let li = shown[k];
        let lane = &self.layout.lanes[li];
        let (x, y) = (f64::from(p.x - out.plot.left()), ly - edges[k]);
        let v = out.views.get(k)?.as_ref()?;
        for c in &v.captions {
            let mark = caption_mark(&lane.items[c.item as usize], &self.view, c);
            if c.b.contains(x, y, 0.0) || mark.contains(x, y, HIT_PAD) {
                return Some(Hover::Item {
                    lane: li,
                    index: c.item as usize,
                });
            }
        }
        if let Some(Target::Item(i)) = hit_lane(lane, &self.view, width, x, y) {
            return Some(Hover::Item {
                lane: li,
                index: i as usize,
            });
        }
        v.cells
            .iter()
            .find(|c| cell_rect(out, k, c).contains(p))
            .map(|c| Hover::Cell(*c))
    }

    /// Zooms so that a dense cell's days fill about a quarter of the plot.
    fn zoom_into(&mut self, cell: &Bubble, width: f64) {
        let mid = (cell.first_day + cell.last_day) / 2.0;
        let half = (cell.last_day - cell.first_day).max(2.0) * 2.0;
        self.view = TimeView::fit(mid - half, mid + half, width);
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

    /// Accessible name of a caption: its text as drawn in full, then the date and lane
    /// like a mark's ("Kim visits Vladivostok +3 more (2024-06-19) · RU").
    fn caption_label(&self, corpus: &Corpus, lane: usize, index: usize, more: u32) -> String {
        let Some(unit) = self
            .layout
            .item(lane, index)
            .and_then(|it| self.layout.units.get(it.unit as usize))
        else {
            return String::new();
        };
        let code = self.layout.lanes[lane]
            .code
            .map_or_else(|| "none".to_string(), |c| c.to_string());
        let date = corpus
            .events
            .get(unit.rep as usize)
            .map_or_else(String::new, |e| e.span.to_string());
        format!(
            "{}{} ({date}) · {code}",
            caption_text(corpus, unit),
            more_suffix(more)
        )
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
            ui.colored_label(Theme::light().conflict, "! sources disagree on the date");
        }
        if ev.is_uncertain() {
            let why = if ev.note.is_empty() {
                "date is a guess".to_string()
            } else {
                ev.note.to_string()
            };
            ui.label(egui::RichText::new(format!("? uncertain: {why}")).italics());
        }
    }
}

fn cell_tooltip(ui: &mut Ui, b: &Bubble) {
    let fmt = |d: f64| {
        crate::timeline::axis::date_of(d.floor() as i64).map_or_else(String::new, |d| d.to_string())
    };
    ui.label(egui::RichText::new(format!("{} events", thousands(u64::from(b.count)))).strong());
    ui.label(format!("{} – {}", fmt(b.first_day), fmt(b.last_day - 1e-6)));
    ui.label(egui::RichText::new("click to zoom in").weak());
}

/// A view showing exactly days `start..end` across `width` px (no margin, unlike a fit).
fn exact_view(start: f64, end: f64, width: f64) -> TimeView {
    TimeView::new(start, width.max(50.0) / (end - start).max(1.0))
}

/// The screen rectangle of a dense cell in shown lane `k` (as `chart` paints it).
fn cell_rect(out: &BodyOut, k: usize, cell: &Bubble) -> Rect {
    let top = out.lane_tops.get(k).copied().unwrap_or(0.0);
    let bottom = out.lane_tops.get(k + 1).copied().unwrap_or(top);
    Rect::from_min_max(
        pos2(out.plot.left() + cell.x0 as f32, top),
        pos2(out.plot.left() + cell.x1 as f32, bottom),
    )
}
