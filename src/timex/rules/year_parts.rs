//! Parts of a year: quarters ("the third quarter of 2022", "third-quarter", "Q3 2023"),
//! halves ("the first half", "H1 2024", "the last half of 1989"), seasons ("spring 2020",
//! "in the fall"), centuries by ordinal ("the twentieth century"), and the year's end
//! ("year-end", "the year's end").

use super::years::{maybe_year_after, relative_year_after, relative_year_of, year_after};
use super::{amounts, found, named, relative, Match, Toks};
use crate::timex::lexicon::{Lex, Unit, W};
use crate::timex::resolve::{Expr, YP};
use crate::timex::scan::Kind;

/// An ordinal `n` at token `i` and what it counts: "third quarter", "first half",
/// "twentieth century"; "the eighth day of" (the reference day); "first nine months" (an
/// amount).
pub(super) fn ordinal_part(t: &Toks, i: usize, n: u32) -> Option<Match> {
    named(
        "ordinal_quarter_half_century",
        ordinal_quarter_half_century(t, i, n),
    )
    .or_else(|| named("nth_day_of", relative::nth_day_of(t, i)))
    .or_else(|| named("first_n_units", amounts::first_n_units(t, i, n)))
}

/// "third quarter", "first half", "the first half of last year", "the third quarter of
/// the year", "twentieth century"; "the second fiscal quarter" (business copy puts
/// "fiscal" on either side of the ordinal: "the fiscal second quarter").
fn ordinal_quarter_half_century(t: &Toks, i: usize, n: u32) -> Option<Match> {
    let mut k = i + 1;
    if t.punct(k, b'-') && t.glued(k) {
        k += 1;
    }
    if t.is(k, W::Fiscal) && (t.unit(k + 1) == Some(Unit::Quarter) || t.is(k + 1, W::Half)) {
        k += 1;
    }
    let p = match t.lex(k) {
        Some(Lex::Unit(Unit::Quarter)) if (1..=4).contains(&n) => YP::Q(n),
        Some(Lex::Word(W::Half)) if (1..=2).contains(&n) => {
            if let Some(m) = named("half_of_a_month", half_of_a_month(t, i, k + 1)) {
                return Some(m);
            }
            YP::H(n)
        }
        Some(Lex::Unit(Unit::Century)) if (1..=30).contains(&n) => {
            return found(i, k + 1, Expr::Century(n as i32 - 1));
        }
        _ => return None,
    };
    let (e, y) = maybe_year_after(t, k + 1);
    year_part_of(t, i, e, y, p)
}

/// "the second half of May", "the first half of June 2014", "the last half of March": a half
/// of a month is that month, as "early June" is June (TIMEX3 leaves the part to `mod`), not
/// a half of the year; `k` is the token after "half".
fn half_of_a_month(t: &Toks, i: usize, k: usize) -> Option<Match> {
    if !t.is(k, W::Of) {
        return None;
    }
    let m = t.match_at(k + 1)?;
    (m.end.is_none() && super::month_ish(&m.x)).then_some(Match {
        s: i,
        rule: "",
        ..m
    })
}

/// Year part `p` from token `i` to `e`, of year `y`; without a year, of the year named
/// after it ("the first half of last year", "the third quarter of the year") if any.
fn year_part_of(t: &Toks, i: usize, e: usize, y: Option<i32>, p: YP) -> Option<Match> {
    if y.is_none() {
        match relative_year_of(t, e) {
            Some((e, Some(n))) => return found(i, e, Expr::RelYearPart { n, p: Some(p) }),
            Some((e, None)) => return found(i, e, Expr::YearPart { y, p }),
            None => {}
        }
    }
    found(i, e, Expr::YearPart { y, p })
}

/// "3rd quarter", "20th century": an ordinal in digits.
pub(super) fn numbered_ordinal(t: &Toks, i: usize) -> Option<Match> {
    let (v, _) = t.number(i)?;
    if !t.ordinal_suffix(i + 1) {
        return None;
    }
    Some(ordinal_part(t, i + 1, v)?.from(i))
}

/// "twenty-first century": a compound ordinal in words.
pub(super) fn compound_ordinal(t: &Toks, i: usize) -> Option<Match> {
    let Some(Lex::Num(v)) = t.lex(i) else {
        return None;
    };
    if !((20..=90).contains(&v) && t.punct(i + 1, b'-') && t.glued(i + 2)) {
        return None;
    }
    match t.lex(i + 2) {
        Some(Lex::Ord(o)) if o < 10 => Some(ordinal_part(t, i + 2, v + o)?.from(i)),
        _ => None,
    }
}

