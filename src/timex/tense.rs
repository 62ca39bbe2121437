//! The tense of the clause around a date phrase, read from the words near it: "will",
//! "expected", "plans to" look ahead; "was", "said" and -ed verbs look back. A date named
//! without its year or week ("on Wednesday", "in October") is placed before or after the
//! reference date by it. Also: whether a past verb governs the phrase directly ("died
//! March 3"), and whether the sentence reports on a period longer than a quarter.

use super::lexicon::{self, Lex, W};
use super::resolve::Tense;
use super::scan::{Kind, Tok};

/// Tense of the clause around tokens `s..e`: the nearest tense marker before the phrase in
/// the same sentence, else the nearest after it. "will", "'ll", "expected", "plans" mark
/// the future; "was", "had", "said" and -ed verbs the past.
pub(super) fn tense(text: &str, t: &[Tok], s: usize, e: usize) -> Tense {
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

/// The phrase opens its sentence ([`heads_sentence`]) and a comma follows.
fn fronted(t: &[Tok], s: usize, e: usize) -> bool {
    heads_sentence(t, s)
        && t.get(e)
            .is_some_and(|x| x.kind == Kind::Punct && x.ch == b',')
}

/// Tokens `a` and `b` (`a` before `b`) are in one sentence: no sentence end or line break
/// between them.
pub(super) fn same_sentence(t: &[Tok], a: usize, b: usize) -> bool {
    (a..b.min(t.len())).all(|j| !sentence_end(t, j) && (j == a || !t[j].nl))
}

/// The phrase at `s` opens its sentence, alone or after one of the prepositions that set an
/// event in a time, "in", "on", "by", "since", "during" ("In 2009, ...", "By March 2005 the
/// ...", "During 2010, ...").
pub(super) fn heads_sentence(t: &[Tok], s: usize) -> bool {
    let opens = |k: usize| k == 0 || t[k].nl || sentence_end(t, k - 1);
    opens(s)
        || (s > 0
            && matches!(
                t[s - 1].lex,
                Some(Lex::Word(W::In | W::On | W::By | W::Since | W::During))
            )
            && opens(s - 1))
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
        // 'McCurry on Friday: "I want to ...': a quotation is another clause, its verbs
        // not the date's.
        if t[j].kind == Kind::Punct && matches!(t[j].ch, b'"' | b'`') {
            break;
        }
        if let Some(x) = marker(text, t, j) {
            // "The vote is on Sunday" speaks for its own day alone.
            if copula_on_day(t, j) {
                j += 1;
                continue;
            }
            // "On Friday, the government planned to ...": -ed plan words after the date
            // are past verbs more often than future markers.
            if x == Tense::Future && ends_ed(text, &t[j]) {
                j += 1;
                continue;
            }
            // "set off on Thursday and is due to hit Fresno today": a schedule after the
            // date is often another clause's; "due to" speaks only for dates after it.
            if matches!(t[j].lex, Some(Lex::Word(W::Due)))
                && matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To)))
            {
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
        if let Some(x) = marker(text, t, j) {
            // A schedule verb speaks for a date right after it ("meet Monday"), not for
            // one further on ("to meet demand ... into the summer").
            // ("is due to visit on Monday": the verb after "due to" carries it further.)
            let due_to = matches!(t[j].lex, Some(Lex::Word(W::Due)))
                && matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To)));
            let reach = if due_to { 5 } else { 3 };
            if matches!(t[j].lex, Some(Lex::Word(W::Sched | W::Due))) && s - j > reach {
                continue;
            }
            // "The vote is on Sunday" speaks for that day alone.
            if copula_on_day(t, j) && s != j + 2 {
                continue;
            }
            // A timetable verb reaches over its object ("go to the polls on Sunday").
            if x == Tense::Future && t[j].lex.is_none() && s - j > TIMETABLE_REACH {
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
                // ("should be completed", "may be delayed"; not "should have been")
                let aux = (j.saturating_sub(3)..j).any(|k| match t[k].lex {
                    Some(Lex::Word(W::Will | W::Shall | W::Ll)) => true,
                    Some(Lex::Word(W::Would)) => {
                        !(k + 1..j).any(|h| word_in(text, &t[h], &["have"]))
                    }
                    _ if is_modal(&t[k]) => {
                        !(k + 1..j).any(|h| matches!(t[h].lex, Some(Lex::Word(W::Have))))
                    }
                    _ => false,
                });
                if aux {
                    return Some((Tense::Future, false, j));
                }
            }
            // "to be published in", "going to be left", "is to be held": a participle
            // after the bare "be" is passive and the clause not past ("have been" and
            // "being" are other forms), except after "could not" ("could not be reached
            // for comment on Tuesday").
            if x == Tense::Past && j > 0 && word_in(text, &t[j - 1], &["be"]) {
                let could_not = (j.saturating_sub(5)..j - 1)
                    .any(|k| word_in(text, &t[k], &["could", "couldn"]))
                    && (j.saturating_sub(4)..j - 1).any(|k| word_in(text, &t[k], &["not", "t"]));
                if !could_not {
                    return Some((Tense::Future, false, j));
                }
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
            if x == Tense::Past && t[j].lex.is_none() && looks_ahead_verb(text, t, j, s) {
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
pub(super) fn long_period(t: &[Tok], s: usize) -> bool {
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
/// the verb ("agreed to meet", "vowed to return"). When the verb's own date sits between
/// them ("agreed on Thursday to carry out ... in January"), the "to" still governs what
/// follows it; not the phrase at `s` itself ("decided in March to close": March is when).
fn looks_ahead_verb(text: &str, t: &[Tok], j: usize, s: usize) -> bool {
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
    if !word_in(text, &t[j], &VERBS) {
        return false;
    }
    if matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To))) {
        return true;
    }
    // A short adverbial between the verb and its "to" (a date, "in a statement"), with no
    // other verb or sentence end in it.
    (j + 2..(j + 6).min(s)).any(|k| {
        matches!(t[k].lex, Some(Lex::Word(W::To)))
            && (j + 1..k).all(|h| !sentence_end(t, h) && !t[h].nl && marker(text, t, h).is_none())
    })
}

