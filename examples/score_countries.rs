//! Scores the countries of events against hand labels on the development archive
//! (`../shared/entities-tls`, issue 18).
//!
//! cargo run --release --example score_countries -- ../shared/entities-tls scripts/countries_labels.tsv [--print] [--errors] [--half tune|check]
//!
//! The sample was fixed before any event was looked at: the 27 entity folders are split in a
//! *tune* half and a *check* half as `score_salience` splits them (parity of the FNV-1a hash
//! of the folder name, even: tune), and in each half the [`PER_HALF`] events with the smallest BLAKE3 hash of
//! `SEED/<key>` are taken, where an event's key is `<folder>/articles.jsonl#<record>@<byte
//! offset of its date phrase>`. The key does not depend on the countries found, so the same
//! events are scored before and after a change to the gazetteer.
//!
//! The labels file (`scripts/countries_labels.tsv`) holds only keys and country codes, no
//! article text: `half, key, codes` with codes comma-separated (`-` for none). The codes are
//! the countries a careful reader gives the event: those its clause names (by name,
//! nationality, capital or leader), or, when its sentence names none, those of the sentence
//! it refers back to (the pipeline's rule).
//!
//! Reported per half: country precision and recall over the labelled events (micro-averaged
//! over codes) and the share of events whose set is exactly right. `--print` lists the sample
//! for labelling (text goes to the terminal only); `--errors` lists disagreements.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

#[path = "common/entity_split.rs"]
mod entity_split;
use entity_split::half_of;

#[path = "common/archive_args.rs"]
mod archive_args;

/// Events sampled from each half.
const PER_HALF: usize = 100;
/// Fixed before looking at any event (the number).
const SEED: &str = "18";

macro_rules! say {
    ($($t:tt)*) => {
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    };
}

/// A sampled event: its keyed hash, key and index.
type Sampled = ([u8; 32], String, usize);

fn main() {
    let run = archive_args::load_archive("score_countries");
    let flag = |f: &str| run.flag(f);
    let (only_half, root, corpus) = (&run.only_half, &run.root, &run.corpus);

    // The sample: per half, the PER_HALF events with the smallest keyed hash.
    let root_str = format!("{}/", root.display()).replace("//", "/");
    let mut by_half: HashMap<&str, Vec<Sampled>> = HashMap::new();
    for (i, e) in corpus.events.iter().enumerate() {
        let a = &corpus.articles[e.article as usize];
        let path = a.path.strip_prefix(&root_str).unwrap_or(&a.path);
        let folder = path.split('/').next().unwrap_or("");
        let key = format!("{path}@{}", e.date_range.start);
        let h = *blake3::hash(format!("{SEED}/{key}").as_bytes()).as_bytes();
        by_half
            .entry(half_of(folder))
            .or_default()
            .push((h, key, i));
    }
    let labels_text = std::fs::read_to_string(&run.labels).unwrap_or_default();
    let labels: HashMap<&str, BTreeSet<String>> = labels_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let codes = f
                .get(2)?
                .split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty() && c != "-")
                .collect();
            Some((*f.get(1)?, codes))
        })
        .collect();

    for half in ["tune", "check"] {
        if only_half.as_deref().is_some_and(|h| h != half) {
            continue;
        }
        let mut sample = by_half.remove(half).unwrap_or_default();
        sample.sort();
        sample.truncate(PER_HALF);
        let (mut tp, mut fp, mut fneg, mut exact, mut labelled) = (0, 0, 0, 0, 0);
        for (_, key, i) in &sample {
            let e = &corpus.events[*i];
            let a = &corpus.articles[e.article as usize];
            let got: BTreeSet<String> = e.countries.iter().map(|c| c.to_string()).collect();
            if flag("--print") {
                let sentence = a.text.get(e.sentence.clone()).unwrap_or("");
                let found: Vec<String> = e
                    .country_spans
                    .iter()
                    .map(|s| format!("{}={}", a.text.get(s.start..s.end).unwrap_or("?"), s.code))
                    .collect();
                say!("{half}\t{key}\t{}", join(&got));
                say!(
                    "    date {:?}  found [{}]",
                    a.text.get(e.date_range.clone()).unwrap_or(""),
                    found.join(", ")
                );
                say!("    {sentence}");
                if e.note.contains("preceding sentence") {
                    let before = a.text.get(..e.sentence.start).unwrap_or("");
                    let from = before
                        .trim_end()
                        .rfind(['.', '\n'])
                        .map_or(0, |p| before[..p].rfind(['.', '\n']).map_or(0, |q| q + 1));
                    say!("    (before: {})", before[from..].trim());
                }
                continue;
            }
            let Some(want) = labels.get(key.as_str()) else {
                continue;
            };
            labelled += 1;
            tp += got.intersection(want).count();
            fp += got.difference(want).count();
            fneg += want.difference(&got).count();
            exact += usize::from(&got == want);
            if flag("--errors") && &got != want {
                let sentence = a.text.get(e.sentence.clone()).unwrap_or("");
                say!(
                    "{half}\t{key}\tgot {}\twant {}\n    {sentence}",
                    join(&got),
                    join(want)
                );
            }
        }
        if flag("--print") {
            continue;
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        say!(
            "{half:<6} labelled {labelled:>3}  country precision {:.3} ({tp}/{})  recall {:.3} ({tp}/{})  exact sets {:.3}",
            ratio(tp, tp + fp),
            tp + fp,
            ratio(tp, tp + fneg),
            tp + fneg,
            ratio(exact, labelled)
        );
    }
}

fn join(codes: &BTreeSet<String>) -> String {
    if codes.is_empty() {
        "-".into()
    } else {
        codes.iter().cloned().collect::<Vec<_>>().join(",")
    }
}