/// "fiscal 1990 first quarter", "the 1988 third quarter", "2011's first quarter": an
/// ordinal part after its year (or the year's possessive, as "this year's third quarter"
/// is read), the phrase starting at `s` and the ordinal at `k`.
pub(super) fn ordinal_part_of_year(t: &Toks, s: usize, k: usize, y: i32) -> Option<Match> {
    let k = if t.apostrophe_s(k) { k + 2 } else { k };
    let n = match t.lex(k)? {
        Lex::Ord(n) => n,
        Lex::Unit(Unit::Second) => 2,
        _ => return None,
    };
    let m = ordinal_part(t, k, n)?;
    match m.x {
        Expr::YearPart { y: None, p } => found(s, m.e, Expr::YearPart { y: Some(y), p }),
        _ => None,
    }
}

/// "1988 third quarter" read from the year.
pub(super) fn year_then_ordinal_part(t: &Toks, i: usize) -> Option<Match> {
    let y = super::years::year4(t, i)?;
    ordinal_part_of_year(t, i, i + 1, y)
}

/// "Q3", "Q3 2023".
pub(super) fn q_quarter(t: &Toks, i: usize) -> Option<Match> {
    let (q, nd) = t.number(i + 1)?;
    if !t.glued(i + 1) || nd != 1 || !(1..=4).contains(&q) || t.glued(i + 2) {
        return None;
    }
    let (e, y) = maybe_year_after(t, i + 2);
    found(i, e, Expr::YearPart { y, p: YP::Q(q) })
}

/// "H1 2024", "H2 of 2023": a half, only with its year ("H1" alone is too often
/// something else: a visa, a flu strain).
pub(super) fn h_half(t: &Toks, i: usize) -> Option<Match> {
    let (h, nd) = t.number(i + 1)?;
    if !t.glued(i + 1) || nd != 1 || !(1..=2).contains(&h) || t.glued(i + 2) {
        return None;
    }
    let (e, y) = year_after(t, i + 2)?;
    found(
        i,
        e,
        Expr::YearPart {
            y: Some(y),
            p: YP::H(h),
        },
    )
}

/// "last half", "first two quarters", "last two quarters": a half of the year named
/// another way; `j` is the word after "the". Returns the end and which half.
pub(super) fn half_named_otherwise(t: &Toks, j: usize) -> Option<(usize, u32)> {
    let h = match t.lex(j)? {
        Lex::Ord(1) => 1,
        Lex::Word(W::Last) => 2,
        _ => return None,
    };
    if h == 2 && t.is(j + 1, W::Half) {
        return Some((j + 2, 2));
    }
    match amounts::count(t, j + 1)? {
        (k, Some(2)) if t.lex(k) == Some(Lex::Units(Unit::Quarter)) => Some((k + 1, h)),
        _ => None,
    }
}

/// "the last half of 1989", "the first two quarters" (not "the last half of the '80s", a
/// half of something else).
pub(super) fn the_half_named_otherwise(t: &Toks, i: usize) -> Option<Match> {
    let (e, h) = half_named_otherwise(t, i + 1)?;
    if let Some(m) = named("half_of_a_month", half_of_a_month(t, i, e)) {
        return Some(m);
    }
    let (e, y) = maybe_year_after(t, e);
    if y.is_some() || !t.is(e, W::Of) {
        return found(i, e, Expr::YearPart { y, p: YP::H(h) });
    }
    None
}

/// "the final quarter of 2009", "the last quarter of last year", "the final half", "the
/// final quarter" (the fourth, its year picked as for "the fourth quarter"); not "the last
/// quarter" alone, which is the one before the current one.
pub(super) fn the_final_part_of_a_year(t: &Toks, i: usize) -> Option<Match> {
    let j = i + 1;
    let last = t.is(j, W::Last);
    if !(last || t.is(j, W::Final)) {
        return None;
    }
    let p = match t.lex(j + 1)? {
        Lex::Unit(Unit::Quarter) => YP::Q(4),
        Lex::Word(W::Half) => YP::H(2),
        _ => return None,
    };
    let (e, y) = maybe_year_after(t, j + 2);
    if y.is_some() {
        return found(i, e, Expr::YearPart { y, p });
    }
    match relative_year_of(t, e) {
        Some((e, Some(n))) => found(i, e, Expr::RelYearPart { n, p: Some(p) }),
        Some((e, None)) => found(i, e, Expr::YearPart { y, p }),
        None if !last => found(i, e, Expr::YearPart { y, p }),
        None => None,
    }
}

