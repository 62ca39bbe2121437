//! Recurring times (TIMEX3 SET): "every Monday", "each year", "every two weeks", "every
//! morning", "daily", "weekly", "Mondays", "Friday nights", "Monday and Tuesday nights".

use super::amounts::{count_unit, duration_value, Half};
use super::{found, Match, Toks};
use crate::timex::lexicon::{Lex, W};
use crate::timex::resolve::Expr;

/// "Mondays", "Sunday mornings" (capitalised: "sundays" is no day).
pub(super) fn plural_weekday(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::Weekdays(w)) = t.lex(i) else {
        return None;
    };
    if !t.capital(i) {
        return None;
    }
    if let Some(Lex::Parts(p) | Lex::Part(p)) = t.lex(i + 1) {
        return found(i, i + 2, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())));
    }
    found(i, i + 1, Expr::Set(format!("XXXX-WXX-{w}")))
}

/// "Friday nights", "Sunday mornings": a weekday before a plural part of the day.
pub(super) fn weekday_with_plural_part(t: &Toks, i: usize) -> Option<Match> {
    let (Some(Lex::Weekday(w)), Some(Lex::Parts(p))) = (t.lex(i), t.lex(i + 1)) else {
        return None;
    };
    found(i, i + 2, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())))
}

/// "on Monday and Tuesday nights": the plural after the second day covers both (this is
/// the first).
pub(super) fn two_weekdays_with_plural_part(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::Weekday(w)) = t.lex(i) else {
        return None;
    };
    if !(t.is(i + 1, W::And) && matches!(t.lex(i + 2), Some(Lex::Weekday(_)))) {
        return None;
    }
    let Some(Lex::Parts(p)) = t.lex(i + 3) else {
        return None;
    };
    found(i, i + 1, Expr::Set(format!("XXXX-WXX-{w}T{}", p.code())))
}

/// "daily", "weekly", "monthly", "annually", "yearly", "hourly" (not "the Party daily
/// Granma", a newspaper).
pub(super) fn adverb(t: &Toks, i: usize) -> Option<Match> {
    let v = match t.word(i)? {
        W::Daily => {
            if t.capital(i + 1) {
                return None; // "the Party daily Granma": a newspaper
            }
            "P1D"
        }
        W::Weekly => "P1W",
        W::Monthly => "P1M",
        W::Annually => "P1Y",
        W::Hourly => "PT1H",
        _ => return None,
    };
    found(i, i + 1, Expr::Set(v.into()))
}

/// "every Monday", "each year", "every two weeks", "every morning", "every June", "each
/// summer".
pub(super) fn every(t: &Toks, i: usize) -> Option<Match> {
    let k = i + 1;
    match t.lex(k)? {
        Lex::Unit(u) => found(i, k + 1, Expr::Set(duration_value(Some(1), u, Half::No))),
        Lex::Weekday(w) => found(i, k + 1, Expr::Set(format!("XXXX-WXX-{w}"))),
        Lex::Month(m) if t.capital(k) => found(i, k + 1, Expr::Set(format!("XXXX-{m:02}"))),
        Lex::Part(p) => found(i, k + 1, Expr::Set(format!("XXXX-XX-XXT{}", p.code()))),
        Lex::Season(s) => found(
            i,
            k + 1,
            Expr::Set(format!(
                "XXXX-{}",
                ["SP", "SU", "FA", "WI"][s.min(3) as usize]
            )),
        ),
        _ => {
            let (e, n, u, half, _) = count_unit(t, k)?;
            found(i, e, Expr::Set(duration_value(n, u, half)))
        }
    }
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // every
    ("2023-09-14", "every Monday", "every Monday=XXXX-WXX-1"),
    ("2023-09-14", "each July", "each July=XXXX-07"),
    (
        "2023-09-14",
        "The festival is held each summer.",
        "each summer=XXXX-SU",
    ),
    (
        "2023-09-14",
        "Every winter, the pass is closed.",
        "Every winter=XXXX-WI",
    ),
    ("2023-09-14", "every year", "every year=P1Y"),
    ("2023-09-14", "every two weeks", "every two weeks=P2W"),
    // adverb
    ("2023-09-14", "daily", "daily=P1D"),
    ("2023-09-14", "published weekly", "weekly=P1W"),
    ("2023-09-14", "annually", "annually=P1Y"),
    // weekday_with_plural_part
    (
        "2023-09-14",
        "on Tuesday nights",
        "Tuesday nights=XXXX-WXX-2TNI",
    ),
    // not dates
    ("2023-09-14", "the Communist Party daily Granma", ""),
];
