//! The results of the corpus-wide steps (publication dates inferred across the corpus,
//! clusters, salience, captions), remembered per opened corpus so that reopening an
//! unchanged corpus skips them.
//!
//! Why: at 100,000 articles those steps cost far more than serving every file from the
//! index, and they give the same answer for the same input. The input is the joined corpus
//! before the steps, which is fixed by each article's file, place in the file, content hash,
//! publication date from its own evidence (path and file time included), file time and
//! number of events (all of them fixed by the content, the extractor version and the user's
//! publication-date corrections), plus the hidden-event and event-date corrections that touch
//! its events. The exact key is a hash of all that and of the extractor version: when it
//! matches, the stored results are put back as they were; nothing else is trusted.
//!
//! When the key does not match (some files changed, or a correction), the stored results
//! still fit every article whose identity is unchanged: [`reuse`] puts them back on those
//! (new or changed articles get their own provisional clusters), which the window shows at
//! once while the steps run again on the worker.
//!
//! Stored as one row per opened path set in the `settled` table (a small binary encoding:
//! four bytes per clustered event, twelve per article, a checksum at the end so that a
//! damaged value is never put back), the most recently used few kept.

use crate::corrections::Corrections;
use crate::model::{
    Cluster, Corpus, Countries, CountryCode, CountrySpan, CountrySpans, DateSource, DateSpan,
    DatedEvidence, Event, Problem, PubDateSource,
};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod watched;
pub(crate) use watched::{identities, identities_of_parts, store_update};

/// Corpora whose results are kept (least recently used dropped first).
const KEEP: usize = 8;
/// Marks this module's encoding (bump when it changes: an old row is then not read). DLS2:
/// article identities hashed field by field (`article_id`). DLS3: a cluster's shorter caption.
const MAGIC: &[u8; 4] = b"DLS3";

/// A joined corpus (before the corpus-wide steps) with what identifies its input.
pub struct Joined {
    pub corpus: Corpus,
    /// Per article: its identity (file, place, content, own dates, number of events).
    ids: Vec<u64>,
    /// The exact key of the corpus-wide steps' input.
    key: String,
}

/// The stored results of the corpus-wide steps of one corpus.
pub struct Settled {
    key: String,
    /// Identity of each article, in corpus order.
    articles: Vec<u64>,
    /// Where each article's events start in the corpus's event list (one more at the end).
    event_start: Vec<u32>,
    /// Articles whose publication date came from the rest of the corpus, with their events.
    redated: Vec<Redated>,
    clusters: Vec<Kept>,
}

#[derive(Serialize, Deserialize)]
struct Redated {
    article: u32,
    pub_date: DatedEvidence,
    problems: Vec<Problem>,
    events: Vec<EventRow>,
}

/// An event as the corpus-wide steps left it (before clustering's fields).
#[derive(Serialize, Deserialize)]
struct EventRow {
    paragraph: usize,
    sentence: (usize, usize),
    date_range: (usize, usize),
    timex: String,
    span: DateSpan,
    countries: Vec<CountryCode>,
    country_spans: Vec<CountrySpan>,
    date_source: DateSource,
    confidence: f32,
    note: String,
}

impl EventRow {
    fn of(e: &Event) -> EventRow {
        EventRow {
            paragraph: e.paragraph,
            sentence: (e.sentence.start, e.sentence.end),
            date_range: (e.date_range.start, e.date_range.end),
            timex: e.timex_value.to_string(),
            span: e.span,
            countries: e.countries.to_vec(),
            country_spans: e.country_spans.to_vec(),
            date_source: e.date_source,
            confidence: e.confidence,
            note: e.note.to_string(),
        }
    }
    fn event(&self, article: u32) -> Event {
        Event {
            article,
            paragraph: self.paragraph,
            sentence: self.sentence.0..self.sentence.1,
            date_range: self.date_range.0..self.date_range.1,
            timex_value: self.timex.as_str().into(),
            span: self.span,
            countries: Countries::from_slice(&self.countries),
            country_spans: CountrySpans::from_slice(&self.country_spans),
            date_source: self.date_source,
            confidence: self.confidence,
            note: self.note.as_str().into(),
            cluster: 0,
            hidden: false,
            salience: 0.0,
        }
    }
}

