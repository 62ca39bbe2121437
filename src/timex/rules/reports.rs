//! What company and economic reports say about the periods they compare: "the year-ago
//! quarter", "year-earlier results", "the comparable period last year", "the quarter",
//! "the 1988 quarter", "the year ended Sept. 30", "for the year". Their values depend on
//! the period being reported, which `resolve` tracks.

use super::years::{spelled_year, year4};
use super::{found, Match, Toks};
use crate::timex::lexicon::{Lex, Unit, W};
use crate::timex::resolve::Expr;

/// "year-earlier", "year-ago", "year-ago third quarter", "year-earlier period": the
/// adjective compares with the period being reported, not with the last year named ("Last
/// year losses were $5 million ... The year-earlier results have been restated").
pub(super) fn year_earlier_adjective(t: &Toks, i: usize) -> Option<Match> {
    if !(t.punct(i + 1, b'-') && t.glued(i + 1) && t.glued(i + 2)) {
        return None;
    }
    let n = match t.word(i + 2) {
        Some(W::Earlier) => -1,
        Some(W::Ago) => -1,
        _ => return None,
    };
    let mut e = i + 3;
    // "the year-earlier nine months": the count is the expression
    if t.units(e + 1) == Some(Unit::Month) && matches!(t.lex(e), Some(Lex::Num(_))) {
        return None;
    }
    // "year-ago third quarter"
    if matches!(t.lex(e), Some(Lex::Ord(1..=4) | Lex::Unit(Unit::Second)))
        && t.unit(e + 1) == Some(Unit::Quarter)
    {
        e += 1;
    }
    let q = t.unit(e) == Some(Unit::Quarter) || t.is(e, W::Period);
    if q {
        e += 1;
    }
    found(
        i,
        e,
        Expr::YearAgo {
            n,
            anchored: false,
            q,
        },
    )
}

/// "the quarter a year ago", "the corresponding period last year", "the comparable
/// year-ago quarter": the reported quarter one year back. `i` is "the".
pub(super) fn the_period_a_year_ago(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    let qualified = matches!(t.word(k), Some(W::Comparable | W::Same));
    if qualified {
        k += 1;
    }
    if let Some(Lex::Unit(Unit::Year)) = t.lex(k) {
        let m = t.match_at(k)?;
        return matches!(m.x, Expr::YearAgo { q: true, .. }).then_some(m.from(i));
    }
    if t.unit(k) != Some(Unit::Quarter) && !(qualified && t.is(k, W::Period)) {
        return None;
    }
    k += 1;
    let e = if t.is(k, W::Last) && t.unit(k + 1) == Some(Unit::Year) {
        k + 2
    } else if t.is(k, W::A)
        && t.unit(k + 1) == Some(Unit::Year)
        && matches!(t.word(k + 2), Some(W::Ago | W::Earlier))
    {
        k + 3
    } else {
        return None;
    };
    found(
        i,
        e,
        Expr::YearAgo {
            n: -1,
            anchored: false,
            q: true,
        },
    )
}

/// "the quarter" (not "the quarter of"): the quarter most recently reported on.
pub(super) fn the_quarter(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    (t.unit(j) == Some(Unit::Quarter) && !t.is(j + 1, W::Of))
        .then(|| found(i, j + 1, Expr::ReportQuarter))
        .flatten()
}

/// "the 1988 quarter", "the 1989 period": the reported quarter in that year (from the
/// year's token).
pub(super) fn the_year_quarter(t: &Toks, i: usize) -> Option<Match> {
    let y = year4(t, i)?;
    let k = i + 1;
    if i > 0 && t.is(i - 1, W::The) && (t.unit(k) == Some(Unit::Quarter) || t.is(k, W::Period)) {
        return found(i, k + 1, Expr::QuarterOfYear(y));
    }
    None
}

