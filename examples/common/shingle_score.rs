//! The articles-bench scoring rule (its README): `\w+` tokens, 4-gram shingle multisets,
//! per-page normalised TP/FP/FN; and reading the benchmark folder. Shared by the examples
//! that score extractors, so that every extractor is measured by exactly the same code on
//! exactly the same pages.

use std::collections::HashMap;
use std::io::Read;

/// The benchmark's ground truth (page id → `articleBody`, `url`, ...) and its ids in order.
pub fn ground_truth(dir: &str) -> (Vec<String>, serde_json::Map<String, serde_json::Value>) {
    let text = std::fs::read_to_string(format!("{dir}/ground-truth.json"))
        .expect("ground-truth.json readable");
    let gt: serde_json::Value = serde_json::from_str(&text).expect("ground truth is JSON");
    let serde_json::Value::Object(gt) = gt else {
        panic!("ground truth is not an object");
    };
    let mut ids: Vec<String> = gt.keys().cloned().collect();
    ids.sort();
    (ids, gt)
}

/// The saved page `id`, gunzipped; `None`, with a line on stderr, when it cannot be read.
pub fn page_html(dir: &str, id: &str) -> Option<Vec<u8>> {
    let path = format!("{dir}/html/{id}.html.gz");
    let mut raw = Vec::new();
    let ok = std::fs::File::open(&path)
        .map(|f| {
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut raw)
                .is_ok()
        })
        .unwrap_or(false);
    if !ok {
        eprintln!("skipping unreadable {path}");
        return None;
    }
    Some(raw)
}

pub fn tokens(s: &str) -> Vec<&str> {
    // Python's \w: Unicode letters, digits, marks, and the underscore.
    let is_w = |c: char| c.is_alphanumeric() || c == '_' || is_mark(c);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (is_w(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(&s[st..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Combining marks common in the benchmark's languages (Python's \w includes them).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x3099..=0x309A)
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    let n = 4;
    let count = toks.len().saturating_sub(n - 1).max(1);
    for i in 0..count {
        let end = (i + n).min(toks.len());
        *m.entry(toks[i.min(end)..end].to_vec()).or_insert(0) += 1;
    }
    m
}

/// (precision, recall, exact token match) of one page.
pub fn score(truth: &str, pred: &str) -> (f64, f64, bool) {
    let (tt, pt) = (tokens(truth), tokens(pred));
    let (ts, ps) = (shingles(&tt), shingles(&pt));
    let mut tp = 0usize;
    for (k, &c) in &ps {
        tp += c.min(ts.get(k).copied().unwrap_or(0));
    }
    let fp = ps.values().sum::<usize>() - tp;
    let fn_ = ts.values().sum::<usize>() - tp;
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = (tp as f64 / total, fp as f64 / total, fn_ as f64 / total);
    // A page where both texts are empty (or identical) is perfect on both counts.
    let perfect = fp == 0.0 && fn_ == 0.0;
    let ratio = |a: f64, b: f64| if a + b > 0.0 { a / (a + b) } else { 0.0 };
    let p = if perfect { 1.0 } else { ratio(tp, fp) };
    let r = if perfect { 1.0 } else { ratio(tp, fn_) };
    (p, r, tt == pt)
}

/// F1 of mean precision and recall, as the benchmark defines it.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}
