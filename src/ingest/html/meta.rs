//! Page metadata: title, outlet, canonical URL, language, authors, and every publication
//! date candidate with its source. Sources are tried in order of trust because a page
//! usually states its date several times and the machine-readable statements are the ones
//! an editor's CMS wrote: JSON-LD (0.98) > `<meta>` (0.95) > `<time datetime>` (0.9) >
//! URL path (0.8) > visible byline (0.75).

use super::dates::{parse_meta_date, parse_text_date, parse_url_date};
use super::dom::{AttrName, Doc, A, NONE, SCRIPT, TEXT, TIME, TITLE};
use super::phrases::{contains_any, PUBLISHED_WORDS, UPDATED_WORDS};
use crate::model::{DatedEvidence, PubDateSource};
use chrono::NaiveDate;
use serde_json::Value;

#[derive(Default, Debug)]
pub struct Meta {
    pub title: Option<String>,
    pub h1: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub authors: Vec<String>,
    pub published: Vec<DatedEvidence>,
    pub modified: Option<DatedEvidence>,
    /// JSON-LD `articleBody`, used when the visible body is missing.
    pub article_body: Option<String>,
}

const PUB_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "datepublished",
    "date",
    "dc.date.issued",
    "dc.date",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
    "release_date",
    "displaydate",
    "datecreated",
];
const MOD_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
    "lastmod",
];
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
];

