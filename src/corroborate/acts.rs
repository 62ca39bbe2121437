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
//! purpose clause ("this month to meet"). So the act is looked for, in order: the noun the
//! date modifies when it is a possessive or stands between a determiner and a noun ("Friday's
//! run-off", "the 29 March presidential poll": the run-off, whatever verb governs the clause),
//! before the date in its clause, after it in its clause, then before and after across clause
//! punctuation within [`REACH`] words. Reporting verbs ("said", "claimed", "warned", "spoke")
//! are a class of their own, so "Japan said Friday that Kishida is willing to meet Kim" is a
//! statement, not a meeting.
//!
//! A happening is told from different sides and stages: an election by its polls, run-off,
//! ballots and turnout; a court day by its trial, hearing, witnesses and sentence. Those frame
//! words ([`FRAMES`]) belong to the class of the act, so they count as the act in a sentence's
//! wording and govern a date in their own clause, but not across clause punctuation (a
//! setting word three commas away is not what the date is about).

use crate::fxmap::Fx;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::OnceLock;

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
    /// Ceremonies: wedding, funeral, coronation, awards.
    Ceremony,
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
            Act::Ceremony => "\u{1}ceremony",
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
        "assault", "assaulted", "offensive", "shot", "shoot", "shooting", "shootings", "gunned",
        "murder", "murders", "murdered", "stabbed", "stabbing",
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
    (Act::Ceremony, &[
        "wedding", "weddings", "funeral", "funerals", "ceremony", "ceremonies", "coronation",
        "awards", "memorial",
    ]),
    (Act::Say, &[
        "say", "says", "said", "saying", "claim", "claims", "claimed", "warn", "warns",
        "warned", "announce", "announces", "announced", "deny", "denies", "denied", "urge",
        "urges", "urged", "told", "tells", "stated", "statement", "declared", "declined",
        "confirmed", "reported", "expressed", "allege", "alleges", "alleged", "insist",
        "insists", "insisted", "reveal", "reveals", "revealed", "admit", "admits", "admitted",
        "accuse", "accuses", "accused", "wrote", "writes", "speak", "speaks", "spoke",
        "speaking", "spoken",
    ]),
];

/// The frame of a happening: words for its parts and setting rather than the act itself (an
/// election's polls, run-off, ballots, voters and turnout; a court day's trial, hearing,
/// witnesses, judgment and sentence). They name the happening in a sentence's wording, but
/// only govern a date inside its own clause.
#[rustfmt::skip]
const FRAMES: &[(Act, &[&str])] = &[
    (Act::Vote, &[
        "poll", "polls", "polling", "runoff", "run-off", "primary", "primaries", "caucus",
        "caucuses", "ballots", "voters", "turnout",
    ]),
    (Act::Justice, &[
        "trial", "trials", "hearing", "hearings", "court", "courtroom", "judgment", "sentencing",
        "sentence", "bail", "testify", "testified", "testimony", "witness", "witnesses",
        "prosecutor", "prosecutors", "jury", "acquittal", "pleaded",
    ]),
];

/// The class of one lower-case word, if it has one.
pub(crate) fn class_of(word: &str) -> Option<Act> {
    word_class(word).map(|(act, _)| act)
}

/// A word of a sentence: its byte range, and its class with whether it is only a frame word.
type Word = (Range<usize>, Option<(Act, bool)>);

/// The class of a word and whether it is only a frame word ([`FRAMES`]).
/// Looked up in a table of both lists made once (every word of every clustered sentence
/// asks): a word listed twice keeps its first place, [`LEXICON`] before [`FRAMES`], as a
/// scan of the lists in that order finds it.
fn word_class(word: &str) -> Option<(Act, bool)> {
    type Table = HashMap<&'static str, (Act, bool), BuildHasherDefault<Fx>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = Table::default();
        let lists = [(LEXICON, false), (FRAMES, true)];
        for (list, frame) in lists {
            for &(act, words) in list {
                for &w in words {
                    t.entry(w).or_insert((act, frame));
                }
            }
        }
        t
    });
    if word.len() > LONGEST_WORD {
        return None;
    }
    table.get(word).copied()
}

/// Bytes of the longest word in [`LEXICON`] and [`FRAMES`] (a test checks it): longer words
/// are answered without hashing them.
const LONGEST_WORD: usize = 12;

/// Words that make a date phrase right after them a modifier of the noun that follows it ("the
/// 29 March presidential poll", "a June 12 vote").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her",
];

