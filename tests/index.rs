//! The on-disk index and shards, end to end: reopening gives the same corpus as reading
//! every file, only changed files are read again, moved files keep their text but get
//! their dates resolved again, a damaged or old index is rebuilt with a notice, and a
//! corpus indexed in four shards opens as the same corpus as the whole.

use dateline::index::{self, Index};
use dateline::model::Corpus;
use dateline::pipeline::{self, LoadOptions, Progress, Stage};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A fixed modification time well in the past (so the size+time shortcut applies).
fn old_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
}

fn set_time(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

/// The bundled sample (our own articles: text, Markdown, HTML, JSON arrays) copied into
/// `dir/corpus`, with old modification times.
fn sample_corpus(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("sample");
    let dst = dir.join("corpus");
    std::fs::create_dir_all(&dst).unwrap();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        let to = dst.join(p.file_name().unwrap());
        std::fs::copy(&p, &to).unwrap();
        set_time(&to, old_time());
    }
    dst
}

/// A temporary folder holding the sample corpus (see [`sample_corpus`]): the folder (kept
/// alive by the caller) and the corpus path.
fn sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = sample_corpus(dir.path());
    (dir, corpus)
}

/// The app's index for a test, next to its corpus.
fn cache(dir: &tempfile::TempDir) -> Index {
    Index::open_cache(&dir.path().join("index.sqlite")).unwrap()
}

/// Everything a user sees of a corpus, in a comparable form.
fn fingerprint(c: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = c
        .articles
        .iter()
        .map(|a| {
            format!(
                "A {} | {} | {:?} | {} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {}",
                a.path,
                a.title,
                a.pub_date,
                a.content_hash,
                a.paragraphs,
                a.problems,
                a.file_time,
                a.pub_date_evidence,
                a.format,
                a.outlet,
                a.url,
                a.language,
                a.authors,
                a.modified_date,
                a.text
            )
        })
        .collect();
    // Salience to the bit: it is summed in a fixed order, so every load gives the same.
    out.extend(
        c.events
            .iter()
            .map(|e| format!("E {e:?} {:08x}", e.salience.to_bits())),
    );
    out.extend(
        c.clusters
            .iter()
            .map(|k| format!("C {k:?} {:08x}", k.salience.to_bits())),
    );
    out
}

/// Equal fingerprints, or a failure that shows the first difference only.
#[track_caller]
fn assert_same(a: impl AsRef<[String]>, b: impl AsRef<[String]>) {
    let (a, b) = (a.as_ref(), b.as_ref());
    if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
        panic!(
            "differ at {i} of {}/{}:\n  {:?}\n  {:?}",
            a.len(),
            b.len(),
            a.get(i),
            b.get(i)
        );
    }
}

fn fresh(paths: &[PathBuf]) -> Corpus {
    pipeline::load(paths, &LoadOptions::default(), &Progress::default()).unwrap()
}

fn through(paths: &[PathBuf], ix: &mut Index) -> (Corpus, index::Collected) {
    let collected = index::collect(paths, &Progress::default(), Some(ix), &mut |_| {}).unwrap();
    let stats = index::Collected {
        parts: Vec::new(),
        keys: collected.keys.clone(),
        problems: collected.problems.clone(),
        from_index: collected.from_index,
        extracted: collected.extracted,
        reanalysed: collected.reanalysed,
    };
    (index::finish(collected, &LoadOptions::default()), stats)
}

#[test]
fn reopening_serves_every_file_from_the_index_and_changes_nothing() {
    let (dir, corpus) = sample();
    // A file that reads with a warning (bytes that are not UTF-8), so problems are stored too.
    let odd = corpus.join("odd-bytes.txt");
    std::fs::write(
        &odd,
        b"Harbour talks resume\n\nOn 3 May 2021 Chile and Peru met in Lima \xff\xfe again.\n",
    )
    .unwrap();
    set_time(&odd, old_time());
    let paths = vec![corpus.clone()];
    let want = fresh(&paths);
    assert!(want.events.len() > 50, "the sample has events");
    let mut ix = Index::open_cache(&dir.path().join("data").join("index.sqlite")).unwrap();
    let (first, s1) = through(&paths, &mut ix);
    let files = s1.keys.len();
    assert_eq!((s1.extracted, s1.from_index), (files, 0));
    assert_same(fingerprint(&first), fingerprint(&want));
    drop(ix);

    let mut ix = Index::open_cache(&dir.path().join("data").join("index.sqlite")).unwrap();
    let (second, s2) = through(&paths, &mut ix);
    assert_eq!((s2.extracted, s2.from_index, s2.reanalysed), (0, files, 0));
    assert!(
        s2.problems.iter().all(|p| !p.contains("index")),
        "{:?}",
        s2.problems
    );
    assert_same(fingerprint(&second), fingerprint(&want));
    // The sample exercises what the stored value carries beyond the plain columns.
    let a = &second.articles;
    assert!(a
        .iter()
        .any(|a| a.format == Some(dateline::model::Format::Html)));
    assert!(a
        .iter()
        .any(|a| a.format == Some(dateline::model::Format::Json)));
    assert!(a.iter().any(|a| a.pub_date_evidence.len() > 1));
    assert!(a.iter().any(|a| !a.problems.is_empty()));
    // Nothing was written into the corpus folder.
    let names: Vec<_> = std::fs::read_dir(&corpus).unwrap().collect();
    assert_eq!(names.len(), files);
}

