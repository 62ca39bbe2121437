//! One text, many reference dates: the text is tokenised once and every phrase read once,
//! and each [`Parsed::tag`] replays only what depends on the reference date.
//!
//! Corpus date inference (`crate::crossdate`) asks what an article's dates would be under
//! up to 16 publication dates. The rules' readings do not depend on the reference date,
//! with one exception: a two-digit year ("'99", "FY23", "1/5/99") takes its century from
//! the reference year. So a reading is kept for every year when its rule did not look at
//! the year (the rule book reports that through `rules::Toks::year_read`), and for that
//! one reference year when it did. What does depend on the reference date (resolution and
//! the running anchor of "the next day") is redone on each pass by the very code of
//! [`super::tag`], so the values are the same as tagging afresh.

use super::scan::Tok;
use super::{block_end, rules, scan, tag_block, Locale, Reader, Reading, State, Timex, BLOCK};
use chrono::NaiveDate;

/// A text tokenised and read once, for tagging against many reference dates.
pub struct Parsed<'a> {
    text: &'a str,
    locale: Locale,
    /// Every block's tokens, one after the other.
    toks: Vec<Tok>,
    /// Token range of each block in `toks`.
    blocks: Vec<std::ops::Range<usize>>,
    memo: Memo,
    /// The most tags a pass gave so far (the next pass's room).
    tags_seen: usize,
}

/// Readings made so far, per token.
struct Memo {
    /// Per token of `toks`: the first of its readings in `kept`, or [`NONE`].
    first: Vec<u32>,
    kept: Vec<Kept>,
}

const NONE: u32 = u32::MAX;

/// A reading (or that there is none) at one token, for one reference year or all.
struct Kept {
    /// `None`: holds for every reference year; `Some(y)`: for reference year `y` only.
    year: Option<Option<i32>>,
    reading: Option<Reading>,
    /// The next reading kept for the same token, or [`NONE`].
    next: u32,
}

/// Tokenises `text` (written in the default locale) for [`Parsed::tag`].
pub fn parse(text: &str) -> Parsed<'_> {
    parse_in(text, Locale::default())
}

/// [`parse`] for text written in `locale`.
pub fn parse_in(text: &str, locale: Locale) -> Parsed<'_> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity((bytes.len() / 4).min(BLOCK / 4));
    let mut blocks = Vec::new();
    let mut from = 0;
    while from < bytes.len() {
        let to = block_end(bytes, from);
        let first = toks.len();
        scan::tokenize(text, from, to, &mut toks);
        blocks.push(first..toks.len());
        from = to;
    }
    Parsed {
        text,
        locale,
        memo: Memo {
            first: vec![NONE; toks.len()],
            kept: Vec::new(),
        },
        toks,
        blocks,
        tags_seen: 0,
    }
}

impl Parsed<'_> {
    /// The same as [`super::tag_in`] of the parsed text and locale with this reference
    /// date, without tokenising or reading any phrase again.
    pub fn tag(&mut self, reference: Option<NaiveDate>) -> Vec<Timex> {
        self.tag_to(reference, usize::MAX)
    }

    /// The tags of [`Parsed::tag`] that start at or before byte `last`, without resolving
    /// what comes after (what a caller asking about a few expressions needs: the state
    /// that resolution carries only flows forward).
    pub fn tag_to(&mut self, reference: Option<NaiveDate>, last: usize) -> Vec<Timex> {
        let mut out = Vec::with_capacity(self.tags_seen);
        let mut st = State::new();
        for range in &self.blocks {
            let toks = &self.toks[range.clone()];
            let mut reader = Replay {
                memo: &mut self.memo,
                base: range.start,
            };
            let stopped = tag_block(
                self.text,
                toks,
                reference,
                self.locale,
                last,
                &mut st,
                &mut reader,
                &mut out,
            );
            if stopped {
                break;
            }
        }
        self.tags_seen = self.tags_seen.max(out.len());
        // (a phrase read from a trigger before `last` may itself start after it: "the 12th")
        out.truncate(out.partition_point(|t| t.start <= last));
        out
    }
}

/// Reads a block through the memo: a kept reading when there is one for this reference
/// year, else a fresh one, kept.
struct Replay<'m> {
    memo: &'m mut Memo,
    /// Index in `toks` of the block's first token.
    base: usize,
}

impl Reader for Replay<'_> {
    fn read(&mut self, rules: &rules::Toks, i: usize) -> Option<&Reading> {
        let memo = &mut *self.memo;
        let slot = self.base + i;
        let mut k = memo.first[slot];
        let mut found = NONE;
        while k != NONE {
            let kept = &memo.kept[k as usize];
            if kept.year.is_none_or(|y| y == rules.year) {
                found = k;
                break;
            }
            k = kept.next;
        }
        if found == NONE {
            rules.year_read.set(false);
            let reading = super::read_at(rules, i);
            found = memo.kept.len() as u32;
            memo.kept.push(Kept {
                year: rules.year_read.get().then_some(rules.year),
                reading,
                next: memo.first[slot],
            });
            memo.first[slot] = found;
        }
        memo.kept[found as usize].reading.as_ref()
    }
}
