//! The briefing chart as a picture: `dateline render` and the window's Export menu.
//!
//! One painting code ([`chart`]) fills a display list ([`scene`]); the window draws it
//! with egui, and exports write it as SVG ([`svg`], text kept as `<text>`) or as PNG by
//! tessellating it with egui and rasterising the triangles on the CPU ([`raster`]): no
//! window, no GPU, and the same pixels the window would show.

pub mod chart;
pub mod coverage;
pub mod palette;
pub mod raster;
pub mod scene;
pub mod svg;
pub mod text;

use crate::model::{Corpus, CountryCode, EventId};
use crate::timeline::axis::day_number;
use crate::timeline::broken::Broken;
use crate::timeline::frame::FrameOptions;
use crate::timeline::layout::{ItemKind, Layout};
use crate::timeline::TimeView;
use chart::{body_lanes_height, choose_lanes, long_date, paint_body, Body, AXIS_H, LABEL_W};
use chrono::NaiveDate;
use egui::{pos2, vec2, Align2, Color32, Rect, Stroke};
use palette::Theme;
use scene::Scene;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use text::{thousands, Measure};

/// What to draw. Built from `dateline render`'s options or the Export menu; a saved view
/// (`--view NAME`, with "gui"'s saved views) will fill the same fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    /// First and last day shown (inclusive); the fitted story when absent.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Lanes to show, in this order; the busiest lanes when absent.
    pub countries: Option<Vec<CountryCode>>,
    /// Only the N most salient happenings.
    pub top: Option<usize>,
    /// Width in logical px (the PNG is `width × scale` pixels wide).
    pub width: f32,
    pub dark: bool,
    /// Most lanes shown when `countries` is absent.
    pub max_lanes: usize,
    /// Draw the coverage chart (events per bucket, per lane) under the timeline.
    pub coverage: bool,
    /// Countries whose series the coverage chart leaves out (switched off in its legend).
    pub coverage_hidden: Vec<CountryCode>,
}

impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            title: String::new(),
            from: None,
            to: None,
            countries: None,
            top: None,
            width: 1600.0,
            dark: false,
            max_lanes: 12,
            coverage: false,
            coverage_hidden: Vec::new(),
        }
    }
}

/// Outer margin of an exported chart.
const MARGIN: f32 = 28.0;
const TITLE_SIZE: f32 = 22.0;
const SUBTITLE_SIZE: f32 = 13.0;
const NOTE_SIZE: f32 = 11.5;

/// The whole exported chart: title, date range, timeline, legend, source note.
pub fn chart_scene(
    corpus: &Corpus,
    spec: &ChartSpec,
    m: &mut dyn Measure,
    metrics: (f32, f32),
) -> Scene {
    let width = chart_width(spec.width);
    let plot_w = f64::from(width - 2.0 * MARGIN - LABEL_W);
    let full = Layout::build(corpus);
    let fitted = spec.from.is_none() && spec.to.is_none();
    let mut breaks = fitted
        .then(|| Broken::fit(&full.stretches, plot_w))
        .flatten();
    let view = match &breaks {
        Some(br) => whole(br, plot_w),
        None => chart_view(&full, spec, plot_w),
    };
    let (a, b) = view.range(plot_w);
    let mut lanes = choose_lanes(&full, spec.countries.as_deref(), a, b, spec.max_lanes);
    let mut view = TimeView::new(a, plot_w / (b - a).max(1e-9));
    let layout = match spec.top {
        Some(n) => {
            let keep = top_events(corpus, &full, &lanes, a, b, n);
            let codes: Vec<Option<CountryCode>> =
                lanes.iter().map(|&li| full.lanes[li].code).collect();
            let l = Layout::build_where(corpus, |e| keep.contains(&e));
            lanes = codes
                .iter()
                .filter_map(|c| l.lanes.iter().position(|x| x.code == *c))
                .collect();
            // The picture frames the happenings it shows, not the whole story they were
            // chosen from (unless the range was asked for).
            if fitted {
                // Captions go right of their marks: the last ones need room after them.
                if let Some((s, e)) = l.extent {
                    view = TimeView::fit(s, e + (e - s) * CAPTION_ROOM, plot_w);
                }
                // The shown happenings' own stretches (each piece has room for captions).
                breaks = l.fit.and_then(|f| {
                    let fine: Vec<(f64, f64)> = l
                        .lanes
                        .iter()
                        .flat_map(|ln| ln.items.iter())
                        .filter(|it| it.flags & crate::timeline::layout::flags::COARSE == 0)
                        .map(|it| (it.start, it.end))
                        .collect();
                    let st = crate::timeline::broken::stretches((f.start, f.end), &fine);
                    Broken::fit(&st, plot_w)
                });
                if let Some(br) = &breaks {
                    view = whole(br, plot_w);
                }
            }
            l
        }
        None => full,
    };

    chart_scene_with(
        corpus,
        &layout,
        &lanes,
        &[],
        view,
        breaks.as_ref(),
        spec,
        None,
        m,
        metrics,
    )
}

