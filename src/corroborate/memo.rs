//! What reclustering reads of a sentence's wording, remembered between reclusterings: each
//! sentence's [`Signature`] and the act each date in it governs ([`Facts::act_of`]).
//!
//! Both are pure functions of the sentence's text (and, for the act, of where the date sits
//! in it), so they are remembered under a 128-bit hash of that text: a correction or a
//! watched change reaches mostly the same units as the one before, whose wording was read
//! then. Everything else a unit is made of (the event's days, certainty, countries) is read
//! from the event itself on every reclustering, so a changed event or article is never
//! answered from memory, and a sentence whose text changed has another key.
//!
//! The memory is one per process, taken whole by a reclustering and given back when it
//! ends (a reclustering running beside it starts from an empty one: the same answers,
//! read again), and bounded: each part is cleared when full.

use super::acts::Act;
use super::predicate::{Facts, Signature};
use crate::fxmap::FxMap;
use crate::model::{Article, Event};
use rayon::prelude::*;
use std::sync::Mutex;

/// A sentence's text hash.
type Key = u128;

/// At most this many sentences' signatures (about 200 bytes each) and twice as many dates'
/// acts (about 40 bytes each) are remembered.
const MAX_SIGNATURES: usize = 1 << 20;
const MAX_ACTS: usize = 1 << 21;

static MEMO: Mutex<Option<Wording>> = Mutex::new(None);

/// The remembered wording.
#[derive(Default)]
pub(super) struct Wording {
    signatures: FxMap<Key, Signature>,
    acts: FxMap<(Key, usize, usize), Option<Act>>,
}

/// The wording of every sentence of a corpus read into the process's memory (a corpus put
/// back from the index was not clustered here): the first correction after a reopen then
/// finds every unit's wording read, as later ones do.
pub(crate) fn remember_wording(events: &[Event], articles: &[Article]) {
    let mut w = Wording::take();
    w.read_all(events, articles);
    w.keep();
}

pub(super) fn text_key(s: &str) -> Key {
    crate::memo_key::of(s.as_bytes())
}

impl Wording {
    /// The process's memory, taken (empty when another reclustering holds it).
    pub(super) fn take() -> Wording {
        MEMO.lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .unwrap_or_default()
    }

    /// Given back for the next reclustering (the larger of two given back is kept).
    pub(super) fn keep(self) {
        self.keep_in(&mut MEMO.lock().unwrap_or_else(|p| p.into_inner()));
    }

    fn keep_in(self, memo: &mut Option<Wording>) {
        let larger = memo
            .as_ref()
            .is_none_or(|m| m.signatures.len() <= self.signatures.len());
        if larger {
            *memo = Some(self);
        }
    }

    /// [`Signature::of`] `text`, whose hash is `key`.
    pub(super) fn signature(&mut self, key: Key, text: &str) -> &Signature {
        if self.signatures.len() >= MAX_SIGNATURES && !self.signatures.contains_key(&key) {
            self.signatures.clear();
        }
        self.signatures
            .entry(key)
            .or_insert_with(|| Signature::of(text))
    }

    /// [`Facts::act_of`] `date` in `text`, whose hash is `key`.
    pub(super) fn act(
        &mut self,
        key: Key,
        text: &str,
        date: std::ops::Range<usize>,
    ) -> Option<Act> {
        let k = (key, date.start, date.end);
        if let Some(a) = self.acts.get(&k) {
            return *a;
        }
        if self.acts.len() >= MAX_ACTS {
            self.acts.clear();
        }
        let a = Facts::act_of(text, date);
        self.acts.insert(k, a);
        a
    }

