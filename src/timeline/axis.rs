//! The mapping between calendar days and horizontal screen position.
//!
//! Time is an `f64` day number counted from 1970-01-01 (day 0 starts at midnight), so a
//! whole day `d` covers `[d, d + 1)` and fractions are hours. Screen x is measured from the
//! left edge of the plot area (not the window), which keeps this module free of egui.

use chrono::{Datelike, NaiveDate};

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const EPOCH_FROM_CE: i64 = 719_163;

/// Day number of a date (1970-01-01 is 0).
pub fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce()) - EPOCH_FROM_CE
}

/// The date whose day number is `n`; `None` outside chrono's range.
pub fn date_of(n: i64) -> Option<NaiveDate> {
    let ce = i32::try_from(n + EPOCH_FROM_CE).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce)
}

/// Which days are on screen and how wide one is.
///
/// `left` is the day at x = 0; `px_per_day` the zoom. Both are clamped so that the view
/// stays inside years -3000..7000 and between roughly two millennia and a couple of
/// hours across a typical 1000 px wide plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeView {
    pub left: f64,
    pub px_per_day: f64,
}

impl Default for TimeView {
    /// The year 2000 across about 1000 px, a neutral view for an empty corpus.
    fn default() -> Self {
        TimeView {
            left: 10_957.0,
            px_per_day: 1000.0 / 366.0,
        }
    }
}

impl TimeView {
    /// About 1,400 years across 1000 px.
    pub const MIN_PX_PER_DAY: f64 = 0.002;
    /// About 200 px per hour.
    pub const MAX_PX_PER_DAY: f64 = 4800.0;
    /// Views never leave this range of day numbers (roughly years -3000..7000).
    pub const MIN_DAY: f64 = -1_815_000.0;
    pub const MAX_DAY: f64 = 1_836_000.0;

    pub fn new(left: f64, px_per_day: f64) -> Self {
        let mut v = TimeView { left, px_per_day };
        v.clamp();
        v
    }

    /// Screen x (relative to the plot's left edge) of a day number.
    #[inline]
    pub fn x_of(&self, day: f64) -> f64 {
        (day - self.left) * self.px_per_day
    }

    /// Day number under screen x.
    #[inline]
    pub fn day_at(&self, x: f64) -> f64 {
        self.left + x / self.px_per_day
    }

    /// First and last visible day numbers for a plot `width` px wide.
    pub fn range(&self, width: f64) -> (f64, f64) {
        (self.left, self.day_at(width))
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `x` where it is.
    pub fn zoom_around(&mut self, x: f64, factor: f64) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let anchor = self.day_at(x);
        self.px_per_day =
            (self.px_per_day * factor).clamp(Self::MIN_PX_PER_DAY, Self::MAX_PX_PER_DAY);
        self.left = anchor - x / self.px_per_day;
        self.clamp();
    }

    /// Moves the content `dx` px to the right (a drag to the right shows earlier days).
    pub fn pan_px(&mut self, dx: f64) {
        if dx.is_finite() {
            self.left -= dx / self.px_per_day;
            self.clamp();
        }
    }

    /// Puts `day` at the horizontal centre of a `width` px plot, keeping the zoom.
    pub fn center_on(&mut self, day: f64, width: f64) {
        self.left = day - width / 2.0 / self.px_per_day;
        self.clamp();
    }

    /// True when `[start, end)` is at least partly inside the plot.
    pub fn shows(&self, start: f64, end: f64, width: f64) -> bool {
        let (a, b) = self.range(width);
        start < b && end > a
    }

