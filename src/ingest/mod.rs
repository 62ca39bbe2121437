//! Reading files into [`Article`]s: walking folders, choosing a reader by extension,
//! decoding bytes, and turning per-file failures into [`Problem`]s instead of errors.

pub mod boilerplate;
pub mod builder;
pub mod decode;
pub mod html;
pub mod json;
pub mod text;

use crate::model::{Article, Format, Problem};
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
    pub format: Format,
}

/// The reader for a file name, by extension.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "json" | "jsonl" => Format::Json,
        _ => return None,
    })
}

/// What [`walk`] found: the files to read, plus notes about what it skipped.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<SourceFile>,
    /// Index shards (`*.dlindex`, written by `dateline index`): opened by `index`, not read
    /// as articles.
    pub shards: Vec<PathBuf>,
    pub problems: Vec<String>,
}

/// The extension of an index shard written by `dateline index --out`.
pub const SHARD_EXTENSION: &str = "dlindex";

fn is_shard(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(SHARD_EXTENSION))
}

/// Expands the user's paths: folders recursively (hidden entries skipped, sorted by name
/// for a stable order), files as given. A missing path is an error for the whole call; an
/// unreadable folder entry is a problem and the walk goes on.
pub fn walk(paths: &[PathBuf]) -> Result<Walked, PathBuf> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(missing.clone());
    }
    let mut out = Walked::default();
    let mut seen = std::collections::HashSet::new();
    for root in paths {
        if root.is_file() && is_shard(root) {
            if seen.insert(root.clone()) {
                out.shards.push(root.clone());
            }
            continue;
        }
        if root.is_file() {
            // A file named explicitly is read even with an odd extension, as plain text.
            let format = format_of(root).unwrap_or(Format::Text);
            if seen.insert(root.clone()) {
                out.files.push(SourceFile {
                    path: root.clone(),
                    display: root.display().to_string(),
                    format,
                });
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        let mut skipped = 0usize;
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => match format_of(e.path()) {
                    Some(format) => {
                        if seen.insert(e.path().to_path_buf()) {
                            out.files.push(SourceFile {
                                path: e.path().to_path_buf(),
                                display: e.path().display().to_string(),
                                format,
                            });
                        }
                    }
                    None if is_shard(e.path()) => {
                        if seen.insert(e.path().to_path_buf()) {
                            out.shards.push(e.path().to_path_buf());
                        }
                    }
                    None => skipped += 1,
                },
                Ok(_) => {}
                Err(err) => out.problems.push(format!("{}: {err}", root.display())),
            }
        }
        if skipped > 0 {
            out.problems.push(format!(
                "{}: {skipped} file(s) skipped (not .txt, .md, .html or .json)",
                root.display()
            ));
        }
    }
    Ok(out)
}

/// Reads one file into its articles (a JSON array gives several). Never fails: a file that
/// cannot be read gives one article with an error problem and no text.
pub fn read_file(file: &SourceFile) -> Vec<Article> {
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            return vec![Article {
                path: file.display.clone(),
                file: file.path.clone(),
                format: Some(file.format),
                problems: vec![Problem::error(format!("cannot read file: {e}"))],
                ..Default::default()
            }]
        }
    };
    let file_time = std::fs::metadata(&file.path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive());
    let mut articles = read_bytes(&bytes, file.format);
    let hash = blake3::hash(&bytes).to_hex().to_string();
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
            a.title = file
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
                .unwrap_or_default();
        }
    }
    articles
}

/// Reads bytes of a known format. Always returns at least one article (possibly empty,
/// with problems).
pub fn read_bytes(bytes: &[u8], format: Format) -> Vec<Article> {
    let mut problems = Vec::new();
    let bytes = if format != Format::Html && bytes.len() > MAX_TEXT_BYTES {
        problems.push(Problem::warning(format!(
            "file is {} MB: only the first {} MB were read",
            bytes.len() >> 20,
            MAX_TEXT_BYTES >> 20
        )));
        &bytes[..MAX_TEXT_BYTES]
    } else {
        bytes
    };
    if format != Format::Html && looks_binary(bytes) {
        return vec![Article {
            format: Some(format),
            problems: vec![Problem::error(
                "file looks binary (NUL bytes or mostly control characters): not read",
            )],
            ..Default::default()
        }];
    }
    let mut articles = match format {
        Format::Html => vec![from_html(bytes)],
        Format::Text | Format::Markdown | Format::Json => {
            let (text, _enc) = decode::decode(bytes, false);
            match format {
                Format::Text => vec![text::read_text(&text)],
                Format::Markdown => vec![text::read_markdown(&text)],
                _ => {
                    let (arts, problem) = json::read_json(&text);
                    if arts.is_empty() {
                        vec![Article {
                            problems: problem.into_iter().collect(),
                            ..Default::default()
                        }]
                    } else {
                        arts
                    }
                }
            }
        }
    };
    for a in &mut articles {
        a.format = Some(format);
        a.problems.extend(problems.iter().cloned());
        if a.paragraphs.is_empty()
            && !a
                .problems
                .iter()
                .any(|p| p.severity == crate::model::Severity::Error)
        {
            a.problems.push(Problem::warning("no article text found"));
        }
    }
    articles
}

/// UTF-16 text has NUL bytes too, so only call it binary when there is no BOM.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let nul = memchr::memchr(0, head).is_some();
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
        .count();
    nul || control * 10 > head.len()
}

fn from_html(bytes: &[u8]) -> Article {
    let doc = html::read_html(bytes);
    let mut b = builder::ArticleBuilder::default();
    let title = doc.title.clone().unwrap_or_default();
    if !title.is_empty() {
        b.push(&title, crate::model::ParagraphKind::Title);
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
        assert!(w.problems[0].contains("1 file(s) skipped"));
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
}