/// How many words from the date an act word may be once the search crosses clause
/// punctuation.
pub(crate) const REACH: usize = 10;

/// The act governing the date phrase `date` (byte range into `sentence`), if any.
pub(crate) fn act_of(sentence: &str, date: Range<usize>) -> Option<Act> {
    // Words with their byte ranges, and clause breaks (commas, semicolons, colons, dashes,
    // quotation marks) as `None`.
    let mut items: Vec<Word> = Vec::new();
    let mut breaks: Vec<usize> = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut buf = [0u8; LONGEST_WORD];
    let mut flush = |items: &mut Vec<Word>, s: usize, e: usize| {
        let word = &sentence[s..e];
        // An ASCII word longer than every listed word has no class (and is not lowercased).
        let class = if word.is_ascii() && word.len() > LONGEST_WORD {
            None
        } else {
            word_class(&crate::lowercase::lowercase(word, &mut buf))
        };
        items.push((s..e, class));
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
    let class = |k: usize| items[k].1.map(|(act, _)| act);
    // Across clause punctuation only act words count, not the words of a frame.
    let act_word = |k: usize| items[k].1.filter(|&(_, frame)| !frame).map(|(act, _)| act);
    let before_in = || (clause_start..first_in).rev().find_map(class);
    let after_in = || (after..clause_end).find_map(class);
    let before_any = || {
        (first_in.saturating_sub(REACH)..first_in)
            .rev()
            .find_map(act_word)
    };
    // A date inside a clause of its own words ("Malaysia held naval exercises on Saturday,
    // officials said") is about that clause: a reporting verb after the clause's punctuation
    // is the attribution of the whole sentence, not what the date dates. A date that only
    // opens its clause ("On Monday, the ministry said ...") takes the verb that follows.
    let own_words = (clause_start..clause_end)
        .filter(|k| !(first_in..after).contains(k))
        .count();
    let after_any = || {
        (after..(after + REACH).min(items.len()))
            .filter_map(act_word)
            .find(|&a| a != Act::Say || own_words < ATTRIBUTED_CLAUSE_WORDS)
    };
    modified_noun(sentence, &items, &date, first_in, after, clause_end)
        .or_else(before_in)
        .or_else(after_in)
        .or_else(before_any)
        .or_else(after_any)
}

/// How many words besides the date phrase make its clause a clause of its own, whose
/// trailing attribution (", officials said") is not the act (an opening adverbial such as
/// "Early on Monday," has fewer).
const ATTRIBUTED_CLAUSE_WORDS: usize = 3;

/// How many words after a date that modifies a noun ("Friday's widely derided presidential
/// run-off") the noun may be.
const MODIFIED_REACH: usize = 4;

/// A date phrase that is a possessive ("Monday's election", "today's hearing") or stands
/// between a determiner and a noun ("the 29 March presidential poll") modifies that noun: the
/// noun is the happening it dates, whatever verb governs the clause ("officials said Mugabe
/// had won Friday's run-off" dates the run-off, not the statement).
fn modified_noun(
    sentence: &str,
    items: &[Word],
    date: &Range<usize>,
    first_in: usize,
    after: usize,
    clause_end: usize,
) -> Option<Act> {
    let phrase = sentence.get(date.clone())?;
    let possessive_inside = ["'s", "’s"].iter().any(|p| phrase.ends_with(p));
    let mut from = after;
    let possessive_after = items.get(after).is_some_and(|(r, _)| {
        &sentence[r.clone()] == "s"
            && sentence[date.end..r.start]
                .trim()
                .chars()
                .all(|c| c == '\'' || c == '’')
            && !sentence[date.end..r.start].trim().is_empty()
    });
    if possessive_after {
        from += 1;
    }
    let determiner = first_in
        .checked_sub(1)
        .and_then(|k| items.get(k))
        .is_some_and(|(r, _)| DETERMINERS.contains(&sentence[r.clone()].to_lowercase().as_str()));
    if !(possessive_inside || possessive_after || determiner) {
        return None;
    }
    (from..(from + MODIFIED_REACH).min(clause_end)).find_map(|k| items[k].1.map(|(act, _)| act))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists in their order, first class kept: what the table must answer.
    fn scanned(word: &str) -> Option<(Act, bool)> {
        let find = |table: &[(Act, &[&str])]| {
            table
                .iter()
                .find(|(_, words)| words.contains(&word))
                .map(|(act, _)| *act)
        };
        find(LEXICON)
            .map(|a| (a, false))
            .or_else(|| find(FRAMES).map(|a| (a, true)))
    }

    #[test]
    fn the_table_answers_as_a_scan_of_the_lists() {
        let listed = LEXICON.iter().chain(FRAMES).flat_map(|(_, w)| w.iter());
        let longest = listed.clone().map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_WORD));
        for w in listed {
            assert_eq!(word_class(w), scanned(w), "{w}");
            for other in [format!("{w}s"), format!("x{w}"), w[1..].to_string()] {
                assert_eq!(word_class(&other), scanned(&other), "{other}");
            }
        }
        // "testify" is a frame word only; "sentence" is a frame, "sentenced" an act.
        assert_eq!(word_class("testify"), Some((Act::Justice, true)));
        assert_eq!(word_class("sentenced"), Some((Act::Justice, false)));
        for w in ["", "the", "ratifications", "Signed", "meeting-room"] {
            assert_eq!(word_class(w), scanned(w), "{w}");
        }
    }

    #[test]
    fn words_in_capitals_or_beyond_ascii_take_their_lower_case_class() {
        let d = "on Monday";
        let s = format!("The ministers SIGNED the accord {d}.");
        assert_eq!(act(&s, d), Some(Act::Sign));
        // KELVIN SIGN lowercases to an ASCII "k": "\u{212A}illed" reads as "killed".
        let s = format!("Two men were \u{212A}illed {d}.");
        assert_eq!(act(&s, d), Some(Act::Die));
        let s = format!("The ministers signedsignedsigned the paper {d}.");
        assert_eq!(act(&s, d), None);
    }

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
    fn a_trailing_attribution_is_not_the_act_of_a_date_in_its_own_clause() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "The two navies held joint exercises off the coast on Saturday, a spokesman told reporters.",
                "on Saturday",
                None,
            ),
            (
                "Peru lodged a protest over fishing rights on Tuesday, officials said.",
                "on Tuesday",
                None,
            ),
            // An act word beyond the attribution still counts.
            (
                "The ferry docked at the island on Friday, and the crew arrived at the port.",
                "on Friday",
                Some(Act::Visit),
            ),
            // A date that only opens its clause takes the verb that follows it.
            (
                "On Monday, the ministry said the border would stay closed.",
                "On Monday",
                Some(Act::Say),
            ),
            (
                "Early on Monday, the ministry said the border would stay closed.",
                "on Monday",
                Some(Act::Say),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
    }

    #[test]
    fn a_date_that_modifies_a_noun_dates_that_noun() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "Officials said the governor had won Sunday's bitterly fought run-off.",
                "Sunday",
                Some(Act::Vote),
            ),
            (
                "The party claimed victory in the 3 May regional poll with a large lead.",
                "3 May",
                Some(Act::Vote),
            ),
            (
                "Lawyers argued during today’s hearing that the search was illegal.",
                "today’s",
                Some(Act::Justice),
            ),
            (
                "The minister praised the crowds at Saturday's royal wedding in the capital.",
                "Saturday",
                Some(Act::Ceremony),
            ),
            // Not a modifier: the date is the complement of "on".
            (
                "The mayor said on Sunday that the vote was fair.",
                "on Sunday",
                Some(Act::Say),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
    }

    #[test]
    fn frame_words_govern_a_date_only_in_its_clause() {
        let rows: &[(&str, &str, Option<Act>)] = &[
            (
                "The trial resumes on Friday in the capital.",
                "on Friday",
                Some(Act::Justice),
            ),
            (
                "Polling stations closed late on Tuesday across the north.",
                "on Tuesday",
                Some(Act::Vote),
            ),
            // Across a comma a frame word is setting, not the act.
            (
                "The lawyer went through the night of 4 March, the evidence, the witnesses.",
                "4 March",
                None,
            ),
            (
                "The family spoke to reporters on Monday night after hearing the defendant.",
                "on Monday night",
                Some(Act::Say),
            ),
        ];
        for (s, d, want) in rows {
            assert_eq!(act(s, d), *want, "{s}");
        }
    }

    #[test]
    fn no_act_word_near_the_date_gives_none() {
        assert_eq!(act("The weather was mild on Sunday.", "on Sunday"), None);
        assert_eq!(act("Prices rose 3% in 2019.", "in 2019"), None);
    }
}
