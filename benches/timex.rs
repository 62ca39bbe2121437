//! Speed of the date engine on one core: ~10 MB of news-like text (paragraphs written for
//! this bench), tagged several times; prints the median throughput in MB/s.
//!
//! Second line: one text tagged against 16 reference dates (what corpus date inference
//! does for an undated article), tagging afresh each time vs `timex::parse` once and
//! `Parsed::tag` 16 times, on article-sized texts (1 MB in all), same run.
//!
//! Run: `cargo bench --bench timex`

use dateline::timex::{parse, tag};
use std::time::Instant;

const PARAGRAPHS: &[&str] = &[
    "TOKYO, Sept. 12 (Wire) -- The central bank said on Wednesday it would keep rates unchanged \
     until the end of the year, after inflation slowed for a third straight month in August.",
    "Officials met for three days last week in Geneva. Talks are expected to resume on Monday, \
     and a final agreement could come by mid-2024, two diplomats said.",
    "The company reported third-quarter profit of $412 million, up 12% from a year earlier, on \
     sales of 3.1 billion dollars. It employs 10,500 people in 14 countries.",
    "Floods that began on 28 August 2023 have displaced more than 40,000 residents; rainfall of \
     122mm was recorded in six hours, the heaviest since the 1990s.",
    "Voters will go to the polls on November 5, 2024. Early voting starts two weeks before, and \
     results are due the following day, according to the election commission.",
    "The ministry, which publishes figures every Monday, said exports fell 3.4 per cent in the \
     first half compared with the same period in 2022, while imports rose slightly.",
    "He was arrested at 3 p.m. on Tuesday and released the next morning. A spokesman declined to \
     comment further on the case, which has drawn a protest march through the capital.",
    "Construction of the bridge, first proposed in the spring of 1998, may resume this summer if \
     funding is approved. Engineers now estimate the work will take about eighteen months.",
    "Between 2019 and 2021 the fund grew by a fifth. In recent years it has invested mainly in \
     infrastructure; its managers meet twice a year, usually in March and October.",
    "The festival ran from 14-17 July in the old town. Organisers counted 85,000 visitors, a record \
     since it was founded in the late 19th century by a group of local merchants.",
];

fn main() {
    let target = 10 * 1024 * 1024;
    let mut text = String::with_capacity(target + 4096);
    let mut i = 0;
    while text.len() < target {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    let reference = chrono::NaiveDate::from_ymd_opt(2023, 9, 14);
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    let mut found = 0;
    // warm-up (builds the lexicon)
    found += tag(&text[..1 << 16], reference).len();
    let mut rates = Vec::new();
    // Baseline in the same run: splitting the same text into words, the least any tagger
    // that looks at every word must do.
    let mut baseline = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        std::hint::black_box(text.split_whitespace().count());
        baseline.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let r = tag(&text, reference);
        let secs = t.elapsed().as_secs_f64();
        found += r.len();
        rates.push(mb / secs);
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    baseline.sort_by(|a, b| a.total_cmp(b));
    let median = rates[rates.len() / 2];
    let base = baseline[baseline.len() / 2];
    println!(
        "timex: {:.1} MB text, {} expressions per pass, median {:.1} MB/s (min {:.1}, max {:.1})",
        mb,
        found / 8,
        median,
        rates[0],
        rates[rates.len() - 1]
    );
    println!(
        "  baseline (split_whitespace over the same text, same run): median {base:.1} MB/s; tagger / baseline {:.2}",
        median / base
    );
    reparse_line(&text);
}

/// Sixteen reference dates per article: tagging afresh each time vs parsing once.
fn reparse_line(text: &str) {
    let articles: Vec<&str> = text[..1 << 20]
        .split("\n\n")
        .collect::<Vec<_>>()
        .chunks(6)
        .map(|c| {
            let first = c[0].as_ptr() as usize - text.as_ptr() as usize;
            let last = c[c.len() - 1];
            let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
            &text[first..end]
        })
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2023, 9, 1).expect("a date");
    let dates: Vec<Option<chrono::NaiveDate>> = (0..16)
        .map(|k| Some(start + chrono::Duration::days(k)))
        .collect();
    let mb = articles.iter().map(|a| a.len()).sum::<usize>() as f64 / (1024.0 * 1024.0);
    let (mut afresh, mut once) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let mut n = 0;
        for a in &articles {
            for d in &dates {
                n += tag(a, *d).len();
            }
        }
        afresh.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let mut m = 0;
        for a in &articles {
            let mut p = parse(a);
            for d in &dates {
                m += p.tag(*d).len();
            }
        }
        once.push(t.elapsed().as_secs_f64());
        assert_eq!(n, m, "the same tags either way");
    }
    afresh.sort_by(|a, b| a.total_cmp(b));
    once.sort_by(|a, b| a.total_cmp(b));
    let (a, o) = (afresh[afresh.len() / 2], once[once.len() / 2]);
    println!(
        "  16 reference dates per article ({} articles, {mb:.1} MB): tag afresh {a:.3} s, parse once {o:.3} s (median of 5): {:.1}x",
        articles.len(),
        a / o
    );
}
