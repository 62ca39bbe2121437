//! A new corpus (a load's snapshot or end, a watched update, a correction) reaches the
//! panels with its corpus-sized data made beside it (`gui::derived`): the UI pass that takes
//! it counts nothing itself. Counted, not timed: the app counts every time a panel works
//! out lane order, coverage counts, status counts or event rows on its own.

use egui_kittest::Harness;
use std::time::{Duration, Instant};

mod support;
use support::*;

fn visible(app: &dateline::gui::DatelineApp) -> usize {
    app.corpus.events.iter().filter(|e| !e.hidden).count()
}

fn run_until(
    h: &mut Harness<'_, dateline::gui::DatelineApp>,
    what: &str,
    done: impl Fn(&dateline::gui::DatelineApp) -> bool,
) {
    let t = Instant::now();
    while !done(h.state()) {
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "{what} did not happen"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    h.run_steps(3);
}

#[test]
fn a_new_corpus_is_taken_without_counting_it_on_the_ui_thread() {
    let (mut h, _config, corpus) = loaded();
    let rows = h.state().event_list.rows().len();
    assert_eq!(rows, visible(h.state()));
    let before = h.state().ui_rebuilds();

    // Opened again: the whole load arrives with its data made; nothing is recounted.
    let paths = vec![corpus.path().to_path_buf()];
    h.state_mut().open_paths(paths);
    wait_loaded(&mut h);
    let app = h.state();
    assert_eq!(app.ui_rebuilds(), before, "the reopen was recounted");
    assert_eq!(app.event_list.rows().len(), rows);
    assert!(app.status.message.contains("Loaded 2 articles"));

    // A correction takes the same derivation, made once for the corrected corpus.
    let id = event_with_phrase(h.state(), "2023-09-30");
    h.state_mut().hide_event(id);
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.ui_rebuilds(), before, "the correction was recounted");
    assert_eq!(app.event_list.rows().len(), rows - 1);
    assert!(!app.event_list.rows().contains(&id));

    // A country filter makes the list sort its rows once here (the filter changed, not
    // the corpus)...
    let japan = app
        .corpus
        .events
        .iter()
        .flat_map(|e| e.countries.iter().copied())
        .find(|c| dateline::timeline::lane_label(*c).contains("Japan"))
        .expect("a Japan event");
    h.state_mut().view.filter.country = Some(japan);
    h.run_steps(3);
    let after_filter = h.state().ui_rebuilds();
    assert!(after_filter > before, "a new filter is sorted here");

    // ...and the watcher, told of it, sends a changed folder's rows already filtered.
    std::fs::write(
        corpus.path().join("third.txt"),
        "Quotas agreed\ndate: 2023-11-02\n\n\
         Japan and Russia agreed on salmon quotas on 2023-11-01, the ministry said.\n",
    )
    .unwrap();
    run_until(&mut h, "the watched update", |app| {
        app.corpus.articles.len() == 3
    });
    let app = h.state();
    assert_eq!(app.ui_rebuilds(), after_filter, "the update was recounted");
    let rows = app.event_list.rows();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|&r| {
        let e = &app.corpus.events[r as usize];
        !e.hidden && e.countries.contains(&japan)
    }));
    let want = app
        .corpus
        .events
        .iter()
        .filter(|e| !e.hidden && e.countries.contains(&japan))
        .count();
    assert_eq!(rows.len(), want);
}

#[test]
fn a_replaced_layout_is_freed_off_the_ui_thread() {
    use dateline::gui::loader::sent_away_here;
    use dateline::gui::timeline_panel::TimelinePanel;
    use dateline::pipeline::{self, LoadOptions, Progress};
    use dateline::timeline::layout::Layout;
    let paths = [pipeline::sample_dir()];
    let corpus = pipeline::load(&paths, &LoadOptions::default(), &Progress::default()).unwrap();
    let mut panel = TimelinePanel::new();
    panel.set_layout(Layout::build(&corpus), 1, 1, true);
    let lanes = panel.lanes();
    assert!(!lanes.is_empty());
    // A snapshot replacing the last one: its layout (a million events' worth at the end of
    // a large load) is handed to another thread to free, counted on this one.
    let before = sent_away_here();
    panel.set_layout(Layout::build(&corpus), 2, 1, false);
    assert_eq!(
        sent_away_here(),
        before + 1,
        "the old layout was freed here"
    );
    assert_eq!(panel.lanes(), lanes);
}
