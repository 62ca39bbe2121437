//! Whole-pipeline ingest throughput: files on disk → Corpus (read, decode, clean, publication
//! dates, date and country mentions, events, clusters), on all cores via rayon.
//!
//! `cargo bench --bench ingest [-- --articles N --runs R]`
//!
//! Prints the median MB/s of the full pipeline and, as a baseline measured in the same run,
//! of only reading and decoding the same files, with the ratio between the two. The corpus is
//! generated here from sentences written for this benchmark.

use dateline::pipeline::{load, LoadOptions, Progress};
use std::time::Instant;

const SENTENCES: &[&str] = &[
    "Japan and South Korea agreed on Tuesday to resume talks on fisheries quotas.",
    "The ministry said on 12 September 2023 that the two sides had met in Seoul.",
    "Officials in Brazil said the drought that began in March would last until May.",
    "Russian and Chinese diplomats met in Beijing last week, the agency reported.",
    "The summit, held from September 12-17, drew leaders from Vietnam and Thailand.",
    "Prices rose 3.5 percent in the third quarter, according to the central bank of Kenya.",
    "Two days later, French President Emmanuel Macron arrived in Berlin for talks.",
    "Analysts expect a decision early next year, possibly in February 2024.",
    "The committee will meet every Monday until the end of the year.",
    "Protesters gathered outside the embassy in Canberra yesterday evening.",
    "In the 1990s, the treaty was seen as a model for the region.",
    "Turkey's foreign minister spoke by phone with his Greek counterpart on Friday.",
];

fn make_corpus(dir: &std::path::Path, articles: usize) -> u64 {
    let mut bytes = 0u64;
    for i in 0..articles {
        let mut text = format!(
            "Story number {i} about regional affairs\ndate 2023-09-{:02}\n",
            1 + i % 28
        );
        for p in 0..8 {
            for s in 0..4 {
                text.push_str(SENTENCES[(i * 7 + p * 3 + s) % SENTENCES.len()]);
                text.push(' ');
            }
            text.push('\n');
        }
        let sub = dir.join(format!("d{}", i % 16));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("a{i}.txt")), &text).unwrap();
        bytes += text.len() as u64;
    }
    bytes
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let articles = arg("--articles", 4000);
    let runs = arg("--runs", 5);
    let dir = tempfile::tempdir().unwrap();
    let bytes = make_corpus(dir.path(), articles);
    let mb = bytes as f64 / 1e6;
    let paths = vec![dir.path().to_path_buf()];
    let mut full = Vec::new();
    let mut read_only = Vec::new();
    let mut events = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let walked = dateline::ingest::walk(&paths).unwrap();
        let mut n = 0usize;
        for f in &walked.files {
            let b = std::fs::read(&f.path).unwrap();
            n += dateline::ingest::decode::decode(&b, false).0.len();
        }
        std::hint::black_box(n);
        read_only.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let corpus = load(&paths, &LoadOptions::default(), &Progress::default()).unwrap();
        full.push(mb / t.elapsed().as_secs_f64());
        events = corpus.events.len();
    }
    let (f, r) = (median(full), median(read_only));
    println!(
        "ingest: {articles} articles, {mb:.1} MB, {events} events, {} threads, {runs} runs",
        rayon::current_num_threads()
    );
    println!("  full pipeline        median {f:8.1} MB/s");
    println!("  read + decode only   median {r:8.1} MB/s   (baseline, same run)");
    println!("  pipeline / baseline  {:.3}", f / r);
}
