//! Scores publication dates of saved pages against `../shared/page-dates` (see its README):
//! each page is read as `dateline` reads an HTML file, and its date is decided by the same
//! `pubdate::resolve` (without a file time: the checkout's file times say nothing about the
//! pages, and a file-time guess would hide a page where we found nothing).
//!
//! cargo run --release --example score_page_dates -- ../shared/page-dates [--errors] [--dump] [--half tune|check]
//!
//! Per half of the fixed split (`common/split.rs`) and over all pages:
//! - accuracy: pages with a stated date whose date we give within a day of it (the README's
//!   rule: some truth values were converted to UTC), over pages with a stated date;
//! - nothing found: pages with a stated date where we give none;
//! - confidently wrong: pages where we give a date with confidence >= 0.8 that is more than a
//!   day off, or any date with confidence >= 0.8 on a page that states none; over all pages,
//!   and over the pages where we were that confident.
//!
//! `--errors` lists every page we get wrong or find nothing on (of the `--half` given, else
//! of both), with the evidence used.
//!
//! `--last-resort` scores the last-resort search of a page (`page-text`) alone, as if the
//! page stated its date nowhere usual: how often that search is right where it has to stand
//! alone, and each of its places (attribute, script key, dated line, repeated date) alone. `--proxy DIR` does the same on a folder of pages without date truth (articles-bench's
//! `html/`, gzipped or not), taking as truth the date the full reader gives with confidence >= 0.8.

use dateline::ingest::read_bytes;
use dateline::model::{Format, PubDateSource};
use std::io::Write;

#[path = "common/split.rs"]
mod split;
use split::Half;

macro_rules! say {
    ($($t:tt)*) => {
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    };
}

/// Confidence at or above which a date counts as confident (`pubdate::FIRM`).
const CONFIDENT: f32 = dateline::pubdate::FIRM;

struct Row {
    page: String,
    half: Half,
    truth: Option<chrono::NaiveDate>,
    got: Option<dateline::model::DatedEvidence>,
    /// With `--last-resort` / `--proxy`: what each place of the search gives on its own.
    places: Vec<dateline::model::DatedEvidence>,
}

impl Row {
    fn right(&self) -> bool {
        match (&self.truth, &self.got) {
            (Some(t), Some(g)) => (g.date - *t).num_days().abs() <= 1,
            _ => false,
        }
    }
    fn confidently_wrong(&self) -> bool {
        self.got
            .as_ref()
            .is_some_and(|g| g.confidence >= CONFIDENT && !self.right())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/page-dates".into());
    let list_errors = args.iter().any(|a| a == "--errors");
    // Every candidate the HTML reader found, for each page of `--half`.
    let dump = args.iter().any(|a| a == "--dump");
    let only = split::half_arg(&args);
    let last_resort = args.iter().any(|a| a == "--last-resort");
    let mut rows = Vec::new();
    if let Some(p) = args.iter().position(|a| a == "--proxy") {
        let proxy = args.get(p + 1).cloned().unwrap_or_default();
        rows = proxy_rows(&proxy);
        report(&rows, list_errors, only);
        return;
    }
    let truth = std::fs::read_to_string(format!("{dir}/truth.jsonl")).unwrap_or_else(|e| {
        eprintln!("cannot read {dir}/truth.jsonl: {e}");
        std::process::exit(2);
    });
    for line in truth.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("bad truth line ({e}): {line}");
                continue;
            }
        };
        let page = v["page"].as_str().unwrap_or("").to_string();
        let truth = v["published"]
            .as_str()
            .and_then(|s| s.get(..10))
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let path = std::path::Path::new(&dir).join(&page);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipping unreadable {}", path.display());
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut article = read_bytes(&bytes, Format::Html).remove(0);
        article.file = path.clone();
        let (got, places) = if last_resort {
            let (text, _) = dateline::ingest::decode::decode(&bytes, true);
            let places = dateline::ingest::html::last_resort_dates(&text);
            (places.first().cloned(), places)
        } else {
            (dateline::pubdate::resolve(&article, None), Vec::new())
        };
        if dump && only.is_none_or(|h| h == Half::of(&name)) {
            say!("{page}  truth {:?}", v["published"].as_str());
            for e in &article.pub_date_evidence {
                say!(
                    "    {} {} {:.2} [{}]",
                    e.date,
                    e.source.as_str(),
                    e.confidence,
                    e.note
                );
            }
            if let Some(m) = &article.modified_date {
                say!("    modified {} [{}]", m.date, m.note);
            }
        }
        rows.push(Row {
            page,
            half: Half::of(&name),
            truth,
            got,
            places,
        });
    }
    report(&rows, list_errors, only);
}

