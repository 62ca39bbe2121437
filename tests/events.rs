//! Events end to end on small hand-written corpora: splitting one sentence into several
//! happenings, countries referred back to, boilerplate that must stay silent, and one
//! happening reported by several articles becoming one cluster.

mod common;

use common::{corpus, d};
use dateline::model::{Corpus, Event};

fn codes(e: &Event) -> Vec<&str> {
    e.countries.iter().map(|c| c.as_str()).collect()
}

fn phrase<'a>(c: &'a Corpus, e: &Event) -> &'a str {
    &c.articles[e.article as usize].text[e.date_range.clone()]
}

#[test]
fn several_dates_in_one_sentence_are_several_events() {
    let c = corpus(&[(
        "visit.txt",
        "Leader's visit\ndate 2023-09-22\nKim Jong Un visited Russia from September 12 to 17 and met Vladimir Putin on Wednesday.\n",
    )]);
    assert_eq!(c.events.len(), 2, "{:#?}", c.events);
    let range = &c.events[0];
    assert_eq!(
        (range.span.start, range.span.end),
        (d("2023-09-12"), d("2023-09-17"))
    );
    assert_eq!(codes(range), vec!["KP", "RU"]);
    let meeting = &c.events[1];
    // Published Friday 2023-09-22: the Wednesday before.
    assert_eq!(meeting.span.start, d("2023-09-20"));
    assert!(codes(meeting).contains(&"RU"));
    assert_eq!(
        meeting.sentence, range.sentence,
        "both keep their whole sentence as text"
    );
    assert_ne!(meeting.date_range, range.date_range);
}

#[test]
fn a_sentence_without_countries_takes_those_it_refers_back_to() {
    let c = corpus(&[(
        "ministry.txt",
        "Ministry statement\ndate 2022-11-04\nJapan's foreign ministry summoned the ambassador of China over the incident.\n\nThe ministry said on Thursday that talks would continue.\n",
    )]);
    let e = c
        .events
        .iter()
        .find(|e| phrase(&c, e).contains("Thursday"))
        .unwrap();
    // "The ministry" is the subject of the sentence before: Japan's, not China's.
    assert_eq!(codes(e), vec!["JP"]);
    assert!(e.note.contains("from an earlier sentence"));
    assert!(
        e.country_spans.is_empty(),
        "nothing to highlight in the sentence itself"
    );
}

#[test]
fn a_city_places_its_own_sentence_but_is_not_referred_back_to() {
    let c = corpus(&[(
        "band.txt",
        "Band history\ndate 2022-11-04\nThe Norwegian band played in Rotterdam on 3 June 2019.\n\nIt released its third album on 12 May 2020.\n\nThe drummer moved to Chicago on 1 March 2021.\n\nHer first solo record came out on 9 September 2021.\n",
    )]);
    let on = |needle: &str| {
        c.events
            .iter()
            .find(|e| phrase(&c, e).contains(needle))
            .unwrap_or_else(|| panic!("no event on {needle}: {:#?}", c.events))
    };
    assert_eq!(
        codes(on("3 June")),
        vec!["NL", "NO"],
        "the city places the concert"
    );
    // The band's country carries over; the concert's city does not.
    assert_eq!(codes(on("12 May")), vec!["NO"]);
    assert_eq!(codes(on("1 March")), vec!["US"]);
    // After a sentence that names only a city, nothing is carried.
    assert!(
        codes(on("9 September")).is_empty(),
        "{:?}",
        codes(on("9 September"))
    );
}

#[test]
fn without_a_subject_every_country_of_the_sentence_before_is_referred_to() {
    let c = corpus(&[(
        "talks.txt",
        "Talks\ndate 2022-11-04\nAfter long delays, negotiators from Chile and Peru met in Lima.\n\nThe talks ended on Thursday.\n",
    )]);
    let e = c
        .events
        .iter()
        .find(|e| phrase(&c, e).contains("Thursday"))
        .unwrap();
    assert_eq!(codes(e), vec!["CL", "PE"]);
}

#[test]
fn country_mentions_are_highlightable_byte_ranges() {
    let c = corpus(&[(
        "a.txt",
        "Talks\ndate 2021-05-05\nNorth Korean and South Korean officials met in Panmunjom on 3 May 2021.\n",
    )]);
    let e = &c.events[0];
    let text = &c.articles[e.article as usize].text;
    let spans: Vec<(&str, &str)> = e
        .country_spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.code.as_str()))
        .collect();
    assert_eq!(spans, vec![("North Korean", "KP"), ("South Korean", "KR")]);
    assert_eq!(&text[e.date_range.clone()], "3 May 2021");
}

#[test]
fn bylines_navigation_read_more_and_comments_produce_nothing() {
    let c = corpus(&[(
        "page.txt",
        "Home > World > Europe\nPolish and German ministers meet\nBy Anna Nowak | 12 March 2022\nPolish and German ministers met in Warsaw on Friday.\nRead more: Germany said on 1 March 2022 it would send aid\nShare on Facebook\n© 2022 Example News\nGerman readers disagree, 2021 was worse!\n+5 ( +6 / -1 )\nLogin to comment\n",
    )]);
    assert_eq!(c.events.len(), 1, "{:#?}", c.events);
    assert_eq!(c.events[0].span.start, d("2022-03-11"));
    assert_eq!(codes(&c.events[0]), vec!["DE", "PL"]);
    let a = &c.articles[0];
    assert_eq!(a.pub_date.as_ref().unwrap().date, d("2022-03-12"));
    assert_eq!(a.authors, vec!["Anna Nowak"]);
}

