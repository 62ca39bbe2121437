use super::*;
use crate::pipeline::Progress;

fn count(ix: &mut Index, table: &str) -> i64 {
    ix.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn write_corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("a{i:02}.txt"));
            std::fs::write(
                &p,
                format!(
                    "Report {i}\ndate 2023-05-{:02}\nFrance and Spain agreed on {} May 2023 to hold talks. {}\n",
                    i % 28 + 1,
                    i % 28 + 1,
                    "Officials met again later. ".repeat(40)
                ),
            )
            .unwrap();
            p
        })
        .collect()
}

#[test]
fn eviction_drops_least_recently_used_first_and_stays_under_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path(), 40);
    let mut ix = Index::open_cache(&dir.path().join("ix.sqlite")).unwrap();
    collect(&files, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    assert_eq!(count(&mut ix, "extracts"), 40);
    // The last ten are used again, later.
    ix.conn()
        .execute("UPDATE extracts SET used = 1", [])
        .unwrap();
    collect(
        &files[30..],
        &Progress::default(),
        Some(&mut ix),
        &mut |_| {},
    )
    .unwrap();
    // Read again, they were marked used now (the rows learned at the start said they were
    // not recently used); the other thirty were not read.
    let marked: i64 = ix
        .conn()
        .query_row("SELECT count(*) FROM extracts WHERE used > 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(marked, 10);
    let disk = |ix: &mut Index| -> i64 {
        let pages: i64 = ix
            .conn()
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap();
        let size: i64 = ix
            .conn()
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        pages * size
    };
    let before = disk(&mut ix);
    let cap = (before / 2) as u64;
    let evicted = ix.evict(cap, version::extractor()).unwrap();
    assert!(evicted > 0 && evicted < 40, "{evicted}");
    assert!(disk(&mut ix) as u64 <= cap, "{} > {cap}", disk(&mut ix));
    // The recently used survived; every article of an evicted extract went with it.
    let survivors: Vec<String> = {
        let mut st = ix
            .conn()
            .prepare("SELECT f.display FROM files f JOIN extracts x ON x.hash = f.hash")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for f in &files[30..] {
        assert!(
            survivors.contains(&f.display().to_string()),
            "{f:?} was evicted"
        );
    }
    let orphans: i64 = ix
        .conn()
        .query_row(
            "SELECT count(*) FROM articles WHERE extract NOT IN (SELECT id FROM extracts)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    assert_eq!(count(&mut ix, "files"), count(&mut ix, "extracts"));
    // Under the cap nothing goes.
    assert_eq!(ix.evict(u64::MAX, version::extractor()).unwrap(), 0);
    // The evicted files are simply read again.
    let c = collect(&files, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    assert_eq!(c.extracted, evicted);
}

#[test]
fn another_extractors_rows_are_never_served() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path(), 3);
    let mut ix = Index::open_cache(&dir.path().join("ix.sqlite")).unwrap();
    collect(&files, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    ix.conn()
        .execute("UPDATE extracts SET extractor = 'older'", [])
        .unwrap();
    let c = collect(&files, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    assert_eq!((c.extracted, c.from_index), (3, 0));
    // Both versions' rows are kept until the size cap asks; the old ones go first.
    assert_eq!(count(&mut ix, "extracts"), 6);
    let gone = ix.evict(1, version::extractor()).unwrap();
    assert_eq!(gone, 6);
}

#[test]
fn a_file_that_is_not_a_shard_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notes.dlindex");
    std::fs::write(&p, b"my own notes").unwrap();
    assert!(matches!(
        Index::open_shard_for_writing(&p),
        Err(IndexError::NotAnIndex(_))
    ));
    assert_eq!(std::fs::read(&p).unwrap(), b"my own notes");
}

#[test]
fn the_extractor_version_comes_from_the_build() {
    let v = version::extractor();
    assert!(v.starts_with(env!("DATELINE_EXTRACTOR_HASH")));
    assert_eq!(env!("DATELINE_EXTRACTOR_HASH").len(), 16);
}

#[test]
fn stored_corpus_wide_results_count_towards_the_cap_and_go_least_recently_used_first() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_corpus(dir.path(), 40);
    let mut ix = Index::open_cache(&dir.path().join("ix.sqlite")).unwrap();
    let opts = crate::pipeline::LoadOptions::default();
    // Three corpora opened: three rows of stored results.
    for part in [&files[..10], &files[10..20], &files[20..]] {
        load(part, &opts, &Progress::default(), Some(&mut ix)).unwrap();
    }
    assert_eq!(count(&mut ix, "settled"), 3);
    let settled_rows = |ix: &mut Index| -> Vec<String> {
        let mut st = ix
            .conn()
            .prepare("SELECT corpus FROM settled ORDER BY corpus")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let third = settled::corpus_id(&files[20..]);
    // Two corpora not opened for long, everything else just now.
    let now = now_secs();
    ix.conn()
        .execute("UPDATE extracts SET used = ?1", [now])
        .unwrap();
    ix.conn()
        .execute(
            "UPDATE settled SET used = CASE corpus WHEN ?1 THEN ?2 ELSE 1 END",
            rusqlite::params![third, now],
        )
        .unwrap();
    let disk: i64 = ix
        .conn()
        .query_row(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let extracts = count(&mut ix, "extracts");
    let evicted = ix.evict(disk as u64 - 1, version::extractor()).unwrap();
    // The two old rows went first, and are counted among the evicted.
    let left = settled_rows(&mut ix);
    assert!(left.iter().all(|c| *c == third), "{left:?}");
    let gone_extracts = extracts - count(&mut ix, "extracts");
    assert_eq!(evicted as i64, gone_extracts + 3 - left.len() as i64);
    // A cap nothing fits under leaves nothing of either kind.
    ix.evict(1, version::extractor()).unwrap();
    assert_eq!(count(&mut ix, "settled"), 0);
    assert_eq!(count(&mut ix, "extracts"), 0);
    // And a corpus whose stored results were evicted is worked out and stored again.
    load(&files[20..], &opts, &Progress::default(), Some(&mut ix)).unwrap();
    assert_eq!(settled_rows(&mut ix), vec![third]);
}

#[test]
fn the_first_files_are_served_before_the_rest_of_the_folder_is_looked_at() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let n = load::FIRST_HIT_CHUNK + 200;
    // Written long ago: a time stamp within the last seconds is not trusted (hashed again).
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    for p in write_corpus(&corpus, n) {
        let f = std::fs::File::options().write(true).open(&p).unwrap();
        f.set_modified(old).unwrap();
    }
    let paths = vec![corpus];
    let mut ix = Index::open_cache(&dir.path().join("ix.sqlite")).unwrap();
    collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    // One file among the first and one after them change.
    let walked = crate::ingest::walk(&paths).unwrap().files;
    for i in [5, load::FIRST_HIT_CHUNK + 100] {
        let p = &walked[i].path;
        let text = std::fs::read_to_string(p).unwrap();
        std::fs::write(p, format!("{text}Peru and Chile met on 2 June 2023.\n")).unwrap();
    }
    let mut batches: Vec<(usize, bool)> = Vec::new();
    let c = collect(&paths, &Progress::default(), Some(&mut ix), &mut |b| {
        batches.push((b.done, b.from_index));
    })
    .unwrap();
    // The first batch: the first files the index holds unchanged, alone.
    assert_eq!(batches[0], (load::FIRST_HIT_CHUNK - 1, true), "{batches:?}");
    assert_eq!((c.extracted, c.from_index), (2, n - 2));
    let changed = c.parts[5].articles[0].text.contains("Peru and Chile");
    assert!(changed, "the changed file was read again");
}

#[test]
fn the_first_files_are_served_while_the_walk_goes_on_in_the_walks_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    // Written in an order the walk does not give (it sorts by name, depth first).
    for sub in ["b", "a/c", "a"] {
        let d = corpus.join(sub);
        std::fs::create_dir_all(&d).unwrap();
        for p in write_corpus(&d, 7) {
            // Each file its own content (the same content is one extract, shared).
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, format!("{text}Filed under {sub}.\n")).unwrap();
        }
    }
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let walked = crate::ingest::walk(std::slice::from_ref(&corpus))
        .unwrap()
        .files;
    for f in &walked {
        let h = std::fs::File::options().write(true).open(&f.path).unwrap();
        h.set_modified(old).unwrap();
    }
    let paths = vec![corpus];
    let mut ix = Index::open_cache(&dir.path().join("ix.sqlite")).unwrap();
    collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    // The whole walk first, then everything served (fewer files than a first chunk).
    let whole = collect(&paths, &Progress::default(), Some(&mut ix), &mut |_| {}).unwrap();
    assert_eq!(whole.from_index, 21);
    let shown = |parts: &[crate::pipeline::FileResult]| -> Vec<String> {
        parts.iter().map(|p| p.articles[0].path.clone()).collect()
    };
    let walk_order: Vec<String> = walked.iter().map(|f| f.display.clone()).collect();
    for _ in 0..4 {
        let mut batches: Vec<(usize, usize, bool, Vec<String>)> = Vec::new();
        let c = load::collect_streaming(
            &paths,
            &Progress::default(),
            Some(&mut ix),
            true,
            3,
            &mut |b| {
                batches.push((b.done, b.total, b.walking, shown(&b.snapshot())));
            },
        )
        .unwrap();
        // The first three files found, served alone while the walk went on.
        let first = &batches[0];
        assert_eq!((first.0, first.1, first.2), (3, 3, true), "{batches:?}");
        assert_eq!(batches[0].3, walk_order[..3]);
        let last = batches.last().unwrap();
        assert_eq!((last.0, last.1, last.2), (21, 21, false));
        // Whatever the threads' timing, the corpus is the whole walk's, in its order.
        let keys: Vec<String> = c.keys.iter().map(|k| k.display.clone()).collect();
        assert_eq!(keys, walk_order);
        assert_eq!(format!("{:?}", c.parts), format!("{:?}", whole.parts));
        assert_eq!(c.problems, whole.problems);
    }
}

#[test]
fn a_served_article_is_refused_when_any_offset_leaves_its_text_or_splits_a_character() {
    use crate::model::{
        Article, CountryCode, CountrySpan, DateSource, DateSpan, Event, Paragraph, ParagraphKind,
    };
    let text = "Österreich und Perú reden.\n\nMehr.".to_string();
    let article = Article {
        paragraphs: vec![
            Paragraph {
                range: 0..28,
                kind: ParagraphKind::Body,
            },
            Paragraph {
                range: 30..text.len(),
                kind: ParagraphKind::Body,
            },
        ],
        text,
        ..Default::default()
    };
    let pe = CountryCode::parse("PE").unwrap();
    let good = Event {
        article: 0,
        paragraph: 0,
        sentence: 0..28,
        date_range: 16..21,
        timex_value: Default::default(),
        span: DateSpan::day(chrono::NaiveDate::from_ymd_opt(2024, 5, 2).unwrap()),
        countries: vec![pe].into(),
        country_spans: vec![CountrySpan {
            start: 16,
            end: 21,
            code: pe,
        }]
        .into(),
        date_source: DateSource::Explicit,
        confidence: 0.9,
        note: Default::default(),
        cluster: 0,
        hidden: false,
        salience: 0.0,
    };
    assert!(load::offsets_fit(&article, std::slice::from_ref(&good)));
    let mut bad = Vec::new();
    let mut past_the_end = good.clone();
    past_the_end.sentence = 0..article.text.len() + 1;
    bad.push(past_the_end);
    let mut inside_a_character = good.clone();
    inside_a_character.date_range = 1..5; // "Ö" is two bytes
    bad.push(inside_a_character);
    let mut backwards = good.clone();
    backwards.country_spans[0].start = 22;
    bad.push(backwards);
    for (i, e) in bad.iter().enumerate() {
        assert!(
            !load::offsets_fit(&article, &[good.clone(), e.clone()]),
            "{i}"
        );
    }
    let mut split_paragraph = article.clone();
    split_paragraph.paragraphs[0].range = 0..1;
    assert!(!load::offsets_fit(&split_paragraph, &[]));
}
