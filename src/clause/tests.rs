//! Table tests of the clause analysis on sentences written for them.

use super::*;

fn parts(s: &str, focus: Option<&str>) -> (String, String, String) {
    let f = focus.map(|f| {
        let i = s.find(f).unwrap();
        i..i + f.len()
    });
    let c = analyse(s, f).unwrap_or_else(|| panic!("no clause in {s:?}"));
    let c = match c.reported {
        Some(r) => *r,
        None => c,
    };
    (
        c.subject.map(|r| s[r].to_string()).unwrap_or_default(),
        c.lemma,
        c.object.map(|r| s[r].to_string()).unwrap_or_default(),
    )
}

#[test]
fn subject_verb_object() {
    let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
        (
            "Putin and Kim signed a partnership treaty on Wednesday.",
            Some("on Wednesday"),
            "Putin and Kim",
            "sign",
            "a partnership treaty",
        ),
        // A reduced relative before the verb: its phrase's noun is not the subject.
        (
            "A banker wanted in Spain resigned on Tuesday.",
            Some("Tuesday"),
            "A banker",
            "resign",
            "",
        ),
        (
            "Two sailors held in Aden thanked the navy on Friday.",
            Some("Friday"),
            "Two sailors",
            "thank",
            "the navy",
        ),
        // ... but an intransitive verb after a noun is the verb of its own clause.
        (
            "The ferry sank in the harbour on Monday.",
            Some("Monday"),
            "The ferry",
            "sink",
            "in the harbour",
        ),
        // A phrasal verb's particle after a pronoun object belongs to the verb.
        (
            "The fugitive turned himself in on Tuesday.",
            Some("Tuesday"),
            "The fugitive",
            "turn",
            "himself in",
        ),
        (
            "The rebels handed them over to the Red Cross on Friday.",
            Some("Friday"),
            "The rebels",
            "hand",
            "them over",
        ),
        // ... and a preposition with its own noun phrase does not.
        (
            "Police found him in Paris on Friday.",
            Some("Friday"),
            "Police",
            "find",
            "him",
        ),
        (
            "The minister signed it on Monday.",
            Some("Monday"),
            "The minister",
            "sign",
            "it",
        ),
        (
            "The company filed for bankruptcy on 2 December.",
            Some("2 December"),
            "The company",
            "file",
            "for bankruptcy",
        ),
        (
            "Kim Jong Un, North Korea's leader, arrived in Vladivostok on Tuesday.",
            Some("Tuesday"),
            "Kim Jong Un",
            "arrive",
            "in Vladivostok",
        ),
        (
            "Three soldiers were killed in Kabul on Monday.",
            Some("Monday"),
            "Three soldiers",
            "kill",
            "in Kabul",
        ),
        (
            "Sales of Korean dried seaweed to Japan fell sharply in 2023.",
            Some("2023"),
            "Sales of Korean dried seaweed to Japan",
            "fall",
            "",
        ),
        (
            "Thousands of Kenyans lined the streets of Nairobi on Friday.",
            Some("Friday"),
            "Thousands of Kenyans",
            "line",
            "the streets of Nairobi",
        ),
        (
            "The Kazakh finished third in the sprint on Sunday.",
            Some("Sunday"),
            "The Kazakh",
            "finish",
            "third",
        ),
        (
            "Skilling resigned as chief executive in August.",
            Some("August"),
            "Skilling",
            "resign",
            "as chief executive",
        ),
        (
            "The minister will visit Japan next week.",
            Some("next week"),
            "The minister",
            "visit",
            "Japan",
        ),
        (
            "Enron agreed to pay $5m to investors on Friday.",
            Some("Friday"),
            "Enron",
            "agree",
            "to pay $5m",
        ),
        (
            "Lay stepped down from the board on 4 February.",
            Some("4 February"),
            "Lay",
            "step",
            "from the board",
        ),
        (
            "Russia, China and Iran held joint naval drills on Monday.",
            Some("Monday"),
            "Russia, China and Iran",
            "hold",
            "joint naval drills",
        ),
        (
            "On Tuesday, the court jailed the former mayor for six years.",
            Some("On Tuesday"),
            "the court",
            "jail",
            "the former mayor",
        ),
        (
            "Egypt 's army took control of the capital on Sunday .",
            Some("Sunday"),
            "Egypt 's army",
            "take",
            "control of the capital",
        ),
    ];
    for (s, f, subj, verb, obj) in cases {
        let (a, b, c) = parts(s, *f);
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            (*subj, *verb, *obj),
            "{s}"
        );
    }
}

