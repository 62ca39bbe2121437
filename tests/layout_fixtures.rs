//! Main text on page layouts of our own making, one page per layout class real news sites
//! use (`tests/fixtures/html/layout_*.html`: live blogs, interviews, list articles, inline
//! ads and related links, `<br>` text, galleries, quotes and embedded posts, tables, page
//! columns laid out as a table, paywalls with the text in JSON-LD or script state, AMP, the
//! article twice, comments, Japanese, Chinese, right-to-left). Each page has its true text beside it (`layout_*.txt`,
//! paragraphs split by blank lines) and is scored as articles-bench is (4-gram shingles of
//! `\w+` tokens, the same code as `examples/score_articles.rs`), on what `dateline text`
//! prints: the non-caption blocks.
//!
//! `cargo test --release --test layout_fixtures -- --nocapture` prints each page's figures.

use dateline::ingest::html::read_html;
use dateline::model::ParagraphKind;
use std::path::Path;

#[allow(dead_code)]
#[path = "../examples/common/shingle_score.rs"]
mod shingle_score;

/// Every page must reach this F1 (a sentence of furniture kept, or one of the article
/// lost, costs a short page more than this).
const BAR: f64 = 0.95;

#[test]
fn every_layout_fixture_reaches_the_bar() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("layout_") && name.ends_with(".html")
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 30, "layout fixtures missing");
    let (mut sum_p, mut sum_r) = (0.0, 0.0);
    let mut below = Vec::new();
    for page in &pages {
        let truth_path = page.with_extension("txt");
        let truth = std::fs::read_to_string(&truth_path)
            .unwrap_or_else(|_| panic!("{} has no true text beside it", page.display()));
        let art = read_html(&std::fs::read(page).unwrap());
        let pred = art
            .blocks
            .iter()
            .filter(|b| b.kind != ParagraphKind::Caption)
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let (p, r, _) = shingle_score::score(&truth, &pred);
        let f1 = shingle_score::f1(p, r);
        let name = page.file_stem().unwrap().to_string_lossy().into_owned();
        println!("{name:32} P {p:.3} R {r:.3} F1 {f1:.3}");
        sum_p += p;
        sum_r += r;
        if f1 < BAR {
            below.push(format!("{name}: F1 {f1:.3}\n{pred}"));
        }
    }
    let n = pages.len() as f64;
    let (p, r) = (sum_p / n, sum_r / n);
    println!(
        "{} pages: P {p:.3} R {r:.3} F1 {:.3}",
        pages.len(),
        shingle_score::f1(p, r)
    );
    assert!(below.is_empty(), "below {BAR}:\n{}", below.join("\n\n"));
}
