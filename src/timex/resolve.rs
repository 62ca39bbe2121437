//! Turning a parsed expression into a TIMEX3 value: fill in what the phrase left out from
//! the reference date (with the tense of the sentence) or from the last date mentioned.

use super::lexicon::{Part, Unit};
use super::value::*;
use super::{Resolution, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Relative marker in front of a weekday, month or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    Bare,
    Last,
    This,
    Next,
}

/// Sub-year part: quarter 1-4, half 1-2, season 0 spring .. 3 winter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YP {
    Q(u32),
    H(u32),
    S(u8),
}

/// Time of day attached to a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tod {
    Part(Part),
    /// Hour, minute and the zone when one is stated.
    Clock(u32, u32, Option<Zone>),
}

/// The time zone stated with a clock time ("14:58 UTC", "9 a.m. EST", "6 p.m. ET").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// A fixed offset east of UTC in minutes; 0 is UTC, written "Z".
    Fixed(i32),
    /// A US zone named without "standard" or "daylight" ("ET", "PT"): the standard
    /// offset in minutes, an hour more on days of daylight saving time.
    Us(i32),
    /// A European zone named by a city ("London time", "Frankfurt time"): the standard
    /// offset in minutes, an hour more in European summer time.
    Eu(i32),
}

impl Zone {
    /// The TIMEX3 (ISO 8601) zone designator on day `d`: "Z", "-05:00", "+05:30".
    fn designator(self, d: Option<NaiveDate>) -> String {
        let off = match self {
            Zone::Fixed(m) => m,
            Zone::Us(m) => m + 60 * i32::from(d.is_some_and(crate::calendar::us_daylight_saving)),
            Zone::Eu(m) => m + 60 * i32::from(d.is_some_and(crate::calendar::eu_summer_time)),
        };
        if off == 0 {
            return "Z".into();
        }
        let sign = if off < 0 { '-' } else { '+' };
        format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60)
    }
}

/// What a phrase says, before anything is filled in.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date or month; `y: None` takes the year from the reference.
    Date {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
    },
    /// "June last year", "March 3 next year".
    DateRelYear {
        m: u32,
        d: Option<u32>,
        n: i32,
    },
    Year(i32),
    /// Three-digit decade value ("199" for the 1990s).
    Decade(i32),
    /// Two-digit century value ("19" for the 20th century).
    Century(i32),
    YearPart {
        y: Option<i32>,
        p: YP,
    },
    Weekday {
        w: u32,
        rel: Rel,
    },
    MonthRel {
        m: u32,
        rel: Rel,
    },
    SeasonRel {
        s: u8,
        rel: Rel,
    },
    /// Reference date shifted by `n` units, written at granularity `gran`.
    RefShift {
        n: i32,
        unit: Unit,
        gran: Unit,
    },
    /// "three days later": an amount of time (TIMEX3 marks it a DURATION, with "later" as
    /// a signal) that also leads to a date, `point`.
    Counted {
        dur: String,
        point: Box<Expr>,
    },
    /// Last mentioned date shifted by `n` units.
    AnchorShift {
        n: i32,
        unit: Unit,
        gran: Unit,
    },
    /// "a year ago" (`anchored: false`), "a year earlier": in a report about a quarter
    /// this means that quarter a year before, otherwise the year.
    YearAgo {
        n: i32,
        anchored: bool,
        /// The phrase names the period ("the year-ago quarter", "the corresponding period
        /// last year"): always the reported quarter shifted.
        q: bool,
    },
    /// "the 1988 quarter", "the 1989 period": the reported quarter in year `y`.
    QuarterOfYear(i32),
    /// "this year's third quarter" (`p: Some`), "last year's quarter" (`p: None`: the
    /// reported quarter): a part of the reference year shifted by `n` years.
    RelYearPart {
        n: i32,
        p: Option<YP>,
    },
    /// "two days after Sept. 12": a stated day shifted.
    Shifted {
        base: Box<Expr>,
        n: i32,
        unit: Unit,
    },
    /// "the week of March 6": the ISO week holding a stated day.
    WeekOf(Box<Expr>),
    /// "the last week of June" (`n` -1, `gran` Week), "the first weekend of August"
    /// (Weekend), "the second Tuesday of May" (Day, `w` 2), "the last day of June" (Day, `w`
    /// 0: any day): a week, weekend or day counted within a month (or a day within a year:
    /// "the last day of 2012"); see [`nth_in_month`].
    NthIn {
        period: Box<Expr>,
        n: i32,
        w: u32,
        gran: Unit,
    },
    /// "the previous Friday" (`dir` -1), "the following Monday" (+1): counted from the
    /// last day mentioned, not from the reference date.
    AnchorWeekday {
        w: u32,
        dir: i32,
    },
    /// "the weekend": the last one in past or neutral tense, the coming one in future.
    TheWeekend,
    /// "the quarter", "the latest quarter": the quarter most recently reported on.
    ReportQuarter,
    /// A holiday: how it falls, and what the phrase says of its year.
    Holiday {
        when: super::holidays::When,
        year: HolidayYear,
    },
    Time {
        day: Option<Box<Expr>>,
        tod: Tod,
    },
    /// "the previous summer" (`dir` -1), "the following spring", "the autumn before": the
    /// season before or after the last date named, not the time of writing.
    AnchorSeason {
        s: u8,
        dir: i32,
    },
    /// "that summer", "that December": a season or month (`Date`/`YearPart` without a
    /// year) in the year of the last date named; a winter is named for its January.
    InAnchorYear(Box<Expr>),
    Ref(&'static str),
    Duration(String),
    Set(String),
}

