//! The window driven headless with egui_kittest: open a corpus, read an event's source,
//! correct a publication date, cancel a load. No GPU, no display, no user data dir.

use dateline::gui::{AppConfig, DatelineApp};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod support;
use support::*;

#[test]
fn opens_paths_and_shows_lanes_and_source() {
    let (mut h, _config, _corpus) = loaded();

    let app = h.state();
    assert_eq!(app.corpus.articles.len(), 2);
    assert!(!app.corpus.events.is_empty());
    let lanes: Vec<String> = app.timeline.lanes().into_iter().map(|(_, l)| l).collect();
    assert!(
        lanes
            .iter()
            .any(|l| l.contains("Japan") && l.contains("JP")),
        "{lanes:?}"
    );
    assert!(lanes.iter().any(|l| l.contains("KP")), "{lanes:?}");
    let status = app.status.message.clone();
    assert!(status.contains("Loaded 2 articles"), "{status}");

    // The country filter lists the lanes by label.
    h.get(egui_kittest::kittest::by().value("All countries"))
        .click();
    h.run_steps(2);
    assert!(h.query_all_by_label_contains("· JP").next().is_some());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);

    // Search narrows the list to the missile sentence.
    let search = || egui_kittest::kittest::by().role(egui::accesskit::Role::TextInput);
    h.get(search()).click();
    h.run_steps(2);
    h.get(search()).type_text("missile");
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.view.filter.text, "missile");
    let rows = app.event_list.rows();
    assert!(!rows.is_empty() && rows.len() < app.corpus.events.len());
    assert!(rows.iter().all(|id| {
        let e = &app.corpus.events[*id as usize];
        let a = &app.corpus.articles[e.article as usize];
        a.text[e.sentence.clone()].contains("missile")
    }));
    // Click the event in the list: its paragraph and neighbours appear in the side panel.
    let nodes: Vec<_> = h.get_all_by_label("2023-09-30").collect();
    assert!(!nodes.is_empty());
    nodes[0].click();
    h.run_steps(3);
    let selected = h.state().sel.selected.expect("a row click selects");
    let e = &h.state().corpus.events[selected as usize];
    assert_eq!(e.span.start.to_string(), "2023-09-30");
    h.get_by_label(
        "North Korea fired a missile into the sea on 2023-09-30, officials in Japan said.",
    );
    h.get_by_label("It was the third launch this year.");
    // Title in the list row and as the panel's heading.
    assert!(h.query_all_by_label("Launch condemned").count() >= 2);
    h.get_by_label_contains("2023-10-02 · header-line");
}

#[test]
fn dropped_folder_loads_through_open_paths() {
    let first = tempfile::tempdir().unwrap();
    let dropped = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        first.path().join("one.txt"),
        "Only one\ndate: 2022-01-05\n\nJapan signed the deal on 2022-01-03.\n",
    )
    .unwrap();
    write_corpus(dropped.path());
    let mut h = harness(config.path(), vec![first.path().to_path_buf()]);
    wait_loaded(&mut h);
    assert_eq!(h.state().corpus.articles.len(), 1);

    h.input_mut()
        .dropped_files
        .push(Arc::new(TestDrop(dropped.path().to_path_buf())));
    h.step();
    assert!(h.state().is_loading(), "a drop starts a load");
    wait_loaded(&mut h);
    assert_eq!(h.state().corpus.articles.len(), 2);
    assert_eq!(h.state().corpus_paths, vec![dropped.path().to_path_buf()]);
}

#[test]
fn setting_pub_date_moves_relative_event_and_undo_restores() {
    let (mut h, config, _corpus) = loaded();

    let id = event_with_phrase(h.state(), "yesterday");
    assert_eq!(
        h.state().corpus.events[id as usize].span.start.to_string(),
        "2023-09-13"
    );
    h.state_mut().sel.selected = Some(id);
    h.run_steps(2);

    // Pick a date (as the date picker would) and press Apply in the source panel.
    let new = chrono::NaiveDate::from_ymd_opt(2024, 3, 6).unwrap();
    h.state_mut().correction_ui.set_draft_pub_date(new);
    h.get_by_label("Apply publication date").click();
    h.run_steps(3);

    let app = h.state();
    let id = event_with_phrase(app, "yesterday");
    assert_eq!(
        app.corpus.events[id as usize].span.start.to_string(),
        "2024-03-05"
    );
    assert_eq!(
        app.sel.selected,
        Some(id),
        "the selection follows its event"
    );
    let a = &app.corpus.articles[app.corpus.events[id as usize].article as usize];
    assert_eq!(a.pub_date.as_ref().unwrap().date, new);
    assert!(
        config.path().join("corrections.json").exists(),
        "saved to the test dir"
    );
    // The explicit date in the same article does not move.
    let explicit = event_with_phrase(app, "2023-09-12");
    assert_eq!(
        app.corpus.events[explicit as usize].span.start.to_string(),
        "2023-09-12"
    );

    // Ctrl+Z undoes it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    let app = h.state();
    let id = event_with_phrase(app, "yesterday");
    assert_eq!(
        app.corpus.events[id as usize].span.start.to_string(),
        "2023-09-13"
    );
}

