//! The briefing chart, painted into a [`Scene`]: the timeline body (axis, lanes, density
//! strips, marks, captions, off-chart counts) that the window shows, and around it for
//! exports the title, the date range, a legend of mark kinds and a one-line source note.
//!
//! Geometry comes from [`crate::timeline`]; this module only turns lane-local boxes into
//! shapes and chooses colours and type sizes, so the window and every export draw the
//! same thing.

use super::palette::Theme;
use super::scene::{clip_segment, Scene, Shape};
use super::text::{
    chart_caption, more_suffix, shorten, thousands, Measure, Written, LONG_CAPTION_BYTES,
};
use crate::model::{Corpus, CountryCode};
use crate::timeline::axis::date_of;
use crate::timeline::broken::Broken;
use crate::timeline::captions::{Caption, MAX_CAPTION_PX};
use crate::timeline::frame::{lane_view, CaptionSize, FrameOptions, LaneView, CAPTION_PAD};
use crate::timeline::layout::{flags, Item, ItemKind, Lane, Layout, Unit, MAX_ROWS};
use crate::timeline::lod::{item_box, lane_height, BoxPx, Bubble, LANE_PAD, ROW_H};
use crate::timeline::{ticks, TimeView};
use egui::{pos2, vec2, Align2, Color32, Pos2, Rect, Stroke};
use std::cell::RefCell;
use std::collections::HashSet;

/// Width of the lane-label column.
pub const LABEL_W: f32 = 176.0;
/// Height of the time axis strip.
pub const AXIS_H: f32 = 30.0;
/// Type sizes.
pub const CAPTION_SIZE: f32 = 11.5;
const LABEL_SIZE: f32 = 12.5;
const AXIS_SIZE: f32 = 12.0;
const SMALL: f32 = 10.0;

/// What the timeline body shows and where.
pub struct Body<'a> {
    pub corpus: &'a Corpus,
    pub layout: &'a Layout,
    /// Layout lane indices shown, top to bottom.
    pub lanes: &'a [usize],
    pub view: TimeView,
    /// The whole body: label column on the left, axis strip on top.
    pub rect: Rect,
    /// Vertical scroll of the lanes, px.
    pub scroll_y: f32,
    pub theme: Theme,
    pub opts: FrameOptions,
    /// Paint lane labels (the window draws them as widgets instead).
    pub lane_labels: bool,
    /// The user's colour of each layout lane (`None`, or an empty slice: the palette's
    /// colour for its place on the chart).
    pub colours: &'a [Option<Color32>],
    /// A broken axis (still pictures of a story told in bursts): its pieces are drawn side
    /// by side instead of `view`.
    pub breaks: Option<&'a Broken>,
}

impl Body<'_> {
    /// The colour of shown lane `k` (layout lane `li`).
    pub fn lane_colour(&self, k: usize, li: usize) -> Color32 {
        let has_country = self.layout.lanes.get(li).is_some_and(|l| l.code.is_some());
        self.colours
            .get(li)
            .copied()
            .flatten()
            .unwrap_or_else(|| self.theme.lane(k, has_country))
    }
}

/// Where things ended up, for hit-testing and overlays.
#[derive(Clone, Debug)]
pub struct BodyOut {
    /// Right of the label column, below the axis.
    pub plot: Rect,
    /// Below the axis, full width.
    pub lanes_area: Rect,
    /// Screen y of each shown lane's top, then the last lane's bottom (after scrolling).
    pub lane_tops: Vec<f32>,
    /// What each shown lane drew (`None` when scrolled out of sight).
    pub views: Vec<Option<LaneView>>,
}

impl BodyOut {
    /// The screen rectangle of a lane-local box in shown lane `k`.
    pub fn to_screen(&self, k: usize, b: &BoxPx) -> Rect {
        let top = self.lane_tops.get(k).copied().unwrap_or(0.0);
        Rect::from_min_max(
            pos2(self.plot.left() + b.x0 as f32, top + b.y0 as f32),
            pos2(self.plot.left() + b.x1 as f32, top + b.y1 as f32),
        )
    }
}

/// Total height of `lanes` of `layout`, px.
pub fn lanes_height(layout: &Layout, lanes: &[usize]) -> f32 {
    lanes
        .iter()
        .map(|&li| lane_height(layout.lanes[li].rows) as f32)
        .sum()
}

/// One part of the plot drawn through one view: the whole plot, or one piece of a broken
/// axis (see [`crate::timeline::broken`]).
#[derive(Clone, Copy, Debug)]
struct Part {
    /// Left edge, px from the plot's left edge, and width.
    x0: f64,
    width: f64,
    view: TimeView,
    /// Its left and right edges are breaks.
    edges: (bool, bool),
}

fn parts(b: &Body, width: f64) -> Vec<Part> {
    match b.breaks {
        Some(br) if br.pieces.len() > 1 => {
            let n = br.pieces.len();
            br.pieces
                .iter()
                .enumerate()
                .map(|(i, p)| Part {
                    x0: p.x0,
                    width: p.width(),
                    view: p.view(br.px_per_day),
                    edges: (i > 0, i + 1 < n),
                })
                .collect()
        }
        _ => vec![Part {
            x0: 0.0,
            width,
            view: b.view,
            edges: (false, false),
        }],
    }
}