/// The year of a holiday as the phrase gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayYear {
    /// Written out: "Christmas Eve 2019".
    Stated(i32),
    /// Counted from the year of writing, whatever the tense says: "Valentine's Day last
    /// year" is -1, "Easter this year" 0.
    Counted(i32),
    /// Not given: the year the day falls in around the reference date, by tense.
    Unstated,
}

/// The last resolved date, for anchored expressions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Anchor {
    pub date: NaiveDate,
    pub gran: Unit,
}

pub struct Ctx {
    pub reference: Option<NaiveDate>,
    pub anchor: Option<Anchor>,
    /// The last day-level date mentioned.
    pub day_anchor: Option<NaiveDate>,
    pub tense: Tense,
    /// A day-level date mentioned just before (for "Wednesday at 3 p.m.").
    pub near_day: Option<NaiveDate>,
    /// The last period named is a half ("first-half profit"), not a quarter: reports
    /// compare "the same period last year" with that half.
    pub half_period: bool,
    /// Start of the last quarter mentioned: earnings reports compare "the year-ago
    /// quarter" with it even after other dates came in between.
    pub quarter_anchor: Option<NaiveDate>,
    /// The phrase follows "ended" ("the year ended Jan. 31"): a period already closed, so
    /// a day stated without a year is not after the reference date.
    pub closed: bool,
    /// The sentence reports on a period longer than a quarter ("the nine months").
    pub long_period: bool,
    /// A past-tense verb governs the phrase directly ("left on Sept. 12", "died March
    /// 3"): the date is what happened, not something scheduled, so it is not after the
    /// reference date.
    pub bound_past: bool,
    /// The year the text already gave the day a yearless month-day names (`placed`).
    pub placed_year: Option<i32>,
    /// The tense comes from a present-tense timetable verb: a bare weekday that is the
    /// reference date's own is that day ("Iranians vote on Friday" in Friday's paper),
    /// not a week later.
    pub timetable: bool,
}

/// The period a report is about: the last quarter or half named, else the quarter before
/// the reference date's (results come out some weeks after a quarter closes).
fn report_quarter(cx: &Ctx) -> Option<(NaiveDate, Resolution)> {
    match (cx.quarter_anchor, cx.reference) {
        (Some(q), _) => Some((q, Resolution::Anchored)),
        (None, Some(r)) => Some((r - Duration::days(45), Resolution::Reference)),
        _ => None,
    }
}

/// The reported period holding `d`, written as a half when the report is about one.
fn fmt_period(d: NaiveDate, cx: &Ctx) -> String {
    if cx.half_period && cx.quarter_anchor.is_some() {
        format!("{:04}-H{}", d.year(), if d.month() <= 6 { 1 } else { 2 })
    } else {
        fmt_gran(d, Unit::Quarter)
    }
}

