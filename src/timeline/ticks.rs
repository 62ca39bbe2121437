//! Adaptive time-axis ticks, from millennia down to hours.
//!
//! A fixed ladder of calendar steps (years in 1-2-5 multiples, half-years, quarters,
//! months, month-anchored weeks, days, hours) is searched for the finest step whose
//! narrowest interval on screen still fits its widest label: labels therefore never
//! overlap, whatever the zoom. A finer, aligned step that is at least a few pixels wide
//! gives unlabeled minor grid lines. Ticks that also start a coarser period (a year, a
//! month, a day) are flagged `major` so the painter can draw them stronger.

use super::axis::{date_of, day_number, TimeView};
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Gap kept between a label's end and the next tick, in px.
const LABEL_GAP: f64 = 14.0;
/// Minor grid lines closer than this are left out.
const MIN_MINOR_PX: f64 = 6.0;
/// Guard against pathological ranges: no axis ever needs more ticks than this.
const MAX_TICKS: usize = 4000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Years(i32),
    /// Every k months, labelled "Sep" ("2023" in January).
    Months(u32),
    /// Every month, labelled "Sep 2023".
    MonthsLong,
    /// Fixed days of each month (weeks anchored to the 1st so they never straddle months).
    MonthDays(&'static [u32]),
    Days,
    Hours(u32),
}

impl Step {
    /// Shortest interval between two ticks, in days.
    fn min_days(self) -> f64 {
        match self {
            Step::Years(k) => 365.0 * f64::from(k),
            Step::Months(k) => 28.0 * f64::from(k),
            Step::MonthsLong => 28.0,
            Step::MonthDays(set) if set.len() > 2 => 7.0,
            Step::MonthDays(_) => 13.0,
            Step::Days => 1.0,
            Step::Hours(h) => f64::from(h) / 24.0,
        }
    }

    /// The widest label this step prints.
    fn sample(self) -> &'static str {
        match self {
            Step::Years(_) | Step::Months(_) => "2023",
            Step::MonthsLong => "Sep 2023",
            Step::MonthDays(_) | Step::Days => "Sep 30",
            Step::Hours(_) => "Sep 30",
        }
    }

    /// True when every tick of `self` is also a tick of `fine` (so `fine` can serve as
    /// minor grid lines under `self`).
    fn refined_by(self, fine: Step) -> bool {
        use Step::*;
        match (self, fine) {
            (Years(a), Years(b)) => b < a && a % b == 0,
            (Years(_), Months(_) | MonthsLong | MonthDays(_) | Days) => true,
            (Months(a), Months(b)) => b < a && a % b == 0,
            (Months(_), MonthDays(_) | Days) => true,
            (MonthsLong, MonthDays(_) | Days) => true,
            (MonthDays(_), Days) => true,
            (MonthDays(_) | Days, Hours(_)) => true,
            (Hours(a), Hours(b)) => b < a && a % b == 0,
            _ => false,
        }
    }
}

/// Coarsest first.
const LADDER: &[Step] = &[
    Step::Years(1000),
    Step::Years(500),
    Step::Years(200),
    Step::Years(100),
    Step::Years(50),
    Step::Years(20),
    Step::Years(10),
    Step::Years(5),
    Step::Years(2),
    Step::Years(1),
    Step::Months(6),
    Step::Months(3),
    Step::Months(1),
    Step::MonthsLong,
    Step::MonthDays(&[1, 16]),
    Step::MonthDays(&[1, 8, 15, 22]),
    Step::Days,
    Step::Hours(12),
    Step::Hours(6),
    Step::Hours(3),
    Step::Hours(1),
];

/// One labelled tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub label: String,
    /// Starts a coarser period (a decade for years, a year for months, ...).
    pub major: bool,
}

/// Everything the painter needs for one frame's axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    pub ticks: Vec<Tick>,
    /// Unlabeled grid lines (day numbers), not including labelled ticks.
    pub minor: Vec<f64>,
    /// What the labels leave out ("Sep 2023" when ticks are days), for a sticky corner
    /// label; `None` when the labels are self-contained years.
    pub context: Option<String>,
    /// The context with the month too when the ticks are days ("Jun 2024"): what a later
    /// piece of a broken axis names at its left edge, where its first tick may be far off.
    pub place: Option<String>,
}