/// What each shown lane draws in each part (`None`: out of sight). Lanes are captioned from
/// the top: a happening drawn in several lanes (one that involves several countries) is
/// captioned once, in the first lane that has room for it; its marks in the lanes below
/// stay bare, which leaves their room to other happenings.
fn lane_views(
    b: &Body,
    parts: &[Part],
    visible: &dyn Fn(usize) -> bool,
    m: &mut dyn Measure,
) -> Vec<Option<Vec<LaneView>>> {
    let mut done: HashSet<u32> = HashSet::new();
    let mut out = Vec::with_capacity(b.lanes.len());
    for (k, &li) in b.lanes.iter().enumerate() {
        if !visible(k) {
            out.push(None);
            continue;
        }
        let lane = &b.layout.lanes[li];
        let mut views = Vec::with_capacity(parts.len());
        for p in parts {
            let mut measure =
                |item: u32, more: u32| caption_size(b, lane, m, item, more, Some(&done));
            let opts = FrameOptions {
                break_edges: p.edges,
                ..b.opts
            };
            views.push(lane_view(lane, &p.view, p.width, opts, &mut measure));
        }
        if views.iter().all(|v| v.captions.is_empty()) && !done.is_empty() {
            repeat_top(b, lane, parts, &mut views, m);
        }
        done.extend(
            views
                .iter()
                .flat_map(|v| v.captions.iter())
                .filter_map(|c| lane.items.get(c.item as usize).map(|it| it.unit)),
        );
        out.push(Some(views));
    }
    out
}

/// What the chart writes for a happening: its caption, or the shorter form when the whole
/// one is wider than a caption box may grow (its text plus padding), measured.
fn written_caption<'a>(b: &Body<'a>, unit: &Unit, m: &mut dyn Measure) -> Written<'a> {
    let room = (MAX_CAPTION_PX - 2.0 * CAPTION_PAD) as f32;
    chart_caption(b.corpus, unit, m, CAPTION_SIZE, room)
}

/// The size of `item`'s caption with `more` others in its cell, or `None` without text or
/// when its happening is in `skip` (captioned in a lane above).
fn caption_size(
    b: &Body,
    lane: &Lane,
    m: &mut dyn Measure,
    item: u32,
    more: u32,
    skip: Option<&HashSet<u32>>,
) -> Option<CaptionSize> {
    let it = lane.items.get(item as usize)?;
    if skip.is_some_and(|s| s.contains(&it.unit)) {
        return None;
    }
    let unit = b.layout.units.get(it.unit as usize)?;
    let w = written_caption(b, unit, m);
    if w.text.is_empty() {
        return None;
    }
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.text.hash(&mut h);
        h.finish()
    };
    let trailing = decoration_width(m, it, unit.sources);
    let suffix = f64::from(m.width(&more_suffix(more), CAPTION_SIZE));
    Some(CaptionSize {
        text: f64::from(w.width).min(MAX_CAPTION_PX + 1.0),
        short: w.short.map(|(_, sw)| f64::from(sw)),
        suffix,
        trailing,
        key,
    })
}

/// A lane left with no caption of its own (every happening it shows with room was
/// captioned in a lane above) writes its top happening again, dimmed, in each part where
/// it has room: a lane of marks alone tells the reader nothing, and the dimmed words say
/// they were read above. Only the best-ranked caption a part would place is kept, so the
/// repeat never crowds the lane.
fn repeat_top(b: &Body, lane: &Lane, parts: &[Part], views: &mut [LaneView], m: &mut dyn Measure) {
    for (p, v) in parts.iter().zip(views.iter_mut()) {
        let mut measure = |item: u32, more: u32| caption_size(b, lane, m, item, more, None);
        let opts = FrameOptions {
            break_edges: p.edges,
            ..b.opts
        };
        let again = lane_view(lane, &p.view, p.width, opts, &mut measure);
        // Same marks and cells: only the captions are taken from the second pass.
        if again.items != v.items {
            continue;
        }
        let rank = |c: &Caption| {
            lane.items
                .get(c.item as usize)
                .and_then(|it| b.layout.units.get(it.unit as usize))
                .map_or(u32::MAX, |u| u.rank)
        };
        if let Some(best) = again.captions.iter().min_by_key(|c| rank(c)) {
            let mut c = *best;
            c.repeat = true;
            // Alone, it counts no "+N more" of a cell whose other captions were dropped.
            c.more = 0;
            v.captions.push(c);
        }
    }
}

/// The lane's height as drawn: its rows, and one more when a caption took the extra row
/// (see [`FrameOptions::extra_row`]).
fn drawn_height(lane: &Lane, views: Option<&Vec<LaneView>>) -> f32 {
    let h = lane_height(lane.rows);
    let rows = f64::from(lane.rows.clamp(1, MAX_ROWS));
    let extra = views.is_some_and(|vs| {
        vs.iter()
            .flat_map(|v| v.captions.iter())
            .any(|c| c.b.y0 >= LANE_PAD + rows * ROW_H - 1.0)
    });
    (h + if extra { ROW_H } else { 0.0 }) as f32
}