pub struct Out {
    pub value: String,
    pub kind: TimexType,
    pub res: Resolution,
    pub anchor: Option<Anchor>,
    /// For an amount counted from another date: the date it leads to.
    pub point: Option<String>,
}

fn out(value: String, res: Resolution, anchor: Option<Anchor>) -> Out {
    Out {
        value,
        kind: TimexType::Date,
        res,
        anchor,
        point: None,
    }
}

fn unres(value: &str) -> Out {
    out(value.to_string(), Resolution::Unresolved, None)
}

fn yp_code(p: YP) -> String {
    match p {
        YP::Q(q) => format!("Q{q}"),
        YP::H(h) => format!("H{h}"),
        YP::S(s) => ["SP", "SU", "FA", "WI"][s.min(3) as usize].to_string(),
    }
}

/// Season index in calendar order of its start within a season-year: WI 0, SP 1, SU 2, FA 3.
fn season_order(s: u8) -> i32 {
    match s {
        3 => 0,
        s => s as i32 + 1,
    }
}

/// (season-year, season order) of a date; December belongs to next year's winter.
fn season_now(r: NaiveDate) -> (i32, i32) {
    match r.month() {
        12 => (r.year() + 1, 0),
        1 | 2 => (r.year(), 0),
        3..=5 => (r.year(), 1),
        6..=8 => (r.year(), 2),
        _ => (r.year(), 3),
    }
}

fn gran_of_yp(p: YP) -> Unit {
    match p {
        YP::Q(_) => Unit::Quarter,
        _ => Unit::Month,
    }
}

fn yp_date(y: i32, p: YP) -> Option<NaiveDate> {
    let m = match p {
        YP::Q(q) => (q.clamp(1, 4) - 1) * 3 + 1,
        YP::H(h) => (h.clamp(1, 2) - 1) * 6 + 1,
        YP::S(s) => [3, 6, 9, 1][s.min(3) as usize],
    };
    ymd(y, m, 1)
}

/// Writes `d` at granularity `gran`.
pub fn fmt_gran(d: NaiveDate, gran: Unit) -> String {
    match gran {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Fortnight => fmt_day(d),
        Unit::Week => fmt_week(d),
        Unit::Weekend => format!("{}-WE", fmt_week(d)),
        Unit::Month => fmt_month(d.year(), d.month()),
        Unit::Quarter => format!("{:04}-Q{}", d.year(), quarter_of(d.month())),
        Unit::Year => fmt_year(d.year()),
        Unit::Decade => format!("{:03}", d.year().div_euclid(10)),
        Unit::Century => format!("{:02}", d.year().div_euclid(100)),
    }
}

/// The `n`th (`n` -1: the last) week, weekend or day (`gran`) of month `m`: a day in it.
/// Weeks run Monday to Sunday and belong to the month that holds their Thursday, as ISO 8601
/// gives a week to the year that holds its Thursday ("the first week of March" is the first
/// week most of whose days are in March); a weekend belongs to the month of its Saturday; a
/// day is weekday `w` (1 Monday .. 7 Sunday), or any day for `w` 0.
fn nth_in_month(y: i32, m: u32, n: i32, w: u32, gran: Unit) -> Option<NaiveDate> {
    let (key, step) = match gran {
        Unit::Week => (4, 7),
        Unit::Weekend => (6, 7),
        _ if w == 0 => (0, 1),
        _ => (w.clamp(1, 7), 7),
    };
    let n = n.clamp(-1, 6) as i64;
    let first = ymd(y, m, 1)?;
    let last = add_months(first, 1)?.pred_opt()?;
    let to_key = |d: NaiveDate| {
        if key == 0 {
            0
        } else {
            (key as i64 - d.weekday().number_from_monday() as i64).rem_euclid(7)
        }
    };
    let d = if n > 0 {
        first.checked_add_signed(Duration::days(to_key(first) + step * (n - 1)))?
    } else {
        last.checked_sub_signed(Duration::days((7 - to_key(last)) % 7))?
    };
    (d.month() == m).then_some(d)
}

fn x_gran(gran: Unit) -> &'static str {
    match gran {
        Unit::Week | Unit::Weekend => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
}