#[test]
fn only_changed_files_are_read_again() {
    let (dir, corpus) = sample();
    let paths = vec![corpus.clone()];
    let mut ix = cache(&dir);
    through(&paths, &mut ix);

    // One file's text changes; another is only touched (same bytes, new time).
    let changed = corpus.join("mekong-ministers-meet.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(
        &changed,
        text.replace("Mekong", "Mekong River") + "\nThailand and Laos met again on 4 March 2024.\n",
    )
    .unwrap();
    set_time(&changed, old_time() + Duration::from_secs(60));
    let touched = corpus.join("canberra-review.md");
    set_time(&touched, old_time() + Duration::from_secs(120));
    // A new file.
    let added = corpus.join("zz-new.txt");
    std::fs::write(
        &added,
        "Border talks\ndate 2024-03-06\nIndia and Nepal reopened the border on Tuesday.\n",
    )
    .unwrap();
    set_time(&added, old_time());

    let (after, s) = through(&paths, &mut ix);
    assert_eq!(s.extracted, 2, "the changed and the new file");
    assert_eq!(
        s.from_index,
        s.keys.len() - 2,
        "the touched file is found by its hash"
    );
    assert_same(fingerprint(&after), fingerprint(&fresh(&paths)));
    assert!(after
        .events
        .iter()
        .any(|e| e.span.start.to_string() == "2024-03-04"));
}

#[test]
fn a_moved_folder_keeps_its_extractions_but_dates_follow_the_new_path() {
    let (dir, corpus) = sample();
    // A file whose only date is its name: the name is evidence, so a rename must count.
    let named = corpus.join("2021-04-05-note.txt");
    std::fs::write(&named, "A note\nJapan and Korea met on Tuesday.\n").unwrap();
    set_time(&named, old_time());
    // A file named by a number is titled by its opening words; renamed in words, by its name.
    let numbered = corpus.join("17.txt");
    std::fs::write(
        &numbered,
        "Japan and Korea met in Seoul on Tuesday, officials said.\n",
    )
    .unwrap();
    let mut ix = cache(&dir);
    let (before, _) = through(std::slice::from_ref(&corpus), &mut ix);
    let title_of = |c: &Corpus, end: &str| {
        c.articles
            .iter()
            .find(|a| a.path.ends_with(end))
            .map(|a| a.title.clone())
            .unwrap()
    };
    assert_eq!(
        title_of(&before, "17.txt"),
        "Japan and Korea met in Seoul on Tuesday, officials said."
    );

    let moved = dir.path().join("elsewhere");
    std::fs::rename(&corpus, &moved).unwrap();
    std::fs::rename(
        moved.join("2021-04-05-note.txt"),
        moved.join("2022-08-09-note.txt"),
    )
    .unwrap();
    std::fs::rename(moved.join("17.txt"), moved.join("talks-in-seoul.txt")).unwrap();
    let paths = vec![moved.clone()];
    let (after, s) = through(&paths, &mut ix);
    assert_eq!(s.extracted, 0, "no file is parsed again");
    assert_eq!(s.reanalysed, s.keys.len());
    let want = fresh(&paths);
    assert_same(fingerprint(&after), fingerprint(&want));
    assert_eq!(title_of(&after, "talks-in-seoul.txt"), "talks in seoul");
    let note = after
        .articles
        .iter()
        .find(|a| a.path.ends_with("2022-08-09-note.txt"))
        .unwrap();
    assert_eq!(
        note.pub_date.as_ref().unwrap().date.to_string(),
        "2022-08-09"
    );

    // Opened a third time from the new place: everything is a plain hit again.
    let (_, s) = through(&paths, &mut ix);
    assert_eq!((s.extracted, s.reanalysed), (0, 0));
}

