//! Calendar facts the whole program shares, so that every part of dateline reads a date
//! alike: the English month names and their abbreviations, the one rule for the century of
//! a two-digit year, and the days that move from year to year (Easter, "the fourth
//! Thursday of November").

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Abbreviations of English month names, as news and web pages write them ("Sept.",
/// "Jan"), with their month numbers. ("May" needs none.)
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Month number of an English month name or abbreviation ("September", "Sept.", "sep"),
/// any case; `None` for anything else ("Marc", "Mayor").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if let Some(i) = MONTH_NAMES.iter().position(|n| n.eq_ignore_ascii_case(w)) {
        return Some(i as u32 + 1);
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(w))
        .map(|&(_, m)| m)
}

/// How many years after the reference year a two-digit year may still fall.
const TWO_DIGIT_AHEAD: i32 = 20;
/// The reference year assumed when none is known: the window is then 1950–2049, the
/// reading of RFC 5280 (UTCTime) and of most software.
const TWO_DIGIT_DEFAULT_REFERENCE: i32 = 2049 - TWO_DIGIT_AHEAD;

/// The one reading of a two-digit year ("'99", "FY23", "9/12/23") in dateline: the year
/// with those last two digits in the hundred years that end `TWO_DIGIT_AHEAD` (20) years
/// after the reference year (the publication year; 1950–2049 when it is unknown). Written
/// in 1998, "'15" is 2015 and "'29" is 1929; written in 2023, "'35" is 2035 and "'45" is
/// 1945.
pub fn full_year(yy: u32, reference_year: Option<i32>) -> i32 {
    // (years far outside any calendar are held to four digits, so nothing overflows)
    let r = reference_year
        .unwrap_or(TWO_DIGIT_DEFAULT_REFERENCE)
        .clamp(100, 9899);
    let last = r + TWO_DIGIT_AHEAD;
    last - (last - (yy % 100) as i32).rem_euclid(100)
}

/// The first year of a decade named by two digits ("the '80s", "the '20s"): as
/// [`full_year`], and a decade so named has begun by the reference year (written in
/// 2023, "the '30s" are the 1930s).
pub fn decade_start(yy: u32, reference_year: Option<i32>) -> i32 {
    let r = reference_year
        .unwrap_or(TWO_DIGIT_DEFAULT_REFERENCE)
        .clamp(100, 9899);
    let y = full_year(yy, reference_year);
    if y > r {
        y - 100
    } else {
        y
    }
}

/// Western Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The `n`th `weekday` of month `m` (n ≥ 1), or the last one (n = -1): "the fourth
/// Thursday of November", "the last Monday of May".
pub fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        return NaiveDate::from_weekday_of_month_opt(y, m, weekday, u8::try_from(n).ok()?);
    }
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
    let back = (last.weekday().num_days_from_monday() as i64
        - weekday.num_days_from_monday() as i64)
        .rem_euclid(7);
    Some(last - Duration::days(back))
}

