//! Date strings as pages write them: ISO 8601 in metadata (`2021-03-03T23:30:00-05:00`),
//! dates in URL paths (`/2021/03/03/`), and visible bylines ("Published 3 March 2021").
//!
//! The calendar date is always taken as written, in the page's own time zone: converting
//! `23:30-05:00` to UTC would move the article to the next day, which is not the date its
//! readers saw.

use chrono::NaiveDate;

fn ymd(y: i64, m: i64, d: i64) -> Option<NaiveDate> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
}

fn num(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 4 || !b.iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// A date at the start of a metadata value: `2021-03-03`, `2021-03-03T..`, `2021/03/03`,
/// `20210303`, or failing that a written date anywhere in it ("March 3, 2021").
pub fn parse_meta_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b[7] && matches!(b[4], b'-' | b'/' | b'.') {
        if let (Some(y), Some(m), Some(d)) = (num(&b[0..4]), num(&b[5..7]), num(&b[8..10])) {
            return ymd(y, m, d);
        }
    }
    if b.len() >= 8
        && b[..8].iter().all(|c| c.is_ascii_digit())
        && (b.len() == 8 || !b[8].is_ascii_digit())
    {
        let (y, m, d) = (num(&b[0..4])?, num(&b[4..6])?, num(&b[6..8])?);
        return ymd(y, m, d);
    }
    parse_text_date(t)
}