/// Height of the lanes of a still picture ([`FrameOptions::extra_row`]: lanes whose best
/// happening needed a caption row of its own are one row taller).
pub fn body_lanes_height(b: &Body, m: &mut dyn Measure) -> f32 {
    let width = f64::from((b.rect.width() - LABEL_W).max(1.0));
    let parts = parts(b, width);
    let views = lane_views(b, &parts, &|_| true, m);
    b.lanes
        .iter()
        .zip(&views)
        .map(|(&li, v)| drawn_height(&b.layout.lanes[li], v.as_ref()))
        .sum()
}

/// Paints the timeline body into `scene`.
pub fn paint_body(scene: &mut Scene, b: &Body, m: &mut dyn Measure) -> BodyOut {
    let th = &b.theme;
    let rect = b.rect;
    let plot = Rect::from_min_max(pos2(rect.left() + LABEL_W, rect.top() + AXIS_H), rect.max);
    let lanes_area = Rect::from_min_max(pos2(rect.left(), rect.top() + AXIS_H), rect.max);
    let width = f64::from(plot.width().max(1.0));
    let mut out = BodyOut {
        plot,
        lanes_area,
        lane_tops: Vec::with_capacity(b.lanes.len() + 1),
        views: Vec::with_capacity(b.lanes.len()),
    };
    let parts = parts(b, width);

    scene.layer(Some(rect));
    scene.rect(
        Rect::from_min_max(pos2(plot.left(), rect.top()), rect.max),
        0.0,
        th.plot_bg,
        None,
    );
    scene.rect(
        Rect::from_min_max(rect.min, pos2(plot.left(), rect.bottom())),
        0.0,
        th.panel,
        None,
    );

    // What each lane shows, before where the lanes go: in a still picture a lane may take
    // a caption row (the window's lanes keep their rows, so there the heights come first).
    let mut y = lanes_area.top() - b.scroll_y;
    let mut base_tops = Vec::with_capacity(b.lanes.len() + 1);
    for &li in b.lanes {
        base_tops.push(y);
        y += lane_height(b.layout.lanes[li].rows) as f32;
    }
    base_tops.push(y);
    let visible =
        |k: usize| base_tops[k + 1] >= lanes_area.top() && base_tops[k] <= lanes_area.bottom();
    let views = lane_views(b, &parts, &visible, m);
    let mut y = lanes_area.top() - b.scroll_y;
    for (&li, v) in b.lanes.iter().zip(&views) {
        out.lane_tops.push(y);
        y += drawn_height(&b.layout.lanes[li], v.as_ref());
    }
    out.lane_tops.push(y);

    // Lane backgrounds and labels.
    scene.layer(Some(lanes_area));
    for (k, &li) in b.lanes.iter().enumerate() {
        let (top, bottom) = (out.lane_tops[k], out.lane_tops[k + 1]);
        if bottom < lanes_area.top() || top > lanes_area.bottom() {
            continue;
        }
        let lr = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), bottom));
        if k % 2 == 1 {
            scene.rect(lr, 0.0, th.stripe, None);
        }
        scene.line(
            pos2(lr.left(), lr.bottom()),
            pos2(lr.right(), lr.bottom()),
            Stroke::new(1.0, th.grid),
        );
        let lane = &b.layout.lanes[li];
        let colour = b.lane_colour(k, li);
        scene.rect(
            Rect::from_min_size(pos2(lr.left() + 8.0, top + 9.0), vec2(4.0, 14.0)),
            2.0,
            colour,
            None,
        );
        if b.lane_labels {
            paint_lane_label(scene, th, lane, lr, m);
        }
    }
    scene.layer(Some(rect));
    scene.line(
        pos2(plot.left(), rect.top()),
        pos2(plot.left(), rect.bottom()),
        Stroke::new(1.0, th.grid),
    );

    for (pi, p) in parts.iter().enumerate() {
        let part_rect = Rect::from_min_max(
            pos2(plot.left() + p.x0 as f32, plot.top()),
            pos2(plot.left() + (p.x0 + p.width) as f32, plot.bottom()),
        );
        paint_axis(scene, b, part_rect, &p.view, pi == 0, m);

        // Lanes' content, clipped to the part.
        scene.layer(Some(part_rect));
        for (k, &li) in b.lanes.iter().enumerate() {
            let Some(Some(vs)) = views.get(k) else {
                continue;
            };
            let Some(v) = vs.get(pi) else { continue };
            let (top, bottom) = (out.lane_tops[k], out.lane_tops[k + 1]);
            let lane = &b.layout.lanes[li];
            let colour = b.lane_colour(k, li);
            let view = &p.view;
            let origin = pos2(part_rect.left(), top);
            let inner_h = (bottom - top) - 2.0 * LANE_PAD as f32;
            for cell in &v.cells {
                paint_cell(scene, origin, cell, inner_h, colour);
            }
            let captioned: Vec<u32> = v.captions.iter().map(|c| c.item).collect();
            for &i in &v.items {
                let it = &lane.items[i as usize];
                let r = to_rect(origin, item_box(it, view));
                paint_mark(scene, th, it.kind, it.flags, r, colour);
            }
            // Counts and flags over the marks, so a neighbouring mark never hides them.
            for &i in &v.items {
                if captioned.contains(&i) {
                    continue;
                }
                let it = &lane.items[i as usize];
                let r = to_rect(origin, item_box(it, view));
                let sources = unit_sources(b.layout, it);
                paint_decorations(scene, th, it.flags, r, sources, colour, m);
            }
            for c in &v.captions {
                let it = &lane.items[c.item as usize];
                let r = to_rect(origin, caption_mark(it, view, c));
                if c.own_mark {
                    paint_mark(scene, th, it.kind, it.flags, r, colour);
                }
                if c.leader {
                    paint_leader(scene, r, to_rect(origin, c.b), colour);
                }
                let sources = unit_sources(b.layout, it);
                paint_decorations(scene, th, it.flags, r, sources, colour, m);
                let unit = &b.layout.units[it.unit as usize];
                let w = written_caption(b, unit, m);
                let short = w.short.map_or("", |(s, _)| s);
                paint_caption(scene, th, origin, c, [w.text, short], it, m);
            }
            paint_off_chart(scene, th, origin, part_rect.width(), bottom - top, v, m);
        }
    }
    paint_breaks(scene, b, plot, &parts);

    // What each lane drew, in plot px (the parts of a broken axis joined).
    for vs in views {
        out.views.push(vs.map(|vs| join_parts(vs, &parts)));
    }
    scene.layer(Some(plot));

    if b.layout.lanes.is_empty() || b.lanes.is_empty() {
        scene.text(
            plot.center(),
            Align2::CENTER_CENTER,
            "No dated events to show",
            15.0,
            th.weak,
        );
    }
    out
}