/// "this year's third quarter", "next year's first half", "last year's quarter"; `k` is
/// the token "year", `n` the year's offset from the reference.
pub(super) fn year_s_part(t: &Toks, i: usize, k: usize, n: i32) -> Option<Match> {
    if !t.apostrophe_s(k + 1) {
        return None;
    }
    let j = k + 3;
    let ord = match t.lex(j)? {
        Lex::Ord(o) => Some(o),
        Lex::Unit(Unit::Second) => Some(2),
        Lex::Unit(Unit::Quarter) => None,
        Lex::Word(W::Period) => None,
        _ => return None,
    };
    match ord {
        Some(o) => match ordinal_part(t, j, o)?.x {
            Expr::YearPart { y: None, p } => {
                let m = ordinal_part(t, j, o)?;
                found(i, m.e, Expr::RelYearPart { n, p: Some(p) })
            }
            _ => None,
        },
        None => found(i, j + 1, Expr::RelYearPart { n, p: None }),
    }
}

/// "In 2009, ... By the autumn, it was over": a season named as a time phrase of its own
/// ("in/by/during/over the autumn" before a phrase boundary, not "the spring catwalks"),
/// with no year and in a clause that does not look ahead, is in the year the story is
/// telling of when the last date named was a year stated at the head of its sentence ("In
/// 2009, ...", "In March 2005 ..."; `framed`) and that year is not the year of writing's:
/// as "that autumn" is. `s..e` are the season phrase's tokens.
pub(crate) fn season_in_stated_year(
    t: &Toks,
    x: &Expr,
    s: usize,
    e: usize,
    framed: Option<i32>,
    tense: crate::timex::resolve::Tense,
) -> Option<Expr> {
    let Expr::YearPart {
        y: None,
        p: YP::S(_),
    } = x
    else {
        return None;
    };
    let y = framed?;
    if tense == crate::timex::resolve::Tense::Future || t.year == Some(y) {
        return None;
    }
    // "in the autumn": the article before the season, a preposition before it
    let the = if t.is(s, W::The) {
        s
    } else {
        s.checked_sub(1)?
    };
    let prep = the.checked_sub(1)?;
    let time_prep = matches!(
        t.word(prep),
        Some(W::In | W::By | W::During | W::Over | W::Until | W::Through)
    );
    (t.is(the, W::The) && time_prep && relative::closes_time_phrase(t, e))
        .then(|| Expr::InAnchorYear(Box::new(x.clone())))
}

/// "the winter of 1946-47", "winter 2010/11": a winter named by the two years it spans is
/// the one named for its January, in the second year (the year alone would be read as a
/// span and the season apart, in the year of writing).
fn winter_of_two_years(t: &Toks, i: usize, s: u8) -> Option<Match> {
    if s != 3 {
        return None;
    }
    let k = if t.is(i + 1, W::Of) { i + 2 } else { i + 1 };
    // (not `year4`, which refuses a year glued to a slash)
    let y = match t.number(k)? {
        (v, 4) if (1000..=2999).contains(&v) => v as i32,
        _ => return None,
    };
    let e = super::years::next_year_after(t, k, y)?;
    found(
        i,
        e,
        Expr::YearPart {
            y: Some(y + 1),
            p: YP::S(3),
        },
    )
}

/// "spring last year", "the summer of last year", "autumn next year": a season in a year
/// counted from the time of writing is one expression, as "June last year" is (read apart,
/// the season took the year its tense picks and "last year" was a second date).
fn season_in_counted_year(t: &Toks, i: usize, s: u8) -> Option<Match> {
    let (e, n) = match relative_year_of(t, i + 1) {
        Some((e, Some(n))) => (e, n),
        Some((_, None)) => return None,
        None => relative_year_after(t, i + 1)?,
    };
    found(
        i,
        e,
        Expr::RelYearPart {
            n,
            p: Some(YP::S(s)),
        },
    )
}

/// "spring/summer 2014", "autumn-winter 2013", "fall/winter '13": two seasons in a row
/// joined by a slash or hyphen before a year, as the fashion trade names the half-year a
/// collection is for (also with a two-digit year, "spring/summer 14"), are one range from the
/// first season to the second. The winter after an autumn is the one named for the next
/// January, as the engine names winters.
fn season_pair_with_year(t: &Toks, i: usize, s: u8) -> Option<Match> {
    let k = i + 1;
    // glued, or spaced as tokenised text writes it ("autumn / winter 2013")
    if !(t.punct(k, b'/') || (t.punct(k, b'-') && t.glued(k) && t.glued(k + 1))) {
        return None;
    }
    let Some(Lex::Season(s2)) = t.lex(k + 1) else {
        return None;
    };
    // spring then summer, autumn then winter: the trade's two halves of a year
    if !matches!((s, s2), (0, 1) | (2, 3)) {
        return None;
    }
    let (e, y) = match year_after(t, k + 2) {
        Some((e, y)) => (e, y),
        _ => short_year_after(t, k + 2)?,
    };
    Some(trade_half(i, e, s, y))
}

