//! Corrections applied to a settled corpus by redoing only what they reach (the window's
//! corrections: a publication date set or undone, an event hidden or re-dated, undo), with
//! the answer [`super::apply_corrections`] gives.
//!
//! Why a local answer is exact. The corpus-wide steps read corrections at two points only:
//! publication-date corrections decide which articles are firm anchors for the inferred
//! dates of the others (`crossdate`, whose index is built from the events as extracted,
//! before any event correction), and event corrections are applied after that, before
//! clustering. So
//! * a correction of events alone leaves every inferred publication date as it was: the
//!   touched articles' events are extracted again against the date they have, corrected,
//!   and clustered again where they reach ([`crate::corroborate::recluster`]);
//! * a publication-date correction changes the firm index only by the entries of the
//!   articles it re-dates. As for a watched change of those files, the index is built
//!   before and after (both from uncorrected events) and a weak article is inferred again
//!   only if one of its sentences gets a different list from the two
//!   ([`crate::crossdate::reached`]), or if it shares its text with a re-dated article
//!   (copies are inferred together); every other article keeps the date it has, which a
//!   full run would give it again.
//!
//! Salience is ranked over the whole corpus, as after a watched change.

use super::{analyze_article, extract_events, is_corpus_dated, settle_only, BeforeJoined};
use super::{DateSource, StageTimes};
use crate::corrections::Corrections;
use crate::model::{ArticleId, Corpus, Event, PubDateSource};
use rayon::prelude::*;
use std::collections::HashMap;

/// Which way [`apply_corrections_incremental`] brought the corpus up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorrectionPath {
    /// The corrections change nothing in this corpus.
    Unchanged,
    /// Only what the corrections reach was redone.
    Incremental,
    /// [`super::apply_corrections`] ran (too many articles touched, events not in article
    /// order, or a publication year inferred from articles dated by their text).
    Full,
}

/// A correction touching more than this share of the articles runs the full path (it would
/// redo most of the corpus anyway).
const LOCAL_SHARE: usize = 8;
/// ...but a few articles are always done locally, however small the corpus.
const LOCAL_LEAST: usize = 16;

/// The articles a change of corrections touches: `dirty` must have their events extracted
/// again (a different publication date, or events the user hid or re-dated before or now,
/// so that undo restores the extracted values); `redated` of them get another publication
/// date.
pub(super) struct Touched {
    pub dirty: Vec<bool>,
    pub redated: Vec<bool>,
}

impl Touched {
    pub(super) fn of(corpus: &Corpus, corrections: &Corrections) -> Touched {
        // Articles with an event the user hid or re-dated, found in one pass over the events
        // (a per-article scan would be quadratic in the corpus on every correction).
        let mut touched = vec![false; corpus.articles.len()];
        for e in corpus
            .events
            .iter()
            .filter(|e| e.hidden || e.date_source == DateSource::User)
        {
            if let Some(t) = touched.get_mut(e.article as usize) {
                *t = true;
            }
        }
        let redated: Vec<bool> = corpus
            .articles
            .iter()
            .map(|a| {
                let user = corrections.pub_date(&a.content_hash);
                let was_user = a.pub_date.as_ref().map(|p| p.source) == Some(PubDateSource::User);
                match user {
                    Some(d) => a.pub_date.as_ref().map(|p| p.date) != Some(d) || !was_user,
                    None => was_user,
                }
            })
            .collect();
        let dirty = corpus
            .articles
            .iter()
            .zip(touched)
            .zip(&redated)
            .map(|((a, touched), &redated)| {
                redated || touched || corrections.has_event_corrections(&a.content_hash)
            })
            .collect();
        Touched { dirty, redated }
    }
}

