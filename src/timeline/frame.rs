//! What one lane shows in one frame of the briefing chart: marks where they fit, density
//! cells where they would pile up, captions for the happenings that matter most, and how
//! many happenings lie off each edge.
//!
//! Builds on [`super::lod`] (which marks are drawn, which buckets are crowded) and
//! [`super::captions`] (where captions go). Marks and cells are computed over whole
//! caption tiles, a little past the plot's edges, so that captions near an edge are
//! decided by the same content whatever the pan (the painter clips to the plot).

use super::axis::TimeView;
use super::captions::{self, Candidate, Caption, Obstacle, CANDIDATES_PER_TILE};
use super::layout::{class_window, flags, ItemKind, Lane, MAX_ROWS};
use super::lod::{
    add_piled, decoration_px, item_box, split, sweep_buckets, Bubble, Bucket, MIN_BAR_PX,
    POINT_HALF,
};

/// How a frame is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameOptions {
    /// Place captions at all (off: marks only, the benchmark's baseline).
    pub captions: bool,
    /// A still picture: captions must also stay inside the plot (in the window they may
    /// run past its edges, like marks, so that panning never changes them).
    pub inside_plot: bool,
    /// Days `[start, end)` of the last fit (in the window): no caption starts before
    /// `start` or ends after `end`, so on the first frame after a fit none runs off the
    /// plot's left edge under the lane labels (a caption of the first mark goes right of
    /// it) or is cut by its right edge. Kept in days, not px, so panning still moves
    /// captions with their marks.
    pub keep_within: Option<(f64, f64)>,
    /// A still picture: a lane whose own rows leave its best happening no room may put
    /// that caption in one more row below them (the picture is laid out after its
    /// captions, so the row costs nothing where no lane needs it). The window's lanes keep
    /// their height: there, a caption moves only to a free row the lane already has.
    pub extra_row: bool,
    /// The plot's left and right edges are axis breaks (see `super::broken`): what lies
    /// beyond them is in the next piece, not off the chart, so nothing is counted there.
    pub break_edges: (bool, bool),
}

impl Default for FrameOptions {
    fn default() -> Self {
        FrameOptions {
            captions: true,
            inside_plot: false,
            keep_within: None,
            extra_row: false,
            break_edges: (false, false),
        }
    }
}

/// The days a view was framed to and the zoom it was framed at: by a fit, or by opening a
/// range (a corpus's saved view, a range asked for). Until the zoom changes, captions start
/// inside those days ([`FrameOptions::keep_within`]), so the first frame of a framed view,
/// however it was framed, has no caption starting off the plot's left edge under the lane
/// labels; a pan keeps the bound in days (captions move with their marks), a zoom drops it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Framed {
    start: f64,
    end: f64,
    px_per_day: f64,
}

impl Framed {
    /// What `view` shows in a plot `width` px wide, as framed now.
    pub fn of(view: &TimeView, width: f64) -> Self {
        let (start, end) = view.range(width);
        Framed {
            start,
            end,
            px_per_day: view.px_per_day,
        }
    }

    /// The bound for [`FrameOptions::keep_within`] in `view`: the framed days while the zoom
    /// is the framed one.
    pub fn keep_within(&self, view: &TimeView) -> Option<(f64, f64)> {
        (view.px_per_day == self.px_per_day).then_some((self.start, self.end))
    }
}

/// Everything to draw in one lane for one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneView {
    /// Item indices drawn one by one: spans, then bars, then points.
    pub items: Vec<u32>,
    /// Crowded buckets, drawn as a density strip.
    pub cells: Vec<Bubble>,
    pub captions: Vec<Caption>,
    /// Items entirely left of the plot and entirely right of it.
    pub before: u32,
    pub after: u32,
}

/// How wide an item's caption is, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaptionSize {
    /// The caption's text.
    pub text: f64,
    /// Its shorter form's text, when it has one (written where the whole has no place).
    pub short: Option<f64>,
    /// Its " +N more" (0 when there are no more).
    pub suffix: f64,
    /// What is drawn right after the mark (a source count, a "?"): the caption goes after it.
    pub trailing: f64,
    /// Identifies the caption's words: items with the same key say the same thing.
    pub key: u64,
}

