//! Loading through the index: every file is looked up first (size and modification time,
//! then its hash), only files the index does not hold are read and analysed, and what was
//! read is stored for next time. Index hits are handed to the caller before any file is
//! read, so a window can show them at once and stream in the rest.

use super::rows::{format_name, Put};
use super::{settled, version, Index, IndexError, Kind};
use crate::gazetteer::Gazetteer;
use crate::ingest::{SourceFile, Walked};
use crate::model::Corpus;
use crate::pipeline::{self, FileResult, LoadError, LoadOptions, Progress, StageTimes};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc;

/// Files read and analysed between two stores to the index and two batches to the caller.
const CHUNK: usize = 512;
/// Files served from the index between two batches to the caller: a small first batch (a
/// window shows it at once), then larger ones.
pub(crate) const FIRST_HIT_CHUNK: usize = 1024;
const HIT_CHUNK: usize = 4096;

/// A file of the corpus, as loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileKey {
    /// The file (as walked, or as recorded in a shard).
    pub path: PathBuf,
    /// The path shown to the user.
    pub display: String,
}

/// Everything a load found, before the corpus-wide steps.
#[derive(Debug, Default)]
pub struct Collected {
    /// Per-file results in corpus order: walked files in walk order, then shard files by path.
    pub parts: Vec<FileResult>,
    pub keys: Vec<FileKey>,
    /// Problems not tied to one file, notices about the index included.
    pub problems: Vec<String>,
    /// Files served from the index (or a shard) / read and analysed / served with their
    /// dates resolved again (moved or renamed files).
    pub from_index: usize,
    pub extracted: usize,
    pub reanalysed: usize,
}

/// What the caller sees after the index hits and after each chunk of files read.
pub struct Batch<'a> {
    slots: &'a [Option<FileResult>],
    shards: &'a [(FileKey, FileResult)],
    /// Files available so far / in all.
    pub done: usize,
    pub total: usize,
    /// Whether this batch was served from the index (those come fast, one after another)
    /// rather than read from files.
    pub from_index: bool,
    /// The walk is still finding files: `total` counts those found so far, and more batches
    /// follow.
    pub walking: bool,
}

impl Batch<'_> {
    /// The results available so far, in corpus order (a copy).
    pub fn snapshot(&self) -> Vec<FileResult> {
        self.slots
            .iter()
            .flatten()
            .chain(self.shards.iter().map(|(_, p)| p))
            .cloned()
            .collect()
    }
}

/// [`collect`] then the corpus-wide steps (put back from the index when the corpus is
/// unchanged, see [`settled`](super::settled)): the indexed version of `pipeline::load`.
pub fn load(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &Progress,
    mut index: Option<&mut Index>,
) -> Result<Corpus, LoadError> {
    let collected = collect(paths, progress, index.as_deref_mut(), &mut |_| {})?;
    let id = settled::corpus_id(paths);
    let mut problems = collected.problems;
    let joined = settled::join(collected.parts, opts, &progress.times);
    let mut corpus = settle_through(joined, opts, &progress.times, index, &id, &mut problems);
    corpus.problems = problems;
    if let Some(p) = Gazetteer::user_files_problem() {
        corpus.problems.push(p.to_string());
    }
    Ok(corpus)
}

/// The corpus-wide steps of a joined corpus through the index: the stored results when they
/// are exactly this corpus's, else the steps run and their results are stored.
pub fn settle_through(
    joined: settled::Joined,
    opts: &LoadOptions,
    times: &StageTimes,
    index: Option<&mut Index>,
    corpus_id: &str,
    problems: &mut Vec<String>,
) -> Corpus {
    settle_known(joined, opts, times, index, corpus_id, None, problems)
}

/// [`settle_through`] with the stored results already read (`known`, by the window's
/// loader at its start: they are 10 MB at 100,000 articles), else read here.
pub(crate) fn settle_known(
    joined: settled::Joined,
    opts: &LoadOptions,
    times: &StageTimes,
    index: Option<&mut Index>,
    corpus_id: &str,
    known: Option<settled::Settled>,
    problems: &mut Vec<String>,
) -> Corpus {
    let Some(ix) = index else {
        return joined.settle(&opts.corrections, times).0;
    };
    let stored = known.or_else(|| ix.settled(corpus_id));
    if let Some(s) = stored.filter(|s| joined.matches(s)) {
        // Their last use: captions moved into the corpus, not copied.
        let (mut corpus, how) = joined.reuse_last(s, &opts.corrections);
        if how == settled::Reused::Exact {
            return corpus;
        }
        // Not reached unless a stored value is damaged in a way its checks miss: the steps
        // run over what was put back.
        pipeline::settle_joined(&mut corpus, &opts.corrections, times);
        return corpus;
    }
    let (corpus, s) = joined.settle(&opts.corrections, times);
    if let Err(e) = ix.put_settled(corpus_id, &s) {
        problems.push(format!(
            "The index could not store this corpus's clusters ({e}); they are worked out again next time."
        ));
    }
    corpus
}