/// The fashion trade's half-year from token `s` to `e`: spring to summer (`first` 0) or
/// autumn to the winter named for the next January (`first` 2) of year `y`.
fn trade_half(s: usize, e: usize, first: u8, y: i32) -> Match {
    Match {
        s,
        e,
        x: Expr::YearPart {
            y: Some(y),
            p: YP::S(first),
        },
        end: Some(Expr::YearPart {
            y: Some(if first == 2 { y + 1 } else { y }),
            p: YP::S(first + 1),
        }),
        mid: None,
        rule: "",
    }
}

/// "SS14", "AW13", "FW2015", "SS 2014", "the SS15 collections": the fashion trade's
/// abbreviations of its two halves of a year (spring/summer, autumn/winter, fall/winter),
/// in capitals with a two- or four-digit year glued on, or a four-digit year after a space,
/// read as "spring/summer 2014" is. Not "SS-20" (a hyphen: a missile's name), "AW139" (three
/// digits: an aircraft) or "SS14b".
pub(super) fn trade_season_code(t: &Toks, i: usize) -> Option<Match> {
    let first = match t.spelling(i) {
        "SS" => 0,
        "AW" | "FW" => 2,
        _ => return None,
    };
    let k = i + 1;
    let y = trade_code_year(t, k, t.glued(k))?;
    Some(trade_half(i, k + 1, first, y))
}

/// The year of a trade-season code at `k`: four digits, or two where `two_digits` allows
/// (glued to "SS", or after a slashed code); nothing glued after it ("SS14b", "SS-20").
fn trade_code_year(t: &Toks, k: usize, two_digits: bool) -> Option<i32> {
    let (v, nd) = t.number(k)?;
    let y = match nd {
        2 if two_digits => crate::calendar::full_year(v, t.year()),
        4 if (1900..=2099).contains(&v) => v as i32,
        _ => return None,
    };
    let glued_on = t.glued(k + 1)
        && t.t
            .get(k + 1)
            .is_some_and(|x| x.kind != Kind::Punct || matches!(x.ch, b'-' | b'%' | b'/'));
    (!glued_on && t.lone_num(k)).then_some(y)
}

/// "S/S 14", "A/W13", "F/W 2015": the trade's half-year codes written with a slash, as
/// "SS14" is read; the slash makes the code plain, so a two-digit year may stand apart.
pub(super) fn trade_season_slash(t: &Toks, i: usize) -> Option<Match> {
    let first = match (t.spelling(i), t.spelling(i + 2)) {
        ("S", "S") => 0,
        ("A" | "F", "W") => 2,
        _ => return None,
    };
    if !(t.punct(i + 1, b'/') && t.glued(i + 1) && t.glued(i + 2) && t.capital(i + 2)) {
        return None;
    }
    let k = i + 3;
    let y = trade_code_year(t, k, true)?;
    Some(trade_half(i, k + 1, first, y))
}

/// "the summer before", "the winter after": a season before or after the last date named
/// ("The strike began last spring and ended the summer before"); only where the phrase ends
/// there, not "the summer before the election" (before something the text names) nor "the
/// summer before last".
fn season_before_or_after(t: &Toks, i: usize, s: u8) -> Option<Match> {
    let dir = match t.word(i + 1)? {
        W::Before => -1,
        W::After => 1,
        _ => return None,
    };
    if t.word_before(i) != Some(W::The) || !relative::closes_time_phrase(t, i + 2) {
        return None;
    }
    found(i, i + 2, Expr::AnchorSeason { s, dir })
}

/// A two-digit year at `k`, or after an apostrophe there ("14", "'14"; not "14th", "14%",
/// "14,000"): (end, year).
fn short_year_after(t: &Toks, k: usize) -> Option<(usize, i32)> {
    let k = if t.punct(k, b'\'') && t.glued(k + 1) {
        k + 1
    } else {
        k
    };
    let (v, nd) = t.number(k)?;
    let glued_on = t.glued(k + 1)
        && t.t
            .get(k + 1)
            .is_some_and(|x| x.kind != Kind::Punct || x.ch == b'%');
    if nd != 2 || !t.lone_num(k) || glued_on {
        return None;
    }
    Some((k + 1, crate::calendar::full_year(v, t.year())))
}

