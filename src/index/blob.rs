//! One article's events as one compact binary value (`articles.events_blob`), read on a
//! reopen instead of a row per event.
//!
//! Why: a reopen of 100,000 articles took 1,000,000 rows out of the `events` table, a dozen
//! columns each, text columns parsed back into dates and codes; most of its CPU went to
//! SQLite's per-row and per-column work and to allocation. One value per article is one
//! column read, decoded by a loop over bytes. The `events` table is still written, as it
//! was, for analysts' SQL; the app never reads it back.
//!
//! Layout (version 1): a version byte, the number of events, then each event's fields
//! (integers as LEB128 varints, signed ones zigzagged; byte ranges as start and length;
//! dates as days from the Common Era, the end as days after the start; text as length and
//! UTF-8 bytes; the confidence as an `f32`), then the first 8 bytes of the BLAKE3 hash of
//! all that. A value whose version, checksum or any field does not check out is refused
//! (the file is read again), never half-used.

use crate::model::{CountryCode, CountrySpan, DateSource, DateSpan, Event, Precision};
use chrono::{Datelike, NaiveDate};

/// Bumped with any change to the layout above (the schema version covers the column).
const VERSION: u8 = 1;
const CHECKSUM: usize = 8;

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

/// Encodes one article's events (their article id, cluster, salience and hidden flag are
/// the corpus's, not the extraction's, and are not stored).
pub(crate) fn encode(events: &[Event]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + events.len() * 64);
    out.push(VERSION);
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
    let sum = blake3::hash(&out);
    out.extend_from_slice(&sum.as_bytes()[..CHECKSUM]);
    out
}