/// The corpus-wide steps over collected results, with the load's problems.
pub fn finish(collected: Collected, opts: &LoadOptions) -> Corpus {
    finish_timed(collected, opts, &StageTimes::default())
}

/// [`finish`], adding the time of each corpus-wide step to `times`.
pub fn finish_timed(collected: Collected, opts: &LoadOptions, times: &StageTimes) -> Corpus {
    let mut corpus = pipeline::assemble(collected.parts, opts, times);
    corpus.problems = collected.problems;
    if let Some(p) = Gazetteer::user_files_problem() {
        corpus.problems.push(p.to_string());
    }
    corpus
}

/// A slot the index may serve: which extract, and whether it was resolved in this file's
/// context (else the file it was resolved for).
struct Want {
    slot: usize,
    id: i64,
    old_file: Option<PathBuf>,
}

/// Per-file results for everything under `paths` (shards included), through `index` when
/// given. `on_batch` is called once the index hits are in and after every chunk read.
pub fn collect(
    paths: &[PathBuf],
    progress: &Progress,
    index: Option<&mut Index>,
    on_batch: &mut dyn FnMut(&Batch<'_>),
) -> Result<Collected, LoadError> {
    collect_with(paths, progress, index, true, on_batch)
}

/// `dateline index`: extracts the article files under `paths` into `shard` (shards found
/// there are not inputs), which then holds exactly these files, as one sealed file.
pub fn collect_files(
    paths: &[PathBuf],
    progress: &Progress,
    shard: &mut Index,
) -> Result<Collected, LoadError> {
    let mut out = collect_with(paths, progress, Some(&mut *shard), false, &mut |_| {})?;
    let keys: Vec<String> = out.keys.iter().map(|k| absolute(&k.path)).collect();
    if let Err(e) = shard.retain_files(&keys).and_then(|()| shard.seal()) {
        out.problems.push(format!(
            "{}: could not finish the shard: {e}",
            shard.path().display()
        ));
    }
    Ok(out)
}

fn collect_with(
    paths: &[PathBuf],
    progress: &Progress,
    index: Option<&mut Index>,
    read_shards: bool,
    on_batch: &mut dyn FnMut(&Batch<'_>),
) -> Result<Collected, LoadError> {
    collect_streaming(
        paths,
        progress,
        index,
        read_shards,
        FIRST_HIT_CHUNK,
        on_batch,
    )
}

/// The files of the walk as it finds them, on a thread of its own (or found here already
/// when no thread could be had).
enum Walker<'scope> {
    Thread(std::thread::ScopedJoinHandle<'scope, Result<Walked, PathBuf>>),
    Done(Result<Walked, PathBuf>),
}

impl Walker<'_> {
    fn end(self) -> Result<Walked, PathBuf> {
        match self {
            Walker::Thread(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            Walker::Done(w) => w,
        }
    }
}

/// Takes files from the walk into `files` until it has `up_to` of them or the walk has
/// ended. Returns false when the load was cancelled meanwhile.
fn receive(
    rx: &mpsc::Receiver<SourceFile>,
    files: &mut Vec<SourceFile>,
    up_to: usize,
    progress: &Progress,
) -> bool {
    while files.len() < up_to {
        let Ok(f) = rx.recv() else {
            break;
        };
        files.push(f);
        // The bar's total grows with the walk (shards are added at its end).
        progress.total.store(files.len(), Ordering::Relaxed);
        if progress.is_cancelled() {
            return false;
        }
    }
    true
}

/// [`collect_with`], with the size of the first batch served alone. The walk runs on a
/// thread of its own and hands files over as it finds them: once it has found
/// `first_chunk` files, those are looked up and served while it goes on, so a window shows
/// them without waiting for the end of a large folder. Files keep the walk's order, which
/// does not depend on the threads' timing (one walker, one channel, taken in order).
pub(super) fn collect_streaming(
    paths: &[PathBuf],
    progress: &Progress,
    index: Option<&mut Index>,
    read_shards: bool,
    first_chunk: usize,
    on_batch: &mut dyn FnMut(&Batch<'_>),
) -> Result<Collected, LoadError> {
    progress.times.reset();
    progress.total.store(0, Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<SourceFile>();
        let walk_into = |tx: mpsc::Sender<SourceFile>| {
            crate::ingest::walk_each(paths, &mut |f| {
                // The receiver is gone when the load was cancelled: stop walking.
                if tx.send(f).is_ok() {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(())
                }
            })
        };
        let walker = match std::thread::Builder::new()
            .name("dateline-walk".into())
            .spawn_scoped(scope, {
                let tx = tx.clone();
                move || walk_into(tx)
            }) {
            Ok(h) => Walker::Thread(h),
            Err(_) => Walker::Done(walk_into(tx.clone())),
        };
        drop(tx);
        let mut loading = Loading::new(index, progress);
        // 1a. The first files, served while the walk goes on (only when there are that
        //     many: whether the walk has ended by then depends on timing).
        let mut files = Vec::new();
        if !receive(&rx, &mut files, first_chunk.max(1), progress) {
            return Err(LoadError::Cancelled);
        }
        let streamed = first_chunk > 0 && files.len() >= first_chunk;
        if streamed {
            crate::startup::stage("collect-first-walked");
            loading.add_files(files);
            // Only these files' rows: the rest of the folder is not known yet.
            loading.serve_unchanged(0..first_chunk, FIRST_HIT_CHUNK, false, &[], on_batch)?;
            files = Vec::new();
        }
        // The rest of the walk.
        if !receive(&rx, &mut files, usize::MAX, progress) {
            return Err(LoadError::Cancelled);
        }
        drop(rx);
        let walked = walker.end().map_err(LoadError::MissingPath)?;
        loading.add_files(files);
        crate::startup::stage("collect-walked");
        let shards = if read_shards {
            walked.shards
        } else {
            Vec::new()
        };
        // The walk's notes first, as when it ran before anything else.
        loading.out.problems.splice(0..0, walked.problems);
        loading.finish_walk(&shards, first_chunk, streamed, on_batch)
    })
}

/// One load through the index after (or while) walking: the files found, what the index
/// gave and what was read, slot by slot in walk order.
struct Loading<'a> {
    progress: &'a Progress,
    ctx: Ctx,
    cache: Cache<'a>,
    slots: Vec<Option<FileResult>>,
    out: Collected,
    /// Files the index does not hold unchanged: read (or found by hash) in step 2.
    misses: Vec<usize>,
    /// Files available so far (served or read, shards included).
    done: usize,
    any_hits: bool,
    /// Rows learned only for the first files (the whole tables are read before step 2).
    rows_partial: bool,
    /// Every file is known (before: `total` counts the files found so far).
    walk_ended: bool,
}

impl<'a> Loading<'a> {
    fn new(mut index: Option<&'a mut Index>, progress: &'a Progress) -> Self {
        let mut out = Collected::default();
        if let Some(n) = index.as_deref_mut().and_then(Index::take_notice) {
            out.problems.push(n);
        }
        Loading {
            progress,
            ctx: Ctx::default(),
            cache: Cache::new(index, version::extractor()),
            slots: Vec::new(),
            out,
            misses: Vec::new(),
            done: 0,
            any_hits: false,
            rows_partial: false,
            walk_ended: false,
        }
    }

    fn add_files(&mut self, files: Vec<SourceFile>) {
        self.ctx.add(files);
        self.slots.resize(self.ctx.files.len(), None);
    }

    /// Step 1 for `range`: the files the index holds unchanged (same size and modification
    /// time), served in chunks of `size` so that a window can show the first ones at
    /// once; the others go to `misses`. With `all_rows` the whole tables are read first
    /// (cheaper once most files are wanted), else only these files' rows.
    fn serve_unchanged(
        &mut self,
        range: std::ops::Range<usize>,
        size: usize,
        all_rows: bool,
        shards: &[(FileKey, FileResult)],
        on_batch: &mut dyn FnMut(&Batch<'_>),
    ) -> Result<(), LoadError> {
        let walking = !self.walk_ended;
        let total = self.ctx.files.len() + shards.len();
        self.ctx.stat_through(range.end);
        crate::startup::stage("collect-stat");
        if all_rows {
            self.cache.learn_all(&mut self.out.problems);
            self.rows_partial = false;
        } else {
            self.cache
                .learn(&self.ctx.keys[range.clone()], &mut self.out.problems);
            self.rows_partial = true;
        }
        crate::startup::stage("collect-rows");
        let (ctx, cache) = (&self.ctx, &mut self.cache);
        let mut hits: Vec<Want> = Vec::new();
        for i in range {
            let file = &ctx.files[i];
            let known = ctx.stats[i].as_ref().and_then(|st| {
                let row = cache.files.get(&ctx.keys[i])?;
                let same = row.mtime_ns != -1
                    && row.size == st.size
                    && row.mtime_ns == st.mtime_ns
                    && row.format == format_name(file.format);
                if !same {
                    return None;
                }
                Some((
                    row.hash.clone(),
                    cache.want(i, &row.hash, file.format, ctx)?,
                ))
            });
            match known {
                Some((hash, w)) => {
                    cache.hashes.insert(i, hash);
                    hits.push(w);
                }
                None => self.misses.push(i),
            }
        }
        self.any_hits |= !hits.is_empty();
        for chunk in hits.chunks(size) {
            if self.progress.is_cancelled() {
                return Err(LoadError::Cancelled);
            }
            let served = self.cache.serve(chunk, &self.ctx, &mut self.out.problems);
            self.misses.extend(served.failed);
            let mut puts: Vec<(usize, bool)> = Vec::new();
            // Unchanged files keep their rows: only relocated ones are recorded.
            self.done += take_served(
                served.parts,
                false,
                &mut self.slots,
                &mut self.out,
                &mut puts,
            );
            self.cache
                .store(&self.ctx, &self.slots, &puts, &mut self.out.problems);
            self.emit(on_batch, shards, total, true, walking);
        }
        Ok(())
    }

    /// Publishes progress and hands the caller a batch.
    fn emit(
        &self,
        on_batch: &mut dyn FnMut(&Batch<'_>),
        shards: &[(FileKey, FileResult)],
        total: usize,
        from_index: bool,
        walking: bool,
    ) {
        emit(
            self.progress,
            on_batch,
            &self.slots,
            shards,
            (self.done, total),
            from_index,
            walking,
        );
    }

    /// Once the walk has ended: shards read, the rest of step 1, step 2 (files read).
    fn finish_walk(
        mut self,
        shard_paths: &[PathBuf],
        first_chunk: usize,
        streamed: bool,
        on_batch: &mut dyn FnMut(&Batch<'_>),
    ) -> Result<Collected, LoadError> {
        let extractor = self.cache.extractor;
        // Shards: read whole, in path order.
        let mut shard_files: Vec<(FileKey, FileResult)> = Vec::new();
        for s in shard_paths {
            match read_shard(s, extractor) {
                Ok((files, note)) => {
                    shard_files.extend(files);
                    self.out.problems.extend(note);
                }
                Err(e) => self
                    .out
                    .problems
                    .push(format!("{}: shard not opened: {e}", s.display())),
            }
        }
        shard_files.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        self.out.from_index += shard_files.len();
        let n = self.ctx.files.len();
        let total = n + shard_files.len();
        self.progress.total.store(total, Ordering::Relaxed);
        self.done += shard_files.len();
        self.progress.done.store(self.done, Ordering::Relaxed);

        // 1. Files the index holds unchanged. Without streaming, the first chunk's files are
        //    still looked at alone (their time stamps, their rows) before the rest.
        self.walk_ended = true;
        let first = n.min(first_chunk);
        if !streamed && first > 0 {
            // Every row is known before step 2, which looks contents up by hash (a moved
            // or touched file): the first files alone only when more follow.
            self.serve_unchanged(
                0..first,
                FIRST_HIT_CHUNK,
                n <= first,
                &shard_files,
                on_batch,
            )?;
        }
        if first < n || (self.rows_partial && !self.misses.is_empty()) {
            self.serve_unchanged(first..n, HIT_CHUNK, true, &shard_files, on_batch)?;
        }
        let Loading {
            progress,
            ctx,
            mut cache,
            mut slots,
            mut out,
            mut misses,
            mut done,
            any_hits,
            ..
        } = self;
        let files = &ctx.files;
        misses.sort_unstable();
        if !any_hits {
            // Shards alone, or nothing known yet: the caller still hears once before reading.
            emit(
                progress,
                on_batch,
                &slots,
                &shard_files,
                (done, total),
                false,
                false,
            );
        }

        // 2. The rest, a chunk at a time: hash, look the hash up (a touched or copied file),
        //    read and analyse what is new, store.
        for chunk in misses.chunks(CHUNK) {
            if progress.is_cancelled() {
                return Err(LoadError::Cancelled);
            }
            if let Some(&i) = chunk.first() {
                if let Ok(mut cur) = progress.current.try_lock() {
                    cur.clone_from(&files[i].display);
                }
            }
            // Without an index (none given, or it failed) a hash has nothing to look up.
            let hashes: Vec<Option<String>> = if cache.index.is_some() {
                chunk
                    .par_iter()
                    .map(|&i| hash_file(&files[i].path))
                    .collect()
            } else {
                vec![None; chunk.len()]
            };
            let mut known: Vec<Want> = Vec::new();
            let mut fresh: Vec<usize> = Vec::new();
            for (&i, h) in chunk.iter().zip(hashes) {
                let Some(h) = h else {
                    fresh.push(i);
                    continue;
                };
                match cache.want(i, &h, files[i].format, &ctx) {
                    Some(w) => known.push(w),
                    None => fresh.push(i),
                }
                cache.hashes.insert(i, h);
            }
            let served = cache.serve(&known, &ctx, &mut out.problems);
            fresh.extend(served.failed);
            let mut puts: Vec<(usize, bool)> = Vec::new();
            // Known content under a new size or time: every file is recorded.
            take_served(served.parts, true, &mut slots, &mut out, &mut puts);
            let extracted: Vec<(usize, FileResult)> = fresh
                .par_iter()
                .map(|&i| (i, pipeline::extract_file(&files[i], &progress.times)))
                .collect();
            out.extracted += extracted.len();
            for (i, part) in extracted {
                // A file that could not be read is not stored: it is tried again next time.
                if cache.hashes.contains_key(&i)
                    && part.articles.iter().all(|a| !a.content_hash.is_empty())
                {
                    puts.push((i, true));
                }
                slots[i] = Some(part);
            }
            cache.store(&ctx, &slots, &puts, &mut out.problems);
            done += chunk.len();
            emit(
                progress,
                on_batch,
                &slots,
                &shard_files,
                (done, total),
                false,
                false,
            );
        }
        if progress.is_cancelled() {
            return Err(LoadError::Cancelled);
        }
        cache.finish(&mut out.problems);
        // What was learned of the index's rows and of the files on disk is not needed any
        // more: freed aside (at 100,000 files, hundreds of thousands of small strings whose
        // frees held up every file's results being handed on).
        crate::drop_aside::drop_aside((
            std::mem::take(&mut cache.files),
            std::mem::take(&mut cache.extracts),
            std::mem::take(&mut cache.hashes),
            ctx.keys,
            ctx.contexts,
            ctx.stats,
        ));

        // The walk's files are not needed any more: their paths are moved, not copied.
        let (shard_keys, shard_parts): (Vec<FileKey>, Vec<FileResult>) =
            shard_files.into_iter().unzip();
        out.keys = ctx
            .files
            .into_iter()
            .map(|f| FileKey {
                path: f.path,
                display: f.display,
            })
            .chain(shard_keys)
            .collect();
        out.parts = slots
            .into_iter()
            .map(Option::unwrap_or_default)
            .chain(shard_parts)
            .collect();
        Ok(out)
    }
}

/// Puts extractions served from the index in their slots and counts them. `puts` gets the
/// files to record in the index: those whose dates were resolved anew (with their
/// extraction), and with `record_all` the others too (a new size or time, same content).
/// Returns how many were placed.
fn take_served(
    parts: Vec<(usize, FileResult, bool)>,
    record_all: bool,
    slots: &mut [Option<FileResult>],
    out: &mut Collected,
    puts: &mut Vec<(usize, bool)>,
) -> usize {
    let n = parts.len();
    for (i, part, relocated) in parts {
        if relocated {
            out.reanalysed += 1;
        } else {
            out.from_index += 1;
        }
        if relocated || record_all {
            puts.push((i, relocated));
        }
        slots[i] = Some(part);
    }
    n
}

/// Publishes progress and hands the caller a batch: `(done, total)` files, `from_index`
/// when these came from the index rather than from files read.
fn emit(
    progress: &Progress,
    on_batch: &mut dyn FnMut(&Batch<'_>),
    slots: &[Option<FileResult>],
    shards: &[(FileKey, FileResult)],
    (done, total): (usize, usize),
    from_index: bool,
    walking: bool,
) {
    progress.done.store(done, Ordering::Relaxed);
    on_batch(&Batch {
        slots,
        shards,
        done,
        total,
        from_index,
        walking,
    });
}

/// The walked files of one load and what is known of them on disk.
#[derive(Default)]
struct Ctx {
    files: Vec<SourceFile>,
    stats: Vec<Option<Stat>>,
    /// Absolute paths (the `files` table's key).
    keys: Vec<String>,
    contexts: Vec<String>,
}

impl Ctx {
    /// More files of the walk, after those already known.
    fn add(&mut self, files: Vec<SourceFile>) {
        // Made in parallel, each on its own (a path and its allocations per file: at
        // 100,000 files a fair share of the loader's own thread).
        self.keys
            .par_extend(files.par_iter().map(|f| absolute(&f.path)));
        self.files.extend(files);
    }

    /// Looks at files on disk (size, time; in parallel) up to `end`, with their contexts.
    fn stat_through(&mut self, end: usize) {
        let from = self.stats.len();
        if end <= from {
            return;
        }
        // Each file's facts and context on its own, so in parallel (the context is a
        // formatted string per file).
        let (stats, contexts): (Vec<Option<Stat>>, Vec<String>) = self.files[from..end]
            .par_iter()
            .map(|f| {
                let st = Stat::of(&f.path);
                let file_date = st.as_ref().and_then(|s| s.file_date);
                (st, context(&f.path, &f.display, file_date))
            })
            .unzip();
        self.stats.extend(stats);
        self.contexts.extend(contexts);
    }
}

/// Size, modification time and file date of a file on disk.
#[derive(Clone, Copy, Debug)]
struct Stat {
    size: i64,
    mtime_ns: i64,
    file_date: Option<NaiveDate>,
}

/// Files modified this recently may change again within the time stamp's resolution:
/// their time is not trusted next time (the hash decides).
const RACY_NS: i64 = 2_000_000_000;

impl Stat {
    fn of(path: &Path) -> Option<Stat> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m.modified().ok();
        let mtime_ns = modified
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(-1);
        Some(Stat {
            size: m.len() as i64,
            mtime_ns,
            file_date: modified.map(|t| chrono::DateTime::<chrono::Utc>::from(t).date_naive()),
        })
    }

    /// The time to record: -1 when it is too recent to be trusted.
    fn recorded_mtime(&self) -> i64 {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as i64)
            .unwrap_or(0);
        if self.mtime_ns < 0 || now - self.mtime_ns < RACY_NS {
            -1
        } else {
            self.mtime_ns
        }
    }
}

/// What a file's publication dates depend on besides its bytes: its path (file and folder
/// names are evidence) and its modification date (the last resort).
fn context(file: &Path, display: &str, file_date: Option<NaiveDate>) -> String {
    format!(
        "{}\t{display}\t{}",
        file.display(),
        file_date.map_or_else(|| "-".to_string(), |d| d.to_string())
    )
}

fn absolute(p: &Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn hash_file(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(blake3::hash(&bytes).to_hex().to_string())
}

/// Puts a stored extraction back in its place: paths and file time from where the file is
/// now; the title too if it came from an old file name.
fn place(
    part: &mut FileResult,
    file: &Path,
    display: &str,
    file_date: Option<NaiveDate>,
    old_file: Option<&Path>,
) {
    let many = part.articles.len() > 1;
    for (i, a) in part.articles.iter_mut().enumerate() {
        a.path = if many {
            format!("{display}#{i}")
        } else {
            display.to_string()
        };
        a.file = file.to_path_buf();
        a.file_time = file_date;
        if let Some(old) = old_file {
            if a.title == crate::ingest::fallback_title(a, old, many) {
                a.title = crate::ingest::fallback_title(a, file, many);
            }
        }
    }
}

/// An extraction is only used if every offset in it points into its text.
fn consistent(part: &FileResult) -> bool {
    part.events.articles() == part.articles.len()
        && part
            .articles
            .iter()
            .zip(part.events.per_article())
            .all(|(a, evs)| offsets_fit(a, evs))
}

/// Every paragraph's and event's byte range of an article lies in its text, on character
/// boundaries. (The index checks each article as it reads it, [`super::rows`].)
pub(super) fn offsets_fit(a: &crate::model::Article, evs: &[crate::model::Event]) -> bool {
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= a.text.len()
            && a.text.is_char_boundary(r.start)
            && a.text.is_char_boundary(r.end)
    };
    a.paragraphs.iter().all(|p| ok(&p.range))
        && evs.iter().all(|e| {
            ok(&e.sentence)
                && ok(&e.date_range)
                && e.country_spans.iter().all(|s| ok(&(s.start..s.end)))
        })
}

/// A shard's files with their extractions, and a notice about it if any.
type ShardFiles = (Vec<(FileKey, FileResult)>, Option<String>);

fn read_shard(path: &Path, extractor: &str) -> Result<ShardFiles, IndexError> {
    let mut ix = Index::open_shard(path)?;
    let (files, extractors) = ix.read_all()?;
    let mut out = Vec::with_capacity(files.len());
    for (file, display, _id, mut part) in files {
        if !consistent(&part) {
            return Err(IndexError::NotAnIndex(path.to_path_buf()));
        }
        let file = PathBuf::from(file);
        let dates: Vec<Option<NaiveDate>> = part.articles.iter().map(|a| a.file_time).collect();
        place(&mut part, &file, &display, None, None);
        for (a, d) in part.articles.iter_mut().zip(dates) {
            a.file_time = d;
        }
        out.push((
            FileKey {
                path: file,
                display,
            },
            part,
        ));
    }
    let note = extractors.iter().any(|x| x != extractor).then(|| {
        format!(
            "{}: written by another version of dateline's extractor; its articles are shown as that version read them (run `dateline index` again to update)",
            path.display()
        )
    });
    Ok((out, note))
}

/// The index as one load uses it: the rows read up front, and what to do on failure (a
/// damaged index is dropped and rebuilt, and this load goes on reading files).
struct Cache<'a> {
    index: Option<&'a mut Index>,
    extractor: &'a str,
    files: HashMap<String, super::rows::FileRow>,
    extracts: HashMap<(String, String), super::rows::ExtractRow>,
    /// Content hash of each slot, once known.
    hashes: HashMap<usize, String>,
}

/// Extractions served from the index: (slot, result, dates resolved anew), and the slots
/// that must be read after all.
struct Served {
    parts: Vec<(usize, FileResult, bool)>,
    failed: Vec<usize>,
}

impl<'a> Cache<'a> {
    /// Knows no rows yet: see [`Cache::learn`] and [`Cache::learn_all`].
    fn new(index: Option<&'a mut Index>, extractor: &'a str) -> Self {
        Cache {
            index,
            extractor,
            files: HashMap::new(),
            extracts: HashMap::new(),
            hashes: HashMap::new(),
        }
    }

    /// Looks up the rows of these files (by absolute path) and of the extracts they point
    /// to: a few indexed lookups, for the first files before the whole table is read.
    fn learn(&mut self, keys: &[String], problems: &mut Vec<String>) {
        let Some(ix) = self.index.as_deref_mut() else {
            return;
        };
        match ix.rows_of(keys, self.extractor) {
            Ok((f, x)) => {
                self.files.extend(f);
                self.extracts.extend(x);
            }
            Err(e) => self.fail(&e, problems),
        }
    }

    /// Reads every file row and every extract row of this extractor (one pass over each
    /// table is cheaper than a lookup per file once most files are wanted).
    fn learn_all(&mut self, problems: &mut Vec<String>) {
        let Some(ix) = self.index.as_deref_mut() else {
            return;
        };
        match ix.all_rows(self.extractor) {
            Ok((f, x)) => {
                self.files = f;
                self.extracts = x;
            }
            Err(e) => self.fail(&e, problems),
        }
    }

    /// The stored extract for this content, if any.
    fn want(
        &self,
        slot: usize,
        hash: &str,
        format: crate::model::Format,
        ctx: &Ctx,
    ) -> Option<Want> {
        let x = self
            .extracts
            .get(&(hash.to_string(), format_name(format).to_string()))?;
        let old_file = (x.context != ctx.contexts[slot])
            .then(|| x.context.split('\t').next().map(PathBuf::from))
            .flatten();
        Some(Want {
            slot,
            id: x.id,
            old_file,
        })
    }

    /// Replaces a failing cache by an empty one (which this load then fills), or goes on
    /// without a failing shard.
    fn fail(&mut self, e: &IndexError, problems: &mut Vec<String>) {
        if let Some(ix) = self.index.take() {
            if ix.kind() == Kind::Cache {
                match ix.reset(&e.to_string()) {
                    Ok(()) => {
                        problems.extend(ix.take_notice());
                        self.index = Some(ix);
                    }
                    Err(e2) => problems.push(format!(
                        "The index of extracted articles failed ({e}) and could not be rebuilt ({e2}); files are read without it."
                    )),
                }
            } else {
                problems.push(format!("{}: {e}", ix.path().display()));
            }
        }
        self.files.clear();
        self.extracts.clear();
    }

    fn serve(&mut self, wanted: &[Want], ctx: &Ctx, problems: &mut Vec<String>) -> Served {
        let all = || wanted.iter().map(|w| w.slot).collect();
        if wanted.is_empty() {
            return Served {
                parts: Vec::new(),
                failed: Vec::new(),
            };
        }
        let Some(ix) = self.index.as_deref_mut() else {
            return Served {
                parts: Vec::new(),
                failed: all(),
            };
        };
        let ids: Vec<i64> = wanted.iter().map(|w| w.id).collect();
        // Every offset was checked as the rows were read (`offsets_fit`): a read with one
        // out of place is an error.
        let read = match ix.read(&ids) {
            Ok(r) => r,
            Err(e) => {
                self.fail(&e, problems);
                return Served {
                    parts: Vec::new(),
                    failed: all(),
                };
            }
        };
        let mut read = read;
        // Identical files share an extract: copy it for all but the last user.
        let mut users: HashMap<i64, usize> = HashMap::with_capacity(wanted.len());
        for w in wanted {
            *users.entry(w.id).or_default() += 1;
        }
        let mut parts = Vec::with_capacity(wanted.len());
        let mut failed = Vec::new();
        for w in wanted {
            let left = users.get_mut(&w.id).map_or(0, |n| {
                *n -= 1;
                *n
            });
            let part = if left == 0 {
                read.remove(&w.id)
            } else {
                read.get(&w.id).cloned()
            };
            let Some(mut part) = part else {
                failed.push(w.slot);
                continue;
            };
            let f = &ctx.files[w.slot];
            let date = ctx.stats[w.slot].as_ref().and_then(|s| s.file_date);
            place(&mut part, &f.path, &f.display, date, w.old_file.as_deref());
            parts.push((w.slot, part, w.old_file.is_some()));
        }
        parts
            .par_iter_mut()
            .filter(|p| p.2)
            .for_each(|p| pipeline::reanalyze(&mut p.1, &StageTimes::default()));
        Served { parts, failed }
    }

    /// Records files (and their new extractions) in one transaction.
    fn store(
        &mut self,
        ctx: &Ctx,
        slots: &[Option<FileResult>],
        puts: &[(usize, bool)],
        problems: &mut Vec<String>,
    ) {
        if self.index.is_none() {
            return;
        }
        let items: Vec<Put<'_>> = puts
            .iter()
            .filter_map(|&(i, with_result)| {
                let st = ctx.stats[i].as_ref()?;
                let part = slots[i].as_ref()?;
                Some(Put {
                    path: ctx.keys[i].clone(),
                    display: ctx.files[i].display.clone(),
                    size: st.size,
                    mtime_ns: st.recorded_mtime(),
                    hash: self.hashes.get(&i)?.clone(),
                    format: ctx.files[i].format,
                    result: with_result.then(|| (part, ctx.contexts[i].clone())),
                })
            })
            .collect();
        if items.is_empty() {
            return;
        }
        let Some(ix) = self.index.as_deref_mut() else {
            return;
        };
        match ix.put(&items, self.extractor) {
            Ok(ids) => {
                let stored = items
                    .iter()
                    .filter_map(|it| Some((it, it.result.as_ref()?)));
                for ((it, (_, context)), id) in stored.zip(ids) {
                    self.extracts.insert(
                        (it.hash.clone(), format_name(it.format).to_string()),
                        super::rows::ExtractRow {
                            id,
                            context: context.clone(),
                        },
                    );
                }
            }
            Err(e) => self.fail(&e, problems),
        }
    }

    /// Evicts the least recently used beyond the size cap (the app's index only).
    fn finish(&mut self, problems: &mut Vec<String>) {
        let Some(ix) = self.index.as_deref_mut() else {
            return;
        };
        if ix.kind() != Kind::Cache {
            return;
        }
        if let Err(e) = ix.evict(super::settings::max_bytes(), self.extractor) {
            self.fail(&e, problems);
        }
    }
}
