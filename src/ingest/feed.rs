//! Saved RSS and Atom feeds: one article per item, the item's `pubDate` / `published` (or
//! `dc:date`, `updated`) as publication-date evidence, HTML descriptions and content through
//! the page reader.
//!
//! Dates are kept as written in the feed's own time zone: an item stamped "Tue, 12 Mar 2024
//! 23:10 -0800" was published on the 12th where it was written, not on the 13th in UTC.
//! The parsers build extension elements recursively, so nesting is checked first
//! ([`xml_depth`]) and an absurdly deep file is refused instead of overflowing the stack.

use super::budget::{Budget, Deadline};
use super::builder::ArticleBuilder;
use crate::model::{Article, DatedEvidence, ParagraphKind, Problem, PubDateSource};
use crate::pubdate::parse_date_string;

/// Deeper XML than this is not a feed anyone wrote (real feeds stay under ~10).
pub(crate) const MAX_XML_DEPTH: usize = 256;

/// The deepest element nesting of an XML text, counted without recursion (stops counting
/// once past `limit`). `None` when the XML is malformed before that.
pub(crate) fn xml_depth(bytes: &[u8], limit: usize) -> Option<usize> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    r.config_mut().check_end_names = false;
    let (mut depth, mut max) = (0usize, 0usize);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                depth += 1;
                max = max.max(depth);
                if max > limit {
                    return Some(max);
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(quick_xml::events::Event::Eof) => return Some(max),
            Err(_) => return None,
            _ => {}
        }
    }
}

fn failed(msg: impl Into<String>) -> Vec<Article> {
    vec![Article {
        problems: vec![Problem::error(msg)],
        ..Default::default()
    }]
}

pub(crate) fn read_feed(bytes: &[u8], budget: &Budget, deadline: Deadline) -> Vec<Article> {
    if let Some(d) = xml_depth(bytes, MAX_XML_DEPTH) {
        if d > MAX_XML_DEPTH {
            return failed(format!(
                "XML nested more than {MAX_XML_DEPTH} levels deep: not read"
            ));
        }
    }
    let root = super::sniff::sniff(&bytes[..bytes.len().min(super::sniff::HEAD)], None);
    let atom = root == super::sniff::Sniffed::Read(crate::model::Format::Feed)
        && is_atom(&bytes[..bytes.len().min(super::sniff::HEAD)]);
    let arts = if atom {
        match atom_syndication::Feed::read_from(bytes) {
            Ok(f) => read_atom(&f, budget, deadline),
            Err(e) => return failed(format!("not a readable Atom feed ({e})")),
        }
    } else {
        match rss::Channel::read_from(bytes) {
            Ok(c) => read_rss(&c, budget, deadline),
            Err(e) => return failed(format!("not a readable RSS feed ({e})")),
        }
    };
    if arts.is_empty() {
        return failed("the feed has no items");
    }
    arts
}

/// The root element is `feed` (Atom) rather than `rss` or `rdf:RDF`.
fn is_atom(head: &[u8]) -> bool {
    let t = String::from_utf8_lossy(head);
    let feed = t.find("<feed");
    let rss = t.find("<rss").or_else(|| t.find("<rdf:RDF"));
    match (feed, rss) {
        (Some(f), Some(r)) => f < r,
        (Some(_), None) => true,
        _ => false,
    }
}

/// What an item gives, in either dialect.
struct Item<'a> {
    title: &'a str,
    link: Option<&'a str>,
    date: Option<(chrono::NaiveDate, String)>,
    authors: Vec<String>,
    /// Full content first, then the summary.
    bodies: [Option<&'a str>; 2],
}

fn article(item: Item, outlet: &str) -> Article {
    let mut b = ArticleBuilder::default();
    let title = strip_tags(item.title);
    if !title.is_empty() {
        b.push(&title, ParagraphKind::Title);
    }
    if let Some(body) = item
        .bodies
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
    {
        let looks_html = body.contains('<') && body.contains('>');
        if looks_html {
            let doc = super::html::read_html_str(body);
            for block in doc.blocks {
                if block.text.trim() != title {
                    b.push(&block.text, block.kind);
                }
            }
        } else {
            super::json::push_body(&mut b, body);
        }
    }
    let mut a = Article {
        title,
        url: item.link.map(str::to_string),
        outlet: Some(outlet.trim().to_string()).filter(|s| !s.is_empty()),
        authors: item.authors,
        ..Default::default()
    };
    if let Some((date, raw)) = item.date {
        a.pub_date_evidence.push(DatedEvidence {
            date,
            source: PubDateSource::Feed,
            confidence: 0.95,
            note: format!("feed item date \"{}\"", raw.trim()),
        });
    }
    b.finish_into(&mut a);
    a
}

