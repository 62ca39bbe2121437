//! Time from process start to the first painted frame: dateline with the bundled sample
//! against a bare eframe window (this example run with `--bare`), measured the same way in
//! the same run.
//!
//! ```sh
//! cargo build --release --all-targets        # the dateline binary and this example
//! DISPLAY=:109 cargo run --release --example first_frame -- --runs 7
//! ```
//!
//! Each run spawns a fresh process with `DATELINE_FIRST_FRAME=exit` and a fresh, empty
//! data directory (so dateline opens the sample, as on a first launch) and notes when the
//! probe's lines (`src/startup.rs`) arrive on its stderr, on this process's clock: spawn
//! to "first-frame" is the figure, spawn to "content" adds the corpus on screen. The two
//! programs alternate so that load on the machine hits both alike. Needs a display.

use dateline::startup::{self, Milestone};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--bare") {
        bare_window();
        return;
    }
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let me = std::env::current_exe().expect("own path");
    let dateline = me
        .parent()
        .and_then(|d| d.parent())
        .map(|d| d.join("dateline"))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| {
            eprintln!("build the binary first: cargo build --release --all-targets");
            std::process::exit(2)
        });
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!("no display: run under Xvfb (DISPLAY=:N)");
        std::process::exit(2);
    }
    let mut bare = Vec::new();
    let mut app = Vec::new();
    // One unmeasured launch of each first: page cache and shader caches warm.
    let _ = time_launch(&me, &["--bare"]);
    let _ = time_launch(&dateline, &[]);
    for _ in 0..runs {
        bare.push(time_launch(&me, &["--bare"]));
        app.push(time_launch(&dateline, &[]));
    }
    let med = |v: &[Timing], f: fn(&Timing) -> f64| {
        let mut x: Vec<f64> = v.iter().map(f).collect();
        x.sort_by(f64::total_cmp);
        x[x.len() / 2]
    };
    let (bf, af) = (med(&bare, |t| t.first), med(&app, |t| t.first));
    let (bc, ac) = (med(&bare, |t| t.content), med(&app, |t| t.content));
    let (bi, ai) = (med(&bare, |t| t.in_process), med(&app, |t| t.in_process));
    let (bcpu, acpu) = (med(&bare, |t| t.cpu_ms), med(&app, |t| t.cpu_ms));
    println!("runs: {runs} of each, alternating; medians, ms from spawn");
    println!(
        "{:<28} {:>12} {:>16} {:>14}",
        "", "first frame", "corpus on screen", "(in-process)"
    );
    println!(
        "{:<28} {bf:>12.0} {bc:>16.0} {bi:>14.0}",
        "bare eframe window"
    );
    println!(
        "{:<28} {af:>12.0} {ac:>16.0} {ai:>14.0}",
        "dateline, sample"
    );
    println!(
        "ratio first frame: {:.2}x   corpus on screen vs bare first frame: {:.2}x",
        af / bf,
        ac / bf
    );
    println!(
        "CPU per launch (all threads, spawn to exit after the content line), medians: \
         bare {bcpu:.0} ms, dateline {acpu:.0} ms"
    );
    for (name, v) in [("bare", &bare), ("dateline", &app)] {
        let all: Vec<String> = v.iter().map(|t| format!("{:.0}", t.first)).collect();
        println!("{name} first frames: {}", all.join(" "));
    }
}

struct Timing {
    /// Spawn to the first painted frame.
    first: f64,
    /// Spawn to the first painted frame showing the corpus.
    content: f64,
    /// The first frame as the process measured it (from `main`).
    in_process: f64,
    /// CPU time of the whole launch, all threads (user + system), from spawn to exit.
    cpu_ms: f64,
}

/// CPU time (user + system) of all waited-for children so far.
fn children_cpu_ms() -> f64 {
    // SAFETY: getrusage fills the struct it is given and nothing else.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(u.ru_utime) + ms(u.ru_stime)
}

fn time_launch(exe: &PathBuf, args: &[&str]) -> Timing {
    let data = tempfile::tempdir().expect("temp dir");
    let cpu0 = children_cpu_ms();
    let t0 = Instant::now();
    let mut child = Command::new(exe)
        .args(args)
        .env(startup::FIRST_FRAME_ENV, "exit")
        .env(dateline::paths::DATA_DIR_ENV, data.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let (mut first, mut content, mut in_process) = (None, None, None);
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { break };
        let at = t0.elapsed().as_secs_f64() * 1000.0;
        match startup::parse_line(&line) {
            Some((Milestone::FirstFrame, ms)) => {
                first = Some(at);
                in_process = Some(ms);
            }
            Some((Milestone::Content, _)) => content = Some(at),
            None => eprintln!("  [{}] {line}", exe.display()),
        }
    }
    let _ = child.wait();
    let cpu_ms = children_cpu_ms() - cpu0;
    match (first, content, in_process) {
        (Some(first), Some(content), Some(in_process)) => Timing {
            first,
            content,
            in_process,
            cpu_ms,
        },
        _ => {
            eprintln!("{} did not report its frames", exe.display());
            std::process::exit(1);
        }
    }
}

/// The baseline: the same window options as dateline's, one label, nothing loaded.
fn bare_window() {
    startup::mark_start();
    struct Bare;
    impl eframe::App for Bare {
        fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
            startup::on_frame(ui.ctx(), true);
            egui::CentralPanel::default().show(ui, |ui| ui.label("bare eframe window"));
        }
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        // Like dateline's: eframe's settings in the run's own data dir, not the user's.
        persistence_path: std::env::var_os(dateline::paths::DATA_DIR_ENV)
            .map(|d| PathBuf::from(d).join("app.ron")),
        ..Default::default()
    };
    startup::stage("run-native");
    eframe::run_native(
        "bare",
        options,
        Box::new(|_cc| {
            startup::stage("create-app");
            Ok(Box::new(Bare))
        }),
    )
    .expect("bare window");
}
