//! Line-end hyphens in laid-out text (PDF): a break inside one word ("govern-" + "ment") or
//! a compound that happened to wrap at its own hyphen ("late-" + "evening")?
//!
//! The text cannot say on its own, so the reader first marks each such break with [`BREAK`]
//! and decides once the whole document is known, the way a copy editor would:
//! 1. the document's own spelling wins: the same pair written elsewhere with a hyphen in the
//!    middle of a line keeps it, written as one word joins;
//! 2. otherwise English word formation: a first element that makes compounds rather than
//!    syllables (numbers, `self`, `ex`, `non`, `well`, `mid`, `late`…) or a second element
//!    that heads them (`old`, `year`, `based`, `led`, `term`…) keeps the hyphen;
//! 3. anything else is a word broken by hyphenation and joins ("Novem-" + "ber"). Two halves
//!    that are words on their own are no sign of a compound: closed compounds are the
//!    usual places to hyphenate ("under-" + "standing", "there-" + "fore").

use std::collections::HashSet;

/// Marks a line-end hyphen whose fate is decided by [`resolve`]. A private-use character,
/// so it never stands for anything in a real text (any found in the input are dropped).
pub(crate) const BREAK: char = '\u{E000}';

/// First elements that form compounds, not syllables: a hyphen after them is the compound's.
const COMPOUND_FIRST: &[&str] = &[
    "all", "anti", "co", "cross", "early", "ex", "far", "full", "half", "high", "late", "long",
    "low", "mid", "much", "multi", "near", "non", "off", "once", "one", "post", "pre", "pro",
    "quasi", "re", "self", "semi", "short", "so", "then", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "vice", "well", "wide", "year",
];

/// Second elements that head compounds ("ten-year", "Moscow-based", "Saudi-led").
const COMPOUND_HEAD: &[&str] = &[
    "aged",
    "backed",
    "based",
    "born",
    "brokered",
    "century",
    "day",
    "designate",
    "elect",
    "evening",
    "free",
    "funded",
    "general",
    "hour",
    "in-law",
    "led",
    "level",
    "like",
    "linked",
    "long",
    "made",
    "minded",
    "minute",
    "month",
    "morning",
    "night",
    "old",
    "owned",
    "party",
    "related",
    "run",
    "scale",
    "speaking",
    "style",
    "term",
    "time",
    "wide",
    "week",
    "year",
];

/// Resolves every [`BREAK`] in `texts`, using all of them as the document.
pub(crate) fn resolve(texts: &mut [&mut String]) {
    if !texts.iter().any(|t| t.contains(BREAK)) {
        return;
    }
    let vocab = Vocabulary::of(texts.iter().map(|t| t.as_str()));
    for t in texts.iter_mut() {
        if t.contains(BREAK) {
            **t = resolve_one(t, &vocab);
        }
    }
}

/// Words the document writes, lower-cased: whole, and hyphenated inside a line.
struct Vocabulary {
    words: HashSet<String>,
    hyphenated: HashSet<String>,
}

impl Vocabulary {
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        let mut hyphenated = HashSet::new();
        for t in texts {
            for token in t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == BREAK)) {
                // A token holding a break is not the document's own spelling of anything.
                if token.is_empty() || token.contains(BREAK) {
                    continue;
                }
                let lower = token.to_lowercase();
                if lower.contains('-') {
                    hyphenated.insert(lower);
                } else {
                    words.insert(lower);
                }
            }
        }
        Vocabulary { words, hyphenated }
    }
}

/// The word before and after position `at` (a break), lower-cased.
fn halves(text: &str, at: usize) -> (String, String) {
    let is_word = |c: char| c.is_alphanumeric();
    let before: String = text[..at]
        .chars()
        .rev()
        .take_while(|&c| is_word(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at + BREAK.len_utf8()..]
        .chars()
        .take_while(|&c| is_word(c))
        .collect();
    (before.to_lowercase(), after.to_lowercase())
}

fn keeps_hyphen(first: &str, second: &str, vocab: &Vocabulary) -> bool {
    if first.is_empty() || second.is_empty() {
        return true;
    }
    if vocab.hyphenated.contains(&format!("{first}-{second}")) {
        return true;
    }
    if vocab.words.contains(&format!("{first}{second}")) {
        return false;
    }
    if first.chars().all(|c| c.is_ascii_digit()) || COMPOUND_FIRST.contains(&first) {
        return true;
    }
    COMPOUND_HEAD.contains(&second)
}

fn resolve_one(text: &str, vocab: &Vocabulary) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(BREAK) {
        out.push_str(&text[last..at]);
        let (first, second) = halves(text, at);
        let between_letters = text[..at].chars().last().is_some_and(char::is_alphanumeric)
            && text[at + BREAK.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if between_letters && keeps_hyphen(&first, &second, vocab) {
            out.push('-');
        }
        last = at + BREAK.len_utf8();
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(doc: &[&str]) -> Vec<String> {
        let mut owned: Vec<String> = doc.iter().map(|s| s.replace('|', "\u{E000}")).collect();
        let mut refs: Vec<&mut String> = owned.iter_mut().collect();
        resolve(&mut refs);
        owned
    }

    #[test]
    fn breaks_are_decided_as_an_editor_would() {
        let cases: &[(&str, &str)] = &[
            // A syllable break joins.
            (
                "The ferry reopened on 2 Novem|ber.",
                "The ferry reopened on 2 November.",
            ),
            ("The govern|ment fell.", "The government fell."),
            // Compounds keep their hyphen: a compounding first element, a compound head.
            ("A late|evening vote.", "A late-evening vote."),
            ("A self|imposed limit.", "A self-imposed limit."),
            ("The ten|year plan.", "The ten-year plan."),
            ("The Saudi|led coalition.", "The Saudi-led coalition."),
            ("Twenty|five boats.", "Twenty-five boats."),
            ("A 12|hour strike.", "A 12-hour strike."),
        ];
        for (input, want) in cases {
            assert_eq!(run(&[input])[0], *want, "{input}");
        }
    }

    #[test]
    fn the_documents_own_spelling_wins() {
        // Written as one word elsewhere: join, although "co" makes compounds.
        let out = run(&["The co|operation deal.", "Cooperation grew."]);
        assert_eq!(out[0], "The cooperation deal.");
        // Written hyphenated inside a line elsewhere: keep.
        let out = run(&["A cease|fire held.", "The cease-fire was signed."]);
        assert_eq!(out[0], "A cease-fire held.");
        // Halves that are words of their own still join: a closed compound split where
        // hyphenation splits it.
        let out = run(&[
            "Their under|standing held.",
            "Under the deal, standing orders.",
        ]);
        assert_eq!(out[0], "Their understanding held.");
    }

    #[test]
    fn a_break_not_between_letters_is_dropped_and_text_without_breaks_is_untouched() {
        assert_eq!(run(&["The 1990s| were calm."])[0], "The 1990s were calm.");
        let mut plain = String::from("No breaks here-at all.");
        resolve(&mut [&mut plain]);
        assert_eq!(plain, "No breaks here-at all.");
    }
}