/// A cluster as stored: members by event id in the stored corpus.
struct Kept {
    members: Vec<u32>,
    countries: Vec<CountryCode>,
    conflicting: bool,
    salience: f32,
    caption: String,
    short_caption: String,
}

/// The stored clusters as [`reuse`] reads them: lent (the stored results serve again: a
/// snapshot, a preview) or given (their last use, the whole corpus: each caption and
/// country list is moved out rather than copied, a string and a vector per cluster).
enum Clusters<'a> {
    Lent(&'a [Kept]),
    Given(&'a mut [Kept]),
}

impl Clusters<'_> {
    fn all(&self) -> &[Kept] {
        match self {
            Clusters::Lent(k) => k,
            Clusters::Given(k) => k,
        }
    }

    /// The `i`th cluster's countries, caption and its short form.
    fn labels(&mut self, i: usize) -> (Vec<CountryCode>, String, String) {
        match self {
            Clusters::Lent(k) => (
                k[i].countries.clone(),
                k[i].caption.clone(),
                k[i].short_caption.clone(),
            ),
            Clusters::Given(k) => (
                std::mem::take(&mut k[i].countries),
                std::mem::take(&mut k[i].caption),
                std::mem::take(&mut k[i].short_caption),
            ),
        }
    }
}

/// The row key of a set of opened paths (order and repeats ignored): the key the saved view
/// of the same corpus uses ([`crate::view::corpus_key`]).
pub fn corpus_id(paths: &[PathBuf]) -> String {
    crate::view::corpus_key(paths)
}

/// Joins per-file results (see [`crate::pipeline::join`]) and computes their identities.
pub fn join(
    parts: Vec<crate::pipeline::FileResult>,
    opts: &crate::pipeline::LoadOptions,
    times: &crate::pipeline::StageTimes,
) -> Joined {
    identify(crate::pipeline::join(parts, opts, times), &opts.corrections)
}

/// A corpus as [`join`] leaves it (before the corpus-wide steps; a watched update's
/// `pipeline::replace_files_joined` leaves it so too) with its identities computed.
pub(crate) fn identify(corpus: Corpus, corrections: &Corrections) -> Joined {
    let counts = events_per_article(&corpus);
    let places = places(&corpus);
    // One hash per article, each on its own: shared by the cores (a reopen waits for them,
    // 100,000 of them at 100,000 articles, before anything is put back).
    let ids: Vec<u64> = corpus
        .articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| article_id(a, places[i], counts[i]))
        .collect();
    let mut starts = Vec::with_capacity(counts.len());
    let mut at = 0usize;
    for n in &counts {
        starts.push(at);
        at += n;
    }
    let key = key_of(
        &ids,
        &corpus,
        |i| &corpus.events[starts[i]..starts[i] + counts[i]],
        corrections,
    );
    Joined { corpus, ids, key }
}

/// The exact key of a joined corpus's steps: the extractor, each article's identity, and
/// the corrections that touch its joined events (`events_of(i)`; its publication-date
/// correction is already in its own date).
fn key_of<'a>(
    ids: &[u64],
    corpus: &Corpus,
    events_of: impl Fn(usize) -> &'a [Event],
    corrections: &Corrections,
) -> String {
    let mut key = blake3::Hasher::new();
    key.update(super::version::extractor().as_bytes());
    key.update(MAGIC);
    for (i, (a, id)) in corpus.articles.iter().zip(ids).enumerate() {
        key.update(&id.to_le_bytes());
        if corrections.has_event_corrections(&a.content_hash) {
            for e in events_of(i) {
                let k = crate::corrections::event_key(e);
                let hidden = corrections.is_hidden(&a.content_hash, &k);
                let date = corrections.event_date(&a.content_hash, &k);
                key.update(format!("{i}:{k}:{hidden}:{date:?};").as_bytes());
            }
        }
    }
    key.finalize().to_hex().to_string()
}

