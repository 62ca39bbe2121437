//! Finding the files to read under the user's paths.
//!
//! The walk hands each file on as soon as it is found ([`walk_each`]), in the order the
//! whole walk gives (sorted by name, depth first), so a loader can start on the first
//! files of a large folder while the rest of it is still being walked; [`walk`] collects
//! them all for callers that want the list.

use super::{format_of, sniff, SourceFile};
use crate::model::Format;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// What [`walk`] found: the files to read, plus notes about what it skipped.
#[derive(Debug, Default)]
pub struct Walked {
    /// Empty after [`walk_each`], which hands the files on instead.
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

/// What the walk does with one file in a folder.
enum Verdict {
    Read(Format),
    /// An index shard written by `dateline index --out`: opened, not read as an article.
    Shard,
    Unsupported(sniff::NotRead),
    Skip,
}

/// A file in a folder: a known extension decides; otherwise the first bytes must show a
/// format that is unmistakably an article container (PDF, RTF, mail, feed, ...). Other
/// files (source code, logs) are skipped.
fn verdict_in_folder(path: &Path) -> Verdict {
    if is_shard(path) {
        return Verdict::Shard;
    }
    match sniff::by_extension(path) {
        Some(sniff::ByName::Read(f)) => Verdict::Read(f),
        Some(sniff::ByName::Unsupported(u)) => Verdict::Unsupported(u),
        Some(sniff::ByName::Look) | None => match read_head(path) {
            Ok(head) => match sniff::sniff(&head, None) {
                sniff::Sniffed::Read(Format::Text | Format::Html | Format::Json) => Verdict::Skip,
                sniff::Sniffed::Read(f) => Verdict::Read(f),
                sniff::Sniffed::Unsupported(u) => Verdict::Unsupported(u),
                sniff::Sniffed::Binary => Verdict::Skip,
            },
            Err(_) => Verdict::Skip,
        },
    }
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(sniff::HEAD);
    std::fs::File::open(path)?
        .take(sniff::HEAD as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// Expands the user's paths: folders recursively (hidden entries skipped, sorted by name
/// for a stable order), files as given. A missing path is an error for the whole call; an
/// unreadable folder entry is a problem and the walk goes on. Images, archives and other
/// files that are recognised but not read are counted by kind in the problems.
pub fn walk(paths: &[PathBuf]) -> Result<Walked, PathBuf> {
    let mut files = Vec::new();
    let mut walked = walk_each(paths, &mut |f| {
        files.push(f);
        ControlFlow::Continue(())
    })?;
    walked.files = files;
    Ok(walked)
}

/// [`walk`], handing each file to `on_file` as soon as it is found, in the order [`walk`]
/// lists them (the returned [`Walked`] has no files). `on_file` returning `Break` ends the
/// walk there (a cancelled load); what was found until then is returned.
pub fn walk_each(
    paths: &[PathBuf],
    on_file: &mut dyn FnMut(SourceFile) -> ControlFlow<()>,
) -> Result<Walked, PathBuf> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(missing.clone());
    }
    let mut out = Walked::default();
    // A file is listed once when the user's paths overlap (a folder and a file or folder
    // in it). One folder alone never yields a path twice: no set of every path then.
    let overlap = paths.len() > 1;
    let mut seen = std::collections::HashSet::new();
    let mut first_time = |p: &Path| !overlap || seen.insert(p.to_path_buf());
    for root in paths {
        if root.is_file() && is_shard(root) {
            if first_time(root) {
                out.shards.push(root.clone());
            }
            continue;
        }
        if root.is_file() {
            // A file named explicitly is always read: its content decides how, and one
            // that cannot be read says why.
            let format = format_of(root).unwrap_or(Format::Text);
            if first_time(root) {
                let file = SourceFile {
                    path: root.clone(),
                    display: root.display().to_string(),
                    format,
                };
                if on_file(file).is_break() {
                    return Ok(out);
                }
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            // By name, as `sort_by_file_name` does, but compared as whole paths: siblings
            // share their parent's path, so the order is the same, and no name is parsed
            // out of its path at every comparison (that was most of the walk's work in a
            // folder of thousands of files).
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        let mut skipped = 0usize;
        let mut unsupported: std::collections::BTreeMap<sniff::NotRead, Vec<String>> =
            Default::default();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => match verdict_in_folder(e.path()) {
                    Verdict::Read(format) => {
                        if first_time(e.path()) {
                            let file = SourceFile {
                                path: e.path().to_path_buf(),
                                display: e.path().display().to_string(),
                                format,
                            };
                            if on_file(file).is_break() {
                                return Ok(out);
                            }
                        }
                    }
                    Verdict::Shard => {
                        if first_time(e.path()) {
                            out.shards.push(e.path().to_path_buf());
                        }
                    }
                    Verdict::Unsupported(u) => unsupported
                        .entry(u)
                        .or_default()
                        .push(e.file_name().to_string_lossy().into_owned()),
                    Verdict::Skip => skipped += 1,
                },
                Ok(_) => {}
                Err(err) => out.problems.push(format!("{}: {err}", root.display())),
            }
        }
        for (kind, names) in unsupported {
            let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
            let more = if names.len() > 3 { ", ..." } else { "" };
            out.problems.push(format!(
                "{}: {} {} not read: {}{more}",
                root.display(),
                names.len(),
                kind.plural(),
                shown.join(", ")
            ));
        }
        if skipped > 0 {
            out.problems.push(format!(
                "{}: {skipped} file(s) skipped (not an article format dateline reads)",
                root.display()
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_handed_on_in_the_order_the_whole_walk_lists_them_and_a_break_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        for (sub, name) in [
            ("b", "2.txt"),
            ("a", "9.txt"),
            ("", "z.md"),
            ("a/c", "1.txt"),
        ] {
            let d = dir.path().join(sub);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(name), "x").unwrap();
        }
        std::fs::write(dir.path().join("s.dlindex"), "x").unwrap();
        let paths = vec![dir.path().to_path_buf()];
        let whole = walk(&paths).unwrap();
        let mut each = Vec::new();
        let rest = walk_each(&paths, &mut |f| {
            each.push(f);
            ControlFlow::Continue(())
        })
        .unwrap();
        assert_eq!(each, whole.files);
        assert_eq!(each.len(), 4);
        assert!(rest.files.is_empty());
        assert_eq!(rest.shards, whole.shards);
        let mut two = Vec::new();
        walk_each(&paths, &mut |f| {
            two.push(f);
            if two.len() == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
        assert_eq!(two, whole.files[..2]);
    }

    #[test]
    fn files_come_in_name_order_depth_first_and_overlapping_paths_list_a_file_once() {
        // Names whose order as whole paths could differ from their order as names if
        // siblings did not share their parent's path: a folder and a file starting with
        // its name, a dot, a space, a dash, upper case and a non-ASCII letter.
        let dir = tempfile::tempdir().unwrap();
        for (sub, name) in [
            ("a", "x.txt"),
            ("", "a.txt"),
            ("", "a b.txt"),
            ("", "a-.txt"),
            ("", "B.txt"),
            ("", "ab.txt"),
            ("é", "1.txt"),
            ("a/b", "z.txt"),
            ("a", "b.txt"),
            ("a.b", "y.txt"),
        ] {
            let d = dir.path().join(sub);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(name), "x").unwrap();
        }
        let paths = vec![dir.path().to_path_buf()];
        let got: Vec<PathBuf> = walk(&paths)
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.path)
            .collect();
        // The reference: walkdir's own order by file name.
        let want: Vec<PathBuf> = walkdir::WalkDir::new(dir.path())
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 10);
        let rel: Vec<String> = got
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        // A folder before the names it begins (depth first), a dot after a space and a dash.
        assert_eq!(rel[..4], ["B.txt", "a/b/z.txt", "a/b.txt", "a/x.txt"]);
        assert_eq!(rel[4..8], ["a b.txt", "a-.txt", "a.b/y.txt", "a.txt"]);
        // A folder and a file and a folder inside it: each file once.
        let overlapping = vec![
            dir.path().to_path_buf(),
            dir.path().join("a.txt"),
            dir.path().join("a"),
        ];
        let twice = walk(&overlapping).unwrap().files;
        assert_eq!(twice.len(), 10);
        assert_eq!(
            twice.iter().map(|f| f.path.clone()).collect::<Vec<_>>(),
            want
        );
    }
}