/// A continuous view over all the days a broken axis shows (for the date range in the
/// subtitle, the lanes chosen, the source note and the coverage chart).
fn whole(br: &Broken, plot_w: f64) -> TimeView {
    let (a, b) = br.range();
    TimeView::new(a, plot_w / (b - a).max(1e-9))
}

/// Room after the last shown happening, as a share of the span shown, for its caption.
const CAPTION_ROOM: f64 = 0.2;

/// The width of a chart asked to be `w` px wide (enough for the labels and some plot).
fn chart_width(w: f32) -> f32 {
    w.max(LABEL_W + 2.0 * MARGIN + 120.0)
}

/// The exported chart of `lanes` of an already built `layout`, showing what `view` shows
/// in the chart's plot (the window's Export menu: what is on screen, redrawn for a slide).
/// `spec`'s title, width and theme apply; its range, lanes and top are already decided.
/// `colours` are the user's lane colours by layout lane (see [`chart::Body::colours`]).
/// `breaks`, when given, is drawn instead of `view` (a story told in bursts; `view` then
/// spans its days).
/// `coverage` is the corpus's coverage when the caller has it already (the window's chart);
/// it is built here when `spec.coverage` asks for the chart and none is given.
#[allow(clippy::too_many_arguments)]
pub fn chart_scene_with(
    corpus: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    colours: &[Option<Color32>],
    view: TimeView,
    breaks: Option<&Broken>,
    spec: &ChartSpec,
    coverage: Option<&crate::coverage::Coverage>,
    m: &mut dyn Measure,
    metrics: (f32, f32),
) -> Scene {
    let theme = if spec.dark {
        Theme::dark()
    } else {
        Theme::light()
    };
    let width = chart_width(spec.width);
    let plot_w = f64::from(width - 2.0 * MARGIN - LABEL_W);
    let (a, b) = view.range(plot_w);
    let header_h = MARGIN + TITLE_SIZE + 8.0 + SUBTITLE_SIZE + 18.0;
    let mut body = Body {
        corpus,
        layout,
        lanes,
        view,
        rect: Rect::from_min_size(pos2(MARGIN, header_h), vec2(width - 2.0 * MARGIN, 0.0)),
        scroll_y: 0.0,
        theme,
        opts: FrameOptions {
            captions: true,
            inside_plot: true,
            extra_row: true,
            ..Default::default()
        },
        lane_labels: true,
        colours,
        breaks,
    };
    // Lanes whose best happening needed a caption row of its own are a row taller.
    let body_h = AXIS_H + body_lanes_height(&body, m).max(40.0);
    let coverage_h = if spec.coverage {
        coverage::COVERAGE_H
    } else {
        0.0
    };
    let legend = legend_rows(m, width - 2.0 * MARGIN);
    let legend_h = legend.len() as f32 * LEGEND_ROW_H + 12.0;
    let note_h = NOTE_SIZE + 8.0 + MARGIN;
    let height = (header_h + body_h + coverage_h + legend_h + note_h).ceil();
    let mut scene = Scene {
        size: vec2(width, height),
        background: theme.bg,
        ascent: metrics.0,
        line_height: metrics.1,
        ..Default::default()
    };

    // Header.
    scene.layer(None);
    let title = if spec.title.trim().is_empty() {
        "Timeline"
    } else {
        spec.title.trim()
    };
    let title = text::shorten(m, title, "", TITLE_SIZE, width - 2.0 * MARGIN);
    scene.text(
        pos2(MARGIN, MARGIN),
        Align2::LEFT_TOP,
        title,
        TITLE_SIZE,
        theme.text,
    );
    let mut sub = format!("{} – {}", long_date(a), long_date(b - 1e-6));
    let n_countries = lanes
        .iter()
        .filter(|&&li| layout.lanes[li].code.is_some())
        .count();
    sub.push_str(&match n_countries {
        0 => String::new(),
        1 => " · 1 country".to_string(),
        n => format!(" · {n} countries"),
    });
    if let Some(n) = spec.top {
        if n == 1 {
            sub.push_str(" · the happening that matters most");
        } else {
            sub.push_str(&format!(" · the {n} happenings that matter most"));
        }
    }
    scene.text(
        pos2(MARGIN, MARGIN + TITLE_SIZE + 8.0),
        Align2::LEFT_TOP,
        sub,
        SUBTITLE_SIZE,
        theme.weak,
    );

    // Timeline.
    let body_rect = Rect::from_min_size(pos2(MARGIN, header_h), vec2(width - 2.0 * MARGIN, body_h));
    body.rect = body_rect;
    paint_body(&mut scene, &body, m);
    scene.layer(None);
    scene.rect(
        body_rect,
        0.0,
        Color32::TRANSPARENT,
        Some(Stroke::new(1.0, theme.grid)),
    );

    if spec.coverage {
        let rect = Rect::from_min_size(
            pos2(MARGIN, header_h + body_h),
            vec2(width - 2.0 * MARGIN, coverage::COVERAGE_H),
        );
        let colours: Vec<(CountryCode, Color32)> = lanes
            .iter()
            .enumerate()
            .filter_map(|(k, &li)| {
                let c = colours
                    .get(li)
                    .copied()
                    .flatten()
                    .unwrap_or_else(|| theme.lane(k, true));
                let code = layout.lanes[li].code?;
                (!spec.coverage_hidden.contains(&code)).then_some((code, c))
            })
            .collect();
        let built;
        let cov = match coverage {
            Some(c) => c,
            None => {
                built = crate::coverage::Coverage::build(corpus);
                &built
            }
        };
        // On the timeline's own axis: under a broken axis, piece by piece.
        let stretches: Vec<coverage::Stretch> = match breaks {
            Some(br) if br.pieces.len() > 1 => br
                .pieces
                .iter()
                .map(|p| coverage::Stretch {
                    x0: p.x0,
                    width: p.width(),
                    a: p.start,
                    b: p.end,
                })
                .collect(),
            _ => vec![coverage::Stretch {
                x0: 0.0,
                width: plot_w,
                a,
                b,
            }],
        };
        coverage::paint_coverage(
            &mut scene, &theme, cov, &colours, &stretches, rect, LABEL_W, m,
        );
    }

    // Legend and source note.
    let legend_y = header_h + body_h + coverage_h + 6.0 + LEGEND_ROW_H / 2.0 + 2.0;
    paint_legend(&mut scene, &theme, MARGIN, legend_y, &legend, m);
    let note = source_note(corpus, layout, lanes, a, b);
    let (note, credit) = note_line(m, &note, width - 2.0 * MARGIN);
    let note_y = height - MARGIN - NOTE_SIZE / 2.0;
    scene.text(
        pos2(MARGIN, note_y),
        Align2::LEFT_CENTER,
        note,
        NOTE_SIZE,
        theme.weak,
    );
    if let Some(credit) = credit {
        scene.text(
            pos2(width - MARGIN, note_y),
            Align2::RIGHT_CENTER,
            credit,
            NOTE_SIZE,
            theme.weak,
        );
    }
    scene
}

