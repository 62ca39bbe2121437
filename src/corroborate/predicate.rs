//! What counts as the same happening: the one predicate [`super::cluster`] asks about a pair
//! of events. Everything about how pairs are found (fingerprints, sweeps, bounds) lives in
//! `corroborate`; everything about whether a pair matches lives here, so the rule can be
//! changed or swapped without touching the structure.
//!
//! Two events are the same happening when
//! * they share a country (or both have none) — the sweep only pairs such events,
//! * their dates overlap — or, when at least one date is uncertain, lie within
//!   [`DATE_TOLERANCE_DAYS`] of each other (the cluster is then flagged `conflicting_dates`);
//!   spans longer than [`COARSE_DAYS`] ("in 2019") only match the identical span, and a
//!   single day inside a run of days named to the day, after its first, is a part of that
//!   run (a stop on a trip), not the same happening,
//! * they report the same kind of act, when both dates govern one ([`super::acts`]): a
//!   treaty signed on Wednesday is not the meeting held that day, nor the statement about it,
//!   even in one sentence,
//! * and their sentences say similar things: Jaccard similarity of content-word stems (stop
//!   words, date words and numbers removed, act words folded into their class) of at least
//!   [`MIN_SIMILARITY`], with at least [`MIN_SHARED`] stems in common. When both dates govern
//!   the same act of a happening (not a statement), [`SAME_ACT_MIN_SIMILARITY`] is enough:
//!   the act is then already shared, and the rest of the wording only has to show the same
//!   actors ("Kim Jong Un visited Russia on September 12-17" / "Kim Jong Un has been visiting
//!   Russia since September 12, after meeting ...").
//!
//! A cluster may not spread over more than [`DATE_TOLERANCE_DAYS`] between its latest start
//! and earliest end, which stops chains of similar sentences from drifting across weeks.
//!
//! The structure relies on one property: the predicate reads of an event only its
//! [`Facts`], its sentence's [`Signature`], its countries and which sentence it is in, so
//! events equal in all of these are grouped before anything is compared. A predicate that
//! reads more must put it in [`Facts`] (or the signature).

use super::acts::{self, Act};
use crate::model::{DateSource, Event};
use chrono::Datelike;

/// Days by which an uncertain date may miss another and still be the same happening.
pub const DATE_TOLERANCE_DAYS: i32 = 3;
/// Minimum Jaccard similarity of two sentences' content stems.
pub const MIN_SIMILARITY: f32 = 0.25;
/// Minimum Jaccard similarity when both events report the same act of a happening.
pub const SAME_ACT_MIN_SIMILARITY: f32 = 0.1;
/// Minimum number of content stems two sentences must share.
pub const MIN_SHARED: usize = 2;
/// Spans longer than this (in days) are coarse: they group only with the identical span.
pub const COARSE_DAYS: i32 = 31;

/// What the predicate reads of an event besides its wording, countries and sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Facts {
    /// Days from the common era, inclusive.
    pub start: i32,
    pub end: i32,
    /// Low confidence, or hanging on a guessed publication date.
    pub unsure: bool,
    /// The kind of act its date governs, if the sentence says.
    pub act: Option<Act>,
    /// Its date is named to the day (a day, or a run of days: "September 12-17").
    pub to_the_day: bool,
}

impl Facts {
    /// `sentence` is the event's sentence, which its `date_range` points into (the
    /// clustering reads the act once per sentence and date, [`Facts::with_act`]).
    #[cfg(test)]
    pub(crate) fn of(e: &Event, sentence: &str) -> Facts {
        let date = e.date_range.start.saturating_sub(e.sentence.start)
            ..e.date_range.end.saturating_sub(e.sentence.start);
        Facts::with_act(e, Facts::act_of(sentence, date))
    }

    /// The act of the date at `date` (bytes of `sentence`), the one part of the facts read
    /// from the wording.
    pub(crate) fn act_of(sentence: &str, date: std::ops::Range<usize>) -> Option<acts::Act> {
        sentence
            .get(date.clone())
            .and_then(|_| acts::act_of(sentence, date))
    }

