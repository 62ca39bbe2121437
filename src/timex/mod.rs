//! The date engine: a TIMEX3-style temporal tagger and normaliser for English news text.
//!
//! [`tag`] finds every temporal expression (dates, times, durations, sets) and gives it a
//! TIMEX3 value, filling what the phrase leaves out from the document's reference date, the
//! tense of its sentence, or the last date mentioned before it. [`span_of`] turns a value
//! into a calendar interval for the timeline.
//!
//! Design for speed (the engine must run at tens of MB/s on one core): text is cut into
//! blocks; each block is tokenised in one byte pass with one hash probe per short word
//! (`scan`, `lexicon`); hand-written matchers (`parse`) start only at tokens the lexicon
//! knows or at numbers; resolution (`resolve`) runs only on matches.

mod lexicon;
mod parse;
mod resolve;
mod scan;
mod value;

#[cfg(test)]
mod tests;

use lexicon::{Lex, W};
use resolve::{Anchor, Ctx, Expr, Tense};
use scan::{Kind, Tok};

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

/// Month number of an English month name or abbreviation ("September", "Sept.", "Sep"),
/// from the engine's own lexicon so that every part of dateline reads months alike.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    match lexicon::lookup(w.as_bytes())? {
        lexicon::Lex::Month(m) | lexicon::Lex::MonthAbbr(m) => Some(u32::from(m)),
        _ => None,
    }
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
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::with_capacity(BLOCK / 4);
    let mut st = State {
        anchor: None,
        day_anchor: None,
        last_end: usize::MAX,
        last_day: None,
        quarter: None,
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    while from < bytes.len() {
        let to = block_end(bytes, from);
        toks.clear();
        scan::tokenize(text, from, to, &mut toks);
        tag_block(text, &toks, reference, &mut st, &mut out);
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

fn is_trigger(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Word => t.lex.is_some() || (t.cap && t.len() == 1),
        Kind::Punct => t.ch == b'\'',
    }
}

fn tag_block(
    text: &str,
    toks: &[Tok],
    reference: Option<chrono::NaiveDate>,
    st: &mut State,
    out: &mut Vec<Timex>,
) {
    let p = parse::P { t: toks, text };
    let mut i = 0;
    while i < toks.len() {
        if !is_trigger(&toks[i]) {
            i += 1;
            continue;
        }
        let cand = match p.parse_at(i) {
            Some(c) if c.e > c.s && c.e <= toks.len() => c,
            _ => {
                i += 1;
                continue;
            }
        };
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
            tense: tense(text, toks, cand.s, cand.e),
            near_day,
            quarter_anchor: st.quarter,
            closed: cand.s > 0
                && matches!(toks[cand.s - 1].lex, Some(Lex::Word(W::Ended)))
                && toks[cand.s - 1].len() == 5,
            // (only "a year ago" asks, and the look back is long)
            long_period: matches!(cand.x, Expr::YearAgo { .. }) && long_period(toks, cand.s),
            // only a day or month without a year can move
            bound_past: matches!(cand.x, Expr::Date { y: None, .. })
                && bound_past(text, toks, cand.s),
        };
        let Some(o) = resolve::resolve(&cand.x, &cx) else {
            i += 1;
            continue;
        };
        let end_out = cand.end.as_ref().and_then(|x| resolve::resolve(x, &cx));
        // What comes next is counted from the end of a range ("from Aug. 26 to Oct. 20.
        // Three days later").
        let anchor = end_out.as_ref().and_then(|e| e.anchor).or(o.anchor);
        let end_value = end_out.map(|o| o.value);
        if o.res != Resolution::Unresolved {
            if let Some(a) = anchor {
                st.anchor = Some(a);
                if a.gran == lexicon::Unit::Day {
                    st.day_anchor = Some(a.date);
                }
                if a.gran == lexicon::Unit::Quarter {
                    st.quarter = Some(a.date);
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
        });
        i = cand.e;
    }
}

/// Tense of the clause around tokens `s..e`: the nearest tense marker before the phrase in
/// the same sentence, else the nearest after it. "will", "'ll", "expected", "plans" mark
/// the future; "was", "had", "said" and -ed verbs the past.
fn tense(text: &str, t: &[Tok], s: usize, e: usize) -> Tense {
    // "Wednesday's ruling": a possessive names something already known, so the nearest
    // (past) reading wins whatever the clause says.
    let possessive = t
        .get(e)
        .is_some_and(|x| x.kind == Kind::Punct && x.ch == b'\'' && !x.sp)
        && t.get(e + 1)
            .is_some_and(|x| !x.sp && x.len() == 1 && x.kind == Kind::Word);
    if possessive {
        return Tense::Unknown;
    }
    // One look back serves both reaches: the near one first, the far one last.
    let back = marker_before(text, t, s, FAR_BACK);
    match back.filter(|&(.., j)| s - j <= NEAR_BACK) {
        // "until Thursday, they had not called him": "until" only looks ahead when the
        // rest of its sentence does not say otherwise.
        // ("He stayed until Sunday": nor does it when the verb before it is past.)
        Some((Tense::Future, true, j)) => match tense_after(text, t, e, 10) {
            Tense::Past => Tense::Past,
            _ => match marker_before(text, t, j, NEAR_BACK) {
                Some((Tense::Past, _, v)) if !word_in(text, &t[v], &DEFERRING) => Tense::Past,
                _ => Tense::Future,
            },
        },
        Some((x, ..)) => x,
        // Sentence-initial dates ("In January, the company sold ...") take the tense of
        // the clause they introduce.
        // Failing both, a verb further back in a long sentence ("rising to a high of $42
        // in June from $29 in March"); further ahead measured worse.
        // A fronted date ("In January, a week after the anniversary, a bomb killed
        // ...") belongs to the main clause, however long the way to its verb.
        None => match tense_after(text, t, e, if fronted(t, s, e) { 30 } else { 10 }) {
            Tense::Unknown => back.map_or(Tense::Unknown, |(x, ..)| x),
            x => x,
        },
    }
}

/// The phrase opens its sentence, alone or after a preposition, and a comma follows.
fn fronted(t: &[Tok], s: usize, e: usize) -> bool {
    let opens = |k: usize| k == 0 || t[k].nl || sentence_end(t, k - 1);
    let start = opens(s)
        || (matches!(
            t[s - 1].lex,
            Some(Lex::Word(W::In | W::On | W::By | W::Since))
        ) && opens(s - 1));
    start
        && t.get(e)
            .is_some_and(|x| x.kind == Kind::Punct && x.ch == b',')
}

/// Past verbs that push something to a later date: "postponed until Tuesday" is ahead.
const DEFERRING: [&str; 10] = [
    "postponed",
    "delayed",
    "extended",
    "adjourned",
    "deferred",
    "suspended",
    "pushed",
    "moved",
    "rescheduled",
    "recessed",
];

/// The first tense marker after tokens `..e` in the same sentence, within `reach` tokens.
fn tense_after(text: &str, t: &[Tok], e: usize, reach: usize) -> Tense {
    let hi = (e + reach).min(t.len());
    let mut j = e;
    while j < hi {
        if t[j].nl || sentence_end(t, j) {
            break;
        }
        if let Some(x) = marker(t, j) {
            // "On Friday, the government planned to ...": -ed plan words after the date
            // are past verbs more often than future markers.
            if x == Tense::Future && ends_ed(text, &t[j]) {
                j += 1;
                continue;
            }
            if x == Tense::Past && matches!(t[j].lex, Some(Lex::Word(W::Said))) {
                // "..., Castro said": the date belongs to the quoted clause, not the verb
                // of saying.
                return Tense::Unknown;
            }
            return x;
        }
        j += 1;
    }
    Tense::Unknown
}

/// The nearest tense marker before token `s` in the same sentence, and whether it was a
/// weak one ("until").
fn tense_before(text: &str, t: &[Tok], s: usize) -> Option<(Tense, bool)> {
    marker_before(text, t, s, NEAR_BACK).map(|(x, weak, _)| (x, weak))
}

/// How far back a tense marker counts as near the phrase (tokens).
const NEAR_BACK: usize = 12;
/// How far back `tense` looks when nothing near the phrase marks the tense (tokens).
const FAR_BACK: usize = 20;

/// `tense_before` within `reach` tokens, with the marker's token index.
fn marker_before(text: &str, t: &[Tok], s: usize, reach: usize) -> Option<(Tense, bool, usize)> {
    // The words before the phrase count first: in news the clause after a date is often
    // reported speech about something else ("said Friday it would ...").
    let mut j = s;
    let lo = s.saturating_sub(reach);
    while j > lo {
        if t.get(j).is_some_and(|x| x.nl) {
            break;
        }
        j -= 1;
        if sentence_end(t, j) {
            break;
        }
        if let Some(x) = marker(t, j) {
            // A schedule verb speaks for a date right after it ("meet Monday"), not for
            // one further on ("to meet demand ... into the summer").
            if matches!(t[j].lex, Some(Lex::Word(W::Sched))) && s - j > 3 {
                continue;
            }
            // "through" is a span of time only right before the date ("through January"),
            // not "ripped through an office building ... Friday".
            if matches!(t[j].lex, Some(Lex::Word(W::Through))) && s - j > 2 {
                continue;
            }
            // "will be held", "will have left": a participle after a future auxiliary
            if x == Tense::Past {
                // ("would be paid" too, but not "would have been")
                let aux = (j.saturating_sub(3)..j).any(|k| match t[k].lex {
                    Some(Lex::Word(W::Will | W::Shall | W::Ll)) => true,
                    Some(Lex::Word(W::Would)) => {
                        !(k + 1..j).any(|h| word_in(text, &t[h], &["have"]))
                    }
                    _ => false,
                });
                if aux {
                    return Some((Tense::Future, false, j));
                }
            }
            // "to be published in": a participle after "to be" looks ahead.
            if x == Tense::Past
                && t[j].lex.is_none()
                && j > 1
                && is_be(text, &t[j - 1])
                && matches!(t[j - 2].lex, Some(Lex::Word(W::To)))
            {
                return Some((Tense::Future, false, j));
            }
            // "as soon as trading opened Monday": the verb inside the "as soon as"
            // clause is past in form only.
            if x == Tense::Past
                && t[j].lex.is_none()
                && (j.saturating_sub(3)..j).any(|k| matches!(t[k].lex, Some(Lex::Word(W::Soon))))
            {
                return Some((Tense::Future, false, j));
            }
            // "had been scheduled to expire at midnight Friday": a plan in the past perfect
            // was for a day that has passed.
            if x == Tense::Future
                && matches!(t[j].lex, Some(Lex::Word(W::Expected)))
                && (j.saturating_sub(3)..j).any(|k| word_in(text, &t[k], &["had"]))
            {
                return Some((Tense::Past, false, j));
            }
            // "a memorial service planned for Saturday was canceled": a participle with no
            // auxiliary names a plan, not when it falls.
            if x == Tense::Future
                && matches!(t[j].lex, Some(Lex::Word(W::Expected)))
                && ends_ed(text, &t[j])
                && j > 0
                && t[j - 1].kind == Kind::Word
                && t[j - 1].lex.is_none()
                && !word_in(
                    text,
                    &t[j - 1],
                    &["been", "be", "are", "were", "has", "have", "had"],
                )
                && t.get(j + 1).is_some_and(|n| {
                    matches!(n.lex, Some(Lex::Word(W::For | W::On | W::In)))
                        || word_in(text, n, &["at"])
                })
            {
                return Some((Tense::Unknown, false, j));
            }
            // "decided to admit them in early March": the decision is past, the thing
            // decided on may still be ahead, so the verb says nothing about the date.
            if x == Tense::Past && t[j].lex.is_none() && looks_ahead_verb(text, t, j) {
                return Some((Tense::Unknown, false, j));
            }
            let weak = matches!(t[j].lex, Some(Lex::Word(W::Until | W::Through)));
            return Some((x, weak, j));
        }
    }
    None
}

/// Earlier in the sentence, a reporting period longer than a quarter ("For the nine
/// months, net rose ... a year earlier"): what is compared with it is that period a year
/// back, which no quarter names.
fn long_period(t: &[Tok], s: usize) -> bool {
    let mut j = s;
    let lo = s.saturating_sub(70);
    while j > lo + 1 {
        j -= 1;
        if sentence_end(t, j) || t[j + 1].nl {
            return false;
        }
        if matches!(t[j].lex, Some(Lex::Units(lexicon::Unit::Month))) {
            let n = match (t[j - 1].kind, t[j - 1].lex) {
                (Kind::Num, _) => t[j - 1].num,
                (_, Some(Lex::Num(n))) => n,
                _ => 0,
            };
            if (4..12).contains(&n) {
                return true;
            }
        }
    }
    false
}

/// A past verb of deciding or promising followed by "to": what it governs is later than
/// the verb ("agreed to meet", "vowed to return").
fn looks_ahead_verb(text: &str, t: &[Tok], j: usize) -> bool {
    const VERBS: [&str; 14] = [
        "agreed",
        "decided",
        "voted",
        "promised",
        "pledged",
        "vowed",
        "threatened",
        "offered",
        "hoped",
        "wanted",
        "intended",
        "proposed",
        "aimed",
        "prepared",
    ];
    matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To)))
        && word_in(text, &t[j], &VERBS)
}