#[test]
fn a_damaged_or_old_index_is_rebuilt_with_a_notice_never_read() {
    let (dir, corpus) = sample();
    let paths = vec![corpus];
    let want = fingerprint(&fresh(&paths));
    let path = dir.path().join("index.sqlite");

    // Not a database at all.
    std::fs::write(
        &path,
        b"this is not an index, just some bytes that got here",
    )
    .unwrap();
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(
        s.problems.iter().any(|p| p.contains("rebuilt")),
        "{:?}",
        s.problems
    );
    assert_eq!(s.extracted, s.keys.len());
    assert_same(fingerprint(&c), &want);
    drop(ix);

    // Another schema version: the one before the stored corpus-wide results.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch("DROP TABLE settled").unwrap();
    drop(conn);
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(
        s.problems.iter().any(|p| p.contains("another version")),
        "{:?}",
        s.problems
    );
    assert_eq!(s.extracted, s.keys.len());
    assert_same(fingerprint(&c), &want);
    drop(ix);

    // One article's value damaged (cut short): only that file is read again,
    // its rows replaced, no rebuild.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let changed = conn
        .execute(
            "UPDATE articles SET value = substr(value, 1, length(value) - 1)
             WHERE rowid = (SELECT min(rowid) FROM articles)",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(s.extracted, 1);
    assert_same(fingerprint(&c), &want);
    let (c, s) = through(&paths, &mut ix);
    assert_eq!(s.extracted, 0);
    assert_same(fingerprint(&c), &want);
    drop(ix);

    // Rows that point outside their text: the index is dropped, the files read.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE articles SET text = substr(text, 1, 3)", [])
        .unwrap();
    drop(conn);
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(
        s.problems.iter().any(|p| p.contains("rebuilt")),
        "{:?}",
        s.problems
    );
    assert_same(fingerprint(&c), &want);
    // And the next open is clean and served from the rebuilt index.
    let (c, s) = through(&paths, &mut ix);
    assert_eq!(s.extracted, 0);
    assert_same(fingerprint(&c), &want);
}

#[test]
fn an_index_of_schema_4_whose_values_end_in_blake3_is_rebuilt_with_a_notice() {
    let (dir, corpus) = sample();
    let paths = vec![corpus];
    let want = fingerprint(&fresh(&paths));
    let path = dir.path().join("index.sqlite");
    let mut ix = Index::open_cache(&path).unwrap();
    through(&paths, &mut ix);
    drop(ix);
    // Every value made as schema 4 made it: version byte 2, 8 bytes of BLAKE3 at the end
    // (schema 5 ends it with 4 bytes of CRC-32). The same tables otherwise.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let rows: Vec<(i64, Vec<u8>)> = conn
        .prepare("SELECT rowid, value FROM articles")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!rows.is_empty());
    for (rowid, value) in rows {
        let mut old = value[..value.len() - 4].to_vec();
        old[0] = 2;
        let sum = blake3::hash(&old);
        old.extend_from_slice(&sum.as_bytes()[..8]);
        conn.execute(
            "UPDATE articles SET value = ?2 WHERE rowid = ?1",
            rusqlite::params![rowid, old],
        )
        .unwrap();
    }
    conn.pragma_update(None, "user_version", 4).unwrap();
    drop(conn);
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(
        s.problems
            .iter()
            .any(|p| p.contains("rebuilt") && p.contains("schema 4")),
        "{:?}",
        s.problems
    );
    assert_eq!((s.extracted, s.from_index), (s.keys.len(), 0));
    assert_same(fingerprint(&c), &want);
    // The next open is served from the rebuilt index, the same corpus.
    let (c, s) = through(&paths, &mut ix);
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!((s.extracted, s.from_index), (0, s.keys.len()));
    assert_same(fingerprint(&c), &want);
}

/// The tables of schema 3 (session 8's index: the article in columns and JSON, its events
/// in `events_blob`), as that version wrote them.
const SCHEMA_3: &str = "
CREATE TABLE files (path TEXT PRIMARY KEY, display TEXT NOT NULL, size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, format TEXT NOT NULL, used INTEGER NOT NULL);
CREATE TABLE extracts (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, format TEXT NOT NULL,
  extractor TEXT NOT NULL, context TEXT NOT NULL, bytes INTEGER NOT NULL,
  used INTEGER NOT NULL, UNIQUE (hash, format, extractor));
CREATE TABLE articles (extract INTEGER NOT NULL, idx INTEGER NOT NULL,
  content_hash TEXT NOT NULL, title TEXT NOT NULL, outlet TEXT, url TEXT, language TEXT,
  authors TEXT NOT NULL, text TEXT NOT NULL, paragraphs TEXT NOT NULL,
  evidence TEXT NOT NULL, modified TEXT, file_date TEXT, pub_date TEXT,
  pub_date_source TEXT, pub_date_confidence REAL, pub_date_note TEXT,
  problems TEXT NOT NULL, events_blob BLOB NOT NULL, PRIMARY KEY (extract, idx));
CREATE TABLE events (extract INTEGER NOT NULL, article INTEGER NOT NULL,
  seq INTEGER NOT NULL, paragraph INTEGER NOT NULL, sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL, date_start INTEGER NOT NULL, date_end INTEGER NOT NULL,
  timex TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, precision TEXT NOT NULL,
  countries TEXT NOT NULL, country_spans TEXT NOT NULL, date_source TEXT NOT NULL,
  confidence REAL NOT NULL, note TEXT NOT NULL, PRIMARY KEY (extract, article, seq))
  WITHOUT ROWID;
CREATE TABLE settled (corpus TEXT PRIMARY KEY, key TEXT NOT NULL, bytes INTEGER NOT NULL,
  used INTEGER NOT NULL, value BLOB NOT NULL);
";

#[test]
fn an_index_of_the_previous_schema_is_rebuilt_with_a_notice_and_gives_the_same_corpus() {
    let (dir, corpus) = sample();
    let paths = vec![corpus];
    let want = fingerprint(&fresh(&paths));
    let path = dir.path().join("index.sqlite");
    // A schema-3 index holding a file row for every sample file and one article, as
    // session 8 wrote them: none of it may be read.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0x444c_4958_i64)
        .unwrap();
    conn.pragma_update(None, "user_version", 3).unwrap();
    conn.execute_batch(SCHEMA_3).unwrap();
    conn.execute(
        "INSERT INTO articles VALUES (1, 0, 'h', 'Old title', NULL, NULL, NULL, '[]', 'old text',
           '[[0, 3, \"body\"]]', '[]', NULL, NULL, NULL, NULL, NULL, NULL, '[]', x'01')",
        [],
    )
    .unwrap();
    drop(conn);
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(
        s.problems
            .iter()
            .any(|p| p.contains("rebuilt") && p.contains("schema 3")),
        "{:?}",
        s.problems
    );
    assert_eq!((s.extracted, s.from_index), (s.keys.len(), 0));
    assert_same(fingerprint(&c), &want);
    drop(ix);
    // Rebuilt in this schema: the app's article is one value beside the plain columns.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('articles')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(columns.iter().any(|c| c == "value"), "{columns:?}");
    assert!(!columns
        .iter()
        .any(|c| c == "events_blob" || c == "paragraphs"));
    drop(conn);
    // The next open is served from it, the same corpus.
    let mut ix = Index::open_cache(&path).unwrap();
    let (c, s) = through(&paths, &mut ix);
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!((s.extracted, s.from_index), (0, s.keys.len()));
    assert_same(fingerprint(&c), &want);
}