/// A past-tense verb right before the phrase, or before its preposition: "left on
/// Sept. 12", "was killed March 3", "died in May".
pub(super) fn bound_past(text: &str, t: &[Tok], s: usize) -> bool {
    let mut j = s;
    if j > 0 && matches!(t[j - 1].lex, Some(Lex::Word(W::On | W::In))) {
        j -= 1;
    }
    if j == 0 || t[j].nl {
        return false;
    }
    let v = j - 1;
    if marker(text, t, v) != Some(Tense::Past) || matches!(t[v].lex, Some(Lex::Word(W::Ended))) {
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

/// "should", "must", "might", "can", lowercase "may".
fn is_modal(t: &Tok) -> bool {
    match t.lex {
        Some(Lex::Word(W::Modal)) => true,
        Some(Lex::Month(5)) => !t.cap,
        _ => false,
    }
}

fn marker(text: &str, t: &[Tok], j: usize) -> Option<Tense> {
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
            (matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To)))
                || copula_on_day(t, j))
            .then_some(Tense::Future)
        }
        Some(Lex::Word(W::Sched)) => Some(Tense::Future),
        // "results are due Friday", "due out on Thursday": a date that is scheduled; "was
        // due" looks back, "due to" gives a cause
        Some(Lex::Word(W::Due)) => {
            if matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::To))) {
                scheduled_due_to(text, t, j).then_some(Tense::Future)
            } else if j > 0 && matches!(t[j - 1].lex, Some(Lex::Word(W::Was))) {
                Some(Tense::Past)
            } else {
                Some(Tense::Future)
            }
        }
        Some(Lex::Word(W::Was | W::Said)) => Some(Tense::Past),
        // "the quarter ended Sept. 30" (but not "ending")
        Some(Lex::Word(W::Ended)) if tk.len() == 5 => Some(Tense::Past),
        // "as soon as Tuesday", "as early as next week", "until 9 a.m. Tuesday"
        Some(Lex::Word(W::Soon | W::Until | W::Through)) => Some(Tense::Future),
        Some(Lex::Word(W::Early)) if j > 0 && t[j - 1].lex.is_none() && t[j - 1].len() == 2 => {
            Some(Tense::Future)
        }
        Some(_) => None,
        // "The court rules on Friday", "Voters go to the polls on Sunday": a present-tense
        // verb of a scheduled act.
        None if timetable_present(text, t, j) => Some(Tense::Future),
        // "a still unspecified date", "the revised plan": an -ed adjective after an
        // article is no verb; "the talks collapsed in May" is (`subject_verb`).
        None => (tk.ed
            && !tk.cap
            && (!(j.saturating_sub(2)..j)
                .any(|k| matches!(t[k].lex, Some(Lex::Word(W::A | W::The))))
                || subject_verb(t, j)))
        .then_some(Tense::Past),
    }
}

