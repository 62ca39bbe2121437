//! Word (DOCX) and OpenDocument (ODT) files: the body's paragraphs in order, with headings,
//! list items and the title (first heading, else the document properties).
//!
//! Both are ZIP archives of XML parts. Parts are inflated with a byte cap (a ZIP bomb stops
//! at the budget) and read with a streaming XML reader that keeps its own element stack,
//! so nesting depth costs no call stack. Text that is not part of the body is skipped:
//! deleted revisions, field codes, comments, footnotes, and the fallback copies of text
//! boxes that Word writes twice.

use super::budget::{read_capped, Budget, Deadline};
use super::text::Line;
use crate::model::{Article, ParagraphKind, Problem};
use quick_xml::events::{BytesStart, Event};

/// A part of the archive, inflated up to `cap` bytes. `Ok(None)` when the part is absent.
fn part(zip: &[u8], name: &str, cap: usize) -> Result<Option<(Vec<u8>, bool)>, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip))
        .map_err(|e| format!("not a readable ZIP archive ({e})"))?;
    let entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot open {name} ({e})")),
    };
    read_capped(entry, cap)
        .map(Some)
        .map_err(|e| format!("{name} is damaged ({e})"))
}

/// Shared shape of a document read: its paragraphs, a title from the properties, and
/// problems.
struct Doc {
    lines: Vec<Line>,
    prop_title: Option<String>,
    problems: Vec<Problem>,
}

fn to_articles(doc: Doc) -> Vec<Article> {
    let mut arts = super::text::read_paragraphs(doc.lines);
    if arts.len() == 1 {
        let a = &mut arts[0];
        // The first heading is the title when there is one (`build` takes the first
        // title-like line); the document properties otherwise.
        let heading_title = a
            .paragraphs
            .first()
            .is_some_and(|p| p.kind == ParagraphKind::Title);
        if !heading_title {
            if let Some(t) = doc.prop_title.filter(|t| !t.trim().is_empty()) {
                a.title = t.trim().to_string();
            }
        }
    }
    if let Some(a) = arts.first_mut() {
        a.problems.extend(doc.problems);
    }
    arts
}

fn failed(msg: String) -> Vec<Article> {
    vec![Article {
        problems: vec![Problem::error(msg)],
        ..Default::default()
    }]
}

pub(crate) fn read_docx(bytes: &[u8], budget: &Budget, deadline: Deadline) -> Vec<Article> {
    let cap = budget.memory / 4;
    let body = match part(bytes, "word/document.xml", cap) {
        Ok(Some(b)) => b,
        Ok(None) => {
            return failed(
                "an Office Open XML file without a Word body (word/document.xml): not a .docx"
                    .into(),
            )
        }
        Err(e) => return failed(e),
    };
    let mut problems = Vec::new();
    if body.1 {
        problems.push(cut_problem(cap));
    }
    let styles = part(bytes, "word/styles.xml", cap)
        .ok()
        .flatten()
        .map(|(b, _)| word_styles(&b))
        .unwrap_or_default();
    let prop_title = part(bytes, "docProps/core.xml", 1 << 20)
        .ok()
        .flatten()
        .and_then(|(b, _)| element_text(&b, b"title"));
    let (lines, problem) = word_body(&body.0, &styles, deadline);
    problems.extend(problem);
    to_articles(Doc {
        lines,
        prop_title,
        problems,
    })
}

pub(crate) fn read_odt(bytes: &[u8], budget: &Budget, deadline: Deadline) -> Vec<Article> {
    let cap = budget.memory / 4;
    // A flat ODT (.fodt) is the XML itself.
    if bytes.trim_ascii_start().starts_with(b"<") {
        let prop_title = element_text(bytes, b"title");
        let (lines, problem) = odf_body(bytes, deadline);
        return to_articles(Doc {
            lines,
            prop_title,
            problems: problem.into_iter().collect(),
        });
    }
    let body = match part(bytes, "content.xml", cap) {
        Ok(Some(b)) => b,
        Ok(None) => return failed("an OpenDocument file without content.xml".into()),
        Err(e) => return failed(e),
    };
    let mut problems = Vec::new();
    if body.1 {
        problems.push(cut_problem(cap));
    }
    let prop_title = part(bytes, "meta.xml", 1 << 20)
        .ok()
        .flatten()
        .and_then(|(b, _)| element_text(&b, b"title"));
    let (lines, problem) = odf_body(&body.0, deadline);
    problems.extend(problem);
    to_articles(Doc {
        lines,
        prop_title,
        problems,
    })
}