#[test]
fn corrections_apply_on_top_of_indexed_articles() {
    let (dir, corpus) = sample();
    let paths = vec![corpus];
    let mut ix = cache(&dir);
    through(&paths, &mut ix);
    let plain = fresh(&paths);
    let a = &plain.articles[3];
    let mut opts = LoadOptions::default();
    opts.corrections.set_pub_date(
        &a.content_hash,
        chrono::NaiveDate::from_ymd_opt(2019, 2, 3).unwrap(),
    );
    let want = pipeline::load(&paths, &opts, &Progress::default()).unwrap();
    let got = index::load(&paths, &opts, &Progress::default(), Some(&mut ix)).unwrap();
    assert_same(fingerprint(&got), fingerprint(&want));
    assert_eq!(
        got.articles[3].pub_date.as_ref().unwrap().date.to_string(),
        "2019-02-03"
    );
}

/// A load through the index with its corpus-wide steps remembered there, and how long
/// clustering took in it (zero when the stored results were put back).
fn reopen(paths: &[PathBuf], opts: &LoadOptions, ix: &mut Index) -> (Corpus, Duration) {
    let progress = Progress::default();
    let c = index::load(paths, opts, &progress, Some(ix)).unwrap();
    (c, progress.times.get(Stage::Clusters))
}

/// An undated article that retells a dated one: the rest of the corpus dates it.
fn add_retelling(corpus: &Path) {
    let dated = corpus.join("zz-dated.txt");
    std::fs::write(
        &dated,
        "Harbour deal\ndate 2023-05-10\nChile and Peru signed a harbour agreement on 9 May 2023 in Lima, officials said on Wednesday.\n",
    )
    .unwrap();
    let undated = corpus.join("zz-undated.txt");
    std::fs::write(
        &undated,
        "Harbour deal signed\nChile and Peru signed a harbour agreement on 9 May in Lima, officials said on Wednesday.\n",
    )
    .unwrap();
    set_time(&dated, old_time());
    set_time(&undated, old_time());
}

#[test]
fn salience_is_the_same_to_the_bit_on_every_load() {
    let (_dir, corpus) = sample();
    let paths = vec![corpus];
    let a = fresh(&paths);
    let b = fresh(&paths);
    assert!(a
        .clusters
        .iter()
        .any(|k| k.salience > 0.0 && k.salience < 1.0));
    assert_same(fingerprint(&a), fingerprint(&b));
}

#[test]
fn reopening_an_unchanged_corpus_puts_its_clusters_back_without_running_the_steps() {
    let (dir, corpus) = sample();
    add_retelling(&corpus);
    let paths = vec![corpus.clone()];
    let opts = LoadOptions::default();
    let want = fresh(&paths);
    assert!(
        want.articles.iter().any(|a| a
            .pub_date
            .as_ref()
            .is_some_and(|p| p.source == dateline::model::PubDateSource::Corpus)),
        "an article is dated by the rest of the corpus"
    );
    let ix_path = dir.path().join("index.sqlite");
    let mut ix = Index::open_cache(&ix_path).unwrap();
    let (first, t1) = reopen(&paths, &opts, &mut ix);
    assert!(t1 > Duration::ZERO, "the first load clusters");
    assert_same(fingerprint(&first), fingerprint(&want));
    drop(ix);

    let mut ix = Index::open_cache(&ix_path).unwrap();
    let (second, t2) = reopen(&paths, &opts, &mut ix);
    assert_eq!(
        t2,
        Duration::ZERO,
        "the reopen puts the stored results back"
    );
    assert_same(fingerprint(&second), fingerprint(&want));

    // A correction that touches events is part of the key: the steps run again.
    let mut opts = LoadOptions::default();
    let e = &want.events[want.events.len() / 2];
    let hash = want.articles[e.article as usize].content_hash.clone();
    opts.corrections
        .hide_event(&hash, &dateline::corrections::event_key(e));
    let with = pipeline::load(&paths, &opts, &Progress::default()).unwrap();
    let (third, t3) = reopen(&paths, &opts, &mut ix);
    assert!(t3 > Duration::ZERO, "a new correction runs the steps");
    assert_same(fingerprint(&third), fingerprint(&with));
    let (fourth, t4) = reopen(&paths, &opts, &mut ix);
    assert_eq!(t4, Duration::ZERO);
    assert_same(fingerprint(&fourth), fingerprint(&with));
}

