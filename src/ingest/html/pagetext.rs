//! The last resort for a page's date, used only when no part of the page states it where
//! pages usually do (metadata, JSON-LD, a publication key in the first scripts, a marked
//! element, a byline, a dated line by the headline, the address). Then the whole page is
//! searched, most telling places first:
//! 1. a date-bearing attribute of any element (`datetime`, a date-named `data-*`,
//!    `content`, a machine-written `title`): templates put the story's stamp there for
//!    scripts that print "3 hours ago";
//! 2. a publication or creation key in any script's data (`"dateCreated"`, `created_at`);
//! 3. the page's visible text: the first short dated line after the headline (a byline
//!    this reader's other rules missed), else a date the text repeats more often than any
//!    other (a page states its own date in several places). Lines that say "updated" are
//!    skipped. A date given once in running text is left to `pubdate`'s reading of the
//!    article text (the latest date it states outside future clauses).
//!
//! Every such date is a guess and says so: the source is `page-text`, the confidence at
//! most 0.55, so it is never shown as firm, and `pubdate::resolve` ranks it below a file
//! name, a folder or a wire dateline. Dates outside what a web page can carry are dropped:
//! before 1990 (the web did not exist; such a date in a page's text is history), after
//! today, and after the year of the page's copyright line ("© 2019 …": pages stamp the
//! year they were made; a copyright year never gives a day on its own).

use super::dates::{find_dates, normalize_digits, parse_epoch, parse_stamp, Order, Stamp};
use super::dom::{
    AttrName, Doc, A, BODY, LINK, META, NONE, NOSCRIPT, OPTION, PRE, SCRIPT, SELECT, STYLE,
    TEMPLATE, TEXT, TEXTAREA, TITLE,
};
use super::evidence::in_caption;
use super::meta::script_key_date;
use super::phrases::{contains_any, UPDATED_WORDS};
use crate::model::{DatedEvidence, PubDateSource};
use chrono::{Datelike, NaiveDate};

/// Bytes of scripts searched for a creation key (the first pass read fewer).
const SCRIPT_BYTES: usize = 4 << 20;
/// Text nodes whose dates are read (a bound on time for enormous pages).
const MAX_TEXT_NODES: usize = 20_000;

/// The dates a web page can carry as its own: from 1990 to `latest`.
fn plausible(d: NaiveDate, latest: NaiveDate) -> bool {
    d.year() >= 1990 && d <= latest
}

fn guess(date: NaiveDate, confidence: f32, note: String) -> DatedEvidence {
    DatedEvidence {
        date,
        source: PubDateSource::PageText,
        confidence,
        note: format!("found in the page text (last resort): {note}"),
    }
}

/// The page's date by the search described in the module docs; `foreign[i]` marks nodes in
/// other stories' boxes (never read), `h1` the headline.
pub fn last_resort(
    doc: &Doc,
    foreign: &[bool],
    order: Order,
    h1: Option<u32>,
    today: NaiveDate,
) -> Option<DatedEvidence> {
    let latest = upper_bound(doc, today);
    attribute_date(doc, foreign, h1, latest)
        .or_else(|| script_date(doc, latest))
        .or_else(|| {
            let [line, repeated] = text_date(doc, foreign, order, h1, latest);
            line.or(repeated)
        })
}

/// What each place of the search gives on its own (attribute, script, text), for measuring
/// each against pages whose date is known.
pub fn each_place(
    doc: &Doc,
    foreign: &[bool],
    order: Order,
    h1: Option<u32>,
    today: NaiveDate,
) -> Vec<DatedEvidence> {
    let latest = upper_bound(doc, today);
    let [line, repeated] = text_date(doc, foreign, order, h1, latest);
    [
        attribute_date(doc, foreign, h1, latest),
        script_date(doc, latest),
        line,
        repeated,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The latest date a page can carry: today, or the end of its copyright year if earlier.
fn upper_bound(doc: &Doc, today: NaiveDate) -> NaiveDate {
    let mut latest = today.succ_opt().unwrap_or(today);
    if let Some(end) = copyright_year(doc).and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31)) {
        latest = latest.min(end);
    }
    latest
}

