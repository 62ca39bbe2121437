//! News-database exports: many articles in one file (plain text, RTF, DOCX or PDF), each
//! with a fixed header of title, outlet and date lines and labelled metadata ("Byline:",
//! "Length: 523 words", "Load-Date:"), separated by marker lines.
//!
//! The markers are the ones these services print on a line of their own: "Document 3 of
//! 40" or "3 of 40 DOCUMENTS" before an article, "End of Document" after one, and a
//! "Document" line with a long accession number after one. Each article's date comes
//! from its header, which is what the database recorded as its publication date.

use super::text::{build_lines, Line};
use crate::model::{Article, DatedEvidence, ParagraphKind, PubDateSource};
use crate::pubdate::parse_date_string;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// Opens an article ("Document 3 of 40", "3 of 40 DOCUMENTS").
    Start,
    /// Closes one ("End of Document", "Document NYT0000020240105ek150003d").
    End,
}

fn marker(line: &str) -> Option<Marker> {
    let t = line.trim();
    if t.len() > 60 {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if lower == "end of document" {
        return Some(Marker::End);
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let num = |w: &str| !w.is_empty() && w.len() <= 7 && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        ["document", n, "of", m] if num(n) && num(m) => Some(Marker::Start),
        [n, "of", m, "documents" | "document"] if num(n) && num(m) => Some(Marker::Start),
        // An accession number: long, letters and digits mixed.
        ["document", id]
            if id.len() >= 16
                && id.bytes().all(|b| b.is_ascii_alphanumeric())
                && id.bytes().any(|b| b.is_ascii_digit())
                && id.bytes().any(|b| b.is_ascii_alphabetic()) =>
        {
            Some(Marker::End)
        }
        _ => None,
    }
}

/// Splits an export into its articles; `None` when the lines hold no marker (not an export).
pub(crate) fn split(lines: &[Line]) -> Option<Vec<Article>> {
    let mut segments: Vec<&[Line]> = Vec::new();
    let mut start = 0;
    let mut any = false;
    for (i, l) in lines.iter().enumerate() {
        match marker(&l.text) {
            Some(Marker::Start) => {
                segments.push(&lines[start..i]);
                start = i + 1;
                any = true;
            }
            Some(Marker::End) => {
                segments.push(&lines[start..i]);
                start = i + 1;
                any = true;
            }
            None => {}
        }
    }
    if !any {
        return None;
    }
    segments.push(&lines[start..]);
    let articles: Vec<Article> = segments
        .into_iter()
        .filter(|s| has_body(s))
        .map(read_one)
        .collect();
    (!articles.is_empty()).then_some(articles)
}

/// A cover page or a trailing note is a few short lines; an article has sentences.
fn has_body(seg: &[Line]) -> bool {
    seg.iter()
        .filter(|l| label(&l.text).is_none())
        .any(|l| l.text.split_whitespace().count() >= 12)
}

/// Labelled metadata lines, and what each is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    /// "Publication date:", "Date:", "Published:".
    Date,
    /// "Load-Date:": when the database loaded the article, usually a day or so after.
    LoadDate,
    /// "Byline:", "Author:", "By ...".
    Byline,
    /// "Body" or "Full text:": the text starts here (on this line, after the label).
    Body,
    /// "Source:", "Publication:", "Publication title:".
    Outlet,
    /// "Title:".
    Title,
    /// Everything else a database prints: length, section, copyright, language, codes.
    Other,
}

const LABELS: &[(&str, Label)] = &[
    ("publication date", Label::Date),
    ("date", Label::Date),
    ("published", Label::Date),
    ("load-date", Label::LoadDate),
    ("load date", Label::LoadDate),
    ("byline", Label::Byline),
    ("author", Label::Byline),
    ("authors", Label::Byline),
    ("full text", Label::Body),
    ("source", Label::Outlet),
    ("publication", Label::Outlet),
    ("publication title", Label::Outlet),
    ("title", Label::Title),
    ("section", Label::Other),
    ("length", Label::Other),
    ("language", Label::Other),
    ("publication-type", Label::Other),
    ("publication type", Label::Other),
    ("publication info", Label::Other),
    ("journal-code", Label::Other),
    ("graphic", Label::Other),
    ("highlight", Label::Other),
    ("dateline", Label::Other),
    ("edition", Label::Other),
    ("classification", Label::Other),
    ("subject", Label::Other),
    ("company", Label::Other),
    ("organization", Label::Other),
    ("geographic", Label::Other),
    ("industry", Label::Other),
    ("person", Label::Other),
    ("city", Label::Other),
    ("state", Label::Other),
    ("country", Label::Other),
    ("document url", Label::Other),
    ("document id", Label::Other),
    ("proquest document id", Label::Other),
    ("source type", Label::Other),
    ("document type", Label::Other),
    ("issn", Label::Other),
    ("place of publication", Label::Other),
    ("database", Label::Other),
    ("copyright", Label::Other),
    ("notes", Label::Other),
    ("series", Label::Other),
    ("type", Label::Other),
    ("words", Label::Other),
];

