//! The whole pipeline behind the GUI and the CLI: paths → articles → publication dates →
//! date and country mentions → events → corroboration clusters, in parallel, with progress
//! and cancellation, and with the user's corrections applied.

use crate::corrections::{event_key, Corrections};
use crate::crossdate::Reach;
use crate::gazetteer::Gazetteer;
use crate::model::{Article, ArticleId, Corpus, DateSource, Event, Problem};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

mod correct;
mod file_events;
mod place;
pub use correct::{apply_corrections_incremental, corrected, CorrectionPath};
pub use file_events::FileEvents;

/// What a load needs besides the paths.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// `--pub-date FILE=DATE` for one run: FILE matches an article's path, a suffix of it
    /// after a `/`, or its file name.
    pub pub_dates: Vec<(String, NaiveDate)>,
    /// The user's stored corrections (empty with `--no-corrections`).
    pub corrections: Corrections,
}

/// Shared with the UI thread: how far a load is, and a flag to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
    /// The file being read most recently (for the progress line).
    pub current: Mutex<String>,
    /// Where the time went, per stage (for benchmarks and profiling).
    pub times: StageTimes,
}

/// The pipeline's stages, in the order data flows through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading, decoding and cleaning files (per file, on all cores).
    Read,
    /// Publication dates from each article's own evidence (per article).
    PubDate,
    /// Date expressions (per article).
    Dates,
    /// Country mentions (per article).
    Countries,
    /// Sentences, clauses and events (per article).
    Events,
    /// Publication dates inferred across the corpus, with the events they change.
    CorpusDates,
    /// Grouping events by happening.
    Clusters,
    /// Salience and captions over the clusters.
    Story,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Read,
        Stage::PubDate,
        Stage::Dates,
        Stage::Countries,
        Stage::Events,
        Stage::CorpusDates,
        Stage::Clusters,
        Stage::Story,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::PubDate => "pubdate",
            Stage::Dates => "dates",
            Stage::Countries => "countries",
            Stage::Events => "events",
            Stage::CorpusDates => "corpus-dates",
            Stage::Clusters => "clusters",
            Stage::Story => "story",
        }
    }
}

/// Time spent per [`Stage`]: CPU time summed over worker threads for the per-file and
/// per-article stages, wall time for the corpus-wide ones.
#[derive(Debug, Default)]
pub struct StageTimes {
    nanos: [AtomicU64; 8],
}

impl StageTimes {
    pub fn get(&self, stage: Stage) -> Duration {
        Duration::from_nanos(self.nanos[stage as usize].load(Ordering::Relaxed))
    }
    fn add(&self, stage: Stage, d: Duration) {
        self.nanos[stage as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
    }
    /// Runs `f`, adding its time to `stage`.
    fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let out = f();
        self.add(stage, t.elapsed());
        out
    }
    pub(crate) fn reset(&self) {
        for n in &self.nanos {
            n.store(0, Ordering::Relaxed);
        }
    }
}