/// [`super::apply_corrections`] redoing only what the corrections reach: the same corpus
/// (publication dates, events, clusters, salience, captions) when `corpus` is settled (as
/// a load, a watched update or an earlier correction leave it). Falls back to the full path
/// when a large share of the articles is touched.
pub fn apply_corrections_incremental(
    corpus: &mut Corpus,
    corrections: &Corrections,
) -> CorrectionPath {
    let touched = Touched::of(corpus, corrections);
    match way(corpus, &touched) {
        CorrectionPath::Incremental => {}
        CorrectionPath::Full => {
            super::apply_corrections(corpus, corrections);
            return CorrectionPath::Full;
        }
        CorrectionPath::Unchanged => return CorrectionPath::Unchanged,
    }
    let before = BeforeJoined {
        events: corpus.events.clone().into(),
        clusters: std::mem::take(&mut corpus.clusters).into(),
        article_now: (0..corpus.articles.len() as u32).map(Some).collect(),
    };
    incremental(corpus, corrections, touched, before);
    CorrectionPath::Incremental
}

/// [`apply_corrections_incremental`] of a copy of `base`, which stays as it is (the window
/// keeps showing it): the events and clusters before are read from `base` rather than
/// copied, and its clusters are not copied at all (the corrected corpus's are made anew,
/// captions carried over from `base`'s).
pub fn corrected(base: &Corpus, corrections: &Corrections) -> (Corpus, CorrectionPath) {
    let touched = Touched::of(base, corrections);
    let path = way(base, &touched);
    if path != CorrectionPath::Incremental {
        let mut corpus = base.clone();
        if path == CorrectionPath::Full {
            super::apply_corrections(&mut corpus, corrections);
        }
        return (corpus, path);
    }
    let mut corpus = Corpus {
        articles: base.articles.clone(),
        events: base.events.clone(),
        clusters: Vec::new(),
        problems: base.problems.clone(),
        copy_free: base.copy_free.clone(),
    };
    let before = BeforeJoined {
        events: base.events.as_slice().into(),
        clusters: base.clusters.as_slice().into(),
        article_now: (0..base.articles.len() as u32).map(Some).collect(),
    };
    incremental(&mut corpus, corrections, touched, before);
    (corpus, CorrectionPath::Incremental)
}

/// Which way a correction touching `touched` goes.
fn way(corpus: &Corpus, touched: &Touched) -> CorrectionPath {
    let n_dirty = touched.dirty.iter().filter(|d| **d).count();
    if n_dirty == 0 {
        return CorrectionPath::Unchanged;
    }
    let in_order = corpus
        .events
        .windows(2)
        .all(|w| w[0].article <= w[1].article);
    // A year taken from articles dated by their own text rests on anchors the firm index
    // does not hold, so `crate::crossdate::reached` cannot tell whether a change moves it.
    let years = corpus
        .articles
        .iter()
        .any(crate::crossdate::is_year_inferred);
    if n_dirty > (corpus.articles.len() / LOCAL_SHARE).max(LOCAL_LEAST) || !in_order || years {
        CorrectionPath::Full
    } else {
        CorrectionPath::Incremental
    }
}

/// The incremental path proper, `before` being the corpus as it was (its events and
/// clusters).
fn incremental(
    corpus: &mut Corpus,
    corrections: &Corrections,
    touched: Touched,
    before: BeforeJoined<'_>,
) {
    let times = StageTimes::default();
    // The touched articles' events as extracted against the publication date they have:
    // the corpus as the last full run read it before correcting events.
    let Touched { dirty, redated } = touched;
    let fresh = redo_articles(corpus, corrections, |i| dirty[i], &redated, Redo::AsItIs);
    replace_events(&mut corpus.events, fresh);
    if !redated.iter().any(|r| *r) {
        settle_only(corpus, corrections, &times, None, |_| false, Some(before));
        return;
    }
    let index_before = crate::crossdate::FirmIndex::build_remembering(corpus);
    let mut changed = crate::crossdate::firm_keys(corpus, |e| redated[e.article as usize]);
    // The re-dated articles resolved again with their corrected (or no longer corrected)
    // date: their firm entries go and come.
    let fresh = redo_articles(corpus, corrections, |i| redated[i], &redated, Redo::Resolve);
    replace_events(&mut corpus.events, fresh);
    // The articles and their texts are the same: each sentence's words are those read
    // for the index before.
    let index_after = crate::crossdate::FirmIndex::build_from(corpus, &index_before, &Some);
    changed.extend(crate::crossdate::firm_keys(corpus, |e| {
        redated[e.article as usize]
    }));
    let copies = copies_of(corpus, &redated);
    let consider: Vec<bool> = corpus
        .articles
        .iter()
        .map(|a| !crate::crossdate::is_firm(a))
        .collect();
    let reached = crate::crossdate::reached(
        &corpus.articles,
        &consider,
        &index_before,
        &index_after,
        &changed,
    );
    drop(index_before);
    let redo: Vec<bool> = copies
        .iter()
        .zip(&reached)
        .map(|(c, r)| *c || *r != crate::crossdate::Reach::None)
        .collect();
    // Those of them dated from the corpus start again from their own evidence (they are not
    // firm, so the index built above stays the corpus's).
    let reset: Vec<bool> = corpus
        .articles
        .iter()
        .zip(&redo)
        .map(|(a, &redo)| redo && is_corpus_dated(a))
        .collect();
    if reset.iter().any(|r| *r) {
        let fresh = redo_articles(corpus, corrections, |i| reset[i], &redated, Redo::Resolve);
        replace_events(&mut corpus.events, fresh);
    }
    settle_only(
        corpus,
        corrections,
        &times,
        Some(index_after),
        |i| redo[i],
        Some(before),
    );
}

