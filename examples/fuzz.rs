//! A long property run outside `cargo test` (issue 20): the same properties as
//! `tests/properties.rs` (readers, date engine, gazetteer, analysis and timeline layout) on
//! many generated inputs, with a deterministic generator so a failure can be replayed.
//!
//! `cargo run --release --example fuzz -- [--cases 20000] [--seed 1]`
//!
//! Prints the number of cases run and the first failure (with its seed and input), if any.

#[path = "common/properties.rs"]
mod properties;

use chrono::NaiveDate;

/// SplitMix64, as in the corpus generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let cases = arg("--cases", 20_000);
    let seed = arg("--seed", 1);
    let started = std::time::Instant::now();
    for case in 0..cases {
        let mut r = Rng(seed.wrapping_mul(1_000_003).wrapping_add(case));
        let n = r.below(400) as usize;
        let picks: Vec<(usize, bool)> = (0..n)
            .map(|_| (r.below(u64::MAX) as usize, r.below(2) == 0))
            .collect();
        let mut text = properties::text_of(&picks);
        // Now and then, raw bytes and long runs without sentence ends.
        let mut bytes = text.clone().into_bytes();
        if r.below(4) == 0 {
            bytes.extend((0..r.below(256)).map(|_| r.below(256) as u8));
        }
        if r.below(8) == 0 {
            text = text
                .replace(['.', '!', '?', '\n'], " ")
                .repeat(1 + r.below(20) as usize);
        }
        let reference = NaiveDate::from_ymd_opt(1950 + r.below(100) as i32, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(r.below(366))));
        // A panic is a failure like any other: report it with the case that caused it.
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let result = std::panic::catch_unwind(|| run_case(&bytes, &text, reference))
            .unwrap_or_else(|p| {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Err(format!("panic: {msg}"))
            });
        std::panic::set_hook(quiet);
        if let Err(e) = result {
            println!("case {case} (seed {seed}) failed: {e}\ninput: {text:?}");
            std::process::exit(1);
        }
    }
    println!(
        "fuzz: {cases} cases passed (seed {seed}) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn run_case(bytes: &[u8], text: &str, reference: Option<NaiveDate>) -> Result<(), String> {
    properties::readers(bytes)
        .and_then(|_| properties::date_engine(text, reference))
        .and_then(|_| properties::date_engine(text, None))
        .and_then(|_| properties::gazetteer(text))
        .and_then(|_| {
            properties::pipeline_and_layout(
                text,
                reference.unwrap_or(NaiveDate::from_ymd_opt(2024, 6, 20).expect("valid")),
            )
        })
}
