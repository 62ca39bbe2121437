//! A small clause analysis of one English news sentence: who did what. Finds the finite verb
//! groups, picks the one that governs a given span (an event's date phrase), and returns its
//! subject, verb (base form, tense, voice, negation) and key object, with byte ranges into the
//! sentence. Reporting verbs ("said", "told") point to the clause they report.
//!
//! Rule-based and lexicon-driven (closed word classes and common news verbs in
//! [`lexicon`]; other words by their endings): no statistical tagger, so it is fast (one
//! pass over the tokens), deterministic, and explainable. It is built for the captions
//! (`caption`) and for grouping events by who/what/when; it also tells whether a date sits in
//! the main clause or in an aside ([`is_aside`]) for salience.
//!
//! Input may be ordinary prose or pre-tokenised text ("Egypt 's", "said , adding"): tokens are
//! found by character class, so both read the same.

pub(crate) mod forms;
pub(crate) mod lexicon;
#[cfg(test)]
mod tests;

use forms::VerbForm;
use lexicon::*;
use smol_str::SmolStr;
use std::borrow::Cow;
use std::ops::Range;

/// Coarse word class of a token, from the closed classes and the word's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// An open-class word (noun, verb, adjective): decided in context.
    Word,
    /// A capitalised word inside the sentence (a name), or a name at its start.
    Proper,
    Number,
    Det,
    Prep,
    /// "after", "because", "while", ...: may open a subordinate clause.
    Sub,
    /// "who", "which", "whom", "whose".
    Rel,
    Pron,
    Modal,
    Be,
    Have,
    Do,
    Adv,
    /// "not", "n't", "never".
    Neg,
    To,
    That,
    /// "and", "or", "but", "nor".
    And,
    /// A possessive "'s" or "’s".
    Poss,
    Comma,
    /// ";", ":", a dash.
    Break,
    Open,
    Close,
    Quote,
    /// ".", "!", "?".
    End,
    /// Part of a date phrase.
    Date,
    Other,
}

/// One token: its byte range in the sentence, lower-case text and tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    /// The token's text in lower case, "’" as "'" (held inline: most words are short).
    pub lower: SmolStr,
    pub tag: Tag,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

/// The tense a verb group expresses, as far as a headline needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Time {
    Past,
    Present,
    /// "will", "shall", "is going to", "would" in reported speech.
    Future,
    /// Another modal ("could", "may", "must", ...), kept as written.
    Modal,
}

/// A clause: subject, verb group and key object, as byte ranges into the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub subject: Option<Range<usize>>,
    /// The verb group as written ("has been arrested", "will not sign").
    pub verb: Range<usize>,
    /// The main verb as written ("signed" in "was signed").
    pub main_verb: Range<usize>,
    /// Base form of the main verb ("arrest", "sign"; "be" for a copula).
    pub lemma: String,
    pub time: Time,
    /// The modal as written when `time` is `Modal` ("could").
    pub modal: Option<String>,
    pub passive: bool,
    pub negated: bool,
    /// The subject's number as the verb spells it ("are", "have", "start" plural; "is",
    /// "has", "starts" singular); `None` where English shows none ("signed", "will sign").
    pub plural: Option<bool>,
    /// The particle of a phrasal verb ("down" in "stepped down").
    pub particle: Option<String>,
    /// The key object: a noun phrase, an infinitive ("to pay a fine"), or, for a verb with
    /// no object, its first prepositional phrase ("in Russia", "as chairman").
    pub object: Option<Range<usize>>,
    /// For a verb of saying, the clause it reports ("Russia will sign the treaty").
    pub reported: Option<Box<Clause>>,
}

impl Clause {
    /// Is the main verb one of saying (its news is what it reports)?
    pub fn is_reporting(&self) -> bool {
        REPORTING.contains(&self.lemma.as_str())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
/// Splits a sentence into tokens: words (with inner hyphens, dots and apostrophes, "U.S.",
/// "al-Assad", "O'Brien"), a possessive "'s" and a negating "n't" apart, and punctuation one
/// mark at a time. `dates` are byte ranges of date phrases: tokens inside them are tagged
/// [`Tag::Date`].
pub fn tokens(s: &str, dates: &[Range<usize>]) -> Vec<Token> {
    let mut out = lex(s);
    tag_all(&mut out, dates);
    out
}

/// The tokens of `s` before tagging (every tag [`Tag::Other`]).
fn lex(s: &str) -> Vec<Token> {
    let mut raw: Vec<Range<usize>> = Vec::new();
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < cs.len() {
        let (at, c) = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) || c == '$' || c == '£' || c == '€' {
            let mut j = i + 1;
            while j < cs.len() {
                let c = cs[j].1;
                let joins = matches!(c, '-' | '.' | '\'' | '’' | ',')
                    && j + 1 < cs.len()
                    && is_word_char(cs[j + 1].1)
                    // "3,000" and "3.5" keep their comma or dot; words keep dots only
                    // inside abbreviations ("U.S.").
                    && (c != ',' || (cs[j - 1].1.is_ascii_digit() && cs[j + 1].1.is_ascii_digit()));
                if is_word_char(c) || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            // An abbreviation keeps its final dot ("U.S.", "Mr."): a single letter or
            // letters with inner dots before it.
            let end_byte = cs.get(j).map_or(s.len(), |x| x.0);
            let word = &s[at..end_byte];
            if j < cs.len()
                && cs[j].1 == '.'
                && (word.contains('.')
                    || HONORIFICS.contains(&format!("{}.", word.to_lowercase()).as_str()))
            {
                j += 1;
            }
            let end_byte = cs.get(j).map_or(s.len(), |x| x.0);
            split_clitics(s, at..end_byte, &mut raw);
            i = j;
            continue;
        }
        // "'s" written apart ("Egypt 's") and a lone "n't".
        if (c == '\'' || c == '’') && i + 1 < cs.len() && is_word_char(cs[i + 1].1) {
            let mut j = i + 1;
            while j < cs.len() && is_word_char(cs[j].1) {
                j += 1;
            }
            let end_byte = cs.get(j).map_or(s.len(), |x| x.0);
            let w = s[at..end_byte].to_lowercase();
            if matches!(
                &w[c.len_utf8()..],
                "s" | "re" | "ve" | "ll" | "d" | "m" | "t"
            ) {
                raw.push(at..end_byte);
                i = j;
                continue;
            }
        }
        // Two hyphens are a dash.
        let mut j = i + 1;
        if c == '-' && j < cs.len() && cs[j].1 == '-' {
            j += 1;
        }
        let end_byte = cs.get(j).map_or(s.len(), |x| x.0);
        raw.push(at..end_byte);
        i = j;
    }
    join_bound_prefixes(s, &mut raw);
    raw.into_iter()
        .map(|r| {
            let text = &s[r.clone()];
            let mut buf = [0u8; 23];
            let mut lower = crate::lowercase::lowercase(text, &mut buf);
            if lower.contains('’') {
                lower = Cow::Owned(lower.replace('’', "'"));
            }
            // (Only a joined bound prefix holds a space: most tokens skip the search.)
            if lower.contains(' ') && lower.contains(" - ") {
                lower = Cow::Owned(lower.replace(" - ", "-"));
            }
            let cap = text.chars().next().is_some_and(char::is_uppercase);
            Token {
                range: r,
                tag: Tag::Other,
                lower: SmolStr::new(lower),
                cap,
            }
        })
        .collect()
}

/// Prefixes that are never words on their own: "re - elected", "co - founder", "ex -
/// minister" (a hyphen written apart in pre-tokenised text) are one word, whatever follows
/// ("mid" is left out: in "mid - July" the date engine marks the month).
const BOUND_PREFIXES: &[&str] = &[
    "re", "co", "pre", "non", "anti", "ex", "semi", "multi", "pro", "inter", "vice",
];

/// Joins a bound prefix, a lone "-" and the word after it into one token, so that "is re -
/// elected" is read as "is re-elected" (the token's text keeps the spaces).
fn join_bound_prefixes(s: &str, raw: &mut Vec<Range<usize>>) {
    let mut i = 0;
    while i + 2 < raw.len() {
        // (ASCII case is all that can match: no other letter lowercases into a prefix.)
        let hyphen = &s[raw[i + 1].clone()] == "-";
        let prefix = hyphen
            && BOUND_PREFIXES
                .iter()
                .any(|p| s[raw[i].clone()].eq_ignore_ascii_case(p));
        // Not before a number or a date ("pre - 2008" stays apart).
        let word = s[raw[i + 2].clone()]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        if prefix && hyphen && word {
            raw[i] = raw[i].start..raw[i + 2].end;
            raw.drain(i + 1..i + 3);
        }
        i += 1;
    }
}

/// Splits "Kim's" into "Kim" + "'s" and "didn't" into "did" + "n't".
fn split_clitics(s: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let w = &s[r.clone()];
    // Every clitic has an apostrophe: most words need no lower-cased copy.
    if !w.contains(['\'', '’']) {
        out.push(r);
        return;
    }
    let lw = w.to_lowercase().replace('’', "'");
    if lw.len() > 3 && lw.ends_with("n't") {
        let cut = r.end - "n't".len() - (w.len() - lw.len());
        out.push(r.start..cut);
        out.push(cut..r.end);
        return;
    }
    for suffix in ["'s", "'re", "'ve", "'ll", "'d", "'m"] {
        if lw.len() > suffix.len() && lw.ends_with(suffix) {
            // The apostrophe may be a 3-byte "’".
            let apos = w[..w.len() - (suffix.len() - 1)]
                .char_indices()
                .last()
                .map_or(0, |(i, _)| i);
            out.push(r.start..r.start + apos);
            out.push(r.start + apos..r.end);
            return;
        }
    }
    out.push(r);
}

fn tag_all(toks: &mut [Token], dates: &[Range<usize>]) {
    tag_from(toks, dates, 0);
}

/// Tags `toks[from..]`. A token's tag depends on its own text and place in `dates`, the
/// text of its neighbours and the tags before it, never on the tags after it.
fn tag_from(toks: &mut [Token], dates: &[Range<usize>], from: usize) {
    let n = toks.len();
    for i in from..n {
        let t = &toks[i];
        let w = t.lower.as_str();
        let first = i == 0
            || matches!(
                toks[i - 1].tag,
                Tag::Quote | Tag::Open | Tag::Break | Tag::End
            );
        let tag = if dates
            .iter()
            .any(|d| t.range.start >= d.start && t.range.end <= d.end)
        {
            Tag::Date
        } else if w.chars().all(|c| !c.is_alphanumeric()) {
            match w {
                "," => Tag::Comma,
                // "Tung Chee - hwa" (pre-tokenised): a hyphen inside a name.
                "-" if joins_name(toks, i) => Tag::Other,
                ";" | ":" | "-" | "--" | "—" | "–" => Tag::Break,
                "(" | "[" => Tag::Open,
                ")" | "]" => Tag::Close,
                "\"" | "“" | "”" | "'" | "‘" | "«" | "»" => Tag::Quote,
                "." | "!" | "?" => Tag::End,
                _ => Tag::Other,
            }
        } else if w
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "$£€".contains(c))
        {
            Tag::Number
        } else if w == "'s" {
            // "'s" after a pronoun or before a participle is "is"/"has"; else possessive.
            // "Monday's meeting", "Kim's visiting delegation" are possessives; "he's
            // leaving", "the army's been" are verbs.
            let prev_common = i > 0 && !toks[i - 1].cap && toks[i - 1].tag != Tag::Date;
            let next_is_verbish = toks.get(i + 1).is_some_and(|t| {
                matches!(t.lower.as_str(), "been" | "not" | "going")
                    || (t.lower.ends_with("ing") && prev_common)
            });
            let after_pron = i > 0 && PRONOUNS.contains(&toks[i - 1].lower.as_str());
            if next_is_verbish || after_pron {
                Tag::Be
            } else {
                Tag::Poss
            }
        } else if w == "n't" || w == "not" || w == "never" {
            Tag::Neg
        } else if w == "to" {
            Tag::To
        } else if w == "that" {
            Tag::That
        } else if matches!(w, "and" | "or" | "but" | "nor" | "&") {
            Tag::And
        } else if is_date_word(toks, i) {
            Tag::Date
        } else {
            // The closed lists in `TAGGED_LISTS`' order: MODALS, BE, HAVE, DO, RELATIVES,
            // PRONOUNS, DETERMINERS, SUBORDINATORS, PREPOSITIONS, ADVERBS.
            let lists = closed_lists(w);
            let listed = |k: usize| lists & (1 << k) != 0;
            if listed(0) && !(t.cap && !first && w == "may") {
                Tag::Modal
            } else if listed(1) {
                Tag::Be
            } else if listed(2) {
                Tag::Have
            } else if listed(3) {
                Tag::Do
            } else if listed(4) {
                Tag::Rel
            } else if listed(5) {
                Tag::Pron
            } else if listed(6) {
                Tag::Det
            } else if listed(7) {
                Tag::Sub
            } else if listed(8) {
                Tag::Prep
            } else if listed(9) || (w.len() > 4 && w.ends_with("ly") && !t.cap) {
                Tag::Adv
            } else if t.cap && (!first || forms::verb_form(w, true).is_none()) {
                Tag::Proper
            } else {
                Tag::Word
            }
        };
        toks[i].tag = tag;
    }
}

/// Is the lone "-" at `i` a hyphen written apart ("Tung Chee - hwa", "eight - hour"): a
/// word before it and a lower-case word that is no function word or verb after?
fn joins_name(toks: &[Token], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| &toks[j]);
    let after = toks.get(i + 1);
    // "T - Mobile", "U - turn", "X - ray": a lone capital letter (other than "A" and "I",
    // which are words) never stands before a dash.
    let letter = before.is_some_and(|b| {
        b.cap && b.lower.chars().count() == 1 && b.lower.chars().all(char::is_alphabetic)
    }) && !before.is_some_and(|b| matches!(b.lower.as_str(), "a" | "i"));
    if letter && after.is_some_and(|a| a.lower.chars().all(char::is_alphanumeric)) {
        return true;
    }
    if before.is_some_and(|b| b.lower.chars().all(char::is_alphanumeric))
        && participle_compound(toks, i)
    {
        return true;
    }
    // "Tung Chee - hwa", "eight - hour", "anti - government": pre-tokenised hyphens.
    before.is_some_and(|b| b.lower.chars().all(char::is_alphanumeric))
        && after.is_some_and(|a| {
            let w = a.lower.as_str();
            !a.cap
                && w.len() <= 10
                && w.chars().all(char::is_alphabetic)
                && !is_function_word(w)
                && forms::verb_form(w, true).is_none()
        })
}

