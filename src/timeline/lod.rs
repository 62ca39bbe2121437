//! What to draw in one lane this frame: items one by one where they fit, count bubbles
//! where they would pile up (level of detail).
//!
//! Items of a lane's *wide* length classes (shortest member at least [`WIDE_PX`] on
//! screen) never pile up beyond their rows and are drawn individually. The other,
//! *narrow*, items are counted per screen bucket of [`BUCKET_PX`] (aligned to a fixed
//! grid of day numbers so bubbles do not shimmer while panning): a bucket with items on
//! distinct rows draws them; a crowded bucket draws one bubble with the count. Counting
//! uses two binary searches per class and bucket, so a frame costs
//! O(buckets × classes × log n) per lane however many events are in view.
//!
//! Geometry is in px relative to the plot's left edge (x) and the lane's top edge (y);
//! [`super::hit`] uses the very same functions, so what is hit is what is drawn.

use super::axis::TimeView;
use super::layout::{class_window, flags, Item, ItemKind, Lane, LengthClass, MAX_ROWS};

/// Height of one stacking row.
pub const ROW_H: f64 = 18.0;
/// Space above the first and below the last row.
pub const LANE_PAD: f64 = 7.0;
/// Width of a counting bucket.
pub const BUCKET_PX: f64 = 22.0;
/// A class whose shortest item is at least this wide is drawn item by item.
pub const WIDE_PX: f64 = 24.0;
/// Half the width of a point mark.
pub const POINT_HALF: f64 = 5.5;
/// Centres of two marks on one row closer than this make a bubble.
pub const MIN_MARK_GAP: f64 = 2.0 * POINT_HALF + 3.0;
/// Bars and spans are widened to at least this.
pub const MIN_BAR_PX: f64 = 8.0;
/// A wide class with more items in view than its rows can show side by side is counted in
/// buckets instead: past that, its bars and spans only pile up into a smear.
fn max_wide_visible(width: f64, item_px: f64) -> usize {
    (f64::from(MAX_ROWS) * (width.max(0.0) / item_px.max(WIDE_PX) + 2.0)) as usize
}

pub fn lane_height(rows: u8) -> f64 {
    2.0 * LANE_PAD + f64::from(rows.clamp(1, MAX_ROWS)) * ROW_H
}

pub fn row_center(row: u8) -> f64 {
    LANE_PAD + (f64::from(row) + 0.5) * ROW_H
}

/// An axis-aligned box in lane-local px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxPx {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

impl BoxPx {
    pub fn contains(&self, x: f64, y: f64, pad: f64) -> bool {
        x >= self.x0 - pad && x <= self.x1 + pad && y >= self.y0 - pad && y <= self.y1 + pad
    }
    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    pub fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }
}

/// Room right of a mark for what is written after it (a source count "×N", "?", "!"), from
/// its flags alone: the layout has no fonts, so the count is taken as two digits wide (the
/// chart measures the exact width of a captioned mark's own).
pub fn decoration_px(fl: u8) -> f64 {
    let mut w = 0.0;
    if fl & flags::MULTI_SOURCE != 0 {
        w += 20.0;
    }
    if fl & flags::UNCERTAIN != 0 {
        w += 7.0;
    }
    if fl & flags::CONFLICT != 0 {
        w += 10.0;
    }
    w
}

/// Where an item is drawn (its mark, bar or span), in lane-local px.
pub fn item_box(it: &Item, view: &TimeView) -> BoxPx {
    let yc = row_center(it.row);
    match it.kind {
        ItemKind::Point => {
            let xc = view.x_of(it.start + 0.5);
            BoxPx {
                x0: xc - POINT_HALF,
                x1: xc + POINT_HALF,
                y0: yc - POINT_HALF,
                y1: yc + POINT_HALF,
            }
        }
        ItemKind::Bar | ItemKind::Span => {
            let (mut x0, mut x1) = (view.x_of(it.start), view.x_of(it.end));
            if x1 - x0 < MIN_BAR_PX {
                let c = (x0 + x1) / 2.0;
                x0 = c - MIN_BAR_PX / 2.0;
                x1 = c + MIN_BAR_PX / 2.0;
            }
            let h = if it.kind == ItemKind::Bar {
                4.5
            } else {
                ROW_H / 2.0 - 1.5
            };
            BoxPx {
                x0,
                x1,
                y0: yc - h,
                y1: yc + h,
            }
        }
    }
}

/// Several items drawn as one count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bubble {
    /// Centre, lane-local px.
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub count: u32,
    /// The days the bucket covers (for "zoom into this bubble").
    pub first_day: f64,
    pub last_day: f64,
    /// The bucket's index on the zoom's fixed grid (`day / bucket_days`, floored).
    pub bucket: i64,
    /// The bucket's edges in px (a density-strip cell spans them).
    pub x0: f64,
    pub x1: f64,
}

