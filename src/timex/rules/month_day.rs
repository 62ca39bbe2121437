//! Calendar dates in words: "September 12, 2023", "Sept. 12", "March eighth", "April 24
//! and 25", "September 12-17", "June last year", "September 2023", "in May", "12 September
//! 2023", "the 12th of September", "Wednesday, Sept. 13", "Wed., Sept. 13", "Monday",
//! "Friday evening".

use super::years::{maybe_year_after, relative_year_after, year_after};
use super::{first_of, found, named, numbers, rules, sets, Match, Toks};
use crate::timex::lexicon::{Lex, Part, W};
use crate::timex::resolve::{Expr, Rel, Tod};

/// A month name and what follows it: a day (and a year), a year, "last year", or
/// nothing.
pub(super) fn month_first(t: &Toks, i: usize) -> Option<Match> {
    let (m, abbr) = match t.lex(i)? {
        Lex::Month(m) => (m as u32, false),
        Lex::MonthAbbr(m) => (m as u32, true),
        _ => return None,
    };
    if !t.capital(i) {
        return None;
    }
    let mut k = i + 1;
    let dot = abbr && t.punct(k, b'.') && t.glued(k);
    if dot {
        k += 1;
    }
    if let Some(m) = super::year_parts::months_as_a_period(t, i, m, k) {
        return named("months_as_a_period", Some(m));
    }
    if let Some(m) = super::year_parts::quarter_named_by_its_last_month(t, i, m, k) {
        return named("quarter_named_by_its_last_month", Some(m));
    }
    let day = match t.number(k) {
        // not "May 3:30" minutes nor "Jan 5-3 win"
        Some((d, nd)) if nd <= 2 && (1..=31).contains(&d) && t.lone_num(k) => Some(d),
        _ => None,
    };
    // "Mar" without its dot is a month only with a day or a year ("Mar 2024")
    if abbr && !dot && day.is_none() && year_after(t, k).is_none() {
        return None;
    }
    if m == 5 && !abbr && day.is_none() && year_after(t, k).is_none() && !may_is_month(t, i) {
        return None;
    }
    // "March eighth", as speech transcripts write it (not "March second-quarter").
    let day = day.or(match t.lex(k) {
        Some(Lex::Ord(d))
            if (1..=31).contains(&d)
                && !t.punct(k + 1, b'-')
                && t.unit(k + 1).is_none()
                && !t.is(k + 1, W::Half) =>
        {
            Some(d)
        }
        _ => None,
    });
    if let Some(d) = day {
        return named("month_day", month_day(t, i, m, d, k));
    }
    named("month_year", month_year(t, i, m, k))
        .or_else(|| named("month_relative_year", month_relative_year(t, i, m, k)))
        .or_else(|| named("month_alone", month_alone(t, i, m, k)))
}

/// "May" the modal verb: a month only after a preposition or time word ("in May", "last
/// May", "April-May").
fn may_is_month(t: &Toks, i: usize) -> bool {
    matches!(
        t.word_before(i),
        Some(
            W::In
                | W::Of
                | W::Since
                | W::Until
                | W::By
                | W::Last
                | W::Next
                | W::This
                | W::Early
                | W::Mid
                | W::Late
                | W::During
                | W::Through
                | W::From
                | W::To
                | W::Between
                | W::Before
                | W::After
                | W::And
        )
    ) || (i > 0 && t.punct(i - 1, b'-'))
}

