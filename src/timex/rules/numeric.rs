//! Dates written in digits alone: ISO "2023-09-12" (and "2023/09/12", "2023.09.12" as East
//! Asian sites write it), US "9/12/2023" (day first when the first part cannot be a month),
//! European "12.09.2023", and the ISO date-time "2023-09-12T15:30".

use super::{found, Match, Toks};
use crate::timex::resolve::{Expr, Tod};
use crate::timex::scan::Kind;

/// "2023-09-12", "9/12/2023", "25/12/2023", "12.09.2023", "2023-09-12T15:30".
pub(super) fn numeric_date(t: &Toks, i: usize) -> Option<Match> {
    let (v, nd) = t.number(i)?;
    let sep = match t.t.get(i + 1) {
        Some(x) if x.kind == Kind::Punct && !x.sp && matches!(x.ch, b'-' | b'/' | b'.') => x.ch,
        _ => return None,
    };
    let (b, nb) = t.number(i + 2)?;
    if !t.glued(i + 2) || !t.punct(i + 3, sep) || !t.glued(i + 3) || !t.glued(i + 4) {
        return None;
    }
    let (c3, nc) = t.number(i + 4)?;
    // not part of a longer run ("1.2.3.4", "10/12/2019/5")
    if t.glued(i + 5)
        && (t.punct(i + 5, sep) || t.punct(i + 5, b'.') && t.number(i + 6).is_some())
        && t.number(i + 6).is_some()
    {
        return None;
    }
    if i > 0 && t.glued(i) && !t.punct(i - 1, b'(') {
        if let Some(x) = t.t.get(i - 1) {
            if x.kind != Kind::Punct || matches!(x.ch, b'-' | b'/' | b'.' | b'+') {
                return None;
            }
        }
    }
    let (y, m, d) = match sep {
        // "2023-09-12", and "2023/09/12" or "2023.09.12" as East Asian sites write it
        b'-' | b'/' | b'.' if nd == 4 && nb <= 2 && nc <= 2 => (v as i32, b, c3),
        b'/' if nd <= 2 && nb <= 2 && (nc == 4 || nc == 2) => {
            let y = if nc == 2 {
                crate::calendar::full_year(c3, t.year())
            } else {
                c3 as i32
            };
            if v > 12 && b <= 12 {
                (y, b, v)
            } else {
                (y, v, b)
            }
        }
        b'.' if nd <= 2 && nb <= 2 && nc == 4 => (c3 as i32, b, v),
        _ => return None,
    };
    if !(1000..=2999).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    let mut e = i + 5;
    let x = Expr::Date {
        y: Some(y),
        m,
        d: Some(d),
    };
    // ISO date-time "2023-09-12T15:00"
    if sep == b'-' && t.glued(e) && t.spelled(e, "T") {
        if let (Some((h, 2)), true, Some((mi, 2))) =
            (t.number(e + 1), t.punct(e + 2, b':'), t.number(e + 3))
        {
            if h <= 23 && mi <= 59 && t.glued(e + 1) {
                e += 4;
                return found(
                    i,
                    e,
                    Expr::Time {
                        day: Some(Box::new(x)),
                        tod: Tod::Clock(h, mi, None),
                    },
                );
            }
        }
    }
    found(i, e, x)
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // numeric_date
    (
        "2023-09-14",
        "It happened on 2023-09-12.",
        "2023-09-12=2023-09-12",
    ),
    ("2023-09-14", "on 25/12/2023", "25/12/2023=2023-12-25"),
    (
        "2023-09-14",
        "am 12.09.2023 in Berlin",
        "12.09.2023=2023-09-12",
    ),
    // Election Day: the Tuesday after the first Monday of November
    (
        "2023-09-14",
        "the 2023-09-12T15:30 update",
        "2023-09-12T15:30=2023-09-12T15:30",
    ),
    // year-first dates with slashes or dots, as East Asian sites write them
    (
        "2023-11-02",
        "Posted 2023/09/12, updated 2023.09.13",
        "2023/09/12=2023-09-12 | 2023.09.13=2023-09-13",
    ),
    // not dates
    ("2023-09-14", "the vote was -3 ( +1 / -4 )", ""),
    ("2023-09-14", "the score was 3/8", ""),
    ("2023-09-14", "version 1.2.3.4", ""),
];
