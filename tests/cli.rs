//! The headless CLI, run as a user would run it: on the bundled sample and on small
//! corpora written here.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    // Never read or write the real user's corrections from tests.
    let data = tempfile::tempdir().unwrap().keep();
    c.env("DATELINE_DATA_DIR", data);
    c
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("sample")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run dateline")
}

fn json_lines(out: &Output) -> Vec<Value> {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

#[test]
fn events_on_the_sample_have_the_documented_fields() {
    let s = sample();
    let events = json_lines(&run(&["events", s.to_str().unwrap(), "--json"]));
    assert!(
        events.len() >= 30,
        "only {} events in the sample",
        events.len()
    );
    for e in &events {
        for field in [
            "article",
            "paragraph",
            "text",
            "date_text",
            "start",
            "end",
            "countries",
            "date_source",
            "confidence",
            "cluster",
        ] {
            assert!(e.get(field).is_some(), "missing {field} in {e}");
        }
        let text = e["text"].as_str().unwrap();
        let phrase = e["date_text"].as_str().unwrap();
        assert!(text.contains(phrase), "{phrase:?} not in {text:?}");
        let start = e["start"].as_str().unwrap();
        let end = e["end"].as_str().unwrap();
        assert!(matches!(start.len(), 4 | 7 | 10), "{start}");
        assert!(start <= end, "{start} > {end}");
        for c in e["countries"].as_array().unwrap() {
            let c = c.as_str().unwrap();
            assert!(
                c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()),
                "{c}"
            );
        }
        let conf = e["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&conf));
        assert!(e["article"].as_str().unwrap().contains("sample"));
    }
    // Several countries and several years.
    let mut countries: Vec<&str> = events
        .iter()
        .flat_map(|e| {
            e["countries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
        })
        .collect();
    countries.sort();
    countries.dedup();
    assert!(countries.len() >= 6, "{countries:?}");
    let mut years: Vec<&str> = events
        .iter()
        .map(|e| &e["start"].as_str().unwrap()[..4])
        .collect();
    years.sort();
    years.dedup();
    assert!(years.len() >= 3, "{years:?}");
    // Honesty: some events rest on relative dates.
    assert!(events.iter().any(|e| e["date_source"] != "explicit"));
}

#[test]
fn reader_comments_and_vote_counts_never_become_events() {
    let dir = corpus(&[(
        "story.txt",
        "Ministers meet in Oslo\ndate 2022-03-04\nNorway and Sweden signed a fisheries deal on Thursday.\n© Example Wire\nI remember the 2015 deal, it failed on 3 May 2015.\n-3 ( +1 / -4 )\nLogin to comment\n",
    )]);
    let events = json_lines(&run(&["events", dir.path().to_str().unwrap(), "--json"]));
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["start"], "2022-03-03");
    assert_eq!(events[0]["countries"], serde_json::json!(["NO", "SE"]));
    assert_eq!(events[0]["date_source"], "relative-to-publication");
}

#[test]
fn pub_date_option_resolves_relative_dates() {
    let dir = corpus(&[(
        "undated.txt",
        "Border talks\nIndia and Nepal resumed border talks on Tuesday.\n",
    )]);
    let d = dir.path().to_str().unwrap();
    let arts = json_lines(&run(&["articles", d, "--json"]));
    // Only the file's modification time is known: a labelled guess.
    assert_eq!(arts[0]["pub_date_source"], "file-time");
    assert!(arts[0]["pub_date_confidence"].as_f64().unwrap() < 0.5);
    let events = json_lines(&run(&[
        "events",
        d,
        "--json",
        "--pub-date",
        "undated.txt=2024-01-05",
    ]));
    assert_eq!(events.len(), 1);
    // 2024-01-05 is a Friday; the Tuesday before is 2024-01-02.
    assert_eq!(events[0]["start"], "2024-01-02");
    assert_eq!(events[0]["countries"], serde_json::json!(["IN", "NP"]));
    let arts = json_lines(&run(&[
        "articles",
        d,
        "--json",
        "--pub-date",
        "undated.txt=2024-01-05",
    ]));
    assert_eq!(arts[0]["pub_date"], "2024-01-05");
    assert_eq!(arts[0]["pub_date_source"], "user");
}

#[test]
fn articles_lists_every_file_with_problems() {
    let dir = corpus(&[
        (
            "good.md",
            "# Good\n\nFrance and Germany met on 2 June 2020.\n",
        ),
        ("broken.json", "{ \"title\": "),
        ("sub/empty.txt", ""),
    ]);
    let arts = json_lines(&run(&["articles", dir.path().to_str().unwrap(), "--json"]));
    assert_eq!(arts.len(), 3);
    for a in &arts {
        for f in [
            "path",
            "title",
            "pub_date",
            "pub_date_source",
            "paragraphs",
            "events",
            "problems",
            "modified_date",
            "outlet",
            "url",
            "language",
            "authors",
        ] {
            assert!(a.get(f).is_some(), "missing {f}");
        }
    }
    let broken = arts
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("broken.json"))
        .unwrap();
    assert!(broken["problems"].as_array().unwrap()[0]
        .as_str()
        .unwrap()
        .contains("JSON"));
    let good = arts
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("good.md"))
        .unwrap();
    assert_eq!(good["events"], 1);
}

