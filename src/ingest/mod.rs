//! Reading files into [`Article`]s: walking folders, deciding what each file is (from its
//! content first: see `sniff`), reading it within a time and memory budget (see `budget`),
//! and turning per-file failures into [`Problem`]s instead of errors.
//!
//! One reader per kind of file: `text` (plain text and Markdown), `html` (saved pages),
//! `json`, `pdf`, `office` (DOCX, ODT), `rtf`, `mail` (EML, MBOX, MHTML), `feed` (RSS,
//! Atom), `webarchive`, `table` (CSV, TSV); `export` splits news-database exports that hold
//! many articles in one file, whatever the file format.

pub mod boilerplate;
pub mod budget;
pub mod builder;
pub mod decode;
mod dehyphen;
mod export;
mod feed;
pub mod html;
pub mod json;
mod mail;
mod mojibake;
mod office;
mod pdf;
mod rtf;
mod sniff;
mod table;
pub mod text;
mod walk;
mod webarchive;

pub use budget::Budget;
pub use walk::{walk, walk_each, Walked, SHARD_EXTENSION};

use crate::model::{Article, Format, ParagraphKind, Problem, Severity};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger text files are cut here (and say so): a news article is never this long, and an
/// accidental log file must not stall a load.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// A file found by [`walk`], with the path as the user will see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The path as walked from the PATH the user gave.
    pub display: String,
    /// What the name (or, without a known extension, the content) says it is; the content
    /// decides again when it is read.
    pub format: Format,
}

/// The reader for a file name, by extension (`None` for kinds that are not read).
pub fn format_of(path: &Path) -> Option<Format> {
    match sniff::by_extension(path)? {
        sniff::ByName::Read(f) => Some(f),
        _ => None,
    }
}

/// One article standing for a file that gave none: no text, the problem says why.
fn failed(format: Option<Format>, problem: Problem) -> Article {
    Article {
        format,
        problems: vec![problem],
        ..Default::default()
    }
}

/// Reads one file into its articles (a JSON array, a mailbox, a feed, a table or a
/// news-database export give several) under the default [`Budget`]. Never fails: a file
/// that cannot be read gives one article with an error problem and no text.
pub fn read_file(file: &SourceFile) -> Vec<Article> {
    read_file_with(file, &Budget::default())
}

/// [`read_file`] under a given budget.
pub fn read_file_with(file: &SourceFile, budget: &Budget) -> Vec<Article> {
    let (mut articles, hash) = match read_file_inner(file, budget) {
        Ok(v) => v,
        Err(e) => (
            vec![failed(
                Some(file.format),
                Problem::error(format!("cannot read file: {e}")),
            )],
            String::new(),
        ),
    };
    let file_time = std::fs::metadata(&file.path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let many = articles.len() > 1;
    for (i, a) in articles.iter_mut().enumerate() {
        a.path = if many {
            format!("{}#{i}", file.display)
        } else {
            file.display.clone()
        };
        a.file = file.path.clone();
        a.content_hash = if many {
            format!("{hash}#{i}")
        } else {
            hash.clone()
        };
        a.file_time = file_time;
        if a.title.is_empty() {
            a.title = fallback_title(a, &file.path, many);
        }
    }
    articles
}

/// Longest title made from an article's opening words, in characters.
const OPENING_TITLE_CHARS: usize = 80;

/// The title of an article whose file states none. A file named in words (a slug such as
/// `port-strike-ends`) is known by its name; a record of a file that holds many articles (an
/// export's line, which would otherwise be titled after the file, the same for every record)
/// or a file named by a number (`2011-01-25/138.txt`) is known by its opening words, cut at a
/// word as a mail client shows a message without a subject.
/// `many`: the file holds more than one article. The index calls this again when a file
/// moves, so a title that came from the old name follows the new one.
pub(crate) fn fallback_title(a: &Article, file: &Path, many: bool) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_default();
    let named_in_words = stem.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if named_in_words && !many {
        return stem;
    }
    let opening = a
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Body)
        .or(a.paragraphs.first())
        .map(|p| &a.text[p.range.clone()]);
    match opening {
        Some(text) => opening_words(text, OPENING_TITLE_CHARS),
        None => stem,
    }
}

