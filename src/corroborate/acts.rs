//! Act classes: what kind of thing happened on an event's date. One happening is reported in
//! different words ("signed a partnership agreement" / "the treaty signed Wednesday";
//! "visited Russia" / "has been visiting Russia"; "after meeting Putin" / "during Wednesday's
//! meeting"), so grouping compares the kind of act, not the word: verbs and their
//! nominalisations fall into a small set of classes stated as general English.
//!
//! An event's act is the act word that governs its date phrase. English puts a date adverbial
//! after the verb phrase it belongs to ("visited Russia on September 12", "the treaty signed
//! Wednesday") or opens the clause with it ("On Wednesday, Putin signed ..."); a word after
//! the date inside its clause is usually a noun it modifies ("Wednesday's meeting") or a
//! purpose clause ("this month to meet"). So the act is looked for, in order: before the date
//! in its clause, after it in its clause, then before and after across clause punctuation
//! within [`REACH`] words. Reporting verbs ("said", "claimed", "warned") are a class of their
//! own, so "Japan said Friday that Kishida is willing to meet Kim" is a statement, not a
//! meeting.

use std::ops::Range;

/// A kind of act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Act {
    /// Agreements and the documents that record them: sign, agree, treaty, pact, accord.
    Sign,
    /// Being somewhere: visit, trip, travel, arrive, tour.
    Visit,
    /// Meeting someone: meet, talks, summit.
    Meet,
    /// Armed violence: attack, strike, bomb, raid, invade, shell.
    Attack,
    /// Deaths: die, death, kill.
    Die,
    /// Votes: election, elect, vote, referendum, ballot.
    Vote,
    /// Arrest and the courts: arrest, detain, charge, indict, convict, sentence, acquit.
    Justice,
    /// Taking or leaving office: resign, appoint, inaugurate, sworn in.
    Office,
    /// Launches and tests: launch, test-fire, unveil.
    Launch,
    /// Statements: say, claim, warn, announce, deny, urge. Reporting is everywhere, so this
    /// class only keeps a statement apart from the act it reports.
    Say,
}

impl Act {
    /// Whether sharing this act is evidence of one happening (a statement is not: two
    /// statements on one day are usually different ones).
    pub(crate) fn is_happening(self) -> bool {
        self != Act::Say
    }

    /// A token that stands for the class in a sentence's wording, so "met" and "meeting"
    /// count as one shared word.
    pub(crate) fn token(self) -> &'static str {
        match self {
            Act::Sign => "\u{1}sign",
            Act::Visit => "\u{1}visit",
            Act::Meet => "\u{1}meet",
            Act::Attack => "\u{1}attack",
            Act::Die => "\u{1}die",
            Act::Vote => "\u{1}vote",
            Act::Justice => "\u{1}justice",
            Act::Office => "\u{1}office",
            Act::Launch => "\u{1}launch",
            Act::Say => "\u{1}say",
        }
    }
}

/// Word forms of each class, lower case: verb forms and the nouns made from them. Words with
/// two common senses in news are left out ("fired" a missile or a minister, "held" talks or a
/// prisoner, "deal").
#[rustfmt::skip]
const LEXICON: &[(Act, &[&str])] = &[
    (Act::Sign, &[
        "sign", "signs", "signed", "signing", "agree", "agrees", "agreed", "agreement",
        "agreements", "treaty", "treaties", "pact", "pacts", "accord", "accords", "ratify",
        "ratifies", "ratified", "ratification",
    ]),
    (Act::Visit, &[
        "visit", "visits", "visited", "visiting", "trip", "trips", "travel", "travels",
        "travelled", "traveled", "travelling", "traveling", "arrive", "arrives", "arrived",
        "arriving", "arrival", "tour", "tours", "toured", "touring", "stay", "stayed",
    ]),
    (Act::Meet, &[
        "meet", "meets", "met", "meeting", "meetings", "talks", "summit", "summits",
        "conferred",
    ]),
    (Act::Attack, &[
        "attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck",
        "airstrike", "airstrikes", "bomb", "bombs", "bombed", "bombing", "bombings", "raid",
        "raids", "raided", "invade", "invades", "invaded", "invasion", "shelled", "shelling",
        "assault", "assaulted", "offensive",
    ]),
    (Act::Die, &[
        "die", "dies", "died", "dying", "death", "deaths", "killed", "kills", "killing", "dead",
    ]),
    (Act::Vote, &[
        "election", "elections", "elected", "vote", "votes", "voted", "voting", "referendum",
        "ballot", "re-elected", "reelected",
    ]),
    (Act::Justice, &[
        "arrest", "arrests", "arrested", "detain", "detained", "detention", "charged",
        "indicted", "indictment", "convicted", "conviction", "sentenced", "acquitted",
        "verdict", "extradited", "extradition",
    ]),
    (Act::Office, &[
        "resign", "resigns", "resigned", "resignation", "appointed", "appointment",
        "inaugurated", "inauguration", "sworn", "ousted", "sacked",
    ]),
    (Act::Launch, &[
        "launch", "launches", "launched", "launching", "unveil", "unveils", "unveiled",
    ]),
    (Act::Say, &[
        "say", "says", "said", "saying", "claim", "claims", "claimed", "warn", "warns",
        "warned", "announce", "announces", "announced", "deny", "denies", "denied", "urge",
        "urges", "urged", "told", "tells", "stated", "statement", "declared", "declined",
        "confirmed", "reported", "expressed", "allege", "alleges", "alleged", "insist",
        "insists", "insisted", "reveal", "reveals", "revealed", "admit", "admits", "admitted",
        "accuse", "accuses", "accused", "wrote", "writes",
    ]),
];

