//! Date strings as pages write them: ISO 8601 in metadata (`2021-03-03T23:30:00-05:00`),
//! dates in URL paths (`/2021/03/03/`, `/2021/nov/18/`), and visible bylines in many
//! languages and scripts ("Published 3 March 2021", "3 de março de 2021", "2023年9月14日",
//! "令和5年9月14日", "١٤ سبتمبر ٢٠٢٣", "14 กันยายน 2566").
//!
//! The calendar date is always taken as written, in the page's own time zone: converting
//! `23:30-05:00` to UTC would move the article to the next day, which is not the date its
//! readers saw. Whether a stamp was written in UTC is kept ([`Stamp::utc`]), so that the
//! evidence can prefer a local date that a URL or a byline gives for the same moment.

use super::months::{is_thai_month, month, month_two, DATE_COMPANIONS, WEEKDAYS};
use chrono::NaiveDate;
use std::borrow::Cow;

fn ymd(y: i64, m: i64, d: i64) -> Option<NaiveDate> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
}

pub(super) fn num(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 4 || !b.iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// A date read from a machine-written value, and whether its time was given in UTC
/// (`Z`, `+00:00`, `GMT`): such a stamp may fall on the next or the previous day of the
/// date printed for the page's readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub utc: bool,
}

#[cfg(test)]
/// A date at the start of a metadata value: `2021-03-03`, `2021-03-03T..`, `2021/03/03`,
/// `20210303`, or failing that a written date anywhere in it ("March 3, 2021").
pub fn parse_meta_date(s: &str) -> Option<NaiveDate> {
    parse_stamp(s).map(|s| s.date)
}