/// The first `weekday` on or after day `d` of month `m`: "the Tuesday after the first
/// Monday of November" is the first Tuesday on or after November 2.
pub fn weekday_on_or_after(y: i32, m: u32, d: u32, weekday: Weekday) -> Option<NaiveDate> {
    let from = NaiveDate::from_ymd_opt(y, m, d)?;
    let fwd = (weekday.num_days_from_monday() as i64
        - from.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    Some(from + Duration::days(fwd))
}

/// Daylight saving time in the United States on day `d` (the rules of 2007 on, of
/// 1987–2006, and of 1967–1986; none before).
pub fn us_daylight_saving(d: NaiveDate) -> bool {
    let y = d.year();
    let (start, end) = match y {
        2007.. => (
            nth_weekday(y, 3, Weekday::Sun, 2),
            nth_weekday(y, 11, Weekday::Sun, 1),
        ),
        1987..=2006 => (
            nth_weekday(y, 4, Weekday::Sun, 1),
            nth_weekday(y, 10, Weekday::Sun, -1),
        ),
        1967..=1986 => (
            nth_weekday(y, 4, Weekday::Sun, -1),
            nth_weekday(y, 10, Weekday::Sun, -1),
        ),
        _ => return false,
    };
    matches!((start, end), (Some(s), Some(e)) if s <= d && d < e)
}

/// Summer time in the European Union and the United Kingdom on day `d` (the rule in force
/// since 1996: from the last Sunday of March to the last Sunday of October; none before,
/// whose rules differed by country).
pub fn eu_summer_time(d: NaiveDate) -> bool {
    let y = d.year();
    if y < 1996 {
        return false;
    }
    let start = nth_weekday(y, 3, Weekday::Sun, -1);
    let end = nth_weekday(y, 10, Weekday::Sun, -1);
    matches!((start, end), (Some(s), Some(e)) if s <= d && d < e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_names_and_abbreviations() {
        for (w, m) in [
            ("September", Some(9)),
            ("Sept.", Some(9)),
            ("sep", Some(9)),
            ("MAY", Some(5)),
            ("Jan.", Some(1)),
            ("december", Some(12)),
            ("Marc", None),
            ("Mayor", None),
            ("", None),
        ] {
            assert_eq!(month_number(w), m, "{w}");
        }
    }

    #[test]
    fn two_digit_years() {
        for (yy, r, y) in [
            (99, Some(1998), 1999),
            (15, Some(1998), 2015),
            (29, Some(1998), 1929),
            (89, Some(1989), 1989),
            (35, Some(2023), 2035),
            (45, Some(2023), 1945),
            (43, Some(2023), 2043),
            (44, Some(2023), 1944),
            (0, Some(1990), 2000),
            (49, None, 2049),
            (50, None, 1950),
            (123, None, 2023),
        ] {
            assert_eq!(full_year(yy, r), y, "{yy} {r:?}");
        }
        assert_eq!(decade_start(30, Some(2023)), 1930);
        assert_eq!(decade_start(20, Some(2023)), 2020);
        assert_eq!(decade_start(20, Some(1998)), 1920);
        assert_eq!(decade_start(80, None), 1980);
        assert_eq!(decade_start(30, None), 1930);
        // far references do not overflow
        let _ = full_year(99, Some(i32::MAX));
        let _ = decade_start(99, Some(i32::MIN));
    }

    #[test]
    fn moving_days() {
        assert_eq!(easter(2024), Some(day("2024-03-31")));
        assert_eq!(easter(2019), Some(day("2019-04-21")));
        assert_eq!(easter(2000), Some(day("2000-04-23")));
        assert_eq!(easter(1818), Some(day("1818-03-22")));
        assert_eq!(
            nth_weekday(2023, 11, Weekday::Thu, 4),
            Some(day("2023-11-23"))
        );
        assert_eq!(
            nth_weekday(2024, 5, Weekday::Mon, -1),
            Some(day("2024-05-27"))
        );
        assert_eq!(
            nth_weekday(2023, 12, Weekday::Sun, -1),
            Some(day("2023-12-31"))
        );
        assert_eq!(nth_weekday(2023, 11, Weekday::Thu, 6), None);
        assert_eq!(
            weekday_on_or_after(2024, 11, 2, Weekday::Tue),
            Some(day("2024-11-05"))
        );
        assert_eq!(
            weekday_on_or_after(2022, 11, 2, Weekday::Tue),
            Some(day("2022-11-08"))
        );
    }

    #[test]
    fn eu_summer_time_days() {
        for (d, dst) in [
            ("2010-03-27", false),
            ("2010-03-28", true),
            ("2010-10-30", true),
            ("2010-10-31", false),
            ("2010-01-15", false),
            ("1990-07-01", false),
        ] {
            assert_eq!(eu_summer_time(day(d)), dst, "{d}");
        }
    }

    #[test]
    fn us_summer_time() {
        for (d, dst) in [
            ("2009-03-07", false),
            ("2009-03-08", true),
            ("2009-10-31", true),
            ("2009-11-01", false),
            ("2005-04-02", false),
            ("2005-04-03", true),
            ("2005-10-30", false),
            ("1998-07-01", true),
            ("1998-01-15", false),
            ("1960-07-01", false),
        ] {
            assert_eq!(us_daylight_saving(day(d)), dst, "{d}");
        }
    }
}
