//! The headless command line: `events`, `articles`, `timex`, `text`, `render`. Thin: every
//! command is the library pipeline plus formatting. Field names are a stable interface.

use crate::corrections::Corrections;
use crate::model::{Corpus, Event};
use crate::pipeline::{LoadOptions, Progress};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "dateline",
    version,
    about = "News articles in, a country-by-country timeline out.",
    long_about = "With no command, opens the timeline window on PATH... (or the last corpus, or the bundled sample).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the window.
    pub paths: Vec<PathBuf>,
    /// Open a window of its own instead of handing the paths to the one already open.
    #[arg(long)]
    pub new_window: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print every dated event: one JSON object per line with --json, else a table.
    Events(CorpusArgs),
    /// Print every article with its publication date, its evidence and its problems.
    Articles(CorpusArgs),
    /// Tag the temporal expressions of one file (TIMEX3 values), one JSON object per line.
    Timex {
        /// The document creation time (publication date) the expressions are resolved against.
        #[arg(long, value_parser = parse_date)]
        dct: Option<NaiveDate>,
        file: PathBuf,
    },
    /// Print the cleaned main text of articles, paragraphs separated by a blank line.
    Text {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Draw the briefing chart to a PNG or SVG file, without a window.
    Render(RenderArgs),
    /// Extract articles into an index shard (SHARD.dlindex): one map task of a corpus split
    /// over many machines. Every command opens a folder of shards as one corpus.
    Index(IndexArgs),
}

#[derive(Args, Debug)]
pub struct IndexArgs {
    /// Files or folders to index (more with --files-from).
    pub paths: Vec<PathBuf>,
    /// Also index the paths listed in this file, one per line ("-" reads standard input).
    #[arg(long)]
    pub files_from: Option<PathBuf>,
    /// The shard to write; its name must end in .dlindex. An existing shard is updated: only
    /// files that changed are read again.
    #[arg(long, required_unless_present = "list")]
    pub out: Option<PathBuf>,
    /// Print the article files these paths hold (what a load reads: folders walked as the
    /// app walks them), one per line, and write nothing: the list to split into shards.
    #[arg(long, conflicts_with = "out")]
    pub list: bool,
}

/// `dateline render`: what to draw and where.
#[derive(Args, Debug)]
pub struct RenderArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The picture to write: FILE.png or FILE.svg.
    #[arg(long)]
    pub out: PathBuf,
    /// First day shown (YYYY-MM-DD); the story's fitted frame when absent.
    #[arg(long, value_parser = parse_date)]
    pub from: Option<NaiveDate>,
    /// Last day shown (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<NaiveDate>,
    /// Lanes to show, in this order: ISO codes separated by commas (JP,KP,RU).
    #[arg(long, value_delimiter = ',', value_parser = parse_country)]
    pub countries: Vec<crate::model::CountryCode>,
    /// Draw only the N most salient happenings.
    #[arg(long)]
    pub top: Option<usize>,
    /// The chart's title (default: the folder or file name).
    #[arg(long)]
    pub title: Option<String>,
    /// Width in logical pixels.
    #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(400..=10_000))]
    pub width: u32,
    /// Pixels per logical pixel of a PNG: 1, 2 or 4.
    #[arg(long, default_value_t = 1, value_parser = parse_scale)]
    pub scale: u32,
    /// light or dark.
    #[arg(long, default_value = "light", value_parser = ["light", "dark"])]
    pub theme: String,
    /// Most lanes shown when --countries is not given (the busiest ones).
    #[arg(long, default_value_t = 12)]
    pub max_lanes: usize,
    /// Set an article's publication date for this run: FILE=YYYY-MM-DD (repeatable).
    #[arg(long = "pub-date", value_parser = parse_pub_date)]
    pub pub_dates: Vec<(String, NaiveDate)>,
    /// Ignore the corrections stored by the app.
    #[arg(long)]
    pub no_corrections: bool,
    /// Read every file, without the index of extracted articles in the data directory.
    #[arg(long)]
    pub no_index: bool,
    /// Draw the coverage chart (events per day, week or month, per country) under the timeline.
    #[arg(long)]
    pub coverage: bool,
    /// Start from a view saved in the app for these paths (View > Saved views): its range,
    /// lanes and top N; the options above override it.
    #[arg(long)]
    pub view: Option<String>,
}