/// The first `max` characters of `text` with its whitespace collapsed, cut after a whole word
/// and marked with "…" when anything was left out.
fn opening_words(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len > max {
            if out.is_empty() {
                out.extend(word.chars().take(max));
            }
            let kept = out.trim_end_matches([',', ';', ':', '-', '–', '—']).len();
            out.truncate(kept);
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Reads the file's head, decides what it is, then reads as much as that format may hold.
/// Returns the articles and the blake3 hash of the bytes read.
fn read_file_inner(file: &SourceFile, budget: &Budget) -> std::io::Result<(Vec<Article>, String)> {
    let mut f = std::fs::File::open(&file.path)?;
    let len = f.metadata()?.len();
    let mut head = Vec::with_capacity(sniff::HEAD);
    (&mut f).take(sniff::HEAD as u64).read_to_end(&mut head)?;
    let format = match sniff::sniff(&head, Some(file.format)) {
        sniff::Sniffed::Read(f) => f,
        sniff::Sniffed::Unsupported(u) => {
            let hash = blake3::hash(&head).to_hex().to_string();
            let msg = format!("this file is {}", u.describe());
            return Ok((vec![failed(None, Problem::error(msg))], hash));
        }
        sniff::Sniffed::Binary => {
            let hash = blake3::hash(&head).to_hex().to_string();
            return Ok((vec![failed(Some(file.format), binary_problem())], hash));
        }
    };
    if format == Format::Mbox {
        // Mailboxes grow to gigabytes: streamed message by message, never held whole.
        let reader = std::io::Cursor::new(head).chain(f);
        let (mut articles, hash) = mail::read_mbox_stream(reader, len, budget);
        finish(&mut articles, Format::Mbox, &[]);
        return Ok((articles, hash));
    }
    let limit = read_limit(format, budget);
    let mut problems = Vec::new();
    if len > limit as u64 {
        if is_container(format) {
            let hash = blake3::hash(&head).to_hex().to_string();
            let msg = format!(
                "file is {} MB, over the {} MB a {} file may use: not read",
                len >> 20,
                limit >> 20,
                format_name(format)
            );
            return Ok((vec![failed(Some(format), Problem::error(msg))], hash));
        }
        problems.push(Problem::warning(format!(
            "file is {} MB: only the first {} MB were read",
            len >> 20,
            limit >> 20
        )));
    }
    let mut bytes = head;
    f.take((limit - bytes.len().min(limit)) as u64)
        .read_to_end(&mut bytes)?;
    bytes.truncate(limit);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let mut articles = read_bytes_with(bytes, format, budget);
    if let Some(first) = articles.first_mut() {
        first.problems.extend(problems);
    }
    Ok((articles, hash))
}

/// Files whose structure is lost when cut (a ZIP's directory is at its end, a PDF's
/// cross-reference table too): over the limit they are not read at all.
fn is_container(f: Format) -> bool {
    matches!(
        f,
        Format::Pdf | Format::Docx | Format::Odt | Format::Webarchive
    )
}

/// Bytes read from disk for one file. Containers expand when read (decompressed streams,
/// parsed objects), so they get a quarter of the memory budget; text at most
/// [`MAX_TEXT_BYTES`].
fn read_limit(f: Format, budget: &Budget) -> usize {
    if is_container(f) {
        budget.memory / 4
    } else {
        MAX_TEXT_BYTES.min(budget.memory / 2)
    }
}

fn format_name(f: Format) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_uppercase))
        .unwrap_or_default()
}

fn binary_problem() -> Problem {
    Problem::error("file looks binary (NUL bytes or mostly control characters): not read")
}

/// Reads bytes of a known format under the default budget. Always returns at least one
/// article (possibly empty, with problems).
pub fn read_bytes(bytes: &[u8], format: Format) -> Vec<Article> {
    let budget = Budget::default();
    let limit = read_limit(format, &budget);
    if bytes.len() > limit && is_container(format) {
        let msg = format!("file is {} MB: too large to read", bytes.len() >> 20);
        return vec![failed(Some(format), Problem::error(msg))];
    }
    let mut v = read_bytes_with(bytes[..bytes.len().min(limit)].to_vec(), format, &budget);
    if bytes.len() > limit {
        if let Some(a) = v.first_mut() {
            a.problems.push(Problem::warning(format!(
                "file is {} MB: only the first {} MB were read",
                bytes.len() >> 20,
                limit >> 20
            )));
        }
    }
    v
}

