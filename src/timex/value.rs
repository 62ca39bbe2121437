//! TIMEX3 value strings: formatting calendar values and mapping a value back to the
//! calendar interval it names ([`span_of`]).

use crate::model::{DateSpan, Precision};
use chrono::{Datelike, Duration, NaiveDate};

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn fmt_day(d: NaiveDate) -> String {
    let mut s = fmt_year(d.year());
    push2(&mut s, "-", d.month());
    push2(&mut s, "-", d.day());
    s
}

pub fn fmt_month(y: i32, m: u32) -> String {
    let mut s = fmt_year(y);
    push2(&mut s, "-", m);
    s
}

/// The year in at least four digits ("0047", "2023", "-005" as `{:04}` writes it).
/// Written digit by digit for the years of any calendar: resolution formats a value per
/// expression, and corpus date inference resolves each text under up to 16 dates.
pub fn fmt_year(y: i32) -> String {
    let mut s = String::with_capacity(10);
    if (0..=9999).contains(&y) {
        let y = y as u32;
        for d in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
            s.push(char::from(b'0' + d as u8));
        }
    } else {
        use std::fmt::Write;
        let _ = write!(s, "{y:04}");
    }
    s
}

/// `sep` and `n` in at least two digits, as `{sep}{n:02}` writes it.
fn push2(s: &mut String, sep: &str, n: u32) {
    s.push_str(sep);
    if n < 100 {
        s.push(char::from(b'0' + (n / 10) as u8));
        s.push(char::from(b'0' + (n % 10) as u8));
    } else {
        use std::fmt::Write;
        let _ = write!(s, "{n:02}");
    }
}

/// ISO week value ("2020-W53"): weeks start on Monday and belong to the year of their
/// Thursday.
pub fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    let mut s = fmt_year(w.year());
    push2(&mut s, "-W", w.week());
    s
}

pub fn quarter_of(m: u32) -> u32 {
    (m.clamp(1, 12) - 1) / 3 + 1
}

pub fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).map(|d| d - Duration::days(1))
}

/// Adds months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28).
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let total = d.year() as i64 * 12 + d.month0() as i64 + n as i64;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = total.rem_euclid(12) as u32 + 1;
    let last = last_day(y, m)?.day();
    ymd(y, m, d.day().min(last))
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn months(y: i32, m1: u32, m2: u32) -> Option<DateSpan> {
    Some(DateSpan {
        start: ymd(y, m1, 1)?,
        end: last_day(y, m2)?,
        precision: Precision::Month,
    })
}

fn years(y1: i32, y2: i32) -> Option<DateSpan> {
    Some(DateSpan {
        start: ymd(y1, 1, 1)?,
        end: ymd(y2, 12, 31)?,
        precision: Precision::Year,
    })
}

