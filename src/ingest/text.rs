//! Plain-text and Markdown articles.
//!
//! Text saved from news sites is messy: the title is usually the first real line, header
//! lines carry the date ("date 2024-06-20  Japan Today", "Published: 3 March 2021"), a
//! wire dateline opens the body ("TOKYO, September 19. /TASS/."), and navigation, "Read
//! more" links and reader comments are mixed in. This module turns such text into clean
//! paragraphs and records every piece of publication-date evidence it sees; deciding which
//! date to use is `pubdate`'s job.

use super::boilerplate;
use super::builder::ArticleBuilder;
use crate::model::{Article, DatedEvidence, ParagraphKind, PubDateSource};
use crate::pubdate::parse_date_string;

/// Reads a plain-text article.
pub fn read_text(text: &str) -> Article {
    let lines = logical_lines(text);
    build(&lines, None)
}

/// Reads a plain-text file: one article, or several when it is a news-database export
/// ("Document 3 of 40" ... "End of Document").
pub(crate) fn read_text_many(text: &str) -> Vec<Article> {
    let lines = logical_lines(text);
    super::export::split(&lines).unwrap_or_else(|| vec![build(&lines, None)])
}

/// Builds an article from paragraphs that a document reader (PDF, DOCX, RTF, ...) found:
/// one article, or several for a news-database export.
pub(crate) fn read_paragraphs(lines: Vec<Line>) -> Vec<Article> {
    super::export::split(&lines).unwrap_or_else(|| vec![build(&lines, None)])
}

/// Builds one article from paragraphs (title, header lines and boilerplate found as in a
/// text file).
pub(crate) fn build_lines(lines: &[Line]) -> Article {
    build(lines, None)
}

/// Reads a Markdown article: front matter, `#` headings, lists, quotes, emphasis and links
/// are reduced to text; the structure becomes paragraph kinds.
pub fn read_markdown(text: &str) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body) = split_front_matter(text);
    let mut lines: Vec<Line> = Vec::new();
    let mut in_code = false;
    for raw in logical_lines(body) {
        let t = raw.text.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let (kind, rest) = if let Some(h) = t.strip_prefix('#') {
            (ParagraphKind::Heading, h.trim_start_matches('#').trim())
        } else if let Some(q) = t.strip_prefix('>') {
            (ParagraphKind::Quote, q.trim())
        } else if let Some(li) = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
        {
            (ParagraphKind::ListItem, li.trim())
        } else if t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')) && !t.is_empty() {
            continue; // horizontal rules and setext underlines
        } else {
            (raw.kind, t)
        };
        if rest.starts_with("![") {
            continue; // images
        }
        lines.push(Line {
            text: strip_inline_markdown(rest),
            kind,
        });
    }
    let mut article = build(&lines, front.as_ref());
    if let Some(front) = front {
        if let Some(t) = front.get("title") {
            article.title = t.clone();
        }
        for key in ["outlet", "source", "site", "publisher"] {
            if let Some(v) = front.get(key) {
                article.outlet = Some(v.clone());
                break;
            }
        }
        for key in ["author", "authors", "by"] {
            if let Some(v) = front.get(key) {
                article.authors = v.split(',').map(|s| s.trim().to_string()).collect();
                break;
            }
        }
        if let Some(u) = front.get("url") {
            article.url = Some(u.clone());
        }
        if let Some(l) = front.get("lang").or_else(|| front.get("language")) {
            article.language = Some(l.clone());
        }
    }
    article
}

/// One paragraph (or line) with the kind its source gave it.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) kind: ParagraphKind,
}

impl Line {
    pub(crate) fn new(text: impl Into<String>, kind: ParagraphKind) -> Self {
        Line {
            text: text.into(),
            kind,
        }
    }
}

type FrontMatter = std::collections::BTreeMap<String, String>;

