//! Publication dates from the rest of the corpus.
//!
//! An article with no usable date of its own ("Hayashi said on Thursday", nothing else) often
//! reports the same happenings as an article that is firmly dated. If its "on Wednesday, Putin
//! and Kim signed an agreement" can only line up with the dated article's "the treaty signed
//! Wednesday" (2024-06-19) for publication dates in one short window, that window is evidence.
//! This module tries the publication dates suggested by matching firm events and keeps the
//! one under which most of the article's relative events coincide with firm events (same day,
//! shared country, similar wording). It only ever replaces weak evidence (file time, text,
//! a year guessed for a dateline), and says so.

use crate::gazetteer::Gazetteer;
use crate::model::{Article, Corpus, DatedEvidence, PubDateSource};
use crate::timex::Resolution;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{HashMap, HashSet};

/// Articles whose publication date is at least this sure are used as anchors.
const ANCHOR: f32 = crate::pubdate::FIRM;
/// Publication dates tried on each side of a matched firm event's date.
const WINDOW_DAYS: i64 = 8;
/// A month-day mentioned without a year lies at most this far from the publication date.
const MAX_YEARLESS_DAYS: i64 = 60;
/// Minimum content-word overlap for two sentences to report the same happening.
const SIMILAR: f32 = 0.2;
const STOP: &[&str] = &[
    "about",
    "after",
    "against",
    "also",
    "been",
    "before",
    "being",
    "between",
    "could",
    "during",
    "from",
    "have",
    "into",
    "last",
    "more",
    "said",
    "says",
    "that",
    "their",
    "them",
    "they",
    "this",
    "those",
    "under",
    "which",
    "while",
    "will",
    "with",
    "would",
    "were",
    "when",
    "what",
    "where",
    "there",
    "these",
    "than",
    "then",
    "over",
    "other",
    "such",
    "some",
    "only",
    "most",
    "week",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Content words of a sentence: lower-case, four letters or more, stopwords and date words
/// removed, crude plural/possessive folding so "treaty"/"treaty's" match.
pub fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| w.trim_end_matches('s').to_string())
        .collect()
}

pub fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f32;
    // Overlap relative to the shorter sentence: a short headline-like sentence that is
    // contained in a longer report still matches.
    inter / a.len().min(b.len()) as f32
}

/// Is this publication date weak enough that corpus evidence should replace it?
fn is_weak(a: &Article) -> bool {
    match &a.pub_date {
        None => true,
        Some(p) => p.source != PubDateSource::User && p.confidence < 0.5,
    }
}

struct FirmEvent {
    day: NaiveDate,
    words: HashSet<String>,
}

/// Infers publication dates for weakly dated articles from firmly dated ones. Returns the
/// ids of the articles whose publication date it changed (their events must be rebuilt).
pub fn infer(corpus: &mut Corpus) -> Vec<usize> {
    if !corpus.articles.iter().any(is_weak) {
        return Vec::new();
    }
    let firm_articles: HashSet<u32> = corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.pub_date.as_ref().is_some_and(|p| p.confidence >= ANCHOR))
        .map(|(i, _)| i as u32)
        .collect();
    if firm_articles.is_empty() {
        return Vec::new();
    }
    // Firm single-day events, indexed by country.
    let mut firm: Vec<FirmEvent> = Vec::new();
    let mut by_country: HashMap<crate::model::CountryCode, Vec<usize>> = HashMap::new();
    for e in corpus
        .events
        .iter()
        .filter(|e| firm_articles.contains(&e.article) && !e.hidden)
    {
        if e.span.precision != crate::model::Precision::Day || e.span.days() > 1 {
            continue;
        }
        let a = &corpus.articles[e.article as usize];
        let idx = firm.len();
        firm.push(FirmEvent {
            day: e.span.start,
            words: content_words(&a.text[e.sentence.clone()]),
        });
        for c in &e.countries {
            by_country.entry(*c).or_default().push(idx);
        }
    }
    let mut changed = Vec::new();
    for (i, a) in corpus.articles.iter_mut().enumerate() {
        if !is_weak(a) || firm_articles.contains(&(i as u32)) {
            continue;
        }
        if let Some(ev) = infer_one(a, &firm, &by_country) {
            a.pub_date = Some(ev);
            changed.push(i);
        }
    }
    changed
}

/// One relative date of the weak article, with what it should match.
struct Probe {
    start: usize,
    words: HashSet<String>,
    countries: Vec<crate::model::CountryCode>,
}