/// The label of a metadata line and the value after it.
fn label(line: &str) -> Option<(Label, &str)> {
    let t = line.trim();
    if t.eq_ignore_ascii_case("body") {
        return Some((Label::Body, ""));
    }
    let lower = t.to_ascii_lowercase();
    // "523 words", "Copyright 2024 ...", "(c) 2024 ...", "© 2024 ..."
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() == 2 && words[1] == "words" && words[0].bytes().all(|b| b.is_ascii_digit()) {
        return Some((Label::Other, ""));
    }
    if lower.starts_with("copyright ") || lower.starts_with("(c) ") || lower.starts_with("© ") {
        return Some((Label::Other, ""));
    }
    if let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) {
        if rest.split_whitespace().count() <= 8 && !rest.ends_with('.') {
            return Some((Label::Byline, rest));
        }
    }
    let (name, value) = t.split_once(':')?;
    let name = name.trim().to_ascii_lowercase();
    LABELS
        .iter()
        .find(|(l, _)| *l == name)
        .map(|(_, kind)| (*kind, value.trim()))
}

/// A line that is a date and little else: "January 5, 2020 Sunday", "5 January 2020",
/// "Jan 5, 2020 10:32 GMT", "05 Jan 2020: 12" (a page number).
fn date_line(t: &str) -> Option<chrono::NaiveDate> {
    let t = t.trim();
    if t.len() > 60 {
        return None;
    }
    let (date, used) = parse_date_string(t)?;
    let rest = t[used..].trim();
    let small = rest.split_whitespace().count() <= 3 && !rest.ends_with('.');
    small.then_some(date)
}

fn read_one(seg: &[Line]) -> Article {
    let mut date: Option<(chrono::NaiveDate, String)> = None;
    let mut load_date: Option<(chrono::NaiveDate, String)> = None;
    let mut authors: Vec<String> = Vec::new();
    let mut outlet: Option<String> = None;
    let mut title: Option<String> = None;
    // Header candidates: short unlabelled lines before the body, with their position.
    let mut plain: Vec<(usize, &str)> = Vec::new();
    let mut date_at: Option<usize> = None;
    let mut body: Vec<Line> = Vec::new();
    let mut in_body = false;
    for (i, l) in seg.iter().enumerate() {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((kind, value)) = label(t) {
            match kind {
                Label::Date => {
                    if let Some(d) = parse_date_string(value).map(|(d, _)| d) {
                        date.get_or_insert((d, t.to_string()));
                    }
                }
                Label::LoadDate => {
                    if let Some(d) = parse_date_string(value).map(|(d, _)| d) {
                        load_date.get_or_insert((d, t.to_string()));
                    }
                }
                Label::Byline => {
                    if authors.is_empty() && !value.is_empty() {
                        authors = split_authors(value);
                    }
                }
                Label::Outlet => {
                    if outlet.is_none() && !value.is_empty() {
                        outlet = Some(value.to_string());
                    }
                }
                Label::Title => {
                    if title.is_none() && !value.is_empty() {
                        title = Some(value.to_string());
                    }
                }
                Label::Body => {
                    in_body = true;
                    if !value.is_empty() {
                        body.push(Line::new(value, ParagraphKind::Body));
                    }
                }
                Label::Other => {}
            }
            continue;
        }
        if !in_body {
            if let Some(d) = date_line(t) {
                if date.is_none() {
                    date = Some((d, t.to_string()));
                    date_at = Some(plain.len());
                }
                continue;
            }
            // A long line or a sentence ends the header.
            let words = t.split_whitespace().count();
            if words <= 20 && !(words > 8 && t.ends_with('.')) {
                plain.push((i, t));
                continue;
            }
            in_body = true;
        }
        body.push(l.clone());
    }
    // Title: the longest of the first header lines (outlet names and editions are short);
    // outlet: a header line next to the date line.
    if title.is_none() {
        title = plain
            .iter()
            .take(4)
            .max_by_key(|(_, t)| t.split_whitespace().count())
            .map(|(_, t)| t.to_string());
    }
    if outlet.is_none() {
        if let Some(at) = date_at {
            outlet = [at.checked_sub(1), Some(at)]
                .into_iter()
                .flatten()
                .filter_map(|j| plain.get(j))
                .map(|(_, t)| *t)
                .find(|t| Some(*t) != title.as_deref() && t.split_whitespace().count() <= 8)
                .map(str::to_string);
        }
    }
    let mut lines = Vec::with_capacity(body.len() + 1);
    if let Some(t) = &title {
        lines.push(Line::new(t.clone(), ParagraphKind::Title));
    }
    lines.extend(body);
    let mut a = build_lines(&lines);
    if let Some(t) = title {
        a.title = t;
    }
    if a.outlet.is_none() {
        a.outlet = outlet;
    }
    if a.authors.is_empty() {
        a.authors = authors;
    }
    if let Some((d, line)) = date {
        a.pub_date_evidence.insert(
            0,
            DatedEvidence {
                date: d,
                source: PubDateSource::ExportHeader,
                confidence: 0.9,
                note: format!("export header \"{}\"", short(&line)),
            },
        );
    } else if let Some((d, line)) = load_date {
        a.pub_date_evidence.push(DatedEvidence {
            date: d,
            source: PubDateSource::ExportHeader,
            confidence: 0.6,
            note: format!(
                "only the export's load date \"{}\" (usually a day or so after publication)",
                short(&line)
            ),
        });
    }
    a
}

