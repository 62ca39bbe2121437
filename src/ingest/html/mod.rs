//! Reading saved web pages: metadata (title, outlet, canonical URL, authors, publication
//! date evidence) and the article's main text without navigation, share bars, related
//! stories, newsletters, cookie banners, bylines and comments.
//!
//! Hostile input is bounded up front: at most [`MAX_BYTES`] are read, nesting is capped at
//! `dom::MAX_DEPTH`, attributes per tag at `dom::MAX_ATTRS`, and every pass is a loop
//! over an arena, so a page cannot overflow even a 2 MiB thread stack or take more than
//! linear time.

mod dates;
mod decide;
mod dom;
mod entities;
mod evidence;
mod extract;
mod hidden;
mod meta;
mod months;
mod pagetext;
mod phrases;
mod saved;
mod solar;
#[cfg(test)]
mod tests;

use crate::model::{DatedEvidence, ParagraphKind, Problem};

/// Bytes read from one page; beyond this the rest is ignored (with a problem).
pub const MAX_BYTES: usize = 16 << 20;

/// Text (bytes) of a page short enough that, when no article box is found in it, all its
/// text is kept, navigation and hidden boxes included: a note or a fragment, not a site.
const SHORT_PAGE: usize = 5000;

/// One paragraph of main text.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: ParagraphKind,
    pub text: String,
}

#[derive(Default, Debug)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    /// Every publication-date candidate found, most trusted first (json-ld, meta,
    /// time-element, url, byline).
    pub published: Vec<DatedEvidence>,
    pub modified: Option<DatedEvidence>,
    /// Main text in reading order, whitespace-normalised, boilerplate and comments removed.
    pub blocks: Vec<Block>,
    pub problems: Vec<Problem>,
}

/// Reads an HTML page (raw bytes, any encoding). Never panics, never recurses on input
/// depth, linear-ish time in input size.
pub fn read_html(bytes: &[u8]) -> HtmlArticle {
    read_html_limited(bytes, MAX_BYTES)
}

fn read_html_limited(bytes: &[u8], max_bytes: usize) -> HtmlArticle {
    let mut problems = Vec::new();
    let bytes = if bytes.len() > max_bytes {
        problems.push(Problem::warning(format!(
            "file is {} MB: only the first {} MB read",
            bytes.len() >> 20,
            max_bytes >> 20
        )));
        &bytes[..max_bytes]
    } else {
        bytes
    };
    let (text, _encoding) = super::decode::decode(bytes, true);
    if looks_binary(&text) {
        problems.push(Problem::error("file does not look like text (binary data)"));
        return HtmlArticle {
            problems,
            ..Default::default()
        };
    }
    let mut art = read_html_str(&text);
    problems.append(&mut art.problems);
    art.problems = problems;
    art
}

/// Control characters or replacement characters in much of the first 8 KB: not a page.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(8192) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()) {
            bad += 1;
        }
    }
    total > 0 && bad * 10 > total
}

/// What each place of the last-resort search of a page (`page-text`) gives on its own, in
/// the search's order (the first is the search's answer), as if the page stated its date
/// nowhere usual: lets `examples/score_page_dates --last-resort` measure that search on
/// pages whose date is known.
#[doc(hidden)]
pub fn last_resort_dates(text: &str) -> Vec<DatedEvidence> {
    let doc = dom::parse(text);
    let a = extract::analyse(&doc);
    let today = chrono::Local::now().date_naive();
    meta::read_meta_with(&doc, &a.foreign, today, true).published
}

/// [`read_html`] on already-decoded text.
pub fn read_html_str(text: &str) -> HtmlArticle {
    read_doc(text, true, None)
}

/// [`read_html_str`] for a page whose container states when it was saved (an MHTML
/// file's `Date:` header), on the saver's clock: a relative time shown on the page ("2 days
/// ago") counts back from it (see [`saved`]).
pub(crate) fn read_saved_html_str(text: &str, saved: Option<chrono::NaiveDateTime>) -> HtmlArticle {
    read_doc(text, true, saved)
}

