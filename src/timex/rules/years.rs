//! Years, decades and centuries: "2019", "in '99", "1990-91", "the 1990s", "the '80s",
//! "the nineties", "nineteen ninety-six", "fiscal 1989", "FY2023"; and the year that may
//! follow a month or a part of a year (", 2023", "of 2023", "last year").

use super::{first_of, found, named, rules, year_parts, Match, Toks};
use crate::timex::lexicon::{Lex, Unit, W};
use crate::timex::resolve::Expr;
use crate::timex::scan::Kind;

/// A four-digit year at `i` that reads as a year (not "$1990", "1990s", "2019.5", "1,990").
pub(super) fn year4(t: &Toks, i: usize) -> Option<i32> {
    let (v, nd) = t.number(i)?;
    if nd != 4 || !(1000..=2999).contains(&v) || !t.lone_num(i) {
        return None;
    }
    if t.glued(i) && i > 0 {
        let pt = &t.t[i - 1];
        if pt.kind != Kind::Punct || matches!(pt.ch, b'$' | b'#' | b'/' | b'.' | b',') {
            return None;
        }
    }
    if t.glued(i + 1) {
        match t.t.get(i + 1) {
            Some(x) if x.kind == Kind::Word || x.ch == b'%' || x.ch == b'/' => return None,
            _ => {}
        }
    }
    Some(v as i32)
}

/// Where a phrase ends with or without the year that may follow token `k`, and the
/// year.
pub(super) fn maybe_year_after(t: &Toks, k: usize) -> (usize, Option<i32>) {
    match year_after(t, k) {
        Some((e, y)) => (e, Some(y)),
        None => (k, None),
    }
}

/// An optional year after a month/quarter/season: ", 2023", "2023", "of 2023", "fiscal
/// 2023", "nineteen ninety-seven".
pub(super) fn year_after(t: &Toks, k: usize) -> Option<(usize, i32)> {
    let mut j = k;
    if t.punct(j, b',') || t.is(j, W::Of) {
        j += 1;
    }
    if t.is(j, W::Fiscal) {
        j += 1;
    }
    let Some(y) = year4(t, j) else {
        // broadcast transcripts: "January nineteen ninety-seven"
        return spelled_year(t, j);
    };
    // "May 1990-91": a span of years is no year of the month
    if t.glued(j + 1) && t.punct(j + 1, b'-') && t.number(j + 2).is_some() {
        return None;
    }
    Some((j + 1, y))
}

/// "last year", "this year", "next year" after a month: (end, year offset).
pub(super) fn relative_year_after(t: &Toks, k: usize) -> Option<(usize, i32)> {
    let n = match t.word(k)? {
        W::Last => -1,
        W::This => 0,
        W::Next => 1,
        _ => return None,
    };
    (t.unit(k + 1) == Some(Unit::Year)).then_some((k + 2, n))
}

/// "of last year", "of this year" (`Some(offset)`), "of the year" (`None`: the year the
/// tense picks): the year a part belongs to, as (end, offset).
pub(super) fn relative_year_of(t: &Toks, k: usize) -> Option<(usize, Option<i32>)> {
    if !t.is(k, W::Of) {
        return None;
    }
    if let Some((e, n)) = relative_year_after(t, k + 1) {
        return Some((e, Some(n)));
    }
    let the_year = t.is(k + 1, W::The)
        && t.unit(k + 2) == Some(Unit::Year)
        && !t.punct(k + 3, b'-')
        && !t.punct(k + 3, b'\'');
    the_year.then_some((k + 3, None))
}

/// Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand".
pub(super) fn spelled_year(t: &Toks, i: usize) -> Option<(usize, i32)> {
    let hi = match t.lex(i)? {
        Lex::Num(v) => v,
        _ => return None,
    };
    if hi == 2 && t.is(i + 1, W::Million) && t.spelled(i + 1, "thousand") {
        // "two thousand years", "two thousand people": a count
        // (but "the year two thousand has ...")
        let counted = t.units(i + 2).is_some()
            || (t.unit(i.wrapping_sub(1)) != Some(Unit::Year)
                && t.t
                    .get(i + 2)
                    .is_some_and(|x| x.kind == Kind::Word && !x.cap && x.lex.is_none() && x.sp));
        return (!counted).then_some((i + 2, 2000));
    }
    if !(11..=20).contains(&hi) {
        return None;
    }
    let tens = match t.lex(i + 1)? {
        Lex::Num(n) if (10..=90).contains(&n) => n,
        _ => return None,
    };
    let mut e = i + 2;
    let mut lo = tens;
    if tens >= 20 && tens % 10 == 0 && t.punct(e, b'-') && t.glued(e) {
        if let Some(Lex::Num(u)) = t.lex(e + 1) {
            if u < 10 {
                lo += u;
                e += 2;
            }
        }
    }
    if !(tens >= 20 && tens % 10 == 0 || (10..=19).contains(&tens)) {
        return None;
    }
    Some((e, (hi * 100 + lo) as i32))
}

/// "nineteen ninety-six", "the year two thousand" on their own.
pub(super) fn spelled_year_alone(t: &Toks, i: usize) -> Option<Match> {
    let (e, y) = spelled_year(t, i)?;
    found(i, e, Expr::Year(y))
}

/// "the nineties", "the early eighties": a decade of the 1900s.
pub(super) fn decade_word(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::DecadeW(d)) = t.lex(i) else {
        return None;
    };
    if matches!(t.word_before(i), Some(W::Early | W::Late | W::Mid | W::The)) {
        return found(i, i + 1, Expr::Decade(190 + d as i32));
    }
    None
}

/// "1990s", "1990's" (a decade), "1800s" (a century); "the 2000s" written in the 21st
/// century is its first decade (see [`own_century_decade`]).
pub(super) fn decade_in_digits(t: &Toks, i: usize) -> Option<Match> {
    let (v, nd) = t.number(i)?;
    if !(nd == 4 && (1000..=2999).contains(&v) && v % 10 == 0 && t.lone_num(i)) {
        return None;
    }
    let k = i + 1;
    let s_glued = t.glued(k) && t.spelled(k, "s");
    let s_apos = t.glued(k) && t.punct(k, b'\'') && t.glued(k + 1) && t.spelled(k + 1, "s");
    if !(s_glued || s_apos) {
        return None;
    }
    let e = if s_glued { k + 1 } else { k + 2 };
    let y = v as i32;
    let x = if y % 100 == 0 && !own_century_decade(t, y) {
        Expr::Century(y / 100)
    } else {
        Expr::Decade(y / 10)
    };
    found(i, e, x)
}

/// "the 2000s" (or "the mid-2000s") written in 2013: nobody names the century they live in
/// by its hundreds, so the hundreds-plural of the century of writing is its first decade
/// (the noughties); "the 1800s" and, written now, "the 1900s" stay centuries.
fn own_century_decade(t: &Toks, y: i32) -> bool {
    t.year().is_some_and(|r| (y..y + 100).contains(&r))
}

/// A four-digit number that reads as a year: "the 1988 third quarter", "the 1989 period",
/// "1990-91", "in 1850", "2019".
pub(super) fn year_in_digits(t: &Toks, i: usize) -> Option<Match> {
    first_of(
        t,
        i,
        rules![
            year_parts::year_then_ordinal_part,
            super::reports::the_year_quarter,
            year_alone
        ],
    )
}

