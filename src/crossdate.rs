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
//!
//! A second, weaker tier ([`infer_years`]) runs after it for wire articles whose dateline
//! gives a month and day but whose year rests on nothing but the file time ("TOKYO,
//! September 19."): they take the year under which their events (a short run of days
//! counts on any of its days) coincide with those of articles dated by their own text,
//! however weakly. Only the year is taken, and such dates are worked out again on every
//! update rather than kept.
//!
//! Work per article is bounded, whatever the corpus holds (one story told by thousands of
//! articles makes every firm event look like a candidate for every relative date):
//! * firm events are indexed once: identical reports of one day (syndicated copies) become one
//!   entry with a count, found by their content fingerprint, and every entry is listed under
//!   each of its content words;
//! * a relative date looks at the entries with exactly its wording, then at those sharing its
//!   rarest words, at most [`MAX_POSTINGS`] of them, and keeps its [`MAX_CANDIDATES`] most
//!   similar; with short lists (any corpus of ordinary size) this is every similar firm event;
//! * publication dates are tried best bound first and no more than [`MAX_TRIES`] of them: a
//!   date whose best possible score cannot reach the best found (nor be a rival to it) is not
//!   tried at all, so the result is the exhaustive one unless the caps bind;
//! * articles with the same text are inferred once.

use crate::fxmap::FxMap;
use crate::gazetteer::Gazetteer;
use crate::model::{Article, Corpus, CountryCode, DatedEvidence, Precision, PubDateSource};
use crate::timex::{Resolution, Timex};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::HashMap;

mod distinct;

/// Articles whose publication date is at least this sure are used as anchors.
const ANCHOR: f32 = crate::pubdate::FIRM;
/// Publication dates tried on each side of a matched firm event's date.
const WINDOW_DAYS: i64 = 8;
/// A month-day mentioned without a year lies at most this far from the publication date.
const MAX_YEARLESS_DAYS: i64 = 60;
/// Minimum content-word overlap for two sentences to report the same happening.
const SIMILAR: f32 = 0.2;
/// Firm entries looked at per relative date through its words (rarest words first).
pub(crate) const MAX_POSTINGS: usize = 1024;
/// Firm entries with exactly the wording of a relative date's sentence looked at.
const MAX_EXACT: usize = 64;
/// Most similar firm entries kept per relative date.
pub(crate) const MAX_CANDIDATES: usize = 64;
/// Publication dates tried per article (each one re-resolves the article's dates).
pub(crate) const MAX_TRIES: usize = 16;

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

