//! Dates relative to the reference date or to the last date named: "today", "yesterday
//! afternoon", "tonight", "last week", "next Monday", "this fall", "the following day",
//! "the previous Friday", "the year before last", "the day after tomorrow", "that year", "later this month", "the week of March 6", "the weekend".

use super::amounts::{count_unit, duration_value, Half as HalfAt};
use super::year_parts::year_s_part;
use super::{
    days_from_reference, first_of, found, named, reports, rules, vague, year_parts, years, Match,
    Toks,
};
use crate::timex::lexicon::{Lex, Part, Unit, W};
use crate::timex::resolve::{Expr, Rel, Tod};
use crate::timex::scan::Kind;

/// Phrases that start with "the".
pub(super) fn after_the(t: &Toks, i: usize) -> Option<Match> {
    first_of(
        t,
        i,
        rules![
            year_parts::the_half_named_otherwise,
            year_parts::the_final_part_of_a_year,
            reports::the_fiscal_or_current_year,
            vague::the_near_future,
            the_year_before_last,
            the_day_after_tomorrow,
            the_day_before_a_day,
            the_nth_in_a_month,
            years::the_decade_word,
            reports::the_period_a_year_ago,
            reports::the_quarter,
            the_weekend,
            the_week_of,
            the_then_expression,
        ],
    )
}

/// "the year before last", "the week before last": two steps back from the reference.
/// (A bare "the year before" / "the day after." counted from the date last named was
/// tried in round 7 and fired only where the gold has no expression; see BENCHMARKS.)
fn the_year_before_last(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    let Some(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year)) = t.unit(j) else {
        return None;
    };
    if !(t.is(j + 1, W::Before) && t.is(j + 2, W::Last) && t.match_at(j + 2).is_none()) {
        return None;
    }
    found(
        i,
        j + 3,
        Expr::RefShift {
            n: -2,
            unit: u,
            gran: u,
        },
    )
}

/// "the day after tomorrow", "the day before yesterday".
fn the_day_after_tomorrow(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    if t.unit(j) != Some(Unit::Day) {
        return None;
    }
    let n = match (t.word(j + 1), t.word(j + 2)) {
        (Some(W::After), Some(W::Tomorrow)) => 2,
        (Some(W::Before), Some(W::Yesterday)) => -2,
        _ => return None,
    };
    found(i, j + 3, days_from_reference(n))
}

/// "the day before last Tuesday's hearing", "the day after Sept. 12".
fn the_day_before_a_day(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    if t.unit(j) != Some(Unit::Day) {
        return None;
    }
    let (Some(w @ (W::After | W::Before)), Some(b)) = (t.word(j + 1), day_base(t, j + 2)) else {
        return None;
    };
    let n = if w == W::After { 1 } else { -1 };
    found(
        i,
        b.e,
        Expr::Shifted {
            base: Box::new(b.x),
            n,
            unit: Unit::Day,
        },
    )
}

/// A single day stated at token `i` ("Sept. 12", "last Tuesday") that a shift such as
/// "two days after" can start from.
pub(super) fn day_base(t: &Toks, i: usize) -> Option<Match> {
    t.match_at(i).filter(|b| {
        b.end.is_none() && matches!(b.x, Expr::Date { d: Some(_), .. } | Expr::Weekday { .. })
    })
}

/// "the weekend": the last one, or the coming one in future tense.
fn the_weekend(t: &Toks, i: usize) -> Option<Match> {
    (t.unit(i + 1) == Some(Unit::Weekend))
        .then(|| found(i, i + 2, Expr::TheWeekend))
        .flatten()
}

/// "the week of March 6", "the week beginning 14 October", "the week ending July 5": the
/// week holding a stated day (a week named by its first or last day, as statistics and
/// schedules name it).
fn the_week_of(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    if t.unit(j) != Some(Unit::Week) {
        return None;
    }
    let named_by_day = || {
        ["beginning", "starting", "commencing", "ending"]
            .iter()
            .any(|w| t.spelled(j + 1, w))
    };
    if !(t.is(j + 1, W::Of) || named_by_day()) {
        return None;
    }
    let m = t.match_at(j + 2)?;
    if m.end.is_none() && matches!(m.x, Expr::Date { d: Some(_), .. }) {
        return found(i, m.e, Expr::WeekOf(Box::new(m.x)));
    }
    None
}

