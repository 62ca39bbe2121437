//! Country gazetteer: finds mentions of countries in text — names, short forms, demonyms,
//! capitals used as metonyms, other large cities and ports, and leaders — and maps each to an ISO 3166-1 alpha-2 code.
//!
//! The lists are plain tab-separated files (`assets/gazetteer/*.tsv`, embedded at build time)
//! so users can extend them; [`Gazetteer::from_sources`] takes the built-in files plus any
//! user files. All phrases go into ONE Aho-Corasick automaton (leftmost-longest, ASCII case
//! insensitive), so one pass over the text finds every candidate and the longest phrase wins
//! ("North Korean" over "Korea", "Papua New Guinea" over "Guinea"). Each candidate is then
//! checked cheaply:
//! * word boundaries (no "Oman" in "woman"); a possessive ("Japan's", "Russia’s") is fine;
//! * case: an uppercase letter of the phrase must be uppercase in the text, a lowercase one may
//!   be either (so "TOKYO" datelines match, "china" the porcelain and "us" do not, "US"
//!   matches only as written);
//! * context rules for the few words that are often not countries (see `rules.rs` and
//!   `ambiguous.tsv`), and "block" phrases that hide names inside them ("New Mexico").
//!
//! When the longest candidate is rejected, shorter phrases starting at the same place are
//! tried before moving on.
//!
//! Speed: every phrase starts with a capital (the first letter is always matched as one), so
//! only capitalised word starts are candidates. Lowercase runs are skipped eight bytes at a
//! time, a hashed three-byte prefix test drops most capitalised words ("The", "He"), and only
//! then is the anchored automaton run: several hundred MB/s on one core on news text.
//!
//! Decisions on ambiguous words (see `ambiguous.tsv` for the data side):
//! * "US" matches only in capitals; in an all-caps headline it is the pronoun after words such
//!   as LET/JOIN/TELL/WITH/FOR ("LET US PRAY"), the country otherwise, including at the start
//!   of a shouting headline ("US WARNS CHINA"). "us"/"Us" never match.
//! * Bare "Korea"/"Korean": South Korea only with South Korean context nearby (Seoul, Yoon...),
//!   North Korea only with North Korean context (Pyongyang, Kim Jong Un...), else no mention.
//! * Bare "Congo": DR Congo unless Brazzaville-side context is nearby.
//! * "Kim" alone is never a leader; "Xi" only as "Xi Jinping", "President Xi", "Mr Xi".
//! * "Georgia" is the country unless US-state context is nearby and country context is not.
//! * "Jordan", "Chad", "Washington", "Cuba", "Jersey", "Paris", "London", "Berlin", "Sofia",
//!   "Abe" are rejected when they look like part of a name ("Michael Jordan", "Chad Smith",
//!   "George Washington"); in all-caps text and Title Case headlines only titles and
//!   initials count, so "MICHAEL JORDAN" is read as the country.
//! * "Turkey" is the bird only with cooking/Thanksgiving words nearby and no Turkish context.
//! * A name followed by ", <US state>" ("Paris, Texas", "Athens, Ga.") is a US town.
//! * Brussels is not listed (it usually means the EU); "Dominican" is the Dominican Republic.
//! * A name inside a larger place's name is not the country: "Gulf of Mexico", "Sea of
//!   Japan", "New Mexico", "New Guinea", "Irish Sea", "Indian Ocean", "Philippine Sea". The
//!   words that make such names ("Gulf of", "New", "Sea", "Ocean"...) are data
//!   (`place-before`/`place-after` rows of `ambiguous.tsv`), not a list of the places.

mod data;
mod memo;
mod rules;
#[cfg(test)]
mod tests;

use crate::model::CountryCode;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use data::Entry;

/// What kind of phrase named the country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// The short or official name ("Japan", "Republic of Korea").
    Name,
    /// Another name, abbreviation or former name ("DPRK", "U.S.", "Burma").
    ShortForm,
    /// "Japanese", "North Korean".
    Demonym,
    /// A capital or seat of power used as a metonym ("Pyongyang", "the Kremlin").
    Capital,
    /// Another city or port, named as where something happened ("dockers in Rotterdam").
    City,
    /// A head of state or government ("Putin", "Kim Jong Un").
    Leader,
}