/// Where a captioned item's mark is drawn: its own box, moved to the row its caption took
/// when it stands for a happening of a dense cell.
pub fn caption_mark(it: &Item, view: &TimeView, c: &Caption) -> BoxPx {
    let mut r = item_box(it, view);
    let dy = (f64::from(c.mark_row) - f64::from(it.row)) * ROW_H;
    r.y0 += dy;
    r.y1 += dy;
    r
}

/// The lane views of the parts as one, in plot px.
fn join_parts(mut vs: Vec<LaneView>, parts: &[Part]) -> LaneView {
    if vs.len() <= 1 {
        return vs.pop().unwrap_or_default();
    }
    let mut out = LaneView::default();
    let n = vs.len();
    for (i, (mut v, p)) in vs.into_iter().zip(parts).enumerate() {
        for c in &mut v.captions {
            c.b.x0 += p.x0;
            c.b.x1 += p.x0;
        }
        for c in &mut v.cells {
            c.x0 += p.x0;
            c.x1 += p.x0;
        }
        if i == 0 {
            out.before = v.before;
        }
        if i + 1 == n {
            out.after = v.after;
        }
        out.items.extend(v.items);
        out.cells.extend(v.cells);
        out.captions.extend(v.captions);
    }
    out
}

/// A short line joining a mark to its caption in the row above or below (slanting when
/// the caption starts past something under the mark).
fn paint_leader(scene: &mut Scene, mark: Rect, caption: Rect, colour: Color32) {
    let (a, b) = leader_ends(mark, caption);
    scene.line(a, b, Stroke::new(1.0, colour));
}

/// Where a leader joins a mark to its caption in the row above or below: from the mark's
/// centre, or for a span (a bar, a month or a year) from the point of it nearest the
/// caption, so the leader stays as short as the caption's place allowed (a year's caption
/// under its last weeks is joined there, not by a long slant from the year's middle).
fn leader_ends(mark: Rect, caption: Rect) -> (Pos2, Pos2) {
    let (lo, hi) = (
        caption.left() + 2.0,
        (caption.right() - 2.0).max(caption.left() + 2.0),
    );
    // Inside the mark by up to a point's half width, so a point's leader leaves its centre.
    let inset = (mark.width() / 2.0).clamp(0.0, 5.0);
    let x0 = mark
        .center()
        .x
        .clamp(lo, hi)
        .clamp(mark.left() + inset, mark.right() - inset);
    let x1 = x0.clamp(lo, hi);
    if caption.top() >= mark.bottom() {
        (pos2(x0, mark.bottom()), pos2(x1, caption.top()))
    } else {
        (pos2(x0, mark.top()), pos2(x1, caption.bottom()))
    }
}

/// The break between two pieces of a broken axis: the gap filled like the margins, and a
/// pair of slanted strokes across the axis line and the plot's foot, as on a broken axis
/// in print.
fn paint_breaks(scene: &mut Scene, b: &Body, plot: Rect, parts: &[Part]) {
    let th = &b.theme;
    scene.layer(Some(b.rect));
    for w in parts.windows(2) {
        let (x0, x1) = (
            plot.left() + (w[0].x0 + w[0].width) as f32,
            plot.left() + w[1].x0 as f32,
        );
        if x1 <= x0 {
            continue;
        }
        let gap = Rect::from_min_max(pos2(x0, b.rect.top()), pos2(x1, b.rect.bottom()));
        scene.rect(gap, 0.0, th.panel, None);
        for edge in [x0, x1] {
            scene.line(
                pos2(edge, b.rect.top()),
                pos2(edge, b.rect.bottom()),
                Stroke::new(1.0, th.grid),
            );
        }
        let mid = (x0 + x1) / 2.0;
        for y in [plot.top(), b.rect.bottom()] {
            for dx in [-3.0, 3.0] {
                scene.line(
                    pos2(mid + dx - 4.0, y + 6.0),
                    pos2(mid + dx + 4.0, y - 6.0),
                    Stroke::new(1.5, th.grid_major),
                );
            }
        }
    }
}