/// Content words of a sentence as sorted, deduplicated hashes: lower-case, four letters or
/// more, stopwords and date words removed, crude plural/possessive folding so that
/// "treaty"/"treaty's" match. ASCII words are folded without allocating.
pub(crate) fn content_words(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut buf = [0u8; 32];
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.len() < 4 {
            continue;
        }
        let lower = crate::lowercase::lowercase(w, &mut buf);
        let h = fnv1a(lower.as_bytes());
        if is_stop(&lower, h) {
            continue;
        }
        let stem = lower.trim_end_matches('s');
        out.push(if stem.len() == lower.len() {
            h
        } else {
            fnv1a(stem.as_bytes())
        });
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Is `word` (lower case, `h` its [`fnv1a`]) in [`STOP`]? The words of `STOP` sorted by
/// hash: the hash finds where to look, the word itself decides (two words with one hash
/// are told apart by comparing them), so this is `STOP.contains` without a scan of it.
fn is_stop(word: &str, h: u64) -> bool {
    static BY_HASH: std::sync::OnceLock<Vec<(u64, &'static str)>> = std::sync::OnceLock::new();
    let table = BY_HASH.get_or_init(|| {
        let mut t: Vec<(u64, &'static str)> =
            STOP.iter().map(|w| (fnv1a(w.as_bytes()), *w)).collect();
        t.sort_unstable();
        t
    });
    let from = table.partition_point(|x| x.0 < h);
    table[from..]
        .iter()
        .take_while(|x| x.0 == h)
        .any(|x| x.1 == word)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Overlap relative to the shorter sentence: a short headline-like sentence that is
/// contained in a longer report still matches. Both inputs sorted and deduplicated.
fn similarity(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f32 / a.len().min(b.len()) as f32
}

/// Is this publication date weak enough that corpus evidence should replace it?
fn is_weak(a: &Article) -> bool {
    match &a.pub_date {
        None => true,
        Some(p) => p.source != PubDateSource::User && p.confidence < 0.5,
    }
}

pub(crate) fn is_firm(a: &Article) -> bool {
    a.pub_date.as_ref().is_some_and(|p| p.confidence >= ANCHOR)
}

/// Firm single-day events with the same day, countries and content words: one entry.
struct FirmEntry {
    day: NaiveDate,
    /// [`day_key`] of `day`.
    day_key: u32,
    /// [`country_bits`] of `countries`: most entries a word finds share no country with
    /// the question, and this tells so without reading `countries` from elsewhere in memory.
    country_bits: u64,
    /// Sorted.
    countries: Vec<CountryCode>,
    words: Vec<u64>,
    /// How many firm events it stands for.
    copies: u32,
}

/// A day's number from the common era moved into unsigned order (days compare as their
/// keys do).
fn day_key(day: NaiveDate) -> u32 {
    day.num_days_from_ce() as u32 ^ 0x8000_0000
}

/// The day's number from the common era a [`day_key`] was made of.
fn day_of_key(key: u32) -> i32 {
    (key ^ 0x8000_0000) as i32
}

/// An article's id in an earlier index, when it had the same text there.
pub(crate) type WasId<'a> = dyn Fn(u32) -> Option<u32> + Sync + 'a;

/// Every firm single-day event of the corpus, findable by wording.
pub(crate) struct FirmIndex {
    entries: Vec<FirmEntry>,
    /// Content word → entries holding it, ascending.
    postings: FxMap<u64, Vec<u32>>,
    /// Fingerprint of a whole word set → entries with exactly those words.
    exact: FxMap<u64, Vec<u32>>,
    /// Sentence (article, range) → the entry its event went into, when asked for
    /// ([`FirmIndex::build_remembering`]): a later index of the same articles takes the
    /// sentence's words from there.
    sentences: FxMap<(u32, usize, usize), u32>,
}

/// One bit per country (several countries may share one): two sets with no bit in common
/// share no country.
fn country_bits(countries: &[CountryCode]) -> u64 {
    countries.iter().fold(0, |bits, c| {
        let h = (u32::from(c.0[0]) * 31 + u32::from(c.0[1])) % 64;
        bits | 1 << h
    })
}

fn fingerprint(words: &[u64]) -> u64 {
    words.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, w| {
        (h ^ w).wrapping_mul(0x100_0000_01b3)
    })
}

/// Could this event of a firmly dated article be a firm entry (hidden or not)?
fn indexable(e: &crate::model::Event) -> bool {
    e.span.precision == Precision::Day && e.span.days() <= 1
}

/// The content words of every sentence holding an event of a firmly dated article that
/// `pick` selects and the firm index could hold (hidden or not): after files change, the
/// words of firm entries that may have come, gone or changed. A weak article none of whose
/// words is among them asks the index questions whose answers have not changed.
pub(crate) fn firm_words(
    corpus: &Corpus,
    pick: impl Fn(&crate::model::Event) -> bool,
) -> std::collections::HashSet<u64> {
    let mut out = std::collections::HashSet::new();
    let mut last = None;
    for (e, text) in firm_sentences(corpus, pick) {
        let key = (e.article, e.sentence.start, e.sentence.end);
        if last == Some(key) {
            continue;
        }
        last = Some(key);
        out.extend(content_words(text));
    }
    out
}

/// The events `pick` selects that the firm index could hold (of firmly dated articles,
/// single days; hidden or not), each with its sentence's text.
fn firm_sentences<'a>(
    corpus: &'a Corpus,
    pick: impl Fn(&crate::model::Event) -> bool + 'a,
) -> impl Iterator<Item = (&'a crate::model::Event, &'a str)> + 'a {
    let firm: Vec<bool> = corpus.articles.iter().map(is_firm).collect();
    corpus
        .events
        .iter()
        .filter(move |e| {
            firm.get(e.article as usize).copied().unwrap_or(false) && indexable(e) && pick(e)
        })
        .map(|e| {
            let text = corpus.articles[e.article as usize]
                .text
                .get(e.sentence.clone())
                .unwrap_or("");
            (e, text)
        })
}

/// Does any content word of `text` belong to `words`?
pub(crate) fn mentions_any(text: &str, words: &std::collections::HashSet<u64>) -> bool {
    !words.is_empty() && content_words(text).iter().any(|w| words.contains(w))
}

/// What identifies a firm entry: its day, countries and content words.
pub(crate) type EntryKey = (NaiveDate, Vec<CountryCode>, Vec<u64>);

/// The keys of the firm entries that the events `pick` selects (of firmly dated articles,
/// single days) belong to: after files change, the entries that may have come, gone or
/// changed their count.
pub(crate) fn firm_keys(
    corpus: &Corpus,
    pick: impl Fn(&crate::model::Event) -> bool,
) -> std::collections::HashSet<EntryKey> {
    firm_sentences(corpus, pick)
        .map(|(e, text)| (e.span.start, e.countries.to_vec(), content_words(text)))
        .collect()
}

/// The weak articles (of those `consider` selects) that a change of the firm index from
/// `before` to `after` can give another inferred date, `touched` being the keys of the
/// entries the change may have added, removed or recounted. An article is reached when one
/// of its sentences gets a different [`FirmIndex::reachable`] list from the two indexes;
/// every other article asks only questions whose candidates are the same in both, so its
/// inference gives what it gave. The sentences are all of the article's, a superset of
/// those holding a relative date (which alone ask).
///
/// Most sentences are settled without reading the index: an entry that only changed its
/// count (in the same place among the others) leaves every list as it was, so it matters
/// only to a sentence similar enough to it that looks at it; only a sentence sharing a
/// word with an entry that came or went (lists grow or shrink) has both lists compared.
pub(crate) fn reached(
    articles: &[Article],
    consider: &[bool],
    before: &FirmIndex,
    after: &FirmIndex,
    touched: &std::collections::HashSet<EntryKey>,
) -> Vec<Reach> {
    // Each touched key in each index.
    let found: Vec<(&EntryKey, Option<u32>, Option<u32>)> = touched
        .iter()
        .map(|k| (k, before.find(k), after.find(k)))
        .filter(|(_, b, a)| b.is_some() || a.is_some())
        .collect();
    // Place among the untouched entries: an entry keeps its place when as many untouched
    // entries come before it in both indexes.
    let place = |ids: Vec<u32>| {
        let mut ids = ids;
        ids.sort_unstable();
        move |id: u32| id as usize - ids.partition_point(|&t| t < id)
    };
    let place_before = place(found.iter().filter_map(|f| f.1).collect());
    let place_after = place(found.iter().filter_map(|f| f.2).collect());
    let mut recounted: Vec<(&[u64], u32, u32)> = found
        .iter()
        .filter_map(|&(k, b, a)| Some((k.2.as_slice(), b?, a?)))
        .filter(|&(_, b, a)| place_before(b) == place_after(a))
        .collect();
    // Touched entries keep their order among themselves too, or they count as moved.
    recounted.sort_unstable_by_key(|r| r.1);
    let in_order = recounted.windows(2).all(|w| w[0].2 < w[1].2);
    let mut moved_words: std::collections::HashSet<u64> = found
        .iter()
        .filter(|&&(_, b, a)| {
            let kept = matches!((b, a), (Some(b), Some(a)) if in_order && place_before(b) == place_after(a));
            !kept
        })
        .flat_map(|f| f.0 .2.iter().copied())
        .collect();
    if !in_order {
        recounted.clear();
    }
    recounted
        .retain(|&(_, b, a)| before.entries[b as usize].copies != after.entries[a as usize].copies);
    let mut words = moved_words.clone();
    words.extend(recounted.iter().flat_map(|r| r.0.iter().copied()));
    if words.is_empty() {
        return vec![Reach::None; articles.len()];
    }
    moved_words.shrink_to_fit();
    // The sentences that share a touched word, per article.
    let asks: Vec<Vec<Vec<u64>>> = articles
        .par_iter()
        .zip(consider)
        .map(|(a, &consider)| {
            if !consider || !mentions_any(&a.text, &words) {
                return Vec::new();
            }
            let mut out: Vec<Vec<u64>> = a
                .paragraphs
                .iter()
                .flat_map(|p| crate::events::sentences(&a.text, p.range.clone()))
                .map(|s| content_words(a.text.get(s).unwrap_or("")))
                .filter(|w| w.iter().any(|h| words.contains(h)))
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    // Each distinct sentence asked once (syndicated copy repeats them).
    let mut distinct: Vec<&[u64]> = asks.iter().flatten().map(Vec::as_slice).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let differs = |w: &[u64]| {
        if w.iter().any(|h| moved_words.contains(h)) {
            return if before.reachable(w) != after.reachable(w) {
                Reach::Lists
            } else {
                Reach::None
            };
        }
        // The lists are the same in both: only a recounted entry it looks at matters.
        let similar: Vec<u32> = recounted
            .iter()
            .filter(|r| similarity(w, r.0) >= SIMILAR)
            .map(|r| r.2)
            .collect();
        let recounts = !similar.is_empty() && {
            let look = after.looked_at(w);
            similar.iter().any(|id| look.binary_search(id).is_ok())
        };
        if recounts {
            Reach::Recount
        } else {
            Reach::None
        }
    };
    let moved: HashMap<&[u64], Reach> = distinct
        .into_par_iter()
        .filter_map(|w| Some((w, differs(w))).filter(|d| d.1 != Reach::None))
        .collect();
    asks.iter()
        .map(|a| {
            a.iter()
                .filter_map(|w| moved.get(w.as_slice()).copied())
                .max()
                .unwrap_or(Reach::None)
        })
        .collect()
}

/// How a change of the firm index reaches a weak article ([`reached`]), weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Reach {
    /// Every question it asks has the same answer.
    None,
    /// Only entries it looks at changed their counts of copies, in the same places: its
    /// scores and candidates are the same, and only a tie its answer broke by the counts
    /// can turn ([`CopyFree`]).
    Recount,
    /// An entry it can get came, went or moved: asked again.
    Lists,
}

impl FirmIndex {
    pub(crate) fn build(corpus: &Corpus) -> FirmIndex {
        let firm: Vec<bool> = corpus.articles.iter().map(is_firm).collect();
        FirmIndex::build_of(corpus, &firm, None, false)
    }

    /// [`FirmIndex::build`], remembering which sentence went into which entry, for
    /// [`FirmIndex::build_from`].
    pub(crate) fn build_remembering(corpus: &Corpus) -> FirmIndex {
        let firm: Vec<bool> = corpus.articles.iter().map(is_firm).collect();
        FirmIndex::build_of(corpus, &firm, None, true)
    }

    /// [`FirmIndex::build`] of `corpus`, taking the content words of each sentence `known`
    /// holds from there instead of reading them again. `known` must be an index built with
    /// [`FirmIndex::build_remembering`], and `was(a)` the id there of article `a` when it
    /// had the same text (a correction's before and after, or the articles a watched change
    /// kept): a sentence's words depend on its text alone.
    pub(crate) fn build_from(corpus: &Corpus, known: &FirmIndex, was: &WasId<'_>) -> FirmIndex {
        let firm: Vec<bool> = corpus.articles.iter().map(is_firm).collect();
        FirmIndex::build_of(corpus, &firm, Some((known, was)), false)
    }

    /// The index of the single-day events of the articles `anchor` selects (one flag per
    /// article); sentences' words from `known` where it has them; which sentence went into
    /// which entry kept when `keep`.
    fn build_of(
        corpus: &Corpus,
        firm: &[bool],
        known: Option<(&FirmIndex, &WasId<'_>)>,
        keep: bool,
    ) -> FirmIndex {
        let events: Vec<&crate::model::Event> = corpus
            .events
            .iter()
            .filter(|e| {
                firm.get(e.article as usize).copied().unwrap_or(false) && !e.hidden && indexable(e)
            })
            .collect();
        // Words per distinct sentence text, computed in parallel: syndicated copies repeat
        // a firm sentence in every outlet's article, and its words are a function of its
        // text alone, so each text is read once (the map compares whole texts); a text
        // `known` already read is not read again.
        let mut slot_of: FxMap<&str, u32> = FxMap::default();
        let mut texts: Vec<(&str, Option<&[u64]>)> = Vec::new();
        let mut last: Option<((u32, usize, usize), u32)> = None;
        let slots: Vec<u32> = events
            .iter()
            .map(|e| {
                // (events of one sentence follow each other: no need to look it up again)
                let key = (e.article, e.sentence.start, e.sentence.end);
                if let Some((_, slot)) = last.filter(|l| l.0 == key) {
                    return slot;
                }
                let text = corpus.articles[e.article as usize]
                    .text
                    .get(e.sentence.clone())
                    .unwrap_or("");
                let slot = *slot_of.entry(text).or_insert_with(|| {
                    let remembered =
                        known.and_then(|(k, was)| k.words_of((was(key.0)?, key.1, key.2)));
                    texts.push((text, remembered));
                    (texts.len() - 1) as u32
                });
                last = Some((key, slot));
                slot
            })
            .collect();
        drop(slot_of);
        let distinct: Vec<Vec<u64>> = if keep {
            // An index kept for a later one is built on every correction and watched
            // change: the words of sentences read by the one before are remembered.
            words_remembered(&texts)
        } else {
            texts
                .par_iter()
                .map(|(t, known)| known.map_or_else(|| content_words(t), <[u64]>::to_vec))
                .collect()
        };
        let words = slots.iter().map(|&k| &distinct[k as usize]);
        let mut index = FirmIndex {
            entries: Vec::new(),
            postings: FxMap::default(),
            exact: FxMap::default(),
            sentences: FxMap::default(),
        };
        let mut seen: FxMap<(NaiveDate, &[CountryCode], &[u64]), u32> = FxMap::default();
        for (e, w) in events.iter().zip(words) {
            if keep {
                let id = seen
                    .get(&(e.span.start, e.countries.as_slice(), w.as_slice()))
                    .copied()
                    .unwrap_or(index.entries.len() as u32);
                index
                    .sentences
                    .insert((e.article, e.sentence.start, e.sentence.end), id);
            }
            match seen.get(&(e.span.start, e.countries.as_slice(), w.as_slice())) {
                Some(&id) => index.entries[id as usize].copies += 1,
                None => {
                    let id = index.entries.len() as u32;
                    seen.insert((e.span.start, e.countries.as_slice(), w.as_slice()), id);
                    for h in w {
                        index.postings.entry(*h).or_default().push(id);
                    }
                    index.exact.entry(fingerprint(w)).or_default().push(id);
                    index.entries.push(FirmEntry {
                        day: e.span.start,
                        day_key: day_key(e.span.start),
                        country_bits: country_bits(&e.countries),
                        countries: e.countries.to_vec(),
                        words: w.clone(),
                        copies: 1,
                    });
                }
            }
        }
        index
    }

    /// The content words of a sentence (article, range) remembered at build.
    fn words_of(&self, key: (u32, usize, usize)) -> Option<&[u64]> {
        let id = *self.sentences.get(&key)?;
        Some(self.entries.get(id as usize)?.words.as_slice())
    }

    /// The entry with this key, if any.
    fn find(&self, key: &EntryKey) -> Option<u32> {
        let ids = self.exact.get(&fingerprint(&key.2))?;
        ids.iter().copied().find(|&id| {
            let f = &self.entries[id as usize];
            f.day == key.0 && f.countries == key.1 && f.words == key.2
        })
    }

    /// The entries a sentence with these content words looks at (ascending, no repeats):
    /// those with exactly its wording, then those under its rarest words, within the caps.
    fn looked_at(&self, words: &[u64]) -> Vec<u32> {
        let mut look = self.looked_at_unordered(words);
        look.sort_unstable();
        look
    }

    /// [`FirmIndex::looked_at`]'s entries (no repeats) in no particular order.
    fn looked_at_unordered(&self, words: &[u64]) -> Vec<u32> {
        let mut look = Vec::new();
        if words.is_empty() {
            return look;
        }
        let exact: &[u32] = self
            .exact
            .get(&fingerprint(words))
            .map(|v| &v[..v.len().min(MAX_EXACT)])
            .unwrap_or_default();
        let mut lists: Vec<&[u32]> = words
            .iter()
            .filter_map(|w| self.postings.get(w).map(Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        // The budget counts ids taken, repeats included, as it always has.
        let mut budget = MAX_POSTINGS;
        let mut taken = 0;
        for l in &mut lists {
            let take = l.len().min(budget);
            *l = &l[..take];
            budget -= take;
            taken += 1;
            if budget == 0 {
                break;
            }
        }
        lists.truncate(taken);
        distinct::extend_distinct(&mut look, std::iter::once(exact).chain(lists));
        look
    }

    /// What a sentence with these content words can get from the index whatever its
    /// countries: the entries it looks at that are similar enough, in entry order, as
    /// everything [`infer_one`] reads of them (day, countries, words, copies). Two indexes
    /// giving equal lists give every question with these words the same candidates.
    fn reachable(&self, words: &[u64]) -> Vec<(NaiveDate, &[CountryCode], &[u64], u32)> {
        self.looked_at(words)
            .into_iter()
            .map(|id| &self.entries[id as usize])
            .filter(|f| similarity(words, &f.words) >= SIMILAR)
            .map(|f| (f.day, f.countries.as_slice(), f.words.as_slice(), f.copies))
            .collect()
    }

    /// The firm entries most similar to a relative date's sentence (at least [`SIMILAR`],
    /// sharing a country unless the sentence names none), best first, at most
    /// [`MAX_CANDIDATES`]: `(similarity, entry)`.
    fn candidates(&self, words: &[u64], countries: &[CountryCode]) -> Vec<(f32, u32)> {
        // Which entries are looked at matters, not in what order: the ranking below is a
        // total order.
        let look = self.looked_at_unordered(words);
        let bits = country_bits(countries);
        // Best first by (similarity, day, entry), as one number to compare: a similarity
        // kept is positive, so its bits order as its value; a day's number is moved into
        // unsigned order.
        let mut out: Vec<u128> = look
            .into_iter()
            .filter_map(|id| {
                let f = &self.entries[id as usize];
                let shares = countries.is_empty()
                    || (f.country_bits & bits != 0
                        && countries
                            .iter()
                            .any(|c| f.countries.binary_search(c).is_ok()));
                if !shares {
                    return None;
                }
                let sim = similarity(words, &f.words);
                (sim >= SIMILAR).then(|| {
                    u128::from(!sim.to_bits()) << 64 | u128::from(f.day_key) << 32 | u128::from(id)
                })
            })
            .collect();
        // A total order: keeping the first MAX_CANDIDATES and sorting only those gives
        // what a full sort would.
        if out.len() > MAX_CANDIDATES {
            out.select_nth_unstable(MAX_CANDIDATES);
            out.truncate(MAX_CANDIDATES);
        }
        out.sort_unstable();
        out.into_iter()
            .map(|k| (f32::from_bits(!((k >> 64) as u32)), k as u32))
            .collect()
    }
}

/// Most sentences' content words [`words_remembered`] keeps (about 150 bytes each) before
/// it starts afresh.
const MAX_REMEMBERED_WORDS: usize = 1 << 20;

/// Content words of firm sentences read by earlier builds, by the [`crate::memo_key`] of the
/// sentence's text: one memory per process, taken whole by a build (a build beside it reads
/// its sentences again) and given back when it ends.
static WORDS: std::sync::Mutex<Option<FxMap<u128, Vec<u64>>>> = std::sync::Mutex::new(None);

/// [`content_words`] of each text (`texts[i].0`), from the process's memory where a text
/// was read before: the words are a function of the text alone, and a text is found by a
/// 128-bit hash of it (another text shares it with probability about 2^-128). Hashing a
/// sentence costs a fraction of reading its words, and a correction's or watched change's
/// firm index reads nearly every firm sentence the one before read.
fn words_remembered(texts: &[(&str, Option<&[u64]>)]) -> Vec<Vec<u64>> {
    let keys: Vec<u128> = texts
        .par_iter()
        .map(|(t, _)| crate::memo_key::of(t.as_bytes()))
        .collect();
    let mut memo = WORDS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .unwrap_or_default();
    // One pass over the memory for what it holds; then the texts it lacks are read (on
    // all cores) and only those are put in (a caller's known words never are).
    let mut out: Vec<Option<Vec<u64>>> = texts
        .iter()
        .zip(&keys)
        .map(|((_, known), k)| known.map(<[u64]>::to_vec).or_else(|| memo.get(k).cloned()))
        .collect();
    let missing: Vec<usize> = (0..out.len()).filter(|&i| out[i].is_none()).collect();
    out.par_iter_mut()
        .zip(texts)
        .filter(|(o, _)| o.is_none())
        .for_each(|(o, (t, _))| *o = Some(content_words(t)));
    let out: Vec<Vec<u64>> = out.into_iter().map(Option::unwrap_or_default).collect();
    if memo.len() + missing.len() > MAX_REMEMBERED_WORDS {
        memo.clear();
    }
    if missing.len() <= MAX_REMEMBERED_WORDS {
        for i in missing {
            memo.insert(keys[i], out[i].clone());
        }
    }
    let mut slot = WORDS.lock().unwrap_or_else(|p| p.into_inner());
    if slot.as_ref().is_none_or(|m| m.len() <= memo.len()) {
        *slot = Some(memo);
    }
    out
}

/// The texts of weak articles whose last inference ([`infer_only`]) against the corpus's
/// firm index was *copy-free*: its answer (a date or none) would be the same whatever number
/// of copies each firm entry counts. Counts are read only to break ties between equal
/// scores (more agreeing pairs win), and most answers have no such tie that counts could
/// turn. A watched change that only recounts entries (a syndicated copy of a firm report
/// comes or goes: its place among the entries and every list stay as they were) cannot
/// change such an answer, so the article keeps it ([`Reach::Recount`]).
///
/// Kept by the corpus, 128-bit BLAKE3 keys of the texts ([`crate::memo_key`]); a text not
/// held is asked again. Every inference of a text sets or clears its key, so the verdict
/// is always that of the answer the article shows.
#[derive(Clone, Debug, Default)]
pub struct CopyFree {
    texts: std::collections::HashSet<u128>,
}

impl CopyFree {
    fn set(&mut self, key: u128, free: bool) {
        if free {
            self.texts.insert(key);
        } else {
            self.texts.remove(&key);
        }
    }

    /// Was the last inference of this text copy-free?
    pub(crate) fn holds(&self, text: &str) -> bool {
        !self.texts.is_empty() && self.texts.contains(&crate::memo_key::of(text.as_bytes()))
    }
}

/// Sentences seen again (syndicated copy, a story's recurring lines) ask the index the
/// same question: their candidates are remembered, keyed by the sentence's content words
/// and countries, which are all [`FirmIndex::candidates`] reads (so answers are the same).
/// Shared by the worker threads; cleared when it holds [`MEMO_MAX`] sentences.
#[derive(Default)]
struct CandidateMemo {
    seen: std::sync::Mutex<HashMap<Question, Vec<(f32, u32)>>>,
}

/// What [`FirmIndex::candidates`] is asked: a sentence's content words and countries.
type Question = (Vec<u64>, Vec<CountryCode>);

/// Most sentences [`CandidateMemo`] holds before it starts afresh (memory stays bounded).
const MEMO_MAX: usize = 200_000;

impl CandidateMemo {
    fn candidates(
        &self,
        index: &FirmIndex,
        words: &[u64],
        countries: &[CountryCode],
    ) -> Vec<(f32, u32)> {
        let key = (words.to_vec(), countries.to_vec());
        if let Some(found) = self.seen.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return found;
        }
        // Worked out outside the lock: two threads may both do it once, never wrongly.
        let found = index.candidates(words, countries);
        if let Ok(mut m) = self.seen.lock() {
            if m.len() >= MEMO_MAX {
                m.clear();
            }
            m.insert(key, found.clone());
        }
        found
    }
}

/// Infers publication dates for weakly dated articles from firmly dated ones. Returns the
/// ids of the articles whose publication date it changed (their events must be rebuilt).
pub fn infer(corpus: &mut Corpus) -> Vec<usize> {
    infer_only(corpus, |_| true)
}

/// [`infer`] for the weak articles `redo` selects only; the others keep the publication
/// date they have (one a previous run inferred, when its evidence has not changed since).
/// `redo` must select all copies of an article's text or none (copies are inferred once,
/// from the first).
pub(crate) fn infer_only(corpus: &mut Corpus, redo: impl Fn(usize) -> bool) -> Vec<usize> {
    infer_only_with(corpus, None, redo)
}

/// [`infer_only`] with the firm index of `corpus` already built (`index`, when given,
/// must be [`FirmIndex::build`] of the corpus as it is).
pub(crate) fn infer_only_with(
    corpus: &mut Corpus,
    index: Option<FirmIndex>,
    redo: impl Fn(usize) -> bool,
) -> Vec<usize> {
    // Weak articles, grouped by text: copies are inferred once.
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        if is_weak(a) && !is_firm(a) && redo(i) {
            groups.entry(a.text.as_str()).or_default().push(i);
        }
    }
    if groups.is_empty() || !corpus.articles.iter().any(is_firm) {
        return Vec::new();
    }
    let index = index.unwrap_or_else(|| FirmIndex::build(corpus));
    if index.entries.is_empty() {
        return Vec::new();
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_unstable();
    let memo = CandidateMemo::default();
    let answers: Vec<(Vec<usize>, Answer<DatedEvidence>, u128)> = groups
        .into_par_iter()
        .map(|ids| {
            let a = &corpus.articles[ids[0]];
            let answer = infer_firm(a, &index, &memo);
            (ids, answer, crate::memo_key::of(a.text.as_bytes()))
        })
        .collect();
    let mut changed = Vec::new();
    for (ids, answer, key) in answers {
        corpus.copy_free.set(key, answer.copy_free);
        let Some(ev) = answer.found else {
            continue;
        };
        for i in ids {
            corpus.articles[i].pub_date = Some(ev.clone());
            changed.push(i);
        }
    }
    changed.sort_unstable();
    changed
}

/// Days a relative date may span and still coincide with an entry on one of them when only
/// a year is chosen ([`infer_years`]).
const MAX_RANGE_DAYS: i64 = 14;

/// How a publication date whose year [`infer_years`] took from the corpus begins its note
/// (its source is [`PubDateSource::Corpus`], as for dates inferred from firm anchors).
const YEAR_NOTE: &str = "year from the corpus: ";

/// Was this article's publication year taken from articles dated by their own text
/// ([`infer_years`])? Such a date rests on weaker anchors than firm ones and is worked out
/// again whenever the corpus changes.
pub(crate) fn is_year_inferred(a: &Article) -> bool {
    a.pub_date
        .as_ref()
        .is_some_and(|p| p.source == PubDateSource::Corpus && p.note.starts_with(YEAR_NOTE))
}

/// Is this article dated by evidence of its own text or page, however weak, but not firmly
/// (firm ones are [`infer_only`]'s anchors), and not by the file time, the corpus or the
/// user?
fn is_text_dated(a: &Article) -> bool {
    a.pub_date.as_ref().is_some_and(|p| {
        p.confidence < ANCHOR
            && !matches!(
                p.source,
                PubDateSource::Corpus | PubDateSource::User | PubDateSource::FileTime
            )
            && !crate::pubdate::year_from_file_time(p)
    })
}

/// The second, weaker tier of corpus dating. A wire article whose dateline gives a month
/// and day but nothing in it gives the year ("TOKYO, September 19.", the year the file
/// time's) takes the year under which its events coincide with those of articles dated by
/// any evidence of their own text (not firmly: those were asked first, by [`infer_only`]).
/// Only the year is taken; the dateline's day stays. Text evidence of the article itself is
/// never overridden: only a year that rests on the file time alone is replaced. Returns the
/// ids of the articles it re-dated.
pub(crate) fn infer_years(corpus: &mut Corpus) -> Vec<usize> {
    // Copies of one text are inferred once: each with the month and day of its dateline.
    type Copies = Vec<(usize, (u32, u32))>;
    let mut groups: HashMap<&str, Copies> = HashMap::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let own = a
            .pub_date
            .as_ref()
            .is_some_and(|p| p.source == PubDateSource::Dateline);
        if let Some(md) = own
            .then(|| crate::pubdate::dateline_year_from_file_time(a))
            .flatten()
        {
            groups.entry(a.text.as_str()).or_default().push((i, md));
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }
    let anchors: Vec<bool> = corpus.articles.iter().map(is_text_dated).collect();
    if !anchors.iter().any(|a| *a) {
        return Vec::new();
    }
    let index = FirmIndex::build_of(corpus, &anchors, None, false);
    if index.entries.is_empty() {
        return Vec::new();
    }
    let mut groups: Vec<Copies> = groups.into_values().collect();
    groups.sort_unstable();
    let memo = CandidateMemo::default();
    let found: Vec<(Copies, Found)> = groups
        .into_par_iter()
        .filter_map(|ids| {
            let found = infer_one(&corpus.articles[ids[0].0], &index, &memo, true).found?;
            Some((ids, found))
        })
        .collect();
    let mut changed = Vec::new();
    for (ids, found) in found {
        let year = found.date.year();
        let n = found.agreeing;
        let (confidence, also) = match found.rival {
            Some(r) => (
                0.25,
                format!(", but {} fits about as well: check the date", r.year()),
            ),
            None => (0.35, String::new()),
        };
        for (i, (m, d)) in ids {
            let Some(date) = NaiveDate::from_ymd_opt(year, m, d) else {
                continue;
            };
            let place = crate::pubdate::find_dateline(&corpus.articles[i])
                .map(|dl| dl.place)
                .unwrap_or_default();
            corpus.articles[i].pub_date = Some(DatedEvidence {
                date,
                source: PubDateSource::Corpus,
                confidence,
                note: format!(
                    "{YEAR_NOTE}wire dateline {place} gives no year; {n} event(s) coincide with articles dated by their own text in {year}{also}"
                ),
            });
            changed.push(i);
        }
    }
    changed.sort_unstable();
    changed
}

/// One relative date of the weak article, with the firm entries it may match.
struct Probe {
    start: usize,
    /// `(similarity, entry)`, best first.
    candidates: Vec<(f32, u32)>,
}

/// The relative dates of an article with their candidates, in text order.
fn probes(a: &Article, tags: &[Timex], index: &FirmIndex, memo: &CandidateMemo) -> Vec<Probe> {
    let mentions = Gazetteer::active().find(&a.text);
    let mut out = Vec::new();
    let mut t = 0;
    for para in &a.paragraphs {
        // Tags before this paragraph (or straddling into it) belong to no sentence here.
        while t < tags.len() && tags[t].start < para.range.start {
            t += 1;
        }
        if t == tags.len() {
            break;
        }
        if tags[t].start >= para.range.end {
            continue;
        }
        for sentence in crate::events::sentences(&a.text, para.range.clone()) {
            while t < tags.len() && tags[t].start < sentence.start {
                t += 1;
            }
            // The sentence's words, countries and candidates: one question per sentence.
            let mut asked: Option<Vec<(f32, u32)>> = None;
            while t < tags.len() && tags[t].start < sentence.end {
                let tag = &tags[t];
                t += 1;
                if tag.resolution == Resolution::Absolute || tag.end > sentence.end {
                    continue;
                }
                let candidates = asked.get_or_insert_with(|| {
                    let from = mentions.partition_point(|m| m.start < sentence.start);
                    let mut countries: Vec<CountryCode> = mentions[from..]
                        .iter()
                        .take_while(|m| m.start < sentence.end)
                        .filter(|m| m.end <= sentence.end)
                        .map(|m| m.code)
                        .collect();
                    countries.sort_unstable();
                    countries.dedup();
                    let words = content_words(&a.text[sentence.clone()]);
                    memo.candidates(index, &words, &countries)
                });
                out.push(Probe {
                    start: tag.start,
                    candidates: candidates.clone(),
                });
            }
        }
    }
    out
}

/// The tag starting at byte `start`, if any (tags are sorted by start).
fn tag_at(tags: &[Timex], start: usize) -> Option<&Timex> {
    let i = tags.partition_point(|t| t.start < start);
    tags.get(i).filter(|t| t.start == start)
}

/// What [`infer_one`] finds: the publication date, how many relative dates agree under it,
/// and a date far from it that fits about as well.
struct Found {
    date: NaiveDate,
    agreeing: usize,
    rival: Option<NaiveDate>,
}

/// An inference's answer with whether it is [`CopyFree`]: `None` (no date found) never
/// depends on the entries' counts of copies.
struct Answer<T> {
    found: Option<T>,
    copy_free: bool,
}

/// [`infer_one`] as the evidence tier 1 gives (firmly dated anchors).
fn infer_firm(a: &Article, index: &FirmIndex, memo: &CandidateMemo) -> Answer<DatedEvidence> {
    let answer = infer_one(a, index, memo, false);
    Answer {
        found: answer.found.map(evidence_of),
        copy_free: answer.copy_free,
    }
}

/// The publication date tier 1 gives for what [`infer_one`] found.
fn evidence_of(found: Found) -> DatedEvidence {
    let Found {
        date,
        agreeing: n,
        rival,
    } = found;
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
    DatedEvidence {
        date,
        source: PubDateSource::Corpus,
        confidence,
        note,
    }
}

/// The publication date under which most of the article's relative dates coincide with
/// entries of `index`. With `ranges`, a relative date that is a short range (at most
/// [`MAX_RANGE_DAYS`], "visited Russia on September 12-17") coincides with an entry on any
/// of its days: enough to choose a year, not a day.
fn infer_one(a: &Article, index: &FirmIndex, memo: &CandidateMemo, ranges: bool) -> Answer<Found> {
    let none = Answer {
        found: None,
        copy_free: true,
    };
    // Relative date expressions in the article, tagged without a reference date. The text
    // is tokenised and its phrases read once for this and every publication date tried.
    let mut parsed = crate::timex::parse(&a.text);
    let tags = parsed.tag(None);
    let probes = probes(a, &tags, index, memo);
    // The best score each publication date could reach: every relative date matching its
    // best candidate within reach of that date (summed in probe order).
    // Days as numbers in sorted vectors (a probe's candidates cover a few dozen days).
    let mut reach: Vec<(i32, f32)> = Vec::new();
    let mut best_of_probe: Vec<(i32, f32)> = Vec::new();
    let mut merged: Vec<(i32, f32)> = Vec::new();
    let mut dense: Vec<f32> = Vec::new();
    for p in &probes {
        probe_reach(p, index, &mut best_of_probe, &mut dense);
        // reach += best_of_probe, day by day (both sorted).
        merged.clear();
        let (mut i, mut j) = (0, 0);
        while i < reach.len() || j < best_of_probe.len() {
            match (reach.get(i), best_of_probe.get(j)) {
                (Some(r), Some(b)) if r.0 == b.0 => {
                    merged.push((r.0, r.1 + b.1));
                    i += 1;
                    j += 1;
                }
                (Some(r), Some(b)) if r.0 < b.0 => {
                    merged.push(*r);
                    i += 1;
                }
                (Some(r), None) => {
                    merged.push(*r);
                    i += 1;
                }
                (_, Some(b)) => {
                    merged.push((b.0, 0.0 + b.1));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        std::mem::swap(&mut reach, &mut merged);
    }
    if reach.is_empty() {
        return none;
    }
    // Hard constraints on the publication date from the article itself: a dateline's month
    // and day, the year or month its folders name, and month-days it mentions without a
    // year (news names such days only when they are close to the publication date).
    let dateline_md = crate::pubdate::find_dateline(a).and_then(|d| d.month_day);
    // (A year alone may be a folder above the corpus that has nothing to do with it.)
    let folder = a
        .file
        .parent()
        .and_then(crate::pubdate::date_in_folders)
        .filter(|f| f.month.is_some());
    // Days stay numbers (in the order of their dates) until the few tried are chosen; a
    // number is a date exactly when it lies between the first and the last day there is.
    let days = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
    let constrained = dateline_md.is_some() || folder.is_some();
    let mut bounds: Vec<(f32, i32)> = reach
        .into_iter()
        .filter(|&(d, _)| {
            days.contains(&d)
                && (!constrained
                    || NaiveDate::from_num_days_from_ce_opt(d).is_some_and(|d| {
                        dateline_md.is_none_or(|(m, day)| (d.month(), d.day()) == (m, day))
                            && folder.as_ref().is_none_or(|f| f.contains(d))
                    }))
        })
        .map(|(d, b)| (b, d))
        .collect();
    // Best bound first, then the earliest: a total order (each day is once in `bounds`), so
    // the first MAX_TRIES chosen before sorting only them are those a full sort gives.
    let best_first = |x: &(f32, i32), y: &(f32, i32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    if bounds.len() > MAX_TRIES {
        bounds.select_nth_unstable_by(MAX_TRIES, best_first);
        bounds.truncate(MAX_TRIES);
    }
    bounds.sort_unstable_by(best_first);
    let bounds: Vec<(f32, NaiveDate)> = bounds
        .into_iter()
        .filter_map(|(b, d)| Some((b, NaiveDate::from_num_days_from_ce_opt(d)?)))
        .collect();
    let yearless: Vec<usize> = tags
        .iter()
        .filter(|t| t.value.starts_with("XXXX-") && t.value.len() == 10)
        .map(|t| t.start)
        .collect();
    // Score each publication date by the agreement it produces: each relative date adds the
    // wording similarity of the best firm event that lands on the same day. One probe counts
    // once, so a date is not preferred just because more firm articles cover that story;
    // the number of agreeing pairs only breaks ties. Dates are tried best bound first; once
    // a bound falls below what a rival needs, no later date can matter.
    let mut scored: Vec<(f32, usize, usize, NaiveDate)> = Vec::new(); // (score, pairs, probes, date)
                                                                      // Each scored date's span of every probe (`probes.len()` a date, `None` where the probe
                                                                      // counts nothing), and where its spans start: what tells which entries a date counted
                                                                      // into its pairs, should two dates tie ([`copy_free`]).
    let mut spans: Vec<Option<(NaiveDate, NaiveDate)>> = Vec::new();
    let mut date_spans: Vec<Option<(NaiveDate, NaiveDate)>> = Vec::with_capacity(probes.len());
    let mut slot_of: Vec<(NaiveDate, usize)> = Vec::new();
    let mut best = 0.0f32;
    // A value's span, worked out once per value: the dates tried are mostly days apart, and
    // many of the article's values come out the same under several of them.
    let mut span_memo: HashMap<Box<str>, Option<crate::model::DateSpan>> = HashMap::new();
    let mut span_of = |value: &str| {
        if let Some(&known) = span_memo.get(value) {
            return known;
        }
        let span = crate::timex::span_of(value);
        span_memo.insert(value.into(), span);
        span
    };
    // Only the tags at the probes and the yearless days are read under each date, and
    // what resolution carries flows forward: nothing after the last of them is resolved.
    let last = probes
        .iter()
        .map(|p| p.start)
        .chain(yearless.iter().copied())
        .max()
        .unwrap_or(0);
    for &(bound, d) in bounds.iter().take(MAX_TRIES) {
        if bound < RIVAL * best - 1e-6 {
            break;
        }
        let resolved = parsed.tag_to(Some(d), last);
        let far = yearless.iter().any(|start| {
            tag_at(&resolved, *start)
                .and_then(|t| span_of(&t.value))
                .is_some_and(|sp| (sp.start - d).num_days().abs() > MAX_YEARLESS_DAYS)
        });
        if far {
            continue;
        }
        let (mut score, mut pairs, mut agreeing) = (0.0f32, 0usize, 0usize);
        date_spans.clear();
        for p in &probes {
            let Some(span) = tag_at(&resolved, p.start).and_then(|t| span_of(&t.value)) else {
                date_spans.push(None);
                continue;
            };
            if span.start != span.end
                && !(ranges && (span.end - span.start).num_days() < MAX_RANGE_DAYS)
            {
                date_spans.push(None);
                continue;
            }
            date_spans.push(Some((span.start, span.end)));
            let mut top = 0.0f32;
            for &(sim, id) in &p.candidates {
                let f = &index.entries[id as usize];
                if (span.start..=span.end).contains(&f.day) {
                    top = top.max(sim);
                    pairs += f.copies as usize;
                }
            }
            if top > 0.0 {
                score += top;
                agreeing += 1;
            }
        }
        if score > 0.0 {
            best = best.max(score);
            scored.push((score, pairs, agreeing, d));
            slot_of.push((d, spans.len()));
            spans.extend_from_slice(&date_spans);
        }
    }
    // Ties go to the earliest date: news is published soon after what it reports. Among
    // equal scores, more agreeing pairs win.
    scored.sort_by_key(|x| x.3);
    slot_of.sort_unstable_by_key(|s| s.0);
    // The entries a scored date (by its place in `scored`) counted into its pairs, in probe
    // and candidate order.
    let counted = |i: usize| -> Vec<u32> {
        let at = slot_of[i].1;
        probes
            .iter()
            .zip(&spans[at..at + probes.len()])
            .filter_map(|(p, span)| Some((p, (*span)?)))
            .flat_map(|(p, (from, to))| {
                p.candidates
                    .iter()
                    .filter(move |c| (from..=to).contains(&index.entries[c.1 as usize].day))
                    .map(|c| c.1)
            })
            .collect()
    };
    let copy_free = copy_free(&scored, |i, b| {
        let (x, y) = (slot_of[i].1, slot_of[b].1);
        spans[x..x + probes.len()] == spans[y..y + probes.len()] || counted(i) == counted(b)
    });
    let Some(&(score, _, n, date)) = earliest_best(scored.iter(), |x| (x.0, x.1)) else {
        return none;
    };
    // The same story can fit a quite different date (two summits of the same leaders a year
    // apart): then the corpus cannot decide, and the date stays weak and says why.
    let rival = earliest_best(
        scored
            .iter()
            .filter(|x| (x.3 - date).num_days().abs() > 2 * WINDOW_DAYS && x.0 >= RIVAL * score),
        |x| (x.0, 0),
    )
    .map(|x| x.3);
    Answer {
        found: Some(Found {
            date,
            agreeing: n,
            rival,
        }),
        copy_free,
    }
}

/// Would [`earliest_best`] over `scored` (by date, key (score, pairs)) choose the same date
/// whatever the entries' counts of copies? Pairs are read only where two scores are equal
/// (within its tolerance); there, two dates that counted the same entries (`same(i, j)`
/// of their places in `scored`: the same spans for every probe, or the same list of
/// entries) have equal pairs for any counts, and equal pairs keep the earlier date. Scores,
/// agreeing probes and the rival never read a count. So the choice can depend on the
/// counts only when two dates it compares as equal counted different entries (or the same
/// ones in another order: taken as different, which only means more work).
fn copy_free(
    scored: &[(f32, usize, usize, NaiveDate)],
    same: impl Fn(usize, usize) -> bool,
) -> bool {
    let mut best: Option<usize> = None;
    for (i, x) in scored.iter().enumerate() {
        let Some(b) = best else {
            best = Some(i);
            continue;
        };
        let (k, kb) = ((x.0, x.1), (scored[b].0, scored[b].1));
        if k.0 > kb.0 + 1e-6 {
            best = Some(i);
        } else if (k.0 - kb.0).abs() <= 1e-6 {
            if !same(i, b) {
                return false;
            }
            if k.1 > kb.1 {
                best = Some(i);
            }
        }
    }
    true
}

/// The publication dates (as day numbers, ascending) within reach of one probe's candidates,
/// each with the probe's best similarity among the candidates it reaches. Candidates of one
/// probe lie within a few years: a day-indexed array (`dense`, reused) collects them without
/// sorting; a wider spread is sorted.
fn probe_reach(p: &Probe, index: &FirmIndex, out: &mut Vec<(i32, f32)>, dense: &mut Vec<f32>) {
    /// Widest spread of days collected in the array.
    const DENSE_DAYS: i32 = 8192;
    out.clear();
    let days = p
        .candidates
        .iter()
        .map(|&(sim, id)| (day_of_key(index.entries[id as usize].day_key), sim));
    let (Some(lo), Some(hi)) = (
        days.clone().map(|d| d.0).min(),
        days.clone().map(|d| d.0).max(),
    ) else {
        return;
    };
    let window = WINDOW_DAYS as i32;
    if hi - lo < DENSE_DAYS {
        dense.clear();
        dense.resize((hi - lo + window + 1) as usize, f32::NEG_INFINITY);
        for (day, sim) in days {
            for slot in &mut dense[(day - lo) as usize..=(day - lo + window) as usize] {
                *slot = slot.max(sim);
            }
        }
        out.extend(
            dense
                .iter()
                .enumerate()
                .filter(|(_, s)| **s != f32::NEG_INFINITY)
                .map(|(k, s)| (lo + k as i32, *s)),
        );
        return;
    }
    out.extend(days.flat_map(|(day, sim)| (0..=window).map(move |k| (day + k, sim))));
    out.sort_unstable_by_key(|x| x.0);
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
}

/// A date scoring at least this share of the best one, far from it, is a rival.
const RIVAL: f32 = 0.75;

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

    fn h(w: &str) -> u64 {
        fnv1a(w.as_bytes())
    }

    #[test]
    fn content_words_drop_stopwords_and_dates() {
        let w = content_words(
            "On Wednesday, Putin and Kim signed the treaty's strategic partnership agreement.",
        );
        assert!(w.contains(&h("putin")) && w.contains(&h("treaty")));
        assert!(!w.contains(&h("wednesday")));
        assert!(w.windows(2).all(|p| p[0] < p[1]), "sorted and unique");
        // Non-ASCII words fold too.
        assert!(content_words("ÉLYSÉE said").contains(&h("élysée")));
    }

    /// [`content_words`] as a plain scan of [`STOP`] for every word, lower-cased by
    /// allocation: what the stopwords found by hash must give.
    fn content_words_by_scan(s: &str) -> Vec<u64> {
        let mut out: Vec<u64> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 4)
            .map(str::to_lowercase)
            .filter(|w| !STOP.contains(&w.as_str()))
            .map(|w| fnv1a(w.trim_end_matches('s').as_bytes()))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn stopwords_found_by_hash_are_the_stopwords() {
        for w in STOP {
            assert!(is_stop(w, h(w)), "{w}");
            let plural = format!("{w}s");
            assert_eq!(
                is_stop(&plural, h(&plural)),
                STOP.contains(&plural.as_str())
            );
        }
        for w in ["treaty", "abou", "aboutt", "thiss", "sunday2", "élysée", ""] {
            assert!(!is_stop(w, h(w)), "{w}");
        }
        // The hash only says where to look: another word under a stopword's hash is not one.
        assert!(!is_stop("treaty", h("about")));
        assert!(is_stop("about", h("about")));
    }

    #[test]
    fn content_words_are_those_a_scan_of_the_stopwords_gives() {
        let all_stop = STOP.join(" ");
        let shouting = all_stop.to_uppercase();
        let rows = [
            "On Wednesday, Putin and Kim signed the treaty's strategic partnership agreement.",
            "ABOUT THOSE TREATIES: Officials Said They Would Meet Again During March",
            "abouts thiss saids weeks Mondays: none of them is a stopword as written",
            "Ministers from Élysée and Zürich met; ÉLYSÉE officials were there. Ölgas über alles",
            "Pneumonoultramicroscopicsilicovolcanoconiosis and supercalifragilisticexpialidocious words",
            "Glass bass mass boss: words ending in ss lose every trailing s",
            "",
            "a an to of by",
            all_stop.as_str(),
            shouting.as_str(),
        ];
        for row in rows {
            assert_eq!(content_words(row), content_words_by_scan(row), "{row}");
        }
        assert!(content_words(&all_stop).is_empty());
    }

    #[test]
    fn firm_copies_index_as_each_sentence_read_on_its_own() {
        // One firm report under three outlets' header lines, a second with another day, and
        // an undated one: the index reads each distinct sentence once.
        const BODY: &str =
            "On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang.\n\
            Officials in Moscow said on Thursday that the treaty would take effect in July.\n";
        let copies: Vec<String> = ["Harbour Ledger", "Coastal Times", "Delta Voice"]
            .iter()
            .map(|outlet| {
                format!(" date 2024-06-20  {outlet}\nPact signed\nBy {outlet} staff\n\n{BODY}")
            })
            .collect();
        let other = " date 2023-09-15  Harbour Ledger\nSummit\n\
            On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang.\n";
        let undated = "Leaders seal pact\nOn Wednesday, Putin and Kim signed a treaty.\n";
        let corpus = load(&[
            ("a.txt", copies[0].as_str()),
            ("b.txt", copies[1].as_str()),
            ("c.txt", copies[2].as_str()),
            ("d.txt", other),
            ("e.txt", undated),
        ]);
        let index = FirmIndex::build(&corpus);
        // The entries as every event's sentence read on its own gives them.
        let mut expected: Vec<(NaiveDate, Vec<CountryCode>, Vec<u64>, u32)> = Vec::new();
        for e in corpus
            .events
            .iter()
            .filter(|e| is_firm(&corpus.articles[e.article as usize]) && !e.hidden && indexable(e))
        {
            let text = &corpus.articles[e.article as usize].text[e.sentence.clone()];
            let key = (
                e.span.start,
                e.countries.to_vec(),
                content_words_by_scan(text),
            );
            match expected
                .iter_mut()
                .find(|x| (x.0, &x.1, &x.2) == (key.0, &key.1, &key.2))
            {
                Some(x) => x.3 += 1,
                None => expected.push((key.0, key.1, key.2, 1)),
            }
        }
        let got: Vec<(NaiveDate, Vec<CountryCode>, Vec<u64>, u32)> = index
            .entries
            .iter()
            .map(|f| (f.day, f.countries.clone(), f.words.clone(), f.copies))
            .collect();
        assert_eq!(got, expected);
        assert!(
            got.iter().any(|x| x.3 == 3),
            "the copies make one entry of three"
        );
        assert!(got.len() >= 2, "the other day is an entry of its own");
    }

    #[test]
    fn the_memo_answers_as_the_index_does_once_per_question() {
        let index = FirmIndex::build(&Corpus::default());
        let memo = CandidateMemo::default();
        let words = content_words("Leaders signed a partnership treaty");
        let (jp, kr) = (CountryCode(*b"JP"), CountryCode(*b"KR"));
        for _ in 0..3 {
            assert_eq!(
                memo.candidates(&index, &words, &[jp]),
                index.candidates(&words, &[jp])
            );
        }
        assert_eq!(memo.seen.lock().unwrap().len(), 1);
        // The countries are part of the question.
        memo.candidates(&index, &words, &[kr]);
        assert_eq!(memo.seen.lock().unwrap().len(), 2);
    }

    #[test]
    fn an_article_is_asked_again_only_through_a_word_it_shares() {
        let dirty: std::collections::HashSet<u64> =
            content_words("Russia and North Korea signed a defence treaty")
                .into_iter()
                .collect();
        assert!(mentions_any(
            "The treaty's terms, the Kremlin said.",
            &dirty
        ));
        // Stopwords and date words are not content: sharing only those is sharing nothing.
        assert!(!mentions_any(
            "On Wednesday, Chile and Peru agreed anchovy quotas.",
            &dirty
        ));
        assert!(!mentions_any("Anything at all", &Default::default()));
    }

    /// Loads the files `(name, text)` as a folder.
    fn load(files: &[(&str, &str)]) -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let opts = crate::pipeline::LoadOptions::default();
        let progress = crate::pipeline::Progress::default();
        crate::pipeline::load(&[dir.path().to_path_buf()], &opts, &progress).unwrap()
    }

    /// Everything an index holds, in its order.
    fn dump(index: &FirmIndex) -> Vec<String> {
        let mut out: Vec<String> = index
            .entries
            .iter()
            .map(|f| format!("{} {:?} {:?} {}", f.day, f.countries, f.words, f.copies))
            .collect();
        let mut postings: Vec<_> = index.postings.iter().collect();
        postings.sort_unstable();
        out.extend(postings.iter().map(|p| format!("{p:?}")));
        let mut exact: Vec<_> = index.exact.iter().collect();
        exact.sort_unstable();
        out.extend(exact.iter().map(|p| format!("{p:?}")));
        out
    }

    /// An index of the given entries, listed as [`FirmIndex::build`] lists them.
    fn index_of(entries: Vec<FirmEntry>) -> FirmIndex {
        let mut index = FirmIndex {
            entries,
            postings: FxMap::default(),
            exact: FxMap::default(),
            sentences: FxMap::default(),
        };
        for (id, f) in index.entries.iter().enumerate() {
            for w in &f.words {
                index.postings.entry(*w).or_default().push(id as u32);
            }
            index
                .exact
                .entry(fingerprint(&f.words))
                .or_default()
                .push(id as u32);
        }
        index
    }

    /// The candidates as first written: every id gathered, sorted and deduplicated, then
    /// ranked by a full sort with a comparator reading each entry's day.
    fn candidates_by_full_sort(
        index: &FirmIndex,
        words: &[u64],
        countries: &[CountryCode],
    ) -> Vec<(f32, u32)> {
        if words.is_empty() {
            return Vec::new();
        }
        let mut look: Vec<u32> = index
            .exact
            .get(&fingerprint(words))
            .map(|v| v[..v.len().min(MAX_EXACT)].to_vec())
            .unwrap_or_default();
        let mut lists: Vec<&[u32]> = words
            .iter()
            .filter_map(|w| index.postings.get(w).map(Vec::as_slice))
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut budget = MAX_POSTINGS;
        for l in lists {
            let take = l.len().min(budget);
            look.extend_from_slice(&l[..take]);
            budget -= take;
            if budget == 0 {
                break;
            }
        }
        look.sort_unstable();
        look.dedup();
        let mut out: Vec<(f32, u32)> = look
            .into_iter()
            .filter(|&id| {
                let f = &index.entries[id as usize];
                countries.is_empty() || countries.iter().any(|c| f.countries.contains(c))
            })
            .map(|id| (similarity(words, &index.entries[id as usize].words), id))
            .filter(|c| c.0 >= SIMILAR)
            .collect();
        out.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(
                    index.entries[a.1 as usize]
                        .day
                        .cmp(&index.entries[b.1 as usize].day),
                )
                .then(a.1.cmp(&b.1))
        });
        out.truncate(MAX_CANDIDATES);
        out
    }

    #[test]
    fn a_day_number_is_a_date_exactly_between_the_first_and_last_day() {
        // What `infer_one` relies on to keep days as numbers until the tried few are chosen.
        let (lo, hi) = (
            NaiveDate::MIN.num_days_from_ce(),
            NaiveDate::MAX.num_days_from_ce(),
        );
        for d in [lo - 1, hi + 1, i32::MIN, i32::MAX] {
            assert_eq!(NaiveDate::from_num_days_from_ce_opt(d), None, "{d}");
        }
        for d in [lo, lo + 1, -1, 0, 1, 738_000, hi - 1, hi] {
            let date = NaiveDate::from_num_days_from_ce_opt(d).unwrap();
            assert_eq!(date.num_days_from_ce(), d);
        }
    }

    #[test]
    fn candidates_rank_as_a_full_sort_does() {
        // Many entries over few words, days and countries: equal similarities on one day,
        // the postings' budget and MAX_CANDIDATES all bind. Days before the common era and
        // far after it check the day's order across the sign.
        let vocab: Vec<u64> = (0..14u64)
            .map(|k| k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let (jp, kr, us) = (
            CountryCode(*b"JP"),
            CountryCode(*b"KR"),
            CountryCode(*b"US"),
        );
        let days = [
            NaiveDate::from_ymd_opt(2024, 6, 19).unwrap(),
            NaiveDate::from_ymd_opt(2024, 6, 12).unwrap(),
            NaiveDate::from_ymd_opt(1999, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(-40, 3, 15).unwrap(),
            NaiveDate::from_ymd_opt(9000, 12, 31).unwrap(),
        ];
        let mut seed = 11u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut entries = Vec::new();
        for _ in 0..2500 {
            let mut words: Vec<u64> = (0..2 + next(7)).map(|_| vocab[next(14) as usize]).collect();
            words.sort_unstable();
            words.dedup();
            let mut countries: Vec<CountryCode> =
                [jp, kr, us].into_iter().filter(|_| next(3) == 0).collect();
            countries.sort_unstable();
            let day = days[next(5) as usize];
            entries.push(FirmEntry {
                day,
                day_key: day_key(day),
                country_bits: country_bits(&countries),
                countries,
                words,
                copies: 1 + next(3) as u32,
            });
        }
        let index = index_of(entries);
        let mut bound = 0;
        for q in 0..200 {
            let mut words: Vec<u64> = (0..1 + next(6)).map(|_| vocab[next(14) as usize]).collect();
            words.sort_unstable();
            words.dedup();
            let countries: &[CountryCode] = match q % 4 {
                0 => &[],
                1 => &[jp],
                2 => &[kr, us],
                _ => &[jp, kr, us],
            };
            let want = candidates_by_full_sort(&index, &words, countries);
            assert_eq!(index.candidates(&words, countries), want, "question {q}");
            bound += usize::from(want.len() == MAX_CANDIDATES);
            // The sorted list of entries looked at is the one a sort and dedup gives.
            let mut look = index.looked_at_unordered(&words);
            look.sort_unstable();
            assert_eq!(index.looked_at(&words), look);
            let mut again = look.clone();
            again.dedup();
            assert_eq!(again, look, "question {q}: an entry looked at twice");
        }
        assert!(
            bound > 50,
            "the cap binds often enough to test its order: {bound}"
        );
    }

    #[test]
    fn an_index_taking_its_words_from_the_one_before_equals_one_built_anew() {
        const A: &str = " date 2024-06-20  Harbour Ledger\nPact signed\n\
            On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang.\n\n\
            The talks on Tuesday in Pyongyang ended the day before.\n";
        const B: &str = " date 2024-03-04  Harbour Ledger\nFerry terminal opens\n\
            On Monday, Norway opened a ferry terminal at Bergen.\n";
        let mut corpus = load(&[("a.txt", A), ("b.txt", B)]);
        let before = FirmIndex::build_remembering(&corpus);
        assert!(!before.sentences.is_empty(), "sentences remembered");
        assert_eq!(dump(&before), dump(&FirmIndex::build(&corpus)));
        // The first article re-dated a day later: its events move, its texts do not.
        let a = corpus
            .articles
            .iter()
            .position(|a| a.path.ends_with("a.txt"))
            .unwrap();
        for e in corpus.events.iter_mut().filter(|e| e.article == a as u32) {
            e.span.start += chrono::Duration::days(1);
            e.span.end += chrono::Duration::days(1);
        }
        let after = FirmIndex::build_from(&corpus, &before, &Some);
        assert_eq!(dump(&after), dump(&FirmIndex::build(&corpus)));
        assert_ne!(dump(&after), dump(&before), "the entries moved");
        // A sentence the index before did not hold is read from its text.
        corpus.events.retain(|e| e.article != a as u32);
        let without = FirmIndex::build_remembering(&corpus);
        let mut back = load(&[("a.txt", A), ("b.txt", B)]);
        back.events.sort_by_key(|e| (e.article, e.date_range.start));
        assert_eq!(
            dump(&FirmIndex::build_from(&back, &without, &Some)),
            dump(&FirmIndex::build(&back))
        );
    }

    #[test]
    fn words_read_from_memory_build_the_index_a_fresh_read_builds() {
        const A: &str = " date 2024-06-20  Harbour Ledger\nPact signed\n\
            On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang.\n\n\
            Officials in Moscow said on Thursday that the treaty would take effect in July.\n";
        const B: &str = " date 2024-03-04  Coastal Times\nFerry terminal opens\n\
            On Monday, Norway opened a ferry terminal at Bergen.\n";
        // B's sentence with other words at the same places: another text, never its words.
        const B2: &str = " date 2024-03-04  Coastal Times\nFerry terminal opens\n\
            On Monday, Norway closed a cargo harbour at Narvik.\n";
        let corpus = load(&[("a.txt", A), ("b.txt", B)]);
        // Read, then (unless a test beside this one holds the memory) from memory: the same.
        for _ in 0..3 {
            let index = FirmIndex::build_remembering(&corpus);
            assert_eq!(dump(&index), dump(&FirmIndex::build(&corpus)));
        }
        let changed = load(&[("a.txt", A), ("b.txt", B2)]);
        let index = FirmIndex::build_remembering(&changed);
        assert_eq!(dump(&index), dump(&FirmIndex::build(&changed)));
        assert_ne!(dump(&index), dump(&FirmIndex::build(&corpus)));
        // The words given for each text, first read and remembered, and what an index
        // before knew of a sentence taken as it is.
        let texts = [A, B, B2, "", "Norway, Norway and NORWAY"];
        let known = [h("kept")];
        for _ in 0..2 {
            let mut asked: Vec<(&str, Option<&[u64]>)> = texts.iter().map(|t| (*t, None)).collect();
            asked.push(("Bergen harbour", Some(&known[..])));
            let got = words_remembered(&asked);
            let mut want: Vec<Vec<u64>> = texts.iter().map(|t| content_words_by_scan(t)).collect();
            want.push(known.to_vec());
            assert_eq!(got, want);
        }
    }

    #[test]
    fn only_a_change_a_sentence_could_match_reaches_it() {
        const DATED: &str = " date 2024-06-20  Harbour Ledger\nPact signed\n\
            On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang.\n";
        const UNDATED: &str = "Leaders seal pact\n\
            On Wednesday, Putin and Kim signed a mutual defence treaty in Pyongyang, the Kremlin said.\n";
        // Shares one word ("treaty") with the undated report: too little to be its match.
        const ASIDE: &str = " date 2024-03-04  Harbour Ledger\nFerry terminal opens\n\
            On Monday, Norway opened a ferry terminal at Bergen after a long treaty dispute over cranes, berths, tariffs and pilots.\n";
        // The same story on another day: a candidate for the undated report's sentence.
        const RIVAL: &str = " date 2023-09-15  Harbour Ledger\nSummit\n\
            On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang at a summit.\n";
        let base = [("dated.txt", DATED), ("undated.txt", UNDATED)];
        let before = load(&base);
        let before_index = FirmIndex::build(&before);
        for (name, text, reaches) in [
            ("aside.txt", ASIDE, Reach::None),
            ("rival.txt", RIVAL, Reach::Lists),
            // A syndicated copy of the dated report: its entry only counts one more copy.
            ("copy.txt", DATED, Reach::Recount),
        ] {
            let after = load(&[base[0], base[1], (name, text)]);
            let words = firm_words(&after, |e| {
                after.articles[e.article as usize].path.ends_with(name)
            });
            let keys = firm_keys(&after, |e| {
                after.articles[e.article as usize].path.ends_with(name)
            });
            assert!(!keys.is_empty(), "{name}");
            let consider: Vec<bool> = after.articles.iter().map(|a| !is_firm(a)).collect();
            let reached = reached(
                &after.articles,
                &consider,
                &before_index,
                &FirmIndex::build(&after),
                &keys,
            );
            let undated = after
                .articles
                .iter()
                .position(|a| a.path.ends_with("undated.txt"))
                .unwrap();
            // Both share a word with the undated report (the coarser test reached it).
            assert!(
                mentions_any(&after.articles[undated].text, &words),
                "{name}"
            );
            assert_eq!(reached[undated], reaches, "{name}");
        }
    }

    #[test]
    fn copy_free_only_where_counts_could_break_a_tie() {
        let d = |n: u32| NaiveDate::from_ymd_opt(2024, 6, n).unwrap();
        // (score, pairs) of dates in date order, the entries each counted: copy-free?
        type Row = (&'static [(f32, usize)], &'static [&'static [u32]], bool);
        let rows: &[Row] = &[
            // One date: nothing to compare.
            (&[(1.0, 1)], &[&[0]], true),
            // Different scores: counts are never read.
            (&[(1.0, 1), (0.5, 9)], &[&[0], &[1]], true),
            (&[(0.5, 1), (1.0, 1)], &[&[0], &[1]], true),
            // Equal scores from the same entries: equal pairs whatever their counts.
            (&[(1.0, 2), (1.0, 2)], &[&[0, 3], &[0, 3]], true),
            // Equal scores from different entries: a count could turn the choice.
            (&[(1.0, 1), (1.0, 1)], &[&[0], &[1]], false),
            (&[(1.0, 2), (1.0, 1)], &[&[0, 0], &[0]], false),
            // Scores within the tolerance are equal.
            (&[(1.0, 1), (1.0 + 5e-7, 1)], &[&[0], &[1]], false),
            // A tie below the best is never compared with the best.
            (&[(0.5, 1), (0.5, 1), (1.0, 1)], &[&[0], &[0], &[2]], true),
            (&[(1.0, 1), (0.5, 1), (0.5, 3)], &[&[0], &[1], &[2]], true),
        ];
        for (i, (keys, counted, want)) in rows.iter().enumerate() {
            let scored: Vec<(f32, usize, usize, NaiveDate)> = keys
                .iter()
                .enumerate()
                .map(|(k, &(s, p))| (s, p, 1, d(10 + k as u32)))
                .collect();
            let same = |a: usize, b: usize| counted[a] == counted[b];
            assert_eq!(copy_free(&scored, same), *want, "row {i}");
        }
    }

    #[test]
    fn an_answer_a_tie_of_counts_decided_is_not_copy_free() {
        let report = |date: &str| {
            format!(
                " date {date}  Coast Gazette\nFisheries accord signed\n\
                 On Wednesday, Norway and Peru signed a fisheries accord in Lima after long talks.\n"
            )
        };
        const UNDATED: &str = "Accord in Lima\n\
            On Wednesday, Norway and Peru signed a fisheries accord in Lima, officials said.\n";
        // Its dateline leaves one day to try: no tie.
        const WIRE: &str = "Accord in Lima\n\
            LIMA, June 27 (Reuters) - On Wednesday, Norway and Peru signed a fisheries accord in Lima, officials said.\n";
        let (w1, w2) = (report("2024-06-20"), report("2024-06-27"));
        let c = load(&[
            ("week1.txt", &w1),
            ("week2.txt", &w2),
            ("undated.txt", UNDATED),
            ("wire.txt", WIRE),
        ]);
        // (kept under the article's text as read)
        let free = |c: &Corpus, name: &str| {
            let a = c.articles.iter().find(|a| a.path.ends_with(name)).unwrap();
            assert_eq!(
                a.pub_date.as_ref().map(|p| p.source),
                Some(PubDateSource::Corpus)
            );
            c.copy_free.holds(&a.text)
        };
        assert!(!free(&c, "undated.txt"), "two weeks tie, one report each");
        assert!(free(&c, "wire.txt"));
        // One report: nothing ties.
        let c = load(&[("week1.txt", &w1), ("undated.txt", UNDATED)]);
        assert!(free(&c, "undated.txt"));
    }

    #[test]
    fn similarity_is_relative_to_shorter() {
        let a = content_words("Leaders signed a partnership treaty");
        let b = content_words(
            "After long talks the leaders signed a partnership treaty in the capital",
        );
        assert!(similarity(&a, &b) > 0.9);
        assert_eq!(similarity(&a, &[]), 0.0);
    }
}