/// Where the year after year `y` at `i` ends when a hyphen or slash joins it to `y`
/// ("1946-47", "2010/11", "2012-2013"; "1999-00" closes a century).
pub(super) fn next_year_after(t: &Toks, i: usize, y: i32) -> Option<usize> {
    let k = i + 1;
    if !((t.punct(k, b'-') || t.punct(k, b'/')) && t.glued(k) && t.glued(k + 1)) {
        return None;
    }
    let (v2, nd2) = t.number(k + 1)?;
    let y2 = match nd2 {
        2 => (y / 100) * 100 + v2 as i32,
        4 => v2 as i32,
        _ => return None,
    };
    let y2 = if y2 < y && nd2 == 2 { y2 + 100 } else { y2 };
    (y2 == y + 1 && !(t.glued(k + 2) && t.number(k + 3).is_some())).then_some(k + 2)
}

/// "the 2010-11 winter": a winter after the two years it spans is the one named for its
/// January, in the second year.
fn winter_after_two_years(t: &Toks, i: usize, y: i32) -> Option<Match> {
    let e = next_year_after(t, i, y)?;
    if t.lex(e) != Some(Lex::Season(3)) {
        return None;
    }
    found(
        i,
        e + 1,
        Expr::YearPart {
            y: Some(y + 1),
            p: crate::timex::resolve::YP::S(3),
        },
    )
}

/// "1990-91", "1990-1995": a span of years.
fn year_span(t: &Toks, i: usize, y: i32) -> Option<Option<Match>> {
    if let Some(m) = winter_after_two_years(t, i, y) {
        return Some(named("winter_of_two_years", Some(m)));
    }
    let k = i + 1;
    if !(t.punct(k, b'-') && t.glued(k) && t.glued(k + 1)) {
        return None;
    }
    let (v2, nd2) = t.number(k + 1)?;
    let y2 = match nd2 {
        2 => (y / 100) * 100 + v2 as i32,
        4 => v2 as i32,
        _ => 0,
    };
    if y2 > y && y2 - y <= 20 {
        return Some(Some(Match {
            s: i,
            e: k + 2,
            x: Expr::Year(y),
            end: Some(Expr::Year(y2)),
            mid: None,
            rule: "",
        }));
    }
    Some(None)
}

/// "2012/13", "2012/2013": two years in a row joined by a slash, as British writing names a
/// season, a school or tax year, are the span of the two (as "2012-13" is); only the next
/// year after the slash ("2012/14" and "2011/12/05" are something else).
pub(super) fn year_pair_with_slash(t: &Toks, i: usize) -> Option<Match> {
    let (v, nd) = t.number(i)?;
    if nd != 4 || !(1900..=2099).contains(&v) || !t.punct(i + 1, b'/') {
        return None;
    }
    let y = v as i32;
    if let Some(m) = winter_after_two_years(t, i, y) {
        return named("winter_of_two_years", Some(m));
    }
    let e = next_year_after(t, i, y)?;
    // not one part of a longer run ("2012/13/14", "a/2012/13", "2012/13%")
    let run_after = t.glued(e)
        && t.t
            .get(e)
            .is_some_and(|x| x.kind != Kind::Punct || matches!(x.ch, b'/' | b'-' | b'%'));
    let run_before = i > 0
        && t.glued(i)
        && t.t.get(i - 1).is_some_and(|x| {
            x.kind != Kind::Punct || matches!(x.ch, b'/' | b'-' | b'.' | b'$' | b'#')
        });
    if run_after || run_before {
        return None;
    }
    Some(Match {
        s: i,
        e,
        x: Expr::Year(y),
        end: Some(Expr::Year(y + 1)),
        mid: None,
        rule: "",
    })
}

