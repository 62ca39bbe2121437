//! Publication dates, with their evidence.
//!
//! Every relative date in an article ("on Wednesday", "September 12" without a year) is only
//! as good as the publication date it is resolved against, so this module never guesses
//! silently: it walks the evidence from most to least trusted (metadata, header lines, wire
//! datelines, the file name, the text itself, and last the file's modification time) and
//! says which one decided and how sure it is. When a dateline or the text gives a month and
//! day but no year, the year is inferred from weekday–date consistency and from the years
//! the text mentions (a year it names as a finished period, "in 2022 alone", is before the
//! year of writing), and the confidence says how well that went. A month-day the text tells
//! of is a lower bound; the weekday its lead reports a statement on ("Japan said Friday")
//! is the article's present and falls on or after it.

use crate::model::{Article, DatedEvidence, PubDateSource};
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// Confidence at or above which a publication date counts as firm: events resolved against
/// it are `relative-to-publication`; below it they are `publication-date-inferred`.
pub const FIRM: f32 = 0.8;

/// Month number from an English month name or common abbreviation ("Sept.", "September").
pub fn month_number(word: &str) -> Option<u32> {
    crate::calendar::month_number(word)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    Some(match w.as_str() {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// Parses a date at the start of a metadata string: ISO (`2024-06-20`, `2024-06-20T09:00+09:00`,
/// `2024/06/20`, `20240620`), `20 June 2024`, `June 20, 2024`, `Thu, 20 Jun 2024 10:00 GMT`,
/// `20.06.2024`. Leading weekday names and punctuation are skipped. The date is taken as
/// written (in the page's own zone), never converted to UTC. Returns the date and how many
/// bytes of `s` it used.
pub fn parse_date_string(s: &str) -> Option<(NaiveDate, usize)> {
    static RE: OnceLock<[Regex; 4]> = OnceLock::new();
    let res = RE.get_or_init(|| {
        [
            // ISO and slashed year-first.
            Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?").unwrap(),
            // 20 June 2024 / 20 Jun. 2024
            Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})").unwrap(),
            // June 20, 2024 / Jun 20 2024
            Regex::new(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})").unwrap(),
            // 20.06.2024 / 20/06/2024 (day first: the US form is ambiguous in metadata and
            // rare there, so only accept it when the first number cannot be a month).
            Regex::new(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})").unwrap(),
        ]
    });
    let trimmed = s.trim_start_matches(|c: char| c.is_whitespace() || ",:|-–—·".contains(c));
    let mut skip = s.len() - trimmed.len();
    let mut t = trimmed;
    // Leading weekday: "Thu, 20 Jun 2024", "Wednesday 13 September 2023".
    if let Some(first) = t.split_whitespace().next() {
        if weekday_of(first).is_some() {
            let rest = t[first.len()..].trim_start_matches([',', ' ']);
            skip += t.len() - rest.len();
            t = rest;
        }
    }
    let ymd = |y: &str, m: u32, d: &str| -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
    };
    if let Some(c) = res[0].captures(t) {
        let d = ymd(&c[1], c[2].parse().ok()?, &c[3])?;
        return Some((d, skip + c[0].len()));
    }
    if t.len() >= 8
        && t.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && !t.as_bytes().get(8).is_some_and(u8::is_ascii_digit)
    {
        let d = ymd(&t[..4], t[4..6].parse().ok()?, &t[6..8])?;
        return Some((d, skip + 8));
    }
    if let Some(c) = res[1].captures(t) {
        let d = ymd(&c[3], month_number(&c[2])?, &c[1])?;
        return Some((d, skip + c[0].len()));
    }
    if let Some(c) = res[2].captures(t) {
        let d = ymd(&c[3], month_number(&c[1])?, &c[2])?;
        return Some((d, skip + c[0].len()));
    }
    if let Some(c) = res[3].captures(t) {
        let a: u32 = c[1].parse().ok()?;
        let b: u32 = c[2].parse().ok()?;
        let (day, month) = if a > 12 || t.as_bytes().get(c[1].len()) == Some(&b'.') {
            (a, b)
        } else {
            return None; // 03/04/2021: month-first or day-first? Don't guess.
        };
        let d = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, day)?;
        return Some((d, skip + c[0].len()));
    }
    None
}

/// A wire dateline at the start of the body: "TOKYO, September 19. /TASS/.",
/// "PARIS, Oct 2 (AFP) -", "WASHINGTON (Reuters) -".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    /// Month and day when the dateline carries them.
    pub month_day: Option<(u32, u32)>,
    /// A full date when it carries a year too.
    pub date: Option<NaiveDate>,
}