/// One country mention: a byte range of the searched text and the country it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub code: CountryCode,
    pub kind: MentionKind,
}

/// The embedded built-in files, as `(file name, contents)`. Pass them to
/// [`Gazetteer::from_sources`] together with user files to extend the built-in lists.
pub const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../../assets/gazetteer/countries.tsv"),
    ),
    (
        "demonyms.tsv",
        include_str!("../../assets/gazetteer/demonyms.tsv"),
    ),
    (
        "capitals.tsv",
        include_str!("../../assets/gazetteer/capitals.tsv"),
    ),
    (
        "cities.tsv",
        include_str!("../../assets/gazetteer/cities.tsv"),
    ),
    (
        "leaders.tsv",
        include_str!("../../assets/gazetteer/leaders.tsv"),
    ),
    (
        "ambiguous.tsv",
        include_str!("../../assets/gazetteer/ambiguous.tsv"),
    ),
];

/// A compiled gazetteer. Build once (it compiles an automaton of a few thousand phrases) and
/// share; [`Gazetteer::builtin`] does that for the embedded lists.
pub struct Gazetteer {
    /// Anchored leftmost-longest automaton over the lowercased phrases, run at candidate
    /// word starts only.
    ac: AhoCorasick,
    /// The same phrases with standard semantics, to list the shorter phrases starting where a
    /// rejected longest one started.
    ac_all: AhoCorasick,
    /// Bytes that can start a phrase: uppercase ASCII letters and UTF-8 lead bytes (every
    /// phrase starts with a capital, see `data::variants`). Most of the text is skipped with
    /// one table lookup per byte.
    starts: [bool; 256],
    /// Lowercased first three bytes of every phrase (two for two-byte phrases like "US"),
    /// hashed into a bit set: a cheap test that skips capitalised words no phrase starts with
    /// ("The", "He", "Officials") before the automaton is run.
    prefixes: Vec<u64>,
    /// Automaton pattern id → entries sharing that lowercased phrase (blocks first).
    slots: Vec<Vec<u32>>,
    entries: Vec<Entry>,
    names: BTreeMap<CountryCode, String>,
    max_len: usize,
    /// Words that make a country name part of a larger place's name (see `ambiguous.tsv`).
    places: rules::PlaceWords,
    /// Each distinct line's mentions, found once ([`Gazetteer::find`]); `None` when some
    /// phrase holds a line break (then a mention could cross lines).
    memo: Option<memo::LineMemo>,
}

/// What checking one candidate gave.
enum Outcome {
    Hit(CountryCode, MentionKind),
    /// A block phrase: consume it, report nothing.
    Blocked,
    Rejected,
}