/// `hidden_too`: when the visible body is thin, look for the article where pages built
/// by scripts keep it (see [`hidden`]); off for a hidden block read as a page itself.
fn read_doc(text: &str, hidden_too: bool, saved: Option<chrono::NaiveDateTime>) -> HtmlArticle {
    let mut problems = Vec::new();
    let mut doc = dom::parse(text);
    doc.saved_at = doc.saved_at.or(saved);
    if doc.depth_truncated {
        problems.push(Problem::warning(format!(
            "nesting deeper than {} levels: truncated",
            dom::MAX_DEPTH
        )));
    }
    if doc.attrs_truncated {
        problems.push(Problem::warning(format!(
            "a tag has more than {} known attributes: the rest ignored",
            dom::MAX_ATTRS
        )));
    }
    let a = extract::analyse(&doc);
    let m = meta::read_meta(&doc, &a.foreign);

    // The smallest box holding most of the good text (see `select_by_mass`); readability's
    // densest cluster only when the page has no paragraph text at all.
    // A standfirst named like furniture ("article-teaser") is read with names ignored.
    let mut lead_blocks = Vec::new();
    let mut roots = match extract::select_by_mass(&doc, &a, 0.8) {
        Some(r) => {
            let r = extract::one_story(&doc, &a, r, m.title.as_deref().or(m.h1.as_deref()));
            let mut v: Vec<u32> = Vec::new();
            match extract::lead_before(&doc, &a, r) {
                Some((lead, true)) => lead_blocks = extract::emit(&doc, &a, &[lead], false),
                Some((lead, false)) => v.push(lead),
                None => {}
            }
            v.push(r);
            v
        }
        _ => extract::select_roots(&doc, &a, true),
    };
    let mut use_junk = true;
    let mut blocks = extract::emit(&doc, &a, &roots, use_junk);
    if !lead_blocks.is_empty() {
        lead_blocks.append(&mut blocks);
        blocks = lead_blocks;
    }
    if text_len(&blocks) < 200 {
        // Some sites name their whole layout with words like "sidebar" or "header"; if
        // honouring class names leaves almost nothing, try again without them.
        let roots2 = extract::select_roots(&doc, &a, false);
        let blocks2 = extract::emit(&doc, &a, &roots2, false);
        if text_len(&blocks2) > 2 * text_len(&blocks).max(100) {
            roots = roots2;
            use_junk = false;
            blocks = blocks2;
        }
    }
    let _ = (roots, use_junk);
    // The headline is `title`, not body text.
    if let Some(t) = m.title.as_deref().or(m.h1.as_deref()) {
        let tn = simplify(t);
        blocks.retain(|b| b.kind != ParagraphKind::Heading || simplify(&b.text) != tn);
        if let Some(h1) = m.h1.as_deref() {
            let hn = simplify(h1);
            blocks.retain(|b| b.kind != ParagraphKind::Heading || simplify(&b.text) != hn);
        }
    }
    // A headline set as a line of the first paragraph (old table layouts: `<b>Headline</b>
    // <br>Text...`) is not a sentence of it.
    for t in [m.title.as_deref(), m.h1.as_deref()].into_iter().flatten() {
        for h in headline_forms(t) {
            strip_headline_line(&mut blocks, h);
        }
    }
    // A heading with nothing after it introduced something that was removed (comments,
    // related stories, a newsletter box).
    while blocks
        .last()
        .is_some_and(|b| b.kind == ParagraphKind::Heading)
    {
        blocks.pop();
    }
    // JSON-LD articleBody when the visible body is missing or much shorter; else the same
    // key in a script's state.
    let (body, from) = match m.article_body.clone() {
        Some(b) => (Some(b), "JSON-LD articleBody"),
        None if hidden_too => (hidden::script_article_body(&doc), "script's articleBody"),
        None => (None, ""),
    };
    if let Some(body) = body.as_deref() {
        let paras = split_article_body(body);
        let jl: usize = paras.iter().map(|p| p.len()).sum();
        if jl > 200 && text_len(&blocks) * 2 < jl {
            blocks = paras
                .into_iter()
                .map(|text| Block {
                    kind: ParagraphKind::Body,
                    text,
                })
                .collect();
            problems.push(Problem::warning(format!(
                "visible text too short: used the page's {from}"
            )));
        }
    }
    // The page's own copy for readers without scripts (`<noscript>`), or the markup a
    // script clones in (`<template>`), read as a page of its own.
    if hidden_too {
        let shown = text_len(&blocks);
        let best = hidden::hidden_markup(&doc)
            .into_iter()
            // Markup is longer than its text: a block that cannot double the visible
            // text is not read.
            .filter(|markup| markup.len() > 2 * shown)
            .map(|markup| read_doc(markup, false, None).blocks)
            // An article has paragraphs; a sign-up box or a "turn on JavaScript" note
            // has a line or two.
            .filter(|b| {
                b.iter()
                    .filter(|p| p.kind == ParagraphKind::Body && p.text.len() >= 80)
                    .count()
                    >= 2
            })
            .max_by_key(|b| text_len(b));
        if let Some(hb) = best {
            let hl = text_len(&hb);
            if hl > 200 && shown * 2 < hl {
                blocks = hb;
                problems.push(Problem::warning(
                    "visible text too short: used the page's <noscript> or <template> markup",
                ));
            }
        }
    }
    // A page where no article box stands out (a few lines, broken markup) keeps its text:
    // first what is visible outside navigation, then, for a short page, all of it.
    if blocks.is_empty() {
        blocks = extract::emit(&doc, &a, &[0], false);
        if blocks.is_empty() {
            let all = extract::all_text(&doc);
            if text_len(&all) <= SHORT_PAGE {
                blocks = all;
            }
        }
        if !blocks.is_empty() {
            problems.push(Problem::warning(
                "no article box found in the page: all of its text kept",
            ));
        }
    }
    // An old page without an `<h1>` sets its headline in bold on a line of its own before
    // the text, worded as it likes beside the `<title>`.
    if m.h1.is_none() {
        strip_bold_headline(&doc, &mut blocks);
    }
    if blocks.is_empty() {
        problems.push(Problem::warning("no main text found in the page"));
    }
    HtmlArticle {
        title: m.title,
        outlet: m.outlet,
        url: m.url,
        language: m.language,
        authors: m.authors,
        published: m.published,
        modified: m.modified,
        blocks,
        problems,
    }
}