/// The view: `from..=to` exactly, else the fitted story with margins.
fn chart_view(layout: &Layout, spec: &ChartSpec, plot_w: f64) -> TimeView {
    let from = spec.from.map(|d| day_number(d) as f64);
    let to = spec.to.map(|d| day_number(d) as f64 + 1.0);
    let fit = layout.fit.map(|f| (f.start, f.end)).or(layout.extent);
    match (from, to, fit) {
        (Some(a), Some(b), _) if b > a => TimeView::new(a, plot_w / (b - a)),
        (Some(a), None, Some((_, e))) if e > a => TimeView::new(a, plot_w / (e - a)),
        (None, Some(b), Some((s, _))) if b > s => TimeView::new(s, plot_w / (b - s)),
        (None, None, Some((s, e))) => TimeView::fit(s, e, plot_w),
        (Some(a), _, _) => TimeView::new(a, plot_w / 30.0),
        _ => TimeView::default(),
    }
}

/// Events of the `n` best-ranked happenings drawn in `lanes` within days `[a, b)`.
fn top_events(
    corpus: &Corpus,
    layout: &Layout,
    lanes: &[usize],
    a: f64,
    b: f64,
    n: usize,
) -> HashSet<EventId> {
    let mut units: Vec<u32> = lanes
        .iter()
        .flat_map(|&li| {
            let lane = &layout.lanes[li];
            lane.overlapping(a, b).map(move |k| lane.items[k].unit)
        })
        .collect();
    units.sort_unstable_by_key(|&u| layout.units[u as usize].rank);
    units.dedup();
    units.truncate(n);
    let chosen: HashSet<u32> = units.into_iter().collect();
    (0..corpus.events.len() as EventId)
        .filter(|&e| layout.unit_of_event(e).is_some_and(|u| chosen.contains(&u)))
        .collect()
}

