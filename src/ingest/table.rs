//! CSV and TSV exports (scrapers, spreadsheets, research data sets): one article per row
//! when the header names a text column, with optional title, date, URL, source, author and
//! language columns. A table without a text column is not a set of articles, and says so.

use super::budget::{Budget, Deadline};
use crate::model::{Article, DatedEvidence, ParagraphKind, Problem, PubDateSource};
use crate::pubdate::parse_date_string;

const TITLE: &[&str] = &["title", "headline", "heading", "subject"];
const DATE: &[&str] = &[
    "date",
    "published",
    "publish_date",
    "published_date",
    "publication_date",
    "pub_date",
    "pubdate",
    "published_at",
    "date_published",
    "datetime",
    "timestamp",
    "created_at",
    "time",
];
const URL: &[&str] = &["url", "link", "uri", "permalink", "canonical_url"];
const SOURCE: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "site",
    "site_name",
    "media",
    "newspaper",
    "publication",
    "source_name",
    "domain",
];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator"];
const LANG: &[&str] = &["language", "lang"];

/// A column name as written, compared loosely: "Published Date" = "published_date".
fn norm(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| headers.iter().position(|h| h == n))
}

/// Reads a CSV (comma or semicolon, whichever the header uses) or TSV table.
pub(crate) fn read_table(bytes: &[u8], tsv: bool, budget: &Budget) -> Vec<Article> {
    let deadline = Deadline::after(budget.time);
    let (text, warnings) = super::decode::decode_checked(bytes);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if tsv {
        b'\t'
    } else if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(norm).collect(),
        Err(e) => return vec![only(Problem::error(format!("not a readable table: {e}")))],
    };
    let Some(text_col) = column(&headers, super::sniff::TEXT_COLUMNS) else {
        let shown: Vec<&str> = headers.iter().take(8).map(String::as_str).collect();
        return vec![only(Problem::error(format!(
            "no text column: the header row must name one (text, body or content); found: {}",
            shown.join(", ")
        )))];
    };
    let cols = Columns {
        text: text_col,
        title: column(&headers, TITLE),
        date: column(&headers, DATE),
        url: column(&headers, URL),
        source: column(&headers, SOURCE),
        author: column(&headers, AUTHOR),
        lang: column(&headers, LANG),
    };
    let mut articles = Vec::new();
    let mut problems: Vec<Problem> = warnings;
    let mut bad_rows = Vec::new();
    let mut empty_rows = 0usize;
    let mut kept = 0usize;
    let mut record = csv::StringRecord::new();
    // Where the last row read starts: a quote left open swallows the rest of the file into
    // that row's cell, and the reader cannot tell (see below).
    let mut last_line = 0u64;
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => last_line = record.position().map_or(0, |p| p.line()),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                bad_rows.push(line);
                // A quoting error can swallow the rest of the file; stop after a few.
                if bad_rows.len() > 20 {
                    break;
                }
                continue;
            }
        }
        if articles.len() % 256 == 0 && deadline.passed() {
            problems.push(Problem::warning(format!(
                "stopped after {} rows: reading took longer than the {} s a file may take",
                articles.len(),
                budget.time.as_secs_f32()
            )));
            break;
        }
        if kept > budget.memory / 2 {
            problems.push(Problem::warning(format!(
                "stopped after {} rows: the text read passed the {} MB a file may use",
                articles.len(),
                budget.memory >> 20
            )));
            break;
        }
        match row(&record, &cols) {
            Some(a) => {
                kept += a.text.len();
                articles.push(a);
            }
            None => empty_rows += 1,
        }
    }
    if !bad_rows.is_empty() {
        let shown: Vec<String> = bad_rows.iter().take(5).map(u64::to_string).collect();
        problems.push(Problem::warning(format!(
            "{} malformed row(s) skipped (line {})",
            bad_rows.len(),
            shown.join(", ")
        )));
    }
    if empty_rows > 0 {
        problems.push(Problem::warning(format!(
            "{empty_rows} row(s) with an empty text column skipped"
        )));
    }
    // Quoted cells open and close their quotes (an inner quote is written twice), so an odd
    // count of quotes means one was never closed: everything after it is one cell.
    if text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        problems.push(Problem::warning(format!(
            "a quote is never closed: the rows from line {last_line} on may have been read as one cell"
        )));
    }
    if articles.is_empty() {
        let mut a = only(Problem::error(
            "the table has a text column but no row with text",
        ));
        a.problems.extend(problems);
        return vec![a];
    }
    articles[0].problems.extend(problems);
    articles
}