/// "the last week of June", "the first week of March 2014", "the second weekend of May",
/// "the first Monday in October", "the last day of June", "the last day of 2012": a week,
/// weekend or day counted within a month (a day also within a year), one expression (read
/// apart, "the last week" was the week before the time of writing and the month a second
/// date).
fn the_nth_in_a_month(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    let n = match t.lex(j)? {
        Lex::Ord(n @ 1..=5) => n as i32,
        Lex::Unit(Unit::Second) => 2,
        Lex::Word(W::Last | W::Final) => -1,
        _ => return None,
    };
    let (w, gran) = match t.lex(j + 1)? {
        Lex::Unit(u @ (Unit::Week | Unit::Weekend)) => (0, u),
        Lex::Unit(Unit::Day) if n == 1 || n == -1 => (0, Unit::Day),
        Lex::Weekday(w) if t.capital(j + 1) => (w as u32, Unit::Day),
        _ => return None,
    };
    if !(t.is(j + 2, W::Of) || t.is(j + 2, W::In)) {
        return None;
    }
    let m = t.match_at(j + 3)?;
    let year = matches!(
        m.x,
        Expr::Year(_)
            | Expr::RefShift {
                gran: Unit::Year,
                ..
            }
    );
    if m.end.is_some() || !(super::month_ish(&m.x) || (year && w == 0 && gran == Unit::Day)) {
        return None;
    }
    found(
        i,
        m.e,
        Expr::NthIn {
            period: Box::new(m.x),
            n,
            w,
            gran,
        },
    )
}

/// "the" before another expression: "the past two years", "the following day", "the same
/// day", "the future", "the 1990s". "the" stays in the phrase except before a date that
/// names itself ("the 12th of September", "the Monday").
fn the_then_expression(t: &Toks, i: usize) -> Option<Match> {
    use W::*;
    let j = i + 1;
    let m = match t.word(j) {
        Some(Last | Next | This | Past | Previous | Coming | Following | Current | Latest) => {
            relative(t, j, true)
        }
        Some(Most) if t.latest(j).is_some() => relative(t, j, true),
        Some(Same) if t.unit(j + 1) == Some(Unit::Day) => named(
            "the_same_day",
            found(
                j,
                j + 2,
                Expr::AnchorShift {
                    n: 0,
                    unit: Unit::Day,
                    gran: Unit::Day,
                },
            ),
        ),
        Some(Future) => named("the_future", found(j, j + 1, Expr::Ref("FUTURE_REF"))),
        _ => t.match_at(j),
    }?;
    let keep_the = !matches!(
        m.x,
        Expr::Date { .. }
            | Expr::Year(_)
            | Expr::Weekday { .. }
            | Expr::MonthRel { .. }
            | Expr::Set(_)
            | Expr::Holiday { .. }
            | Expr::Time { .. }
    ) && m.end.is_none();
    Some(if keep_the { m.from(i) } else { m })
}

/// The relative word at the head of a phrase ("last", "this past", "the following").
struct Head {
    i: usize,
    /// The token after the relative word(s).
    k: usize,
    w: W,
    the: bool,
    rel: Rel,
}