/// How [`redo_articles`] extracts an article's events again (uncorrected).
#[derive(Clone, Copy)]
enum Redo {
    /// Against the publication date it has: resolved again from its own evidence (and the
    /// user's date) as the full path does, but extracted against the date it has when that
    /// date came from the corpus or is about to change (the corpus as the last run left it).
    AsItIs,
    /// With its publication date resolved again from its own evidence and the user's
    /// correction.
    Resolve,
}

/// The events of the articles `pick` selects, extracted again (uncorrected, in the order a
/// full run sorts them).
fn redo_articles(
    corpus: &mut Corpus,
    corrections: &Corrections,
    pick: impl Fn(usize) -> bool + Sync,
    redated: &[bool],
    how: Redo,
) -> HashMap<usize, Vec<Event>> {
    let times = StageTimes::default();
    corpus
        .articles
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| pick(*i))
        .map(|(i, a)| {
            let id = i as ArticleId;
            let user = corrections.pub_date(&a.content_hash);
            let mut events = match how {
                Redo::AsItIs if redated[i] || is_corpus_dated(a) => extract_events(id, a, &times),
                _ => analyze_article(id, a, user, &times),
            };
            events.sort_by_key(|e| (e.date_range.start, e.date_range.end));
            (i, events)
        })
        .collect()
}

/// Puts `fresh[i]` in place of article `i`'s events (events in article order, kept so).
fn replace_events(events: &mut Vec<Event>, mut fresh: HashMap<usize, Vec<Event>>) {
    if fresh.is_empty() {
        return;
    }
    let old = std::mem::take(events);
    let added: usize = fresh.values().map(Vec::len).sum();
    let mut out = Vec::with_capacity(old.len() + added);
    let mut ids: Vec<usize> = fresh.keys().copied().collect();
    ids.sort_unstable();
    let mut next = ids.iter().peekable();
    for e in old {
        let a = e.article as usize;
        while let Some(&&id) = next.peek() {
            if id > a {
                break;
            }
            out.extend(fresh.remove(&id).unwrap_or_default());
            next.next();
        }
        if ids.binary_search(&a).is_err() {
            out.push(e);
        }
    }
    for id in next {
        out.extend(fresh.remove(id).unwrap_or_default());
    }
    *events = out;
    // In the order the full path leaves them (stable: a sorted run stays as it is).
    super::sort_events(events);
}

/// Articles whose text is that of an article `redated` selects (itself included).
fn copies_of(corpus: &Corpus, redated: &[bool]) -> Vec<bool> {
    let texts: Vec<&str> = corpus
        .articles
        .iter()
        .zip(redated)
        .filter(|(_, r)| **r)
        .map(|(a, _)| a.text.as_str())
        .collect();
    corpus
        .articles
        .par_iter()
        .map(|a| {
            texts
                .iter()
                .any(|t| t.len() == a.text.len() && *t == a.text)
        })
        .collect()
}
