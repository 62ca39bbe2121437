//! One happening told from different sides is one mark (issue 18): an election reported by its
//! voting and by its result, a court day by its hearing and its verdict, while a statement made
//! the same day stays its own mark, even when each sentence of a chain matches the next. Articles
//! of our own.

mod common;

use common::{corpus, d};
use dateline::model::{Corpus, Event};

fn on<'a>(c: &'a Corpus, file: &str, day: &str) -> &'a Event {
    c.events
        .iter()
        .find(|e| c.articles[e.article as usize].path.ends_with(file) && e.span.start == d(day))
        .unwrap_or_else(|| panic!("no event of {file} on {day}: {:#?}", c.events))
}

#[test]
fn an_election_told_by_its_voting_and_by_its_result_is_one_happening() {
    let c = corpus(&[
        (
            "result.txt",
            "Run-off result\ndate 2025-06-17\nOfficials in Zambia said the governing party had won Sunday's presidential run-off by a wide margin.\n",
        ),
        (
            "voting.txt",
            "Long queues\ndate 2025-06-16\nZambians voted in the presidential run-off on Sunday, with long queues outside polling stations in Lusaka.\n",
        ),
        (
            "statement.txt",
            "Church leaders\ndate 2025-06-16\nOn Sunday, the Zambian council of churches said it would publish a report on the campaign.\n",
        ),
    ]);
    let result = on(&c, "result.txt", "2025-06-15");
    let voting = on(&c, "voting.txt", "2025-06-15");
    let statement = on(&c, "statement.txt", "2025-06-15");
    assert_eq!(
        result.cluster, voting.cluster,
        "the run-off, from two sides"
    );
    assert_ne!(statement.cluster, voting.cluster, "a statement of that day");
}

#[test]
fn a_court_day_told_by_its_hearing_and_its_sentence_is_one_happening() {
    let c = corpus(&[
        (
            "hearing.txt",
            "Fraud trial\ndate 2025-03-13\nThe trial of the former Kenyan minister resumed in Nairobi on Wednesday with the defence calling its last witness.\n",
        ),
        (
            "sentence.txt",
            "Minister jailed\ndate 2025-03-14\nReporters said the ex-minister of Kenya looked calm as Wednesday's sentencing ended with a term of six years.\n",
        ),
    ]);
    let hearing = on(&c, "hearing.txt", "2025-03-12");
    let sentence = on(&c, "sentence.txt", "2025-03-12");
    assert_eq!(hearing.cluster, sentence.cluster);
}

#[test]
fn a_statement_that_evening_does_not_join_a_court_day_through_a_chain() {
    let c = corpus(&[
        (
            "opening.txt",
            "Trial opens\ndate 2025-03-11\nThe fraud trial of the Kenyan minister opened in Nairobi on Monday before a packed gallery.\n",
        ),
        (
            "gallery.txt",
            "In the gallery\ndate 2025-03-11\nThe Kenyan minister looked tired in Nairobi on Monday, beside his wife in a packed gallery.\n",
        ),
        (
            "wife.txt",
            "His wife speaks\ndate 2025-03-11\nHis wife spoke to reporters in Nairobi on Monday about the Kenyan minister and the packed gallery.\n",
        ),
    ]);
    let opening = on(&c, "opening.txt", "2025-03-10");
    let gallery = on(&c, "gallery.txt", "2025-03-10");
    let wife = on(&c, "wife.txt", "2025-03-10");
    assert_eq!(opening.cluster, gallery.cluster, "one court day");
    assert_ne!(wife.cluster, gallery.cluster, "a statement about it");
}