/// TIMEX value → inclusive calendar interval with precision. Days and weeks are
/// [`Precision::Day`]; months, quarters, halves and seasons [`Precision::Month`]; years,
/// decades and centuries [`Precision::Year`]. Times map to their day. Winter of year Y is
/// December Y-1 to February Y (the winter that starts the year). Partly unknown values
/// place at their known prefix: "1998-10-XX" is October 1998, "1949-XX" and "1989-WXX"
/// the year, "198X" the 1980s, "19XX" the 1900s. `None` for durations, sets, `*_REF` and
/// values whose year is unknown ("XXXX-09-12").
pub fn span_of(value: &str) -> Option<DateSpan> {
    if value.starts_with('P') || !value.is_ascii() {
        return None;
    }
    if value.contains('X') {
        return known_prefix(value);
    }
    let v = match value.find('T') {
        Some(i) => &value[..i],
        None => value,
    };
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [y] => match y.len() {
            4 => {
                let y = num::<i32>(y)?;
                years(y, y)
            }
            3 => {
                let d = num::<i32>(y)?;
                years(d * 10, d * 10 + 9)
            }
            2 => {
                let c = num::<i32>(y)?;
                years(c * 100, c * 100 + 99)
            }
            _ => None,
        },
        [y, p] => {
            let y = num::<i32>(y)?;
            if let Some(m) = num::<u32>(p) {
                if (1..=12).contains(&m) && p.len() == 2 {
                    return months(y, m, m);
                }
                return None;
            }
            match *p {
                "Q1" => months(y, 1, 3),
                "Q2" => months(y, 4, 6),
                "Q3" => months(y, 7, 9),
                "Q4" => months(y, 10, 12),
                "H1" => months(y, 1, 6),
                "H2" => months(y, 7, 12),
                "SP" => months(y, 3, 5),
                "SU" => months(y, 6, 8),
                "FA" => months(y, 9, 11),
                "WI" => Some(DateSpan {
                    start: ymd(y - 1, 12, 1)?,
                    end: last_day(y, 2)?,
                    precision: Precision::Month,
                }),
                w if w.starts_with('W') => {
                    let wk = num::<u32>(&w[1..])?;
                    let start = NaiveDate::from_isoywd_opt(y, wk, chrono::Weekday::Mon)?;
                    Some(DateSpan {
                        start,
                        end: start + Duration::days(6),
                        precision: Precision::Day,
                    })
                }
                _ => None,
            }
        }
        [y, w, "WE"] if w.starts_with('W') => {
            let y = num::<i32>(y)?;
            let wk = num::<u32>(&w[1..])?;
            let start = NaiveDate::from_isoywd_opt(y, wk, chrono::Weekday::Sat)?;
            Some(DateSpan {
                start,
                end: start + Duration::days(1),
                precision: Precision::Day,
            })
        }
        [y, m, d] => {
            let d = ymd(num(y)?, num(m)?, num(d)?)?;
            Some(DateSpan::day(d))
        }
        _ => None,
    }
}

/// The calendar interval of the fully known leading part of a value with `X`s.
fn known_prefix(value: &str) -> Option<DateSpan> {
    let v = match value.find('T') {
        Some(i) => &value[..i],
        None => value,
    };
    let mut parts = v.split('-');
    let y = parts.next()?;
    if y.len() != 4 {
        return None;
    }
    let digits = y.trim_end_matches('X');
    if y.contains('X') {
        // "198X" (a decade), "19XX" (a century): nothing after an unknown year digit counts
        return match digits.len() {
            2 | 3 if !digits.contains('X') => span_of(digits),
            _ => None,
        };
    }
    let mut end = y.len();
    for p in parts {
        if p.contains('X') {
            break;
        }
        end += 1 + p.len();
    }
    span_of(&v[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_format_writes_them() {
        let years = (-10_100..=-9_900)
            .chain(-1_100..=1_100)
            .chain(1_890..=2_110)
            .chain(9_900..=10_100)
            .chain([i32::MIN, -262_143, 262_142, i32::MAX]);
        for y in years {
            assert_eq!(fmt_year(y), format!("{:04}", y), "{y}");
            for m in [0, 1, 9, 10, 12, 99, 100, 123] {
                assert_eq!(fmt_month(y, m), format!("{:04}-{:02}", y, m), "{y} {m}");
            }
        }
        let days = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            ymd(-5, 3, 9).unwrap(),
            ymd(0, 1, 1).unwrap(),
            ymd(47, 12, 31).unwrap(),
            ymd(2024, 2, 29).unwrap(),
            ymd(9999, 12, 31).unwrap(),
            ymd(10_000, 1, 1).unwrap(),
        ];
        for d in days {
            let want = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            assert_eq!(fmt_day(d), want);
        }
        for start in [ymd(-3, 12, 20), ymd(2019, 12, 20)] {
            let mut d = start.unwrap();
            for _ in 0..800 {
                let w = d.iso_week();
                assert_eq!(fmt_week(d), format!("{:04}-W{:02}", w.year(), w.week()));
                d += Duration::days(3);
            }
        }
        for d in days {
            let w = d.iso_week();
            assert_eq!(fmt_week(d), format!("{:04}-W{:02}", w.year(), w.week()));
        }
    }
}