#[test]
fn after_a_change_the_stored_clusters_fit_the_unchanged_articles() {
    let (dir, corpus) = sample();
    add_retelling(&corpus);
    let paths = vec![corpus.clone()];
    let opts = LoadOptions::default();
    let ix_path = dir.path().join("index.sqlite");
    let mut ix = Index::open_cache(&ix_path).unwrap();
    let (before, _) = reopen(&paths, &opts, &mut ix);
    let id = index::settled::corpus_id(&paths);
    let stored = ix.settled(&id).expect("stored after the first load");

    // One article changes.
    let changed = corpus.join("mekong-ministers-meet.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(
        &changed,
        text + "\nThailand and Laos met again on 4 March 2024.\n",
    )
    .unwrap();
    set_time(&changed, old_time() + Duration::from_secs(60));
    let collected =
        index::collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    let joined = index::settled::join(collected.parts, &opts, &Default::default());
    assert!(!joined.matches(&stored));
    let (preview, how) = joined.reuse(&stored, &opts.corrections);
    assert_eq!(how, index::settled::Reused::Partly);
    // Every event is in exactly one cluster; unchanged articles keep their clusters' salience
    // and captions, the changed one's events wait in clusters of their own.
    let mut seen = vec![0; preview.events.len()];
    for (i, k) in preview.clusters.iter().enumerate() {
        assert_eq!(k.id as usize, i);
        for &m in &k.events {
            seen[m as usize] += 1;
            assert_eq!(preview.events[m as usize].cluster, k.id);
        }
    }
    assert!(seen.iter().all(|n| *n == 1));
    let salient = |c: &Corpus, file: &str| -> Vec<u32> {
        c.events
            .iter()
            .filter(|e| !c.articles[e.article as usize].path.ends_with(file))
            .map(|e| e.salience.to_bits())
            .collect()
    };
    assert_eq!(
        salient(&preview, "mekong-ministers-meet.txt"),
        salient(&before, "mekong-ministers-meet.txt")
    );
    assert!(preview
        .events
        .iter()
        .filter(|e| preview.articles[e.article as usize]
            .path
            .ends_with("mekong-ministers-meet.txt"))
        .any(|e| e.span.start.to_string() == "2024-03-04" && e.salience == 0.0));
    // The steps then run and give the fresh corpus.
    let (after, t) = reopen(&paths, &opts, &mut ix);
    assert!(t > Duration::ZERO);
    assert_same(fingerprint(&after), fingerprint(&fresh(&paths)));
}

#[test]
fn a_damaged_stored_result_is_ignored_and_worked_out_again() {
    let (dir, corpus) = sample();
    add_retelling(&corpus);
    let paths = vec![corpus];
    let opts = LoadOptions::default();
    let want = fingerprint(&fresh(&paths));
    let ix_path = dir.path().join("index.sqlite");
    let id = index::settled::corpus_id(&paths);
    let mut ix = Index::open_cache(&ix_path).unwrap();
    reopen(&paths, &opts, &mut ix);
    drop(ix);
    for damage in ["one bit", "cut short", "not a value"] {
        let conn = rusqlite::Connection::open(&ix_path).unwrap();
        let mut v: Vec<u8> = conn
            .query_row("SELECT value FROM settled WHERE corpus = ?1", [&id], |r| {
                r.get(0)
            })
            .unwrap();
        match damage {
            "one bit" => {
                let at = v.len() / 2;
                v[at] ^= 0x01;
            }
            "cut short" => v.truncate(v.len() - 3),
            _ => v = b"not a value".to_vec(),
        }
        conn.execute(
            "UPDATE settled SET value = ?2 WHERE corpus = ?1",
            rusqlite::params![id, v],
        )
        .unwrap();
        drop(conn);
        let mut ix = Index::open_cache(&ix_path).unwrap();
        assert!(ix.settled(&id).is_none(), "{damage}: never read");
        let (c, t) = reopen(&paths, &opts, &mut ix);
        assert!(t > Duration::ZERO, "{damage}: the steps run again");
        assert_same(fingerprint(&c), &want);
        // ... and store a good value in its place.
        let (c, t) = reopen(&paths, &opts, &mut ix);
        assert_eq!(t, Duration::ZERO, "{damage}: put back after the rerun");
        assert_same(fingerprint(&c), &want);
    }
}

