//! An axis break: a story told in bursts months apart is shown as its stretches side by
//! side, on one scale, with a break mark between them (as a broken axis in print), instead
//! of spending most of the width on months where nothing happened.
//!
//! [`stretches`] finds where to break a framed span (a gap that holds no day- or
//! month-precise happening and is a large share of the span); [`Broken`] is the piecewise
//! mapping between days and x that the picture then uses: each stretch is a [`Piece`] with
//! its own [`TimeView`] over its own x range, so marks, ticks, captions and hit tests of a
//! piece go through the same mapping, and nothing is drawn for the days of a break.

use super::axis::TimeView;

/// A gap breaks the axis when it is at least this share of the framed span (so at most
/// two breaks, and only where silence is most of what a continuous axis would show)...
pub const BREAK_SHARE: f64 = 0.4;
/// ...and at least this many days long (two months: a pause of a few weeks is still read
/// along one continuous axis).
pub const MIN_BREAK_DAYS: f64 = 61.0;
/// Width of a break between two pieces, px (room for the break mark).
pub const BREAK_PX: f64 = 22.0;
/// A stretch shorter than this is widened to it (as a fit widens a short span to a week).
const MIN_STRETCH_DAYS: f64 = 7.0;

/// The stretches of `[start, end)` to show side by side: `frame` cut at every gap between
/// the happenings `fine` (their days `[start, end)`, any order) that is at least
/// [`BREAK_SHARE`] of the frame and [`MIN_BREAK_DAYS`] long. One stretch (the frame itself)
/// when there is no such gap. Happenings outside the frame are ignored.
pub fn stretches(frame: (f64, f64), fine: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (a, b) = frame;
    if !(a.is_finite() && b.is_finite() && b > a) {
        return vec![frame];
    }
    let min_gap = (BREAK_SHARE * (b - a)).max(MIN_BREAK_DAYS);
    let mut inside: Vec<(f64, f64)> = fine
        .iter()
        .filter(|&&(s, e)| s.is_finite() && e.is_finite() && e > a && s < b)
        .map(|&(s, e)| (s.max(a), e.min(b)))
        .collect();
    inside.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut out = Vec::new();
    let mut cur: Option<(f64, f64)> = None;
    for (s, e) in inside {
        cur = match cur {
            Some((cs, ce)) if s - ce >= min_gap => {
                out.push((cs, ce));
                Some((s, e))
            }
            Some((cs, ce)) => Some((cs, ce.max(e))),
            None => Some((s, e)),
        };
    }
    match cur {
        Some(c) if !out.is_empty() => {
            out.push(c);
            // The frame's own ends stay where the fit put them.
            out[0].0 = a;
            if let Some(last) = out.last_mut() {
                last.1 = b;
            }
            out
        }
        _ => vec![frame],
    }
}

/// One stretch of days and where it is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Piece {
    /// Days shown, `[start, end)` (margins included).
    pub start: f64,
    pub end: f64,
    /// Plot x of the piece's left and right edges.
    pub x0: f64,
    pub x1: f64,
}