/// [`parse_meta_date`] that also says whether the value's time was in UTC.
pub fn parse_stamp(s: &str) -> Option<Stamp> {
    let t = s.trim();
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b[7] && matches!(b[4], b'-' | b'/' | b'.') {
        if let (Some(y), Some(m), Some(d)) = (num(&b[0..4]), num(&b[5..7]), num(&b[8..10])) {
            let date = ymd(y, m, d)?;
            let rest = &t[10..];
            let timed =
                rest.starts_with(['T', ' ']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
            return Some(Stamp {
                date,
                utc: timed && zone_is_utc(rest),
            });
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 8 {
        let (y, m, d) = (num(&b[0..4])?, num(&b[4..6])?, num(&b[6..8])?);
        return Some(Stamp {
            date: ymd(y, m, d)?,
            utc: false,
        });
    }
    // With the clock glued on, as Korean and Chinese CMSs store it: `20230914101500`.
    if digits == 12 || digits == 14 {
        let clock_ok = num(&b[8..10])? < 24
            && num(&b[10..12])? < 60
            && (digits == 12 || num(&b[12..14])? < 60);
        if clock_ok {
            if let Some(date) = ymd(num(&b[0..4])?, num(&b[4..6])?, num(&b[6..8])?) {
                return Some(Stamp { date, utc: false });
            }
        }
        return None;
    }
    let date = parse_text_date(t)?;
    Some(Stamp {
        date,
        // RFC 2822 in metadata: "Tue, 19 Nov 2019 22:31:00 GMT".
        utc: t.contains(':') && zone_is_utc(t),
    })
}

/// The zone at the end of a timestamp names UTC.
fn zone_is_utc(rest: &str) -> bool {
    let r = rest.trim_end();
    r.ends_with('Z')
        || r.ends_with("+00:00")
        || r.ends_with("+0000")
        || r.ends_with("-00:00")
        || r.ends_with("GMT")
        || r.ends_with("UTC")
}

/// A Unix time in seconds or milliseconds (`data-timestamp="1574168580"`), as a UTC date.
pub fn parse_epoch(s: &str) -> Option<Stamp> {
    let t = s.trim();
    if !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = match t.len() {
        10 => t.parse().ok()?,
        13 => t.parse::<i64>().ok()? / 1000,
        _ => return None,
    };
    // 2000-01-01 .. 2100-01-01: anything else is an id, not a time.
    if !(946_684_800..4_102_444_800).contains(&secs) {
        return None;
    }
    let date = chrono::DateTime::from_timestamp(secs, 0)?.date_naive();
    Some(Stamp { date, utc: true })
}

/// Which of two small numbers comes first in an all-numeric date ("05/10/2018"), when
/// neither is over 12. Pages in US English write the month first; most of the world the
/// day; an unknown page is not guessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
    Unknown,
    /// Taiwan's pages (`zh-TW`, `zh-Hant` outside Hong Kong and Macau): numeric dates as
    /// [`Order::DayFirst`], and a three-digit year before 年 is the Republic of China's
    /// with the era's name left out ("112年9月14日" is 2023), as Taiwanese dates write it.
    Taiwan,
}

impl Order {
    /// From the page's language tag (`en-US`, `fr`, `pt-BR`).
    pub fn of_language(lang: Option<&str>) -> Order {
        let Some(l) = language_tag(lang) else {
            return Order::Unknown;
        };
        if l.is_empty() {
            Order::Unknown
        } else if l == "en-us" || l == "en-ph" {
            Order::MonthFirst
        } else if l.starts_with("zh-tw")
            || (l.starts_with("zh-hant") && !l.ends_with("-hk") && !l.ends_with("-mo"))
        {
            Order::Taiwan
        } else if l == "en" {
            Order::Unknown
        } else {
            Order::DayFirst
        }
    }
}

/// A page's language tag as both readings of numeric dates compare it: trimmed, lower
/// case, "_" written "-" ("pt_BR" is "pt-br").
fn language_tag(lang: Option<&str>) -> Option<String> {
    lang.map(|l| l.trim().to_ascii_lowercase().replace('_', "-"))
}

/// A date found in text, with its byte range in the text it was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub date: NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// Arabic-Indic (٠-٩), Persian (۰-۹), Devanagari (०-९), Bengali (০-৯), Thai (๐-๙) and
/// full-width (０-９) digits as ASCII, and the full-width slash, colon and period; other text
/// unchanged. Borrows when there is nothing to change.
pub fn normalize_digits(s: &str) -> Cow<'_, str> {
    let foreign = |c: char| {
        matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9 | 0x0966..=0x096F | 0x09E6..=0x09EF
            | 0x0E50..=0x0E59 | 0xFF10..=0xFF19)
            || matches!(c, '／' | '：' | '．')
    };
    if s.is_ascii() || !s.chars().any(foreign) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c as u32 {
                x @ 0x0660..=0x0669 => char::from(b'0' + (x - 0x0660) as u8),
                x @ 0x06F0..=0x06F9 => char::from(b'0' + (x - 0x06F0) as u8),
                x @ 0x0966..=0x096F => char::from(b'0' + (x - 0x0966) as u8),
                x @ 0x09E6..=0x09EF => char::from(b'0' + (x - 0x09E6) as u8),
                x @ 0x0E50..=0x0E59 => char::from(b'0' + (x - 0x0E50) as u8),
                x @ 0xFF10..=0xFF19 => char::from(b'0' + (x - 0xFF10) as u8),
                _ => match c {
                    '／' => '/',
                    '：' => ':',
                    '．' => '.',
                    c => c,
                },
            })
            .collect(),
    )
}

/// Small words between day, month and year: "3 de março de 2021", "the 3rd of March".
fn filler(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "de" | "del" | "of" | "the" | "le" | "el" | "den" | "der" | "il"
    )
}

/// Letters and the combining vowel signs of Thai, Devanagari, Bengali and Arabic (which Rust
/// does not count as alphabetic): a month word must not be cut at its last sign.
fn is_letter(c: char) -> bool {
    c.is_alphabetic()
        || matches!(c as u32, 0x0E31..=0x0E3A | 0x0E47..=0x0E4E | 0x0900..=0x0903 | 0x093A..=0x094F
            | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x064B..=0x065F | 0x0670)
}

/// Japanese era names and Taiwan's Republic of China years ("民國112年" = 2023), and the year
/// before each era's first year.
const ERAS: &[(&str, i64)] = &[
    ("令和", 2018),
    ("平成", 1988),
    ("昭和", 1925),
    ("中華民國", 1911),
    ("中华民国", 1911),
    ("民國", 1911),
    ("民国", 1911),
];