#[test]
fn only_a_change_the_steps_read_invalidates_their_stored_results() {
    let (dir, corpus) = sample();
    add_retelling(&corpus);
    let paths = vec![corpus.clone()];
    let ix_path = dir.path().join("index.sqlite");
    let mut ix = Index::open_cache(&ix_path).unwrap();
    let plain = LoadOptions::default();
    let (first, _) = reopen(&paths, &plain, &mut ix);

    // A file touched within the same day, its bytes unchanged: nothing the steps read.
    let touched = corpus.join("zz-dated.txt");
    set_time(&touched, old_time() + Duration::from_secs(60));
    let (c, t) = reopen(&paths, &plain, &mut ix);
    assert_eq!(t, Duration::ZERO, "a touched file changes nothing");
    assert_same(fingerprint(&c), fingerprint(&first));

    // A correction about an article this corpus does not hold: still put back.
    let mut elsewhere = LoadOptions::default();
    elsewhere.corrections.hide_event(&"0".repeat(64), "1-2");
    let (c, t) = reopen(&paths, &elsewhere, &mut ix);
    assert_eq!(t, Duration::ZERO, "another corpus's correction");
    assert_same(fingerprint(&c), fingerprint(&first));

    // A publication-date correction on one article: the steps run, then it is put back.
    let a = &first.articles[1];
    let mut dated = LoadOptions::default();
    dated.corrections.set_pub_date(
        &a.content_hash,
        chrono::NaiveDate::from_ymd_opt(2019, 2, 3).unwrap(),
    );
    let want = pipeline::load(&paths, &dated, &Progress::default()).unwrap();
    let (c, t) = reopen(&paths, &dated, &mut ix);
    assert!(t > Duration::ZERO, "a publication-date correction");
    assert_same(fingerprint(&c), fingerprint(&want));
    let (c, t) = reopen(&paths, &dated, &mut ix);
    assert_eq!(t, Duration::ZERO);
    assert_same(fingerprint(&c), fingerprint(&want));

    // A new file: the steps run; what was stored still fits every other article's events.
    let id = index::settled::corpus_id(&paths);
    let stored = ix.settled(&id).unwrap();
    std::fs::write(
        corpus.join("zz-new.txt"),
        "Border talks\ndate 2023-06-01\nKenya and Ghana met on 30 May 2023 in Accra.\n",
    )
    .unwrap();
    set_time(&corpus.join("zz-new.txt"), old_time());
    let collected =
        index::collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    let joined = index::settled::join(collected.parts, &dated, &Default::default());
    assert!(!joined.matches(&stored));
    let (preview, how) = joined.reuse(&stored, &dated.corrections);
    assert_eq!(how, index::settled::Reused::Partly);
    // The new file's events wait in clusters of their own; every other event keeps its
    // stored cluster's salience and caption.
    type Seen = std::collections::HashMap<(String, usize, usize), (u32, String)>;
    let seen = |c: &Corpus| -> Seen {
        c.events
            .iter()
            .map(|e| {
                let k = &c.clusters[e.cluster as usize];
                (
                    (
                        c.articles[e.article as usize].path.clone(),
                        e.date_range.start,
                        e.date_range.end,
                    ),
                    (e.salience.to_bits(), k.caption.clone()),
                )
            })
            .collect()
    };
    let (before, now) = (seen(&want), seen(&preview));
    let mut new_events = 0;
    for (k, v) in &now {
        if k.0.ends_with("zz-new.txt") {
            new_events += 1;
            assert_eq!(v.0, 0, "{k:?} has no salience yet");
        } else {
            assert_eq!(before.get(k), Some(v), "{k:?}");
        }
    }
    assert!(new_events > 0);
    assert_eq!(now.len(), before.len() + new_events);
    let (c, t) = reopen(&paths, &dated, &mut ix);
    assert!(t > Duration::ZERO, "a new file");
    assert_same(
        fingerprint(&c),
        fingerprint(&pipeline::load(&paths, &dated, &Progress::default()).unwrap()),
    );
}

/// Splits the corpus's files into `n` lists, indexes each into its own shard.
fn build_shards(corpus: &Path, out: &Path, n: usize) {
    std::fs::create_dir_all(out).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for k in 0..n {
        // Interleaved, so that every shard holds part of each story.
        let part: Vec<PathBuf> = files.iter().skip(k).step_by(n).cloned().collect();
        let mut shard =
            Index::open_shard_for_writing(&out.join(format!("part-{k}.dlindex"))).unwrap();
        index::collect_files(&part, &Progress::default(), &mut shard).unwrap();
    }
}

#[test]
fn four_shards_open_as_the_same_corpus_as_the_whole() {
    let (dir, corpus) = sample();
    let shards = dir.path().join("shards");
    build_shards(&corpus, &shards, 4);
    let whole = dir.path().join("whole");
    build_shards(&corpus, &whole, 1);
    assert_eq!(
        std::fs::read_dir(&shards).unwrap().count(),
        4,
        "one file per shard, no -wal"
    );

    let want = fresh(std::slice::from_ref(&corpus));
    assert!(
        want.clusters.iter().any(|k| k.sources > 1),
        "the sample has shared happenings"
    );
    let from_whole = index::load(
        &[whole],
        &LoadOptions::default(),
        &Progress::default(),
        None,
    )
    .unwrap();
    let from_four = index::load(
        std::slice::from_ref(&shards),
        &LoadOptions::default(),
        &Progress::default(),
        None,
    )
    .unwrap();
    assert_same(fingerprint(&from_four), fingerprint(&from_whole));
    // And both are the corpus read straight from the files.
    assert_same(fingerprint(&from_whole), fingerprint(&want));

    // Shards can be opened from a read-only place (a cluster's output, a shared copy) and
    // without the files they were built from.
    std::fs::remove_dir_all(&corpus).unwrap();
    let again = index::load(
        &[shards],
        &LoadOptions::default(),
        &Progress::default(),
        None,
    )
    .unwrap();
    assert_same(fingerprint(&again), fingerprint(&want));
}

#[test]
fn rebuilding_a_shard_keeps_only_its_files_and_reads_only_changes() {
    let (dir, corpus) = sample();
    let out = dir.path().join("one.dlindex");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut shard = Index::open_shard_for_writing(&out).unwrap();
    let s = index::collect_files(&files, &Progress::default(), &mut shard).unwrap();
    assert_eq!(s.extracted, files.len());
    drop(shard);
    let mut shard = Index::open_shard_for_writing(&out).unwrap();
    let s = index::collect_files(&files[..3], &Progress::default(), &mut shard).unwrap();
    assert_eq!((s.extracted, s.from_index), (0, 3));
    drop(shard);
    let c = index::load(&[out], &LoadOptions::default(), &Progress::default(), None).unwrap();
    let want = fresh(&files[..3]);
    assert_same(fingerprint(&c), fingerprint(&want));
}

