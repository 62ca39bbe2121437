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

/// Another story with its own dated and undated reports, sharing no content word with the
/// treaty story above.
const FISHING_DATED: &str = " date 2021-03-12  Coast Gazette\nAccord on anchovy quotas\n\
    On Thursday, Chile and Peru agreed anchovy catch quotas for coastal fleets.\n";
const FISHING_UNDATED: &str = "Anchovy quotas agreed\n\
    On Thursday, Chile and Peru agreed anchovy catch quotas for coastal fleets, officials announced.\n";

/// What must be equal between an incremental update and a fresh load.
fn summary(c: &Corpus) -> String {
    let mut out = String::new();
    for a in &c.articles {
        out += &format!("{} {:?} {:?}\n", a.path, a.pub_date, a.problems);
    }
    for e in &c.events {
        out += &format!("{e:?}\n");
    }
    for k in &c.clusters {
        out += &format!("{k:?}\n");
    }
    out
}

#[test]
fn a_watched_update_infers_dates_as_a_fresh_load_does() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    write("dated.txt", DATED_2024);
    write("undated.txt", UNDATED);
    write("fish-dated.txt", FISHING_DATED);
    write("fish-undated.txt", FISHING_UNDATED);
    let paths = [dir.path().to_path_buf()];
    let mut c = common::load_paths(&paths);
    assert_eq!(
        article(&c, "undated.txt").pub_date.as_ref().unwrap().source,
        PubDateSource::Corpus
    );
    assert_eq!(
        article(&c, "fish-undated.txt")
            .pub_date
            .as_ref()
            .unwrap()
            .date,
        d("2021-03-11")
    );
    let check = |c: &Corpus, step: &str| {
        assert_eq!(summary(c), summary(&common::load_paths(&paths)), "{step}");
    };
    // A new dated report of the other story a year earlier: the treaty story is untouched,
    // the fishing one now has a rival.
    let p = write(
        "fish-2020.txt",
        &FISHING_DATED.replace("2021-03-12", "2020-03-13"),
    );
    common::watched_update(&mut c, &[p]);
    check(&c, "added");
    assert!(article(&c, "fish-undated.txt")
        .pub_date
        .as_ref()
        .unwrap()
        .note
        .contains("check the date"));
    // A dated report sharing one word with the treaty story, too little to match it: the
    // treaty's undated report is not inferred again, and keeps what a fresh load gives it.
    let p = write(
        "ferry.txt",
        " date 2024-03-04  Harbour Ledger\nFerry terminal opens\n\
         On Monday, Norway opened a ferry terminal at Bergen after a long treaty dispute over cranes, berths and tariffs.\n",
    );
    common::watched_update(&mut c, &[p]);
    check(&c, "unrelated");
    // A syndicated copy of the dated treaty report: its entries only change their count.
    let p = write("dated-copy.txt", DATED_2024);
    common::watched_update(&mut c, &[p]);
    check(&c, "recounted");
    // A changed file: the undated treaty report gains a second date.
    let p = write(
        "undated.txt",
        &format!(
            "{UNDATED}On Thursday, Russia and North Korea held a state banquet in Pyongyang.\n"
        ),
    );
    common::watched_update(&mut c, &[p]);
    check(&c, "changed");
    // A copy of an undated article appears (copies are inferred together).
    let p = write("fish-copy.txt", FISHING_UNDATED);
    common::watched_update(&mut c, &[p]);
    check(&c, "copy");
    // The dated reports go: the undated ones fall back to their own evidence.
    let gone = [
        dir.path().join("fish-dated.txt"),
        dir.path().join("fish-2020.txt"),
    ];
    for g in &gone {
        std::fs::remove_file(g).unwrap();
    }
    common::watched_update(&mut c, &gone);
    check(&c, "deleted");
    assert_ne!(
        article(&c, "fish-undated.txt")
            .pub_date
            .as_ref()
            .map(|p| p.source),
        Some(PubDateSource::Corpus)
    );
    // And the treaty's dated report, changed to another year.
    let p = write("dated.txt", &DATED_2024.replace("2024-06-20", "2022-06-17"));
    common::watched_update(&mut c, &[p]);
    check(&c, "dated changed");
}