#[test]
fn reported_speech_gives_the_reported_clause() {
    let (s, v, o) = parts(
        "Japan's defence ministry said on Tuesday that North Korea had fired a ballistic missile.",
        Some("on Tuesday"),
    );
    assert_eq!(
        (s.as_str(), v.as_str(), o.as_str()),
        ("North Korea", "fire", "a ballistic missile")
    );
    let (s, v, _) = parts(
        "Officials said the talks would resume on Monday.",
        Some("on Monday"),
    );
    assert_eq!((s.as_str(), v.as_str()), ("the talks", "resume"));
}

#[test]
fn second_date_takes_its_own_clause_and_the_shared_subject() {
    let s = "Kim visited Russia from September 12 to 17 and met Putin on Wednesday.";
    let (subj, v, o) = parts(s, Some("on Wednesday"));
    assert_eq!(
        (subj.as_str(), v.as_str(), o.as_str()),
        ("Kim", "meet", "Putin")
    );
    let (subj, v, o) = parts(s, Some("from September 12 to 17"));
    assert_eq!(
        (subj.as_str(), v.as_str(), o.as_str()),
        ("Kim", "visit", "Russia")
    );
}

#[test]
fn tense_voice_negation() {
    let c = analyse("The treaty will not be signed on Friday.", None).unwrap();
    assert_eq!((c.time, c.passive, c.negated), (Time::Future, true, true));
    let c = analyse("The bank has been fined by regulators.", None).unwrap();
    assert_eq!(
        (c.time, c.passive, c.lemma.as_str()),
        (Time::Present, true, "fine")
    );
    let c = analyse("He could face charges.", None).unwrap();
    assert_eq!((c.time, c.modal.as_deref()), (Time::Modal, Some("could")));
    let c = analyse("Kim is going to visit Moscow.", None).unwrap();
    assert_eq!((c.time, c.lemma.as_str()), (Time::Future, "visit"));
    let c = analyse("The minister didn't attend the summit.", None).unwrap();
    assert_eq!(
        (c.time, c.negated, c.lemma.as_str()),
        (Time::Past, true, "attend")
    );
}

#[test]
fn asides() {
    let aside = |s: &str, d: &str| {
        let i = s.find(d).unwrap();
        is_aside(s, i..i + d.len())
    };
    assert!(!aside("Kim met Putin on 3 May 2023.", "3 May 2023"));
    assert!(aside(
        "Kim, who met Putin on 3 May 2023, went home.",
        "3 May 2023"
    ));
    assert!(aside("The deal (signed on 3 May) lapsed.", "3 May"));
    assert!(aside("“We signed it on Monday,” he said.", "Monday"));
    assert!(aside(
        "He resigned after the board voted on Friday.",
        "Friday"
    ));
    assert!(!aside("Talks have gone on since Monday.", "Monday"));
    assert!(aside(
        "TOKYO, September 19. /TASS/. Japan protested.",
        "September 19"
    ));
}

#[test]
fn aside_without_retagging_is_the_focused_aside() {
    // Every token's range as the date phrase, in sentences with each kind of aside: the
    // test on the plain tags must answer as the one on the tags re-tagged for the phrase.
    let sentences = [
        "Kim met Putin on 3 May 2023.",
        "Kim, who met Putin on 3 May 2023, went home.",
        "The deal (signed on 3 May) lapsed after talks on Friday.",
        "“We signed it on Monday,” he said on Tuesday.",
        "He resigned after the board voted on Friday, as expected since Monday.",
        "TOKYO, September 19. /TASS/. Japan protested on Sunday.",
        "LONDON (Reuters) - Britain said it would act by June, which it did.",
    ];
    let (mut compared, mut asides) = (0, 0);
    for s in sentences {
        let sentence = Sentence::new(s);
        for t in sentence.tokens() {
            for end in [t.range.end, s.len()] {
                let date = t.range.start..end;
                assert_eq!(
                    sentence.is_aside_at(date.clone()),
                    sentence.focus(Some(date.clone())).is_aside(),
                    "{s:?} at {date:?}"
                );
                compared += 1;
                asides += usize::from(sentence.is_aside_at(date));
            }
        }
    }
    assert!(compared > 100 && asides > 0 && asides < compared);
}

