//! A new corpus (a load's snapshot or end, a watched update, a correction) reaches the
//! panels with its corpus-sized data made beside it (`gui::derived`): the UI pass that takes
//! it counts nothing itself. A correction and the top-N / pinned-only filters are made on a
//! worker (`gui::rebuild`) and equal what the window made on its own thread before.
//! Counted, not timed: the app counts every time a panel works out lane order, coverage
//! counts, status counts, event rows or a layout on its own, and every correction or mask
//! made at once on the UI thread.

use dateline::gui::action::Action;
use dateline::gui::event_list::visible_events;
use dateline::gui::{AppConfig, DatelineApp};
use dateline::model::{Corpus, CountryCode};
use dateline::timeline::layout::Layout;
use egui_kittest::Harness;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod support;
use support::*;

/// A window that makes every correction and mask change on its worker, however small the
/// corpus (the default does a small one at once).
fn background_harness(
    config_dir: &std::path::Path,
    paths: Vec<PathBuf>,
) -> Harness<'static, DatelineApp> {
    let config = AppConfig {
        background_from: 0,
        ..AppConfig::isolated(config_dir)
    };
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| DatelineApp::new(cc, config, paths));
    wait_loaded(&mut h);
    h
}

/// Lanes (code, label) of a layout, as `TimelinePanel::lanes` lists them.
fn lanes_of(layout: &Layout) -> Vec<(CountryCode, String)> {
    layout
        .lanes
        .iter()
        .filter_map(|l| l.code.map(|c| (c, l.label.clone())))
        .collect()
}

/// Runs frames until the rebuild jobs started reach `started` and none is running.
fn rebuilt(h: &mut Harness<'_, DatelineApp>, started: u64) {
    run_until(h, "the rebuild", |app| {
        app.rebuild_jobs().0 >= started && !app.is_rebuilding()
    });
}

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
    let (config, corpus) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_corpus(corpus.path());
    let mut h = background_harness(config.path(), vec![corpus.path().to_path_buf()]);
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

    // A correction takes the same derivation, made on a worker for the corrected corpus.
    let id = event_with_phrase(h.state(), "2023-09-30");
    let jobs = h.state().rebuild_jobs().0;
    h.state_mut().hide_event(id);
    rebuilt(&mut h, jobs + 1);
    let app = h.state();
    assert_eq!(app.ui_rebuilds(), before, "the correction was recounted");
    assert_eq!(app.event_list.rows().len(), rows - 1);
    assert!(!app.event_list.rows().contains(&id));

    // A country filter: the list's rows are made on a worker too (the filter changed, not
    // the corpus)...
    let japan = app
        .corpus
        .events
        .iter()
        .flat_map(|e| e.countries.iter().copied())
        .find(|c| dateline::timeline::lane_label(*c).contains("Japan"))
        .expect("a Japan event");
    let list_jobs = h.state().list_jobs().0;
    h.state_mut().view.filter.country = Some(japan);
    run_until(&mut h, "the filtered rows", |app| {
        app.list_jobs().0 > list_jobs && !app.is_making_rows()
    });
    let after_filter = h.state().ui_rebuilds();
    assert_eq!(after_filter, before, "a new filter was sorted here");

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

#[test]
fn a_correction_and_the_masking_filters_are_made_on_the_worker_as_the_window_made_them() {
    let config = tempfile::tempdir().unwrap();
    let mut h = background_harness(config.path(), vec![dateline::pipeline::sample_dir()]);
    let before = h.state().ui_rebuilds();
    let old = Arc::clone(&h.state().corpus);
    assert!(old.events.len() > 20, "the sample has events");

    // A publication date set: the corpus on screen stays until the worker's copy is ready.
    let jobs = h.state().rebuild_jobs().0;
    let date = chrono::NaiveDate::from_ymd_opt(2020, 2, 4).unwrap();
    h.state_mut().set_pub_date(0, date);
    assert!(h.state().is_rebuilding(), "made on a worker");
    assert!(
        Arc::ptr_eq(&h.state().corpus, &old),
        "the old corpus stays shown"
    );
    rebuilt(&mut h, jobs + 1);
    let app = h.state();
    // What the window did on its own thread before: the corpus corrected in place.
    let mut sync = Corpus::clone(&old);
    dateline::pipeline::apply_corrections(&mut sync, &app.corrections);
    assert_eq!(app.corpus.events, sync.events);
    let pub_date = |c: &Corpus| c.articles[0].pub_date.as_ref().map(|p| p.date);
    assert_eq!(pub_date(&app.corpus), Some(date));
    assert_eq!(pub_date(&sync), Some(date));
    assert_ne!(pub_date(&old), Some(date));
    let sort = app.event_list.sort;
    let rows = visible_events(&sync, &app.view.filter, None, sort);
    assert_eq!(app.event_list.rows(), rows.as_slice());
    assert_eq!(app.timeline.lanes(), lanes_of(&Layout::build(&sync)));
    assert_eq!(app.ui_rebuilds(), before, "the correction was made here");

    // Top N: the list and the timeline show only the N most salient happenings.
    let jobs = h.state().rebuild_jobs().0;
    h.state_mut().apply(Action::SetTopN(Some(3)));
    rebuilt(&mut h, jobs + 1);
    let app = h.state();
    let keep = app.view.event_mask(&app.corpus).expect("a mask");
    let mask = dateline::gui::context::EventMask { key: 0, keep };
    let rows = visible_events(&app.corpus, &app.view.filter, Some(&mask), sort);
    assert!(!rows.is_empty() && rows.len() < app.corpus.events.len());
    assert_eq!(app.event_list.rows(), rows.as_slice());
    let layout = Layout::build_where(&app.corpus, |i| mask.keeps(i));
    assert_eq!(app.timeline.lanes(), lanes_of(&layout));
    assert_eq!(app.ui_rebuilds(), before, "the mask was made here");

    // Pinned only, then a pin: each a new mask, made there too.
    let pinned = rows[0];
    let jobs = h.state().rebuild_jobs().0;
    h.state_mut().apply(Action::SetTopN(None));
    h.state_mut().apply(Action::SetPinnedOnly(true));
    rebuilt(&mut h, jobs + 1);
    assert!(h.state().event_list.rows().is_empty(), "nothing pinned yet");
    let jobs = h.state().rebuild_jobs().0;
    h.state_mut().apply(Action::TogglePin(pinned));
    rebuilt(&mut h, jobs + 1);
    let app = h.state();
    let keep = app.view.event_mask(&app.corpus).expect("a mask");
    let mask = dateline::gui::context::EventMask { key: 0, keep };
    let rows = visible_events(&app.corpus, &app.view.filter, Some(&mask), sort);
    assert!(rows.contains(&pinned));
    assert_eq!(app.event_list.rows(), rows.as_slice());
    let layout = Layout::build_where(&app.corpus, |i| mask.keeps(i));
    assert_eq!(app.timeline.lanes(), lanes_of(&layout));
    assert_eq!(app.ui_rebuilds(), before, "the pin's mask was made here");

    // A request while one runs supersedes it: only the last one's result is shown.
    let (started, superseded) = h.state().rebuild_jobs();
    h.state_mut().apply(Action::SetPinnedOnly(false));
    h.state_mut().apply(Action::SetTopN(Some(2)));
    h.step();
    h.state_mut().apply(Action::SetTopN(Some(5)));
    rebuilt(&mut h, started + 2);
    let app = h.state();
    let keep = app.view.event_mask(&app.corpus).expect("a mask");
    let mask = dateline::gui::context::EventMask { key: 0, keep };
    let rows = visible_events(&app.corpus, &app.view.filter, Some(&mask), sort);
    assert_eq!(app.event_list.rows(), rows.as_slice());
    let (now_started, now_superseded) = app.rebuild_jobs();
    assert_eq!(now_started, started + 2);
    assert!(now_superseded <= superseded + 1);
    assert_eq!(app.ui_rebuilds(), before);
}

