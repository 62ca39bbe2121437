//! Pointer → lane → item or bubble, in O(log n).
//!
//! The lane comes from a binary search over the lanes' cumulative tops; inside the lane
//! only the length-class windows and the three buckets around the pointer are examined,
//! using the same geometry and bucketing as [`super::lod`], so a hit is always something
//! that is drawn.

use super::axis::TimeView;
use super::layout::{class_window, flags, ItemKind, Lane};
use super::lod::{bucket, bucket_range, item_box, split, Bubble, Bucket, MIN_BAR_PX};

/// Extra px around marks that still count as a hit (thin bars are hard to point at).
pub const HIT_PAD: f64 = 3.0;
/// A wide class window longer than this is not scanned item by item on hover.
const MAX_SCAN: usize = 20_000;

/// What the pointer is over inside one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// Index into the lane's items.
    Item(u32),
    Bubble(Bubble),
}

/// Index of the lane containing `y`, given the lanes' top edges followed by the last
/// lane's bottom edge (so `edges.len() == lanes + 1`, ascending).
pub fn lane_at(edges: &[f64], y: f64) -> Option<usize> {
    if edges.len() < 2 || y < edges[0] || y >= edges[edges.len() - 1] {
        return None;
    }
    Some(edges.partition_point(|&t| t <= y) - 1)
}

/// The item or bubble under (`x`, `y`) in lane-local px, for a plot `width` px wide.
/// Prefers what is drawn on top: narrow marks and bubbles, then points, bars, spans.
pub fn hit_lane(lane: &Lane, view: &TimeView, width: f64, x: f64, y: f64) -> Option<Target> {
    let s = split(lane, view, width);
    // Narrow classes: the bucket under the pointer and its neighbours.
    if !s.narrow.is_empty() {
        let i = (view.day_at(x) / s.bucket_days).floor() as i64;
        let visible = bucket_range(&s, view, width);
        let mut best: Option<(f64, Target)> = None;
        for b in i - 1..=i + 1 {
            if !visible.contains(&b) {
                continue;
            }
            match bucket(lane, &s, view, b) {
                Bucket::Empty => {}
                Bucket::Items(v) => {
                    for k in v {
                        let bx = item_box(&lane.items[k as usize], view);
                        if bx.contains(x, y, HIT_PAD) {
                            let d = dist(bx.center(), x, y);
                            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                                best = Some((d, Target::Item(k)));
                            }
                        }
                    }
                }
                Bucket::Bubble(bu) => {
                    if bu.contains(x, y, HIT_PAD) {
                        let d = dist((bu.x, bu.y), x, y);
                        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                            best = Some((d, Target::Bubble(bu)));
                        }
                    }
                }
            }
        }
        if let Some((_, t)) = best {
            return Some(t);
        }
    }
    // Wide classes: items overlapping the pointer's day ± the widest mark overhang.
    let slack = (MIN_BAR_PX + HIT_PAD) / view.px_per_day;
    let day = view.day_at(x);
    let mut best: Option<(u8, f64, f64, u32)> = None;
    for c in &s.wide {
        let w = class_window(&lane.items, c, day - slack, day + slack);
        let w = w.start..w.end.min(w.start + MAX_SCAN);
        for k in w {
            let it = &lane.items[k];
            if it.end < day - slack || it.flags & flags::PILED != 0 {
                continue;
            }
            let bx = item_box(it, view);
            if !bx.contains(x, y, HIT_PAD) {
                continue;
            }
            let rank = match it.kind {
                ItemKind::Point => 0,
                ItemKind::Bar => 1,
                ItemKind::Span => 2,
            };
            let key = (rank, bx.area(), dist(bx.center(), x, y), k as u32);
            if best.is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2)) {
                best = Some(key);
            }
        }
    }
    best.map(|b| Target::Item(b.3))
}

fn dist((cx, cy): (f64, f64), x: f64, y: f64) -> f64 {
    (cx - x).hypot(cy - y)
}
