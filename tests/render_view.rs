//! `dateline render --coverage` draws the coverage chart under the timeline, and
//! `--view NAME` starts from a view saved in the app (explicit options still win).

use dateline::view::{Filter, View, ViewStore};
use std::path::Path;
use std::process::{Command, Output};

fn render(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("DATELINE_DATA_DIR", data)
        .arg("render")
        .args(args)
        .output()
        .expect("run dateline")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Short reports written for this test: a busy week in May, a quiet autumn.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, day) in [8, 8, 9, 9, 9, 10, 11].iter().enumerate() {
        std::fs::write(
            dir.path().join(format!("may-{i}.txt")),
            format!(
                "Talks report {i}\ndate 2023-05-{:02}\n\nNorway and Sweden held fisheries talks in Oslo on 2023-05-{day:02}.\n",
                day + 1
            ),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("autumn.txt"),
        "Review\ndate 2023-09-04\n\nInspectors from Finland met in Helsinki on 2023-09-01 to review the season.\n",
    )
    .unwrap();
    dir
}

#[test]
fn coverage_adds_the_chart_under_the_timeline() {
    let c = corpus();
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (plain, with) = (out.path().join("plain.svg"), out.path().join("with.svg"));
    let path = c.path().to_str().unwrap();
    ok(&render(
        data.path(),
        &[path, "--out", plain.to_str().unwrap()],
    ));
    ok(&render(
        data.path(),
        &[path, "--out", with.to_str().unwrap(), "--coverage"],
    ));
    let (plain, with) = (
        std::fs::read_to_string(plain).unwrap(),
        std::fs::read_to_string(with).unwrap(),
    );
    assert!(!plain.contains(">Coverage<"));
    assert!(with.contains(">Coverage<"), "the strip is titled");
    assert!(with.contains("events per "), "and says its bucket");
    assert!(
        with.matches("<rect").count() > plain.matches("<rect").count() + 2,
        "bars"
    );
    // PNG: taller by the strip.
    let (p1, p2) = (out.path().join("a.png"), out.path().join("b.png"));
    ok(&render(data.path(), &[path, "--out", p1.to_str().unwrap()]));
    ok(&render(
        data.path(),
        &[path, "--out", p2.to_str().unwrap(), "--coverage"],
    ));
    let h = |p: &Path| image::open(p).unwrap().height();
    assert!(h(&p2) >= h(&p1) + 100, "{} vs {}", h(&p2), h(&p1));
}

#[test]
fn a_saved_view_fills_the_options_and_explicit_options_win() {
    let c = corpus();
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = c.path().to_str().unwrap();
    let mut store = ViewStore::default();
    let v = View {
        range: chrono::NaiveDate::from_ymd_opt(2023, 5, 1)
            .zip(chrono::NaiveDate::from_ymd_opt(2023, 5, 31)),
        filter: Filter {
            top_n: Some(1),
            ..Default::default()
        },
        ..Default::default()
    };
    store.named.insert("may".into(), v);
    store
        .save(&ViewStore::path_for(
            &data.path().join("views"),
            &[c.path().to_path_buf()],
        ))
        .unwrap();

    let (by_view, by_hand) = (out.path().join("v.svg"), out.path().join("h.svg"));
    ok(&render(
        data.path(),
        &[path, "--out", by_view.to_str().unwrap(), "--view", "may"],
    ));
    ok(&render(
        data.path(),
        &[
            path,
            "--out",
            by_hand.to_str().unwrap(),
            "--from",
            "2023-05-01",
            "--to",
            "2023-05-31",
            "--top",
            "1",
        ],
    ));
    assert_eq!(
        std::fs::read_to_string(&by_view).unwrap(),
        std::fs::read_to_string(&by_hand).unwrap()
    );
    // An explicit --to wins over the view's.
    let later = out.path().join("later.svg");
    ok(&render(
        data.path(),
        &[
            path,
            "--out",
            later.to_str().unwrap(),
            "--view",
            "may",
            "--to",
            "2023-09-30",
        ],
    ));
    assert_ne!(
        std::fs::read_to_string(&later).unwrap(),
        std::fs::read_to_string(&by_view).unwrap()
    );

    let missing = render(
        data.path(),
        &[
            path,
            "--out",
            out.path().join("x.svg").to_str().unwrap(),
            "--view",
            "june",
        ],
    );
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("june") && err.contains("may"), "{err}");
}
