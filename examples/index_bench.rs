//! Opening a corpus through the on-disk index, phase by phase:
//! `cargo run --release --example index_bench -- CORPUS_DIR [INDEX_FILE]`.
//!
//! Runs, in one process and on the same files: a load that reads every file (no index, the
//! baseline; left out with `--no-baseline`), a first load through a new index (reads, runs
//! the corpus-wide steps, stores both), a reopen (files served from the index, the steps'
//! results put back), and the streaming load the window uses (when its first snapshot is
//! ready). Prints each phase's wall and CPU time, the index size and the events found. The
//! index file (default: a temporary folder) is deleted first. `--reopen` keeps it and
//! measures only what uses it; `--loader-only` (with `--reopen`) runs only the window's
//! loader, for profiling it alone.

use dateline::gui::loader::drop_elsewhere;
use dateline::index::{self, Index};
use dateline::pipeline::{self, LoadOptions, Progress};
use std::path::PathBuf;
use std::time::Instant;

/// CPU seconds this process has used (all threads), from /proc (Linux); 0 elsewhere. The
/// machine is shared, so wall times are quoted with CPU times beside them.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: index_bench CORPUS_DIR [INDEX_FILE]");
        std::process::exit(2);
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let ix_path = args
        .get(2)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("index.sqlite"));
    // `--reopen`: keep an index from an earlier run and measure only what uses it.
    let reopen_only = args.iter().any(|a| a == "--reopen");
    let loader_only = reopen_only && args.iter().any(|a| a == "--loader-only");
    let no_baseline = reopen_only || args.iter().any(|a| a == "--no-baseline");
    if !reopen_only {
        let _ = std::fs::remove_file(&ix_path);
    }
    let paths = vec![dir];
    let opts = LoadOptions::default();

    let t = Instant::now();
    let c0 = cpu();
    let walked = dateline::ingest::walk(&paths).expect("walk");
    println!(
        "walk:            {:7.2} s wall, {:.2} s CPU ({} files)",
        t.elapsed().as_secs_f64(),
        cpu() - c0,
        walked.files.len()
    );
    let t = Instant::now();
    let c0 = cpu();
    let base = if no_baseline {
        dateline::model::Corpus::default()
    } else {
        pipeline::load(&paths, &opts, &Progress::default()).expect("load")
    };
    let baseline = t.elapsed().as_secs_f64();
    println!(
        "no index:        {baseline:7.2} s wall, {:.2} s CPU ({} articles, {} events, {} clusters)",
        cpu() - c0,
        base.articles.len(),
        base.events.len(),
        base.clusters.len()
    );
    drop(base);

    let rounds: &[&str] = if loader_only {
        &[]
    } else if reopen_only {
        &["reopen"]
    } else {
        &["first (writes)", "reopen"]
    };
    for &round in rounds {
        let mut ix = Index::open_cache(&ix_path).expect("index");
        let t = Instant::now();
        let c0 = cpu();
        let c = index::collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {})
            .expect("collect");
        let collect = t.elapsed().as_secs_f64();
        let collect_cpu = cpu() - c0;
        let (from_index, extracted) = (c.from_index, c.extracted);
        let t2 = Instant::now();
        let c1 = cpu();
        let id = index::settled::corpus_id(&paths);
        let joined = index::settled::join(c.parts, &opts, &Default::default());
        let corpus = index::settle_through(
            joined,
            &opts,
            &Default::default(),
            Some(&mut ix),
            &id,
            &mut Vec::new(),
        );
        let steps = t2.elapsed().as_secs_f64();
        let steps_cpu = cpu() - c1;
        let t3 = Instant::now();
        let layout = dateline::timeline::layout::Layout::build(&corpus);
        let lay = t3.elapsed().as_secs_f64();
        drop(layout);
        println!(
            "{round:<15}  {:7.2} s  = per-file {collect:.2} s ({collect_cpu:.2} s CPU; {from_index} from index, {extracted} read) + corpus-wide {steps:.2} s ({steps_cpu:.2} s CPU); layout {lay:.2} s; {} events; ratio to no index {:.2}",
            collect + steps,
            corpus.events.len(),
            (collect + steps) / baseline
        );
    }
    let size = std::fs::metadata(&ix_path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(format!("{}-wal", ix_path.display()))
            .map(|m| m.len())
            .unwrap_or(0);
    println!("index size:      {:.1} MB", size as f64 / 1e6);
    // What it holds: the values the app reads (articles and events), the rows analysts query.
    let conn = (!loader_only).then(|| rusqlite::Connection::open(&ix_path));
    if let Some(Ok(conn)) = conn {
        let mb = |sql: &str| {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                .map_or(-1.0, |b| b as f64 / 1e6)
        };
        println!(
            "  article values {:.1} MB; events table {:.1} MB (pages); articles table {:.1} MB (pages, values and text included); text {:.1} MB",
            mb("SELECT coalesce(sum(length(value)), 0) FROM articles"),
            mb("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = 'events'"),
            mb("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = 'articles'"),
            mb("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles"),
        );
    }

    // The window's streaming load, through the same (now full) index and through none.
    for (label, ix) in [
        ("streaming, index", Some(ix_path.clone())),
        ("streaming, none", None),
    ] {
        if no_baseline && ix.is_none() {
            continue;
        }
        let t = Instant::now();
        let c0 = cpu();
        let loader = dateline::gui::loader::Loader::start_with_index(
            paths.clone(),
            LoadOptions::default(),
            ix,
            || {},
        );
        let mut first = None;
        // Every snapshot the window would take: (seconds after the start, events).
        let mut partials: Vec<(f64, usize)> = Vec::new();
        loop {
            match loader.poll() {
                dateline::gui::loader::LoadOutcome::Partial(s) => {
                    first.get_or_insert((
                        t.elapsed().as_secs_f64(),
                        s.corpus.events.len(),
                        cpu() - c0,
                    ));
                    partials.push((t.elapsed().as_secs_f64(), s.corpus.events.len()));
                    drop_elsewhere(s);
                }
                dateline::gui::loader::LoadOutcome::Done(s) => {
                    let all = t.elapsed().as_secs_f64();
                    let all_cpu = cpu() - c0;
                    let (ft, fe, fc) = first.unwrap_or((all, s.corpus.events.len(), all_cpu));
                    println!(
                        "{label:<16} first events {ft:.2} s ({fc:.2} s CPU; {fe} events), all {all:.2} s ({all_cpu:.2} s CPU; {} events)",
                        s.corpus.events.len()
                    );
                    let list: Vec<String> = partials
                        .iter()
                        .map(|(at, n)| format!("{at:.1} s: {n}"))
                        .collect();
                    println!(
                        "{label:<16} {} snapshots before the whole (events): {}",
                        partials.len(),
                        list.join(", ")
                    );
                    break;
                }
                dateline::gui::loader::LoadOutcome::Pending => {
                    std::thread::sleep(std::time::Duration::from_millis(5))
                }
                _ => {
                    println!("{label}: load failed");
                    break;
                }
            }
        }
    }
}
