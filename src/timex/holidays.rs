//! Named days and the locales they belong to. The engine knows no holiday of its own: the
//! rule in `rules/holidays.rs` reads the names in the table of the locale it is given, and
//! `resolve` turns the day's rule ([`When`]) into a date. A name that means different days
//! in different places ("Thanksgiving", "Labour Day") sits in each locale's table with its
//! own rule; days kept alike across the English-speaking world sit in [`COMMON`].

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::OnceLock;

/// Where the text was written, for the holidays it names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// United States (the default: most English-language wire copy).
    #[default]
    Us,
    /// United Kingdom.
    Uk,
    /// Canada.
    Canada,
    /// Australia.
    Australia,
}

/// How a named day falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The `n`th weekday of a month (`-1`: the last), shifted by some days ("the day after
    /// Thanksgiving").
    Nth {
        month: u32,
        weekday: Weekday,
        n: i32,
        shift: i64,
    },
    /// The first weekday on or after a day of a month.
    OnOrAfter {
        month: u32,
        day: u32,
        weekday: Weekday,
    },
    /// Days from Western Easter Sunday.
    Easter(i64),
}

impl When {
    /// The day in year `y`.
    pub fn date(self, y: i32) -> Option<NaiveDate> {
        match self {
            When::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            When::Nth {
                month,
                weekday,
                n,
                shift,
            } => crate::calendar::nth_weekday(y, month, weekday, n)?
                .checked_add_signed(Duration::days(shift)),
            When::OnOrAfter {
                month,
                day,
                weekday,
            } => crate::calendar::weekday_on_or_after(y, month, day, weekday),
            When::Easter(off) => {
                crate::calendar::easter(y)?.checked_add_signed(Duration::days(off))
            }
        }
    }

    /// The TIMEX3 value when the year is unknown: the month and day when they never move,
    /// else the month when it never changes, else nothing.
    pub fn yearless_value(self) -> String {
        match self {
            When::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
            When::Easter(_) => "XXXX-XX-XX".into(),
            _ => match (self.date(2001), self.date(2002)) {
                (Some(a), Some(b)) if a.month() == b.month() => format!("XXXX-{:02}", a.month()),
                _ => "XXXX-XX-XX".into(),
            },
        }
    }
}

/// One named day: its names as written (the first word capitalised, the rest in any
/// case), and how it falls.
#[derive(Clone, Copy, Debug)]
pub struct Holiday {
    pub names: &'static [&'static str],
    pub when: When,
    /// A nation's own day ("Independence Day", "Memorial Day", "Thanksgiving"): after
    /// another nation's name ("Israel's Independence Day") it is that nation's, which this
    /// table does not know.
    pub national: bool,
}

const fn day(names: &'static [&'static str], when: When) -> Holiday {
    Holiday {
        names,
        when,
        national: false,
    }
}

const fn national(names: &'static [&'static str], when: When) -> Holiday {
    Holiday {
        names,
        when,
        national: true,
    }
}

const fn nth(month: u32, weekday: Weekday, n: i32) -> When {
    When::Nth {
        month,
        weekday,
        n,
        shift: 0,
    }
}

/// Days kept alike wherever English is written.
pub const COMMON: &[Holiday] = &[
    day(&["Christmas Eve"], When::Fixed(12, 24)),
    day(&["Christmas Day", "Christmas"], When::Fixed(12, 25)),
    day(&["New Year's Eve", "New Year Eve"], When::Fixed(12, 31)),
    day(&["New Year's Day", "New Year Day"], When::Fixed(1, 1)),
    day(&["Halloween"], When::Fixed(10, 31)),
    day(&["Valentine's Day"], When::Fixed(2, 14)),
    day(
        &["St. Patrick's Day", "Saint Patrick's Day"],
        When::Fixed(3, 17),
    ),
    day(&["Ash Wednesday"], When::Easter(-46)),
    day(&["Palm Sunday"], When::Easter(-7)),
    day(&["Good Friday"], When::Easter(-2)),
    day(&["Easter Sunday", "Easter Day", "Easter"], When::Easter(0)),
    day(&["Easter Monday"], When::Easter(1)),
];

/// United States federal holidays and other days the US press names.
pub const US: &[Holiday] = &[
    national(
        &[
            "Martin Luther King Jr. Day",
            "Martin Luther King Day",
            "MLK Day",
        ],
        nth(1, Weekday::Mon, 3),
    ),
    national(
        &["Presidents' Day", "Presidents Day"],
        nth(2, Weekday::Mon, 3),
    ),
    national(&["Memorial Day"], nth(5, Weekday::Mon, -1)),
    national(&["Juneteenth"], When::Fixed(6, 19)),
    national(&["Independence Day", "Fourth of July"], When::Fixed(7, 4)),
    national(&["Labor Day"], nth(9, Weekday::Mon, 1)),
    national(&["Columbus Day"], nth(10, Weekday::Mon, 2)),
    national(
        &["Election Day"],
        When::OnOrAfter {
            month: 11,
            day: 2,
            weekday: Weekday::Tue,
        },
    ),
    national(&["Veterans Day", "Veterans' Day"], When::Fixed(11, 11)),
    national(
        &["Thanksgiving Day", "Thanksgiving"],
        nth(11, Weekday::Thu, 4),
    ),
    national(
        &["Black Friday"],
        When::Nth {
            month: 11,
            weekday: Weekday::Thu,
            n: 4,
            shift: 1,
        },
    ),
];

/// United Kingdom.
pub const UK: &[Holiday] = &[
    day(&["Burns Night"], When::Fixed(1, 25)),
    day(
        &["St. George's Day", "Saint George's Day"],
        When::Fixed(4, 23),
    ),
    day(&["Guy Fawkes Night", "Bonfire Night"], When::Fixed(11, 5)),
    day(&["Armistice Day"], When::Fixed(11, 11)),
    day(&["Remembrance Sunday"], nth(11, Weekday::Sun, 2)),
    day(&["Boxing Day"], When::Fixed(12, 26)),
    day(&["Hogmanay"], When::Fixed(12, 31)),
];

