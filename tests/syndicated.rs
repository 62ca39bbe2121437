//! Syndicated copy: the gazetteer remembers each distinct line's country mentions
//! (`src/gazetteer/memo.rs`), so the same paragraph in many outlets' copies is scanned once.
//! Every file's extraction must be what it is from scratch: its publication date, problems
//! and events, bit for bit, whether the lines it shares were seen before or not.

#[path = "../examples/common/corpus_gen.rs"]
mod corpus_gen;

use dateline::gazetteer::Gazetteer;
use dateline::pipeline::{extract_file, FileResult, StageTimes};
use std::path::Path;

fn summary(part: &FileResult) -> String {
    let mut out = String::new();
    for a in &part.articles {
        out += &format!("{} {:?} {:?}\n", a.path, a.pub_date, a.problems);
    }
    for e in part.events.all() {
        out += &format!("{e:?}\n");
    }
    out
}

/// Each file extracted with nothing remembered, then all in turn with the table filling
/// (each copy after the first finds its shared lines there): the same, file by file.
fn assert_memo_changes_nothing(dir: &Path) -> usize {
    let files = dateline::ingest::walk(&[dir.to_path_buf()]).unwrap().files;
    assert!(files.len() > 3);
    let times = StageTimes::default();
    let g = Gazetteer::active();
    let cold: Vec<String> = files
        .iter()
        .map(|f| {
            g.forget_lines();
            summary(&extract_file(f, &times))
        })
        .collect();
    g.forget_lines();
    let mut events = 0;
    for (f, want) in files.iter().zip(&cold) {
        let got = summary(&extract_file(f, &times));
        assert_eq!(&got, want, "{}", f.display);
        events += got.lines().filter(|l| l.starts_with("Event")).count();
    }
    events
}

#[test]
fn copies_of_one_story_extract_as_each_alone_does() {
    let tmp = tempfile::tempdir().unwrap();
    // Wire stories republished by many outlets (templates of our own).
    let wire = tmp.path().join("wire");
    corpus_gen::generate(corpus_gen::Kind::Wire, &wire, 150_000, 3);
    assert!(assert_memo_changes_nothing(&wire) > 100);

    // The same paragraph under different neighbours: "Georgia" is the US state next to a
    // line naming Atlanta and the country elsewhere, so what the line names cannot be
    // remembered by its bytes alone; and under two publication dates, its relative dates
    // fall on different days.
    let own = tmp.path().join("own");
    std::fs::create_dir(&own).unwrap();
    let para = "Officials in Georgia and Peru said on Monday that the trade office would \
                reopen next week, after talks with envoys from Chile.";
    let heads = [
        "Published: 3 March 2021\n\nThe governor's office in Atlanta had no comment.",
        "Published: 9 June 2022\n\nTbilisi has pressed for the reopening for months.",
        "Published: 3 March 2021\n\nBy Staff Reporter",
        "Published: 9 June 2022\n\nBy Staff Reporter",
    ];
    for (i, head) in heads.iter().enumerate() {
        let text =
            format!("Trade Office to Reopen\n{head}\n{para}\n\nThe office closed in 2020.\n");
        std::fs::write(own.join(format!("copy{i}.txt")), text).unwrap();
    }
    assert_memo_changes_nothing(&own);
    // The edge itself: what the paragraph names differs with its neighbour.
    let files = dateline::ingest::walk(std::slice::from_ref(&own))
        .unwrap()
        .files;
    let countries = |i: usize| {
        let part = extract_file(&files[i], &StageTimes::default());
        let mut c: Vec<String> = part
            .events
            .events_of(0)
            .iter()
            .filter(|e| part.articles[0].text[e.sentence.clone()].contains("Georgia"))
            .flat_map(|e| e.countries.iter().map(|c| format!("{c:?}")))
            .collect();
        c.sort();
        c.dedup();
        (
            c,
            part.events
                .events_of(0)
                .iter()
                .map(|e| e.timex_value.clone())
                .collect::<Vec<_>>(),
        )
    };
    let (atlanta, dates0) = countries(0);
    let (tbilisi, dates1) = countries(1);
    let (plain, dates2) = countries(2);
    assert!(atlanta.iter().all(|c| !c.contains("GE")), "{atlanta:?}");
    assert!(tbilisi.iter().any(|c| c.contains("GE")), "{tbilisi:?}");
    assert_eq!(tbilisi, plain);
    assert_eq!(dates0, dates2, "same publication date, same dates");
    assert_ne!(dates0, dates1, "another publication date, other days");
}
