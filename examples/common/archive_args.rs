//! The command line and the load shared by the scorers that read `../shared/entities-tls`
//! with a labels file: `<entities-tls dir> <labels.tsv> [--print] [--errors] [--half H]`.

use dateline::corrections::Corrections;
use dateline::model::Corpus;
use dateline::pipeline::{load, LoadOptions, Progress};
use std::path::PathBuf;

/// What was asked for, and the archive loaded as one corpus.
pub struct ArchiveRun {
    pub args: Vec<String>,
    /// `--half tune|check`, when given.
    pub only_half: Option<String>,
    pub root: PathBuf,
    /// Labels file (the second positional argument).
    pub labels: PathBuf,
    pub corpus: Corpus,
}

impl ArchiveRun {
    pub fn flag(&self, f: &str) -> bool {
        self.args.iter().any(|a| a == f)
    }
}

/// Reads the arguments (exits with a usage line naming `program` when they are wrong) and
/// loads every entity folder's `articles.jsonl` of the archive.
pub fn load_archive(program: &str) -> ArchiveRun {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only_half = args
        .iter()
        .position(|a| a == "--half")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let pos: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--half"))
        .map(|(_, a)| a)
        .collect();
    if pos.len() != 2 {
        eprintln!("usage: {program} <entities-tls dir> <labels.tsv> [--print] [--errors] [--half tune|check]");
        std::process::exit(2);
    }
    let root = PathBuf::from(pos[0]);
    let labels = PathBuf::from(pos[1]);
    if let Err(e) = std::fs::read_dir(&root) {
        eprintln!("{}: {e}", root.display());
        std::process::exit(2)
    }
    // (The including scorer declares `entity_split`, as every scorer of this archive does.)
    let folders: Vec<String> = crate::entity_split::entity_dirs(&root)
        .iter()
        .filter_map(|d| Some(d.file_name()?.to_string_lossy().to_string()))
        .collect();
    let files: Vec<PathBuf> = folders
        .iter()
        .map(|f| root.join(f).join("articles.jsonl"))
        .collect();
    let opts = LoadOptions {
        pub_dates: Vec::new(),
        corrections: Corrections::default(),
    };
    let corpus = load(&files, &opts, &Progress::default()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    ArchiveRun {
        args,
        only_half,
        root,
        labels,
        corpus,
    }
}
