//! The date engine: a TIMEX3-style temporal tagger and normaliser for English news text.
//!
//! [`tag`] finds every temporal expression (dates, times, durations, sets) and gives it a
//! TIMEX3 value, filling what the phrase leaves out from the document's reference date, the
//! tense of its sentence, or the last date mentioned before it. [`span_of`] turns a value
//! into a calendar interval for the timeline. [`parse`] tokenises a text and reads its
//! phrases once for tagging it against many reference dates ([`Parsed::tag`], what corpus
//! date inference does for an undated article).
//!
//! Design for speed (the engine must run at tens of MB/s on one core): text is cut into
//! blocks; each block is tokenised in one byte pass with one hash probe per short word
//! (`scan`, `lexicon`); the rule book (`rules`, one file per kind of phrase) starts only at
//! tokens the lexicon knows or at numbers; the tense of the clause (`tense`) and the
//! resolution (`resolve`) run only on matches. Every look around a match is bounded, so
//! the time is linear in the input whatever its punctuation.

mod holidays;
mod lexicon;
mod placed;
mod reparse;
mod resolve;
mod rules;
mod scan;
mod tense;
mod value;

#[cfg(test)]
mod tests;

use lexicon::{Lex, W};
use resolve::{Anchor, Ctx, Expr, HolidayYear};
use scan::{Kind, Tok};

pub use reparse::{parse, parse_in, Parsed};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// Where the value's missing parts came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Fully stated in the phrase ("12 September 2023", "2019").
    Absolute,
    /// Some part came from the reference date (weekday, today, "September 12" without
    /// year, "last week").
    Reference,
    /// Relative to another date in the text ("two days later", "the following day").
    Anchored,
    /// Vague or no reference date available: the value has X's, or is a `*_REF`.
    Unresolved,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    /// UTF-8 byte offsets into the input, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: TimexType,
    /// TIMEX3 value: 2023-09-12, 2023-09, 2023, 2023-W37, 2023-Q3, 2023-SU, 199, 19,
    /// XXXX-09-12, PRESENT_REF, P3D, XXXX-WXX-1, 2023-09-12T15:00, 2023-09-12TMO ...
    pub value: String,
    /// For ranges ("September 12-17", "from March to May 2021"): the end point's value.
    pub end_value: Option<String>,
    /// For an amount of time counted from another date ("three days later", a DURATION
    /// in TIMEX3): the date it leads to, which is what the timeline places.
    pub point: Option<String>,
    /// For a range written as two expressions ("from Aug. 26 to Oct. 20"): the byte
    /// offsets where the first ends and the second starts. TIMEX3 marks them as two; see
    /// [`timeml`].
    pub split: Option<(usize, usize)>,
    pub resolution: Resolution,
    /// The name of the rule that read the phrase (`month_day`, `amount_ago`, ...), for
    /// diagnostics and the scorer.
    pub rule: &'static str,
}

impl Timex {
    /// The date this expression places on a calendar: its value for a DATE or TIME, the
    /// date it leads to for a counted amount ("three days later"), else nothing.
    pub fn date_value(&self) -> Option<&str> {
        match (&self.point, self.kind) {
            (Some(p), _) => Some(p),
            (None, TimexType::Date | TimexType::Time) => Some(&self.value),
            _ => None,
        }
    }
}

/// The expressions as TIMEX3 marks them: a range written as two expressions becomes
/// two, the first keeping the range's end in `end_value`, the second valued on its own.
/// The timeline keeps ranges whole (one event from start to end); this view is for
/// `dateline timex` and the TimeBank scorer.
pub fn timeml(tags: Vec<Timex>) -> Vec<Timex> {
    let mut out = Vec::with_capacity(tags.len());
    for t in tags {
        match (t.split, &t.end_value) {
            (Some((a, b)), Some(end_value)) => {
                let second = Timex {
                    start: b,
                    end: t.end,
                    value: end_value.clone(),
                    end_value: None,
                    split: None,
                    ..t.clone()
                };
                out.push(Timex {
                    end: a,
                    split: None,
                    ..t
                });
                out.push(second);
            }
            _ => out.push(t),
        }
    }
    out
}

pub use value::span_of;

/// Month number of an English month name or abbreviation ("September", "Sept.", "Sep"):
/// the program's one month table, [`crate::calendar::month_number`].
pub fn month_number(word: &str) -> Option<u32> {
    crate::calendar::month_number(word)
}

/// Blocks are cut at whitespace after this many bytes so the token buffer stays small and
/// in cache; expressions never span a block boundary in practice (blocks end at a line
/// break when one is near).
const BLOCK: usize = 64 * 1024;

/// Tag every temporal expression; `reference` is the document creation / publication date.
/// With `None`, relative expressions come back underspecified ("XXXX-09-12", "XXXX-WXX-3"
/// for "on Wednesday") with [`Resolution::Unresolved`]. The result is sorted by start and
/// non-overlapping.
pub fn tag(text: &str, reference: Option<chrono::NaiveDate>) -> Vec<Timex> {
    tag_in(text, reference, Locale::default())
}