impl Piece {
    /// The piece's own view: x measured from the piece's left edge.
    pub fn view(&self, px_per_day: f64) -> TimeView {
        TimeView {
            left: self.start,
            px_per_day,
        }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
}

/// A piecewise mapping of days to plot x: pieces left to right on one scale, a break of
/// [`BREAK_PX`] between neighbours.
#[derive(Clone, Debug, PartialEq)]
pub struct Broken {
    pub pieces: Vec<Piece>,
    pub px_per_day: f64,
}

impl Broken {
    /// Stretches side by side in a plot `width` px wide, with the margins of
    /// [`TimeView::fit`] around each (room for the first mark on the left and for the last
    /// captions on the right of every piece: a caption never crosses a break). `None` for
    /// fewer than two stretches, or when the plot is too narrow for the margins.
    pub fn fit(stretches: &[(f64, f64)], width: f64) -> Option<Broken> {
        if stretches.len() < 2
            || stretches
                .iter()
                .any(|&(s, e)| !(s.is_finite() && e.is_finite() && e > s))
        {
            return None;
        }
        let n = stretches.len() as f64;
        let left_px = (width * 0.04).max(12.0);
        let right_px = (width * 0.12).min(160.0).max(left_px);
        let days: Vec<(f64, f64)> = stretches
            .iter()
            .map(|&(s, e)| {
                if e - s < MIN_STRETCH_DAYS {
                    let mid = (s + e) / 2.0;
                    (mid - MIN_STRETCH_DAYS / 2.0, mid + MIN_STRETCH_DAYS / 2.0)
                } else {
                    (s, e)
                }
            })
            .collect();
        let total_days: f64 = days.iter().map(|(s, e)| e - s).sum();
        let inner = width - n * (left_px + right_px) - (n - 1.0) * BREAK_PX;
        // Each piece's days should get at least a caption's worth of room.
        if inner < n * 120.0 {
            return None;
        }
        let ppd = (inner / total_days).clamp(TimeView::MIN_PX_PER_DAY, TimeView::MAX_PX_PER_DAY);
        let mut x = 0.0;
        let mut pieces = Vec::with_capacity(days.len());
        for (i, &(s, e)) in days.iter().enumerate() {
            if i > 0 {
                x += BREAK_PX;
            }
            let w = left_px + (e - s) * ppd + right_px;
            pieces.push(Piece {
                start: s - left_px / ppd,
                end: e + right_px / ppd,
                x0: x,
                x1: x + w,
            });
            x += w;
        }
        // Rounding: the last piece ends at the plot's edge.
        if let Some(last) = pieces.last_mut() {
            last.x1 = last.x1.max(width);
            last.end = last.start + last.width() / ppd;
        }
        Some(Broken {
            pieces,
            px_per_day: ppd,
        })
    }

    /// Plot x of `day`; `None` in a break (days no piece shows).
    pub fn x_of(&self, day: f64) -> Option<f64> {
        self.pieces
            .iter()
            .find(|p| day >= p.start && day < p.end)
            .map(|p| p.x0 + (day - p.start) * self.px_per_day)
    }

    /// The day at plot x; `None` on a break between pieces or outside every piece.
    pub fn day_at(&self, x: f64) -> Option<f64> {
        self.piece_at(x)
            .map(|p| p.start + (x - p.x0) / self.px_per_day)
    }

    /// The piece drawn at plot x.
    pub fn piece_at(&self, x: f64) -> Option<&Piece> {
        self.pieces.iter().find(|p| x >= p.x0 && x < p.x1)
    }

    /// First and last day shown.
    pub fn range(&self) -> (f64, f64) {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (0.0, 0.0),
        }
    }