/// "the year ended Sept. 30" (a fiscal year: a duration), "the full year", "the fiscal
/// year", "the current year", "the latest year" (the one before), "for the year" when
/// nothing after it makes it another one, "the year nineteen ninety".
pub(super) fn the_fiscal_or_current_year(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    let mut y = j;
    if t.is(y, W::Full) || t.is(y, W::Latest) || t.is(y, W::Current) {
        y += 1;
    }
    if t.is(y, W::Fiscal) {
        y += 1;
    }
    if t.unit(y) != Some(Unit::Year) {
        return None;
    }
    if t.is(y + 1, W::Ended) {
        return found(i, y + 1, Expr::Duration("P1Y".into()));
    }
    if let Some((e, yr)) = spelled_year(t, y + 1) {
        return found(i, e, Expr::Year(yr));
    }
    // "for the year, volume was flat", "a high for the year": the current year, when
    // nothing after it makes it a different one.
    let bare = y == j
        && (t.ends_clause(y + 1) || t.is(y + 1, W::Of))
        && !t.punct(y + 1, b'-')
        && !t.punct(y + 1, b'\'');
    if y > j || bare {
        let n = if t.is(j, W::Latest) { -1 } else { 0 };
        return found(
            i,
            y + 1,
            Expr::RefShift {
                n,
                unit: Unit::Year,
                gran: Unit::Year,
            },
        );
    }
    None
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // the_quarter
    ("2023-11-02", "Net fell in the quarter ended Sept. 30, compared with a year-earlier loss.", "the quarter=2023-Q3 | Sept. 30=2023-09-30 | year-earlier=2022-Q3"),
    // the_year_quarter
    ("2023-11-02", "the third quarter. In the 1988 period, it earned less.", "the third quarter=2023-Q3 | the 1988 period=1988-Q3"),
    // the_period_a_year_ago
    ("2023-11-02", "the third quarter, up from the corresponding period last year", "the third quarter=2023-Q3 | the corresponding period last year=2022-Q3"),
    ("2023-11-02", "the third quarter; for the quarter a year ago, it lost money", "the third quarter=2023-Q3 | the quarter a year ago=2022-Q3"),
    // year_earlier_adjective
    ("2023-11-02", "the third quarter; in the comparable year-ago quarter", "the third quarter=2023-Q3 | the comparable year-ago quarter=2022-Q3"),
    // a part of a year named by its relation to this one
    ("2012-11-01", "the fourth quarter of the year-earlier period", "the fourth quarter=2012-Q4 | the year-earlier period=2011-Q4"),
    // the adjective "year-earlier" compares with the reported period, not the last year named
    ("1989-10-30", "Third-quarter net fell. Last year losses totaled $5 million. The year-earlier results were restated; a year earlier it had lost more.", "Third-quarter=1989-Q3 | Last year=1988 | The year-earlier=1988 | a year earlier=1987"),
    // the_fiscal_or_current_year
    ("2023-11-02", "For the year, volume was flat.", "the year=2023"),
    // a spoken date, and "two thousand" as a count
    ("1998-03-02", "The year two thousand has many worried.", "The year two thousand=2000"),
    ("2023-09-14", "In the fiscal year ended Oct. 31, sales rose.", "the fiscal year=P1Y | Oct. 31=2022-10-31"),
    ("2023-09-14", "It expects higher sales in the current fiscal year and the current quarter.", "the current fiscal year=2023 | the current quarter=2023-Q3"),
    // years_ago_or_earlier
    // a reporting period longer than a quarter: the comparison is with that period a
    // year back, which no quarter names (the quarter is kept when none is in the sentence)
    ("2023-10-25", "Acme's third-quarter profit rose. For the nine months, net was $41.5 million, or 80 cents a share, up from $30.2 million, or 61 cents a share, a year earlier.", "third-quarter=2023-Q3 | the nine months=P9M | a year earlier=2022"),
    ("2023-10-25", "Acme's third-quarter profit rose to $12.5 million from $9.1 million a year earlier.", "third-quarter=2023-Q3 | a year earlier=2022-Q3"),
    // amount
    // a reporting period longer than a quarter: the comparison is with that period a
    // year back, which no quarter names (the quarter is kept when none is in the sentence)
    ("2023-10-25", "Acme's third-quarter net rose. Net for the year-earlier nine months included a gain.", "third-quarter=2023-Q3 | nine months=P9M"),
    // ordinal_quarter_half_century
    // a reporting period longer than a quarter: the comparison is with that period a
    // year back, which no quarter names (the quarter is kept when none is in the sentence)
    ("2023-10-25", "Acme reported a third-quarter loss. This quarter's loss includes a charge.", "third-quarter=2023-Q3 | This quarter=2023-Q3"),
    // relative_unit
    // a reporting period longer than a quarter: the comparison is with that period a
    // year back, which no quarter names (the quarter is kept when none is in the sentence)
    ("2023-10-25", "Acme expects the current quarter to be strong.", "the current quarter=2023-Q4"),
    // "most recent" is "latest" before "quarter" (round 6); "the most recent year" is
    // left alone: in the archive it was the year of the last figures published, or the
    // year about to close, not the year before
    (
        "2023-11-02",
        "Sales in the most recent quarter rose, as in its most recent quarter. In 2021, the most recent year for which figures exist, they fell.",
        "the most recent quarter=2023-Q3 | most recent quarter=2023-Q3 | 2021=2021",
    ),
    ("2023-11-02", "the most recent report", ""),
    // the reported period may be a half (issue 18)
    (
        "2003-08-27",
        "It posted record first-half profits, 36% higher than the same period last year.",
        "first-half=2003-H1 | the same period last year=2002-H1",
    ),
];
