//! Corrections persist outside the corpus, survive a restart and a folder rename, move every
//! relative date of the article at once, and never touch the corpus folder.

mod common;

use chrono::NaiveDate;
use common::{d, load_paths};
use dateline::corrections::{event_key, Corrections};
use dateline::pipeline::{apply_corrections, load, LoadOptions, Progress};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            out.insert(
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    out
}

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("undated.txt"),
        "Border talks resume\nIndia and Nepal resumed border talks on Tuesday. Two days later, Nepal's delegation left.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/dated.md"),
        "---\ntitle: Dam deal\ndate: 2021-06-01\n---\nLaos and Thailand signed a dam deal on 28 May 2021.\n",
    )
    .unwrap();
}

fn load_with(path: &Path, store: &Path) -> dateline::model::Corpus {
    let (corrections, warning) = Corrections::load(store);
    assert!(warning.is_none());
    let opts = LoadOptions {
        pub_dates: Vec::new(),
        corrections,
    };
    load(&[path.to_path_buf()], &opts, &Progress::default()).unwrap()
}

fn undated_starts(c: &dateline::model::Corpus) -> Vec<NaiveDate> {
    c.events
        .iter()
        .filter(|e| c.articles[e.article as usize].path.ends_with("undated.txt"))
        .map(|e| e.span.start)
        .collect()
}

#[test]
fn correction_survives_restart_and_rename_and_corpus_is_untouched() {
    let root = tempfile::tempdir().unwrap();
    let corpus_dir = root.path().join("corpus");
    write_corpus(&corpus_dir);
    let before = snapshot(&corpus_dir);
    let data = tempfile::tempdir().unwrap();
    let store = data.path().join("corrections.json");

    // First session: the undated article rests on its file time.
    let mut c = load_with(&corpus_dir, &store);
    let undated = c
        .articles
        .iter()
        .position(|a| a.path.ends_with("undated.txt"))
        .unwrap();
    assert_eq!(
        c.articles[undated]
            .pub_date
            .as_ref()
            .unwrap()
            .source
            .as_str(),
        "file-time"
    );
    assert!(c
        .events
        .iter()
        .filter(|e| e.article as usize == undated)
        .all(|e| e.is_uncertain()));

    // One correction re-resolves every relative date of that article at once.
    let (mut corrections, _) = Corrections::load(&store);
    corrections.set_pub_date(&c.articles[undated].content_hash, d("2024-01-05"));
    corrections.save(&store).unwrap();
    apply_corrections(&mut c, &corrections);
    // 2024-01-05 is a Friday: "on Tuesday" is 2024-01-02, "two days later" 2024-01-04.
    assert_eq!(undated_starts(&c), vec![d("2024-01-02"), d("2024-01-04")]);
    assert!(c
        .events
        .iter()
        .filter(|e| e.article as usize == undated)
        .all(|e| !e.is_uncertain()));

    // Restart after moving the folder: the correction follows the content, not the path.
    let moved = root.path().join("renamed-corpus");
    std::fs::rename(&corpus_dir, &moved).unwrap();
    let c2 = load_with(&moved, &store);
    let a = c2
        .articles
        .iter()
        .find(|a| a.path.ends_with("undated.txt"))
        .unwrap();
    assert_eq!(a.pub_date.as_ref().unwrap().source.as_str(), "user");
    assert_eq!(undated_starts(&c2), vec![d("2024-01-02"), d("2024-01-04")]);

    // The corpus folder is byte-for-byte what it was, with nothing added.
    assert_eq!(snapshot(&moved), before);
    // The store lives where it was put, not in the corpus.
    assert!(store.exists());
}

/// The event a correction key names: the article's content hash plus the key within it.
fn event_by_key<'a>(
    c: &'a dateline::model::Corpus,
    hash: &str,
    key: &str,
) -> &'a dateline::model::Event {
    c.events
        .iter()
        .find(|e| event_key(e) == key && c.articles[e.article as usize].content_hash == hash)
        .expect("the corrected event is still there")
}

#[test]
fn hidden_event_and_event_date_apply_and_undo() {
    let root = tempfile::tempdir().unwrap();
    write_corpus(root.path());
    let mut c = load_paths(&[root.path().to_path_buf()]);
    let dated = c
        .events
        .iter()
        .position(|e| c.articles[e.article as usize].path.ends_with("dated.md"))
        .unwrap();
    let hash = c.articles[c.events[dated].article as usize]
        .content_hash
        .clone();
    let key = event_key(&c.events[dated]);
    let mut corrections = Corrections::default();
    corrections.hide_event(&hash, &key);
    apply_corrections(&mut c, &corrections);
    let e = event_by_key(&c, &hash, &key);
    assert!(e.hidden);
    corrections.undo();
    apply_corrections(&mut c, &corrections);
    let e = event_by_key(&c, &hash, &key);
    assert!(!e.hidden);
    let span = dateline::model::DateSpan::day(d("2021-05-27"));
    corrections.set_event_date(&hash, &key, span);
    apply_corrections(&mut c, &corrections);
    let e = event_by_key(&c, &hash, &key);
    assert_eq!(e.span, span);
    assert_eq!(e.date_source.as_str(), "user");
    assert_eq!(e.confidence, 1.0);
}

#[test]
fn cli_applies_stored_corrections_unless_told_not_to() {
    let root = tempfile::tempdir().unwrap();
    write_corpus(root.path());
    let data = tempfile::tempdir().unwrap();
    let c = load_paths(&[root.path().to_path_buf()]);
    let a = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("undated.txt"))
        .unwrap();
    let mut corrections = Corrections::default();
    corrections.set_pub_date(&a.content_hash, d("2024-01-05"));
    corrections
        .save(&data.path().join("corrections.json"))
        .unwrap();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .env("DATELINE_DATA_DIR", data.path())
            .args([
                "events",
                "--json",
                root.path().join("undated.txt").to_str().unwrap(),
            ])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        let first = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        serde_json::from_str::<serde_json::Value>(&first).unwrap()
    };
    assert_eq!(run(&[])["start"], "2024-01-02");
    assert_ne!(run(&["--no-corrections"])["start"], "2024-01-02");
    // --pub-date still overrides the store for one run.
    assert_eq!(
        run(&["--pub-date", "undated.txt=2024-02-02"])["start"],
        "2024-01-30"
    );
}

#[test]
fn corrupt_store_does_not_stop_a_load() {
    let root = tempfile::tempdir().unwrap();
    write_corpus(root.path());
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("corrections.json"), "{{{{ not json").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("DATELINE_DATA_DIR", data.path())
        .args(["articles", root.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));
}
