//! Where captions go: beside their mark, inside their lane, never over one another, the
//! most salient happenings first, and the same wherever the user pans.
//!
//! The plot is cut into *tiles* on a fixed grid of days whose width is a power of two
//! days chosen so a tile spans [`TILE_PX`]..2·[`TILE_PX`] px at the current zoom. A
//! caption belongs to the tile holding its item's centre and must fit inside that tile, so
//! what one tile shows depends only on the items in it and the zoom — never on where the
//! plot's edges are. Panning therefore moves captions with their marks and never makes
//! them jump or trade places; zooming by less than a factor of two keeps the grid.
//!
//! Inside a tile, candidates come best-ranked first (see `topk`) and each takes the first
//! free place of: right of its mark, inside it (long spans), left of it, then the same
//! shortened to the room left (at least [`MIN_CAPTION_PX`]). A place is free when it
//! overlaps no caption or captioned mark already placed and hides no other mark. The
//! tile's best happening that finds no such place beside its mark (marks close on both
//! sides) may have its caption in the row above or below, joined to its mark by a short
//! leader, where that row is free: the top happenings are captioned first at every zoom.
//! A happening counted in a dense cell (a density strip) has no mark until it is captioned,
//! so its mark and caption may take any free row of the lane: a lane drawn as a strip keeps
//! its rows for captions (its tiles are captioned as fully as a sparse lane's).
//! With no free place the happening stays an unlabelled mark.

use super::lod::{row_center, BoxPx, POINT_HALF};

/// Tiles are this wide at least (and less than twice this).
pub const TILE_PX: f64 = 280.0;
/// Height of a caption's box; less than a row, so a caption never leaves its lane.
pub const CAPTION_H: f64 = 15.0;
/// Widest a caption grows; longer text is shortened with "…".
pub const MAX_CAPTION_PX: f64 = 250.0;
/// Narrowest shortened caption worth showing (two or three words: fewer say nothing).
pub const MIN_CAPTION_PX: f64 = 96.0;
/// Widest a caption's cut floor grows (about 30 characters): text longer than this may be
/// cut to it.
pub const CUT_FLOOR_PX: f64 = 170.0;

/// Narrowest a caption is cut to, given the width of its narrowest whole wording (its
/// shorter form, or the caption itself): that wording whole when it is no wider than
/// [`CUT_FLOOR_PX`], since a caption cut to its first two words ("David Cameron…",
/// "William plays…") tells a briefing less than none; longer text keeps about 30
/// characters, never fewer than [`MIN_CAPTION_PX`].
pub fn cut_floor(whole: f64) -> f64 {
    whole.clamp(MIN_CAPTION_PX, CUT_FLOOR_PX)
}

/// Space between a mark and its caption.
pub const GAP: f64 = 3.0;
/// Farthest a caption in another row starts from its mark's edge (its leader slants).
pub const LEADER_REACH: f64 = 40.0;
/// Candidates tried per tile and lane (bounds the work per frame).
pub const CANDIDATES_PER_TILE: usize = 12;
/// Captions placed per tile and lane: two labelled happenings per few hundred px keep a
/// lane readable at a glance; the rest stay marks until the user zooms in.
pub const CAPTIONS_PER_TILE: usize = 2;

/// Width in days of the caption tiles at `px_per_day`: a power of two (possibly below
/// one day) spanning `TILE_PX..2 * TILE_PX` px.
pub fn tile_days(px_per_day: f64) -> f64 {
    let want = TILE_PX / px_per_day.max(1e-9);
    2f64.powi(want.log2().ceil() as i32)
}