fn ev(date: NaiveDate, source: PubDateSource, confidence: f32, note: String) -> DatedEvidence {
    DatedEvidence {
        date,
        source,
        confidence,
        note,
    }
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text under node `i`, whitespace-normalised, at most about `cap` bytes. Iterative.
pub fn inner_text(doc: &Doc, i: u32, cap: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![i];
    while let Some(n) = stack.pop() {
        if out.len() > cap {
            break;
        }
        let node = &doc.nodes[n as usize];
        if node.tag == TEXT {
            out.push_str(doc.node_text(n));
            continue;
        }
        if node.tag == SCRIPT || node.tag == TITLE {
            continue;
        }
        out.push(' ');
        let first = stack.len();
        stack.extend(doc.children(n));
        stack[first..].reverse();
    }
    norm_ws(&out)
}

/// Reads all metadata. `in_junk[i]` marks nodes inside navigation/comments/related lists,
/// where a `<time>` or a date-looking line belongs to some other article.
pub fn read_meta(doc: &Doc, in_junk: &[bool]) -> Meta {
    let mut m = Meta::default();
    let mut pubs: Vec<DatedEvidence> = Vec::new();
    let mut json_title = None;
    let mut json_url = None;
    let mut og_title = None;
    let mut og_url = None;
    let mut canonical = None;
    let mut time_el: Option<DatedEvidence> = None;
    let mut byline: Option<DatedEvidence> = None;
    let mut byline_updated: Option<DatedEvidence> = None;
    let mut meta_authors: Vec<String> = Vec::new();
    let mut meta_pub: Vec<(usize, NaiveDate, String)> = Vec::new();

    m.language = doc
        .attr(
            first_tag(doc, super::dom::HTML).unwrap_or(0),
            AttrName::Lang,
        )
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());

    for (idx, node) in doc.nodes.iter().enumerate() {
        let i = idx as u32;
        match node.tag {
            TITLE if m.title.is_none() => {
                let t = norm_ws(doc.node_text(i));
                if !t.is_empty() {
                    m.title = Some(t);
                }
            }
            SCRIPT => {
                let ty = doc.attr(i, AttrName::Type).unwrap_or("");
                if ty.to_ascii_lowercase().contains("ld+json") {
                    read_json_ld(
                        doc.node_text(i),
                        &mut m,
                        &mut pubs,
                        &mut json_title,
                        &mut json_url,
                    );
                }
            }
            super::dom::META => {
                let key = doc
                    .attr(i, AttrName::Property)
                    .or_else(|| doc.attr(i, AttrName::Name))
                    .or_else(|| doc.attr(i, AttrName::Itemprop))
                    .or_else(|| doc.attr(i, AttrName::HttpEquiv))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let content = doc.attr(i, AttrName::Content).unwrap_or("").trim();
                if key.is_empty() || content.is_empty() {
                    continue;
                }
                if let Some(rank) = PUB_META.iter().position(|k| *k == key) {
                    if let Some(d) = parse_meta_date(content) {
                        meta_pub.push((rank, d, key.clone()));
                    }
                } else if MOD_META.contains(&key.as_str()) {
                    if m.modified.is_none() {
                        if let Some(d) = parse_meta_date(content) {
                            m.modified =
                                Some(ev(d, PubDateSource::Meta, 0.95, format!("meta {key}")));
                        }
                    }
                } else if AUTHOR_META.contains(&key.as_str()) {
                    if !content.starts_with("http") {
                        meta_authors.push(norm_ws(content));
                    }
                } else {
                    match key.as_str() {
                        "og:title" | "twitter:title" if og_title.is_none() => {
                            og_title = Some(norm_ws(content))
                        }
                        "og:site_name" | "application-name" if m.outlet.is_none() => {
                            m.outlet = Some(norm_ws(content))
                        }
                        "og:url" if og_url.is_none() => og_url = Some(content.to_string()),
                        "content-language" | "og:locale" | "language" if m.language.is_none() => {
                            m.language = Some(content.replace('_', "-"))
                        }
                        _ => {}
                    }
                }
            }
            super::dom::LINK => {
                let rel = doc.attr(i, AttrName::Rel).unwrap_or("");
                if canonical.is_none() && rel.eq_ignore_ascii_case("canonical") {
                    canonical = doc.attr(i, AttrName::Href).map(|s| s.trim().to_string());
                }
            }
            _ => {}
        }
        if node.tag == TEXT || node.tag == super::dom::META || in_junk.get(idx) == Some(&true) {
            continue;
        }
        // itemprop="datePublished" on visible elements (microdata).
        if let Some(ip) = doc.attr(i, AttrName::Itemprop) {
            let ip = ip.to_ascii_lowercase();
            if ip == "datepublished" || ip == "datemodified" {
                let v = doc
                    .attr(i, AttrName::Datetime)
                    .or_else(|| doc.attr(i, AttrName::Content))
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| inner_text(doc, i, 100));
                if let Some(d) = parse_meta_date(&v) {
                    if ip == "datepublished" {
                        meta_pub.push((PUB_META.len(), d, "itemprop datePublished".into()));
                    } else if m.modified.is_none() {
                        m.modified = Some(ev(
                            d,
                            PubDateSource::Meta,
                            0.9,
                            "itemprop dateModified".into(),
                        ));
                    }
                }
            }
        }
        if node.tag == TIME && time_el.is_none() {
            if let Some(d) = doc.attr(i, AttrName::Datetime).and_then(parse_meta_date) {
                time_el = Some(ev(
                    d,
                    PubDateSource::TimeElement,
                    0.9,
                    "<time datetime>".into(),
                ));
            }
        }
        if byline.is_none() && node.tag != A {
            let cls = format!(
                "{} {}",
                doc.attr(i, AttrName::Class).unwrap_or(""),
                doc.attr(i, AttrName::Id).unwrap_or("")
            )
            .to_ascii_lowercase();
            let looks = [
                "date", "byline", "time", "publish", "posted", "meta", "dateline",
            ]
            .iter()
            .any(|k| cls.contains(k));
            if looks && node.first_child != NONE {
                let t = inner_text(doc, i, 200);
                if t.len() < 200 {
                    if let Some(d) = parse_text_date(&t) {
                        let lower = t.to_lowercase();
                        let updated = contains_any(&lower, UPDATED_WORDS)
                            && !contains_any(&lower, PUBLISHED_WORDS)
                            && !lower.contains("publish");
                        let e = ev(d, PubDateSource::Byline, 0.75, format!("byline \"{t}\""));
                        if updated {
                            byline_updated.get_or_insert(e);
                        } else {
                            byline = Some(e);
                        }
                    }
                }
            }
        }
    }
    // Visible "Published ..." lines not marked up with a class.
    if byline.is_none() {
        byline = find_published_line(doc, in_junk);
    }

    meta_pub.sort_by_key(|(r, _, _)| *r);
    for (_, d, key) in meta_pub {
        pubs.push(ev(d, PubDateSource::Meta, 0.95, format!("meta {key}")));
    }
    if let Some(t) = time_el {
        pubs.push(t);
    }
    m.url = canonical
        .filter(|u| u.starts_with("http"))
        .or(og_url)
        .or(json_url);
    if let Some(d) = m.url.as_deref().and_then(parse_url_date) {
        pubs.push(ev(d, PubDateSource::Url, 0.8, "date in URL path".into()));
    }
    if let Some(b) = byline {
        pubs.push(b);
    }
    // A byline that only says "Updated ..." dates the last edit, not the publication.
    if m.modified.is_none() {
        if let Some(mut b) = byline_updated {
            b.confidence = 0.6;
            b.note = format!("{} (an update date)", b.note);
            m.modified = Some(b);
        }
    }
    // One entry per (source, date), most trusted first (stable: document order within).
    let mut seen = Vec::new();
    pubs.retain(|e| {
        let k = (e.source, e.date);
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
    pubs.sort_by_key(|e| e.source);
    m.published = pubs;

    if m.authors.is_empty() {
        m.authors = meta_authors;
    }
    let mut dedup: Vec<String> = Vec::new();
    for a in m.authors.drain(..) {
        if !a.is_empty() && !dedup.contains(&a) {
            dedup.push(a);
        }
    }
    m.authors = dedup;
    if let Some(h) = first_tag(doc, super::dom::H1).filter(|&h| !in_junk[h as usize]) {
        let t = inner_text(doc, h, 400);
        if !t.is_empty() {
            m.h1 = Some(t);
        }
    }
    m.title = json_title
        .or(og_title)
        .or_else(|| m.h1.clone())
        .or(m.title.take());
    m
}

/// First element with `tag` (node 0 is the document root, not an element).
fn first_tag(doc: &Doc, tag: u32) -> Option<u32> {
    doc.nodes
        .iter()
        .skip(1)
        .position(|n| n.tag == tag)
        .map(|i| i as u32 + 1)
}

/// A short visible line such as "Published 3 March 2021, 14:05 GMT".
fn find_published_line(doc: &Doc, in_junk: &[bool]) -> Option<DatedEvidence> {
    for (idx, node) in doc.nodes.iter().enumerate() {
        if node.tag != TEXT || in_junk.get(idx) == Some(&true) {
            continue;
        }
        let t = doc.node_text(idx as u32).trim();
        if t.len() > 120 || t.len() < 8 {
            continue;
        }
        let lower = t.to_lowercase();
        let published = PUBLISHED_WORDS.iter().any(|p| lower.starts_with(p))
            || lower.starts_with("first published");
        if !published {
            continue;
        }
        // The date may be in the same text node or the next element ("Published <span>..").
        let mut cand = t.to_string();
        if parse_text_date(&cand).is_none() && node.parent != NONE {
            cand = inner_text(doc, node.parent, 200);
        }
        if let Some(d) = parse_text_date(&cand) {
            return Some(ev(
                d,
                PubDateSource::Byline,
                0.75,
                format!("byline \"{}\"", norm_ws(&cand)),
            ));
        }
    }
    None
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.ends_with("article") || s.contains("posting") || s == "report" || s == "newsarticle"
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

fn json_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(norm_ws(s)),
        Value::Array(a) => {
            for x in a.iter().take(20) {
                if let Some(s) = x.as_str() {
                    out.push(norm_ws(s));
                } else if let Some(s) = x.get("name").and_then(|n| n.as_str()) {
                    out.push(norm_ws(s));
                }
            }
        }
        Value::Object(_) => {
            if let Some(s) = v.get("name").and_then(|n| n.as_str()) {
                out.push(norm_ws(s));
            }
        }
        _ => {}
    }
}