/// Ticks for a plot `width` px wide. `text_px` measures a label's width in px.
pub fn axis(view: &TimeView, width: f64, text_px: impl Fn(&str) -> f64) -> Axis {
    let ppd = view.px_per_day;
    let fits = |s: Step| s.min_days() * ppd >= text_px(s.sample()) + LABEL_GAP;
    // Finest step that fits; the coarsest step if none does.
    let li = LADDER.iter().rposition(|&s| fits(s)).unwrap_or(0);
    let labeled = LADDER[li];
    let minor_step = LADDER[li + 1..]
        .iter()
        .rev()
        .copied()
        .find(|&s| labeled.refined_by(s) && s.min_days() * ppd >= MIN_MINOR_PX);

    let (a, b) = view.range(width);
    let mut ticks = Vec::new();
    for_each_tick(labeled, a, b, |day, date, hour| {
        let (label, major) = label_of(labeled, date, hour);
        ticks.push(Tick { day, label, major });
    });
    let mut minor = Vec::new();
    if let Some(m) = minor_step {
        let mut k = 0;
        for_each_tick(m, a, b, |day, _, _| {
            // Both lists are sorted: skip minor ticks under labelled ones.
            while k < ticks.len() && ticks[k].day < day - 1e-9 {
                k += 1;
            }
            if k >= ticks.len() || (ticks[k].day - day).abs() > 1e-9 {
                minor.push(day);
            }
        });
    }
    // Named after the middle of the view: the left edge often sits in the margin before
    // the first event.
    // A January tick already says the year (and the middle of a multi-year view would
    // name just one of them), so month steps need no corner label then.
    let years_labelled = matches!(labeled, Step::Months(_)) && ticks.iter().any(|t| t.major);
    // A view crossing New Year names the year it starts in; the tick names the next one.
    let crosses_year = matches!(labeled, Step::MonthDays(_) | Step::Days)
        && ticks
            .iter()
            .any(|t| t.label.chars().all(|c| c.is_ascii_digit()));
    let named = if crosses_year { a } else { (a + b) / 2.0 };
    let month_of = |day: f64| date_of(day.floor() as i64).map(|d| (d.year(), d.month()));
    let one_month = month_of(a) == month_of(b);
    let context = date_of(named.floor() as i64).and_then(|d| match labeled {
        Step::Years(_) => None,
        Step::Months(_) if years_labelled => None,
        // "Sep 2023" labels name their own year: a corner naming one year would misname
        // the others of a view that crosses New Year.
        Step::MonthsLong => None,
        Step::Months(_) => Some(year_label(d.year())),
        // "Sep 12" labels name their month: the corner names it too only when the view
        // holds no other (else it would misname them), and the year.
        Step::MonthDays(_) | Step::Days if one_month => Some(month_year_label(d)),
        Step::MonthDays(_) | Step::Days => Some(year_label(d.year())),
        Step::Hours(_) => Some(format!(
            "{} {} {}",
            d.day(),
            MONTHS[d.month0() as usize],
            year_label(d.year())
        )),
    });
    // Named after the first tick, which the label stands before (the view's start may be
    // in the margin before it); with month ticks the year too, though a later January tick
    // names it ("Oct" after a break is not the Oct before it).
    let first = ticks.first().map_or(named, |t| t.day);
    let place = date_of(first.floor() as i64).and_then(|d| match labeled {
        Step::Years(_) => None,
        Step::Months(_) | Step::MonthsLong => Some(year_label(d.year())),
        Step::MonthDays(_) | Step::Days => Some(month_year_label(d)),
        Step::Hours(_) => context.clone(),
    });
    Axis {
        ticks,
        minor,
        context,
        place,
    }
}

/// "Sep 2023".
fn month_year_label(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], year_label(d.year()))
}

fn year_label(y: i32) -> String {
    if y > 0 {
        y.to_string()
    } else {
        format!("{} BC", 1 - y)
    }
}

fn label_of(step: Step, d: NaiveDate, hour: u32) -> (String, bool) {
    let mon = MONTHS[d.month0() as usize];
    match step {
        Step::Years(k) => {
            let period = match k {
                1 | 2 => 10,
                5 | 10 | 20 => 100,
                _ => 1000,
            };
            (year_label(d.year()), d.year().rem_euclid(period) == 0)
        }
        Step::Months(_) if d.month() == 1 => (year_label(d.year()), true),
        Step::Months(_) => (mon.to_string(), false),
        Step::MonthsLong => (format!("{mon} {}", year_label(d.year())), d.month() == 1),
        // New Year's Day says which year follows (the corner label names the first one).
        Step::MonthDays(_) | Step::Days if d.month() == 1 && d.day() == 1 => {
            (year_label(d.year()), true)
        }
        Step::MonthDays(_) | Step::Days => (format!("{mon} {}", d.day()), d.day() == 1),
        Step::Hours(_) if hour == 0 => (format!("{mon} {}", d.day()), true),
        Step::Hours(_) => (format!("{hour:02}:00"), false),
    }
}