/// "September 12", "Sept. 12, 2023", "March 3rd", "September 12-17", "April 24 and 25"
/// (two days read as a range, so both are placed; not "May 3 and 40 others"), "March 3
/// next year"; the day is at `k`.
fn month_day(t: &Toks, i: usize, m: u32, d: u32, k: usize) -> Option<Match> {
    let mut k = k + 1;
    if t.ordinal_suffix(k) {
        k += 1;
    }
    let mut end_day = None;
    let and =
        t.is(k, W::And) && t.lone_num(k + 1) && t.unit(k + 2).is_none() && t.units(k + 2).is_none();
    if (t.punct(k, b'-') || and || matches!(t.word(k), Some(W::To | W::Through | W::Until)))
        && !(t.punct(k, b'-') && !t.glued(k) && t.glued(k + 1))
    {
        if let Some((d2, nd)) = t.number(k + 1) {
            if nd <= 2 && d2 > d && d2 <= 31 && (!and || d2 - d <= 7) {
                end_day = Some(d2);
                k += 2;
            }
        }
    }
    if let Some((e, n)) = relative_year_after(t, k).filter(|_| end_day.is_none()) {
        chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
        return found(i, e, Expr::DateRelYear { m, d: Some(d), n });
    }
    let (e, y) = maybe_year_after(t, k);
    chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some(Match {
        s: i,
        e,
        x: Expr::Date { y, m, d: Some(d) },
        end: end_day.map(|d2| Expr::Date { y, m, d: Some(d2) }),
        mid: None,
        rule: "",
    })
}

/// "September 2023", "May of 1990".
fn month_year(t: &Toks, i: usize, m: u32, k: usize) -> Option<Match> {
    let (e, y) = year_after(t, k)?;
    found(
        i,
        e,
        Expr::Date {
            y: Some(y),
            m,
            d: None,
        },
    )
}

/// "June last year", "March next year".
fn month_relative_year(t: &Toks, i: usize, m: u32, k: usize) -> Option<Match> {
    let (e, n) = relative_year_after(t, k)?;
    found(i, e, Expr::DateRelYear { m, d: None, n })
}

/// "In 2009 the company cut 500 jobs in March", "In March 2005 he moved to Paris, and in
/// June he married": a month named alone as a time phrase ("in/by/during/until March",
/// "in early March"), in a clause that does not look ahead, is in the year stated at the
/// head of its sentence (`framed`, given only when that year heads the same sentence) when
/// that year is not the year of writing's; as "that March" is. `s` is the phrase's first
/// token.
pub(crate) fn month_in_stated_year(
    t: &Toks,
    x: &Expr,
    s: usize,
    framed: Option<i32>,
    tense: crate::timex::resolve::Tense,
) -> Option<Expr> {
    let Expr::Date {
        y: None, d: None, ..
    } = x
    else {
        return None;
    };
    let y = framed?;
    if tense == crate::timex::resolve::Tense::Future || t.year == Some(y) {
        return None;
    }
    let time_prep = matches!(
        t.word_before(s),
        Some(W::In | W::By | W::During | W::Until | W::Through)
    );
    time_prep.then(|| Expr::InAnchorYear(Box::new(x.clone())))
}

/// "in September": a month alone (not "the March of the Mothers", "March for Life").
fn month_alone(t: &Toks, i: usize, m: u32, k: usize) -> Option<Match> {
    if matches!(t.word(k), Some(W::Of | W::For)) && !t.after_preposition(i) {
        return None; // "the March of the Mothers", "March for Life"
    }
    found(
        i,
        k,
        Expr::Date {
            y: None,
            m,
            d: None,
        },
    )
}

/// "12 September 2023", "12th of September", "12-17 September", "1 Sept.".
pub(super) fn day_month(t: &Toks, i: usize) -> Option<Match> {
    let (d, nd) = t.number(i)?;
    if nd > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let mut k = i + 1;
    if t.ordinal_suffix(k) {
        k += 1;
    }
    let mut end_day = None;
    if t.punct(k, b'-') && t.glued(k) && t.glued(k + 1) {
        if let Some((d2, nd2)) = t.number(k + 1) {
            if nd2 <= 2 && d2 > d && d2 <= 31 {
                end_day = Some(d2);
                k += 2;
            }
        }
    }
    if t.is(k, W::Of) {
        k += 1;
    }
    let m = match t.lex(k) {
        Some(Lex::Month(m) | Lex::MonthAbbr(m)) if t.capital(k) => m as u32,
        _ => return None,
    };
    let abbr = matches!(t.lex(k), Some(Lex::MonthAbbr(_)));
    k += 1;
    // "12 Sept." keeps its abbreviation dot; "on 1 July." ends the sentence.
    if abbr && t.punct(k, b'.') && t.glued(k) {
        k += 1;
    }
    let (e, y) = maybe_year_after(t, k);
    chrono::NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some(Match {
        s: i,
        e,
        x: Expr::Date { y, m, d: Some(d) },
        end: end_day.map(|d2| Expr::Date { y, m, d: Some(d2) }),
        mid: None,
        rule: "",
    })
}