impl Progress {
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            self.done.load(Ordering::Relaxed) as f32 / total as f32
        }
    }
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    MissingPath(PathBuf),
    Cancelled,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::MissingPath(p) => write!(f, "no such file or folder: {}", p.display()),
            LoadError::Cancelled => f.write_str("loading cancelled"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The bundled sample corpus: `/usr/share/dateline/sample` when installed by the package,
/// else `assets/sample` near the executable or in the source tree (see
/// [`crate::paths::bundled_dir`]).
pub fn sample_dir() -> PathBuf {
    crate::paths::bundled_dir("sample")
}

/// Reads and analyses everything under `paths`. Blocking and parallel (rayon): call it from
/// a worker thread in the GUI. Per-file problems end up in `Article::problems`; only a
/// missing path or a cancel stop the load. (`index::load` is the same with the on-disk
/// index in front of the per-file work.)
pub fn load(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &Progress,
) -> Result<Corpus, LoadError> {
    let walked = crate::ingest::walk(paths).map_err(LoadError::MissingPath)?;
    progress.total.store(walked.files.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    progress.times.reset();
    let times = &progress.times;
    Gazetteer::active().forget_lines();
    let parts: Vec<FileResult> = walked
        .files
        .par_iter()
        .map(|f| {
            if progress.is_cancelled() {
                return FileResult::default();
            }
            if let Ok(mut cur) = progress.current.try_lock() {
                cur.clone_from(&f.display);
            }
            let part = extract_file(f, times);
            progress.done.fetch_add(1, Ordering::Relaxed);
            part
        })
        .collect();
    if progress.is_cancelled() {
        return Err(LoadError::Cancelled);
    }
    let mut corpus = assemble(parts, opts, times);
    Gazetteer::active().forget_lines();
    corpus.problems = walked.problems;
    if let Some(p) = Gazetteer::user_files_problem() {
        corpus.problems.push(p.to_string());
    }
    Ok(corpus)
}

/// One file's share of a corpus before the corpus-wide steps: its articles, each with the
/// publication date its own evidence gives (no user override), and each article's events
/// (`events.events_of(i)` belongs to `articles[i]`; their `article` ids are the local index
/// `i`). This is the unit the on-disk index stores and the watcher replaces.
#[derive(Clone, Debug, Default)]
pub struct FileResult {
    pub articles: Vec<Article>,
    pub events: FileEvents,
}

/// Reads one file and extracts its articles' publication dates and events, never failing
/// (a reader bug costs this file only and becomes its problem).
pub fn extract_file(f: &crate::ingest::SourceFile, times: &StageTimes) -> FileResult {
    // A reader bug must cost one file, not the load.
    let read = || std::panic::catch_unwind(|| crate::ingest::read_file(f));
    let mut articles = times.time(Stage::Read, read).unwrap_or_else(|_| {
        vec![Article {
            path: f.display.clone(),
            file: f.path.clone(),
            problems: vec![Problem::error(
                "internal error while reading this file (please report it)",
            )],
            ..Default::default()
        }]
    });
    let events = FileEvents::from_articles(
        articles
            .iter_mut()
            .enumerate()
            .map(|(i, a)| analyze_article(i as ArticleId, a, None, times)),
    );
    FileResult { articles, events }
}

/// Resolves a file's articles again from their evidence and re-extracts their events (for
/// an extraction stored under another path or file date: the text is the same, but the
/// file name and file time are publication-date evidence).
pub fn reanalyze(part: &mut FileResult, times: &StageTimes) {
    part.events = FileEvents::from_articles(
        part.articles
            .iter_mut()
            .enumerate()
            .map(|(i, a)| analyze_article(i as ArticleId, a, None, times)),
    );
}

/// Joins per-file results (in the order given) into a corpus: article ids renumbered,
/// `--pub-date` overrides and stored publication-date corrections applied (those articles
/// re-resolved), then the corpus-wide steps. Equal to [`analyze`] on the same articles.
pub fn assemble(parts: Vec<FileResult>, opts: &LoadOptions, times: &StageTimes) -> Corpus {
    let mut corpus = join(parts, opts, times);
    settle(&mut corpus, &opts.corrections, times);
    corpus
}

/// [`assemble`] without the corpus-wide steps: the corpus they start from (no clusters),
/// which is what the index's cache of their results is keyed by.
pub fn join(mut parts: Vec<FileResult>, opts: &LoadOptions, times: &StageTimes) -> Corpus {
    redate_parts(&mut parts, opts, times);
    // Each file's events moved in with their corpus ids as they go (no vector per article
    // to fill, copy and free, no second pass to number them), the files shared by the cores.
    let (articles, events) = place::place(parts);
    Corpus {
        articles,
        events,
        clusters: Vec::new(),
        problems: Vec::new(),
        copy_free: Default::default(),
    }
}

/// Articles a `--pub-date` override or a stored publication-date correction dates, resolved
/// again with that date (their events rebuilt, ids local to their file as before).
fn redate_parts(parts: &mut [FileResult], opts: &LoadOptions, times: &StageTimes) {
    if opts.pub_dates.is_empty() && !opts.corrections.has_pub_dates() {
        return;
    }
    parts.par_iter_mut().for_each(|part| {
        for (i, a) in part.articles.iter_mut().enumerate() {
            let user = override_for(opts, a).or_else(|| opts.corrections.pub_date(&a.content_hash));
            if user.is_some() {
                let events = analyze_article(i as ArticleId, a, user, times);
                part.events.replace(i, events);
            }
        }
    });
}

/// The corpus-wide steps over a [`join`]ed corpus (what [`assemble`] runs after joining).
pub fn settle_joined(corpus: &mut Corpus, corrections: &Corrections, times: &StageTimes) {
    settle(corpus, corrections, times);
}

/// Per-file results as articles numbered from `first` with their events, publication-date
/// overrides and corrections applied.
fn assemble_parts(
    mut parts: Vec<FileResult>,
    opts: &LoadOptions,
    first: usize,
    times: &StageTimes,
) -> (Vec<Article>, Vec<Vec<Event>>) {
    redate_parts(&mut parts, opts, times);
    let n: usize = parts.iter().map(|p| p.articles.len()).sum();
    let mut articles = Vec::with_capacity(n);
    let mut per_article: Vec<Vec<Event>> = Vec::with_capacity(n);
    for part in parts {
        let count = part.articles.len();
        per_article.extend(part.events.into_per_article(count));
        articles.extend(part.articles);
    }
    for (i, events) in per_article.iter_mut().enumerate() {
        let id = (first + i) as ArticleId;
        for e in events.iter_mut() {
            e.article = id;
        }
    }
    (articles, per_article)
}

/// Updates a loaded corpus for changed files without touching the others: the articles of
/// files `gone` says are gone (deleted or changed) are dropped, `added` results (new or
/// changed files) appended, and the corpus-wide steps run again. Articles end up in path
/// order: for one folder, the corpus a fresh load gives.
///
/// Publication dates inferred from the rest of the corpus are worked out again only for
/// the articles that change can reach ([`replace_files_incremental`]), and clusters only
/// where a changed event can reach ([`crate::corroborate::recluster`]); the captions of
/// clusters with the same members are kept. Salience is ranked over the whole corpus.
pub fn replace_files(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    added: Vec<FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
) {
    replace_files_incremental(corpus, gone, added, opts, times);
}

/// [`replace_files`] with every corpus-wide step run again over the whole corpus: what a
/// fresh load of the files now open gives (the reference the incremental update is tested
/// against, and what the index stores).
pub fn replace_files_full(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    added: Vec<FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
) {
    replace_files_joined(corpus, gone, added, opts, times);
    settle(corpus, &opts.corrections, times);
}

/// The incremental [`replace_files`]. A weak article's inferred publication date depends on
/// its own text and on the candidates its sentences get from the corpus-wide firm index
/// (`crossdate`). The index is built before and after the change; an article is inferred
/// again only if one of its sentences gets a different list from the two
/// ([`crate::crossdate::reached`]: the similar entries it looks at, whatever its countries,
/// with their days and counts), if it shares a word with a firm event a correction hid or
/// re-dated, or if it is a copy of a new article's text or of a weak article that went
/// (its earlier inferred date, if any, is dropped first). The others keep theirs, which is what a full run would give
/// them: every question they ask has the same answer. An article whose lists differ only
/// in the counts of copies of entries in the same places ([`Reach::Recount`]: a syndicated
/// copy of a firm report came or went) has the same scores and candidates as before, and
/// keeps its answer too when that answer broke no tie by counts
/// ([`crate::crossdate::CopyFree`]).
pub fn replace_files_incremental(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    added: Vec<FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
) {
    let started = Instant::now();
    // Firm entries that a correction hid or re-dated (a full run reads them as corrected;
    // an earlier run may not have): every article sharing a word with them is asked again.
    let corrected =
        crate::crossdate::firm_words(corpus, |e| e.hidden || e.date_source == DateSource::User);
    // Firm entries that go (their files are gone or changed)...
    let mut changed =
        crate::crossdate::firm_keys(corpus, |e| gone(&corpus.articles[e.article as usize].file));
    let index_before = crate::crossdate::FirmIndex::build_remembering(corpus);
    // Texts asked afresh: a new file's, and a weak article's that goes, since copies of
    // one text are inferred together from the first of them in path order (its folder's
    // date bounds the answer): the copies left may have another first.
    let fresh: std::collections::HashSet<u64> = added
        .iter()
        .flat_map(|p| &p.articles)
        .chain(
            corpus
                .articles
                .iter()
                .filter(|a| gone(&a.file) && !crate::crossdate::is_firm(a)),
        )
        .map(|a| text_key(&a.text))
        .collect();
    let before = Before::take(corpus, &gone, &added);
    join_files(corpus, gone, added, opts, times, |_| false);
    let before_clusters = before.after_join(corpus);
    // ...and firm entries that come (articles with a new file's text).
    let is_fresh: Vec<bool> = corpus
        .articles
        .iter()
        .map(|a| fresh.contains(&text_key(&a.text)))
        .collect();
    changed.extend(crate::crossdate::firm_keys(corpus, |e| {
        is_fresh[e.article as usize]
    }));
    // The articles kept (same file, not read again: the same text) take their sentences'
    // words from the index before.
    let mut was: Vec<Option<u32>> = vec![None; corpus.articles.len()];
    for (old, now) in before_clusters.article_now.iter().enumerate() {
        if let Some(slot) = now.and_then(|n| was.get_mut(n as usize)) {
            *slot = Some(old as u32);
        }
    }
    let after = crate::crossdate::FirmIndex::build_from(corpus, &index_before, &|a| {
        was.get(a as usize).copied().flatten()
    });
    let consider: Vec<bool> = corpus
        .articles
        .iter()
        .zip(&is_fresh)
        .map(|(a, &fresh)| !fresh && !crate::crossdate::is_firm(a))
        .collect();
    let reached =
        crate::crossdate::reached(&corpus.articles, &consider, &index_before, &after, &changed);
    drop(index_before);
    let redo: Vec<bool> = corpus
        .articles
        .par_iter()
        .zip(is_fresh.par_iter().zip(&reached))
        .map(|(a, (&fresh, &reached))| {
            fresh
                || match reached {
                    Reach::None => false,
                    // Its scores and candidates are as before: only a tie its counts broke
                    // can turn, and its last answer had none.
                    Reach::Recount => !corpus.copy_free.holds(&a.text),
                    Reach::Lists => true,
                }
                || crate::crossdate::mentions_any(&a.text, &corrected)
        })
        .collect();
    // Those of them dated from the corpus start again from their own evidence (they are
    // not firm, so the index built above stays the corpus's), and so does every article
    // whose year came from weaker anchors: those are asked again on every run.
    let reset: Vec<bool> = corpus
        .articles
        .iter()
        .zip(&redo)
        .map(|(a, &redo)| (redo && is_corpus_dated(a)) || crate::crossdate::is_year_inferred(a))
        .collect();
    if reset.iter().any(|r| *r) {
        let mut per_article: Vec<Vec<Event>> = vec![Vec::new(); corpus.articles.len()];
        for e in std::mem::take(&mut corpus.events) {
            per_article[e.article as usize].push(e);
        }
        per_article
            .par_iter_mut()
            .zip(corpus.articles.par_iter_mut())
            .enumerate()
            .filter(|(i, _)| reset[*i])
            .for_each(|(i, (events, a))| {
                let user =
                    override_for(opts, a).or_else(|| opts.corrections.pub_date(&a.content_hash));
                *events = analyze_article(i as ArticleId, a, user, times);
            });
        corpus.events = per_article.into_iter().flatten().collect();
    }
    times.add(Stage::CorpusDates, started.elapsed());
    settle_only(
        corpus,
        &opts.corrections,
        times,
        Some(after),
        |i| redo[i],
        Some(before_clusters),
    );
}

/// What an incremental update keeps of the corpus before the change for its clusters: the
/// events and clusters, and which articles are still there with the same text.
struct Before {
    events: Vec<Event>,
    clusters: Vec<crate::model::Cluster>,
    /// (file, path) of each article before, when its file is neither gone nor read again.
    kept: Vec<Option<(PathBuf, String)>>,
    added: std::collections::HashSet<PathBuf>,
}

/// [`Before`] once the corpus is joined: each article before with its id now. The events
/// and clusters before are owned, or borrowed from a corpus that stays (a correction made
/// from the window's corpus, [`correct::corrected`]).
struct BeforeJoined<'a> {
    events: std::borrow::Cow<'a, [Event]>,
    clusters: std::borrow::Cow<'a, [crate::model::Cluster]>,
    article_now: Vec<Option<u32>>,
}

impl Before {
    fn take(corpus: &mut Corpus, gone: impl Fn(&Path) -> bool, added: &[FileResult]) -> Before {
        let added: std::collections::HashSet<PathBuf> = added
            .iter()
            .flat_map(|p| &p.articles)
            .map(|a| a.file.clone())
            .collect();
        let kept = corpus
            .articles
            .iter()
            .map(|a| {
                (!gone(&a.file) && !added.contains(&a.file))
                    .then(|| (a.file.clone(), a.path.clone()))
            })
            .collect();
        Before {
            events: corpus.events.clone(),
            clusters: std::mem::take(&mut corpus.clusters),
            kept,
            added,
        }
    }

    fn after_join(self, corpus: &Corpus) -> BeforeJoined<'static> {
        // An article is found again by its file and path; one that two articles share
        // carries nothing over.
        let mut now: std::collections::HashMap<(&Path, &str), Option<u32>> =
            std::collections::HashMap::new();
        for (i, a) in corpus.articles.iter().enumerate() {
            if !self.added.contains(&a.file) {
                now.entry((a.file.as_path(), a.path.as_str()))
                    .and_modify(|v| *v = None)
                    .or_insert(Some(i as u32));
            }
        }
        let article_now = self
            .kept
            .iter()
            .map(|k| {
                let (file, path) = k.as_ref()?;
                now.get(&(file.as_path(), path.as_str())).copied().flatten()
            })
            .collect();
        BeforeJoined {
            events: self.events.into(),
            clusters: self.clusters.into(),
            article_now,
        }
    }
}

