//! Page metadata: title, outlet, canonical URL, language, authors, and the publication
//! and modification dates. Date statements are gathered here (metadata, JSON-LD, the
//! address) and in [`super::evidence`] (what the page shows), and weighed in
//! [`super::decide`].

use super::dates::{
    parse_epoch, parse_stamp, parse_text_date_in, parse_url_date, parse_url_date_weak,
    parse_url_month, Order, ShortYear, Stamp, UrlReading,
};
use super::decide::decide;
use super::dom::{AttrName, Doc, BASE, SCRIPT, TEXT, TITLE};
use super::evidence::{headline, meta_key, visible, Cand, Kind};
use super::pagetext::{each_place, last_resort};
use crate::model::DatedEvidence;
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

const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
];

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
    read_meta_on(doc, in_junk, chrono::Local::now().date_naive())
}

/// [`read_meta`] as of the day `today` (no publication date can be later).
pub fn read_meta_on(doc: &Doc, in_junk: &[bool], today: chrono::NaiveDate) -> Meta {
    read_meta_with(doc, in_junk, today, false)
}

/// [`read_meta_on`]; with `only_last_resort`, the publication evidence is what each place
/// of the last-resort search alone finds (`super::pagetext`, in the search's order), as if
/// the page stated its date nowhere usual: for measuring that search on pages whose date
/// is known.
pub fn read_meta_with(
    doc: &Doc,
    in_junk: &[bool],
    today: chrono::NaiveDate,
    only_last_resort: bool,
) -> Meta {
    let mut m = Meta::default();
    let mut cands: Vec<Cand> = Vec::new();
    let mut json_title = None;
    let mut json_url = None;
    let mut og_title = None;
    let mut og_url = None;
    let mut canonical = None;
    let mut base = None;
    let mut meta_authors: Vec<String> = Vec::new();
    // The first publication date in a script's data (see `script_state_date`).
    let mut state_date: Option<Cand> = None;
    let mut state_bytes = 0;
    // Computed at the first `<meta>` inside a junk box (most pages have none).
    let mut other_items: Option<Vec<bool>> = None;
    // When an archiver saved the page (a relative "2 days ago" counts back from it).
    let mut saved = doc.saved_at;
    // Twitter card's `twitter:labelN` / `twitter:dataN` pairs (N = 1..4).
    let mut card: [(Option<&str>, Option<&str>); 4] = [(None, None); 4];

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
                        &mut cands,
                        &mut json_title,
                        &mut json_url,
                    );
                } else if state_date.is_none() && state_bytes < STATE_SCAN_BYTES {
                    let t = doc.node_text(i);
                    state_bytes += t.len();
                    state_date = script_state_date(&t[..floor_char(t, STATE_SCAN_BYTES)]);
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
                // Microdata of another story (a teaser card marked up as an item inside a
                // related box) is not this page's.
                if in_junk.get(idx) == Some(&true)
                    && other_items.get_or_insert_with(|| other_items_of(doc, in_junk))[idx]
                {
                    continue;
                }
                if let Some(t) = super::saved::from_meta(&key, content) {
                    saved = saved.or(Some(t));
                } else if content.starts_with('{') {
                    // A JSON object as the value (Parse.ly's `parsely-page`): the page's own
                    // metadata, whose publication key is read as a `<meta>` key would be.
                    let named = |k: &str| {
                        (k.contains("publish") || k.contains("pub_date") || k.contains("pubdate"))
                            && !k.contains("publisher")
                            && !k.contains("modif")
                            && !k.contains("updat")
                    };
                    let found = script_key_date(content, &["ublish", "ub_date", "ubDate"], named);
                    if let Some(c) = found {
                        let note = format!("meta {key}: {}", c.note);
                        cands.push(Cand {
                            kind: Kind::MetaGuessed,
                            confidence: 0.85,
                            note,
                            ..c
                        });
                    }
                } else if let Some(c) = meta_key(&key, content) {
                    cands.push(c);
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
                        k if k.starts_with("twitter:label") || k.starts_with("twitter:data") => {
                            let (label, n) = match k.strip_prefix("twitter:label") {
                                Some(n) => (true, n),
                                None => (false, &k["twitter:data".len()..]),
                            };
                            if let Some(slot) = n
                                .parse::<usize>()
                                .ok()
                                .and_then(|n| n.checked_sub(1))
                                .and_then(|n| card.get_mut(n))
                            {
                                if label {
                                    slot.0.get_or_insert(content);
                                } else {
                                    slot.1.get_or_insert(content);
                                }
                            }
                        }
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
            BASE if base.is_none() => {
                base = doc
                    .attr(i, AttrName::Href)
                    .map(|s| s.trim().to_string())
                    .filter(|u| u.starts_with("http") && u.len() > 12);
            }
            _ => {}
        }
    }
    cands.extend(state_date);
    let order = Order::of_language(m.language.as_deref());
    let title_hint = json_title
        .as_deref()
        .or(og_title.as_deref())
        .or(m.title.as_deref());
    let short = ShortYear::of_page(m.language.as_deref(), title_hint.unwrap_or(""));
    m.url = canonical
        .filter(|u| u.starts_with("http"))
        .or(og_url)
        .or(json_url)
        .or_else(|| doc.saved_from.clone());
    // The page's own address, and the one it was saved from or based at (a canonical URL
    // may be a section front without the date that the article's own address has). An
    // archive's address holds the page's own after the moment it was captured: only the
    // page's own is read for its date, the capture is when it was saved.
    let all: [Option<&str>; 3] = [m.url.as_deref(), doc.saved_from.as_deref(), base.as_deref()];
    let saved = saved.or_else(|| {
        all.iter()
            .flatten()
            .find_map(|u| super::saved::captured_at(u))
    });
    let addresses: Vec<&str> = all
        .into_iter()
        .flatten()
        .map(super::saved::original_address)
        .collect();
    cands.extend(visible(doc, in_junk, order, short, title_hint, saved));
    cands.extend(card.iter().filter_map(|&(l, d)| card_date(l?, d?, order)));
    if let Some((d, u)) = addresses
        .iter()
        .find_map(|u| parse_url_date(u).map(|d| (d, u)))
    {
        let note = if m.url.as_deref().is_some_and(|own| own.ends_with(*u)) {
            "date in URL path".to_string()
        } else {
            format!("date in the address the page was saved from ({u})")
        };
        cands.push(Cand::new(
            Stamp {
                date: d,
                utc: false,
            },
            Kind::Url,
            0.8,
            note,
            false,
        ));
    }
    if !cands.iter().any(|c| c.kind == Kind::Url) {
        if let Some((d, r, u)) = addresses
            .iter()
            .find_map(|u| parse_url_date_weak(u, order).map(|(d, r)| (d, r, u)))
        {
            let (kind, conf, how) = match r {
                UrlReading::Certain => (Kind::Url, 0.75, "day and month before the year"),
                UrlReading::Guessed => (
                    Kind::UrlGuessed,
                    0.6,
                    "a query's date or a day and month read in the page's order",
                ),
            };
            cands.push(Cand::new(
                Stamp {
                    date: d,
                    utc: false,
                },
                kind,
                conf,
                format!("date in the address ({how}: {u})"),
                false,
            ));
        }
    }
    let url_month = addresses.iter().find_map(|u| parse_url_month(u));
    let (mut published, modified) = decide(cands, url_month, today);
    if only_last_resort {
        let h1 = headline(doc, in_junk, title_hint);
        published = each_place(doc, in_junk, order, h1, today);
    } else if published.is_empty() {
        let h1 = headline(doc, in_junk, title_hint);
        published.extend(last_resort(doc, in_junk, order, h1, today));
    }
    m.published = published;
    m.modified = modified;

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

