//! Times of day: "3 p.m.", "10:35 a.m. EST", "15:30", "10.30am", "5 o'clock", "4 in the
//! morning", wire-service "0600 GMT", "noon", "midnight Friday", each with an optional
//! zone and an optional day after it ("9 a.m. local time on Tuesday").

use super::month_day::month_first;
use super::{days_from_reference, found, Match, Toks};
use crate::timex::lexicon::{Lex, Part, W};
use crate::timex::resolve::{Expr, Rel, Tod};

/// A day expression that can follow a clock time: "Wednesday", "yesterday", "Nov. 6",
/// ", on Tuesday".
pub(super) fn day_after_time(t: &Toks, k: usize) -> Option<(usize, Expr)> {
    let mut k = k;
    if t.punct(k, b',') || t.is(k, W::On) {
        k += 1;
    }
    match t.lex(k) {
        Some(Lex::Weekday(w)) if t.capital(k) => Some((
            k + 1,
            Expr::Weekday {
                w: w as u32,
                rel: Rel::Bare,
            },
        )),
        Some(Lex::Word(W::Today)) => Some((k + 1, days_from_reference(0))),
        Some(Lex::Word(W::Yesterday)) => Some((k + 1, days_from_reference(-1))),
        Some(Lex::Word(W::Tomorrow)) => Some((k + 1, days_from_reference(1))),
        Some(Lex::Month(_) | Lex::MonthAbbr(_)) => {
            let m = month_first(t, k)?;
            matches!(m.x, Expr::Date { d: Some(_), .. }).then_some((m.e, m.x))
        }
        _ => None,
    }
}

/// "0600 GMT", "1430 UTC": wire-service clock times, only with their zone; not the
/// conversion in "10:35 a.m. (0735 GMT)", which repeats the time before it.
pub(super) fn wire_time(t: &Toks, i: usize) -> Option<Match> {
    let (v, nd) = t.number(i)?;
    let converted = i > 0 && t.punct(i - 1, b'(');
    if nd == 4
        && v % 100 < 60
        && v / 100 < 24
        && !converted
        && t.is(i + 1, W::Tz)
        && t.capital(i + 1)
    {
        return clock_at(t, i, i + 1, v / 100, v % 100);
    }
    None
}

/// "3 p.m.", "10:35 a.m. EST", "15:30", "10.30am", "5 o'clock", "4 in the morning", with
/// an optional day after.
pub(super) fn clock_time(t: &Toks, i: usize) -> Option<Match> {
    let (h, nd) = t.number(i)?;
    if nd > 2 || h > 24 {
        return None;
    }
    let mut k = i + 1;
    let mut mi = 0;
    let mut colon = false;
    if t.punct(k, b':') && t.glued(k) && t.glued(k + 1) {
        let (m, nd2) = t.number(k + 1)?;
        if nd2 != 2 || m > 59 {
            return None;
        }
        mi = m;
        colon = true;
        k += 2;
    }
    // "10.30am", "7.45 p.m." (British): the dot reads as a clock only before am/pm.
    let dotted = !colon
        && t.punct(k, b'.')
        && t.glued(k)
        && t.glued(k + 1)
        && t.number(k + 1).is_some_and(|(m, nd2)| nd2 == 2 && m < 60)
        && (matches!(t.word(k + 2), Some(W::Am | W::Pm))
            || ((t.spelled(k + 2, "a") || t.spelled(k + 2, "p"))
                && t.punct(k + 3, b'.')
                && t.spelled(k + 4, "m")));
    if dotted {
        mi = t.number(k + 1).map_or(0, |(m, _)| m);
        k += 2;
    }
    let mut ampm = None;
    if let Some(W::Am | W::Pm) = t.word(k) {
        ampm = Some(t.is(k, W::Pm));
        k += 1;
    } else if (t.spelled(k, "a") || t.spelled(k, "p"))
        && t.punct(k + 1, b'.')
        && t.glued(k + 1)
        && t.spelled(k + 2, "m")
        && t.glued(k + 2)
    {
        ampm = Some(t.spelled(k, "p"));
        k += 3;
        // "a.m." at the end of a sentence keeps its period for the sentence.
        let ends_sentence = t.t.get(k + 1).is_none_or(|x| x.nl);
        if t.punct(k, b'.') && t.glued(k) && !ends_sentence {
            k += 1;
        }
    } else if t.spelled(k, "o") && t.punct(k + 1, b'\'') && t.spelled(k + 2, "clock") {
        k += 3;
        ampm = Some(false);
    }
    // "4 in the morning", "six o'clock in the evening"
    if matches!(ampm, None | Some(false)) && t.is(k, W::In) && t.is(k + 1, W::The) {
        if let Some(Lex::Part(p)) = t.lex(k + 2) {
            ampm = Some(p != Part::Morning);
            k += 3;
        }
    }
    if ampm.is_none() && !colon {
        return None;
    }
    let mut h = h;
    match ampm {
        Some(pm) => {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 && !t.spelled(k - 1, "clock") {
                h = 0;
            }
        }
        None => {
            // "10:30" not inside a score list or a ratio run ("3:30:15", "1:20:30")
            let run_after = t.glued(i + 3) && t.punct(i + 3, b':');
            let run_before = i > 0 && t.glued(i) && t.punct(i - 1, b':');
            if h > 23 || run_after || run_before {
                return None;
            }
        }
    }
    clock_at(t, i, k, h, mi)
}

