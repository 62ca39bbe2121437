//! Vague references to the present, past or future: "now", "currently", "recently",
//! "these days", "the near future", "at a later date", "the then current price".

use super::{found, relative, Match, Toks};
use crate::timex::lexicon::{Unit, W};
use crate::timex::resolve::Expr;

/// "current" before a unit is relative ("the current quarter"); alone it is the present,
/// and "then current" a past time.
pub(super) fn current(t: &Toks, i: usize) -> Option<Match> {
    relative::relative(t, i, false).or_else(|| {
        let then = i > 0 && t.spelled(i - 1, "then");
        found(
            i,
            i + 1,
            Expr::Ref(if then { "PAST_REF" } else { "PRESENT_REF" }),
        )
    })
}

/// "now", "currently", "nowadays" (not "now-defunct").
pub(super) fn now(t: &Toks, i: usize) -> Option<Match> {
    if t.punct(i + 1, b'-') && t.glued(i + 1) {
        return None; // "now-defunct"
    }
    found(i, i + 1, Expr::Ref("PRESENT_REF"))
}

/// "recently", "lately". ("previously", "soon", "recent" and bare "future" are tagged far
/// less often than they occur, so only the reliable vague words are kept; see BENCHMARKS,
/// issue 18, for "soon" and "recent".)
pub(super) fn recently(_t: &Toks, i: usize) -> Option<Match> {
    found(i, i + 1, Expr::Ref("PAST_REF"))
}

/// "these days": the present.
pub(super) fn these_days(t: &Toks, i: usize) -> Option<Match> {
    (t.units(i + 1) == Some(Unit::Day))
        .then(|| found(i, i + 2, Expr::Ref("PRESENT_REF")))
        .flatten()
}

/// "in the near future", "the near term", "the short term" (but not the adjectives
/// "near-term", "short-term", nor "the long run"); `i` is "the".
pub(super) fn the_near_future(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    let near = t.spelled(j, "near") && (t.is(j + 1, W::Future) || t.spelled(j + 1, "term"));
    let short = t.spelled(j, "short") && t.spelled(j + 1, "term");
    if (near || short) && !t.punct(j + 2, b'-') {
        return found(i, j + 2, Expr::Ref("FUTURE_REF"));
    }
    None
}

/// "at a later date", "at a future time": some time ahead.
pub(super) fn a_later_date(t: &Toks, i: usize) -> Option<Match> {
    if (t.is(i + 1, W::Later) || t.is(i + 1, W::Future))
        && (t.spelled(i + 2, "date") || t.spelled(i + 2, "time"))
    {
        return found(i, i + 3, Expr::Ref("FUTURE_REF"));
    }
    None
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // recently
    ("2023-09-14", "Prices recently fell.", "recently=PAST_REF"),
    // now
    ("2023-09-14", "It is now clear.", "now=PRESENT_REF"),
    ("2023-09-14", "currently", "currently=PRESENT_REF"),
    ("", "now", "now=PRESENT_REF"),
    // today's as an age, not a day
    ("1998-04-24", "Rights matter in today's world and in many of today's computers. Now for today's quiz.", "Now=PRESENT_REF | today=1998-04-24"),
    // removed in issue 18: "in recent years" (PAST_REF), "in recent months" (PXM, a
    // count of 3 of 3 in TimeBank), "soon" (FUTURE_REF): each helped only where tuned
    ("2023-09-14", "in recent years", ""),
    ("2023-09-14", "Officials have voiced concern in recent months.", ""),
    // not dates
    ("2023-09-14", "the now-defunct firm", ""),
    // the_near_future
    ("2023-09-14", "It may go public in the near future, but near-term earnings suffer and in the long run it wins.", "the near future=FUTURE_REF"),
    ("2023-09-14", "They may soon seek an indictment. He was soon released. Return him as soon as possible.", ""),
    // current
    // halves named another way; not a half of a decade
    ("1989-11-01", "at 50% of the then current market price, or the current price.", "current=PAST_REF | current=PRESENT_REF"),
    // these_days
    // vague references without an article, the morning after, clock times by part of day
    ("2000-02-24", "The hearing was on Feb. 22. He appeared in court the next morning. Prices will slow in coming months, as in past years; the rest will follow at a later date. These days he leaves at 4 in the morning, not 7 o'clock in the evening.", "Feb. 22=2000-02-22 | the next morning=2000-02-23 | coming months=FUTURE_REF | past years=PAST_REF | a later date=FUTURE_REF | These days=PRESENT_REF | 4 in the morning=2000-02-23T04:00 | 7 o'clock in the evening=2000-02-23T19:00"),
];
