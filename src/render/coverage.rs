//! The coverage chart in a rendered picture (`dateline render --coverage`, issue 21): the
//! same counts as the window's chart ([`crate::coverage`]), under the timeline and on its x
//! axis, stacked per lane in the picture's lane colours, the uncertain part of each bar
//! lighter, bursts marked with a triangle.

use super::palette::Theme;
use super::scene::Scene;
use super::text::Measure;
use crate::coverage::{BucketSize, Coverage, Measure as Counted};
use crate::model::CountryCode;
use egui::{pos2, Align2, Color32, Rect, Stroke};

/// Height of the coverage strip, logical px.
pub const COVERAGE_H: f32 = 120.0;
/// Narrowest bucket, px.
const MIN_BUCKET_PX: f64 = 6.0;

/// One stretch of the timeline's x axis: days `a..b` drawn from `x0` px right of the
/// plot's left edge over `width` px (the whole plot, or one piece of a broken axis).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stretch {
    pub x0: f64,
    pub width: f64,
    pub a: f64,
    pub b: f64,
}

/// The buckets of one stretch and each lane's counts in them.
struct Bars {
    stretch: Stretch,
    starts: Vec<i64>,
    end: i64,
    counts: Vec<(Color32, Vec<crate::coverage::Count>)>,
}

/// Paints the strip into `rect` (the full width: labels in `label_w` on the left, bars to
/// the right on the timeline's own axis: each of `stretches` where the timeline draws it,
/// so under a broken axis the bars break where it does), for `lanes` bottom to top with
/// their colours. One bucket size and one peak for all stretches (they share one scale).
#[allow(clippy::too_many_arguments)]
pub fn paint_coverage(
    scene: &mut Scene,
    th: &Theme,
    cov: &Coverage,
    lanes: &[(CountryCode, Color32)],
    stretches: &[Stretch],
    rect: Rect,
    label_w: f32,
    m: &mut dyn Measure,
) {
    let plot = Rect::from_min_max(pos2(rect.left() + label_w, rect.top() + 6.0), rect.max);
    let days: f64 = stretches.iter().map(|s| (s.b - s.a).max(0.0)).sum();
    let width: f64 = stretches.iter().map(|s| s.width.max(0.0)).sum();
    if days <= 0.0 || width <= 0.0 {
        return;
    }
    let size = BucketSize::for_span(days, width / MIN_BUCKET_PX);
    let bars: Vec<Bars> = stretches
        .iter()
        .filter(|s| s.b > s.a)
        .map(|&stretch| {
            let (from, to) = (stretch.a.floor() as i64, stretch.b.ceil() as i64);
            let starts = size.starts(from, to);
            let end = starts.last().map_or(to, |&s| size.next(s)).max(to);
            let counts = lanes
                .iter()
                .filter_map(|(code, colour)| {
                    let days = cov.lane(*code, Counted::Events)?;
                    Some((*colour, days.roll_up(size, from, end)))
                })
                .collect();
            Bars {
                stretch,
                starts,
                end,
                counts,
            }
        })
        .collect();
    let peak = bars
        .iter()
        .flat_map(|bs| {
            (0..bs.starts.len()).map(|i| bs.counts.iter().map(|(_, c)| c[i].total()).sum::<u32>())
        })
        .max()
        .unwrap_or(0)
        .max(1);

    // Labels.
    scene.layer(None);
    let x0 = rect.left() + 8.0;
    scene.text(
        pos2(x0, rect.top() + 10.0),
        Align2::LEFT_TOP,
        "Coverage",
        13.0,
        th.text,
    );
    let per = format!("events per {}", size.name());
    scene.text(
        pos2(x0, rect.top() + 28.0),
        Align2::LEFT_TOP,
        super::text::shorten(m, &per, "", 11.0, label_w - 12.0),
        11.0,
        th.weak,
    );
    scene.text(
        pos2(x0, rect.top() + 44.0),
        Align2::LEFT_TOP,
        format!("peak {peak}"),
        11.0,
        th.weak,
    );
    scene.text(
        pos2(x0, rect.top() + 60.0),
        Align2::LEFT_TOP,
        "lighter: uncertain",
        11.0,
        th.weak,
    );

    // Bars, clipped to the plot and to their stretch.
    scene.layer(Some(plot));
    scene.rect(plot, 0.0, th.plot_bg, None);
    let y_scale = (plot.height() - 14.0) / peak as f32;
    for bs in &bars {
        let st = bs.stretch;
        let clip = Rect::from_min_max(
            pos2(plot.left() + st.x0 as f32, plot.top()),
            pos2(plot.left() + (st.x0 + st.width) as f32, plot.bottom()),
        );
        scene.layer(Some(clip.intersect(plot)));
        paint_bars(scene, th, cov, bs, plot, y_scale);
    }
    scene.layer(None);
    scene.line(
        pos2(plot.left(), plot.bottom()),
        pos2(plot.right(), plot.bottom()),
        Stroke::new(1.0, th.grid_major),
    );
}

/// The stacked bars and burst marks of one stretch.
fn paint_bars(scene: &mut Scene, th: &Theme, cov: &Coverage, bs: &Bars, plot: Rect, y_scale: f32) {
    let st = bs.stretch;
    let (starts, end) = (&bs.starts, bs.end);
    let x_of = |day: f64| plot.left() + (st.x0 + (day - st.a) / (st.b - st.a) * st.width) as f32;
    let mut base = vec![0.0f32; starts.len()];
    for (colour, c) in &bs.counts {
        for (i, n) in c.iter().enumerate() {
            if n.total() == 0 {
                continue;
            }
            let s = starts[i] as f64;
            let e = starts.get(i + 1).copied().unwrap_or(end) as f64;
            let (l, r) = (x_of(s), x_of(e));
            let pad = ((r - l) * 0.07).min(2.0);
            let (l, r) = (l + pad, (r - pad).max(l + pad + 0.8));
            let y = |v: f32| plot.bottom() - v * y_scale;
            let firm_top = base[i] + n.firm as f32;
            if n.firm > 0 {
                scene.rect(
                    Rect::from_min_max(pos2(l, y(firm_top)), pos2(r, y(base[i]))),
                    0.0,
                    *colour,
                    None,
                );
            }
            if n.uncertain > 0 {
                let top = firm_top + n.uncertain as f32;
                scene.rect(
                    Rect::from_min_max(pos2(l, y(top)), pos2(r, y(firm_top))),
                    0.0,
                    colour.gamma_multiply(0.35),
                    Some(Stroke::new(0.8, colour.gamma_multiply(0.8))),
                );
            }
            base[i] += n.total() as f32;
        }
    }
    for i in cov.burst_buckets(starts, end) {
        let s = starts[i] as f64;
        let e = starts.get(i + 1).copied().unwrap_or(end) as f64;
        let x = (x_of(s) + x_of(e)) / 2.0;
        let y = plot.bottom() - base[i] * y_scale - 3.0;
        scene.push(super::scene::Shape::Polygon {
            points: vec![pos2(x - 4.5, y - 8.0), pos2(x + 4.5, y - 8.0), pos2(x, y)],
            fill: th.conflict,
            stroke: None,
        });
    }
}
