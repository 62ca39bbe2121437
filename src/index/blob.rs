//! One article as one compact binary value (`articles.value`): everything the app reads of
//! an extracted article but its text (a plain column beside it), and its events. A reopen
//! reads this value and the text instead of a dozen columns and four JSON documents per
//! article and a row per event.
//!
//! Why: at 100,000 articles and 1,000,000 events most of a reopen's CPU went to SQLite's
//! per-row and per-column work, to parsing JSON and to allocation. One value per article is
//! one column read, decoded by a loop over bytes. The plain columns analysts query (title,
//! dates, outlet, url, text) and the `events` table are still written; the app never reads
//! them back.
//!
//! Layout (version 3): a version byte; the article (content hash, title, outlet, url,
//! language, format, authors, paragraphs, publication-date evidence, the date chosen from
//! it, the last-modified date, the file date, problems); the number of events, then each
//! event's fields; then the CRC-32 of all that (4 bytes, little-endian). Integers are
//! LEB128 varints (signed ones zigzagged); byte ranges start and length; dates days from
//! the Common Era (an event's end as days after its start); text length and UTF-8 bytes; an
//! optional value a 0/1 byte then the value; confidences `f32`; enumerations a byte (their
//! place in the tables below). A value whose version, checksum or any field does not check
//! out is refused (the file is read again), never half-used.
//!
//! Version 3 (schema 5) ends the value with its CRC-32 instead of version 2's 8 bytes of
//! BLAKE3: the checksum only has to catch damage, not a forger, and BLAKE3 over a
//! value of a few hundred bytes cost over a third of decoding's instructions (5% of a
//! reopen's); CRC-32 is computed with the processor's carry-less multiply.

use crate::model::{
    Article, Countries, CountryCode, CountrySpan, CountrySpans, DateSource, DateSpan,
    DatedEvidence, Event, Format, Paragraph, ParagraphKind, Precision, Problem, PubDateSource,
    Severity, SmolStr,
};
use chrono::{Datelike, NaiveDate};

/// Bumped with any change to the layout above (the schema version covers the column).
const VERSION: u8 = 3;
const CHECKSUM: usize = 4;

/// What ends a value: the CRC-32 of everything before it.
fn checksum(body: &[u8]) -> [u8; CHECKSUM] {
    crc32fast::hash(body).to_le_bytes()
}

const DATE_SOURCES: [DateSource; 5] = [
    DateSource::Explicit,
    DateSource::RelativeToPublication,
    DateSource::PublicationDateInferred,
    DateSource::Anchored,
    DateSource::User,
];

fn date_source_code(d: DateSource) -> u8 {
    match d {
        DateSource::Explicit => 0,
        DateSource::RelativeToPublication => 1,
        DateSource::PublicationDateInferred => 2,
        DateSource::Anchored => 3,
        DateSource::User => 4,
    }
}

fn precision_code(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
    }
}

const PRECISIONS: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];

/// Every publication-date source, by code (the match in `pub_source_code` fails to compile
/// when one is added, until it is given a code; the test checks the table agrees).
const PUB_SOURCES: [PubDateSource; 19] = [
    PubDateSource::User,
    PubDateSource::JsonLd,
    PubDateSource::Meta,
    PubDateSource::TimeElement,
    PubDateSource::JsonField,
    PubDateSource::Url,
    PubDateSource::Byline,
    PubDateSource::HeaderLine,
    PubDateSource::Feed,
    PubDateSource::CsvField,
    PubDateSource::ExportHeader,
    PubDateSource::MailHeader,
    PubDateSource::Dateline,
    PubDateSource::FileName,
    PubDateSource::Folder,
    PubDateSource::Text,
    PubDateSource::Corpus,
    PubDateSource::FileTime,
    PubDateSource::PageText,
];

fn pub_source_code(p: PubDateSource) -> u8 {
    use PubDateSource::*;
    match p {
        User => 0,
        JsonLd => 1,
        Meta => 2,
        TimeElement => 3,
        JsonField => 4,
        Url => 5,
        Byline => 6,
        HeaderLine => 7,
        Feed => 8,
        CsvField => 9,
        ExportHeader => 10,
        MailHeader => 11,
        Dateline => 12,
        FileName => 13,
        Folder => 14,
        Text => 15,
        Corpus => 16,
        FileTime => 17,
        PageText => 18,
    }
}

