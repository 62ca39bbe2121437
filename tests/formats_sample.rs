//! The bundled sample shows a new user a PDF, an e-mail and a CSV export at work: run the
//! CLI on it as a user would and check that each of those files gives articles with dates
//! and events.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> Vec<Value> {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("DATELINE_DATA_DIR", data.path())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn sample_pdf_email_and_csv_give_dated_events() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let s = sample.to_str().unwrap();
    let articles = run(&["articles", s, "--json"]);
    let events = run(&["events", s, "--json"]);
    for (file, format, min_articles, source) in [
        ("second-patrol-round.pdf", "pdf", 1, "header-line"),
        ("mekong-watch-alert.eml", "eml", 1, "mail-header"),
        ("regional-briefs-export.csv", "csv", 3, "csv-field"),
    ] {
        let arts: Vec<&Value> = articles
            .iter()
            .filter(|a| a["path"].as_str().unwrap().contains(file))
            .collect();
        assert_eq!(arts.len(), min_articles, "{file}");
        for a in &arts {
            assert_eq!(a["format"], format, "{a}");
            assert_eq!(a["pub_date_source"], source, "{a}");
            assert!(a["problems"].as_array().unwrap().is_empty(), "{a}");
            let path = a["path"].as_str().unwrap();
            let n = events.iter().filter(|e| e["article"] == path).count();
            assert!(n >= 1, "no events from {path}");
        }
    }
    // The e-mail's "on Wednesday" is placed by its Date: header (Thursday 11 July 2024).
    assert!(events.iter().any(|e| e["article"]
        .as_str()
        .unwrap()
        .contains("mekong-watch-alert")
        && e["start"] == "2024-07-08"
        && e["countries"].as_array().unwrap().iter().any(|c| c == "KH")));
}