/// A weekday and what follows it: a date ("Wednesday, Sept. 13"), a part of the day
/// ("Friday evening"), or nothing.
pub(super) fn weekday_first(t: &Toks, i: usize) -> Option<Match> {
    if !matches!(t.lex(i), Some(Lex::Weekday(_)))
        || !t.capital(i)
        || names_a_paper(t, i)
        || paper_on_sunday(t, i)
    {
        return None;
    }
    first_of(
        t,
        i,
        rules![
            weekday_then_date,
            sets::weekday_with_plural_part,
            sets::two_weekdays_with_plural_part,
            weekday_alone
        ],
    )
}

/// Nouns newspapers take after the day they appear on ("the Sunday Times", "the Sunday
/// Telegraph", "the Saturday Star"). Only those that, capitalised right after a weekday, are
/// hardly anything but a title.
const PAPER_NOUNS: &[&str] = &[
    "Times",
    "Telegraph",
    "Express",
    "Herald",
    "Mirror",
    "Mail",
    "Tribune",
    "Observer",
    "Independent",
    "Star",
    "Sport",
    "Gazette",
    "Journal",
    "Mercury",
];

/// `names_a_paper`: a capitalised weekday followed on its line by a capitalised newspaper
/// noun is part of the paper's title, not a day ("told the Sunday Times", "The Sunday
/// Telegraph reported").
fn names_a_paper(t: &Toks, i: usize) -> bool {
    let k = i + 1;
    t.t.get(k).is_some_and(|x| !x.nl) && t.capital(k) && PAPER_NOUNS.iter().any(|w| t.spelled(k, w))
}

/// `paper_on_sunday`: British papers title their Sunday editions "<the daily's name> on
/// Sunday", so a paper's name before "on Sunday" is that title, not a day: "the Mail on
/// Sunday", "a Mail on Sunday sting", "the Independent on Sunday", "the Sun on Sunday"
/// (capitalised; "Independent" and "Sun" only after "the", since "elected an Independent on
/// Sunday" is a candidate); and "Scotland on Sunday", "Wales on Sunday", named for a
/// country, which are the paper only where a place cannot stand: the object of "told",
/// before a possessive, or before a verb that says what a paper printed ("Scotland on Sunday
/// revealed"); "in Scotland on Sunday", "beat Wales on Sunday" stay a place and a day.
fn paper_on_sunday(t: &Toks, i: usize) -> bool {
    if i < 2 || !t.spelled(i, "Sunday") || !t.is(i - 1, W::On) || !t.capital(i - 2) {
        return false;
    }
    let n = i - 2;
    let the = n > 0 && t.is(n - 1, W::The);
    if t.spelled(n, "Mail") || (the && (t.spelled(n, "Independent") || t.spelled(n, "Sun"))) {
        return true;
    }
    if !(t.spelled(n, "Scotland") || t.spelled(n, "Wales")) {
        return false;
    }
    const PRINTED: [&str; 8] = [
        "reported",
        "reports",
        "revealed",
        "reveals",
        "disclosed",
        "discloses",
        "understands",
        "learned",
    ];
    let told = n > 0 && (t.spelled(n - 1, "told") || t.spelled(n - 1, "tells"));
    // the possessive also as tokenised text writes it ("Scotland on Sunday 's")
    let possessive = t.punct(i + 1, b'\'') && t.spelled(i + 2, "s");
    told || possessive || PRINTED.iter().any(|w| t.spelled(i + 1, w))
}

