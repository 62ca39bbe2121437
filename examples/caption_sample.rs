//! Prints a fixed, seeded sample of captions from an archive of entity folders (issue 17),
//! for labelling by hand as good / poor / none before and after a change to the caption rules.
//!
//! `cargo run --release --example caption_sample -- ../shared/entities-tls [--n 50] [--seed 2026]
//! [--min-salience 50] [--members K] [--keys FILE]`
//!
//! The sample is split in two halves before anyone looks at it: entities whose FNV-1a name hash
//! is even are the *tune* half, odd the *check* half (the same split as `score_salience`). From
//! each half, `--n` clusters are drawn (seeded) from the clusters whose representative has a
//! single-day date and whose salience is at least `--min-salience` percent: the happenings the
//! chart labels first. Each line is keyed by entity and cluster id, so a run before and a run
//! after a change can be compared line by line (the rules for captions do not change which
//! clusters exist). Labels stay outside the project: they quote archive text. With
//! `--members K`, each sampled cluster also lists the caption each of its first K members
//! would give alone, to see whether a better-worded member was passed over. With `--short`,
//! a caption that has a shorter form (for a narrow place) is followed by it: `[short: …]`.

use dateline::pipeline::{load, LoadOptions, Progress};
use std::path::Path;

#[path = "common/entity_split.rs"]
mod entity_split;
use entity_split::{entity_dirs, half_of};

/// A small deterministic generator for the sample.
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

struct Drawn {
    half: &'static str,
    key: String,
    salience: f32,
    caption: String,
    short: String,
    sentences: Vec<String>,
    /// Cluster size and each listed member's own caption (`--members`).
    size: usize,
    members: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let n = value_of("--n").unwrap_or(50) as usize;
    let seed = value_of("--seed").unwrap_or(2026);
    let min_salience = value_of("--min-salience").unwrap_or(50) as f32 / 100.0;
    let members = value_of("--members").unwrap_or(0) as usize;
    let show_short = args.iter().any(|a| a == "--short");
    let Some(root) = args
        .iter()
        .find(|a| !a.starts_with("--") && Path::new(a).is_dir())
    else {
        eprintln!("usage: caption_sample <entities-tls dir> [--n N] [--seed S] [--min-salience P]");
        std::process::exit(2);
    };
    let entities = entity_dirs(Path::new(root));
    let mut pool: Vec<Drawn> = Vec::new();
    for dir in &entities {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
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
        for (i, k) in corpus.clusters.iter().enumerate() {
            let Some(&first) = k.events.first() else {
                continue;
            };
            let e = &corpus.events[first as usize];
            if e.hidden || !e.span.is_single_day() || k.salience < min_salience {
                continue;
            }
            let sentences = k
                .events
                .iter()
                .take(3)
                .map(|&m| {
                    let e = &corpus.events[m as usize];
                    let a = &corpus.articles[e.article as usize];
                    let s: String = a.text[e.sentence.clone()].chars().take(300).collect();
                    s.replace(['\n', '\t'], " ")
                })
                .collect();
            let members = k
                .events
                .iter()
                .take(members)
                .map(|&m| {
                    let one = dateline::model::Cluster {
                        events: vec![m],
                        ..k.clone()
                    };
                    dateline::cluster_caption(&one, &corpus.events, &corpus.articles, 48)
                })
                .collect();
            pool.push(Drawn {
                size: k.events.len(),
                members,
                half: half_of(&name),
                key: format!("{name}#{i}"),
                salience: k.salience,
                caption: k.caption.clone(),
                short: k.short_caption.clone(),
                sentences,
            });
        }
    }
    // `--keys FILE`: the clusters of an earlier run (its "half<TAB>key" lines), so that a
    // change that moves a cluster across the salience bar (and so reshuffles the draw)
    // is still compared item by item.
    let keys: Option<Vec<(String, String)>> = args
        .iter()
        .position(|a| a == "--keys")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            t.lines()
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    Some((f.next()?.to_string(), f.next()?.to_string()))
                })
                .filter(|(h, _)| h == "tune" || h == "check")
                .collect()
        });
    for h in ["tune", "check"] {
        let part: Vec<&Drawn> = pool.iter().filter(|d| d.half == h).collect();
        if part.is_empty() {
            continue;
        }
        let with = part.iter().filter(|d| !d.caption.is_empty()).count();
        println!(
            "# {h}: {with} of {} clusters have a caption ({:.1}%)",
            part.len(),
            100.0 * with as f64 / part.len() as f64
        );
        let mut rng = Lcg(seed);
        let mut taken = std::collections::HashSet::new();
        let mut order: Vec<usize> = Vec::new();
        match &keys {
            Some(keys) => order.extend(
                keys.iter()
                    .filter(|(kh, _)| kh == h)
                    .filter_map(|(_, k)| part.iter().position(|d| &d.key == k)),
            ),
            None => {
                while taken.len() < n.min(part.len()) {
                    let i = rng.next(part.len());
                    if taken.insert(i) {
                        order.push(i);
                    }
                }
            }
        }
        for i in order {
            let d = part[i];
            let short = if show_short && !d.short.is_empty() {
                format!("\t[short: {}]", d.short)
            } else {
                String::new()
            };
            println!("{h}\t{}\t{:.2}\t{}{short}", d.key, d.salience, d.caption);
            for s in &d.sentences {
                println!("\t\t\t  | {s}");
            }
            if !d.members.is_empty() {
                println!("\t\t\t  members: {}", d.size);
                for (j, m) in d.members.iter().enumerate() {
                    println!("\t\t\t  {j:>2} {m}");
                }
            }
        }
    }
}