/// The latest year of a copyright line ("© 2019", "Copyright 2004-2021", "(c) 2020").
pub(super) fn copyright_year(doc: &Doc) -> Option<i32> {
    let mut best: Option<i32> = None;
    for (i, node) in doc.nodes.iter().enumerate() {
        if node.tag != TEXT {
            continue;
        }
        let t = doc.node_text(i as u32);
        if t.len() > 300 {
            continue;
        }
        let lower = t.to_lowercase();
        let Some(at) = ["©", "copyright", "(c)", "&copy"]
            .iter()
            .filter_map(|w| lower.find(w).map(|p| p + w.len()))
            .min()
        else {
            continue;
        };
        // The years right after the mark, through separators ("2004 - 2021", "2004–21").
        let rest = &lower[at..];
        let mut year = None;
        for w in rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| !w.is_empty())
            .take(2)
        {
            if let Ok(y) = w.parse::<i32>() {
                if w.len() == 4 && (1990..=2100).contains(&y) {
                    year = Some(year.map_or(y, |p: i32| p.max(y)));
                }
            }
        }
        if let Some(y) = year {
            best = Some(best.map_or(y, |b| b.max(y)));
        }
    }
    best
}

/// A date-bearing attribute of any element outside other stories' boxes: the first after
/// the headline, else the last before it.
fn attribute_date(
    doc: &Doc,
    foreign: &[bool],
    h1: Option<u32>,
    latest: NaiveDate,
) -> Option<DatedEvidence> {
    let mut before = None;
    for (idx, node) in doc.nodes.iter().enumerate().skip(1) {
        if foreign[idx] || matches!(node.tag, TEXT | META | LINK | SCRIPT | A) {
            continue;
        }
        let i = idx as u32;
        let found = [AttrName::Datetime, AttrName::DataDate, AttrName::Content]
            .into_iter()
            .find_map(|name| {
                let v = doc.attr(i, name)?;
                parse_stamp(v)
                    .or_else(|| parse_epoch(v))
                    .map(|s: Stamp| (s.date, name))
            })
            .or_else(|| {
                // A title is often prose; only a machine-written one ("2019-11-18T09:30").
                let v = doc.attr(i, AttrName::Title)?;
                let v = v.trim();
                (v.len() <= 40 && v.starts_with(|c: char| c.is_ascii_digit()))
                    .then(|| parse_stamp(v))
                    .flatten()
                    .map(|s| (s.date, AttrName::Title))
            })
            .filter(|(d, _)| plausible(*d, latest));
        let Some((date, name)) = found else { continue };
        let what = match name {
            AttrName::Datetime => "datetime",
            AttrName::Content => "content",
            AttrName::Title => "title",
            _ => "data-*",
        };
        let note = format!("a {what} attribute of <{}>", doc.tag_name(i));
        if h1.is_none_or(|h| i > h) {
            return Some(guess(date, 0.55, note));
        }
        before = Some(guess(date, 0.45, format!("{note} above the headline")));
    }
    before
}

/// A publication or creation key in any script's data.
fn script_date(doc: &Doc, latest: NaiveDate) -> Option<DatedEvidence> {
    let mut bytes = 0;
    for (idx, node) in doc.nodes.iter().enumerate() {
        if node.tag != SCRIPT || bytes >= SCRIPT_BYTES {
            continue;
        }
        let src = doc.node_text(idx as u32);
        let src = &src[..floor_char(src, SCRIPT_BYTES - bytes)];
        bytes += src.len();
        let hit = super::meta::script_state_date(src)
            .filter(|c| plausible(c.date, latest))
            .or_else(|| {
                script_key_date(src, &["reated", "REATED"], |k| {
                    let k = k.replace(['_', '-', '.'], "");
                    k == "datecreated" || k == "createdat" || k == "createddate"
                })
                .filter(|c| plausible(c.date, latest))
            });
        if let Some(c) = hit {
            return Some(guess(c.date, 0.5, c.note));
        }
    }
    None
}