pub fn find_dateline(article: &Article) -> Option<Dateline> {
    static RE: OnceLock<[Regex; 2]> = OnceLock::new();
    let [dated, agency] = RE.get_or_init(|| {
        [
            // "TOKYO, September 19", "PARIS, Oct 2", "KYIV, Ukraine, March 3, 2022": the
            // optional region is lazy so that a month is never taken for it.
            Regex::new(r"^(?P<place>[A-Z][A-Z'.\- ]{2,30}[A-Z])(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)??,\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4})\b)?").unwrap(),
            // "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", "MOSCOW, /TASS/."
            Regex::new(r"^(?P<place>[A-Z][A-Z'.\- ]{2,30}[A-Z])(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?,?\s*(?:\(|/)(?P<agency>[A-Z][A-Za-z]{1,15})(?:\)|/)\.?\s*[-–—:.]?").unwrap(),
        ]
    });
    article
        .paragraphs
        .iter()
        .take(6)
        .filter(|p| p.kind != crate::model::ParagraphKind::Title)
        .find_map(|p| {
            let t = &article.text[p.range.clone()];
            if let Some(c) = dated.captures(t) {
                if let (Some(m), Ok(d)) = (month_number(&c["month"]), c["day"].parse::<u32>()) {
                    if (1..=31).contains(&d) {
                        let date = c
                            .name("year")
                            .and_then(|y| y.as_str().parse().ok())
                            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d));
                        return Some(Dateline {
                            place: c["place"].trim().to_string(),
                            month_day: Some((m, d)),
                            date,
                        });
                    }
                }
            }
            // Without a date, an upper-case start is a dateline only with an agency mark;
            // otherwise it is just a shouting sentence.
            agency.captures(t).map(|c| Dateline {
                place: c["place"].trim().to_string(),
                month_day: None,
                date: None,
            })
        })
}

/// A date in a file name: `2023-09-14-kim.txt`, `20210303_report.html`.
pub fn date_in_file_name(name: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)").unwrap()
    });
    let c = re.captures(name)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A date stated by the names of the folders a file lives in: a day (`2011-01-25/`,
/// `20110125/`, `2023/09/14/`), a month (`2023-09/`, `2023/09/`) or a year (`2023/`). Only
/// folders named by the date alone count ("backup-2024-05-01" is not one), and the deepest
/// one wins (`2023/09/14/politics/` is 14 September).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderDate {
    pub year: i32,
    pub month: Option<u32>,
    /// Only with a month.
    pub day: Option<u32>,
    /// The folder names that say so, as written ("2011-01-25", "2023/09/14").
    pub folder: String,
}

impl FolderDate {
    /// The day, when the folders name one.
    pub fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
    /// Does `d` lie in the period the folders name?
    pub fn contains(&self, d: NaiveDate) -> bool {
        d.year() == self.year
            && self.month.is_none_or(|m| d.month() == m)
            && self.day.is_none_or(|x| d.day() == x)
    }
}

pub fn date_in_folders(dir: &std::path::Path) -> Option<FolderDate> {
    let names: Vec<&str> = dir
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = |s: &str| number(s, 4..=4).filter(|y| (1900..=2099).contains(y));
    let month = |s: &str| number(s, 1..=2).filter(|m| (1..=12).contains(m));
    let day = |s: &str| number(s, 1..=2).filter(|d| (1..=31).contains(d));
    let found = |y: u32, m: Option<u32>, d: Option<u32>, folder: String| {
        let f = FolderDate {
            year: y as i32,
            month: m,
            day: d,
            folder,
        };
        // A day that does not exist (2023/02/30) is no evidence.
        (d.is_none() || f.date().is_some()).then_some(f)
    };
    for i in (0..names.len()).rev() {
        let name = names[i];
        // One folder: 2011-01-25, 2011_01_25, 2011.01.25, 20110125, 2023-09.
        let parts: Vec<&str> = name.split(['-', '_', '.']).collect();
        match parts.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                if let (Some(y), Some(m), Some(d)) = (year(y), month(m), day(d)) {
                    return found(y, Some(m), Some(d), name.to_string());
                }
            }
            [y, m] if y.len() == 4 && m.len() == 2 => {
                if let (Some(y), Some(m)) = (year(y), month(m)) {
                    return found(y, Some(m), None, name.to_string());
                }
            }
            [ymd] if ymd.len() == 8 => {
                if let (Some(y), Some(m), Some(d)) =
                    (year(&ymd[..4]), month(&ymd[4..6]), day(&ymd[6..]))
                {
                    return found(y, Some(m), Some(d), name.to_string());
                }
            }
            _ => {}
        }
        // Nested folders: 2023/09/14, 2023/09, 2023.
        if let Some(y) = year(name) {
            return found(y, None, None, name.to_string());
        }
        let up = |k: usize| i.checked_sub(k).map(|j| names[j]);
        if let (Some(m), Some(y)) = (up(1).and_then(month), up(2).and_then(year)) {
            if let Some(d) = day(name) {
                return found(y, Some(m), Some(d), names[i - 2..=i].join("/"));
            }
        }
        if let (Some(m), Some(y)) = (month(name), up(1).and_then(year)) {
            return found(y, Some(m), None, names[i - 1..=i].join("/"));
        }
    }
    None
}

/// "Wednesday, September 13" / "Wednesday (Sept. 13)" / "Wednesday 13 September" pairs
/// without a year: each one constrains which years are possible.
pub fn weekday_date_pairs(text: &str) -> Vec<(Weekday, u32, u32)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\(?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Z][a-z]{2,8})|(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)\b(?P<year>,?\s+\d{4})?").unwrap()
    });
    re.captures_iter(text)
        .filter(|c| c.name("year").is_none())
        .filter_map(|c| {
            let wd = weekday_of(&format!("{}day", &c[1]))?;
            let (m, d) = match (c.name("m1"), c.name("d1"), c.name("m2"), c.name("d2")) {
                (Some(m), Some(d), _, _) | (_, _, Some(m), Some(d)) => {
                    (month_number(m.as_str())?, d.as_str().parse().ok()?)
                }
                _ => return None,
            };
            Some((wd, m, d))
        })
        .collect()
}