    /// The breaks: (plot x where one piece ends, x where the next begins, days skipped
    /// from, to).
    pub fn breaks(&self) -> impl Iterator<Item = (f64, f64, f64, f64)> + '_ {
        self.pieces
            .windows(2)
            .map(|w| (w[0].x1, w[1].x0, w[0].end, w[1].start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(v: &[f64]) -> Vec<(f64, f64)> {
        v.iter().map(|&d| (d, d + 1.0)).collect()
    }

    #[test]
    fn two_bursts_months_apart_are_two_stretches() {
        // A fortnight in September, a day in June nine months later.
        let mut d: Vec<f64> = (0..14).map(|i| 19_606.0 + i as f64).collect();
        d.push(19_894.0);
        let s = stretches((19_606.0, 19_895.0), &days(&d));
        assert_eq!(s, vec![(19_606.0, 19_620.0), (19_894.0, 19_895.0)]);
    }

    #[test]
    fn no_break_for_a_short_pause_or_an_even_spread() {
        // Three weeks of silence in a six-week story: one axis.
        let d = days(&[100.0, 101.0, 105.0, 126.0, 130.0, 141.0]);
        assert_eq!(stretches((100.0, 142.0), &d), vec![(100.0, 142.0)]);
        // A gap of 70 days in a year-long story: long, but not most of it.
        let mut d: Vec<f64> = (0..150).map(|i| i as f64 * 2.0).collect();
        d.extend((0..20).map(|i| 370.0 + i as f64 * 2.0));
        assert_eq!(stretches((0.0, 409.0), &days(&d)).len(), 1);
        // Nothing inside, or a bad frame.
        assert_eq!(stretches((0.0, 500.0), &[]), vec![(0.0, 500.0)]);
        assert_eq!(stretches((5.0, 5.0), &days(&[5.0])), vec![(5.0, 5.0)]);
    }

    #[test]
    fn a_happening_in_the_gap_keeps_the_axis_whole() {
        // Something precise a third and two thirds through the silence: no gap is a large
        // share of the span.
        let d = days(&[0.0, 1.0, 2.0, 100.0, 200.0, 300.0, 301.0]);
        assert_eq!(stretches((0.0, 302.0), &d).len(), 1);
        // A month-long happening bridging the gap does too.
        let mut d = days(&[0.0, 1.0, 300.0]);
        d.push((2.0, 299.0));
        assert_eq!(stretches((0.0, 301.0), &d).len(), 1);
    }

    #[test]
    fn three_bursts_make_three_pieces() {
        let d = days(&[0.0, 1.0, 400.0, 401.0, 800.0]);
        let s = stretches((0.0, 801.0), &d);
        assert_eq!(s, vec![(0.0, 2.0), (400.0, 402.0), (800.0, 801.0)]);
    }

    #[test]
    fn pieces_share_one_scale_and_fill_the_width() {
        let b = Broken::fit(&[(19_606.0, 19_620.0), (19_894.0, 19_895.0)], 1300.0).unwrap();
        assert_eq!(b.pieces.len(), 2);
        let (p, q) = (b.pieces[0], b.pieces[1]);
        assert_eq!(p.x0, 0.0);
        assert!((q.x0 - p.x1 - BREAK_PX).abs() < 1e-9);
        assert!((q.x1 - 1300.0).abs() < 1e-6);
        // One scale: each piece's width is its days at the shared px per day.
        for piece in [p, q] {
            assert!((piece.width() - (piece.end - piece.start) * b.px_per_day).abs() < 1e-6);
        }
        // The short stretch is widened to a week, centred on its day.
        assert!(q.start < 19_891.0 && q.end > 19_898.0);
        // Every day of a stretch is mapped inside its piece, and back.
        for day in [19_606.0, 19_613.5, 19_619.9, 19_894.0, 19_894.5] {
            let x = b.x_of(day).unwrap();
            let piece = b.piece_at(x).unwrap();
            assert!(x >= piece.x0 + 12.0 && x < piece.x1, "{day}: {x}");
            assert!((b.day_at(x).unwrap() - day).abs() < 1e-9);
        }
        // The silent months have no x; the break has no day.
        assert_eq!(b.x_of(19_750.0), None);
        assert_eq!(b.day_at(p.x1 + BREAK_PX / 2.0), None);
        let brk: Vec<_> = b.breaks().collect();
        assert_eq!(brk.len(), 1);
        assert_eq!((brk[0].0, brk[0].1), (p.x1, q.x0));
    }

    #[test]
    fn no_pieces_for_one_stretch_or_a_narrow_plot() {
        assert!(Broken::fit(&[(0.0, 10.0)], 1000.0).is_none());
        assert!(Broken::fit(&[(0.0, 10.0), (300.0, 301.0)], 300.0).is_none());
        assert!(Broken::fit(&[(0.0, f64::NAN), (300.0, 301.0)], 1000.0).is_none());
    }
}