/// "14 articles, 6 outlets, 2023-09-12 to 2024-06-20": the articles behind what is drawn.
pub fn source_note(corpus: &Corpus, layout: &Layout, lanes: &[usize], a: f64, b: f64) -> String {
    let mut units: HashSet<u32> = HashSet::new();
    for &li in lanes {
        let lane = &layout.lanes[li];
        units.extend(lane.overlapping(a, b).map(|k| lane.items[k].unit));
    }
    let mut articles: HashSet<u32> = HashSet::new();
    for (i, e) in corpus.events.iter().enumerate() {
        if layout
            .unit_of_event(i as EventId)
            .is_some_and(|u| units.contains(&u))
        {
            articles.insert(e.article);
        }
    }
    let mut outlets: HashSet<&str> = HashSet::new();
    let (mut first, mut last): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for &ai in &articles {
        let Some(art) = corpus.articles.get(ai as usize) else {
            continue;
        };
        if let Some(o) = art
            .outlet
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            outlets.insert(o);
        }
        if let Some(p) = &art.pub_date {
            first = Some(first.map_or(p.date, |f| f.min(p.date)));
            last = Some(last.map_or(p.date, |l| l.max(p.date)));
        }
    }
    let n = articles.len();
    let mut s = if n == 1 {
        "1 article".to_string()
    } else {
        format!("{} articles", thousands(n as u64))
    };
    match outlets.len() {
        0 => {}
        1 => s.push_str(", 1 outlet"),
        k => s.push_str(&format!(", {} outlets", thousands(k as u64))),
    }
    match (first, last) {
        (Some(f), Some(l)) if f == l => s.push_str(&format!(", published {f}")),
        (Some(f), Some(l)) => s.push_str(&format!(", {f} to {l}")),
        _ => {}
    }
    s
}

/// One sample of the legend, drawn by the same code as the chart's marks.
#[derive(Clone, Copy, Debug)]
enum Sample {
    /// A mark of this kind and these flags, this wide.
    Mark(ItemKind, u8, f32),
    /// Two density cells.
    Density,
    /// The "×3" of a happening reported by several articles.
    Count,
    /// The orange "!" of sources that disagree.
    Conflict,
    /// A cluster's "+12 more".
    More,
    /// The pill of marks off the chart.
    OffChart,
}

/// The legend's entries in reading order.
fn legend_entries() -> [(Sample, &'static str); 9] {
    use crate::timeline::layout::flags;
    [
        (Sample::Mark(ItemKind::Point, 0, 11.0), "one day"),
        (Sample::Mark(ItemKind::Bar, 0, 28.0), "several days"),
        (Sample::Mark(ItemKind::Span, 0, 28.0), "a month or a year"),
        (
            Sample::Mark(ItemKind::Point, flags::UNCERTAIN, 11.0),
            "uncertain date (a guess)",
        ),
        (Sample::Density, "many events (taller: more)"),
        (Sample::Count, "reported by 3 articles"),
        (Sample::Conflict, "sources disagree on the date"),
        (Sample::More, "others in the same stretch"),
        (Sample::OffChart, "off the chart"),
    ]
}

/// Space between one legend entry's words and the next sample.
const LEGEND_GAP: f32 = 22.0;
/// Height of one row of the legend.
const LEGEND_ROW_H: f32 = 24.0;

/// How far a sample reaches before its words start.
fn sample_width(s: Sample, m: &mut dyn Measure) -> f32 {
    use crate::timeline::layout::flags;
    match s {
        Sample::Mark(_, fl, w) => w + 6.0 + if fl & flags::UNCERTAIN != 0 { 8.0 } else { 0.0 },
        Sample::Density => 27.0,
        Sample::Count => m.width("×3", 10.0) + 5.0,
        Sample::Conflict => 13.0,
        Sample::More => m.width("+12 more", NOTE_SIZE) + 5.0,
        Sample::OffChart => 36.0,
    }
}

/// Entries (sample and words, no gap) of `widths` in rows no wider than `max_w`, in order;
/// an entry is never split, and one wider than a row has a row of its own.
fn wrap_rows(widths: &[f32], max_w: f32) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, &w) in widths.iter().enumerate() {
        if i > start && used + LEGEND_GAP + w > max_w {
            rows.push(start..i);
            start = i;
            used = 0.0;
        }
        used += if i > start { LEGEND_GAP + w } else { w };
    }
    if start < widths.len() {
        rows.push(start..widths.len());
    }
    rows
}

/// The legend's rows for a chart whose legend may be `max_w` wide.
fn legend_rows(m: &mut dyn Measure, max_w: f32) -> Vec<std::ops::Range<usize>> {
    let widths: Vec<f32> = legend_entries()
        .iter()
        .map(|&(s, t)| sample_width(s, m) + m.width(t, NOTE_SIZE))
        .collect();
    wrap_rows(&widths, max_w)
}