/// Four-digit years the text mentions (1900–2099), as a sorted set.
pub fn years_mentioned(text: &str) -> Vec<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\w$€£.,/-])((?:19|20)\d{2})(?:s\b)?(?:[^\w%]|$)").unwrap()
    });
    let mut ys: Vec<i32> = re
        .captures_iter(text)
        .filter(|c| !c[0].trim_end().ends_with('s'))
        .filter_map(|c| c[1].parse().ok())
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// Years the text names as a whole, finished period ("10 million shells in 2022 alone",
/// "throughout 2021", "for all of 2020", "in 2019 as a whole"), as a sorted set. A writer
/// sums up or sets apart a whole year only once it is over, so the text was written after
/// each of them. A sentence that speaks of the future ("will cost $5bn in 2024 alone") names
/// a year to come, not a finished one.
pub fn finished_years(text: &str) -> Vec<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:(?:in|during|for|over)\s+(?P<a>(?:19|20)\d{2})\s+(?:alone|as\s+a\s+whole)\b|throughout\s+(?:the\s+year\s+)?(?P<b>(?:19|20)\d{2})\b|(?:all|the\s+whole|the\s+entirety)\s+of\s+(?P<c>(?:19|20)\d{2})\b)").unwrap()
    });
    let mut ys: Vec<i32> = re
        .captures_iter(text)
        .filter_map(|c| {
            let y = c.name("a").or(c.name("b")).or(c.name("c"))?;
            // "2022-23", "2022/23": a span of two years, not one finished year.
            let after = text[y.end()..].chars().next();
            if after.is_some_and(|ch| matches!(ch, '-' | '/' | '–')) {
                return None;
            }
            (!is_future_context(text, c.get(0)?.start())).then(|| y.as_str().parse().ok())?
        })
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// The result of inferring a year for a month-day.
#[derive(Clone, Debug, PartialEq)]
pub struct YearGuess {
    pub year: i32,
    pub confidence: f32,
    pub note: String,
    /// Nothing in the text decided the year: it is the file time's.
    pub from_file_time: bool,
}

/// Chooses the year for a month-day ("September 19") that came without one, from the
/// evidence in the text: weekday–date pairs (only some years fit), and the latest year the
/// text mentions (an article is rarely published before a year it mentions, and usually
/// within a year after the latest one). `fallback` (the file time) is used last and labelled.
pub fn infer_year(
    month: u32,
    day: u32,
    text: &str,
    fallback: Option<NaiveDate>,
) -> Option<YearGuess> {
    let pairs = weekday_date_pairs(text);
    let years = years_mentioned(text);
    // The text was written after every year it names as a finished period.
    let floor = finished_years(text).last().map(|y| y + 1);
    let latest = years.last().copied();
    // The latest year the text could have been written in, by what it mentions.
    let writing = match (latest, floor) {
        (Some(l), Some(f)) => Some(l.max(f)),
        (l, f) => l.or(f),
    };
    let after_floor = |y: i32| floor.is_none_or(|f| y >= f);
    let fits = |y: i32| {
        after_floor(y)
            && NaiveDate::from_ymd_opt(y, month, day).is_some()
            && pairs.iter().all(|&(wd, m, d)| {
                NaiveDate::from_ymd_opt(y, m, d).is_some_and(|date| date.weekday() == wd)
            })
    };
    if !pairs.is_empty() {
        let (wd, m, d) = pairs[0];
        let pair_txt = format!(
            "{wd:?} {}",
            NaiveDate::from_ymd_opt(2000, m, d)
                .map(|x| x.format("%B %-d").to_string())
                .unwrap_or_default()
        );
        if let Some(latest) = writing {
            let cands: Vec<i32> = (latest..=latest + 1).filter(|&y| fits(y)).collect();
            if cands.len() == 1 {
                return Some(YearGuess {
                    year: cands[0],
                    confidence: 0.7,
                    note: format!(
                        "year inferred from weekday ({pair_txt}) and the years the text mentions"
                    ),
                    from_file_time: false,
                });
            }
        }
        let anchor = fallback.map(|f| f.year()).or(writing);
        if let Some(anchor) = anchor {
            if let Some(y) = (anchor - 6..=anchor).rev().find(|&y| fits(y)) {
                return Some(YearGuess {
                    year: y,
                    confidence: 0.4,
                    note: format!("year inferred from weekday ({pair_txt}) alone: the latest fitting year up to {anchor}"),
                    from_file_time: false,
                });
            }
        }
    }
    if let Some(latest) = latest.filter(|&l| after_floor(l)) {
        if NaiveDate::from_ymd_opt(latest, month, day).is_some() {
            return Some(YearGuess {
                year: latest,
                confidence: 0.4,
                note: format!("year assumed from the latest year the text mentions ({latest})"),
                from_file_time: false,
            });
        }
    }
    if let Some(year) = floor {
        if NaiveDate::from_ymd_opt(year, month, day).is_some() {
            let done = year - 1;
            return Some(YearGuess {
                year,
                confidence: 0.4,
                note: format!(
                    "year assumed as the one after {done}, which the text names as a finished period"
                ),
                from_file_time: false,
            });
        }
    }
    let f = fallback?;
    let y = if (month, day) <= (f.month(), f.day()) {
        f.year()
    } else {
        f.year() - 1
    };
    NaiveDate::from_ymd_opt(y, month, day)?;
    Some(YearGuess {
        year: y,
        confidence: FILE_TIME_YEAR,
        note: "year unknown: assumed from the file's modification time".into(),
        from_file_time: true,
    })
}

