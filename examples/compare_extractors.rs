//! Compares dateline's HTML reader with two published Rust extractors (`trafilatura`,
//! `dom_smoothie`) on the article-extraction benchmark folder, with one scorer and one decoder,
//! so that our figures can be read against theirs measured on the same machine.
//!
//! cargo run --release --features compare --example compare_extractors -- /work/shared/articles-bench
//!
//! Scoring is the benchmark README's: `\w+` tokens, 4-gram shingle multisets, per-page
//! normalised TP/FP/FN, mean P and R, F1 = 2PR/(P+R), accuracy = exact token-list match
//! (the scorer is copied from `score_articles.rs`: an example cannot import another one).
//!
//! Every extractor runs in its own child process (this binary with `--bench` or `--hostile`),
//! so a stack-overflow abort inside a crate is recorded as a crash instead of killing the
//! harness. Pages run one at a time, each on a fresh 8 MiB thread inside `catch_unwind`; the
//! speed is pages per CPU-second of that thread (decoding included for all three, gunzip
//! excluded), median of three passes. The hostile inputs run on a 2 MiB thread under a
//! timeout.

use dateline::ingest::decode::decode;
use dateline::ingest::html::read_html;
use dateline::model::ParagraphKind;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXTRACTORS: [&str; 3] = ["dateline", "trafilatura", "dom_smoothie"];
const HOSTILE: [&str; 2] = ["nested-divs", "many-attrs"];
const RUNS: usize = 3;
const PAGE_STACK: usize = 8 << 20;
const HOSTILE_STACK: usize = 2 << 20;
const HOSTILE_TIMEOUT: Duration = Duration::from_secs(120);

/// The main text one extractor prints for a page, or `Err` when it reports a failure.
fn extract(name: &str, bytes: &[u8]) -> Result<String, String> {
    match name {
        // Exactly what `dateline text` prints.
        "dateline" => Ok(read_html(bytes)
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, ParagraphKind::Title | ParagraphKind::Caption))
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")),
        "trafilatura" => {
            let (html, _) = decode(bytes, true);
            let opts = trafilatura::Options::default().with_fallback(false);
            trafilatura::extract(&html, &opts)
                .map(|r| r.content_text)
                .map_err(|e| e.to_string())
        }
        "dom_smoothie" => {
            let (html, _) = decode(bytes, true);
            // Formatted keeps block boundaries as line breaks; Raw glues "a</p><p>b" into one
            // token, which would penalise it for an output-format choice.
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            dom_smoothie::Readability::new(html, None, Some(cfg))
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .map_err(|e| e.to_string())
        }
        _ => Err(format!("unknown extractor {name}")),
    }
}

/// CPU time of the calling thread (wall time would count the other builds on this machine).
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu(_wall: Instant) -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec with the 64-bit Linux layout.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.sec as u64, ts.nsec as u32)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu(wall: Instant) -> Duration {
    wall.elapsed()
}

// ---- scorer and pages (shared with score_articles.rs) ----

#[path = "common/shingle_score.rs"]
mod shingle_score;
use shingle_score::{score, tokens};

// ---- child: one extractor over the benchmark ----

/// Outcome of one extraction on its own thread.
enum Outcome {
    Text(String),
    Error(String),
    Panic,
}

/// Runs one extraction on a fresh thread with `stack` bytes; returns the outcome and the
/// thread's CPU time spent in the call.
fn run_isolated(name: &str, bytes: &[u8], stack: usize) -> (Outcome, Duration) {
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(s, || {
                let wall = Instant::now();
                let c0 = thread_cpu(wall);
                let out = catch_unwind(AssertUnwindSafe(|| extract(name, bytes)));
                let cpu = thread_cpu(wall).saturating_sub(c0);
                let out = match out {
                    Ok(Ok(text)) => Outcome::Text(text),
                    Ok(Err(e)) => Outcome::Error(e),
                    Err(_) => Outcome::Panic,
                };
                (out, cpu)
            });
        match handle.map(|h| h.join()) {
            Ok(Ok(r)) => r,
            _ => (Outcome::Panic, Duration::ZERO),
        }
    })
}

fn load(dir: &str) -> Vec<(Vec<u8>, String)> {
    let (ids, gt) = shingle_score::ground_truth(dir);
    let mut pages = Vec::new();
    for id in ids {
        let Some(raw) = shingle_score::page_html(dir, &id) else {
            continue;
        };
        let truth = gt[id.as_str()]["articleBody"].as_str().unwrap_or("");
        pages.push((raw, truth.to_string()));
    }
    pages
}