/// `---\nkey: value\n---` at the very top (YAML-like; only flat `key: value` lines).
fn split_front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let Some(end) = rest.find("\n---") else {
        return (None, text);
    };
    let mut map = FrontMatter::new();
    for line in rest[..end].lines() {
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            if !v.is_empty() {
                map.insert(k.trim().to_ascii_lowercase(), v);
            }
        }
    }
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map_or("", |(_, b)| b);
    (Some(map), after)
}

/// `**bold**`, `_em_`, `` `code` ``, `[text](url)` → plain text.
fn strip_inline_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['[', '*', '`', '_']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        // All four markers are one byte long.
        let (marker, after) = tail.split_at(1);
        rest = after;
        match marker {
            "[" => {
                // [text](url) → text; a lone bracket stays.
                if let Some((label, url_part)) = after.split_once("](") {
                    if let Some(close) = url_part.find(')') {
                        out.push_str(label);
                        rest = &url_part[close + 1..];
                        continue;
                    }
                }
                out.push('[');
            }
            // Underscores inside words (snake_case) are kept.
            "_" if out.chars().last().is_some_and(|c| c.is_alphanumeric()) => out.push('_'),
            _ => {} // emphasis and code markers are dropped
        }
    }
    out.push_str(rest);
    out
}

/// Splits text into lines, joining hard-wrapped lines of one paragraph. A blank line
/// always ends a paragraph; a single newline ends one unless the line looks wrapped (it
/// does not end a sentence and the next line continues in lowercase).
fn logical_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out: Vec<Line> = Vec::new();
    let mut joinable = false;
    for raw in text.lines() {
        let t = raw.trim();
        if t.is_empty() {
            joinable = false;
            out.push(Line {
                text: String::new(),
                kind: ParagraphKind::Body,
            });
            continue;
        }
        // Header lines ("date 2024-06-20") start in lower case too but never continue a
        // sentence.
        let continues = joinable
            && t.chars().next().is_some_and(|c| c.is_lowercase())
            && !boilerplate::is_vote_count(t)
            && boilerplate::classify(t).is_none()
            && header_line(t).is_none();
        match out.last_mut() {
            Some(prev) if continues => {
                prev.text.push(' ');
                prev.text.push_str(t);
            }
            _ => out.push(Line {
                text: t.to_string(),
                kind: ParagraphKind::Body,
            }),
        }
        let last = out.last().map(|l| l.text.as_str()).unwrap_or("");
        joinable = !last.ends_with(['.', '!', '?', ':', '"', '”', '’', ')']);
    }
    out
}

/// Header line: "date 2024-06-20  Japan Today", "Published: 3 March 2021",
/// "Updated 2022-01-05 14:00", "By Jane Roe | 4 May 2022". Returns the date, whether it is
/// an update (modified) date, and any text left over (an outlet name).
fn header_line(line: &str) -> Option<(chrono::NaiveDate, bool, String)> {
    let t = line.trim();
    let lower = t.to_ascii_lowercase();
    let prefixes: [(&str, bool); 10] = [
        ("date:", false),
        ("date ", false),
        ("published:", false),
        ("published on", false),
        ("published", false),
        ("posted on", false),
        ("posted:", false),
        ("updated:", true),
        ("updated", true),
        ("last updated", true),
    ];
    for (p, modified) in prefixes {
        if lower.starts_with(p) && t.len() < 120 {
            let rest = &t[p.len()..];
            let (date, consumed) = parse_date_string(rest)?;
            let leftover = rest[consumed..]
                .trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '-' || c == '·')
                .to_string();
            return Some((date, modified, leftover));
        }
    }
    // "By Jane Roe | 4 May 2022" / "Jane Roe, 4 May 2022"
    if lower.starts_with("by ") && t.len() < 120 {
        for sep in ['|', '·', ',', '—', '-'] {
            if let Some((_, rest)) = t.split_once(sep) {
                if let Some((date, _)) = parse_date_string(rest) {
                    return Some((date, false, String::new()));
                }
            }
        }
    }
    None
}

