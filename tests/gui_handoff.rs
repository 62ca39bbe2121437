//! One window per user, driven headless: paths another launch hands over (through the real
//! socket on Unix) bring up the add-or-replace prompt, and the answer opens the corpus.

use dateline::gui::handoff_prompt::HandOffChoice;
use dateline::gui::DatelineApp;
use dateline::instance::Inbox;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use std::path::Path;
use std::time::{Duration, Instant};

mod support;
use support::*;

fn write_one(dir: &Path) {
    std::fs::write(
        dir.join("harbour.txt"),
        "Harbour reopens\ndate: 2021-05-04\n\nThe port of Valparaiso in Chile reopened on 2021-05-02.\n",
    )
    .unwrap();
}

/// Runs frames until `done` holds (bounded).
fn run_until(h: &mut Harness<'_, DatelineApp>, done: impl Fn(&DatelineApp) -> bool) {
    let t = Instant::now();
    while !done(h.state()) {
        assert!(t.elapsed() < Duration::from_secs(60), "timed out");
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
}

#[cfg(unix)]
#[test]
fn a_hand_off_through_the_socket_asks_then_adds_to_the_corpus() {
    use dateline::instance::socket::{hand_off, HandOff};
    let (mut h, _config, corpus) = loaded();
    assert_eq!(h.state().corpus.articles.len(), 2);
    let sock_dir = tempfile::tempdir().unwrap();
    let sock = sock_dir.path().join("dateline.sock");
    let ctx = h.state().ctx.clone();
    h.state_mut().inbox = Some(Inbox::start_at(&sock, move || ctx.request_repaint()).unwrap());

    let more = tempfile::tempdir().unwrap();
    write_one(more.path());
    let handed = vec![more.path().to_path_buf()];
    assert_eq!(hand_off(&sock, &handed).unwrap(), HandOff::Delivered);
    run_until(&mut h, |app| app.handoff.is_open());
    h.get_by_label("Open in this window");
    h.get_by_label(&more.path().display().to_string());
    assert!(!h.state().is_loading(), "nothing opens before the answer");

    h.get_by_label("Add to the open corpus").click();
    h.run_steps(2);
    assert!(!h.state().handoff.is_open());
    wait_loaded(&mut h);
    let app = h.state();
    assert_eq!(
        app.corpus_paths,
        vec![corpus.path().to_path_buf(), more.path().to_path_buf()]
    );
    assert_eq!(app.corpus.articles.len(), 3, "both folders on screen");
    assert_eq!(app.handoff_always, None, "not remembered unless asked");
}

#[test]
fn always_replace_is_remembered_and_applied_without_asking() {
    let (mut h, _config, _corpus) = loaded();
    let (tx, inbox) = Inbox::channel();
    h.state_mut().inbox = Some(inbox);
    let first = tempfile::tempdir().unwrap();
    write_one(first.path());
    tx.send(vec![first.path().to_path_buf()]).unwrap();
    run_until(&mut h, |app| app.handoff.is_open());
    h.get_by_label("Always do this, without asking").click();
    h.run_steps(1);
    h.get_by_label("Replace the open corpus").click();
    h.run_steps(2);
    wait_loaded(&mut h);
    assert_eq!(h.state().corpus_paths, vec![first.path().to_path_buf()]);
    assert_eq!(h.state().corpus.articles.len(), 1);
    assert_eq!(h.state().handoff_always, Some(HandOffChoice::Replace));

    // The next hand-off replaces at once: no prompt.
    let second = tempfile::tempdir().unwrap();
    write_corpus(second.path());
    tx.send(vec![second.path().to_path_buf()]).unwrap();
    run_until(&mut h, |app| {
        app.is_loading() || app.corpus_paths != vec![first.path().to_path_buf()]
    });
    assert!(!h.state().handoff.is_open());
    wait_loaded(&mut h);
    assert_eq!(h.state().corpus_paths, vec![second.path().to_path_buf()]);
    assert_eq!(h.state().corpus.articles.len(), 2);

    // The File menu shows the remembered answer and forgets it.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("When another launch opens a folder").hover();
    h.run();
    h.get_by_label("Ask each time").click();
    h.run_steps(2);
    assert_eq!(h.state().handoff_always, None);
    let third = tempfile::tempdir().unwrap();
    write_one(third.path());
    tx.send(vec![third.path().to_path_buf()]).unwrap();
    run_until(&mut h, |app| app.handoff.is_open());
    assert!(!h.state().is_loading(), "asked again, nothing opened");
}

#[test]
fn cancel_keeps_the_corpus_and_a_bare_launch_only_raises_the_window() {
    let (mut h, _config, corpus) = loaded();
    let (tx, inbox) = Inbox::channel();
    h.state_mut().inbox = Some(inbox);
    tx.send(Vec::new()).unwrap();
    h.run_steps(3);
    assert!(!h.state().handoff.is_open(), "no paths: nothing to ask");
    let other = tempfile::tempdir().unwrap();
    tx.send(vec![other.path().to_path_buf()]).unwrap();
    run_until(&mut h, |app| app.handoff.is_open());
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!h.state().handoff.is_open());
    assert!(!h.state().is_loading());
    assert_eq!(h.state().corpus_paths, vec![corpus.path().to_path_buf()]);
}