#[test]
fn datelines_are_found() {
    let s = "TOKYO, September 19. /TASS/. Japan protested.";
    assert_eq!(&s[dateline_end(s)..], "Japan protested.");
    let s = "LONDON (Reuters) - Britain said it would act.";
    assert_eq!(&s[dateline_end(s)..], "Britain said it would act.");
    assert_eq!(dateline_end("Kim met Putin."), 0);
    assert_eq!(dateline_end("NATO allies met in Brussels."), 0);
}

#[test]
fn tokens_split_clitics_and_keep_abbreviations() {
    let t: Vec<String> = tokens("Kim's U.S. trip didn't end, said Mr. O'Brien.", &[])
        .into_iter()
        .map(|t| t.lower.to_string())
        .collect();
    assert_eq!(
        t,
        ["kim", "'s", "u.s.", "trip", "did", "n't", "end", ",", "said", "mr.", "o'brien", "."]
    );
}

#[test]
fn a_bound_prefix_written_apart_joins_its_word_in_any_case() {
    let lower = |s: &str| -> Vec<String> {
        tokens(s, &[])
            .into_iter()
            .map(|t| t.lower.to_string())
            .collect()
    };
    assert_eq!(lower("He was re - elected"), ["he", "was", "re-elected"]);
    assert_eq!(lower("He was RE - elected"), ["he", "was", "re-elected"]);
    assert_eq!(lower("the Co - founder"), ["the", "co-founder"]);
    // Not a prefix, no hyphen, or a number after it: apart.
    assert_eq!(lower("the red - elected"), ["the", "red", "-", "elected"]);
    assert_eq!(lower("the re elected"), ["the", "re", "elected"]);
    assert_eq!(lower("pre - 2008"), ["pre", "-", "2008"]);
    assert_eq!(lower("r\u{e9} - elected"), ["r\u{e9}", "-", "elected"]);
}