/// Each article's place among the articles of its file (articles of a file are adjacent).
fn places(corpus: &Corpus) -> Vec<u32> {
    let mut place = 0u32;
    let mut prev: Option<&Path> = None;
    corpus
        .articles
        .iter()
        .map(|a| {
            place = if prev == Some(a.file.as_path()) {
                place + 1
            } else {
                0
            };
            prev = Some(a.file.as_path());
            place
        })
        .collect()
}

/// An article's identity in a joined corpus (see the module docs): its file, place in the
/// file, content, own publication date, file time and number of events.
fn article_id(a: &crate::model::Article, place: u32, events: usize) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(a.file.as_os_str().as_encoded_bytes());
    h.update(&[0]);
    h.update(&place.to_le_bytes());
    h.update(a.content_hash.as_bytes());
    h.update(&[0]);
    use chrono::Datelike;
    // Field by field (a `format!` of them was most of this function's cost, run for every
    // article on every reopen).
    let day = |d: &chrono::NaiveDate| d.num_days_from_ce().to_le_bytes();
    match &a.pub_date {
        None => {
            h.update(&[0]);
        }
        Some(p) => {
            h.update(&[1]);
            h.update(&day(&p.date));
            h.update(&[p.source as u8]);
            h.update(&p.confidence.to_bits().to_le_bytes());
            h.update(&(p.note.len() as u64).to_le_bytes());
            h.update(p.note.as_bytes());
        }
    }
    match &a.file_time {
        None => h.update(&[0]),
        Some(d) => h.update(&[1]).update(&day(d)),
    };
    h.update(&(events as u64).to_le_bytes());
    u64::from_le_bytes(h.finalize().as_bytes()[..8].try_into().unwrap_or_default())
}

/// How many events each article has (a joined corpus lists them grouped by article).
fn events_per_article(c: &Corpus) -> Vec<usize> {
    let mut n = vec![0usize; c.articles.len()];
    for e in &c.events {
        if let Some(k) = n.get_mut(e.article as usize) {
            *k += 1;
        }
    }
    n
}

/// What [`reuse`] managed.
#[derive(Debug, PartialEq, Eq)]
pub enum Reused {
    /// The stored results are this corpus's exactly: nothing to run.
    Exact,
    /// Put back where articles are unchanged; the steps must still run.
    Partly,
}

impl Joined {
    /// Whether `s` holds exactly this corpus's results (same key, consistent shape).
    pub fn matches(&self, s: &Settled) -> bool {
        s.key == self.key && s.articles == self.ids && s.consistent()
    }

    /// Runs the corpus-wide steps and returns the corpus with what to store of them.
    pub fn settle(
        mut self,
        corrections: &Corrections,
        times: &crate::pipeline::StageTimes,
    ) -> (Corpus, Settled) {
        crate::pipeline::settle_joined(&mut self.corpus, corrections, times);
        let s = capture(&self.corpus, self.key, self.ids);
        (self.corpus, s)
    }

    /// [`reuse`] on this corpus (the stored results stay as they are, for another use).
    pub fn reuse(self, s: &Settled, corrections: &Corrections) -> (Corpus, Reused) {
        self.reuse_from(s, Clusters::Lent(&s.clusters), corrections)
    }

    /// [`Joined::reuse`] as the stored results' last use: their captions and country lists
    /// are moved into the corpus rather than copied.
    pub(crate) fn reuse_last(self, mut s: Settled, corrections: &Corrections) -> (Corpus, Reused) {
        let mut kept = std::mem::take(&mut s.clusters);
        self.reuse_from(&s, Clusters::Given(&mut kept), corrections)
    }

    fn reuse_from(
        mut self,
        s: &Settled,
        clusters: Clusters<'_>,
        corrections: &Corrections,
    ) -> (Corpus, Reused) {
        let r = reuse(&mut self.corpus, &self.ids, s, clusters, corrections);
        let r = if r && s.key == self.key {
            Reused::Exact
        } else {
            Reused::Partly
        };
        (self.corpus, r)
    }