impl Bubble {
    pub fn contains(&self, x: f64, y: f64, pad: f64) -> bool {
        let (dx, dy) = (x - self.x, y - self.y);
        dx * dx + dy * dy <= (self.radius + pad) * (self.radius + pad)
    }
}

/// One lane's drawing list for one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneFrame {
    /// Item indices in drawing order: spans, then bars, then points.
    pub items: Vec<u32>,
    pub bubbles: Vec<Bubble>,
}

/// How the lane's classes split at this zoom.
pub(crate) struct Split<'a> {
    pub wide: Vec<&'a LengthClass>,
    pub narrow: Vec<&'a LengthClass>,
    /// Bucket width in days.
    pub bucket_days: f64,
}

pub(crate) fn split<'a>(lane: &'a Lane, view: &TimeView, width: f64) -> Split<'a> {
    let (a, b) = view.range(width);
    let mut wide = Vec::new();
    let mut narrow = Vec::new();
    for c in &lane.classes {
        let w = class_window(&lane.items, c, a, b);
        // Single days always go through buckets: any number of them can share a day. Longer
        // items are drawn one by one (those piling onto a full row are counted instead).
        if c.max_len > 1.0
            && c.min_len * view.px_per_day >= WIDE_PX
            && w.len() <= max_wide_visible(width, c.min_len * view.px_per_day)
        {
            wide.push(c);
        } else {
            narrow.push(c);
        }
    }
    Split {
        wide,
        narrow,
        bucket_days: BUCKET_PX / view.px_per_day,
    }
}

/// What a bucket shows.
pub(crate) enum Bucket {
    Empty,
    /// These items, on distinct rows.
    Items(Vec<u32>),
    Bubble(Bubble),
}

/// The content of bucket `i`: the narrow items whose *centre* lies in days
/// `[i·bw, (i+1)·bw)`. Within a class the centre is `start + len/2` with `len` between
/// `min_len` and `max_len`, so bucketing by `start + min_len/2` keeps items sorted and
/// puts each near its drawn position (exactly, for single days).
pub(crate) fn bucket(lane: &Lane, s: &Split, view: &TimeView, i: i64) -> Bucket {
    bucket_from(lane, s, view, i, &mut Vec::new())
}

/// Buckets `range`, in order, as [`bucket`] makes each. A bucket's items in a class start
/// where the bucket before it ended, so a sweep searches each class once per bucket, from
/// where it last stopped, instead of twice over the whole class: zoomed out at a million
/// events these searches were a fifth of a frame.
pub(crate) fn sweep_buckets(
    lane: &Lane,
    s: &Split,
    view: &TimeView,
    range: std::ops::RangeInclusive<i64>,
    mut f: impl FnMut(Bucket),
) {
    let mut cursor = Vec::new();
    for i in range {
        f(bucket_from(lane, s, view, i, &mut cursor));
    }
}

/// [`bucket`] `i`; `cursor` holds, per narrow class, where bucket `i` starts (left by the
/// bucket `i - 1` made with it), or is empty to search for it.
fn bucket_from(lane: &Lane, s: &Split, view: &TimeView, i: i64, cursor: &mut Vec<usize>) -> Bucket {
    let bw = s.bucket_days;
    let (d0, d1) = (i as f64 * bw, (i + 1) as f64 * bw);
    let mut total = 0usize;
    let mut ranges = Vec::new();
    let (mut first, mut last) = (f64::INFINITY, f64::NEG_INFINITY);
    let fresh = cursor.len() != s.narrow.len();
    if fresh {
        cursor.clear();
        cursor.resize(s.narrow.len(), 0);
    }
    for (j, c) in s.narrow.iter().enumerate() {
        let cs = &lane.items[c.range.clone()];
        let off = c.min_len / 2.0;
        let lo = if fresh {
            cs.partition_point(|it| it.start + off < d0)
        } else {
            cursor[j]
        };
        let hi = gallop(cs, lo, |it| it.start + off < d1);
        cursor[j] = hi;
        if hi > lo {
            total += hi - lo;
            first = first.min(cs[lo].start + cs[lo].len() / 2.0);
            last = last.max(cs[hi - 1].start + cs[hi - 1].len() / 2.0);
            ranges.push(c.range.start + lo..c.range.start + hi);
        }
    }
    if total == 0 {
        return Bucket::Empty;
    }
    if total <= 2 * usize::from(MAX_ROWS) {
        // Drawn one by one when marks sharing a row do not touch.
        let mut placed: Vec<(u8, f64, u32)> = Vec::with_capacity(total);
        for r in ranges {
            for k in r {
                let it = &lane.items[k];
                placed.push((it.row, view.x_of(it.start + it.len() / 2.0), k as u32));
            }
        }
        placed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let apart = placed
            .windows(2)
            .all(|w| w[0].0 != w[1].0 || w[1].1 - w[0].1 >= MIN_MARK_GAP);
        if apart {
            return Bucket::Items(placed.into_iter().map(|p| p.2).collect());
        }
    }
    let radius = (7.0 + 1.6 * (total as f64).log10()).min(BUCKET_PX / 2.0);
    Bucket::Bubble(Bubble {
        x: view.x_of((first + last) / 2.0),
        y: lane_height(lane.rows) / 2.0,
        radius,
        count: total as u32,
        first_day: d0.min(first),
        last_day: d1.max(last),
        bucket: i,
        x0: view.x_of(d0),
        x1: view.x_of(d1),
    })
}