/// A placed caption, in lane-local px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Caption {
    /// Index into the lane's items.
    pub item: u32,
    /// The caption's box (text plus padding).
    pub b: BoxPx,
    /// Other happenings drawn in the same crowded cell ("+N more").
    pub more: u32,
    /// The text is wider than the box: shorten it to fit.
    pub shortened: bool,
    /// Written in its shorter form ([`Candidate::short_width`]): the whole caption had no
    /// place here and the shorter one fits whole.
    pub short_form: bool,
    /// The item sits in a density cell, so its mark is drawn with the caption.
    pub own_mark: bool,
    /// The dense cell (bucket index) the item is counted in, if any.
    pub cell: Option<i64>,
    /// Placed left of its mark.
    pub left: bool,
    /// In another row than its mark's, joined to it by a leader.
    pub leader: bool,
    /// The row its mark is drawn in: the item's own row, or for a happening of a dense
    /// cell (drawn only with its caption, [`Caption::own_mark`]) the free row it took.
    pub mark_row: u8,
    /// Written again in a lane below the one that first captioned it (drawn dimmed).
    pub repeat: bool,
}

/// Something drawn in a lane that a caption never hides: a mark with what is written after
/// it, or only what is written after a span (a span is a faint background text may cover).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Obstacle {
    pub row: u8,
    /// The lane item it belongs to (a caption's own mark is never in its way).
    pub item: u32,
    pub b: BoxPx,
}

/// A candidate for one tile, best first.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub item: u32,
    pub row: u8,
    /// Where the item's mark is drawn.
    pub mark: BoxPx,
    /// A span drawn faintly behind others: its caption may sit inside it.
    pub is_span: bool,
    /// Full caption width in px (text plus padding); `None` when there is no text.
    pub width: Option<f64>,
    /// Width of the caption's shorter form (the same clause in fewer words), when it has
    /// one narrower than the whole: written where the whole one has no place.
    pub short_width: Option<f64>,
    /// Narrowest this caption may be shortened to (a few words and its "+N more").
    pub min_width: f64,
    pub more: u32,
    /// The dense cell it is counted in, if any (its mark is then drawn with the caption).
    pub cell: Option<i64>,
    /// What its caption says ([`super::frame::CaptionSize::key`]); `None` without text.
    pub key: Option<u64>,
}

/// Where a caption goes: its box's x and y extent, left of its mark or not, and whether
/// it is written in its shorter form.
#[derive(Clone, Copy, Debug)]
struct Place {
    x0: f64,
    x1: f64,
    left: bool,
    y0: f64,
    y1: f64,
    short: bool,
}

/// Places captions for one tile whose usable x range is `[x0, x1)`; a caption right of its
/// mark may run on to `reach` (≥ `x1`) over the next tile, where it hides no mark and
/// overlaps none of the captions already in `out` (placed for other tiles). `obstacles`
/// are marks drawn in the lane (row and box) that a caption never hides. Captions may use
/// rows `0..rows` (the lane's rows, and in a still picture one more below them).
pub fn place_tile(
    cands: &[Candidate],
    x0: f64,
    x1: f64,
    reach: f64,
    rows: u8,
    obstacles: &[Obstacle],
    out: &mut Vec<Caption>,
) {
    // Keep clear of marks centred just across the tile's edges.
    let (lo, hi) = (x0 + POINT_HALF + 1.0, reach.max(x1) - POINT_HALF - 1.0);
    let mut taken: Vec<BoxPx> = Vec::new();
    let first = out.len();
    let (earlier, _) = out.split_at(first);
    taken.extend(earlier.iter().map(|c| c.b));
    for c in cands {
        if out.len() - first >= CAPTIONS_PER_TILE {
            break;
        }
        let Some(full) = c.width else { continue };
        let w = full.min(MAX_CAPTION_PX);
        let min_w = c.min_width.max(MIN_CAPTION_PX.min(w));
        let short = c.short_width.filter(|&s| s < w);
        // A happening of a dense cell has no mark of its own until it is captioned: its
        // mark and caption may stand in any free row of the lane (its own row first), so
        // a lane drawn as a density strip keeps its rows for captions. The whole caption
        // (or it cut to the room) is tried in every row before the shorter form.
        let forms = std::iter::once((w, min_w, false)).chain(short.map(|s| (s, s, true)));
        let rows_of = |form| candidate_rows(c, rows).map(move |r| (form, r));
        let mut choice = None;
        for ((w, min_w, short), r) in forms.flat_map(rows_of) {
            let mark = at_row(&c.mark, c.row, r);
            if taken.iter().any(|t| overlaps(t, &mark, 1.0)) {
                // Its mark is under a caption (or mark) already placed.
                continue;
            }
            if r != c.row
                && obstacles
                    .iter()
                    .any(|o| o.row == r && overlaps(&o.b, &mark, 1.0))
            {
                continue;
            }
            let moved = Candidate { row: r, mark, ..*c };
            if let Some(p) = beside(&moved, (w, min_w, short), (lo, hi), obstacles, &taken) {
                choice = Some((p, r));
                break;
            }
        }
        let m = &c.mark;
        // The tile's best happening with no room beside its mark: above or below it.
        let choice = choice.or_else(|| {
            if out.len() > first || taken.iter().any(|t| overlaps(t, m, 1.0)) {
                return None;
            }
            [c.row.checked_add(1), c.row.checked_sub(1)]
                .into_iter()
                .flatten()
                .filter(|&r| r < rows)
                .find_map(|r| leader_place(c, r, w, min_w, lo, hi, obstacles, &taken))
                .map(|p| (p, c.row))
        });
        if let Some((p, mark_row)) = choice {
            let bx = BoxPx {
                x0: p.x0,
                x1: p.x1,
                y0: p.y0,
                y1: p.y1,
            };
            let written = if p.short { short.unwrap_or(full) } else { full };
            let leader = p.y0 != row_center(mark_row) - CAPTION_H / 2.0;
            taken.push(bx);
            taken.push(at_row(m, c.row, mark_row));
            out.push(Caption {
                item: c.item,
                b: bx,
                more: c.more,
                shortened: p.x1 - p.x0 < written - 0.5,
                short_form: p.short,
                own_mark: c.cell.is_some(),
                cell: c.cell,
                left: p.left,
                leader,
                mark_row,
                repeat: false,
            });
        }
    }
}