/// Every format, by code (as for the sources).
const FORMATS: [Format; 15] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Json,
    Format::Pdf,
    Format::Docx,
    Format::Odt,
    Format::Rtf,
    Format::Eml,
    Format::Mbox,
    Format::Feed,
    Format::Mhtml,
    Format::Webarchive,
    Format::Csv,
    Format::Tsv,
];

fn format_code(f: Format) -> u8 {
    match f {
        Format::Text => 0,
        Format::Markdown => 1,
        Format::Html => 2,
        Format::Json => 3,
        Format::Pdf => 4,
        Format::Docx => 5,
        Format::Odt => 6,
        Format::Rtf => 7,
        Format::Eml => 8,
        Format::Mbox => 9,
        Format::Feed => 10,
        Format::Mhtml => 11,
        Format::Webarchive => 12,
        Format::Csv => 13,
        Format::Tsv => 14,
    }
}

const KINDS: [ParagraphKind; 6] = [
    ParagraphKind::Title,
    ParagraphKind::Heading,
    ParagraphKind::Body,
    ParagraphKind::ListItem,
    ParagraphKind::Quote,
    ParagraphKind::Caption,
];

fn kind_code(k: ParagraphKind) -> u8 {
    match k {
        ParagraphKind::Title => 0,
        ParagraphKind::Heading => 1,
        ParagraphKind::Body => 2,
        ParagraphKind::ListItem => 3,
        ParagraphKind::Quote => 4,
        ParagraphKind::Caption => 5,
    }
}

/// Encodes one article (all but its text, path, file and time stamp, which come from the
/// column beside it and from the file on disk) and its events (their article id, cluster,
/// salience and hidden flag are the corpus's, not the extraction's, and are not stored).
pub(crate) fn encode(article: &Article, events: &[Event]) -> Vec<u8> {
    let a = article;
    let mut out = Vec::with_capacity(256 + a.paragraphs.len() * 4 + events.len() * 64);
    out.push(VERSION);
    put_str(&mut out, &a.content_hash);
    put_str(&mut out, &a.title);
    put_opt_str(&mut out, a.outlet.as_deref());
    put_opt_str(&mut out, a.url.as_deref());
    put_opt_str(&mut out, a.language.as_deref());
    match a.format {
        Some(f) => out.extend_from_slice(&[1, format_code(f)]),
        None => out.push(0),
    }
    put_u(&mut out, a.authors.len() as u64);
    for s in &a.authors {
        put_str(&mut out, s);
    }
    put_u(&mut out, a.paragraphs.len() as u64);
    for p in &a.paragraphs {
        put_range(&mut out, p.range.start, p.range.end);
        out.push(kind_code(p.kind));
    }
    put_u(&mut out, a.pub_date_evidence.len() as u64);
    for d in &a.pub_date_evidence {
        put_evidence(&mut out, d);
    }
    for d in [&a.pub_date, &a.modified_date] {
        match d {
            Some(d) => {
                out.push(1);
                put_evidence(&mut out, d);
            }
            None => out.push(0),
        }
    }
    match a.file_time {
        Some(d) => {
            out.push(1);
            put_i(&mut out, i64::from(d.num_days_from_ce()));
        }
        None => out.push(0),
    }
    put_u(&mut out, a.problems.len() as u64);
    for p in &a.problems {
        out.push(match p.severity {
            Severity::Warning => 0,
            Severity::Error => 1,
        });
        put_str(&mut out, &p.message);
    }
    put_u(&mut out, events.len() as u64);
    for e in events {
        put_u(&mut out, e.paragraph as u64);
        put_range(&mut out, e.sentence.start, e.sentence.end);
        put_range(&mut out, e.date_range.start, e.date_range.end);
        put_str(&mut out, &e.timex_value);
        let start = e.span.start.num_days_from_ce();
        put_i(&mut out, i64::from(start));
        put_i(
            &mut out,
            i64::from(e.span.end.num_days_from_ce()) - i64::from(start),
        );
        out.push(precision_code(e.span.precision));
        out.push(date_source_code(e.date_source));
        out.extend_from_slice(&e.confidence.to_le_bytes());
        put_u(&mut out, e.countries.len() as u64);
        for c in &e.countries {
            out.extend_from_slice(&c.0);
        }
        put_u(&mut out, e.country_spans.len() as u64);
        for s in &e.country_spans {
            put_range(&mut out, s.start, s.end);
            out.extend_from_slice(&s.code.0);
        }
        put_str(&mut out, &e.note);
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum);
    out
}