/// A past-tense verb right before the phrase, or before its preposition: "left on
/// Sept. 12", "was killed March 3", "died in May".
fn bound_past(text: &str, t: &[Tok], s: usize) -> bool {
    let mut j = s;
    if j > 0 && matches!(t[j - 1].lex, Some(Lex::Word(W::On | W::In))) {
        j -= 1;
    }
    if j == 0 || t[j].nl {
        return false;
    }
    let v = j - 1;
    if marker(t, v) != Some(Tense::Past) || matches!(t[v].lex, Some(Lex::Word(W::Ended))) {
        return false;
    }
    // "to be published in", "should be paid on": a participle after "be" is no past.
    let be = v > 0 && is_be(text, &t[v - 1]);
    // "will be held on", "would have ended in": not past after an auxiliary.
    !be && !matches!(tense_before(text, t, v + 1), Some((Tense::Future, _)))
}

fn is_be(text: &str, t: &Tok) -> bool {
    word_in(text, t, &["be", "being"])
}

/// Token `t` ends in "-ed" ("planned", "scheduled"), whatever the lexicon says of it.
fn ends_ed(text: &str, t: &Tok) -> bool {
    text.get(t.start..t.end).is_some_and(|w| w.ends_with("ed"))
}

/// Token `t` is one of `words` (ASCII case ignored).
fn word_in(text: &str, t: &Tok, words: &[&str]) -> bool {
    text.get(t.start..t.end)
        .is_some_and(|w| words.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

fn sentence_end(t: &[Tok], j: usize) -> bool {
    let tk = &t[j];
    if tk.kind != Kind::Punct {
        return false;
    }
    match tk.ch {
        b'!' | b'?' | b';' => true,
        b'.' => {
            // "$18.9 million", "U.S.": a period with no space after it ends nothing.
            // "Ala., killed": nor does an abbreviation's period before a comma.
            if t.get(j + 1)
                .is_some_and(|n| !n.sp && !n.nl && (n.kind != Kind::Punct || n.ch == b','))
            {
                return false;
            }
            // "Sept." and initials are not sentence ends.
            let prev_abbr = j > 0
                && match t[j - 1].lex {
                    Some(Lex::MonthAbbr(_) | Lex::WeekdayAbbr(_)) => true,
                    _ => t[j - 1].kind == Kind::Word && t[j - 1].len() <= 2,
                };
            !prev_abbr
        }
        _ => false,
    }
}

fn marker(t: &[Tok], j: usize) -> Option<Tense> {
    let tk = &t[j];
    if tk.kind != Kind::Word {
        return None;
    }
    match tk.lex {
        // "plan"/"plans" only as a verb ("plans to"), not the noun ("a cooperation plan")
        Some(Lex::Word(W::Expected))
            if tk.len() <= 5
                && !matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To))) =>
        {
            None
        }
        Some(Lex::Word(W::Will | W::Would | W::Shall | W::Ll | W::Going | W::Expected)) => {
            Some(Tense::Future)
        }
        // "is to resume", "are to meet": an arrangement; "were planning to drive"
        Some(Lex::Word(W::Is | W::Planning)) => {
            matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To)))
                .then_some(Tense::Future)
        }
        Some(Lex::Word(W::Sched)) => Some(Tense::Future),
        Some(Lex::Word(W::Was | W::Said)) => Some(Tense::Past),
        // "the quarter ended Sept. 30" (but not "ending")
        Some(Lex::Word(W::Ended)) if tk.len() == 5 => Some(Tense::Past),
        // "as soon as Tuesday", "as early as next week", "until 9 a.m. Tuesday"
        Some(Lex::Word(W::Soon | W::Until | W::Through)) => Some(Tense::Future),
        Some(Lex::Word(W::Early)) if j > 0 && t[j - 1].lex.is_none() && t[j - 1].len() == 2 => {
            Some(Tense::Future)
        }
        Some(_) => None,
        // "a still unspecified date", "the revised plan": an -ed adjective after an
        // article is no verb.
        None => (tk.ed
            && !tk.cap
            && !(j.saturating_sub(2)..j)
                .any(|k| matches!(t[k].lex, Some(Lex::Word(W::A | W::The)))))
        .then_some(Tense::Past),
    }
}