/// Canada.
pub const CANADA: &[Holiday] = &[
    national(
        &["Victoria Day"],
        When::OnOrAfter {
            month: 5,
            day: 18,
            weekday: Weekday::Mon,
        },
    ),
    national(&["Canada Day"], When::Fixed(7, 1)),
    national(&["Labour Day"], nth(9, Weekday::Mon, 1)),
    national(
        &["Thanksgiving Day", "Thanksgiving"],
        nth(10, Weekday::Mon, 2),
    ),
    national(&["Remembrance Day"], When::Fixed(11, 11)),
    day(&["Boxing Day"], When::Fixed(12, 26)),
];

/// Australia.
pub const AUSTRALIA: &[Holiday] = &[
    national(&["Australia Day"], When::Fixed(1, 26)),
    national(&["Anzac Day"], When::Fixed(4, 25)),
    national(&["Remembrance Day"], When::Fixed(11, 11)),
    day(&["Boxing Day"], When::Fixed(12, 26)),
];

impl Locale {
    /// The locale's own table (read after [`COMMON`]).
    pub fn own(self) -> &'static [Holiday] {
        match self {
            Locale::Us => US,
            Locale::Uk => UK,
            Locale::Canada => CANADA,
            Locale::Australia => AUSTRALIA,
        }
    }

    /// Every name the locale knows, longest first (so "Christmas Eve" wins over
    /// "Christmas"), each as the words and marks the tokenizer cuts it into.
    pub(crate) fn names(self) -> &'static [Name] {
        static NAMES: [OnceLock<Vec<Name>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        NAMES[self as usize].get_or_init(|| {
            let mut out: Vec<Name> = COMMON
                .iter()
                .chain(self.own())
                .flat_map(|h| h.names.iter().map(move |n| Name::new(n, h)))
                .collect();
            out.sort_by_key(|n| std::cmp::Reverse(n.parts.len()));
            out
        })
    }
}

/// A holiday's name cut into tokens: words (lowercase) and punctuation marks.
#[derive(Clone, Debug)]
pub(crate) struct Name {
    pub parts: Vec<Part>,
    pub holiday: Holiday,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Word(String),
    Mark(u8),
}

impl Name {
    fn new(name: &str, holiday: &Holiday) -> Name {
        let mut toks = Vec::new();
        super::scan::tokenize(name, 0, name.len(), &mut toks);
        let parts = toks
            .iter()
            .map(|t| match t.kind {
                super::scan::Kind::Punct => Part::Mark(t.ch),
                _ => Part::Word(name[t.start..t.end].to_ascii_lowercase()),
            })
            .collect();
        Name {
            parts,
            holiday: *holiday,
        }
    }
}

/// Every first word of a holiday name in any locale (lowercase), for the lexicon.
pub(crate) fn first_words() -> Vec<String> {
    let mut out: Vec<String> = [COMMON, US, UK, CANADA, AUSTRALIA]
        .iter()
        .flat_map(|t| t.iter())
        .flat_map(|h| h.names.iter())
        .filter_map(|n| {
            let w: String = n.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            (!w.is_empty()).then(|| w.to_ascii_lowercase())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn days_fall_where_the_calendar_says() {
        let find = |t: &[Holiday], n: &str| t.iter().find(|h| h.names.contains(&n)).unwrap().when;
        assert_eq!(find(US, "Thanksgiving").date(2023), d("2023-11-23"));
        assert_eq!(find(CANADA, "Thanksgiving").date(2023), d("2023-10-09"));
        assert_eq!(find(US, "Black Friday").date(2023), d("2023-11-24"));
        assert_eq!(find(US, "Memorial Day").date(2024), d("2024-05-27"));
        assert_eq!(find(US, "Labor Day").date(2010), d("2010-09-06"));
        assert_eq!(find(US, "Election Day").date(2024), d("2024-11-05"));
        assert_eq!(find(US, "MLK Day").date(2011), d("2011-01-17"));
        assert_eq!(find(CANADA, "Victoria Day").date(2023), d("2023-05-22"));
        assert_eq!(find(CANADA, "Victoria Day").date(2022), d("2022-05-23"));
        assert_eq!(find(UK, "Remembrance Sunday").date(2023), d("2023-11-12"));
        assert_eq!(find(COMMON, "Good Friday").date(2024), d("2024-03-29"));
        assert_eq!(find(COMMON, "Ash Wednesday").date(2024), d("2024-02-14"));
        assert_eq!(find(US, "Labor Day").yearless_value(), "XXXX-09");
        assert_eq!(find(COMMON, "Easter").yearless_value(), "XXXX-XX-XX");
        assert_eq!(find(COMMON, "Halloween").yearless_value(), "XXXX-10-31");
    }

    #[test]
    fn names_are_cut_like_text_and_longest_first() {
        let names = Locale::Us.names();
        let ny = names
            .iter()
            .find(|n| n.holiday.names.contains(&"New Year's Day"))
            .unwrap();
        assert_eq!(ny.parts.len(), 5, "{:?}", ny.parts);
        assert!(names
            .windows(2)
            .all(|w| w[0].parts.len() >= w[1].parts.len()));
        assert!(!Locale::Uk
            .names()
            .iter()
            .any(|n| n.holiday.names.contains(&"Labor Day")));
        let words = first_words();
        for w in ["christmas", "new", "boxing", "martin", "st", "fourth"] {
            assert!(words.iter().any(|x| x == w), "{w}");
        }
    }
}