fn infer_one(
    a: &Article,
    firm: &[FirmEvent],
    by_country: &HashMap<crate::model::CountryCode, Vec<usize>>,
) -> Option<DatedEvidence> {
    // Relative date expressions in the article, tagged without a reference date.
    let tags = crate::timex::tag(&a.text, None);
    let mentions = Gazetteer::active().find(&a.text);
    let mut probes = Vec::new();
    for t in tags.iter().filter(|t| t.resolution != Resolution::Absolute) {
        let Some(p) = a.paragraph_at(t.start) else {
            continue;
        };
        let Some(sentence) = crate::events::sentences(&a.text, a.paragraphs[p].range.clone())
            .into_iter()
            .find(|s| s.start <= t.start && t.end <= s.end)
        else {
            continue;
        };
        let mut countries: Vec<_> = mentions
            .iter()
            .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
            .map(|m| m.code)
            .collect();
        countries.sort_unstable();
        countries.dedup();
        probes.push(Probe {
            start: t.start,
            words: content_words(&a.text[sentence.clone()]),
            countries,
        });
    }
    // Candidate firm events for each probe: shared country (or none named) and similar words.
    let mut candidates: Vec<(usize, usize)> = Vec::new(); // (probe, firm event)
    for (pi, p) in probes.iter().enumerate() {
        let pool: Vec<usize> = if p.countries.is_empty() {
            (0..firm.len()).collect()
        } else {
            let mut v: Vec<usize> = p
                .countries
                .iter()
                .flat_map(|c| by_country.get(c).into_iter().flatten().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for fi in pool {
            if similarity(&p.words, &firm[fi].words) >= SIMILAR {
                candidates.push((pi, fi));
            }
        }
    }
    if candidates.is_empty() {
        return None;
    }
    // Hard constraints on the publication date from the article itself: a dateline's month
    // and day, and month-days it mentions without a year (news names such days only when
    // they are close to the publication date).
    let dateline_md = crate::pubdate::find_dateline(a).and_then(|d| d.month_day);
    let yearless: Vec<usize> = tags
        .iter()
        .filter(|t| t.value.starts_with("XXXX-") && t.value.len() == 10)
        .map(|t| t.start)
        .collect();
    // Publication dates to try: around each candidate's day.
    let mut tries: Vec<NaiveDate> = candidates
        .iter()
        .flat_map(|&(_, fi)| (0..=WINDOW_DAYS).map(move |d| firm[fi].day + Duration::days(d)))
        .collect();
    tries.sort_unstable();
    tries.dedup();
    // Score each publication date by the agreement it produces: each relative date adds the
    // wording similarity of the best firm event that lands on the same day. One probe counts
    // once, so a date is not preferred just because more firm articles cover that story;
    // the number of agreeing pairs only breaks ties.
    let mut scored: Vec<(f32, usize, usize, NaiveDate)> = Vec::new(); // (score, pairs, probes, date)
    for d in tries {
        if dateline_md.is_some_and(|(m, day)| (d.month(), d.day()) != (m, day)) {
            continue;
        }
        let resolved = crate::timex::tag(&a.text, Some(d));
        let far = yearless.iter().any(|start| {
            resolved
                .iter()
                .find(|t| t.start == *start)
                .and_then(|t| crate::timex::span_of(&t.value))
                .is_some_and(|sp| (sp.start - d).num_days().abs() > MAX_YEARLESS_DAYS)
        });
        if far {
            continue;
        }
        let mut best_per_probe: HashMap<usize, f32> = HashMap::new();
        let mut pairs = 0;
        for &(pi, fi) in &candidates {
            let start = probes[pi].start;
            let Some(t) = resolved.iter().find(|t| t.start == start) else {
                continue;
            };
            let Some(span) = crate::timex::span_of(&t.value) else {
                continue;
            };
            if span.start == firm[fi].day && span.end == firm[fi].day {
                let sim = similarity(&probes[pi].words, &firm[fi].words);
                let b = best_per_probe.entry(pi).or_insert(0.0);
                *b = b.max(sim);
                pairs += 1;
            }
        }
        let score: f32 = best_per_probe.values().sum();
        if score > 0.0 {
            scored.push((score, pairs, best_per_probe.len(), d));
        }
    }
    // Ties go to the earliest date: news is published soon after what it reports. Among
    // equal scores, more agreeing pairs win.
    let &(score, _, n, date) = earliest_best(scored.iter(), |x| (x.0, x.1))?;
    // The same story can fit a quite different date (two summits of the same leaders a year
    // apart): then the corpus cannot decide, and the date stays weak and says why.
    let rival = earliest_best(
        scored
            .iter()
            .filter(|x| (x.3 - date).num_days().abs() > 2 * WINDOW_DAYS && x.0 >= 0.75 * score),
        |x| (x.0, 0),
    )
    .map(|x| x.3);
    let (confidence, note) = match rival {
        Some(r) => (
            0.3,
            format!(
                "inferred from {n} event(s) shared with firmly dated articles, but the text fits {r} about as well: check the date"
            ),
        ),
        None => (
            if n >= 2 { 0.6 } else { 0.45 },
            format!(
                "inferred from {n} event(s) shared with firmly dated articles: the earliest publication date under which they coincide"
            ),
        ),
    };
    Some(DatedEvidence {
        date,
        source: PubDateSource::Corpus,
        confidence,
        note,
    })
}

/// The first item with the largest key (score, tie-break); scores within 1e-6 are equal.
fn earliest_best<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> (f32, usize),
) -> Option<&'a T> {
    let mut best: Option<(&T, (f32, usize))> = None;
    for x in items {
        let k = key(x);
        let better = match best {
            None => true,
            Some((_, b)) => k.0 > b.0 + 1e-6 || ((k.0 - b.0).abs() <= 1e-6 && k.1 > b.1),
        };
        if better {
            best = Some((x, k));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_stopwords_and_dates() {
        let w = content_words(
            "On Wednesday, Putin and Kim signed the treaty's strategic partnership agreement.",
        );
        assert!(w.contains("putin") && w.contains("treaty"));
        assert!(!w.contains("wednesday"));
    }

    #[test]
    fn similarity_is_relative_to_shorter() {
        let a = content_words("Leaders signed a partnership treaty");
        let b = content_words(
            "After long talks the leaders signed a partnership treaty in the capital",
        );
        assert!(similarity(&a, &b) > 0.9);
        assert_eq!(similarity(&a, &HashSet::new()), 0.0);
    }
}
