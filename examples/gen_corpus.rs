//! Writes a generated corpus of one of the kinds real archives hold (issue 20), for trying
//! dateline at scale and for the scaling benchmark (`benches/scale.rs` uses the same code).
//!
//! `cargo run --release --example gen_corpus -- --kind story|wire|nopunct|folders --mb 8 --out DIR [--seed N] [--truth FILE]`
//!
//! The same arguments always write the same files. `--truth` writes, for the `folders` kind,
//! each file's publication date as its folder states it (`path<TAB>YYYY-MM-DD` or `YYYY-MM`).

#[path = "common/corpus_gen.rs"]
mod corpus_gen;

use corpus_gen::{generate, Kind};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let usage = "usage: gen_corpus --kind story|wire|nopunct|folders --mb MB --out DIR [--seed N] [--truth FILE]";
    let Some(kind) = arg("--kind").and_then(|k| Kind::parse(&k)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let Some(out) = arg("--out").map(PathBuf::from) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let mb: f64 = arg("--mb").and_then(|v| v.parse().ok()).unwrap_or(8.0);
    let seed: u64 = arg("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    if out.exists() && std::fs::read_dir(&out).map_or(true, |mut d| d.next().is_some()) {
        eprintln!("{}: exists and is not an empty folder", out.display());
        std::process::exit(2);
    }
    let s = generate(kind, &out, (mb * 1e6) as u64, seed);
    println!(
        "{}: {} files, {} articles, {:.1} MB in {}",
        kind.name(),
        s.files,
        s.articles,
        s.bytes as f64 / 1e6,
        out.display()
    );
    if let Some(t) = arg("--truth") {
        let lines: String = s.truth.iter().map(|(p, d)| format!("{p}\t{d}\n")).collect();
        std::fs::write(&t, lines).expect("write truth file");
    }
}