/// A closed-class word (determiner, preposition, subordinator, relative, pronoun, modal,
/// auxiliary) or a listed adverb: never the open-class word a name or a compound joins.
fn is_function_word(w: &str) -> bool {
    [
        DETERMINERS,
        PREPOSITIONS,
        SUBORDINATORS,
        RELATIVES,
        PRONOUNS,
        MODALS,
        BE,
        HAVE,
        DO,
        ADVERBS,
    ]
    .iter()
    .any(|l| l.contains(&w))
}

/// Is the lone "-" at `i` the hyphen of a compound adjective made with a past participle
/// ("the so - called report", "the Zuma - led committee", "a state - owned firm")? English
/// writes a participle glued to the word before it only in front of the noun it modifies;
/// a dash before a participle opens an aside that goes on with its own phrase ("the
/// rebels, backed by Rwanda, attacked" written with dashes), so the word after the
/// participle must be an open-class word, not a preposition, determiner or other function
/// word.
fn participle_compound(toks: &[Token], i: usize) -> bool {
    let Some(p) = toks.get(i + 1) else {
        return false;
    };
    let participle = !p.cap
        && p.lower.chars().all(char::is_alphabetic)
        && ![BE, HAVE, DO, MODALS]
            .iter()
            .any(|l| l.contains(&p.lower.as_str()))
        && matches!(
            forms::verb_form(&p.lower, false),
            Some((_, VerbForm::Past | VerbForm::Participle))
        );
    let Some(noun) = toks.get(i + 2) else {
        return false;
    };
    let w = noun.lower.as_str();
    // The modified word is no verb form or "-ly" adverb ("- were detained", "- elected
    // separately"): those go on an aside's own clause.
    let verbal = matches!(
        forms::verb_form(w, true),
        Some((_, VerbForm::Past | VerbForm::Participle | VerbForm::Third))
    ) || (w.len() > 4 && w.ends_with("ly"));
    participle
        && !verbal
        && w.chars().all(char::is_alphabetic)
        && !is_function_word(w)
        && !matches!(w, "and" | "or" | "but" | "to" | "that" | "not")
}

/// Weekday and relative day names, month names written with a capital (or before a
/// number), and "last week", "next month", "a year ago", "this morning".
fn is_date_word(toks: &[Token], i: usize) -> bool {
    let w = toks[i].lower.as_str();
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ];
    const UNITS: &[&str] = &[
        "week",
        "weekend",
        "month",
        "year",
        "morning",
        "evening",
        "afternoon",
        "night",
        "weeks",
        "months",
        "years",
        "days",
        "day",
    ];
    // month names and abbreviations ("sept.", "Jan"): the program's one month table
    let is_month = |w: &str| crate::calendar::month_number(w).is_some();
    if DAYS.contains(&w) || w == "weekend" {
        return true;
    }
    let next_num = toks
        .get(i + 1)
        .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()));
    if is_month(w) && (toks[i].cap || next_num) {
        return toks[i].cap || next_num;
    }
    let prev = |k: usize| i.checked_sub(k).map(|j| toks[j].lower.as_str());
    let next = toks.get(i + 1).map(|t| t.lower.as_str());
    if UNITS.contains(&w)
        && matches!(
            prev(1),
            Some("last" | "next" | "this" | "that" | "same" | "previous" | "following" | "coming")
        )
    {
        return true;
    }
    if matches!(
        w,
        "last" | "next" | "this" | "previous" | "following" | "coming"
    ) && next.is_some_and(|n| UNITS.contains(&n) || DAYS.contains(&n))
    {
        return true;
    }
    if w == "ago" {
        return true;
    }
    if UNITS.contains(&w) && next == Some("ago") {
        return true;
    }
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        // "12" after or before a month, a year on its own.
        let near_month = [prev(1), next].iter().any(|x| x.is_some_and(is_month))
            && toks
                .iter()
                .skip(i.saturating_sub(1))
                .take(3)
                .any(|t| t.cap && is_month(&t.lower));
        let year = w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"));
        return near_month
            || (year && matches!(prev(1), Some("in" | "since" | "until" | "of" | "by" | ",")));
    }
    false
}

/// A verb group: token indices `start..end`, the main verb's index, and what it expresses.
#[derive(Clone, Debug)]
struct Group {
    start: usize,
    end: usize,
    /// The main verb's token.
    main: usize,
    lemma: String,
    time: Time,
    modal: Option<String>,
    passive: bool,
    negated: bool,
}

/// Can the open-class word at `i` be a finite verb here? Past forms after a noun-like word,
/// "-s" forms of known verbs between a noun and what could be their object.
fn finite_word(toks: &[Token], i: usize) -> Option<(String, VerbForm)> {
    let t = &toks[i];
    if !matches!(t.tag, Tag::Word) {
        return None;
    }
    let prev = (0..i).rev().map(|j| &toks[j]).find(|p| p.tag != Tag::Adv);
    let subject_like = |p: &Token| {
        matches!(
            p.tag,
            Tag::Proper | Tag::Word | Tag::Pron | Tag::Number | Tag::Close | Tag::Quote
        ) || (p.tag == Tag::Date && p.lower != "last" && p.lower != "next")
            || matches!(p.lower.as_str(), "who" | "which" | "that")
    };
    // "Scholz, left, Rutte ...": where someone stands in a photograph, not who left.
    if in_position_aside(toks, i) {
        return None;
    }
    let (base, form) = forms::verb_form(&t.lower, false)?;
    // After "and" (a second verb of the same subject) or a comma (closing an appositive),
    // only a past or "-s" form reads as a verb.
    let coordinated = prev.is_some_and(|p| matches!(p.tag, Tag::And | Tag::Comma))
        && matches!(form, VerbForm::Past | VerbForm::Third);
    // A sentence does not open with a finite verb ("Lay stepped down": a name).
    let prev_ok = prev.is_some_and(subject_like) || coordinated;
    if !prev_ok || after_indefinite_name(toks, i) {
        return None;
    }
    match form {
        VerbForm::Past => {
            // "-ed" right after a determiner-less noun may be an adjective ("armed men"):
            // a following noun without a determiner reads as one.
            (!after_bare_nationality(toks, i)).then_some((base, form))
        }
        VerbForm::Third => {
            // "talks", "plans": a verb only between a subject and what can follow a verb.
            let next = toks.get(i + 1)?;
            let fits = matches!(
                next.tag,
                Tag::Det
                    | Tag::Proper
                    | Tag::Pron
                    | Tag::Prep
                    | Tag::To
                    | Tag::That
                    | Tag::Number
                    | Tag::Adv
                    | Tag::Date
                    | Tag::Word
            );
            let known = forms::verb_form(&t.lower, true).is_some();
            // "six trains a day": after a number above one, an "-s" form is a plural noun.
            let counted = prev.is_some_and(counts_more_than_one);
            (fits && known && !counted && prev.is_some_and(|p| p.tag != Tag::Det))
                .then_some((base, form))
        }
        VerbForm::Base => {
            // "Putin and Kim sign ..." : a known base after a name or pronoun, before an object.
            let next = toks.get(i + 1)?;
            let after_subject = prev.is_some_and(|p| matches!(p.tag, Tag::Proper | Tag::Pron))
                && prev.is_some_and(|p| !matches!(p.lower.as_str(), "he" | "she" | "it" | "i"))
                && !after_singular_name(toks, i);
            let fits = matches!(
                next.tag,
                Tag::Det | Tag::Proper | Tag::Number | Tag::Prep | Tag::To
            );
            (after_subject && fits && forms::is_known_base(&t.lower)).then_some((base, form))
        }
        _ => None,
    }
}