/// Removes `headline` from the start of the first body block when the block goes on with
/// a new sentence ("Village school saved The village school ..."). Headlines of three words
/// or fewer could open a sentence, so they are left.
fn strip_headline_line(blocks: &mut [Block], headline: &str) {
    let h = headline.split_whitespace().collect::<Vec<_>>().join(" ");
    if h.split(' ').count() < 4 {
        return;
    }
    let Some(b) = blocks
        .iter_mut()
        .take(3)
        .find(|b| b.kind == ParagraphKind::Body)
    else {
        return;
    };
    let Some(rest) = b.text.strip_prefix(h.as_str()) else {
        return;
    };
    let rest = rest.trim_start();
    if rest.len() < b.text.len() - h.len()
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "“\"'‘«„".contains(c))
    {
        b.text = rest.to_string();
    }
}

/// Bold elements looked at for [`strip_bold_headline`]: a page's headline is among its first.
const BOLD_LOOKED_AT: usize = 200;

/// Removes the first body block when it is wholly one bold element (`<b>`, `<strong>`) of
/// four words or more that does not end as a sentence does: a headline by its markup, set
/// alone before the first paragraph, not a line of the text. A bold headline joined to the
/// first paragraph by a line break is cut from it as [`strip_headline_line`] cuts the
/// title's words.
fn strip_bold_headline(doc: &dom::Doc, blocks: &mut Vec<Block>) {
    let Some(at) = blocks
        .iter()
        .take(3)
        .position(|b| b.kind == ParagraphKind::Body)
    else {
        return;
    };
    let first = blocks[at].text.trim_end();
    // Before the first paragraph: a page whose only text is a bold line keeps it.
    let alone = !first.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '…'])
        && blocks[at + 1..]
            .iter()
            .any(|b| b.kind == ParagraphKind::Body);
    let want = simplify(first);
    let bold = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == dom::B || n.tag == dom::STRONG)
        .take(BOLD_LOOKED_AT)
        .map(|(i, _)| extract::short_text(doc, i as u32));
    for text in bold {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.split(' ').count() < 4 || text.ends_with(['.', '!', '?', ':']) {
            continue;
        }
        let s = simplify(&text);
        if s == want && alone {
            blocks.remove(at);
            return;
        }
        if !s.is_empty() && s != want && want.starts_with(&s) {
            strip_headline_line(blocks, &text);
            return;
        }
    }
}