fn shift(d: NaiveDate, n: i32, unit: Unit) -> Option<NaiveDate> {
    let n = n.clamp(-100_000, 100_000);
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => d.checked_add_signed(Duration::days(n as i64)),
        Unit::Week | Unit::Weekend => d.checked_add_signed(Duration::days(7 * n as i64)),
        Unit::Fortnight => d.checked_add_signed(Duration::days(14 * n as i64)),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
        Unit::Decade => add_months(d, 120 * n),
        Unit::Century => add_months(d, 1200 * n),
    }
}

/// Picks the year for a month (and day) stated without one: the reference year, moved
/// back when a past-tense sentence names a date well after the reference, forward when a
/// future-tense sentence names one before it.
fn pick_year(r: NaiveDate, m: u32, d: Option<u32>, tense: Tense) -> i32 {
    let y = r.year();
    let at = |y: i32| ymd(y, m, d.unwrap_or(15).min(28)).unwrap_or(r);
    // The occurrence nearest the reference date, then the tense moves it.
    let mut best = y;
    // Distance with a two-month handicap for the future: news mostly reports the past.
    let dist = |c: i32| {
        let days = (at(c) - r).num_days();
        if days > 0 {
            days + 60
        } else {
            -days
        }
    };
    for c in [y - 1, y + 1] {
        if dist(c) < dist(best) {
            best = c;
        }
    }
    match tense {
        // A stated day a few weeks ahead in a past-tense sentence is usually a scheduled
        // event ("declared a dividend payable Dec. 15"); only far-off ones move back.
        Tense::Past if at(best) > r + Duration::days(if d.is_some() { 92 } else { 31 }) => best - 1,
        Tense::Future => {
            let before = match d {
                Some(_) => at(best) + Duration::days(31) < r,
                None => (best, m) < (r.year(), r.month()),
            };
            if before {
                best + 1
            } else {
                best
            }
        }
        _ => best,
    }
}

fn weekday_date(r: NaiveDate, w: u32, rel: Rel, tense: Tense) -> Option<NaiveDate> {
    let cur = r.weekday().number_from_monday() as i64;
    let w = w.clamp(1, 7) as i64;
    let back = (cur - w).rem_euclid(7); // days since the most recent such day (0 = today)
    let fwd = (w - cur).rem_euclid(7);
    let off = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Rel::This => w - cur,
        Rel::Bare => match tense {
            Tense::Future => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            _ => -back,
        },
    };
    r.checked_add_signed(Duration::days(off))
}

