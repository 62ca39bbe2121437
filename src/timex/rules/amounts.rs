//! Amounts of time and what they lead to: "three days", "a month and a half", "5 1/2
//! hours", "two-year" (durations); "two years ago", "three days later", "a day earlier",
//! "two days after Sept. 12", "a week from now" (dates counted from another); "for years",
//! "in weeks" (vague durations); and the counts in front of them ("twenty-five", "a few",
//! "a couple of").

use super::relative::day_base;
use super::{found, named, Count, Match, Toks};
use crate::timex::lexicon::{Lex, Unit, W};
use crate::timex::resolve::Expr;
use crate::timex::scan::Kind;

/// A count: digits, number words ("twenty-five", "two thousand"), "a", "several", "a
/// few", "a couple of". Returns the end and the count (`None` when vague).
pub(super) fn count(t: &Toks, i: usize) -> Option<(usize, Count)> {
    let x = t.t.get(i)?;
    if x.kind == Kind::Num {
        let (v, nd) = t.number(i)?;
        if nd > 4 || !t.lone_num(i) {
            return None;
        }
        if i > 0 && t.glued(i) && (t.punct(i - 1, b'$') || t.t[i - 1].kind == Kind::Word) {
            return None;
        }
        return Some((i + 1, Some(v)));
    }
    match t.lex(i)? {
        Lex::Num(_) => spelled_number(t, i).map(|(k, v)| (k, Some(v))),
        Lex::Word(W::A) => match t.lex(i + 1) {
            Some(Lex::Word(W::Few)) => Some((i + 2, None)),
            Some(Lex::Word(W::Couple)) if t.is(i + 2, W::Of) => Some((i + 3, Some(2))),
            Some(Lex::Num(12)) => Some((i + 2, Some(12))),
            // "a hundred years", "a thousand days"
            Some(Lex::Num(100)) => Some((i + 2, Some(100))),
            Some(Lex::Word(W::Million)) if t.spelled(i + 1, "thousand") => {
                Some((i + 2, Some(1000)))
            }
            _ => Some((i + 1, Some(1))),
        },
        Lex::Word(W::Several | W::Few | W::Many) => Some((i + 1, None)),
        Lex::Word(W::Couple) if t.is(i + 1, W::Of) => Some((i + 2, Some(2))),
        _ => None,
    }
}

/// A number written in words, as English writes cardinals: "four", "twenty-four" (also
/// "twenty four", as transcripts and some copy write it), "three hundred", "two hundred and
/// sixty-three", "two thousand". Returns the end and the value.
fn spelled_number(t: &Toks, i: usize) -> Option<(usize, u32)> {
    let (mut k, mut v) = below_hundred(t, i).or(match t.lex(i) {
        // "hundred", "dozen" alone
        Some(Lex::Num(v)) => Some((i + 1, v)),
        _ => None,
    })?;
    if let Some(Lex::Num(100)) = t.lex(k) {
        v *= 100;
        k += 1;
        // "two hundred and sixty-three", "three hundred five"
        let rest = if t.is(k, W::And) { k + 1 } else { k };
        if let Some((end, r)) = below_hundred(t, rest) {
            v += r;
            k = end;
        }
    }
    // "two thousand years"
    if v < 1000 && t.is(k, W::Million) && t.spelled(k, "thousand") {
        v *= 1000;
        k += 1;
    }
    Some((k, v))
}

/// A number word below a hundred: a unit, a teen, a ten, or a ten and a unit ("sixty-three";
/// "dozen" counts as twelve).
fn below_hundred(t: &Toks, i: usize) -> Option<(usize, u32)> {
    let Some(Lex::Num(v @ 1..=99)) = t.lex(i) else {
        return None;
    };
    let mut k = i + 1;
    let mut v = v;
    if (20..=90).contains(&v) && v % 10 == 0 {
        let units = if t.punct(k, b'-') && t.glued(k) {
            k + 1
        } else {
            k
        };
        if let Some(Lex::Num(u @ 1..=9)) = t.lex(units) {
            if t.t[units].kind == Kind::Word {
                v += u;
                k = units + 1;
            }
        }
    }
    Some((k, v))
}

/// Where a half goes in an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Half {
    No,
    /// "a year and a half", "5 1/2 hours": written in the next smaller unit (P1Y6M,
    /// PT5H30M), as TimeBank does.
    AfterUnit,
    /// "two and a half years": the half belongs to the number (P2.5Y).
    InNumber,
}