/// A year on its own: any year 1900–2099, others after a preposition or time word ("since
/// 1850"); not an amount ("1990 million", "2000 years"), not part of a name ("Orion
/// 1980"), not the end of a run of numbers ("1,2019").
fn year_alone(t: &Toks, i: usize) -> Option<Match> {
    let y = year4(t, i)?;
    let k = i + 1;
    if t.is(k, W::Million) || t.is(k, W::Percent) || t.units(k).is_some() {
        return None;
    }
    if let Some(m) = year_span(t, i, y) {
        return m;
    }
    // "Orion 1980", "Windows 2000": part of a name ("the 1996 Olympic bombing" is a date,
    // though); but the year of an event named by an acronym or an event noun is its date
    // ("WWDC 2005", "Worldwide Developers Conference 2010", "Euro 2012" is not read)
    let name_before = i > 0
        && t.capital(i - 1)
        && t.t[i - 1].kind == Kind::Word
        && t.t[i - 1].lex.is_none()
        && !t.t[i].nl;
    if name_before && !event_name_before(t, i) {
        return None;
    }
    let bare_ok = (1900..=2099).contains(&y);
    let ctx_ok = matches!(
        t.word_before(i),
        Some(
            W::In
                | W::Since
                | W::By
                | W::Until
                | W::From
                | W::To
                | W::Of
                | W::During
                | W::Between
                | W::And
                | W::Before
                | W::After
                | W::Fiscal
                | W::Early
                | W::Late
                | W::Mid
        )
    ) || (i > 0 && t.punct(i - 1, b'-'));
    if !(bare_ok || ctx_ok) {
        return None;
    }
    // A year that is really one number in a list or a table cell run ("1,2019").
    let ends_num_list = i > 0 && t.glued(i) && t.t[i - 1].kind != Kind::Punct;
    if ends_num_list {
        return None;
    }
    found(i, i + 1, Expr::Year(y))
}

/// The capitalised word before the year at `i` names an event held that year: an acronym
/// ("WWDC", "CES") or an event noun ("Conference", "Summit", "Olympics", "Cup").
fn event_name_before(t: &Toks, i: usize) -> bool {
    const EVENTS: [&str; 16] = [
        "conference",
        "summit",
        "congress",
        "convention",
        "forum",
        "expo",
        "exhibition",
        "festival",
        "games",
        "olympics",
        "cup",
        "championship",
        "championships",
        "awards",
        "election",
        "elections",
    ];
    let w = t.spelling(i - 1);
    let acronym = w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    acronym || EVENTS.iter().any(|e| w.eq_ignore_ascii_case(e))
}

/// "'90s" (a decade), "in '99" (a year, after a preposition).
pub(super) fn apostrophe_year(t: &Toks, i: usize) -> Option<Match> {
    let (v, nd) = t.number(i + 1)?;
    if nd != 2 || !t.glued(i + 1) || (i > 0 && t.glued(i)) {
        return None;
    }
    if t.glued(i + 2) && t.spelled(i + 2, "s") {
        if v % 10 != 0 {
            return None;
        }
        let start = crate::calendar::decade_start(v, t.year());
        return found(i, i + 3, Expr::Decade(start / 10));
    }
    // "'99ers" is no year; "in '99." and "in '99," are
    if t.glued(i + 2) && t.t.get(i + 2).is_some_and(|x| x.kind != Kind::Punct) {
        return None;
    }
    if matches!(
        t.word_before(i),
        Some(W::In | W::Since | W::Of | W::By | W::Until)
    ) {
        return found(
            i,
            i + 2,
            Expr::Year(crate::calendar::full_year(v, t.year())),
        );
    }
    None
}