/// The rows `c`'s caption may stand in: its mark's row, and for a happening of a dense
/// cell (whose mark is drawn only with its caption) every other row, nearest first.
fn candidate_rows(c: &Candidate, rows: u8) -> impl Iterator<Item = u8> {
    let own = c.row;
    let reach = if c.cell.is_some() { rows } else { 0 };
    // Nearest first, the upper of two at one distance first (no list per candidate).
    let others = (1..reach).flat_map(move |d| {
        let up = own.checked_sub(d);
        let down = own.checked_add(d).filter(|&r| r < rows);
        up.into_iter().chain(down)
    });
    std::iter::once(own).chain(others)
}

/// `mark` (drawn in row `from`) moved to row `to`.
fn at_row(mark: &BoxPx, from: u8, to: u8) -> BoxPx {
    let dy = row_center(to) - row_center(from);
    BoxPx {
        y0: mark.y0 + dy,
        y1: mark.y1 + dy,
        ..*mark
    }
}

/// The first free place beside `c`'s mark in its row (`c.row`) for a caption `w` px wide:
/// right of it, inside it (long spans), left of it, then the same shortened to the room
/// left (at least `min_w`). The shorter form (`short`) is written whole or not at all.
/// Free: inside `lo..hi`, over no box in `taken`, hiding no other mark of the row.
fn beside(
    c: &Candidate,
    (w, min_w, short): (f64, f64, bool),
    (lo, hi): (f64, f64),
    obstacles: &[Obstacle],
    taken: &[BoxPx],
) -> Option<Place> {
    let yc = row_center(c.row);
    let (y0, y1) = (yc - CAPTION_H / 2.0, yc + CAPTION_H / 2.0);
    let m = &c.mark;
    // (x0, x1, left of the mark, shorter form) of each place, best first.
    let mut places: Vec<(f64, f64, bool, bool)> = Vec::with_capacity(6);
    places.push((m.x1 + GAP, m.x1 + GAP + w, false, short));
    if c.is_span {
        let s = m.x0.max(lo) + GAP;
        if s + w <= m.x1.min(hi) {
            places.push((s, s + w, false, short));
        }
    }
    places.push((m.x0 - GAP - w, m.x0 - GAP, true, short));
    // The longer form may be cut to the room left; the shorter is written whole or not.
    if !short {
        let right_room = hi - (m.x1 + GAP);
        if right_room >= min_w && right_room < w {
            places.push((m.x1 + GAP, hi, false, false));
        }
        let left_room = (m.x0 - GAP) - lo;
        if left_room >= min_w && left_room < w {
            places.push((lo, m.x0 - GAP, true, false));
        }
        // Shortened to end before the nearest other mark of its row, so that a caption
        // hides a mark only when no shorter caption fits beside its own.
        let others = || {
            obstacles
                .iter()
                .filter(|o| o.row == c.row && o.item != c.item)
                .map(|o| &o.b)
        };
        let right_end = others()
            .filter(|o| o.x0 >= m.x1)
            .map(|o| o.x0 - GAP)
            .fold(hi, f64::min);
        if right_end - (m.x1 + GAP) >= min_w {
            places.push((m.x1 + GAP, right_end.min(m.x1 + GAP + w), false, false));
        }
        let left_start = others()
            .filter(|o| o.x1 <= m.x0)
            .map(|o| o.x1 + GAP)
            .fold(lo, f64::max);
        if (m.x0 - GAP) - left_start >= min_w {
            places.push(((m.x0 - GAP - w).max(left_start), m.x0 - GAP, true, false));
        }
    }
    let fits = |&(a, b, _, _): &(f64, f64, bool, bool)| {
        let bx = BoxPx {
            x0: a,
            x1: b,
            y0,
            y1,
        };
        a >= lo && b <= hi && !taken.iter().any(|t| overlaps(t, &bx, 2.0)) && !overlaps(&bx, m, 0.0)
    };
    // A caption never covers another mark: with no free place it is left out, and the
    // mark stays unlabelled (a hidden happening misleads more than a missing word).
    let hides = |&(a, b, _, _): &(f64, f64, bool, bool)| {
        obstacles
            .iter()
            .any(|o| o.row == c.row && o.item != c.item && o.b.x1 > a && o.b.x0 < b)
    };
    places
        .iter()
        .find(|p| fits(p) && !hides(p))
        .map(|&(x0, x1, left, short)| Place {
            x0,
            x1,
            left,
            y0,
            y1,
            short,
        })
}

