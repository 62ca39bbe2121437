//! Scores salience as date selection against journalists' timelines (issue 17).
//!
//! `cargo run --release --example score_salience -- ../shared/entities-tls [--verbose]
//! [--captions N] [--seed S]`
//!
//! Each entity folder is its own corpus (`articles.jsonl`, loaded by the normal pipeline),
//! scored against each timeline in `timelines.jsonl`: the timeline's dates are kept when they
//! fall inside the span of the articles' publication dates ± 7 days, k is how many remain, and
//! the top k days of a ranking are compared with them (date selection F1; precision is over
//! the days returned, which may be fewer than k). Reported as the mean over timelines.
//!
//! * **salience**: clusters by salience, best first; each contributes its date if it is a
//!   single day; the first k distinct days.
//! * **baseline**: days by the number of distinct articles placing a day-precise event on
//!   them.
//!
//! The entities are split before any tuning into a *tune* half and a *check* half by the
//! parity of the FNV-1a hash of the folder name; weights were tuned on the tune half only and
//! both halves are reported.
//!
//! `--captions N` prints the captions of N clusters drawn at random (seeded) from the
//! clusters with a single-day date (`--min-salience P`: only those with salience ≥ P %),
//! with their sentences, for reading by hand.

use chrono::NaiveDate;
use dateline::model::Corpus;
use dateline::pipeline::{load, LoadOptions, Progress};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

#[path = "common/entity_split.rs"]
mod entity_split;
use entity_split::{entity_dirs, half_of};

fn f1(pred: &[NaiveDate], gold: &HashSet<NaiveDate>) -> f64 {
    let hits = pred.iter().filter(|d| gold.contains(d)).count() as f64;
    if hits == 0.0 || pred.is_empty() {
        return 0.0;
    }
    let (p, r) = (hits / pred.len() as f64, hits / gold.len() as f64);
    2.0 * p * r / (p + r)
}

/// Days by distinct articles placing a single-day event there (ties: earlier first).
fn baseline(c: &Corpus) -> Vec<NaiveDate> {
    let mut per_day: HashMap<NaiveDate, HashSet<u32>> = HashMap::new();
    for e in c
        .events
        .iter()
        .filter(|e| !e.hidden && e.span.is_single_day())
    {
        per_day.entry(e.span.start).or_default().insert(e.article);
    }
    let mut days: Vec<(NaiveDate, usize)> =
        per_day.into_iter().map(|(d, s)| (d, s.len())).collect();
    days.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    days.into_iter().map(|(d, _)| d).collect()
}

/// Days in the order the most salient clusters place them (ties: more sources, earlier).
fn by_salience(c: &Corpus) -> Vec<NaiveDate> {
    let mut cl: Vec<(f32, usize, NaiveDate)> = c
        .clusters
        .iter()
        .filter_map(|k| {
            let e = &c.events[*k.events.first()? as usize];
            (!e.hidden && e.span.is_single_day()).then_some((k.salience, k.sources, e.span.start))
        })
        .collect();
    cl.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut seen = HashSet::new();
    cl.into_iter()
        .map(|x| x.2)
        .filter(|d| seen.insert(*d))
        .collect()
}

fn timelines(dir: &Path) -> Vec<Vec<NaiveDate>> {
    let text = std::fs::read_to_string(dir.join("timelines.jsonl")).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|tl| {
            tl.as_array()
                .into_iter()
                .flatten()
                .filter_map(|entry| entry.get(0)?.as_str())
                .filter_map(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
                .collect()
        })
        .collect()
}

