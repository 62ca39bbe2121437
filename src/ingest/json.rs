//! JSON articles: one object, an array of objects, or an object wrapping such an array
//! (`{"articles": [...]}`), with the field names news exports commonly use.

use super::builder::ArticleBuilder;
use crate::model::{Article, DatedEvidence, ParagraphKind, Problem, PubDateSource};
use crate::pubdate::parse_date_string;
use serde_json::Value;

const TITLE: &[&str] = &["title", "headline", "name", "heading"];
const DATE: &[&str] = &[
    "date",
    "published",
    "datePublished",
    "date_published",
    "publishedAt",
    "published_at",
    "pubDate",
    "pub_date",
    "publication_date",
    "created",
    "created_at",
    "dateCreated",
    "time",
];
const MODIFIED: &[&str] = &[
    "dateModified",
    "modified",
    "updated",
    "updated_at",
    "lastModified",
];
const BODY: &[&str] = &[
    "text",
    "body",
    "content",
    "articleBody",
    "article",
    "full_text",
    "maintext",
    "story",
];
const LEAD: &[&str] = &["description", "summary", "lead", "abstract", "subtitle"];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "site",
    "site_name",
    "publisher",
    "source_name",
];
const URL: &[&str] = &["url", "link", "canonical", "canonical_url"];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator"];
const LANG: &[&str] = &["language", "lang", "inLanguage"];

/// Reads one JSON file into zero or more articles. The second value is a file-level problem
/// (invalid JSON, no article objects).
pub fn read_json(text: &str) -> (Vec<Article>, Option<Problem>) {
    let value: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => {
            // JSON Lines: one object per line.
            let lines: Vec<Value> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map_while(|l| serde_json::from_str(l).ok())
                .collect();
            if lines.len() > 1
                && lines.len() == text.lines().filter(|l| !l.trim().is_empty()).count()
            {
                Value::Array(lines)
            } else {
                return (
                    Vec::new(),
                    Some(Problem::error(format!("not valid JSON: {e}"))),
                );
            }
        }
    };
    let objects: Vec<&serde_json::Map<String, Value>> = match &value {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(map) => {
            // {"articles": [...]} / {"items": [...]} / {"data": [...]}
            let wrapped = ["articles", "items", "data", "results", "posts"]
                .iter()
                .find_map(|k| map.get(*k).and_then(Value::as_array));
            match wrapped {
                Some(items) => items.iter().filter_map(Value::as_object).collect(),
                None => vec![map],
            }
        }
        _ => Vec::new(),
    };
    if objects.is_empty() {
        return (
            Vec::new(),
            Some(Problem::error("JSON holds no article objects")),
        );
    }
    let articles = objects.into_iter().map(read_object).collect();
    (articles, None)
}

fn field<'a>(map: &'a serde_json::Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        map.get(*n)
            .or_else(|| {
                map.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| v)
            })
            .filter(|v| !v.is_null())
    })
}

/// A string, or the `name` of an object (`"publisher": {"name": "..."}`), or the first of an
/// array of those.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(a) => a.iter().find_map(as_text),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_object(map: &serde_json::Map<String, Value>) -> Article {
    let mut a = Article {
        title: field(map, TITLE).and_then(as_text).unwrap_or_default(),
        outlet: field(map, OUTLET).and_then(as_text),
        url: field(map, URL).and_then(as_text),
        language: field(map, LANG).and_then(as_text),
        ..Default::default()
    };
    if let Some(authors) = field(map, AUTHOR) {
        a.authors = match authors {
            Value::Array(items) => items.iter().filter_map(as_text).collect(),
            other => as_text(other).into_iter().collect(),
        };
    }
    let date = |names: &[&str]| {
        field(map, names).and_then(|v| match v {
            // Unix seconds or milliseconds.
            Value::Number(n) => n.as_i64().and_then(|t| {
                let secs = if t > 100_000_000_000 { t / 1000 } else { t };
                chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
            }),
            other => as_text(other).and_then(|s| parse_date_string(&s).map(|(d, _)| d)),
        })
    };
    if let Some(d) = date(DATE) {
        a.pub_date_evidence.push(DatedEvidence {
            date: d,
            source: PubDateSource::JsonField,
            confidence: 0.95,
            note: "date field of the JSON article".into(),
        });
    }
    if let Some(d) = date(MODIFIED) {
        a.modified_date = Some(DatedEvidence {
            date: d,
            source: PubDateSource::JsonField,
            confidence: 0.95,
            note: "modified field of the JSON article".into(),
        });
    }
    let mut b = ArticleBuilder::default();
    if !a.title.is_empty() {
        b.push(&a.title, ParagraphKind::Title);
    }
    if let Some(lead) = field(map, LEAD).and_then(as_text) {
        push_body(&mut b, &lead);
    }
    match field(map, BODY) {
        Some(Value::Array(parts)) => {
            for p in parts.iter().filter_map(as_text) {
                push_body(&mut b, &p);
            }
        }
        Some(v) => {
            if let Some(body) = as_text(v) {
                push_body(&mut b, &body);
            }
        }
        None => a.problems.push(Problem::warning(
            "JSON article has no text/body/content field",
        )),
    }
    b.finish_into(&mut a);
    a
}

/// A body may be plain text (paragraphs on blank lines or single newlines) or HTML.
pub(crate) fn push_body(b: &mut ArticleBuilder, body: &str) {
    let looks_html = body.contains("</p>") || body.contains("<br") || body.contains("</div>");
    if looks_html {
        let doc = super::html::read_html(body.as_bytes());
        for block in doc.blocks {
            b.push(&block.text, block.kind);
        }
        return;
    }
    for line in body.split('\n') {
        let t = line.trim();
        if !t.is_empty() && super::boilerplate::classify(t).is_none() {
            b.push(t, ParagraphKind::Body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn single_object() {
        let (arts, p) = read_json(
            r#"{"title":"Dam opens","date":"2021-06-01T08:00:00Z","outlet":"River News","text":"The dam opened on Monday.\n\nOfficials from Laos attended."}"#,
        );
        assert!(p.is_none());
        let a = &arts[0];
        assert_eq!(a.title, "Dam opens");
        assert_eq!(a.outlet.as_deref(), Some("River News"));
        assert_eq!(
            a.pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2021, 6, 1).unwrap()
        );
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(a.paragraph_text(2), "Officials from Laos attended.");
    }

    #[test]
    fn array_with_other_field_names() {
        let (arts, _) = read_json(
            r#"[{"headline":"One","published":"March 3, 2020","body":"A."},{"headline":"Two","publishedAt":1600000000,"content":["B.","C."],"publisher":{"name":"Wire"}}]"#,
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[1].outlet.as_deref(), Some("Wire"));
        assert_eq!(
            arts[0].pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2020, 3, 3).unwrap()
        );
        assert_eq!(
            arts[1].pub_date_evidence[0].date,
            NaiveDate::from_ymd_opt(2020, 9, 13).unwrap()
        );
        assert_eq!(arts[1].paragraphs.len(), 3);
    }

    #[test]
    fn invalid_json_is_a_problem_not_a_panic() {
        let (arts, p) = read_json("{ \"title\": ");
        assert!(arts.is_empty());
        assert!(p.unwrap().message.contains("not valid JSON"));
        let (arts, p) = read_json("42");
        assert!(arts.is_empty() && p.is_some());
    }
}