/// The legend in `rows`, the first row centred at `y`.
fn paint_legend(
    scene: &mut Scene,
    th: &Theme,
    x0: f32,
    y: f32,
    rows: &[std::ops::Range<usize>],
    m: &mut dyn Measure,
) {
    let entries = legend_entries();
    for (r, row) in rows.iter().enumerate() {
        let y = y + r as f32 * LEGEND_ROW_H;
        let mut x = x0;
        for &(sample, words) in &entries[row.clone()] {
            paint_sample(scene, th, sample, x, y);
            x += sample_width(sample, m);
            scene.text(pos2(x, y), Align2::LEFT_CENTER, words, NOTE_SIZE, th.weak);
            x += m.width(words, NOTE_SIZE) + LEGEND_GAP;
        }
    }
}

/// One legend sample starting at `x`, centred on `y`.
fn paint_sample(scene: &mut Scene, th: &Theme, s: Sample, x: f32, y: f32) {
    use crate::timeline::layout::flags;
    let c = th.weak;
    match s {
        Sample::Mark(kind, fl, w) => {
            let r = match kind {
                ItemKind::Point => Rect::from_center_size(pos2(x + 5.5, y), vec2(11.0, 11.0)),
                ItemKind::Bar => Rect::from_min_size(pos2(x, y - 4.5), vec2(w, 9.0)),
                ItemKind::Span => Rect::from_min_size(pos2(x, y - 7.5), vec2(w, 15.0)),
            };
            chart::paint_mark(scene, th, kind, fl, r, c);
            if fl & flags::UNCERTAIN != 0 {
                scene.text(
                    pos2(r.right() + 2.0, r.top() - 1.0),
                    Align2::LEFT_TOP,
                    "?",
                    10.0,
                    c,
                );
            }
        }
        Sample::Density => {
            let cell = Rect::from_min_max(pos2(x, y - 7.0), pos2(x + 10.0, y + 7.0));
            scene.rect(cell, 1.5, c.gamma_multiply(0.38), None);
            let cell2 = Rect::from_min_max(pos2(x + 11.0, y - 1.0), pos2(x + 21.0, y + 7.0));
            scene.rect(cell2, 1.5, c.gamma_multiply(0.38), None);
        }
        Sample::Count => scene.text(pos2(x, y), Align2::LEFT_CENTER, "×3", 10.0, th.weak),
        Sample::Conflict => {
            let badge = pos2(x + 4.0, y);
            scene.push(scene::Shape::Circle {
                centre: badge,
                radius: 4.0,
                fill: th.conflict,
                stroke: None,
            });
            scene.text(badge, Align2::CENTER_CENTER, "!", 10.0, Color32::WHITE);
        }
        Sample::More => scene.text(
            pos2(x, y),
            Align2::LEFT_CENTER,
            "+12 more",
            NOTE_SIZE,
            th.text,
        ),
        Sample::OffChart => {
            let pill = Rect::from_min_size(pos2(x, y - 8.0), vec2(30.0, 16.0));
            scene.rect(pill, 8.0, th.caption_bg, Some(Stroke::new(1.0, th.grid)));
            scene.push(scene::Shape::Polygon {
                points: vec![
                    pos2(x + 4.0, y),
                    pos2(x + 9.0, y - 4.0),
                    pos2(x + 9.0, y + 4.0),
                ],
                fill: th.weak,
                stroke: None,
            });
            scene.text(pos2(x + 12.0, y), Align2::LEFT_CENTER, "12", 10.0, th.weak);
        }
    }
}

/// The source note and the credit on one line `w` wide: the credit gives way to the note,
/// and a note longer than the line is shortened.
fn note_line(m: &mut dyn Measure, note: &str, w: f32) -> (String, Option<&'static str>) {
    const CREDIT: &str = "Made with dateline";
    let credit_w = m.width(CREDIT, NOTE_SIZE) + 16.0;
    if m.width(note, NOTE_SIZE) + credit_w <= w {
        (note.to_string(), Some(CREDIT))
    } else {
        (text::shorten(m, note, "", NOTE_SIZE, w), None)
    }
}

/// A headless egui context: measures text and tessellates scenes with the window's fonts.
pub struct Headless {
    pub ctx: egui::Context,
    input: egui::RawInput,
    atlas: egui::ColorImage,
    ppp: f32,
}