#[test]
fn hide_event_removes_it_from_the_list() {
    let (mut h, _config, _corpus) = loaded();
    let id = event_with_phrase(h.state(), "2023-09-30");
    let before = h.state().event_list.rows().len();
    h.state_mut().sel.selected = Some(id);
    h.run_steps(2);
    h.get_by_label("Hide this event").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.event_list.rows().len(), before - 1);
    assert!(app.corpus.events.iter().any(|e| e.hidden));
    assert_eq!(app.sel.selected, None);
}

#[test]
fn cancel_keeps_previous_corpus() {
    let small = tempfile::tempdir().unwrap();
    let big = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_corpus(small.path());
    for i in 0..3000 {
        std::fs::write(
            big.path().join(format!("a{i:04}.txt")),
            format!("Article {i}\ndate: 2021-02-03\n\nJapan reported on 2021-02-01 that talks went on.\n"),
        )
        .unwrap();
    }
    let mut h = harness(config.path(), vec![small.path().to_path_buf()]);
    wait_loaded(&mut h);
    h.state_mut().open_paths(vec![big.path().to_path_buf()]);
    h.step();
    h.get_by_label("Cancel").click();
    h.step();
    assert!(h.state().loader.as_ref().is_none_or(|l| l.is_cancelling()));
    wait_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.corpus.articles.len(), 2, "previous corpus still shown");
    assert!(
        app.status.message.contains("cancelled"),
        "{}",
        app.status.message
    );
}

/// Until the first events arrive the timeline says it is reading instead of drawing an
/// empty axis; once they are in, the chart replaces the line.
#[test]
fn reading_line_until_the_first_events() {
    let big = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(
            big.path().join(format!("a{i:04}.txt")),
            format!("Article {i}\ndate: 2021-02-03\n\nJapan reported on 2021-02-01 that talks went on.\n"),
        )
        .unwrap();
    }
    let mut h = harness(config.path(), vec![big.path().to_path_buf()]);
    h.step();
    assert!(
        h.state().corpus.events.is_empty(),
        "3,000 files are not read in one frame"
    );
    h.get_by_label("Reading the articles…");
    wait_loaded(&mut h);
    h.run_steps(2);
    assert!(h.query_by_label("Reading the articles…").is_none());
    h.get_by_label("Japan · JP");
}

#[test]
fn missing_path_is_reported_not_fatal() {
    let config = tempfile::tempdir().unwrap();
    let mut h = harness(
        config.path(),
        vec![PathBuf::from("/nonexistent/dateline-test")],
    );
    wait_loaded(&mut h);
    assert!(h.state().status.is_error);
    assert!(h.state().corpus.articles.is_empty());
}

