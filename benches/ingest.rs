//! Whole-pipeline ingest throughput: files on disk → Corpus (read, decode, clean, publication
//! dates, date and country mentions, events, clusters), on all cores via rayon.
//!
//! `cargo bench --bench ingest [-- --articles N --runs R]`
//!
//! Prints the median MB/s of the full pipeline and, as a baseline measured in the same run,
//! of only reading and decoding the same files, with the ratio between the two. The corpus is
//! generated here from sentence templates written for this benchmark (random countries,
//! actions and date forms, so that sentences vary as in real wire copy).

use dateline::pipeline::{load, LoadOptions, Progress};
use std::time::Instant;

const COUNTRIES: &[&str] = &[
    "Japan",
    "South Korea",
    "China",
    "Russia",
    "Ukraine",
    "France",
    "Germany",
    "Brazil",
    "Kenya",
    "Vietnam",
    "Thailand",
    "India",
    "Pakistan",
    "Turkey",
    "Greece",
    "Mexico",
    "Canada",
    "Australia",
    "Indonesia",
    "Nigeria",
    "Egypt",
    "Poland",
    "Spain",
    "Italy",
    "Chile",
    "Peru",
    "Norway",
    "Sweden",
    "the Philippines",
    "North Korea",
];
const ACTIONS: &[&str] = &[
    "signed a trade agreement with",
    "held talks with",
    "expelled two diplomats from",
    "sent emergency aid to",
    "agreed a fisheries deal with",
    "criticised",
    "opened an embassy in",
    "imposed new tariffs on",
    "resumed flights to",
    "held joint naval exercises with",
    "recalled its ambassador to",
    "pledged reconstruction funds to",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const TAILS: &[&str] = &[
    "officials said.",
    "the foreign ministry said in a statement.",
    "according to state media.",
    "a government spokesman told reporters.",
    "diplomats familiar with the talks said.",
];

/// A small deterministic generator (no dependency needed for a benchmark corpus).
struct Lcg(u64);
impl Lcg {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        xs[(self.0 >> 33) as usize % xs.len()]
    }
    fn num(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One news-like sentence: two countries, an action, a date in one of the forms news uses,
/// and an attribution.
fn sentence(r: &mut Lcg) -> String {
    let (a, b) = (r.pick(COUNTRIES), r.pick(COUNTRIES));
    let act = r.pick(ACTIONS);
    let (m, d, y) = (r.pick(MONTHS), 1 + r.num(28), 2015 + r.num(10));
    let date = match r.num(8) {
        0 => format!("on {}", r.pick(WEEKDAYS)),
        1 => format!("on {d} {m} {y}"),
        2 => format!("on {m} {d}"),
        3 => "last week".to_string(),
        4 => "yesterday".to_string(),
        5 => format!("from {m} {d}-{}", d + 2),
        6 => format!("in {y}"),
        _ => format!("early {m}"),
    };
    let a = a
        .strip_prefix("the ")
        .map_or(a.to_string(), |x| format!("The {x}"));
    format!("{a} {act} {b} {date}, {}", r.pick(TAILS))
}

fn make_corpus(dir: &std::path::Path, articles: usize) -> u64 {
    let mut bytes = 0u64;
    let mut r = Lcg(42);
    for i in 0..articles {
        let mut text = format!(
            "Story number {i} about regional affairs\ndate 20{:02}-{:02}-{:02}\n",
            16 + i % 9,
            1 + i % 12,
            1 + i % 28
        );
        for _ in 0..8 {
            for _ in 0..4 {
                text.push_str(&sentence(&mut r));
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