fn unit_sources(layout: &Layout, it: &Item) -> u32 {
    layout.units.get(it.unit as usize).map_or(1, |u| u.sources)
}

fn to_rect(origin: Pos2, b: BoxPx) -> Rect {
    Rect::from_min_max(
        pos2(origin.x + b.x0 as f32, origin.y + b.y0 as f32),
        pos2(origin.x + b.x1 as f32, origin.y + b.y1 as f32),
    )
}

fn paint_lane_label(scene: &mut Scene, th: &Theme, lane: &Lane, lr: Rect, m: &mut dyn Measure) {
    let count = lane_count(lane.items.len());
    let y = lr.top() + 16.0;
    let below = count_below(lr.height());
    let count_w = m.width(&count, SMALL);
    let room = if below {
        LABEL_W - 18.0 - 8.0
    } else {
        LABEL_W - 18.0 - 10.0 - count_w - 6.0
    };
    let label = shorten(m, &lane.label, "", LABEL_SIZE, room.max(30.0));
    scene.text(
        pos2(lr.left() + 18.0, y),
        Align2::LEFT_CENTER,
        label,
        LABEL_SIZE,
        th.text,
    );
    let (pos, anchor) = if below {
        (pos2(lr.left() + 18.0, y + 15.0), Align2::LEFT_CENTER)
    } else {
        (pos2(lr.left() + LABEL_W - 10.0, y), Align2::RIGHT_CENTER)
    };
    scene.text(pos, anchor, count, SMALL, th.weak);
}

/// "1 event", "23,106 events".
pub fn lane_count(n: usize) -> String {
    super::text::count(n, "event")
}

/// A lane this tall has room for its count under its name.
pub fn count_below(lane_h: f32) -> bool {
    lane_h >= 48.0
}

/// The time axis over `plot` (the whole plot, or a piece of a broken axis) through `view`;
/// with `context`, the context label ("2023") in the label column (else, for a later piece,
/// at the piece's own left edge).
fn paint_axis(
    scene: &mut Scene,
    b: &Body,
    plot: Rect,
    view: &TimeView,
    context: bool,
    m: &mut dyn Measure,
) {
    let th = &b.theme;
    let width = f64::from(plot.width().max(1.0));
    let axis_rect = Rect::from_min_max(
        pos2(plot.left(), b.rect.top()),
        pos2(plot.right(), b.rect.top() + AXIS_H),
    );
    let cell = RefCell::new(m);
    let axis = ticks::axis(view, width, |s| {
        f64::from(cell.borrow_mut().width(s, AXIS_SIZE))
    });
    scene.layer(Some(axis_rect));
    scene.rect(axis_rect, 0.0, th.panel, None);
    scene.layer(Some(plot));
    let x_of = |d: f64| plot.left() + view.x_of(d) as f32;
    for &d in &axis.minor {
        let x = x_of(d);
        scene.line(
            pos2(x, plot.top()),
            pos2(x, plot.bottom()),
            Stroke::new(1.0, th.grid_minor),
        );
    }
    for t in &axis.ticks {
        let x = x_of(t.day);
        let c = if t.major { th.grid_major } else { th.grid };
        scene.line(
            pos2(x, plot.top()),
            pos2(x, plot.bottom()),
            Stroke::new(1.0, c),
        );
    }
    scene.layer(Some(axis_rect));
    for &d in &axis.minor {
        let x = x_of(d);
        scene.line(
            pos2(x, axis_rect.bottom() - 4.0),
            pos2(x, axis_rect.bottom()),
            Stroke::new(1.0, th.grid),
        );
    }
    // A later piece of a broken axis says where it is ("Jun 2024") at its own left edge,
    // where it hides no tick label.
    let own = axis.place.as_ref().filter(|_| !context);
    let labels_from = own.map_or(f32::NEG_INFINITY, |c| {
        let w = cell.borrow_mut().width(c, AXIS_SIZE);
        scene.text(
            pos2(axis_rect.left() + 4.0, axis_rect.top() + 6.0),
            Align2::LEFT_TOP,
            c,
            AXIS_SIZE,
            th.text,
        );
        axis_rect.left() + 4.0 + w + 8.0
    });
    for t in &axis.ticks {
        let x = x_of(t.day);
        scene.line(
            pos2(x, axis_rect.bottom() - 9.0),
            pos2(x, axis_rect.bottom()),
            Stroke::new(1.0, th.grid_major),
        );
        if x + 3.0 < labels_from {
            continue;
        }
        // A label cut by the piece's right edge (a break or the plot's end) would read as
        // another date ("20" of "2020"): the tick stays, its label goes.
        if x + 3.0 + cell.borrow_mut().width(&t.label, AXIS_SIZE) > axis_rect.right() {
            continue;
        }
        let colour = if t.major { th.text } else { th.weak };
        scene.text(
            pos2(x + 3.0, axis_rect.top() + 6.0),
            Align2::LEFT_TOP,
            &t.label,
            AXIS_SIZE,
            colour,
        );
    }
    scene.layer(Some(b.rect));
    scene.line(
        pos2(b.rect.left(), axis_rect.bottom()),
        pos2(b.rect.right(), axis_rect.bottom()),
        Stroke::new(1.0, th.grid_major),
    );
    if let Some(ctx) = axis.context.as_ref().filter(|_| context) {
        scene.text(
            pos2(b.rect.left() + 10.0, b.rect.top() + AXIS_H / 2.0),
            Align2::LEFT_CENTER,
            ctx,
            13.0,
            th.text,
        );
    }
    scene.layer(Some(plot));
}