#[test]
fn a_file_that_is_not_a_shard_is_a_problem_and_the_rest_loads() {
    let (_dir, corpus) = sample();
    std::fs::write(corpus.join("bogus.dlindex"), b"not sqlite").unwrap();
    let c = index::load(
        std::slice::from_ref(&corpus),
        &LoadOptions::default(),
        &Progress::default(),
        None,
    )
    .unwrap();
    assert!(
        c.problems
            .iter()
            .any(|p| p.contains("bogus.dlindex") && p.contains("not a dateline index")),
        "{:?}",
        c.problems
    );
    std::fs::remove_file(corpus.join("bogus.dlindex")).unwrap();
    assert_same(fingerprint(&c), fingerprint(&fresh(&[corpus])));
}

/// The corpus as a user sees it, by content rather than by ids (which shift when files come
/// and go): each event with its article's path and the paths of its cluster's other
/// sources.
fn by_content(c: &Corpus) -> Vec<String> {
    let mut out: Vec<String> = c
        .articles
        .iter()
        .map(|a| format!("A {} | {:?} | {}", a.path, a.pub_date, a.content_hash))
        .collect();
    for e in &c.events {
        let a = &c.articles[e.article as usize];
        let mut sources: Vec<String> = c.clusters[e.cluster as usize]
            .events
            .iter()
            .map(|&m| {
                let me = &c.events[m as usize];
                format!(
                    "{}@{:?}",
                    c.articles[me.article as usize].path, me.date_range
                )
            })
            .collect();
        sources.sort();
        out.push(format!(
            "E {} {:?} {} {:?} {:?} {} {:?}",
            a.path, e.date_range, e.span, e.countries, e.date_source, e.note, sources
        ));
    }
    out.sort();
    out
}

#[test]
fn a_watched_folder_follows_new_changed_and_deleted_files() {
    use dateline::watch::{self, FolderWatcher};
    let (dir, corpus) = sample();
    let paths = vec![corpus.clone()];
    let mut ix = cache(&dir);
    let opts = LoadOptions::default();
    let mut c = index::load(&paths, &opts, &Progress::default(), Some(&mut ix)).unwrap();
    let watcher = FolderWatcher::new(&paths).unwrap();

    std::fs::write(
        corpus.join("aa-new.txt"),
        "Port deal\ndate 2024-05-02\nKenya and Peru signed a port deal on 1 May 2024.\n",
    )
    .unwrap();
    let changed = corpus.join("mekong-ministers-meet.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(
        &changed,
        format!("{text}\nVietnam and Laos met again on 4 March 2024.\n"),
    )
    .unwrap();
    std::fs::remove_file(corpus.join("canberra-review.md")).unwrap();
    std::fs::write(
        corpus.join(".hidden.txt"),
        "Not part of the corpus on 3 May 2020.",
    )
    .unwrap();

    let want = fresh(&paths);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while by_content(&c) != by_content(&want) && std::time::Instant::now() < deadline {
        if let Some(changes) = watcher.changes(Duration::from_millis(500)) {
            assert!(
                changes.paths.iter().all(|p| !p.ends_with(".hidden.txt")),
                "{changes:?}"
            );
            watch::apply(&mut c, &changes, &opts, Some(&mut ix), &paths).unwrap();
        }
    }
    assert_eq!(by_content(&c), by_content(&want));
    // Articles come back in path order: the same corpus, ids and clusters included.
    assert_same(fingerprint(&c), fingerprint(&want));
    assert!(c.articles.iter().any(|a| a.path.ends_with("aa-new.txt")));
    assert!(!c
        .articles
        .iter()
        .any(|a| a.path.ends_with("canberra-review.md")));
    // The update stored its corpus-wide results: the next reopen puts them back (no
    // clustering) and gives the same corpus.
    let (again, clustering) = reopen(&paths, &opts, &mut ix);
    assert_eq!(clustering, Duration::ZERO);
    assert_same(fingerprint(&again), fingerprint(&want));
}

#[test]
fn the_window_shows_a_new_file_without_reloading() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let corpus = sample_corpus(dir.path());
    let cfg = dateline::gui::AppConfig::isolated(config.path());
    let mut h = window_loaded(cfg, std::slice::from_ref(&corpus));
    assert!(h.state().watch.is_some(), "the loaded folder is watched");
    let before = h.state().corpus.articles.len();
    let generation = h.state().generation;
    std::fs::write(
        corpus.join("zz-late.txt"),
        "Late news\ndate 2024-05-02\nKenya and Peru signed a port deal on 1 May 2024.\n",
    )
    .unwrap();
    let t = std::time::Instant::now();
    while h.state().corpus.articles.len() == before {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the new file never showed"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let app = h.state();
    assert_eq!(app.corpus.articles.len(), before + 1);
    assert!(app.generation > generation);
    assert!(app.loader.is_none(), "no reload was started");
    assert!(
        app.status.message.contains("changed on disk"),
        "{}",
        app.status.message
    );
    assert!(app
        .corpus
        .events
        .iter()
        .any(|e| e.span.start.to_string() == "2024-05-01"));
}

/// A window on `paths` with `cfg`, stepped until its load is done.
fn window_loaded(
    cfg: dateline::gui::AppConfig,
    paths: &[PathBuf],
) -> egui_kittest::Harness<'static, dateline::gui::DatelineApp> {
    use dateline::gui::DatelineApp;
    let paths = paths.to_vec();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1200.0, 800.0])
        .with_accessibility_check(false)
        .build_eframe(move |cc| DatelineApp::new(cc, cfg, paths));
    let t = std::time::Instant::now();
    while h.state().is_loading() {
        assert!(t.elapsed() < Duration::from_secs(60), "load did not finish");
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
    h
}