/// Calls `f(day_number, date, hour)` for each tick of `step` in `[a, b]`, in order.
fn for_each_tick(step: Step, a: f64, b: f64, mut f: impl FnMut(f64, NaiveDate, u32)) {
    let Some(first) = date_of(a.floor() as i64) else {
        return;
    };
    let mut n = 0usize;
    let mut emit = |day: f64, date: NaiveDate, hour: u32| -> bool {
        if day > b || n >= MAX_TICKS {
            return false;
        }
        if day >= a {
            f(day, date, hour);
            n += 1;
        }
        true
    };
    match step {
        Step::Years(k) => {
            let mut y = first.year().div_euclid(k) * k;
            while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                if !emit(day_number(d) as f64, d, 0) {
                    break;
                }
                y += k;
            }
        }
        Step::Months(_) | Step::MonthsLong | Step::MonthDays(_) => {
            let k = if let Step::Months(k) = step { k } else { 1 };
            let days: &[u32] = if let Step::MonthDays(s) = step {
                s
            } else {
                &[1]
            };
            let k = i64::from(k.max(1));
            let mut m =
                (i64::from(first.year()) * 12 + i64::from(first.month0())).div_euclid(k) * k;
            'months: loop {
                let (y, m0) = (m.div_euclid(12), m.rem_euclid(12));
                for &dd in days {
                    let Some(d) = i32::try_from(y)
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, m0 as u32 + 1, dd))
                    else {
                        break 'months;
                    };
                    if !emit(day_number(d) as f64, d, 0) {
                        break 'months;
                    }
                }
                m += k;
            }
        }
        Step::Days => {
            let mut day = a.ceil() as i64;
            while let Some(d) = date_of(day) {
                if !emit(day as f64, d, 0) {
                    break;
                }
                day += 1;
            }
        }
        Step::Hours(h) => {
            let per_day = 24 / h.max(1);
            let mut slot = (a * f64::from(per_day)).ceil() as i64;
            loop {
                let day = slot.div_euclid(i64::from(per_day));
                let hour = slot.rem_euclid(i64::from(per_day)) as u32 * h;
                let Some(d) = date_of(day) else { break };
                if !emit(slot as f64 / f64::from(per_day), d, hour) {
                    break;
                }
                slot += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Roughly egui's default 12.5 px proportional font.
    fn px(s: &str) -> f64 {
        s.chars().count() as f64 * 7.0
    }

    fn ymd(y: i32, m: u32, d: u32) -> f64 {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap()) as f64
    }

    fn view_of(a: f64, b: f64, width: f64) -> TimeView {
        TimeView::new(a, width / (b - a))
    }

    fn labels(ax: &Axis) -> Vec<&str> {
        ax.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    /// Labels are left-aligned at their tick: each must end before the next tick.
    fn assert_no_overlap(v: &TimeView, ax: &Axis) {
        for w in ax.ticks.windows(2) {
            let end = v.x_of(w[0].day) + 3.0 + px(&w[0].label);
            assert!(end < v.x_of(w[1].day), "{:?} overlaps {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn centuries_when_zoomed_far_out() {
        let v = view_of(ymd(1500, 1, 1), ymd(2100, 1, 1), 1000.0);
        let ax = axis(&v, 1000.0, px);
        assert!(labels(&ax).contains(&"1600"), "{:?}", labels(&ax));
        assert!(labels(&ax).contains(&"1700"));
        assert!(!labels(&ax).contains(&"1625"));
        assert!(ax.context.is_none());
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn years_with_decade_majors() {
        let v = view_of(ymd(2005, 6, 1), ymd(2025, 6, 1), 1000.0);
        let ax = axis(&v, 1000.0, px);
        assert!(labels(&ax).contains(&"2016") && labels(&ax).contains(&"2017"));
        let t2020 = ax.ticks.iter().find(|t| t.label == "2020").unwrap();
        assert!(t2020.major);
        assert!(!ax.ticks.iter().find(|t| t.label == "2021").unwrap().major);
        assert!(!ax.minor.is_empty(), "quarters or months as minor lines");
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn no_corner_label_when_januaries_show_the_years() {
        let v = view_of(ymd(2020, 1, 1), ymd(2024, 6, 1), 1400.0);
        let ax = axis(&v, 1400.0, px);
        assert!(labels(&ax).contains(&"2021"), "{:?}", labels(&ax));
        assert!(ax.context.is_none(), "{:?}", ax.context);
    }

    #[test]
    fn months_over_a_year() {
        let v = view_of(ymd(2023, 1, 1), ymd(2024, 1, 1), 1000.0);
        let ax = axis(&v, 1000.0, px);
        let l = labels(&ax);
        assert!(l.contains(&"Sep 2023") || l.contains(&"Sep"), "{l:?}");
        // The year in the corner only when the labels leave it out.
        let corner = if l.contains(&"Sep") {
            Some("2023")
        } else {
            None
        };
        assert_eq!(ax.context.as_deref(), corner);
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn month_labels_with_their_year_need_no_corner() {
        // Fifteen months: wide enough for "Jul 2023" labels at some width.
        let v0 = (ymd(2023, 6, 11), ymd(2024, 9, 29));
        let mut seen = false;
        for w in [700.0, 900.0, 1100.0, 1400.0, 1800.0] {
            let v = view_of(v0.0, v0.1, w);
            let ax = axis(&v, w, px);
            if labels(&ax)
                .iter()
                .any(|l| l.len() > 4 && l.ends_with("2023"))
            {
                seen = true;
                assert!(ax.context.is_none(), "{w}: {:?}", ax.context);
            }
        }
        assert!(seen, "no width gave month labels with their year");
    }

    #[test]
    fn new_year_in_a_view_of_weeks_names_both_years() {
        let v = view_of(ymd(2023, 11, 20), ymd(2024, 2, 10), 1000.0);
        let ax = axis(&v, 1000.0, px);
        let l = labels(&ax);
        assert!(l.contains(&"2024") && l.contains(&"Dec 1"), "{l:?}");
        assert!(!l.contains(&"Jan 1"), "{l:?}");
        assert_eq!(ax.context.as_deref(), Some("2023"));
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn days_over_two_weeks() {
        let v = view_of(ymd(2023, 9, 5), ymd(2023, 9, 19), 1000.0);
        let ax = axis(&v, 1000.0, px);
        assert!(labels(&ax).contains(&"Sep 12"), "{:?}", labels(&ax));
        assert_eq!(ax.context.as_deref(), Some("Sep 2023"));
        assert_eq!(ax.place.as_deref(), Some("Sep 2023"));
    }

    #[test]
    fn days_over_several_months_name_only_the_year_in_the_corner() {
        let v = view_of(ymd(2025, 6, 26), ymd(2025, 10, 13), 1400.0);
        let ax = axis(&v, 1400.0, px);
        assert!(labels(&ax).contains(&"Aug 1"), "{:?}", labels(&ax));
        assert_eq!(ax.context.as_deref(), Some("2025"));
        // The first tick is "Jul 1": the place names its month.
        assert_eq!(ax.place.as_deref(), Some("Jul 2025"));
    }

    #[test]
    fn a_piece_of_months_names_the_year_it_starts_in() {
        let v = view_of(ymd(2012, 9, 20), ymd(2013, 8, 25), 300.0);
        let ax = axis(&v, 300.0, px);
        assert!(labels(&ax).contains(&"2013"), "{:?}", labels(&ax));
        assert_eq!(ax.context, None);
        assert_eq!(ax.place.as_deref(), Some("2012"));
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn hours_when_zoomed_into_a_day() {
        let v = view_of(ymd(2023, 9, 12), ymd(2023, 9, 13) + 0.01, 1000.0);
        let ax = axis(&v, 1000.0, px);
        let l = labels(&ax);
        assert!(l.contains(&"Sep 12") && l.contains(&"12:00"), "{l:?}");
        assert_no_overlap(&v, &ax);
    }

    #[test]
    fn never_overlaps_at_any_zoom() {
        let mut v = TimeView::new(ymd(2020, 2, 17), TimeView::MIN_PX_PER_DAY);
        while v.px_per_day < TimeView::MAX_PX_PER_DAY {
            let ax = axis(&v, 1200.0, px);
            assert!(!ax.ticks.is_empty() || v.px_per_day < 0.01, "{v:?}");
            assert!(ax.ticks.len() < 200, "{v:?}");
            assert_no_overlap(&v, &ax);
            v.zoom_around(600.0, 1.37);
        }
    }

    #[test]
    fn extreme_views_do_not_panic() {
        for left in [TimeView::MIN_DAY, TimeView::MAX_DAY] {
            for ppd in [TimeView::MIN_PX_PER_DAY, TimeView::MAX_PX_PER_DAY] {
                let v = TimeView::new(left, ppd);
                let _ = axis(&v, 3000.0, px);
            }
        }
    }
}
