//! Publication-date evidence, one hand-written fixture per kind (tests/fixtures/pubdate,
//! with the expected date and source in expected.tsv).

mod common;

use common::load_paths;
use std::path::Path;

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pubdate")
}

#[test]
fn every_evidence_kind_gives_the_expected_date_and_source() {
    let dir = fixtures();
    let table = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut checked = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "file" {
            continue;
        }
        let (file, want_date, want_source) = (cols[0], cols[1], cols[2]);
        let corpus = load_paths(&[dir.join(file)]);
        let a = &corpus.articles[0];
        let pd = a.pub_date.as_ref();
        if want_date == "-" {
            // Nothing in the content decides: either the file time, labelled as such, or a
            // low-confidence guess that says why. Never a confident date.
            let p = pd.expect("the file time is always there as a last resort");
            assert!(p.confidence < 0.5, "{file}: {p:?}");
            assert!(!p.note.is_empty(), "{file}: a guess must say why");
        } else {
            let p = pd.unwrap_or_else(|| panic!("{file}: no publication date"));
            assert_eq!(p.date.to_string(), want_date, "{file}: {p:?}");
            assert_eq!(p.source.as_str(), want_source, "{file}: {p:?}");
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} fixtures");
}

#[test]
fn inferred_years_are_marked_as_less_sure_than_stated_ones() {
    let dir = fixtures();
    let get = |f: &str| {
        load_paths(&[dir.join(f)]).articles[0]
            .pub_date
            .clone()
            .unwrap()
    };
    let stated = get("header-date.txt");
    let dateline = get("dateline-tass.txt");
    let weekday = get("weekday-year.txt");
    assert!(stated.confidence >= 0.8);
    assert!(dateline.confidence < stated.confidence);
    assert!(weekday.confidence < stated.confidence);
    assert!(
        dateline.note.contains("weekday") || dateline.note.contains("year"),
        "{dateline:?}"
    );
}

#[test]
fn saved_pages_say_how_sure_their_dates_are() {
    let dir = fixtures();
    let get = |f: &str| {
        load_paths(&[dir.join(f)]).articles[0]
            .pub_date
            .clone()
            .unwrap()
    };
    // Two machine-written dates months apart: the earlier is taken, but not as certain.
    let conflict = get("html-conflict.html");
    assert!(conflict.confidence < 0.8, "{conflict:?}");
    assert!(conflict.note.contains("disagree"), "{conflict:?}");
    // The address and the JSON-LD agree (the stamp's UTC day is the next one): firm.
    let utc = get("html-utc-local.html");
    assert!(utc.confidence >= 0.8, "{utc:?}");
    assert!(utc.note.contains("UTC"), "{utc:?}");
    // A line under the headline, with another date in the page header: a fair guess only.
    let masthead = get("html-masthead-today.html");
    assert!(masthead.confidence < 0.8, "{masthead:?}");
    // Other dates explained as the stated update: firm, but not beyond doubt.
    let upd = get("html-update-explained.html");
    assert!((0.8..0.9).contains(&upd.confidence), "{upd:?}");
    assert!(upd.note.contains("update"), "{upd:?}");
    // Only "Updated 5 hours ago", counted back from the save time: the update day is the
    // latest the page can have been published, a guess and never a confident date.
    let lone = get("html-saved-relative-update.html");
    assert!(lone.confidence < 0.5, "{lone:?}");
    assert!(lone.note.contains("update"), "{lone:?}");
}