/// Resolves one expression.
pub fn resolve(e: &Expr, cx: &Ctx) -> Option<Out> {
    use Resolution::*;
    let r = cx.reference;
    let day_anchor = |d: NaiveDate| {
        Some(Anchor {
            date: d,
            gran: Unit::Day,
        })
    };
    Some(match e {
        Expr::Date { y, m, d } => {
            // a day the text already placed, in the year it gave it (`placed`)
            if let (None, Some(py), Some(d), Some(_)) = (y, cx.placed_year, d, r) {
                let date = ymd(py, *m, *d)?;
                return Some(out(fmt_day(date), Anchored, day_anchor(date)));
            }
            let (y, res) = match (y, r) {
                (Some(y), _) => (*y, Absolute),
                (None, Some(r)) => {
                    let y = pick_year(r, *m, *d, cx.tense);
                    let first = ymd(y, *m, d.unwrap_or(1));
                    let after = first.is_some_and(|x| x > r);
                    // A day later than the reference by more than a time zone can explain.
                    let ahead = first.is_some_and(|x| x > r + Duration::days(1));
                    let back = (cx.closed && after) || (cx.bound_past && ahead);
                    (if back { y - 1 } else { y }, Reference)
                }
                (None, None) => {
                    return Some(match d {
                        Some(d) => unres(&format!("XXXX-{m:02}-{d:02}")),
                        None => unres(&format!("XXXX-{m:02}")),
                    })
                }
            };
            match d {
                Some(d) => {
                    let date = ymd(y, *m, *d)?;
                    out(fmt_day(date), res, day_anchor(date))
                }
                None => out(
                    fmt_month(y, *m),
                    res,
                    ymd(y, *m, 1).map(|date| Anchor {
                        date,
                        gran: Unit::Month,
                    }),
                ),
            }
        }
        Expr::DateRelYear { m, d, n } => match r {
            None => unres(&format!("XXXX-{m:02}")),
            Some(r) => {
                let y = r.year().saturating_add(*n);
                match d {
                    Some(d) => {
                        let date = ymd(y, *m, *d)?;
                        out(fmt_day(date), Reference, day_anchor(date))
                    }
                    None => out(
                        fmt_month(y, *m),
                        Reference,
                        ymd(y, *m, 1).map(|date| Anchor {
                            date,
                            gran: Unit::Month,
                        }),
                    ),
                }
            }
        },
        Expr::Year(y) => out(
            fmt_year(*y),
            Absolute,
            ymd(*y, 1, 1).map(|date| Anchor {
                date,
                gran: Unit::Year,
            }),
        ),
        Expr::Decade(d) => out(format!("{d:03}"), Absolute, None),
        Expr::Century(c) => out(format!("{c:02}"), Absolute, None),
        Expr::YearPart { y, p } => {
            let (y, res) = match (y, r) {
                (Some(y), _) => (*y, Absolute),
                (None, None) => return Some(unres(&format!("XXXX-{}", yp_code(*p)))),
                (None, Some(r)) => {
                    let y = r.year();
                    let y = match p {
                        YP::Q(q) => {
                            let cur = quarter_of(r.month());
                            if *q > cur && cx.tense != Tense::Future {
                                y - 1
                            } else if *q + 1 < cur && cx.tense == Tense::Future {
                                // The quarter just closed is still to be reported on
                                // ("expects to post third-quarter results" in October).
                                y + 1
                            } else {
                                y
                            }
                        }
                        YP::H(h) => {
                            let cur = if r.month() <= 6 { 1 } else { 2 };
                            if *h > cur && cx.tense != Tense::Future {
                                y - 1
                            } else {
                                y
                            }
                        }
                        YP::S(s) => season_of_year(r, *s, cx.tense, false),
                    };
                    (y, Reference)
                }
            };
            let anchor = yp_date(y, *p).map(|date| Anchor {
                date,
                gran: gran_of_yp(*p),
            });
            out(format!("{:04}-{}", y, yp_code(*p)), res, anchor)
        }
        Expr::SeasonRel { s, rel } => match r {
            None => unres(&format!("XXXX-{}", yp_code(YP::S(*s)))),
            Some(r) => {
                let y = match rel {
                    Rel::This | Rel::Bare => season_of_year(r, *s, cx.tense, true),
                    _ => season_year(r, *s, *rel),
                };
                out(format!("{:04}-{}", y, yp_code(YP::S(*s))), Reference, None)
            }
        },
        Expr::Weekday { w, rel } => match r {
            None => unres(&format!("XXXX-WXX-{w}")),
            Some(r) => {
                let today = r.weekday().number_from_monday() == *w;
                let d = if cx.timetable && today && *rel == Rel::Bare {
                    r
                } else {
                    weekday_date(r, *w, *rel, cx.tense)?
                };
                out(fmt_day(d), Reference, day_anchor(d))
            }
        },
        Expr::MonthRel { m, rel } => match r {
            None => unres(&format!("XXXX-{m:02}")),
            Some(r) => {
                let y = r.year();
                let y = match rel {
                    // The month just past is "last month"; "last February" said in March
                    // is the year before.
                    Rel::Last if *m + 1 >= r.month() => y - 1,
                    Rel::Next if *m <= r.month() => y + 1,
                    _ => y,
                };
                let anchor = ymd(y, *m, 1).map(|date| Anchor {
                    date,
                    gran: Unit::Month,
                });
                out(fmt_month(y, *m), Reference, anchor)
            }
        },
        Expr::RefShift { n, unit, gran } => match r {
            None => unres(x_gran(*gran)),
            Some(r) => {
                let d = shift(r, *n, *unit)?;
                let anchor = Some(Anchor {
                    date: d,
                    gran: *gran,
                });
                out(fmt_gran(d, *gran), Reference, anchor)
            }
        },
        Expr::YearAgo {
            n,
            anchored: _,
            q: true,
        } => match report_quarter(cx) {
            Some((b, res)) => {
                let d = shift(b, *n, Unit::Year)?;
                out(fmt_period(d, cx), res, None)
            }
            None => unres("XXXX-QX"),
        },
        Expr::QuarterOfYear(y) => match report_quarter(cx) {
            Some((b, _)) => out(fmt_period(ymd(*y, b.month(), 1)?, cx), Absolute, None),
            None => unres(&format!("{y:04}-QX")),
        },
        Expr::RelYearPart { n, p } => {
            let Some(r) = r else {
                return Some(unres("XXXX-QX"));
            };
            let y = r.year().saturating_add(*n);
            match p {
                Some(p) => {
                    let anchor = yp_date(y, *p).map(|date| Anchor {
                        date,
                        gran: gran_of_yp(*p),
                    });
                    out(format!("{:04}-{}", y, yp_code(*p)), Reference, anchor)
                }
                None => {
                    let (b, _) = report_quarter(cx)?;
                    out(fmt_period(ymd(y, b.month(), 1)?, cx), Reference, None)
                }
            }
        }
        Expr::YearAgo { n, anchored, q: _ } => {
            // Once a report has named a quarter, "a year ago" compares with that quarter
            // even after other dates ("the quarter ended Sept. 30") came in between.
            let (base, res) = match (cx.anchor, r) {
                (_, _)
                    if cx.quarter_anchor.is_some()
                        && !cx.half_period
                        && n.abs() == 1
                        && !cx.long_period
                        && cx.anchor.is_some_and(|a| a.gran != Unit::Year) =>
                {
                    let d = shift(cx.quarter_anchor?, *n, Unit::Year)?;
                    let res = if *anchored { Anchored } else { Reference };
                    // No new anchor: a second "a year earlier" compares with the same quarter.
                    return Some(out(fmt_period(d, cx), res, None));
                }
                (Some(a), _) if *anchored => (a.date, Anchored),
                (_, Some(r)) => (r, Reference),
                _ => return Some(unres("XXXX")),
            };
            let d = shift(base, *n, Unit::Year)?;
            out(fmt_gran(d, Unit::Year), res, None)
        }
        Expr::AnchorShift { n, unit, gran } => {
            // Day- and week-sized shifts need a day to start from; coarser ones take the
            // last date of any precision, and name a period of their own unit ("the
            // previous year" after "in March" is a year, not a March).
            let fine = matches!(
                unit,
                Unit::Second
                    | Unit::Minute
                    | Unit::Hour
                    | Unit::Day
                    | Unit::Week
                    | Unit::Weekend
                    | Unit::Fortnight
            );
            // "killed last October ... crossed out that same day": the day is in the month
            // last spoken of, which day is not said.
            if let (0, Unit::Day, Some(a)) = (*n, *unit, cx.anchor) {
                if a.gran == Unit::Month {
                    return Some(out(
                        format!("{:04}-{:02}-XX", a.date.year(), a.date.month()),
                        Anchored,
                        None,
                    ));
                }
            }
            let found = if fine {
                cx.day_anchor.map(|date| Anchor {
                    date,
                    gran: Unit::Day,
                })
            } else if *unit == Unit::Quarter {
                // "that quarter", "the previous quarter": the last quarter named
                cx.quarter_anchor
                    .filter(|_| !cx.half_period)
                    .map(|date| Anchor {
                        date,
                        gran: Unit::Quarter,
                    })
                    .or(cx.anchor)
            } else {
                cx.anchor
            };
            let (base, res) = match (found, r) {
                (Some(a), _) => (a.date, Anchored),
                (None, Some(r)) => (r, Reference),
                (None, None) => return Some(unres(x_gran(*gran))),
            };
            let d = shift(base, *n, *unit)?;
            out(
                fmt_gran(d, *gran),
                res,
                Some(Anchor {
                    date: d,
                    gran: *gran,
                }),
            )
        }
        Expr::Shifted { base, n, unit } => {
            let b = resolve(base, cx)?;
            match b.anchor {
                Some(a) if b.res != Unresolved => {
                    let d = shift(a.date, *n, *unit)?;
                    out(
                        fmt_day(d),
                        b.res,
                        Some(Anchor {
                            date: d,
                            gran: Unit::Day,
                        }),
                    )
                }
                _ => unres("XXXX-XX-XX"),
            }
        }
        Expr::WeekOf(base) => {
            let b = resolve(base, cx)?;
            match b.anchor {
                Some(a) if b.res != Unresolved => out(fmt_week(a.date), b.res, None),
                _ => unres("XXXX-WXX"),
            }
        }
        Expr::NthIn { period, n, w, gran } => {
            let b = resolve(period, cx)?;
            let (y, a) = match b.anchor {
                Some(a) if b.res != Unresolved => (a.date.year(), a),
                _ => return Some(unres(x_gran(*gran))),
            };
            let d = match a.gran {
                Unit::Month => nth_in_month(y, a.date.month(), *n, *w, *gran)?,
                // the first or last day of a year
                Unit::Year if *w == 0 && *gran == Unit::Day => {
                    if *n > 0 {
                        ymd(y, 1, 1)?.checked_add_signed(Duration::days(*n as i64 - 1))?
                    } else {
                        ymd(y, 12, 31)?
                    }
                }
                _ => return Some(unres(x_gran(*gran))),
            };
            let anchor = Some(Anchor {
                date: d,
                gran: *gran,
            });
            out(fmt_gran(d, *gran), b.res, anchor)
        }
        Expr::AnchorWeekday { w, dir } => {
            let (base, res) = match (cx.day_anchor, r) {
                (Some(d), _) => (d, Anchored),
                (None, Some(r)) => (r, Reference),
                (None, None) => return Some(unres(&format!("XXXX-WXX-{w}"))),
            };
            let cur = base.weekday().number_from_monday() as i64;
            let w = (*w).clamp(1, 7) as i64;
            let off = if *dir < 0 {
                -((cur - w - 1).rem_euclid(7) + 1)
            } else {
                (w - cur - 1).rem_euclid(7) + 1
            };
            let d = base.checked_add_signed(Duration::days(off))?;
            out(fmt_day(d), res, day_anchor(d))
        }
        Expr::TheWeekend => match r {
            None => unres("XXXX-WXX-WE"),
            Some(r) => {
                let wd = r.weekday().number_from_monday();
                let n = if cx.tense == Tense::Future || wd >= 6 {
                    0
                } else {
                    -1
                };
                let d = shift(r, n, Unit::Week)?;
                out(fmt_gran(d, Unit::Weekend), Reference, None)
            }
        },
        Expr::ReportQuarter => match r {
            None => unres("XXXX-QX"),
            Some(r) => {
                let d = r - Duration::days(45);
                out(
                    fmt_gran(d, Unit::Quarter),
                    Reference,
                    Some(Anchor {
                        date: d,
                        gran: Unit::Quarter,
                    }),
                )
            }
        },
        Expr::Holiday { when, year } => {
            let (y, res) = match (*year, r) {
                (HolidayYear::Stated(y), _) => (y, Absolute),
                (HolidayYear::Counted(n), Some(r)) => (r.year().saturating_add(n), Reference),
                (HolidayYear::Unstated, Some(r)) => {
                    // the year as for a day named without one, from where the day falls
                    // around the reference date
                    let near = when.date(r.year()).or_else(|| when.date(r.year() - 1))?;
                    let y = pick_year(r, near.month(), Some(near.day()), cx.tense);
                    let d = when.date(y)?;
                    let back = (cx.closed && d > r) || (cx.bound_past && d > r + Duration::days(1));
                    (if back { y - 1 } else { y }, Reference)
                }
                (HolidayYear::Counted(_) | HolidayYear::Unstated, None) => {
                    return Some(unres(&when.yearless_value()))
                }
            };
            let d = when.date(y)?;
            out(fmt_day(d), res, day_anchor(d))
        }
        Expr::Time { day, tod } => {
            let suffix = match tod {
                Tod::Part(p) => format!("T{}", p.code()),
                Tod::Clock(h, m, _) => format!("T{h:02}:{m:02}"),
            };
            let base = match day {
                Some(d) => resolve(d, cx)?,
                // A clock time alone ("at 10 p.m.") happens on the day last talked about.
                None => match (cx.near_day.or(cx.day_anchor), r) {
                    (Some(d), _) => out(fmt_day(d), Anchored, None),
                    (None, Some(r)) => out(fmt_day(r), Reference, None),
                    (None, None) => unres("XXXX-XX-XX"),
                },
            };
            let mut o = base;
            o.value.push_str(&suffix);
            if let Tod::Clock(_, _, Some(z)) = tod {
                let day = o
                    .value
                    .get(..10)
                    .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
                o.value.push_str(&z.designator(day));
            }
            o.kind = TimexType::Time;
            o
        }
        Expr::AnchorSeason { s, dir } => {
            let rel = if *dir < 0 { Rel::Last } else { Rel::Next };
            let y = match cx.anchor {
                // after a year: that season of the year before or after it
                Some(a) if a.gran == Unit::Year => a.date.year() + dir.signum(),
                Some(a) if !matches!(a.gran, Unit::Decade | Unit::Century) => {
                    season_year(a.date, *s, rel)
                }
                // with no date named before, as "last summer" / "next summer"
                _ => return resolve(&Expr::SeasonRel { s: *s, rel }, cx),
            };
            let p = YP::S(*s);
            let anchor = yp_date(y, p).map(|date| Anchor {
                date,
                gran: gran_of_yp(p),
            });
            out(format!("{:04}-{}", y, yp_code(p)), Anchored, anchor)
        }
        Expr::InAnchorYear(x) => {
            let Some(a) = cx.anchor else {
                return resolve(x, cx);
            };
            let y = a.date.year();
            let x = match **x {
                Expr::YearPart { p: YP::S(s), .. } => Expr::YearPart {
                    // a winter after a date in the autumn or December is the next January's
                    y: Some(if s == 3 && a.date.month() >= 9 {
                        y + 1
                    } else {
                        y
                    }),
                    p: YP::S(s),
                },
                Expr::Date { m, d, .. } => Expr::Date { y: Some(y), m, d },
                _ => return resolve(x, cx),
            };
            let mut o = resolve(&x, cx)?;
            o.res = Anchored;
            o
        }
        Expr::Ref(s) => unres(s),
        Expr::Duration(v) => Out {
            value: v.clone(),
            kind: TimexType::Duration,
            res: Absolute,
            anchor: None,
            point: None,
        },
        Expr::Counted { dur, point } => {
            let p = resolve(point, cx)?;
            Out {
                value: dur.clone(),
                kind: TimexType::Duration,
                res: p.res,
                anchor: p.anchor,
                point: Some(p.value),
            }
        }
        Expr::Set(v) => Out {
            value: v.clone(),
            kind: TimexType::Set,
            res: Absolute,
            anchor: None,
            point: None,
        },
    })
}