#[derive(Args, Debug)]
pub struct CorpusArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Set an article's publication date for this run: FILE=YYYY-MM-DD (repeatable).
    #[arg(long = "pub-date", value_parser = parse_pub_date)]
    pub pub_dates: Vec<(String, NaiveDate)>,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Ignore the corrections stored by the app.
    #[arg(long)]
    pub no_corrections: bool,
    /// Also print events the user hid (events only).
    #[arg(long)]
    pub include_hidden: bool,
    /// Read every file, without the index of extracted articles in the data directory.
    #[arg(long)]
    pub no_index: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn parse_country(s: &str) -> Result<crate::model::CountryCode, String> {
    crate::model::CountryCode::parse(s.trim())
        .ok_or_else(|| format!("expected a two-letter country code, got {s:?}"))
}

fn parse_scale(s: &str) -> Result<u32, String> {
    match s {
        "1" | "2" | "4" => Ok(s.parse().unwrap_or(1)),
        _ => Err("expected 1, 2 or 4".to_string()),
    }
}

fn parse_pub_date(s: &str) -> Result<(String, NaiveDate), String> {
    let (file, date) = s
        .rsplit_once('=')
        .ok_or_else(|| "expected FILE=YYYY-MM-DD".to_string())?;
    Ok((file.to_string(), parse_date(date)?))
}

/// Runs a subcommand; returns the process exit code.
pub fn run(command: Command) -> i32 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match command {
        Command::Events(args) => load(&args).map(|c| print_events(&mut out, &c, &args)),
        Command::Articles(args) => load(&args).map(|c| print_articles(&mut out, &c, args.json)),
        Command::Timex { dct, file } => timex(&mut out, dct, &file),
        Command::Text { files } => text(&mut out, &files),
        Command::Render(args) => render(&mut out, &args),
        Command::Index(args) => index(&args),
    };
    // A write error means stdout was closed (piped into `head`): not a failure.
    let _ = out.flush();
    match result {
        Ok(_) => 0,
        Err(msg) => {
            eprintln!("dateline: {msg}");
            2
        }
    }
}

fn load(args: &CorpusArgs) -> Result<Corpus, String> {
    let corrections = if args.no_corrections {
        Corrections::default()
    } else {
        match Corrections::default_path() {
            Some(p) => {
                let (c, warning) = Corrections::load(&p);
                if let Some(w) = warning {
                    eprintln!("dateline: warning: {w}");
                }
                c
            }
            None => Corrections::default(),
        }
    };
    let opts = LoadOptions {
        pub_dates: args.pub_dates.clone(),
        corrections,
    };
    let mut index = if args.no_index {
        None
    } else {
        match crate::index::Index::open_default() {
            Some(Ok(ix)) => Some(ix),
            Some(Err(e)) => {
                eprintln!("dateline: warning: reading every file: {e}");
                None
            }
            None => None,
        }
    };
    let corpus = crate::index::load(&args.paths, &opts, &Progress::default(), index.as_mut())
        .map_err(|e| e.to_string())?;
    for p in &corpus.problems {
        eprintln!("dateline: {p}");
    }
    Ok(corpus)
}

/// One line of `events --json`. The fields are in alphabetical order, the order the line
/// had when it was built as a JSON map (`serde_json::Map` keeps its keys sorted), so the
/// output is byte for byte the same; written straight out, no map built per event.
#[derive(serde::Serialize)]
struct EventLine<'a> {
    article: &'a str,
    caption: &'a str,
    cluster: u32,
    confidence: f64,
    conflicting_dates: bool,
    countries: &'a [crate::model::CountryCode],
    date_source: &'a str,
    date_text: &'a str,
    end: String,
    hidden: bool,
    note: &'a str,
    paragraph: usize,
    precision: &'a str,
    salience: f64,
    sources: usize,
    start: String,
    text: &'a str,
    timex: &'a str,
}

