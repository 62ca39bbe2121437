//! The longest UI pass while a correction or a top-N change is applied to a large corpus:
//! `cargo run --release --example ui_stall -- CORPUS_DIR INDEX_FILE [ROUNDS]`.
//!
//! Opens CORPUS_DIR in the window's app (an egui_kittest harness, no GPU: the passes are
//! the app's own work, egui's layout and tessellation; painting is left out) through the
//! index at INDEX_FILE (kept between runs, so a reopen is served from it), waits for the
//! whole corpus, then ROUNDS times (default 2): top N on (20 happenings), top N off, an
//! event hidden, undo, an article's publication date moved a day, undo. Each step starts as a click would (the action applied inside a
//! pass: that apply is counted with the pass after it) and ends when the window shows the
//! result (the list's rows or a new corpus generation), two passes more. Printed per step:
//! the longest pass (wall ms and the UI thread's CPU ms), how many passes, and the wall ms
//! until the result was on screen. Uses only what the app had before the rebuild jobs, so
//! the same file measures both sides.

use dateline::gui::action::Action;
use dateline::gui::{AppConfig, DatelineApp};
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::{Duration, Instant};

// CPU time of this thread: the machine's cores are shared with other builds, which would
// inflate wall-clock times.
#[path = "common/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::cpu_now;

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

/// The longest pass so far (wall ms, its CPU ms) and how many passes.
#[derive(Default)]
struct Passes {
    longest: f64,
    longest_cpu: f64,
    count: usize,
}

impl Passes {
    fn timed(&mut self, pass: impl FnOnce()) {
        let (w, c) = (Instant::now(), cpu_now());
        pass();
        let wall = w.elapsed().as_secs_f64() * 1000.0;
        if wall > self.longest {
            self.longest = wall;
            self.longest_cpu = (cpu_now() - c).as_secs_f64() * 1000.0;
        }
        self.count += 1;
    }
}

/// (longest pass wall ms, its CPU ms, passes, wall ms until the result was on screen).
type Measured = (f64, f64, usize, f64);

/// Runs `start` (an action applied by the app) and then passes until `done`.
fn measure(
    h: &mut Harness<'_, DatelineApp>,
    start: impl FnOnce(&mut DatelineApp),
    done: impl Fn(&DatelineApp) -> bool,
) -> Measured {
    let t0 = Instant::now();
    let mut p = Passes::default();
    p.timed(|| {
        start(h.state_mut());
        h.step();
    });
    while !done(h.state()) {
        assert!(t0.elapsed() < Duration::from_secs(600), "no result");
        std::thread::sleep(Duration::from_millis(5));
        p.timed(|| h.step());
    }
    let until = t0.elapsed().as_secs_f64() * 1000.0;
    p.timed(|| h.step());
    p.timed(|| h.step());
    (p.longest, p.longest_cpu, p.count, until)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: ui_stall CORPUS_DIR INDEX_FILE [ROUNDS]");
        std::process::exit(2);
    }
    let corpus = PathBuf::from(&args[1]);
    let index = PathBuf::from(&args[2]);
    let rounds: usize = args.get(3).map_or(2, |s| s.parse().expect("ROUNDS"));
    let settings = tempfile::tempdir().expect("a settings folder");
    let config = AppConfig {
        index_path: Some(index),
        ..AppConfig::isolated(settings.path())
    };
    let t = Instant::now();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| DatelineApp::new(cc, config, vec![corpus]));
    while h.state().is_loading() {
        assert!(
            t.elapsed() < Duration::from_secs(3600),
            "load did not finish"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_steps(3);
    let events = h.state().corpus.events.len();
    println!(
        "loaded {events} events in {:.1} s; load average {}",
        t.elapsed().as_secs_f64(),
        load_average()
    );
    let visible = |app: &DatelineApp| app.corpus.events.iter().filter(|e| !e.hidden).count();
    for round in 0..rounds {
        let all_rows = h.state().event_list.rows().len();
        let steps: Vec<(&str, Measured)> = vec![
            (
                "top N on (20)",
                measure(
                    &mut h,
                    |app| app.apply(Action::SetTopN(Some(20))),
                    |app| app.event_list.rows().len() < all_rows / 2,
                ),
            ),
            (
                "top N off",
                measure(
                    &mut h,
                    |app| app.apply(Action::SetTopN(None)),
                    move |app| app.event_list.rows().len() == all_rows,
                ),
            ),
            {
                let generation = h.state().generation;
                let hidden_before = events - visible(h.state());
                let id = h.state().event_list.rows()[all_rows / 2];
                (
                    "hide an event",
                    measure(
                        &mut h,
                        |app| app.apply(Action::HideEvent(id)),
                        move |app| {
                            app.generation > generation
                                && app.corpus.events.len() - visible(app) > hidden_before
                        },
                    ),
                )
            },
            {
                let generation = h.state().generation;
                (
                    "undo",
                    measure(
                        &mut h,
                        |app| app.apply(Action::Undo),
                        move |app| app.generation > generation,
                    ),
                )
            },
            {
                // A firmly dated article moved a day (its events move with it).
                let generation = h.state().generation;
                let id = h.state().event_list.rows()[all_rows / 3];
                let article = h.state().corpus.events[id as usize].article;
                let date = h.state().corpus.articles[article as usize]
                    .pub_date
                    .as_ref()
                    .map_or(chrono::NaiveDate::MIN, |p| p.date)
                    .succ_opt()
                    .unwrap_or(chrono::NaiveDate::MIN);
                (
                    "publication date set",
                    measure(
                        &mut h,
                        move |app| app.set_pub_date(article, date),
                        move |app| app.generation > generation,
                    ),
                )
            },
            {
                let generation = h.state().generation;
                (
                    "undo the date",
                    measure(
                        &mut h,
                        |app| app.apply(Action::Undo),
                        move |app| app.generation > generation,
                    ),
                )
            },
        ];
        for (what, (longest, cpu, passes, until)) in steps {
            println!(
                "round {round} {what}: longest pass {longest:.1} ms (UI thread CPU {cpu:.1} ms), {passes} passes, on screen after {until:.0} ms; load average {}",
                load_average()
            );
        }
    }
}