struct Tok<'a> {
    w: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    // Runs of letters or of ASCII digits; filler words and glued ordinal suffixes ("3rd",
    // "1er", "1º") left out.
    let mut toks: Vec<Tok> = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((st, c)) = it.next() {
        if toks.len() >= 400 {
            break;
        }
        let digit = c.is_ascii_digit();
        if !digit && !is_letter(c) {
            continue;
        }
        let mut end = st + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let same = if digit {
                d.is_ascii_digit()
            } else {
                is_letter(d)
            };
            if !same {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        let w = &s[st..end];
        let glued = toks
            .last()
            .is_some_and(|t| t.end == st && t.w.as_bytes()[0].is_ascii_digit());
        let ordinal = glued
            && matches!(
                w.to_lowercase().as_str(),
                "st" | "nd" | "rd" | "th" | "er" | "ème" | "eme" | "º" | "ª"
            );
        if !ordinal && !filler(w) {
            toks.push(Tok { w, start: st, end });
        }
    }
    toks
}

fn day(w: &str) -> Option<i64> {
    let d = num(w.as_bytes())?;
    (w.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}
/// A year of the Republic of China written without the era's name: three digits (100 is
/// 2011) on a Taiwanese page, not after a word naming the common era (西元, 公元), which
/// writes a year of the Gregorian calendar.
fn roc_bare_year(w: &str, order: Order, before: Option<&str>) -> Option<i64> {
    if order != Order::Taiwan || w.len() != 3 {
        return None;
    }
    if before.is_some_and(|b| b.ends_with("西元") || b.ends_with("公元") || b.ends_with("紀元"))
    {
        return None;
    }
    num(w.as_bytes()).filter(|n| (100..=199).contains(n))
}

/// The day and month of two numbers written before a year (`14/09`, `09/14`): one over 12
/// is the day; otherwise the page's numeric order decides, and an unknown order gives none.
fn day_month(a: i64, b: i64, order: Order) -> Option<(i64, i64)> {
    if a > 12 {
        Some((a, b))
    } else if b > 12 {
        Some((b, a))
    } else {
        match order {
            Order::DayFirst | Order::Taiwan => Some((a, b)),
            Order::MonthFirst => Some((b, a)),
            Order::Unknown => None,
        }
    }
}

fn year(w: &str) -> Option<i64> {
    let y = num(w.as_bytes())?;
    (w.len() == 4 && (1900..=2200).contains(&y)).then_some(y)
}

/// Every date written in `s` (digits already ASCII: see [`normalize_digits`]), in order, at
/// most `max`: "3 March 2021", "March 3, 2021", "Mar. 3 2021", "2021-03-03", "03.03.2021"
/// (dots: day first, as in most of Europe), "14/09/2023" (slashes: by `order` unless one
/// number is over 12), "3 de março de 2021", "3. März 2021", "3 марта 2021 г.", "2023.
/// szeptember 14.", "2019年11月18日", "2019년 11월 18일", "令和5年9月14日", "14 กันยายน 2566",
/// "23 شهریور 1402" (Solar Hijri), "民國112年9月14日".
pub fn find_dates(s: &str, order: Order, max: usize) -> Vec<Found> {
    let mut out = Vec::new();
    // Every form has a day or a year in digits.
    if max == 0 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let toks = tokens(s);
    let b = s.as_bytes();
    let get = |j: usize| toks.get(j).map(|t| t.w).unwrap_or("");
    // The single character between tokens j and j+1, if that is all there is.
    let sep = |j: usize| -> Option<u8> {
        let (a, c) = (toks.get(j)?, toks.get(j + 1)?);
        (c.start == a.end + 1).then(|| b[a.end])
    };
    // Tokens j and j+1 are parted by a dot and one space only.
    let dot_space = |j: usize| -> bool {
        match (toks.get(j), toks.get(j + 1)) {
            (Some(a), Some(c)) => &s[a.end..c.start] == ". ",
            _ => false,
        }
    };
    let mut k = 0;
    // The first token no earlier date used: "D Month YYYY" and "YYYY Month D" look one
    // token back, and must not take the year of "14.09.2023" before "September 12".
    let mut free = 0;
    while k < toks.len() && out.len() < max {
        let w = toks[k].w;
        let back = k.checked_sub(1).filter(|&j| j >= free);
        let found = |first: usize, last: usize, date: Option<NaiveDate>| {
            date.map(|date| {
                (
                    Found {
                        date,
                        start: toks[first].start,
                        end: toks[last].end,
                    },
                    last,
                )
            })
        };
        let hit = if let Some((m, width)) = month(w)
            .map(|m| (m as i64, 1))
            .or_else(|| month_two(w, get(k + 1)).map(|m| (m as i64, 2)))
        {
            let after = k + width;
            let thai = is_thai_month(w);
            let yr = |t: &str| {
                if thai {
                    num(t.as_bytes())
                        .filter(|y| t.len() == 4 && (2400..=2800).contains(y))
                        .map(|y| y - 543)
                        .or_else(|| year(t))
                } else {
                    year(t)
                }
            };
            // Month D, YYYY
            let mdy = match (day(get(after)), yr(get(after + 1))) {
                (Some(d), Some(y)) => found(k, after + 1, ymd(y, m, d)),
                _ => None,
            };
            // D Month YYYY
            let dmy = || match (back.and_then(|j| day(get(j))), yr(get(after))) {
                (Some(d), Some(y)) => found(k - 1, after, ymd(y, m, d)),
                _ => None,
            };
            // YYYY Month D (Hungarian, Lithuanian; "2023. szeptember 14.")
            let ymd_ = || match (back.and_then(|j| yr(get(j))), day(get(after))) {
                (Some(y), Some(d)) => found(k - 1, after, ymd(y, m, d)),
                _ => None,
            };
            mdy.or_else(dmy).or_else(ymd_)
        } else if let Some(m) = super::solar::month(w) {
            // D Month YYYY in the Solar Hijri calendar: "23 شهریور 1402"
            let y = get(k + 1);
            match (back.and_then(|j| day(get(j))), num(y.as_bytes())) {
                (Some(d), Some(y_)) if y.len() == 4 => {
                    found(k - 1, k + 1, super::solar::to_gregorian(y_, m as i64, d))
                }
                _ => None,
            }
        } else if let Some(&(era, base)) = ERAS.iter().find(|(e, _)| w.starts_with(e)) {
            // 令和5年9月14日, 令和元年5月1日, 民國112年9月14日
            let rest = &w[era.len()..];
            let (n, at) = if rest == "元年" {
                (Some(1), k + 1)
            } else if rest.is_empty() && get(k + 2) == "年" {
                (num(get(k + 1).as_bytes()), k + 3)
            } else {
                (None, k)
            };
            match (n, num(get(at).as_bytes()), get(at + 1), day(get(at + 2))) {
                (Some(n), Some(m), "月", Some(d)) => found(k, at + 2, ymd(base + n, m, d)),
                _ => None,
            }
        } else if let Some(n) = roc_bare_year(w, order, back.map(get)) {
            // 112年9月14日 on a Taiwanese page (see `Order::Taiwan`); the day closed by 日.
            match (
                get(k + 1),
                num(get(k + 2).as_bytes()),
                get(k + 3),
                day(get(k + 4)),
                get(k + 5),
            ) {
                ("年", Some(m), "月", Some(d), "日") => found(k, k + 5, ymd(1911 + n, m, d)),
                _ => None,
            }
        } else if let Some(y) = year(w) {
            if matches!(get(k + 1), "年" | "년") && matches!(get(k + 3), "月" | "월") {
                // 2019年11月18日, 2019년 11월 18일
                match (num(get(k + 2).as_bytes()), day(get(k + 4))) {
                    (Some(m), Some(d)) => found(k, k + 4, ymd(y, m, d)),
                    _ => None,
                }
            } else if matches!(sep(k), Some(b'-' | b'/' | b'.'))
                && sep(k + 1) == sep(k)
                && get(k + 1).len() <= 2
            {
                // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
                match (num(get(k + 1).as_bytes()), day(get(k + 2))) {
                    (Some(m), Some(d)) => found(k, k + 2, ymd(y, m, d)),
                    _ => None,
                }
            } else if dot_space(k) && dot_space(k + 1) && get(k + 1).len() <= 2 {
                // "2023. 9. 14.": Korean dates as the locale writes them, each part
                // closed by a dot and a space (the last dot required).
                let closed = toks.get(k + 2).is_some_and(|t| b.get(t.end) == Some(&b'.'));
                match (num(get(k + 1).as_bytes()), day(get(k + 2))) {
                    (Some(m), Some(d)) if closed => found(k, k + 2, ymd(y, m, d)),
                    _ => None,
                }
            } else {
                None
            }
        } else if w.len() <= 2
            && w.as_bytes()[0].is_ascii_digit()
            && matches!(sep(k), Some(b'.' | b'/' | b'-'))
            && sep(k + 1) == sep(k)
            && get(k + 1).len() <= 2
            && year(get(k + 2)).is_some()
            && (toks[k].start == 0 || !b[toks[k].start - 1].is_ascii_digit())
        {
            // DD.MM.YYYY; DD/MM/YYYY or MM/DD/YYYY
            let (a, c) = (num(w.as_bytes()), num(get(k + 1).as_bytes()));
            let y = year(get(k + 2));
            match (a, c, y) {
                (Some(a), Some(c), Some(y)) => {
                    // Dots part a numeric date day first wherever they are used.
                    let dm = if sep(k) == Some(b'.') {
                        Some((a, c))
                    } else {
                        day_month(a, c, order)
                    };
                    dm.and_then(|(d, m)| found(k, k + 2, ymd(y, m, d)))
                }
                _ => None,
            }
        } else {
            None
        };
        match hit {
            Some((f, last)) => {
                out.push(f);
                k = last + 1;
                free = k;
            }
            None => k += 1,
        }
    }
    out
}

/// The first date written in `s` (any digits; numeric dates only when unambiguous).
pub fn parse_text_date(s: &str) -> Option<NaiveDate> {
    parse_text_date_in(s, Order::Unknown)
}

/// [`parse_text_date`] with the page's numeric date order.
pub fn parse_text_date_in(s: &str, order: Order) -> Option<NaiveDate> {
    find_dates(&normalize_digits(s), order, 1)
        .first()
        .map(|f| f.date)
}

/// Month names in URL paths ("/2019/nov/18/"): English abbreviations and full names.
fn url_month(w: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(w).ok()?;
    if !s.is_ascii() || s.len() < 3 {
        return None;
    }
    // Only English names (the program's month table): "set", "out", "mai" are words in
    // URLs of other languages.
    crate::calendar::month_number(s).map(i64::from)
}

/// Year, month and day as pieces of a URL's path from byte `i`: the year, then month and day
/// each of one or two digits after one of `/`, `-`, `_` in any mix (`2021/03/03`,
/// `2021-03-03`, `2023-09/14`, `2023/09-14`, `2023/9/4`), or month and day glued after a
/// slash (`2023/0914`); the day not followed by another digit.
fn url_year_first(b: &[u8], i: usize) -> Option<NaiveDate> {
    let sep = |c: u8| matches!(c, b'/' | b'-' | b'_');
    let run = |j: usize| {
        b.get(j..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    if run(i) != 4 || !sep(*b.get(i + 4)?) {
        return None;
    }
    let y = num(&b[i..i + 4])?;
    let mi = i + 5;
    let ml = run(mi);
    if ml == 4 && b[i + 4] == b'/' {
        let end = mi + 4;
        if b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            return ymd(y, num(&b[mi..mi + 2])?, num(&b[mi + 2..end])?);
        }
        return None;
    }
    if !(1..=2).contains(&ml) || !sep(*b.get(mi + ml)?) {
        return None;
    }
    let di = mi + ml + 1;
    let dl = run(di);
    if !(1..=2).contains(&dl) {
        return None;
    }
    ymd(y, num(&b[mi..mi + ml])?, num(&b[di..di + dl])?)
}

/// `YYYYMMDD` from byte `i`, alone or followed by a clock time (`HHMM`, `HHMMSS`) in the
/// same run of digits: `/20210303/`, `/202103031530-slug`.
fn url_compact(b: &[u8], i: usize) -> Option<NaiveDate> {
    let len = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !matches!(len, 8 | 12 | 14) || b.get(i + len).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if len > 8 {
        let (h, mi) = (num(&b[i + 8..i + 10])?, num(&b[i + 10..i + 12])?);
        let s = if len == 14 {
            num(&b[i + 12..i + 14])?
        } else {
            0
        };
        if h > 23 || mi > 59 || s > 59 {
            return None;
        }
    }
    let y = num(&b[i..i + 4])?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    ymd(y, num(&b[i + 4..i + 6])?, num(&b[i + 6..i + 8])?)
}

/// A date in a URL's path: `/2021/03/03/`, `/2021-03-03-title`, `/2023-09/14/`,
/// `/2023/0914/`, `/2023/9/4/`, `/20210303/`, `/t20210303_123.html` (a one-letter prefix
/// glued to a compact date), `/2019/nov/18/`.
pub fn parse_url_date(url: &str) -> Option<NaiveDate> {
    let path = url_path(url);
    let b = path.as_bytes();
    let mut i = 0;
    while i + 8 <= b.len() {
        let prev_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let starts_run = i == 0 || !b[i - 1].is_ascii_digit();
        if starts_run && b[i].is_ascii_digit() {
            if prev_ok {
                if let Some(dt) = url_year_first(b, i) {
                    return Some(dt);
                }
            }
            // YYYY/mon/DD
            if prev_ok
                && b[i..i + 4].iter().all(|c| c.is_ascii_digit())
                && b.get(i + 4) == Some(&b'/')
            {
                let rest = &b[i + 5..];
                let mlen = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                if mlen >= 3 && rest.get(mlen) == Some(&b'/') {
                    let dlen = rest[mlen + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    let end = mlen + 1 + dlen;
                    if (1..=2).contains(&dlen)
                        && (end == rest.len() || !rest[end].is_ascii_alphanumeric())
                    {
                        if let (Some(y), Some(m), Some(d)) = (
                            num(&b[i..i + 4]),
                            url_month(&rest[..mlen]),
                            num(&rest[mlen + 1..end]),
                        ) {
                            if let Some(dt) = ymd(y, m, d) {
                                return Some(dt);
                            }
                        }
                    }
                }
            }
            // YYYYMMDD as a whole path segment piece, or glued to a one-letter prefix.
            let one_letter =
                i >= 2 && b[i - 1].is_ascii_alphabetic() && !b[i - 2].is_ascii_alphanumeric();
            if prev_ok || one_letter {
                if let Some(dt) = url_compact(b, i) {
                    return Some(dt);
                }
            }
        }
        i += 1;
    }
    None
}

/// A date an address states in a form that needs a reading: how sure that reading is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlReading {
    /// Day and month before the year, one of them over 12 (or both the same): only one
    /// reading (`/14/09/2023/`, `/14-09-2023-slug`, and the US `/09/14/2023/`).
    Certain,
    /// Day and month both 12 or less, read in the page's numeric order (`/05/09/2023/`);
    /// or a query's value (`?date=2023-09-14`, `&d=20230914`), which may be a filter as
    /// well as the story's day.
    Guessed,
}

/// A date in a URL that [`parse_url_date`] does not read: the day and month before the
/// year in the path (`/14/09/2023/`, `/14-09-2023/`), or a query parameter named as a
/// date (`date`, `d`, `dt`, `pubdate`, `publish_date`...) whose value is `YYYY-MM-DD` or
/// `YYYYMMDD`. Day-first or month-first when both are 12 or less is the page's `order`'s
/// to decide, never a guess without it.
pub fn parse_url_date_weak(url: &str, order: Order) -> Option<(NaiveDate, UrlReading)> {
    let b = url_path(url).as_bytes();
    let run = |j: usize| {
        b.get(j..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let sep = |c: u8| matches!(c, b'/' | b'-' | b'_');
    let mut i = 0;
    while i < b.len() {
        let a = run(i);
        if a == 0 {
            i += 1;
            continue;
        }
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let j = i + a;
        let c = run(j + 1);
        let k = j + 1 + c;
        let y = run(k + 1);
        let end = k + 1 + y;
        if starts
            && (1..=2).contains(&a)
            && (1..=2).contains(&c)
            && y == 4
            && b.get(j).copied().is_some_and(sep)
            && b.get(k).copied().is_some_and(sep)
            && b.get(end).is_none_or(|x| !x.is_ascii_alphanumeric())
        {
            if let (Some(p), Some(q), Some(yr)) =
                (num(&b[i..j]), num(&b[j + 1..k]), num(&b[k + 1..end]))
            {
                // (day, month): one reading when the two are equal or one is over 12.
                let read = if p == q {
                    Some(((p, q), UrlReading::Certain))
                } else {
                    let certain = p > 12 || q > 12;
                    day_month(p, q, order).map(|dm| {
                        let r = if certain {
                            UrlReading::Certain
                        } else {
                            UrlReading::Guessed
                        };
                        (dm, r)
                    })
                };
                if let Some(((d, m), r)) = read {
                    if (1990..=2100).contains(&yr) {
                        if let Some(dt) = ymd(yr, m, d) {
                            return Some((dt, r));
                        }
                    }
                }
            }
        }
        i = j;
    }
    url_query_date(url).map(|d| (d, UrlReading::Guessed))
}

/// A query parameter that names a date (`?date=2023-09-14`, `&d=20230914`,
/// `?pubdate=2023-09-14T08:15`): not one of an update, an expiry or a range's end.
fn url_query_date(url: &str) -> Option<NaiveDate> {
    let query = url.split('#').next()?.split_once('?')?.1;
    for pair in query.split(['&', ';']).take(32) {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        let name = name.to_ascii_lowercase();
        let dated = matches!(name.as_str(), "d" | "dt" | "day")
            || (name.ends_with("date")
                && ![
                    "upd", "mod", "exp", "end", "start", "from", "to", "last", "until", "since",
                ]
                .iter()
                .any(|w| name.starts_with(w)));
        if !dated {
            continue;
        }
        let v = value.as_bytes();
        let digits = v.iter().take_while(|c| c.is_ascii_digit()).count();
        let date = if digits == 8 && v.len() == 8 {
            ymd(num(&v[..4])?, num(&v[4..6])?, num(&v[6..8])?)
        } else if digits == 4
            && v.len() >= 10
            && v[4] == b'-'
            && v[7] == b'-'
            && v.get(10)
                .is_none_or(|c| matches!(c, b'T' | b't' | b' ' | b'+'))
        {
            ymd(num(&v[..4])?, num(&v[5..7])?, num(&v[8..10])?)
        } else {
            None
        };
        if let Some(d) = date.filter(|d| (1990..=2100).contains(&chrono::Datelike::year(d))) {
            return Some(d);
        }
    }
    None
}

/// A year and month in a URL's path without a day (`/2019/11/slug`): the month the story
/// was filed in, a check on dates found elsewhere.
pub fn parse_url_month(url: &str) -> Option<(i32, u32)> {
    let b = url_path(url).as_bytes();
    let mut i = 0;
    while i + 8 <= b.len() {
        if b[i] == b'/'
            && b[i + 5] == b'/'
            && b[i + 1..i + 5].iter().all(|c| c.is_ascii_digit())
            && b[i + 6..i + 8].iter().all(|c| c.is_ascii_digit())
            && b.get(i + 8).is_none_or(|c| *c == b'/')
        {
            let y = num(&b[i + 1..i + 5])?;
            let m = num(&b[i + 6..i + 8])?;
            if (1990..=2100).contains(&y) && (1..=12).contains(&m) {
                return Some((y as i32, m as u32));
            }
        }
        i += 1;
    }
    None
}

/// The path of a URL (scheme, host, query and fragment left out).
fn url_path(url: &str) -> &str {
    let path = url
        .find("://")
        .and_then(|i| url[i + 3..].find('/').map(|j| &url[i + 3 + j..]))
        .unwrap_or(url);
    path.split(['?', '#']).next().unwrap_or("")
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
            || DATE_COMPANIONS.contains(&l.as_str())
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

/// How a page writes an all-numeric date whose year has two digits: year first (Korean,
/// Chinese and Japanese pages: "23.09.14"), else day or month first ("14.09.23" in Europe,
/// "9/14/23" in the US).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortYear {
    YearFirst,
    YearLast,
    /// Neither the page's language nor its script says.
    Unknown,
}

impl ShortYear {
    /// From the page's language tag, else from the script of a line of its own text (the
    /// title): Hangul, kana or Han put the year first.
    pub fn of_page(lang: Option<&str>, sample: &str) -> ShortYear {
        let l = language_tag(lang).unwrap_or_default();
        let cjk = |l: &str| {
            ["ko", "zh", "ja"]
                .iter()
                .any(|p| l.split('-').next() == Some(p))
        };
        if !l.is_empty() {
            return if cjk(&l) {
                ShortYear::YearFirst
            } else {
                ShortYear::YearLast
            };
        }
        let mut letters = 0;
        for c in sample.chars().filter(|c| c.is_alphabetic()).take(200) {
            if matches!(c as u32, 0x1100..=0x11FF | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
            {
                return ShortYear::YearFirst;
            }
            letters += 1;
        }
        if letters >= 8 {
            ShortYear::YearLast
        } else {
            ShortYear::Unknown
        }
    }
}

/// A two-digit year on a page: the program's one reading of two digits
/// ([`crate::calendar::full_year`], this year as the reference), kept only from 1990 to
/// this year (the web's news pages, and a page's date is not in the future): "14.09.98" is
/// 1998, "23.12.31" has no year-last reading.
fn century(yy: i64) -> Option<i64> {
    use chrono::Datelike;
    let now = chrono::Local::now().year();
    let y = crate::calendar::full_year(u32::try_from(yy).ok()?, Some(now));
    (1990..=now).contains(&y).then_some(i64::from(y))
}

/// An all-numeric date with a two-digit year in a short date line ("14.09.23", "9/14/23",
/// "23.09.14 10:30"): three numbers of one or two digits parted by the same `.`, `/` or
/// `-`, none glued to other digits or parts. Which number is the year follows `short`;
/// day and month follow `order`, or a number over 12. The second value is false when the
/// reading stays a guess: the page did not say how it writes dates and another reading is
/// a date too.
pub fn short_year_date(s: &str, order: Order, short: ShortYear) -> Option<(NaiveDate, bool)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        // Three runs of 1–2 digits with one separator, the same twice.
        let run = |at: usize| -> Option<(i64, usize, usize)> {
            let n = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
            ((1..=2).contains(&n)).then(|| (num(&b[at..at + n]).unwrap_or(0), n, at + n))
        };
        let parsed = (|| {
            let (a, na, e1) = run(i)?;
            let sep = *b.get(e1).filter(|c| matches!(c, b'.' | b'/' | b'-'))?;
            let (m, _, e2) = run(e1 + 1).filter(|_| e1 + 1 < b.len())?;
            (b.get(e2) == Some(&sep)).then_some(())?;
            let (c, nc, e3) = run(e2 + 1).filter(|_| e2 + 1 < b.len())?;
            // Not part of a longer run ("1.2.3.4", "14.09.2023", "9/14/23/5").
            let after = b.get(e3).copied();
            let glued = after.is_some_and(|x| {
                x.is_ascii_digit() || (x == sep && b.get(e3 + 1).is_some_and(u8::is_ascii_digit))
            });
            (!glued).then_some((a, na, m, c, nc, sep))
        })();
        let Some((a, na, m, c, nc, sep)) = parsed else {
            i += 1;
            continue;
        };
        let last = |d: i64, mo: i64| -> Option<NaiveDate> {
            (nc == 2).then(|| ymd(century(c)?, mo, d)).flatten()
        };
        let first = || -> Option<NaiveDate> { (na == 2).then(|| ymd(century(a)?, m, c)).flatten() };
        // Year last: the day and month by the page's order, a number over 12, or dots
        // (day first wherever dots part a numeric date).
        let year_last = || -> Option<NaiveDate> {
            if sep == b'.' {
                last(a, m)
            } else {
                day_month(a, m, order).and_then(|(d, mo)| last(d, mo))
            }
        };
        return match short {
            ShortYear::YearFirst => first().map(|d| (d, true)),
            ShortYear::YearLast => year_last().map(|d| (d, true)),
            ShortYear::Unknown => match (year_last(), first()) {
                (Some(d), None) | (None, Some(d)) => Some((d, true)),
                (Some(d), Some(_)) => Some((d, false)),
                (None, None) => None,
            },
        };
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_pages_two_digit_year_is_the_latest_such_year_from_1990_to_now() {
        use chrono::Datelike;
        let now = i64::from(chrono::Local::now().year());
        for yy in 0..100 {
            let latest = (1990..=now).rev().find(|y| y % 100 == yy);
            assert_eq!(super::century(yy), latest, "{yy}");
        }
    }
}