fn floor_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Is a text node's content shown as the page's prose (not a title, a script's, a form's,
/// nor program code or its output)?
fn shown(doc: &Doc, i: usize) -> bool {
    let p = doc.nodes[i].parent;
    let raw = p != NONE
        && matches!(
            doc.nodes[p as usize].tag,
            TITLE | SCRIPT | STYLE | NOSCRIPT | TEMPLATE | OPTION | SELECT | TEXTAREA
        );
    !raw && !in_code(doc, i as u32)
}

/// Inside program code or its output (`<pre>`, `<code>`), whose timestamps are the
/// program's, never the page's.
pub(super) fn in_code(doc: &Doc, i: u32) -> bool {
    let mut p = doc.nodes[i as usize].parent;
    for _ in 0..8 {
        if p == NONE || p == 0 {
            return false;
        }
        if doc.nodes[p as usize].tag == PRE || doc.tag_name(p) == "code" {
            return true;
        }
        p = doc.nodes[p as usize].parent;
    }
    false
}

/// Dates in the page's visible text (see the module docs).
fn text_date(
    doc: &Doc,
    foreign: &[bool],
    order: Order,
    h1: Option<u32>,
    latest: NaiveDate,
) -> [Option<DatedEvidence>; 2] {
    let start = doc.nodes.iter().position(|n| n.tag == BODY).unwrap_or(0);
    // Each date: how often it is written, and where first.
    // (A map: a hostile page may write a great many different dates.)
    let mut seen: std::collections::HashMap<NaiveDate, u32> = std::collections::HashMap::new();
    let mut first_short: Option<(NaiveDate, String)> = None;
    let mut nodes = 0;
    for (idx, node) in doc.nodes.iter().enumerate().skip(start) {
        // Captions and quoted posts carry their own dates.
        if node.tag != TEXT || foreign[idx] || !shown(doc, idx) || in_caption(doc, idx as u32) {
            continue;
        }
        let raw = doc.node_text(idx as u32).trim();
        if raw.is_empty() || !raw.bytes().any(|b| b.is_ascii_digit()) && raw.is_ascii() {
            continue;
        }
        nodes += 1;
        if nodes > MAX_TEXT_NODES {
            break;
        }
        let t = normalize_digits(raw);
        // The date of an update ("Updated 14 June 2022") is not the publication's.
        if contains_any(&t.to_lowercase(), UPDATED_WORDS) {
            continue;
        }
        let after = h1.is_none_or(|h| idx as u32 > h);
        let found = find_dates(&t, order, 16);
        for f in found.iter().filter(|f| plausible(f.date, latest)) {
            *seen.entry(f.date).or_insert(0) += 1;
        }
        // A short line that is not a sentence: a byline, a dated label.
        let short = t.len() < 120 && !super::evidence::ends_a_sentence(&t);
        if after && short && first_short.is_none() {
            if let Some(f) = found.iter().find(|f| plausible(f.date, latest)) {
                let line: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
                first_short = Some((f.date, line));
            }
        }
    }
    let line = first_short.map(|(date, line)| {
        guess(
            date,
            0.5,
            format!("the first dated line after the headline \"{line}\""),
        )
    });
    // A date given once in running text is an event's as often as the page's: that guess
    // is left to `pubdate`'s reading of the article text, which knows its sentences.
    let most = seen.values().copied().max().unwrap_or(0);
    let tied: Vec<NaiveDate> = seen
        .iter()
        .filter(|(_, n)| **n == most)
        .map(|(d, _)| *d)
        .collect();
    let repeated = match tied[..] {
        [date] if most >= 2 => Some(guess(
            date,
            0.4,
            format!("the date the page's text gives most often ({most} times)"),
        )),
        _ => None,
    };
    [line, repeated]
}

#[cfg(test)]
mod tests {
    use super::super::read_html_str;
    use crate::model::PubDateSource;
    use chrono::NaiveDate;

    const LONG: &str =
        "The council met for most of the afternoon and heard from residents of every \
        district, who spoke about the roads, the water supply and the schools, and about the \
        long delays in the repairs that had been promised to them for years.";

    fn page(head: &str, body: &str) -> String {
        format!(
            "<html><head><title>Harbour council votes on the new ferry</title>{head}</head>\
             <body><nav><a href='/'>Home</a></nav><main><h1>Harbour council votes on the new \
             ferry</h1>{body}</main></body></html>"
        )
    }

    /// (what the page is, the page, the date expected or None).
    fn rows() -> Vec<(&'static str, String, Option<&'static str>)> {
        vec![
            (
                "a date-named data attribute on a span printed as 'hours ago'",
                page(
                    "",
                    &format!("<span class='ago' data-time='2021-05-04T08:00:00Z'>3 hours ago</span><p>{LONG}</p><p>{LONG}</p>"),
                ),
                Some("2021-05-04"),
            ),
            (
                "a creation key in a framework's page state",
                page(
                    "<script>window.__STATE__={\"story\":{\"id\":9,\"dateCreated\":\"2020-02-03T10:00:00\"}}</script>",
                    &format!("<p>{LONG}</p><p>{LONG}</p>"),
                ),
                Some("2020-02-03"),
            ),
            (
                "an unlabelled dated line after the body's long paragraphs",
                page(
                    "",
                    &format!("<p>{LONG}</p><p>{LONG}</p><p>{LONG}</p><div>Harbour desk, 12 March 2019</div>"),
                ),
                Some("2019-03-12"),
            ),
            (
                "a date the text repeats beats one it gives once",
                page(
                    "",
                    &format!("<p>{LONG} The vote was held on 4 June 2018.</p><p>{LONG} On 1 May 2018 the plan was published.</p><p>{LONG} Since 4 June 2018, nothing has moved.</p>"),
                ),
                Some("2018-06-04"),
            ),
            (
                "dates before the web are history, not the page's date",
                page("", &format!("<p>{LONG} The old ferry first sailed on 12 March 1987.</p>")),
                None,
            ),
            (
                "a date after the copyright year is not the page's",
                page(
                    "",
                    &format!("<p>{LONG} The works began on 2 May 2014.</p><p>{LONG} Since 2 May 2014 the quay is shut.</p><p>On 9 September 2017, 9 September 2017 and 9 September 2017 again.</p><footer>© 2015 Harbour Times</footer>"),
                ),
                Some("2014-05-02"),
            ),
            (
                "without the copyright line, the same page's most repeated date",
                page(
                    "",
                    &format!("<p>{LONG} The works began on 2 May 2014.</p><p>{LONG} Since 2 May 2014 the quay is shut.</p><p>On 9 September 2017, 9 September 2017 and 9 September 2017 again.</p>"),
                ),
                Some("2017-09-09"),
            ),
            (
                "an update line and a quoted post's date are not the page's",
                page(
                    "",
                    &format!("<div>Updated 14 June 2022</div><p>{LONG}</p><blockquote><p>Low water</p><a href='/s'>June 12, 2022</a></blockquote><p>{LONG}</p>"),
                ),
                None,
            ),
            (
                "timestamps in a program's output are the program's",
                page(
                    "",
                    &format!("<p>{LONG}</p><pre><code>2020-08-01 18:00 | 200\n2020-08-01 18:01 | 200</code></pre><p>{LONG}</p>"),
                ),
                None,
            ),
            (
                "a page with no date anywhere",
                page("", &format!("<p>{LONG}</p><footer>Copyright 2019 Harbour Times</footer>")),
                None,
            ),
        ]
    }

    #[test]
    fn the_last_resort_finds_what_the_page_says_and_never_calls_it_firm() {
        for (what, html, want) in rows() {
            let a = read_html_str(&html);
            let got = a.published.first();
            match want {
                Some(w) => {
                    let g = got.unwrap_or_else(|| panic!("{what}: nothing found"));
                    assert_eq!(g.date.to_string(), w, "{what}: {g:?}");
                    assert_eq!(g.source, PubDateSource::PageText, "{what}");
                    assert!(g.confidence < 0.8, "{what}: {g:?}");
                    assert!(g.note.contains("found in the page text"), "{what}: {g:?}");
                }
                None => assert!(got.is_none(), "{what}: {got:?}"),
            }
        }
    }

    #[test]
    fn the_last_resort_is_not_used_when_the_page_states_its_date() {
        let html = page(
            "<meta property='article:published_time' content='2022-08-01T09:00:00Z'>",
            &format!("<p>{LONG} The vote was held on 4 June 2018.</p><p>{LONG} On 4 June 2018 it passed.</p>"),
        );
        let a = read_html_str(&html);
        assert_eq!(a.published.len(), 1, "{:?}", a.published);
        assert_eq!(a.published[0].source, PubDateSource::Meta);
        assert_eq!(
            a.published[0].date,
            NaiveDate::from_ymd_opt(2022, 8, 1).unwrap()
        );
    }

    #[test]
    fn copyright_years_are_read_from_the_line_that_states_them() {
        let doc = |t: &str| super::super::dom::parse(&format!("<body><p>{t}</p></body>"));
        for (line, want) in [
            ("© 2019 Harbour Times", Some(2019)),
            (
                "Copyright 2004-2021 Harbour Times. All rights reserved.",
                Some(2021),
            ),
            ("(c) 2020 The Owners", Some(2020)),
            ("All rights reserved.", None),
            ("© Harbour Times, 1880", None),
            ("Call 2019 2020 2021 now", None),
        ] {
            assert_eq!(super::copyright_year(&doc(line)), want, "{line}");
        }
    }
}