/// "the World Trade Organization dispute": a present verb without "-s" needs a plural
/// subject, so after a name that is one singular name (no "and" or comma joining names,
/// no plural "-s") the word is a noun the name modifies.
fn after_singular_name(toks: &[Token], i: usize) -> bool {
    // "Winfrey broadcast": a past spelt as its base agrees with any subject.
    let w = toks[i].lower.as_str();
    if IRREGULAR
        .iter()
        .any(|(b, p, _)| *b == w && p.split('/').any(|x| x == w))
    {
        return false;
    }
    let run = toks[..i]
        .iter()
        .rev()
        .take_while(|t| matches!(t.tag, Tag::Proper | Tag::And | Tag::Comma))
        .collect::<Vec<_>>();
    let joined = run.iter().any(|t| matches!(t.tag, Tag::And | Tag::Comma));
    if bare_infinitive(toks, i) {
        return false;
    }
    let plural = run.first().is_some_and(|t| {
        t.lower.ends_with('s')
            || matches!(
                t.lower.as_str(),
                "police" | "people" | "men" | "women" | "children"
            )
    });
    run.first().is_some_and(|t| t.tag == Tag::Proper) && !joined && !plural
}

/// "watched Palin give a speech": after a verb of perception or causing and a name, a
/// base form is a bare infinitive whose subject is the name (a verb, but one that shows
/// no number).
fn bare_infinitive(toks: &[Token], i: usize) -> bool {
    let names = toks[..i]
        .iter()
        .rev()
        .take_while(|t| matches!(t.tag, Tag::Proper | Tag::And | Tag::Comma))
        .count();
    toks[..i - names]
        .last()
        .filter(|_| names > 0)
        .and_then(|t| forms::verb_form(&t.lower, false))
        .is_some_and(|(b, _)| {
            matches!(
                b.as_str(),
                "watch" | "see" | "hear" | "let" | "make" | "help" | "feel" | "notice"
            )
        })
}