/// "last week", "next Monday", "this fall", "the past two years", "the following day";
/// `the`: the phrase started with "the" (`i` is the relative word).
pub(super) fn relative(t: &Toks, i: usize, the: bool) -> Option<Match> {
    use W::*;
    let mut w = t.word(i)?;
    let mut k = i + 1;
    // "the most recent quarter": "latest"
    if w == Most {
        w = Latest;
        k = t.latest(i)?;
    }
    // "this past Sunday", "this coming week"
    if w == This && matches!(t.word(k), Some(Past | Coming)) {
        w = if t.is(k, Past) { Last } else { Next };
        k += 1;
    }
    let rel = match w {
        Last | Previous => Rel::Last,
        Next | Coming | Following => Rel::Next,
        _ => Rel::This,
    };
    let h = Head { i, k, w, the, rel };
    if let Some(m) = named("relative_amount", relative_amount(t, &h)) {
        return Some(m);
    }
    // "ABC's \"This Week\"": a title-case unit inside a sentence names a programme.
    if t.capital(i) && t.capital(k) && !t.t[i].nl && i > 0 && t.punct(i - 1, b'"') {
        return None;
    }
    if let Some(m) = named("relative_year_s_part", relative_year_s_part(t, &h)) {
        return Some(m);
    }
    match t.lex(k) {
        Some(Lex::Unit(u)) => named("relative_unit", relative_unit(t, &h, u)),
        Some(Lex::Units(u)) if the && matches!(w, Past | Coming) => named(
            "the_past_units",
            found(
                i,
                k + 1,
                Expr::Duration(duration_value(None, u, HalfAt::No)),
            ),
        ),
        // "in coming months", "in past years": without the article, the vague future or
        // past rather than a stretch of time
        Some(Lex::Units(_)) if matches!(w, Past | Coming) => named(
            "past_or_coming_units",
            found(
                i,
                k + 1,
                Expr::Ref(if w == Past { "PAST_REF" } else { "FUTURE_REF" }),
            ),
        ),
        Some(Lex::Part(_)) if the && matches!(w, Next | Following) => {
            named("the_next_part_of_day", the_next_part_of_day(&h))
        }
        Some(Lex::Weekday(d)) if t.capital(k) && the && matches!(w, Previous | Following) => {
            let dir = if w == Previous { -1 } else { 1 };
            named(
                "the_previous_or_following_weekday",
                found(i, k + 1, Expr::AnchorWeekday { w: d as u32, dir }),
            )
        }
        Some(Lex::Weekday(d))
            if t.capital(k) && matches!(w, Last | Next | This | Coming | Previous) =>
        {
            named("relative_weekday", relative_weekday(t, &h, d as u32))
        }
        Some(Lex::Month(m)) if t.capital(k) && matches!(w, Last | Next | This) => named(
            "relative_month",
            found(
                i,
                k + 1,
                Expr::MonthRel {
                    m: m as u32,
                    rel: h.rel,
                },
            ),
        ),
        Some(Lex::Season(s)) if the && matches!(w, Previous | Following) => named(
            "the_previous_or_following_season",
            found(
                i,
                k + 1,
                Expr::AnchorSeason {
                    s,
                    dir: if w == Previous { -1 } else { 1 },
                },
            ),
        ),
        Some(Lex::Season(s)) if matches!(w, Last | Next | This | Past | Coming) => named(
            "relative_season",
            found(i, k + 1, Expr::SeasonRel { s, rel: h.rel }),
        ),
        Some(Lex::Part(p)) if matches!(w, This | Last) => {
            named("this_or_last_part_of_day", this_or_last_part_of_day(&h, p))
        }
        Some(Lex::Word(Future)) if the => {
            named("the_future", found(i, k + 1, Expr::Ref("FUTURE_REF")))
        }
        Some(Lex::Word(Period)) if w == Latest => {
            named("the_latest_period", found(i, k + 1, Expr::ReportQuarter))
        }
        _ if the && w == Past => named("the_past", found(i, k, Expr::Ref("PAST_REF"))),
        _ => None,
    }
}

/// "the past two years", "last three months", "the next 10 days": an amount of time (but
/// not the adjective "the past two-year period").
fn relative_amount(t: &Toks, h: &Head) -> Option<Match> {
    use W::*;
    if !matches!(h.w, Past | Last | Next | Coming | Previous | Following) {
        return None;
    }
    // "to last a week", "could last an hour": no article follows the adjective "last"
    // ("the last two weeks"), so this is the verb, and the amount stands alone
    if h.w == Last && !h.the && t.is(h.k, A) {
        return None;
    }
    let (e, n, u, half, hyph) = count_unit(t, h.k)?;
    if hyph {
        return None;
    }
    found(h.i, e, Expr::Duration(duration_value(n, u, half)))
}

/// "last year's third quarter", "this year's first half", "next year's quarter".
fn relative_year_s_part(t: &Toks, h: &Head) -> Option<Match> {
    use W::*;
    if h.the || t.unit(h.k) != Some(Unit::Year) {
        return None;
    }
    let n = match h.w {
        Last | Previous | Past => -1,
        This | Current => 0,
        Next | Coming => 1,
        _ => return None,
    };
    year_s_part(t, h.i, h.k, n)
}

