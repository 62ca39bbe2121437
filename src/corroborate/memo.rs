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

pub(super) fn text_key(s: &str) -> Key {
    let h = blake3::hash(s.as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h.as_bytes()[..16]);
    u128::from_le_bytes(b)
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