/// A key for an article's text (equal texts, equal keys; a collision only means more work).
fn text_key(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

fn is_corpus_dated(a: &Article) -> bool {
    a.pub_date.as_ref().map(|p| p.source) == Some(crate::model::PubDateSource::Corpus)
}

/// [`replace_files`] without its last step: the corpus is left as [`join`] would give it
/// for the files now open (before the corpus-wide steps), so that the index can key and
/// store what those steps give (`crate::index::settled`).
pub(crate) fn replace_files_joined(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    added: Vec<FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
) {
    join_files(corpus, gone, added, opts, times, is_corpus_dated);
}

/// Drops the articles of files `gone` selects, adds `added`, and re-resolves the kept
/// articles `reset` selects from their own evidence (their events rebuilt); path order.
fn join_files(
    corpus: &mut Corpus,
    gone: impl Fn(&Path) -> bool,
    added: Vec<FileResult>,
    opts: &LoadOptions,
    times: &StageTimes,
    reset: impl Fn(&Article) -> bool + Sync,
) {
    let old = std::mem::take(&mut corpus.articles);
    let mut new_id = vec![None; old.len()];
    let mut articles = Vec::with_capacity(old.len());
    for (i, a) in old.into_iter().enumerate() {
        if !gone(&a.file) {
            new_id[i] = Some(articles.len() as ArticleId);
            articles.push(a);
        }
    }
    let mut per_article: Vec<Vec<Event>> = vec![Vec::new(); articles.len()];
    for mut e in std::mem::take(&mut corpus.events) {
        if let Some(id) = new_id[e.article as usize] {
            e.article = id;
            per_article[id as usize].push(e);
        }
    }
    per_article
        .par_iter_mut()
        .zip(articles.par_iter_mut())
        .enumerate()
        .filter(|(_, (_, a))| reset(a))
        .for_each(|(i, (events, a))| {
            let user = override_for(opts, a).or_else(|| opts.corrections.pub_date(&a.content_hash));
            *events = analyze_article(i as ArticleId, a, user, times);
        });
    let (new_articles, new_events) = assemble_parts(added, opts, articles.len(), times);
    // Back in walk order (a folder is walked in path order), so ids match a fresh load.
    let mut joined: Vec<(Article, Vec<Event>)> = articles
        .into_iter()
        .zip(per_article)
        .chain(new_articles.into_iter().zip(new_events))
        .collect();
    joined.sort_by(|a, b| a.0.file.cmp(&b.0.file));
    corpus.events = Vec::with_capacity(joined.iter().map(|j| j.1.len()).sum());
    corpus.articles = Vec::with_capacity(joined.len());
    for (i, (a, events)) in joined.into_iter().enumerate() {
        corpus.articles.push(a);
        corpus.events.extend(events.into_iter().map(|mut e| {
            e.article = i as ArticleId;
            e
        }));
    }
}

fn override_for(opts: &LoadOptions, article: &Article) -> Option<NaiveDate> {
    opts.pub_dates
        .iter()
        .rev()
        .find(|(pat, _)| {
            let p = article.path.as_str();
            let base = p.split('#').next().unwrap_or(p);
            p == pat
                || base == pat
                || p.ends_with(&format!("/{pat}"))
                || base.ends_with(&format!("/{pat}"))
        })
        .map(|(_, d)| *d)
}

/// Resolves one article's publication date and extracts its events (uncorrected).
fn analyze_article(
    id: ArticleId,
    article: &mut Article,
    user: Option<NaiveDate>,
    times: &StageTimes,
) -> Vec<Event> {
    // An article dated by nothing but its own text is tagged twice (without a reference
    // date to find its date, then against it): parse it once for both.
    let mut parsed: Option<crate::timex::Parsed> = None;
    let pub_date = times.time(Stage::PubDate, || {
        crate::pubdate::resolve_with(article, user, &mut || {
            parsed.insert(crate::timex::parse(&article.text)).tag(None)
        })
    });
    let reference = pub_date.as_ref().map(|p| p.date);
    let timexes = parsed.map(|mut p| times.time(Stage::Dates, || p.tag(reference)));
    article.pub_date = pub_date;
    extract_events_tagged(id, article, timexes, times)
}

/// Extracts an article's events against the publication date it already has.
fn extract_events(id: ArticleId, article: &mut Article, times: &StageTimes) -> Vec<Event> {
    extract_events_tagged(id, article, None, times)
}

/// [`extract_events`] with the article's dates already tagged against its publication date
/// when `timexes` is given.
fn extract_events_tagged(
    id: ArticleId,
    article: &mut Article,
    timexes: Option<Vec<crate::timex::Timex>>,
    times: &StageTimes,
) -> Vec<Event> {
    let reference = article.pub_date.as_ref().map(|p| p.date);
    let timexes = timexes.unwrap_or_else(|| {
        times.time(Stage::Dates, || crate::timex::tag(&article.text, reference))
    });
    let mentions = times.time(Stage::Countries, || Gazetteer::active().find(&article.text));
    article
        .problems
        .retain(|p| !p.message.starts_with(UNPLACED));
    if reference.is_none() {
        let n = crate::events::unplaced_count(&timexes);
        if n > 0 {
            article.problems.push(Problem::warning(format!(
                "{UNPLACED}: {n} relative date(s) cannot be placed until a publication date is set"
            )));
        }
    }
    times.time(Stage::Events, || {
        crate::events::extract(id, article, &timexes, &mentions)
    })
}

const UNPLACED: &str = "publication date unknown";

/// Runs everything after reading: publication dates, events, corrections, clusters.
pub fn analyze(articles: Vec<Article>, opts: &LoadOptions) -> Corpus {
    analyze_timed(articles, opts, &StageTimes::default())
}

fn analyze_timed(mut articles: Vec<Article>, opts: &LoadOptions, times: &StageTimes) -> Corpus {
    let per_article: Vec<Vec<Event>> = articles
        .par_iter_mut()
        .enumerate()
        .map(|(i, a)| {
            let user = override_for(opts, a).or_else(|| opts.corrections.pub_date(&a.content_hash));
            analyze_article(i as ArticleId, a, user, times)
        })
        .collect();
    let mut corpus = Corpus {
        articles,
        events: per_article.into_iter().flatten().collect(),
        clusters: Vec::new(),
        problems: Vec::new(),
        copy_free: Default::default(),
    };
    settle(&mut corpus, &opts.corrections, times);
    corpus
}

/// The corpus-wide steps after per-article extraction: publication dates inferred from
/// firmly dated articles (their events rebuilt), corrections, clusters.
fn settle(corpus: &mut Corpus, corrections: &Corrections, times: &StageTimes) {
    settle_only(corpus, corrections, times, None, |_| true, None);
}

/// [`settle`] with publication dates inferred only for the weak articles `redo` selects
/// (`index`: the corpus's firm index, when already built), clustering again only where the
/// corpus changed from `before` when given ([`crate::corroborate::recluster`]).
fn settle_only(
    corpus: &mut Corpus,
    corrections: &Corrections,
    times: &StageTimes,
    index: Option<crate::crossdate::FirmIndex>,
    redo: impl Fn(usize) -> bool,
    before: Option<BeforeJoined<'_>>,
) {
    let started = Instant::now();
    let changed = crate::crossdate::infer_only_with(corpus, index, redo);
    redo_events(corpus, changed);
    // Then the years that rest on the file time alone, from articles dated by their own
    // text (worked out again on every run: see `replace_files_incremental`).
    let changed = crate::crossdate::infer_years(corpus);
    redo_events(corpus, changed);
    times.add(Stage::CorpusDates, started.elapsed());
    correct_events(corpus, corrections);
    let Some(before) = before else {
        corpus.clusters = times.time(Stage::Clusters, || {
            crate::corroborate::cluster(&mut corpus.events, &corpus.articles)
        });
        times.time(Stage::Story, || crate::story::annotate(corpus));
        return;
    };
    let kept = times.time(Stage::Clusters, || {
        let now =
            crate::corroborate::events_now(&before.events, &before.article_now, &corpus.events);
        let prev = crate::corroborate::Previous {
            events: &before.events,
            clusters: &before.clusters,
            now: &now,
        };
        let r = crate::corroborate::recluster(&mut corpus.events, &corpus.articles, &prev);
        corpus.clusters = r.clusters;
        r.caption_kept
    });
    drop(before);
    times.time(Stage::Story, || {
        crate::story::annotate_update(corpus, &kept)
    });
}

/// Extracts again the events of the articles `changed` gave another publication date.
fn redo_events(corpus: &mut Corpus, changed: Vec<usize>) {
    if changed.is_empty() {
        return;
    }
    let changed: std::collections::HashSet<usize> = changed.into_iter().collect();
    corpus
        .events
        .retain(|e| !changed.contains(&(e.article as usize)));
    let fresh: Vec<Event> = corpus
        .articles
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| changed.contains(i))
        .flat_map_iter(|(i, a)| extract_events(i as ArticleId, a, &StageTimes::default()))
        .collect();
    corpus.events.extend(fresh);
    sort_events(&mut corpus.events);
}