#[test]
fn captions_can_carry_events() {
    let c = corpus(&[(
        "photo.txt",
        "Summit photo\ndate 2024-06-20\nThe two leaders shake hands in Hanoi, Vietnam, on Wednesday. Photo: A. Photographer\nThe talks ended on Thursday.\n",
    )]);
    let caption = c
        .events
        .iter()
        .find(|e| phrase(&c, e).contains("Wednesday"))
        .unwrap();
    assert_eq!(caption.span.start, d("2024-06-19"));
    assert_eq!(codes(caption), vec!["VN"]);
}

#[test]
fn one_happening_in_three_articles_is_one_cluster_with_three_sources() {
    let c = corpus(&[
        (
            "a.txt",
            "Port deal\ndate 2023-05-10\nChile and Peru signed a port cooperation agreement on 8 May 2023 in Lima.\n",
        ),
        (
            "b.md",
            "---\ndate: 2023-05-09\n---\n# Port pact\n\nPeru and Chile signed the port cooperation agreement in Lima yesterday.\n",
        ),
        (
            "c.json",
            r#"{"title":"Andean ports","date":"2023-05-11","text":"The port cooperation agreement that Chile and Peru signed on Monday in Lima takes effect in June."}"#,
        ),
        (
            "d.txt",
            "Unrelated\ndate 2023-05-10\nChile announced a new fisheries quota on 8 May 2023.\n",
        ),
    ]);
    let signing: Vec<&Event> = c
        .events
        .iter()
        .filter(|e| e.span.start == d("2023-05-08") && codes(e) == vec!["CL", "PE"])
        .collect();
    assert_eq!(signing.len(), 3, "{:#?}", c.events);
    let cluster = signing[0].cluster;
    assert!(signing.iter().all(|e| e.cluster == cluster));
    assert_eq!(c.clusters[cluster as usize].sources, 3);
    assert!(!c.clusters[cluster as usize].conflicting_dates);
    let quota = c
        .events
        .iter()
        .find(|e| c.articles[e.article as usize].path.ends_with("d.txt"))
        .unwrap();
    assert_ne!(
        quota.cluster, cluster,
        "same day and country, different happening"
    );
}

#[test]
fn today_inside_a_quotation_is_the_speakers_day_and_says_so() {
    let c = corpus(&[(
        "pact.txt",
        " date 2024-06-20  Harbour Ledger\nPact signed\n\
         On Wednesday, Chile and Peru signed a trade pact. \u{201c}The pact we signed today opens markets,\u{201d} the Chilean president said.\n\
         Peru's minister said today that talks with Chile would continue.\n\
         \"We are ready today,\" Peru's negotiator said.\n",
    )]);
    let todays: Vec<&Event> = c
        .events
        .iter()
        .filter(|e| phrase(&c, e) == "today")
        .collect();
    assert_eq!(todays.len(), 3);
    for e in &todays {
        assert_eq!(e.span.start, d("2024-06-20"));
    }
    let quoted: Vec<bool> = todays
        .iter()
        .map(|e| e.note.contains("inside a quotation"))
        .collect();
    assert_eq!(quoted, vec![true, false, true]);
    assert!(todays[0].confidence < Event::FIRM && todays[0].is_uncertain());
    assert!(todays[1].confidence >= Event::FIRM);
    assert!(todays[2].confidence < Event::FIRM);
}

#[test]
fn a_counted_amount_of_time_is_placed_at_the_date_it_leads_to() {
    // TIMEX3 calls "Two days later" a duration; the timeline still needs its day.
    let c = corpus(&[(
        "treaty.txt",
        "Treaty signed\ndate 2021-05-10\nFrance and Germany signed a treaty on 3 May 2021.\n\nTwo days later, Italy joined the agreement.\n",
    )]);
    let later = c
        .events
        .iter()
        .find(|e| phrase(&c, e) == "Two days later")
        .expect("the counted date is an event");
    assert_eq!(later.span.start, d("2021-05-05"));
    assert_eq!(later.timex_value, "2021-05-05");
    assert_eq!(codes(later), vec!["IT"]);
}

#[test]
fn a_date_restated_in_its_sentence_is_one_event() {
    let c = corpus(&[(
        "crash.txt",
        "Markets\ndate 2023-11-02\nTrading in Germany peaked on Oct. 12, the day before the crash in Japan.\n\nIn France the minister was arrested last March, and his name was removed that same day.\n",
    )]);
    assert_eq!(c.events.len(), 2, "{:#?}", c.events);
    let peak = &c.events[0];
    assert_eq!(phrase(&c, peak), "Oct. 12");
    assert_eq!(peak.span.start, d("2023-10-12"));
    // the restating clause still brings its countries
    assert_eq!(codes(peak), vec!["DE", "JP"]);
    assert_eq!(phrase(&c, &c.events[1]), "last March");
}
