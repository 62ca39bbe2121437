//! A watched update with an index open: the update runs incrementally
//! (`pipeline::replace_files`) and its result is stored as a load's would be, keyed by the
//! joined corpus (each article's identity from its own evidence).
//!
//! Why this needs the stored record: an article the rest of the corpus dated no longer shows
//! its own-evidence publication date and events, which its identity hashes. Such an article,
//! if it was there before the change, has the identity the stored record of the corpus
//! before gives it (its file and text did not change); a new one has the identity of its
//! file's extraction. Every other article shows its joined state (the corpus-wide steps
//! change nothing in it that the identity reads), so its identity is computed as a load
//! computes it.

use super::{article_id, events_per_article, key_of, places, Settled};
use crate::corrections::Corrections;
use crate::model::{Article, Corpus, PubDateSource};
use std::collections::HashMap;
use std::path::PathBuf;

fn corpus_dated(a: &Article) -> bool {
    a.pub_date.as_ref().map(|p| p.source) == Some(PubDateSource::Corpus)
}

/// Where each article's events start (one more at the end); events are in article order.
fn starts(c: &Corpus) -> Vec<usize> {
    let counts = events_per_article(c);
    let mut out = Vec::with_capacity(counts.len() + 1);
    let mut at = 0;
    out.push(0);
    for n in counts {
        at += n;
        out.push(at);
    }
    out
}

/// The identities of the articles of a settled corpus, by (file, path), when `s` is its
/// stored record: the same articles, every article not dated from the corpus hashing as
/// stored, and the ones dated from the corpus exactly the stored record's re-dated ones
/// with the same dates and events. `None` when anything differs.
pub(crate) fn identities(corpus: &Corpus, s: &Settled) -> Option<HashMap<(PathBuf, String), u64>> {
    if s.articles.len() != corpus.articles.len() || !s.consistent() {
        return None;
    }
    let counts = events_per_article(corpus);
    let places = places(corpus);
    let redated: HashMap<u32, &super::Redated> = s.redated.iter().map(|r| (r.article, r)).collect();
    let at = starts(corpus);
    let mut out = HashMap::with_capacity(corpus.articles.len());
    for (i, a) in corpus.articles.iter().enumerate() {
        if corpus_dated(a) {
            let r = redated.get(&(i as u32))?;
            let events = &corpus.events[at[i]..at[i + 1]];
            if Some(&r.pub_date) != a.pub_date.as_ref()
                || r.events.len() != events.len()
                || r.events.iter().zip(events).any(|(x, e)| {
                    let mut y = x.event(e.article);
                    (y.cluster, y.hidden, y.salience) = (e.cluster, e.hidden, e.salience);
                    y != *e
                })
            {
                return None;
            }
        } else if redated.contains_key(&(i as u32))
            || article_id(a, places[i], counts[i]) != s.articles[i]
        {
            return None;
        }
        if out
            .insert((a.file.clone(), a.path.clone()), s.articles[i])
            .is_some()
        {
            return None; // two articles with one path: not told apart
        }
    }
    Some(out)
}

/// The identities of a new file's articles (its extraction, before the corpus-wide steps),
/// by (file, path).
pub(crate) fn identities_of_parts(
    parts: &[crate::pipeline::FileResult],
) -> HashMap<(PathBuf, String), u64> {
    let mut out = HashMap::new();
    for p in parts {
        for (place, a) in p.articles.iter().enumerate() {
            let n = p.events.events_of(place).len();
            out.insert(
                (a.file.clone(), a.path.clone()),
                article_id(a, place as u32, n),
            );
        }
    }
    out
}

/// What to store for `corpus`, settled by a watched update: `known` gives the identity of
/// each article the corpus dated (from before the change, or from a new file's extraction).
/// `None` when one of them is missing, or carries event corrections (its key would read its
/// joined events, which it no longer shows).
pub(crate) fn store_update(
    corpus: &Corpus,
    known: &HashMap<(PathBuf, String), u64>,
    corrections: &Corrections,
) -> Option<Settled> {
    let counts = events_per_article(corpus);
    let places = places(corpus);
    let mut ids = Vec::with_capacity(corpus.articles.len());
    for (i, a) in corpus.articles.iter().enumerate() {
        if corpus_dated(a) {
            if corrections.has_event_corrections(&a.content_hash) {
                return None;
            }
            ids.push(*known.get(&(a.file.clone(), a.path.clone()))?);
        } else {
            ids.push(article_id(a, places[i], counts[i]));
        }
    }
    let at = starts(corpus);
    let key = key_of(
        &ids,
        corpus,
        |i| &corpus.events[at[i]..at[i + 1]],
        corrections,
    );
    Some(super::capture(corpus, key, ids))
}