pub use holidays::Locale;

/// [`tag`] for text written in `locale`, whose holidays it names ("Thanksgiving" is in
/// November in the US, in October in Canada; "Boxing Day" is a day in the UK only).
pub fn tag_in(text: &str, reference: Option<chrono::NaiveDate>, locale: Locale) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::with_capacity(BLOCK / 4);
    let mut st = State::new();
    let mut fresh = Fresh(None);
    let bytes = text.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let to = block_end(bytes, from);
        toks.clear();
        scan::tokenize(text, from, to, &mut toks);
        tag_block(
            text,
            &toks,
            reference,
            locale,
            usize::MAX,
            &mut st,
            &mut fresh,
            &mut out,
        );
        from = to;
    }
    out
}

struct State {
    anchor: Option<Anchor>,
    day_anchor: Option<chrono::NaiveDate>,
    last_end: usize,
    last_day: Option<chrono::NaiveDate>,
    quarter: Option<chrono::NaiveDate>,
    /// The last reported period named is a half, whose start `quarter` holds.
    half: bool,
    /// Days already placed, for a later mention of one without its year.
    placed: placed::Placed,
    /// The year of `anchor` when the text stated it at the head of a sentence ("In 2009,
    /// ...", "In March 2005 ...").
    stated: Option<i32>,
}

impl State {
    fn new() -> State {
        State {
            anchor: None,
            day_anchor: None,
            last_end: usize::MAX,
            last_day: None,
            quarter: None,
            half: false,
            placed: placed::Placed::default(),
            stated: None,
        }
    }
}

/// What the phrase starting at a trigger token reads as before any reference date is
/// known: the rule's match and what resolution asks about the words around it.
struct Reading {
    m: rules::Match,
    tense: resolve::Tense,
    closed: bool,
    long_period: bool,
    bound_past: bool,
    /// The tense comes from a present-tense timetable verb ("Voters go to the polls on
    /// Sunday"): ahead, or the day of writing itself.
    timetable: bool,
}

/// The reading at token `i` of a block, if a rule matches there.
fn read_at(rules: &rules::Toks, i: usize) -> Option<Reading> {
    let (text, toks) = (rules.text, rules.t);
    let m = rules
        .match_at(i)
        .filter(|c| c.e > c.s && c.e <= toks.len())?;
    Some(Reading {
        tense: tense::tense(text, toks, m.s, m.e),
        closed: m.s > 0
            && matches!(toks[m.s - 1].lex, Some(Lex::Word(W::Ended)))
            && toks[m.s - 1].len() == 5,
        // (only "a year ago" asks, and the look back is long)
        long_period: matches!(m.x, Expr::YearAgo { .. }) && tense::long_period(toks, m.s),
        // only a day or month without a year can move
        bound_past: matches!(
            m.x,
            Expr::Date { y: None, .. }
                | Expr::Holiday {
                    year: HolidayYear::Unstated,
                    ..
                }
        ) && tense::bound_past(text, toks, m.s),
        timetable: tense::timetable(text, toks, m.s, m.e),
        m,
    })
}

/// Where [`tag_block`] gets the reading at a token: made afresh ([`Fresh`], one pass of
/// [`tag`]) or kept from an earlier pass over the same text ([`Parsed`]).
trait Reader {
    /// The reading at token `i` of the block whose tokens and reference year `rules` holds.
    fn read(&mut self, rules: &rules::Toks, i: usize) -> Option<&Reading>;
}

/// Reads every phrase afresh.
struct Fresh(Option<Reading>);

impl Reader for Fresh {
    fn read(&mut self, rules: &rules::Toks, i: usize) -> Option<&Reading> {
        self.0 = read_at(rules, i);
        self.0.as_ref()
    }
}

fn block_end(b: &[u8], from: usize) -> usize {
    let want = from.saturating_add(BLOCK);
    if want >= b.len() {
        return b.len();
    }
    // Prefer a line break within the next 4 KiB, else any ASCII whitespace.
    let lim = (want + 4096).min(b.len());
    if let Some(p) = b[want..lim].iter().position(|&c| c == b'\n') {
        return want + p + 1;
    }
    match b[want..].iter().position(|c| c.is_ascii_whitespace()) {
        Some(p) => want + p + 1,
        None => b.len(),
    }
}

/// Can a phrase start at token `i`: a number, a word the lexicon knows, an apostrophe
/// ("'99"), a capital letter ("Q3", "H1 2024"), or two before a number ("SS14", "AW 2013";
/// not every "It" or "US").
fn is_trigger(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    match t.kind {
        Kind::Num => true,
        Kind::Word => {
            t.lex.is_some()
                || (t.cap
                    && (t.len() == 1
                        || (t.len() == 2 && toks.get(i + 1).is_some_and(|n| n.kind == Kind::Num))))
        }
        Kind::Punct => t.ch == b'\'',
    }
}