/// A place for `c`'s caption in row `r` (not its mark's), starting at its mark's left edge
/// and running right, else ending at its right edge, or when something stands there, just
/// past it (at most [`LEADER_REACH`] px away, so the leader stays short). Shortened (to
/// `min_w` at least) to end before what already stands in that row: marks, which it never
/// hides, and captions.
#[allow(clippy::too_many_arguments)]
fn leader_place(
    c: &Candidate,
    r: u8,
    w: f64,
    min_w: f64,
    lo: f64,
    hi: f64,
    obstacles: &[Obstacle],
    taken: &[BoxPx],
) -> Option<Place> {
    let yc = row_center(r);
    let (y0, y1) = (yc - CAPTION_H / 2.0, yc + CAPTION_H / 2.0);
    let m = &c.mark;
    let band = BoxPx {
        x0: f64::NEG_INFINITY,
        x1: f64::INFINITY,
        y0,
        y1,
    };
    // What stands in that row: marks of the row and boxes already placed across it.
    let blocks: Vec<BoxPx> = obstacles
        .iter()
        .filter(|o| o.row == r)
        .map(|o| o.b)
        .chain(taken.iter().copied().filter(|t| overlaps(t, &band, 0.0)))
        .collect();
    let inside = |x: f64| blocks.iter().any(|o| o.x0 < x && o.x1 > x);
    // Running right: from the mark's left edge, or just past what stands there.
    let mut starts = vec![m.x0.max(lo)];
    starts.extend(
        blocks
            .iter()
            .map(|o| o.x1 + GAP)
            .filter(|&x| x > m.x0 && x <= m.x1 + LEADER_REACH),
    );
    starts.sort_by(f64::total_cmp);
    for s in starts {
        if s < lo || inside(s) {
            continue;
        }
        let end = blocks
            .iter()
            .filter(|o| o.x0 >= s)
            .map(|o| o.x0 - GAP)
            .fold(hi, f64::min);
        if end - s >= min_w {
            return Some(Place {
                x0: s,
                x1: end.min(s + w),
                left: false,
                y0,
                y1,
                short: false,
            });
        }
    }
    // Hanging left: to the mark's right edge, or just before what stands there.
    let mut ends = vec![m.x1.min(hi)];
    ends.extend(
        blocks
            .iter()
            .map(|o| o.x0 - GAP)
            .filter(|&x| x < m.x1 && x >= m.x0 - LEADER_REACH),
    );
    ends.sort_by(|a, b| b.total_cmp(a));
    for e in ends {
        if e > hi || inside(e) {
            continue;
        }
        let start = blocks
            .iter()
            .filter(|o| o.x1 <= e)
            .map(|o| o.x1 + GAP)
            .fold(lo, f64::max);
        if e - start >= min_w {
            return Some(Place {
                x0: (e - w).max(start),
                x1: e,
                left: true,
                y0,
                y1,
                short: false,
            });
        }
    }
    None
}

