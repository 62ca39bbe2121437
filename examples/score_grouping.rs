//! Scores grouping (one mark per happening) against hand-labelled pairs of events on the
//! development archive (`../shared/entities-tls`, issue 18).
//!
//! cargo run --release --example score_grouping -- ../shared/entities-tls scripts/grouping_labels.tsv [--print] [--errors] [--half tune|check] [--second]
//!
//! The sample was fixed before any pair was looked at, independently of the grouping rule:
//! candidate pairs are two events of one entity folder from different articles, both placed
//! on the same single day, that share a country. The folders are split in a *tune* and a
//! *check* half as in `score_salience` (parity of the FNV-1a hash of the folder name), and
//! in each half the [`PER_HALF`] candidate pairs with the smallest BLAKE3 hash of
//! `SEED/<key a>|<key b>` are taken (an event's key is `<folder>/articles.jsonl#<record>@<byte
//! offset of its date phrase>`, the pair's keys in sorted order).
//!
//! The labels file holds only keys and a verdict (`half, key a, key b, same` with `same` 1 when
//! both report one happening, 0 when not), no article text. Reported per half: pair precision
//! (of the labelled pairs the pipeline puts in one cluster, how many are one happening) and
//! recall. `--print` lists the sample for labelling without the pipeline's verdict.
//!
//! Two samples, both drawn before any of their pairs was looked at: the first ([`PER_HALF`]
//! pairs per half, seed [`SEED`]) and a second, larger one ([`PER_HALF_2`] more per half,
//! seed [`SEED_2`], never a pair of the first), drawn because 9 same-happening pairs on the
//! check half were too few to tell a rule from noise. Both are scored, each and together;
//! `--second` with `--print` lists the second. "every" scores each labelled pair whose two
//! events still exist, drawn or not (a date rule changes the pool, and with it the draw).

use dateline::model::Precision;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

#[path = "common/entity_split.rs"]
mod entity_split;
use entity_split::half_of;

#[path = "common/archive_args.rs"]
mod archive_args;

/// Pairs sampled from each half.
const PER_HALF: usize = 30;
/// Fixed before looking at any pair (the number).
const SEED: &str = "18";
/// Pairs of the second sample per half.
const PER_HALF_2: usize = 60;
/// Seed of the second sample, fixed before it was drawn.
const SEED_2: &str = "18/second";

macro_rules! say {
    ($($t:tt)*) => {
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    };
}

/// A candidate pair: its keyed hashes (first and second seed), the two keys and event indices.
type Sampled = ([u8; 32], [u8; 32], String, String, usize, usize);

/// Keeps the first sample's pairs and the smallest by the second seed of the rest.
fn prune(pool: &mut Vec<Sampled>) {
    pool.sort();
    let mut rest = pool.split_off(PER_HALF.min(pool.len()));
    rest.sort_by_key(|a| a.1);
    rest.truncate(PER_HALF_2);
    pool.extend(rest);
}

