//! The data that flows through the pipeline: files → [`Article`] → mentions → [`Event`] →
//! [`Corpus`]. Plain structs with no behaviour beyond formatting, so every stage (and the
//! GUI) can be tested on values built by hand.
//!
//! This module depends only on `serde` and `chrono` so that the pure stages can be built
//! and tested apart from the GUI.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// ISO 3166-1 alpha-2 code, stored inline ("JP", "KP"). Ordering is alphabetical.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    /// Parses two ASCII letters (either case). `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() == 2 && b[0].is_ascii_alphabetic() && b[1].is_ascii_alphabetic() {
            Some(CountryCode([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
            ]))
        } else {
            None
        }
    }
    pub fn as_str(&self) -> &str {
        // Only ever built from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CountryCode::parse(&s).ok_or_else(|| serde::de::Error::custom("expected ISO alpha-2"))
    }
}

/// Where an article's publication date came from, most trusted first. The serialized names
/// are a fixed vocabulary shared by the CLI, the GUI and the README.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PubDateSource {
    /// The user set it (correction store or `--pub-date`).
    User,
    /// JSON-LD `datePublished` / `dateCreated`.
    JsonLd,
    /// `<meta>` tags such as `article:published_time`.
    Meta,
    /// A `<time datetime>` element in the article header.
    TimeElement,
    /// A field of a JSON article (`date`, `published`, ...).
    JsonField,
    /// A date in the canonical URL's path.
    Url,
    /// A visible byline ("Published 3 March 2021").
    Byline,
    /// A header line of a text file ("date 2024-06-20", "Published: ...").
    HeaderLine,
    /// An item's `pubDate` / `published` / `updated` in an RSS or Atom feed.
    Feed,
    /// The date column of a CSV/TSV row.
    CsvField,
    /// The date line in an article's header in a news-database export ("Document 3 of
    /// 40" ... "End of Document").
    ExportHeader,
    /// The `Date:` header of an e-mail message (when it was sent: usually the day of
    /// publication for news alerts and newsletters).
    MailHeader,
    /// A wire dateline ("TOKYO, September 19. /TASS/"); usually lacks the year.
    Dateline,
    /// A date in the file name ("2023-09-14-kim-visit.txt").
    FileName,
    /// A date in the names of the folders a file lives in ("2011-01-25/138.txt",
    /// "2023/09/14/", "2023-09/").
    Folder,
    /// A web page's last resort when it states its date nowhere usual: a date found by
    /// searching the whole page (any element's date attribute, a script's creation key, the
    /// visible text). Always a guess (confidence at most 0.55).
    PageText,
    /// Inferred from dates and weekdays inside the text.
    Text,
    /// Inferred from events shared with firmly dated articles in the same corpus.
    Corpus,
    /// The file's modification time: a guess, always labelled as such.
    FileTime,
}

impl PubDateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            PubDateSource::User => "user",
            PubDateSource::JsonLd => "json-ld",
            PubDateSource::Meta => "meta",
            PubDateSource::TimeElement => "time-element",
            PubDateSource::JsonField => "json-field",
            PubDateSource::Url => "url",
            PubDateSource::Byline => "byline",
            PubDateSource::HeaderLine => "header-line",
            PubDateSource::Feed => "feed",
            PubDateSource::CsvField => "csv-field",
            PubDateSource::ExportHeader => "export-header",
            PubDateSource::MailHeader => "mail-header",
            PubDateSource::Dateline => "dateline",
            PubDateSource::FileName => "file-name",
            PubDateSource::Folder => "folder",
            PubDateSource::PageText => "page-text",
            PubDateSource::Text => "text",
            PubDateSource::Corpus => "corpus",
            PubDateSource::FileTime => "file-time",
        }
    }
}

/// A publication (or modification) date with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatedEvidence {
    pub date: NaiveDate,
    pub source: PubDateSource,
    /// 0.0 (a guess) ..= 1.0 (stated plainly in metadata).
    pub confidence: f32,
    /// Human-readable reason, shown in tooltips: "year inferred from weekday".
    pub note: String,
}

/// What kind of block a paragraph was in its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParagraphKind {
    Title,
    Heading,
    Body,
    ListItem,
    Quote,
    Caption,
}

/// One paragraph of an article's cleaned text, as a byte range into [`Article::text`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub kind: ParagraphKind,
}

/// What a file was read as (decided from its content first, its extension second).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    /// PDF with a text layer.
    Pdf,
    /// Word (Office Open XML) document.
    Docx,
    /// OpenDocument text.
    Odt,
    Rtf,
    /// One e-mail message (RFC 5322).
    Eml,
    /// A mailbox of many messages.
    Mbox,
    /// RSS or Atom feed.
    Feed,
    /// A web page saved as one MIME file.
    Mhtml,
    /// A web page saved by Safari (a property list).
    Webarchive,
    /// Comma-separated rows.
    Csv,
    /// Tab-separated rows.
    Tsv,
}

