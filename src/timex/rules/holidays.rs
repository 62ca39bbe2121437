//! Holidays: "Christmas Eve", "Christmas Day 2019", "Easter Monday", "Easter week",
//! "Thanksgiving", "Election Day", "New Year's Day", "Halloween".

use super::years::maybe_year_after;
use super::{found, named, Match, Toks};
use crate::timex::lexicon::{Lex, Unit, W};
use crate::timex::resolve::Expr;
use crate::timex::scan::Kind;

/// A holiday's name (capitalised) at token `i`.
pub(super) fn holiday(t: &Toks, i: usize) -> Option<Match> {
    if !t.capital(i) {
        return None;
    }
    match t.word(i)? {
        W::Christmas => named("christmas", christmas(t, i)),
        W::Halloween => named(
            "halloween",
            found(
                i,
                i + 1,
                Expr::Date {
                    y: None,
                    m: 10,
                    d: Some(31),
                },
            ),
        ),
        W::Easter => named("easter", easter(t, i)),
        W::Thanksgiving => {
            let e = if t.unit(i + 1) == Some(Unit::Day) {
                i + 2
            } else {
                i + 1
            };
            named("thanksgiving", found(i, e, Expr::Thanksgiving(None)))
        }
        W::Election if t.capital(i + 1) && t.unit(i + 1) == Some(Unit::Day) => {
            named("election_day", found(i, i + 2, Expr::ElectionDay))
        }
        W::New => named("new_year", new_year(t, i)),
        _ => None,
    }
}

/// "Christmas", "Christmas Day", "Christmas Eve", "Christmas Eve 2019".
fn christmas(t: &Toks, i: usize) -> Option<Match> {
    let (e, d) = if t.is(i + 1, W::Eve) {
        (i + 2, 24)
    } else if t.unit(i + 1) == Some(Unit::Day) {
        (i + 2, 25)
    } else {
        (i + 1, 25)
    };
    let (e, y) = maybe_year_after(t, e);
    found(
        i,
        e,
        Expr::Date {
            y,
            m: 12,
            d: Some(d),
        },
    )
}

/// "Easter", "Easter Sunday", "Easter Monday", "Easter week"; not "Easter Island" nor
/// "the Easter Rising" (a capitalised name follows).
fn easter(t: &Toks, i: usize) -> Option<Match> {
    let (e, off) = match t.lex(i + 1) {
        Some(Lex::Weekday(7)) => (i + 2, 0),
        Some(Lex::Weekday(1)) => (i + 2, 1),
        _ if t.unit(i + 1) == Some(Unit::Day) => (i + 2, 0),
        _ if t.capital(i + 1) && t.t.get(i + 1).is_some_and(|x| x.kind == Kind::Word) => {
            return None
        }
        _ => (i + 1, 0),
    };
    let (e, y) = maybe_year_after(t, e);
    let day = Expr::Easter { y, off };
    if off == 0 && e == i + 1 && t.unit(e) == Some(Unit::Week) && !t.capital(e) {
        return found(i, e + 1, Expr::WeekOf(Box::new(day)));
    }
    found(i, e, day)
}

/// "New Year's Day", "New Year's Eve", "New Year Day".
fn new_year(t: &Toks, i: usize) -> Option<Match> {
    if t.unit(i + 1) != Some(Unit::Year) || !t.capital(i + 1) {
        return None;
    }
    let mut k = i + 2;
    if t.punct(k, b'\'') && t.spelled(k + 1, "s") {
        k += 2;
    }
    let (m, d) = if t.is(k, W::Eve) {
        (12, 31)
    } else if t.unit(k) == Some(Unit::Day) {
        (1, 1)
    } else {
        return None;
    };
    found(
        i,
        k + 1,
        Expr::Date {
            y: None,
            m,
            d: Some(d),
        },
    )
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // christmas
    ("2023-09-14", "on Christmas Day", "Christmas Day=2023-12-25"),
    (
        "2023-09-14",
        "on Christmas Eve 2019",
        "Christmas Eve 2019=2019-12-24",
    ),
    // new_year
    (
        "2023-09-14",
        "on New Year's Day",
        "New Year's Day=2024-01-01",
    ),
    // thanksgiving
    ("2023-09-14", "at Thanksgiving", "Thanksgiving=2023-11-23"),
    // election_day
    // Election Day: the Tuesday after the first Monday of November
    (
        "2024-09-14",
        "Voters go to the polls on Election Day. The election day rush.",
        "Election Day=2024-11-05",
    ),
    (
        "2023-12-20",
        "He lost on Election Day.",
        "Election Day=2023-11-07",
    ),
    // easter
    // Easter: 2024-03-31, 2019-04-21, 2000-04-23 (ISO week 16)
    (
        "2024-06-20",
        "At Easter he left. On Easter Monday 2019 she came back.",
        "Easter=2024-03-31 | Easter Monday 2019=2019-04-22",
    ),
    (
        "2000-04-17",
        "Protesters prayed as Easter week began. Easter Island and the Easter Rising are names.",
        "Easter week=2000-W16",
    ),
    (
        "2024-02-10",
        "The 2008 Easter Sunday service; Easter 2025 is late.",
        "2008=2008 | Easter Sunday=2024-03-31 | Easter 2025=2025-04-20",
    ),
];