/// "Wednesday, Sept. 13, 2023", "Tuesday 12 September".
fn weekday_then_date(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    if t.punct(k, b',') {
        k += 1;
    }
    let m = month_first(t, k).or_else(|| day_month(t, k))?;
    matches!(m.x, Expr::Date { d: Some(_), .. }).then_some(m.from(i))
}

/// "Monday", "Friday evening", "Tuesday noon"; "Friday night" and "Friday morning" name
/// the day something happened on, and news annotation tags that day (keeping the part of
/// the day lost on AQUAINT, issue 18); evenings keep theirs.
fn weekday_alone(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::Weekday(w)) = t.lex(i) else {
        return None;
    };
    let x = Expr::Weekday {
        w: w as u32,
        rel: Rel::Bare,
    };
    match t.lex(i + 1) {
        Some(Lex::Part(Part::Night | Part::Morning)) => found(i, i + 2, x),
        Some(Lex::Part(p)) => found(
            i,
            i + 2,
            Expr::Time {
                day: Some(Box::new(x)),
                tod: Tod::Part(p),
            },
        ),
        Some(Lex::Word(W::Noon | W::Midnight)) => {
            let h = if t.is(i + 1, W::Noon) { 12 } else { 24 };
            found(
                i,
                i + 2,
                Expr::Time {
                    day: Some(Box::new(x)),
                    tod: Tod::Clock(h, 0, None),
                },
            )
        }
        _ => found(i, i + 1, x),
    }
}

