//! Where the article is when the visible body is thin: pages built by scripts ship their
//! text outside the markup a browser shows before the script runs. Three general places,
//! each read only when the visible text is much shorter than what they hold:
//! - schema.org `articleBody` in JSON-LD (read by [`super::meta`]) or in a script's own
//!   state (Next.js `__NEXT_DATA__`, `window.__INITIAL_STATE__ = {...}`), which reuse the
//!   schema.org name;
//! - `<noscript>` markup, the page's own copy for readers without scripts;
//! - `<template>` markup, which a script clones into the page.
//!
//! Every scan is linear in the page's size and nothing recurses on input: a hidden block
//! is read as a page of its own once, never its own hidden blocks in turn.

use super::dom::{AttrName, Doc, NOSCRIPT, SCRIPT, TEMPLATE};

/// Hidden markup shorter than this (bytes) is a tracking pixel or a "turn on JavaScript"
/// line, not an article.
const MIN_MARKUP: usize = 200;

/// At most this many hidden blocks (the longest) are read as pages.
const MAX_BLOCKS: usize = 4;

/// The longest `"articleBody": "..."` string in a script that is not JSON-LD (JSON-LD is
/// read with the rest of the metadata).
pub(super) fn script_article_body(doc: &Doc) -> Option<String> {
    let mut best: Option<String> = None;
    for (idx, node) in doc.nodes.iter().enumerate() {
        if node.tag != SCRIPT {
            continue;
        }
        let ty = doc.attr(idx as u32, AttrName::Type).unwrap_or("");
        if ty.to_ascii_lowercase().contains("ld+json") {
            continue;
        }
        for body in article_body_strings(doc.node_text(idx as u32)) {
            if best.as_ref().is_none_or(|b| body.len() > b.len()) {
                best = Some(body);
            }
        }
    }
    best
}

/// Every JSON string value of an `"articleBody"` key in `src`, decoded. One pass: each
/// search resumes after the string it read, and an unterminated string ends the scan.
fn article_body_strings(src: &str) -> Vec<String> {
    const KEY: &str = "\"articleBody\"";
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(k) = src[at..].find(KEY) {
        let mut p = at + k + KEY.len();
        let b = src.as_bytes();
        while p < b.len() && b[p].is_ascii_whitespace() {
            p += 1;
        }
        if b.get(p) != Some(&b':') {
            at = p;
            continue;
        }
        p += 1;
        while p < b.len() && b[p].is_ascii_whitespace() {
            p += 1;
        }
        if b.get(p) != Some(&b'"') {
            at = p;
            continue;
        }
        let Some(end) = string_end(b, p) else { break };
        if let Ok(s) = serde_json::from_str::<String>(&src[p..=end]) {
            out.push(s);
        }
        at = end + 1;
    }
    out
}

/// Index of the quote that closes the JSON string opening at `open`.
fn string_end(b: &[u8], open: usize) -> Option<usize> {
    let mut p = open + 1;
    while p < b.len() {
        match b[p] {
            b'\\' => p += 2,
            b'"' => return Some(p),
            _ => p += 1,
        }
    }
    None
}

/// The markup of the `<noscript>` and `<template>` blocks long enough to hold an article,
/// longest first.
pub(super) fn hidden_markup(doc: &Doc) -> Vec<&str> {
    let mut v: Vec<&str> = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == NOSCRIPT || n.tag == TEMPLATE)
        .map(|(i, _)| doc.node_text(i as u32))
        .filter(|t| t.len() >= MIN_MARKUP)
        .collect();
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v.truncate(MAX_BLOCKS);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_body_strings_in_script_state() {
        let rows: &[(&str, &[&str])] = &[
            (r#"{"a":{"articleBody":"One.\n\nTwo."}}"#, &["One.\n\nTwo."]),
            (
                r#"window.__STATE__ = {"articleBody" : "Said \"no\".", "x": 1};"#,
                &["Said \"no\"."],
            ),
            // Two stories in one state: both read (the caller keeps the longest).
            (
                r#"[{"articleBody":"A"},{"articleBody":"BB"}]"#,
                &["A", "BB"],
            ),
            // The key as a value, a non-string value, an unterminated string.
            (r#"{"k":"articleBody"}"#, &[]),
            (r#"{"articleBody":null,"articleBody":["x"]}"#, &[]),
            (r#"{"articleBody":"never closed"#, &[]),
            (r#"{"articleBody":"ok"} {"articleBody":"cut"#, &["ok"]),
        ];
        for (src, want) in rows {
            assert_eq!(article_body_strings(src), *want, "{src}");
        }
    }

    #[test]
    fn many_unterminated_keys_are_linear() {
        let src = "{\"articleBody\": 1, ".repeat(200_000);
        let t = std::time::Instant::now();
        assert!(article_body_strings(&src).is_empty());
        assert!(t.elapsed().as_secs() < 2);
    }
}