/// The order of a corpus's events once some were rebuilt: by article, then by where their
/// date phrase is (stable, so equal keys keep their order).
pub(crate) fn sort_events(events: &mut [Event]) {
    events.sort_by_key(|e| (e.article, e.date_range.start, e.date_range.end));
}

/// Applies hidden-event and event-date corrections to freshly extracted events.
pub(crate) fn correct_events(corpus: &mut Corpus, corrections: &Corrections) {
    if corrections.is_empty() {
        return;
    }
    // An article with no event of its own corrected has no hidden event and no event date
    // (both are looked up under its hash first): its events are only shown again, and no
    // event key is written for them (a string per event, once most of a correction's cost
    // here when only a publication date is corrected).
    let corrected: Vec<bool> = corpus
        .articles
        .iter()
        .map(|a| corrections.has_event_corrections(&a.content_hash))
        .collect();
    for e in &mut corpus.events {
        if !corrected.get(e.article as usize).copied().unwrap_or(true) {
            e.hidden = false;
            continue;
        }
        let hash = &corpus.articles[e.article as usize].content_hash;
        let key = event_key(e);
        e.hidden = corrections.is_hidden(hash, &key);
        if let Some(span) = corrections.event_date(hash, &key) {
            e.span = span;
            e.date_source = DateSource::User;
            e.confidence = 1.0;
            e.note = "date set by the user".into();
        }
    }
}