/// The year of a season named without one: the reference's calendar year (as writers
/// and annotators count "this summer" in December: the summer just past), moved by the
/// tense of the clause for a bare season ("sales rose in the summer" said in March is
/// last year's; "will launch in the spring" said in October is next year's), and for
/// "this" only forward ("this summer" said in December, in the future tense). A winter is
/// named for the year of its January: the current one in December is next year's, and in
/// the autumn "this winter" is the coming one.
fn season_of_year(r: NaiveDate, s: u8, tense: Tense, this: bool) -> i32 {
    let y = r.year();
    // calendar order: winter's January 0, spring 1, summer 2, autumn 3, December 4
    let cur = match r.month() {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    };
    if s == 3 {
        return match (cur, tense) {
            (0, _) => y,
            (4, _) => y + 1,
            (_, Tense::Future) => y + 1,
            (_, Tense::Past) => y,
            _ if cur >= 3 => y + 1,
            _ => y,
        };
    }
    let o = s as i32 + 1;
    if o > cur && tense == Tense::Past && !this {
        y - 1
    } else if o < cur && tense == Tense::Future {
        y + 1
    } else {
        y
    }
}

/// The year of "last"/"next" + season: the one before or after the season the reference
/// date is in.
fn season_year(r: NaiveDate, s: u8, rel: Rel) -> i32 {
    let (sy, cur) = season_now(r);
    let o = season_order(s);
    match rel {
        Rel::Last => {
            if o < cur {
                sy
            } else {
                sy - 1
            }
        }
        Rel::Next => {
            if o > cur {
                sy
            } else {
                sy + 1
            }
        }
        Rel::This | Rel::Bare => sy,
    }
}