struct Columns {
    text: usize,
    title: Option<usize>,
    date: Option<usize>,
    url: Option<usize>,
    source: Option<usize>,
    author: Option<usize>,
    lang: Option<usize>,
}

fn only(p: Problem) -> Article {
    Article {
        problems: vec![p],
        ..Default::default()
    }
}

fn row(r: &csv::StringRecord, c: &Columns) -> Option<Article> {
    let cell = |i: Option<usize>| {
        i.and_then(|i| r.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let body = cell(Some(c.text))?;
    let mut a = Article {
        title: cell(c.title).unwrap_or_default().to_string(),
        url: cell(c.url).map(str::to_string),
        outlet: cell(c.source).map(str::to_string),
        language: cell(c.lang).map(str::to_string),
        authors: cell(c.author)
            .map(|s| {
                s.split([';', '|'])
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        ..Default::default()
    };
    if let Some(d) = cell(c.date).and_then(date_cell) {
        a.pub_date_evidence.push(DatedEvidence {
            date: d,
            source: PubDateSource::CsvField,
            confidence: 0.95,
            note: "date column of the table".into(),
        });
    }
    let mut b = super::builder::ArticleBuilder::default();
    if !a.title.is_empty() {
        b.push(&a.title, ParagraphKind::Title);
    }
    super::json::push_body(&mut b, body);
    b.finish_into(&mut a);
    Some(a)
}

/// A date cell: any form `parse_date_string` knows, or Unix seconds / milliseconds.
fn date_cell(s: &str) -> Option<chrono::NaiveDate> {
    if let Some((d, _)) = parse_date_string(s) {
        return Some(d);
    }
    let n: i64 = s.parse().ok()?;
    let secs = if n > 100_000_000_000 { n / 1000 } else { n };
    (secs > 0)
        .then(|| chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive()))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn one_article_per_row_with_its_columns() {
        let csv = "Title,Published Date,URL,Source,Text\n\"Dam opens\",2021-06-01,http://x/1,River News,\"The dam opened on Monday.\n\nOfficials from Laos attended.\"\n,,,,\nSecond,1600000000,,,\"Two, with a comma.\"\n";
        let arts = read_table(csv.as_bytes(), false, &Budget::default());
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Dam opens");
        assert_eq!(arts[0].outlet.as_deref(), Some("River News"));
        assert_eq!(arts[0].url.as_deref(), Some("http://x/1"));
        assert_eq!(arts[0].paragraphs.len(), 3);
        let ev = &arts[0].pub_date_evidence[0];
        assert_eq!(
            (ev.date, ev.source),
            (
                NaiveDate::from_ymd_opt(2021, 6, 1).unwrap(),
                PubDateSource::CsvField
            )
        );
        assert_eq!(
            arts[1].pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2020, 9, 13).unwrap()
        );
        assert!(arts[0].problems[0]
            .message
            .contains("1 row(s) with an empty text"));
    }

    #[test]
    fn semicolons_and_tabs() {
        let arts = read_table(
            b"titel;date;body\nA;2020-01-02;Text one.\n",
            false,
            &Budget::default(),
        );
        assert_eq!(arts[0].paragraph_text(0), "Text one.");
        let arts = read_table(
            b"date\tcontent\n2020-01-02\tText two.\n",
            true,
            &Budget::default(),
        );
        assert_eq!(arts[0].paragraph_text(0), "Text two.");
    }

    #[test]
    fn an_unclosed_quote_is_a_problem() {
        let bytes =
            b"title,text\nOne,\"Text one.\"\nTwo,\"Text two, never closed.\nThree,Text three.\n";
        let arts = read_table(bytes, false, &Budget::default());
        assert!(
            arts[0]
                .problems
                .iter()
                .any(|p| p.message.contains("never closed") && p.message.contains("line 3")),
            "{:?}",
            arts[0].problems
        );
        let fine = read_table(
            b"title,text\nOne,\"He said \"\"yes\"\".\"\n",
            false,
            &Budget::default(),
        );
        assert!(fine[0].problems.is_empty(), "{:?}", fine[0].problems);
    }

    #[test]
    fn no_text_column_is_a_clear_problem() {
        let arts = read_table(b"name,price\napple,3\n", false, &Budget::default());
        assert_eq!(arts.len(), 1);
        let p = &arts[0].problems[0];
        assert_eq!(p.severity, crate::model::Severity::Error);
        assert!(p.message.contains("no text column") && p.message.contains("name, price"));
    }
}
