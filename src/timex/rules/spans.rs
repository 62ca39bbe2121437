//! Ranges and parts of a period named by a modifier: "from March to May 2021", "between
//! 2019 and 2021", "from Aug. 26 to Oct. 20", "early 2022", "mid-September", "late last
//! year", "the end of the year", "the beginning of March".

use super::{clock, date_ish, first_of, found, relative, rules, Match, Toks};
use crate::timex::lexicon::{Unit, W};
use crate::timex::resolve::Expr;

/// "from March to May 2021", "from 14 to 17 July", "between 2019 and 2021": two dates as
/// one range, the start taking the end's year when it has none.
pub(super) fn range(t: &Toks, i: usize) -> Option<Match> {
    let from = t.is(i, W::From);
    let a = t.match_at(i + 1)?;
    if !date_ish(&a.x) || a.end.is_some() {
        return None;
    }
    let k = a.e;
    let ok = if from {
        matches!(t.word(k), Some(W::To | W::Through | W::Until)) || t.punct(k, b'-')
    } else {
        t.is(k, W::And)
    };
    if !ok {
        return None;
    }
    let b = t.match_at(k + 1)?;
    if !date_ish(&b.x) || b.end.is_some() {
        return None;
    }
    let start = inherit_year(a.x, &b.x);
    Some(Match {
        s: a.s,
        e: b.e,
        x: start,
        end: Some(b.x),
        mid: Some((a.e, b.s)),
        rule: "",
    })
}

/// "from March to May 2021": the start takes the end's year (the year before when its
/// month comes later).
fn inherit_year(a: Expr, b: &Expr) -> Expr {
    match (a, b) {
        (
            Expr::Date { y: None, m, d },
            Expr::Date {
                y: Some(y2), m: m2, ..
            },
        ) => Expr::Date {
            y: Some(if m <= *m2 { *y2 } else { y2 - 1 }),
            m,
            d,
        },
        (a, _) => a,
    }
}

/// "early", "mid", "late" before a period: "mid-afternoon yesterday", "early 2022",
/// "mid-September", "late last year".
pub(super) fn early_mid_late(t: &Toks, i: usize) -> Option<Match> {
    first_of(
        t,
        i,
        rules![clock::early_or_late_part_of_day, early_or_late_date],
    )
}

/// "early 2022", "mid-September", "late last year", "early next week": the period itself
/// (TIMEX3 keeps the modifier out of the value).
fn early_or_late_date(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    if t.punct(k, b'-') && t.glued(k) {
        k += 1;
    }
    let m = match t.word(k) {
        Some(W::Last | W::Next | W::This) => relative::relative(t, k, false),
        _ => t.match_at(k),
    }?;
    date_ish(&m.x).then_some(m.from(i))
}

/// "the end of the year", "the beginning of March", "the start of next week", "the middle
/// of 2021": the period itself. "the end of the decade" is the decade of writing, as "the
/// end of the year" is its year (TIMEX3 writes the decade, `201`, and leaves the end to
/// `mod`).
pub(super) fn end_or_start_of(t: &Toks, i: usize) -> Option<Match> {
    if !t.is(i + 1, W::Of) {
        return None;
    }
    let mut k = i + 2;
    if t.is(k, W::The) {
        if let Some(u @ (Unit::Year | Unit::Month | Unit::Week | Unit::Quarter | Unit::Decade)) =
            t.unit(k + 1)
        {
            return found(
                i,
                k + 2,
                Expr::RefShift {
                    n: 0,
                    unit: u,
                    gran: u,
                },
            );
        }
        k += 1;
    }
    let m = match t.word(k) {
        Some(W::Last | W::Next | W::This) => relative::relative(t, k, false),
        _ => t.match_at(k),
    }?;
    date_ish(&m.x).then_some(m.from(i))
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // end_or_start_of
    (
        "2023-09-14",
        "by the end of the year",
        "the end of the year=2023",
    ),
    // the decade of writing, as "the end of the year" is its year (round 6)
    (
        "2010-10-20",
        "Carmakers must cut emissions by the end of the decade.",
        "the end of the decade=201",
    ),
    (
        "2023-09-14",
        "the middle of the decade",
        "the middle of the decade=202",
    ),
    // range
    (
        "2023-09-14",
        "from March to May 2021",
        "March to May 2021=2021-03..2021-05",
    ),
    (
        "2023-09-14",
        "between 2019 and 2021",
        "2019 and 2021=2019..2021",
    ),
];