fn main() {
    let run = archive_args::load_archive("score_grouping");
    let flag = |f: &str| run.flag(f);
    let (only_half, root, corpus) = (&run.only_half, &run.root, &run.corpus);
    let root_str = format!("{}/", root.display()).replace("//", "/");
    let key_of = |i: usize| {
        let e = &corpus.events[i];
        let a = &corpus.articles[e.article as usize];
        let path = a.path.strip_prefix(&root_str).unwrap_or(&a.path);
        format!("{path}@{}", e.date_range.start)
    };

    // Candidate pairs: per (folder, day), events of different articles sharing a country.
    let mut by_day: BTreeMap<(String, chrono::NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, e) in corpus.events.iter().enumerate() {
        if e.hidden
            || e.span.precision != Precision::Day
            || e.span.start != e.span.end
            || e.countries.is_empty()
        {
            continue;
        }
        let key = key_of(i);
        let folder = key.split('/').next().unwrap_or("").to_string();
        by_day.entry((folder, e.span.start)).or_default().push(i);
    }
    let mut samples: HashMap<&str, Vec<Sampled>> = HashMap::new();
    for ((folder, _), ids) in &by_day {
        let half = half_of(folder);
        let keys: Vec<String> = ids.iter().map(|&i| key_of(i)).collect();
        let pool = samples.entry(half).or_default();
        for x in 0..ids.len() {
            for y in x + 1..ids.len() {
                let (ea, eb) = (&corpus.events[ids[x]], &corpus.events[ids[y]]);
                if ea.article == eb.article
                    || !ea.countries.iter().any(|c| eb.countries.contains(c))
                {
                    continue;
                }
                let (ka, kb, ia, ib) = if keys[x] <= keys[y] {
                    (&keys[x], &keys[y], ids[x], ids[y])
                } else {
                    (&keys[y], &keys[x], ids[y], ids[x])
                };
                let h = *blake3::hash(format!("{SEED}/{ka}|{kb}").as_bytes()).as_bytes();
                let h2 = *blake3::hash(format!("{SEED_2}/{ka}|{kb}").as_bytes()).as_bytes();
                // Keep only the smallest hashes of either seed as we go (bounded memory on
                // dense days): the first sample's pairs, and enough by the second seed to
                // fill it after the first sample's pairs are taken out.
                pool.push((h, h2, ka.clone(), kb.clone(), ia, ib));
                if pool.len() > 4 * (PER_HALF + PER_HALF_2) {
                    prune(pool);
                }
            }
        }
    }
    let labels_text = std::fs::read_to_string(&run.labels).unwrap_or_default();
    let labels: HashMap<(&str, &str), bool> = labels_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some(((*f.get(1)?, *f.get(2)?), f.get(3)?.trim() == "1"))
        })
        .collect();
    let mut by_key: HashMap<String, u32> = HashMap::new();
    for (i, e) in corpus.events.iter().enumerate() {
        if !e.hidden {
            by_key.entry(key_of(i)).or_insert(e.cluster);
        }
    }
    let every: Vec<Labelled> = labels_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.to_string(),
                f.get(2)?.to_string(),
                f.get(3)?.trim() == "1",
            ))
        })
        .collect();
    for half in ["tune", "check"] {
        if only_half.as_deref().is_some_and(|h| h != half) {
            continue;
        }
        let mut pool = samples.remove(half).unwrap_or_default();
        prune(&mut pool);
        let second = pool.split_off(PER_HALF.min(pool.len()));
        let mut totals = [0usize; 5];
        for (name, sample) in [("first", &pool), ("second", &second)] {
            if flag("--print") && (name == "second") != flag("--second") {
                continue;
            }
            let (mut tp, mut fp, mut fneg, mut tn, mut labelled) = (0, 0, 0, 0, 0);
            for (_, _, ka, kb, ia, ib) in sample {
                let (ea, eb) = (&corpus.events[*ia], &corpus.events[*ib]);
                let text = |e: &dateline::model::Event| {
                    let a = &corpus.articles[e.article as usize];
                    let s = a.text.get(e.sentence.clone()).unwrap_or("");
                    let d = a.text.get(e.date_range.clone()).unwrap_or("");
                    let c: Vec<String> = e.countries.iter().map(|c| c.to_string()).collect();
                    format!("[{d}] [{}] {s}", c.join(","))
                };
                if flag("--print") {
                    say!("{half}\t{ka}\t{kb}\t{}", ea.span.start);
                    let title =
                        |e: &dateline::model::Event| &corpus.articles[e.article as usize].title;
                    say!("    A ({}) {}", title(ea), text(ea));
                    say!("    B ({}) {}", title(eb), text(eb));
                    continue;
                }
                let Some(&same) = labels.get(&(ka.as_str(), kb.as_str())) else {
                    continue;
                };
                labelled += 1;
                let got = ea.cluster == eb.cluster;
                match (same, got) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fneg += 1,
                    (false, false) => tn += 1,
                }
                if flag("--errors") && same != got {
                    say!(
                        "{half}\t{}\t{ka}\t{kb}\n    A {}\n    B {}",
                        if got { "FALSE GROUP" } else { "MISSED" },
                        text(ea),
                        text(eb)
                    );
                }
            }
            if flag("--print") {
                continue;
            }
            report(half, name, [tp, fp, fneg, tn, labelled]);
            for (t, v) in totals.iter_mut().zip([tp, fp, fneg, tn, labelled]) {
                *t += v;
            }
        }
        if !flag("--print") {
            report(half, "both", totals);
            report(half, "every", every_labelled(half, &every, &by_key));
        }
    }
}

/// Scores every labelled pair of a half whose two events still exist (found by key),
/// whether or not it is still among the pairs drawn. A date rule that moves events onto a
/// shared day adds candidate pairs whose smaller hashes push labelled ones out of the draw;
/// the labels are about happenings, so they are scored all the same ("every" in the output).
fn every_labelled(half: &str, labels: &[Labelled], events: &HashMap<String, u32>) -> [usize; 5] {
    let mut t = [0usize; 5];
    for (h, ka, kb, same) in labels {
        if h != half {
            continue;
        }
        let (Some(a), Some(b)) = (events.get(ka), events.get(kb)) else {
            continue;
        };
        t[4] += 1;
        match (*same, a == b) {
            (true, true) => t[0] += 1,
            (false, true) => t[1] += 1,
            (true, false) => t[2] += 1,
            (false, false) => t[3] += 1,
        }
    }
    t
}

/// A labelled pair: half, key a, key b, same.
type Labelled = (String, String, String, bool);

/// One line of figures: `[true pairs grouped, false groups, missed, true negatives, labelled]`.
fn report(half: &str, sample: &str, [tp, fp, fneg, tn, labelled]: [usize; 5]) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    say!(
        "{half:<6} {sample:<6} labelled pairs {labelled:>3} (same {})  pair precision {:.3} ({tp}/{})  recall {:.3} ({tp}/{})  true negatives {tn}",
        tp + fneg,
        ratio(tp, tp + fp),
        tp + fp,
        ratio(tp, tp + fneg),
        tp + fneg
    );
}