/// Titles in feeds may carry escaped markup ("<b>Storm</b> closes port").
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn time_cut(n: usize, budget: &Budget) -> Problem {
    Problem::warning(format!(
        "feed cut after {n} item(s): reading took longer than the {} s a file may take",
        budget.time.as_secs_f32()
    ))
}

fn read_rss(c: &rss::Channel, budget: &Budget, deadline: Deadline) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    for item in c.items() {
        if deadline.passed() {
            let p = time_cut(out.len(), budget);
            if let Some(a) = out.last_mut() {
                a.problems.push(p);
            }
            break;
        }
        let dc = item.dublin_core_ext();
        let raw_date = item
            .pub_date()
            .or_else(|| dc.and_then(|d| d.dates().first().map(String::as_str)));
        let date = raw_date.and_then(|r| parse_date_string(r).map(|(d, _)| (d, r.to_string())));
        let mut authors: Vec<String> = item.author().map(str::to_string).into_iter().collect();
        if authors.is_empty() {
            if let Some(d) = dc {
                authors = d.creators().to_vec();
            }
        }
        out.push(article(
            Item {
                title: item.title().unwrap_or(""),
                link: item.link(),
                date,
                authors,
                bodies: [item.content(), item.description()],
            },
            c.title(),
        ));
    }
    out
}

fn read_atom(f: &atom_syndication::Feed, budget: &Budget, deadline: Deadline) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    for e in f.entries() {
        if deadline.passed() {
            let p = time_cut(out.len(), budget);
            if let Some(a) = out.last_mut() {
                a.problems.push(p);
            }
            break;
        }
        // `published` when given; `updated` is required by Atom and is the date of the
        // last change, so it only stands in.
        let stamp = e.published().unwrap_or(e.updated());
        let date = Some((stamp.date_naive(), stamp.to_rfc3339()));
        let link = e
            .links()
            .iter()
            .find(|l| l.rel() == "alternate")
            .or_else(|| e.links().first())
            .map(|l| l.href());
        out.push(article(
            Item {
                title: e.title().as_str(),
                link,
                date,
                authors: e.authors().iter().map(|p| p.name().to_string()).collect(),
                bodies: [
                    e.content().and_then(|c| c.value()),
                    e.summary().map(|s| s.as_str()),
                ],
            },
            f.title().as_str(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::time::Duration;

    fn read(s: &str) -> Vec<Article> {
        read_feed(
            s.as_bytes(),
            &Budget::default(),
            Deadline::after(Duration::from_secs(5)),
        )
    }

    #[test]
    fn rss_items_with_local_dates_and_html_descriptions() {
        let arts = read(
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title>
<item><title>Ghana and Togo agree patrols</title><link>https://x/1</link><pubDate>Tue, 12 Mar 2024 23:10:00 -0800</pubDate>
<description>&lt;p&gt;Ghana and Togo agreed on Tuesday to patrol together.&lt;/p&gt;&lt;p&gt;Second paragraph here.&lt;/p&gt;</description></item>
<item><title>Plain item</title><description>Benin joined on Wednesday.</description></item>
</channel></rss>"#,
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].outlet.as_deref(), Some("Coast Wire"));
        let ev = &arts[0].pub_date_evidence[0];
        assert_eq!(ev.date, NaiveDate::from_ymd_opt(2024, 3, 12).unwrap());
        assert_eq!(ev.source, PubDateSource::Feed);
        assert_eq!(
            arts[0].paragraph_text(1),
            "Ghana and Togo agreed on Tuesday to patrol together."
        );
        assert_eq!(arts[0].paragraphs.len(), 3);
        assert!(arts[1].pub_date_evidence.is_empty());
    }

    #[test]
    fn atom_entries_prefer_published() {
        let arts = read(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>x</id><updated>2024-05-01T00:00:00Z</updated>
<entry><title>Talks in Lima</title><id>1</id><updated>2024-05-02T10:00:00+02:00</updated><published>2024-04-30T22:30:00-05:00</published>
<summary type="html">&lt;p&gt;Chile and Peru met in Lima on Tuesday.&lt;/p&gt;</summary></entry></feed>"#,
        );
        assert_eq!(arts.len(), 1);
        assert_eq!(
            arts[0].pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2024, 4, 30).unwrap()
        );
        assert!(arts[0].text.contains("Chile and Peru met in Lima"));
    }

    #[test]
    fn broken_and_deep_feeds_are_problems() {
        let a = read("<rss><channel><title>x</title><item><title>cut");
        assert!(!a[0].problems.is_empty());
        let deep = format!(
            "<rss><channel><item>{}</item></channel></rss>",
            "<x:a xmlns:x=\"u\">".repeat(100_000)
        );
        let a = read(&deep);
        assert!(a[0].problems[0].message.contains("nested"));
    }
}