/// count + unit: (end, count, unit, where a half goes, hyphenated adjective).
pub(super) fn count_unit(t: &Toks, i: usize) -> Option<(usize, Count, Unit, Half, bool)> {
    let (mut k, n) = count(t, i)?;
    // "5 1/2 hours"
    let frac_half = n.is_some()
        && matches!(t.number(k), Some((1, 1)))
        && t.punct(k + 1, b'/')
        && t.glued(k + 1)
        && t.glued(k + 2)
        && matches!(t.number(k + 2), Some((2, 1)));
    if frac_half {
        k += 3;
    }
    // "two and a half years": the half belongs to the number
    let half_after_count = n.is_some()
        && !frac_half
        && t.is(k, W::And)
        && t.is(k + 1, W::A)
        && t.is(k + 2, W::Half)
        && matches!(t.lex(k + 3), Some(Lex::Units(_)));
    if half_after_count {
        k += 3;
    }
    // "20 more years", "an additional year", "eight trading days": a word between the
    // count and its unit that does not change the amount
    const BETWEEN: [&str; 11] = [
        "more",
        "additional",
        "further",
        "extra",
        "consecutive",
        "straight",
        "successive",
        "trading",
        "business",
        "working",
        "calendar",
    ];
    if BETWEEN.iter().any(|w| t.spelled(k, w))
        && matches!(t.lex(k + 1), Some(Lex::Unit(_) | Lex::Units(_)))
    {
        k += 1;
    }
    let mut hyph = false;
    if t.punct(k, b'-') && t.glued(k) && t.glued(k + 1) {
        hyph = true;
        k += 1;
    }
    let u = match t.lex(k)? {
        Lex::Unit(u) | Lex::Units(u) => u,
        _ => return None,
    };
    if t.is(i, W::A) && u == Unit::Second {
        return None; // "a second term"
    }
    // "a quarter", "three quarters of voters", "one quarter of": fractions; "two
    // quarters of losses", "several quarters of growth" are time
    if u == Unit::Quarter && (t.is(i, W::A) || (t.is(k + 1, W::Of) && matches!(n, Some(1 | 3)))) {
        return None;
    }
    k += 1;
    let mut half = if half_after_count {
        Half::InNumber
    } else if frac_half {
        Half::AfterUnit
    } else {
        Half::No
    };
    if half == Half::No && t.is(k, W::And) && t.is(k + 1, W::A) && t.is(k + 2, W::Half) {
        half = Half::AfterUnit;
        k += 3;
    }
    Some((k, n, u, half, hyph))
}

/// An amount read at `i`, ending before `k`.
struct Amount {
    i: usize,
    k: usize,
    n: Count,
    u: Unit,
    half: Half,
}

impl Amount {
    fn duration(&self) -> Expr {
        Expr::Duration(duration_value(self.n, self.u, self.half))
    }
    /// The reference date moved by the amount, in the direction `sign`.
    fn shift(&self, sign: i32) -> Option<Expr> {
        let n = self.n? as i32;
        let half = self.half != Half::No;
        let (unit, m, gran) = match (self.u, half) {
            (Unit::Year, true) => (Unit::Month, n * 12 + 6, Unit::Month),
            (Unit::Month, true) => (Unit::Day, n * 30 + 15, Unit::Month),
            (Unit::Week, true) => (Unit::Day, n * 7 + 3, Unit::Day),
            (Unit::Fortnight, _) => (Unit::Day, n * 14, Unit::Day),
            (Unit::Weekend, _) => (Unit::Week, n, Unit::Weekend),
            (u, _) => (u, n, u),
        };
        Some(Expr::RefShift {
            n: sign * m,
            unit,
            gran,
        })
    }
    /// TimeML marks "three days later" a duration; the date it leads to (from the last
    /// date named) rides along.
    fn counted(&self, sign: i32) -> Option<Expr> {
        let Expr::RefShift { n, unit, gran } = self.shift(sign)? else {
            return None;
        };
        Some(Expr::Counted {
            dur: duration_value(self.n, self.u, self.half),
            point: Box::new(Expr::AnchorShift { n, unit, gran }),
        })
    }
    /// `counted` ending after the word at `k`, or the bare amount before it.
    fn counted_or_amount(&self, sign: i32) -> Option<Match> {
        match self.counted(sign) {
            Some(x) => found(self.i, self.k + 1, x),
            None => found(self.i, self.k, self.duration()),
        }
    }
}