fn short(s: &str) -> &str {
    match s.char_indices().nth(60) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// "Roe, Jane; Doe, John" or "Jane Roe and John Doe".
fn split_authors(v: &str) -> Vec<String> {
    let parts: Vec<&str> = if v.contains(';') {
        v.split(';').collect()
    } else {
        v.split(" and ").flat_map(|p| p.split(" & ")).collect()
    };
    parts
        .into_iter()
        .map(|p| p.trim().trim_end_matches(',').to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn lines(t: &str) -> Vec<Line> {
        t.split("\n\n")
            .map(|p| Line::new(p.trim(), ParagraphKind::Body))
            .collect()
    }

    #[test]
    fn markers_are_whole_lines_only() {
        assert_eq!(marker("Document 3 of 40"), Some(Marker::Start));
        assert_eq!(marker("  2 of 15 DOCUMENTS "), Some(Marker::Start));
        assert_eq!(marker("End of Document"), Some(Marker::End));
        assert_eq!(
            marker("Document HRLD000020240105ek1500003"),
            Some(Marker::End)
        );
        assert_eq!(marker("Document 3 of 40 was leaked to the press."), None);
        assert_eq!(marker("Document everything"), None);
    }

    #[test]
    fn each_article_gets_its_header_date_title_and_outlet() {
        let t = "Document 1 of 2\n\nPort workers end strike in Rotterdam\n\nThe Harbour Ledger\n\nMarch 4, 2022 Friday\n\nCopyright 2022 The Harbour Ledger\n\nSection: WORLD; Length: 64 words\n\nByline: Jane Roe\n\nBody\n\nDock workers in Rotterdam returned to work on Friday after a ten-day strike that had stopped shipments to Germany and Belgium.\n\nLoad-Date: March 5, 2022\n\nEnd of Document\n\nDocument 2 of 2\n\nFerry talks resume\n\nCoastal Times\n\n6 March 2022\n\nBody\n\nTalks between Denmark and Sweden on a new ferry timetable resumed on Sunday in Copenhagen after a week's pause.\n\nEnd of Document";
        let arts = split(&lines(t)).unwrap();
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Port workers end strike in Rotterdam");
        assert_eq!(arts[0].outlet.as_deref(), Some("The Harbour Ledger"));
        assert_eq!(arts[0].authors, vec!["Jane Roe"]);
        let ev = &arts[0].pub_date_evidence[0];
        assert_eq!(ev.source, PubDateSource::ExportHeader);
        assert_eq!(ev.date, NaiveDate::from_ymd_opt(2022, 3, 4).unwrap());
        assert!(!arts[0].text.contains("Load-Date"));
        assert!(!arts[0].text.contains("Copyright"));
        assert!(arts[0].text.contains("returned to work on Friday"));
        assert_eq!(
            arts[1].pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2022, 3, 6).unwrap()
        );
        assert_eq!(arts[1].outlet.as_deref(), Some("Coastal Times"));
    }

    #[test]
    fn text_without_markers_is_not_an_export() {
        assert!(split(&lines(
            "A title\n\nA body sentence that is long enough to count as one."
        ))
        .is_none());
    }
}
