//! Helpers shared by the GUI tests: a hand-written corpus, an app harness with its own
//! settings folder, and waiting for the background load.
#![allow(dead_code)] // each test file uses its own subset

use dateline::gui::{AppConfig, DatelineApp};
use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Two short articles written for these tests: explicit ISO dates (any date engine reads
/// them) and one relative date ("yesterday") that depends on the publication date.
pub fn write_corpus(dir: &Path) {
    std::fs::write(
        dir.join("fishing-talks.txt"),
        "Fishing talks resume\n\
         date: 2023-09-14\n\n\
         Negotiators from Japan and Russia met in Vladivostok on 2023-09-12 to discuss salmon quotas.\n\n\
         The talks had stalled for most of the summer.\n\n\
         A spokesman for Japan said yesterday that a second round would follow.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("missile-test.txt"),
        "Launch condemned\n\
         date: 2023-10-02\n\n\
         North Korea fired a missile into the sea on 2023-09-30, officials in Japan said.\n\n\
         It was the third launch this year.\n",
    )
    .unwrap();
}

#[derive(Debug)]
pub struct TestDrop(pub PathBuf);

impl egui::DroppedFile for TestDrop {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn harness(config_dir: &Path, paths: Vec<PathBuf>) -> Harness<'static, DatelineApp> {
    let config = AppConfig::isolated(config_dir);
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| DatelineApp::new(cc, config, paths))
}

/// The hand-written corpus loaded into an app with its own settings folder; the two
/// folders (settings, corpus) live as long as the caller keeps them.
pub fn loaded() -> (
    Harness<'static, DatelineApp>,
    tempfile::TempDir,
    tempfile::TempDir,
) {
    let corpus = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_corpus(corpus.path());
    let mut h = harness(config.path(), vec![corpus.path().to_path_buf()]);
    wait_loaded(&mut h);
    (h, config, corpus)
}

/// Runs frames until the background load is over (bounded).
pub fn wait_loaded(h: &mut Harness<'_, DatelineApp>) {
    let t = Instant::now();
    while h.state().is_loading() {
        assert!(t.elapsed() < Duration::from_secs(60), "load did not finish");
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(3);
}

pub fn event_with_phrase(app: &DatelineApp, phrase: &str) -> u32 {
    app.corpus
        .events
        .iter()
        .position(|e| {
            app.corpus.articles[e.article as usize]
                .text
                .get(e.date_range.clone())
                == Some(phrase)
        })
        .unwrap_or_else(|| panic!("no event for {phrase:?}")) as u32
}
