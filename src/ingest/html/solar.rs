//! The Solar Hijri calendar, in which Iranian and Afghan pages date their articles
//! ("۲۳ شهریور ۱۴۰۲" = 14 September 2023): its month names and the Gregorian day of a date.
//! The year begins at the March equinox (Nowruz); the first six months have 31 days, the
//! next five 30, the last 29 or 30. Which day of March Nowruz falls on follows the
//! calendar's arithmetic leap rule (Borkowski's, as Iran's calendar programs use it).

use chrono::{Duration, NaiveDate};

/// Month names (Iranian names; Afghanistan's Dari names for the same months too).
const MONTHS: &[(&str, u32)] = &[
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("امرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
    ("حمل", 1),
    ("ثور", 2),
    ("جوزا", 3),
    ("سرطان", 4),
    ("اسد", 5),
    ("سنبله", 6),
    ("میزان", 7),
    ("عقرب", 8),
    ("قوس", 9),
    ("جدی", 10),
    ("دلو", 11),
    ("حوت", 12),
];

/// Month number of a Solar Hijri month word, or `None`.
pub fn month(w: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

/// Years of the calendar's leap cycle where the 33-year rule changes step.
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// The Gregorian date of Solar Hijri `y`-`m`-`d`, for years 1300 to 1500 (1921 to 2121).
pub fn to_gregorian(y: i64, m: i64, d: i64) -> Option<NaiveDate> {
    if !(1300..=1500).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    // The last month's 30th exists in leap years only: checked against the next Nowruz.
    let month_len = if m <= 6 { 31 } else { 30 };
    if !(1..=month_len).contains(&d) {
        return None;
    }
    let start = nowruz(y)?;
    let offset = if m <= 6 {
        (m - 1) * 31
    } else {
        186 + (m - 7) * 30
    } + d
        - 1;
    let date = start + Duration::days(offset);
    // Past the year's end (the 30th of the last month of a common year).
    (date < nowruz(y + 1)?).then_some(date)
}

/// The Gregorian day of the first of Farvardin of Solar Hijri year `y`.
fn nowruz(y: i64) -> Option<NaiveDate> {
    let gy = y + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if y < jm {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm;
    }
    let n = y - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_j - leap_g;
    NaiveDate::from_ymd_opt(gy as i32, 3, march as u32)
}