/// The class of one lower-case word, if it has one.
pub(crate) fn class_of(word: &str) -> Option<Act> {
    LEXICON
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(act, _)| *act)
}

/// How many words from the date an act word may be once the search crosses clause
/// punctuation.
pub(crate) const REACH: usize = 10;

/// The act governing the date phrase `date` (byte range into `sentence`), if any.
pub(crate) fn act_of(sentence: &str, date: Range<usize>) -> Option<Act> {
    // Words with their byte ranges, and clause breaks (commas, semicolons, colons, dashes,
    // quotation marks) as `None`.
    let mut items: Vec<(Range<usize>, Option<Act>)> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    let mut word_start: Option<usize> = None;
    let flush = |items: &mut Vec<(Range<usize>, Option<Act>)>, s: usize, e: usize| {
        let lower = sentence[s..e].to_lowercase();
        items.push((s..e, class_of(&lower)));
    };
    for (i, c) in sentence.char_indices() {
        if c.is_alphanumeric() || (c == '-' && word_start.is_some()) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            flush(&mut items, s, i);
        }
        if matches!(c, ',' | ';' | ':' | '“' | '”' | '"' | '(' | ')' | '—' | '–') {
            breaks.push(items.len());
        }
    }
    if let Some(s) = word_start {
        flush(&mut items, s, sentence.len());
    }
    // Word indices before and after the date phrase.
    let first_in = items.iter().position(|(r, _)| r.end > date.start)?;
    let after = items
        .iter()
        .position(|(r, _)| r.start >= date.end)
        .unwrap_or(items.len());
    // A break at word index k lies between items[k-1] and items[k].
    let clause_start = breaks
        .iter()
        .copied()
        .filter(|&k| k <= first_in)
        .max()
        .unwrap_or(0);
    let clause_end = breaks
        .iter()
        .copied()
        .filter(|&k| k >= after)
        .min()
        .unwrap_or(items.len());
    let class = |k: usize| items[k].1;
    let before_in = (clause_start..first_in).rev().find_map(class);
    let after_in = || (after..clause_end).find_map(class);
    let before_any = || {
        (first_in.saturating_sub(REACH)..first_in)
            .rev()
            .find_map(class)
    };
    let after_any = || (after..(after + REACH).min(items.len())).find_map(class);
    before_in
        .or_else(after_in)
        .or_else(before_any)
        .or_else(after_any)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The act of the date phrase `date` (its first occurrence) in `s`.
    fn act(s: &str, date: &str) -> Option<Act> {
        let at = s.find(date).expect("date phrase in sentence");
        act_of(s, at..at + date.len())
    }

    #[test]
    fn act_before_the_date_in_its_clause_wins() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "The ministers signed the fisheries accord on Monday.",
                "on Monday",
                Some(Act::Sign),
            ),
            (
                "The trade pact signed Tuesday takes effect in May.",
                "Tuesday",
                Some(Act::Sign),
            ),
            (
                "The queen has been touring Canada since May 3, after opening parliament.",
                "since May 3",
                Some(Act::Visit),
            ),
            (
                "She flew home after meeting the chancellor on Friday at a dinner.",
                "on Friday",
                Some(Act::Meet),
            ),
            (
                "The rebels attacked the convoy on Sunday near the border.",
                "on Sunday",
                Some(Act::Attack),
            ),
            (
                "The singer died on 3 March in a Paris hospital.",
                "on 3 March",
                Some(Act::Die),
            ),
            (
                "Voters elected a new parliament in June.",
                "in June",
                Some(Act::Vote),
            ),
            (
                "Police arrested the mayor on Thursday morning.",
                "on Thursday",
                Some(Act::Justice),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
    }

    #[test]
    fn a_date_opening_its_clause_takes_the_act_that_follows() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "On Tuesday, the two presidents signed a border treaty.",
                "On Tuesday",
                Some(Act::Sign),
            ),
            (
                "During Monday's summit, the premier spoke of trade.",
                "Monday",
                Some(Act::Meet),
            ),
            (
                "In May, the army invaded the province.",
                "In May",
                Some(Act::Attack),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
    }

    #[test]
    fn a_statement_is_not_the_act_it_reports() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "The ministry said Friday that the premier is ready to meet the king.",
                "Friday",
                Some(Act::Say),
            ),
            (
                "On Monday, a newspaper claimed that the envoy will travel to Oslo this month.",
                "On Monday",
                Some(Act::Say),
            ),
            (
                "On Monday, a newspaper claimed that the envoy will travel to Oslo this month.",
                "this month",
                Some(Act::Visit),
            ),
            (
                "The envoy plans to travel to Oslo this month to meet the king.",
                "this month",
                Some(Act::Visit),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
        assert!(!Act::Say.is_happening());
        assert!(Act::Meet.is_happening());
    }

    #[test]
    fn no_act_word_near_the_date_gives_none() {
        assert_eq!(act("The weather was mild on Sunday.", "on Sunday"), None);
        assert_eq!(act("Prices rose 3% in 2019.", "in 2019"), None);
    }
}