    /// A copy of the joined corpus (to show stored results while the steps run on this one).
    pub fn clone_for_preview(&self) -> Joined {
        Joined {
            corpus: self.corpus.clone(),
            ids: self.ids.clone(),
            key: self.key.clone(),
        }
    }
}

/// What to store of a settled corpus.
fn capture(c: &Corpus, key: String, articles: Vec<u64>) -> Settled {
    let mut event_start = Vec::with_capacity(c.articles.len() + 1);
    let mut at = 0usize;
    for i in 0..c.articles.len() {
        event_start.push(at as u32);
        while at < c.events.len() && c.events[at].article as usize == i {
            at += 1;
        }
    }
    event_start.push(at as u32);
    let redated = c
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.pub_date.as_ref().map(|p| p.source) == Some(PubDateSource::Corpus))
        .filter_map(|(i, a)| {
            let range = event_start[i] as usize..event_start[i + 1] as usize;
            Some(Redated {
                article: i as u32,
                pub_date: a.pub_date.clone()?,
                problems: a.problems.clone(),
                events: c.events[range].iter().map(EventRow::of).collect(),
            })
        })
        .collect();
    let clusters = c
        .clusters
        .iter()
        .map(|k| Kept {
            members: k.events.clone(),
            countries: k.countries.clone(),
            conflicting: k.conflicting_dates,
            salience: k.salience,
            caption: k.caption.clone(),
            short_caption: k.short_caption.clone(),
        })
        .collect();
    Settled {
        key,
        articles,
        event_start,
        redated,
        clusters,
    }
}

impl Settled {
    /// How many articles the corpus had.
    pub(crate) fn articles(&self) -> usize {
        self.articles.len()
    }

    /// Every stored event in exactly one cluster, the offsets in order.
    fn consistent(&self) -> bool {
        let n = self.event_start.last().copied().unwrap_or(0) as usize;
        if self.event_start.len() != self.articles.len() + 1
            || self.event_start.windows(2).any(|w| w[0] > w[1])
        {
            return false;
        }
        let mut seen = vec![false; n];
        let mut count = 0usize;
        for k in &self.clusters {
            for &m in &k.members {
                match seen.get_mut(m as usize) {
                    Some(s) if !*s => *s = true,
                    _ => return false,
                }
                count += 1;
            }
        }
        count == n
    }
}

