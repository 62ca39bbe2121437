//! The timeline's frame budget: layout + paint on the CPU for one frame of the briefing
//! chart, at 10k / 100k / 1M events, at four zooms and while panning.
//!
//! `cargo bench --bench timeline [-- --sizes 10000,100000,1000000 --runs 15 --zoom month]`
//!
//! `--zoom` runs one zoom only ("ten", "year", "month", "week" or "panning"), so an
//! instruction count (callgrind) can be taken per zoom.
//!
//! A frame here is what the window does each frame for the timeline: the lanes' level of
//! detail and captions (`timeline::frame`), the chart's shapes (`render::chart`), egui's
//! shapes from them and egui's tessellation into triangles. Only the GPU upload and draw
//! are left out. Times are the thread's CPU time (the budget is CPU time, and the shared
//! cores would inflate wall-clock times). Each figure is the median over `runs` frames; "marks only" (the same
//! frame with captions off) is measured in the same run as the baseline, and the ratio
//! between the two is printed. The corpora are generated here: 30 country lanes weighted
//! 30:29:…:1 over ten years, a tenth of the events multi-day ranges, a twentieth months,
//! each happening with a random salience and a caption built from a few templates.

use dateline::model::*;
use dateline::render::chart::{paint_body, Body};
use dateline::render::palette::Theme;
use dateline::render::scene::Scene;
use dateline::render::text::GlyphCache;
use dateline::timeline::frame::FrameOptions;
use dateline::timeline::{Layout, TimeView};
use egui::{pos2, vec2, Rect};
use std::time::{Duration, Instant};