/// A clock time `h:mi` read from token `i`, whose words end before `k`: an optional
/// zone, then an optional day ("3 p.m. EST Tuesday", "9 a.m. local time on Tuesday").
fn clock_at(t: &Toks, i: usize, mut k: usize, h: u32, mi: u32) -> Option<Match> {
    if t.is(k, W::Tz) && t.capital(k) {
        k += 1;
    }
    // "local time" only with the day after it
    let local = t.spelled(k, "local") && t.spelled(k + 1, "time");
    let day = local
        .then(|| day_after_time(t, k + 2))
        .flatten()
        .or_else(|| day_after_time(t, k));
    let (e, day) = match day {
        Some((e, d)) => (e, Some(Box::new(d))),
        None => (k, None),
    };
    found(
        i,
        e,
        Expr::Time {
            day,
            tod: Tod::Clock(h, mi),
        },
    )
}

/// "noon", "midnight Friday", "midday yesterday" (not "High Noon").
pub(super) fn noon_or_midnight(t: &Toks, i: usize) -> Option<Match> {
    if t.capital(i) || (i > 0 && t.spelled(i - 1, "high")) {
        return None; // "High Noon"
    }
    let (h, mi) = if t.is(i, W::Midnight) {
        (24, 0)
    } else {
        (12, 0)
    };
    let (e, day) = match day_after_time(t, i + 1) {
        Some((e, d)) => (e, Some(Box::new(d))),
        None => (i + 1, None),
    };
    found(
        i,
        e,
        Expr::Time {
            day,
            tod: Tod::Clock(h, mi),
        },
    )
}

/// "mid-afternoon yesterday", "by mid afternoon", "late evening": a part of a day after
/// "early", "mid" or "late" (`i`).
pub(super) fn early_or_late_part_of_day(t: &Toks, i: usize) -> Option<Match> {
    let mut k = i + 1;
    if t.punct(k, b'-') && t.glued(k) {
        k += 1;
    }
    let Some(Lex::Part(p)) = t.lex(k) else {
        return None;
    };
    let (e, day) = match day_after_time(t, k + 1) {
        Some((e, d)) => (e, Some(Box::new(d))),
        None => (k + 1, None),
    };
    found(
        i,
        e,
        Expr::Time {
            day,
            tod: Tod::Part(p),
        },
    )
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // noon_or_midnight
    ("2023-09-14", "on 9/12/2023 at noon", "9/12/2023=2023-09-12 | noon=2023-09-12T12:00"),
    ("2023-09-14", "noon Thursday", "noon Thursday=2023-09-14T12:00"),
    // clock_time
    ("2023-09-14", "at 3 p.m.", "3 p.m=2023-09-14T15:00"),
    ("2023-09-14", "at 3 p.m. on Friday", "3 p.m. on Friday=2023-09-08T15:00"),
    ("2023-09-14", "at 10:35 a.m. EST", "10:35 a.m. EST=2023-09-14T10:35"),
    ("2023-09-14", "at 9 a.m. Tuesday", "9 a.m. Tuesday=2023-09-12T09:00"),
    ("2023-09-14", "at 12 a.m. local time", "12 a.m.=2023-09-14T00:00"),
    ("2023-09-14", "at 15:30", "15:30=2023-09-14T15:30"),
    ("2023-09-14", "at 5 o'clock", "5 o'clock=2023-09-14T05:00"),
    ("2023-09-14", "On Sept. 12 at 3 p.m. he left", "Sept. 12=2023-09-12 | 3 p.m.=2023-09-12T15:00"),
    ("2023-09-14", "He was shot on Oct. 23, 1998. He died at 10 p.m. in hospital.", "Oct. 23, 1998=1998-10-23 | 10 p.m.=1998-10-23T22:00"),
    // clock times as wire services write them
    ("2024-06-20", "It struck at 10:35 a.m. (0735 GMT). A ticket cost 10.30 euros; the 1430 flight left.", "10:35 a.m.=2024-06-20T10:35"),
    ("2024-06-20", "Talks ran Sept. 12-13. He spoke at 9 a.m. local time on Tuesday, then at 5 p.m. local time.", "Sept. 12-13=2023-09-12..2023-09-13 | 9 a.m. local time on Tuesday=2024-06-18T09:00 | 5 p.m.=2024-06-18T17:00"),
    // early_or_late_part_of_day
    ("2023-09-14", "In London at mid-afternoon yesterday, shares rose. By mid afternoon, they fell.", "mid-afternoon yesterday=2023-09-13TAF | mid afternoon=2023-09-13TAF"),
    // wire_time
    // clock times as wire services write them
    ("2024-06-20", "Shelling began at 0600 GMT and stopped at 10.30am; talks ended at 7.45 p.m. sharp.", "0600 GMT=2024-06-20T06:00 | 10.30am=2024-06-20T10:30 | 7.45 p.m.=2024-06-20T19:45"),
];