/// Puts stored results back on a joined corpus (before the corpus-wide steps): articles
/// are matched by identity; a matched article takes its stored publication date and events
/// if the rest of the corpus dated it, and its events their clusters, salience and
/// captions. Other events get a cluster of their own (salience 0). Corrections are applied
/// as the steps would. Returns whether every article and event was matched (with the same
/// key, the result is then exactly what the steps give).
fn reuse(
    corpus: &mut Corpus,
    ids: &[u64],
    s: &Settled,
    mut stored: Clusters<'_>,
    corrections: &Corrections,
) -> bool {
    // Identities are hashes already: no second hash of them for the map.
    let old_of: crate::fxmap::FxMap<u64, u32> = s
        .articles
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i as u32))
        .collect();
    let matched: Vec<Option<u32>> = ids.iter().map(|id| old_of.get(id).copied()).collect();
    let redated: HashMap<u32, &Redated> = s.redated.iter().map(|r| (r.article, r)).collect();

    // 1. Publication dates the rest of the corpus gave, with the events they changed.
    if matched.iter().flatten().any(|o| redated.contains_key(o)) {
        let old_events = std::mem::take(&mut corpus.events);
        let mut events = Vec::with_capacity(old_events.len());
        let mut it = old_events.into_iter().peekable();
        for (i, a) in corpus.articles.iter_mut().enumerate() {
            let own: Vec<Event> =
                std::iter::from_fn(|| it.next_if(|e| e.article as usize == i)).collect();
            match matched[i].and_then(|o| redated.get(&o)) {
                Some(r) => {
                    a.pub_date = Some(r.pub_date.clone());
                    a.problems.clone_from(&r.problems);
                    events.extend(r.events.iter().map(|e| e.event(i as u32)));
                }
                None => events.extend(own),
            }
        }
        events.extend(it);
        corpus.events = events;
    }
    if !s.redated.is_empty() {
        crate::pipeline::sort_events(&mut corpus.events);
    }
    crate::pipeline::correct_events(corpus, corrections);

    // 2. Stored event ids to this corpus's.
    let counts = events_per_article(corpus);
    let old_n = s.event_start.last().copied().unwrap_or(0) as usize;
    let mut new_of_old = vec![u32::MAX; old_n];
    let mut all = s.articles.len() == corpus.articles.len();
    let mut start = 0usize;
    for (i, n) in counts.iter().enumerate() {
        let fit = matched[i].filter(|&o| {
            let (a, b) = (s.event_start[o as usize], s.event_start[o as usize + 1]);
            b.checked_sub(a) == Some(*n as u32)
        });
        match fit {
            Some(o) => {
                let from = s.event_start[o as usize] as usize;
                for k in 0..*n {
                    if let Some(slot) = new_of_old.get_mut(from + k) {
                        *slot = (start + k) as u32;
                    }
                }
            }
            None => all = false,
        }
        start += n;
    }

    // 3. Clusters: the stored ones over matched events, one of its own for every other.
    let mut cluster_of = vec![u32::MAX; corpus.events.len()];
    let mut clusters: Vec<Cluster> = Vec::with_capacity(stored.all().len());
    for i in 0..stored.all().len() {
        let k = &stored.all()[i];
        let mut members: Vec<u32> = Vec::with_capacity(k.members.len());
        members.extend(
            k.members
                .iter()
                .filter_map(|&m| new_of_old.get(m as usize).copied())
                .filter(|&m| (m as usize) < cluster_of.len() && cluster_of[m as usize] == u32::MAX),
        );
        if members.len() != k.members.len() {
            all = false;
        }
        if members.is_empty() {
            continue;
        }
        let id = clusters.len() as u32;
        for &m in &members {
            cluster_of[m as usize] = id;
        }
        let sources = distinct_articles(&corpus.events, &members);
        let (conflicting_dates, salience) = (k.conflicting, k.salience);
        let (countries, caption, short_caption) = stored.labels(i);
        clusters.push(Cluster {
            id,
            events: members,
            sources,
            countries,
            conflicting_dates,
            salience,
            caption,
            short_caption,
        });
    }
    for (i, e) in corpus.events.iter_mut().enumerate() {
        if cluster_of[i] == u32::MAX {
            all = false;
            let id = clusters.len() as u32;
            cluster_of[i] = id;
            clusters.push(Cluster {
                id,
                events: vec![i as u32],
                sources: 1,
                countries: e.countries.to_vec(),
                ..Default::default()
            });
        }
        let k = &clusters[cluster_of[i] as usize];
        e.cluster = k.id;
        e.salience = if e.hidden { 0.0 } else { k.salience };
    }
    corpus.clusters = clusters;
    all
}

/// How many articles the events `members` come from. Members in event order (as stored,
/// for a corpus whose articles kept their order) come from articles in order too: counted
/// as they change, without a vector of them to sort.
fn distinct_articles(events: &[Event], members: &[u32]) -> usize {
    let article = |m: &u32| events[*m as usize].article;
    if members.windows(2).all(|w| article(&w[0]) <= article(&w[1])) {
        let mut n = usize::from(!members.is_empty());
        n += members
            .windows(2)
            .filter(|w| article(&w[0]) != article(&w[1]))
            .count();
        return n;
    }
    let mut articles: Vec<u32> = members.iter().map(article).collect();
    articles.sort_unstable();
    articles.dedup();
    articles.len()
}

// --- Encoding --------------------------------------------------------------------------

/// Bytes of the checksum that ends a stored value.
const SUM: usize = 16;

/// The first [`SUM`] bytes of the blake3 hash of `body`: a flipped bit anywhere (a salience,
/// a cluster member) is caught, which the shape checks alone would miss.
fn checksum(body: &[u8]) -> [u8; SUM] {
    let mut out = [0u8; SUM];
    out.copy_from_slice(&blake3::hash(body).as_bytes()[..SUM]);
    out
}