fn event_json<'a>(c: &'a Corpus, e: &'a Event) -> EventLine<'a> {
    let a = &c.articles[e.article as usize];
    let cluster = c.clusters.get(e.cluster as usize);
    EventLine {
        article: &a.path,
        paragraph: e.paragraph,
        text: &a.text[e.sentence.clone()],
        date_text: &a.text[e.date_range.clone()],
        start: e.span.start_str(),
        end: e.span.end_str(),
        precision: crate::events::precision_name(e.span.precision),
        countries: &e.countries[..],
        date_source: e.date_source.as_str(),
        confidence: round2(e.confidence),
        note: e.note.as_str(),
        timex: e.timex_value.as_str(),
        cluster: e.cluster,
        sources: cluster.map_or(1, |k| k.sources),
        conflicting_dates: cluster.is_some_and(|k| k.conflicting_dates),
        hidden: e.hidden,
        salience: round2(e.salience),
        caption: cluster.map_or("", |k| k.caption.as_str()),
    }
}

/// Two decimals, computed in f64 so JSON shows 0.85 rather than 0.8500000238418579.
fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

fn print_events(out: &mut impl Write, c: &Corpus, args: &CorpusArgs) -> std::io::Result<()> {
    let visible = c.events.iter().filter(|e| args.include_hidden || !e.hidden);
    if args.json {
        // Formatting is most of the cost of printing a large corpus: lines are formatted on
        // all cores, a bounded batch at a time (memory stays flat), and written in order.
        use rayon::prelude::*;
        let visible: Vec<&Event> = visible.collect();
        for batch in visible.chunks(4_096) {
            let lines: Vec<Vec<u8>> = batch
                .par_chunks(256)
                .map(|chunk| {
                    let mut s = Vec::new();
                    for e in chunk {
                        // Writing into a Vec cannot fail, and every field serialises.
                        let _ = serde_json::to_writer(&mut s, &event_json(c, e));
                        s.push(b'\n');
                    }
                    s
                })
                .collect();
            for l in lines {
                out.write_all(&l)?;
            }
        }
        return Ok(());
    }
    writeln!(
        out,
        "{:<23}  {:<9}  {:<24}  {:<5}  {:<4}  {:<26}  {:<30}  text",
        "date", "countries", "date source", "conf", "sal", "phrase", "article"
    )?;
    for e in visible {
        let a = &c.articles[e.article as usize];
        let flag = if e.is_uncertain() { "?" } else { " " };
        let countries: Vec<&str> = e.countries.iter().map(|c| c.as_str()).collect();
        writeln!(
            out,
            "{:<22}{flag}  {:<9}  {:<24}  {:<5.2}  {:<4.2}  {:<26}  {:<30}  {}",
            e.span.to_string(),
            clip(&countries.join(","), 9),
            e.date_source.as_str(),
            e.confidence,
            e.salience,
            clip(&a.text[e.date_range.clone()], 26),
            clip(&a.path, 30),
            clip(&a.text[e.sentence.clone()], 90),
        )?;
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn print_articles(out: &mut impl Write, c: &Corpus, as_json: bool) -> std::io::Result<()> {
    let mut counts = vec![0usize; c.articles.len()];
    for e in c.events.iter().filter(|e| !e.hidden) {
        counts[e.article as usize] += 1;
    }
    if !as_json {
        writeln!(
            out,
            "{:<10}  {:<13}  {:<4}  {:>5}  {:>6}  {:<40}  title / problems",
            "pub date", "source", "conf", "paras", "events", "path"
        )?;
    }
    for (a, n) in c.articles.iter().zip(counts) {
        let pd = a.pub_date.as_ref();
        if as_json {
            let v = json!({
                "path": a.path,
                "title": a.title,
                "pub_date": pd.map(|p| p.date.to_string()),
                "pub_date_source": pd.map(|p| p.source.as_str()),
                "pub_date_confidence": pd.map(|p| round2(p.confidence)),
                "pub_date_note": pd.map(|p| p.note.as_str()),
                "modified_date": a.modified_date.as_ref().map(|p| p.date.to_string()),
                "outlet": a.outlet,
                "url": a.url,
                "language": a.language,
                "authors": a.authors,
                "format": a.format,
                "content_hash": a.content_hash,
                "paragraphs": a.paragraphs.len(),
                "events": n,
                "problems": a.problems.iter().map(|p| format!("{}: {}", match p.severity {
                    crate::model::Severity::Error => "error",
                    crate::model::Severity::Warning => "warning",
                }, p.message)).collect::<Vec<_>>(),
            });
            writeln!(out, "{v}")?;
        } else {
            let problems: Vec<&str> = a.problems.iter().map(|p| p.message.as_str()).collect();
            writeln!(
                out,
                "{:<10}  {:<13}  {:<4}  {:>5}  {:>6}  {:<40}  {}{}",
                pd.map_or("unknown".to_string(), |p| p.date.to_string()),
                pd.map_or("-", |p| p.source.as_str()),
                pd.map_or("-".to_string(), |p| format!("{:.2}", p.confidence)),
                a.paragraphs.len(),
                n,
                clip(&a.path, 40),
                clip(&a.title, 60),
                if problems.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", problems.join("; "))
                }
            )?;
        }
    }
    Ok(())
}

type CmdResult = Result<std::io::Result<()>, String>;

fn timex(out: &mut impl Write, dct: Option<NaiveDate>, file: &PathBuf) -> CmdResult {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{}: not UTF-8 (offsets are UTF-8 byte offsets; convert the file first)",
            file.display()
        )
    })?;
    let mut run = || -> std::io::Result<()> {
        for t in crate::timex::timeml(crate::timex::tag(&text, dct)) {
            let mut v = json!({
                "start": t.start,
                "end": t.end,
                "text": &text[t.start..t.end],
                "type": t.kind,
                "value": t.value,
            });
            if let Some(e) = &t.end_value {
                v["end_value"] = json!(e);
            }
            if let Some(p) = &t.point {
                v["point"] = json!(p);
            }
            writeln!(out, "{v}")?;
        }
        Ok(())
    };
    Ok(run())
}