/// Confidence of a publication date whose year is the file time's (a dateline's or the
/// text's month and day, no year in the text): below every year the text gives.
const FILE_TIME_YEAR: f32 = 0.2;

/// Does this publication date's year rest on the file time alone (the file time itself, or
/// a month and day of the text or its dateline in the file time's year)?
pub(crate) fn year_from_file_time(p: &DatedEvidence) -> bool {
    match p.source {
        PubDateSource::FileTime => true,
        PubDateSource::Dateline | PubDateSource::Text => p.confidence <= FILE_TIME_YEAR,
        _ => false,
    }
}

/// The month and day of a wire dateline without a year ("TOKYO, September 19.") when the
/// article's own evidence dates it by that dateline and nothing in it gives the year (which
/// [`resolve`] then takes from the file time): no stated or structured date, no date in
/// the file or folder names, no year or weekday–date pair in the text.
pub(crate) fn dateline_year_from_file_time(article: &Article) -> Option<(u32, u32)> {
    if !article.pub_date_evidence.is_empty() || article.modified_date.is_some() {
        return None;
    }
    let (m, d) = find_dateline(article)
        .filter(|dl| dl.date.is_none())?
        .month_day?;
    let name = article.file.file_name().map(|n| n.to_string_lossy());
    if name.is_some_and(|n| date_in_file_name(&n).is_some())
        || article.file.parent().and_then(date_in_folders).is_some()
    {
        return None;
    }
    infer_year(m, d, &article.text, article.file_time)
        .filter(|g| g.from_file_time)
        .map(|_| (m, d))
}

fn trust_rank(s: PubDateSource) -> u8 {
    match s {
        PubDateSource::User => 0,
        PubDateSource::JsonLd => 1,
        PubDateSource::Meta => 2,
        PubDateSource::TimeElement => 3,
        // Structured fields of a record: as firm as a JSON article's date field.
        PubDateSource::JsonField | PubDateSource::Feed | PubDateSource::CsvField => 4,
        PubDateSource::Url => 5,
        PubDateSource::Byline => 6,
        PubDateSource::HeaderLine | PubDateSource::ExportHeader => 7,
        // When a message was sent: the article's own stated date, if any, comes first.
        PubDateSource::MailHeader => 8,
        PubDateSource::Dateline => 8,
        PubDateSource::FileName => 9,
        PubDateSource::Folder => 10,
        // A web page's last-resort search of its own text (kept apart below).
        PubDateSource::PageText | PubDateSource::Text => 11,
        PubDateSource::Corpus => 12,
        PubDateSource::FileTime => 13,
    }
}

/// Decides an article's publication date from its evidence. `user` (a correction or
/// `--pub-date`) wins outright. Returns `None` only when there is no evidence at all, not
/// even a file time.
pub fn resolve(article: &Article, user: Option<NaiveDate>) -> Option<DatedEvidence> {
    resolve_with(article, user, &mut || {
        crate::timex::tag(&article.text, None)
    })
}

/// [`resolve`], with the text's dates tagged without a reference date by `undated_tags`
/// (called at most once, and only when the text itself must be read): a caller that goes on
/// to tag the text against the date found can parse it once for both
/// ([`crate::timex::parse`]).
pub(crate) fn resolve_with(
    article: &Article,
    user: Option<NaiveDate>,
    undated_tags: &mut dyn FnMut() -> Vec<crate::timex::Timex>,
) -> Option<DatedEvidence> {
    if let Some(d) = user {
        return Some(DatedEvidence {
            date: d,
            source: PubDateSource::User,
            confidence: 1.0,
            note: "set by the user".into(),
        });
    }
    if let Some(best) = article
        .pub_date_evidence
        .iter()
        .filter(|e| e.source != PubDateSource::PageText)
        .min_by_key(|e| trust_rank(e.source))
    {
        return Some(best.clone());
    }
    // Only a "last updated" stamp: publication came on or before it, usually close.
    if let Some(m) = &article.modified_date {
        return Some(DatedEvidence {
            date: m.date,
            source: m.source,
            confidence: (m.confidence * 0.8).min(0.75),
            note: format!("only a last-updated date is given ({})", m.note),
        });
    }
    let dateline = find_dateline(article);
    if let Some(dl) = &dateline {
        if let Some(date) = dl.date {
            return Some(DatedEvidence {
                date,
                source: PubDateSource::Dateline,
                confidence: 0.9,
                note: format!("wire dateline {}", dl.place),
            });
        }
    }
    let file_name = article
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if let Some(date) = date_in_file_name(&file_name) {
        return Some(DatedEvidence {
            date,
            source: PubDateSource::FileName,
            confidence: 0.75,
            note: format!("date in the file name {file_name}"),
        });
    }
    let folder = article.file.parent().and_then(date_in_folders);
    if let Some((f, date)) = folder.as_ref().and_then(|f| Some((f, f.date()?))) {
        return Some(DatedEvidence {
            date,
            source: PubDateSource::Folder,
            confidence: 0.7,
            note: format!("date in the folder name {}/", f.folder),
        });
    }
    if let Some(Dateline {
        place,
        month_day: Some((m, d)),
        ..
    }) = &dateline
    {
        let guess = infer_year(*m, *d, &article.text, article.file_time);
        // A folder naming the year (and the same month) says which year the dateline means,
        // unless the text's weekdays already decide it.
        let folder_year = folder
            .as_ref()
            .filter(|f| f.month.is_none_or(|fm| fm == *m))
            .filter(|_| guess.as_ref().is_none_or(|g| g.confidence < 0.7));
        if let Some(f) = folder_year {
            if let Some(date) = NaiveDate::from_ymd_opt(f.year, *m, *d) {
                return Some(DatedEvidence {
                    date,
                    source: PubDateSource::Folder,
                    confidence: if f.month.is_some() { 0.7 } else { 0.6 },
                    note: format!(
                        "wire dateline {place} without a year; the year from the folder name {}/",
                        f.folder
                    ),
                });
            }
        }
        if let Some(g) = guess {
            if let Some(date) = NaiveDate::from_ymd_opt(g.year, *m, *d) {
                return Some(DatedEvidence {
                    date,
                    source: PubDateSource::Dateline,
                    confidence: g.confidence,
                    note: format!("wire dateline {place} without a year; {}", g.note),
                });
            }
        }
    }
    // A web page's search of its whole text (the HTML reader's last resort) stands where
    // the article text's own reading would, ahead of it: it sees the byline lines too.
    let text = article
        .pub_date_evidence
        .iter()
        .find(|e| e.source == PubDateSource::PageText)
        .cloned()
        .or_else(|| from_text(article, &undated_tags()));
    if let Some(ev) = folder
        .as_ref()
        .and_then(|f| within_month_folder(f, text.clone(), article.file_time))
    {
        return Some(ev);
    }
    if let Some(ev) = text {
        return Some(ev);
    }
    article.file_time.map(|date| DatedEvidence {
        date,
        source: PubDateSource::FileTime,
        confidence: 0.15,
        note: "publication date unknown: file time used".into(),
    })
}

