//! The window's feel, driven headless: keyboard paths (from the shortcut table), pins and
//! "pinned only", top N on the list and the timeline, lanes hidden and moved, the view saved
//! per corpus and restored, named views, the Help panel.

mod support;
use support::*;

use dateline::gui::shortcuts::SHORTCUTS;
use dateline::gui::DatelineApp;
use dateline::view::ViewStore;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;

fn key(h: &mut Harness<'_, DatelineApp>, k: Key) {
    h.key_press(k);
    h.run_steps(3);
}

fn jp() -> dateline::model::CountryCode {
    dateline::model::CountryCode::parse("JP").unwrap()
}

#[test]
fn arrows_step_through_the_list_enter_opens_the_source_escape_clears() {
    let (mut h, _config, _corpus) = loaded();
    let rows = h.state().event_list.rows().to_vec();
    assert!(rows.len() >= 3, "{rows:?}");

    key(&mut h, Key::ArrowDown);
    assert_eq!(h.state().sel.selected, Some(rows[0]), "first row");
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::ArrowDown);
    assert_eq!(h.state().sel.selected, Some(rows[2]));
    key(&mut h, Key::ArrowUp);
    assert_eq!(h.state().sel.selected, Some(rows[1]));

    key(&mut h, Key::Enter);
    let app = h.state();
    let file = app.corpus.article_of(rows[1]).file.clone();
    assert_eq!(app.last_opened.as_ref(), Some(&file));

    key(&mut h, Key::P);
    assert!(h.state().view.is_pinned(&h.state().corpus, rows[1]));

    // Esc: first the selection, then the filters.
    h.state_mut().view.filter.text = "missile".into();
    h.run_steps(2);
    key(&mut h, Key::Escape);
    assert_eq!(h.state().sel.selected, None);
    assert_eq!(h.state().view.filter.text, "missile");
    key(&mut h, Key::Escape);
    assert!(h.state().view.filter.text.is_empty());
}

#[test]
fn zoom_pan_and_fit_keys_move_the_timeline() {
    let (mut h, _config, _corpus) = loaded();
    let fitted = h.state().timeline.view();
    key(&mut h, Key::Plus);
    let zoomed = h.state().timeline.view();
    assert!(zoomed.px_per_day > fitted.px_per_day * 1.2, "{zoomed:?}");
    key(&mut h, Key::Minus);
    key(&mut h, Key::Minus);
    assert!(h.state().timeline.view().px_per_day < zoomed.px_per_day / 2.0);
    let before = h.state().timeline.view();
    key(&mut h, Key::ArrowRight);
    let after = h.state().timeline.view();
    assert!(after.left > before.left, "{before:?} → {after:?}");
    key(&mut h, Key::ArrowLeft);
    key(&mut h, Key::ArrowLeft);
    assert!(h.state().timeline.view().left < before.left);
    key(&mut h, Key::F);
    let v = h.state().timeline.view();
    assert!((v.left - fitted.left).abs() < 1e-6, "{v:?} vs {fitted:?}");
    // Shift+F is not F.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Plus);
    h.run_steps(2);
    assert!(
        h.state().timeline.view().px_per_day > v.px_per_day,
        "Shift+'+' is '+'"
    );
}

#[test]
fn ctrl_f_focuses_search_and_keys_then_type_into_it() {
    let (mut h, _config, _corpus) = loaded();
    let before = h.state().timeline.view();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    // While the search box has the focus, F is a letter, not Fit.
    h.event(egui::Event::Text("f".into()));
    h.key_press(Key::F);
    h.run_steps(3);
    assert_eq!(h.state().view.filter.text, "f");
    assert_eq!(h.state().timeline.view(), before);
}

#[test]
fn help_panel_lists_every_shortcut_from_the_table() {
    let (mut h, _config, _corpus) = loaded();
    assert!(h.query_by_label(SHORTCUTS[0].what).is_none());
    key(&mut h, Key::F1);
    assert!(h.state().help_open);
    for s in SHORTCUTS {
        h.get_by_label(s.what);
    }
    // The same table names the keys in the menus.
    h.get_by_label("Pin or unpin the selected event");
    h.get_by_label("Ctrl+Shift+S");
}