/// A change made to the window, as a click or typing would.
type Change = Box<dyn Fn(&mut DatelineApp)>;

/// Runs frames until no job making the list's rows is running and `started` were started.
fn rows_made(h: &mut Harness<'_, DatelineApp>, started: u64) {
    run_until(h, "the list's rows", |app| {
        app.list_jobs().0 >= started && !app.is_making_rows() && !app.is_rebuilding()
    });
}

/// A country filter, a search and a sort change, with a mask on and off: the list's rows are
/// made on a worker (the rows shown stay until then) and equal what the list made itself.
#[test]
fn the_lists_filter_search_and_sort_are_made_on_the_worker_as_the_list_made_them() {
    use dateline::gui::event_list::Sort;
    let config = tempfile::tempdir().unwrap();
    let mut h = background_harness(config.path(), vec![dateline::pipeline::sample_dir()]);
    let before = h.state().ui_rebuilds();
    let country = h.state().corpus.events[0].countries[0];
    let word = {
        let app = h.state();
        let e = &app.corpus.events[app.corpus.events.len() / 2];
        let a = &app.corpus.articles[e.article as usize];
        let sentence = &a.text[e.sentence.clone()];
        sentence
            .split_whitespace()
            .find(|w| w.len() > 5 && w.chars().all(char::is_alphabetic))
            .expect("a word")
            .to_string()
    };
    let check = |app: &DatelineApp, what: &str| {
        let mask = app
            .view
            .event_mask(&app.corpus)
            .map(|keep| dateline::gui::context::EventMask { key: 0, keep });
        let rows = visible_events(
            &app.corpus,
            &app.view.filter,
            mask.as_ref(),
            app.event_list.sort,
        );
        assert_eq!(app.event_list.rows(), rows.as_slice(), "{what}");
    };
    for top_n in [None, Some(6)] {
        let jobs = h.state().rebuild_jobs().0;
        h.state_mut().apply(Action::SetTopN(top_n));
        rebuilt(&mut h, jobs + u64::from(top_n.is_some()));
        let steps: [(&str, Change); 4] = [
            (
                "a country filter",
                Box::new(move |app| app.apply(Action::SetCountryFilter(Some(country)))),
            ),
            (
                "a search",
                Box::new({
                    let word = word.clone();
                    move |app| app.apply(Action::SetSearch(word.clone()))
                }),
            ),
            (
                "sorted by salience",
                Box::new(|app| app.event_list.sort = Sort::Salience),
            ),
            (
                "filters cleared, sorted by date",
                Box::new(|app| {
                    app.apply(Action::SetCountryFilter(None));
                    app.apply(Action::SetSearch(String::new()));
                    app.event_list.sort = Sort::DateDescending;
                }),
            ),
        ];
        for (what, change) in steps {
            let shown = h.state().event_list.rows().to_vec();
            let jobs = h.state().list_jobs().0;
            change(h.state_mut());
            h.step();
            let app = h.state();
            assert_eq!(app.list_jobs().0, jobs + 1, "{what}: made on a worker");
            if app.is_making_rows() {
                assert_eq!(
                    app.event_list.rows(),
                    shown.as_slice(),
                    "{what}: the old rows stay"
                );
            }
            rows_made(&mut h, jobs + 1);
            check(h.state(), what);
        }
        assert!(h.state().view.filter.country.is_none());
    }
    assert_eq!(
        h.state().ui_rebuilds(),
        before,
        "rows were made on the UI thread"
    );
}