impl Headless {
    pub fn new(pixels_per_point: f32) -> Headless {
        let ctx = egui::Context::default();
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0))),
            max_texture_side: Some(16_384),
            ..Default::default()
        };
        if let Some(v) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            v.native_pixels_per_point = Some(pixels_per_point);
        }
        let mut h = Headless {
            ctx,
            input,
            atlas: egui::ColorImage::new([0, 0], Vec::new()),
            ppp: pixels_per_point,
        };
        let out = h.ctx.run_ui(h.input.clone(), |_| {});
        h.apply(&out.textures_delta);
        h
    }

    /// Baseline offset and line height per px of font size.
    pub fn metrics(&self) -> (f32, f32) {
        text::metrics(&self.ctx)
    }

    fn apply(&mut self, delta: &egui::TexturesDelta) {
        for (id, list) in &delta.set {
            if *id != egui::TextureId::default() {
                continue;
            }
            for d in list {
                let egui::ImageData::Color(img) = &d.image;
                match d.pos {
                    None => self.atlas = (**img).clone(),
                    Some([x, y]) => {
                        let [w, h] = img.size;
                        let aw = self.atlas.size[0];
                        for row in 0..h {
                            for col in 0..w {
                                if let Some(p) = self.atlas.pixels.get_mut((y + row) * aw + x + col)
                                {
                                    *p = img.pixels[row * w + col];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The scene as straight RGBA pixels, `size × ppp` (rounded) large.
    pub fn rasterize(&mut self, scene: &Scene) -> (usize, usize, Vec<u8>) {
        self.input.screen_rect = Some(Rect::from_min_size(pos2(0.0, 0.0), scene.size));
        let out = self.ctx.run_ui(self.input.clone(), |ui| {
            scene.paint(ui.painter(), egui::Vec2::ZERO);
        });
        self.apply(&out.textures_delta);
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        let w = (scene.size.x * self.ppp).round() as usize;
        let h = (scene.size.y * self.ppp).round() as usize;
        let mut canvas = raster::Canvas::new(w, h, scene.background);
        canvas.draw(&prims, &self.atlas, self.ppp);
        (w, h, canvas.into_rgba())
    }
}

/// The TrueType font egui lays out proportional text with (embedded in SVG exports).
pub fn ui_font() -> Option<Vec<u8>> {
    let defs = egui::FontDefinitions::default();
    let name = defs
        .families
        .get(&egui::FontFamily::Proportional)?
        .first()?;
    let data = defs.font_data.get(name)?;
    Some((*data.font).as_ref().to_vec())
}

/// The picture format, from a file name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }
}

/// Why a picture could not be written.
#[derive(Debug)]
pub enum RenderError {
    UnknownFormat(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::UnknownFormat(p) => {
                write!(f, "{}: the file name must end in .png or .svg", p.display())
            }
            RenderError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders `spec` of `corpus` to `path` (PNG or SVG by extension) at `scale` pixels per
/// logical px (PNG only); returns the picture's size in pixels.
pub fn render_to_file(
    corpus: &Corpus,
    spec: &ChartSpec,
    scale: f32,
    path: &Path,
) -> Result<(usize, usize), RenderError> {
    let format = Format::of(path).ok_or_else(|| RenderError::UnknownFormat(path.to_path_buf()))?;
    let mut h = Headless::new(scale);
    let metrics = h.metrics();
    let mut ctx = h.ctx.clone();
    let scene = chart_scene(corpus, spec, &mut ctx, metrics);
    let io = |e| RenderError::Io(path.to_path_buf(), e);
    match format {
        Format::Svg => {
            let svg = svg::to_svg(&scene, ui_font().as_deref());
            write_atomic(path, svg.as_bytes()).map_err(io)?;
            Ok((scene.size.x.round() as usize, scene.size.y.round() as usize))
        }
        Format::Png => {
            let (w, hgt, rgba) = h.rasterize(&scene);
            let png = encode_png(w, hgt, rgba).map_err(io)?;
            write_atomic(path, &png).map_err(io)?;
            Ok((w, hgt))
        }
    }
}

/// PNG bytes of straight RGBA pixels.
pub fn encode_png(w: usize, h: usize, rgba: Vec<u8>) -> std::io::Result<Vec<u8>> {
    let img = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or_else(|| std::io::Error::other("image buffer has the wrong size"))?;
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(std::io::Error::other)?;
    Ok(out.into_inner())
}

/// Writes `bytes` next to `path` and renames them into place, so a slide deck never links
/// to a half-written picture.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".dateline-export")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    // tempfile creates 0600; an exported picture is meant to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Pos2;

    /// Left and right edge of every text and rectangle of `scene` as seen (cut by its
    /// layer's clip).
    fn extents(scene: &Scene, m: &mut dyn Measure) -> Vec<(String, f32, f32)> {
        let mut out = Vec::new();
        for layer in &scene.layers {
            let (c0, c1) = layer.clip.map_or((f32::NEG_INFINITY, f32::INFINITY), |c| {
                (c.left(), c.right())
            });
            let seen = out.len();
            extents_of(&layer.shapes, m, &mut out);
            for e in &mut out[seen..] {
                e.1 = e.1.max(c0);
                e.2 = e.2.min(c1);
            }
            out.retain(|e| e.1 < e.2);
        }
        out
    }

    fn extents_of(shapes: &[scene::Shape], m: &mut dyn Measure, out: &mut Vec<(String, f32, f32)>) {
        for shape in shapes {
            match shape {
                scene::Shape::Text {
                    pos,
                    anchor,
                    text,
                    size,
                    ..
                } => {
                    let w = m.width(text, *size);
                    let left = match anchor.x() {
                        egui::Align::Min => pos.x,
                        egui::Align::Center => pos.x - w / 2.0,
                        egui::Align::Max => pos.x - w,
                    };
                    out.push((text.clone(), left, left + w));
                }
                scene::Shape::Rect { rect, .. } => {
                    out.push(("rect".into(), rect.left(), rect.right()))
                }
                _ => {}
            }
        }
    }

    #[test]
    fn legend_and_source_line_stay_inside_the_picture_at_every_width() {
        let h = Headless::new(1.0);
        let metrics = h.metrics();
        let mut m = h.ctx.clone();
        let corpus = Corpus::default();
        let mut rows_at = Vec::new();
        for width in [800.0, 1000.0, 1600.0] {
            let spec = ChartSpec {
                width,
                ..ChartSpec::default()
            };
            let scene = chart_scene(&corpus, &spec, &mut m, metrics);
            assert_eq!(scene.size.x, width);
            for (what, left, right) in extents(&scene, &mut m) {
                assert!(
                    left >= 0.0 && right <= width,
                    "{what:?} spans {left}..{right} in a {width} px picture"
                );
            }
            // Every entry of the legend is drawn, once.
            let texts: Vec<String> = extents(&scene, &mut m).into_iter().map(|e| e.0).collect();
            for (_, words) in legend_entries() {
                assert_eq!(texts.iter().filter(|t| *t == words).count(), 1, "{words}");
            }
            rows_at.push(legend_rows(&mut m, width - 2.0 * MARGIN).len());
        }
        assert!(rows_at[0] > 1, "800 px needs more than one legend row");
        assert!(rows_at[0] >= rows_at[2], "{rows_at:?}");
    }

    /// Lanes JP and KR (and US): a summit in JP and KR, talks in JP alone, a visit in US.
    fn shared_summit() -> Corpus {
        use crate::model::{DateSpan, Event};
        let day = |d: u32| NaiveDate::from_ymd_opt(2023, 9, d).unwrap();
        let ev = |article: u32, d: u32, codes: &[&str], salience: f32| Event {
            salience,
            ..Event::for_test(article, DateSpan::day(day(d)), codes)
        };
        let mut c = Corpus::default();
        c.events = vec![
            ev(0, 5, &["JP", "KR"], 0.9),
            ev(1, 20, &["JP"], 0.5),
            ev(2, 12, &["US"], 0.4),
        ];
        c.clusters = crate::corroborate::cluster(&mut c.events, &[]);
        for cl in &mut c.clusters {
            let e = &c.events[cl.events[0] as usize];
            cl.salience = e.salience;
            cl.caption = match e.article {
                0 => "Leaders meet at summit",
                1 => "Tokyo talks resume",
                _ => "Delegation visits",
            }
            .to_string();
        }
        c
    }

    #[test]
    fn a_lane_left_bare_writes_its_top_happening_again_dimmed() {
        let h = Headless::new(1.0);
        let metrics = h.metrics();
        let mut m = h.ctx.clone();
        let corpus = shared_summit();
        let scene = chart_scene(&corpus, &ChartSpec::default(), &mut m, metrics);
        let colours = |want: &str| -> Vec<Color32> {
            scene
                .layers
                .iter()
                .flat_map(|l| l.shapes.iter())
                .filter_map(|s| match s {
                    scene::Shape::Text { text, colour, .. } if text == want => Some(*colour),
                    _ => None,
                })
                .collect()
        };
        // The summit: in JP in the text colour, again in KR (its only happening) dimmed.
        let summit = colours("Leaders meet at summit");
        assert_eq!(summit.len(), 2, "{summit:?}");
        let theme = Theme::light();
        assert_eq!(summit[0], theme.text);
        assert_ne!(summit[1], theme.text);
        // Lanes with captions of their own repeat nothing.
        assert_eq!(colours("Tokyo talks resume"), vec![theme.text]);
        assert_eq!(colours("Delegation visits"), vec![theme.text]);
    }

    /// Texts of `scene` that their layer's clip cuts: (text, its left, right, the clip's).
    fn texts_cut(scene: &Scene, m: &mut dyn Measure) -> Vec<(String, f32, f32, Rect)> {
        let mut out = Vec::new();
        for layer in &scene.layers {
            let Some(clip) = layer.clip else { continue };
            let mut all = Vec::new();
            extents_of(&layer.shapes, m, &mut all);
            for (text, left, right) in all {
                let cut = left < clip.left() - 0.5 || right > clip.right() + 0.5;
                if text != "rect" && cut && right > clip.left() && left < clip.right() {
                    out.push((text, left, right, clip));
                }
            }
        }
        out
    }

    #[test]
    fn no_label_is_cut_by_the_edge_of_the_plot_at_any_width() {
        // A tick label cut at the plot's right edge reads as another date ("20" of "2020");
        // whatever the width puts a tick near the edge, its label is whole or absent.
        let h = Headless::new(1.0);
        let metrics = h.metrics();
        let mut m = h.ctx.clone();
        let corpus = shared_summit();
        for width in (700..1700).step_by(23) {
            let spec = ChartSpec {
                width: width as f32,
                ..ChartSpec::default()
            };
            let scene = chart_scene(&corpus, &spec, &mut m, metrics);
            let cut = texts_cut(&scene, &mut m);
            assert!(cut.is_empty(), "{width} px: {cut:?}");
        }
    }

    #[test]
    fn legend_rows_wrap_whole_entries() {
        // Entries 100, 100, 100 with gaps of LEGEND_GAP.
        assert_eq!(wrap_rows(&[100.0; 3], 400.0), vec![0..3]);
        assert_eq!(wrap_rows(&[100.0; 3], 250.0), vec![0..2, 2..3]);
        assert_eq!(wrap_rows(&[100.0; 3], 150.0), vec![0..1, 1..2, 2..3]);
        // Wider than a row: a row of its own, never lost.
        assert_eq!(wrap_rows(&[500.0, 10.0], 100.0), vec![0..1, 1..2]);
        assert!(wrap_rows(&[], 100.0).is_empty());
    }

    #[test]
    fn a_long_source_note_drops_the_credit_then_shortens() {
        let mut m = text::Monospace(0.5);
        let (note, credit) = note_line(&mut m, "14 articles, 6 outlets", 400.0);
        assert_eq!(
            (note.as_str(), credit.is_some()),
            ("14 articles, 6 outlets", true)
        );
        let long = "1,204 articles, 312 outlets, 2011-01-01 to 2016-12-31".repeat(3);
        let (note, credit) = note_line(&mut m, &long, 400.0);
        assert!(credit.is_none());
        assert!(m.width(&note, NOTE_SIZE) <= 400.0, "{note}");
        assert!(note.ends_with('…'));
    }

    /// Hatching drawn as one shape gives the pixels egui gives it a segment at a time, at
    /// one and two px per point, for both the hatch's 45° lines and any other slope.
    #[test]
    fn segments_as_one_shape_rasterise_like_single_segments() {
        let stroke = Stroke::new(1.0, Color32::from_rgb(200, 120, 30).gamma_multiply(0.5));
        let segments: Vec<[Pos2; 2]> = (0..12)
            .map(|i| {
                let x = 3.0 + 5.0 * i as f32;
                [pos2(x, 30.0), pos2(x + 20.0, 10.0)]
            })
            .chain([
                [pos2(5.0, 35.0), pos2(60.0, 38.5)],
                [pos2(7.0, 2.0), pos2(9.5, 2.0)],
            ])
            .collect();
        let scene_with = |shapes: Vec<scene::Shape>| {
            let mut s = Scene {
                size: vec2(80.0, 40.0),
                background: Color32::WHITE,
                ..Scene::default()
            };
            s.layer(Some(Rect::from_min_max(pos2(0.0, 12.0), pos2(50.0, 40.0))));
            for shape in shapes {
                s.push(shape);
            }
            s
        };
        let one = scene_with(vec![scene::Shape::Lines {
            segments: segments.clone(),
            stroke,
        }]);
        let each = scene_with(
            segments
                .iter()
                .map(|&[a, b]| scene::Shape::Line { a, b, stroke })
                .collect(),
        );
        for ppp in [1.0, 2.0] {
            let mut h = Headless::new(ppp);
            let (_, _, a) = h.rasterize(&one);
            let (_, _, b) = h.rasterize(&each);
            assert!(a.iter().any(|&v| v < 255), "something is drawn");
            assert_eq!(a, b, "at {ppp} px per point");
        }
    }
}