#[test]
fn pins_and_pinned_only_on_the_list_and_the_timeline() {
    let (mut h, _config, _corpus) = loaded();
    let id = event_with_phrase(h.state(), "2023-09-30");
    h.state_mut().sel.selected = Some(id);
    h.run_steps(3);
    // The source panel's pin.
    let pins: Vec<_> = h.get_all_by_label("Pin").collect();
    assert!(!pins.is_empty());
    h.get_by_label("Pin this").click(); // the text next to the star
    h.run_steps(3);
    assert!(h.state().view.is_pinned(&h.state().corpus, id));
    let all_rows = h.state().event_list.rows().len();
    let all_lanes = h.state().timeline.lanes().len();

    h.get_by_label("Pinned only").click();
    h.run_steps(3);
    let app = h.state();
    assert!(app.view.filter.pinned_only);
    let rows = app.event_list.rows();
    assert!(
        !rows.is_empty() && rows.len() < all_rows,
        "{} of {all_rows}",
        rows.len()
    );
    let cluster = app.corpus.events[id as usize].cluster;
    assert!(rows
        .iter()
        .all(|r| app.corpus.events[*r as usize].cluster == cluster));
    // The timeline shows only the pinned happening's lanes (KP and JP, not RU).
    let lanes: Vec<_> = app.timeline.lanes().into_iter().map(|l| l.0).collect();
    assert!(lanes.len() < all_lanes, "{lanes:?}");
    assert!(lanes.contains(&jp()));
}

#[test]
fn the_list_sorts_by_salience() {
    let config = tempfile::tempdir().unwrap();
    let mut h = harness(config.path(), vec![dateline::pipeline::sample_dir()]);
    wait_loaded(&mut h);
    h.get_by_label("Salience").click();
    h.run_steps(3);
    let app = h.state();
    let sal: Vec<f32> = app
        .event_list
        .rows()
        .iter()
        .map(|&id| app.corpus.events[id as usize].salience)
        .collect();
    assert!(sal.len() > 10);
    assert!(sal.windows(2).all(|w| w[0] >= w[1]), "{sal:?}");
    assert!(sal[0] > sal[sal.len() - 1], "salience is filled in");
}

#[test]
fn top_n_limits_the_list_and_the_timeline() {
    let (mut h, _config, _corpus) = loaded();
    let all = h.state().event_list.rows().len();
    h.get_by_label("Only the top").click();
    h.run_steps(3);
    let n = h.state().view.filter.top_n.expect("on");
    assert!(n >= 1);
    h.state_mut().view.filter.top_n = Some(1);
    h.run_steps(3);
    let app = h.state();
    let rows = app.event_list.rows();
    assert!(!rows.is_empty() && rows.len() < all);
    let c = app.corpus.events[rows[0] as usize].cluster;
    assert!(rows
        .iter()
        .all(|r| app.corpus.events[*r as usize].cluster == c));
    let countries = &app.corpus.clusters[c as usize].countries;
    assert!(app
        .timeline
        .lanes()
        .iter()
        .all(|(code, _)| countries.contains(code)));
}

#[test]
fn lanes_can_be_hidden_and_moved_from_the_lanes_window() {
    let (mut h, _config, _corpus) = loaded();
    let label = dateline::timeline::lane_label(jp());
    assert_eq!(
        h.query_all_by_label(&label).count(),
        1,
        "the timeline's label"
    );
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Lanes…").click();
    h.run_steps(3);
    assert!(h.state().lanes_open);
    assert_eq!(
        h.query_all_by_label(&label).count(),
        2,
        "timeline and window"
    );

    // Untick Japan: its lane leaves the timeline, the window still lists it.
    let codes: Vec<_> = h
        .state()
        .timeline
        .lanes()
        .into_iter()
        .map(|l| l.0)
        .collect();
    let row = codes.iter().position(|c| *c == jp()).unwrap();
    h.get_all_by_label("Show this lane")
        .nth(row)
        .unwrap()
        .click();
    h.run_steps(3);
    assert!(h.state().view.lanes.hidden.contains(&jp()));
    assert_eq!(h.query_all_by_label(&label).count(), 1);

    // Move the first lane down: the timeline draws it second.
    let first = dateline::timeline::lane_label(codes[0]);
    let second = dateline::timeline::lane_label(codes[1]);
    let y = |h: &Harness<'_, DatelineApp>, l: &str| {
        h.get_all_by_label(l)
            .map(|n| n.rect().top())
            .fold(f32::MAX, f32::min)
    };
    h.state_mut().view.lanes.hidden.clear();
    h.run_steps(3);
    assert!(y(&h, &first) < y(&h, &second));
    h.get_all_by_label("Down").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(h.state().view.lanes.order[..2], [codes[1], codes[0]]);
}

