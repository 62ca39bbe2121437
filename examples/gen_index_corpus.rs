//! Writes a deterministic synthetic news corpus for load, index and streaming measurements:
//! `cargo run --release --example gen_index_corpus -- OUT_DIR ARTICLES [EVENTS_PER_ARTICLE]`.
//!
//! Plain-text articles (a title, a `date` header line, short paragraphs), 1,000 per folder,
//! each sentence naming one or two countries and one date: a full date, a weekday relative
//! to the publication date, or a month. Happenings recur across articles (the same pair of
//! countries, the same day, similar wording), so clustering has work to do. The text is made
//! up here; nothing is copied from any data set.

use std::io::Write;

const COUNTRIES: &[&str] = &[
    "France",
    "Germany",
    "Japan",
    "China",
    "India",
    "Brazil",
    "Kenya",
    "Peru",
    "Canada",
    "Mexico",
    "Egypt",
    "Nigeria",
    "Australia",
    "Indonesia",
    "Vietnam",
    "Thailand",
    "Spain",
    "Italy",
    "Poland",
    "Turkey",
    "Iran",
    "Pakistan",
    "Chile",
    "Argentina",
    "Norway",
    "Sweden",
    "Ghana",
    "Ethiopia",
    "Morocco",
    "Algeria",
    "Ukraine",
    "Greece",
    "Portugal",
    "Malaysia",
    "Philippines",
    "Colombia",
    "Senegal",
    "Tanzania",
    "Mongolia",
    "Nepal",
];
const VERBS: &[&str] = &[
    "signed a trade agreement",
    "held talks on energy",
    "agreed to reopen the border",
    "announced joint naval exercises",
    "opened a new rail link",
    "settled a fishing dispute",
    "launched a climate fund",
    "exchanged prisoners",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const FILLER: &str = "Officials from both sides described the meeting as constructive, and \
    analysts said further steps would depend on parliament.";

/// A small deterministic generator (64-bit LCG, upper bits).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_index_corpus OUT_DIR ARTICLES [EVENTS_PER_ARTICLE]");
        std::process::exit(2);
    }
    let out = std::path::PathBuf::from(&args[1]);
    let n: usize = args[2].parse().expect("ARTICLES is a number");
    let per: usize = args.get(3).map_or(10, |s| s.parse().expect("a number"));
    let mut rng = Rng(0x5eed);
    let mut bytes = 0usize;
    for i in 0..n {
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("create output folder");
        }
        // Publication dates over 2005-2013, days 1-28 so every date exists.
        let (y, m, d) = (2005 + rng.below(9), 1 + rng.below(12), 1 + rng.below(28));
        let mut text = String::new();
        let a = COUNTRIES[rng.below(COUNTRIES.len())];
        let b = COUNTRIES[rng.below(COUNTRIES.len())];
        text.push_str(&format!(
            "{a} and {b} in talks\ndate {y:04}-{m:02}-{d:02}\n\n"
        ));
        for _ in 0..per {
            let a = COUNTRIES[rng.below(COUNTRIES.len())];
            let b = COUNTRIES[rng.below(COUNTRIES.len())];
            let verb = VERBS[rng.below(VERBS.len())];
            let when = match rng.below(3) {
                0 => {
                    // A recurring happening: a few fixed days a month.
                    let dd = 1 + 7 * rng.below(4);
                    format!("on {dd} {} {y}", MONTHS[m - 1])
                }
                1 => format!("on {}", WEEKDAYS[rng.below(WEEKDAYS.len())]),
                _ => format!("in {} {}", MONTHS[rng.below(12)], y - rng.below(2)),
            };
            if a == b {
                text.push_str(&format!("{a} {verb} {when}. {FILLER}\n\n"));
            } else {
                text.push_str(&format!("{a} and {b} {verb} {when}. {FILLER}\n\n"));
            }
        }
        bytes += text.len();
        let path = dir.join(format!("{i:06}.txt"));
        let mut f = std::fs::File::create(&path).expect("create article");
        f.write_all(text.as_bytes()).expect("write article");
    }
    eprintln!(
        "{n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );
}