/// A Twitter card's label and data pair as a date: "Published" / "14 September 2023"
/// (sites fill the card's two free fields with what a reader sees first; "Written by" and
/// "Est. reading time" are not dates). The label says what the date is: a publication
/// (below a machine's field, since the value is written for people) or an update.
fn card_date(label: &str, data: &str, order: Order) -> Option<Cand> {
    let l = label.to_lowercase();
    let has = |w: &[&str]| {
        l.split(|c: char| !c.is_alphanumeric())
            .any(|x| w.iter().any(|p| x.starts_with(p)))
    };
    let modified = has(&["updat", "modif", "revis", "edit"]);
    let published = has(&[
        "publish",
        "posted",
        "date",
        "released",
        "filed",
        "publicad",
        "publié",
        "veröffentlicht",
    ]);
    if !modified && !published {
        return None;
    }
    if data.len() > 80 {
        return None;
    }
    let stamp = parse_stamp(data)
        .or_else(|| parse_text_date_in(data, order).map(|date| Stamp { date, utc: false }))?;
    Some(Cand::new(
        stamp,
        Kind::MetaGuessed,
        if !modified && has(&["publish"]) {
            0.85
        } else {
            0.75
        },
        format!(
            "twitter card \"{}\" / \"{}\"",
            norm_ws(label),
            norm_ws(data)
        ),
        modified,
    ))
}