const MONTHS: &[(&str, i64)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month names in es, pt, fr, de, it, nl and ru (nominative and genitive: "3 марта"),
/// with their usual abbreviations. Words that are also common words ("mar", "set", "mai")
/// only count next to a day and a year.
const MONTHS_INTL: &[(&str, i64)] = &[
    // es
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // pt
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("set", 9),
    ("out", 10),
    ("dez", 12),
    // fr
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // de
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("mrz", 3),
    ("okt", 10),
    // it
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
    // nl
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("oktober", 10),
    // ru
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

fn month(w: &str) -> Option<i64> {
    if w.len() < 3 || w.len() > 20 {
        return None;
    }
    let mut all = MONTHS.iter().chain(MONTHS_INTL);
    if w.is_ascii() {
        // No allocation for the common case.
        all.find(|(n, _)| n.eq_ignore_ascii_case(w))
            .map(|(_, m)| *m)
    } else {
        let l = w.to_lowercase();
        all.find(|(n, _)| *n == l).map(|(_, m)| *m)
    }
}

/// Small words between day, month and year: "3 de março de 2021", "the 3rd of March".
fn filler(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "de" | "del" | "of" | "the" | "le" | "el" | "den" | "der" | "il"
    )
}

/// Finds a date written in text: "3 March 2021", "March 3, 2021", "Mar. 3 2021",
/// "2021-03-03", "03.03.2021" (day first, as in most of Europe), "3 de março de 2021",
/// "3. März 2021", "3 марта 2021 г.".
pub fn parse_text_date(s: &str) -> Option<NaiveDate> {
    // Every form has a day or a year in digits.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Tokens: runs of letters or of ASCII digits (byte offsets kept for d.m.y forms);
    // filler words between the parts are left out.
    let mut toks: Vec<(&str, usize)> = Vec::new();
    let b = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((st, c)) = it.next() {
        if toks.len() >= 200 {
            break;
        }
        let digit = c.is_ascii_digit();
        if !digit && !c.is_alphabetic() {
            continue;
        }
        let mut end = st + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let same = if digit {
                d.is_ascii_digit()
            } else {
                d.is_alphabetic()
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        let w = &s[st..end];
        // "3rd March": drop the ordinal suffix glued to a number.
        let ordinal = matches!(w.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
            && toks.last().is_some_and(|t| t.1 + t.0.len() == st);
        if !ordinal && !filler(w) {
            toks.push((w, st));
        }
    }
    for k in 0..toks.len() {
        let (w, at) = toks[k];
        let get = |j: usize| toks.get(j).map(|t| t.0).unwrap_or("");
        if let Some(m) = month(w) {
            // Month D, YYYY
            if let (Some(d), Some(y)) = (day(get(k + 1)), year(get(k + 2))) {
                if let Some(dt) = ymd(y, m, d) {
                    return Some(dt);
                }
            }
            // D Month YYYY
            if k > 0 {
                if let (Some(d), Some(y)) = (day(get(k - 1)), year(get(k + 1))) {
                    if let Some(dt) = ymd(y, m, d) {
                        return Some(dt);
                    }
                }
            }
        } else if w.len() == 4
            && year(w).is_some()
            && matches!(get(k + 1), "年" | "년")
            && matches!(get(k + 3), "月" | "월")
        {
            // 2019年11月18日, 2019년 11월 18일
            if let (Some(m), Some(d)) = (num(get(k + 2).as_bytes()), day(get(k + 4))) {
                if let Some(dt) = ymd(year(w)?, m, d) {
                    return Some(dt);
                }
            }
        } else if w.len() == 4 && year(w).is_some() {
            // YYYY-MM-DD / YYYY/MM/DD
            let sep = b.get(at + 4).copied().unwrap_or(0);
            if matches!(sep, b'-' | b'/' | b'.') {
                if let (Some(m), Some(d)) = (num(get(k + 1).as_bytes()), day(get(k + 2))) {
                    if get(k + 1).len() <= 2 {
                        if let Some(dt) = ymd(year(w)?, m, d) {
                            return Some(dt);
                        }
                    }
                }
            }
        } else if w.len() <= 2 && b.get(at + w.len()) == Some(&b'.') {
            // DD.MM.YYYY
            let m = get(k + 1);
            let y = get(k + 2);
            if m.len() <= 2 && y.len() == 4 {
                if let (Some(d), Some(m), Some(y)) = (day(w), num(m.as_bytes()), year(y)) {
                    if let Some(dt) = ymd(y, m, d) {
                        return Some(dt);
                    }
                }
            }
        }
    }
    None
}

fn day(w: &str) -> Option<i64> {
    let d = num(w.as_bytes())?;
    (w.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}
fn year(w: &str) -> Option<i64> {
    let y = num(w.as_bytes())?;
    (w.len() == 4 && (1900..=2200).contains(&y)).then_some(y)
}

/// A date in a URL's path: `/2021/03/03/`, `/2021-03-03-title`, `/20210303/`.
pub fn parse_url_date(url: &str) -> Option<NaiveDate> {
    // Only the path: skip scheme and host.
    let path = url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..]))
        .unwrap_or(url);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let b = path.as_bytes();
    let mut i = 0;
    while i + 8 <= b.len() {
        let prev_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if prev_ok && b[i].is_ascii_digit() {
            // YYYY/MM/DD or YYYY-MM-DD or YYYY_MM_DD
            if i + 10 <= b.len()
                && matches!(b[i + 4], b'/' | b'-' | b'_')
                && b[i + 7] == b[i + 4]
                && (i + 10 == b.len() || !b[i + 10].is_ascii_digit())
            {
                if let (Some(y), Some(m), Some(d)) = (
                    num(&b[i..i + 4]),
                    num(&b[i + 5..i + 7]),
                    num(&b[i + 8..i + 10]),
                ) {
                    if let Some(dt) = ymd(y, m, d) {
                        return Some(dt);
                    }
                }
            }
            // YYYYMMDD as a whole path segment piece.
            if b[i..i + 8].iter().all(|c| c.is_ascii_digit())
                && (i + 8 == b.len() || !b[i + 8].is_ascii_alphanumeric())
            {
                if let (Some(y), Some(m), Some(d)) = (
                    num(&b[i..i + 4]),
                    num(&b[i + 4..i + 6]),
                    num(&b[i + 6..i + 8]),
                ) {
                    if (1990..=2100).contains(&y) {
                        if let Some(dt) = ymd(y, m, d) {
                            return Some(dt);
                        }
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Holds a date, written out or numeric in either order ("05/10/2018", "10-05-2018"): enough
/// to call a short line a dateline even when the day/month order cannot be told.
pub fn has_date(s: &str) -> bool {
    parse_text_date(s).is_some() || has_numeric_date(s)
}

fn has_numeric_date(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            // n{1,2} sep n{1,2} sep nnnn, one separator kind.
            let run = |j: usize| b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            let a = run(i);
            let j = i + a;
            if (1..=2).contains(&a) && j < b.len() && matches!(b[j], b'/' | b'.' | b'-') {
                let sep = b[j];
                let m = run(j + 1);
                let k = j + 1 + m;
                if (1..=2).contains(&m) && k < b.len() && b[k] == sep {
                    let y = run(k + 1);
                    if y == 4 {
                        return true;
                    }
                }
            }
            i += a.max(1);
        } else {
            i += 1;
        }
    }
    false
}

/// Weekday names (en, es, pt, fr, de, it, ru) that dates carry along.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "feira",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "am",
    "pm",
    "at",
    "às",
    "à",
    "a",
    "las",
    "um",
    "um",
    "gmt",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
    "h",
    "г",
    "года",
    "年",
];

/// A short line that is only a date (with weekday, time and little words): a byline's or a
/// teaser's date, not a sentence. "segunda-feira, 22 de janeiro de 2018 às 0:13".
pub fn is_date_line(s: &str) -> bool {
    if s.len() > 70 || !has_date(s) {
        return false;
    }
    let mut other = 0;
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let l = w.to_lowercase();
        let known = month(&l).is_some()
            || filler(&l)
            || WEEKDAYS.contains(&l.as_str())
            || matches!(l.as_str(), "st" | "nd" | "rd" | "th");
        if !known {
            other += 1;
            if other > 1 {
                return false;
            }
        }
    }
    true
}
