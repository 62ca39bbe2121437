//! Days the text has already placed. A story that names a day with its year, or counts its
//! year ("on Valentine's Day last year", "on 14 February 2013", "last Wednesday"), and later
//! names the same day without one ("at 1.48am on 14 February") means the same day again: the
//! later mention takes the year the text already gave that day, not the one the tense picks
//! around the publication date (which, for a day a year back, is the anniversary).
//!
//! Only a single day named by month and day, or a clock time on one, takes a year this way
//! (not a range, whose end would have to follow). The days remembered are those stated with
//! their year or counted from the time of writing; not a day counted from another date
//! ("that day", "two days later"), whose year may itself be a guess. A story sets out its
//! days first, so the first placement of a month-day is kept (a later full date of the same
//! month-day is more often a deadline or a reference than the day the story is about).

use super::resolve::Expr;
use chrono::{Datelike, NaiveDate};

/// Most distinct month-days remembered: a story places few, and the look-up stays short
/// whatever the length of the text.
const MAX: usize = 32;

/// The month-days placed so far, each with its year (the first placement of a month-day
/// is kept).
#[derive(Default)]
pub(super) struct Placed {
    days: Vec<(u32, u32, i32)>,
}

impl Placed {
    /// The year the text gave this month and day, if it placed it.
    pub(super) fn year_of(&self, month: u32, day: u32) -> Option<i32> {
        self.days
            .iter()
            .find(|&&(m, d, _)| (m, d) == (month, day))
            .map(|&(_, _, y)| y)
    }

    /// Remembers the day an expression placed, unless the expression is itself a month-day
    /// without a year (its year is what this rule is about, not evidence for it).
    pub(super) fn note(&mut self, x: &Expr, date: NaiveDate) {
        let (m, d) = (date.month(), date.day());
        if yearless_day(x).is_some() || self.days.len() == MAX || self.year_of(m, d).is_some() {
            return;
        }
        self.days.push((m, d, date.year()));
    }
}

/// The month and day of a single day named without a year, alone or under a clock time
/// ("14 February", "1.48am on 14 February").
pub(super) fn yearless_day(x: &Expr) -> Option<(u32, u32)> {
    match x {
        Expr::Date {
            y: None,
            m,
            d: Some(d),
        } => Some((*m, *d)),
        Expr::Time { day: Some(day), .. } => yearless_day(day),
        _ => None,
    }
}

/// Table rows (see `timex::tests::Row`): sentences of our own.
#[cfg(test)]
pub(super) const ROWS: &[crate::timex::tests::Row] = &[
    // The day of a killing, named first with its counted year, then again with a clock time:
    // both are the day a year back, not its anniversary in the year of writing.
    (
        "2014-02-20",
        "She was shot on Valentine's Day last year. The first call came at 1.48am on 14 February.",
        "Valentine's Day last year=2013-02-14 | 1.48am on 14 February=2013-02-14T01:48",
    ),
    // A day stated in full, then named again in a later sentence.
    (
        "2024-01-10",
        "The ferry sank on 28 December 2022. Divers reached the wreck on 28 December.",
        "28 December 2022=2022-12-28 | 28 December=2022-12-28",
    ),
    // The first placement of a month-day is kept: a later full date of the same month-day
    // (a deadline here) does not move the day the story is about.
    (
        "2011-03-02",
        "The deal was signed on 31 July 2009. Talks resume before 31 July 2012. It was agreed on July 31.",
        "31 July 2009=2009-07-31 | 31 July 2012=2012-07-31 | July 31=2009-07-31",
    ),
    // A day counted from another date does not place its day: "that day" is only as sure as
    // the yearless day it counts from.
    (
        "2001-12-09",
        "The minister was at home on 11 September. He left the capital that day. By 11 September he had decided.",
        "11 September=2001-09-11 | that day=2001-09-11 | 11 September=2001-09-11",
    ),
    // Another day keeps the year the tense picks: only the day already placed is carried.
    (
        "2014-02-20",
        "She was shot on Valentine's Day last year. He was arrested on 15 February.",
        "Valentine's Day last year=2013-02-14 | 15 February=2014-02-15",
    ),
    // A range is not a single day: its start and end take their years as before.
    (
        "2014-02-20",
        "She was shot on Valentine's Day last year. The court sat on February 14-16.",
        "Valentine's Day last year=2013-02-14 | February 14-16=2014-02-14..2014-02-16",
    ),
];
