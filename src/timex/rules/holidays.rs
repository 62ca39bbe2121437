//! Holidays, by name, from the table of the locale the text was written in (see
//! `timex::holidays`): "Christmas Eve", "Christmas Day 2019", "Easter Monday", "Easter
//! week", "Thanksgiving", "Election Day", "New Year's Day", "the Fourth of July", "Boxing
//! Day" (UK, Canada, Australia), "Valentine's Day last year".

use super::years::{maybe_year_after, relative_year_after};
use super::{found, Match, Toks};
use crate::timex::holidays::{Name, Part};
use crate::timex::lexicon::{Lex, Unit};
use crate::timex::resolve::{Expr, HolidayYear};
use crate::timex::scan::Kind;

/// A holiday's name (its first word capitalised) at token `i`, with the year or "week"
/// that may follow: "Christmas Eve 2019", "Easter week", "Christmas last year" (a year
/// counted from the time of writing, as after a month: "June last year"). Not a day of another calendar or
/// nation ("Orthodox Easter", "Chinese New Year", "Israel's Independence Day"), nor part
/// of a longer name ("Easter Island", "the Easter Rising").
pub(super) fn holiday(t: &Toks, i: usize) -> Option<Match> {
    if !t.capital(i) {
        return None;
    }
    let name = t.holidays.iter().find(|n| name_at(t, i, n))?;
    let e = i + name.parts.len();
    if qualified_before(t, i, name) || longer_name_after(t, e) {
        return None;
    }
    let when = name.holiday.when;
    if let Some((e, n)) = relative_year_after(t, e) {
        let year = HolidayYear::Counted(n);
        return found(i, e, Expr::Holiday { when, year });
    }
    let (e, year) = match maybe_year_after(t, e) {
        (e, Some(y)) => (e, HolidayYear::Stated(y)),
        (e, None) => (e, HolidayYear::Unstated),
    };
    let day = Expr::Holiday { when, year };
    // "Easter week", "Christmas week": the week the day falls in
    if year == HolidayYear::Unstated && t.unit(e) == Some(Unit::Week) && !t.capital(e) {
        return found(i, e + 1, Expr::WeekOf(Box::new(day)));
    }
    found(i, e, day)
}

/// The tokens from `i` spell `name` (words in any case, marks as written).
fn name_at(t: &Toks, i: usize, name: &Name) -> bool {
    name.parts.iter().enumerate().all(|(k, p)| {
        let Some(x) = t.t.get(i + k) else {
            return false;
        };
        match p {
            Part::Word(w) => x.kind != Kind::Punct && t.spelling(i + k).eq_ignore_ascii_case(w),
            Part::Mark(c) => x.kind == Kind::Punct && x.ch == *c,
        }
    })
}

/// A capitalised qualifier right before the name, inside a sentence ("Orthodox Easter",
/// "Chinese New Year", "Mexican Independence Day"), or, before a nation's own day, a
/// possessive ("Israel's Independence Day"): a day this locale's table does not know.
fn qualified_before(t: &Toks, i: usize, name: &Name) -> bool {
    if i == 0 || t.t[i].nl {
        return false;
    }
    let p = &t.t[i - 1];
    let qualifier = p.kind == Kind::Word
        && p.cap
        && p.lex.is_none()
        // (not the first word of a sentence or quotation: "Around Christmas, ...")
        && !(i == 1
            || p.nl
            || (t.t[i - 2].kind == Kind::Punct
                && matches!(t.t[i - 2].ch, b'.' | b'!' | b'?' | b'"' | b'(' | b':')));
    let possessive = name.holiday.national
        && i >= 3
        && t.spelled(i - 1, "s")
        && t.punct(i - 2, b'\'')
        && t.capital(i - 3);
    qualifier || possessive
}

/// A capitalised word after the name that makes it part of a longer one ("Easter Island",
/// "Thanksgiving Parade"); a weekday, month or number after it does not.
fn longer_name_after(t: &Toks, e: usize) -> bool {
    t.t.get(e).is_some_and(|x| {
        x.kind == Kind::Word
            && x.cap
            && !matches!(
                x.lex,
                Some(Lex::Weekday(_) | Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Num(_))
            )
    })
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
    // holiday_relative_year: "last year" after a holiday counts from the time of writing,
    // whatever the tense; "this year" is the year of writing even when the day is past
    (
        "2014-03-02",
        "The march was held on Valentine's Day last year.",
        "Valentine's Day last year=2013-02-14",
    ),
    (
        "2019-01-08",
        "He proposed at Christmas last year and they marry at Easter next year.",
        "Christmas last year=2018-12-25 | Easter next year=2020-04-12",
    ),
    (
        "2021-11-30",
        "Turnout on Election Day this year was low.",
        "Election Day this year=2021-11-02",
    ),
    ("", "on Thanksgiving last year", "Thanksgiving last year=XXXX-11"),
    // holiday: any name in the locale's table, with a year or "week" after it
    (
        "2010-06-01",
        "The store will reopen after Labor Day; it closed on Memorial Day.",
        "Labor Day=2010-09-06 | Memorial Day=2010-05-31",
    ),
    (
        "2011-07-10",
        "Fireworks lit the sky on the Fourth of July.",
        "Fourth of July=2011-07-04",
    ),
    (
        "2023-11-20",
        "Shoppers will line up on Black Friday.",
        "Black Friday=2023-11-24",
    ),
    (
        "2011-01-10",
        "Schools close for Martin Luther King Jr. Day.",
        "Martin Luther King Jr. Day=2011-01-17",
    ),
    (
        "2023-12-20",
        "Shops were busy during Christmas week.",
        "Christmas week=2023-W52",
    ),
    (
        "",
        "on Labor Day and Halloween",
        "Labor Day=XXXX-09 | Halloween=XXXX-10-31",
    ),
    // another calendar's or nation's day, a longer name, another locale's day
    (
        "2012-04-20",
        "They marked Orthodox Easter; Israel's Independence Day was quiet; Chinese New Year's Day passed.",
        "",
    ),
    (
        "2023-09-14",
        "Easter Island and the Thanksgiving Parade",
        "",
    ),
    ("2023-12-20", "Sales on Boxing Day", ""),
];
