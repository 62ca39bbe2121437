//! "Fit": the days that frame the story, chosen so that a stray date cannot stretch them.
//!
//! A real archive mentions "the third century", "by 2400" and dates resolved against
//! publication dates guessed from file times. Framing the first and last of everything
//! squeezes the story into a few pixels, so the frame is chosen from the happenings that
//! place the story best: day- or month-precise, confidently dated, not resting on a file
//! time. Among those, a date is a stray when it lies outside Tukey's fences: more than one
//! and a half interquartile ranges beyond the middle half of the dates (and more than a
//! month away from it). The middle half cannot be moved by a few stray dates however far they
//! are, so an archive evenly spread over ten years keeps all ten, a summit week with a
//! stray "1950" keeps the week, and a story told in two bursts months apart keeps both.
//! What lies outside is counted so the chart can point at it (an arrow at the edge with a
//! count).

/// How well a happening places the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trust {
    /// Day- or month-precise and confidently dated.
    Firm,
    /// Day- or month-precise, but the date is a guess that does not rest on a file time.
    Guessed,
    /// Day- or month-precise, dated against a publication date guessed from a file time.
    FileTime,
    /// A year, a decade, a century: context, not the story's days.
    Coarse,
}

/// One happening as the fit sees it: its days `[start, end)` and how far it is trusted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dated {
    pub start: f64,
    pub end: f64,
    pub trust: Trust,
}

/// The framed days and what lies outside them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// First framed day and the day after the last (day numbers).
    pub start: f64,
    pub end: f64,
    /// Happenings entirely before `start` and entirely after `end`.
    pub before: u32,
    pub after: u32,
}

/// How many interquartile ranges beyond the middle half a date may lie and still be part
/// of the story (Tukey's fence).
pub const FENCE_IQR: f64 = 1.5;
/// Fewer trusted happenings than this do not say where a story is: the next trust level
/// joins them.
const MIN_BASIS: usize = 3;
/// Nothing within this many days of the middle half is a stray (a story paused over a
/// month is one story, even when most of it happened on one day).
const MIN_REACH_DAYS: f64 = 31.0;

/// The frame for `units`; `None` when there is nothing to frame.
pub fn frame(units: &[Dated]) -> Option<Fit> {
    let usable = |d: &Dated| d.start.is_finite() && d.end.is_finite();
    // The most trusted level that has enough members decides.
    let mut basis: Vec<(f64, f64)> = Vec::new();
    for level in [Trust::Firm, Trust::Guessed, Trust::FileTime, Trust::Coarse] {
        basis.clear();
        basis.extend(
            units
                .iter()
                .filter(|d| usable(d) && d.trust <= level)
                .map(|d| (d.start, d.end)),
        );
        if basis.len() >= MIN_BASIS {
            break;
        }
    }
    if basis.is_empty() {
        return None;
    }
    basis.sort_by(|a, b| centre(*a).total_cmp(&centre(*b)));
    let c: Vec<f64> = basis.iter().map(|&u| centre(u)).collect();
    let (q1, q3) = (quantile(&c, 0.25), quantile(&c, 0.75));
    let reach = (FENCE_IQR * (q3 - q1)).max(MIN_REACH_DAYS);
    let (lo, hi) = (q1 - reach, q3 + reach);
    let (mut start, mut end) = (f64::INFINITY, f64::NEG_INFINITY);
    for (&(s, e), &x) in basis.iter().zip(&c) {
        if x >= lo && x <= hi {
            start = start.min(s);
            end = end.max(e);
        }
    }
    let mut fit = Fit {
        start,
        end,
        before: 0,
        after: 0,
    };
    for d in units.iter().filter(|d| usable(d)) {
        if d.end <= start {
            fit.before += 1;
        } else if d.start >= end {
            fit.after += 1;
        }
    }
    Some(fit)
}

fn centre((s, e): (f64, f64)) -> f64 {
    (s + e) / 2.0
}