/// "last week", "next month", "this year", "the past decade", "the following day", "the
/// previous quarter", "the next day", "past hour"; "the latest quarter", "This quarter's
/// loss" (the quarter reported on).
fn relative_unit(t: &Toks, h: &Head, u: Unit) -> Option<Match> {
    use W::*;
    let w = h.w;
    let shift = |n| {
        Some(Expr::RefShift {
            n,
            unit: u,
            gran: u,
        })
    };
    let anch = |n| {
        Some(Expr::AnchorShift {
            n,
            unit: u,
            gran: u,
        })
    };
    let x = if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
        match w {
            Past | Last | Next | Coming => {
                Some(Expr::Duration(duration_value(Some(1), u, HalfAt::No)))
            }
            _ => None,
        }
    } else if w == Latest {
        (u == Unit::Quarter).then_some(Expr::ReportQuarter)
    } else if w == This && u == Unit::Quarter && t.apostrophe_s(h.k + 1) {
        // "This quarter's loss includes ...": the quarter the report is about
        Some(Expr::ReportQuarter)
    } else if h.the {
        match w {
            Following => anch(1),
            Next if u == Unit::Day => anch(1),
            Previous => anch(-1),
            // "the past year", "the last decade": the previous calendar unit, like "last
            // year" (news uses the phrase for the year just closed; read as a duration, P1Y,
            // the meantime check half lost, issue 18)
            Past | Last => shift(-1),
            Next | Coming => shift(1),
            This | Current => shift(0),
            _ => None,
        }
    } else if u == Unit::Day {
        match w {
            Following | Next => anch(1),
            Previous => anch(-1),
            _ => None,
        }
    } else {
        match w {
            Last | Previous | Past => shift(-1),
            This | Current => shift(0),
            Next | Coming => shift(1),
            Following => anch(1),
            _ => None,
        }
    }?;
    found(h.i, h.k + 1, x)
}

/// "the next morning", "the following evening": the day after the last one named.
fn the_next_part_of_day(h: &Head) -> Option<Match> {
    found(
        h.i,
        h.k + 1,
        Expr::AnchorShift {
            n: 1,
            unit: Unit::Day,
            gran: Unit::Day,
        },
    )
}

/// "last Tuesday", "next Friday", "this Monday", "last Friday night".
fn relative_weekday(t: &Toks, h: &Head, d: u32) -> Option<Match> {
    let x = Expr::Weekday { w: d, rel: h.rel };
    if let Some(Lex::Part(p)) = t.lex(h.k + 1) {
        return found(
            h.i,
            h.k + 2,
            Expr::Time {
                day: Some(Box::new(x)),
                tod: Tod::Part(p),
            },
        );
    }
    found(h.i, h.k + 1, x)
}

/// "this morning", "this evening", "last night", "last evening" (not "last morning").
fn this_or_last_part_of_day(h: &Head, p: Part) -> Option<Match> {
    let last = h.w == W::Last;
    if last && !matches!(p, Part::Night | Part::Evening) {
        return None;
    }
    found(
        h.i,
        h.k + 1,
        Expr::Time {
            day: Some(Box::new(days_from_reference(if last { -1 } else { 0 }))),
            tod: Tod::Part(p),
        },
    )
}

/// "today", "yesterday", "tomorrow", "yesterday afternoon"; not the age in "in today's
/// world", "the people of tomorrow", nor the title "USA Today".
pub(super) fn named_day(t: &Toks, i: usize) -> Option<Match> {
    use W::*;
    let w = t.word(i)?;
    // "the people of tomorrow", "many of today's computers", "in today's world": the
    // present or future age in general, not a day ("for today's quiz" is a day).
    const AGE: [&str; 12] = [
        "world",
        "society",
        "youth",
        "young",
        "children",
        "generation",
        "economy",
        "standards",
        "culture",
        "technology",
        "era",
        "times",
    ];
    let after_of_for = i > 0 && matches!(t.word(i - 1), Some(Of | For));
    let possessive = t.punct(i + 1, b'\'') && t.spelled(i + 2, "s");
    let after_of = i > 0 && t.is(i - 1, Of);
    let age = possessive && (after_of || AGE.iter().any(|n| t.spelled(i + 3, n)));
    if age || (after_of_for && w == Tomorrow && t.ends_clause(i + 1)) {
        return None;
    }
    // "USA Today", "This is VOA Today": a capitalised "Today" right after a capitalised
    // name is a title.
    let title = w == Today
        && t.capital(i)
        && i > 0
        && !t.t[i].nl
        && t.t[i - 1].kind == Kind::Word
        && t.capital(i - 1)
        && t.lex(i - 1).is_none();
    if title {
        return None;
    }
    let n = match w {
        Yesterday => -1,
        Tomorrow => 1,
        _ => 0,
    };
    let day = days_from_reference(n);
    if let Some(Lex::Part(p)) = t.lex(i + 1) {
        return found(
            i,
            i + 2,
            Expr::Time {
                day: Some(Box::new(day)),
                tod: Tod::Part(p),
            },
        );
    }
    found(i, i + 1, day)
}