/// A folder names the month (`2023-09/`) but not the day: the day comes from the text or
/// the file time when either falls in that month; otherwise the middle of the month stands
/// in, weakly, and the note says the day is unknown.
fn within_month_folder(
    f: &FolderDate,
    text: Option<DatedEvidence>,
    file_time: Option<NaiveDate>,
) -> Option<DatedEvidence> {
    let folder = &f.folder;
    let middle = NaiveDate::from_ymd_opt(f.year, f.month?, 15)?;
    if let Some(t) = text.filter(|t| f.contains(t.date)) {
        return Some(DatedEvidence {
            date: t.date,
            source: PubDateSource::Folder,
            confidence: 0.6,
            note: format!(
                "month from the folder name {folder}/, day from the text ({})",
                t.note
            ),
        });
    }
    if let Some(date) = file_time.filter(|d| f.contains(*d)) {
        return Some(DatedEvidence {
            date,
            source: PubDateSource::Folder,
            confidence: 0.45,
            note: format!(
                "month from the folder name {folder}/, day from the file's modification time"
            ),
        });
    }
    Some(DatedEvidence {
        date: middle,
        source: PubDateSource::Folder,
        confidence: 0.25,
        note: format!(
            "the folder name {folder}/ gives the month only: the day is unknown (mid-month used)"
        ),
    })
}

/// Evidence from the text alone: the latest full date it states, or a weekday–date pair
/// whose year can be inferred. Weak by nature, and labelled so.
fn from_text(article: &Article, tags: &[crate::timex::Timex]) -> Option<DatedEvidence> {
    let latest_full = tags
        .iter()
        .filter(|t| t.resolution == crate::timex::Resolution::Absolute)
        .filter(|t| !is_future_context(&article.text, t.start))
        .filter_map(|t| crate::timex::span_of(t.end_value.as_deref().unwrap_or(&t.value)))
        .filter(|s| s.precision == crate::model::Precision::Day)
        .map(|s| s.end)
        .filter(|d| article.file_time.is_none_or(|f| *d <= f))
        .max();
    if let Some(date) = latest_full {
        return Some(DatedEvidence {
            date,
            source: PubDateSource::Text,
            confidence: 0.45,
            note: "latest full date the text states".into(),
        });
    }
    let pairs = weekday_date_pairs(&article.text);
    if let Some(&(_, m, d)) = pairs.last() {
        if let Some(g) = infer_year(m, d, &article.text, None) {
            if let Some(date) = NaiveDate::from_ymd_opt(g.year, m, d) {
                return Some(DatedEvidence {
                    date,
                    source: PubDateSource::Text,
                    confidence: (g.confidence - 0.1).max(0.2),
                    note: format!("latest weekday-dated day in the text; {}", g.note),
                });
            }
        }
    }
    // A month-day without a year ("since September 12"): news names such days only near
    // its publication, and reports them after they happen, so the latest one is a lower
    // bound and a fair guess. Its year is inferred as for datelines.
    let (m, d) = tags
        .iter()
        .filter_map(|t| yearless_month_day(&t.value))
        .max()?;
    let g = infer_year(m, d, &article.text, article.file_time)?;
    let lower = NaiveDate::from_ymd_opt(g.year, m, d)?;
    // The day the lead reports ("Japan said Friday") is the article's present: not before
    // a day the article already tells of, so the first such weekday on or after it (and not
    // after the file was last written).
    let present_day = reported_weekday(article).map(|w| {
        let ahead = (7 + w.num_days_from_monday() - lower.weekday().num_days_from_monday()) % 7;
        lower + chrono::Duration::days(i64::from(ahead))
    });
    let (date, present) = match present_day.filter(|d| article.file_time.is_none_or(|f| *d <= f)) {
        Some(day) => {
            let note = format!(
                "; the lead reports a {} as its present: {}",
                day.format("%A"),
                day.format("%A %B %-d")
            );
            (day, note)
        }
        None => (lower, String::new()),
    };
    Some(DatedEvidence {
        date,
        source: PubDateSource::Text,
        confidence: g.confidence.min(0.3),
        note: format!(
            "no date given; the latest month and day the text mentions ({}), {}{present}",
            lower.format("%B %-d"),
            g.note
        ),
    })
}