/// "is due to visit", "are due to meet": "due to" after "is"/"are" and before a bare
/// word (a verb) schedules; "is due to the snow", "due to high demand" give a cause.
fn scheduled_due_to(text: &str, t: &[Tok], j: usize) -> bool {
    let copula = j > 0 && matches!(t[j - 1].lex, Some(Lex::Word(W::Is)));
    let Some(v) = t.get(j + 2) else {
        return false;
    };
    let word = text.get(v.start..v.end).unwrap_or("");
    copula
        && v.kind == Kind::Word
        && !v.cap
        && v.lex.is_none()
        && !v.ed
        && !word.ends_with("ing")
        && !word_in(text, v, &DUE_NOT_VERB)
}

/// How far before a date a timetable verb speaks for it (tokens): "go to the polls on
/// Sunday", "votes on the bill on Tuesday".
const TIMETABLE_REACH: usize = 5;

/// Verbs of acts that are put on a timetable, as (present plural, present singular): in
/// news a present-tense one with a weekday or month reads forward ("Parliament reconvenes
/// in September", "The court rules on Friday", "He faces sentencing in March"), while
/// verbs of reporting in the present ("Police say the man died on Sunday") are not here.
/// ("meet", "resume", "opens", ... are `W::Sched` in the lexicon already.)
const TIMETABLE: [(&str, &str); 27] = [
    ("go", "goes"),
    // round 12: the ends and openings of scheduled events ("The conference ends on
    // Sunday", "Voting closes on Friday", "Talks continue on Monday", "The film premieres
    // on Friday", "Polls open on Sunday"; "opens", "begins" are `W::Sched`)
    ("end", "ends"),
    ("close", "closes"),
    ("finish", "finishes"),
    ("continue", "continues"),
    ("premiere", "premieres"),
    ("open", "opens"),
    ("begin", "begins"),
    ("vote", "votes"),
    ("rule", "rules"),
    ("reconvene", "reconvenes"),
    ("convene", "convenes"),
    ("face", "faces"),
    ("play", "plays"),
    ("travel", "travels"),
    ("fly", "flies"),
    ("head", "heads"),
    ("start", "starts"),
    ("host", "hosts"),
    ("appear", "appears"),
    ("testify", "testifies"),
    ("stand", "stands"),
    ("take", "takes"),
    ("hold", "holds"),
    ("expire", "expires"),
    ("kick", "kicks"),
    ("launch", "launches"),
];

/// The tense of tokens `s..e` comes from a timetable verb (`timetable_present`): the
/// nearest tense marker before the phrase, or failing one the first after it in its
/// sentence, is one. A day so scheduled may be the day of writing itself ("Iranians vote
/// on Friday" in Friday's paper), which a future verb ("will vote on Friday") rules out.
pub(super) fn timetable(text: &str, t: &[Tok], s: usize, e: usize) -> bool {
    if let Some((x, _, j)) = marker_before(text, t, s, NEAR_BACK) {
        return x == Tense::Future
            && ((t[j].lex.is_none() && timetable_present(text, t, j)) || copula_on_day(t, j));
    }
    let hi = (e + 30).min(t.len());
    for j in e..hi {
        if t[j].nl || sentence_end(t, j) {
            return false;
        }
        if marker(text, t, j).is_some() {
            return timetable_present(text, t, j);
        }
    }
    false
}