/// A crowded stretch: a column standing on the lane's floor whose height grows with the
/// log of its count (from 2 events to 10,000), at most [`STRIP_H`] tall so that the rows
/// above stay free for marks and captions: how much is on the floor, what it was above.
/// Square, flat and pale, so it never reads as a mark.
fn paint_cell(scene: &mut Scene, origin: Pos2, cell: &Bubble, inner_h: f32, colour: Color32) {
    let f = (0.15 + 0.85 * (f64::from(cell.count).log10() / 4.0)).clamp(0.15, 1.0) as f32;
    let h = (inner_h.min(STRIP_H) * f).max(2.0);
    let bottom = origin.y + LANE_PAD as f32 + inner_h + 3.0;
    let r = Rect::from_min_max(
        pos2(origin.x + cell.x0 as f32, bottom - h),
        pos2(origin.x + cell.x1 as f32, bottom),
    );
    scene.rect(r, 0.0, colour.gamma_multiply(0.28), None);
}

/// Tallest a density-strip column grows.
pub const STRIP_H: f32 = 22.0;

/// A mark: a diamond for a day, a bar for a range, a faint span for a month or year;
/// hatched when the date is a guess.
pub fn paint_mark(scene: &mut Scene, th: &Theme, kind: ItemKind, fl: u8, r: Rect, colour: Color32) {
    let uncertain = fl & flags::UNCERTAIN != 0;
    let fill = if uncertain {
        colour.gamma_multiply(0.45)
    } else {
        colour
    };
    match kind {
        ItemKind::Point => {
            let c = r.center();
            let h = r.width() / 2.0;
            let stroke = if uncertain {
                Stroke::new(1.0, colour)
            } else {
                Stroke::new(1.0, th.outline)
            };
            scene.push(Shape::Polygon {
                points: vec![
                    pos2(c.x, c.y - h - 1.0),
                    pos2(c.x + h, c.y),
                    pos2(c.x, c.y + h + 1.0),
                    pos2(c.x - h, c.y),
                ],
                fill,
                stroke: Some(stroke),
            });
        }
        // A range of days longer than a month is context, drawn like a month or year.
        // Lighter inside than a day's mark, outlined: a week-long bar at a month's zoom is
        // hundreds of px long and should not outweigh the days around it.
        ItemKind::Bar if fl & flags::COARSE == 0 => {
            scene.rect(
                r,
                3.0,
                fill.gamma_multiply(0.55),
                Some(Stroke::new(1.0, colour)),
            );
            if uncertain {
                hatch(scene, r, colour);
            }
        }
        ItemKind::Bar | ItemKind::Span => {
            // A year or longer is background context: fainter than a month.
            // Only its extent matters: a pale wash, outlined only when it is a month.
            let coarse = fl & flags::COARSE != 0;
            let (fill_a, edge_a) = match (coarse, uncertain) {
                (true, _) => (0.09, 0.0),
                (false, true) => (0.2, 0.4),
                (false, false) => (0.2, 0.7),
            };
            let edge = (edge_a > 0.0).then(|| Stroke::new(1.0, colour.gamma_multiply(edge_a)));
            scene.rect(r, 2.0, colour.gamma_multiply(fill_a), edge);
            if uncertain {
                let a = if coarse { 0.25 } else { 0.5 };
                hatch(scene, r, colour.gamma_multiply(a));
            }
        }
    }
}

/// Width of what [`paint_decorations`] draws right of a mark.
fn decoration_width(m: &mut dyn Measure, it: &Item, sources: u32) -> f64 {
    let mut w = 0.0;
    if sources > 1 {
        w += f64::from(m.width(&format!("×{sources}"), SMALL)) + 4.0;
    }
    if it.flags & flags::UNCERTAIN != 0 {
        w += 7.0;
    }
    if it.flags & flags::CONFLICT != 0 {
        w += 10.0;
    }
    w
}