/// A per-file error or warning. Loading goes on; the user sees it next to the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub severity: Severity,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Problem {
    pub fn warning(message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            message: message.into(),
        }
    }
    pub fn error(message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            message: message.into(),
        }
    }
}

/// An article as read from a file, before dates and events are resolved.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Path as walked from the PATH the user gave (for JSON arrays: `file.json#3`).
    pub path: String,
    /// The file on disk (for "open in system viewer").
    pub file: PathBuf,
    /// blake3 of the file's bytes (plus `#index` for JSON arrays): the key for corrections.
    pub content_hash: String,
    pub format: Option<Format>,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    /// Cleaned main text; paragraphs are separated by "\n\n".
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// All publication-date evidence found while reading, most trusted first. The chosen
    /// date is decided later by `pubdate`, which may add inferred candidates.
    pub pub_date_evidence: Vec<DatedEvidence>,
    /// The publication date finally used to resolve relative dates.
    pub pub_date: Option<DatedEvidence>,
    pub modified_date: Option<DatedEvidence>,
    /// The file's modification time (UTC date), the last-resort guess.
    pub file_time: Option<NaiveDate>,
    pub problems: Vec<Problem>,
}

impl Article {
    pub fn paragraph_text(&self, i: usize) -> &str {
        self.paragraphs
            .get(i)
            .map(|p| &self.text[p.range.clone()])
            .unwrap_or("")
    }
    /// Index of the paragraph containing byte `offset`.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].range.start <= offset).then_some(i)
    }
}

/// How precise a resolved date is; decides how it is printed and drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// An inclusive calendar interval with a precision: a day, a range of days, a month, a
/// quarter (months), a year, a decade (years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateSpan {
    pub fn day(d: NaiveDate) -> Self {
        DateSpan {
            start: d,
            end: d,
            precision: Precision::Day,
        }
    }
    /// Formats `start` as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision.
    pub fn start_str(&self) -> String {
        format_by_precision(self.start, self.precision)
    }
    pub fn end_str(&self) -> String {
        format_by_precision(self.end, self.precision)
    }
    pub fn is_single_day(&self) -> bool {
        self.precision == Precision::Day && self.start == self.end
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

pub fn format_by_precision(d: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Day => d.format("%Y-%m-%d").to_string(),
        Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Precision::Year => format!("{:04}", d.year()),
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (self.start_str(), self.end_str());
        if a == b {
            f.write_str(&a)
        } else {
            write!(f, "{a} – {b}")
        }
    }
}

/// Where an event's date came from. Serialized names are part of the CLI contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Fully stated in the text ("12 September 2023").
    Explicit,
    /// Resolved against a publication date that is itself firm ("on Wednesday", "today",
    /// "September 12" with the year from a dated article).
    RelativeToPublication,
    /// Resolved against a publication date that was inferred (dateline without year,
    /// weekday evidence, corpus, file time): only as good as that guess.
    PublicationDateInferred,
    /// Anchored to another date in the same text ("two days later").
    Anchored,
    /// The user set this event's date.
    User,
}

impl DateSource {
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::Explicit => "explicit",
            DateSource::RelativeToPublication => "relative-to-publication",
            DateSource::PublicationDateInferred => "publication-date-inferred",
            DateSource::Anchored => "anchored",
            DateSource::User => "user",
        }
    }
}

/// Index into [`Corpus::articles`].
pub type ArticleId = u32;
/// Index into [`Corpus::events`].
pub type EventId = u32;

/// A country mention inside an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountrySpan {
    pub start: usize,
    pub end: usize,
    pub code: CountryCode,
}

pub use smol_str::SmolStr;

/// An event's countries: up to eight are held in the event itself, so that a million events
/// decoded at a reopen do not take a heap value each (more spill to the heap).
pub type Countries = smallvec::SmallVec<[CountryCode; 8]>;
/// An event's country mentions: up to two held in the event itself, as [`Countries`].
pub type CountrySpans = smallvec::SmallVec<[CountrySpan; 2]>;

/// A dated happening: one date expression in one sentence, with the countries involved.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub article: ArticleId,
    /// 0-based index into the article's paragraphs.
    pub paragraph: usize,
    /// Byte range of the sentence (or clause) in [`Article::text`].
    pub sentence: Range<usize>,
    /// Byte range of the date phrase in [`Article::text`].
    pub date_range: Range<usize>,
    /// The TIMEX3 value the engine gave the phrase (short: held in the event itself).
    pub timex_value: SmolStr,
    pub span: DateSpan,
    /// Sorted, deduplicated.
    pub countries: Countries,
    /// Country mentions inside the sentence, for highlighting.
    pub country_spans: CountrySpans,
    pub date_source: DateSource,
    /// 0.0 ..= 1.0.
    pub confidence: f32,
    /// Why the date is what it is, for tooltips ("year from publication date 2023-09-14").
    /// Short notes are held in the event; a longer one is shared by the events that give it.
    pub note: SmolStr,
    /// Shared by events that report the same happening (see `corroborate`).
    pub cluster: u32,
    /// Hidden by the user: kept so that undo works, never drawn or listed by default.
    pub hidden: bool,
    /// How much this happening matters in this corpus, 0.0 ..= 1.0 (see `Cluster::salience`);
    /// 0.0 until the corpus-wide ranking has run.
    pub salience: f32,
}