/// Decodes what [`encode`] wrote: the article with `text` as its text (path and file left
/// empty for the caller); its events, with `article` as their article id, are pushed onto
/// `events` (a file's, see `pipeline::FileEvents`). `None` for a value of another version,
/// a wrong checksum or any field out of range (some events may have been pushed by then:
/// the caller takes them off). Offsets are not checked against the text here (the caller
/// checks every range of a file's extraction).
pub(crate) fn decode_onto(
    bytes: &[u8],
    text: String,
    article: u32,
    events: &mut Vec<Event>,
) -> Option<Article> {
    let body_len = bytes.len().checked_sub(CHECKSUM)?;
    let (body, sum) = bytes.split_at(body_len);
    if body.first() != Some(&VERSION) || checksum(body) != *sum {
        return None;
    }
    let mut r = Reader { b: body, at: 1 };
    let content_hash = r.string()?;
    let title = r.string()?;
    let outlet = r.opt(Reader::string)?;
    let url = r.opt(Reader::string)?;
    let language = r.opt(Reader::string)?;
    let format = r.opt(|r| FORMATS.get(usize::from(r.byte()?)).copied())?;
    let n = r.len()?;
    let mut authors = Vec::with_capacity(n);
    for _ in 0..n {
        authors.push(r.string()?);
    }
    let n = r.len()?;
    let mut paragraphs = Vec::with_capacity(n);
    for _ in 0..n {
        let range = r.range()?;
        let kind = *KINDS.get(usize::from(r.byte()?))?;
        paragraphs.push(Paragraph { range, kind });
    }
    let n = r.len()?;
    let mut pub_date_evidence = Vec::with_capacity(n);
    for _ in 0..n {
        pub_date_evidence.push(r.evidence()?);
    }
    let pub_date = r.opt(Reader::evidence)?;
    let modified_date = r.opt(Reader::evidence)?;
    let file_time = r.opt(Reader::day)?;
    let n = r.len()?;
    let mut problems = Vec::with_capacity(n);
    for _ in 0..n {
        let severity = match r.byte()? {
            0 => Severity::Warning,
            1 => Severity::Error,
            _ => return None,
        };
        problems.push(Problem {
            severity,
            message: r.string()?,
        });
    }
    let n = r.len()?;
    // Every event takes at least 16 bytes: a count beyond that is damage, not a reason to
    // reserve memory.
    events.reserve(n.min(body.len() / 16));
    // The article's notes that did not fit in an event: an event with the same note shares
    // it (a note says how a date was placed, and an article places many dates the same way).
    // At most a few are kept to compare with, so an article of distinct notes stays linear.
    let mut long_notes: Vec<SmolStr> = Vec::new();
    for _ in 0..n {
        let paragraph = r.usize()?;
        let sentence = r.range()?;
        let date_range = r.range()?;
        let timex_value = SmolStr::new(r.str()?);
        let start = i32::try_from(r.i()?).ok()?;
        let end = i32::try_from(i64::from(start) + r.i()?).ok()?;
        let span = DateSpan {
            start: NaiveDate::from_num_days_from_ce_opt(start)?,
            end: NaiveDate::from_num_days_from_ce_opt(end)?,
            precision: *PRECISIONS.get(usize::from(r.byte()?))?,
        };
        let date_source = *DATE_SOURCES.get(usize::from(r.byte()?))?;
        let confidence = r.f32()?;
        let nc = r.len()?;
        let mut countries = Countries::new();
        for _ in 0..nc {
            countries.push(r.code()?);
        }
        let ns = r.len()?;
        let mut country_spans = CountrySpans::new();
        for _ in 0..ns {
            let range = r.range()?;
            country_spans.push(CountrySpan {
                start: range.start,
                end: range.end,
                code: r.code()?,
            });
        }
        let note = r.str()?;
        let note = match long_notes.iter().find(|n| n.as_str() == note) {
            Some(shared) => shared.clone(),
            None => {
                let n = SmolStr::new(note);
                if n.is_heap_allocated() && long_notes.len() < 8 {
                    long_notes.push(n.clone());
                }
                n
            }
        };
        events.push(Event {
            article,
            paragraph,
            sentence,
            date_range,
            timex_value,
            span,
            countries,
            country_spans,
            date_source,
            confidence,
            note,
            cluster: 0,
            hidden: false,
            salience: 0.0,
        });
    }
    if r.at != body.len() {
        return None;
    }
    let article = Article {
        content_hash,
        format,
        title,
        outlet,
        url,
        language,
        authors,
        text,
        paragraphs,
        pub_date_evidence,
        pub_date,
        modified_date,
        file_time,
        problems,
        ..Default::default()
    };
    Some(article)
}