/// Dispatches to the reader of `format`. Readers built on third-party parsers run under
/// [`budget::run`]; the others are linear in their (already capped) input.
fn read_bytes_with(bytes: Vec<u8>, format: Format, budget: &Budget) -> Vec<Article> {
    let text_like = matches!(
        format,
        Format::Text | Format::Markdown | Format::Json | Format::Csv | Format::Tsv
    );
    if text_like && !starts_with_utf16_bom(&bytes) && sniff::looks_binary(&bytes) {
        return vec![failed(Some(format), binary_problem())];
    }
    let mut articles = match format {
        Format::Html => vec![from_html(&bytes)],
        Format::Text | Format::Markdown | Format::Json => {
            let (text, warnings) = decode::decode_checked(&bytes);
            let mut arts = match format {
                Format::Text => text::read_text_many(&text),
                Format::Markdown => vec![text::read_markdown(&text)],
                _ => {
                    let (arts, problem) = json::read_json(&text);
                    if arts.is_empty() {
                        vec![failed(
                            None,
                            problem.unwrap_or_else(|| Problem::error("no articles")),
                        )]
                    } else {
                        arts
                    }
                }
            };
            if let Some(a) = arts.first_mut() {
                a.problems.extend(warnings);
            }
            arts
        }
        Format::Csv | Format::Tsv => table::read_table(&bytes, format == Format::Tsv, budget),
        Format::Mbox => mail::read_mbox_stream(std::io::Cursor::new(bytes), 0, budget).0,
        Format::Pdf
        | Format::Docx
        | Format::Odt
        | Format::Rtf
        | Format::Eml
        | Format::Mhtml
        | Format::Feed
        | Format::Webarchive => {
            let b = *budget;
            match budget::run(budget, move |deadline| {
                read_guarded(&bytes, format, &b, deadline)
            }) {
                Ok(arts) => arts,
                Err(budget::Overrun::Time(t)) => vec![failed(
                    Some(format),
                    Problem::error(format!(
                        "reading this file took longer than the {} s a file may take: not read",
                        t.as_secs_f32()
                    )),
                )],
                Err(budget::Overrun::Panic(msg)) => vec![failed(
                    Some(format),
                    Problem::error(format!(
                        "the {} reader failed on this file ({msg}): not read",
                        format_name(format)
                    )),
                )],
            }
        }
    };
    if articles.is_empty() {
        articles.push(Article::default());
    }
    finish(&mut articles, format, &[]);
    articles
}

/// The readers that run on a guarded thread.
fn read_guarded(
    bytes: &[u8],
    format: Format,
    budget: &Budget,
    deadline: budget::Deadline,
) -> Vec<Article> {
    match format {
        Format::Pdf => pdf::read_pdf(bytes, budget, deadline),
        Format::Docx => office::read_docx(bytes, budget, deadline),
        Format::Odt => office::read_odt(bytes, budget, deadline),
        Format::Rtf => rtf::read_rtf(bytes, budget, deadline),
        Format::Eml => mail::read_eml(bytes),
        Format::Mhtml => mail::read_mhtml(bytes),
        Format::Feed => feed::read_feed(bytes, budget, deadline),
        Format::Webarchive => webarchive::read_webarchive(bytes, deadline),
        _ => Vec::new(),
    }
}