/// Pages of `dir` (no truth file): the full reader's confident date as truth, the
/// last-resort search's date as the answer; pages without a confident date are left out.
fn proxy_rows(dir: &str) -> Vec<Row> {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    let mut rows = Vec::new();
    for path in names {
        let Ok(mut bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.ends_with(".gz") {
            let mut out = Vec::new();
            use std::io::Read;
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .is_err()
            {
                continue;
            }
            bytes = out;
        }
        let article = read_bytes(&bytes, Format::Html).remove(0);
        let Some(firm) = dateline::pubdate::resolve(&article, None)
            .filter(|e| e.confidence >= CONFIDENT && e.source != PubDateSource::PageText)
        else {
            continue;
        };
        let (text, _) = dateline::ingest::decode::decode(&bytes, true);
        let places = dateline::ingest::html::last_resort_dates(&text);
        rows.push(Row {
            page: name.clone(),
            half: Half::of(&name),
            truth: Some(firm.date),
            got: places.first().cloned(),
            places,
        });
    }
    rows
}

fn report(rows: &[Row], list_errors: bool, only: Option<Half>) {
    for (label, half) in [
        ("tune", Some(Half::Tune)),
        ("check", Some(Half::Check)),
        ("all", None),
    ] {
        let part: Vec<&Row> = rows
            .iter()
            .filter(|r| half.is_none_or(|h| r.half == h))
            .collect();
        let dated = part.iter().filter(|r| r.truth.is_some()).count();
        let right = part.iter().filter(|r| r.right()).count();
        let nothing = part
            .iter()
            .filter(|r| r.truth.is_some() && r.got.is_none())
            .count();
        let invented = part
            .iter()
            .filter(|r| r.truth.is_none() && r.got.is_some())
            .count();
        let confident = part
            .iter()
            .filter(|r| r.got.as_ref().is_some_and(|g| g.confidence >= CONFIDENT))
            .count();
        let conf_wrong = part.iter().filter(|r| r.confidently_wrong()).count();
        say!(
            "{label:5}: pages {:3}  accuracy {right}/{dated} = {:.3}  nothing found {nothing}  \
             date on undated page {invented}  confidently wrong {conf_wrong}/{} = {:.3} \
             (of {confident} confident: {:.3})",
            part.len(),
            right as f64 / dated.max(1) as f64,
            part.len(),
            conf_wrong as f64 / part.len().max(1) as f64,
            conf_wrong as f64 / confident.max(1) as f64,
        );
    }
    // Each place of the last-resort search on its own: right / answered, per half.
    let places = [
        ("attribute", "attribute"),
        ("script key", "script data"),
        ("dated line", "first dated line"),
        ("repeated date", "most often"),
    ];
    if rows.iter().any(|r| !r.places.is_empty()) {
        for (label, half) in [("tune", Half::Tune), ("check", Half::Check)] {
            let mut line = format!("{label:5}: each place alone (right/answered):");
            for (name, needle) in places {
                let answers: Vec<bool> = rows
                    .iter()
                    .filter(|r| r.half == half)
                    .filter_map(|r| {
                        let t = r.truth?;
                        let g = r.places.iter().find(|g| g.note.contains(needle))?;
                        Some((g.date - t).num_days().abs() <= 1)
                    })
                    .collect();
                let right = answers.iter().filter(|&&x| x).count();
                line.push_str(&format!("  {name} {right}/{}", answers.len()));
            }
            say!("{line}");
        }
    }
    if list_errors {
        // Each place's wrong answers (last-resort runs).
        for r in rows.iter().filter(|r| only.is_none_or(|h| r.half == h)) {
            let Some(t) = r.truth else { continue };
            for g in r
                .places
                .iter()
                .filter(|g| (g.date - t).num_days().abs() > 1)
            {
                say!(
                    "{:5} {}  truth {t}  place gave {} {:.2}  {}",
                    r.half.name(),
                    r.page,
                    g.date,
                    g.confidence,
                    g.note
                );
            }
        }
        for r in rows
            .iter()
            .filter(|r| only.is_none_or(|h| r.half == h))
            .filter(|r| !r.right() && (r.truth.is_some() || r.got.is_some()))
        {
            let truth = r.truth.map(|d| d.to_string()).unwrap_or("none".into());
            match &r.got {
                Some(g) => say!(
                    "{:5} {}  truth {truth}  got {} {} {:.2}  {}",
                    r.half.name(),
                    r.page,
                    g.date,
                    g.source.as_str(),
                    g.confidence,
                    g.note
                ),
                None => say!("{:5} {}  truth {truth}  got nothing", r.half.name(), r.page),
            }
        }
    }
}