/// `copula_on_day`: "The vote is on Sunday", "The finals are on Saturday": a present "is" or
/// "are" that puts something on a named weekday places a scheduled event, which is ahead
/// (or today); what has happened is told in the past ("was on Sunday").
fn copula_on_day(t: &[Tok], j: usize) -> bool {
    matches!(t[j].lex, Some(Lex::Word(W::Is)))
        && matches!(t.get(j + 1).and_then(|n| n.lex), Some(Lex::Word(W::On)))
        && t.get(j + 2)
            .is_some_and(|d| d.cap && matches!(d.lex, Some(Lex::Weekday(_))))
}

/// Token `j` is a timetable verb (`TIMETABLE`) in the present tense with its subject right
/// before it at the start of a clause: a pronoun ("He faces"), a name ("Parliament
/// reconvenes", "Prime Minister Sharif travels"), or a noun after an article or alone
/// ("The court rules", "The two leaders meet", "Voters go"). The plural form needs a
/// plural subject ("Voters go"; "to go", "did not go" are no present tense), and neither
/// form is read where the word is a plural noun ("introduced new rules on Friday" has no
/// subject before "rules" at a clause start).
fn timetable_present(text: &str, t: &[Tok], j: usize) -> bool {
    // Asked of every unknown word before a date: the cheap token tests first, and the
    // spelling compared without making a lower-case copy (the listed forms are lower case).
    if j == 0 || t[j].cap {
        return false;
    }
    let Some(w) = text.get(t[j].start..t[j].end) else {
        return false;
    };
    let Some(&(plural_form, _)) = TIMETABLE
        .iter()
        .find(|&&(p, s)| w.eq_ignore_ascii_case(p) || w.eq_ignore_ascii_case(s))
    else {
        return false;
    };
    let plural = w.eq_ignore_ascii_case(plural_form);
    let prev = &t[j - 1];
    if prev.kind != Kind::Word || prev.lex.is_some() {
        return false;
    }
    let pronoun = if plural {
        ["they", "we"].as_slice()
    } else {
        ["he", "she", "it"].as_slice()
    };
    if word_in(text, prev, pronoun) {
        return clause_start(text, t, j - 1);
    }
    if word_in(
        text,
        prev,
        &["he", "she", "it", "they", "we", "i", "you", "who", "that"],
    ) {
        return false;
    }
    let head = text.get(prev.start..prev.end).unwrap_or("");
    if plural && !prev.cap && !head.ends_with('s') {
        return false;
    }
    // Walk back over the subject: names, or up to two lowercase words after an article.
    let article = |k: usize| word_in(text, &t[k], &["the", "a", "an"]);
    let mut k = j - 1;
    if prev.cap {
        while k > 0
            && k + 4 > j
            && t[k - 1].kind == Kind::Word
            && t[k - 1].cap
            && t[k - 1].lex.is_none()
            && !t[k].nl
        {
            k -= 1;
        }
        if k > 0 && article(k - 1) && !t[k].nl {
            k -= 1;
        }
        return clause_start(text, t, k);
    }
    if clause_start(text, t, k) {
        return true;
    }
    let plain =
        |x: &Tok| (x.kind == Kind::Word && x.lex.is_none() && !x.cap) || x.kind == Kind::Num;
    for _ in 0..2 {
        if k == 0 || t[k].nl {
            return false;
        }
        if article(k - 1) {
            return clause_start(text, t, k - 1);
        }
        if !plain(&t[k - 1]) && !matches!(t[k - 1].lex, Some(Lex::Num(_))) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Token `k` starts a clause: the text's or a line's start, after a sentence end, a comma,
/// colon or quotation mark, or after "that".
fn clause_start(text: &str, t: &[Tok], k: usize) -> bool {
    k == 0
        || t[k].nl
        || sentence_end(t, k - 1)
        || (t[k - 1].kind == Kind::Punct && matches!(t[k - 1].ch, b',' | b':' | b'"' | b'`'))
        || word_in(text, &t[k - 1], &["that"])
}

/// Words after "due to" that begin a noun phrase, not a verb.
const DUE_NOT_VERB: [&str; 14] = [
    "his", "her", "its", "their", "our", "my", "your", "an", "this", "these", "those", "high",
    "low", "poor",
];

/// "The talks collapsed in December", "the bank failed on Monday": an -ed word after an
/// article and one word is that noun's verb when a preposition, a date or the clause's
/// end follows it; an adjective ("a still unspecified date") has its noun after it.
fn subject_verb(t: &[Tok], j: usize) -> bool {
    let article = |k: usize| matches!(t[k].lex, Some(Lex::Word(W::A | W::The)));
    if j < 2
        || article(j - 1)
        || !article(j - 2)
        || t[j - 1].kind != Kind::Word
        || t[j - 1].lex.is_some()
    {
        return false;
    }
    t.get(j + 1).is_some_and(|n| match (n.kind, n.lex) {
        (Kind::Punct, _) => matches!(n.ch, b',' | b'.'),
        (
            _,
            Some(
                Lex::Word(W::In | W::On | W::At | W::Since | W::Until | W::During | W::Over)
                | Lex::Weekday(_)
                | Lex::Month(_)
                | Lex::MonthAbbr(_),
            ),
        ) => true,
        _ => false,
    })
}

/// Table rows: (reference date or "", text, the expressions tagged as "phrase=VALUE"
/// joined by " | "; ranges "phrase=START..END"; counted amounts "phrase=DURATION->DATE";
/// "" for nothing). Run by `timex::tests::table`.
#[cfg(test)]
pub(crate) const ROWS: &[crate::timex::tests::Row] = &[
    // fronted: "during" opens a sentence's time phrase as "in" does (heads_sentence; round 10)
    (
        "2013-09-10",
        "During March, as the old town hall shuts its doors for a long spell of work on its roof, the council will move to the library.",
        "March=2014-03",
    ),
    // weekdays and tense (2023-09-14 is a Thursday)
    // timetable_present: a present-tense verb of a scheduled act reads forward, and a
    // weekday that is the day of writing is that day; a present verb of reporting, a
    // plural noun or a negated verb does not (issue 18, round 8)
    ("2023-09-14", "Voters go to the polls on Sunday.", "Sunday=2023-09-17"),
    ("2023-09-14", "On Sunday, voters go to the polls.", "Sunday=2023-09-17"),
    ("2023-09-14", "The court rules on Friday.", "Friday=2023-09-15"),
    ("2023-09-14", "He faces sentencing in March.", "March=2024-03"),
    ("2023-09-14", "Prime Minister Sharif travels to Kabul on Monday.", "Monday=2023-09-18"),
    ("2023-09-15", "Iranians vote on Friday.", "Friday=2023-09-15"),
    ("2023-09-15", "Iranians will vote on Friday.", "Friday=2023-09-22"),
    ("2023-09-14", "Police say the man died on Sunday.", "Sunday=2023-09-10"),
    ("2023-09-14", "The EU introduced new rules on Monday.", "Monday=2023-09-11"),
    ("2023-09-14", "Voters did not go to the polls on Sunday.", "Sunday=2023-09-10"),
    ("2023-09-14", "The minister resigned on Wednesday.", "Wednesday=2023-09-13"),
    // round 12: ends and openings of scheduled events; a present "is"/"are" putting an
    // event on a weekday (`copula_on_day`), the day of writing itself included; the past
    // copula, a possessive and the adjective "close" stay as they were
    ("2023-09-14", "The conference ends on Sunday.", "Sunday=2023-09-17"),
    ("2023-09-14", "Voting closes on Friday. Talks continue on Monday.", "Friday=2023-09-15 | Monday=2023-09-18"),
    ("2023-09-14", "The film premieres on Saturday. Polls open on Sunday.", "Saturday=2023-09-16 | Sunday=2023-09-17"),
    ("2023-09-14", "He arrived on Friday; the vote is on Monday.", "Friday=2023-09-08 | Monday=2023-09-18"),
    ("2023-09-14", "The vote is on Sunday.", "Sunday=2023-09-17"),
    ("2023-09-17", "The final is on Sunday.", "Sunday=2023-09-17"),
    ("2023-09-14", "The vote was on Sunday.", "Sunday=2023-09-10"),
    ("2023-09-14", "The focus is on Monday's vote.", "Monday=2023-09-11"),
    ("2023-09-14", "The race was close on Sunday.", "Sunday=2023-09-10"),
    // subject_verb: an -ed word after "the" and a noun is the noun's verb when a
    // preposition, a date or the clause's end follows; not an adjective before its noun
    ("2023-09-14", "The talks collapsed in December.", "December=2022-12"),
    ("2023-09-14", "In November, the bank failed.", "November=2022-11"),
    ("2023-09-14", "The council voted on Friday to close it.", "Friday=2023-09-08"),
    ("2023-09-14", "The storm passed Saturday.", "Saturday=2023-09-09"),
    ("2023-09-14", "A still unspecified date in December.", "December=2023-12"),
    ("2023-09-14", "The revised plan starts in December.", "December=2023-12"),
    ("2023-09-14", "The minister will resign on Wednesday.", "Wednesday=2023-09-20"),
    ("2023-09-14", "He said Monday that prices rose.", "Monday=2023-09-11"),
    ("2023-09-14", "It happened on Thursday.", "Thursday=2023-09-14"),
    ("2023-09-14", "They will meet on Thursday.", "Thursday=2023-09-21"),
    ("2023-09-14", "last Friday", "last Friday=2023-09-08"),
    ("2023-09-15", "last Friday", "last Friday=2023-09-08"),
    ("2023-09-14", "next Monday", "next Monday=2023-09-18"),
    ("2023-09-14", "this Monday", "this Monday=2023-09-11"),
    ("2023-09-14", "this Sunday", "this Sunday=2023-09-17"),
    ("2023-09-14", "Tuesday morning", "Tuesday morning=2023-09-12"),
    ("2023-09-14", "on Friday night", "Friday night=2023-09-08"),
    // "planning to" looks ahead; the noun "planning" says nothing
    ("2023-09-14", "Protesters were planning to drive to the airport on Monday.", "Monday=2023-09-18"),
    ("2023-09-14", "The planning board Monday approved the budget.", "Monday=2023-09-11"),
    // a past-form verb inside "as soon as" still looks ahead
    ("2023-09-14", "It will buy shares as soon as trading opened Monday.", "Monday=2023-09-18"),
    ("2023-09-14", "He was hired Monday.", "Monday=2023-09-11"),
    // months without a year, by tense
    ("2023-09-14", "The law passed in March.", "March=2023-03"),
    ("2023-09-14", "The vote will be held in March.", "March=2024-03"),
    ("2023-09-14", "in December", "December=2023-12"),
    ("2024-01-10", "in December", "December=2023-12"),
    ("2024-01-10", "It rained in November.", "November=2023-11"),
    ("2023-09-14", "on Sept. 30", "Sept. 30=2023-09-30"),
    ("2023-12-28", "on Jan. 3", "Jan. 3=2024-01-03"),
    // "until"/"through" look ahead unless the verb before them is past, and not one that
    // puts things off; "ago" counts from the reference date even after a quarter
    ("2012-11-08", "He stayed until Sunday.", "Sunday=2012-11-04"),
    ("2012-11-08", "The hearing was postponed until Tuesday.", "Tuesday=2012-11-13"),
    ("2012-11-08", "The offer is valid until Friday.", "Friday=2012-11-09"),
    ("2012-11-08", "The forum runs through Sunday.", "Sunday=2012-11-11"),
    ("2012-11-08", "A bomb ripped through an office building in the capital Monday morning.", "Monday morning=2012-11-05"),
    ("2012-11-08", "The deal will close in the first quarter of 2013. The company was founded 25 years ago.", "the first quarter of 2013=2013-Q1 | 25 years ago=1987"),
    // tense: a plan named by a bare participle, and a fronted date with a far verb
    ("2023-10-22", "A rally planned for Saturday was called off after threats.", "Saturday=2023-10-21"),
    ("2023-10-22", "The team planned to leave on Thursday for the coast.", "Thursday=2023-10-26"),
    ("2023-10-25", "In January, a month after the 50th anniversary of the Main St. bridge opening, a flood in Dover, Del., destroyed it.", "January=2023-01 | a month=P1M"),
    // a past verb that governs a day stated without a year: what happened, not a plan
    ("2024-06-20", "He left on Sept. 12. She died Sept. 12.", "Sept. 12=2023-09-12 | Sept. 12=2023-09-12"),
    ("2024-06-20", "The board declared a dividend payable Sept. 12. The rules, to be published in September, are strict.", "Sept. 12=2024-09-12 | September=2024-09"),
    ("2024-06-20", "It will be held on Sept. 12. It was held on June 19.", "Sept. 12=2024-09-12 | June 19=2024-06-19"),
    ("2024-06-20", "He leaves the day after tomorrow; she left the day before yesterday.", "the day after tomorrow=2024-06-22 | the day before yesterday=2024-06-18"),
    ("2024-06-20", "Sales rose in H1 2024 and fell in H2 of 2023. The H1N1 strain and an H1 visa.", "H1 2024=2024-H1 | H2 of 2023=2023-H2"),
    ("2024-06-20", "Profit fell in FY2023 and will rise in FY25; FY 2022 was flat.", "FY2023=2023 | FY25=2025 | FY 2022=2022"),
    // a just-closed quarter stays in its year even in future tense
    ("1989-10-26", "The company plans to restructure in the wake of a third-quarter loss.", "third-quarter=1989-Q3"),
    ("1989-10-26", "It will report first-quarter results next week.", "first-quarter=1990-Q1 | next week=1989-W44"),
    // "decided to admit ... in March": the decision is past, its object need not be
    ("1999-02-10", "NATO has decided to admit Poland in early March, an official said.", "early March=1999-03"),
    ("1999-02-10", "NATO admitted Poland in early March.", "early March=1998-03"),
    // a plan in the past perfect was for a day now past
    ("1989-11-01", "The offer previously had been scheduled to expire at midnight Friday.", "midnight Friday=1989-10-27T24:00"),
    ("1989-11-01", "The offer is scheduled to expire at midnight Friday.", "midnight Friday=1989-11-03T24:00"),
    // a past verb far back in a long sentence still sets the tense
    ("1998-02-13", "It said two new flights would leave Bombay on Monday and Tuesday nights from March 30, with the third departing each Thursday from August 6.", "Monday=XXXX-WXX-1TNI | Tuesday nights=XXXX-WXX-2TNI | March 30=1998-03-30 | each Thursday=XXXX-WXX-4 | August 6=1998-08-06"),
    // a participle after a modal looks ahead, unless "have" makes it past (issue 18)
    ("2009-06-10", "The work should be completed in October.", "October=2009-10"),
    ("2009-06-10", "The rules may be introduced in March, he said.", "March=2010-03"),
    ("2011-04-08", "A shutdown can be averted on Saturday.", "Saturday=2011-04-09"),
    ("2009-06-10", "It should have been finished in March.", "March=2009-03"),
    // a verb of deciding with its own date before its "to": what follows the "to" may be
    // ahead; the verb's own date is not (issue 18, round 2)
    ("2009-11-20", "European leaders agreed on Thursday to carry out a joint programme of spending cuts, starting in January.", "Thursday=2009-11-19 | January=2010-01"),
    ("2009-11-20", "Ministers decided on Tuesday to close the plant in March.", "Tuesday=2009-11-17 | March=2010-03"),
    ("2009-11-20", "The central bank voted on Wednesday to keep rates on hold until March.", "Wednesday=2009-11-18 | March=2010-03"),
    ("2009-11-20", "Ministers decided in March to close the plant.", "March=2009-03"),
    // verbs of intention in the present look ahead, with "to" only
    ("2009-11-20", "The firm announced on Monday that it intends to cut jobs in February.", "Monday=2009-11-16 | February=2010-02"),
    ("2009-11-20", "The lender said it aims to raise rates again in June.", "June=2010-06"),
    ("2009-11-20", "Its aim was reached in June.", "June=2009-06"),
    // a quotation after the date is another clause: its verbs do not place the date
    ("2009-11-21", "Brown on Friday: \"We want to finish the job.\"", "Friday=2009-11-20"),
    ("2009-11-21", "On Friday, Brown will finish the job.", "Friday=2009-11-27"),
    // an -ed word right after an article is an adjective, not a past verb
    ("2009-11-20", "A newly elected council takes office in March.", "March=2010-03"),
    // the error classes named for modern wire and business news, already read right
    ("2009-11-20", "The company plans to open a store in March.", "March=2010-03"),
    ("2009-11-20", "The bank is set to announce results in February.", "February=2010-02"),
    ("2009-11-20", "He said the deal would close by March.", "March=2010-03"),
    ("2010-09-14", "WASHINGTON, Sept 14 (Reuters) - The Fed said on Tuesday that rates would stay low.", "Sept 14=2010-09-14 | Tuesday=2010-09-14"),
    ("2010-09-14", "The talks ended on Tuesday afternoon, and resume at 0800 GMT on Monday.", "Tuesday afternoon=2010-09-14TAF | 0800 GMT on Monday=2010-09-20T08:00Z"),
    ("2010-09-14", "Officials met on Monday evening and again at 9 a.m. ET on Tuesday.", "Monday evening=2010-09-13TEV | 9 a.m. ET on Tuesday=2010-09-14T09:00-04:00"),
    ("2009-11-20", "Growth should return by mid-2010, and the vote is due early next year.", "mid-2010=2010 | early next year=2010"),
    // "due" names a scheduled date; "was due" may have passed; "due to" is a cause (round 6)
    ("2010-10-20", "Third-quarter results are due Friday; the jobs report is due out on Thursday.", "Third-quarter=2010-Q3 | Friday=2010-10-22 | Thursday=2010-10-21"),
    ("2010-10-20", "The payment was due Monday. Flights were cancelled due to fog Monday.", "Monday=2010-10-18 | Monday=2010-10-18"),
    // scheduled_due_to: "is/are due to" before a bare verb schedules; before a noun it is
    // a cause (2010-10-20 is a Wednesday)
    ("2010-10-20", "The prime minister is due to visit on Monday.", "Monday=2010-10-25"),
    ("2010-10-20", "The tour set off on Monday and is due to end in Rome.", "Monday=2010-10-18"),
    ("2010-10-20", "The treaty is due to expire in March.", "March=2011-03"),
    ("2010-10-20", "The two leaders are due to meet Friday.", "Friday=2010-10-22"),
    ("2010-10-20", "The delay on Monday is due to the snow.", "Monday=2010-10-18"),
    ("2010-10-20", "Sales fell in March, which is due to high prices.", "March=2010-03"),
    ("2009-11-20", "He resigned late last month; talks will continue in the coming weeks.", "late last month=2009-10 | the coming weeks=PXW"),
    ("2010-09-14", "Shares fell this week after rising last week.", "this week=2010-W37 | last week=2010-W36"),
    ("2009-11-20", "Sales fell in the third quarter of 2009, and first-half profit rose; profit will rise in fiscal 2011.", "the third quarter of 2009=2009-Q3 | first-half=2009-H1 | fiscal 2011=2011"),
];