/// A small deterministic generator for the caption sample.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let captions = value_of("--captions").unwrap_or(0) as usize;
    // Draw the caption sample from the clusters at or above this salience (percent).
    let min_salience = value_of("--min-salience").unwrap_or(0) as f32 / 100.0;
    let seed = value_of("--seed").unwrap_or(17);
    let Some(root) = args
        .iter()
        .find(|a| !a.starts_with("--") && Path::new(a).is_dir())
    else {
        eprintln!("usage: score_salience <entities-tls dir> [--verbose] [--captions N] [--seed S]");
        std::process::exit(2);
    };
    let entities = entity_dirs(Path::new(root));

    // (half, baseline F1, salience F1) per timeline.
    let mut scores: Vec<(&str, f64, f64)> = Vec::new();
    let mut sample_pool: Vec<(String, String, String, f32)> = Vec::new();
    let (mut articles, mut events) = (0usize, 0usize);
    let started = Instant::now();
    let mut load_time = 0.0;
    for dir in &entities {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let t = Instant::now();
        let corpus = match load(
            &[dir.join("articles.jsonl")],
            &LoadOptions::default(),
            &Progress::default(),
        ) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        load_time += t.elapsed().as_secs_f64();
        articles += corpus.articles.len();
        events += corpus.events.len();
        let pubs: Vec<NaiveDate> = corpus
            .articles
            .iter()
            .filter_map(|a| a.pub_date.as_ref().map(|p| p.date))
            .collect();
        let (Some(lo), Some(hi)) = (pubs.iter().min(), pubs.iter().max()) else {
            continue;
        };
        let (lo, hi) = (
            *lo - chrono::Duration::days(7),
            *hi + chrono::Duration::days(7),
        );
        let base = baseline(&corpus);
        let sal = by_salience(&corpus);
        for tl in timelines(dir) {
            let gold: HashSet<NaiveDate> =
                tl.into_iter().filter(|d| (lo..=hi).contains(d)).collect();
            if gold.is_empty() {
                continue;
            }
            let k = gold.len();
            let b = f1(&base[..k.min(base.len())], &gold);
            let s = f1(&sal[..k.min(sal.len())], &gold);
            if verbose {
                println!(
                    "{:<24} {:<5} k={k:<3} baseline {b:.3}  salience {s:.3}",
                    name,
                    half_of(&name)
                );
            }
            scores.push((half_of(&name), b, s));
        }
        if captions > 0 {
            for k in &corpus.clusters {
                let Some(&first) = k.events.first() else {
                    continue;
                };
                let e = &corpus.events[first as usize];
                if e.hidden || !e.span.is_single_day() || k.salience < min_salience {
                    continue;
                }
                let a = &corpus.articles[e.article as usize];
                sample_pool.push((
                    name.clone(),
                    k.caption.clone(),
                    a.text[e.sentence.clone()].to_string(),
                    k.salience,
                ));
            }
        }
    }
    println!(
        "{} entities, {articles} articles, {events} events: loaded in {load_time:.1} s ({:.1} s in all)",
        entities.len(),
        started.elapsed().as_secs_f64()
    );
    println!("| half | timelines | baseline (distinct articles per day) | salience |");
    println!("|---|---|---|---|");
    for h in ["tune", "check", "all"] {
        let sel: Vec<&(&str, f64, f64)> =
            scores.iter().filter(|s| h == "all" || s.0 == h).collect();
        if sel.is_empty() {
            continue;
        }
        let n = sel.len() as f64;
        let b = sel.iter().map(|s| s.1).sum::<f64>() / n;
        let s = sel.iter().map(|s| s.2).sum::<f64>() / n;
        println!("| {h} | {} | {b:.3} | {s:.3} |", sel.len());
    }
    if captions > 0 && !sample_pool.is_empty() {
        let mut rng = Lcg(seed);
        let with = sample_pool.iter().filter(|s| !s.1.is_empty()).count();
        println!(
            "\ncaptions: {with} of {} single-day clusters have one ({:.1}%); {captions} drawn at random:",
            sample_pool.len(),
            100.0 * with as f64 / sample_pool.len() as f64
        );
        for _ in 0..captions {
            let (name, cap, sentence, sal) = &sample_pool[rng.next(sample_pool.len())];
            println!("\n[{name} {sal:.2}] {cap:?}\n    {sentence}");
        }
    }
}
