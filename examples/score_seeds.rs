//! Scores the event pipeline against hand-written expectations.
//!
//! `cargo run --release --example score_seeds -- <articles dir> <expected.tsv> [--errors]
//! [--pub-date FILE=YYYY-MM-DD]...`
//!
//! `--pub-date` scores as if the user had set those publication dates (the one-click
//! correction), which separates the date engine from publication-date inference.
//!
//! The TSV has one expected event per line: `file, paragraph, date_text, start, end,
//! countries` (tab-separated, `#` comments). A predicted event matches an expected one when
//! it is in the same file and paragraph and its date phrase overlaps the expected phrase
//! (compared case-insensitively as text). Reported: event precision / recall / F1, the share
//! of matched events whose dates are exactly right, and country precision / recall over
//! matched events. Publication dates are what the pipeline infers by itself (no overrides,
//! no stored corrections), so the score includes the honesty problem.
//!
//! `--pairs FILE` (`scripts/seeds_pairs.tsv`) also scores grouping: which expected events
//! report the same happening. Over the expected events that were matched, a pair is
//! predicted when both events are in one cluster; pair precision and recall compare those
//! with the labelled pairs, and the first two rows of each happening the file names as
//! the issue's ("-issue", "report") are listed as grouped or not.

use dateline::corrections::Corrections;
use dateline::pipeline::{load, LoadOptions, Progress};
use std::collections::BTreeSet;
use std::path::PathBuf;

