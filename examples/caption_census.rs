//! Counts the captions of the briefing chart (issue 17): how many captions the render's
//! body places, and how many distinct happenings they name, at three zooms: the fitted
//! story, and zoomed in ×4 and ×16 around the most salient happening; the captions of the
//! lane holding most happenings and the most of any lane, the lanes with happenings in view
//! and no caption of their own, and captions written again dimmed in such lanes (not
//! counted in the others). Prints counts only
//! (no archive text), so it may be run on both halves of a held-out split.
//!
//! `cargo run --release --example caption_census -- PATH... [--pub-date FILE=YYYY-MM-DD]...
//! [--width 1600]`

use dateline::pipeline::{load, LoadOptions, Progress};
use dateline::render::chart::{choose_lanes, paint_body, Body, LABEL_W};
use dateline::render::palette::Theme;
use dateline::render::scene::Scene;
use dateline::render::Headless;
use dateline::timeline::frame::FrameOptions;
use dateline::timeline::{Layout, TimeView};
use egui::{pos2, vec2, Rect};
use std::collections::HashSet;
use std::path::PathBuf;

/// As `render` places captions (a lane may take a caption row), unless `CENSUS_WINDOW` is
/// set (the window's rule: only the rows a lane has). Both build on the same library.
fn extra_row() -> bool {
    std::env::var_os("CENSUS_WINDOW").is_none()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut paths = Vec::new();
    let mut opts = LoadOptions::default();
    let mut width = 1600.0f32;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--pub-date" => {
                if let Some((f, d)) = args.get(i + 1).and_then(|v| v.split_once('=')) {
                    if let Ok(d) = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                        opts.pub_dates.push((f.to_string(), d));
                    }
                }
                i += 1;
            }
            "--width" => {
                width = args
                    .get(i + 1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(width);
                i += 1;
            }
            p => paths.push(PathBuf::from(p)),
        }
        i += 1;
    }
    let corpus = match load(&paths, &opts, &Progress::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e:?}");
            std::process::exit(1);
        }
    };
    let layout = Layout::build(&corpus);
    // The render's plot: the chart's width less its margins and the label column.
    let plot_w = f64::from(width - 56.0 - LABEL_W);
    let fit = layout.fit.map(|f| (f.start, f.end)).or(layout.extent);
    let Some((s, e)) = fit else {
        println!("nothing dated");
        return;
    };
    let fitted = TimeView::fit(s, e, plot_w);
    // The most salient happening: rank 0.
    let top_day = layout
        .lanes
        .iter()
        .flat_map(|l| l.items.iter())
        .min_by_key(|it| layout.units[it.unit as usize].rank)
        .map(|it| (it.start + it.end) / 2.0)
        .unwrap_or((s + e) / 2.0);
    let mut h = Headless::new(1.0);
    let metrics = h.metrics();
    for (name, zoom) in [("fit", 1.0), ("x4", 4.0), ("x16", 16.0)] {
        let mut view = fitted;
        if zoom > 1.0 {
            let x = view.x_of(top_day);
            view.zoom_around(x, zoom);
            view.center_on(top_day, plot_w);
        }
        let (a, b) = view.range(plot_w);
        let lanes = choose_lanes(&layout, None, a, b, 12);
        let mut scene = Scene {
            size: vec2(width, 2000.0),
            ascent: metrics.0,
            line_height: metrics.1,
            ..Default::default()
        };
        let rect = Rect::from_min_size(pos2(28.0, 80.0), vec2(width - 56.0, 1900.0));
        let out = paint_body(
            &mut scene,
            &Body {
                corpus: &corpus,
                layout: &layout,
                lanes: &lanes,
                view,
                rect,
                scroll_y: 0.0,
                theme: Theme::light(),
                opts: FrameOptions {
                    captions: true,
                    inside_plot: true,
                    extra_row: extra_row(),
                    ..Default::default()
                },
                lane_labels: true,
                colours: &[],
                breaks: None,
            },
            &mut h.ctx,
        );
        let mut captions = 0;
        let mut units = HashSet::new();
        let mut top10 = 0;
        // The lane with most happenings in view: its captions, and the most any lane has.
        let (mut densest, mut densest_n, mut most) = (0, 0, 0);
        let (mut bare, mut repeats) = (0, 0);
        for (k, v) in out.views.iter().enumerate() {
            let Some(v) = v else { continue };
            let lane = &layout.lanes[lanes[k]];
            let held = lane.overlapping(a, b).count();
            let own = v.captions.iter().filter(|c| !c.repeat).count();
            if held > densest_n {
                (densest, densest_n) = (own, held);
            }
            most = most.max(own);
            if own == 0 && held > 0 {
                bare += 1;
            }
            repeats += v.captions.len() - own;
            for c in v.captions.iter().filter(|c| !c.repeat) {
                captions += 1;
                let u = lane.items[c.item as usize].unit;
                if units.insert(u) && layout.units[u as usize].rank < 10 {
                    top10 += 1;
                }
            }
        }
        println!(
            "{name}: lanes {} captions {captions} distinct {} top10_captioned {top10} \
             densest_lane {densest} most_in_a_lane {most} bare_lanes {bare} repeated {repeats}",
            lanes.len(),
            units.len()
        );
    }
}
