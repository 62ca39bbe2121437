//! A correction made in the window redoes only what it reaches
//! (`pipeline::apply_corrections_incremental`) and must give what the full path
//! (`pipeline::apply_corrections`) gives from the same corpus: publication dates, problems,
//! events, clusters, salience and captions, bit for bit, and the layout and panel data made
//! from them. Checked on the bundled sample and on generated corpora (templates of our own,
//! `examples/common/corpus_gen.rs`), for each kind of correction in a row as a user makes
//! them, and for undo.

mod common;

#[path = "../examples/common/corpus_gen.rs"]
mod corpus_gen;

use chrono::NaiveDate;
use dateline::corrections::{event_key, Corrections};
use dateline::gui::derived::Derived;
use dateline::model::{Corpus, DateSpan, PubDateSource};
use dateline::pipeline::{self, CorrectionPath};
use dateline::timeline::layout::Layout;
use std::path::PathBuf;

/// What must be equal between the two paths.
fn summary(c: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    for a in &c.articles {
        out.push(format!("{} {:?} {:?}", a.path, a.pub_date, a.problems));
    }
    for e in &c.events {
        out.push(format!("{e:?} {}", e.salience.to_bits()));
    }
    for k in &c.clusters {
        out.push(format!("{k:?} {}", k.salience.to_bits()));
    }
    // What the window draws and its panels show of it, made from the corpus as a
    // correction's job makes them.
    out.push(format!("{:?}", Layout::build(c)));
    out.push(format!("{:?}", Derived::build(c, None)));
    out
}

fn assert_same(got: &Corpus, want: &Corpus, step: &str) {
    let (g, w) = (summary(got), summary(want));
    if let Some((a, b)) = g.iter().zip(&w).find(|(a, b)| a != b) {
        let n = g.iter().zip(&w).filter(|(a, b)| a != b).count();
        panic!("{step} ({n} lines differ):\n got {a}\nwant {b}");
    }
    assert_eq!(g.len(), w.len(), "{step}");
}