/// Each `(sentence, date phrase, subject)`: the clause focused on the date phrase has that
/// subject ("" for none); every miss is listed.
fn assert_subjects(cases: &[(&str, &str, &str)]) {
    let subject = |s: &str, d: &str| {
        let i = s.find(d).unwrap();
        analyse(s, Some(i..i + d.len()))
            .and_then(|c| c.subject)
            .map(|r| s[r].to_string())
            .unwrap_or_default()
    };
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|(s, d, want)| {
            let got = subject(s, d);
            (got != *want).then(|| format!("{s}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A noun phrase after a preposition is that preposition's object, never the subject: the
/// subject takes the phrase whole, or is none when the phrase is too long to follow back;
/// a determiner after a noun opens the subject's own phrase.
#[test]
fn the_subject_never_starts_inside_a_prepositional_phrase() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "The new convoys under the Lisbon accord left port on Friday.",
            "on Friday",
            "The new convoys under the Lisbon accord",
        ),
        (
            "The long queue behind the stadium gates cleared on Sunday.",
            "on Sunday",
            "The long queue behind the stadium gates",
        ),
        (
            "The talks between the two parties resumed on Monday.",
            "on Monday",
            "The talks between the two parties",
        ),
        // A letter joined by a hyphen written apart is part of a name, not a dash.
        (
            "Karl Berg of the T - Mobile team was third on Friday .",
            "on Friday",
            "Karl Berg of the T - Mobile team",
        ),
        // Too far back to follow: none rather than the preposition's object.
        (
            "Kim during the long visit to the east met the governor on Monday.",
            "on Monday",
            "",
        ),
        // "who" is a person: the name, not the phrase the name is in.
        (
            "The vote puts more pressure on Rousseff, who faced a runoff on 26 October.",
            "26 October",
            "Rousseff",
        ),
        // "a Facebook post": a name after "a" modifies a noun, which is no verb.
        (
            "The loss was confirmed in a Facebook post on his page on Monday.",
            "on Monday",
            "The loss",
        ),
        // A past form after a preposition's object is a participle, not the act of it.
        (
            "Aid flowed under the peace accord signed Wednesday.",
            "Wednesday",
            "the peace accord",
        ),
        (
            "In Hanoi the leaders signed the accord on Tuesday.",
            "on Tuesday",
            "the leaders",
        ),
        // Unchanged: a plain subject, a list, a possessive.
        (
            "Russia and the United States signed the accord on Tuesday.",
            "on Tuesday",
            "Russia and the United States",
        ),
        (
            "Egypt's army took control on Sunday.",
            "on Sunday",
            "Egypt's army",
        ),
    ];
    assert_subjects(cases);
}

/// Relative clauses and participles: the main verb's subject is never inside a relative
/// clause, a reduced relative's participle is passive, an object relative's verb acts on
/// its antecedent.
#[test]
fn relatives_and_participles() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "Delegates from the four states that ratified the charter met in Oslo on Friday.",
            "on Friday",
            "Delegates from the four states",
            "meet",
            "in Oslo",
        ),
        (
            "The pilots who flew the mission returned to base on Monday.",
            "on Monday",
            "The pilots",
            "return",
            "to base",
        ),
        (
            "Officials praised the scheme that Peru and Chile launched in Lima in 2019.",
            "in 2019",
            "Peru and Chile",
            "launch",
            "the scheme",
        ),
        (
            "The ceasefire reached in Doha in May ended the fighting.",
            "in May",
            "The ceasefire",
            "reach",
            "in Doha",
        ),
        // Unchanged: an intransitive verb after a noun is the act itself.
        (
            "The minister arrived in Doha in May.",
            "in May",
            "The minister",
            "arrive",
            "in Doha",
        ),
    ];
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|&(s, d, subj, lemma, obj)| {
            let got = parts(s, Some(d));
            (got != (subj.to_string(), lemma.to_string(), obj.to_string()))
                .then(|| format!("{s}: got {got:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    let s = "The ceasefire reached in Doha in May ended the fighting.";
    let d = s.find("in May").unwrap();
    let c = analyse(s, Some(d..d + "in May".len())).unwrap();
    assert!(c.passive, "{c:?}");
    // The verb as written tells the subject's number.
    let number = |s: &str| analyse(s, None).and_then(|c| c.plural);
    assert_eq!(number("Hearings start in February."), Some(true));
    assert_eq!(number("The hearing starts in February."), Some(false));
    assert_eq!(number("The talks were held in Oslo."), Some(true));
    assert_eq!(number("The talks ended in Oslo."), None);
    // A past spelt as its base shows no number.
    assert_eq!(number("The rider set a fast pace."), None);
}

/// A hyphen written apart before a past participle and the noun it modifies joins a
/// compound ("the Zuma - led committee", "the so - called report"); before a participle with
/// its own phrase it is a dash opening an aside ("the rebels - backed by ... - seized").
#[test]
fn a_participle_compound_is_one_word() {
    let tag_of_hyphen = |s: &str| {
        let t = Sentence::new(s);
        t.tokens()
            .iter()
            .find(|t| t.lower == "-")
            .map(|t| t.tag)
            .unwrap_or_else(|| panic!("no hyphen in {s:?}"))
    };
    let cases: &[(&str, Tag)] = &[
        ("the Zuma - led committee forced him out", Tag::Other),
        ("the so - called report was published", Tag::Other),
        ("a state - owned firm collapsed", Tag::Other),
        ("the UN - backed group left Cyprus", Tag::Other),
        (
            "the rebels - backed by their neighbours - seized the town",
            Tag::Break,
        ),
        ("the council met - reported the paper", Tag::Break),
        (
            "his brothers - Shahbaz and Ali - were detained without charge",
            Tag::Break,
        ),
    ];
    let bad: Vec<String> = cases
        .iter()
        .filter(|(s, want)| tag_of_hyphen(s) != *want)
        .map(|(s, want)| format!("{s}: got {:?}, want {want:?}", tag_of_hyphen(s)))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// "At least" before a count is part of the subject; a fixed adverbial ("in part", "in
/// turn") is never its head.
#[test]
fn bounds_and_fixed_adverbials_in_subjects() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "At least 300 troops crossed the border on Monday.",
            "on Monday",
            "At least 300 troops",
        ),
        (
            "At most two ships left port on Friday.",
            "on Friday",
            "At most two ships",
        ),
        ("In turn Smith resigned on Tuesday.", "on Tuesday", "Smith"),
        (
            "A battle last year – in part waged by the charity – changed the law.",
            "last year",
            "",
        ),
    ];
    assert_subjects(cases);
}