    /// Reads, on all cores, the wording of every sentence and date of `events` not
    /// remembered yet, as a reclustering would. Nothing is read when it would not fit
    /// (the reclusterings then read what they reach, as before).
    fn read_all(&mut self, events: &[Event], articles: &[Article]) {
        // The sentence text, its hash and the date's place in it, per event; events of
        // one sentence are next to each other, so a chunk hashes a sentence once for them.
        let keys: Vec<(Key, &str, usize, usize)> = events
            .par_chunks(1024)
            .flat_map_iter(|chunk| {
                let mut last: Option<(&str, Key)> = None;
                chunk
                    .iter()
                    .map(|e| {
                        let text = articles
                            .get(e.article as usize)
                            .and_then(|a| a.text.get(e.sentence.clone()))
                            .unwrap_or("");
                        let k = match last {
                            Some((t, k)) if std::ptr::eq(t, text) => k,
                            _ => text_key(text),
                        };
                        last = Some((text, k));
                        let start = e.date_range.start.saturating_sub(e.sentence.start);
                        let end = e.date_range.end.saturating_sub(e.sentence.start);
                        (k, text, start, end)
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut sentences: FxMap<Key, &str> = FxMap::default();
        let mut dates: FxMap<(Key, usize, usize), &str> = FxMap::default();
        for &(k, text, start, end) in &keys {
            if !self.signatures.contains_key(&k) {
                sentences.insert(k, text);
            }
            if !self.acts.contains_key(&(k, start, end)) {
                dates.insert((k, start, end), text);
            }
        }
        if self.signatures.len() + sentences.len() > MAX_SIGNATURES
            || self.acts.len() + dates.len() > MAX_ACTS
        {
            return;
        }
        let sentences: Vec<(Key, &str)> = sentences.into_iter().collect();
        let signatures: Vec<(Key, Signature)> = sentences
            .into_par_iter()
            .map(|(k, text)| (k, Signature::of(text)))
            .collect();
        let dates: Vec<((Key, usize, usize), &str)> = dates.into_iter().collect();
        let acts: Vec<((Key, usize, usize), Option<Act>)> = dates
            .into_par_iter()
            .map(|((k, start, end), text)| ((k, start, end), Facts::act_of(text, start..end)))
            .collect();
        self.signatures.extend(signatures);
        self.acts.extend(acts);
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> (usize, usize) {
        (self.signatures.len(), self.acts.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_wording_equals_the_wording_read_anew() {
        let mut w = Wording::default();
        let treaty = "On Wednesday, Russia and North Korea signed a defence treaty in Pyongyang.";
        let talks = "The talks in Geneva ended on Friday, the ministry said.";
        for _ in 0..2 {
            for s in [treaty, talks] {
                let k = text_key(s);
                assert_eq!(w.signature(k, s).stems, Signature::of(s).stems, "{s}");
                let date = s.find("day").map(|d| d - 4..d + 3).unwrap_or(0..0);
                assert_eq!(
                    w.act(k, s, date.clone()),
                    Facts::act_of(s, date.clone()),
                    "{s}"
                );
                // A date elsewhere in the sentence is its own question.
                assert_eq!(w.act(k, s, 0..2), Facts::act_of(s, 0..2), "{s}");
                // A range that does not fit the sentence answers no act, without a panic.
                assert_eq!(w.act(k, s, s.len()..s.len() + 9), None, "{s}");
            }
        }
        assert_eq!(w.len(), (2, 6), "each sentence and each date read once");
        // Another text is another key, whatever it shares with one seen before.
        let changed = treaty.replace("Pyongyang", "Vladivostok");
        assert_ne!(text_key(&changed), text_key(treaty));
        assert_eq!(
            w.signature(text_key(&changed), &changed).stems,
            Signature::of(&changed).stems
        );
        assert_ne!(Signature::of(&changed).stems, Signature::of(treaty).stems);
    }

    #[test]
    fn a_corpus_read_ahead_gives_what_a_reclustering_would_read() {
        let one = "On Wednesday, Russia and North Korea signed a defence treaty.";
        let two = "Talks in Geneva ended on Friday.";
        let text = format!("{one} {two}");
        let article = Article {
            text: text.clone(),
            ..Default::default()
        };
        let at = |sentence: &str, date: &str| {
            let s = text.find(sentence).expect("the sentence");
            let d = s + sentence.find(date).expect("the date");
            (s..s + sentence.len(), d..d + date.len())
        };
        let event = |(sentence, date): (std::ops::Range<usize>, std::ops::Range<usize>)| Event {
            sentence,
            date_range: date,
            confidence: 1.0,
            ..Event::for_test(
                0,
                crate::model::DateSpan::day(
                    chrono::NaiveDate::from_ymd_opt(2024, 6, 19).expect("a day"),
                ),
                &[],
            )
        };
        let mut events = vec![
            event(at(one, "Wednesday")),
            event(at(two, "Friday")),
            event(at(two, "Friday")),
        ];
        // An event whose ranges do not fit its article: read as an empty sentence.
        let mut odd = event(at(two, "Friday"));
        odd.sentence = text.len() + 5..text.len() + 9;
        events.push(odd);
        let mut w = Wording::default();
        w.read_all(&events, std::slice::from_ref(&article));
        assert_eq!(
            w.len(),
            (3, 3),
            "two sentences and the empty one, three dates"
        );
        for e in &events[..3] {
            let s = &text[e.sentence.clone()];
            let k = text_key(s);
            assert_eq!(w.signatures[&k].stems, Signature::of(s).stems);
            let date = e.date_range.start - e.sentence.start..e.date_range.end - e.sentence.start;
            assert_eq!(
                w.acts[&(k, date.start, date.end)],
                Facts::act_of(s, date.clone())
            );
        }
        // Read again: nothing new.
        w.read_all(&events, std::slice::from_ref(&article));
        assert_eq!(w.len(), (3, 3));
    }

    #[test]
    fn of_two_memories_given_back_the_larger_is_kept() {
        let s = "Floods closed the port of Rotterdam on Monday.";
        let mut fuller = Wording::default();
        fuller.signature(text_key(s), s);
        let mut slot = None;
        fuller.keep_in(&mut slot);
        Wording::default().keep_in(&mut slot);
        assert_eq!(slot.as_ref().map(Wording::len), Some((1, 0)));
        let mut two = Wording::default();
        two.signature(text_key(s), s);
        two.signature(text_key("Another sentence here."), "Another sentence here.");
        two.keep_in(&mut slot);
        assert_eq!(slot.as_ref().map(Wording::len), Some((2, 0)));
    }
}