#[test]
fn the_view_is_saved_per_corpus_and_restored() {
    let (mut h, config, corpus) = loaded();
    let id = event_with_phrase(h.state(), "2023-09-12");
    {
        let app = h.state_mut();
        app.view.toggle_pin(&app.corpus, id);
        app.view.filter.top_n = Some(2);
        app.view.lanes.set_hidden(jp(), true);
        app.view.lanes.colours.insert(jp(), [10, 20, 30]);
    }
    h.run_steps(3);
    key(&mut h, Key::Plus);
    key(&mut h, Key::ArrowRight);
    let range = h.state().view.range.expect("the range is part of the view");
    let saved = h.state().view.clone();
    assert!(h.state_mut().flush_view().is_none());

    // Stored under the data dir, not in the corpus folder.
    let file = ViewStore::path_for(&config.path().join("views"), &[corpus.path().to_path_buf()]);
    assert!(file.exists());
    assert!(std::fs::read_dir(corpus.path()).unwrap().all(|e| e
        .unwrap()
        .path()
        .extension()
        .is_some_and(|x| x == "txt")));

    let mut h2 = harness(config.path(), vec![corpus.path().to_path_buf()]);
    wait_loaded(&mut h2);
    h2.run_steps(3);
    let app = h2.state();
    assert_eq!(app.view.pins, saved.pins);
    assert_eq!(app.view.filter, saved.filter);
    assert_eq!(app.view.lanes, saved.lanes);
    assert_eq!(app.view.range, Some(range), "the range comes back");
    assert!(app.view.is_pinned(&app.corpus, id));

    // Another corpus has its own (empty) view.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(
        other.path().join("a.txt"),
        "One\ndate: 2022-01-05\n\nJapan signed the deal on 2022-01-03.\n",
    )
    .unwrap();
    let mut h3 = harness(config.path(), vec![other.path().to_path_buf()]);
    wait_loaded(&mut h3);
    assert!(h3.state().view.pins.is_empty());
    assert_eq!(h3.state().view.filter.top_n, None);
}

#[test]
fn named_views_save_and_restore_from_the_menu() {
    let (mut h, config, corpus) = loaded();
    h.state_mut().view.filter.top_n = Some(1);
    h.run_steps(2);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Saved views").click();
    h.run_steps(2);
    h.get_by_label("No saved views yet");
    let name_box = || {
        egui_kittest::kittest::by()
            .role(egui::accesskit::Role::TextInput)
            .label("Name")
    };
    h.get(name_box()).click();
    h.run_steps(2);
    h.get(name_box()).type_text("briefing");
    h.run_steps(2);
    h.get_by_label("Save view").click();
    h.run_steps(3);
    assert_eq!(h.state().views.names(), vec!["briefing".to_string()]);
    h.state_mut().view.filter.top_n = None;
    h.run_steps(3);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Saved views").click();
    h.run_steps(2);
    h.get_by_label("briefing").click();
    h.run_steps(3);
    assert_eq!(h.state().view.filter.top_n, Some(1));
    let file = ViewStore::path_for(&config.path().join("views"), &[corpus.path().to_path_buf()]);
    let (store, err) = ViewStore::load(&file);
    assert!(err.is_none());
    assert_eq!(store.named("briefing").unwrap().filter.top_n, Some(1));
}

#[test]
fn theme_follows_the_system_until_chosen_in_the_view_menu() {
    let (mut h, _config, _corpus) = loaded();
    // kittest forces its own theme on the context: go back to following the system.
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Follow the system").click();
    h.run_steps(3);
    assert_eq!(
        h.ctx.theme(),
        egui::Theme::Light,
        "light when the system says nothing"
    );
    h.input_mut().system_theme = Some(egui::Theme::Dark);
    h.run_steps(3);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark, "follows the system");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Light").click();
    h.run_steps(3);
    assert_eq!(h.ctx.theme(), egui::Theme::Light, "the manual choice wins");
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Light
    );
}
