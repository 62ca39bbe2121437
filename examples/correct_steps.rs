//! Where a correction's time goes, without the window:
//! `cargo run --release --example correct_steps -- CORPUS_DIR [ROUNDS]`.
//!
//! Loads CORPUS_DIR, then ROUNDS times (default 2) makes what the window's correction job
//! makes (`gui::rebuild::make`: the corrected corpus, the panels' data, the layout, the
//! list's rows) for four corrections in a row, as `examples/ui_stall.rs` clicks them: the
//! event of the middle row hidden, undo, the article of the row a third down given its
//! publication date plus a day, undo. Prints the wall ms of each piece of the job and of
//! the whole, with the load average. The pieces are timed one after the other here (the
//! job runs the layout beside the panels' data and the rows).

use dateline::corrections::{event_key, Corrections};
use dateline::gui::derived::{Derived, ListWanted};
use dateline::gui::event_list::visible_events;
use dateline::model::Corpus;
use dateline::pipeline::{self, LoadOptions, Progress};
use dateline::timeline::layout::Layout;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// The job for `store` on `base`, piece by piece: gives the corrected corpus and a line of
/// timings.
fn job(base: &Arc<Corpus>, store: &Corrections, list: &ListWanted) -> (Arc<Corpus>, String) {
    let t0 = Instant::now();
    // The copy of the corpus is made inside the correction (`pipeline::corrected`, as the
    // window's job makes it): "copy" is 0 here, "correct" holds both.
    let copy = 0.0;
    let t = Instant::now();
    let (corpus, path) = pipeline::corrected(base, store);
    let corpus = Arc::new(corpus);
    let correct = ms(t);
    let t = Instant::now();
    let derived = Derived::build(&corpus, None);
    let derived_ms = ms(t);
    let t = Instant::now();
    let layout = Layout::build(&corpus);
    let layout_ms = ms(t);
    let t = Instant::now();
    let rows = visible_events(&corpus, &list.filter, None, list.sort);
    let rows_ms = ms(t);
    let t = Instant::now();
    drop((derived, layout, rows));
    let drop_ms = ms(t);
    let line = format!(
        "{path:?}: copy {copy:.0}, correct {correct:.0}, derived {derived_ms:.0}, layout {layout_ms:.0}, rows {rows_ms:.0}, drop {drop_ms:.0}; whole {:.0} ms",
        ms(t0)
    );
    (corpus, line)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: correct_steps CORPUS_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).map_or(2, |s| s.parse().expect("ROUNDS"));
    let t = Instant::now();
    let corpus = pipeline::load(
        std::slice::from_ref(&dir),
        &LoadOptions::default(),
        &Progress::default(),
    )
    .expect("a corpus");
    println!(
        "loaded {} articles, {} events in {:.1} s; load average {}",
        corpus.articles.len(),
        corpus.events.len(),
        t.elapsed().as_secs_f64(),
        load_average()
    );
    let list = ListWanted::default();
    let mut corpus = Arc::new(corpus);
    let mut store = Corrections::default();
    for round in 0..rounds {
        let rows = visible_events(&corpus, &list.filter, None, list.sort);
        let hide = rows[rows.len() / 2] as usize;
        let e = &corpus.events[hide];
        let hash = corpus.articles[e.article as usize].content_hash.clone();
        store.hide_event(&hash, &event_key(e));
        let (c, line) = job(&corpus, &store, &list);
        println!(
            "round {round} hide an event: {line}; load {}",
            load_average()
        );
        corpus = c;
        store.undo();
        let (c, line) = job(&corpus, &store, &list);
        println!("round {round} undo: {line}; load {}", load_average());
        corpus = c;
        let a = &corpus.articles[corpus.events[rows[rows.len() / 3] as usize].article as usize];
        let date = a
            .pub_date
            .as_ref()
            .map_or(chrono::NaiveDate::MIN, |p| p.date)
            .succ_opt()
            .unwrap_or(chrono::NaiveDate::MIN);
        let hash = a.content_hash.clone();
        store.set_pub_date(&hash, date);
        let (c, line) = job(&corpus, &store, &list);
        println!(
            "round {round} publication date set: {line}; load {}",
            load_average()
        );
        corpus = c;
        store.undo();
        let (c, line) = job(&corpus, &store, &list);
        println!(
            "round {round} undo the date: {line}; load {}",
            load_average()
        );
        corpus = c;
    }
}