fn cut_problem(cap: usize) -> Problem {
    Problem::warning(format!(
        "the document body expands past {} MB: only that much was read",
        cap >> 20
    ))
}

/// The text of a general entity reference (`&amp;`, `&#8217;`).
fn entity(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.decode().unwrap_or_default();
    quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or("")
        .to_string()
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| raw.into_owned())
        })
    })
}

/// The text of the first element with this local name (`dc:title` in the properties).
fn element_text(xml: &[u8], local: &[u8]) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == local => inside = true,
            Ok(Event::End(e)) if inside && e.local_name().as_ref() == local => {
                return Some(out.trim().to_string()).filter(|s| !s.is_empty())
            }
            Ok(Event::Text(t)) if inside => out.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(g)) if inside => out.push_str(&entity(&g)),
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// Style id → kind, from word/styles.xml: the built-in names ("heading 1", "Title") are
/// English whatever the language of the style ids.
fn word_styles(xml: &[u8]) -> Vec<(String, ParagraphKind)> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut id: Option<String> = None;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"style" => {
                id = attr(&e, b"styleId");
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"name" => {
                if let (Some(i), Some(n)) = (id.take(), attr(&e, b"val")) {
                    if let Some(k) = kind_of_style(&n) {
                        out.push((i, k));
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn kind_of_style(name: &str) -> Option<ParagraphKind> {
    let n = name.to_ascii_lowercase();
    if n == "title" {
        Some(ParagraphKind::Title)
    } else if n.starts_with("heading") || n == "subtitle" {
        Some(ParagraphKind::Heading)
    } else if n.starts_with("list") {
        Some(ParagraphKind::ListItem)
    } else if n.contains("quote") {
        Some(ParagraphKind::Quote)
    } else if n == "caption" {
        Some(ParagraphKind::Caption)
    } else {
        None
    }
}

/// A paragraph being collected (text boxes nest paragraphs inside paragraphs).
struct Para {
    text: String,
    kind: ParagraphKind,
}

/// Elements whose content is never body text.
const WORD_SKIP: &[&[u8]] = &[
    b"del",
    b"instrText",
    b"delInstrText",
    b"Fallback",
    b"footnoteReference",
    b"endnoteReference",
    b"commentReference",
];

/// Ends the open paragraph: its text, if any, becomes a line.
fn close_para(paras: &mut [Para], lines: &mut Vec<Line>) {
    if let Some(p) = paras.last_mut() {
        let t = std::mem::take(&mut p.text);
        if !t.trim().is_empty() {
            lines.push(Line::new(t.trim(), p.kind));
        }
    }
}

/// A document body's XML events, with the reader's time budget checked as they are read
/// (every 4,096 events) and a parse error turned into the file's problem.
struct BodyEvents<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    deadline: Deadline,
    read: u32,
}

impl<'a> BodyEvents<'a> {
    fn new(xml: &'a [u8], deadline: Deadline) -> Self {
        BodyEvents {
            reader: quick_xml::Reader::from_reader(xml),
            deadline,
            read: 0,
        }
    }

    fn next(&mut self) -> Result<Event<'a>, Problem> {
        self.read = self.read.wrapping_add(1);
        if self.read % 4096 == 0 && self.deadline.passed() {
            return Err(time_problem());
        }
        self.reader
            .read_event()
            .map_err(|e| xml_problem(e, self.reader.buffer_position()))
    }
}

fn word_body(
    xml: &[u8],
    styles: &[(String, ParagraphKind)],
    deadline: Deadline,
) -> (Vec<Line>, Option<Problem>) {
    let mut events = BodyEvents::new(xml, deadline);
    let mut lines = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut in_t = false;
    // Depth inside a skipped element (0 = not skipping).
    let mut skip = 0usize;
    loop {
        let ev = match events.next() {
            Ok(ev) => ev,
            Err(problem) => return (lines, Some(problem)),
        };
        match ev {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 || WORD_SKIP.contains(&name) {
                    skip += 1;
                    continue;
                }
                match name {
                    b"p" => paras.push(Para {
                        text: String::new(),
                        kind: ParagraphKind::Body,
                    }),
                    b"t" => in_t = true,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    b"tab" | b"noBreakHyphen" => {
                        if let Some(p) = paras.last_mut() {
                            p.text.push(if name.as_ref() == b"tab" { ' ' } else { '-' });
                        }
                    }
                    // A line break inside a paragraph often separates what are paragraphs
                    // to a reader (exports glue them this way).
                    b"br" | b"cr" => close_para(&mut paras, &mut lines),
                    b"pStyle" => {
                        if let (Some(v), Some(p)) = (attr(&e, b"val"), paras.last_mut()) {
                            if let Some((_, k)) = styles.iter().find(|(id, _)| *id == v) {
                                p.kind = *k;
                            } else if let Some(k) = kind_of_style(&v) {
                                p.kind = k;
                            }
                        }
                    }
                    b"outlineLvl" => {
                        if let Some(p) = paras.last_mut() {
                            if p.kind == ParagraphKind::Body {
                                p.kind = ParagraphKind::Heading;
                            }
                        }
                    }
                    b"numPr" => {
                        if let Some(p) = paras.last_mut() {
                            p.kind = ParagraphKind::ListItem;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" => in_t = false,
                    b"p" => {
                        close_para(&mut paras, &mut lines);
                        paras.pop();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_t && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t.decode().unwrap_or_default());
                }
            }
            Event::GeneralRef(g) if in_t && skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&entity(&g));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let cut = !paras.is_empty();
    (
        lines,
        cut.then(|| Problem::warning("the document body ends early: the file may be damaged")),
    )
}

/// Elements of an OpenDocument body whose content is not body text.
const ODF_SKIP: &[&[u8]] = &[
    b"annotation",
    b"note",
    b"tracked-changes",
    b"title",
    b"desc",
    b"sequence-decls",
    b"variable-decls",
    b"user-field-decls",
    b"forms",
];

fn odf_body(xml: &[u8], deadline: Deadline) -> (Vec<Line>, Option<Problem>) {
    let mut events = BodyEvents::new(xml, deadline);
    let mut lines = Vec::new();
    let mut paras: Vec<Para> = Vec::new();
    let mut skip = 0usize;
    let mut in_body = false;
    let mut list_depth = 0usize;
    loop {
        let ev = match events.next() {
            Ok(ev) => ev,
            Err(problem) => return (lines, Some(problem)),
        };
        match ev {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if name == b"body" {
                    in_body = true;
                }
                if !in_body {
                    continue;
                }
                if skip > 0 || ODF_SKIP.contains(&name) {
                    skip += 1;
                    continue;
                }
                match name {
                    b"p" | b"h" => {
                        let style = attr(&e, b"style-name").unwrap_or_default();
                        let kind = if name == b"h" {
                            ParagraphKind::Heading
                        } else if list_depth > 0 {
                            ParagraphKind::ListItem
                        } else {
                            kind_of_style(&style).unwrap_or(ParagraphKind::Body)
                        };
                        paras.push(Para {
                            text: String::new(),
                            kind,
                        });
                    }
                    b"list-item" => list_depth += 1,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if !in_body || skip > 0 {
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    b"s" => {
                        let c: usize = attr(&e, b"c").and_then(|c| c.parse().ok()).unwrap_or(1);
                        if let Some(p) = paras.last_mut() {
                            p.text.push_str(&" ".repeat(c.min(8)));
                        }
                    }
                    b"tab" => {
                        if let Some(p) = paras.last_mut() {
                            p.text.push(' ');
                        }
                    }
                    b"line-break" => close_para(&mut paras, &mut lines),
                    _ => {}
                }
            }
            Event::End(e) => {
                if !in_body {
                    continue;
                }
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" | b"h" => {
                        close_para(&mut paras, &mut lines);
                        paras.pop();
                    }
                    b"list-item" => list_depth = list_depth.saturating_sub(1),
                    b"body" => in_body = false,
                    _ => {}
                }
            }
            Event::Text(t) if skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&t.decode().unwrap_or_default());
                }
            }
            Event::GeneralRef(g) if skip == 0 => {
                if let Some(p) = paras.last_mut() {
                    p.text.push_str(&entity(&g));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let cut = !paras.is_empty();
    (
        lines,
        cut.then(|| Problem::warning("the document body ends early: the file may be damaged")),
    )
}

fn time_problem() -> Problem {
    Problem::warning("reading stopped at the time budget: the rest of the document is not read")
}

fn xml_problem(e: quick_xml::Error, at: u64) -> Problem {
    Problem::warning(format!(
        "the document's XML is damaged at byte {at} ({e}): the text after it is not read"
    ))
}
