//! What a watched update costs: `cargo run --release --example watch_update -- DIR`.
//!
//! Loads DIR (a generated corpus: the example adds, changes and deletes a file in it), then
//! for each of three changes (a new file, a changed file, the new file deleted) brings the
//! corpus up to date twice from the same state: with `pipeline::replace_files` (corpus dates
//! inferred again only where the change reaches) and with `pipeline::replace_files_full`
//! (every corpus-wide step over the whole corpus), and prints wall and CPU seconds of each,
//! the corpus-dates and clusters stages, and whether both give the same corpus. The file
//! read itself is not timed (a watcher reads only the changed file).

use dateline::model::Corpus;
use dateline::pipeline::{self, FileResult, LoadOptions, Progress, Stage, StageTimes};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// User + system CPU seconds of this process so far.
fn cpu() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid rusage to fill.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(u.ru_utime) + t(u.ru_stime)
}

/// A digest of what an update must get right: publication dates, events, clusters.
fn digest(c: &Corpus) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for a in &c.articles {
        format!("{} {:?}", a.path, a.pub_date).hash(&mut h);
    }
    for e in &c.events {
        format!("{e:?}").hash(&mut h);
    }
    for k in &c.clusters {
        format!("{k:?}").hash(&mut h);
    }
    h.finish()
}

/// A change: its name, how to make it on disk, and the path a watcher would report.
type Step = (&'static str, Box<dyn Fn()>, PathBuf);

fn read(paths: &[PathBuf]) -> Vec<FileResult> {
    let paths: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    if paths.is_empty() {
        return Vec::new();
    }
    dateline::index::collect(&paths, &Progress::default(), None, &mut |_| {})
        .map(|c| c.parts)
        .unwrap_or_default()
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: watch_update DIR"));
    let opts = LoadOptions::default();
    let progress = Progress::default();
    let (t, c0) = (Instant::now(), cpu());
    let mut corpus = pipeline::load(std::slice::from_ref(&dir), &opts, &progress).unwrap();
    println!(
        "load: {} articles, {} events, {} clusters; {:.2} s wall, {:.2} s CPU (corpus-dates {:.2} s, clusters {:.2} s, story {:.2} s wall)",
        corpus.articles.len(),
        corpus.events.len(),
        corpus.clusters.len(),
        t.elapsed().as_secs_f64(),
        cpu() - c0,
        progress.times.get(Stage::CorpusDates).as_secs_f64(),
        progress.times.get(Stage::Clusters).as_secs_f64(),
        progress.times.get(Stage::Story).as_secs_f64(),
    );
    // A file from the middle of the corpus: one with firm dates and one without are
    // equally likely in the generated kinds.
    let walked = dateline::ingest::walk(std::slice::from_ref(&dir)).unwrap();
    let pick = walked.files[walked.files.len() / 2].path.clone();
    let text = std::fs::read_to_string(&pick).unwrap();
    let added = pick.with_file_name("zz-watch-added.txt");
    let steps: Vec<Step> = vec![
        (
            "new file",
            Box::new({
                let (added, text) = (added.clone(), text.clone());
                move || std::fs::write(&added, &text).unwrap()
            }),
            added.clone(),
        ),
        (
            "changed file",
            Box::new({
                let (pick, text) = (pick.clone(), text.clone());
                move || {
                    std::fs::write(
                        &pick,
                        format!("{text}\nOn Tuesday, officials in Kenya and Peru met again.\n"),
                    )
                    .unwrap()
                }
            }),
            pick.clone(),
        ),
        (
            "deleted file",
            Box::new({
                let added = added.clone();
                move || std::fs::remove_file(&added).unwrap()
            }),
            added.clone(),
        ),
    ];
    println!(
        "| change | way | wall s | CPU s | corpus-dates s | clusters s | story s | same as full |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (name, apply, path) in steps {
        apply();
        let parts = read(std::slice::from_ref(&path));
        let gone = |f: &Path| f == path;
        let mut full = corpus.clone();
        let mut results = Vec::new();
        for incremental in [true, false] {
            let mut c = if incremental {
                corpus.clone()
            } else {
                std::mem::take(&mut full)
            };
            let times = StageTimes::default();
            let (t, c0) = (Instant::now(), cpu());
            if incremental {
                pipeline::replace_files(&mut c, gone, parts.clone(), &opts, &times);
            } else {
                pipeline::replace_files_full(&mut c, gone, parts.clone(), &opts, &times);
            }
            let (wall, cpu_s) = (t.elapsed().as_secs_f64(), cpu() - c0);
            results.push((
                if incremental { "incremental" } else { "full" },
                wall,
                cpu_s,
                times.get(Stage::CorpusDates).as_secs_f64(),
                times.get(Stage::Clusters).as_secs_f64(),
                times.get(Stage::Story).as_secs_f64(),
                digest(&c),
                c,
            ));
        }
        let full_digest = results[1].6;
        for (way, wall, cpu_s, dates, clusters, story, d, _) in &results {
            println!(
                "| {name} | {way} | {wall:.2} | {cpu_s:.2} | {dates:.2} | {clusters:.2} | {story:.2} | {} |",
                if *d == full_digest { "yes" } else { "NO" }
            );
        }
        corpus = results.swap_remove(1).7;
    }
    // The corpus folder is left as it was: the changed file restored.
    std::fs::write(&pick, &text).unwrap();
}