#[test]
fn the_closed_lists_table_answers_as_the_lists() {
    let words = TAGGED_LISTS
        .iter()
        .flat_map(|l| l.iter().copied())
        .chain(["", "May", "mays", "wills", "the ", "going", "lately", "'ll"]);
    for w in words {
        for (k, list) in TAGGED_LISTS.iter().enumerate() {
            assert_eq!(
                closed_lists(w) & (1 << k) != 0,
                list.contains(&w),
                "{w:?} in list {k}"
            );
        }
    }
    // "that" is a determiner only to the lists (the tagger reads it apart first); "once"
    // is both a subordinator and an adverb, and the subordinator is asked first.
    assert_eq!(closed_lists("once"), 1 << 7 | 1 << 9);
}

/// Session 16: a bare past form set off by a comma or dash, or joined by "and", with "by"
/// and an agent after it is passive; "by" with a count, a gerund or a bare singular noun
/// leaves it active, and so does a past that is no participle or a verb without an object.
#[test]
fn a_reduced_passive_with_its_agent() {
    let voice = |s: &str, d: &str| {
        let at = s.find(d).unwrap();
        analyse(s, Some(at..at + d.len())).map(|c| (c.lemma, c.passive))
    };
    let rows: &[(&str, &str, &str, bool)] = &[
        (
            "The truce, accepted by the rebels on Monday, began.",
            "on Monday",
            "accept",
            true,
        ),
        (
            "The bill was mocked by the press and criticised by senators on Tuesday.",
            "on Tuesday",
            "criticise",
            true,
        ),
        (
            "The shares rose and climbed by 12% on Monday.",
            "on Monday",
            "climb",
            false,
        ),
        (
            "The mayor stood and responded by attacking critics on Monday.",
            "on Monday",
            "respond",
            false,
        ),
        (
            "The king, meanwhile, ruled by decree on Monday.",
            "on Monday",
            "rule",
            false,
        ),
        (
            "The rebels, however, took by force the town on Monday.",
            "on Monday",
            "take",
            false,
        ),
    ];
    let bad: Vec<String> = rows
        .iter()
        .filter(|&&(s, d, lemma, passive)| voice(s, d) != Some((lemma.to_string(), passive)))
        .map(|&(s, d, _, _)| format!("{s}: got {:?}", voice(s, d)))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Session 17: a token's lower case is held inline and lowercased in a stack buffer when
/// ASCII; it reads as `to_lowercase` with "’" as "'" and a bound prefix joined, for
/// short and long, ASCII and other words.
#[test]
fn a_tokens_lower_case_reads_as_to_lowercase_writes_it() {
    for s in [
        "Kim’s U.S. trip didn’t END, said Mr. O'Brien in Zürich.",
        "The \u{212A}ELVIN scale and İstanbul's ÉTÉ festival were re - elected today.",
        "Counter-counter-revolutionary-movements and internationalisation-programmes met.",
        "ΑΘΗΝΑ — Die Straße, 3,000 $5 £2.5 -- “quoted” (aside) CO - FOUNDER Ex - Minister",
    ] {
        for t in tokens(s, &[]) {
            let want = s[t.range.clone()]
                .to_lowercase()
                .replace('’', "'")
                .replace(" - ", "-");
            assert_eq!(t.lower, want, "{s}");
        }
    }
}