/// "three days", "two years ago", "two days later", "a month and a half ago", "two days
/// after Sept. 12", "a week from now".
pub(super) fn counted_amount(t: &Toks, i: usize) -> Option<Match> {
    let (mut k, n, u, half, hyph) = count_unit(t, i)?;
    // "“a month and a half” ago": a closing quote between the quoted amount and the
    // word that places it.
    let quoted = t.glued(k)
        && (t.punct(k, b'"') || t.punct(k, b'\''))
        && matches!(t.word(k + 1), Some(W::Ago | W::Later | W::Earlier));
    if quoted {
        k += 1;
    }
    // "a week or so ago": the hedge does not change the date.
    if t.spelled(k, "or")
        && t.spelled(k + 1, "so")
        && matches!(t.word(k + 2), Some(W::Ago | W::Later | W::Earlier))
    {
        k += 2;
    }
    if t.is(k, W::Old) || (t.punct(k, b'-') && t.is(k + 1, W::Old)) {
        return None; // ages
    }
    if t.punct(k, b'-') && t.glued(k) && matches!(t.word(k + 1), Some(W::Earlier | W::Ago)) {
        return None; // "a year-earlier loss": the adjective is read from "year"
    }
    // "on a year-on-year basis", "a year-over-year rise", "a month-on-month fall": a unit
    // compared with itself names a way of comparing, not an amount of time
    if t.punct(k, b'-')
        && ["on", "over", "to"].iter().any(|w| t.spelled(k + 1, w))
        && t.punct(k + 2, b'-')
        && t.unit(k + 3).is_some()
    {
        return None;
    }
    let a = Amount { i, k, n, u, half };
    // "a month-long strike", "a two-year-long inquiry"
    if t.punct(k, b'-') && t.glued(k) && t.glued(k + 1) && t.spelled(k + 1, "long") {
        return named("hyphenated_amount", found(i, k + 2, a.duration()));
    }
    if hyph {
        return named("hyphenated_amount", found(i, k, a.duration()));
    }
    // "Islam will one day be ...", "could one day replace": some time ahead.
    if u == Unit::Day && n == Some(1) && k == i + 2 && after_modal(t, i) {
        return named("one_day_after_modal", found(i, k, Expr::Ref("FUTURE_REF")));
    }
    if let Some(m) = named("years_ago_or_earlier", years_ago_or_earlier(t, &a)) {
        return Some(m);
    }
    match t.word(k) {
        Some(W::Ago) => named(
            "amount_ago",
            match a.shift(-1) {
                Some(x) => found(i, k + 1, x),
                None => found(i, k + 1, Expr::Ref("PAST_REF")),
            },
        ),
        Some(W::Later) => named("amount_later", a.counted_or_amount(1)),
        Some(W::Earlier) => named("amount_earlier", a.counted_or_amount(-1)),
        Some(W::After | W::Before) if !t.ends_clause(k + 1) => named(
            "amount_before_or_after_a_day",
            amount_before_or_after_a_day(t, &a),
        ),
        Some(W::After | W::Before) => {
            let sign = if t.is(k, W::After) { 1 } else { -1 };
            named("amount_before_or_after", a.counted_or_amount(sign))
        }
        Some(W::From) if t.is(k + 1, W::Now) => named(
            "amount_from_now",
            match a.shift(1) {
                Some(x) => found(i, k + 2, x),
                None => found(i, k + 2, Expr::Ref("FUTURE_REF")),
            },
        ),
        _ if rate_after_quantity(t, i, n) => named(
            "rate",
            found(i, k, Expr::Set(duration_value(Some(1), u, Half::No))),
        ),
        _ => named("amount", found(i, k, a.duration())),
    }
}

/// "15 a year", "$500 million a year", "twice a week", "10% a month": "a" + unit after a
/// quantity is a rate, which TIMEX3 marks as a set (P1Y).
fn rate_after_quantity(t: &Toks, i: usize, n: Count) -> bool {
    if n != Some(1) || !t.is(i, W::A) || i == 0 {
        return false;
    }
    let p = &t.t[i - 1];
    p.kind == crate::timex::scan::Kind::Num
        || (p.kind == crate::timex::scan::Kind::Punct && p.ch == b'%')
        || matches!(p.lex, Some(Lex::Word(W::Million | W::Percent)))
        || t.spelled(i - 1, "times")
        || t.spelled(i - 1, "twice")
        || t.spelled(i - 1, "once")
}