/// "fiscal 1989", "fiscal year 1990 first quarter", "FY2023", "FY23", "fiscal third
/// quarter".
pub(super) fn fiscal_year(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    if t.unit(k) == Some(Unit::Year) {
        k += 1;
    }
    // "FY2023", "FY23": a year glued to the abbreviation
    let glued = match t.number(k) {
        Some((v, nd))
            if t.t[i].len() == 2
                && t.glued(k)
                && !(t.glued(k + 1) && t.t.get(k + 1).is_some_and(|x| x.kind != Kind::Punct)) =>
        {
            match nd {
                2 => Some(crate::calendar::full_year(v, t.year())),
                4 if (1900..=2099).contains(&v) => Some(v as i32),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(y) = glued.or_else(|| year4(t, k)) {
        if let Some(m) = year_parts::ordinal_part_of_year(t, i, k + 1, y) {
            return Some(m);
        }
        return found(i, k + 1, Expr::Year(y));
    }
    let m = t.match_at(k)?;
    matches!(m.x, Expr::YearPart { .. }).then_some(m.from(i))
}

/// "the nineties", "the eighties" from "the".
pub(super) fn the_decade_word(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::DecadeW(d)) = t.lex(i + 1) else {
        return None;
    };
    found(i, i + 2, Expr::Decade(190 + d as i32))
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // own_century_decade: "the 2000s" written in its century is its first decade (round 10)
    (
        "2013-09-10",
        "The boom of the 2000s ended; in the mid-2000s it grew; the 1800s were long.",
        "the 2000s=200 | the mid-2000s=200 | the 1800s=18",
    ),
    ("2013-09-10", "Life in the 1900s was hard.", "the 1900s=19"),
    (
        "1999-05-01",
        "Computers of the 2000s will be fast.",
        "the 2000s=20",
    ),
    // year_pair_with_slash: a year and the next joined by a slash are their span, as
    // "2012-13" is (round 9)
    (
        "2013-05-10",
        "He scored 20 goals in the 2012/13 season; the 2011/2012 budget was cut.",
        "2012/13=2012..2013 | 2011/2012=2011..2012",
    ),
    (
        "2013-05-10",
        "Case 2012/14 was filed on 2011/12/05 and 1999/00 was a bad season.",
        "2011/12/05=2011-12-05 | 1999/00=1999..2000",
    ),
    // year_alone
    ("2023-09-14", "in 2019 the plant closed", "2019=2019"),
    ("2023-09-14", "since 1850", "1850=1850"),
    ("2023-09-14", "by 2050", "2050=2050"),
    ("2023-09-14", "by mid-2022", "mid-2022=2022"),
    ("2023-09-14", "at the end of 2021", "end of 2021=2021"),
    ("2023-09-14", "the 2019-21 period", "2019-21=2019..2021"),
    // decade_in_digits
    ("2023-09-14", "in the 1990s", "the 1990s=199"),
    ("2023-09-14", "in the 1990's", "the 1990's=199"),
    ("2023-09-14", "in the late 1970s", "the late 1970s=197"),
    ("2023-09-14", "the 1800s", "the 1800s=18"),
    // the_decade_word
    ("2023-09-14", "in the nineties", "the nineties=199"),
    // spelled_year_alone
    (
        "2023-09-14",
        "in nineteen ninety-six",
        "nineteen ninety-six=1996",
    ),
    // fiscal_year
    ("2023-09-14", "fiscal 1989", "fiscal 1989=1989"),
    // not dates
    ("2023-11-02", "a joint venture called Orion 1980", ""),
    ("2023-09-14", "it cost $2019", ""),
    ("2023-09-14", "1,990 troops", ""),
    ("2023-09-14", "room 2019b", ""),
    // apostrophe_year, fiscal_year, numeric_date: a two-digit year is the one in the
    // hundred years that end 20 after the reference year; a decade so named has begun
    (
        "1998-05-01",
        "It has grown since '87 and will double by '15.",
        "'87=1987 | '15=2015",
    ),
    (
        "1998-05-01",
        "He came in '29, before the crash.",
        "'29=1929",
    ),
    ("2023-09-14", "the jazz of the '30s", "the '30s=193"),
    ("1998-05-01", "the flappers of the '20s", "the '20s=192"),
    (
        "1989-11-01",
        "FY90 profit will rise; FY89 fell.",
        "FY90=1990 | FY89=1989",
    ),
    (
        "2023-09-14",
        "Filed on 9/12/23 and 3/5/89.",
        "9/12/23=2023-09-12 | 3/5/89=1989-03-05",
    ),
    // year_alone: the year of an event named by an acronym or an event noun (issue 18)
    (
        "2010-06-08",
        "Jobs spoke at WWDC 2010 and the Developers Conference 2009; Windows 2000 is old.",
        "2010=2010 | 2009=2009",
    ),
];