/// "tonight".
pub(super) fn tonight(_t: &Toks, i: usize) -> Option<Match> {
    found(
        i,
        i + 1,
        Expr::Time {
            day: Some(Box::new(days_from_reference(0))),
            tod: Tod::Part(Part::Night),
        },
    )
}

/// "later this month", "earlier that year", "earlier in the year", "later in the month":
/// the period last talked about (the reference one when none was); "later in the day" is
/// seldom annotated.
pub(super) fn later_or_earlier_in(t: &Toks, i: usize) -> Option<Match> {
    let m = match t.word(i + 1) {
        Some(W::This | W::Last | W::Next) => relative(t, i + 1, false)?,
        Some(W::That) => that_unit(t, i + 1)?,
        Some(W::In) if t.is(i + 2, W::The) => {
            let u = t.unit(i + 3)?;
            if !matches!(u, Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let x = Expr::AnchorShift {
                n: 0,
                unit: u,
                gran: u,
            };
            return found(i, i + 4, x);
        }
        _ => return None,
    };
    matches!(m.x, Expr::RefShift { .. } | Expr::AnchorShift { .. }).then_some(m.from(i))
}

/// "that year", "that same day", "that quarter": the unit of the last date mentioned.
pub(super) fn that_unit(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    if t.is(k, W::Same) {
        k += 1;
    }
    // "that summer", "by that December": the season or month in the year last talked of
    {
        let inner = match t.lex(k) {
            Some(Lex::Season(s)) => Some(Expr::YearPart {
                y: None,
                p: crate::timex::resolve::YP::S(s),
            }),
            Some(Lex::Month(m)) if t.capital(k) => Some(Expr::Date {
                y: None,
                m: m as u32,
                d: None,
            }),
            _ => None,
        };
        // "That summer she married": a subject pronoun after it starts the clause too
        let pronoun = ["he", "she", "they", "we", "i", "it"]
            .iter()
            .any(|w| t.spelled(k + 1, w));
        if let Some(x) = inner.filter(|_| closes_time_phrase(t, k + 1) || pronoun) {
            return found(i, k + 1, Expr::InAnchorYear(Box::new(x)));
        }
    }
    let u = t.unit(k)?;
    if !matches!(u, Unit::Day | Unit::Month | Unit::Quarter | Unit::Year) {
        return None;
    }
    found(
        i,
        k + 1,
        Expr::AnchorShift {
            n: 0,
            unit: u,
            gran: u,
        },
    )
}

/// Token `k` ends the time phrase before it: punctuation that closes a phrase, a
/// preposition or a conjunction, or the end of the text. Not a noun it would modify
/// ("that winter morning", "that autumn fashion"), a day or year ("that July 7", "that
/// February 2010"), a possessive or a verb ("that spring is coming": "that" joins a
/// clause there).
pub(super) fn closes_time_phrase(t: &Toks, k: usize) -> bool {
    const NEXT: [&str; 15] = [
        "in", "on", "at", "to", "for", "by", "with", "without", "as", "when", "and", "after",
        "before", "until", "while",
    ];
    k >= t.t.len()
        || [b',', b'.', b';', b':'].iter().any(|&c| t.punct(k, c))
        || NEXT.iter().any(|w| t.spelled(k, w))
}

/// "today is the eighth day of the blockade", "it's the second day of an offensive": the
/// day the text speaks from (`i` is the ordinal).
pub(super) fn nth_day_of(t: &Toks, i: usize) -> Option<Match> {
    let k = i + 1;
    if !(t.unit(k) == Some(Unit::Day) && t.is(k + 1, W::Of)) {
        return None;
    }
    let s = if i > 0 && t.is(i - 1, W::The) {
        i - 1
    } else {
        i
    };
    let copula =
        s > 0 && (t.is(s - 1, W::Is) || (s >= 2 && t.spelled(s - 1, "s") && t.punct(s - 2, b'\'')));
    if !copula {
        return None;
    }
    found(s, k + 1, days_from_reference(0))
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // relative_amount: "last" before "a"/"an" is the verb; the amount stands alone, and
    // "last three months" is still a stretch of time (round 11)
    (
        "2023-09-14",
        "The talks are expected to last a week; sales rose in the last three months.",
        "a week=P1W | the last three months=P3M",
    ),
    // the_nth_in_a_month: a week (the one holding the month's Thursday), weekend (its
    // Saturday) or day counted within a month or year (round 10)
    (
        "2013-09-10",
        "He resigned in the last week of June; talks resume in the first week of March.",
        "the last week of June=2013-W26 | the first week of March=2014-W10",
    ),
    (
        "2014-03-10",
        "It rained in the first week of February.",
        "the first week of February=2014-W06",
    ),
    (
        "2013-09-10",
        "The festival ran over the first weekend of August.",
        "the first weekend of August=2013-W31-WE",
    ),
    (
        "2013-09-10",
        "Thanksgiving falls on the fourth Thursday in November.",
        "Thanksgiving=2013-11-28 | the fourth Thursday in November=2013-11-28",
    ),
    (
        "2013-09-10",
        "He died on the last day of 2012; the shop shut on the last day of June.",
        "the last day of 2012=2012-12-31 | the last day of June=2013-06-30",
    ),
    (
        "2013-09-10",
        "In the last week of the campaign he spoke often.",
        "the last week=2013-W36",
    ),
    // the_week_of: a week named by its first or last day (round 10)
    (
        "2013-09-10",
        "Results are due in the week beginning 14 October; the bill passed in the week ending 5 July.",
        "the week beginning 14 October=2013-W42 | the week ending 5 July=2013-W27",
    ),
    // that_unit: a subject pronoun after "that summer" starts its clause (round 9)
    (
        "2013-05-10",
        "In 2004 she won gold. That summer she married; he said that spring is near.",
        "2004=2004 | That summer=2004-SU | spring=2013-SP",
    ),
    // the_previous_or_following_season: counted from the last date named, not from the
    // time of writing (round 9)
    (
        "2013-05-10",
        "He was elected in 2008. The previous summer, he had lost a primary.",
        "2008=2008 | The previous summer=2007-SU",
    ),
    (
        "2013-05-10",
        "He retired in the summer of 2010 and died the following winter.",
        "the summer of 2010=2010-SU | the following winter=2011-WI",
    ),
    (
        "2013-05-10",
        "The plan was approved in March 2011; the following autumn, work began.",
        "March 2011=2011-03 | the following autumn=2011-FA",
    ),
    // the_then_expression
    ("2023-09-14", "the '80s were loud", "the '80s=198"),
    // halves named another way; not a half of a decade
    ("1989-11-01", "Earnings for the last half of 1989 and the first two quarters of 1990 will fall; the last half of the '80s was flat.", "the last half of 1989=1989-H2 | the first two quarters of 1990=1990-H1 | the '80s=198"),
    // relative_unit
    ("2023-09-14", "late last year", "late last year=2022"),
    ("2023-09-14", "last week", "last week=2023-W36"),
    ("2023-09-14", "this week", "this week=2023-W37"),
    ("2023-09-14", "next week", "next week=2023-W38"),
    ("2023-09-14", "this month", "this month=2023-09"),
    ("2023-09-14", "last month", "last month=2023-08"),
    ("2023-09-14", "next month", "next month=2023-10"),
    ("2023-09-14", "next year", "next year=2024"),
    ("2023-09-14", "last year", "last year=2022"),
    ("2023-09-14", "this year", "this year=2023"),
    ("2023-09-14", "last quarter", "last quarter=2023-Q2"),
    ("2023-09-14", "this weekend", "this weekend=2023-W37-WE"),
    ("2023-09-14", "earlier this month", "earlier this month=2023-09"),
    ("2023-09-14", "later this year", "later this year=2023"),
    ("2023-09-14", "early next year", "early next year=2024"),
    ("2024-01-10", "last month", "last month=2023-12"),
    ("2024-12-30", "next week", "next week=2025-W02"),
    ("2024-12-30", "this week", "this week=2025-W01"),
    ("2020-12-31", "this week", "this week=2020-W53"),
    ("2021-01-03", "this week", "this week=2020-W53"),
    ("2023-01-05", "last year", "last year=2022"),
    ("2023-01-05", "last quarter", "last quarter=2022-Q4"),
    ("2024-12-30", "next month", "next month=2025-01"),
    ("2023-09-14", "over the past year", "the past year=2022"),
    ("2023-09-14", "in the last decade", "the last decade=201"),
    // "the past decade" as ten years up to now (P10Y) was tried in session 9: meantime tune
    // gained, its check half lost; it stays the calendar decade
    (
        "2023-09-14",
        "Prices doubled over the past decade.",
        "the past decade=201",
    ),
    // a step from the date last named, with nothing after it to count from
    ("2023-11-02", "It fell the week before last year's vote.", "last year=2022"),
    ("", "last year", "last year=XXXX"),
    // named_day
    ("2023-09-14", "today", "today=2023-09-14"),
    ("2023-09-14", "Yesterday, he left", "Yesterday=2023-09-13"),
    ("2023-09-14", "tomorrow", "tomorrow=2023-09-15"),
    ("2023-09-14", "yesterday afternoon", "yesterday afternoon=2023-09-13TAF"),
    // a capitalised "Today" after a name is a title
    ("2023-09-14", "He told USA Today on Monday that today was fine. Today, it rains.", "Monday=2023-09-11 | today=2023-09-14 | Today=2023-09-14"),
    ("2024-02-29", "yesterday", "yesterday=2024-02-28"),
    ("2024-03-01", "yesterday", "yesterday=2024-02-29"),
    ("", "yesterday", "yesterday=XXXX-XX-XX"),
    ("2023-09-14", "It was advertised in today's editions.", "today=2023-09-14"),
    // tonight
    ("2023-09-14", "tonight", "tonight=2023-09-14TNI"),
    // this_or_last_part_of_day
    ("2023-09-14", "this morning", "this morning=2023-09-14TMO"),
    ("2023-09-14", "last night", "last night=2023-09-13TNI"),
    // the_weekend
    ("2023-09-14", "Talks continued over the weekend.", "the weekend=2023-W36-WE"),
    // relative_month
    ("2023-09-14", "last November", "last November=2022-11"),
    ("2023-09-14", "next June", "next June=2024-06"),
    ("2023-09-14", "this September", "this September=2023-09"),
    // "last <month>" skips the month just past
    ("1998-03-01", "Two helicopters crashed last February; talks resumed last January.", "last February=1997-02 | last January=1998-01"),
    // relative_season
    ("2023-09-14", "last fall", "last fall=2022-FA"),
    ("2023-09-14", "last summer", "last summer=2023-SU"),
    ("2023-09-14", "next spring", "next spring=2024-SP"),
    ("2023-09-14", "this winter", "this winter=2024-WI"),
    // later_or_earlier_in
    // "earlier in the year": the year last talked about, else the reference year
    ("2023-09-14", "Sales were delayed earlier in the year. It came later in the day.", "earlier in the year=2023"),
    ("2023-09-14", "In 2019 it opened; earlier in the year it had hired staff.", "2019=2019 | earlier in the year=2019"),
    ("2023-11-02", "He arrived in June 1998 and left later that year.", "June 1998=1998-06 | later that year=1998"),
    // that_unit: a season or month after "that" is in the year of the last date named
    ("2023-11-02", "She moved to Paris in 1998. That summer, she married.", "1998=1998 | That summer=1998-SU"),
    ("2023-11-02", "The plant shut in June 2008 and the firm failed that December.", "June 2008=2008-06 | that December=2008-12"),
    ("2023-11-02", "He took over in February 2001 and quit that same August.", "February 2001=2001-02 | that same August=2001-08"),
    ("2023-11-02", "The storm hit in October 2008. The river froze that winter.", "October 2008=2008-10 | that winter=2009-WI"),
    ("2023-11-02", "That summer, the river froze.", "That summer=2023-SU"),
    // "that" joining a clause, or the month or season naming something else
    ("2023-11-02", "In 2005 they held that February 2004 meeting.", "2005=2005 | February 2004=2004-02"),
    ("2023-11-02", "In 2005 he said that spring is coming.", "2005=2005 | spring=2023-SP"),
    ("2023-11-02", "In 2005 they met that winter morning.", "2005=2005 | winter=2023-WI"),
    // the_future
    ("2023-09-14", "in the future", "the future=FUTURE_REF"),
    // the_past
    ("2023-09-14", "in the past", "the past=PAST_REF"),
    // relative_amount
    ("2023-09-14", "over the past two months", "the past two months=P2M"),
    // relative_year_s_part
    ("2023-11-02", "sales for this year's third quarter", "this year's third quarter=2023-Q3"),
    ("2023-11-02", "as early as next year's first quarter", "next year's first quarter=2024-Q1"),
    ("2023-11-02", "in the second quarter. Sales for last year's quarter fell.", "the second quarter=2023-Q2 | last year's quarter=2022-Q2"),
    // that_unit
    ("2023-11-02", "It began on Oct. 3; that same day, shares fell.", "Oct. 3=2023-10-03 | that same day=2023-10-03"),
    // "that same day" after a month: a day of that month, which is not said
    ("2023-11-02", "He was arrested last March, and his name was removed that same day.", "last March=2023-03 | that same day=2023-03-XX"),
    // nth_day_of
    // the day the text speaks from, by another name
    ("2023-03-06", "In the capital, today is the ninth day of the strike.", "today=2023-03-06 | the ninth day=2023-03-06"),
    ("2023-03-06", "It's the third day of a march across the region.", "the third day=2023-03-06"),
    // not dates
    // the day the text speaks from, by another name
    ("2023-03-06", "He won the third day of the tournament.", ""),
    // an apposition names the date just given again
    ("2023-11-02", "They met the day before the vote.", ""),
    // a step from the date last named, with nothing after it to count from
    ("2023-11-02", "The day before the vote, polls closed early.", ""),
    ("2023-09-14", "The case is for today's youth what the war was for us.", ""),
    ("2023-09-14", "I would choose the people of tomorrow, he said.", ""),
    ("2023-09-14", "Baker said on ABC's \"This Week\" that talks failed.", ""),
    // removed in issue 18: an apposition "Oct. 12, the day before the crash" read as the
    // date again (one TimeBank sentence), and a bare "the year before" / "the day after."
    // counted from the date last named; both fired on AQUAINT only where the gold has nothing
    ("2023-11-02", "Prices peaked on Oct. 12, the day before the crash.", "Oct. 12=2023-10-12"),
    ("2023-11-02", "Sales were $5 million in 2021, down from $7 million the year before.", "2021=2021"),
    ("2023-11-02", "The flood came on Oct. 3. The day after, the river fell.", "Oct. 3=2023-10-03"),
    // the_year_before_last
    ("2023-11-02", "He left the year before last.", "the year before last=2021"),
    ("2023-11-02", "They met the month before last in Oslo.", "the month before last=2023-09"),
    // relative_weekday
    // a spoken date, and "two thousand" as a count
    ("2023-03-02", "The vote is this coming Sunday, March fifth.", "this coming Sunday=2023-03-05 | March fifth=2023-03-05"),
    // the_week_of
    ("2023-09-14", "A hearing is set for the week of Sept. 18.", "the week of Sept. 18=2023-W38"),
    // the_previous_or_following_weekday
    ("2023-09-14", "On Tuesday, Sept. 12, shares fell 4% from the previous Friday.", "Tuesday, Sept. 12=2023-09-12 | the previous Friday=2023-09-08"),
    ("2023-09-14", "It began Sept. 12 and ended the following Monday.", "Sept. 12=2023-09-12 | the following Monday=2023-09-18"),
    // the_day_before_a_day
    // a day before or after a stated day is one expression
    ("2000-02-24", "The day before last Tuesday's hearing, he went home. The day after May 3 was calm.", "The day before last Tuesday=2000-02-21 | The day after May 3=2000-05-04"),
];