/// The `q` quantile of sorted, non-empty `v` (linear interpolation).
fn quantile(v: &[f64], q: f64) -> f64 {
    let pos = q * (v.len() - 1) as f64;
    let (i, f) = (pos.floor() as usize, pos.fract());
    match v.get(i + 1) {
        Some(&next) => v[i] + f * (next - v[i]),
        None => v[i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: f64, trust: Trust) -> Dated {
        Dated {
            start: d,
            end: d + 1.0,
            trust,
        }
    }

    #[test]
    fn stray_dates_do_not_stretch_the_frame() {
        // A fortnight of firm events, one "third century" and one "2400" date.
        let mut u: Vec<Dated> = (0..20)
            .map(|i| day(19_600.0 + i as f64 * 0.7, Trust::Firm))
            .collect();
        u.push(day(-620_000.0, Trust::Firm));
        u.push(day(157_000.0, Trust::Firm));
        let f = frame(&u).unwrap();
        assert!(f.start >= 19_600.0 && f.end <= 19_615.0, "{f:?}");
        assert_eq!((f.before, f.after), (1, 1));
    }

    #[test]
    fn a_handful_of_events_still_loses_its_strays() {
        let mut u: Vec<Dated> = [19_612.0, 19_615.0, 19_620.0, 19_625.0]
            .iter()
            .map(|&d| day(d, Trust::Firm))
            .collect();
        u.push(day(-610_000.0, Trust::Firm));
        u.push(day(157_000.0, Trust::Firm));
        let f = frame(&u).unwrap();
        assert_eq!((f.start, f.end), (19_612.0, 19_626.0));
        assert_eq!((f.before, f.after), (1, 1));
        // Most events on one day, a few in the following weeks: all kept.
        let mut u: Vec<Dated> = (0..40).map(|_| day(19_000.0, Trust::Firm)).collect();
        u.extend((1..4).map(|i| day(19_000.0 + 7.0 * i as f64, Trust::Firm)));
        assert_eq!(frame(&u).unwrap().end, 19_022.0);
    }

    #[test]
    fn guesses_and_coarse_spans_do_not_decide() {
        let mut u: Vec<Dated> = (0..10)
            .map(|i| day(19_000.0 + i as f64, Trust::Firm))
            .collect();
        // Many events dated against file times, two years later.
        u.extend((0..30).map(|i| day(19_800.0 + i as f64, Trust::FileTime)));
        // A decade.
        u.push(Dated {
            start: 14_610.0,
            end: 18_262.0,
            trust: Trust::Coarse,
        });
        let f = frame(&u).unwrap();
        assert!(f.start >= 19_000.0 && f.end <= 19_011.0, "{f:?}");
        assert_eq!(f.after, 30);
        assert_eq!(f.before, 1);
    }

    #[test]
    fn an_evenly_spread_archive_keeps_all_of_it() {
        let u: Vec<Dated> = (0..400)
            .map(|i| day(15_000.0 + i as f64 * 9.0, Trust::Firm))
            .collect();
        let f = frame(&u).unwrap();
        assert_eq!((f.start, f.end), (15_000.0, 15_000.0 + 399.0 * 9.0 + 1.0));
        assert_eq!((f.before, f.after), (0, 0));
    }

    #[test]
    fn two_bursts_of_one_story_stay_together() {
        // September 2023 and June 2024, a third of the events in the second burst.
        let mut u: Vec<Dated> = (0..20)
            .map(|i| day(19_610.0 + i as f64 * 0.3, Trust::Firm))
            .collect();
        u.extend((0..10).map(|i| day(19_894.0 + i as f64 * 0.3, Trust::Firm)));
        let f = frame(&u).unwrap();
        assert!(f.start <= 19_610.0 && f.end >= 19_897.0, "{f:?}");
    }

    #[test]
    fn too_few_firm_dates_let_guesses_decide() {
        let mut u = vec![day(19_000.0, Trust::Firm)];
        u.extend((0..5).map(|i| day(19_100.0 + i as f64, Trust::Guessed)));
        let f = frame(&u).unwrap();
        assert!(f.end >= 19_105.0);
        assert!(frame(&[]).is_none());
        let nan = Dated {
            start: f64::NAN,
            end: 1.0,
            trust: Trust::Firm,
        };
        assert!(frame(&[nan]).is_none());
    }
}