/// The weekday the lead reports a statement on ("Japan said Friday that …", "the ministry
/// announced on Tuesday"): news opens with its newest development, so that day is the
/// article's present, on or shortly before its publication. Only the first body paragraphs
/// are read, and only a weekday right after a verb of saying.
fn reported_weekday(article: &Article) -> Option<Weekday> {
    /// Body paragraphs that count as the lead.
    const LEAD: usize = 3;
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b(?:said|says|announced|announces|warned|confirmed|stated|declared|denied)\s+(?:on\s+)?(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b").unwrap()
    });
    article
        .paragraphs
        .iter()
        .filter(|p| p.kind == crate::model::ParagraphKind::Body)
        .take(LEAD)
        .find_map(|p| {
            let c = re.captures(article.text.get(p.range.clone())?)?;
            weekday_of(&format!("{}day", &c[1]))
        })
}

/// Does the sentence around byte `at` speak of the future ("A vote will be held on 4 April
/// 2023")? Such dates come after publication and must not be taken for it.
fn is_future_context(text: &str, at: usize) -> bool {
    // Within the sentence, and no further back than a sentence can be long (text without
    // sentence ends must not make every date read back to the start of the file).
    let mut from = at.saturating_sub(crate::events::MAX_SENTENCE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let start = text[from..at]
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |i| from + i + 1);
    let before = text[start..at].to_ascii_lowercase();
    const CUES: &[&str] = &[
        " will ",
        " shall ",
        " would ",
        "'ll ",
        " is due ",
        " are due ",
        " scheduled ",
        " expected to ",
        " set to ",
        " plans to ",
        " plan to ",
        " intends to ",
        " is to ",
        " are to ",
        " next ",
        " until ",
        " by ",
    ];
    let padded = format!(" {before}");
    CUES.iter().any(|c| padded.contains(c))
}