/// The lane's content for a plot `width` px wide. `measure(item, more)` sizes the item's
/// caption with `more` others in its cell ("+N more"), or is `None` when the item has no
/// caption.
pub fn lane_view(
    lane: &Lane,
    view: &TimeView,
    width: f64,
    opts: FrameOptions,
    measure: &mut dyn FnMut(u32, u32) -> Option<CaptionSize>,
) -> LaneView {
    let s = split(lane, view, width);
    let (a, b) = view.range(width);
    let td = captions::tile_days(view.px_per_day);
    let (t0, t1) = ((a / td).floor() as i64, (b / td).floor() as i64);
    // Marks reach a few px past their days; with captions, whole tiles are covered, and
    // the neighbours whose captions may run on into the plot (see `tile_order`).
    let slack = (MIN_BAR_PX + POINT_HALF) / view.px_per_day;
    let (ea, eb) = if opts.captions {
        ((t0 - 2) as f64 * td - slack, (t1 + 3) as f64 * td + slack)
    } else {
        (a - slack, b + slack)
    };
    let mut out = LaneView::default();
    let mut piled = Vec::new();
    for c in &s.wide {
        for k in class_window(&lane.items, c, ea, eb) {
            if lane.items[k].end > ea {
                if lane.items[k].flags & flags::PILED != 0 {
                    piled.push(k);
                } else {
                    out.items.push(k as u32);
                }
            }
        }
    }
    if !s.narrow.is_empty() {
        let bw = s.bucket_days;
        let range = (ea / bw).floor() as i64 - 1..=(eb / bw).floor() as i64 + 1;
        sweep_buckets(lane, &s, view, range, |b| match b {
            Bucket::Empty => {}
            Bucket::Items(v) => out.items.extend(v),
            Bucket::Bubble(bu) => out.cells.push(bu),
        });
    }
    add_piled(lane, &s, view, &piled, &mut out.cells);
    out.items
        .sort_by_key(|&k| match lane.items[k as usize].kind {
            ItemKind::Span => 0,
            ItemKind::Bar => 1,
            ItemKind::Point => 2,
        });
    (out.before, out.after) = off_screen(lane, a, b);
    if opts.break_edges.0 {
        out.before = 0;
    }
    if opts.break_edges.1 {
        out.after = 0;
    }
    if !opts.captions {
        return out;
    }

    // Marks a caption should rather not hide, with what is written after them: a "?" that
    // touched a caption would read as part of it (spans are faint backgrounds: text may
    // cover them, but not what is written after them).
    let obstacles: Vec<Obstacle> = out
        .items
        .iter()
        .filter_map(|&k| {
            let it = &lane.items[k as usize];
            let mut b = item_box(it, view);
            let after = decoration_px(it.flags);
            if it.kind == ItemKind::Span {
                if after == 0.0 {
                    return None;
                }
                b.x0 = b.x1;
            }
            b.x1 += after;
            Some(Obstacle {
                row: it.row,
                item: k,
                b,
            })
        })
        .collect();
    // Room kept inside the fit's edges for the "◂ N" and "N ▸" counts of what lies beyond.
    let (fit_inset, fit_inset_right) = opts.keep_within.map_or((0.0, 0.0), |(d0, d1)| {
        let inset = |n: u32| if n > 0 { OFF_CHART_PX } else { 0.0 };
        (
            inset(off_screen(lane, d0, d0).0),
            inset(off_screen(lane, d1, d1).1),
        )
    });
    let mut near: Vec<Obstacle> = Vec::with_capacity(obstacles.len());
    let mut picks = Vec::with_capacity(CANDIDATES_PER_TILE);
    let mut cands = Vec::with_capacity(CANDIDATES_PER_TILE);
    // Per placed caption, its tile and key.
    let mut placed_keys: Vec<(i64, u64)> = Vec::new();
    let rows = lane.rows.clamp(1, MAX_ROWS) + u8::from(opts.extra_row);
    for t in tile_order(t0, t1) {
        let (d0, d1) = (t as f64 * td, (t + 1) as f64 * td);
        picks.clear();
        lane.top.top_in(d0, d1, CANDIDATES_PER_TILE, &mut picks);
        cands.clear();
        for &k in &picks {
            let it = &lane.items[k as usize];
            if it.flags & flags::MINOR != 0 {
                continue;
            }
            let cell = cell_of(lane, &s, k as usize).and_then(|i| {
                out.cells
                    .binary_search_by_key(&i, |c| c.bucket)
                    .ok()
                    .map(|j| (i, out.cells[j].count))
            });
            let more = cell.map_or(0, |(_, n)| n.saturating_sub(1));
            let size = measure(k, more);
            // Two happenings near each other captioned in the same words (two dates of one
            // sentence, one happening told by two articles and not grouped): only one is
            // written, the other stays a mark. Within a tile the better one; across tiles
            // the one an even tile placed (an odd tile is placed after its even neighbours,
            // which every frame that shows it also places, so panning never changes which).
            if let Some(key) = size.map(|s| s.key) {
                let beside = |&(pt, pk): &(i64, u64)| pk == key && (pt - t).abs() == 1;
                if cands.iter().any(|c: &Candidate| c.key == Some(key))
                    || placed_keys.iter().any(beside)
                {
                    continue;
                }
            }
            let mut mark = item_box(it, view);
            mark.x1 += size.map_or(0.0, |s| s.trailing);
            let pad = 2.0 * CAPTION_PAD;
            cands.push(Candidate {
                item: k,
                row: it.row,
                mark,
                is_span: it.kind == ItemKind::Span,
                width: size.map(|s| s.text + s.suffix + pad),
                short_width: size.and_then(|s| s.short.map(|w| w + s.suffix + pad)),
                min_width: size.map_or(captions::MIN_CAPTION_PX, |s| {
                    s.text.min(captions::cut_floor(s.short.unwrap_or(s.text))) + s.suffix + pad
                }),
                more,
                cell: cell.map(|c| c.0),
                key: size.map(|s| s.key),
            });
        }
        let (mut x0, mut x1) = (view.x_of(d0), view.x_of(d1));
        // A caption right of its mark may run on over the next tile.
        let mut reach = view.x_of(d1 + td);
        if opts.inside_plot {
            // Clear of the plot's edges and of the off-chart counts drawn there.
            let inset = |n: u32| if n > 0 { OFF_CHART_PX } else { 0.0 };
            x0 = x0.max(inset(out.before));
            x1 = x1.min(width - inset(out.after));
            reach = reach.min(width - inset(out.after));
        }
        if let Some((d0, d1)) = opts.keep_within {
            // Both edges of the framed days, clear of the counts drawn there: on the left
            // the lane labels would cover a caption, on the right the plot would cut it
            // (a framed view is the picture people take). Kept in days like the edges, so
            // panning still moves captions with their marks.
            x0 = x0.max(view.x_of(d0) + fit_inset);
            let right = view.x_of(d1) - fit_inset_right;
            x1 = x1.min(right);
            reach = reach.min(right);
        }
        let first = out.captions.len();
        if x1 <= x0 {
            continue;
        }
        // Only the marks this tile's captions can reach are looked at (every place of every
        // candidate checks them).
        near.clear();
        near.extend(
            obstacles
                .iter()
                .filter(|o| o.b.x1 > x0 - 1.0 && o.b.x0 < reach + 1.0),
        );
        captions::place_tile(&cands, x0, x1, reach, rows, &near, &mut out.captions);
        for c in &out.captions[first..] {
            if let Some(key) = cands
                .iter()
                .find(|cand| cand.item == c.item)
                .and_then(|c| c.key)
            {
                placed_keys.push((t, key));
            }
        }
        share_more(&mut out.captions[first..], &out.cells, measure);
    }
    // Neighbours were read only for what runs on into the plot's tiles: draw what lies there.
    let (v0, v1) = (view.x_of(t0 as f64 * td), view.x_of((t1 + 1) as f64 * td));
    out.captions.retain(|c| c.b.x1 > v0 && c.b.x0 < v1);
    let (da, db) = (t0 as f64 * td - slack, (t1 + 1) as f64 * td + slack);
    out.items.retain(|&k| {
        let it = &lane.items[k as usize];
        it.end > da && it.start < db
    });
    let (xa, xb) = (view.x_of(da), view.x_of(db));
    let captions = &out.captions;
    out.cells
        .retain(|c| (c.x1 > xa && c.x0 < xb) || captions.iter().any(|k| k.cell == Some(c.bucket)));
    out
}