/// [`decode_onto`] a vector of the article's own.
#[cfg(test)]
fn decode(bytes: &[u8], text: String, article: u32) -> Option<(Article, Vec<Event>)> {
    let mut events = Vec::new();
    let a = decode_onto(bytes, text, article, &mut events)?;
    Some((a, events))
}

fn put_u(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_i(out: &mut Vec<u8>, v: i64) {
    put_u(out, ((v << 1) ^ (v >> 63)) as u64);
}

/// A byte range as start and length (a range that runs backwards is stored as empty; the
/// extractor never makes one).
fn put_range(out: &mut Vec<u8>, start: usize, end: usize) {
    put_u(out, start as u64);
    put_u(out, end.saturating_sub(start) as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

fn put_evidence(out: &mut Vec<u8>, d: &DatedEvidence) {
    put_i(out, i64::from(d.date.num_days_from_ce()));
    out.push(pub_source_code(d.source));
    out.extend_from_slice(&d.confidence.to_le_bytes());
    put_str(out, &d.note);
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let v = *self.b.get(self.at)?;
        self.at += 1;
        Some(v)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.b.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn i(&mut self) -> Option<i64> {
        let u = self.u()?;
        Some((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }

    /// A count of items that follow: never more than the bytes left (each takes one at
    /// least), so a damaged count reserves no memory.
    fn len(&mut self) -> Option<usize> {
        let n = self.usize()?;
        (n <= self.b.len() - self.at).then_some(n)
    }

    fn range(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.usize()?;
        let end = start.checked_add(self.usize()?)?;
        Some(start..end)
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn day(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.i()?).ok()?)
    }

    fn evidence(&mut self) -> Option<DatedEvidence> {
        Some(DatedEvidence {
            date: self.day()?,
            source: *PUB_SOURCES.get(usize::from(self.byte()?))?,
            confidence: self.f32()?,
            note: self.string()?,
        })
    }

    /// An optional value: `Some(None)` when absent, `None` when the marker or the value is
    /// damaged.
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    /// Two ASCII letters (as `CountryCode::parse` takes them), checked byte by byte: a
    /// million events carry one or more each.
    fn code(&mut self) -> Option<CountryCode> {
        let &[a, b] = self.take(2)? else {
            return None;
        };
        (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
            .then(|| CountryCode([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(i: usize) -> Event {
        Event {
            article: 0,
            paragraph: i,
            sentence: 10 * i..10 * i + 300,
            date_range: 10 * i + 4..10 * i + 19,
            timex_value: format!("2023-09-{:02}", i + 1).into(),
            span: DateSpan {
                start: d(2023, 9, 1 + i as u32),
                end: d(2023, 9, 1 + i as u32),
                precision: PRECISIONS[i % 3],
            },
            countries: vec![CountryCode(*b"JP"), CountryCode(*b"KP")].into(),
            country_spans: vec![CountrySpan {
                start: 10 * i + 30,
                end: 10 * i + 35,
                code: CountryCode(*b"JP"),
            }]
            .into(),
            date_source: DATE_SOURCES[i % 5],
            confidence: 0.25 * (i % 4) as f32,
            note: "year from publication date 2023-09-14 — «naïve»".into(),
            cluster: 0,
            hidden: false,
            salience: 0.0,
        }
    }

    fn evidence(i: usize) -> DatedEvidence {
        DatedEvidence {
            date: d(1999 + i as i32, 1 + (i % 12) as u32, 28),
            source: PUB_SOURCES[i % PUB_SOURCES.len()],
            confidence: 1.0 / (i + 1) as f32,
            note: format!("dateline «Genève, {i} févr.»"),
        }
    }

    /// An article with every field set, in several scripts.
    fn article() -> Article {
        let text =
            "Tōkyō — 東京で会談。\n\nΑθήνα: συνάντηση στις 3 Μαΐου.\n\nPlain words.".to_string();
        let cut = text.find("\n\n").unwrap();
        Article {
            path: "not stored".into(),
            content_hash: "ab12#3".into(),
            format: Some(Format::Mhtml),
            title: "Заголовок: «talks» in 東京".into(),
            outlet: Some("Le Monde diplomatique".into()),
            url: Some("https://example.org/ü/1?q=ß".into()),
            language: Some("ja".into()),
            authors: vec!["Zoë Ødegård".into(), String::new(), "李雷".into()],
            paragraphs: vec![
                Paragraph {
                    range: 0..cut,
                    kind: ParagraphKind::Title,
                },
                Paragraph {
                    range: cut + 2..text.len(),
                    kind: ParagraphKind::Caption,
                },
            ],
            text,
            pub_date_evidence: (0..PUB_SOURCES.len()).map(evidence).collect(),
            pub_date: Some(evidence(3)),
            modified_date: Some(DatedEvidence {
                date: d(-44, 3, 15),
                ..evidence(18)
            }),
            file_time: Some(d(2024, 2, 29)),
            problems: vec![
                Problem::warning("invalid UTF-8 replaced (3 bytes) — «é»"),
                Problem {
                    severity: Severity::Error,
                    message: String::new(),
                },
            ],
            ..Default::default()
        }
    }

    /// The article as it reads back: what is not stored is empty.
    fn stored(a: &Article) -> String {
        format!(
            "{:?}",
            Article {
                path: String::new(),
                file: Default::default(),
                ..a.clone()
            }
        )
    }

    #[test]
    fn every_code_table_agrees_with_its_match() {
        for (i, p) in PUB_SOURCES.iter().enumerate() {
            assert_eq!(usize::from(pub_source_code(*p)), i);
        }
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(usize::from(format_code(*f)), i);
        }
        for (i, k) in KINDS.iter().enumerate() {
            assert_eq!(usize::from(kind_code(*k)), i);
        }
        for (i, s) in DATE_SOURCES.iter().enumerate() {
            assert_eq!(usize::from(date_source_code(*s)), i);
        }
        for (i, p) in PRECISIONS.iter().enumerate() {
            assert_eq!(usize::from(precision_code(*p)), i);
        }
    }

    #[test]
    fn an_article_and_its_events_read_back_as_written() {
        let a = article();
        let mut events: Vec<Event> = (0..7).map(ev).collect();
        // Extremes: a date far back (negative days), a multi-year span, large offsets.
        events[3].span.start = d(-44, 3, 15);
        events[3].span.end = d(2100, 1, 1);
        events[4].sentence = 4_000_000_000..4_000_000_100;
        events[5].countries.clear();
        events[5].country_spans.clear();
        events[6].note = SmolStr::default();
        let blob = encode(&a, &events);
        for e in &mut events {
            e.article = 42;
        }
        let (back, evs) = decode(&blob, a.text.clone(), 42).unwrap();
        assert_eq!(stored(&back), stored(&a));
        assert_eq!(evs, events);
        // Every format and none.
        for f in FORMATS.iter().copied().map(Some).chain([None]) {
            let a = Article {
                format: f,
                ..article()
            };
            let (back, _) = decode(&encode(&a, &[]), a.text.clone(), 0).unwrap();
            assert_eq!(back.format, f);
        }
    }

    #[test]
    fn decoded_events_hold_short_values_inline_and_share_a_long_note() {
        let a = article();
        let mut events: Vec<Event> = (0..4).map(ev).collect();
        // Nine countries: more than an event holds itself, and still read back.
        events[2].countries = (b'A'..=b'I').map(|c| CountryCode([b'X', c])).collect();
        events[3].note = "a note of its own, longer than an event holds itself".into();
        let (_, evs) = decode(&encode(&a, &events), a.text.clone(), 0).unwrap();
        assert_eq!(evs, events);
        for e in &evs {
            assert!(!e.timex_value.is_heap_allocated(), "{:?}", e.timex_value);
            assert!(!e.country_spans.spilled());
            assert!(e.note.is_heap_allocated(), "the notes here are long");
        }
        assert!(!evs[0].countries.spilled() && !evs[3].countries.spilled());
        assert!(evs[2].countries.spilled());
        // The three events with the same long note share one heap value; the fourth has its own.
        let at = |i: usize| evs[i].note.as_ptr();
        assert_eq!((at(1), at(2)), (at(0), at(0)));
        assert_ne!(at(3), at(0));
    }

    #[test]
    fn an_empty_article_and_a_huge_one_read_back() {
        // Nothing at all: no text, no title, no options, no events.
        let empty = Article::default();
        let (back, evs) = decode(&encode(&empty, &[]), String::new(), 0).unwrap();
        assert_eq!(stored(&back), stored(&empty));
        assert!(evs.is_empty());
        // A hundred thousand paragraphs (a table dump cut into rows) with far offsets.
        let text = "ß\n\n".repeat(100_000);
        let paragraphs: Vec<Paragraph> = (0..100_000)
            .map(|i| Paragraph {
                range: 4 * i..4 * i + 2,
                kind: KINDS[i % KINDS.len()],
            })
            .collect();
        let big = Article {
            paragraphs,
            text,
            authors: vec!["x".repeat(70_000)],
            ..Article::default()
        };
        let events: Vec<Event> = (0..2_000)
            .map(|i| Event {
                paragraph: i,
                ..ev(i % 20)
            })
            .collect();
        let blob = encode(&big, &events);
        let (back, evs) = decode(&blob, big.text.clone(), 1).unwrap();
        assert_eq!(stored(&back), stored(&big));
        assert_eq!(evs.len(), 2_000);
        assert_eq!(evs[1_999].paragraph, 1_999);
    }

    #[test]
    fn a_damaged_or_foreign_value_is_refused() {
        let a = Article {
            pub_date_evidence: vec![evidence(1)],
            ..article()
        };
        let events: Vec<Event> = (0..3).map(ev).collect();
        let blob = encode(&a, &events);
        // Any one byte changed: the checksum or a field check refuses it.
        for i in 0..blob.len() {
            let mut bad = blob.clone();
            bad[i] ^= 0x01;
            assert!(decode(&bad, String::new(), 0).is_none(), "byte {i} flipped");
        }
        // Cut short anywhere.
        for n in 0..blob.len() {
            assert!(decode(&blob[..n], String::new(), 0).is_none(), "cut at {n}");
        }
        // Another version (the events-only value of schema 3, and schema 4's value ending in
        // BLAKE3, among them) with a valid checksum.
        for v in [1, 2, VERSION + 1] {
            let mut body = blob[..blob.len() - CHECKSUM].to_vec();
            body[0] = v;
            assert!(decode(&seal(body), String::new(), 0).is_none());
        }
        // This version's body sealed as schema 4 sealed it (8 bytes of BLAKE3).
        let body = &blob[..blob.len() - CHECKSUM];
        let mut old = body.to_vec();
        old.extend_from_slice(&blake3::hash(body).as_bytes()[..8]);
        assert!(decode(&old, String::new(), 0).is_none());
    }

    fn seal(mut body: Vec<u8>) -> Vec<u8> {
        let sum = checksum(&body);
        body.extend_from_slice(&sum);
        body
    }

    #[test]
    fn fields_out_of_range_are_refused_even_under_a_valid_checksum() {
        // The empty article's value: version, two empty strings, three absent options, no
        // format, no authors, paragraphs or evidence, no dates, no problems, no events.
        let blob = encode(&Article::default(), &[]);
        let body = blob[..blob.len() - CHECKSUM].to_vec();
        assert_eq!(body, [VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(decode(&seal(body.clone()), String::new(), 0).is_some());
        // An option marker that is neither absent nor present.
        let mut bad = body.clone();
        bad[3] = 2;
        assert!(decode(&seal(bad), String::new(), 0).is_none());
        // A format code that names nothing.
        let mut bad = body.clone();
        bad[6] = 1;
        bad.insert(7, FORMATS.len() as u8);
        assert!(decode(&seal(bad), String::new(), 0).is_none());
        // A billion events in a few bytes.
        let mut bad = body.clone();
        bad.pop();
        put_u(&mut bad, 1_000_000_000);
        assert!(decode(&seal(bad), String::new(), 0).is_none());
        // A problem of no known severity.
        let mut bad = body.clone();
        bad[13] = 1;
        bad.insert(14, 7);
        bad.insert(15, 0);
        assert!(decode(&seal(bad), String::new(), 0).is_none());
        // A country code that is not two letters (a lower-case one reads as upper case).
        let mut e = ev(0);
        e.countries = vec![CountryCode(*b"jp")].into();
        let back = decode(&encode(&Article::default(), &[e.clone()]), String::new(), 0);
        assert_eq!(back.unwrap().1[0].countries[..], [CountryCode(*b"JP")]);
        e.countries = vec![CountryCode(*b"J1")].into();
        assert!(decode(&encode(&Article::default(), &[e]), String::new(), 0).is_none());
        // Trailing bytes after the last event.
        let mut bad = body;
        bad.push(0);
        assert!(decode(&seal(bad), String::new(), 0).is_none());
    }
}