/// Tags the block's expressions in order, up to the first trigger token that starts after
/// byte `last` (a phrase starts at its trigger or after it, so what is left out all starts
/// after `last`; everything before it is tagged as in a whole pass, the state only flowing
/// forward). Returns whether it stopped there.
#[allow(clippy::too_many_arguments)]
fn tag_block(
    text: &str,
    toks: &[Tok],
    reference: Option<chrono::NaiveDate>,
    locale: Locale,
    last: usize,
    st: &mut State,
    reader: &mut impl Reader,
    out: &mut Vec<Timex>,
) -> bool {
    let rules = rules::Toks {
        t: toks,
        text,
        year: reference.map(|r| chrono::Datelike::year(&r)),
        year_read: std::cell::Cell::new(false),
        holidays: locale.names(),
        depth: std::cell::Cell::new(0),
    };
    // where the year in `st.stated` was stated, in this block
    let mut stated_at: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        if !is_trigger(toks, i) {
            i += 1;
            continue;
        }
        if toks[i].start > last {
            return true;
        }
        let Some(r) = reader.read(&rules, i) else {
            i += 1;
            continue;
        };
        let cand = &r.m;
        let start = toks[cand.s].start;
        let end = toks[cand.e - 1].end;
        let near_day =
            if st.last_end != usize::MAX && start >= st.last_end && start - st.last_end <= 6 {
                st.last_day
            } else {
                None
            };
        let cx = Ctx {
            reference,
            anchor: st.anchor,
            day_anchor: st.day_anchor,
            tense: r.tense,
            near_day,
            quarter_anchor: st.quarter,
            half_period: st.half,
            closed: r.closed,
            long_period: r.long_period,
            bound_past: r.bound_past,
            timetable: r.timetable,
            // a single day only: a range's end would have to follow its start
            placed_year: placed::yearless_day(&cand.x)
                .filter(|_| cand.end.is_none())
                .and_then(|(m, d)| st.placed.year_of(m, d)),
        };
        // "In 2009 ... in the autumn", "In 2009 the firm cut jobs in March": a bare season
        // or month in the year the story tells of.
        let in_stated = rules::year_parts::season_in_stated_year(
            &rules, &cand.x, cand.s, cand.e, st.stated, r.tense,
        )
        .or_else(|| {
            let one = stated_at.is_some_and(|a| tense::same_sentence(toks, a, cand.s));
            let framed = st.stated.filter(|_| one);
            rules::month_day::month_in_stated_year(&rules, &cand.x, cand.s, framed, r.tense)
        });
        let Some(o) = resolve::resolve(in_stated.as_ref().unwrap_or(&cand.x), &cx) else {
            i += 1;
            continue;
        };
        let end_out = cand.end.as_ref().and_then(|x| resolve::resolve(x, &cx));
        // What comes next is counted from the end of a range ("from Aug. 26 to Oct. 20.
        // Three days later").
        let anchor = end_out.as_ref().and_then(|e| e.anchor).or(o.anchor);
        let end_value = end_out.map(|o| o.value);
        // A day counted from another date is only as sure as that date's year (which may be
        // a yearless day's): only days stated or counted from the time of writing are placed.
        if matches!(o.res, Resolution::Absolute | Resolution::Reference) {
            if let Some(a) = o.anchor.filter(|a| a.gran == lexicon::Unit::Day) {
                st.placed.note(&cand.x, a.date);
            }
        }
        if o.res != Resolution::Unresolved {
            if let Some(a) = anchor {
                st.anchor = Some(a);
                // a year stated at the head of its sentence frames what follows
                let framed = o.res == Resolution::Absolute && tense::heads_sentence(toks, cand.s);
                st.stated =
                    (framed || in_stated.is_some()).then(|| chrono::Datelike::year(&a.date));
                if framed && in_stated.is_none() {
                    stated_at = Some(cand.s);
                } else if st.stated.is_none() {
                    stated_at = None;
                }
                if a.gran == lexicon::Unit::Day {
                    st.day_anchor = Some(a.date);
                }
                if a.gran == lexicon::Unit::Quarter {
                    st.quarter = Some(a.date);
                    st.half = false;
                }
                // "first-half profit": the half is the period the report is about
                let half = matches!(
                    cand.x,
                    Expr::YearPart {
                        p: resolve::YP::H(_),
                        ..
                    } | Expr::RelYearPart {
                        p: Some(resolve::YP::H(_)),
                        ..
                    }
                );
                if half {
                    st.quarter = Some(a.date);
                    st.half = true;
                }
            }
        }
        st.last_end = end;
        st.last_day = match (&cand.x, o.anchor) {
            (_, Some(a)) if a.gran == lexicon::Unit::Day => Some(a.date),
            _ => None,
        };
        if matches!(cand.x, Expr::Time { .. }) {
            st.last_day = None;
        }
        out.push(Timex {
            start,
            end,
            kind: o.kind,
            value: o.value,
            end_value,
            point: o.point,
            split: cand.mid.map(|(a, b)| (toks[a - 1].end, toks[b].start)),
            resolution: o.res,
            rule: cand.rule,
        });
        i = cand.e;
    }
    false
}