struct W(Vec<u8>);

impl W {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
}

struct R<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn str(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }
    /// A count of items at least `min` bytes each, refused if the rest cannot hold them.
    fn count(&mut self, min: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(min)? <= self.b.len() - self.at).then_some(n)
    }
}

impl Settled {
    fn encode(&self) -> Vec<u8> {
        let mut w = W(Vec::with_capacity(
            64 + 12 * self.articles.len() + 4 * self.event_start.len(),
        ));
        w.0.extend_from_slice(MAGIC);
        w.bytes(self.key.as_bytes());
        w.u32(self.articles.len() as u32);
        for a in &self.articles {
            w.0.extend_from_slice(&a.to_le_bytes());
        }
        for s in &self.event_start {
            w.u32(*s);
        }
        w.bytes(&serde_json::to_vec(&self.redated).unwrap_or_else(|_| b"[]".to_vec()));
        w.u32(self.clusters.len() as u32);
        for k in &self.clusters {
            w.u32(k.members.len() as u32);
            for m in &k.members {
                w.u32(*m);
            }
            w.u32(k.countries.len() as u32);
            for c in &k.countries {
                w.0.extend_from_slice(&c.0);
            }
            w.0.push(u8::from(k.conflicting));
            w.0.extend_from_slice(&k.salience.to_bits().to_le_bytes());
            w.bytes(k.caption.as_bytes());
            w.bytes(k.short_caption.as_bytes());
        }
        let sum = checksum(&w.0);
        w.0.extend_from_slice(&sum);
        w.0
    }

    /// `None` for anything that is not a whole value of this encoding.
    fn decode(b: &[u8]) -> Option<Settled> {
        let (b, sum) = b.split_at_checked(b.len().checked_sub(SUM)?)?;
        if checksum(b) != sum {
            return None;
        }
        let mut r = R { b, at: 0 };
        if r.take(4)? != MAGIC {
            return None;
        }
        let key = r.str()?;
        let n = r.count(12)?;
        let articles = (0..n).map(|_| r.u64()).collect::<Option<Vec<_>>>()?;
        let event_start = (0..=n).map(|_| r.u32()).collect::<Option<Vec<_>>>()?;
        let redated: Vec<Redated> = serde_json::from_slice(r.bytes()?).ok()?;
        let nc = r.count(21)?;
        let mut clusters = Vec::with_capacity(nc);
        for _ in 0..nc {
            let nm = r.count(4)?;
            let members = (0..nm).map(|_| r.u32()).collect::<Option<Vec<_>>>()?;
            let ncc = r.count(2)?;
            let countries = (0..ncc)
                .map(|_| {
                    let c = r.take(2)?;
                    CountryCode::parse(std::str::from_utf8(c).ok()?)
                })
                .collect::<Option<Vec<_>>>()?;
            let conflicting = r.take(1)?[0] != 0;
            let salience = f32::from_bits(r.u32()?);
            let caption = r.str()?;
            let short_caption = r.str()?;
            clusters.push(Kept {
                members,
                countries,
                conflicting,
                salience,
                caption,
                short_caption,
            });
        }
        (r.at == b.len()).then_some(Settled {
            key,
            articles,
            event_start,
            redated,
            clusters,
        })
    }
}

// --- Storage ---------------------------------------------------------------------------

fn settled_on(conn: &rusqlite::Connection, corpus: &str) -> Option<Settled> {
    let blob: Vec<u8> = conn
        .query_row(
            "SELECT value FROM settled WHERE corpus = ?1",
            [corpus],
            |r| r.get(0),
        )
        .ok()?;
    Settled::decode(&blob)
}

/// The stored results for `corpus` in the index file at `path`, read through a read-only
/// connection of its own: the window's loader reads them (10 MB at 100,000 articles) on
/// another thread while the index serves the first files. It does not mark them used: the
/// caller does, through its own connection ([`super::Index::touch_settled`]).
pub(crate) fn read_at(path: &Path, corpus: &str) -> Option<Settled> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    settled_on(&conn, corpus)
}