/// The first index at or after `lo` where `pred` fails, in `s` partitioned by `pred` (it
/// holds before `lo`): a galloping search from `lo`, cheap when the answer lies near.
fn gallop<T>(s: &[T], lo: usize, pred: impl Fn(&T) -> bool) -> usize {
    let (mut done, mut probe, mut step) = (lo, lo, 1);
    while probe < s.len() && pred(&s[probe]) {
        done = probe + 1;
        probe = lo + step;
        step *= 2;
    }
    let end = probe.min(s.len()).max(done);
    done + s[done..end].partition_point(pred)
}

/// Counts items of wide classes that pile onto an item of their row ([`flags::PILED`]) in
/// the dense cell of the bucket holding their centre (made when there is none), keeping
/// `cells` sorted by bucket.
pub(crate) fn add_piled(
    lane: &Lane,
    s: &Split,
    view: &TimeView,
    piled: &[usize],
    cells: &mut Vec<Bubble>,
) {
    let bw = s.bucket_days;
    for &k in piled {
        let it = &lane.items[k];
        let c = (it.start + it.end) / 2.0;
        let i = (c / bw).floor() as i64;
        match cells.binary_search_by_key(&i, |b| b.bucket) {
            Ok(j) => {
                let b = &mut cells[j];
                b.count += 1;
                b.radius = (7.0 + 1.6 * f64::from(b.count).log10()).min(BUCKET_PX / 2.0);
            }
            Err(j) => {
                let (d0, d1) = (i as f64 * bw, (i + 1) as f64 * bw);
                cells.insert(
                    j,
                    Bubble {
                        x: view.x_of(c),
                        y: lane_height(lane.rows) / 2.0,
                        radius: 7.0,
                        count: 1,
                        first_day: d0,
                        last_day: d1,
                        bucket: i,
                        x0: view.x_of(d0),
                        x1: view.x_of(d1),
                    },
                );
            }
        }
    }
}

/// Bucket index range covering the plot, with one bucket of slack on each side.
pub(crate) fn bucket_range(
    s: &Split,
    view: &TimeView,
    width: f64,
) -> std::ops::RangeInclusive<i64> {
    let (a, b) = view.range(width);
    let bw = s.bucket_days;
    (a / bw).floor() as i64 - 1..=(b / bw).floor() as i64 + 1
}

/// Everything to draw in `lane` for a plot `width` px wide.
pub fn query_lane(lane: &Lane, view: &TimeView, width: f64) -> LaneFrame {
    let s = split(lane, view, width);
    let (a, b) = view.range(width);
    // Marks reach a few px past their days: widen the window by that.
    let slack = (MIN_BAR_PX + POINT_HALF) / view.px_per_day;
    let mut frame = LaneFrame::default();
    let mut piled = Vec::new();
    for c in &s.wide {
        for k in class_window(&lane.items, c, a - slack, b + slack) {
            if lane.items[k].end > a - slack {
                if lane.items[k].flags & flags::PILED != 0 {
                    piled.push(k);
                } else {
                    frame.items.push(k as u32);
                }
            }
        }
    }
    if !s.narrow.is_empty() {
        sweep_buckets(lane, &s, view, bucket_range(&s, view, width), |b| match b {
            Bucket::Empty => {}
            Bucket::Items(v) => frame.items.extend(v),
            Bucket::Bubble(bu) => frame.bubbles.push(bu),
        });
    }
    add_piled(lane, &s, view, &piled, &mut frame.bubbles);
    // Stable: keeps start order within each kind.
    frame
        .items
        .sort_by_key(|&k| match lane.items[k as usize].kind {
            ItemKind::Span => 0,
            ItemKind::Bar => 1,
            ItemKind::Point => 2,
        });
    frame
}

#[cfg(test)]
mod tests {
    use super::gallop;

    #[test]
    fn galloping_finds_what_a_binary_search_finds() {
        let v: Vec<u32> = (0..200).map(|i| i / 3).collect();
        for lo in [0usize, 1, 5, 17, 150, 199, 200] {
            for t in [0u32, 1, 2, 10, 40, 66, 67, 500] {
                let want = v.partition_point(|&x| x < t).max(lo);
                assert_eq!(gallop(&v, lo, |&x| x < t), want, "from {lo} to {t}");
            }
        }
        assert_eq!(gallop::<u32>(&[], 0, |_| true), 0);
    }
}
