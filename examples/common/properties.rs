//! Properties every stage must keep on any input (issue 20): no panic, offsets on char
//! boundaries, start <= end, valid dates. Shared by `tests/properties.rs` (a few dozen cases
//! per `cargo test`) and `examples/fuzz.rs` (a long run outside the tests).
//!
//! Inputs are built from news-like pieces (dates in many forms, country names, datelines,
//! header lines, markup, quotes, multi-byte letters, stray punctuation) joined at random,
//! which reaches far more of the readers and the date engine than uniform random bytes.
#![allow(dead_code)] // each user takes its own subset

use dateline::gazetteer::Gazetteer;
use dateline::model::{Article, Format};

/// Pieces inputs are made of.
pub const PIECES: &[&str] = &[
    "on Wednesday",
    "yesterday",
    "today",
    "last week",
    "September 12",
    "Sept. 12-17",
    "12 September 2023",
    "2023-09-14",
    "2023/09/14",
    "14.09.2023",
    "from May 1 to June 3",
    "two days later",
    "the year before last",
    "in the 1990s",
    "Q3",
    "2019",
    "the third quarter",
    "at 6 a.m.",
    "(0300 GMT)",
    "every Monday",
    "three years",
    "Japan",
    "North Korea",
    "Russia",
    "Kyiv",
    "the Kremlin",
    "South Korean",
    "Georgia",
    "Jordan",
    "Putin",
    "Chad",
    "TOKYO,",
    "WASHINGTON (Reuters) -",
    "/TASS/.",
    "date 2024-06-20  Harbour Ledger",
    "Published:",
    "By Jane Roe |",
    "\n",
    "\n\n",
    ". ",
    "! ",
    "? ",
    ", ",
    "; ",
    " | ",
    "\"",
    "“",
    "”",
    "’s",
    "'",
    "(",
    ")",
    "Mr.",
    "U.S.",
    "$18.9",
    "1,234",
    "#",
    "- ",
    "> ",
    "**",
    "[link](http://x)",
    "<p>",
    "</p>",
    "<div class=\"article\">",
    "<title>",
    "</title>",
    "<meta name=\"date\" content=\"2021-03-03\">",
    "<script>",
    "</script>",
    "&amp;",
    "&#x2014;",
    "{",
    "}",
    "\"text\":",
    "\"date\":",
    "[",
    "]",
    "Élysée",
    "Ёлка",
    "東京",
    "é",
    "\u{feff}",
    "\u{200b}",
    "\t",
    "  ",
    "signed",
    "a treaty",
    "the",
    "Officials said",
    "will meet",
    "had met",
    "until",
    "ago",
    "year-earlier",
    "31",
    "February 30",
];

/// Joins pieces (by index into [`PIECES`]) with spaces or nothing (by `glue` bits).
pub fn text_of(picks: &[(usize, bool)]) -> String {
    let mut s = String::new();
    for &(i, space) in picks {
        s.push_str(PIECES[i % PIECES.len()]);
        if space {
            s.push(' ');
        }
    }
    s
}

fn check_article(a: &Article, what: &str) -> Result<(), String> {
    let len = a.text.len();
    let mut last_end = 0;
    for p in &a.paragraphs {
        let r = &p.range;
        if r.start > r.end || r.end > len {
            return Err(format!(
                "{what}: paragraph {r:?} outside text of {len} bytes"
            ));
        }
        if !a.text.is_char_boundary(r.start) || !a.text.is_char_boundary(r.end) {
            return Err(format!("{what}: paragraph {r:?} not on char boundaries"));
        }
        if r.start < last_end {
            return Err(format!("{what}: paragraphs overlap or go back at {r:?}"));
        }
        last_end = r.end;
    }
    Ok(())
}

/// Every reader on `bytes`: at least one article, paragraphs inside the text on char
/// boundaries and in order; and events built from each article stay inside it.
pub fn readers(bytes: &[u8]) -> Result<(), String> {
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
        let arts = dateline::ingest::read_bytes(bytes, format);
        if arts.is_empty() {
            return Err(format!("{format:?}: no article at all"));
        }
        for a in &arts {
            check_article(a, &format!("{format:?}"))?;
        }
    }
    Ok(())
}