/// The order tiles `t0..=t1` (the plot's) and their neighbours are captioned in: even
/// tiles first, each free to run on over the odd tile after it, then odd tiles, which
/// run on over the even tile after them around what it placed. A tile's captions then
/// depend only on its own and its neighbours' content, never on where the plot's edges
/// are, so panning still moves captions with their marks; and a caption of a mark near a
/// tile's end is not cut short when the next tile has room.
fn tile_order(t0: i64, t1: i64) -> impl Iterator<Item = i64> {
    let even = (t0 - 2..=t1 + 1).filter(|t| t.rem_euclid(2) == 0);
    let odd = (t0 - 1..=t1).filter(|t| t.rem_euclid(2) == 1);
    even.chain(odd)
}

/// Padding on each side of a caption's text inside its box.
pub const CAPTION_PAD: f64 = 4.0;
/// Width kept at an edge of a still picture for the count of happenings off the chart.
pub const OFF_CHART_PX: f64 = 46.0;

/// Captions from one dense cell say "+N more" once: the best-ranked one (placed first)
/// counts the cell's happenings that have no caption; the others drop the suffix and their
/// boxes shrink towards their marks.
fn share_more(
    caps: &mut [Caption],
    cells: &[Bubble],
    measure: &mut dyn FnMut(u32, u32) -> Option<CaptionSize>,
) {
    for i in 0..caps.len() {
        let Some(cell) = caps[i].cell else { continue };
        if caps[..i].iter().any(|c| c.cell == Some(cell)) {
            continue;
        }
        let shown = caps[i..].iter().filter(|c| c.cell == Some(cell)).count() as u32;
        let count = cells
            .binary_search_by_key(&cell, |c| c.bucket)
            .map_or(shown, |j| cells[j].count);
        let mut first = true;
        for c in caps[i..].iter_mut().filter(|c| c.cell == Some(cell)) {
            let more = if first {
                count.saturating_sub(shown)
            } else {
                0
            };
            first = false;
            if more == c.more {
                continue;
            }
            c.more = more;
            if let Some(sz) = measure(c.item, more) {
                let text = if c.short_form {
                    sz.short.unwrap_or(sz.text)
                } else {
                    sz.text
                };
                let w = text + sz.suffix + 2.0 * CAPTION_PAD;
                if w < c.b.x1 - c.b.x0 {
                    if c.left {
                        c.b.x0 = c.b.x1 - w;
                    } else {
                        c.b.x1 = c.b.x0 + w;
                    }
                    c.shortened = false;
                }
            }
        }
    }
}

/// The bucket index item `k` is counted in, when its class is bucketed at this zoom or it
/// piles onto another item of its row.
fn cell_of(lane: &Lane, s: &super::lod::Split, k: usize) -> Option<i64> {
    let it = &lane.items[k];
    if let Some(c) = s.narrow.iter().find(|c| c.range.contains(&k)) {
        return Some(((it.start + c.min_len / 2.0) / s.bucket_days).floor() as i64);
    }
    (it.flags & flags::PILED != 0)
        .then(|| ((it.start + it.end) / 2.0 / s.bucket_days).floor() as i64)
}