/// An article dated only by its own text: the latest month-day it tells of (March 2), the
/// year after the one it names as finished ("in 2021 alone"), the Thursday its lead reports.
const TEXT_DATED: &str = "Fisheries talks in Lima\n\
    Peru said Thursday that talks with Norway on anchovy quotas would go on.\n\
    The Norwegian fisheries minister arrived in Lima on March 2 for talks on anchovy quotas.\n\
    Peruvian boats landed four million tonnes of anchovy in 2021 alone.\n";

/// A wire report whose dateline gives a day but no year, and whose text gives none.
const WIRE: &str = "Minister back from Peru\n\
    OSLO, March 8. /NTB/. Norway's fisheries minister returned from Peru, the ministry said.\n\
    The Norwegian fisheries minister visited Peru on March 2-5 for talks on anchovy quotas with fleet owners.\n";

#[test]
fn a_dateline_without_a_year_takes_it_from_an_article_dated_by_its_text() {
    let c = corpus(&[("lima.txt", TEXT_DATED), ("oslo.txt", WIRE)]);
    let own = article(&c, "lima.txt").pub_date.clone().unwrap();
    assert_eq!(
        (own.source, own.date),
        (PubDateSource::Text, d("2022-03-03")),
        "{own:?}"
    );
    let p = article(&c, "oslo.txt").pub_date.clone().unwrap();
    assert_eq!(
        (p.source, p.date),
        (PubDateSource::Corpus, d("2022-03-08")),
        "{p:?}"
    );
    assert!(p.confidence < 0.45, "weaker than a firm anchor's: {p:?}");
    assert!(p.note.contains("dated by their own text"), "{p:?}");
    // Its visit is now in that year.
    assert!(c.events.iter().any(|e| {
        c.articles[e.article as usize].path.ends_with("/oslo.txt")
            && e.span.start == d("2022-03-02")
    }));
    // A year of its own text is never replaced, nor is a file time taken for an anchor.
    let with_year = WIRE.replace("fleet owners.", "fleet owners, as in 2019.");
    let c = corpus(&[("lima.txt", TEXT_DATED), ("oslo.txt", &with_year)]);
    let p = article(&c, "oslo.txt").pub_date.clone().unwrap();
    assert_eq!(
        (p.source, p.date),
        (PubDateSource::Dateline, d("2019-03-08")),
        "{p:?}"
    );
    let no_year = TEXT_DATED.replace(" in 2021 alone", "");
    let c = corpus(&[("lima.txt", &no_year), ("oslo.txt", WIRE)]);
    let p = article(&c, "oslo.txt").pub_date.clone().unwrap();
    assert_eq!(p.source, PubDateSource::Dateline, "{p:?}");
}

#[test]
fn a_year_from_weaker_anchors_is_worked_out_again_on_every_update() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    write("oslo.txt", WIRE);
    write("dated.txt", DATED_2024);
    let paths = [dir.path().to_path_buf()];
    let mut c = common::load_paths(&paths);
    let check = |c: &Corpus, step: &str| {
        assert_eq!(summary(c), summary(&common::load_paths(&paths)), "{step}");
    };
    // The anchor comes: the wire report takes its year.
    let p = write("lima.txt", TEXT_DATED);
    common::watched_update(&mut c, &[p]);
    check(&c, "anchor added");
    assert_eq!(
        article(&c, "oslo.txt").pub_date.as_ref().unwrap().date,
        d("2022-03-08")
    );
    // A file the wire report shares nothing with changes: the year stays what a load gives.
    let p = write("dated.txt", &DATED_2024.replace("2024-06-20", "2024-06-21"));
    common::watched_update(&mut c, &[p]);
    check(&c, "unrelated change");
    // The anchor's own year moves (another finished year), then the anchor goes.
    let p = write("lima.txt", &TEXT_DATED.replace("2021", "2022"));
    common::watched_update(&mut c, &[p]);
    check(&c, "anchor changed");
    assert_eq!(
        article(&c, "oslo.txt").pub_date.as_ref().unwrap().date,
        d("2023-03-08")
    );
    let p = dir.path().join("lima.txt");
    std::fs::remove_file(&p).unwrap();
    common::watched_update(&mut c, &[p]);
    check(&c, "anchor deleted");
    assert_eq!(
        article(&c, "oslo.txt").pub_date.as_ref().unwrap().source,
        PubDateSource::Dateline
    );
}