impl Event {
    /// Below this an event's date is drawn as uncertain (hatched, with "?").
    pub const FIRM: f32 = 0.7;
    pub fn is_uncertain(&self) -> bool {
        self.confidence < Self::FIRM
    }

    /// For tests: a firm, explicitly dated event of `article` on `span` in `countries` (two-
    /// letter codes), in cluster `article`, with no text ranges; other fields by struct update.
    #[cfg(test)]
    pub(crate) fn for_test(article: ArticleId, span: DateSpan, countries: &[&str]) -> Event {
        Event {
            article,
            paragraph: 0,
            sentence: 0..0,
            date_range: 0..0,
            timex_value: Default::default(),
            span,
            countries: countries
                .iter()
                .map(|c| CountryCode::parse(c).expect("a two-letter code"))
                .collect(),
            country_spans: Default::default(),
            date_source: DateSource::Explicit,
            confidence: 0.9,
            note: Default::default(),
            cluster: article,
            hidden: false,
            salience: 0.0,
        }
    }
}

/// Events reporting one happening.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cluster {
    pub id: u32,
    /// Sorted by confidence, best first; the first is the representative.
    pub events: Vec<EventId>,
    /// Number of distinct articles among `events`.
    pub sources: usize,
    /// Union of the members' countries.
    pub countries: Vec<CountryCode>,
    /// True when members disagree on the date (shown, not hidden).
    pub conflicting_dates: bool,
    /// How much this happening matters in this corpus, 0.0 ..= 1.0: how many articles and
    /// outlets report it, how sure and precise its date is, main clause or aside, burstiness.
    pub salience: f32,
    /// A short "who did what" caption for the chart ("Putin and Kim sign partnership
    /// treaty"); empty when none could be made.
    pub caption: String,
    /// The caption's shorter form for a place too narrow for it: the same clause in fewer
    /// words ("Putin and Kim sign partnership agreement"), at most
    /// [`crate::caption::SHORT_MAX_CHARS`] characters; empty when the caption is already
    /// that short or its clause has no shorter form. The chart writes it where the caption
    /// does not fit ([`crate::render::text::chart_caption`]).
    pub short_caption: String,
}

/// Everything the GUI and CLI show: articles, their events, and the corroboration groups.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub clusters: Vec<Cluster>,
    /// Problems that are not tied to one file (an unreadable folder, say).
    pub problems: Vec<String>,
    /// Which inferred publication dates a recount of the firm entries cannot change (kept
    /// for watched updates; empty is always right, only slower).
    pub copy_free: crate::crossdate::CopyFree,
}

impl Corpus {
    pub fn article_of(&self, e: EventId) -> &Article {
        &self.articles[self.events[e as usize].article as usize]
    }
    pub fn events_of(&self, a: ArticleId) -> impl Iterator<Item = (EventId, &Event)> {
        self.events
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.article == a)
            .map(|(i, e)| (i as EventId, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_code_parses_only_two_letters() {
        assert_eq!(CountryCode::parse("jp").unwrap().as_str(), "JP");
        assert!(CountryCode::parse("JPN").is_none());
        assert!(CountryCode::parse("1A").is_none());
    }

    #[test]
    fn span_formats_by_precision() {
        let d = NaiveDate::from_ymd_opt(2023, 9, 12).unwrap();
        let s = DateSpan {
            start: d,
            end: NaiveDate::from_ymd_opt(2023, 9, 30).unwrap(),
            precision: Precision::Month,
        };
        assert_eq!(s.start_str(), "2023-09");
        assert_eq!(DateSpan::day(d).to_string(), "2023-09-12");
    }

    #[test]
    fn paragraph_lookup_by_offset() {
        let a = Article {
            text: "ab\n\ncd".into(),
            paragraphs: vec![
                Paragraph {
                    range: 0..2,
                    kind: ParagraphKind::Body,
                },
                Paragraph {
                    range: 4..6,
                    kind: ParagraphKind::Body,
                },
            ],
            ..Default::default()
        };
        assert_eq!(a.paragraph_at(5), Some(1));
        assert_eq!(a.paragraph_at(3), None);
        assert_eq!(a.paragraph_text(0), "ab");
    }
}