/// First element with `tag` (node 0 is the document root, not an element).
fn first_tag(doc: &Doc, tag: u32) -> Option<u32> {
    doc.nodes
        .iter()
        .skip(1)
        .position(|n| n.tag == tag)
        .map(|i| i as u32 + 1)
}

/// Per node: the microdata item (`itemtype`) it belongs to sits in a box of other stories
/// (a teaser card marked up as an item inside a related box). A node outside any item
/// states something about the page itself, wherever the page put it; so does one in an
/// item on the whole page or its head (`<head itemtype=".../WebSite">`). One pass, parents
/// before children.
fn other_items_of(doc: &Doc, in_junk: &[bool]) -> Vec<bool> {
    let mut out = vec![false; doc.nodes.len()];
    for (i, node) in doc.nodes.iter().enumerate().skip(1) {
        let p = node.parent as usize;
        out[i] = if node.tag != TEXT && doc.attr(i as u32, AttrName::Itemtype).is_some() {
            let whole = matches!(
                node.tag,
                super::dom::HTML | super::dom::HEAD | super::dom::BODY
            );
            in_junk[i] && !whole
        } else {
            p < out.len() && out[p]
        };
    }
    out
}

/// A key of a JSON-LD object, compared without case (`datepublished`, `DatePublished`:
/// vocabularies are case-sensitive, the CMSs that write them are not).
fn get_key<'a>(o: &'a Value, key: &str) -> Option<&'a Value> {
    o.get(key).or_else(|| {
        o.as_object()?
            .iter()
            .take(200)
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
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

fn is_live_blog(v: &Value) -> bool {
    let check = |s: &str| {
        s.rsplit('/')
            .next()
            .unwrap_or(s)
            .eq_ignore_ascii_case("liveblogposting")
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

/// A JSON-LD node that describes the site, a party or a piece of navigation rather than a
/// page or its story (`@graph` holds them beside the article): its dates are the site's
/// launch, a logo's upload or a breadcrumb's, never the article's.
fn is_not_a_page(v: &Value) -> bool {
    let check = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s).to_ascii_lowercase();
        matches!(
            s.as_str(),
            "website"
                | "organization"
                | "newsmediaorganization"
                | "corporation"
                | "person"
                | "imageobject"
                | "breadcrumblist"
                | "sitenavigationelement"
                | "searchaction"
                | "wpheader"
                | "wpfooter"
                | "wpsidebar"
                | "brand"
        )
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => !a.is_empty() && a.iter().all(|x| x.as_str().is_some_and(check)),
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

/// A JSON-LD date value: a string, the first of an array, `{"@value": ...}`, or a Unix
/// time as a number (seconds or milliseconds).
fn json_date(v: &Value) -> Option<Stamp> {
    match v {
        Value::String(s) => parse_stamp(s).or_else(|| parse_epoch(s)),
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            .and_then(|n| parse_epoch(&n.to_string())),
        Value::Array(a) => a.iter().take(4).find_map(json_date),
        Value::Object(o) => o.get("@value").and_then(json_date),
        _ => None,
    }
}

/// Strips what wraps JSON in a script: an HTML comment, XHTML's `<![CDATA[ ... ]]>` (with
/// or without `//` before the markers), a trailing `;`.
fn unwrap_script(src: &str) -> &str {
    let mut t = src.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.trim_start();
            if let Some(r) = t.trim_end().strip_suffix(close) {
                t = r;
            }
            t = t.trim();
        }
    }
    t.trim_end_matches(';').trim_end()
}

/// Date keys found by a plain scan of JSON-LD that does not parse (a trailing comma, two
/// objects back to back): `"datePublished": "2021-03-03..."`.
fn scan_json_dates(src: &str, cands: &mut Vec<Cand>) {
    for (key, modified) in [("\"datePublished\"", false), ("\"dateModified\"", true)] {
        let Some(at) = src.find(key) else { continue };
        let rest = src[at + key.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let value = &rest[..rest.find('"').unwrap_or(rest.len()).min(64)];
        if let Some(s) = parse_stamp(value) {
            let note = format!(
                "JSON-LD {} (read from JSON that does not parse)",
                &key[1..key.len() - 1]
            );
            cands.push(Cand::new(s, Kind::JsonLdOther, 0.85, note, modified));
        }
    }
}

/// Script text read for data dates per page (the app's state is near the top).
const STATE_SCAN_BYTES: usize = 1 << 20;

/// The largest char boundary of `s` at or below `at`.
fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A publication date in a script's data (a framework's page state, an analytics layer):
/// the first key that names publication in its words (`"publishedAt"`, `publish_date:`,
/// `'datePublished'`, `\"pubDate\"` in JSON held in a string) with a date string or a Unix
/// time as its value. Such state may also hold other stories, so it is a weak statement:
/// used when the page says nothing stronger, never to dispute what it does say.
pub(super) fn script_state_date(src: &str) -> Option<Cand> {
    script_key_date(src, &["ublish", "ubDate"], |lower| {
        (lower.contains("publish") || lower.contains("pubdate"))
            && !lower.contains("publisher")
            && !lower.contains("modif")
            && !lower.contains("updat")
    })
}

/// The first key of a script's data found by one of `needles` (parts of the key, looked for
/// as written) that `accept` takes (given the whole key in lower case), with a date string
/// or a Unix time as its value.
pub(super) fn script_key_date(
    src: &str,
    needles: &[&str],
    accept: impl Fn(&str) -> bool,
) -> Option<Cand> {
    let b = src.as_bytes();
    let is_key = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'.';
    let mut from = 0;
    // The next place of each word, found again only once passed (linear in the script).
    let mut at: Vec<Option<usize>> = needles.iter().map(|w| src.find(w)).collect();
    loop {
        for (k, word) in needles.iter().enumerate() {
            if at[k].is_some_and(|p| p < from) {
                at[k] = src[from..].find(word).map(|p| p + from);
            }
        }
        let Some(hit) = at.iter().flatten().min().copied() else {
            break;
        };
        from = hit + 1;
        let mut st = hit;
        while st > 0 && is_key(b[st - 1]) && hit - st < 40 {
            st -= 1;
        }
        let mut en = hit;
        while en < b.len() && is_key(b[en]) && en - st < 48 {
            en += 1;
        }
        let key = &src[st..en];
        let lower = key.to_ascii_lowercase();
        if !accept(&lower) {
            continue;
        }
        // After the key: its closing quote (escaped or not), a colon, the value's quote.
        let rest = src[en..].trim_start_matches(['\\', '"', '\'']).trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start().trim_start_matches('\\');
        let value = match rest.as_bytes().first() {
            Some(&c) if c == b'"' || c == b'\'' => {
                let v = &rest[1..];
                v[..v.bytes().take(64).position(|x| x == c).unwrap_or(0)].trim_end_matches('\\')
            }
            _ => &rest[..rest.bytes().take(13).take_while(u8::is_ascii_digit).count()],
        };
        if let Some(s) = parse_stamp(value).or_else(|| parse_epoch(value)) {
            return Some(Cand::new(
                s,
                Kind::ScriptState,
                0.6,
                format!("script data \"{key}\""),
                false,
            ));
        }
    }
    None
}

fn read_json_ld(
    src: &str,
    m: &mut Meta,
    cands: &mut Vec<Cand>,
    title: &mut Option<String>,
    url: &mut Option<String>,
) {
    let src = unwrap_script(src);
    // serde_json stops at nesting 128, so hostile JSON cannot overflow the stack.
    let root = match serde_json::from_str::<Value>(src) {
        Ok(v) => v,
        Err(_) => {
            // CMSs often leave raw newlines inside strings, which strict JSON forbids;
            // outside strings they are whitespace either way.
            let cleaned: String = src
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            match serde_json::from_str::<Value>(&cleaned) {
                Ok(v) => v,
                Err(_) => return scan_json_dates(&cleaned, cands),
            }
        }
    };
    // Iterative walk over objects. The page's own objects are the top-level ones, those
    // in `@graph` and its `mainEntity`; objects in an `itemListElement` are other stories
    // (their dates are not this page's).
    let mut objs: Vec<(&Value, bool)> = Vec::new();
    let mut stack = vec![(&root, true)];
    while let Some((v, own)) = stack.pop() {
        if objs.len() > 1000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, own))),
            Value::Object(o) => {
                objs.push((v, own));
                for key in ["@graph", "mainEntity", "itemListElement"] {
                    if let Some(x) = o.get(key) {
                        stack.push((x, own && key != "itemListElement"));
                    }
                }
            }
            _ => {}
        }
    }
    // Article-typed objects first, the page's own before others.
    objs.sort_by_key(|(o, own)| (!is_article_type(o), !own));
    for (o, own) in objs {
        let art = is_article_type(o);
        if own && !is_not_a_page(o) {
            let kind = if art {
                Kind::JsonLdArticle
            } else {
                Kind::JsonLdOther
            };
            let conf = if art { 0.95 } else { 0.85 };
            let mut stated = false;
            // (Not a video's `uploadDate`: a video embedded in a story has its own.)
            for (key, modified) in [
                ("datePublished", false),
                ("dateCreated", false),
                ("dateModified", true),
            ] {
                if let Some(s) = get_key(o, key).and_then(json_date) {
                    // dateCreated trails datePublished when both are there.
                    let c = if key == "datePublished" {
                        conf
                    } else {
                        conf - 0.01
                    };
                    cands.push(Cand::new(s, kind, c, format!("JSON-LD {key}"), modified));
                    stated = stated || !modified;
                }
            }
            // A live blog is opened when its coverage starts: with no publication stated,
            // that is its first day. Not beyond doubt (a page may be set up before the
            // coverage it announces), so below 0.8 unless another part of the page agrees.
            if !stated && is_live_blog(o) {
                if let Some(s) = get_key(o, "coverageStartTime").and_then(json_date) {
                    let note = "JSON-LD coverageStartTime of a LiveBlogPosting".to_string();
                    cands.push(Cand::new(s, Kind::JsonLdOther, 0.75, note, false));
                }
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