struct Expected {
    file: String,
    paragraph: usize,
    date_text: String,
    start: String,
    end: String,
    countries: BTreeSet<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    let mut pub_dates = Vec::new();
    let mut pos: Vec<&String> = Vec::new();
    let mut pairs_file: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--pairs" {
            pairs_file = it.next().cloned();
        } else if a == "--pub-date" {
            let v = it.next().map(String::as_str).unwrap_or("");
            match v.rsplit_once('=').and_then(|(f, d)| {
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .ok()
                    .map(|d| (f.to_string(), d))
            }) {
                Some(p) => pub_dates.push(p),
                None => {
                    eprintln!("--pub-date wants FILE=YYYY-MM-DD, got {v:?}");
                    std::process::exit(2);
                }
            }
        } else if !a.starts_with("--") {
            pos.push(a);
        }
    }
    if pos.len() != 2 {
        eprintln!("usage: score_seeds <articles dir> <expected.tsv> [--errors]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(pos[0]);
    let tsv = std::fs::read_to_string(pos[1]).unwrap_or_else(|e| {
        eprintln!("{}: {e}", pos[1]);
        std::process::exit(2)
    });
    let expected: Vec<Expected> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            // The column header row is not an expectation.
            (f.len() >= 6 && f[1].trim().parse::<usize>().is_ok()).then(|| Expected {
                file: f[0].trim().to_string(),
                paragraph: f[1].trim().parse().unwrap_or(usize::MAX),
                date_text: f[2].trim().to_lowercase(),
                start: f[3].trim().to_string(),
                end: f[4].trim().to_string(),
                countries: f[5]
                    .split(',')
                    .map(|c| c.trim().to_uppercase())
                    .filter(|c| !c.is_empty() && c != "-")
                    .collect(),
            })
        })
        .collect();
    let opts = LoadOptions {
        pub_dates,
        corrections: Corrections::default(),
    };
    let corpus = load(&[dir], &opts, &Progress::default()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    struct Pred {
        file: String,
        paragraph: usize,
        date_text: String,
        start: String,
        end: String,
        countries: BTreeSet<String>,
        cluster: u32,
    }
    let preds: Vec<Pred> = corpus
        .events
        .iter()
        .filter(|e| !e.hidden)
        .map(|e| {
            let a = &corpus.articles[e.article as usize];
            Pred {
                file: a
                    .file
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string(),
                paragraph: e.paragraph,
                date_text: a.text[e.date_range.clone()].to_lowercase(),
                start: e.span.start.to_string(),
                end: e.span.end.to_string(),
                countries: e.countries.iter().map(|c| c.to_string()).collect(),
                cluster: e.cluster,
            }
        })
        .collect();
    let overlaps = |a: &str, b: &str| a.contains(b) || b.contains(a);
    let mut used = vec![false; preds.len()];
    let (mut matched, mut date_ok, mut c_tp, mut c_fp, mut c_fn) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    let mut pred_of: Vec<Option<usize>> = vec![None; expected.len()];
    for (xi, x) in expected.iter().enumerate() {
        let hit = preds.iter().enumerate().position(|(i, p)| {
            !used[i]
                && p.file == x.file
                && p.paragraph == x.paragraph
                && overlaps(&p.date_text, &x.date_text)
        });
        match hit {
            Some(i) => {
                used[i] = true;
                pred_of[xi] = Some(i);
                matched += 1;
                let p = &preds[i];
                if p.start == x.start && p.end == x.end {
                    date_ok += 1;
                } else {
                    report.push(format!(
                        "DATE  {} ¶{} {:?}: got {}..{}, want {}..{}",
                        x.file, x.paragraph, x.date_text, p.start, p.end, x.start, x.end
                    ));
                }
                c_tp += p.countries.intersection(&x.countries).count();
                c_fp += p.countries.difference(&x.countries).count();
                c_fn += x.countries.difference(&p.countries).count();
                if p.countries != x.countries {
                    report.push(format!(
                        "CTRY  {} ¶{} {:?}: got {:?}, want {:?}",
                        x.file, x.paragraph, x.date_text, p.countries, x.countries
                    ));
                }
            }
            None => report.push(format!(
                "MISS  {} ¶{} {:?}",
                x.file, x.paragraph, x.date_text
            )),
        }
    }
    for (i, p) in preds.iter().enumerate() {
        if !used[i] && expected.iter().any(|x| x.file == p.file) {
            report.push(format!(
                "EXTRA {} ¶{} {:?} {}",
                p.file, p.paragraph, p.date_text, p.start
            ));
        }
    }
    let scored_preds = preds
        .iter()
        .filter(|p| expected.iter().any(|x| x.file == p.file))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(matched, scored_preds), ratio(matched, expected.len()));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let (cp, cr) = (ratio(c_tp, c_tp + c_fp), ratio(c_tp, c_tp + c_fn));
    println!(
        "expected events {}  predicted {}  matched {}",
        expected.len(),
        scored_preds,
        matched
    );
    println!("event precision {p:.3}  recall {r:.3}  F1 {f1:.3}");
    println!(
        "date exact on matched {:.3}  ({date_ok}/{matched})",
        ratio(date_ok, matched)
    );
    println!("country precision {cp:.3}  recall {cr:.3}");
    for a in &corpus.articles {
        let pd = a.pub_date.as_ref();
        println!(
            "  pub date {:<40} {:<10} {:<12} {:.2}  {}",
            a.file.file_name().unwrap_or_default().to_string_lossy(),
            pd.map_or("unknown".into(), |p| p.date.to_string()),
            pd.map_or("-", |p| p.source.as_str()),
            pd.map_or(0.0, |p| p.confidence),
            pd.map_or("", |p| p.note.as_str())
        );
    }
    if let Some(f) = pairs_file {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| {
            eprintln!("{f}: {e}");
            std::process::exit(2)
        });
        // happening name per expected event (index); unlisted events are their own.
        let mut happening: Vec<Option<String>> = vec![None; expected.len()];
        let mut named: Vec<(String, Vec<usize>)> = Vec::new();
        for l in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let c: Vec<&str> = l.split('\t').map(str::trim).collect();
            let (Some(h), Some(file), Some(para), Some(dt)) =
                (c.first(), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            let Ok(para) = para.parse::<usize>() else {
                continue; // the header row
            };
            let dt = dt.to_lowercase();
            let Some(xi) = expected
                .iter()
                .position(|x| x.file == *file && x.paragraph == para && x.date_text == dt)
            else {
                eprintln!("{f}: no expected event {file} ¶{para} {dt:?}");
                std::process::exit(2)
            };
            happening[xi] = Some(h.to_string());
            match named.iter_mut().find(|(n, _)| n == h) {
                Some((_, v)) => v.push(xi),
                None => named.push((h.to_string(), vec![xi])),
            }
        }
        let (mut tp, mut fp, mut fneg) = (0, 0, 0);
        let mut lines = Vec::new();
        for i in 0..expected.len() {
            for j in i + 1..expected.len() {
                let gold = happening[i].is_some() && happening[i] == happening[j];
                let got = match (pred_of[i], pred_of[j]) {
                    (Some(a), Some(b)) => preds[a].cluster == preds[b].cluster,
                    _ => false,
                };
                let pair = |x: &Expected| format!("{} ¶{} {:?}", x.file, x.paragraph, x.date_text);
                match (gold, got) {
                    (true, true) => tp += 1,
                    (false, true) => {
                        fp += 1;
                        lines.push(format!(
                            "PAIR+ {} ~ {}",
                            pair(&expected[i]),
                            pair(&expected[j])
                        ));
                    }
                    (true, false) => {
                        fneg += 1;
                        lines.push(format!(
                            "PAIR- {} ~ {}",
                            pair(&expected[i]),
                            pair(&expected[j])
                        ));
                    }
                    (false, false) => {}
                }
            }
        }
        println!(
            "pair precision {:.3} ({tp}/{})  recall {:.3} ({tp}/{})",
            ratio(tp, tp + fp),
            tp + fp,
            ratio(tp, tp + fneg),
            tp + fneg
        );
        let issue: Vec<&(String, Vec<usize>)> = named
            .iter()
            .filter(|(n, v)| (n.ends_with("-issue") || n == "report") && v.len() >= 2)
            .collect();
        let grouped = |v: &[usize]| match (pred_of[v[0]], pred_of[v[1]]) {
            (Some(a), Some(b)) => preds[a].cluster == preds[b].cluster,
            _ => false,
        };
        println!(
            "issue pairs grouped {}/{}: {}",
            issue.iter().filter(|(_, v)| grouped(v)).count(),
            issue.len(),
            issue
                .iter()
                .map(|(n, v)| format!("{n} {}", if grouped(v) { "yes" } else { "no" }))
                .collect::<Vec<_>>()
                .join(", ")
        );
        report.extend(lines);
    }
    if errors {
        for l in report {
            println!("{l}");
        }
    }
}