/// "two years ago", "a year earlier": a year (or, in a report, the reported quarter) back.
fn years_ago_or_earlier(t: &Toks, a: &Amount) -> Option<Match> {
    if a.u != Unit::Year || a.half != Half::No {
        return None;
    }
    let n = a.n? as i32;
    let anchored = match t.word(a.k) {
        Some(W::Ago) => false,
        Some(W::Earlier) => true,
        _ => return None,
    };
    found(
        a.i,
        a.k + 1,
        Expr::YearAgo {
            n: -n,
            anchored,
            q: false,
        },
    )
}

/// "two days after Sept. 12", "a week before last Tuesday": a stated day shifted.
fn amount_before_or_after_a_day(t: &Toks, a: &Amount) -> Option<Match> {
    let sign = if t.is(a.k, W::After) { 1 } else { -1 };
    match (day_base(t, a.k + 1), a.shift(sign)) {
        (Some(b), Some(Expr::RefShift { n, unit, .. })) => found(
            a.i,
            b.e,
            Expr::Shifted {
                base: Box::new(b.x),
                n,
                unit,
            },
        ),
        _ => found(a.i, a.k, a.duration()),
    }
}

/// "a month-long strike", "a year-long inquiry": one of the unit.
pub(super) fn unit_long(t: &Toks, i: usize) -> Option<Match> {
    let u = t.unit(i)?;
    if t.punct(i + 1, b'-') && t.glued(i + 1) && t.glued(i + 2) && t.spelled(i + 2, "long") {
        return found(
            i,
            i + 3,
            Expr::Duration(duration_value(Some(1), u, Half::No)),
        );
    }
    None
}

/// "first nine months", "first two weeks": an amount counted from the start of a period
/// (`i` is the ordinal, `n` its value).
pub(super) fn first_n_units(t: &Toks, i: usize, n: u32) -> Option<Match> {
    if n != 1 {
        return None;
    }
    match count_unit(t, i + 1) {
        Some((e, cnt, u, half, false)) if cnt.is_some_and(|c| c > 1) => {
            found(i, e, Expr::Duration(duration_value(cnt, u, half)))
        }
        _ => None,
    }
}

/// "for years", "in weeks", "over months", "within days", "over the years", "the weeks
/// ahead", "decades-long": a vague duration (not "years of", "years old").
pub(super) fn vague_amount(t: &Toks, i: usize) -> Option<Match> {
    let u = t.units(i)?;
    let vague = |s: usize, e: usize| found(s, e, Expr::Duration(duration_value(None, u, Half::No)));
    // "decades-long", "months-long"
    if t.punct(i + 1, b'-') && t.glued(i + 1) && t.glued(i + 2) && t.spelled(i + 2, "long") {
        return vague(i, i + 3);
    }
    if matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter) {
        return None;
    }
    // "over the years", "over the decades"
    if i >= 2 && t.is(i - 1, W::The) && t.is(i - 2, W::Over) && !t.is(i + 1, W::Of) {
        return vague(i - 2, i + 1);
    }
    // "the weeks ahead", "in the months ahead"
    if i >= 1 && t.is(i - 1, W::The) && t.is(i + 1, W::Ahead) {
        return vague(i - 1, i + 2);
    }
    if matches!(t.word_before(i), Some(W::For | W::Over | W::Within | W::In))
        && !t.is(i + 1, W::Of)
        && !t.is(i + 1, W::Old)
        && !matches!(u, Unit::Second | Unit::Weekend | Unit::Quarter)
    {
        return found(i, i + 1, Expr::Duration(duration_value(None, u, Half::No)));
    }
    None
}

/// Token `i` follows a modal verb ("will", "could", "might", ...), perhaps with an
/// adverb between.
fn after_modal(t: &Toks, i: usize) -> bool {
    const MODALS: [&str; 7] = ["will", "would", "could", "can", "may", "might", "should"];
    (i.saturating_sub(2)..i).any(|k| MODALS.iter().any(|m| t.spelled(k, m)))
}