    /// [`Facts::of`] with the act of its date already read.
    pub(crate) fn with_act(e: &Event, act: Option<acts::Act>) -> Facts {
        Facts {
            start: e.span.start.num_days_from_ce(),
            end: e.span.end.num_days_from_ce(),
            unsure: e.is_uncertain() || e.date_source == DateSource::PublicationDateInferred,
            act,
            to_the_day: e.span.precision == crate::model::Precision::Day,
        }
    }

    /// Is this a single day inside `run`, a run of days named to the day, after its first?
    fn inside_after_first(self, run: Facts) -> bool {
        self.to_the_day
            && run.to_the_day
            && self.start == self.end
            && run.start < self.start
            && self.start <= run.end
    }

    fn coarse(self) -> bool {
        self.end - self.start > COARSE_DAYS
    }

    /// The latest start a partner may have for the predicate to hold (partners are looked
    /// for in order of start date).
    pub(crate) fn reach(self) -> i32 {
        // A span longer than a month ("in 2019", "the 1990s") only repeats the same span:
        // compared with everything it overlaps it would group unrelated happenings of the
        // same year.
        if self.coarse() {
            self.start
        } else {
            self.end.saturating_add(DATE_TOLERANCE_DAYS)
        }
    }
}

/// Which kinds of act a cluster's members report: statements, happenings (any act but a
/// statement), both never. The predicate keeps a statement apart from the act it reports pair
/// by pair; a cluster keeps them apart across a chain of pairs, each of which matches (a court
/// day's sentences, one that names no act, then a relative's statement that evening). A
/// member whose date governs no act word can join either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Kinds {
    statement: bool,
    happening: bool,
}

impl Kinds {
    pub(crate) fn of(f: Facts) -> Kinds {
        Kinds {
            statement: f.act.is_some_and(|a| !a.is_happening()),
            happening: f.act.is_some_and(Act::is_happening),
        }
    }

    /// The kinds of two clusters together, or `None` when that would mix a statement with a
    /// happening.
    pub(crate) fn join(self, other: Kinds) -> Option<Kinds> {
        let j = Kinds {
            statement: self.statement || other.statement,
            happening: self.happening || other.happening,
        };
        (!(j.statement && j.happening)).then_some(j)
    }
}

/// The predicate. `a` and `b` share a country (or both name none); `same_sentence` says
/// whether they are two dates of one sentence.
pub(crate) fn same_happening(
    a: Facts,
    b: Facts,
    wording_a: &Signature,
    wording_b: &Signature,
    same_sentence: bool,
) -> bool {
    if (a.coarse() || b.coarse()) && (a.start, a.end) != (b.start, b.end) {
        return false;
    }
    // A day inside a run of days the text names, after its first, is one part of that run
    // (a stop on a trip, one day of a summit), told as its own happening; the run's first
    // day is where it begins ("arrived on the 12th" / "visited on the 12th to 17th").
    if a.inside_after_first(b) || b.inside_after_first(a) {
        return false;
    }
    let same_act = match (a.act, b.act) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(x), Some(_)) => x.is_happening(),
        _ => false,
    };
    let least = if same_act {
        SAME_ACT_MIN_SIMILARITY
    } else {
        MIN_SIMILARITY
    };
    dates_compatible(a, b, same_sentence) && wording_a.similar(wording_b, least)
}

/// Overlapping dates always fit; dates up to the tolerance apart fit when either is uncertain
/// (unless both come from the same sentence: "from Monday to Friday" are two points, not a
/// repeat).
fn dates_compatible(a: Facts, b: Facts, same_sentence: bool) -> bool {
    let gap = (b.start - a.end).max(a.start - b.end);
    gap <= 0 || (!same_sentence && gap <= DATE_TOLERANCE_DAYS && (a.unsure || b.unsure))
}

/// A sentence's content: sorted, deduplicated hashes of its word stems, plus a 256-bit
/// Bloom-style mask to skip most dissimilar pairs without walking the lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct Signature {
    pub stems: Vec<u64>,
    mask: [u64; 4],
}