#[test]
fn missing_path_fails_with_a_clear_message() {
    for cmd in ["events", "articles"] {
        let out = run(&[cmd, "/no/such/folder"]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no such file or folder"), "{err}");
    }
    let out = run(&["/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn readable_table_without_json() {
    let out = run(&["events", sample().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.contains("date") && header.contains("countries") && header.contains("date source")
    );
    assert!(text.lines().count() > 10);
}

#[test]
fn timex_prints_byte_offsets() {
    let dir = corpus(&[(
        "t.txt",
        "Él llegó — on 12 September 2023 and left two days later.",
    )]);
    let f = dir.path().join("t.txt");
    let text = std::fs::read_to_string(&f).unwrap();
    let out = run(&["timex", "--dct", "2023-09-20", f.to_str().unwrap()]);
    let tags = json_lines(&out);
    assert!(!tags.is_empty());
    for t in &tags {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], t["text"].as_str().unwrap());
        assert!(t["type"].is_string() && t["value"].is_string());
    }
    assert!(tags.iter().any(|t| t["value"] == "2023-09-12"));
}

#[test]
fn timex_marks_a_two_part_range_and_a_counted_amount_as_timex3_does() {
    let dir = corpus(&[(
        "t.txt",
        "Shares were bought from Aug. 26 to Oct. 20. Three days later the offer ended.",
    )]);
    let f = dir.path().join("t.txt");
    let out = run(&["timex", "--dct", "1989-11-01", f.to_str().unwrap()]);
    let tags = json_lines(&out);
    let texts: Vec<&str> = tags.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["Aug. 26", "Oct. 20", "Three days later"],
        "{tags:?}"
    );
    // the range's start keeps its end; the end stands alone
    assert_eq!(tags[0]["value"], "1989-08-26");
    assert_eq!(tags[0]["end_value"], "1989-10-20");
    assert_eq!(tags[1]["value"], "1989-10-20");
    assert!(tags[1].get("end_value").is_none());
    // a duration in TIMEX3, with the day it leads to
    assert_eq!(tags[2]["type"], "DURATION");
    assert_eq!(tags[2]["value"], "P3D");
    assert_eq!(tags[2]["point"], "1989-10-23");
}

#[test]
fn text_prints_clean_paragraphs_with_headers_for_several_files() {
    let dir = corpus(&[
        (
            "a.txt",
            "Title A\nFirst paragraph.\nRead more: elsewhere\nSecond paragraph.\n",
        ),
        ("b.txt", "Title B\nOnly paragraph.\n"),
    ]);
    let out = run(&[
        "text",
        dir.path().join("a.txt").to_str().unwrap(),
        dir.path().join("b.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("==> "));
    assert!(text.contains("First paragraph.\n\nSecond paragraph."));
    assert!(!text.contains("Read more"));
}

#[test]
fn corpus_folder_is_never_written() {
    let dir = corpus(&[("a.txt", "Title\nChile and Peru met on 4 April 2019.\n")]);
    let before: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let _ = run(&["events", dir.path().to_str().unwrap(), "--json"]);
    let _ = run(&["articles", dir.path().to_str().unwrap()]);
    let after: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(before, after);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Title\nChile and Peru met on 4 April 2019.\n"
    );
}

#[test]
fn user_gazetteer_files_extend_the_built_in_lists() {
    let dir = corpus(&[(
        "a.txt",
        "Harbour news\ndate 2022-03-04\nOfficials in Bergen Harbour said on Thursday that the port would reopen.\n",
    )]);
    let data = tempfile::tempdir().unwrap();
    let run_with = |data: &Path| {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .env("DATELINE_DATA_DIR", data)
            .args(["events", "--json", dir.path().to_str().unwrap()])
            .output()
            .unwrap()
    };
    let before = json_lines(&run_with(data.path()));
    assert_eq!(before[0]["countries"], serde_json::json!([]));
    std::fs::create_dir_all(data.path().join("gazetteer")).unwrap();
    std::fs::write(
        data.path().join("gazetteer/capitals-local.tsv"),
        "# my additions\nNO\tBergen Harbour\n",
    )
    .unwrap();
    let after = json_lines(&run_with(data.path()));
    assert_eq!(after[0]["countries"], serde_json::json!(["NO"]));
    // A broken user file is reported and the built-in lists still work.
    std::fs::write(
        data.path().join("gazetteer/countries-bad.tsv"),
        "ZZZ\tNowhere\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("DATELINE_DATA_DIR", data.path())
        .args(["articles", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("user gazetteer files not used"), "{err}");
}

/// Issue 17: `salience` in [0, 1] on every event, higher for the happening many articles
/// report than for an aside one article makes; `caption` says who did what.
#[test]
fn events_carry_salience_and_a_caption() {
    let mut files: Vec<(String, String)> = (0..4)
        .map(|i| {
            (
                format!("summit-{i}.txt"),
                format!(
                    "Summit report {i}\ndate 2023-09-14\n\nPutin and Kim signed a partnership treaty on 13 September 2023.\n\nThe talks lasted five hours."
                ),
            )
        })
        .collect();
    files.push((
        "aside.txt".into(),
        "Ferry note\ndate 2023-09-20\n\nThe ferry, which first sailed on 2 March 2021, carries 300 cars.".into(),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = corpus(&refs);
    let events = json_lines(&run(&["events", dir.path().to_str().unwrap(), "--json"]));
    let salience = |day: &str| {
        events
            .iter()
            .filter(|e| e["start"] == day)
            .map(|e| e["salience"].as_f64().unwrap())
            .fold(0.0, f64::max)
    };
    for e in &events {
        let s = e["salience"].as_f64().expect("salience is a number");
        assert!((0.0..=1.0).contains(&s), "{e}");
        assert!(e["caption"].is_string(), "{e}");
    }
    assert!(
        salience("2023-09-13") > salience("2021-03-02"),
        "{events:?}"
    );
    let treaty = events.iter().find(|e| e["start"] == "2023-09-13").unwrap();
    assert_eq!(treaty["caption"], "Putin and Kim sign partnership treaty");
    // The table shows the column.
    let out = run(&["events", dir.path().to_str().unwrap()]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().next().unwrap().contains("sal"), "{table}");
}