/// A byline without a date: "By Jane Roe", "By Jane Roe and John Doe".
fn byline_authors(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY "))?;
    if rest.split_whitespace().count() > 8 || rest.ends_with('.') {
        return None;
    }
    let names: Vec<String> = rest
        .split([',', '&'])
        .flat_map(|s| s.split(" and "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s.chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    (!names.is_empty()).then_some(names)
}

/// A bare dateline location line ("TOKYO", "KYIV, Ukraine"): upper-case place, no date.
fn is_location_line(t: &str) -> bool {
    let head = t.split(',').next().unwrap_or("");
    t.split_whitespace().count() <= 4
        && head.len() >= 3
        && head
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.')
        && !t.ends_with('.')
}

/// Common assembly for text and Markdown lines: drops boilerplate and comment threads,
/// pulls out title, header-line dates and bylines, classifies paragraphs.
fn build(lines: &[Line], front: Option<&FrontMatter>) -> Article {
    let mut article = Article::default();
    if let Some(date) = front.and_then(|f| {
        ["date", "published", "pubdate", "published_at"]
            .iter()
            .find_map(|k| f.get(*k))
    }) {
        if let Some((d, _)) = parse_date_string(date) {
            article.pub_date_evidence.push(DatedEvidence {
                date: d,
                source: PubDateSource::HeaderLine,
                confidence: 0.95,
                note: "front matter date".into(),
            });
        }
    }
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let end = boilerplate::comment_section_start(&texts).unwrap_or(lines.len());
    let mut b = ArticleBuilder::default();
    let mut title: Option<String> = None;
    let mut body_started = false;
    for (i, line) in lines[..end].iter().enumerate() {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let near_top = !body_started && i < 12;
        if near_top {
            if let Some((date, modified, leftover)) = header_line(t) {
                let ev = DatedEvidence {
                    date,
                    source: PubDateSource::HeaderLine,
                    confidence: 0.9,
                    note: format!("header line \"{}\"", truncate(t, 60)),
                };
                if modified {
                    article.modified_date.get_or_insert(ev);
                } else {
                    article.pub_date_evidence.push(ev);
                }
                // "By Jane Roe | 4 May 2022": the names before the date are the authors.
                if let Some(names) = t.split(['|', '·', '—']).next().and_then(byline_authors) {
                    article.authors.extend(names);
                }
                if !leftover.is_empty() && leftover.split_whitespace().count() <= 5 {
                    article.outlet.get_or_insert(leftover);
                }
                continue;
            }
            if let Some(names) = byline_authors(t) {
                article.authors.extend(names);
                continue;
            }
            if is_location_line(t) {
                continue;
            }
        }
        // A "5 Comments" widget at the top is noise like navigation; a comment thread at
        // the end was already cut off by `comment_section_start`.
        if boilerplate::classify(t).is_some() {
            continue;
        }
        if title.is_none() && line.kind != ParagraphKind::ListItem && looks_like_title(t) {
            title = Some(t.to_string());
            b.push(t, ParagraphKind::Title);
            continue;
        }
        let kind = if line.kind != ParagraphKind::Body {
            line.kind
        } else if is_caption(t) {
            ParagraphKind::Caption
        } else if looks_like_heading(t) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        body_started |= kind == ParagraphKind::Body;
        b.push(t, kind);
    }
    b.finish_into(&mut article);
    article.title = title.unwrap_or_default();
    article
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn looks_like_title(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=30).contains(&words) && !t.ends_with('.') || t.starts_with('#')
}

fn looks_like_heading(t: &str) -> bool {
    let words = t.split_whitespace().count();
    words <= 14 && !t.ends_with(['.', '!', '?', ':', '"', '”', ')'])
}

/// Photo captions end with a credit ("Image: …", "Photo: …", "(AP Photo/…)").
fn is_caption(t: &str) -> bool {
    [
        "Image: ",
        "Photo: ",
        "Photograph: ",
        "(AP Photo",
        "Photo by ",
        "REUTERS/",
    ]
    .iter()
    .any(|m| t.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paras(a: &Article) -> Vec<&str> {
        (0..a.paragraphs.len())
            .map(|i| a.paragraph_text(i))
            .collect()
    }

    #[test]
    fn title_header_line_and_outlet() {
        let a = read_text(
            " date 2022-03-04  The Harbour Times\nPort strike ends after ten days\n\nDock workers returned on Friday.\n",
        );
        assert_eq!(a.title, "Port strike ends after ten days");
        assert_eq!(a.outlet.as_deref(), Some("The Harbour Times"));
        let ev = &a.pub_date_evidence[0];
        assert_eq!(ev.date, NaiveDate::from_ymd_opt(2022, 3, 4).unwrap());
        assert_eq!(ev.source, PubDateSource::HeaderLine);
        assert_eq!(
            paras(&a),
            vec![
                "Port strike ends after ten days",
                "Dock workers returned on Friday."
            ]
        );
    }

    #[test]
    fn drops_navigation_read_more_and_comments() {
        let a = read_text(
            "All news\n\nMinisters meet in Oslo\n\nThe ministers met on Monday.\nRead more: Other story\nThey agreed a plan.\n© Agency\nGreat article!\n-3 ( +1 / -4 )\nNo it is not, 2015 was worse.\n2 ( +2 / -0 )\n",
        );
        assert_eq!(
            paras(&a),
            vec![
                "Ministers meet in Oslo",
                "The ministers met on Monday.",
                "They agreed a plan."
            ]
        );
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let a = read_text("A title here\n\nThe council voted on the\nbudget on Tuesday and\nadjourned.\n\nNext paragraph.");
        assert_eq!(
            paras(&a)[1],
            "The council voted on the budget on Tuesday and adjourned."
        );
        assert_eq!(paras(&a).len(), 3);
    }

    #[test]
    fn paragraph_ranges_point_into_text() {
        let a = read_text("Title line here\nFirst para.\nSecond para.");
        for p in &a.paragraphs {
            assert!(a.text.is_char_boundary(p.range.start) && p.range.end <= a.text.len());
        }
        assert_eq!(a.text, "Title line here\n\nFirst para.\n\nSecond para.");
    }

    #[test]
    fn markdown_front_matter_and_structure() {
        let a = read_markdown(
            "---\ntitle: \"Rain returns\"\ndate: 2022-05-04\nauthor: A. Writer\n---\n# Rain returns\n\n*Published 2022-05-04*\n\nFarmers in **Kenya** welcomed rain on [Monday](http://x.y).\n\n- Item one.\n> A quote.\n",
        );
        assert_eq!(a.title, "Rain returns");
        assert_eq!(a.authors, vec!["A. Writer"]);
        assert_eq!(
            a.pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2022, 5, 4).unwrap()
        );
        let texts = paras(&a);
        assert!(texts.contains(&"Farmers in Kenya welcomed rain on Monday."));
        let kinds: Vec<_> = a.paragraphs.iter().map(|p| p.kind).collect();
        assert!(kinds.contains(&ParagraphKind::ListItem));
        assert!(kinds.contains(&ParagraphKind::Quote));
    }

    #[test]
    fn header_line_after_title_is_not_a_wrapped_line() {
        let a = read_text(
            "Ministers launch a registry\ndate 2019-11-08\n\nThe registry opened on Thursday.",
        );
        assert_eq!(a.title, "Ministers launch a registry");
        assert_eq!(
            a.pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2019, 11, 8).unwrap()
        );
    }

    #[test]
    fn caption_and_location_lines() {
        let a = read_text("Leaders meet\nThe two leaders shake hands in Hanoi on Monday. Image: A. Photographer\nHANOI\nThe summit opened on Monday.");
        assert_eq!(a.paragraphs[1].kind, ParagraphKind::Caption);
        assert!(!paras(&a).contains(&"HANOI"));
    }
}