fn bench_child(name: &str, dir: &str) {
    let pages = load(dir);
    let n = pages.len().max(1) as f64;
    let mut totals = Vec::new();
    let (mut sum_p, mut sum_r, mut exact, mut panics, mut errors) = (0.0, 0.0, 0usize, 0, 0);
    for run in 0..RUNS {
        let mut total = Duration::ZERO;
        for (raw, truth) in &pages {
            let (out, cpu) = run_isolated(name, raw, PAGE_STACK);
            total += cpu;
            if run > 0 {
                continue;
            }
            let pred = match out {
                Outcome::Text(t) => t,
                Outcome::Error(_) => {
                    errors += 1;
                    String::new()
                }
                Outcome::Panic => {
                    panics += 1;
                    String::new()
                }
            };
            let (p, r, eq) = score(truth, &pred);
            sum_p += p;
            sum_r += r;
            exact += eq as usize;
        }
        totals.push(total);
    }
    totals.sort();
    let median = totals[totals.len() / 2].as_secs_f64();
    let (p, r) = (sum_p / n, sum_r / n);
    let f1 = shingle_score::f1(p, r);
    println!(
        "RESULT {p:.3} {r:.3} {f1:.3} {:.3} {:.1} {panics} {errors} {}",
        exact as f64 / n,
        n / median.max(1e-9),
        pages.len()
    );
}

// ---- child: one extractor on one hostile input ----

/// Filler prose written for this harness, so the hostile pages have something to extract.
const FILLER: &str = "The harbour committee met on a wet Tuesday and agreed, after a long and \
    patient argument about tides, budgets and the old crane, to repaint the lighthouse before \
    the autumn storms arrive.";

fn hostile_page(case: &str) -> String {
    match case {
        "nested-divs" => format!(
            "<html><head><title>Nested</title></head><body>{}<p>{FILLER}</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        ),
        _ => {
            let attrs: String = (0..50_000)
                .map(|i| format!(" data-a{i}=\"v{i}\""))
                .collect();
            format!(
                "<html><head><title>Attrs</title></head><body><article><p>{FILLER}</p>\
                 <div{attrs}><p>{FILLER}</p></div></article></body></html>"
            )
        }
    }
}

fn hostile_child(case: &str, name: &str) {
    let page = hostile_page(case);
    let wall = Instant::now();
    let (out, cpu) = run_isolated(name, page.as_bytes(), HOSTILE_STACK);
    let wall = wall.elapsed();
    let what = match out {
        Outcome::Text(t) => format!("ok {}tok", tokens(&t).len()),
        Outcome::Error(e) => format!("err \"{}\"", e.chars().take(40).collect::<String>()),
        Outcome::Panic => "panic".to_string(),
    };
    println!(
        "RESULT {what} {:.0}ms(cpu {:.0}ms)",
        wall.as_secs_f64() * 1e3,
        cpu.as_secs_f64() * 1e3
    );
}

// ---- parent: orchestrates children, prints the table ----

/// Runs this binary with `args`; returns its `RESULT` line, or why there is none.
fn child(args: &[&str], timeout: Option<Duration>) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut c = Command::new(exe)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let status = loop {
        match c.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) if timeout.is_some_and(|t| start.elapsed() > t) => {
                let _ = c.kill();
                let _ = c.wait();
                return Err(format!("timeout >{}s", start.elapsed().as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let mut out = String::new();
    if let Some(mut so) = c.stdout.take() {
        let _ = so.read_to_string(&mut out);
    }
    if let Some(line) = out.lines().find_map(|l| l.strip_prefix("RESULT ")) {
        return Ok(line.to_string());
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Err(format!("CRASH (signal {sig})"));
        }
    }
    Err(format!("CRASH ({status})"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.as_slice() {
        ["--bench", name, dir] => return bench_child(name, dir),
        ["--hostile", case, name] => return hostile_child(case, name),
        _ => {}
    }
    let dir = a.first().copied().unwrap_or("/work/shared/articles-bench");
    println!(
        "| extractor | P | R | F1 | accuracy | pages/CPU-s | panics / errors / crash | {} | {} |",
        HOSTILE[0], HOSTILE[1]
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for name in EXTRACTORS {
        let bench = match child(&["--bench", name, dir], None) {
            Ok(line) => {
                let f: Vec<&str> = line.split_whitespace().collect();
                match f.as_slice() {
                    [p, r, f1, acc, pps, panics, errors, n] => format!(
                        "{p} | {r} | {f1} | {acc} | {pps} | {panics} / {errors} / 0 (of {n} pages)"
                    ),
                    _ => format!("? | ? | ? | ? | ? | unparsed: {line}"),
                }
            }
            Err(why) => format!("- | - | - | - | - | {why}"),
        };
        let hostile: Vec<String> = HOSTILE
            .iter()
            .map(|case| {
                child(&["--hostile", case, name], Some(HOSTILE_TIMEOUT)).unwrap_or_else(|e| e)
            })
            .collect();
        println!("| {name} | {bench} | {} |", hostile.join(" | "));
    }
}