fn read_json_ld(
    src: &str,
    m: &mut Meta,
    pubs: &mut Vec<DatedEvidence>,
    title: &mut Option<String>,
    url: &mut Option<String>,
) {
    // CMSs often leave raw newlines inside strings, which strict JSON forbids; outside
    // strings they are whitespace either way.
    let cleaned: String = src
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    // serde_json stops at nesting 128, so hostile JSON cannot overflow the stack.
    let root = match serde_json::from_str::<Value>(src.trim()) {
        Ok(v) => v,
        Err(_) => match serde_json::from_str::<Value>(&cleaned) {
            Ok(v) => v,
            Err(_) => return,
        },
    };
    // Iterative walk over objects; article-typed objects first.
    let mut objs: Vec<&Value> = Vec::new();
    let mut stack = vec![&root];
    while let Some(v) = stack.pop() {
        if objs.len() > 1000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                objs.push(v);
                for key in ["@graph", "mainEntity", "itemListElement"] {
                    if let Some(x) = o.get(key) {
                        stack.push(x);
                    }
                }
            }
            _ => {}
        }
    }
    objs.sort_by_key(|o| !is_article_type(o));
    for o in objs {
        let art = is_article_type(o);
        let conf = if art { 0.98 } else { 0.9 };
        for key in ["datePublished", "dateCreated"] {
            if let Some(d) = o
                .get(key)
                .and_then(|v| v.as_str())
                .and_then(parse_meta_date)
            {
                pubs.push(ev(d, PubDateSource::JsonLd, conf, format!("JSON-LD {key}")));
            }
        }
        if m.modified.is_none() {
            if let Some(d) = o
                .get("dateModified")
                .and_then(|v| v.as_str())
                .and_then(parse_meta_date)
            {
                m.modified = Some(ev(
                    d,
                    PubDateSource::JsonLd,
                    conf,
                    "JSON-LD dateModified".into(),
                ));
            }
        }
        if !art {
            continue;
        }
        if title.is_none() {
            *title = o.get("headline").and_then(|v| v.as_str()).map(norm_ws);
        }
        if url.is_none() {
            *url = o.get("url").and_then(|v| v.as_str()).map(|s| s.to_string());
        }
        if m.authors.is_empty() {
            if let Some(a) = o.get("author") {
                json_names(a, &mut m.authors);
            }
        }
        if m.outlet.is_none() {
            m.outlet = o
                .get("publisher")
                .and_then(|p| p.get("name"))
                .and_then(|v| v.as_str())
                .map(norm_ws);
        }
        if m.language.is_none() {
            m.language = o
                .get("inLanguage")
                .and_then(|v| v.as_str())
                .map(|s| s.to_string());
        }
        if m.article_body.is_none() {
            m.article_body = o
                .get("articleBody")
                .and_then(|v| v.as_str())
                .map(|s| s.to_string());
        }
    }
}