fn text(out: &mut impl Write, files: &[PathBuf]) -> CmdResult {
    let walked = crate::ingest::walk(files)
        .map_err(|p| format!("no such file or folder: {}", p.display()))?;
    let many = walked.files.len() > 1;
    let mut run = || -> std::io::Result<()> {
        for (i, f) in walked.files.iter().enumerate() {
            if many {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "==> {} <==", f.display)?;
            }
            for a in crate::ingest::read_file(f) {
                for p in &a.problems {
                    eprintln!("dateline: {}: {}", f.display, p.message);
                }
                let body: Vec<&str> = a
                    .paragraphs
                    .iter()
                    // Main text only: the title and photo captions are kept in the article (a
                    // caption can date an event) but are not body text.
                    .filter(|p| {
                        !matches!(
                            p.kind,
                            crate::model::ParagraphKind::Title
                                | crate::model::ParagraphKind::Caption
                        )
                    })
                    .map(|p| &a.text[p.range.clone()])
                    .collect();
                writeln!(out, "{}", body.join("\n\n"))?;
            }
        }
        Ok(())
    };
    Ok(run())
}

/// The view saved under `name` for the corpus made of `paths`.
fn saved_view(paths: &[PathBuf], name: &str) -> Result<crate::view::View, String> {
    let dir = crate::view::ViewStore::default_dir()
        .ok_or("no data directory to read saved views from")?;
    let file = crate::view::ViewStore::path_for(&dir, paths);
    let (store, err) = crate::view::ViewStore::load(&file);
    if let Some(e) = err {
        return Err(e.to_string());
    }
    store.named(name).cloned().ok_or_else(|| {
        let names: Vec<&str> = store.named.keys().map(String::as_str).collect();
        if names.is_empty() {
            format!("no saved view named {name:?}: none is saved for these paths (the app saves them in View > Saved views)")
        } else {
            format!("no saved view named {name:?} for these paths; saved: {}", names.join(", "))
        }
    })
}

