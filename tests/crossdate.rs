//! Publication dates inferred from the rest of the corpus, end to end: an undated article
//! that reports what a dated one reports takes its date from it, and says so; when the same
//! story fits two dates far apart, the inferred date stays weak and names the other one.

mod common;

use chrono::Datelike;
use common::{corpus, d};
use dateline::model::{Corpus, PubDateSource};

fn article<'a>(c: &'a Corpus, name: &str) -> &'a dateline::model::Article {
    c.articles
        .iter()
        .find(|a| std::path::Path::new(&a.path).file_name() == Some(name.as_ref()))
        .unwrap()
}

const DATED_2024: &str = " date 2024-06-20  Harbour Ledger\nPact signed in the capital\n\
    On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang during a state visit.\n";

const UNDATED: &str = "Leaders seal defence pact\n\
    On Wednesday, Putin and Kim signed a mutual defence treaty in Pyongyang, the Kremlin said.\n";

#[test]
fn an_undated_report_takes_the_date_of_the_dated_one() {
    let c = corpus(&[("dated.txt", DATED_2024), ("undated.txt", UNDATED)]);
    let p = article(&c, "undated.txt").pub_date.clone().unwrap();
    assert_eq!(p.source, PubDateSource::Corpus, "{p:?}");
    // Published on or soon after the Wednesday both articles report.
    assert!(
        (d("2024-06-19")..=d("2024-06-27")).contains(&p.date),
        "{p:?}"
    );
    assert!(p.confidence >= 0.45 && p.confidence < 0.7, "{p:?}");
    assert!(p.note.contains("shared with firmly dated"), "{p:?}");
    // Its Wednesday is now the treaty's day.
    let ev = c
        .events
        .iter()
        .find(|e| {
            c.articles[e.article as usize]
                .path
                .ends_with("/undated.txt")
        })
        .unwrap();
    assert_eq!(ev.span.start, d("2024-06-19"));
}

#[test]
fn a_story_that_fits_two_dates_stays_weak_and_names_the_other() {
    let dated_2023 = " date 2023-09-15  Harbour Ledger\nSummit in the east\n\
        On Wednesday, Russia and North Korea signed a mutual defence treaty in Pyongyang at a summit.\n";
    let c = corpus(&[
        ("dated.txt", DATED_2024),
        ("dated-2023.txt", dated_2023),
        ("undated.txt", UNDATED),
    ]);
    let p = article(&c, "undated.txt").pub_date.clone().unwrap();
    assert_eq!(p.source, PubDateSource::Corpus, "{p:?}");
    assert!(
        p.confidence < 0.5,
        "an ambiguous inference must stay weak: {p:?}"
    );
    assert!(p.note.contains("check the date"), "{p:?}");
    // Whichever date won, the note names the other summit's.
    let other = if p.date.year() == 2024 {
        "2023-09-"
    } else {
        "2024-06-"
    };
    assert!(p.note.contains(other), "{p:?}");
}