/// Applies `store` to `corpus` both ways; checks they agree (and equal a fresh load of
/// `paths` with `store`) and returns the corrected corpus with the way the incremental
/// path took.
fn both_ways(
    corpus: &Corpus,
    store: &Corrections,
    paths: &[PathBuf],
    step: &str,
) -> (Corpus, CorrectionPath) {
    let mut full = corpus.clone();
    pipeline::apply_corrections(&mut full, store);
    let mut inc = corpus.clone();
    let path = pipeline::apply_corrections_incremental(&mut inc, store);
    // The window's way: a corrected copy, the base read and left as it was.
    let base = summary(corpus);
    let (copy, copy_path) = pipeline::corrected(corpus, store);
    assert_eq!(copy_path, path, "{step}: the same way");
    assert_same(
        &copy,
        &inc,
        &format!("{step}: the copy is not the corrected corpus"),
    );
    assert_eq!(summary(corpus), base, "{step}: the base changed");
    let opts = pipeline::LoadOptions {
        corrections: store.clone(),
        ..Default::default()
    };
    let fresh = pipeline::load(paths, &opts, &pipeline::Progress::default()).unwrap();
    let full_fresh = summary(&full) == summary(&fresh);
    eprintln!("{step}: full path equals a fresh load: {full_fresh}");
    assert_same(&inc, &fresh, &format!("{step}: not a fresh load's corpus"));
    assert_same(&inc, &full, &format!("{step}: not the full path's corpus"));
    (inc, path)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Hides an event, re-dates another, sets the publication date of an article the corpus
/// dated (or of a weak one) and moves a firm one's, then undoes them one by one: after each
/// step the incremental path equals the full one and is taken (not the fallback).
fn corrections_in_a_row(paths: &[PathBuf], name: &str) {
    let corpus = common::load_paths(paths);
    assert!(corpus.events.len() > 20, "{name}: enough events");
    let mut c = corpus;
    let mut store = Corrections::default();
    let step = |c: &mut Corpus, store: &Corrections, what: &str| {
        let (next, path) = both_ways(c, store, paths, &format!("{name}: {what}"));
        assert_eq!(path, CorrectionPath::Incremental, "{name}: {what}");
        assert!(
            summary(&next) != summary(c),
            "{name}: {what} changed something"
        );
        *c = next;
    };

    let e = &c.events[c.events.len() / 2];
    let hash = c.articles[e.article as usize].content_hash.clone();
    store.hide_event(&hash, &event_key(e));
    step(&mut c, &store, "an event hidden");
    assert!(c.events.iter().any(|e| e.hidden));

    let e = &c.events[c.events.len() / 3];
    let hash = c.articles[e.article as usize].content_hash.clone();
    let span = DateSpan::day(date(2019, 4, 2));
    store.set_event_date(&hash, &event_key(e), span);
    step(&mut c, &store, "an event re-dated");

    // The article whose date most depends on the others: one the corpus dated, else a weak
    // one, else the last.
    let source = |a: &dateline::model::Article| a.pub_date.as_ref().map(|p| p.source);
    let weak = c
        .articles
        .iter()
        .position(|a| source(a) == Some(PubDateSource::Corpus))
        .or_else(|| {
            c.articles
                .iter()
                .position(|a| a.pub_date.as_ref().is_none_or(|p| p.confidence < 0.5))
        })
        .unwrap_or(c.articles.len() - 1);
    let weak_hash = c.articles[weak].content_hash.clone();
    store.set_pub_date(&weak_hash, date(2020, 2, 11));
    step(&mut c, &store, "a weak article's publication date set");

    // A firmly dated article moved a month: its firm entries go and come elsewhere.
    let firm = c
        .articles
        .iter()
        .position(|a| {
            a.pub_date.as_ref().is_some_and(|p| p.confidence >= 0.9) && a.content_hash != weak_hash
        })
        .unwrap_or(0);
    let firm_hash = c.articles[firm].content_hash.clone();
    let was = c.articles[firm].pub_date.as_ref().map(|p| p.date);
    let moved = was.map_or(date(2021, 6, 1), |d| d + chrono::Duration::days(30));
    store.set_pub_date(&firm_hash, moved);
    step(&mut c, &store, "a firm article's publication date moved");

    store.clear_pub_date(&firm_hash);
    step(&mut c, &store, "the firm article's date undone");
    store.clear_pub_date(&weak_hash);
    step(&mut c, &store, "the weak article's date undone");
    step(&mut c, &Corrections::default(), "every correction undone");
    assert!(!c.events.iter().any(|e| e.hidden));

    // Nothing to change: nothing done.
    let (_, path) = both_ways(&c, &Corrections::default(), paths, "no correction");
    assert_eq!(path, CorrectionPath::Unchanged);
}

#[test]
fn corrections_on_the_sample_equal_the_full_path() {
    corrections_in_a_row(&[pipeline::sample_dir()], "sample");
}

#[test]
fn corrections_on_generated_corpora_equal_the_full_path() {
    for (kind, seed) in [
        (corpus_gen::Kind::Story, 3),
        (corpus_gen::Kind::Wire, 5),
        (corpus_gen::Kind::Folders, 7),
    ] {
        let dir = tempfile::tempdir().unwrap();
        corpus_gen::generate(kind, dir.path(), 120_000, seed);
        let paths = [dir.path().to_path_buf()];
        let corpus = common::load_paths(&paths);
        assert!(
            corpus.articles.iter().any(|a| a
                .pub_date
                .as_ref()
                .is_some_and(|p| p.source == PubDateSource::Corpus))
                || kind != corpus_gen::Kind::Story,
            "the story corpus has articles dated from the others"
        );
        corrections_in_a_row(&paths, kind.name());
    }
}

#[test]
fn a_correction_touching_many_articles_takes_the_full_path() {
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::generate(corpus_gen::Kind::Wire, dir.path(), 120_000, 9);
    let paths = [dir.path().to_path_buf()];
    let corpus = common::load_paths(&paths);
    assert!(corpus.articles.len() > 100, "enough articles");
    let mut store = Corrections::default();
    for (i, a) in corpus.articles.iter().enumerate().step_by(4) {
        store.set_pub_date(&a.content_hash, date(2018, 1, 1 + i as u32 % 28));
    }
    let (c, path) = both_ways(
        &corpus,
        &store,
        &paths,
        "a quarter of the articles re-dated",
    );
    assert_eq!(path, CorrectionPath::Full);
    let user = c
        .articles
        .iter()
        .filter(|a| a.pub_date.as_ref().map(|p| p.source) == Some(PubDateSource::User))
        .count();
    assert_eq!(user, corpus.articles.len().div_ceil(4));
}

/// What a correction remembers for the next (each sentence's wording for the clusters, the
/// firm index's words within a date correction) must never change an answer: the same
/// corrections made, undone and made again, in a different order, on a corpus whose
/// sentences were all seen before, give a fresh load's corpus at every step.
#[test]
fn corrections_made_undone_and_made_again_equal_a_fresh_load() {
    for (kind, seed) in [(corpus_gen::Kind::Wire, 11), (corpus_gen::Kind::Story, 13)] {
        let dir = tempfile::tempdir().unwrap();
        corpus_gen::generate(kind, dir.path(), 120_000, seed);
        let paths = [dir.path().to_path_buf()];
        let name = kind.name();
        let mut c = common::load_paths(&paths);
        assert!(c.events.len() > 20, "{name}: enough events");
        let step = |c: &mut Corpus, store: &Corrections, what: &str| {
            let (next, path) = both_ways(c, store, &paths, &format!("{name}: {what}"));
            assert_eq!(path, CorrectionPath::Incremental, "{name}: {what}");
            *c = next;
        };
        // Two events of one article, one after the other (their sentences are shared
        // with the units around them).
        let first = &c.events[c.events.len() / 2];
        let hash = c.articles[first.article as usize].content_hash.clone();
        let keys: Vec<String> = c
            .events
            .iter()
            .filter(|e| e.article == first.article)
            .map(event_key)
            .take(2)
            .collect();
        let firm = c
            .articles
            .iter()
            .position(|a| a.pub_date.as_ref().is_some_and(|p| p.confidence >= 0.9))
            .unwrap_or(0);
        let firm_hash = c.articles[firm].content_hash.clone();
        let was = c.articles[firm]
            .pub_date
            .as_ref()
            .map_or(date(2021, 6, 1), |p| p.date);

        let mut store = Corrections::default();
        store.hide_event(&hash, &keys[0]);
        step(&mut c, &store, "hidden");
        store.undo();
        step(&mut c, &store, "hidden, undone");
        store.hide_event(&hash, &keys[0]);
        step(&mut c, &store, "hidden again");
        if let Some(k) = keys.get(1) {
            store.hide_event(&hash, k);
            step(&mut c, &store, "its neighbour hidden too");
        }
        store.set_pub_date(&firm_hash, was + chrono::Duration::days(1));
        step(&mut c, &store, "a firm article a day later");
        store.clear_pub_date(&firm_hash);
        step(&mut c, &store, "the day undone");
        store.set_pub_date(&firm_hash, was + chrono::Duration::days(1));
        step(&mut c, &store, "the same day again");
        store.set_pub_date(&firm_hash, was - chrono::Duration::days(2));
        step(&mut c, &store, "two days earlier instead");
        store.set_event_date(&hash, &keys[0], DateSpan::day(date(2019, 4, 2)));
        step(&mut c, &store, "the hidden event re-dated");
        step(&mut c, &Corrections::default(), "every correction undone");
        assert!(!c.events.iter().any(|e| e.hidden), "{name}");
    }
}