fn overlaps(a: &BoxPx, b: &BoxPx, margin: f64) -> bool {
    a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 && b.y0 < a.y1
}

/// The caption under (`x`, `y`) (lane-local px), if any.
pub fn caption_at(captions: &[Caption], x: f64, y: f64) -> Option<&Caption> {
    captions.iter().find(|c| c.b.contains(x, y, 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(item: u32, x: f64, width: f64) -> Candidate {
        Candidate {
            item,
            row: 0,
            mark: BoxPx {
                x0: x - POINT_HALF,
                x1: x + POINT_HALF,
                y0: row_center(0) - POINT_HALF,
                y1: row_center(0) + POINT_HALF,
            },
            is_span: false,
            width: Some(width),
            short_width: None,
            min_width: MIN_CAPTION_PX,
            more: 0,
            cell: None,
            key: Some(u64::from(item)),
        }
    }

    /// Obstacles at `(row, box)`, each belonging to the candidate whose mark it is (if any).
    fn obstacles(marks: &[(u8, BoxPx)], cands: &[Candidate]) -> Vec<Obstacle> {
        let item = |b: &BoxPx| {
            cands
                .iter()
                .find(|c| c.mark == *b)
                .map_or(u32::MAX, |c| c.item)
        };
        marks
            .iter()
            .map(|&(row, b)| Obstacle {
                row,
                item: item(&b),
                b,
            })
            .collect()
    }

    fn no_overlaps(c: &[Caption]) {
        for (i, a) in c.iter().enumerate() {
            for b in &c[i + 1..] {
                assert!(!overlaps(&a.b, &b.b, 0.0), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn best_first_right_of_the_mark() {
        let mut out = Vec::new();
        // The best candidate takes the right; the next, 40 px further, goes left of its
        // own mark only if that does not cover the first one.
        let c = [
            point(1, 50.0, 120.0),
            point(2, 90.0, 120.0),
            point(3, 300.0, 100.0),
        ];
        place_tile(&c, 0.0, 560.0, 560.0, 1, &[], &mut out);
        no_overlaps(&out);
        assert_eq!(out[0].item, 1);
        assert!(out[0].b.x0 > 50.0 && (out[0].b.x1 - out[0].b.x0 - 120.0).abs() < 1e-9);
        let items: Vec<u32> = out.iter().map(|c| c.item).collect();
        assert_eq!(
            items,
            vec![1, 3],
            "item 2's mark lies under item 1's caption"
        );
    }

    #[test]
    fn captions_stay_in_their_tile_and_flip_or_shorten() {
        let mut out = Vec::new();
        place_tile(
            &[point(1, 540.0, 120.0)],
            280.0,
            560.0,
            560.0,
            1,
            &[],
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].b.x1 < 540.0, "flipped to the left: {:?}", out[0]);
        assert!(out[0].b.x0 >= 280.0);
        out.clear();
        // Room on neither side for the whole text: shortened on the larger side.
        place_tile(
            &[point(1, 150.0, 240.0)],
            0.0,
            300.0,
            300.0,
            1,
            &[],
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].shortened);
        assert!(out[0].b.x1 <= 300.0 && out[0].b.x0 >= 0.0);
        out.clear();
        // Too little room for even a short caption.
        place_tile(
            &[point(1, 40.0, 240.0)],
            0.0,
            110.0,
            110.0,
            1,
            &[],
            &mut out,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn prefers_places_that_hide_no_mark() {
        let mut out = Vec::new();
        let c = point(1, 200.0, 80.0);
        let other = point(9, 240.0, 10.0).mark;
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            1,
            &obstacles(&[(0, other), (0, c.mark)], &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(
            out[0].b.x1 < 200.0,
            "went left to keep the mark at 240 visible"
        );
        // With marks close on both sides no caption fits without covering one: none.
        out.clear();
        let left = point(8, 150.0, 10.0).mark;
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            1,
            &obstacles(&[(0, other), (0, left)], &[c]),
            &mut out,
        );
        assert!(out.is_empty(), "{out:?}");
        // With room for a shortened one between them, it is shortened, not dropped.
        out.clear();
        let far_left = point(8, 60.0, 10.0).mark;
        let far_right = point(9, 330.0, 10.0).mark;
        place_tile(
            &[point(1, 200.0, 240.0)],
            0.0,
            560.0,
            560.0,
            1,
            &obstacles(&[(0, far_left), (0, far_right)], &[point(1, 200.0, 240.0)]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        let b = out[0].b;
        assert!(b.x1 <= far_right.x0 && b.x0 >= far_left.x1, "{b:?}");
    }

    #[test]
    fn shortens_rather_than_hide_a_mark() {
        // No room right of the mark (the tile ends); the whole caption on the left would
        // cover the mark at 60: it is shortened to end clear of it instead.
        let mut out = Vec::new();
        let c = point(1, 300.0, 240.0);
        let other = point(9, 60.0, 10.0).mark;
        place_tile(
            &[c],
            0.0,
            330.0,
            330.0,
            1,
            &obstacles(&[(0, other), (0, c.mark)], &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        let b = out[0].b;
        assert!(b.x0 >= other.x1 && b.x1 <= c.mark.x0, "{b:?}");
        assert!(out[0].shortened && out[0].left);
    }

    #[test]
    fn runs_on_past_the_tile_where_the_next_one_is_free() {
        // A mark 20 px before the tile's end: its whole caption runs on into the next tile
        // rather than being cut or flipped.
        let mut out = Vec::new();
        let c = point(1, 260.0, 200.0);
        place_tile(
            &[c],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, c.mark)], &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(!out[0].shortened && !out[0].left, "{:?}", out[0]);
        assert!(out[0].b.x1 > 280.0 && out[0].b.x1 <= 560.0);
        // A mark in the next tile: the caption stops short of it, or goes left.
        out.clear();
        let next = point(9, 330.0, 10.0).mark;
        place_tile(
            &[c],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, c.mark), (0, next)], &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(
            out[0].b.x1 <= next.x0 || out[0].b.x0 >= next.x1,
            "{:?}",
            out[0]
        );
        // A caption the next tile placed first is not overlapped.
        out.clear();
        let theirs = Caption {
            item: 9,
            b: BoxPx {
                x0: 300.0,
                x1: 400.0,
                y0: row_center(0) - CAPTION_H / 2.0,
                y1: row_center(0) + CAPTION_H / 2.0,
            },
            more: 0,
            shortened: false,
            short_form: false,
            own_mark: false,
            cell: None,
            left: true,
            leader: false,
            mark_row: 0,
            repeat: false,
        };
        out.push(theirs);
        place_tile(
            &[c],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, c.mark)], &[c]),
            &mut out,
        );
        no_overlaps(&out);
    }

    #[test]
    fn rows_are_separate_and_text_less_items_are_skipped() {
        let mut out = Vec::new();
        let mut b = point(2, 50.0, 120.0);
        b.row = 1;
        b.mark.y0 += 18.0;
        b.mark.y1 += 18.0;
        let mut none = point(3, 400.0, 0.0);
        none.width = None;
        place_tile(
            &[point(1, 50.0, 120.0), b, none],
            0.0,
            560.0,
            560.0,
            2,
            &[],
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert!(out[1].b.y0 >= out[0].b.y1);
        no_overlaps(&out);
    }

    #[test]
    fn the_best_happening_hemmed_in_by_marks_is_captioned_in_the_next_row() {
        // Marks 30 px either side of the best happening: no room beside it for even a
        // short caption. With a free row below, its caption goes there, from its mark's x,
        // with a leader.
        let c = point(1, 200.0, 180.0);
        let (l, r) = (point(8, 170.0, 10.0).mark, point(9, 230.0, 10.0).mark);
        let marks = [(0, l), (0, r), (0, c.mark)];
        let mut out = Vec::new();
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            1,
            &obstacles(&marks, &[c]),
            &mut out,
        );
        assert!(out.is_empty(), "one row: no place");
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            2,
            &obstacles(&marks, &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        let cap = out[0];
        assert!(cap.leader && !cap.shortened, "{cap:?}");
        assert!(cap.b.y0 >= row_center(1) - CAPTION_H / 2.0 - 1e-9);
        assert!((cap.b.x0 - c.mark.x0).abs() < 1e-9);
        // A mark in the next row stops it short (never hidden), or it hangs left.
        out.clear();
        let mut below = point(7, 290.0, 10.0).mark;
        below.y0 += 18.0;
        below.y1 += 18.0;
        let mut marks2 = marks.to_vec();
        marks2.push((1, below));
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            2,
            &obstacles(&marks2, &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].b.x1 <= below.x0, "{:?}", out[0]);
        // A mark right under it: the caption starts just past that mark.
        out.clear();
        let mut under = point(7, 200.0, 10.0).mark;
        under.y0 += 18.0;
        under.y1 += 18.0;
        let mut marks4 = marks.to_vec();
        marks4.push((1, under));
        place_tile(
            &[c],
            0.0,
            560.0,
            560.0,
            2,
            &obstacles(&marks4, &[c]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert!(out[0].leader && out[0].b.x0 >= under.x1, "{:?}", out[0]);
        assert!(out[0].b.x0 <= c.mark.x1 + LEADER_REACH);
        // Only the tile's best happening takes a leader: a second one hemmed in stays a mark.
        out.clear();
        let d = point(2, 400.0, 180.0);
        let (l2, r2) = (point(6, 370.0, 10.0).mark, point(5, 430.0, 10.0).mark);
        let mut marks3 = marks.to_vec();
        marks3.extend([(0, l2), (0, r2), (0, d.mark)]);
        place_tile(
            &[c, d],
            0.0,
            560.0,
            560.0,
            2,
            &obstacles(&marks3, &[c, d]),
            &mut out,
        );
        let items: Vec<u32> = out.iter().map(|c| c.item).collect();
        assert_eq!(items, vec![1]);
        // A caption beside its mark needs no leader.
        out.clear();
        place_tile(
            &[point(1, 50.0, 120.0)],
            0.0,
            560.0,
            560.0,
            2,
            &[],
            &mut out,
        );
        assert!(!out[0].leader);
    }

    #[test]
    fn a_dense_cells_happening_tries_the_rows_nearest_its_own_first() {
        let rows_of = |row: u8, cell: Option<i64>| -> Vec<u8> {
            let c = Candidate {
                row,
                cell,
                ..point(1, 100.0, 100.0)
            };
            candidate_rows(&c, 5).collect()
        };
        assert_eq!(rows_of(2, Some(3)), vec![2, 1, 3, 0, 4]);
        assert_eq!(rows_of(0, Some(3)), vec![0, 1, 2, 3, 4]);
        assert_eq!(rows_of(4, Some(3)), vec![4, 3, 2, 1, 0]);
        assert_eq!(rows_of(2, None), vec![2]);
    }

    #[test]
    fn a_caption_with_no_place_whole_takes_its_shorter_form() {
        // A mark near a tile's left edge with a caption of the next tile 200 px on: the
        // whole caption (240 px) meets it on the right and has no room on the left. Its
        // shorter form (150 px) fits whole on the right, so that is written, not cut.
        let theirs = Caption {
            item: 9,
            b: BoxPx {
                x0: 300.0,
                x1: 480.0,
                y0: row_center(0) - CAPTION_H / 2.0,
                y1: row_center(0) + CAPTION_H / 2.0,
            },
            more: 0,
            shortened: false,
            short_form: false,
            own_mark: false,
            cell: None,
            left: false,
            leader: false,
            mark_row: 0,
            repeat: false,
        };
        let long = point(1, 60.0, 240.0);
        let mut out = vec![theirs];
        place_tile(
            &[long],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, long.mark)], &[long]),
            &mut out,
        );
        assert_eq!(out.len(), 1, "no place for the whole caption: {out:?}");
        let with_short = Candidate {
            short_width: Some(150.0),
            ..long
        };
        place_tile(
            &[with_short],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, long.mark)], &[with_short]),
            &mut out,
        );
        assert_eq!(out.len(), 2, "{out:?}");
        let c = out[1];
        assert!(c.short_form && !c.shortened && !c.left, "{c:?}");
        assert!((c.b.x1 - c.b.x0 - 150.0).abs() < 1e-9, "{c:?}");
        no_overlaps(&out);
        // Where the whole caption has room, the whole caption is written.
        out.truncate(0);
        place_tile(
            &[with_short],
            0.0,
            280.0,
            560.0,
            1,
            &obstacles(&[(0, long.mark)], &[with_short]),
            &mut out,
        );
        assert!(!out[0].short_form && !out[0].shortened, "{:?}", out[0]);
    }

    #[test]
    fn a_dense_cells_happenings_take_the_lanes_free_rows() {
        // Five happenings counted in one dense cell (no marks of their own), all on row 0
        // at one day: in a lane of four rows the tile's captions take a row each, mark and
        // caption side by side, the best in its own row; without a cell they would all stay
        // on row 0, where only the first has room.
        let in_cell = |item: u32| Candidate {
            cell: Some(7),
            ..point(item, 200.0, 150.0)
        };
        let cands: Vec<Candidate> = (1..=5).map(in_cell).collect();
        let mut out = Vec::new();
        place_tile(&cands, 0.0, 560.0, 560.0, 4, &[], &mut out);
        no_overlaps(&out);
        // The tile's two captions, in rows 0 and 1 (their marks stand at one x).
        let rows: Vec<u8> = out.iter().map(|c| c.mark_row).collect();
        assert_eq!(rows, vec![0, 1], "{out:?}");
        for c in &out {
            assert!(c.own_mark && !c.leader, "{c:?}");
            let yc = row_center(c.mark_row);
            assert!(
                (c.b.y0 + c.b.y1) / 2.0 == yc,
                "caption beside its mark: {c:?}"
            );
        }
        // One row: only the best.
        out.clear();
        place_tile(&cands, 0.0, 560.0, 560.0, 1, &[], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].item, out[0].mark_row), (1, 0));
        // Marks drawn one by one keep their row: the second, under the first's mark, stays a
        // mark.
        out.clear();
        let plain: Vec<Candidate> = (1..=2).map(|i| point(i, 200.0, 150.0)).collect();
        place_tile(&plain, 0.0, 560.0, 560.0, 4, &[], &mut out);
        assert_eq!(out.len(), 1);
        // A row where another mark stands at that day is passed over.
        out.clear();
        let mut blocker = point(9, 200.0, 10.0).mark;
        blocker.y0 += crate::timeline::lod::ROW_H;
        blocker.y1 += crate::timeline::lod::ROW_H;
        place_tile(
            &cands[..2],
            0.0,
            560.0,
            560.0,
            4,
            &obstacles(&[(1, blocker)], &cands[..2]),
            &mut out,
        );
        let rows: Vec<u8> = out.iter().map(|c| c.mark_row).collect();
        assert_eq!(rows, vec![0, 2], "{out:?}");
    }

    #[test]
    fn tile_width_is_a_power_of_two_days_in_range() {
        for ppd in [0.002, 0.1, 1.0, 3.7, 50.0, 4800.0] {
            let td = tile_days(ppd);
            let px = td * ppd;
            assert!((TILE_PX..2.0 * TILE_PX + 1e-6).contains(&px), "{ppd}: {px}");
            assert_eq!(td.log2().fract(), 0.0);
        }
    }
}