/// A `<title>` and the headline it holds: a title is often the headline with the site's
/// name after a separator ("Council votes to keep the night ferry - The Island Post") or
/// before it ("The Island Post | Council votes …"); each side of the separator is tried.
fn headline_forms(title: &str) -> Vec<&str> {
    let mut out = vec![title];
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((headline, _site)) = title.rsplit_once(sep) {
            out.push(headline.trim());
        }
        if let Some((_site, headline)) = title.split_once(sep) {
            out.push(headline.trim());
        }
    }
    out
}

fn text_len(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.len()).sum()
}

fn simplify(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// `articleBody` is plain text with newlines between paragraphs (sometimes with HTML).
fn split_article_body(body: &str) -> Vec<String> {
    let text = if body.contains('<') {
        let d = dom::parse(body);
        let mut s = String::new();
        for (i, n) in d.nodes.iter().enumerate() {
            if n.tag == dom::TEXT {
                s.push_str(d.node_text(i as u32));
            } else if matches!(n.tag, dom::P | dom::BR | dom::DIV | dom::LI) {
                s.push('\n');
            }
        }
        s
    } else {
        body.to_string()
    };
    text.split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Debugging aid for the scorer: which boxes were chosen, and the boxes marked as
/// boilerplate that hold the most text.
#[doc(hidden)]
pub fn explain(bytes: &[u8]) -> String {
    let (text, _) = super::decode::decode(&bytes[..bytes.len().min(MAX_BYTES)], true);
    let doc = dom::parse(&text);
    let a = extract::analyse(&doc);
    let roots: Vec<u32> = extract::select_by_mass(&doc, &a, 0.8).into_iter().collect();
    let mut s = String::new();
    let desc = |i: u32| {
        format!(
            "#{i} <{} class={:?} id={:?}>",
            doc.tag_name(i),
            doc.attr(i, dom::AttrName::Class).unwrap_or(""),
            doc.attr(i, dom::AttrName::Id).unwrap_or("")
        )
    };
    for r in &roots {
        s.push_str(&format!("root {}\n", desc(*r)));
    }
    // The boxes on the way down to the root, with their good and card text.
    let mut path = Vec::new();
    let mut i = roots.first().copied().unwrap_or(0);
    while i != dom::NONE {
        path.push(i);
        i = doc.nodes[i as usize].parent;
    }
    for &i in path.iter().rev() {
        let (g, c) = a.mass_of(i as usize);
        s.push_str(&format!("  mass good={g} cards={c} {}\n", desc(i)));
        for ch in doc.children(i) {
            let (g2, c2) = a.mass_of(ch as usize);
            if g2 * 10 > g.max(1) {
                s.push_str(&format!("      child good={g2} cards={c2} {}\n", desc(ch)));
            }
        }
    }
    // Junk boxes whose parent is not junk, with their text sizes.
    let mut j: Vec<(usize, u32)> = Vec::new();
    for (i, n) in doc.nodes.iter().enumerate().skip(1) {
        if a.junk[i] && !a.junk[n.parent as usize] && n.tag != dom::TEXT {
            let t = meta::inner_text(&doc, i as u32, 100000).len();
            j.push((t, i as u32));
        }
    }
    j.sort_by_key(|x| std::cmp::Reverse(x.0));
    for (t, i) in j.into_iter().take(8) {
        s.push_str(&format!("junk {t} {}\n", desc(i)));
    }
    // The ancestors of the longest paragraph, with their flags.
    let longest = (0..doc.nodes.len())
        .filter(|&i| doc.nodes[i].tag == dom::P)
        .max_by_key(|&i| meta::inner_text(&doc, i as u32, 100000).len());
    if let Some(mut i) = longest.map(|i| i as u32) {
        while i != dom::NONE {
            s.push_str(&format!(
                "  up dead={} junk={} {}\n",
                a.dead[i as usize],
                a.junk[i as usize],
                desc(i)
            ));
            i = doc.nodes[i as usize].parent;
        }
    }
    s
}