impl super::Index {
    /// The stored results for the corpus opened as `corpus` (see [`corpus_id`]), if any and
    /// readable. A row that cannot be read is as good as none: the steps run and replace it.
    pub fn settled(&mut self, corpus: &str) -> Option<Settled> {
        let s = settled_on(self.conn(), corpus)?;
        self.touch_settled(corpus);
        Some(s)
    }

    /// Marks the stored results of `corpus` as just used (the least recently used go
    /// first when the index is over its size).
    pub(crate) fn touch_settled(&mut self, corpus: &str) {
        let _ = self.conn().execute(
            "UPDATE settled SET used = ?2 WHERE corpus = ?1",
            rusqlite::params![corpus, super::now_secs()],
        );
    }

    /// Stores the results for `corpus` (one transaction), keeping the [`KEEP`] most
    /// recently used corpora.
    pub fn put_settled(&mut self, corpus: &str, s: &Settled) -> Result<(), super::IndexError> {
        let blob = s.encode();
        let tx = self.conn().transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO settled (corpus, key, bytes, used, value) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![corpus, s.key, blob.len() as i64, super::now_secs(), blob],
        )?;
        tx.execute(
            "DELETE FROM settled WHERE corpus NOT IN (SELECT corpus FROM settled ORDER BY used DESC, corpus LIMIT ?1)",
            [KEEP as i64],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored event of `article` on 1 June 2024, nothing else set.
    fn june_first(article: u32) -> Event {
        let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        EventRow {
            paragraph: 0,
            sentence: (0, 0),
            date_range: (0, 0),
            timex: "2024-06-01".into(),
            span: DateSpan {
                start: day,
                end: day,
                precision: crate::model::Precision::Day,
            },
            countries: Vec::new(),
            country_spans: Vec::new(),
            date_source: DateSource::Explicit,
            confidence: 1.0,
            note: String::new(),
        }
        .event(article)
    }

    #[test]
    fn a_cluster_counts_each_article_once_in_any_order_of_its_members() {
        let events: Vec<Event> = [0, 0, 1, 3, 3, 3, 7].map(june_first).into();
        for (members, n) in [
            (vec![], 0),
            (vec![4], 1),
            (vec![0, 1], 1),
            (vec![0, 1, 2, 3, 5, 6], 4),
            // Out of event order (articles moved since the results were stored).
            (vec![6, 0, 3, 1, 4], 3),
            (vec![3, 0, 5], 2),
        ] {
            assert_eq!(distinct_articles(&events, &members), n, "{members:?}");
        }
    }

    #[test]
    fn stored_results_given_on_their_last_use_put_back_what_lent_ones_do() {
        let corpus = Corpus {
            articles: (0..2)
                .map(|i| crate::model::Article {
                    file: PathBuf::from(format!("/c/{i}.txt")),
                    content_hash: format!("h{i}"),
                    ..Default::default()
                })
                .collect(),
            events: [0, 0, 1].map(june_first).into(),
            ..Default::default()
        };
        let joined = identify(corpus, &Corrections::default());
        let fr = CountryCode::parse("FR").unwrap();
        let kept = |members: Vec<u32>, countries: Vec<CountryCode>, caption: &str| Kept {
            members,
            countries,
            conflicting: false,
            salience: 0.5,
            caption: caption.into(),
            short_caption: format!("{caption} (short)"),
        };
        let stored = Settled {
            key: joined.key.clone(),
            articles: joined.ids.clone(),
            event_start: vec![0, 2, 3],
            redated: Vec::new(),
            clusters: vec![
                kept(vec![0, 2], vec![fr], "Talks"),
                kept(vec![1], Vec::new(), ""),
            ],
        };
        let (lent, how_lent) = joined
            .clone_for_preview()
            .reuse(&stored, &Corrections::default());
        // Lent: the stored results are as they were, for another use.
        assert_eq!(stored.clusters[0].caption, "Talks");
        assert_eq!(stored.clusters[0].countries, [fr]);
        let (given, how_given) = joined.reuse_last(stored, &Corrections::default());
        assert!(how_lent == Reused::Exact && how_given == Reused::Exact);
        assert_eq!(format!("{given:?}"), format!("{lent:?}"));
        assert_eq!(given.clusters[0].caption, "Talks");
        assert_eq!(given.clusters[0].short_caption, "Talks (short)");
        assert_eq!(given.clusters[0].countries, [fr]);
        assert_eq!(given.clusters[0].events, [0, 2]);
        assert_eq!(given.events[1].cluster, 1);
    }

    #[test]
    fn encoding_round_trips_and_refuses_damage() {
        let s = Settled {
            key: "k".into(),
            articles: vec![1, 2],
            event_start: vec![0, 2, 3],
            redated: Vec::new(),
            clusters: vec![
                Kept {
                    members: vec![0, 2],
                    countries: vec![CountryCode::parse("FR").unwrap()],
                    conflicting: true,
                    salience: 0.25,
                    caption: "Talks in Paris end with an agreement on fishing".into(),
                    short_caption: "Talks end with agreement".into(),
                },
                Kept {
                    members: vec![1],
                    countries: Vec::new(),
                    conflicting: false,
                    salience: 0.0,
                    caption: String::new(),
                    short_caption: String::new(),
                },
            ],
        };
        assert!(s.consistent());
        let b = s.encode();
        let d = Settled::decode(&b).unwrap();
        assert_eq!(d.encode(), b);
        assert_eq!(
            d.clusters[0].caption,
            "Talks in Paris end with an agreement on fishing"
        );
        assert_eq!(d.clusters[0].short_caption, "Talks end with agreement");
        for cut in [0, 3, 10, b.len() - 1] {
            assert!(Settled::decode(&b[..cut]).is_none(), "cut at {cut}");
        }
        let mut bad = b.clone();
        bad[0] = b'X';
        assert!(Settled::decode(&bad).is_none());
        // A flipped bit that keeps the shape (in a salience, say) is caught by the checksum.
        for at in [4, b.len() / 2, b.len() - SUM - 2, b.len() - 1] {
            let mut flipped = b.clone();
            flipped[at] ^= 0x01;
            assert!(Settled::decode(&flipped).is_none(), "flipped at {at}");
        }
        // An event in two clusters, or one in none, is not a consistent result.
        let mut two = Settled::decode(&b).unwrap();
        two.clusters[1].members = vec![0];
        assert!(!two.consistent());
    }

    #[test]
    fn an_article_identity_changes_with_each_thing_it_stands_for() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2024, 5, d).unwrap();
        let a = crate::model::Article {
            file: PathBuf::from("news/a.txt"),
            content_hash: "ab12".into(),
            pub_date: Some(DatedEvidence {
                date: day(2),
                source: PubDateSource::HeaderLine,
                confidence: 0.9,
                note: "header line".into(),
            }),
            file_time: Some(day(3)),
            ..Default::default()
        };
        let id = article_id(&a, 0, 4);
        assert_eq!(
            id,
            article_id(&a.clone(), 0, 4),
            "the same input, the same id"
        );
        let mut changed: Vec<crate::model::Article> = Vec::new();
        let mut with = |f: &dyn Fn(&mut crate::model::Article)| {
            let mut b = a.clone();
            f(&mut b);
            changed.push(b);
        };
        with(&|b| b.file = PathBuf::from("news/b.txt"));
        with(&|b| b.content_hash = "ab13".into());
        with(&|b| b.pub_date = None);
        with(&|b| b.pub_date.as_mut().unwrap().date = day(1));
        with(&|b| b.pub_date.as_mut().unwrap().source = PubDateSource::Byline);
        with(&|b| b.pub_date.as_mut().unwrap().confidence = 0.5);
        with(&|b| b.pub_date.as_mut().unwrap().note = "header".into());
        with(&|b| b.file_time = None);
        with(&|b| b.file_time = Some(day(4)));
        let mut ids: Vec<u64> = changed.iter().map(|b| article_id(b, 0, 4)).collect();
        ids.push(article_id(&a, 1, 4));
        ids.push(article_id(&a, 0, 5));
        ids.push(id);
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "every change gives another identity");
    }
}