/// "six", "40", "dozens": a number above one, after which English puts a plural noun.
fn counts_more_than_one(t: &Token) -> bool {
    (t.tag == Tag::Number && t.lower != "1")
        || matches!(
            t.lower.as_str(),
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "twenty"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// "exports of Thai canned tuna": a nationality word standing bare after a preposition is
/// an adjective when its noun takes a plural "-s" ("Thai", "Korean": English puts no bare
/// singular noun there, and "the Kazakh finished third" has its determiner), so an "-ed"
/// word right after it modifies the noun that follows. Plurals ("thousands of Brazilians
/// lined") and the forms that are their own plural ("Japanese", "Swiss", "British") can
/// be the noun itself and are left as they are.
fn after_bare_nationality(toks: &[Token], i: usize) -> bool {
    if i < 2 || toks[i - 1].tag != Tag::Proper || toks[i - 2].tag != Tag::Prep {
        return false;
    }
    let word = &toks[i - 1].lower;
    if ["s", "ese", "sh", "ch"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        return false;
    }
    crate::gazetteer::Gazetteer::builtin().is_nationality_word(word)
}

/// "a Facebook post", "an Apple store": a name right after "a" or "an" modifies the noun
/// after it (English puts no indefinite article before a name that is a subject), so the
/// word after it is that noun, not a verb.
fn after_indefinite_name(toks: &[Token], i: usize) -> bool {
    i >= 2 && toks[i - 1].tag == Tag::Proper && matches!(toks[i - 2].lower.as_str(), "a" | "an")
}

/// All finite verb groups of the sentence, left to right.
fn groups(toks: &[Token]) -> Vec<Group> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut paren = 0i32;
    while i < toks.len() {
        let t = &toks[i];
        match t.tag {
            Tag::Open => paren += 1,
            Tag::Close => paren = (paren - 1).max(0),
            _ => {}
        }
        if paren > 0 {
            i += 1;
            continue;
        }
        // An auxiliary after "to" is an infinitive ("to have"), not a finite verb.
        let after_to = i > 0 && toks[i - 1].tag == Tag::To;
        let opens = !after_to
            && match t.tag {
                Tag::Modal | Tag::Do => true,
                Tag::Be | Tag::Have => {
                    !matches!(t.lower.as_str(), "be" | "been" | "being" | "having")
                }
                _ => false,
            };
        if opens {
            if let Some((g, next)) = aux_group(toks, i) {
                out.push(g);
                i = next;
                continue;
            }
        }
        // Right after a verb group comes its object, not another verb ("held talks").
        let after_group = out.last().is_some_and(|g: &Group| g.end == i);
        if let Some((base, form)) = finite_word(toks, i).filter(|_| !after_group) {
            let mut end = i + 1;
            // A particle of a phrasal verb ("stepped down", "took over the firm").
            if toks.get(end).is_some_and(|p| {
                PARTICLES.contains(&p.lower.as_str()) && matches!(p.tag, Tag::Word | Tag::Prep)
            }) && toks
                .get(end + 1)
                .is_none_or(|n| !matches!(n.tag, Tag::Date | Tag::Number))
            {
                end += 1;
            }
            out.push(Group {
                start: i,
                end,
                main: i,
                lemma: base,
                time: if form == VerbForm::Past {
                    Time::Past
                } else {
                    Time::Present
                },
                modal: None,
                passive: false,
                negated: false,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// A verb group opened by an auxiliary or modal at `i`: returns it and the index after it.
fn aux_group(toks: &[Token], i: usize) -> Option<(Group, usize)> {
    let mut j = i;
    let mut time = Time::Present;
    let mut modal = None;
    let mut passive = false;
    let mut negated = false;
    let mut main: Option<(String, VerbForm)> = None;
    let mut main_at = i;
    let mut last_aux: Option<&str> = None;
    let mut going_to = false;
    while j < toks.len() {
        let t = &toks[j];
        let w = t.lower.as_str();
        match t.tag {
            Tag::Modal => {
                if j > i && last_aux.is_some() {
                    break;
                }
                match w {
                    "will" | "shall" | "'ll" | "wo" | "would" => time = Time::Future,
                    _ => {
                        time = Time::Modal;
                        modal = Some(if w == "ca" {
                            "can".to_string()
                        } else {
                            t.lower.to_string()
                        });
                    }
                }
                last_aux = Some(w);
            }
            Tag::Be | Tag::Have | Tag::Do => {
                if main.is_some() {
                    break;
                }
                if j == i {
                    time = match w {
                        "was" | "were" | "had" | "did" | "'d" => Time::Past,
                        _ => time,
                    };
                }
                last_aux = Some(w);
            }
            Tag::Neg => negated = true,
            Tag::Adv => {}
            Tag::To if last_aux.is_some_and(|a| a == "going") => {}
            Tag::Word if w == "going" && toks.get(j + 1).is_some_and(|n| n.tag == Tag::To) => {
                going_to = true;
                last_aux = Some("going");
            }
            Tag::Word | Tag::Proper => {
                if main.is_some() {
                    break;
                }
                let f = forms::verb_form(w, false);
                match (f, last_aux) {
                    (Some((b, VerbForm::Participle | VerbForm::Past)), Some(a)) => {
                        passive = BE.contains(&a)
                            || a == "been"
                            || a == "being"
                            || a == "get"
                            || a == "got";
                        main_at = j;
                        main = Some((b, VerbForm::Participle));
                    }
                    (Some((b, VerbForm::Gerund)), Some(a))
                        if (BE.contains(&a) || a == "been") && !ING_ADJECTIVES.contains(&w) =>
                    {
                        main_at = j;
                        main = Some((b, VerbForm::Gerund));
                    }
                    (Some((b, VerbForm::Base)), Some(a))
                        if MODALS.contains(&a) || DO.contains(&a) || a == "going" || a == "be" =>
                    {
                        main_at = j;
                        main = Some((b, VerbForm::Base));
                    }
                    (Some((b, _)), Some(a)) if MODALS.contains(&a) || DO.contains(&a) => {
                        // A form the lexicon reads otherwise, after "will"/"did": a base.
                        main_at = j;
                        main = Some((b, VerbForm::Base));
                    }
                    // After a modal or "did" comes a base form, known or not ("will
                    // monitor").
                    (None, Some(a))
                        if (MODALS.contains(&a) || DO.contains(&a)) && t.tag == Tag::Word =>
                    {
                        main_at = j;
                        main = Some((w.to_string(), VerbForm::Base));
                    }
                    _ => break,
                }
                // A phrasal particle.
                if toks.get(j + 1).is_some_and(|p| {
                    PARTICLES.contains(&p.lower.as_str()) && matches!(p.tag, Tag::Word | Tag::Prep)
                }) {
                    j += 1;
                }
            }
            _ => break,
        }
        j += 1;
    }
    // Lone auxiliaries: "is", "was", "has" as main verbs (copula, possession).
    let lemma = match &main {
        Some((b, _)) => b.clone(),
        None => {
            let a = last_aux.unwrap_or(toks[i].lower.as_str());
            if BE.contains(&a) {
                "be".into()
            } else if HAVE.contains(&a) {
                "have".into()
            } else if DO.contains(&a) {
                "do".into()
            } else {
                // A modal alone ("he will") is no clause.
                return None;
            }
        }
    };
    if going_to {
        time = Time::Future;
    }
    // Trailing adverbs are not part of the group.
    let mut end = j;
    while end > i + 1 && matches!(toks[end - 1].tag, Tag::Adv | Tag::Neg) {
        end -= 1;
    }
    Some((
        Group {
            start: i,
            end,
            main: main_at,
            lemma,
            time,
            modal,
            passive,
            negated,
        },
        j,
    ))
}

/// The subject of the group starting at token `v`: the noun phrase before it, skipping an
/// appositive or relative clause set off by commas ("Kim, North Korea's leader, met ...").
fn subject(toks: &[Token], v: usize, floor: usize) -> Option<Range<usize>> {
    let np = |t: &Token| {
        matches!(
            t.tag,
            Tag::Word | Tag::Proper | Tag::Det | Tag::Number | Tag::Poss | Tag::Pron | Tag::And
        ) || (t.tag == Tag::Prep && matches!(t.lower.as_str(), "of" | "for"))
            || (t.tag == Tag::Other && matches!(t.lower.as_str(), "&" | "-"))
    };
    let mut i = v;
    // "The leader today visited", "The government on Thursday expressed": a date between
    // subject and verb is not part of the subject.
    loop {
        if i > floor
            && (matches!(toks[i - 1].tag, Tag::Date | Tag::Adv)
                || (toks[i - 1].tag == Tag::Prep
                    && toks.get(i).is_some_and(|t| t.tag == Tag::Date)))
        {
            i -= 1;
            continue;
        }
        // "lows in 2019 and 2020 ended": years joined to a date phrase belong to it.
        let mut j = i;
        while j > floor
            && (matches!(toks[j - 1].tag, Tag::And | Tag::Comma) || is_year(&toks[j - 1]))
        {
            j -= 1;
        }
        if j < i && j > floor && toks[j - 1].tag == Tag::Date && is_year(&toks[i - 1]) {
            i = j;
            continue;
        }
        break;
    }
    // "... and met Putin": a second verb of an earlier subject.
    if i > floor && toks[i - 1].tag == Tag::And {
        return None;
    }
    // A relative clause's subject is its antecedent: "the war in Ukraine, which began".
    if i > floor && matches!(toks[i - 1].tag, Tag::Rel) {
        let mut k = i - 1;
        if k > floor && toks[k - 1].tag == Tag::Comma {
            k -= 1;
        }
        let end = k;
        let mut preps = 0;
        while k > floor {
            let t = &toks[k - 1];
            // "who" points to a person: never back over a preposition ("more pressure on
            // Rousseff, who" is Rousseff).
            let inner_prep = t.tag == Tag::Prep
                && preps == 0
                && toks[i - 1].lower != "who"
                && matches!(t.lower.as_str(), "in" | "of" | "on" | "for" | "at")
                && k >= floor + 2
                && matches!(toks[k - 2].tag, Tag::Word | Tag::Proper);
            if np(t) || inner_prep {
                preps += usize::from(inner_prep);
                k -= 1;
            } else {
                break;
            }
        }
        while k < end && matches!(toks[k].tag, Tag::And | Tag::Prep | Tag::Poss) {
            k += 1;
        }
        return (k < end).then(|| toks[k].range.start..toks[end - 1].range.end);
    }
    // An appositive before the verb: ", North Korea's leader," or ", who ... ,".
    if i > floor && toks[i - 1].tag == Tag::Comma {
        let close = i - 1;
        let open = (floor..close).rev().find(|&k| toks[k].tag == Tag::Comma)?;
        if open > floor && np(&toks[open - 1]) {
            i = open;
        } else {
            return None;
        }
    }
    let end = i;
    let mut places = 0;
    while i > floor {
        let t = &toks[i - 1];
        if np(t) {
            i -= 1;
            continue;
        }
        // A phrase inside the subject: "a rally at Karaj outside Tehran", "callers to the
        // programme", "talks with Iran over its programme" (a preposition after a noun, at
        // most three).
        if matches!(t.tag, Tag::Prep | Tag::To)
            && places < 3
            && matches!(
                t.lower.as_str(),
                "in" | "at"
                    | "outside"
                    | "near"
                    | "inside"
                    | "from"
                    | "to"
                    | "with"
                    | "over"
                    | "against"
                    | "about"
                    | "on"
                    | "into"
                    | "under"
                    | "behind"
                    | "beyond"
                    | "between"
                    | "among"
                    | "across"
                    | "within"
                    | "along"
                    | "around"
                    | "towards"
                    | "toward"
                    | "via"
            )
            && i >= floor + 2
            && matches!(toks[i - 2].tag, Tag::Word | Tag::Proper)
        {
            places += 1;
            i -= 1;
            continue;
        }
        // A photo caption's position set off by commas belongs to the name before it
        // ("Scholz, left, Rutte, centre, and Macron attend"): the list goes on past it.
        if t.tag == Tag::Comma {
            if let Some(k) = position_aside_before(toks, i - 1, floor) {
                i = k;
                continue;
            }
        }
        // A list: "Russia, China and Iran" (of names only: "recrimination, Mark Cavendish"
        // is no list).
        if t.tag == Tag::Comma
            && i > floor + 1
            && toks[i - 2].tag == Tag::Proper
            && toks.get(i).is_some_and(|x| x.tag == Tag::Proper)
                | (toks.get(i).is_some_and(|x| x.lower == "the")
                    && toks.get(i + 1).is_some_and(|x| x.tag == Tag::Proper))
            && toks[i..end].iter().any(|x| x.tag == Tag::And)
        {
            i -= 1;
            continue;
        }
        break;
    }
    // "In Hanoi the leaders met": a determiner after a noun opens the subject's own phrase.
    if let Some(p) = (i + 1..end).rev().find(|&k| {
        toks[k].tag == Tag::Det
            && toks[k].lower != "no"
            && matches!(toks[k - 1].tag, Tag::Word | Tag::Proper)
    }) {
        i = p;
    }
    // A pronoun is the whole subject; otherwise no leading conjunction or "of".
    while i < end && matches!(toks[i].tag, Tag::And | Tag::Prep | Tag::Poss) {
        i += 1;
    }
    // "At least 300 troops": "at least" before a count is part of the count.
    if i > floor && bound_count(toks, i - 1) {
        i -= 1;
    }
    // "in part", "in turn", "of course": a fixed adverbial is never the subject's head.
    if i > floor && i < end && fixed_adverbial(&toks[i - 1], &toks[i]) {
        i += 1;
        while i < end && matches!(toks[i].tag, Tag::And | Tag::Prep | Tag::Poss | Tag::Comma) {
            i += 1;
        }
        if i >= end {
            return None;
        }
    }
    if let Some(p) = (i..end).rev().find(|&k| toks[k].tag == Tag::Pron) {
        i = p;
        return Some(toks[i].range.start..toks[end - 1].range.end.min(toks[p].range.end));
    }
    (i < end).then(|| toks[i].range.start..toks[end - 1].range.end)
}

/// "at least 300", "at most five": "at" with "least" or "most" before a count (a number,
/// or a number word) bounds the count; it is no preposition opening a phrase.
pub(crate) fn bound_count(toks: &[Token], at: usize) -> bool {
    toks[at].lower == "at"
        && toks
            .get(at + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "least" | "most"))
        && toks
            .get(at + 2)
            .is_some_and(|t| t.tag == Tag::Number || COUNT_WORDS.contains(&t.lower.as_str()))
}

/// Number words that count ("two", "dozens"), for a count a bound may open.
const COUNT_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "million",
    "millions",
    "half",
];

/// Fixed phrases of a preposition and a bare noun that English uses as adverbs ("in part",
/// "in turn", "in fact", "of course", "at last"): the noun is never a clause's subject.
fn fixed_adverbial(prep: &Token, noun: &Token) -> bool {
    matches!(
        (prep.lower.as_str(), noun.lower.as_str()),
        (
            "in",
            "part" | "turn" | "fact" | "short" | "effect" | "general" | "particular" | "all"
        ) | ("of", "course")
            | ("at", "last" | "first" | "once" | "least" | "most")
            | ("on", "purpose" | "balance")
            | ("by", "chance" | "contrast" | "comparison")
    )
}

/// Words that say where a person stands in a photograph ("left", "second right", "top
/// centre").
pub(crate) const POSITION_WORDS: &[&str] = &[
    "left", "right", "center", "centre", "top", "bottom", "front", "rear", "back", "second",
    "third", "far", "from", "row",
];

/// When the comma at `close` ends a photo caption's position set off by commas after a name
/// (", left," ", second right,"), and the sentence goes on with a name or "and", the index
/// just after that name (where a subject walk goes on).
fn position_aside_before(toks: &[Token], close: usize, floor: usize) -> Option<usize> {
    let next = toks.get(close + 1)?;
    // A title before the next name ("Prime Minister") may be tagged a word: capitalised.
    if !(matches!(next.tag, Tag::Proper | Tag::And | Tag::Det) || next.cap) {
        return None;
    }
    let mut k = close;
    while k > floor && close - k < 3 && POSITION_WORDS.contains(&toks[k - 1].lower.as_str()) {
        k -= 1;
    }
    // k is now the first position word; before it a comma, and before that the name.
    let name = |t: &Token| t.tag == Tag::Proper || (t.tag == Tag::Word && t.cap);
    (k < close && k >= floor + 2 && toks[k - 1].tag == Tag::Comma && name(&toks[k - 2]))
        .then_some(k - 1)
}

/// Is the word at `i` part of a photo caption's position set off by commas right after a
/// name (", left,", ", second right,")?
fn in_position_aside(toks: &[Token], i: usize) -> bool {
    let is_pos = |k: usize| POSITION_WORDS.contains(&toks[k].lower.as_str());
    if !is_pos(i) {
        return false;
    }
    let first = (0..=i).rev().take_while(|&k| is_pos(k)).last().unwrap_or(i);
    let last = (i..toks.len())
        .take_while(|&k| is_pos(k))
        .last()
        .unwrap_or(i);
    last - first < 3
        && toks.get(last + 1).is_some_and(|t| t.tag == Tag::Comma)
        && first >= 2
        && toks[first - 1].tag == Tag::Comma
        && position_aside_before(toks, last + 1, 0) == Some(first - 1)
}

/// A year written as a number ("2020").
fn is_year(t: &Token) -> bool {
    t.tag == Tag::Number
        && t.lower.len() == 4
        && t.lower.chars().all(|c| c.is_ascii_digit())
        && (t.lower.starts_with("19") || t.lower.starts_with("20"))
}

/// Does the noun phrase found for a subject, starting at token `i`, follow a preposition
/// inside the sentence ("the centre set up under | the Declaration began", "Kim during |
/// the visit met")? Then it is that preposition's object, never the subject, and the
/// phrase the subject belongs to could not be followed back: no subject rather than a
/// wrong one. A preposition opening the sentence ("In Hanoi the leaders met") heads a
/// fronted phrase and is left to the caller.
fn object_of_a_preposition(toks: &[Token], i: usize, floor: usize) -> bool {
    // "more than 135 million voters": "than" counts, it governs no phrase.
    i >= 2
        && i > floor
        && matches!(toks[i - 1].tag, Tag::Prep | Tag::To)
        && toks[i - 1].lower != "than"
}

/// Does the noun phrase found for a subject, starting at token `i`, follow an infinitive's
/// verb ("to celebrate | the wedding with visitors predicted")? Then it is that verb's
/// object, never a subject.
fn object_of_an_infinitive(toks: &[Token], i: usize, floor: usize) -> bool {
    i >= 2 + floor && toks[i - 1].tag == Tag::Word && toks[i - 2].tag == Tag::To
}

/// The group before group `k` when it is a reduced relative inside `k`'s subject: one bare
/// past form right after a noun, no object of its own, and only a prepositional phrase
/// (no comma, conjunction or clause word) up to `k` ("the programme agreed at the summit
/// would begin").
fn reduced_relative_before(toks: &[Token], gs: &[Group], k: usize) -> Option<usize> {
    let p = k - 1;
    let g = &gs[p];
    let single_past = g.end == g.start + 1 && g.time == Time::Past && !g.passive;
    let after_noun = g.start > 0 && matches!(toks[g.start - 1].tag, Tag::Word | Tag::Proper);
    let between = &toks[g.end..gs[k].start];
    // ("marched through the capital in what appeared": "what" opens a clause of its own.)
    let phrase = between.first().is_some_and(|t| t.tag == Tag::Prep)
        && !between.iter().any(|t| t.lower == "what")
        && between.iter().all(|t| {
            matches!(
                t.tag,
                Tag::Prep
                    | Tag::Det
                    | Tag::Word
                    | Tag::Proper
                    | Tag::Number
                    | Tag::Poss
                    | Tag::Date
            )
        });
    (single_past && after_noun && phrase).then_some(p)
}

/// Nouns that a "that" clause completes with what is said, feared or known ("the news that
/// ...", "fears that ..."): that "that" opens no relative clause.
const CONTENT_NOUNS: &[&str] = &[
    "fact",
    "news",
    "claim",
    "claims",
    "report",
    "reports",
    "fear",
    "fears",
    "hope",
    "hopes",
    "idea",
    "evidence",
    "speculation",
    "allegation",
    "allegations",
    "suggestion",
    "suggestions",
    "warning",
    "warnings",
    "belief",
    "assurance",
    "assurances",
    "sign",
    "signs",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "concern",
    "concerns",
    "view",
    "statement",
    "announcement",
    "possibility",
    "chance",
    "risk",
    "threat",
    "threats",
    "word",
    "notion",
    "argument",
    "assertion",
    "promise",
    "promises",
    "doubt",
    "doubts",
    "indication",
    "indications",
    "proof",
    "confirmation",
    "expectation",
    "expectations",
];

/// Is group `g` a verb whatever its context: an auxiliary, a past form, never a noun in
/// "-s" or a base ("plans", "forces", "shot")?
fn unambiguous(toks: &[Token], g: &Group) -> bool {
    g.start != g.main || toks[g.start].tag != Tag::Word || g.time == Time::Past
}

/// Verbs that take a listener and a "that" clause ("told the Guardian that ...", "warned
/// ministers that ...").
const TELLING: &[&str] = &[
    "tell", "warn", "remind", "assure", "inform", "convince", "persuade", "notify", "promise",
    "show", "teach", "advise",
];

/// Is the "that" at token `r` (before group `k`) the one of a verb of telling with its
/// listener ("told reporters outside the room that ..."), not a relative pronoun?
fn told_that(toks: &[Token], gs: &[Group], k: usize, r: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| &gs[p]) else {
        return false;
    };
    (TELLING.contains(&prev.lemma.as_str()) || REPORTING.contains(&prev.lemma.as_str()))
        && prev.end <= r
        && !toks[prev.end..r]
            .iter()
            .any(|t| matches!(t.tag, Tag::Comma | Tag::Break | Tag::End))
}

/// See [`build_from`]: the subject of group `k` when the group before it is a subject
/// relative clause ("the countries that signed the declaration | agreed").
fn antecedent_of_relative_before(
    toks: &[Token],
    gs: &[Group],
    k: usize,
    from: usize,
) -> Option<Range<usize>> {
    let p = k.checked_sub(1)?;
    let r = gs[p].start.checked_sub(1)?;
    let pfloor = if p > 0 { gs[p - 1].end.max(from) } else { from };
    let rel = &toks[r];
    let relative = matches!(rel.lower.as_str(), "that" | "who" | "which");
    let noun_before = r > pfloor && matches!(toks[r - 1].tag, Tag::Word | Tag::Proper);
    let plain = toks[gs[p].end..gs[k].start].iter().all(|t| {
        !matches!(
            t.tag,
            Tag::Comma
                | Tag::And
                | Tag::Sub
                | Tag::Rel
                | Tag::That
                | Tag::Break
                | Tag::Quote
                | Tag::Open
                | Tag::Close
                | Tag::End
        )
    });
    if !(relative && noun_before && plain) || told_that(toks, gs, p, r) {
        return None;
    }
    subject(toks, r, pfloor)
}

/// "a scheme that Thailand and Vietnam launched in Bangkok": a verb that takes an object,
/// with none after it, in a relative clause opened by "that", "which" or "whom" after a
/// noun, has that noun (its antecedent) for its object. `s` is the subject's first token.
fn antecedent_object(
    toks: &[Token],
    gs: &[Group],
    k: usize,
    s: usize,
    floor: usize,
) -> Option<Range<usize>> {
    let g = &gs[k];
    let r = s.checked_sub(1)?;
    // ("the jersey that he wrested": whom "he" is, the caption cannot be sure of.)
    if toks[s].tag == Tag::Pron {
        return None;
    }
    let relative = matches!(toks[r].lower.as_str(), "that" | "which" | "whom");
    let noun_before = r > floor && matches!(toks[r - 1].tag, Tag::Word | Tag::Proper);
    // "the claim that Russia attacked in the night": after a noun of saying or knowing,
    // "that" opens what is said or known, not a relative clause.
    // ("assurances from both sides that ...": the content noun may have a phrase after it.)
    if toks[r].lower == "that"
        && toks[r.saturating_sub(4)..r]
            .iter()
            .any(|t| CONTENT_NOUNS.contains(&t.lower.as_str()))
    {
        return None;
    }
    let transitive = !g.passive
        && !INTRANSITIVE.contains(&g.lemma.as_str())
        && !matches!(g.lemma.as_str(), "be" | "have" | "do");
    // No noun phrase of its own after the verb (a prepositional phrase or nothing).
    let own_object = toks.get(g.end).is_some_and(|t| {
        matches!(
            t.tag,
            Tag::Det | Tag::Proper | Tag::Pron | Tag::Number | Tag::Word | Tag::Poss | Tag::To
        )
    });
    if !(relative && noun_before && transitive) || own_object || told_that(toks, gs, k, r) {
        return None;
    }
    let (start, end) = (0..r)
        .rev()
        .take_while(|&j| {
            j >= floor
                && matches!(
                    toks[j].tag,
                    Tag::Word | Tag::Proper | Tag::Det | Tag::Number | Tag::Poss
                )
        })
        .last()
        .map(|j| (j, r))?;
    // Never a phrase that opens on a possessive or is only a determiner; a determiner
    // after a noun opens the phrase ("the riders tackle | a stage that ...").
    let start = (start + 1..end)
        .rev()
        .find(|&j| toks[j].tag == Tag::Det && matches!(toks[j - 1].tag, Tag::Word | Tag::Proper))
        .unwrap_or(start);
    let start = (start..end).find(|&j| toks[j].tag != Tag::Poss)?;
    let head = toks[start..end]
        .iter()
        .any(|t| matches!(t.tag, Tag::Word | Tag::Proper));
    head.then(|| toks[start].range.start..toks[end - 1].range.end)
}

/// The key object after the group ending at token `e`: an infinitive, a noun phrase (with
/// "of" phrases), or, when there is none, the first prepositional phrase.
fn object(toks: &[Token], e: usize, lemma: &str) -> Option<Range<usize>> {
    object_past_date(toks, e, lemma, false)
}

/// [`object`]; with `past_date`, a date phrase right after the verb is passed over.
fn object_past_date(
    toks: &[Token],
    e: usize,
    lemma: &str,
    past_date: bool,
) -> Option<Range<usize>> {
    let mut i = e;
    while i < toks.len() && toks[i].tag == Tag::Adv {
        i += 1;
    }
    // "was signed on Wednesday at the end of the summit": a date phrase right after the
    // verb is no object; what follows it may be.
    let mut d = i;
    while d < toks.len()
        && (toks[d].tag == Tag::Date
            || (toks[d].tag == Tag::Prep && toks.get(d + 1).is_some_and(|t| t.tag == Tag::Date)))
    {
        d += 1;
    }
    // (Only a phrase with a noun: "for what will be" is a clause.)
    if past_date
        && d > i
        && toks
            .get(d)
            .is_some_and(|t| t.tag == Tag::Prep && t.lower != "of")
        && toks.get(d + 1).is_some_and(|t| {
            matches!(
                t.tag,
                Tag::Det | Tag::Word | Tag::Proper | Tag::Number | Tag::Poss
            )
        })
    {
        i = d;
    }
    let start = i;
    let np_word = |t: &Token| {
        matches!(
            t.tag,
            Tag::Word | Tag::Proper | Tag::Det | Tag::Number | Tag::Poss
        )
    };
    // "agreed to pay a fine"
    if toks.get(i).is_some_and(|t| t.tag == Tag::To)
        && toks.get(i + 1).is_some_and(|t| {
            matches!(t.tag, Tag::Be | Tag::Have | Tag::Do)
                || (t.tag == Tag::Word && forms::verb_form(&t.lower, false).is_some())
        })
    {
        // The infinitive's own object or first prepositional phrase ("to travel to Russia").
        let inner = object(toks, i + 2, "");
        let end = inner.map_or(toks[i + 1].range.end, |r| r.end);
        return Some(toks[start].range.start..end);
    }
    // A verb of saying reports a clause, not an object: handled by the caller.
    let _ = lemma;
    if toks.get(i).is_some_and(np_word)
        || toks
            .get(i)
            .is_some_and(|t| t.tag == Tag::Pron && t.lower != "there")
    {
        let (end, _) = noun_phrase(toks, i);
        let end = particle_after_pronoun(toks, i, end);
        // "willing to meet Kim", "ready to sign": an adjective with its infinitive.
        if end == i + 1
            && toks[i].tag == Tag::Word
            && toks.get(end).is_some_and(|t| t.tag == Tag::To)
            && toks
                .get(end + 1)
                .is_some_and(|t| t.tag == Tag::Word && forms::verb_form(&t.lower, false).is_some())
        {
            if let Some(inf) = object(toks, end, "") {
                return Some(toks[start].range.start..inf.end);
            }
        }
        if end > i {
            return Some(toks[start].range.start..toks[end - 1].range.end);
        }
    }
    if toks.get(i).is_some_and(|t| {
        matches!(t.tag, Tag::Prep | Tag::To) || (t.tag == Tag::Sub && t.lower == "as")
    }) {
        let (end, _) = noun_phrase(toks, i + 1);
        if end > i + 1 {
            return Some(toks[start].range.start..toks[end - 1].range.end);
        }
    }
    None
}

/// The end of an object that is one pronoun, with the particle of a phrasal verb after it:
/// English puts the particle after a pronoun object ("turned himself in", "called it off",
/// "handed them over to the police"; never "turned in himself"), so it belongs to the verb
/// and the caption keeps it. A particle followed by a noun phrase or a date is a
/// preposition ("found him in Paris", "signed it on Friday") and stays out.
fn particle_after_pronoun(toks: &[Token], i: usize, end: usize) -> usize {
    let pronoun = end == i + 1 && OBJECT_PRONOUNS.contains(&toks[i].lower.as_str());
    let particle = toks.get(end).is_some_and(|t| {
        matches!(t.tag, Tag::Word | Tag::Prep) && PARTICLES_AFTER_OBJECT.contains(&t.lower.as_str())
    });
    // ("called it off on Monday": a date after "off", which never heads one, is no object
    // of it; after "in" or "on" it is.)
    let phrase_ends = toks.get(end + 1).is_none_or(|t| {
        matches!(
            t.tag,
            Tag::End | Tag::Comma | Tag::Prep | Tag::To | Tag::And
        ) || (t.tag == Tag::Date && PARTICLES.contains(&toks[end].lower.as_str()))
    });
    if pronoun && particle && phrase_ends {
        end + 1
    } else {
        end
    }
}

/// A count or a nationality word ("41", "Korean"), after which an "-ing" word is a
/// modifier of the noun after it, not a participle with its own object.
fn modifies_next(t: &Token) -> bool {
    t.tag == Tag::Number
        || counts_more_than_one(t)
        || (t.tag == Tag::Proper
            && crate::gazetteer::Gazetteer::builtin().is_nationality_word(&t.lower))
        || (t.tag == Tag::Word && is_adjective_by_suffix(&t.lower))
}

/// A word whose ending English keeps for adjectives ("international", "political",
/// "famous", "unofficial", "endless", "visible"): it can head no noun phrase, so an "-ing"
/// word after it modifies the noun that follows ("international shipping firms"), as after
/// a count. ("official" is also a noun: "an official visiting Kabul".)
pub(crate) fn is_adjective_by_suffix(w: &str) -> bool {
    w.len() > 5
        && w != "official"
        && ["ional", "ical", "ous", "less", "ible", "icial"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A noun phrase starting at `i`: determiners, modifiers, nouns and names, possessives,
/// "of"/"and" continuations. Returns the index after it and whether it had a head.
fn noun_phrase(toks: &[Token], i: usize) -> (usize, bool) {
    let mut j = i;
    let mut head = false;
    while j < toks.len() {
        let t = &toks[j];
        match t.tag {
            Tag::Det | Tag::Poss => {}
            Tag::Number => head = true,
            // "a statement condemning Russia", "an activist planning raids": a participle
            // with its own object ends the phrase.
            // ("41 North Korean fishing boats": after a count or a nationality word an
            // "-ing" word modifies the noun after it.)
            Tag::Word
                if head
                    && t.lower.ends_with("ing")
                    && !modifies_next(&toks[j - 1])
                    && toks.get(j + 1).is_some_and(|n| {
                        matches!(n.tag, Tag::Det | Tag::Proper | Tag::Word | Tag::Number)
                    }) =>
            {
                break
            }
            // After a noun a pronoun opens a clause ("on fears | it would fail"); a
            // capitalised one is part of a name ("Air Force One").
            Tag::Pron if head && !t.cap => break,
            Tag::Word | Tag::Proper | Tag::Pron => {
                head = true;
            }
            Tag::Prep if t.lower == "of" && head => {}
            // ("but" joins clauses, never the members of a list.)
            Tag::And
                if head
                    && t.lower != "but"
                    && toks.get(j + 1).is_some_and(|n| {
                        matches!(n.tag, Tag::Proper | Tag::Det | Tag::Word | Tag::Number)
                    })
                    && !toks.get(j + 1).is_some_and(|n| {
                        n.tag == Tag::Word
                            && forms::verb_form(&n.lower, true)
                                .is_some_and(|(_, f)| f == VerbForm::Past)
                    }) => {}
            Tag::Other if matches!(t.lower.as_str(), "%" | "&" | "$" | "£" | "€" | "-") => {}
            _ => break,
        }
        j += 1;
    }
    // Never end on a determiner, "of" or "and".
    while j > i && matches!(toks[j - 1].tag, Tag::Det | Tag::Prep | Tag::And | Tag::Poss) {
        j -= 1;
    }
    (j, head)
}

/// One sentence, tokenised once and shared by everything that reads it (the dateline, the
/// aside test, the clause of each date): splitting a sentence into tokens is the costly
/// part of the analysis, tagging them is cheap, so a date phrase re-tags a copy of the
/// tokens instead of splitting the sentence again.
pub struct Sentence {
    /// Tagged with no date phrase.
    toks: Vec<Token>,
    /// Byte offset of the sentence proper after a wire dateline (0 without one).
    start: usize,
}

/// A sentence with one date phrase (or none) as the focus: its tokens tagged for it.
pub struct Focused<'s> {
    sentence: &'s Sentence,
    focus: Option<Range<usize>>,
    /// The sentence's tokens with `focus` tagged [`Tag::Date`]; `None`: the untagged ones
    /// serve (no focus).
    toks: Option<Vec<Token>>,
}

impl Sentence {
    pub fn new(text: &str) -> Self {
        let mut toks = lex(text);
        tag_all(&mut toks, &[]);
        let start = dateline_start(text, &toks);
        Sentence { toks, start }
    }

    /// The tokens, tagged with no date phrase (what [`tokens`] gives with no dates).
    pub fn tokens(&self) -> &[Token] {
        &self.toks
    }

    #[cfg(test)]
    /// See [`dateline_end`].
    pub fn dateline_end(&self) -> usize {
        self.start
    }

    /// [`Focused::is_aside`] of `self.focus(Some(date))`, without copying and re-tagging
    /// the tokens (see [`aside_before`]).
    pub fn is_aside_at(&self, date: Range<usize>) -> bool {
        aside_before(&self.toks, self.start, date)
    }

    /// The sentence read for the date phrase at `focus` (byte range), or for its main clause.
    pub fn focus(&self, focus: Option<Range<usize>>) -> Focused<'_> {
        let toks = focus.as_ref().map(|d| {
            // A tag depends only on the tags before it, so the tokens before the date
            // phrase keep theirs and only the rest is tagged again: the same tags as
            // tagging freshly split tokens gives.
            let mut t = self.toks.clone();
            let from = t.partition_point(|t| t.range.start < d.start);
            tag_from(&mut t, std::slice::from_ref(d), from);
            t
        });
        Focused {
            sentence: self,
            focus,
            toks,
        }
    }
}

impl Focused<'_> {
    fn toks(&self) -> &[Token] {
        self.toks.as_deref().unwrap_or(&self.sentence.toks)
    }

    /// See [`is_aside`]; false without a focus.
    pub fn is_aside(&self) -> bool {
        self.focus
            .clone()
            .is_some_and(|date| aside_before(self.toks(), self.sentence.start, date))
    }

    /// See [`analyse`].
    pub fn analyse(&self) -> Option<Clause> {
        let all = self.toks();
        // The dateline's tokens are dropped: the clause starts after it.
        let skip = all.partition_point(|t| t.range.start < self.sentence.start);
        let toks = &all[skip..];
        let gs = groups(toks);
        if gs.is_empty() {
            return None;
        }
        let f = self
            .focus
            .as_ref()
            .and_then(|r| toks.iter().position(|t| t.range.start >= r.start));
        let pick = choose(toks, &gs, f);
        Some(build(toks, &gs, pick))
    }

    /// The clause of a "when" right after the focused date phrase, if any (see
    /// [`when_clause`]).
    pub fn analyse_when(&self) -> Option<Clause> {
        let all = self.toks();
        let skip = all.partition_point(|t| t.range.start < self.sentence.start);
        let toks = &all[skip..];
        let focus = self.focus.as_ref()?;
        let after = toks.iter().position(|t| t.range.start >= focus.end)?;
        when_clause(toks, &groups(toks), after)
    }
}

#[cfg(test)]
/// Where a wire dateline ("TOKYO, September 19. /TASS/.", "LONDON (Reuters) -",
/// "WASHINGTON —") ends: the byte offset of the sentence proper, 0 if there is none.
pub fn dateline_end(s: &str) -> usize {
    Sentence::new(s).dateline_end()
}

/// [`dateline_end`] from the sentence's tokens tagged with no date phrase.
fn dateline_start(s: &str, toks: &[Token]) -> usize {
    let Some(first) = toks.first() else {
        return 0;
    };
    let caps = |t: &Token| {
        let w = &s[t.range.clone()];
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    if !caps(first) {
        return 0;
    }
    // Skip to the first capitalised word with lower-case letters that follows a
    // dateline mark (".", "-", "—", ")", ":").
    for k in 1..toks.len().min(16) {
        let t = &toks[k];
        let prev = &toks[k - 1];
        let opens_sentence = t.cap && s[t.range.clone()].chars().any(char::is_lowercase);
        let after_mark = matches!(prev.tag, Tag::End | Tag::Break | Tag::Close)
            || matches!(prev.lower.as_str(), "/" | "-");
        if opens_sentence && after_mark && k >= 2 {
            return t.range.start;
        }
    }
    0
}

#[cfg(test)]
/// Is the date at `date` (byte range in `s`) an aside: inside parentheses or a quotation, in a
/// relative or subordinate clause, or in a wire dateline?
pub fn is_aside(s: &str, date: Range<usize>) -> bool {
    Sentence::new(s).is_aside_at(date)
}

/// The aside test over a sentence's tokens for the date phrase at `date`. It reads only
/// the tokens before the phrase, so the sentence's plain tags serve as well as those of
/// [`Sentence::focus`] (which re-tags from the phrase on and leaves earlier tags as they
/// are).
fn aside_before(toks: &[Token], sentence_start: usize, date: Range<usize>) -> bool {
    if date.start < sentence_start {
        return true;
    }
    let Some(d) = toks.iter().position(|t| t.range.start >= date.start) else {
        return false;
    };
    let mut paren = 0i32;
    let mut straight = 0;
    let mut curly = 0i32;
    for t in &toks[..d] {
        match t.lower.as_str() {
            "(" | "[" => paren += 1,
            ")" | "]" => paren = (paren - 1).max(0),
            "\"" => straight += 1,
            "“" | "«" => curly += 1,
            "”" | "»" => curly = (curly - 1).max(0),
            _ => {}
        }
    }
    if paren > 0 || curly > 0 || straight % 2 == 1 {
        return true;
    }
    // The stretch of the sentence from the last comma or break before the date.
    let from = toks[..d]
        .iter()
        .rposition(|t| matches!(t.tag, Tag::Comma | Tag::Break))
        .map_or(0, |k| k + 1);
    toks[from..d].iter().enumerate().any(|(k, t)| match t.tag {
        Tag::Rel => true,
        // "after the vote on Friday", but not "since Monday" (the date's own preposition).
        Tag::Sub => from + k + 1 < d && t.lower != "as",
        _ => false,
    })
}

#[cfg(test)]
/// Analyses the clause of `s` that governs `focus` (a byte range, usually the event's date
/// phrase; `None`: the main clause). `None` when no finite verb is found.
pub fn analyse(s: &str, focus: Option<Range<usize>>) -> Option<Clause> {
    Sentence::new(s).focus(focus).analyse()
}

/// The group that governs token `f`: the nearest one before it with no clause boundary
/// between, else the first one after it (a fronted date: "On Tuesday, Kim met Putin"), else
/// the first main-clause group.
fn choose(toks: &[Token], gs: &[Group], f: Option<usize>) -> usize {
    let main = gs
        .iter()
        .position(|g| !in_subordinate(toks, g.start))
        .unwrap_or(0);
    let Some(f) = f else {
        return main;
    };
    if let Some(k) = gs.iter().rposition(|g| g.end <= f) {
        return k;
    }
    // A fronted date times the main clause, not a relative clause inside its subject
    // ("Today, Goldacre, who writes a column, responds to ..."); a clause of the same time
    // ("On Saturday, as Armstrong pulled on the jersey, ...") may still carry it.
    gs.iter()
        .position(|g| g.start > f && !in_relative(toks, g.start))
        .or_else(|| gs.iter().position(|g| g.start > f))
        .unwrap_or(main)
}

/// The clause of a "when" right after the date phrase ending before token `after` ("on 29
/// April when Prince William marries", "14 February 2013, when he fired"): a relative clause
/// on a time says what happened at that time.
fn when_clause(toks: &[Token], gs: &[Group], after: usize) -> Option<Clause> {
    let mut w = after;
    if toks.get(w).is_some_and(|t| t.tag == Tag::Comma) {
        w += 1;
    }
    if toks.get(w).is_none_or(|t| t.lower != "when") {
        return None;
    }
    let k = gs.iter().position(|g| g.start > w + 1)?;
    // Its subject follows "when": no other clause opens between.
    let c = build_from(toks, gs, k, w + 1);
    c.subject.as_ref()?;
    Some(c)
}

/// Is token `i` inside a relative or subordinate clause (one opened since the last comma or
/// the sentence start) or inside parentheses or a quotation?
fn in_subordinate(toks: &[Token], i: usize) -> bool {
    let from = toks[..i]
        .iter()
        .rposition(|t| matches!(t.tag, Tag::Comma | Tag::Break))
        .map_or(0, |k| k + 1);
    let quoted = toks[..i].iter().filter(|t| t.tag == Tag::Quote).count() % 2 == 1;
    quoted
        || toks[from..i]
            .iter()
            .any(|t| matches!(t.tag, Tag::Rel | Tag::Sub))
}

/// Is token `i` inside a relative clause opened since the last comma ("who writes")?
fn in_relative(toks: &[Token], i: usize) -> bool {
    let from = toks[..i]
        .iter()
        .rposition(|t| matches!(t.tag, Tag::Comma | Tag::Break))
        .map_or(0, |k| k + 1);
    toks[from..i].iter().any(|t| t.tag == Tag::Rel)
}

fn build(toks: &[Token], gs: &[Group], k: usize) -> Clause {
    build_from(toks, gs, k, 0)
}

/// [`build`] with the subject never reaching back before token `from`.
fn build_from(toks: &[Token], gs: &[Group], k: usize, from: usize) -> Clause {
    let g = &gs[k];
    // The subject never reaches back over the previous group.
    let floor = if k > 0 { gs[k - 1].end.max(from) } else { from };
    let mut subj = subject(toks, g.start, floor);
    // "Goldacre, who writes a column, responds": the subject lies before a relative clause
    // set off by commas, whose verb is the previous group.
    if subj.is_none()
        && k > 0
        && in_subordinate(toks, gs[k - 1].start)
        && toks[..g.start]
            .iter()
            .rev()
            .find(|t| t.tag != Tag::Adv)
            .is_some_and(|t| t.tag == Tag::Comma)
    {
        let before = if k > 1 { gs[k - 2].end.max(from) } else { from };
        subj = subject(toks, g.start, before);
    }
    // A coordinated verb with no subject of its own takes the first group's
    // ("Kim visited Russia and met Putin").
    if subj.is_none()
        && k > 0
        && toks[..g.start]
            .iter()
            .rev()
            .take(2)
            .any(|t| t.tag == Tag::And)
    {
        let first = gs[..k]
            .iter()
            .rposition(|p| subject(toks, p.start, 0).is_some());
        if let Some(p) = first {
            subj = subject(toks, gs[p].start, 0);
        }
    }
    // "under the treaty signed Wednesday": a past form right after a noun phrase that is
    // itself the object of a preposition or verb is a participle (a reduced relative).
    let mut passive = g.passive;
    // "the compromise reached in Jakarta in March splits the servers": a bare past form
    // of a verb that takes an object, right after a noun and followed only by a
    // prepositional phrase before the next verb, is a participle (a reduced relative, so
    // passive), whatever the next verb does.
    if k + 1 < gs.len()
        && from == 0
        && !INTRANSITIVE.contains(&g.lemma.as_str())
        && reduced_relative_before(toks, gs, k + 1) == Some(k)
    {
        passive = true;
    }
    // "Lula was detained and questioned": a past form joined by "and" to a passive shares
    // its auxiliary, and so its voice.
    if k > 0
        && gs[k - 1].passive
        && g.start == g.main
        && g.time == Time::Past
        && toks[gs[k - 1].end..g.start]
            .iter()
            .all(|t| matches!(t.tag, Tag::And | Tag::Adv))
        && toks[gs[k - 1].end..g.start]
            .iter()
            .any(|t| t.tag == Tag::And)
    {
        passive = true;
    }
    // "Ministers from the countries that signed the declaration agreed": a verb right
    // after a relative clause on its subject ("that"/"who"/"which" and its verb, with no
    // punctuation or conjunction before this verb) has the relative's antecedent for its
    // subject, never a word inside the relative clause.
    if let Some(a) = antecedent_of_relative_before(toks, gs, k, from) {
        subj = Some(a);
    }
    // "A banker wanted in Spain resigned", "a man held in Aden thanked the navy": after a
    // reduced relative ("wanted in Spain"), a verb that cannot be a participle itself (one
    // that takes no object, or has one right after it) is the main verb; the noun inside
    // the relative's phrase is no subject, the noun before the participle is (found
    // below). ("Aid flowed under the accord signed Wednesday": "signed" has no object and
    // stays the accord's participle.)
    // (A participle of that kind has no object of its own: "the visit to the east met the
    // governor" is no reduced relative.)
    let object_after = toks
        .get(g.end)
        .is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Proper | Tag::Pron | Tag::Number));
    let reflexive_after = toks
        .get(g.end)
        .is_some_and(|t| OBJECT_PRONOUNS.contains(&t.lower.as_str()));
    let after_reduced_relative = k > 0
        && from == 0
        && (object_after || reflexive_after || INTRANSITIVE.contains(&g.lemma.as_str()))
        && !INTRANSITIVE.contains(&gs[k - 1].lemma.as_str())
        // (After a name the past form is the name's own verb: "Bhutto said on Sunday her
        // party would take part".)
        && gs[k - 1].start > 0
        && toks[gs[k - 1].start - 1].tag == Tag::Word
        && reduced_relative_before(toks, gs, k) == Some(k - 1);
    // "The truce, accepted by the rebels on Monday, began": a participle with its agent set
    // off by a comma after its noun, or joined by "and" to another verb of it.
    if g.end == g.start + 1 && g.time == Time::Past && !g.passive && reduced_passive(toks, g) {
        passive = true;
        // Its subject is the noun before the comma when the participle's own phrase holds
        // a date ("The order, signed by Moro on Tuesday, allows"); a participle without one
        // only describes the noun ("Fishworks, founded by Mitch Tonks, went into
        // administration yesterday").
        if subj.is_none()
            && g.start > floor
            && toks[g.start - 1].tag == Tag::Comma
            && toks[g.end..]
                .iter()
                .take_while(|t| {
                    !matches!(
                        t.tag,
                        Tag::Comma | Tag::Break | Tag::End | Tag::Quote | Tag::Rel | Tag::Sub
                    )
                })
                .any(|t| t.tag == Tag::Date)
        {
            // ("appeared in the same court on a charge, laid by …": a preposition's object
            // is no subject.)
            subj = subject(toks, g.start - 1, floor).filter(|r| {
                toks.iter()
                    .position(|t| t.range.start == r.start)
                    .is_some_and(|f| !object_of_a_preposition(toks, f, floor))
            });
        }
    }
    if after_reduced_relative {
        subj = None;
    } else if let Some(r) = &subj {
        let first = toks.iter().position(|t| t.range.start == r.start);
        let before = first.and_then(|f| f.checked_sub(1)).map(|b| &toks[b]);
        let single_past = g.end == g.start + 1
            && g.time == Time::Past
            && !toks[..g.start].last().is_some_and(|t| t.tag == Tag::Rel);
        // "the agreement signed by nine countries": a past form with an agent after a
        // common noun is a participle (names and pronouns act: "Obama won by a landslide").
        // (A date may stand between: "a report published on Sunday by the paper".)
        let by_at = (g.end..toks.len())
            .find(|&j| {
                let date_phrase = matches!(toks[j].tag, Tag::Date | Tag::Adv)
                    || (toks[j].tag == Tag::Prep
                        && toks.get(j + 1).is_some_and(|t| t.tag == Tag::Date));
                !date_phrase
            })
            .unwrap_or(g.end);
        let by_agent = single_past
            && toks.get(by_at).is_some_and(|t| t.lower == "by")
            && toks
                .get(by_at + 1)
                .is_some_and(|t| matches!(t.tag, Tag::Det | Tag::Word | Tag::Proper))
            && toks[..g.start]
                .last()
                .is_some_and(|t| t.tag == Tag::Word && t.range.end <= r.end)
            && !INTRANSITIVE.contains(&g.lemma.as_str());
        // "more than 135 million Brazilians went": "than" counts, it governs no phrase.
        let after_preposition = single_past
            && !object_after
            && before
                .is_some_and(|b| b.tag == Tag::Prep && !matches!(b.lower.as_str(), "of" | "than"));
        if after_preposition || by_agent {
            passive = true;
        } else if !toks[..g.start].last().is_some_and(|t| t.tag == Tag::Rel)
            && first.is_some_and(|f| {
                object_of_a_preposition(toks, f, floor) || object_of_an_infinitive(toks, f, floor)
            })
        {
            subj = None;
        }
    }
    // "the training programme agreed at the summit would begin": a bare past form after a
    // noun, with only a prepositional phrase between it and this verb, was a participle (a
    // reduced relative), and the noun before it is this verb's subject.
    if subj.is_none() && k > 0 && from == 0 {
        if let Some(p) = reduced_relative_before(toks, gs, k) {
            let pfloor = if p > 0 { gs[p - 1].end } else { 0 };
            subj = subject(toks, gs[p].start, pfloor);
        }
    }
    let mut obj = object_past_date(toks, g.end, &g.lemma, unambiguous(toks, g));
    // An object never runs into the next verb ("a report published by the port authority
    // | blamed the pilots").
    // ("tougher sanctions against", "a little tired after": only a verb opened by an
    // auxiliary or modal is surely one.)
    if let (Some(r), Some(next)) = (
        obj.clone(),
        gs.get(k + 1).filter(|n| toks[n.start].tag != Tag::Word),
    ) {
        let verb_at = toks[next.start].range.start;
        if r.end > verb_at {
            // "consistent and his story | remains": what follows "and" is the next
            // verb's subject.
            let last = (0..next.start)
                .rev()
                .take_while(|&j| toks[j].range.start >= r.start)
                .find(|&j| toks[j].tag == Tag::And)
                .unwrap_or(next.start);
            obj = toks[..last]
                .iter()
                .rev()
                .find(|t| {
                    !matches!(
                        t.tag,
                        Tag::Comma | Tag::And | Tag::Det | Tag::Prep | Tag::Pron | Tag::That
                    )
                })
                .map(|t| r.start..t.range.end)
                .filter(|c| c.end > c.start);
        }
    }
    if let Some(s) = subj
        .as_ref()
        .and_then(|r| toks.iter().position(|t| t.range.start == r.start))
    {
        if let Some(a) = antecedent_object(toks, gs, k, s, floor) {
            // The verb's own prepositional phrase gives way to what it acted on.
            obj = Some(a);
        }
    }
    let mut reported = None;
    if REPORTING.contains(&g.lemma.as_str()) || announces_that(toks, &g.lemma, g.end) {
        // "said (that) Russia will sign", "told reporters that ...": the next group after the
        // verb (and its listener) with a subject of its own.
        if let Some(n) = gs.iter().position(|x| x.start >= g.end) {
            let inner = build(toks, gs, n);
            if inner.subject.is_some() {
                obj = None;
                reported = Some(Box::new(inner));
            }
        } else if let Some(q) = quote_before(toks, g.start) {
            // "“We will sign it,” Putin said": the quotation is what was said.
            obj = Some(q);
        }
    }
    // "Japan lodged a protest, officials said on Monday": an attribution after the clause
    // it reports, with nothing of its own after it.
    if reported.is_none()
        && obj.is_none()
        && k > 0
        && ATTRIBUTION.contains(&g.lemma.as_str())
        && toks[gs[k - 1].end..g.start]
            .iter()
            .any(|t| t.tag == Tag::Comma)
        && !toks[gs[k - 1].end..g.start]
            .iter()
            .any(|t| matches!(t.tag, Tag::And | Tag::Sub | Tag::Rel))
    {
        // What is attributed is the sentence's first main clause.
        let first = gs[..k]
            .iter()
            .position(|x| !in_subordinate(toks, x.start))
            .unwrap_or(k - 1);
        let inner = build(toks, &gs[..k], first);
        if inner.subject.is_some() {
            reported = Some(Box::new(inner));
        }
    }
    if subj.is_none() && g.start < toks.len() {
        // Inverted attribution: "..., said Putin".
        if REPORTING.contains(&g.lemma.as_str()) {
            let (end, head) = noun_phrase(toks, g.end);
            if head && end > g.end {
                subj = Some(toks[g.end].range.start..toks[end - 1].range.end);
                obj = quote_before(toks, g.start);
            }
        }
    }
    let last = &toks[g.end.max(g.start + 1) - 1];
    let particle = (g.end > g.start + 1 && PARTICLES.contains(&last.lower.as_str()))
        .then(|| last.lower.to_string());
    Clause {
        particle,
        subject: subj,
        verb: toks[g.start].range.start..toks[g.end.max(g.start + 1) - 1].range.end,
        main_verb: toks[g.main.min(toks.len() - 1)].range.clone(),
        lemma: g.lemma.clone(),
        time: g.time,
        modal: g.modal.clone(),
        passive,
        negated: g.negated,
        plural: number_of(toks, g),
        object: obj,
        reported,
    }
}

/// "The ceasefire, accepted by the Houthis on Monday, …", "the poll was derided … and
/// criticised by leading critics": a bare past form of a verb that takes an object, set
/// off by a comma or joined to another verb by "and", with no object and "by" and an
/// agent right after it, is a participle, a reduced passive: the agent
/// acted on the subject. An agent is a name, a noun phrase with a determiner, a pronoun or
/// a plural noun; a count, a gerund or a bare singular noun after "by" says by how much or
/// how ("rose by 3%", "responded by comparing", "ruled by decree"), and the verb is active.
fn reduced_passive(toks: &[Token], g: &Group) -> bool {
    // "by" after the verb, with a date phrase between at most ("accepted on Monday by").
    let by_at = (g.end..toks.len())
        .find(|&j| {
            !(matches!(toks[j].tag, Tag::Date | Tag::Adv)
                || (toks[j].tag == Tag::Prep
                    && toks.get(j + 1).is_some_and(|t| t.tag == Tag::Date)))
        })
        .unwrap_or(g.end);
    let set_off = toks[..g.start]
        .iter()
        .rev()
        .find(|t| t.tag != Tag::Adv)
        .is_some_and(|t| matches!(t.tag, Tag::Comma | Tag::And));
    // ("took", "gave" are never participles.)
    let participle = toks[g.main].lower.ends_with("ed")
        || IRREGULAR
            .iter()
            .any(|(_, _, pp)| pp.split('/').any(|p| p == toks[g.main].lower));
    if !set_off
        || !participle
        || INTRANSITIVE.contains(&g.lemma.as_str())
        || toks.get(by_at).is_none_or(|t| t.lower != "by")
    {
        return false;
    }
    let Some(next) = toks.get(by_at + 1) else {
        return false;
    };
    match next.tag {
        Tag::Proper | Tag::Pron => true,
        Tag::Det => toks
            .get(by_at + 2)
            .is_some_and(|t| !matches!(t.tag, Tag::Number) && !t.lower.ends_with("ing")),
        Tag::Word => {
            // "by opposition leaders", "by riot police": a bare noun phrase names an agent
            // only in the plural.
            let run = toks[by_at + 1..]
                .iter()
                .take_while(|t| t.tag == Tag::Word)
                .take(3)
                .collect::<Vec<_>>();
            !next.lower.ends_with("ing")
                && run.last().is_some_and(|t| {
                    let w = t.lower.as_str();
                    (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ics"))
                        || matches!(w, "police" | "people" | "men" | "women")
                })
        }
        _ => false,
    }
}

/// The subject's number as the finite verb of `g` spells it: a present auxiliary ("are",
/// "were", "has") or a present main verb with or without its "-s" ("start", "starts").
fn number_of(toks: &[Token], g: &Group) -> Option<bool> {
    let first = &toks[g.start];
    match first.lower.as_str() {
        "are" | "were" | "have" | "do" | "'re" | "'ve" => return Some(true),
        "is" | "was" | "has" | "does" => return Some(false),
        _ => {}
    }
    if g.start != g.main
        || g.time != Time::Present
        || first.tag != Tag::Word
        || bare_infinitive(toks, g.start)
    {
        return None;
    }
    // "set", "put", "read": a past spelt as its base shows no number.
    let w = first.lower.as_str();
    if IRREGULAR
        .iter()
        .any(|(b, p, _)| *b == w && p.split('/').any(|x| x == w))
    {
        return None;
    }
    match forms::verb_form(&first.lower, false)?.1 {
        VerbForm::Base => Some(true),
        VerbForm::Third => Some(false),
        _ => None,
    }
}

/// A quotation that ends right before token `i` (with its closing comma): its inner range.
fn quote_before(toks: &[Token], i: usize) -> Option<Range<usize>> {
    let mut j = i;
    while j > 0
        && matches!(
            toks[j - 1].tag,
            Tag::Comma | Tag::Proper | Tag::Word | Tag::Det
        )
        && j + 4 > i
    {
        if toks[j - 1].tag == Tag::Quote {
            break;
        }
        j -= 1;
    }
    let close = (0..j).rev().find(|&k| toks[k].tag == Tag::Quote)?;
    let open = (0..close).rev().find(|&k| toks[k].tag == Tag::Quote)?;
    if close <= open + 1 {
        return None;
    }
    let mut last = close - 1;
    while last > open + 1 && matches!(toks[last].tag, Tag::Comma | Tag::End) {
        last -= 1;
    }
    Some(toks[open + 1].range.start..toks[last].range.end)
}

/// "Usada announced that it had stripped Armstrong": what is announced, confirmed or
/// revealed in a "that" clause is the news, as with a verb of saying (an announcement of a
/// noun, "announced its decision", is not).
fn announces_that(toks: &[Token], lemma: &str, after: usize) -> bool {
    matches!(
        lemma,
        "announce" | "confirm" | "reveal" | "disclose" | "declare"
    ) && toks.get(after).is_some_and(|t| t.lower == "that")
}