/// "×3" (reported by three articles), "?" (uncertain date), "!" (sources disagree).
fn paint_decorations(
    scene: &mut Scene,
    th: &Theme,
    fl: u8,
    r: Rect,
    sources: u32,
    colour: Color32,
    m: &mut dyn Measure,
) {
    let mut x = r.right() + 2.0;
    if sources > 1 {
        let t = format!("×{sources}");
        let w = m.width(&t, SMALL);
        scene.text(
            pos2(x, r.center().y),
            Align2::LEFT_CENTER,
            t,
            SMALL,
            th.weak,
        );
        x += w + 2.0;
    }
    if fl & flags::UNCERTAIN != 0 {
        scene.text(pos2(x, r.top() - 1.0), Align2::LEFT_TOP, "?", SMALL, colour);
        x += 7.0;
    }
    if fl & flags::CONFLICT != 0 {
        let c = pos2(x + 4.0, r.top());
        scene.push(Shape::Circle {
            centre: c,
            radius: 4.0,
            fill: th.conflict,
            stroke: None,
        });
        scene.text(c, Align2::CENTER_CENTER, "!", SMALL, Color32::WHITE);
    }
}

/// Diagonal hatching inside `r` (for dates that rest on a guess), only where the current
/// layer shows it: a decade-long span zoomed to a week is thousands of px wide.
fn hatch(scene: &mut Scene, r: Rect, colour: Color32) {
    let vis = scene.clip().map_or(r, |c| r.intersect(c));
    if !vis.is_positive() {
        return;
    }
    const STEP: f32 = 5.0;
    let h = r.height();
    let stroke = Stroke::new(1.0, colour);
    // Lines stay anchored to the mark's left edge, so the pattern moves with it.
    let skip = ((vis.left() - h - r.left()) / STEP).floor().max(0.0);
    let mut x = r.left() - h + skip * STEP;
    // One shape per span: a month-long span at a month's zoom has dozens of lines.
    let mut segments = Vec::new();
    while x < vis.right() {
        if let Some((a, b)) = clip_segment(pos2(x, r.bottom()), pos2(x + h, r.top()), vis) {
            segments.push([a, b]);
        }
        x += STEP;
    }
    if !segments.is_empty() {
        scene.push(Shape::Lines { segments, stroke });
    }
}

fn paint_caption(
    scene: &mut Scene,
    th: &Theme,
    origin: Pos2,
    c: &Caption,
    [text, short]: [&str; 2],
    it: &Item,
    m: &mut dyn Measure,
) {
    let mut r = to_rect(origin, c.b);
    let room = r.width() - 2.0 * CAPTION_PAD as f32;
    let label = caption_label(c, [text, short], m, room);
    // Text shortened at a word ends short of its box: the box shrinks towards the mark, so
    // the caption stays beside it instead of leaving a gap.
    let used = m.width(&label, CAPTION_SIZE) + 2.0 * CAPTION_PAD as f32;
    if used < r.width() {
        if c.left {
            r.min.x = r.max.x - used;
        } else {
            r.max.x = r.min.x + used;
        }
    }
    scene.rect(r, 3.0, th.caption_bg, None);
    let colour = if c.repeat {
        // Written again below the lane that first captioned it: read there, named here.
        th.weak.gamma_multiply(0.75)
    } else if it.flags & flags::UNCERTAIN != 0 {
        th.weak
    } else {
        th.text
    };
    scene.text(
        pos2(r.left() + CAPTION_PAD as f32, r.center().y),
        Align2::LEFT_CENTER,
        label,
        CAPTION_SIZE,
        colour,
    );
}

/// The words a placed caption writes in `room` px: its shorter form where the placement
/// chose it; a caption cut to its room reads whole in its shorter form when that fits,
/// else it is cut at a word with "…".
fn caption_label(c: &Caption, [text, short]: [&str; 2], m: &mut dyn Measure, room: f32) -> String {
    let suffix = more_suffix(c.more);
    if c.short_form && !short.is_empty() {
        // Placed at the shorter form's own width: a hair of float slack, never a cut word.
        return shorten(m, short, &suffix, CAPTION_SIZE, room + 0.5);
    }
    if c.shortened || text.len() > LONG_CAPTION_BYTES {
        let whole_short = format!("{short}{suffix}");
        if !short.is_empty() && m.width(&whole_short, CAPTION_SIZE) <= room {
            return whole_short;
        }
        return shorten(m, text, &suffix, CAPTION_SIZE, room);
    }
    format!("{text}{suffix}")
}

/// "◂ 12" and "30 ▸" at the plot's edges: happenings of this lane off the chart.
fn paint_off_chart(
    scene: &mut Scene,
    th: &Theme,
    origin: Pos2,
    plot_w: f32,
    lane_h: f32,
    v: &LaneView,
    m: &mut dyn Measure,
) {
    let y = origin.y + lane_h / 2.0;
    for (n, left) in [(v.before, true), (v.after, false)] {
        if n == 0 {
            continue;
        }
        let t = thousands(u64::from(n));
        let w = m.width(&t, SMALL) + 16.0;
        let (x0, x1) = if left {
            (origin.x + 1.0, origin.x + 1.0 + w)
        } else {
            (origin.x + plot_w - 1.0 - w, origin.x + plot_w - 1.0)
        };
        let r = Rect::from_min_max(pos2(x0, y - 8.0), pos2(x1, y + 8.0));
        scene.rect(r, 8.0, th.caption_bg, Some(Stroke::new(1.0, th.grid)));
        let (tip, base, text_x, anchor) = if left {
            (x0 + 4.0, x0 + 9.0, x0 + 12.0, Align2::LEFT_CENTER)
        } else {
            (x1 - 4.0, x1 - 9.0, x1 - 12.0, Align2::RIGHT_CENTER)
        };
        scene.push(Shape::Polygon {
            points: vec![pos2(tip, y), pos2(base, y - 4.0), pos2(base, y + 4.0)],
            fill: th.weak,
            stroke: None,
        });
        scene.text(pos2(text_x, y), anchor, t, SMALL, th.weak);
    }
}

