//! `dateline render`, run as a user would: PNGs of the requested size at each scale, SVG
//! that parses with its text as `<text>`, the options that choose what is drawn, and
//! clear errors. No window and no GPU are involved.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    let data = tempfile::tempdir().unwrap().keep();
    c.env("DATELINE_DATA_DIR", data);
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run dateline")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Three short wire stories about one summit (written for this test).
fn summit() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "opening.txt",
            "Summit opens in Oslo\ndate 2023-05-08\n\nNorway and Sweden opened fisheries talks in Oslo on Monday.\n\nFinland said on Sunday it would join the talks on Wednesday.\n",
        ),
        (
            "deal.txt",
            "Nordic fisheries deal signed\ndate 2023-05-11\n\nNorway, Sweden and Finland signed a fisheries agreement on Wednesday.\n\nThe first joint inspections will start on 1 June 2023.\n",
        ),
        (
            "review.md",
            "# Nordic deal under review\n\ndate 2023-09-04\n\nInspectors from Norway and Finland met in Helsinki on Friday to review the first season.\n\nDenmark asked on 2 September 2023 to join the agreement.\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn png_size(path: &Path) -> (u32, u32) {
    let img = image::open(path).expect("a decodable PNG");
    (img.width(), img.height())
}

#[test]
fn png_has_the_requested_width_at_every_scale() {
    let corpus = summit();
    let out = tempfile::tempdir().unwrap();
    let mut heights = Vec::new();
    for scale in [1u32, 2, 4] {
        let file = out.path().join(format!("chart-{scale}x.png"));
        let o = run(&[
            "render",
            corpus.path().to_str().unwrap(),
            "--out",
            file.to_str().unwrap(),
            "--width",
            "900",
            "--scale",
            &scale.to_string(),
            "--title",
            "Nordic fisheries deal",
        ]);
        ok(&o);
        let (w, h) = png_size(&file);
        assert_eq!(w, 900 * scale);
        heights.push((h, scale));
        // The command says what it wrote.
        assert!(String::from_utf8_lossy(&o.stdout).contains(&format!("{w}×{h}")));
    }
    // The same picture at each scale: heights scale too (to a pixel of rounding).
    let base = heights[0].0;
    for (h, s) in heights {
        assert!(
            (i64::from(h) - i64::from(base * s)).abs() <= i64::from(s),
            "{h} vs {base}×{s}"
        );
    }
    // Nothing is ever written into the corpus folder.
    let names: Vec<PathBuf> = std::fs::read_dir(corpus.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn png_pixels_are_drawn_and_follow_the_theme() {
    let corpus = summit();
    let out = tempfile::tempdir().unwrap();
    let light = out.path().join("light.png");
    let dark = out.path().join("dark.png");
    for (file, theme) in [(&light, "light"), (&dark, "dark")] {
        ok(&run(&[
            "render",
            corpus.path().to_str().unwrap(),
            "--out",
            file.to_str().unwrap(),
            "--width",
            "800",
            "--theme",
            theme,
        ]));
    }
    let l = image::open(&light).unwrap().to_rgba8();
    let d = image::open(&dark).unwrap().to_rgba8();
    let corner = |i: &image::RgbaImage| i.get_pixel(2, 2).0;
    assert!(corner(&l)[0] > 200, "light background: {:?}", corner(&l));
    assert!(corner(&d)[0] < 60, "dark background: {:?}", corner(&d));
    // Something besides the background: text and marks in many colours.
    let mut colours: Vec<[u8; 4]> = l.pixels().map(|p| p.0).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 50, "only {} colours", colours.len());
}

/// Every element name and the text inside `<text>` elements, from a well-formed SVG
/// (quick-xml checks that end tags match).
fn parse_svg(svg: &str) -> (Vec<String>, Vec<String>) {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(svg);
    let (mut names, mut texts) = (Vec::new(), Vec::new());
    let mut in_text = false;
    loop {
        match r.read_event().expect("well-formed SVG") {
            Event::Start(e) => {
                let n = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                in_text = n == "text";
                if in_text {
                    texts.push(String::new());
                }
                names.push(n);
            }
            Event::Empty(e) => names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
            Event::Text(t) if in_text => {
                if let Some(last) = texts.last_mut() {
                    last.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(g) if in_text => {
                if let Some(last) = texts.last_mut() {
                    last.push_str(match g.as_ref() {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        _ => "?",
                    });
                }
            }
            Event::End(_) => in_text = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (names, texts)
}

#[test]
fn svg_is_well_formed_with_editable_text() {
    let corpus = summit();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("chart.svg");
    ok(&run(&[
        "render",
        corpus.path().to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
        "--title",
        "Nordic fisheries deal & its review",
    ]));
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.starts_with("<svg"));
    let (names, texts) = parse_svg(&svg);
    assert_eq!(names[0], "svg");
    assert!(names.iter().filter(|n| *n == "text").count() >= 10);
    let all = texts.join("\n");
    // Title, lane labels, legend and source note are all text a slide author can edit.
    assert!(all.contains("Nordic fisheries deal & its review"), "{all}");
    assert!(all.contains("Norway · NO"), "{all}");
    assert!(all.contains("one day"), "{all}");
    assert!(all.contains("3 articles"), "{all}");
    // Captions come from the articles' sentences.
    assert!(all.contains("fisheries"), "{all}");
    // The font the text was measured with travels with the picture.
    assert!(svg.contains("@font-face"));
}

#[test]
fn options_choose_what_is_drawn() {
    let corpus = summit();
    let d = corpus.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("c.svg");
    let f = file.to_str().unwrap();
    let texts = |args: &[&str]| {
        let mut all = vec!["render", d, "--out", f];
        all.extend_from_slice(args);
        ok(&run(&all));
        parse_svg(&std::fs::read_to_string(&file).unwrap())
            .1
            .join("\n")
    };
    let t = texts(&["--countries", "FI,NO"]);
    assert!(
        t.contains("Finland · FI") && t.contains("Norway · NO"),
        "{t}"
    );
    assert!(!t.contains("Sweden · SE"), "{t}");
    // Lanes in the order given.
    assert!(t.find("Finland · FI") < t.find("Norway · NO"));
    let t = texts(&["--from", "2023-05-01", "--to", "2023-05-31"]);
    assert!(t.contains("1 May 2023 – 31 May 2023"), "{t}");
    let t = texts(&["--top", "2"]);
    assert!(t.contains("the 2 happenings that matter most"), "{t}");
    // The whole story runs May to September; the top happening alone is framed closely.
    let t = texts(&[]);
    assert!(t.contains("May 2023 –") && t.contains("Sep 2023"), "{t}");
    let t = texts(&["--top", "1"]);
    assert!(t.contains("the happening that matters most"), "{t}");
    assert!(!t.contains("Sep 2023") && !t.contains("Aug 2023"), "{t}");
}

#[test]
fn a_story_told_in_two_bursts_breaks_the_axis() {
    // May and September, the summer silent: the fitted picture shows the two stretches
    // side by side, each with its own ticks, the later one saying where it is.
    let corpus = summit();
    let d = corpus.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("c.svg");
    let f = file.to_str().unwrap();
    let texts = |args: &[&str]| {
        let mut all = vec!["render", d, "--out", f];
        all.extend_from_slice(args);
        ok(&run(&all));
        parse_svg(&std::fs::read_to_string(&file).unwrap()).1
    };
    let t = texts(&[]);
    // The corner names the year over day labels of several months; the later piece names
    // the month of its first tick.
    for label in ["2023", "May 8", "Sep 2023", "Sep 1"] {
        assert!(t.iter().any(|x| x == label), "{label}: {t:?}");
    }
    // No ticks for the silent months, and the captions of both stretches are drawn.
    assert!(
        !t.iter()
            .any(|x| x.starts_with("Jul") || x.starts_with("Aug")),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x.contains("sign agreement")), "{t:?}");
    assert!(t.iter().any(|x| x.starts_with("Inspectors")), "{t:?}");
    // A range asked for is one continuous axis.
    let t = texts(&["--from", "2023-05-01", "--to", "2023-09-30"]);
    assert!(t.iter().any(|x| x.starts_with("Jul")), "{t:?}");
}

#[test]
fn bad_requests_fail_clearly() {
    let corpus = summit();
    let d = corpus.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let gif = out.path().join("c.gif");
    let o = run(&["render", d, "--out", gif.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".png or .svg"));
    let png = out.path().join("c.png");
    let o = run(&[
        "render",
        d,
        "--out",
        png.to_str().unwrap(),
        "--from",
        "2023-06-01",
        "--to",
        "2023-05-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("before"));
    let o = run(&["render", d, "--out", png.to_str().unwrap(), "--scale", "3"]);
    assert!(!o.status.success());
    let o = run(&["render", "/no/such/folder", "--out", png.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!png.exists());
}