#[test]
fn a_reopened_window_shares_its_corpus_with_the_watcher_and_follows_changes() {
    use dateline::gui::AppConfig;
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let corpus = sample_corpus(dir.path());
    let paths = vec![corpus.clone()];
    // The first window writes the index; the second reopens the corpus from it.
    drop(window_loaded(AppConfig::isolated(config.path()), &paths));
    let mut h = window_loaded(AppConfig::isolated(config.path()), &paths);
    {
        let app = h.state();
        let watch = app.watch.as_ref().expect("the reopened folder is watched");
        assert!(
            watch.shares(&app.corpus),
            "the watcher holds the window's corpus"
        );
        assert_eq!(watch.copies(), 0, "no copy was made to start watching");
        assert_same(fingerprint(&app.corpus), fingerprint(&fresh(&paths)));
    }
    let generation = h.state().generation;
    std::fs::write(
        corpus.join("zz-late.txt"),
        "Late news\ndate 2024-05-02\nKenya and Peru signed a port deal on 1 May 2024.\n",
    )
    .unwrap();
    let want = fresh(&paths);
    let t = std::time::Instant::now();
    while by_content(&h.state().corpus) != by_content(&want) {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the change never showed"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    let app = h.state();
    assert!(app.generation > generation);
    assert_same(fingerprint(&app.corpus), fingerprint(&want));
    let watch = app.watch.as_ref().unwrap();
    // The change was made on a copy (the window still showed the corpus before), and the
    // updated corpus is shared again.
    assert_eq!(watch.copies(), 1);
    assert!(watch.shares(&app.corpus));
}

#[test]
fn the_shard_map_script_gives_the_corpus_of_the_folder() {
    let (dir, corpus) = sample();
    let out = dir.path().join("out");
    let bin = env!("CARGO_BIN_EXE_dateline");
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join("shard-map.sh");
    let run = std::process::Command::new("bash")
        .arg(&script)
        .arg(&corpus)
        .arg(&out)
        .arg("3")
        .arg(bin)
        .env("DATELINE_DATA_DIR", dir.path().join("data"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(std::fs::read_dir(out.join("shards")).unwrap().count(), 3);
    let events = |path: &Path| {
        let o = std::process::Command::new(bin)
            .args(["events", "--json", "--no-index"])
            .arg(path)
            .env("DATELINE_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8(o.stdout).unwrap()
    };
    let from_shards = events(&out.join("shards"));
    assert!(from_shards.lines().count() > 50);
    assert_eq!(from_shards, events(&corpus));
}

#[test]
fn a_killed_indexer_leaves_a_usable_shard_and_the_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..1500 {
        std::fs::write(
            corpus.join(format!("a{i:04}.txt")),
            format!(
                "Report {i}\ndate 2021-03-{:02}\nJapan and Chile signed an accord on {} March 2021.\n",
                i % 28 + 1,
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_dateline");
    let shard = dir.path().join("s.dlindex");
    let mut child = std::process::Command::new(bin)
        .arg("index")
        .arg(&corpus)
        .arg("--out")
        .arg(&shard)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once something has been committed (or let it be, if it was faster).
    let wal = dir.path().join("s.dlindex-wal");
    let t = std::time::Instant::now();
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) == 0
        && t.elapsed() < Duration::from_secs(30)
        && child.try_wait().unwrap().is_none()
    {
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    child.wait().unwrap();

    // What was committed is readable as it is.
    let partial = index::load(
        std::slice::from_ref(&shard),
        &LoadOptions::default(),
        &Progress::default(),
        None,
    );
    assert!(partial.is_ok());
    // The rerun keeps what was stored and reads the rest.
    let o = std::process::Command::new(bin)
        .arg("index")
        .arg(&corpus)
        .arg("--out")
        .arg(&shard)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let c = index::load(
        &[shard],
        &LoadOptions::default(),
        &Progress::default(),
        None,
    )
    .unwrap();
    assert_eq!(c.articles.len(), 1500);
    assert_same(fingerprint(&c), fingerprint(&fresh(&[corpus])));
}

#[test]
fn the_windows_loader_reopens_the_same_corpus_with_its_stored_results_read_alongside() {
    use dateline::gui::loader::{LoadOutcome, Loader};
    let (dir, corpus) = sample();
    let ix = dir.path().join("index.sqlite");
    let paths = vec![corpus];
    let open = || {
        let loader = Loader::start_with_index(
            paths.clone(),
            LoadOptions::default(),
            Some(ix.clone()),
            || {},
        );
        let t = std::time::Instant::now();
        loop {
            assert!(t.elapsed() < Duration::from_secs(60), "load did not finish");
            match loader.poll() {
                LoadOutcome::Done(s) => return s.corpus,
                LoadOutcome::Pending | LoadOutcome::Partial(_) => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                LoadOutcome::Cancelled => panic!("cancelled"),
                LoadOutcome::Failed(e) => panic!("{e}"),
            }
        }
    };
    // The first open stores the corpus-wide results; the second reads them on a thread of
    // its own while the index serves the files, and puts them back.
    let first = open();
    let again = open();
    let whole = fresh(&paths);
    assert_same(fingerprint(&first), fingerprint(&whole));
    assert_same(fingerprint(&again), fingerprint(&whole));
    assert_eq!(again.clusters.len(), whole.clusters.len());
    assert!(!whole.clusters.is_empty());
}