/// One accord reported on two Wednesdays a week apart, in the same words: an undated
/// report of it fits both weeks equally, and the number of firm reports of each breaks
/// the tie. A syndicated copy of the later report only recounts its entry, yet turns
/// the undated report's date: a watched update must follow it, and must keep what a fresh
/// load gives to a report whose dateline leaves no tie to break.
#[test]
fn a_copy_that_breaks_a_tie_turns_the_date_a_watched_update_gives() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let report = |date: &str| {
        format!(
            " date {date}  Coast Gazette\nFisheries accord signed\n\
             On Wednesday, Norway and Peru signed a fisheries accord in Lima after long talks.\n"
        )
    };
    write("week1.txt", &report("2024-06-20"));
    write("week2.txt", &report("2024-06-27"));
    write(
        "undated.txt",
        "Accord in Lima\nOn Wednesday, Norway and Peru signed a fisheries accord in Lima, officials said.\n",
    );
    write(
        "wire.txt",
        "Accord in Lima\nLIMA, June 27 (Reuters) - On Wednesday, Norway and Peru signed a fisheries accord in Lima, officials said.\n",
    );
    let paths = [dir.path().to_path_buf()];
    let mut c = common::load_paths(&paths);
    let check = |c: &Corpus, step: &str| {
        assert_eq!(summary(c), summary(&common::load_paths(&paths)), "{step}");
    };
    let date = |c: &Corpus, name: &str| {
        let p = article(c, name).pub_date.clone().unwrap();
        assert_eq!(p.source, PubDateSource::Corpus, "{name}: {p:?}");
        p.date
    };
    // Equal scores, one report each: the earlier week.
    assert!(date(&c, "undated.txt") < d("2024-06-26"));
    assert_eq!(date(&c, "wire.txt"), d("2024-06-27"));
    let copy = write("week2-copy.txt", &report("2024-06-27"));
    common::watched_update(&mut c, std::slice::from_ref(&copy));
    check(&c, "copy added");
    assert!(
        date(&c, "undated.txt") >= d("2024-06-26"),
        "two reports now"
    );
    assert_eq!(date(&c, "wire.txt"), d("2024-06-27"));
    std::fs::remove_file(&copy).unwrap();
    common::watched_update(&mut c, std::slice::from_ref(&copy));
    check(&c, "copy deleted");
    assert!(date(&c, "undated.txt") < d("2024-06-26"));
    // A copy of the earlier report: the tie goes the way it went, with more pairs.
    let copy = write("week1-copy.txt", &report("2024-06-20"));
    common::watched_update(&mut c, std::slice::from_ref(&copy));
    check(&c, "other copy added");
}

/// Copies of one undated text are inferred together, from the first of them in path order,
/// whose folder's month bounds the answer. When that first copy goes, the copy left is
/// asked again under its own folder, as a fresh load asks it.
#[test]
fn the_copy_left_when_the_first_goes_is_asked_under_its_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    };
    let report = |date: &str| {
        format!(
            " date {date}  Coast Gazette\nFisheries accord signed\n\
             On Wednesday, Norway and Peru signed a fisheries accord in Lima after long talks.\n"
        )
    };
    const UNDATED: &str = "Accord in Lima\n\
        On Wednesday, Norway and Peru signed a fisheries accord in Lima, officials said.\n";
    write("reports/june.txt", &report("2024-06-20"));
    write("reports/july.txt", &report("2024-07-04"));
    let first = write("2024-06/accord.txt", UNDATED);
    write("2024-07/accord.txt", UNDATED);
    let paths = [dir.path().to_path_buf()];
    let mut c = common::load_paths(&paths);
    let month = |c: &Corpus| {
        let a = c
            .articles
            .iter()
            .find(|a| a.path.ends_with("2024-07/accord.txt"))
            .unwrap();
        let p = a.pub_date.clone().unwrap();
        (p.source, p.date.month())
    };
    // Inferred with its June copy, under June's bounds.
    assert_eq!(month(&c), (PubDateSource::Corpus, 6));
    std::fs::remove_file(&first).unwrap();
    common::watched_update(&mut c, std::slice::from_ref(&first));
    assert_eq!(
        summary(&c),
        summary(&common::load_paths(&paths)),
        "first copy deleted"
    );
    assert_eq!(month(&c), (PubDateSource::Corpus, 7));
}