/// Re-applies the user's corrections to a loaded corpus without re-reading any file: the
/// articles whose publication date changes are re-resolved (every relative date in them
/// moves at once), hidden events and event dates are re-applied, and the corpus-wide steps
/// run again over the whole corpus (what a fresh load with these corrections gives;
/// [`apply_corrections_incremental`] gives the same, redoing only what the change reaches).
pub fn apply_corrections(corpus: &mut Corpus, corrections: &Corrections) {
    // Which articles need their events rebuilt: a different publication date, or events
    // touched by a correction before or now (so that undo restores the extracted values).
    let dirty = correct::Touched::of(corpus, corrections).dirty;
    if !dirty.iter().any(|d| *d) {
        return;
    }
    // Articles dated from the corpus start again from their own evidence, as in a fresh
    // load: else one whose inferred date the change no longer supports would keep it (one
    // inferred firmly enough is not weak, so the inference would not look at it again).
    let dirty: Vec<bool> = dirty
        .iter()
        .zip(&corpus.articles)
        .map(|(&d, a)| d || is_corpus_dated(a))
        .collect();
    let mut kept: Vec<Event> = corpus
        .events
        .drain(..)
        .filter(|e| !dirty[e.article as usize])
        .collect();
    let fresh: Vec<Event> = corpus
        .articles
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| dirty[*i])
        .flat_map_iter(|(i, a)| {
            let user = corrections.pub_date(&a.content_hash);
            analyze_article(i as ArticleId, a, user, &StageTimes::default())
        })
        .collect();
    kept.extend(fresh);
    // Keep events in article order so ids stay meaningful to readers of the list.
    kept.sort_by_key(|e| (e.article, e.date_range.start, e.date_range.end));
    corpus.events = kept;
    settle(corpus, corrections, &StageTimes::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn overrides_match_path_suffix_or_name() {
        let a = Article {
            path: "corpus/sub/a.txt".into(),
            ..Default::default()
        };
        let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        for pat in ["corpus/sub/a.txt", "sub/a.txt", "a.txt"] {
            let o = LoadOptions {
                pub_dates: vec![(pat.into(), d)],
                ..Default::default()
            };
            assert_eq!(override_for(&o, &a), Some(d), "{pat}");
        }
        let o = LoadOptions {
            pub_dates: vec![("b/a.txt".into(), d)],
            ..Default::default()
        };
        assert_eq!(override_for(&o, &a), None);
    }

    /// `correct_events` as it was: every event's key looked up, whatever its article.
    fn correct_each_event(corpus: &mut Corpus, corrections: &Corrections) {
        if corrections.is_empty() {
            return;
        }
        for e in &mut corpus.events {
            let hash = &corpus.articles[e.article as usize].content_hash;
            let key = event_key(e);
            e.hidden = corrections.is_hidden(hash, &key);
            if let Some(span) = corrections.event_date(hash, &key) {
                e.span = span;
                e.date_source = DateSource::User;
                e.confidence = 1.0;
                e.note = "date set by the user".into();
            }
        }
    }

    #[test]
    fn event_corrections_read_only_for_articles_that_have_some() {
        let day =
            |d: u32| crate::model::DateSpan::day(NaiveDate::from_ymd_opt(2024, 3, d).unwrap());
        let event = |article: ArticleId, at: usize, hidden: bool| Event {
            article,
            paragraph: 0,
            sentence: 0..40,
            date_range: at..at + 5,
            timex_value: "2024-03-01".into(),
            span: day(1),
            countries: Default::default(),
            country_spans: Default::default(),
            date_source: DateSource::Explicit,
            confidence: 0.8,
            note: "".into(),
            cluster: 0,
            hidden,
            salience: 0.0,
        };
        let articles: Vec<Article> = ["a", "b", "c", "d"]
            .iter()
            .map(|h| Article {
                content_hash: (*h).into(),
                ..Default::default()
            })
            .collect();
        // Article c's event was hidden by an earlier store (now undone), d's is hidden and
        // stays so, b's second event gets a date; a is corrected only in its publication date.
        let events = vec![
            event(0, 3, false),
            event(0, 9, false),
            event(1, 3, false),
            event(1, 9, false),
            event(2, 3, true),
            event(3, 3, true),
            event(3, 9, false),
        ];
        let mut store = Corrections::default();
        store.set_pub_date("a", NaiveDate::from_ymd_opt(2024, 2, 1).unwrap());
        store.set_event_date("b", &event_key(&events[3]), day(7));
        store.hide_event("d", &event_key(&events[5]));
        for store in [store.clone(), Corrections::default()] {
            let mut want = Corpus {
                articles: articles.clone(),
                events: events.clone(),
                ..Default::default()
            };
            let mut got = want.clone();
            correct_each_event(&mut want, &store);
            correct_events(&mut got, &store);
            assert_eq!(got.events, want.events);
        }
        let mut got = Corpus {
            articles,
            events,
            ..Default::default()
        };
        correct_events(&mut got, &store);
        let hidden: Vec<bool> = got.events.iter().map(|e| e.hidden).collect();
        assert_eq!(hidden, [false, false, false, false, false, true, false]);
        assert_eq!(got.events[3].span, day(7));
        assert_eq!(got.events[3].date_source, DateSource::User);
        assert_eq!(got.events[2].span, day(1));
    }

    #[test]
    fn missing_path_and_cancel() {
        let p = Progress::default();
        let err = load(
            &[PathBuf::from("/no/such/dir")],
            &LoadOptions::default(),
            &p,
        )
        .unwrap_err();
        assert!(matches!(err, LoadError::MissingPath(_)));
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "a.txt",
            "Title here\nSomething happened on 3 May 2021.",
        );
        p.cancel.store(true, Ordering::Relaxed);
        let err = load(&[dir.path().to_path_buf()], &LoadOptions::default(), &p).unwrap_err();
        assert_eq!(err, LoadError::Cancelled);
    }

    #[test]
    fn bad_file_is_a_problem_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "good.txt",
            "Title here\nFrance and Spain signed a pact on 3 May 2021.",
        );
        std::fs::write(dir.path().join("bad.json"), b"{ broken").unwrap();
        std::fs::write(dir.path().join("bin.txt"), [0u8, 159, 146, 150, 0, 0]).unwrap();
        let c = load(
            &[dir.path().to_path_buf()],
            &LoadOptions::default(),
            &Progress::default(),
        )
        .unwrap();
        assert_eq!(c.articles.len(), 3);
        let bad = c
            .articles
            .iter()
            .find(|a| a.path.ends_with("bad.json"))
            .unwrap();
        assert!(!bad.problems.is_empty());
        assert!(c
            .events
            .iter()
            .any(|e| e.span.start == NaiveDate::from_ymd_opt(2021, 5, 3).unwrap()));
    }
}