/// "Wed., Sept. 13", "Thu 14 Sept": an abbreviated weekday, only before a date.
pub(super) fn weekday_abbreviation_date(t: &Toks, i: usize) -> Option<Match> {
    if !t.capital(i) {
        return None;
    }
    let mut k = i + 1;
    if t.punct(k, b'.') {
        k += 1;
    }
    if t.punct(k, b',') {
        k += 1;
    }
    let m = month_first(t, k).or_else(|| numbers(t, k))?;
    matches!(m.x, Expr::Date { d: Some(_), .. }).then_some(m.from(i))
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // issue 18's held-out class, rechecked in round 11 (already right): a month in a clause
    // that looks ahead is the next one, in a past clause the last one
    (
        "2013-11-14",
        "Ministers will meet in October to agree the budget. The plant closed in October.",
        "October=2014-10 | October=2013-10",
    ),
    // paper_on_sunday: "the Mail on Sunday" and "the Independent on Sunday" are papers;
    // a place "on Sunday" is still a day (round 11)
    (
        "2024-06-20",
        "The Mail on Sunday reported the plan, and the minister told the Independent on Sunday she would act on Monday.",
        "Monday=2024-06-24",
    ),
    (
        "2024-06-20",
        "Protests spread across Scotland on Sunday.",
        "Sunday=2024-06-16",
    ),
    // paper_on_sunday, round 12: any Sunday title named "<the daily's name> on Sunday"
    // ("a Mail on Sunday sting", "the Sun on Sunday"), and the two named for a country
    // where a place cannot stand (after "told", before a possessive or "revealed"); a
    // country before "on Sunday" elsewhere is still a place and a day
    (
        "2024-06-20",
        "He quit after a Mail on Sunday sting, and the Sun on Sunday printed the letter.",
        "",
    ),
    (
        "2024-06-20",
        "The minister told Scotland on Sunday she would resign, Wales on Sunday revealed the plan and Scotland on Sunday's editor left.",
        "",
    ),
    (
        "2024-06-20",
        "England beat Wales on Sunday, and voters who elected an Independent on Sunday cheered.",
        "Sunday=2024-06-16 | Sunday=2024-06-16",
    ),
    // names_a_paper: a weekday in a newspaper's title is no day; the day after it, or a
    // weekday before a lowercase word, still is (round 10, lead)
    (
        "2024-06-20",
        "In an interview with the Sunday Times, the minister said talks would resume on Monday.",
        "Monday=2024-06-24",
    ),
    (
        "2024-06-20",
        "The Sunday Telegraph and the Saturday Star carried the story.",
        "",
    ),
    (
        "2024-06-20",
        "Times were hard, she said on Sunday.\nSunday\nTimes of trouble",
        "Sunday=2024-06-16 | Sunday=2024-06-16",
    ),
    // month_in_stated_year: a bare month as a time phrase in a sentence headed by a year
    // is in that year; not after a year in passing, not in the next sentence, not looking
    // ahead (round 9)
    (
        "2012-05-10",
        "In 2009 the company cut 500 jobs in March.",
        "2009=2009 | March=2009-03",
    ),
    (
        "2012-05-10",
        "In March 2010 he moved to Paris, and in early June he married.",
        "March 2010=2010-03 | early June=2010-06",
    ),
    (
        "2012-05-10",
        "The company cut 500 jobs in 2009 and more in March.",
        "2009=2009 | March=2012-03",
    ),
    (
        "2012-05-10",
        "In 2009 the band broke apart. In March, its singer signed a solo deal.",
        "2009=2009 | March=2012-03",
    ),
    (
        "2012-05-10",
        "In 2010 the firm said it will open a plant in March.",
        "2010=2010 | March=2013-03",
    ),
    // day_month
    (
        "2023-09-14",
        "on 12 September 2023",
        "12 September 2023=2023-09-12",
    ),
    (
        "2023-09-14",
        "the 12th of September 2023",
        "12th of September 2023=2023-09-12",
    ),
    (
        "2023-09-14",
        "on the 3rd of March",
        "3rd of March=2023-03-03",
    ),
    (
        "2023-09-14",
        "It began on 1 March 2020; the following day it spread.",
        "1 March 2020=2020-03-01 | the following day=2020-03-02",
    ),
    (
        "2023-09-14",
        "The vote was on 5 May 2019 and the day before was calm.",
        "5 May 2019=2019-05-05",
    ),
    (
        "2023-09-14",
        "On 4 July 2018 he arrived. The previous day he had been in Rome.",
        "4 July 2018=2018-07-04 | The previous day=2018-07-03",
    ),
    (
        "2023-09-14",
        "from 14-17 July 2022",
        "14-17 July 2022=2022-07-14..2022-07-17",
    ),
    ("", "on 12 September 2023", "12 September 2023=2023-09-12"),
    // a sentence's full stop is not part of a date; abbreviations keep their dot
    (
        "2023-06-14",
        "They will join formally on 1 July.",
        "1 July=2023-07-01",
    ),
    (
        "2023-06-14",
        "The vote is on 12 June 2023. Results follow.",
        "12 June 2023=2023-06-12",
    ),
    ("2023-06-14", "It ends on 30 Sept.", "30 Sept.=2023-09-30"),
    // month_day
    (
        "2023-09-14",
        "on September 12, 2023, police said",
        "September 12, 2023=2023-09-12",
    ),
    (
        "2023-09-14",
        "due Oct. 15, 1999.",
        "Oct. 15, 1999=1999-10-15",
    ),
    ("2023-09-14", "Sept. 12", "Sept. 12=2023-09-12"),
    // Election Day: the Tuesday after the first Monday of November
    (
        "2023-09-14",
        "on Wed., Sept. 13",
        "Wed., Sept. 13=2023-09-13",
    ),
    (
        "2023-09-14",
        "on Wednesday, Sept. 13, 2023",
        "Wednesday, Sept. 13, 2023=2023-09-13",
    ),
    // two days joined by "and" form a range; a count after "and" does not
    (
        "2023-09-14",
        "the summit on April 24 and 25, 1999",
        "April 24 and 25, 1999=1999-04-24..1999-04-25",
    ),
    (
        "2023-09-14",
        "killed on May 3 and 40 others hurt",
        "May 3=2023-05-03",
    ),
    (
        "2023-09-14",
        "September 12-17",
        "September 12-17=2023-09-12..2023-09-17",
    ),
    (
        "2023-09-14",
        "on March 3 next year",
        "March 3 next year=2024-03-03",
    ),
    ("", "on September 12", "September 12=XXXX-09-12"),
    // a sentence's full stop is not part of a date; abbreviations keep their dot
    ("2023-06-14", "It ends on July 1.", "July 1=2023-07-01"),
    (
        "2023-09-14",
        "He becomes chairman, effective Feb. 1.",
        "Feb. 1=2024-02-01",
    ),
    // month_year
    ("2023-09-14", "in September 2023", "September 2023=2023-09"),
    (
        "2023-09-14",
        "in September of 2021",
        "September of 2021=2021-09",
    ),
    (
        "2023-09-14",
        "in January nineteen ninety-seven",
        "January nineteen ninety-seven=1997-01",
    ),
    // month_alone
    (
        "2023-09-14",
        "in early September",
        "early September=2023-09",
    ),
    (
        "2023-09-14",
        "In January, the company sold its unit.",
        "January=2023-01",
    ),
    // a spoken date, and "two thousand" as a count
    (
        "2023-03-02",
        "sales in the March second-quarter report",
        "March=2023-03 | second-quarter=2022-Q2",
    ),
    ("", "in September", "September=XXXX-09"),
    // a sentence's full stop is not part of a date; abbreviations keep their dot
    ("2023-06-14", "It ended in July.", "July=2023-07"),
    (
        "2023-09-14",
        "The talks are supposed to conclude by May.",
        "May=2024-05",
    ),
    (
        "2023-09-14",
        "The split would be paid in January. It would have been paid in January.",
        "January=2024-01 | January=2023-01",
    ),
    // weekday_alone
    // two days joined by "and" form a range; a count after "and" does not
    ("2023-09-14", "as early as Tuesday", "Tuesday=2023-09-19"),
    (
        "2023-09-14",
        "the talks, set to resume as soon as Monday",
        "Monday=2023-09-18",
    ),
    ("2024-01-01", "It opened on Monday.", "Monday=2024-01-01"),
    ("2024-01-01", "It opened on Sunday.", "Sunday=2023-12-31"),
    ("2024-01-01", "It will open on Sunday.", "Sunday=2024-01-07"),
    (
        "2023-09-14",
        "Friday evening",
        "Friday evening=2023-09-08TEV",
    ),
    (
        "2023-09-14",
        "Until Thursday, they had not named him.",
        "Thursday=2023-09-14",
    ),
    (
        "2023-09-14",
        "He said he would travel Saturday.",
        "Saturday=2023-09-16",
    ),
    (
        "2023-09-14",
        "they would appeal Wednesday's ruling",
        "Wednesday=2023-09-13",
    ),
    (
        "2023-09-14",
        "On Tuesday, the league plans to hold a news conference.",
        "Tuesday=2023-09-19",
    ),
    (
        "2023-09-14",
        "they signed a cooperation plan Monday",
        "Monday=2023-09-11",
    ),
    ("", "on Wednesday", "Wednesday=XXXX-WXX-3"),
    (
        "2023-09-14",
        "Talks are set to resume Monday in Belfast.",
        "Monday=2023-09-18",
    ),
    (
        "2023-09-14",
        "The two leaders meet Monday in Paris.",
        "Monday=2023-09-18",
    ),
    (
        "2023-09-14",
        "He is to resume trading Tuesday.",
        "Tuesday=2023-09-19",
    ),
    ("2023-09-14", "The leaders met Monday.", "Monday=2023-09-11"),
    // month_relative_year
    ("2023-09-14", "in June last year", "June last year=2022-06"),
    // not dates
    ("2023-09-14", "he may go", ""),
    ("2023-09-14", "May I ask?", ""),
    ("2023-09-14", "a protest march", ""),
    ("2023-09-14", "the March for Life", ""),
    ("2023-09-14", "the Sun reported", ""),
    ("2023-09-14", "Wed Smith", ""),
    ("2023-09-14", "in the march of time", ""),
];