const LEADERS: &[&str] = &[
    "Ministers",
    "Coast guards",
    "The president",
    "Negotiators",
    "Envoys",
    "Farmers",
    "The central bank",
    "Regulators",
    "Two navies",
    "Parliament",
];
const VERBS: &[&str] = &[
    "sign fisheries pact",
    "open border crossing",
    "lift tuna duties",
    "agree water plan",
    "expel diplomats",
    "hold joint patrol",
    "announce aid package",
    "resume talks",
    "reject declaration",
    "ratify treaty on shared rivers",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn corpus(n: usize) -> Corpus {
    const LANES: usize = 30;
    let codes: Vec<CountryCode> = (0..LANES)
        .map(|i| CountryCode([b'A' + (i / 26) as u8, b'A' + (i % 26) as u8]))
        .collect();
    let base = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let weight_total: usize = (1..=LANES).sum();
    let mut events = Vec::with_capacity(n);
    let mut clusters = Vec::with_capacity(n);
    for i in 0..n {
        let r = rng.next();
        let mut pick = (r % weight_total as u64) as usize;
        let mut lane = 0;
        while pick >= LANES - lane {
            pick -= LANES - lane;
            lane += 1;
        }
        let d = base + chrono::Days::new((r >> 20) % 3650);
        let span = match i % 20 {
            0 | 10 => DateSpan {
                start: d,
                end: d + chrono::Days::new(1 + (r >> 40) % 5),
                precision: Precision::Day,
            },
            5 => DateSpan {
                start: d,
                end: d + chrono::Days::new(29),
                precision: Precision::Month,
            },
            _ => DateSpan::day(d),
        };
        let salience = ((r >> 33) % 10_000) as f32 / 10_000.0;
        events.push(Event {
            article: (i / 4) as u32,
            paragraph: 0,
            sentence: 0..0,
            date_range: 0..0,
            timex_value: Default::default(),
            span,
            countries: vec![codes[lane]].into(),
            country_spans: Default::default(),
            date_source: DateSource::Explicit,
            confidence: if i % 7 == 0 { 0.5 } else { 0.9 },
            note: Default::default(),
            cluster: i as u32,
            hidden: false,
            salience,
        });
        clusters.push(Cluster {
            id: i as u32,
            events: vec![i as u32],
            sources: 1 + (r >> 50) as usize % 3,
            countries: vec![codes[lane]],
            conflicting_dates: false,
            salience,
            caption: format!(
                "{} {} ({})",
                LEADERS[(r >> 8) as usize % LEADERS.len()],
                VERBS[(r >> 16) as usize % VERBS.len()],
                i % 97
            ),
            short_caption: String::new(),
        });
    }
    Corpus {
        events,
        clusters,
        ..Default::default()
    }
}

// CPU time of this thread: the machine's cores are shared with other builds, which would
// inflate wall-clock times.
#[path = "../examples/common/thread_cpu.rs"]
mod thread_cpu;
use thread_cpu::cpu_now;

/// One frame, with or without captions. The captioned frame is a function of its own that
/// is never inlined, so that callgrind can count it alone:
/// `valgrind --tool=callgrind --toggle-collect='*captioned_frame*' target/release/deps/timeline-… --sizes 1000000 --runs 3 --zoom month`.
fn frame(
    ctx: &egui::Context,
    m: &mut GlyphCache,
    corpus: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    view: TimeView,
    captions: bool,
) -> (Duration, usize, Duration) {
    if captions {
        captioned_frame(ctx, m, corpus, layout, lanes, view)
    } else {
        one_frame(ctx, m, corpus, layout, lanes, view, false)
    }
}

#[inline(never)]
fn captioned_frame(
    ctx: &egui::Context,
    m: &mut GlyphCache,
    corpus: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    view: TimeView,
) -> (Duration, usize, Duration) {
    one_frame(ctx, m, corpus, layout, lanes, view, true)
}

/// One frame: the chart's shapes, egui's shapes and their tessellation.
fn one_frame(
    ctx: &egui::Context,
    m: &mut GlyphCache,
    corpus: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    view: TimeView,
    captions: bool,
) -> (Duration, usize, Duration) {
    let t = cpu_now();
    let mut chart = Duration::ZERO;
    let size = vec2(1600.0, 1000.0);
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        ..Default::default()
    };
    input.time = Some(0.0);
    let mut shapes_n = 0;
    let out = ctx.run_ui(input, |ui| {
        let mut scene = Scene::default();
        let t0 = cpu_now();
        paint_body(
            &mut scene,
            &Body {
                corpus,
                layout,
                lanes,
                view,
                rect: Rect::from_min_size(pos2(0.0, 0.0), size),
                scroll_y: 0.0,
                theme: Theme::light(),
                opts: FrameOptions {
                    captions,
                    ..Default::default()
                },
                lane_labels: true,
                colours: &[],
                breaks: None,
            },
            m,
        );
        chart = cpu_now() - t0;
        shapes_n = scene.len();
        scene.paint(ui.painter(), egui::Vec2::ZERO);
    });
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    std::hint::black_box(prims);
    (cpu_now() - t, shapes_n, chart)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let sizes: Vec<usize> = arg("--sizes")
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    let runs: usize = arg("--runs").and_then(|s| s.parse().ok()).unwrap_or(15);
    let only = arg("--zoom");
    // A zoom's key is the first word of its name that is no article ("ten", "year", …).
    let wanted = |name: &str| {
        let key = name.split([' ', '(']).find(|w| !w.is_empty() && *w != "a");
        only.is_none() || key == only.as_deref()
    };
    let ctx = egui::Context::default();
    let _ = ctx.run_ui(egui::RawInput::default(), |_| {});
    // As in the window: one glyph cache for the whole session.
    let mut m = GlyphCache::new(ctx.clone());

    println!("| events | zoom | marks only (ms) | with captions (ms, of which chart shapes) | ratio | shapes | captions on screen |");
    println!("|---|---|---|---|---|---|---|");
    for &n in &sizes {
        let c = corpus(n);
        let t = Instant::now();
        let layout = Layout::build(&c);
        let build = t.elapsed();
        // The 16 busiest lanes fill a 1000 px window.
        let lanes: Vec<usize> = (0..layout.lanes.len().min(16)).collect();
        let (a, b) = layout.extent.unwrap();
        let width = 1600.0 - f64::from(dateline::render::chart::LABEL_W);
        let mid = (a + b) / 2.0;
        let zooms = [
            ("ten years", TimeView::fit(a, b, width)),
            ("a year", TimeView::fit(mid, mid + 365.0, width)),
            ("a month", TimeView::fit(mid, mid + 30.0, width)),
            ("a week", TimeView::fit(mid, mid + 7.0, width)),
        ];
        for (name, view) in zooms.into_iter().filter(|(name, _)| wanted(name)) {
            // Consecutive frames of one kind, after one to warm up, as a still window
            // draws them (egui keeps the text it laid out last frame).
            let mut marks = Vec::with_capacity(runs);
            let mut caps = Vec::with_capacity(runs);
            let mut shapes = 0;
            let mut charts = Vec::with_capacity(runs);
            one_frame(&ctx, &mut m, &c, &layout, &lanes, view, false);
            for _ in 0..runs {
                marks.push(frame(&ctx, &mut m, &c, &layout, &lanes, view, false).0);
            }
            // (Not through `captioned_frame`: a count of it is of the measured frames only.)
            one_frame(&ctx, &mut m, &c, &layout, &lanes, view, true);
            for _ in 0..runs {
                let (d, s, ch) = frame(&ctx, &mut m, &c, &layout, &lanes, view, true);
                caps.push(d);
                charts.push(ch);
                shapes = s;
            }
            let captions = count_captions(&c, &layout, &lanes, view, width);
            let (m, k) = (median(marks), median(caps));
            println!(
                "| {n} | {name} | {:.2} | {:.2} ({:.2} chart) | {:.2} | {shapes} | {captions} |",
                ms(m),
                ms(k),
                ms(median(charts)),
                ms(k) / ms(m)
            );
        }
        // Panning at a month's zoom: 20 px per frame, like a drag.
        if !wanted("panning (a month)") {
            continue;
        }
        let (mut marks, mut caps) = (Vec::new(), Vec::new());
        for (captions, out) in [(false, &mut marks), (true, &mut caps)] {
            let mut view = TimeView::fit(mid, mid + 30.0, width);
            // Warmed up as the still zooms are (a window has drawn before it is dragged).
            one_frame(&ctx, &mut m, &c, &layout, &lanes, view, captions);
            for _ in 0..runs.max(30) {
                view.pan_px(-20.0);
                out.push(frame(&ctx, &mut m, &c, &layout, &lanes, view, captions).0);
            }
        }
        let (m, k) = (median(marks), median(caps));
        println!(
            "| {n} | panning (a month) | {:.2} | {:.2} | {:.2} | | |",
            ms(m),
            ms(k),
            ms(k) / ms(m)
        );
        // The window's lane order is made once per snapshot beside the layout.
        let t = Instant::now();
        let lanes_made = dateline::view::natural_lane_order(&c).len();
        eprintln!(
            "{n} events: layout built once in {:.0} ms; natural lane order ({lanes_made} lanes) in {:.1} ms",
            ms(build),
            ms(t.elapsed())
        );
    }
}

fn count_captions(
    c: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    view: TimeView,
    width: f64,
) -> usize {
    use dateline::timeline::frame::lane_view;
    let mut n = 0;
    for &li in lanes {
        let lane = &layout.lanes[li];
        let mut measure = |k: u32, _more: u32| {
            let u = &layout.units[lane.items[k as usize].unit as usize];
            let cl = &c.clusters[u.cluster? as usize];
            let short = &cl.short_caption;
            Some(dateline::timeline::frame::CaptionSize {
                text: cl.caption.len() as f64 * 6.0,
                short: (!short.is_empty()).then_some(short.len() as f64 * 6.0),
                suffix: 0.0,
                trailing: 0.0,
                key: u64::from(u.cluster?),
            })
        };
        let v = lane_view(lane, &view, width, FrameOptions::default(), &mut measure);
        n += v
            .captions
            .iter()
            .filter(|cap| cap.b.x1 > 0.0 && cap.b.x0 < width)
            .count();
    }
    n
}