/// The date engine on `text`, with and without a reference date: offsets inside the text on
/// char boundaries, start < end, sorted and not overlapping, placeable values give
/// start <= end.
pub fn date_engine(text: &str, reference: Option<chrono::NaiveDate>) -> Result<(), String> {
    let tags = dateline::timex::tag(text, reference);
    let mut last_end = 0;
    for t in &tags {
        if t.start >= t.end || t.end > text.len() {
            return Err(format!(
                "timex {}..{} outside or empty ({} bytes)",
                t.start,
                t.end,
                text.len()
            ));
        }
        if !text.is_char_boundary(t.start) || !text.is_char_boundary(t.end) {
            return Err(format!(
                "timex {}..{} not on char boundaries",
                t.start, t.end
            ));
        }
        if t.start < last_end {
            return Err(format!(
                "timex {}..{} overlaps the one before",
                t.start, t.end
            ));
        }
        last_end = t.end;
        if let Some(span) = dateline::timex::span_of(&t.value) {
            if span.start > span.end {
                return Err(format!("value {} gives start after end", t.value));
            }
        }
        if let Some((a, b)) = t.split {
            if !(t.start <= a && a <= b && b <= t.end) {
                return Err(format!("split {a}..{b} outside {}..{}", t.start, t.end));
            }
        }
    }
    Ok(())
}

/// Country mentions: inside the text, on char boundaries, non-empty, sorted.
pub fn gazetteer(text: &str) -> Result<(), String> {
    let mut last = 0;
    for m in Gazetteer::active().find(text) {
        if m.start >= m.end || m.end > text.len() {
            return Err(format!("mention {}..{} outside or empty", m.start, m.end));
        }
        if !text.is_char_boundary(m.start) || !text.is_char_boundary(m.end) {
            return Err(format!(
                "mention {}..{} not on char boundaries",
                m.start, m.end
            ));
        }
        if m.start < last {
            return Err(format!("mention {}..{} out of order", m.start, m.end));
        }
        last = m.start;
    }
    Ok(())
}

/// The whole analysis and the timeline layout on one text article: events inside the text
/// on char boundaries with start <= end, every event in one cluster, layout items with
/// start < end, and frame queries at several zooms that stay within the lane.
pub fn pipeline_and_layout(text: &str, reference: chrono::NaiveDate) -> Result<(), String> {
    let mut a = dateline::ingest::text::read_text(text);
    a.file_time = Some(reference);
    a.path = "prop.txt".into();
    let corpus = dateline::pipeline::analyze(vec![a], &Default::default());
    let a = &corpus.articles[0];
    check_article(a, "analysed")?;
    for e in &corpus.events {
        for r in [&e.sentence, &e.date_range] {
            if r.start > r.end || r.end > a.text.len() {
                return Err(format!("event range {r:?} outside text"));
            }
            if !a.text.is_char_boundary(r.start) || !a.text.is_char_boundary(r.end) {
                return Err(format!("event range {r:?} not on char boundaries"));
            }
        }
        if e.span.start > e.span.end {
            return Err(format!("event span {:?} goes backwards", e.span));
        }
        if !(0.0..=1.0).contains(&e.confidence) {
            return Err(format!("confidence {}", e.confidence));
        }
        if corpus.clusters.get(e.cluster as usize).is_none() {
            return Err(format!("event in missing cluster {}", e.cluster));
        }
    }
    let in_clusters: usize = corpus.clusters.iter().map(|c| c.events.len()).sum();
    if in_clusters != corpus.events.len() {
        return Err(format!(
            "{in_clusters} clustered of {} events",
            corpus.events.len()
        ));
    }
    let layout = dateline::timeline::Layout::build(&corpus);
    for lane in &layout.lanes {
        for it in &lane.items {
            if it.start.partial_cmp(&it.end) != Some(std::cmp::Ordering::Less)
                || it.row >= dateline::timeline::layout::MAX_ROWS
            {
                return Err(format!("item {it:?}"));
            }
        }
        for px_per_day in [0.001, 0.5, 40.0] {
            let view = dateline::timeline::TimeView::new(0.0, px_per_day);
            let frame = dateline::timeline::lod::query_lane(lane, &view, 800.0);
            if frame.items.iter().any(|&i| i as usize >= lane.items.len()) {
                return Err("frame names an item the lane does not have".into());
            }
        }
    }
    Ok(())
}
