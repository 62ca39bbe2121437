//! Scaling benchmark (issue 20): every corpus kind real archives hold, generated at 1x, 2x,
//! 4x and 8x of a base size, through the whole pipeline on all cores, with the time of each
//! stage and a same-run baseline (walking, reading and decoding the same files, nothing else).
//!
//! `cargo bench --bench scale -- [--mb 4] [--kinds story,wire,nopunct,folders] [--factors 1,2,4,8] [--runs 3] [--give-up 120] [--dir PATH]`
//!
//! Linear time shows as a constant "time / size" column (the `x1` column: wall time per MB
//! relative to the 1x run of the same kind). Stage times are CPU seconds summed over worker
//! threads for the per-file and per-article stages, wall seconds for the corpus-wide ones.
//! `--give-up S` skips the larger sizes of a kind once one run takes longer than S seconds
//! (for measuring superlinear code without waiting hours). `--dir PATH` adds a row for a
//! real folder (e.g. `../shared/entities-tls`), loaded as it is, with the same baseline;
//! `--kinds none` leaves out the generated ones.

#[path = "../examples/common/corpus_gen.rs"]
mod corpus_gen;

use corpus_gen::{generate, Kind};
use dateline::pipeline::{load, LoadOptions, Progress, Stage};
use std::time::{Duration, Instant};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

struct Run {
    wall: f64,
    baseline: f64,
    stages: Vec<Duration>,
    articles: usize,
    events: usize,
    clusters: usize,
    largest_cluster_sources: usize,
    pub_dates_right: Option<(usize, usize)>,
}

fn read_decode(paths: &[std::path::PathBuf]) -> f64 {
    let t = Instant::now();
    let walked = dateline::ingest::walk(paths).expect("corpus folder exists");
    let mut n = 0usize;
    for f in &walked.files {
        let b = std::fs::read(&f.path).expect("readable");
        n += dateline::ingest::decode::decode(&b, false).0.len();
    }
    std::hint::black_box(n);
    t.elapsed().as_secs_f64()
}

fn run_once(dir: &std::path::Path, truth: &[(String, String)]) -> Run {
    let paths = vec![dir.to_path_buf()];
    let baseline = read_decode(&paths);
    let progress = Progress::default();
    let t = Instant::now();
    let corpus = load(&paths, &LoadOptions::default(), &progress).expect("loads");
    let wall = t.elapsed().as_secs_f64();
    let pub_dates_right = (!truth.is_empty()).then(|| {
        let by_path: std::collections::HashMap<&str, &dateline::model::Article> = corpus
            .articles
            .iter()
            .map(|a| (a.path.as_str(), a))
            .collect();
        let right = truth
            .iter()
            .filter(|(rel, want)| {
                let path = dir.join(rel);
                by_path
                    .get(path.to_string_lossy().as_ref())
                    .and_then(|a| a.pub_date.as_ref())
                    .is_some_and(|p| p.date.to_string().starts_with(want.as_str()))
            })
            .count();
        (right, truth.len())
    });
    Run {
        wall,
        baseline,
        stages: Stage::ALL.iter().map(|s| progress.times.get(*s)).collect(),
        articles: corpus.articles.len(),
        events: corpus.events.len(),
        clusters: corpus.clusters.len(),
        largest_cluster_sources: corpus.clusters.iter().map(|c| c.sources).max().unwrap_or(0),
        pub_dates_right,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mb: f64 = arg("--mb").and_then(|v| v.parse().ok()).unwrap_or(4.0);
    let runs: usize = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(3);
    let give_up: f64 = arg("--give-up")
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::INFINITY);
    let kinds: Vec<Kind> = arg("--kinds").map_or(Kind::ALL.to_vec(), |k| {
        k.split(',').filter_map(Kind::parse).collect()
    });
    let factors: Vec<u64> = arg("--factors").map_or(vec![1, 2, 4, 8], |f| {
        f.split(',').filter_map(|x| x.parse().ok()).collect()
    });
    println!(
        "scale: base {mb} MB, {} threads, median of {runs} runs (wall); stage columns in seconds",
        rayon::current_num_threads()
    );
    print!("| kind | size | MB | articles | events | clusters | max sources | baseline MB/s | pipeline MB/s | ratio | wall s | s/MB vs 1x |");
    for s in Stage::ALL {
        print!(" {} |", s.name());
    }
    println!(" pub dates right |");
    print!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for _ in Stage::ALL {
        print!("---|");
    }
    println!("---|");
    if let Some(dir) = arg("--dir") {
        let dir = std::path::PathBuf::from(dir);
        let walked = dateline::ingest::walk(std::slice::from_ref(&dir)).expect("folder exists");
        let bytes: u64 = walked
            .files
            .iter()
            .filter_map(|f| std::fs::metadata(&f.path).ok())
            .map(|m| m.len())
            .sum();
        let size = bytes as f64 / 1e6;
        let all: Vec<Run> = (0..runs).map(|_| run_once(&dir, &[])).collect();
        let wall = median(all.iter().map(|r| r.wall).collect());
        let baseline = median(all.iter().map(|r| r.baseline).collect());
        let r = all
            .iter()
            .min_by(|a, b| (a.wall - wall).abs().total_cmp(&(b.wall - wall).abs()))
            .expect("one run at least");
        print!(
            "| {} | - | {size:.1} | {} | {} | {} | {} | {:.0} | {:.1} | {:.3} | {wall:.2} | - |",
            dir.display(),
            r.articles,
            r.events,
            r.clusters,
            r.largest_cluster_sources,
            size / baseline,
            size / wall,
            baseline / wall,
        );
        for d in &r.stages {
            print!(" {:.2} |", d.as_secs_f64());
        }
        println!(" |");
    }
    for kind in kinds {
        let mut per_mb_1x: Option<f64> = None;
        for &f in &factors {
            let dir = tempfile::tempdir().expect("temp dir");
            let summary = generate(kind, dir.path(), (mb * 1e6) as u64 * f, 7);
            let size = summary.bytes as f64 / 1e6;
            let mut all: Vec<Run> = Vec::new();
            for _ in 0..runs {
                let r = run_once(dir.path(), &summary.truth);
                let slow = r.wall > give_up;
                all.push(r);
                if slow {
                    break;
                }
            }
            let wall = median(all.iter().map(|r| r.wall).collect());
            let baseline = median(all.iter().map(|r| r.baseline).collect());
            let r = all
                .iter()
                .min_by(|a, b| (a.wall - wall).abs().total_cmp(&(b.wall - wall).abs()))
                .expect("one run at least");
            let per_mb = wall / size;
            let base = *per_mb_1x.get_or_insert(per_mb);
            print!(
                "| {} | {f}x | {size:.1} | {} | {} | {} | {} | {:.0} | {:.1} | {:.3} | {wall:.2} | {:.2} |",
                kind.name(),
                r.articles,
                r.events,
                r.clusters,
                r.largest_cluster_sources,
                size / baseline,
                size / wall,
                baseline / wall,
                per_mb / base,
            );
            for d in &r.stages {
                print!(" {:.2} |", d.as_secs_f64());
            }
            match r.pub_dates_right {
                Some((right, n)) => println!(" {right}/{n} |"),
                None => println!(" |"),
            }
            if wall > give_up {
                println!(
                    "| {} | (larger sizes skipped: over {give_up} s) |",
                    kind.name()
                );
                break;
            }
        }
    }
}