impl Gazetteer {
    /// The gazetteer built from the embedded assets, compiled on first use.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Compile-time constant data, parsed by every test run: cannot fail at run time.
            Gazetteer::from_sources(BUILTIN_SOURCES).expect("built-in gazetteer files are valid")
        })
    }

    /// The gazetteer the pipeline uses: the built-in files plus the user's own
    /// `<data dir>/gazetteer/*.tsv` (see README), read once. If a user file is broken the
    /// built-in lists are used and [`Gazetteer::user_files_problem`] says why.
    pub fn active() -> &'static Gazetteer {
        Self::active_with_problem().0
    }

    /// Why the user's gazetteer files were not used, if they were not.
    pub fn user_files_problem() -> Option<&'static str> {
        Self::active_with_problem().1.as_deref()
    }

    fn active_with_problem() -> &'static (&'static Gazetteer, Option<String>) {
        static ACTIVE: OnceLock<(&'static Gazetteer, Option<String>)> = OnceLock::new();
        ACTIVE.get_or_init(|| {
            let files = crate::paths::user_gazetteer_dir()
                .and_then(|dir| std::fs::read_dir(dir).ok())
                .map(|entries| {
                    let mut files: Vec<(String, String)> = entries
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                        .filter_map(|p| {
                            let name = p.file_name()?.to_string_lossy().to_string();
                            Some((name, std::fs::read_to_string(&p).ok()?))
                        })
                        .collect();
                    files.sort();
                    files
                })
                .unwrap_or_default();
            if files.is_empty() {
                return (Self::builtin(), None);
            }
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(n, c)| (n.as_str(), c.as_str()))
                .collect();
            match Self::with_user_files(&refs) {
                // Leaked once per process: the gazetteer lives as long as the program.
                Ok(g) => (&*Box::leak(Box::new(g)), None),
                Err(e) => (
                    Self::builtin(),
                    Some(format!("user gazetteer files not used: {e}")),
                ),
            }
        })
    }

    /// The built-in files followed by `user` files (later rows override earlier ones).
    pub fn with_user_files(user: &[(&str, &str)]) -> Result<Gazetteer, String> {
        let all: Vec<(&str, &str)> = BUILTIN_SOURCES.iter().chain(user).copied().collect();
        Gazetteer::from_sources(&all)
    }

    /// Builds a gazetteer from `(file name, contents)` pairs. The file name's stem says what
    /// the file holds: it must start with `countries`, `demonyms`, `capitals`, `cities`,
    /// `leaders` or `ambiguous` (e.g. `countries-extra.tsv`). Errors name the file and line.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Gazetteer, String> {
        let parsed = data::parse(files)?;
        let places = rules::PlaceWords {
            before: parsed.place_before,
            after: parsed.place_after,
        };
        Self::compile(parsed.entries, parsed.names, places)
    }

    fn compile(
        entries: Vec<Entry>,
        names: BTreeMap<CountryCode, String>,
        places: rules::PlaceWords,
    ) -> Result<Gazetteer, String> {
        let mut keys: Vec<String> = Vec::new();
        let mut slots: Vec<Vec<u32>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let key = e.text.to_ascii_lowercase();
            let slot = *by_key.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                slots.push(Vec::new());
                slots.len() - 1
            });
            slots[slot].push(i as u32);
        }
        for slot in &mut slots {
            // Blocks first, so a user can block a built-in phrase; otherwise file order.
            slot.sort_by_key(|&i| entries[i as usize].code.is_some());
        }
        let max_len = keys.iter().map(|k| k.len()).max().unwrap_or(0);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&keys)
            .map_err(|e| format!("gazetteer: {e}"))?;
        let ac_all = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&keys)
            .map_err(|e| format!("gazetteer: {e}"))?;
        let mut starts = [false; 256];
        for first in entries.iter().filter_map(|e| e.text.bytes().next()) {
            starts[first.to_ascii_uppercase() as usize] = true;
        }
        let mut prefixes = vec![0u64; PREFIX_BITS / 64];
        for key in &keys {
            let b = key.as_bytes();
            let h = prefix_hash(b[0], b.get(1).copied(), b.get(2).copied());
            prefixes[h / 64] |= 1 << (h % 64);
        }
        let memo = (!keys.iter().any(|k| k.contains('\n'))).then(memo::LineMemo::default);
        Ok(Gazetteer {
            ac,
            ac_all,
            starts,
            prefixes,
            slots,
            entries,
            names,
            max_len,
            places,
            memo,
        })
    }

    /// Is `lower` (a lower-case word) one of the lists' nationality words ("thai",
    /// "korean"), whatever its context would make of it (a bare "Korean" names no country
    /// alone)?
    pub(crate) fn is_nationality_word(&self, lower: &str) -> bool {
        self.entries.iter().any(|e| {
            e.kind == MentionKind::Demonym
                && e.code.is_some()
                && e.text
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(lower.chars())
        })
    }

    /// All country mentions in `text`, sorted by start and non-overlapping. Each line's
    /// mentions depend on that line alone (see `memo.rs`), so a line seen before (a
    /// syndicated copy's paragraph) is not scanned again.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(memo) = &self.memo else {
            return self.find_in_year(text, None);
        };
        let mut out = Vec::new();
        let mut from = 0;
        while from < text.len() {
            let to =
                memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i);
            match memo.lookup(&text.as_bytes()[from..to], from, &mut out) {
                memo::Looked::Hit => {}
                memo::Looked::Skip => {
                    self.scan(text, from..to, None, &mut false, &mut out);
                }
                memo::Looked::Miss(key) => {
                    let mut wide = false;
                    let n = out.len();
                    self.scan(text, from..to, None, &mut wide, &mut out);
                    if !wide {
                        memo.store(key, from, &out[n..]);
                    }
                }
            }
            from = to + 1;
        }
        out
    }

    /// Forgets the lines [`Gazetteer::find`] remembered (a load calls it before and after
    /// its files, so its memory is held only while it runs and one load's figures do not
    /// depend on the one before).
    pub fn forget_lines(&self) {
        if let Some(memo) = &self.memo {
            memo.clear();
        }
    }

    /// [`Gazetteer::find`] without the memo (the same result; tests and benches compare).
    pub fn find_unmemoised(&self, text: &str) -> Vec<Mention> {
        self.find_in_year(text, None)
    }

    /// Like [`Gazetteer::find`], but when `year` is given a leader only counts if in office
    /// that year (one year of grace either side), so "Abe" in 2024 news is not Japan's PM.
    pub fn find_in_year(&self, text: &str, year: Option<i32>) -> Vec<Mention> {
        let mut out = Vec::new();
        self.scan(text, 0..text.len(), year, &mut false, &mut out);
        out
    }

    /// Appends the mentions of `text` that start in `range`, which starts the text or a
    /// line and ends one (the checks still read `text` around each candidate). Sets `wide`
    /// when a rule that reads 300 bytes around a name was consulted.
    fn scan(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        year: Option<i32>,
        wide: &mut bool,
        out: &mut Vec<Mention>,
    ) {
        let bytes = text.as_bytes();
        let len = bytes.len();
        let mut pos = range.start;
        let mut i = range.start;
        while i < range.end {
            // Next candidate: a byte that can start a phrase.
            let Some(j) = self.next_start(bytes, i).filter(|&j| j < range.end) else {
                break;
            };
            i = j + 1;
            if j < pos
                || !text.is_char_boundary(j)
                || !self.may_start(bytes, j)
                || !word_start(text, j)
            {
                continue;
            }
            let input = Input::new(text).span(j..len).anchored(Anchored::Yes);
            let Some(m) = self.ac.find(input) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            match self.check(text, s, e, m.pattern().as_usize(), year, wide) {
                Outcome::Hit(code, kind) => {
                    out.push(Mention {
                        start: s,
                        end: e,
                        code,
                        kind,
                    });
                    pos = e;
                }
                Outcome::Blocked => pos = e,
                Outcome::Rejected => {
                    if let Some((mention, end)) = self.shorter_at(text, s, e, year, wide) {
                        out.extend(mention);
                        pos = end;
                    }
                }
            }
            i = i.max(pos);
        }
    }

    /// The first byte at or after `i` that can start a phrase. Skips eight bytes at a time
    /// while none of them is an uppercase ASCII letter or a non-ASCII byte (SWAR), which is
    /// most of lowercase running text.
    fn next_start(&self, bytes: &[u8], mut i: usize) -> Option<usize> {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let y = x & !HI;
            // High bit of each byte: set for 'A'..='Z' (y > 0x40 and not y > 0x5A).
            let upper = (y + (0x7F - 0x40) * LO) & !(y + (0x7F - 0x5A) * LO) & !x & HI;
            let mask = upper | (x & HI);
            if mask == 0 {
                i += 8;
                continue;
            }
            i += (mask.trailing_zeros() / 8) as usize;
            if self.starts[bytes[i] as usize] {
                return Some(i);
            }
            i += 1;
        }
        (i..bytes.len()).find(|&k| self.starts[bytes[k] as usize])
    }

    /// Whether some phrase may start at byte `j` (false positives possible, no false
    /// negatives). Two-byte phrases hash with a missing third byte, so both are tried.
    fn may_start(&self, bytes: &[u8], j: usize) -> bool {
        let at = |k: usize| bytes.get(j + k).map(u8::to_ascii_lowercase);
        let (b0, b1, b2) = (bytes[j].to_ascii_lowercase(), at(1), at(2));
        let hit = |h: usize| self.prefixes[h / 64] & (1 << (h % 64)) != 0;
        hit(prefix_hash(b0, b1, b2)) || hit(prefix_hash(b0, b1, None))
    }

    /// After the longest phrase at `start` was rejected, tries the shorter ones starting there,
    /// longest first. `Some((None, end))` means a block phrase consumed `start..end`.
    fn shorter_at(
        &self,
        text: &str,
        start: usize,
        rejected_end: usize,
        year: Option<i32>,
        wide: &mut bool,
    ) -> Option<(Option<Mention>, usize)> {
        let limit = (start + self.max_len).min(text.len());
        let input = Input::new(text).span(start..limit);
        let mut cands: Vec<(usize, usize)> = self
            .ac_all
            .find_overlapping_iter(input)
            .filter(|m| m.start() == start && m.end() < rejected_end)
            .map(|m| (m.end(), m.pattern().as_usize()))
            .collect();
        cands.sort_unstable_by(|a, b| b.cmp(a));
        for (end, pid) in cands {
            match self.check(text, start, end, pid, year, wide) {
                Outcome::Hit(code, kind) => {
                    let m = Mention {
                        start,
                        end,
                        code,
                        kind,
                    };
                    return Some((Some(m), end));
                }
                Outcome::Blocked => return Some((None, end)),
                Outcome::Rejected => {}
            }
        }
        None
    }

    /// Checks one candidate `text[s..e]` for automaton pattern `pid`.
    fn check(
        &self,
        text: &str,
        s: usize,
        e: usize,
        pid: usize,
        year: Option<i32>,
        wide: &mut bool,
    ) -> Outcome {
        if !rules::word_bounded(text, s, e) {
            return Outcome::Rejected;
        }
        let found = &text.as_bytes()[s..e];
        for &i in self.slots.get(pid).map(Vec::as_slice).unwrap_or(&[]) {
            let entry = &self.entries[i as usize];
            if !case_matches(entry.text.as_bytes(), found) {
                continue;
            }
            let Some(code) = entry.code else {
                return Outcome::Blocked;
            };
            if let (Some(y), false) = (year, entry.years.is_empty()) {
                if !entry.years.iter().any(|&(a, b)| a - 1 <= y && y <= b + 1) {
                    continue;
                }
            }
            if entry.kind != MentionKind::Leader && self.places.inside(text, s, e) {
                return Outcome::Rejected;
            }
            *wide |= entry.rules.has(data::Rules::WIDE);
            if let Some(code) = rules::apply(entry.rules, code, entry.kind, text, s, e) {
                return Outcome::Hit(code, entry.kind);
            }
        }
        Outcome::Rejected
    }

    /// English short name of a country, for lane labels.
    pub fn name(&self, code: CountryCode) -> Option<&str> {
        self.names.get(&code).map(String::as_str)
    }

    /// Every country with a name in the `countries` files, in code order.
    pub fn codes(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.names.keys().copied()
    }
}

/// Case rule: every uppercase ASCII letter of the phrase must be the same uppercase letter in
/// the text; lowercase phrase letters accept either case. (The automaton already guaranteed
/// equality up to ASCII case, and exact equality of non-ASCII bytes.)
fn case_matches(pattern: &[u8], found: &[u8]) -> bool {
    pattern.len() == found.len()
        && pattern
            .iter()
            .zip(found)
            .all(|(p, f)| !p.is_ascii_uppercase() || p == f)
}

const PREFIX_BITS: usize = 1 << 16;

fn prefix_hash(b0: u8, b1: Option<u8>, b2: Option<u8>) -> usize {
    let x = u32::from(b0) | u32::from(b1.unwrap_or(0)) << 8 | u32::from(b2.unwrap_or(0)) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize % PREFIX_BITS
}

/// True when no letter or digit precedes byte `i` (a char boundary).
fn word_start(text: &str, i: usize) -> bool {
    !text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}