fn render(out: &mut impl Write, args: &RenderArgs) -> CmdResult {
    if crate::render::Format::of(&args.out).is_none() {
        return Err(format!(
            "{}: the file name must end in .png or .svg",
            args.out.display()
        ));
    }
    if let (Some(a), Some(b)) = (args.from, args.to) {
        if b < a {
            return Err(format!("--to {b} is before --from {a}"));
        }
    }
    let corpus = load(&CorpusArgs {
        paths: args.paths.clone(),
        pub_dates: args.pub_dates.clone(),
        json: false,
        no_corrections: args.no_corrections,
        include_hidden: false,
        no_index: args.no_index,
    })?;
    let title = args.title.clone().unwrap_or_else(|| {
        args.paths
            .first()
            .and_then(|p| p.canonicalize().ok().or_else(|| Some(p.clone())))
            .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_default()
    });
    let mut spec = crate::render::ChartSpec {
        title,
        width: args.width as f32,
        dark: args.theme == "dark",
        max_lanes: args.max_lanes.max(1),
        coverage: args.coverage,
        ..Default::default()
    };
    if let Some(name) = &args.view {
        let view = saved_view(&args.paths, name)?;
        crate::view::fill_chart_spec(&view, &corpus, &mut spec);
    }
    spec.from = args.from.or(spec.from);
    spec.to = args.to.or(spec.to);
    if !args.countries.is_empty() {
        spec.countries = Some(args.countries.clone());
    }
    spec.top = args.top.or(spec.top);
    let (w, h) = crate::render::render_to_file(&corpus, &spec, args.scale as f32, &args.out)
        .map_err(|e| e.to_string())?;
    Ok(writeln!(out, "{}: {w}×{h} px", args.out.display()))
}

/// `dateline index PATH... --out SHARD`: extracts into the shard, which then holds exactly
/// these files; prints a summary on standard error.
fn index(args: &IndexArgs) -> CmdResult {
    if args.list {
        let walked = crate::ingest::walk(&args.paths)
            .map_err(|p| format!("no such file or folder: {}", p.display()))?;
        let mut out = std::io::stdout().lock();
        for f in &walked.files {
            writeln!(out, "{}", f.path.display()).map_err(|e| e.to_string())?;
        }
        return Ok(Ok(()));
    }
    let ext = crate::ingest::SHARD_EXTENSION;
    let Some(out) = &args.out else {
        return Err("--out SHARD.dlindex is needed (or --list)".into());
    };
    if !out.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)) {
        return Err(format!(
            "--out {}: a shard's name must end in .{ext} (that is how folders of shards are recognized)",
            out.display()
        ));
    }
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        let text = if list.as_os_str() == "-" {
            std::io::read_to_string(std::io::stdin())
        } else {
            std::fs::read_to_string(list)
        }
        .map_err(|e| format!("--files-from {}: {e}", list.display()))?;
        paths.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from),
        );
    }
    if paths.is_empty() {
        return Err("nothing to index: give files or folders, or --files-from".into());
    }
    let mut shard = crate::index::Index::open_shard_for_writing(out)
        .map_err(|e| format!("--out {}: {e}", out.display()))?;
    let started = std::time::Instant::now();
    let collected = crate::index::collect_files(&paths, &Progress::default(), &mut shard)
        .map_err(|e| e.to_string())?;
    for p in &collected.problems {
        eprintln!("dateline: {p}");
    }
    let articles: usize = collected.parts.iter().map(|p| p.articles.len()).sum();
    let events: usize = collected.parts.iter().map(|p| p.events.len()).sum();
    for (key, part) in collected.keys.iter().zip(&collected.parts) {
        for a in &part.articles {
            for p in a
                .problems
                .iter()
                .filter(|p| p.severity == crate::model::Severity::Error)
            {
                eprintln!("dateline: {}: {}", key.display, p.message);
            }
        }
    }
    eprintln!(
        "dateline: {}: {} files ({} read, {} unchanged), {articles} articles, {events} events in {:.1} s",
        out.display(),
        collected.keys.len(),
        collected.extracted + collected.reanalysed,
        collected.from_index,
        started.elapsed().as_secs_f64()
    );
    Ok(Ok(()))
}