/// Decodes what [`encode`] wrote, with `article` as each event's article id. `None` for a
/// value of another version, a wrong checksum or any field out of range.
pub(crate) fn decode(bytes: &[u8], article: u32) -> Option<Vec<Event>> {
    let body_len = bytes.len().checked_sub(CHECKSUM)?;
    let (body, sum) = bytes.split_at(body_len);
    if body.first() != Some(&VERSION) || blake3::hash(body).as_bytes()[..CHECKSUM] != *sum {
        return None;
    }
    let mut r = Reader { b: body, at: 1 };
    let n = r.len()?;
    // Every event takes at least 16 bytes: a count beyond that is damage, not a reason to
    // reserve memory.
    let mut events = Vec::with_capacity(n.min(body.len() / 16));
    for _ in 0..n {
        let paragraph = r.usize()?;
        let sentence = r.range()?;
        let date_range = r.range()?;
        let timex_value = r.string()?;
        let start = i32::try_from(r.i()?).ok()?;
        let end = i32::try_from(i64::from(start) + r.i()?).ok()?;
        let span = DateSpan {
            start: NaiveDate::from_num_days_from_ce_opt(start)?,
            end: NaiveDate::from_num_days_from_ce_opt(end)?,
            precision: *PRECISIONS.get(usize::from(r.byte()?))?,
        };
        let date_source = *DATE_SOURCES.get(usize::from(r.byte()?))?;
        let confidence = f32::from_le_bytes(r.take(4)?.try_into().ok()?);
        let nc = r.len()?;
        let mut countries = Vec::with_capacity(nc.min(256));
        for _ in 0..nc {
            countries.push(r.code()?);
        }
        let ns = r.len()?;
        let mut country_spans = Vec::with_capacity(ns.min(256));
        for _ in 0..ns {
            let range = r.range()?;
            country_spans.push(CountrySpan {
                start: range.start,
                end: range.end,
                code: r.code()?,
            });
        }
        let note = r.string()?;
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
    (r.at == body.len()).then_some(events)
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

    /// A count of items that follow: never more than the bytes left.
    fn len(&mut self) -> Option<usize> {
        let n = self.usize()?;
        (n <= self.b.len() - self.at).then_some(n)
    }

    fn range(&mut self) -> Option<std::ops::Range<usize>> {
        let start = self.usize()?;
        let end = start.checked_add(self.usize()?)?;
        Some(start..end)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok().map(str::to_string)
    }

    fn code(&mut self) -> Option<CountryCode> {
        let b = self.take(2)?;
        CountryCode::parse(std::str::from_utf8(b).ok()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(i: usize) -> Event {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Event {
            article: 0,
            paragraph: i,
            sentence: 10 * i..10 * i + 300,
            date_range: 10 * i + 4..10 * i + 19,
            timex_value: format!("2023-09-{:02}", i + 1),
            span: DateSpan {
                start: d(2023, 9, 1 + i as u32),
                end: d(2023, 9, 1 + i as u32),
                precision: PRECISIONS[i % 3],
            },
            countries: vec![CountryCode(*b"JP"), CountryCode(*b"KP")],
            country_spans: vec![CountrySpan {
                start: 10 * i + 30,
                end: 10 * i + 35,
                code: CountryCode(*b"JP"),
            }],
            date_source: DATE_SOURCES[i % 5],
            confidence: 0.25 * (i % 4) as f32,
            note: "year from publication date 2023-09-14 — «naïve»".into(),
            cluster: 0,
            hidden: false,
            salience: 0.0,
        }
    }

    #[test]
    fn events_read_back_as_written() {
        let mut events: Vec<Event> = (0..7).map(ev).collect();
        // Extremes: a date far back (negative days), a range ending before the start is
        // impossible, but a multi-year span and large offsets are not.
        events[3].span.start = NaiveDate::from_ymd_opt(-44, 3, 15).unwrap();
        events[3].span.end = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
        events[4].sentence = 4_000_000_000..4_000_000_100;
        events[5].countries.clear();
        events[5].country_spans.clear();
        events[6].note.clear();
        let blob = encode(&events);
        for e in &mut events {
            e.article = 42;
        }
        assert_eq!(decode(&blob, 42), Some(events));
        assert_eq!(decode(&encode(&[]), 3), Some(Vec::new()));
    }

    #[test]
    fn a_damaged_or_foreign_value_is_refused() {
        let events: Vec<Event> = (0..3).map(ev).collect();
        let blob = encode(&events);
        // Any one byte changed: the checksum or a field check refuses it.
        for i in 0..blob.len() {
            let mut bad = blob.clone();
            bad[i] ^= 0x01;
            assert_eq!(decode(&bad, 0), None, "byte {i} flipped");
        }
        // Cut short anywhere.
        for n in 0..blob.len() {
            assert_eq!(decode(&blob[..n], 0), None, "cut at {n}");
        }
        // Another version with a valid checksum.
        let mut body = blob[..blob.len() - CHECKSUM].to_vec();
        body[0] = VERSION + 1;
        let sum = blake3::hash(&body);
        body.extend_from_slice(&sum.as_bytes()[..CHECKSUM]);
        assert_eq!(decode(&body, 0), None);
    }

    #[test]
    fn fields_out_of_range_are_refused_even_under_a_valid_checksum() {
        let seal = |mut body: Vec<u8>| {
            let sum = blake3::hash(&body);
            body.extend_from_slice(&sum.as_bytes()[..CHECKSUM]);
            body
        };
        // A count of a billion events in a few bytes.
        let mut body = vec![VERSION];
        put_u(&mut body, 1_000_000_000);
        assert_eq!(decode(&seal(body), 0), None);
        // A precision code that names nothing.
        let blob = encode(&[ev(0)]);
        let mut body = blob[..blob.len() - CHECKSUM].to_vec();
        // The precision byte's place: re-encode the fields before it.
        let mut prefix = vec![VERSION];
        put_u(&mut prefix, 1);
        let e = ev(0);
        put_u(&mut prefix, e.paragraph as u64);
        put_range(&mut prefix, e.sentence.start, e.sentence.end);
        put_range(&mut prefix, e.date_range.start, e.date_range.end);
        put_str(&mut prefix, &e.timex_value);
        put_i(&mut prefix, i64::from(e.span.start.num_days_from_ce()));
        put_i(&mut prefix, 0);
        assert_eq!(body[..prefix.len()], prefix[..]);
        body[prefix.len()] = 9;
        assert_eq!(decode(&seal(body), 0), None);
        // Trailing bytes after the last event.
        let mut body = blob[..blob.len() - CHECKSUM].to_vec();
        body.push(0);
        assert_eq!(decode(&seal(body), 0), None);
    }
}