/// Stems are the first few characters of a word, which folds most inflection ("launched",
/// "launches" → "launc") without a stemmer.
const STEM_CHARS: usize = 5;

impl Signature {
    pub(crate) fn of(sentence: &str) -> Signature {
        let mut stems = Vec::new();
        let mut buf = [0u8; 24];
        for w in sentence.split(|c: char| !c.is_alphanumeric()) {
            if w.len() < 3 || w.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            // ASCII words (nearly all in English news) are lowercased without allocating.
            let lower = crate::lowercase::lowercase(w, &mut buf);
            if lower.chars().count() < 3
                || stopword_hashes()
                    .binary_search(&fnv1a(lower.as_bytes()))
                    .is_ok()
            {
                continue;
            }
            // "met", "meeting" and "talks" are one shared word.
            if let Some(act) = acts::class_of(&lower).filter(|a| a.is_happening()) {
                stems.push(fnv1a(act.token().as_bytes()));
                continue;
            }
            let cut = lower
                .char_indices()
                .nth(STEM_CHARS)
                .map_or(lower.len(), |(i, _)| i);
            stems.push(fnv1a(&lower.as_bytes()[..cut]));
        }
        stems.sort_unstable();
        stems.dedup();
        let mut mask = [0u64; 4];
        for h in &stems {
            let bit = (h >> 56) as usize;
            mask[bit / 64] |= 1 << (bit % 64);
        }
        Signature { stems, mask }
    }

    /// At least [`MIN_SHARED`] stems in common and a Jaccard similarity of at least `least`.
    pub(crate) fn similar(&self, other: &Signature, least: f32) -> bool {
        if self.stems.len() < MIN_SHARED || other.stems.len() < MIN_SHARED {
            return false;
        }
        if std::ptr::eq(self, other) {
            return true; // a sentence is always like itself (and long ones are slow to walk)
        }
        if self.mask.iter().zip(&other.mask).all(|(a, b)| a & b == 0) {
            return false;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < self.stems.len() && j < other.stems.len() {
            match self.stems[i].cmp(&other.stems[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = self.stems.len() + other.stems.len() - shared;
        shared >= MIN_SHARED && shared as f32 >= least * union as f32
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Sorted hashes of [`STOPWORDS`]: one hash per word instead of string comparisons.
fn stopword_hashes() -> &'static [u64] {
    static HASHES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let mut v: Vec<u64> = STOPWORDS.iter().map(|w| fnv1a(w.as_bytes())).collect();
        v.sort_unstable();
        v
    })
}

/// Function words, reporting verbs and date words.
/// Dates are compared separately, so "Tuesday" must not make two sentences look alike.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "about", "according", "added", "after", "again", "against", "ago", "all", "also", "among",
    "and", "announced", "another", "any", "apr", "april", "are", "around", "aug", "august", "been",
    "before", "being", "between", "both", "but", "can", "could", "day", "days", "dec", "december",
    "did", "does", "during", "each", "earlier", "early", "evening", "feb", "february", "for",
    "fri", "friday", "from", "further", "had", "has", "have", "having", "her", "here", "hers",
    "him", "his", "how", "into", "its", "itself", "jan", "january", "jul", "july", "jun", "june",
    "last", "late", "later", "mar", "march", "may", "mon", "monday", "month", "months", "more",
    "morning", "most", "mr", "mrs", "nov", "november", "now", "oct", "october", "off", "once",
    "one", "only", "other", "our", "out", "over", "own", "reported", "reports", "said", "sat",
    "saturday", "say", "says", "sep", "sept", "september", "she", "should", "since", "some",
    "stated", "such", "sun", "sunday", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "thu", "thursday", "today", "told", "tomorrow",
    "tonight", "tue", "tuesday", "two", "under", "until", "upon", "very", "was", "wed",
    "wednesday", "week", "weeks", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "year", "years", "yesterday", "you", "your",
];