#[test]
fn a_march_on_the_anniversary_does_not_join_the_day_it_remembers() {
    // "On Valentine's Day last year", written a year later, is the year before publication,
    // so the killing it names is last year's, with the report of that night, and the march on
    // this year's Valentine's Day stays apart.
    let c = corpus(&[
        (
            "trial.txt",
            "Farmer on trial\ndate 2025-03-20\nThe farmer shot his neighbour at his home near Nakuru in Kenya on Valentine's Day last year, the prosecutor told the court.\n",
        ),
        (
            "night.txt",
            "Neighbour shot\ndate 2024-02-15\nA farmer shot his neighbour at his home near Nakuru in Kenya on Wednesday night.\n",
        ),
        (
            "march.txt",
            "Women march\ndate 2025-02-15\nOn Friday, women in Kenya marched through Nakuru to remember the neighbour a year after the farmer shot him at his home.\n",
        ),
    ]);
    let trial = on(&c, "trial.txt", "2024-02-14");
    let night = on(&c, "night.txt", "2024-02-14");
    let march = on(&c, "march.txt", "2025-02-14");
    assert_eq!(trial.cluster, night.cluster, "one killing");
    assert_ne!(march.cluster, trial.cluster, "the march a year later");
}

/// The event of `file` whose date phrase is `phrase`.
fn phrase<'a>(c: &'a Corpus, file: &str, phrase: &str) -> &'a Event {
    c.events
        .iter()
        .find(|e| {
            let a = &c.articles[e.article as usize];
            a.path.ends_with(file) && a.text.get(e.date_range.clone()) == Some(phrase)
        })
        .unwrap_or_else(|| panic!("no event {phrase:?} in {file}: {:#?}", c.events))
}

#[test]
fn a_day_named_again_without_its_year_keeps_the_year_the_article_gave_it() {
    // Written in 2025 about a night of 2024: "14 February" in the second paragraph is the
    // night the first named ("Valentine's Day last year"), not this year's 14 February, so
    // the call made that night is one happening with the call reported at the time.
    let c = corpus(&[
        (
            "trial.txt",
            "Farmer on trial\ndate 2025-03-20\nThe farmer shot his neighbour at his home near Nakuru in Kenya on Valentine's Day last year, the prosecutor told the court.\nThe first call to the police in Nakuru came at 1.48am on 14 February, from the farmer's wife.\n",
        ),
        (
            "call.txt",
            "Call to police\ndate 2024-02-15\nThe farmer's wife called the police in Nakuru, Kenya, at 1.48am on Wednesday, minutes after the shot.\n",
        ),
        (
            "march.txt",
            "Women march\ndate 2025-02-15\nOn Friday, women in Kenya marched through Nakuru to remember the neighbour a year after the farmer shot him at his home.\n",
        ),
    ]);
    let later = phrase(&c, "trial.txt", "1.48am on 14 February");
    let call = on(&c, "call.txt", "2024-02-14");
    let march = on(&c, "march.txt", "2025-02-14");
    assert_eq!(later.span.start, d("2024-02-14"), "the day already placed");
    assert_eq!(later.cluster, call.cluster, "one call, told twice");
    assert_ne!(later.cluster, march.cluster, "the march a year later");
}

#[test]
fn a_stop_on_a_trip_is_its_own_happening_but_the_trip_told_twice_is_one() {
    let c = corpus(&[
        (
            "trip.txt",
            "Trip ends\ndate 2025-05-19\nThe Chilean president visited Japan on May 12-17, meeting the emperor and business leaders in Tokyo.\n",
        ),
        (
            "since.txt",
            "Visit goes on\ndate 2025-05-16\nThe Chilean president has been visiting Japan since May 12, meeting the emperor and business leaders.\n",
        ),
        (
            "stop.txt",
            "Shipyard tour\ndate 2025-05-15\nThe Chilean president visited a shipyard in Nagasaki, Japan, on Thursday, meeting business leaders.\n",
        ),
    ]);
    let trip = on(&c, "trip.txt", "2025-05-12");
    let since = on(&c, "since.txt", "2025-05-12");
    let stop = on(&c, "stop.txt", "2025-05-15");
    assert_eq!(trip.cluster, since.cluster, "the trip, told twice");
    // The 15th lies inside the trip's run of days, after its first: one stop of it.
    assert_ne!(stop.cluster, trip.cluster, "a stop on the trip");
    assert_ne!(stop.cluster, since.cluster, "a stop on the trip");
}