fn starts_with_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Common last steps: text decoded with the wrong encoding upstream repaired (one warning per
/// file), the format, shared problems, and a warning for articles without text.
fn finish(articles: &mut [Article], format: Format, problems: &[Problem]) {
    let repaired = articles
        .iter_mut()
        .map(mojibake::repair_in_place)
        .filter(|&r| r)
        .count();
    if repaired > 0 {
        let which = if articles.len() == 1 {
            "the text".to_owned()
        } else {
            let s = if repaired == 1 { "" } else { "s" };
            format!("the text of {repaired} article{s}")
        };
        articles[0].problems.push(Problem::warning(format!(
            "{which} had been decoded with the wrong encoding before it was saved \
             (\"â€™\" for \"’\"): repaired"
        )));
    }
    for a in articles {
        a.format.get_or_insert(format);
        a.problems.extend(problems.iter().cloned());
        if a.paragraphs.is_empty() && !a.problems.iter().any(|p| p.severity == Severity::Error) {
            a.problems.push(Problem::warning("no article text found"));
        }
    }
}

fn from_html(bytes: &[u8]) -> Article {
    article_from_html(html::read_html(bytes))
}

/// An article from a page read by the page reader (saved pages, HTML mail parts, feed
/// descriptions, pages inside MHTML and web archives).
pub(crate) fn article_from_html(doc: html::HtmlArticle) -> Article {
    let mut b = builder::ArticleBuilder::default();
    let title = doc.title.clone().unwrap_or_default();
    if !title.is_empty() {
        b.push(&title, ParagraphKind::Title);
    }
    for block in &doc.blocks {
        // The page title is often repeated as the first heading.
        if b.is_empty() || block.text.trim() != title.trim() {
            b.push(&block.text, block.kind);
        }
    }
    let mut a = Article {
        title,
        outlet: doc.outlet,
        url: doc.url,
        language: doc.language,
        authors: doc.authors,
        pub_date_evidence: doc.published,
        modified_date: doc.modified,
        problems: doc.problems,
        ..Default::default()
    };
    b.finish_into(&mut a);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_recursively_skipping_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::fs::write(sub.join("c.md"), "x").unwrap();
        std::fs::write(dir.path().join(".git").join("d.txt"), "x").unwrap();
        std::fs::write(dir.path().join("e.png"), "x").unwrap();
        let w = walk(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = w
            .files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, vec!["a.txt", "c.md"]);
        assert!(w.problems[0].contains("1 image(s)"), "{:?}", w.problems);
        assert!(w.files[1].display.ends_with("b/c.md"));
    }

    #[test]
    fn missing_path_is_an_error() {
        let err = walk(&[PathBuf::from("/definitely/not/here")]).unwrap_err();
        assert_eq!(err, PathBuf::from("/definitely/not/here"));
    }

    #[test]
    fn binary_file_is_a_problem() {
        let arts = read_bytes(&[0u8, 1, 2, 3, 0, 0, 7, 8], Format::Text);
        assert_eq!(arts.len(), 1);
        assert!(arts[0].problems[0].message.contains("binary"));
    }

    #[test]
    fn an_export_decoded_with_the_wrong_encoding_upstream_reads_repaired_with_one_warning() {
        let damaged = mojibake::tests::damage;
        let lines = [
            format!(
                r#"{{"title": "{}", "text": "{}"}}"#,
                damaged("Talks in Zürich"),
                damaged("The ministers’ talks ran 12–17 May.")
            ),
            r#"{"title": "Plain", "text": "Nothing to mend on 3 June."}"#.to_owned(),
        ];
        let arts = read_bytes(lines.join("\n").as_bytes(), Format::Json);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Talks in Zürich");
        assert!(arts[0].text.contains("The ministers’ talks ran 12–17 May."));
        assert_eq!(arts[1].text, "Plain\n\nNothing to mend on 3 June.");
        let warned: Vec<_> = arts
            .iter()
            .flat_map(|a| &a.problems)
            .filter(|p| p.message.contains("wrong encoding"))
            .collect();
        assert_eq!(warned.len(), 1, "{warned:?}");
        assert!(warned[0]
            .message
            .starts_with("the text of 1 article had been decoded"));
    }

    #[test]
    fn json_array_gives_several_articles_with_distinct_keys() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(
            &p,
            r#"[{"title":"A","text":"One."},{"title":"B","text":"Two."}]"#,
        )
        .unwrap();
        let f = SourceFile {
            display: p.display().to_string(),
            path: p,
            format: Format::Json,
        };
        let arts = read_file(&f);
        assert_eq!(arts.len(), 2);
        assert!(arts[1].path.ends_with("x.json#1"));
        assert_ne!(arts[0].content_hash, arts[1].content_hash);
    }

    fn read_named(name: &str, body: &str) -> Vec<Article> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        let f = SourceFile {
            display: p.display().to_string(),
            format: format_of(&p).unwrap_or(Format::Text),
            path: p,
        };
        read_file(&f)
    }

    #[test]
    fn records_without_a_title_are_known_by_their_opening_words_not_the_file_name() {
        let arts = read_named(
            "articles.jsonl",
            concat!(
                r#"{"title":null,"text":"Dock workers in Rotterdam ended their strike on Monday after ten days of talks with the port authority."}"#,
                "\n",
                r#"{"text":"Ghana and Togo agreed joint patrols."}"#,
                "\n",
                r#"{"title":"Rain returns","text":"It rained."}"#,
                "\n",
            ),
        );
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Dock workers in Rotterdam ended their strike on Monday after ten days of talks…",
                "Ghana and Togo agreed joint patrols.",
                "Rain returns",
            ]
        );
    }

    #[test]
    fn a_file_named_in_words_keeps_its_name_and_one_named_by_number_its_opening_words() {
        let body = r#"{"text":"Officials from Laos attended the opening of the dam."}"#;
        assert_eq!(
            read_named("dam-opens-in-laos.json", body)[0].title,
            "dam opens in laos"
        );
        assert_eq!(
            read_named("138.json", body)[0].title,
            "Officials from Laos attended the opening of the dam."
        );
    }

    #[test]
    fn opening_words_end_on_a_whole_word_without_a_dangling_comma() {
        assert_eq!(opening_words("One,  two\nthree", 80), "One, two three");
        assert_eq!(opening_words("Alpha beta, gamma delta", 11), "Alpha beta…");
        assert_eq!(opening_words("Antidisestablishment", 5), "Antid…");
        assert_eq!(opening_words("", 5), "");
    }
}