/// TIMEX3 duration value: "P3D", "PT5H30M", "PXY" (a vague count).
pub(crate) fn duration_value(n: Count, u: Unit, half: Half) -> String {
    let n_s = |k: u32| match n {
        Some(n) => format!("{}", n.saturating_mul(k)),
        None => "X".to_string(),
    };
    if let (Half::InNumber, Some(n)) = (half, n) {
        return match u {
            Unit::Second | Unit::Minute | Unit::Hour => format!("PT{n}.5{}", unit_code(u)),
            Unit::Decade => format!("P{}Y", n * 10 + 5),
            Unit::Century => format!("P{}Y", n * 100 + 50),
            _ => format!("P{n}.5{}", unit_code(u)),
        };
    }
    if half == Half::AfterUnit {
        if let Some(n) = n {
            // TimeBank writes the half in the next smaller unit: P2Y6M, PT5H30M, PT1M30S.
            return match u {
                Unit::Year => format!("P{n}Y6M"),
                Unit::Month => format!("P{n}M15D"),
                Unit::Week => format!("P{n}.5W"),
                Unit::Day => format!("P{n}DT12H"),
                Unit::Hour => format!("PT{n}H30M"),
                Unit::Minute => format!("PT{n}M30S"),
                _ => format!("P{n}.5{}", unit_code(u)),
            };
        }
    }
    match u {
        Unit::Second => format!("PT{}S", n_s(1)),
        Unit::Minute => format!("PT{}M", n_s(1)),
        Unit::Hour => format!("PT{}H", n_s(1)),
        // decades and centuries are written in years, counted or not ("PXY")
        Unit::Decade if n.is_some() => format!("P{}Y", n_s(10)),
        Unit::Century if n.is_some() => format!("P{}Y", n_s(100)),
        Unit::Decade | Unit::Century => "PXY".to_string(),
        Unit::Fortnight if n.is_some() => format!("P{}W", n_s(2)),
        _ => format!("P{}{}", n_s(1), unit_code(u)),
    }
}

fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week | Unit::Fortnight => "W",
        Unit::Weekend => "WE",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "CE",
    }
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // years_ago_or_earlier
    ("2023-09-14", "two years ago", "two years ago=2021"),
    (
        "2023-09-14",
        "Sales in the third quarter of 2022 rose from a year earlier.",
        "the third quarter of 2022=2022-Q3 | a year earlier=2021-Q3",
    ),
    (
        "2024-02-29",
        "a year ago today",
        "a year ago=2023 | today=2024-02-29",
    ),
    (
        "2023-11-02",
        "third-quarter net rose from a year earlier",
        "third-quarter=2023-Q3 | a year earlier=2022-Q3",
    ),
    // amount_ago
    ("2023-09-14", "three days ago", "three days ago=2023-09-11"),
    ("2023-09-14", "two weeks ago", "two weeks ago=2023-W35"),
    (
        "2023-09-14",
        "a month and a half ago",
        "a month and a half ago=2023-07",
    ),
    ("2023-09-14", "six months ago", "six months ago=2023-03"),
    ("2023-09-14", "a decade ago", "a decade ago=201"),
    ("2024-03-29", "a month ago", "a month ago=2024-02"),
    // clock times as wire services write them
    (
        "2023-09-15",
        "Weapons were supplied “a month and a half” ago.",
        "a month and a half” ago=2023-08",
    ),
    // halves named another way; not a half of a decade
    (
        "1991-02-25",
        "Then, a week or so ago, he picked a date.",
        "a week or so ago=1991-W08",
    ),
    // amount
    ("2023-09-14", "in three days", "three days=P3D"),
    ("2023-09-14", "for three days", "three days=P3D"),
    ("2023-09-14", "two years", "two years=P2Y"),
    ("2023-09-14", "for 18 months", "18 months=P18M"),
    ("2023-09-14", "for five hours", "five hours=PT5H"),
    ("2023-09-14", "for several years", "several years=PXY"),
    ("2023-09-14", "a few weeks", "a few weeks=PXW"),
    ("2023-09-14", "two decades", "two decades=P20Y"),
    ("2023-09-14", "twenty-five years", "twenty-five years=P25Y"),
    // count: a compound number written without its hyphen is still one number
    (
        "2023-09-14",
        "in the last twenty four hours",
        "the last twenty four hours=PT24H",
    ),
    (
        "2023-09-14",
        "for thirty five years",
        "thirty five years=P35Y",
    ),
    // count: a hundreds number goes on through its "and" ("two hundred and sixty-three")
    (
        "2023-09-14",
        "The siege lasted two hundred and sixty three days.",
        "two hundred and sixty three days=P263D",
    ),
    (
        "2023-09-14",
        "It took one hundred twenty years to finish.",
        "one hundred twenty years=P120Y",
    ),
    (
        "2023-09-14",
        "The festival has run for a hundred years.",
        "a hundred years=P100Y",
    ),
    (
        "2023-09-14",
        "The strike went on for three hundred and five days.",
        "three hundred and five days=P305D",
    ),
    (
        "2023-09-14",
        "for a year and a half",
        "a year and a half=P1Y6M",
    ),
    ("2023-09-14", "45 minutes", "45 minutes=PT45M"),
    ("2023-09-14", "for 5 1/2 hours", "5 1/2 hours=PT5H30M"),
    ("2023-09-14", "for 2 1/2 years", "2 1/2 years=P2Y6M"),
    // a spoken date, and "two thousand" as a count
    (
        "2023-03-02",
        "They kept the secret for more than two thousand years.",
        "two thousand years=P2000Y",
    ),
    // amount_from_now
    (
        "2023-09-14",
        "three years from now",
        "three years from now=2026",
    ),
    // amount_later
    // two days joined by "and" form a range; a count after "and" does not
    (
        "2023-09-14",
        "on May 3 and 4 days later",
        "May 3=2023-05-03 | 4 days later=P4D->2023-05-07",
    ),
    (
        "2023-09-14",
        "He left on May 3, 2021. Two days later he returned.",
        "May 3, 2021=2021-05-03 | Two days later=P2D->2021-05-05",
    ),
    (
        "2023-09-14",
        "In 2010 it opened. Two years later it closed.",
        "2010=2010 | Two years later=P2Y->2012",
    ),
    ("", "two days later", "two days later=P2D->XXXX-XX-XX"),
    // amount_before_or_after_a_day
    (
        "2023-09-14",
        "Feb 29, 2024 was a leap day; a year after February 29, 2024 it was cited.",
        "Feb 29, 2024=2024-02-29 | a year after February 29, 2024=2025-02-28",
    ),
    (
        "2023-09-14",
        "two days after Sept. 12",
        "two days after Sept. 12=2023-09-14",
    ),
    // hyphenated_amount
    ("2023-09-14", "a two-year contract", "two-year=P2Y"),
    // first_n_units
    (
        "2023-09-14",
        "the first nine months",
        "the first nine months=P9M",
    ),
    // vague_amount
    ("2023-09-14", "for years", "years=PXY"),
    // not dates
    // a unit compared with itself is no amount (round 6)
    ("2010-10-20", "Sales rose 4 percent on a year-on-year basis, a year-over-year rise and a month-on-month fall.", ""),
    ("2023-09-14", "rainfall of 122mm", ""),
    ("2023-09-14", "10 million people", ""),
    ("2023-09-14", "a second term", ""),
    ("2023-09-14", "a 45-year-old man", ""),
    ("2023-09-14", "he is 45 years old", ""),
    ("2023-09-14", "three quarters of voters", ""),
    ("2023-09-14", "$2.5 billion", ""),
    // one_day_after_modal
    // halves named another way; not a half of a decade
    (
        "1998-03-03",
        "Islam will one day be the second largest religion. It took one day.",
        "one day=FUTURE_REF | one day=P1D",
    ),
    // amount_earlier
    // counted amounts are durations that lead to a date
    (
        "1998-10-25",
        "Trading resumed on Oct. 19. Three days later the index fell; a day earlier it rose.",
        "Oct. 19=1998-10-19 | Three days later=P3D->1998-10-22 | a day earlier=P1D->1998-10-21",
    ),
    // issue 18: halves in the number, words between count and unit, vague spans, rates
    (
        "2009-06-10",
        "The jet is two and a half years late; the base is leased for 20 more years.",
        "two and a half years=P2.5Y | 20 more years=P20Y",
    ),
    (
        "2009-06-10",
        "They added an additional year after eight trading days of losses.",
        "an additional year=P1Y | eight trading days=P8D",
    ),
    (
        "2009-06-10",
        "Over the years, and in the weeks ahead, the decades-long dispute and a month-long strike",
        "Over the years=PXY | the weeks ahead=PXW | the decades-long=PXY | a month-long=P1M",
    ),
    (
        "2009-06-10",
        "It delivers 15 a year, costs $5 million a year and meets twice a week.",
        "a year=P1Y | a year=P1Y | a week=P1W",
    ),
    (
        "2009-06-10",
        "after two quarters of losses; three quarters of voters",
        "two quarters=P2Q",
    ),
];