/// Which lanes to show: the listed countries in the given order, else the `max` lanes
/// with most items overlapping days `[a, b)` (in layout order).
pub fn choose_lanes(
    layout: &Layout,
    countries: Option<&[CountryCode]>,
    a: f64,
    b: f64,
    max: usize,
) -> Vec<usize> {
    if let Some(list) = countries {
        return list
            .iter()
            .filter_map(|c| layout.lanes.iter().position(|l| l.code == Some(*c)))
            .collect();
    }
    let mut counted: Vec<(usize, usize)> = layout
        .lanes
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.overlapping(a, b).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    counted.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), layout.lanes[i].code.is_none(), i));
    counted.truncate(max);
    counted.sort_by_key(|&(i, _)| i);
    counted.into_iter().map(|(i, _)| i).collect()
}

/// "12 Sep 2023" for a day number.
pub fn long_date(day: f64) -> String {
    date_of(day.floor() as i64).map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::text::Monospace;

    fn placed(shortened: bool, short_form: bool, more: u32) -> Caption {
        Caption {
            item: 0,
            b: BoxPx {
                x0: 0.0,
                x1: 100.0,
                y0: 0.0,
                y1: 15.0,
            },
            more,
            shortened,
            short_form,
            own_mark: false,
            cell: None,
            left: false,
            leader: false,
            mark_row: 0,
            repeat: false,
        }
    }

    #[test]
    fn a_leader_joins_a_span_where_it_is_nearest_its_caption() {
        let caption = Rect::from_min_max(pos2(300.0, 30.0), pos2(500.0, 45.0));
        // A year's bar ending over the caption's start: a short upright leader at the caption.
        let year = Rect::from_min_max(pos2(0.0, 5.0), pos2(320.0, 15.0));
        let (a, b) = leader_ends(year, caption);
        assert_eq!((a.x, b.x), (302.0, 302.0));
        assert_eq!((a.y, b.y), (15.0, 30.0));
        // A year's bar ending before the caption: from its end, slanting to the caption.
        let short = Rect::from_min_max(pos2(0.0, 5.0), pos2(280.0, 15.0));
        let (a, b) = leader_ends(short, caption);
        assert_eq!((a.x, b.x), (275.0, 302.0));
        // A point: from its centre, whatever side the caption is on.
        let point = Rect::from_center_size(pos2(520.0, 10.0), egui::vec2(10.0, 10.0));
        let (a, b) = leader_ends(point, caption);
        assert_eq!((a.x, b.x), (520.0, 498.0));
        // A caption above its mark: from the mark's top to the caption's foot.
        let under = Rect::from_center_size(pos2(400.0, 60.0), egui::vec2(10.0, 10.0));
        let (a, b) = leader_ends(under, caption);
        assert_eq!((a, b), (pos2(400.0, 55.0), pos2(400.0, 45.0)));
    }

    #[test]
    fn a_placed_caption_writes_the_form_its_place_was_chosen_for() {
        // 0.5 em per char at CAPTION_SIZE.
        let mut m = Monospace(0.5);
        let px = |chars: usize| chars as f32 * 0.5 * CAPTION_SIZE;
        let texts = [
            "Putin and Kim Jong Un sign partnership treaty",
            "Putin and Kim sign treaty",
        ];
        // Whole: written as it is, with its "+N more".
        let whole = caption_label(&placed(false, false, 2), texts, &mut m, px(60));
        assert_eq!(whole, format!("{} +2 more", texts[0]));
        // Placed in its shorter form: the shorter form, whole, even with no slack.
        let room = m.width(texts[1], CAPTION_SIZE);
        assert_eq!(
            caption_label(&placed(false, true, 0), texts, &mut m, room),
            texts[1]
        );
        // Cut to its room: the shorter form when it fits whole there ...
        assert_eq!(
            caption_label(&placed(true, false, 0), texts, &mut m, px(30)),
            texts[1]
        );
        // ... else the whole caption cut at a word, never the shorter form cut.
        let cut = caption_label(&placed(true, false, 0), texts, &mut m, px(20));
        assert!(
            cut.starts_with("Putin and Kim Jong") && cut.ends_with('…'),
            "{cut}"
        );
        // No shorter form: cut.
        let cut = caption_label(&placed(true, false, 0), [texts[0], ""], &mut m, px(30));
        assert!(cut.ends_with('…'), "{cut}");
    }
}