    /// A view showing days `[start, end)` in `width` px with a margin of 4% (at least
    /// 12 px) on the left, so marks at the ends are not cut in half, and a wider one on
    /// the right (12%, at most 160 px), where the captions of the last happenings go
    /// (a caption sits right of its mark, and a framed view keeps captions inside the
    /// plot). Spans shorter than a week are widened to a week: one lone event should not
    /// fill the screen.
    pub fn fit(start: f64, end: f64, width: f64) -> Self {
        let width = width.max(50.0);
        let (mut a, mut b) = if start.is_finite() && end.is_finite() && end > start {
            (start, end)
        } else if start.is_finite() {
            (start, start + 1.0)
        } else {
            return TimeView::default();
        };
        if b - a < 7.0 {
            let mid = (a + b) / 2.0;
            a = mid - 3.5;
            b = mid + 3.5;
        }
        let margin_px = (width * 0.04).max(12.0);
        let right_px = (width * 0.12).min(160.0).max(margin_px);
        let inner = (width - margin_px - right_px).max(10.0);
        let ppd = inner / (b - a);
        TimeView::new(a - margin_px / ppd, ppd)
    }

    fn clamp(&mut self) {
        if !self.px_per_day.is_finite() {
            self.px_per_day = TimeView::default().px_per_day;
        }
        self.px_per_day = self
            .px_per_day
            .clamp(Self::MIN_PX_PER_DAY, Self::MAX_PX_PER_DAY);
        if !self.left.is_finite() {
            self.left = TimeView::default().left;
        }
        self.left = self.left.clamp(Self::MIN_DAY, Self::MAX_DAY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(ymd(1970, 1, 1)), 0);
        assert_eq!(day_number(ymd(1970, 1, 2)), 1);
        assert_eq!(day_number(ymd(1969, 12, 31)), -1);
        let d = ymd(2023, 9, 12);
        assert_eq!(date_of(day_number(d)), Some(d));
        assert_eq!(date_of(i64::MAX / 2), None);
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer() {
        let mut v = TimeView::new(100.0, 2.0);
        let before = v.day_at(300.0);
        v.zoom_around(300.0, 3.0);
        assert!((v.day_at(300.0) - before).abs() < 1e-9);
        assert!((v.px_per_day - 6.0).abs() < 1e-12);
    }

    #[test]
    fn zoom_is_clamped() {
        let mut v = TimeView::new(0.0, 1.0);
        v.zoom_around(0.0, 1e12);
        assert_eq!(v.px_per_day, TimeView::MAX_PX_PER_DAY);
        v.zoom_around(0.0, 1e-12);
        assert_eq!(v.px_per_day, TimeView::MIN_PX_PER_DAY);
        v.zoom_around(0.0, f64::NAN);
        assert_eq!(v.px_per_day, TimeView::MIN_PX_PER_DAY);
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let mut v = TimeView::new(0.0, 10.0);
        v.pan_px(100.0);
        assert!((v.left + 10.0).abs() < 1e-12);
        v.pan_px(f64::INFINITY);
        assert!((v.left + 10.0).abs() < 1e-12);
    }

    #[test]
    fn fit_shows_everything_with_margins() {
        let v = TimeView::fit(1000.0, 1365.0, 1000.0);
        assert!(v.x_of(1000.0) >= 12.0 && v.x_of(1000.0) < 60.0);
        // Room on the right for the last happenings' captions: 12% of the width.
        assert!((v.x_of(1365.0) - 880.0).abs() < 1e-6, "{}", v.x_of(1365.0));
        // At most 160 px of it on a wide plot.
        let wide = TimeView::fit(1000.0, 1365.0, 3000.0);
        assert!((wide.x_of(1365.0) - 2840.0).abs() < 1e-6);
        let narrow = TimeView::fit(1000.0, 1365.0, 200.0);
        assert!((narrow.x_of(1365.0) - 176.0).abs() < 1e-6);
        // A single day is widened to a week.
        let one = TimeView::fit(50.0, 51.0, 700.0);
        assert!(one.px_per_day < 100.0);
        assert!(one.shows(50.0, 51.0, 700.0));
        assert_eq!(TimeView::fit(f64::NAN, 3.0, 100.0), TimeView::default());
    }
}
