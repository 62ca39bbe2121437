//! The coverage chart at scale (issue 21): 1,000,000 events in 30 country lanes over ten
//! years.
//!
//! `cargo bench --bench coverage [-- --events N --runs R]`
//!
//! Prints medians of: building the per-day counts (once per corpus); rolling them up for one
//! frame at three zooms (ten years by month, one year by week, one month by day), against the
//! baseline of counting every event into the same buckets each frame (what the chart would
//! cost without the per-day lists), measured in the same run; and a whole chart frame (egui
//! layout of the legend and the plot, tessellated), with no renderer.

use chrono::NaiveDate;
use dateline::coverage::{BucketSize, Coverage, Measure};
use dateline::gui::context::{LaneInfo, PanelCtx};
use dateline::gui::coverage_panel::CoveragePanel;
use dateline::gui::selection::Selection;
use dateline::model::*;
use dateline::timeline::axis::day_number;
use dateline::view::View;
use std::time::{Duration, Instant};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn corpus(n: usize) -> Corpus {
    let codes: Vec<CountryCode> = (0..30u8)
        .map(|i| CountryCode([b'A' + i / 26, b'A' + i % 26]))
        .collect();
    let day0 = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let events = (0..n as u32)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            Event {
                article: i / 10,
                paragraph: 0,
                sentence: 0..0,
                date_range: 0..0,
                timex_value: Default::default(),
                span: DateSpan::day(day0 + chrono::Days::new((x >> 20) % 3650)),
                countries: vec![codes[(x % 30) as usize]].into(),
                country_spans: Default::default(),
                date_source: DateSource::Explicit,
                confidence: if x % 7 == 0 { 0.4 } else { 0.9 },
                note: Default::default(),
                cluster: i,
                hidden: false,
                salience: 0.0,
            }
        })
        .collect();
    let articles = (0..n / 10)
        .map(|i| Article {
            pub_date: Some(DatedEvidence {
                date: day0 + chrono::Days::new((i as u64 * 7919) % 3650),
                source: PubDateSource::HeaderLine,
                confidence: 0.9,
                note: String::new(),
            }),
            ..Default::default()
        })
        .collect();
    Corpus {
        articles,
        events,
        ..Default::default()
    }
}

/// The baseline: every event counted into the frame's buckets, per lane.
fn count_each_event(corpus: &Corpus, size: BucketSize, from: i64, to: i64) -> usize {
    let starts = size.starts(from, to);
    let mut counts = vec![[0u32; 30]; starts.len()];
    for e in &corpus.events {
        let d = day_number(e.span.start);
        if d < from || d >= to {
            continue;
        }
        let b = starts.partition_point(|&s| s <= d) - 1;
        let lane = usize::from(e.countries[0].0[1] - b'A') % 30;
        counts[b][lane] += 1;
    }
    counts.len()
}

fn main() {
    let n = arg("--events", 1_000_000);
    let runs = arg("--runs", 5).max(1);
    let corpus = corpus(n);
    println!("coverage chart, {n} events in 30 lanes over ten years, median of {runs} runs");

    let mut cov = Coverage::default();
    let build = median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                cov = Coverage::build(&corpus);
                t.elapsed()
            })
            .collect(),
    );
    println!("  build per-day counts (once per corpus): {build:.2?}");

    let d = |y, m, d| day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let zooms = [
        (
            "ten years by month",
            BucketSize::Month,
            d(2015, 1, 1),
            d(2025, 1, 1),
        ),
        (
            "one year by week",
            BucketSize::Week,
            d(2020, 1, 1),
            d(2021, 1, 1),
        ),
        (
            "one month by day",
            BucketSize::Day,
            d(2020, 3, 1),
            d(2020, 4, 1),
        ),
    ];
    for (name, size, from, to) in zooms {
        let frames = runs * 20;
        let rolled = median(
            (0..frames)
                .map(|_| {
                    let t = Instant::now();
                    let mut n = 0;
                    for &c in &cov.countries {
                        n += cov
                            .lane(c, Measure::Events)
                            .map_or(0, |l| l.roll_up(size, from, to).len());
                    }
                    std::hint::black_box(n);
                    t.elapsed()
                })
                .collect(),
        );
        let naive = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(count_each_event(&corpus, size, from, to));
                    t.elapsed()
                })
                .collect(),
        );
        println!(
            "  {name}: roll-up {rolled:.2?} per frame vs {naive:.2?} counting each event ({:.0}x)",
            naive.as_secs_f64() / rolled.as_secs_f64().max(1e-9)
        );
    }

    // A whole chart frame, headless: layout + tessellation, no GPU.
    let ctx = egui::Context::default();
    let sel = Selection::default();
    let view = View::default();
    let lanes: Vec<LaneInfo> = cov
        .countries
        .iter()
        .enumerate()
        .map(|(i, &code)| LaneInfo {
            code,
            label: code.to_string(),
            colour: dateline::gui::theme::lane_colour(i, false),
            hidden: false,
        })
        .collect();
    let mut panel = CoveragePanel::default();
    for (name, _, from, to) in zooms {
        let mut times = Vec::new();
        for i in 0..runs * 10 + 2 {
            let mut pctx = PanelCtx::new(&corpus, 1, &sel, &view);
            pctx.lanes = &lanes;
            pctx.time_range = (from as f64, to as f64);
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1280.0, 180.0),
                )),
                ..Default::default()
            };
            let t = Instant::now();
            let out = ctx.run_ui(input, |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    panel.ui(ui, &pctx);
                });
            });
            let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
            std::hint::black_box(prims.len());
            if i >= 2 {
                times.push(t.elapsed()); // the first frames build the per-day counts
            }
        }
        println!("  chart frame, {name}: {:.2?}", median(times));
    }
}