/// Runs frames until the status bar says `what` (bounded).
fn wait_status(h: &mut Harness<'_, DatelineApp>, what: &str) {
    let t = Instant::now();
    while !h.state().status.message.contains(what) {
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "status never said {what:?}: {:?}",
            h.state().status.message
        );
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn export_from_the_menu_draws_the_chart_not_the_window() {
    use dateline::gui::export::ExportKind;
    let (mut h, config, _corpus) = loaded();
    // Copy: no dialog, the picture goes to the clipboard.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Copy chart image").click();
    wait_status(&mut h, "copied to the clipboard");
    assert!(!h.state().status.is_error);

    // PNG at 2×: with no file dialog on this machine it lands in the isolated folder.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export PNG (2×, for slides)…")
        .click();
    wait_status(&mut h, "Chart saved to");
    let png = std::fs::read_dir(config.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("a PNG in the export folder");
    let img = image::open(&png).unwrap();
    // Twice the chart's width in points, and taller than the window's lanes need.
    assert!(
        img.width() >= 1800 && img.width() % 2 == 0,
        "{}",
        img.width()
    );
    // No temp file left behind.
    let leftovers = std::fs::read_dir(config.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);

    // SVG straight through the app's export path.
    let svg = config.path().join("chart.svg");
    h.state_mut().export_to(Some(svg.clone()), ExportKind::Svg);
    wait_status(&mut h, "chart.svg");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<text") && text.contains("Japan · JP"));
    // The coverage chart is open in the window, so the export has it too; closed, not.
    assert!(text.contains(">Coverage<"), "{text}");
    h.state_mut().coverage_open = false;
    let closed = config.path().join("closed.svg");
    h.state_mut()
        .export_to(Some(closed.clone()), ExportKind::Svg);
    wait_status(&mut h, "closed.svg");
    let text = std::fs::read_to_string(&closed).unwrap();
    assert!(text.contains("Japan · JP") && !text.contains(">Coverage<"));
}

#[test]
fn no_paths_opens_the_bundled_sample() {
    let config = tempfile::tempdir().unwrap();
    let mut h = harness(config.path(), vec![]);
    wait_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.corpus_name, "sample corpus");
    assert!(app.corpus.articles.len() >= 5, "{}", app.status.message);
    assert!(!app.corpus.events.is_empty());
    assert!(!app.timeline.lanes().is_empty());
}

#[test]
fn reopens_stored_paths_when_none_given() {
    let corpus = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_corpus(corpus.path());
    let stored = vec![corpus.path().to_path_buf()];
    let app = DatelineApp::with_context(
        egui::Context::default(),
        AppConfig::isolated(config.path()),
        vec![],
        Some(stored.clone()),
    );
    let loader = app.loader.as_ref().expect("loading starts at once");
    assert_eq!(loader.paths, stored);
    // Stored paths that no longer exist fall back to the sample.
    let app = DatelineApp::with_context(
        egui::Context::default(),
        AppConfig::isolated(config.path()),
        vec![],
        Some(vec![PathBuf::from("/nonexistent/dateline")]),
    );
    assert_eq!(
        app.loader.as_ref().unwrap().paths,
        vec![dateline::pipeline::sample_dir()]
    );
}

/// A million rows: filtering/sorting happens once, each frame only lays out visible rows.
#[test]
fn event_list_stays_fast_with_a_million_rows() {
    use dateline::gui::context::{Filter, PanelCtx};
    use dateline::gui::event_list::{EventList, Sort};
    use dateline::gui::selection::Selection;
    use dateline::model::*;
    use dateline::view::View;
    let day0 = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let jp = CountryCode::parse("JP").unwrap();
    let mut corpus = Corpus::default();
    corpus.articles.push(Article {
        title: "Synthetic".into(),
        text: "On 2001-02-03 Japan said so.".into(),
        ..Default::default()
    });
    corpus.events = (0..1_000_000u32)
        .map(|i| Event {
            article: 0,
            paragraph: 0,
            sentence: 0..28,
            date_range: 3..13,
            timex_value: Default::default(),
            span: DateSpan::day(day0 + chrono::Days::new(u64::from(i) * 7919 % 9000)),
            countries: vec![jp].into(),
            country_spans: Default::default(),
            date_source: DateSource::Explicit,
            confidence: 0.9,
            note: Default::default(),
            cluster: i,
            hidden: false,
            salience: 0.0,
        })
        .collect();
    let t = Instant::now();
    let rows = dateline::gui::event_list::visible_events(
        &corpus,
        &Filter::default(),
        None,
        Sort::DateAscending,
    );
    assert_eq!(rows.len(), 1_000_000);
    let first = corpus.events[rows[0] as usize].span.start;
    assert!(rows.windows(2).take(1000).all(|w| {
        corpus.events[w[0] as usize].span.start <= corpus.events[w[1] as usize].span.start
    }));
    assert_eq!(first, day0);
    eprintln!("filter+sort of 1M rows: {:?}", t.elapsed());

    let state = (
        corpus,
        EventList::default(),
        Selection::default(),
        View::default(),
    );
    let mut h = Harness::builder()
        .with_size([1000.0, 400.0])
        .build_ui_state(
            |ui, (corpus, list, sel, view): &mut (Corpus, EventList, Selection, View)| {
                list.ui(ui, &PanelCtx::new(corpus, 1, sel, view));
            },
            state,
        );
    h.run_steps(2);
    let t = Instant::now();
    h.run_steps(10);
    let per_frame = t.elapsed() / 10;
    eprintln!("event list frame with 1M rows: {per_frame:?}");
    assert!(per_frame < Duration::from_millis(100), "{per_frame:?}");
    assert_eq!(h.state().1.rows().len(), 1_000_000);
}

#[test]
fn per_file_problems_reach_the_status_bar_and_overview() {
    let corpus = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_corpus(corpus.path());
    std::fs::write(
        corpus.path().join("broken.json"),
        "{ \"title\": \"Half a file",
    )
    .unwrap();
    let mut h = harness(config.path(), vec![corpus.path().to_path_buf()]);
    wait_loaded(&mut h);
    let problems = dateline::gui::status_bar::problem_count(&h.state().corpus);
    assert!(problems > 0, "a broken JSON file is a problem");
    // "1 problem", "2 problems": the status bar counts in words.
    let label = if problems == 1 {
        "1 problem".to_string()
    } else {
        format!("{problems} problems")
    };
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(h.state().overview.open);
    h.get_by_label_contains("Problems (");
    // Doubtful publication dates are listed first.
    let order = dateline::gui::overview::doubtful_first(&h.state().corpus);
    let app = h.state();
    let conf = |i: usize| {
        app.corpus.articles[order[i] as usize]
            .pub_date
            .as_ref()
            .map_or(-1.0, |d| d.confidence)
    };
    assert!((1..order.len()).all(|i| conf(i - 1) <= conf(i)));
}

#[test]
fn corroborating_sources_are_listed_and_clickable() {
    let config = tempfile::tempdir().unwrap();
    let mut h = harness(config.path(), vec![dateline::pipeline::sample_dir()]);
    wait_loaded(&mut h);
    let app = h.state();
    let Some(cluster) = app.corpus.clusters.iter().find(|c| {
        c.sources >= 2
            && c.events.len() >= 2
            && c.events
                .iter()
                .all(|e| !app.corpus.events[*e as usize].hidden)
    }) else {
        panic!("the sample corpus should have a happening reported by two sources");
    };
    let (first, second) = (cluster.events[0], cluster.events[1]);
    let n = cluster.sources;
    h.state_mut().sel.selected = Some(first);
    h.run_steps(3);
    h.get_by_label(&format!("Reported by {n} sources"));
    let app = h.state();
    let ev = &app.corpus.events[second as usize];
    let art = &app.corpus.articles[ev.article as usize];
    let title = if art.title.trim().is_empty() {
        &art.path
    } else {
        &art.title
    };
    let entry = format!(
        "{title} — “{}” — {}",
        &art.text[ev.date_range.clone()],
        ev.span
    );
    h.get_by_label(&entry).click();
    h.run_steps(3);
    let app = h.state();
    let shown = app.source.shown_event(&app.corpus, &app.sel);
    assert_eq!(shown, Some(second));
    assert_eq!(app.sel.selected, Some(first), "the selection itself stays");
}

#[test]
fn event_date_spans_follow_the_chosen_precision() {
    use dateline::gui::correction::span_with_precision;
    use dateline::model::Precision;
    let d = chrono::NaiveDate::from_ymd_opt(2024, 2, 17).unwrap();
    let m = span_with_precision(d, Precision::Month).unwrap();
    assert_eq!(
        (m.start.to_string(), m.end.to_string()),
        ("2024-02-01".into(), "2024-02-29".into())
    );
    let y = span_with_precision(d, Precision::Year).unwrap();
    assert_eq!(y.to_string(), "2024");
    assert!(span_with_precision(d, Precision::Day)
        .unwrap()
        .is_single_day());
}

#[test]
fn setting_an_event_date_through_the_panel() {
    let (mut h, _config, _corpus) = loaded();
    let id = event_with_phrase(h.state(), "2023-09-30");
    h.state_mut().sel.selected = Some(id);
    h.run_steps(2);
    let d = chrono::NaiveDate::from_ymd_opt(2023, 9, 29).unwrap();
    h.state_mut().correction_ui.event_date = dateline::gui::correction::to_jiff(d);
    h.get_by_label("Apply event date").click();
    h.run_steps(3);
    let app = h.state();
    let id = event_with_phrase(app, "2023-09-30");
    let e = &app.corpus.events[id as usize];
    assert_eq!(e.span.to_string(), "2023-09-29");
    assert_eq!(e.date_source, dateline::model::DateSource::User);
}