/// `XXXX-09-12` → (9, 12).
fn yearless_month_day(value: &str) -> Option<(u32, u32)> {
    let rest = value.strip_prefix("XXXX-")?;
    if rest.len() != 5 {
        return None;
    }
    Some((rest[..2].parse().ok()?, rest[3..].parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn article(paras: &[&str]) -> Article {
        let mut b = crate::ingest::builder::ArticleBuilder::default();
        for p in paras {
            b.push(p, ParagraphKind::Body);
        }
        let mut a = Article::default();
        b.finish_into(&mut a);
        a
    }

    #[test]
    fn parses_metadata_date_strings() {
        let cases = [
            ("2024-06-20", d(2024, 6, 20)),
            ("2021-03-03T23:30:00-05:00", d(2021, 3, 3)),
            ("2020/01/31", d(2020, 1, 31)),
            ("20210303", d(2021, 3, 3)),
            ("3 March 2021, 14:05 GMT", d(2021, 3, 3)),
            ("March 3, 2021", d(2021, 3, 3)),
            ("Sept. 14, 2023", d(2023, 9, 14)),
            ("Thu, 20 Jun 2024 10:00:00 +0000", d(2024, 6, 20)),
            ("Wednesday 13 September 2023", d(2023, 9, 13)),
            ("29.02.2024", d(2024, 2, 29)),
            ("  : 2022-01-05 14:00", d(2022, 1, 5)),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date_string(s).map(|x| x.0), Some(want), "{s}");
        }
        for bad in ["03/04/2021", "2023-02-30", "Marc 3, 2021", "yesterday", ""] {
            assert_eq!(parse_date_string(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Marc"), None);
        assert_eq!(month_number("Mayor"), None);
    }

    #[test]
    fn finds_wire_datelines() {
        let a = article(&["TOKYO, September 19. /TASS/. Japan said it was concerned."]);
        let dl = find_dateline(&a).unwrap();
        assert_eq!(dl.place, "TOKYO");
        assert_eq!(dl.month_day, Some((9, 19)));
        let a = article(&["WASHINGTON (Reuters) - Officials said."]);
        assert_eq!(find_dateline(&a).unwrap().month_day, None);
        let a = article(&["PARIS, Oct 2 (AFP) - Talks resumed."]);
        assert_eq!(find_dateline(&a).unwrap().month_day, Some((10, 2)));
        let a = article(&["KYIV, Ukraine (AP) — Sirens sounded."]);
        assert_eq!(find_dateline(&a).unwrap().place, "KYIV");
        let a = article(&["NATO leaders met in Vilnius."]);
        assert!(find_dateline(&a).is_none());
    }

    #[test]
    fn file_name_dates() {
        assert_eq!(
            date_in_file_name("2023-09-14-kim-visit.txt"),
            Some(d(2023, 9, 14))
        );
        assert_eq!(
            date_in_file_name("20210303_report.html"),
            Some(d(2021, 3, 3))
        );
        assert_eq!(date_in_file_name("report-12345678.txt"), None);
        assert_eq!(date_in_file_name("notes.txt"), None);
    }

    #[test]
    fn year_from_weekday_and_mentioned_years() {
        // 13 September was a Wednesday in 2023 (and 2017), not in 2022 or 2024.
        let text = "The talks on Wednesday, September 13 followed a 2022 meeting.";
        let g = infer_year(9, 19, text, None).unwrap();
        assert_eq!(g.year, 2023);
        assert!(g.note.contains("weekday"));
        // Weekday alone: the latest fitting year up to the file time's year.
        let g = infer_year(
            9,
            19,
            "They met on Wednesday, September 13.",
            Some(d(2026, 11, 1)),
        )
        .unwrap();
        assert_eq!(g.year, 2023);
        assert!(g.confidence < 0.5);
    }

    #[test]
    fn nothing_decides_means_low_confidence_file_time_or_none() {
        assert_eq!(infer_year(9, 19, "No years here.", None), None);
        let g = infer_year(9, 19, "No years here.", Some(d(2026, 3, 1))).unwrap();
        assert_eq!(g.year, 2025);
        assert!(g.confidence <= 0.2);
    }

    #[test]
    fn evidence_order() {
        let mut a = article(&[
            "TOKYO, September 19. /TASS/. Talks, on Wednesday, September 13, 2023 ended.",
        ]);
        a.file_time = Some(d(2026, 11, 23));
        let ev = resolve(&a, None).unwrap();
        assert_eq!(ev.source, PubDateSource::Dateline);
        assert_eq!(ev.date, d(2023, 9, 19));
        a.pub_date_evidence.push(DatedEvidence {
            date: d(2023, 9, 20),
            source: PubDateSource::Meta,
            confidence: 0.95,
            note: String::new(),
        });
        assert_eq!(resolve(&a, None).unwrap().source, PubDateSource::Meta);
        assert_eq!(
            resolve(&a, Some(d(2023, 9, 21))).unwrap().source,
            PubDateSource::User
        );
        let mut bare = article(&["Officials met on Tuesday."]);
        assert_eq!(resolve(&bare, None), None);
        bare.file_time = Some(d(2026, 1, 2));
        let ev = resolve(&bare, None).unwrap();
        assert_eq!(ev.source, PubDateSource::FileTime);
        assert!(ev.confidence < 0.3);
    }

    #[test]
    fn a_web_page_last_resort_date_yields_to_the_file_name_and_beats_the_text() {
        let guess = DatedEvidence {
            date: d(2019, 3, 12),
            source: PubDateSource::PageText,
            confidence: 0.5,
            note: "found in the page text (last resort)".into(),
        };
        let mut a = article(&["The works began on 2 May 2014."]);
        a.pub_date_evidence.push(guess.clone());
        assert_eq!(resolve(&a, None), Some(guess));
        a.file = std::path::PathBuf::from("corpus/2019-03-14-ferry.html");
        let ev = resolve(&a, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::FileName, d(2019, 3, 14))
        );
    }

    #[test]
    fn yearless_month_day_in_text_is_weak_evidence() {
        let mut a =
            article(&["The envoy has been in Oslo since September 12, officials said in 2022."]);
        a.file_time = Some(d(2026, 11, 23));
        let ev = resolve(&a, None).unwrap();
        assert_eq!(ev.source, PubDateSource::Text);
        assert_eq!(ev.date, d(2022, 9, 12));
        assert!(ev.confidence <= 0.3);
        assert_eq!(yearless_month_day("XXXX-09-12"), Some((9, 12)));
        assert_eq!(yearless_month_day("XXXX-WXX-3"), None);
    }

    #[test]
    fn folder_dates_by_day_month_and_year() {
        let f = |p: &str| date_in_folders(std::path::Path::new(p));
        let day = f("corpus/2011-01-25").unwrap();
        assert_eq!(
            (day.date(), day.folder.as_str()),
            (Some(d(2011, 1, 25)), "2011-01-25")
        );
        let nested = f("/news/2023/09/14/politics").unwrap();
        assert_eq!(nested.date(), Some(d(2023, 9, 14)));
        assert_eq!(nested.folder, "2023/09/14");
        assert_eq!(f("x/20210303").unwrap().date(), Some(d(2021, 3, 3)));
        let month = f("archive/2023-09").unwrap();
        assert_eq!((month.year, month.month, month.day), (2023, Some(9), None));
        assert!(month.date().is_none(), "a month folder names no day");
        assert!(month.contains(d(2023, 9, 30)) && !month.contains(d(2023, 10, 1)));
        let month = f("archive/2023/9").unwrap();
        assert_eq!(
            (month.year, month.month, month.folder.as_str()),
            (2023, Some(9), "2023/9")
        );
        let year = f("archive/2019/world").unwrap();
        assert_eq!((year.year, year.month), (2019, None));
        // Names that are not dates alone, and days that do not exist, are no evidence.
        for p in [
            "backup-2024-05-01/news",
            "ids/138",
            "a/2023/02/30",
            "x/1850",
            "notes",
        ] {
            let got = f(p);
            assert!(
                got.as_ref()
                    .is_none_or(|g| g.day.is_none() && g.month.is_some_and(|m| m == 2)),
                "{p}: {got:?}"
            );
        }
        assert!(f("backup-2024-05-01/news").is_none());
        assert!(f("ids/138").is_none());
    }

    #[test]
    fn folder_evidence_ranks_after_the_file_name_and_stays_honest_about_months() {
        let mut a = article(&["Officials met on Tuesday."]);
        a.file_time = Some(d(2026, 11, 23));
        a.file = "corpus/2011-01-25/138.txt".into();
        let ev = resolve(&a, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::Folder, d(2011, 1, 25))
        );
        assert!(ev.note.contains("2011-01-25/"), "{ev:?}");
        a.file = "corpus/2011-01-25/2011-01-27-talks.txt".into();
        assert_eq!(resolve(&a, None).unwrap().source, PubDateSource::FileName);
        // A month folder: no made-up day passes for a firm one.
        a.file = "corpus/2023-09/talks.txt".into();
        let ev = resolve(&a, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::Folder, d(2023, 9, 15))
        );
        assert!(
            ev.confidence < 0.3 && ev.note.contains("month only"),
            "{ev:?}"
        );
        // ... but a day the text gives within that month is taken.
        let mut b = article(&["Talks ended on 12 September 2023 in Oslo."]);
        b.file = "corpus/2023-09/talks.txt".into();
        let ev = resolve(&b, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::Folder, d(2023, 9, 12))
        );
        // A year folder gives a year-less dateline its year.
        let mut c = article(&["TOKYO, September 19. /TASS/. Japan said it was concerned."]);
        c.file = "corpus/2019/tass-1.txt".into();
        c.file_time = Some(d(2026, 11, 23));
        let ev = resolve(&c, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::Folder, d(2019, 9, 19))
        );
        assert!(ev.note.contains("dateline TOKYO"), "{ev:?}");
    }

    #[test]
    fn a_year_named_as_a_finished_period_is_over() {
        // (sentence, finished years)
        let rows: &[(&str, &[i32])] = &[
            ("The port handled 4 million tonnes in 2021 alone.", &[2021]),
            ("Prices rose throughout 2019, the bank said.", &[2019]),
            (
                "Sales fell for all of 2020 and in 2018 as a whole.",
                &[2018, 2020],
            ),
            (
                "The whole of 2017 was dry; the entirety of 2016 too.",
                &[2016, 2017],
            ),
            // A year to come, a span of two years, a year merely named: not finished.
            ("The plan will cost $5bn in 2027 alone.", &[]),
            ("Exports grew in 2022-23 alone.", &[]),
            ("The fleet was built in 2015 and sold in 2018.", &[]),
        ];
        for (text, want) in rows {
            assert_eq!(finished_years(text), *want, "{text}");
        }
    }

    #[test]
    fn a_finished_year_puts_the_writing_after_it() {
        // The only year named is a finished one: the month-day is in the year after.
        let text = "The army fired 3 million shells in 2021 alone.";
        let g = infer_year(9, 12, text, Some(d(2026, 12, 7))).unwrap();
        assert_eq!((g.year, g.from_file_time), (2022, false), "{g:?}");
        // A later year named plainly still decides.
        let text = "It fired 3 million shells in 2021 alone and more in 2023.";
        assert_eq!(infer_year(9, 12, text, None).unwrap().year, 2023);
        // Weekday and date pairs fit only years after the finished one.
        let text = "Talks on Wednesday, September 13 ended; costs throughout 2022 were high.";
        assert_eq!(infer_year(9, 19, text, None).unwrap().year, 2023);
        // Nothing in the text: the file time's year, and it says so.
        let g = infer_year(9, 12, "No year at all.", Some(d(2026, 12, 7))).unwrap();
        assert!(g.from_file_time && g.year == 2026, "{g:?}");
    }

    #[test]
    fn the_weekday_the_lead_reports_is_not_before_a_day_the_article_tells_of() {
        // 12 September 2024 was a Thursday: the lead's Monday is the 16th.
        let mut a = article(&[
            "Chile said Monday it would send envoys, a week after the talks began.",
            "The delegates have been meeting in Lima since September 12; they met four times in 2023 alone.",
        ]);
        a.file_time = Some(d(2026, 12, 7));
        let ev = resolve(&a, None).unwrap();
        assert_eq!(
            (ev.source, ev.date),
            (PubDateSource::Text, d(2024, 9, 16)),
            "{ev:?}"
        );
        assert!(ev.note.contains("Monday"), "{ev:?}");
        // Not after the file was last written.
        a.file_time = Some(d(2024, 9, 13));
        assert_eq!(resolve(&a, None).unwrap().date, d(2024, 9, 12));
        // A weekday that no verb of saying reports, or one far from the lead, moves nothing.
        for lead in [
            "The envoys arrive Monday, officials hope.",
            "Officials met again.",
        ] {
            let mut b = article(&[
                lead,
                "The delegates have been meeting in Lima since September 12; they met four times in 2023 alone.",
            ]);
            b.file_time = Some(d(2026, 12, 7));
            assert_eq!(resolve(&b, None).unwrap().date, d(2024, 9, 12), "{lead}");
        }
    }

    #[test]
    fn mentioned_years_ignore_money_and_decades() {
        assert_eq!(
            years_mentioned("In 2019 and in 2021, $2000 and the 1990s"),
            vec![2019, 2021]
        );
    }
}