/// Items entirely before day `a` and entirely after day `b`. Within a length class the
/// items sure to be out are found by binary search; only those whose length decides it are
/// looked at one by one (at most a few thousand, then estimated from those seen).
fn off_screen(lane: &Lane, a: f64, b: f64) -> (u32, u32) {
    const MAX_LOOK: usize = 2048;
    let (mut before, mut after) = (0usize, 0usize);
    for c in &lane.classes {
        let s = &lane.items[c.range.clone()];
        after += s.len() - s.partition_point(|it| it.start < b);
        let sure = s.partition_point(|it| it.start + c.max_len <= a);
        let maybe_end = s.partition_point(|it| it.start + c.min_len <= a);
        before += sure;
        let maybe = &s[sure..maybe_end.max(sure)];
        let look = &maybe[..maybe.len().min(MAX_LOOK)];
        let out = look.iter().filter(|it| it.end <= a).count();
        before += if look.len() == maybe.len() {
            out
        } else {
            (out as f64 * maybe.len() as f64 / look.len() as f64).round() as usize
        };
    }
    (before as u32, after as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::timeline::axis::day_number;
    use crate::timeline::lod::{row_center, BoxPx};
    use crate::timeline::Layout;
    use chrono::NaiveDate;

    fn ev(d: NaiveDate, code: &str, cluster: u32) -> Event {
        Event::for_test(cluster, DateSpan::day(d), &[code])
    }

    /// One event a day for `days` days from 2020-01-01 in lane FR, salience rising with
    /// the day's index modulo 7 (so every week has a clear top happening).
    fn corpus(days: u64) -> Corpus {
        corpus_every(days, 1)
    }

    /// One event every `step` days for `days` days (as [`corpus`]).
    fn corpus_every(days: u64, step: u64) -> Corpus {
        let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        fr_corpus(
            base,
            (0..days)
                .step_by(step as usize)
                .map(|i| (i as u32, i as i64, ((i * 37) % 101) as f32 / 100.0)),
        )
    }

    /// Lane FR: one event per `(article, days after base, salience)`, clustered, each
    /// cluster as salient as its first event.
    fn fr_corpus(base: NaiveDate, events: impl IntoIterator<Item = (u32, i64, f32)>) -> Corpus {
        let mut c = Corpus::default();
        for (article, d, sal) in events {
            let date = base.checked_add_signed(chrono::Duration::days(d)).unwrap();
            let mut e = ev(date, "FR", article);
            e.salience = sal;
            c.events.push(e);
        }
        c.clusters = crate::corroborate::cluster(&mut c.events, &[]);
        for cl in &mut c.clusters {
            cl.salience = c.events[cl.events[0] as usize].salience;
        }
        c
    }

    fn measure(item: u32, more: u32) -> Option<CaptionSize> {
        Some(CaptionSize {
            text: 110.0,
            short: None,
            suffix: if more > 0 { 40.0 } else { 0.0 },
            trailing: 0.0,
            key: u64::from(item),
        })
    }

    /// Panning the view by `px` moves every caption of `fitted` exactly with its mark.
    fn assert_captions_pan_with_marks(
        lane: &Lane,
        v: &TimeView,
        width: f64,
        opts: FrameOptions,
        measure: &mut dyn FnMut(u32, u32) -> Option<CaptionSize>,
        fitted: &LaneView,
        px: f64,
    ) {
        let mut p = *v;
        p.pan_px(px);
        let panned = lane_view(lane, &p, width, opts, measure);
        let dx = p.x_of(0.0) - v.x_of(0.0);
        for c0 in &fitted.captions {
            let c1 = panned
                .captions
                .iter()
                .find(|c| c.item == c0.item)
                .expect("same captions after a pan");
            assert!((c1.b.x0 - (c0.b.x0 + dx)).abs() < 1e-6, "{c0:?} {c1:?}");
        }
    }

    fn caption_units(l: &Layout, v: &LaneView) -> Vec<u32> {
        let mut u: Vec<u32> = v
            .captions
            .iter()
            .map(|c| l.lanes[0].items[c.item as usize].unit)
            .collect();
        u.sort_unstable();
        u
    }

    #[test]
    fn a_happening_is_captioned_only_in_the_lanes_it_is_about() {
        // Three reports of one day in Iran, one of which also names Britain; and a lone
        // report naming both.
        let d = NaiveDate::from_ymd_opt(2021, 6, 18).unwrap();
        let mut c = Corpus::default();
        for (article, codes) in [(0, &["IR"][..]), (1, &["IR"]), (2, &["GB", "IR"])] {
            let mut e = Event::for_test(article, DateSpan::day(d), codes);
            e.salience = 1.0;
            c.events.push(e);
        }
        let later = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap();
        let mut lone = Event::for_test(3, DateSpan::day(later), &["GB", "IR"]);
        lone.cluster = 1;
        c.events.push(lone);
        c.clusters = vec![
            Cluster {
                id: 0,
                events: vec![0, 1, 2],
                sources: 3,
                salience: 1.0,
                ..Default::default()
            },
            Cluster {
                id: 1,
                events: vec![3],
                sources: 1,
                ..Default::default()
            },
        ];
        let l = Layout::build(&c);
        let lane = |code: &str| {
            l.lanes
                .iter()
                .find(|x| x.code == CountryCode::parse(code))
                .unwrap()
        };
        let v = TimeView::new(day_number(d) as f64, 4.0);
        let captioned = |code: &str| -> Vec<u32> {
            let ln = lane(code);
            let mut u: Vec<u32> = lane_view(ln, &v, 1200.0, FrameOptions::default(), &mut measure)
                .captions
                .iter()
                .map(|x| ln.items[x.item as usize].unit)
                .collect();
            u.sort_unstable();
            u
        };
        let election = l.unit_of_event(0).unwrap();
        let lone = l.unit_of_event(3).unwrap();
        assert_eq!(l.unit_of_event(2), Some(election), "one happening");
        assert_eq!(
            captioned("IR"),
            vec![election.min(lone), election.max(lone)]
        );
        // Britain's lane has the election's mark but not its caption; the report that
        // names both countries alone is captioned in both.
        assert_eq!(lane("GB").items.len(), 2);
        assert_eq!(captioned("GB"), vec![lone]);
    }

    #[test]
    fn panning_moves_captions_with_their_marks() {
        let c = corpus_every(400, 23);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let width = 1000.0;
        let v0 = TimeView::new(
            day_number(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()) as f64,
            6.0,
        );
        let f0 = lane_view(lane, &v0, width, FrameOptions::default(), &mut measure);
        assert!(f0.captions.len() >= 4, "{}", f0.captions.len());
        // Pan by 137 px in small steps: every caption that stays on screen keeps its item,
        // its side and its offset from the mark.
        let mut v = v0;
        for _ in 0..10 {
            v.pan_px(-13.7);
        }
        let f1 = lane_view(lane, &v, width, FrameOptions::default(), &mut measure);
        let dx = v.x_of(0.0) - v0.x_of(0.0);
        for c0 in &f0.captions {
            let on_screen = c0.b.x0 + dx > 0.0 && c0.b.x1 + dx < width;
            if !on_screen {
                continue;
            }
            let c1 = f1
                .captions
                .iter()
                .find(|c| c.item == c0.item)
                .unwrap_or_else(|| panic!("caption of item {} vanished", c0.item));
            assert!((c1.b.x0 - (c0.b.x0 + dx)).abs() < 1e-6);
            assert_eq!(c1.b.y0, c0.b.y0);
        }
    }

    #[test]
    fn captions_are_never_cut_below_their_narrowest_whole_wording() {
        // Three kinds of caption: 150 px with no shorter form; 230 px with a shorter form
        // of 120 px; 300 px with none. At every zoom a caption's room holds its narrowest
        // whole wording (the painter writes the shorter form whole where the room holds
        // it), and text wider than the cut floor is cut to the floor at least: never to
        // its first two words.
        let c = corpus_every(400, 23);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let mut sized = |item: u32, more: u32| {
            let base = measure(item, more)?;
            let (text, short) = match item % 3 {
                0 => (150.0, None),
                1 => (230.0, Some(120.0)),
                _ => (300.0, None),
            };
            Some(CaptionSize {
                text,
                short,
                ..base
            })
        };
        let day = day_number(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()) as f64;
        let mut seen = [0; 3];
        for px_per_day in [0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0] {
            let v = TimeView::new(day, px_per_day);
            let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut sized);
            for cap in &f.captions {
                let suffix = if cap.more > 0 { 40.0 } else { 0.0 };
                let room = cap.b.x1 - cap.b.x0 - 2.0 * CAPTION_PAD - suffix;
                let least = match cap.item % 3 {
                    0 => 150.0,
                    1 => 120.0,
                    _ => captions::CUT_FLOOR_PX,
                };
                assert!(room >= least - 1e-6, "{cap:?}");
                if cap.short_form {
                    assert!(cap.item % 3 == 1 && (room - 120.0).abs() < 1e-6, "{cap:?}");
                }
                seen[(cap.item % 3) as usize] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }

    #[test]
    fn no_caption_touches_what_is_written_after_another_mark() {
        // A happening on 25 January, and an uncertain report dated only "February" (a span,
        // drawn with a "?" after its end) in the same row: the first one's caption, long
        // enough to run past February, ends before the "?" or stands elsewhere.
        let base = NaiveDate::from_ymd_opt(2020, 1, 25).unwrap();
        let mut c = fr_corpus(base, [(0, 0, 0.9), (1, 7, 0.1)]);
        c.events[1].span = DateSpan {
            start: NaiveDate::from_ymd_opt(2020, 2, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2020, 2, 29).unwrap(),
            precision: Precision::Month,
        };
        c.events[1].confidence = 0.3;
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let span = lane
            .items
            .iter()
            .find(|it| it.kind == ItemKind::Span)
            .unwrap();
        let point = lane
            .items
            .iter()
            .find(|it| it.kind == ItemKind::Point)
            .unwrap();
        assert_eq!((span.row, point.row), (0, 0), "both in one row");
        assert!(span.flags & flags::UNCERTAIN != 0);
        let v = TimeView::new(day_number(base) as f64 - 30.0, 2.5);
        let mut long = |item: u32, more: u32| {
            let caption = measure(item, more)?;
            Some(CaptionSize {
                text: 200.0,
                ..caption
            })
        };
        let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut long);
        let sb = item_box(span, &v);
        let mark = BoxPx {
            x0: sb.x1,
            x1: sb.x1 + decoration_px(span.flags),
            ..sb
        };
        let own = lane.items.iter().position(|it| it == point).unwrap() as u32;
        let cap = f
            .captions
            .iter()
            .find(|c| c.item == own)
            .expect("captioned");
        // Apart by a gap: touching would read the "?" as the caption's.
        let apart =
            cap.b.x1 < mark.x0 || cap.b.x0 > mark.x1 || cap.b.y1 <= mark.y0 || cap.b.y0 >= mark.y1;
        assert!(apart, "{cap:?} touches {mark:?}");
    }

    #[test]
    fn most_salient_first_and_no_overlap() {
        let c = corpus_every(400, 23);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let v = TimeView::new(
            day_number(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()) as f64,
            6.0,
        );
        let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
        for (i, a) in f.captions.iter().enumerate() {
            for b in &f.captions[i + 1..] {
                let apart =
                    a.b.x1 <= b.b.x0 || b.b.x1 <= a.b.x0 || a.b.y1 <= b.b.y0 || b.b.y1 <= a.b.y0;
                assert!(apart, "{a:?} / {b:?}");
            }
            // Inside the lane.
            assert!(a.b.y0 >= 0.0 && a.b.y1 <= crate::timeline::lod::lane_height(lane.rows));
        }
        // In each tile the best-ranked item is captioned (its tile has room for it).
        let td = captions::tile_days(v.px_per_day);
        for cap in &f.captions {
            let it = &lane.items[cap.item as usize];
            let t = ((it.start + it.end) / 2.0 / td).floor();
            let best = lane
                .items
                .iter()
                .filter(|o| ((o.start + o.end) / 2.0 / td).floor() == t)
                .map(|o| l.units[o.unit as usize].rank)
                .min()
                .unwrap();
            let captioned: Vec<u32> = f
                .captions
                .iter()
                .map(|c| l.units[lane.items[c.item as usize].unit as usize].rank)
                .collect();
            assert!(
                captioned.contains(&best),
                "tile {t}: best rank {best} not captioned"
            );
        }
        assert!(!caption_units(&l, &f).is_empty());
    }

    #[test]
    fn crowded_stretches_caption_their_top_happening_with_a_count() {
        let c = corpus(3650);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let (a, b) = l.extent.unwrap();
        let v = TimeView::fit(a, b, 1000.0);
        let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
        assert!(!f.cells.is_empty());
        assert!(!f.captions.is_empty());
        for cap in &f.captions {
            assert!(cap.own_mark, "{cap:?}");
            let cell = f
                .cells
                .iter()
                .find(|c| Some(c.bucket) == cap.cell)
                .expect("a captioned item in a dense cell knows its cell");
            // "+N more" once per cell: the happenings of the cell without a caption.
            let from_cell: Vec<&Caption> =
                f.captions.iter().filter(|c| c.cell == cap.cell).collect();
            let total: u32 = from_cell.iter().map(|c| c.more).sum();
            assert_eq!(total, cell.count - from_cell.len() as u32);
            assert_eq!(from_cell.iter().filter(|c| c.more > 0).count(), 1);
        }
        // A still picture keeps captions inside the plot.
        let opts = FrameOptions {
            inside_plot: true,
            ..Default::default()
        };
        let f = lane_view(lane, &v, 1000.0, opts, &mut measure);
        assert!(f.captions.iter().all(|c| c.b.x0 >= 0.0 && c.b.x1 <= 1000.0));
        // Marks only: no captions, same marks and cells on screen.
        let m = lane_view(
            lane,
            &v,
            1000.0,
            FrameOptions {
                captions: false,
                ..Default::default()
            },
            &mut measure,
        );
        assert!(m.captions.is_empty());
        assert!(m.cells.len() <= f.cells.len());
    }

    #[test]
    fn a_density_strip_keeps_its_rows_for_captions() {
        // Four bursts of fifteen daily happenings, 1,100 days apart, at the fit: each burst
        // is one dense cell, whose happenings have no marks of their own. With a second row
        // (a still picture's extra row) the next best of a cell is captioned there, mark
        // and caption together, instead of staying hidden under the first one's mark.
        let base = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
        let c = fr_corpus(
            base,
            (0..60u32).map(|i| {
                let (k, j) = (i64::from(i / 15), i64::from(i % 15));
                (i, k * 1100 + j, ((i * 37) % 101) as f32 / 100.0)
            }),
        );
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let (a, b) = l.extent.unwrap();
        let v = TimeView::fit(a, b, 1000.0);
        let opts = FrameOptions {
            inside_plot: true,
            ..Default::default()
        };
        let one = lane_view(lane, &v, 1000.0, opts, &mut measure);
        let two = lane_view(
            lane,
            &v,
            1000.0,
            FrameOptions {
                extra_row: true,
                ..opts
            },
            &mut measure,
        );
        assert!(one.captions.iter().all(|c| c.mark_row == 0));
        assert!(
            two.captions.len() > one.captions.len(),
            "{:?} vs {:?}",
            two.captions,
            one.captions
        );
        assert!(two.captions.iter().any(|c| c.mark_row == 1 && c.own_mark));
        for (i, x) in two.captions.iter().enumerate() {
            // Beside its mark, in the mark's row.
            assert_eq!((x.b.y0 + x.b.y1) / 2.0, row_center(x.mark_row), "{x:?}");
            for y in &two.captions[i + 1..] {
                let apart =
                    x.b.x1 <= y.b.x0 || y.b.x1 <= x.b.x0 || x.b.y1 <= y.b.y0 || y.b.y1 <= x.b.y0;
                assert!(apart, "{x:?} overlaps {y:?}");
            }
        }
    }

    #[test]
    fn after_a_fit_captions_sit_inside_the_plot_and_still_pan_with_their_marks() {
        // The first happening of the story is followed a day later by a more salient one:
        // the second takes the room right of its mark, so the first one's caption would go
        // left of its mark, off the plot's left edge (under the lane labels in the window).
        let base = crate::timeline::axis::date_of(64 * 300 + 20).unwrap();
        let days = [(0, 0.5), (1, 0.9), (30, 0.4), (45, 0.3), (60, 0.2)];
        let c = fr_corpus(base, (0..).zip(days).map(|(i, (d, sal))| (i, d, sal)));
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let width = 1000.0;
        let (a, b) = l.extent.unwrap();
        let v = TimeView::fit(a, b, width);
        let free = lane_view(lane, &v, width, FrameOptions::default(), &mut measure);
        assert!(
            free.captions.iter().any(|c| c.b.x0 < 0.0),
            "the case this test is about: a caption off the left edge {:?}",
            free.captions
        );
        let opts = FrameOptions {
            keep_within: Some(v.range(width)),
            ..Default::default()
        };
        let fitted = lane_view(lane, &v, width, opts, &mut measure);
        assert!(fitted.captions.len() >= 3, "{:?}", fitted.captions);
        for cap in &fitted.captions {
            assert!(cap.b.x0 >= 0.0, "{cap:?}");
        }
        // The bounds are days, so panning keeps every caption beside its mark.
        assert_captions_pan_with_marks(lane, &v, width, opts, &mut measure, &fitted, -120.0);
    }

    #[test]
    fn a_tile_writes_the_same_words_once() {
        // Two happenings 25 days apart in one tile, both with room for a caption; when
        // their captions say the same thing (one happening from two articles, not grouped)
        // only the more salient is written.
        let base = crate::timeline::axis::date_of(64 * 300 + 10).unwrap();
        let c = fr_corpus(base, [(0, 0, 0.5), (1, 25, 0.9)]);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let v = TimeView::new((64 * 300) as f64, 6.0);
        let both = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
        assert_eq!(both.captions.len(), 2, "{:?}", both.captions);
        let mut same =
            |item: u32, more: u32| measure(item, more).map(|s| CaptionSize { key: 7, ..s });
        let once = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut same);
        assert_eq!(once.captions.len(), 1, "{:?}", once.captions);
        let kept = &lane.items[once.captions[0].item as usize];
        assert!(
            kept.start > v.left + 20.0,
            "the more salient one (day 25) is kept: {kept:?}"
        );
        assert_eq!(once.items, both.items, "both marks are still drawn");
        // Across a tile's edge (days 60 and 70 of tiles of 64 days): one is written, the
        // same one wherever the view is panned.
        let c = fr_corpus(base, [(0, 50, 0.5), (1, 60, 0.5)]);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let mut written = Vec::new();
        for pan in [-200.0, -100.0, 0.0, 100.0] {
            let v = TimeView::new((64 * 300) as f64 + pan / 6.0, 6.0);
            let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut same);
            written.push(f.captions.iter().map(|c| c.item).collect::<Vec<_>>());
        }
        assert_eq!(written[0].len(), 1, "{written:?}");
        assert!(written.iter().all(|w| *w == written[0]), "{written:?}");
    }

    #[test]
    fn after_a_fit_no_caption_is_cut_by_the_right_edge() {
        // The most salient happening is the story's last day, a few px from the plot's
        // right edge: free, its caption runs on past the edge (the window cuts it); framed,
        // it stays inside (left of its mark) and still moves with its mark on a pan. A
        // stray happening after the fit is counted there ("1 ▸"), so the caption also
        // keeps clear of that count.
        let base = crate::timeline::axis::date_of(64 * 300 + 20).unwrap();
        let days = [(0, 0.3), (20, 0.4), (40, 0.2), (60, 0.9), (400, 0.1)];
        let c = fr_corpus(base, (0..).zip(days).map(|(i, (d, sal))| (i, d, sal)));
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let width = 1000.0;
        let d = day_number(base) as f64;
        // Framed (an opened range, say) with the last day 2 days from the right edge.
        let v = TimeView::new(d - 2.0, width / 64.0);
        let free = lane_view(lane, &v, width, FrameOptions::default(), &mut measure);
        assert!(
            free.captions.iter().any(|c| c.b.x1 > width),
            "the case this test is about: a caption past the right edge {:?}",
            free.captions
        );
        let opts = FrameOptions {
            keep_within: Some(v.range(width)),
            ..Default::default()
        };
        let fitted = lane_view(lane, &v, width, opts, &mut measure);
        assert_eq!(
            fitted.after, 1,
            "the stray happening is counted at the right edge"
        );
        assert!(fitted.captions.len() >= 3, "{:?}", fitted.captions);
        for cap in &fitted.captions {
            assert!(
                cap.b.x1 <= width - OFF_CHART_PX,
                "{cap:?} cut or under the count"
            );
        }
        assert_captions_pan_with_marks(lane, &v, width, opts, &mut measure, &fitted, -80.0);
    }

    #[test]
    fn after_a_fit_no_caption_starts_under_the_count_of_what_lies_before_it() {
        // The story's days are fitted; one stray happening a year earlier lies off the
        // plot's left edge, counted there ("◂ 1"). The first happening's caption must start
        // clear of that count, at the fit and after a pan (the window draws the count at
        // the plot's left edge, over anything beneath it).
        let base = crate::timeline::axis::date_of(64 * 300 + 20).unwrap();
        let days = [
            (-400, 0.1),
            (0, 0.5),
            (1, 0.9),
            (30, 0.4),
            (45, 0.3),
            (60, 0.2),
        ];
        let c = fr_corpus(base, (0..).zip(days).map(|(i, (d, sal))| (i, d, sal)));
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let width = 1000.0;
        let d = day_number(base) as f64;
        let v = TimeView::fit(d, d + 61.0, width);
        let opts = FrameOptions {
            keep_within: Some(v.range(width)),
            ..Default::default()
        };
        let fitted = lane_view(lane, &v, width, opts, &mut measure);
        assert_eq!(
            fitted.before, 1,
            "the stray happening is counted at the left edge"
        );
        assert!(!fitted.captions.is_empty());
        for cap in &fitted.captions {
            assert!(cap.b.x0 >= OFF_CHART_PX, "{cap:?} under the count");
        }
        // With nothing before the fit, no room is given up.
        let none_before = FrameOptions {
            keep_within: Some((d - 500.0, d + 61.0)),
            ..Default::default()
        };
        let free = lane_view(lane, &v, width, none_before, &mut measure);
        assert!(
            free.captions.iter().any(|c| c.b.x0 < OFF_CHART_PX),
            "{:?}",
            free.captions
        );
        // Kept in days: a pan moves every caption with its mark.
        assert_captions_pan_with_marks(lane, &v, width, opts, &mut measure, &fitted, -80.0);
    }

    #[test]
    fn a_restored_view_bounds_captions_at_the_left_edge_as_a_fit_does() {
        // A corpus's saved view is opened at its days exactly (not a fit): the happening
        // two days in is crowded on its right by a more salient one, so its caption would
        // go left of its mark, off the plot under the lane labels. Framed like a fit, it
        // starts inside the plot (or is left out), at the first frame and after a pan; a
        // zoom lets captions pass the edges again.
        let base = crate::timeline::axis::date_of(64 * 300 + 20).unwrap();
        let days = [(2, 0.5), (3, 0.9), (30, 0.4), (50, 0.3)];
        let c = fr_corpus(base, (0..).zip(days).map(|(i, (d, sal))| (i, d, sal)));
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let width = 1000.0;
        let d = day_number(base) as f64;
        let restored = TimeView::new(d, width / 60.0);
        let unbound = lane_view(
            lane,
            &restored,
            width,
            FrameOptions::default(),
            &mut measure,
        );
        assert!(
            unbound.captions.iter().any(|c| c.b.x0 < 0.0),
            "premise: unbound, a caption starts off the left edge: {:?}",
            unbound.captions
        );
        let framed = Framed::of(&restored, width);
        let opts = FrameOptions {
            keep_within: framed.keep_within(&restored),
            ..Default::default()
        };
        assert_eq!(opts.keep_within, Some(restored.range(width)));
        let bound = lane_view(lane, &restored, width, opts, &mut measure);
        assert!(!bound.captions.is_empty());
        for cap in &bound.captions {
            assert!(cap.b.x0 >= 0.0, "{cap:?} starts off the plot");
        }
        // Panning keeps the bound (in days), so captions move with their marks.
        let mut panned = restored;
        panned.pan_px(-60.0);
        assert_eq!(framed.keep_within(&panned), opts.keep_within);
        assert_captions_pan_with_marks(lane, &restored, width, opts, &mut measure, &bound, -60.0);
        // A zoom ends the framing.
        let mut zoomed = restored;
        zoomed.zoom_around(500.0, 2.0);
        assert_eq!(framed.keep_within(&zoomed), None);
    }

    /// Every mark drawn in the caption's row other than its own, as boxes.
    fn marks_under(lane: &Lane, v: &TimeView, f: &LaneView, cap: &Caption) -> Vec<BoxPx> {
        f.items
            .iter()
            .filter(|&&k| k != cap.item)
            .map(|&k| &lane.items[k as usize])
            .filter(|it| {
                it.kind != ItemKind::Span && row_center(it.row) == (cap.b.y0 + cap.b.y1) / 2.0
            })
            .map(|it| item_box(it, v))
            .filter(|m| m.x0 < cap.b.x1 && cap.b.x0 < m.x1)
            .collect()
    }

    #[test]
    fn a_caption_never_covers_another_mark() {
        // Daily events: at these zooms marks stand closer than a caption is long.
        for (step, ppd) in [(1, 6.0), (1, 40.0), (3, 12.0), (23, 6.0)] {
            let c = corpus_every(400, step);
            let l = Layout::build(&c);
            let lane = &l.lanes[0];
            let v = TimeView::new(
                day_number(NaiveDate::from_ymd_opt(2020, 3, 1).unwrap()) as f64,
                ppd,
            );
            let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
            for cap in &f.captions {
                let under = marks_under(lane, &v, &f, cap);
                assert!(
                    under.is_empty(),
                    "step {step}, {ppd} px/day: {cap:?} covers {under:?}"
                );
            }
            if step == 23 {
                assert!(f.captions.len() >= 4, "{:?}", f.captions);
            }
        }
    }

    #[test]
    fn a_caption_near_its_tiles_end_runs_on_whole_when_the_next_tile_is_free() {
        // Two happenings 40 days apart at 6 px/day (tiles of 64 days): wherever the tile
        // edges fall, both captions are whole and right of their marks.
        let base = crate::timeline::axis::date_of(64 * 300 + 60).unwrap();
        let c = fr_corpus(base, [(0, 0, 0.8), (1, 40, 0.8)]);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let v = TimeView::new((64 * 300) as f64, 6.0);
        assert_eq!(captions::tile_days(6.0), 64.0);
        let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
        assert_eq!(f.captions.len(), 2, "{:?}", f.captions);
        for cap in &f.captions {
            assert!(!cap.shortened && !cap.left, "{cap:?}");
        }
        // The first mark (day 60 of its tile) sits 24 px before the tile's end: its
        // caption crosses into the next tile.
        assert!(f
            .captions
            .iter()
            .any(|c| c.b.x1 > v.x_of((64 * 301) as f64)));
    }

    #[test]
    fn off_screen_counts_each_side() {
        let c = corpus(100);
        let l = Layout::build(&c);
        let lane = &l.lanes[0];
        let start = day_number(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()) as f64;
        // Days 30..60 on screen.
        let v = TimeView::new(start + 30.0, 1000.0 / 30.0);
        let f = lane_view(lane, &v, 1000.0, FrameOptions::default(), &mut measure);
        assert_eq!((f.before, f.after), (30, 40));
    }
}
