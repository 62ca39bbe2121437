//! A watched update clusters again only where the change reaches
//! (`corroborate::recluster`), and must give what a fresh load gives: events, clusters,
//! salience and captions, bit for bit. Checked on generated corpora (templates of our own,
//! `examples/common/corpus_gen.rs`) whose wire copies and long stories make large clusters,
//! with files added, copied, changed and deleted.

mod common;

#[path = "../examples/common/corpus_gen.rs"]
mod corpus_gen;

use dateline::model::Corpus;
use dateline::pipeline::LoadOptions;
use std::path::{Path, PathBuf};

/// What must be equal between an incremental update and a fresh load.
fn summary(c: &Corpus) -> String {
    let mut out = String::new();
    for a in &c.articles {
        out += &format!("{} {:?} {:?}\n", a.path, a.pub_date, a.problems);
    }
    for e in &c.events {
        out += &format!("{e:?} {}\n", e.salience.to_bits());
    }
    for k in &c.clusters {
        out += &format!("{k:?} {}\n", k.salience.to_bits());
    }
    out
}

/// Fails with the first line where two summaries differ.
fn assert_same(got: &Corpus, want: &Corpus, step: &str) {
    let (g, w) = (summary(got), summary(want));
    if let Some((a, b)) = g.lines().zip(w.lines()).find(|(a, b)| a != b) {
        let n = g.lines().zip(w.lines()).filter(|(a, b)| a != b).count();
        let k = g
            .lines()
            .zip(w.lines())
            .find(|(a, b)| a != b && a.starts_with("Cluster"));
        let p = g
            .lines()
            .zip(w.lines())
            .find(|(a, b)| a != b && !a.starts_with("Cluster") && !a.starts_with("Event"));
        panic!("{step}: not a fresh load's corpus ({n} lines differ):\n got {a}\nwant {b}\nfirst cluster {k:?}\nfirst article {p:?}");
    }
    assert_eq!(g.lines().count(), w.lines().count(), "{step}");
}

/// The corpus's files, in path order.
fn files(dir: &Path) -> Vec<PathBuf> {
    dateline::ingest::walk(&[dir.to_path_buf()])
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.path)
        .collect()
}

/// Adds a copy of one file, changes another, deletes a third and the copy, checking after
/// each step that the corpus is what a fresh load gives.
fn changes_equal_a_fresh_load(kind: corpus_gen::Kind, seed: u64, multi_source: bool) {
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::generate(kind, dir.path(), 120_000, seed);
    let paths = [dir.path().to_path_buf()];
    let mut c = common::load_paths(&paths);
    assert!(
        !multi_source || c.clusters.iter().any(|k| k.sources >= 3),
        "the generated corpus has clusters of several sources"
    );
    let check = |c: &Corpus, step: &str| {
        let fresh = common::load_paths(&paths);
        assert_eq!(c.clusters.len(), fresh.clusters.len(), "{step}");
        assert!(
            summary(c) == summary(&fresh),
            "{step}: not a fresh load's corpus"
        );
    };
    let all = files(dir.path());
    let (a, b, d) = (
        all[all.len() / 3].clone(),
        all[all.len() / 2].clone(),
        all[2 * all.len() / 3].clone(),
    );
    let text_a = std::fs::read_to_string(&a).unwrap();

    let copy = a.with_file_name(format!(
        "zz-copy.{}",
        a.extension().and_then(|e| e.to_str()).unwrap_or("txt")
    ));
    std::fs::write(&copy, &text_a).unwrap();
    common::watched_update(&mut c, std::slice::from_ref(&copy));
    check(&c, "a copy added");

    let text_b = std::fs::read_to_string(&b).unwrap();
    let changed = if b.extension().is_some_and(|e| e == "jsonl") {
        text_b.lines().skip(1).map(|l| format!("{l}\n")).collect()
    } else {
        format!("{text_b}\nOn Tuesday, officials in Kenya and Peru met again to sign a fisheries accord.\n")
    };
    std::fs::write(&b, changed).unwrap();
    common::watched_update(&mut c, std::slice::from_ref(&b));
    check(&c, "a file changed");

    std::fs::remove_file(&d).unwrap();
    common::watched_update(&mut c, std::slice::from_ref(&d));
    check(&c, "a file deleted");

    std::fs::remove_file(&copy).unwrap();
    std::fs::write(&b, &text_b).unwrap();
    common::watched_update(&mut c, &[copy, b]);
    check(&c, "the copy deleted and the changed file restored");
}

#[test]
fn wire_updates_equal_a_fresh_load() {
    changes_equal_a_fresh_load(corpus_gen::Kind::Wire, 3, true);
    changes_equal_a_fresh_load(corpus_gen::Kind::Wire, 5, true);
}

#[test]
fn story_updates_equal_a_fresh_load() {
    changes_equal_a_fresh_load(corpus_gen::Kind::Story, 3, true);
}

#[test]
fn folder_updates_equal_a_fresh_load() {
    changes_equal_a_fresh_load(corpus_gen::Kind::Folders, 3, false);
}

/// With an index open, the watcher's update runs incrementally too (the identities of the
/// articles the corpus dated come from the stored record), equals a fresh load, and is
/// stored so that the next reopen puts it back without running the corpus-wide steps.
#[test]
fn with_an_index_the_update_is_incremental_and_stored_as_a_load() {
    use dateline::index::{self, Index};
    use dateline::pipeline::{Progress, Stage};
    use dateline::watch::{self, Changes};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    corpus_gen::generate(corpus_gen::Kind::Wire, &root, 120_000, 5);
    let paths = vec![root.clone()];
    let opts = LoadOptions::default();
    let mut ix = Index::open_cache(&dir.path().join("index.sqlite")).unwrap();
    let mut c = index::load(&paths, &opts, &Progress::default(), Some(&mut ix)).unwrap();
    assert_same(&c, &common::load_paths(&paths), "loaded");
    assert!(
        c.articles.iter().any(|a| a
            .pub_date
            .as_ref()
            .is_some_and(|p| p.source == dateline::model::PubDateSource::Corpus)),
        "some articles are dated by the rest of the corpus"
    );
    let all = files(&root);
    let (a, b) = (all[all.len() / 4].clone(), all[all.len() / 2].clone());
    let copy = a.with_file_name("zz-copy.txt");
    std::fs::write(&copy, std::fs::read_to_string(&a).unwrap()).unwrap();
    let text_b = std::fs::read_to_string(&b).unwrap();
    let steps: [Vec<PathBuf>; 3] = [vec![copy.clone()], vec![b.clone()], vec![copy.clone()]];
    for (k, step) in steps.iter().enumerate() {
        match k {
            1 => std::fs::write(
                &b,
                format!("{text_b}\nOn Monday, Chile and Peru met again.\n"),
            )
            .unwrap(),
            2 => std::fs::remove_file(&copy).unwrap(),
            _ => {}
        }
        let changes = Changes {
            paths: step.iter().cloned().collect(),
        };
        let applied = watch::apply(&mut c, &changes, &opts, Some(&mut ix), &paths).unwrap();
        assert!(applied.incremental, "step {k}");
        assert_same(&c, &common::load_paths(&paths), &format!("step {k}"));
    }
    let progress = Progress::default();
    let again = index::load(&paths, &opts, &progress, Some(&mut ix)).unwrap();
    assert_eq!(
        progress.times.get(Stage::Clusters),
        std::time::Duration::ZERO,
        "the reopen puts the stored results back"
    );
    assert_same(&again, &c, "reopened");
}
