//! The coverage chart (issue 21) driven headless: it appears with the sample, a box drag
//! zooms the timeline, the legend hides a country's series, a click on a bar lists that
//! bucket's events, and the chart follows the timeline's zoom.

mod support;
use support::*;

use dateline::gui::DatelineApp;
use egui::{pos2, Pos2};
use egui_kittest::kittest::{by, Queryable};
use egui_kittest::Harness;

fn sample() -> (Harness<'static, DatelineApp>, tempfile::TempDir) {
    let config = tempfile::tempdir().unwrap();
    let mut h = harness(config.path(), vec![dateline::pipeline::sample_dir()]);
    wait_loaded(&mut h);
    h.run_steps(3);
    (h, config)
}

fn chart_rect(h: &Harness<'_, DatelineApp>) -> egui::Rect {
    h.get_by_label("Coverage chart").rect()
}

fn button(h: &Harness<'_, DatelineApp>, pos: Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// The day under screen x in the chart, from the timeline's range.
fn day_at(h: &Harness<'_, DatelineApp>, x: f32) -> f64 {
    let r = chart_rect(h);
    let (a, b) = h.state().timeline.range();
    a + f64::from((x - r.left()) / r.width()) * (b - a)
}

#[test]
fn the_chart_appears_with_the_sample() {
    let (h, _config) = sample();
    let shown = h.state().coverage.shown();
    assert!(shown.size.is_some());
    assert!(shown.lanes.len() >= 3, "{:?}", shown.lanes.len());
    let total: u32 = shown
        .lanes
        .iter()
        .flat_map(|(_, c)| c.iter().map(|c| c.total()))
        .sum();
    assert!(total > 10, "{total} events counted");
    h.get_by_label("Coverage");
    // It lines up with the timeline: same width as the timeline's plot, right edges equal.
    let r = chart_rect(&h);
    assert!(r.width() > 300.0 && r.height() > 50.0, "{r:?}");
}

#[test]
fn box_select_on_the_chart_sets_the_timeline_range() {
    let (mut h, _config) = sample();
    let r = chart_rect(&h);
    let (x1, x2) = (r.left() + r.width() * 0.3, r.left() + r.width() * 0.6);
    let (want_a, want_b) = (day_at(&h, x1), day_at(&h, x2));
    let y = r.center().y;
    h.hover_at(pos2(x1, y));
    h.run_steps(2);
    button(&h, pos2(x1, y), true);
    h.run_steps(2);
    for i in 1..=5 {
        h.hover_at(pos2(x1 + (x2 - x1) * i as f32 / 5.0, y - 10.0));
        h.run_steps(1);
    }
    button(&h, pos2(x2, y - 10.0), false);
    h.run_steps(5);
    let (a, b) = h.state().timeline.range();
    let tol = (want_b - want_a) * 0.03;
    assert!((a - want_a).abs() < tol, "{a} vs {want_a}");
    assert!((b - want_b).abs() < tol, "{b} vs {want_b}");
    assert!(
        h.state().view.filter.period.is_none(),
        "a drag is not a click"
    );
}

#[test]
fn toggling_a_country_in_the_legend_hides_its_series() {
    let (mut h, _config) = sample();
    let lanes = |h: &Harness<'_, DatelineApp>| -> Vec<String> {
        h.state()
            .coverage
            .shown()
            .lanes
            .iter()
            .map(|(c, _)| c.to_string())
            .collect()
    };
    let before = lanes(&h);
    let code = before[0].clone();
    h.get(by().role(egui::accesskit::Role::CheckBox).label(&code))
        .click();
    h.run_steps(3);
    let after = lanes(&h);
    assert!(!after.contains(&code), "{after:?}");
    assert_eq!(after.len(), before.len() - 1);
    // The timeline keeps the lane: the legend is the chart's.
    assert!(h
        .state()
        .timeline
        .lanes()
        .iter()
        .any(|(c, _)| c.to_string() == code));
    h.get(by().role(egui::accesskit::Role::CheckBox).label(&code))
        .click();
    h.run_steps(3);
    assert_eq!(lanes(&h), before);
}

#[test]
fn clicking_a_bar_lists_that_buckets_events_and_the_chart_follows_zoom() {
    let (mut h, _config) = sample();
    // The busiest bucket.
    let shown = h.state().coverage.shown().clone();
    let busiest = (0..shown.starts.len())
        .max_by_key(|&b| shown.lanes.iter().map(|(_, c)| c[b].total()).sum::<u32>())
        .unwrap();
    let mid = (shown.starts[busiest] as f64 + 0.5).max(
        (shown.starts[busiest] + shown.starts.get(busiest + 1).copied().unwrap_or(shown.end))
            as f64
            / 2.0,
    );
    let r = chart_rect(&h);
    let (a, b) = h.state().timeline.range();
    let x = r.left() + ((mid - a) / (b - a)) as f32 * r.width();
    let p = pos2(x, r.bottom() - 5.0);
    h.hover_at(p);
    h.run_steps(2);
    button(&h, p, true);
    button(&h, p, false);
    h.run_steps(3);
    let app = h.state();
    let (first, last) = app.view.filter.period.expect("a click filters by period");
    let rows = app.event_list.rows();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|id| {
        let e = &app.corpus.events[*id as usize];
        e.span.start <= last && first <= e.span.end
    }));

    // Zooming the timeline in gives the chart finer buckets or a narrower range.
    let before = app.coverage.shown().clone();
    for _ in 0..6 {
        h.key_press(egui::Key::Plus);
        h.run_steps(2);
    }
    h.run_steps(3);
    let after = h.state().coverage.shown();
    assert!(
        after.size < before.size || (after.end - after.starts[0]) < (before.end - before.starts[0]),
        "{:?} {:?}",
        after.size,
        before.size
    );
}