/// "spring 2020", "the summer of 2019", "this winter" (from the season word), "in the
/// fall" (not the verb "fall", nor the title "the Spring of Life").
pub(super) fn season(t: &Toks, i: usize) -> Option<Match> {
    let s = match t.lex(i)? {
        Lex::Season(s) => s,
        _ => return None,
    };
    if let Some(m) = named("winter_of_two_years", winter_of_two_years(t, i, s)) {
        return Some(m);
    }
    if let Some((e, y)) = year_after(t, i + 1) {
        return found(
            i,
            e,
            Expr::YearPart {
                y: Some(y),
                p: YP::S(s),
            },
        );
    }
    if let Some(m) = named("season_pair_with_year", season_pair_with_year(t, i, s)) {
        return Some(m);
    }
    if t.capital(i)
        && t.is(i + 1, W::Of)
        && t.capital(i + 2)
        && t.lex(i + 2).is_none()
        && !t.after_preposition(i)
    {
        return None; // "the ``Spring of Life'' rallies": a name
    }
    // "the Arab Spring", "Spring Awakening", "The Winter's Tale": a capitalised season
    // inside a sentence with a capitalised name beside it is part of that name
    let name_word = |k: usize| {
        t.t.get(k)
            .is_some_and(|x| x.kind == Kind::Word && x.cap && x.lex.is_none())
    };
    let inside = i > 0 && !t.t[i].nl && !t.punct(i - 1, b'.') && !t.punct(i - 1, b'"');
    if t.capital(i)
        && inside
        && (name_word(i - 1) || name_word(i + 1) || (t.apostrophe_s(i + 1) && name_word(i + 3)))
    {
        return None;
    }
    if s == 2 && t.spelled(i, "fall") {
        // "fall" the verb/noun: a season only after "in the", "this", "last", ...
        let prev2 = i.checked_sub(2).and_then(|j| t.word(j));
        let ok = match t.word_before(i) {
            Some(W::Early | W::Late | W::Mid) => true,
            Some(W::The) => {
                matches!(
                    prev2,
                    Some(W::In | W::By | W::Until | W::Since | W::During | W::Through | W::Over)
                ) && (!matches!(t.word(i + 1), Some(W::Of | W::In))
                    || relative_year_of(t, i + 1).is_some())
            }
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    if let Some(m) = named("season_in_counted_year", season_in_counted_year(t, i, s)) {
        return Some(m);
    }
    if let Some(m) = named("season_before_or_after", season_before_or_after(t, i, s)) {
        return Some(m);
    }
    found(
        i,
        i + 1,
        Expr::YearPart {
            y: None,
            p: YP::S(s),
        },
    )
}

/// "the April-June quarter", "the July-September period", "the January-March period of
/// 2010", "the October-December 2009 quarter", "the January-June half": a part of a year
/// named by its first and last month, as Japanese and wire business copy writes quarters.
/// `m1` is the month at `i`, `k` the token after it (and its dot). A pair that covers a
/// calendar quarter is that quarter (TIMEX3 `2010-Q2`, one expression, not two months);
/// one that covers a calendar half is that half; any other pair within one year before
/// "quarter", "period" or "half" is the range of its months ("the June-August period", a
/// company's own fiscal quarter). Only with the noun: a bare "April-June" is left to the
/// month rules.
pub(super) fn months_as_a_period(t: &Toks, i: usize, m1: u32, k: usize) -> Option<Match> {
    if !t.punct(k, b'-') {
        return None;
    }
    let j = k + 1;
    let m2 = match t.lex(j)? {
        Lex::Month(m) | Lex::MonthAbbr(m) if t.capital(j) => m as u32,
        _ => return None,
    };
    let mut e = j + 1;
    if matches!(t.lex(j), Some(Lex::MonthAbbr(_))) && t.punct(e, b'.') && t.glued(e) {
        e += 1;
    }
    // "the April-June 2010 quarter": the year may come before the noun
    let (e, y_before) = match super::years::year4(t, e) {
        Some(y) => (e + 1, Some(y)),
        None => (e, None),
    };
    let half = match t.lex(e)? {
        Lex::Unit(Unit::Quarter) | Lex::Word(W::Period) => false,
        Lex::Word(W::Half) => true,
        _ => return None,
    };
    if m2 <= m1 {
        return None; // "the November-January period": across a year end, left alone
    }
    let months = m2 - m1 + 1;
    let p = match (months, m1) {
        (3, 1 | 4 | 7 | 10) if !half => Some(YP::Q(m1.div_ceil(3))),
        (6, 1 | 7) => Some(YP::H(m1.div_ceil(6))),
        _ => None,
    };
    let (e, y) = match y_before {
        Some(y) => (e + 1, Some(y)),
        None => maybe_year_after(t, e + 1),
    };
    let Some(p) = p else {
        // a range of months, both in the stated year (or the year the reference picks)
        return Some(Match {
            s: i,
            e,
            x: Expr::Date { y, m: m1, d: None },
            end: Some(Expr::Date { y, m: m2, d: None }),
            mid: None,
            rule: "",
        });
    };
    // "the April-June quarter of last year", "... of the year"
    year_part_of(t, i, e, y, p)
}

/// "the June quarter", "its December quarter", "the September 2010 quarter": a quarter
/// named by the month it ends in, as company reports name calendar quarters (only the four
/// months that end one). `m` is the month at `i`, `k` the token after it (and its dot).
pub(super) fn quarter_named_by_its_last_month(
    t: &Toks,
    i: usize,
    m: u32,
    k: usize,
) -> Option<Match> {
    if m % 3 != 0 {
        return None;
    }
    let (e, y) = match super::years::year4(t, k) {
        Some(y) => (k + 1, Some(y)),
        None => (k, None),
    };
    // not "the September quarter-point cut"
    if t.unit(e) != Some(Unit::Quarter) || (t.punct(e + 1, b'-') && t.glued(e + 1)) {
        return None;
    }
    year_part_of(t, i, e + 1, y, YP::Q(m / 3))
}

/// Where "year" is followed by its end: "year-end" (at `i + 2`), "year end", "year's end"
/// (but not "the end of" something).
fn year_end_at(t: &Toks, i: usize) -> Option<usize> {
    let mut k = i + 1;
    if t.punct(k, b'-') && t.glued(k) {
        k += 1;
    } else if t.punct(k, b'\'') && t.spelled(k + 1, "s") {
        k += 2;
    }
    (t.is(k, W::End) && !t.is(k + 1, W::Of)).then_some(k)
}

/// "year-end", "year end", "year's end": the current year (TIMEX3 puts the end in a
/// modifier, as for "the end of the year"); "since year-end" the year before. (A reading
/// of the hyphenated form as December 31, from 2 TimeBank phrases, was dropped in issue 18.)
pub(super) fn year_end(t: &Toks, i: usize) -> Option<Match> {
    let k = year_end_at(t, i)?;
    let since = i > 0 && t.is(i - 1, W::Since);
    found(
        i,
        k + 1,
        Expr::RefShift {
            n: if since { -1 } else { 0 },
            unit: Unit::Year,
            gran: Unit::Year,
        },
    )
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // trade_season_code: the fashion trade's abbreviations of its half-years, as
    // "spring/summer 2014" is read; not a hyphen, three digits or a letter after (round 10)
    (
        "2013-09-10",
        "Her SS14 collection opens in Paris; the AW13 pieces are in shops and FW2015 is next.",
        "SS14=2014-SP..2014-SU | AW13=2013-FA..2014-WI | FW2015=2015-FA..2016-WI",
    ),
    (
        "2013-09-10",
        "Burberry showed its SS 2014 range.",
        "SS 2014=2014-SP..2014-SU",
    ),
    (
        "2013-09-10",
        "The SS-20 missiles, an AW139 helicopter and the form SS14b.",
        "",
    ),
    // trade_season_slash: the codes written with a slash, a two-digit year glued or apart
    // (round 11)
    (
        "2013-09-10",
        "Her S/S 14 collection opens in Paris; the A/W13 pieces are in shops and F/W 2015 is next.",
        "S/S 14=2014-SP..2014-SU | A/W13=2013-FA..2014-WI | F/W 2015=2015-FA..2016-WI",
    ),
    ("2013-09-10", "Grade A/W 3 steel and the S/S 140 valve.", ""),
    // half_of_a_month: a half of a month is the month, not a half of the year (round 10)
    (
        "2013-09-10",
        "Sales fell in the second half of May and rose in the first half of 2012.",
        "second half of May=2013-05 | the first half of 2012=2012-H1",
    ),
    (
        "2013-09-10",
        "Prices peaked in the last half of March.",
        "the last half of March=2013-03",
    ),
    // winter_of_two_years: a winter named by the two years it spans is named for its
    // January (round 9)
    (
        "2013-05-10",
        "He was born in the winter of 1946-47; the 2010-11 winter was harsh, and 2011/12 too.",
        "the winter of 1946-47=1947-WI | the 2010-11 winter=2011-WI | 2011/12=2011..2012",
    ),
    (
        "2013-05-10",
        "It was cold in winter 2010/11.",
        "winter 2010/11=2011-WI",
    ),
    // season_in_counted_year: a season before "last/next year" or "of last year" is one
    // expression, in that year (round 9)
    (
        "2013-05-10",
        "Ma was elected president in spring last year.",
        "spring last year=2012-SP",
    ),
    (
        "2013-05-10",
        "The plant closed in the summer of last year and will reopen in autumn next year.",
        "the summer of last year=2012-SU | autumn next year=2014-FA",
    ),
    (
        "2013-05-10",
        "The plant closed in late spring last year.",
        "late spring last year=2012-SP",
    ),
    (
        "2012-03-21",
        "Revenues fell in the fall of last year and may fall this year.",
        "the fall of last year=2011-FA | this year=2012",
    ),
    // season_pair_with_year: the fashion trade's half-years; the winter after an autumn is
    // named for the next January (round 9)
    (
        "2013-09-10",
        "Designers showed their spring/summer 2014 collections in Paris.",
        "spring/summer 2014=2014-SP..2014-SU",
    ),
    (
        "2013-02-20",
        "Her autumn/winter 2013 collection sold out; fall-winter '13 looks are dark.",
        "autumn/winter 2013=2013-FA..2014-WI | fall-winter '13=2013-FA..2014-WI",
    ),
    (
        "2013-09-10",
        "The spring-summer 14 shows open in September.",
        "spring-summer 14=2014-SP..2014-SU | September=2013-09",
    ),
    // not a trade pair, and no pair without its year
    (
        "2013-09-10",
        "The band toured in summer/autumn 2012.",
        "summer=2013-SU | autumn 2012=2012-FA",
    ),
    // season_before_or_after: the season before or after the last date named, where the
    // phrase ends (not "before the vote", not "before last") (round 9)
    (
        "2013-05-10",
        "The strike began in spring 2012; talks had failed the summer before.",
        "spring 2012=2012-SP | the summer before=2011-SU",
    ),
    (
        "2013-05-10",
        "He fell ill in the spring of 2009 and recovered the winter after, in Spain.",
        "the spring of 2009=2009-SP | the winter after=2010-WI",
    ),
    (
        "2013-05-10",
        "He campaigned hard the summer before the vote.",
        "the summer=2012-SU",
    ),
    // season_in_stated_year: a bare season as a time phrase after a year stated at the
    // head of its sentence is in that year; not after a year in passing, nor looking ahead
    (
        "2012-05-10",
        "In 2009, the band split up. By the autumn, its singer had signed a solo deal.",
        "2009=2009 | the autumn=2009-FA",
    ),
    (
        "2012-05-10",
        "The band split up in 2009. By the autumn, its singer had signed a solo deal.",
        "2009=2009 | the autumn=2011-FA",
    ),
    (
        "2012-05-10",
        "In 2009, the band split up. It will tour again in the autumn.",
        "2009=2009 | the autumn=2012-FA",
    ),
    // months_as_a_period
    (
        "2010-08-05",
        "Its net profit for the April-June quarter rose 20 percent.",
        "the April-June quarter=2010-Q2",
    ),
    (
        "2010-11-10",
        "Exports fell in the July-September period, the ministry said.",
        "the July-September period=2010-Q3",
    ),
    (
        "2010-08-05",
        "The carmaker expects a loss in the October-December quarter.",
        "the October-December quarter=2010-Q4",
    ),
    (
        "2011-05-12",
        "Shipments in the January-March period of 2010 were a record.",
        "the January-March period of 2010=2010-Q1",
    ),
    (
        "2011-05-12",
        "Revenue in the Oct.-Dec. 2009 quarter was flat.",
        "the Oct.-Dec. 2009 quarter=2009-Q4",
    ),
    (
        "2010-08-05",
        "Profit for the January-June half doubled.",
        "the January-June half=2010-H1",
    ),
    (
        "2010-08-05",
        "Sales in the June-August period were weak.",
        "June-August period=2010-06..2010-08",
    ),
    (
        "2010-08-05",
        "The survey ran April-June and found little change.",
        "April=2010-04 | June=2010-06",
    ),
    // ordinal_quarter_half_century
    ("2023-09-14", "the 20th century", "the 20th century=19"),
    (
        "2023-09-14",
        "the twenty-first century",
        "the twenty-first century=20",
    ),
    (
        "2023-09-14",
        "the nineteenth century",
        "the nineteenth century=18",
    ),
    (
        "2023-09-14",
        "the third quarter of 2022",
        "the third quarter of 2022=2022-Q3",
    ),
    (
        "2023-09-14",
        "third-quarter profit",
        "third-quarter=2023-Q3",
    ),
    (
        "2023-09-14",
        "in the fourth quarter",
        "the fourth quarter=2022-Q4",
    ),
    (
        "2023-09-14",
        "sales will rise in the fourth quarter",
        "the fourth quarter=2023-Q4",
    ),
    (
        "2023-09-14",
        "the first half of 2021",
        "the first half of 2021=2021-H1",
    ),
    // a part of a year named by its relation to this one
    (
        "2012-11-01",
        "Sales fell in the first half of last year and rose in the third quarter of this year.",
        "the first half of last year=2011-H1 | the third quarter of this year=2012-Q3",
    ),
    (
        "2012-11-01",
        "In the first half of the year, sales fell.",
        "the first half of the year=2012-H1",
    ),
    // season
    (
        "2023-09-14",
        "in the summer of 2019",
        "the summer of 2019=2019-SU",
    ),
    ("2023-09-14", "in spring 2020", "spring 2020=2020-SP"),
    ("2023-09-14", "in the fall", "the fall=2023-FA"),
    // a capitalised season before "of" and a name is a title, not a date
    (
        "2023-09-14",
        "the ``Spring of Life'' rallies; in the Spring of 1999",
        "the Spring of 1999=1999-SP",
    ),
    // q_quarter
    ("2023-09-14", "results for Q3 2023", "Q3 2023=2023-Q3"),
    ("2023-09-14", "in Q2", "Q2=2023-Q2"),
    // year_end: "year-end" reads as "year end" and "the end of the year"
    ("2023-09-14", "by year-end", "year-end=2023"),
    (
        "2023-11-02",
        "to close the deal by year end",
        "year end=2023",
    ),
    (
        "2023-11-02",
        "the change is since year-end",
        "year-end=2022",
    ),
    // year_then_ordinal_part
    (
        "2023-11-02",
        "in the 1988 third quarter",
        "the 1988 third quarter=1988-Q3",
    ),
    // quarter_named_by_its_last_month (round 6)
    (
        "2010-10-20",
        "Sales in the June quarter rose; its December 2009 quarter was weak. The Dec. quarter will be strong; March sales fell.",
        "the June quarter=2010-Q2 | December 2009 quarter=2009-Q4 | The Dec. quarter=2010-Q4 | March=2010-03",
    ),
    ("2010-10-20", "The bank made a September quarter-point cut.", "September=2010-09"),
    // a year's possessive before its part, as "this year's third quarter" (round 6)
    (
        "2010-10-20",
        "Sales in 2011's first quarter and in fiscal 2012's second half will rise.",
        "2011's first quarter=2011-Q1 | fiscal 2012's second half=2012-H2",
    ),
    // "fiscal" after the ordinal, as before it (round 6)
    (
        "2010-10-20",
        "The company's second fiscal quarter ended Aug. 31; its fiscal third quarter ends in November.",
        "second fiscal quarter=2010-Q2 | Aug. 31=2010-08-31 | fiscal third quarter=2010-Q3 | November=2010-11",
    ),
    // not dates
    ("2023-09-14", "prices fall sharply", ""),
    ("2023-09-14", "the second round", ""),
    // the_final_part_of_a_year (issue 18)
    (
        "2010-02-15",
        "Profit rose in the final quarter of 2009 and in the last quarter of last year.",
        "the final quarter of 2009=2009-Q4 | the last quarter of last year=2009-Q4",
    ),
    (
        "2009-06-10",
        "Sales will recover in the final quarter.",
        "the final quarter=2009-Q4",
    ),
    (
        "2009-06-10",
        "Sales fell in the last quarter.",
        "the last quarter=2009-Q1",
    ),
    // season: the calendar year, moved by the tense (issue 18); a winter is named for its
    // January; a capitalised season beside a name is part of the name
    (
        "2009-12-15",
        "The floods this summer were the worst. The film will open this summer.",
        "this summer=2009-SU | this summer=2010-SU",
    ),
    (
        "2010-01-20",
        "Last winter was mild; this winter is cold.",
        "Last winter=2009-WI | this winter=2010-WI",
    ),
    (
        "2009-12-15",
        "Last winter was mild; this winter is cold.",
        "Last winter=2009-WI | this winter=2010-WI",
    ),
    (
        "2009-10-05",
        "Sales rose in the spring and will rise again in the spring.",
        "the spring=2009-SP | the spring=2010-SP",
    ),
    (
        "2010-03-10",
        "Sales rose in the summer.",
        "the summer=2009-SU",
    ),
    (
        "2011-05-01",
        "after the Arab Spring, at a staging of The Winter's Tale",
        "",
    ),
];
