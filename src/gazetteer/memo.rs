//! Country mentions of a line, remembered by the line's bytes, so that syndicated copy (the
//! same paragraphs under each outlet's own header lines) is scanned once per distinct line.
//!
//! Why a line's mentions depend on its bytes alone (see [`super::Gazetteer::find`]): no
//! phrase holds a line break, so no mention crosses one and the scan's state starts afresh
//! at every line; every check reads a few characters around a candidate, and where that
//! reaches past the line (the word before a name, the character after it) a line break
//! answers as the start or end of the text does (checked rule by rule in `rules.rs`:
//! a separator holding a line break never counts). The four rules that look 300 bytes
//! around a name (US state, bird, Korea, Congo) may read other lines: a line where one of
//! them was consulted is marked `wide` by the scan and is never stored.
//!
//! Bound: at most [`MAX_LINES`] lines and [`MAX_MENTIONS`] mentions held (a shard that
//! would exceed its share is emptied first), about 14 MB at most. Lines shorter than
//! [`MIN_LINE`] are scanned directly (a header line costs less to scan than to look up).
//! When few lookups hit (text without copies), the table steps aside for a while, so such
//! a corpus pays hashing on about one line in [`OFF_WINDOWS`] + 1 windows.

use super::{Mention, MentionKind};
use crate::model::CountryCode;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Lines held at most, over all shards.
pub(super) const MAX_LINES: usize = 1 << 17;
/// Mentions held at most, over all shards.
pub(super) const MAX_MENTIONS: usize = 1 << 18;
/// Shorter lines are not remembered.
pub(super) const MIN_LINE: usize = 64;
const SHARDS: usize = 16;
/// Lookups per window of the hit-rate test.
const WINDOW: u64 = 4096;
/// A window hitting less than one lookup in this many turns the table off...
const MIN_HIT_RATE: u64 = 16;
/// ...for this many windows of lines, counted without lookups, then it is tried again.
const OFF_WINDOWS: u64 = 8;

/// A mention at offsets relative to its line.
#[derive(Clone, Copy)]
struct Local {
    start: u32,
    end: u32,
    code: CountryCode,
    kind: MentionKind,
}

#[derive(Default)]
struct Shard {
    lines: HashMap<u128, Box<[Local]>>,
    mentions: usize,
}

/// The table; one per gazetteer (a line's mentions depend on the lists).
pub(super) struct LineMemo {
    shards: Vec<Mutex<Shard>>,
    /// Lines seen (looked up or skipped) and lookups that hit, in the current window.
    seen: AtomicU64,
    hits: AtomicU64,
    /// While `seen` is below this, lines are not looked up.
    off_until: AtomicU64,
}

impl Default for LineMemo {
    fn default() -> Self {
        LineMemo {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            seen: AtomicU64::new(0),
            hits: AtomicU64::new(0),
            off_until: AtomicU64::new(0),
        }
    }
}

/// What [`LineMemo::lookup`] gives.
pub(super) enum Looked {
    /// The line's mentions were appended, shifted to the line's place.
    Hit,
    /// Not known: scan it, then [`LineMemo::store`] under this key.
    Miss(u128),
    /// The table is off or the line too short: scan it, store nothing.
    Skip,
}

impl LineMemo {
    /// Looks up `line`, which starts at byte `at` of the text, appending its mentions to
    /// `out` on a hit.
    pub(super) fn lookup(&self, line: &[u8], at: usize, out: &mut Vec<Mention>) -> Looked {
        if line.len() < MIN_LINE || u32::try_from(line.len()).is_err() {
            return Looked::Skip;
        }
        let seen = self.seen.fetch_add(1, Ordering::Relaxed) + 1;
        let off_until = self.off_until.load(Ordering::Relaxed);
        if seen < off_until {
            return Looked::Skip;
        }
        // (`off_until` is a window's end: the first window after a pause is a whole one)
        if seen % WINDOW == 0 && seen != off_until {
            self.end_window(seen);
        }
        let key = key(line);
        let shard = self.shard(key);
        let Ok(shard) = shard.lock() else {
            return Looked::Skip;
        };
        match shard.lines.get(&key) {
            Some(found) => {
                self.hits.fetch_add(1, Ordering::Relaxed);
                out.extend(found.iter().map(|m| Mention {
                    start: at + m.start as usize,
                    end: at + m.end as usize,
                    code: m.code,
                    kind: m.kind,
                }));
                Looked::Hit
            }
            None => Looked::Miss(key),
        }
    }

    /// Remembers the mentions `found` of the line starting at byte `at` under `key`.
    pub(super) fn store(&self, key: u128, at: usize, found: &[Mention]) {
        let per_shard = MAX_MENTIONS / SHARDS;
        if found.len() > per_shard {
            return;
        }
        let local: Box<[Local]> = found
            .iter()
            .map(|m| Local {
                // a line is shorter than u32::MAX (checked in `lookup`)
                start: (m.start - at) as u32,
                end: (m.end - at) as u32,
                code: m.code,
                kind: m.kind,
            })
            .collect();
        let Ok(mut shard) = self.shard(key).lock() else {
            return;
        };
        if shard.lines.len() >= MAX_LINES / SHARDS || shard.mentions + local.len() > per_shard {
            shard.lines = HashMap::new();
            shard.mentions = 0;
        }
        shard.mentions += local.len();
        if let Some(old) = shard.lines.insert(key, local) {
            shard.mentions -= old.len();
        }
    }

    /// Empties the table and starts counting afresh.
    pub(super) fn clear(&self) {
        for shard in &self.shards {
            if let Ok(mut shard) = shard.lock() {
                *shard = Shard::default();
            }
        }
        self.seen.store(0, Ordering::Relaxed);
        self.hits.store(0, Ordering::Relaxed);
        self.off_until.store(0, Ordering::Relaxed);
    }

    /// At the end of a window: too few hits turn the table off for the next windows.
    fn end_window(&self, seen: u64) {
        let hits = self.hits.swap(0, Ordering::Relaxed);
        if hits * MIN_HIT_RATE < WINDOW {
            self.off_until
                .store(seen + OFF_WINDOWS * WINDOW, Ordering::Relaxed);
        }
    }

    fn shard(&self, key: u128) -> &Mutex<Shard> {
        &self.shards[(key as usize) % SHARDS]
    }

    /// Lines and mentions held now (tests).
    #[cfg(test)]
    pub(super) fn held(&self) -> (usize, usize) {
        self.shards.iter().fold((0, 0), |(l, m), s| {
            let s = s.lock().unwrap();
            (l + s.lines.len(), m + s.mentions)
        })
    }
}

/// The line's key ([`crate::memo_key`]).
fn key(line: &[u8]) -> u128 {
    crate::memo_key::of(line)
}
