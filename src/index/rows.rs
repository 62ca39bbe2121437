//! One file's extraction ([`FileResult`]) to rows and back. Everything an article and its
//! events carry before the corpus-wide steps is stored; what those steps add (clusters,
//! salience, hidden, corpus-inferred dates) is not.

use super::{now_secs, Index, IndexError};
use crate::model::Format;
use crate::pipeline::FileResult;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use std::collections::HashMap;

/// A file of a shard: path, display path, extract id, extraction.
pub(crate) type ShardFile = (String, String, i64, FileResult);

/// What the index knows about a file on disk.
#[derive(Clone, Debug)]
pub(crate) struct FileRow {
    pub size: i64,
    pub mtime_ns: i64,
    pub hash: String,
    pub format: String,
}

/// Stored extracts by (content hash, format).
pub(crate) type ExtractRows = HashMap<(String, String), ExtractRow>;

/// A stored extract: its row id and the context its dates were resolved in.
#[derive(Clone, Debug)]
pub(crate) struct ExtractRow {
    pub id: i64,
    pub context: String,
}

/// A file to record: where it is, what it holds, and (for new extractions) its result.
pub(crate) struct Put<'a> {
    pub path: String,
    pub display: String,
    pub size: i64,
    pub mtime_ns: i64,
    pub hash: String,
    pub format: Format,
    /// `Some` when the extraction is new (or re-resolved) and must be stored.
    pub result: Option<(&'a FileResult, String)>,
}

pub(crate) fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Json => "json",
        Format::Pdf => "pdf",
        Format::Docx => "docx",
        Format::Odt => "odt",
        Format::Rtf => "rtf",
        Format::Eml => "eml",
        Format::Mbox => "mbox",
        Format::Feed => "feed",
        Format::Mhtml => "mhtml",
        Format::Webarchive => "webarchive",
        Format::Csv => "csv",
        Format::Tsv => "tsv",
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn corrupt(what: &str) -> IndexError {
    IndexError::Sqlite(rusqlite::Error::InvalidColumnType(
        0,
        format!("unreadable {what}"),
        rusqlite::types::Type::Text,
    ))
}

fn json_err(e: serde_json::Error) -> IndexError {
    IndexError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

impl Index {
    /// Every file row (path → what it held when last seen; bounded by eviction) and the
    /// extracts this extractor wrote, by (hash, format): the two tables read at once, the
    /// extracts on the second connection (at 100,000 files each is a fair share of a
    /// reopen, and the walk has ended by then: nothing else is running).
    pub(crate) fn all_rows(
        &mut self,
        extractor: &str,
    ) -> Result<(HashMap<String, FileRow>, ExtractRows), IndexError> {
        let Index { conn, helper, .. } = self.with_helper()?;
        let Some(helper) = helper.as_mut() else {
            return Ok((file_rows(conn)?, extract_rows(conn, extractor)?));
        };
        let (files, extracts) = std::thread::scope(|s| {
            let other = s.spawn(move || extract_rows(helper, extractor));
            let files = file_rows(conn);
            let extracts = other
                .join()
                .unwrap_or_else(|_| Err(corrupt("index reader thread failed")));
            (files, extracts)
        });
        Ok((files?, extracts?))
    }

    /// This index with its second connection open (for reading on another thread).
    fn with_helper(&mut self) -> Result<&mut Index, IndexError> {
        if self.helper.is_none() {
            let c = rusqlite::Connection::open(&self.path)?;
            c.busy_timeout(std::time::Duration::from_secs(10))?;
            self.helper = Some(c);
        }
        Ok(self)
    }

    /// The rows of these files (absolute paths) and of this extractor's extracts of them.
    pub(crate) fn rows_of(
        &mut self,
        paths: &[String],
        extractor: &str,
    ) -> Result<(HashMap<String, FileRow>, ExtractRows), IndexError> {
        let conn = self.conn();
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS want_path (path TEXT PRIMARY KEY); DELETE FROM temp.want_path;",
        )?;
        {
            let tx = conn.transaction()?;
            {
                let mut ins =
                    tx.prepare_cached("INSERT OR IGNORE INTO temp.want_path (path) VALUES (?1)")?;
                for p in paths {
                    ins.execute([p])?;
                }
            }
            tx.commit()?;
        }
        let mut files = HashMap::with_capacity(paths.len());
        let mut extracts = HashMap::with_capacity(paths.len());
        let mut st = conn.prepare(
            "SELECT f.path, f.size, f.mtime_ns, f.hash, f.format, x.id, x.context
             FROM temp.want_path w CROSS JOIN files f ON f.path = w.path
             LEFT JOIN extracts x ON x.hash = f.hash AND x.format = f.format AND x.extractor = ?1",
        )?;
        let mut rows = st.query([extractor])?;
        while let Some(r) = rows.next()? {
            let row = FileRow {
                size: r.get(1)?,
                mtime_ns: r.get(2)?,
                hash: r.get(3)?,
                format: r.get(4)?,
            };
            if let Some(id) = r.get::<_, Option<i64>>(5)? {
                extracts.insert(
                    (row.hash.clone(), row.format.clone()),
                    ExtractRow {
                        id,
                        context: r.get(6)?,
                    },
                );
            }
            files.insert(r.get::<_, String>(0)?, row);
        }
        Ok((files, extracts))
    }

    /// Records files and stores new extractions, all in one transaction. Returns the extract
    /// id of each item that carried a result, in order.
    pub(crate) fn put(
        &mut self,
        items: &[Put<'_>],
        extractor: &str,
    ) -> Result<Vec<i64>, IndexError> {
        let mut ids = Vec::new();
        let now = now_secs();
        let tx = self.conn().transaction()?;
        {
            let mut file_st = tx.prepare_cached(
                "INSERT INTO files (path, display, size, mtime_ns, hash, format, used)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(path) DO UPDATE SET display = ?2, size = ?3, mtime_ns = ?4,
                   hash = ?5, format = ?6, used = ?7",
            )?;
            let mut find_st = tx.prepare_cached(
                "SELECT id FROM extracts WHERE hash = ?1 AND format = ?2 AND extractor = ?3",
            )?;
            let mut del_a = tx.prepare_cached("DELETE FROM articles WHERE extract = ?1")?;
            let mut del_e = tx.prepare_cached("DELETE FROM events WHERE extract = ?1")?;
            let mut upd_x = tx.prepare_cached(
                "UPDATE extracts SET context = ?2, bytes = ?3, used = ?4 WHERE id = ?1",
            )?;
            let mut ins_x = tx.prepare_cached(
                "INSERT INTO extracts (hash, format, extractor, context, bytes, used)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut ins_a = tx.prepare_cached(
                "INSERT INTO articles (extract, idx, content_hash, title, outlet, url, language,
                   authors, text, file_date, pub_date, pub_date_source, pub_date_confidence,
                   pub_date_note, value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?;
            let mut ins_e = tx.prepare_cached(
                "INSERT INTO events (extract, article, seq, paragraph, sentence_start,
                   sentence_end, date_start, date_end, timex, start, end, precision, countries,
                   country_spans, date_source, confidence, note)
                 VALUES (?1, ?2, ?17, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                   ?16)",
            )?;
            for it in items {
                let format = format_name(it.format);
                file_st.execute(params![
                    it.path,
                    it.display,
                    it.size,
                    it.mtime_ns,
                    it.hash,
                    format,
                    now
                ])?;
                let Some((result, context)) = &it.result else {
                    continue;
                };
                let bytes = approx_bytes(result) as i64;
                let existing: Option<i64> = find_st
                    .query_row(params![it.hash, format, extractor], |r| r.get(0))
                    .optional()?;
                let id = match existing {
                    Some(id) => {
                        del_a.execute([id])?;
                        del_e.execute([id])?;
                        upd_x.execute(params![id, context, bytes, now])?;
                        id
                    }
                    None => {
                        ins_x.execute(params![it.hash, format, extractor, context, bytes, now])?;
                        tx.last_insert_rowid()
                    }
                };
                ids.push(id);
                for (i, a) in result.articles.iter().enumerate() {
                    let pd = a.pub_date.as_ref();
                    let events = result.events.events_of(i);
                    ins_a.execute(params![
                        id,
                        i as i64,
                        a.content_hash,
                        a.title,
                        a.outlet,
                        a.url,
                        a.language,
                        serde_json::to_string(&a.authors).map_err(json_err)?,
                        a.text,
                        a.file_time.map(day),
                        pd.map(|p| day(p.date)),
                        pd.map(|p| p.source.as_str()),
                        pd.map(|p| f64::from(p.confidence)),
                        pd.map(|p| p.note.as_str()),
                        super::blob::encode(a, events),
                    ])?;
                    for (seq, e) in events.iter().enumerate() {
                        let countries: Vec<&str> = e.countries.iter().map(|c| c.as_str()).collect();
                        let spans: Vec<String> = e
                            .country_spans
                            .iter()
                            .map(|s| format!("{}-{}:{}", s.start, s.end, s.code))
                            .collect();
                        ins_e.execute(params![
                            id,
                            i as i64,
                            e.paragraph as i64,
                            e.sentence.start as i64,
                            e.sentence.end as i64,
                            e.date_range.start as i64,
                            e.date_range.end as i64,
                            e.timex_value.as_str(),
                            day(e.span.start),
                            day(e.span.end),
                            crate::events::precision_name(e.span.precision),
                            countries.join(" "),
                            spans.join(" "),
                            e.date_source.as_str(),
                            f64::from(e.confidence),
                            e.note.as_str(),
                            seq as i64,
                        ])?;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    /// Reads stored extracts by id: articles (path fields left empty for the caller) and
    /// their events (article ids local to the file). Marks them used now. A large read is
    /// split over two connections on two threads.
    pub(crate) fn read(&mut self, ids: &[i64]) -> Result<HashMap<i64, FileResult>, IndexError> {
        let now = now_secs();
        {
            let tx = self.conn().transaction()?;
            {
                // Least-recently-used needs no finer clock than an hour: a row used within
                // the last one is not written again (a reopen then writes nothing).
                let mut up =
                    tx.prepare_cached("UPDATE extracts SET used = ?2 WHERE id = ?1 AND used < ?3")?;
                for id in ids {
                    up.execute(params![id, now, now - 3600])?;
                }
            }
            tx.commit()?;
        }
        if ids.len() < 512 {
            return read_on(self.conn(), ids);
        }
        let (a, b) = ids.split_at(ids.len() / 2);
        let Index { conn, helper, .. } = self.with_helper()?;
        let Some(helper) = helper.as_mut() else {
            return read_on(conn, ids);
        };
        let (ra, rb) = std::thread::scope(|s| {
            let other = s.spawn(move || read_on(helper, b));
            let mine = read_on(conn, a);
            let theirs = other
                .join()
                .unwrap_or_else(|_| Err(corrupt("index reader thread failed")));
            (mine, theirs)
        });
        let mut out = ra?;
        out.extend(rb?);
        Ok(out)
    }

    /// Every file of a shard with its extraction, in path order; `extractors` lists the
    /// extractor versions found (more than one, or another than ours, is worth a notice).
    pub(crate) fn read_all(&mut self) -> Result<(Vec<ShardFile>, Vec<String>), IndexError> {
        let files: Vec<(String, String, i64)> = {
            let mut st = self.conn().prepare(
                "SELECT f.path, f.display, x.id FROM files f
                 JOIN extracts x ON x.hash = f.hash AND x.format = f.format
                 ORDER BY f.path",
            )?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let extractors: Vec<String> = {
            let mut st = self
                .conn()
                .prepare("SELECT DISTINCT extractor FROM extracts")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let (mut parts, damaged) = scan(
            self.conn(),
            "SELECT extract, idx, text, value FROM articles ORDER BY extract, idx",
            files.len(),
        )?;
        // A shard is read whole or not at all: one damaged article refuses it.
        if damaged > 0 {
            return Err(corrupt("events of an article"));
        }
        let mut users: HashMap<i64, usize> = HashMap::new();
        for f in &files {
            *users.entry(f.2).or_default() += 1;
        }
        let out = files
            .into_iter()
            .map(|(path, display, id)| {
                let n = users.get_mut(&id).map_or(0, |n| {
                    *n -= 1;
                    *n
                });
                let part = if n == 0 {
                    parts.remove(&id)
                } else {
                    parts.get(&id).cloned()
                };
                (path, display, id, part.unwrap_or_default())
            })
            .collect();
        Ok((out, extractors))
    }

    /// Keeps only the files listed (a shard holds exactly what it was last built from) and
    /// the extracts they use.
    pub(crate) fn retain_files(&mut self, paths: &[String]) -> Result<(), IndexError> {
        let tx = self.conn().transaction()?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS keep (path TEXT PRIMARY KEY); DELETE FROM temp.keep;",
        )?;
        {
            let mut ins =
                tx.prepare_cached("INSERT OR IGNORE INTO temp.keep (path) VALUES (?1)")?;
            for p in paths {
                ins.execute([p])?;
            }
        }
        tx.execute_batch(
            "DELETE FROM files WHERE path NOT IN (SELECT path FROM temp.keep);
             CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY); DELETE FROM temp.gone;
             INSERT INTO temp.gone SELECT x.id FROM extracts x WHERE NOT EXISTS
               (SELECT 1 FROM files f WHERE f.hash = x.hash AND f.format = x.format);
             DELETE FROM events WHERE extract IN (SELECT id FROM temp.gone);
             DELETE FROM articles WHERE extract IN (SELECT id FROM temp.gone);
             DELETE FROM extracts WHERE id IN (SELECT id FROM temp.gone);",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Evicts least recently used extracts and stored corpus-wide results (another
    /// extractor's extracts first) until the file is under `max_bytes`, then gives the
    /// freed pages back. Returns how many rows of either kind were evicted.
    pub(crate) fn evict(&mut self, max_bytes: u64, extractor: &str) -> Result<usize, IndexError> {
        let mut evicted = 0;
        // Freed rows leave part-filled pages behind, so a pass may fall short: a few more.
        for _ in 0..4 {
            match self.evict_pass(max_bytes, extractor)? {
                0 => break,
                n => evicted += n,
            }
        }
        Ok(evicted)
    }

    fn evict_pass(&mut self, max_bytes: u64, extractor: &str) -> Result<usize, IndexError> {
        let conn = self.conn();
        let page: i64 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        let pages: i64 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
        let free: i64 = conn.pragma_query_value(None, "freelist_count", |r| r.get(0))?;
        let disk = ((pages - free) * page).max(0) as u64;
        if disk <= max_bytes {
            return Ok(0);
        }
        // Stored extracts and stored corpus-wide results (`settled`) both count, and go
        // least recently used first (another extractor's extracts before anything).
        let estimated: i64 = conn.query_row(
            "SELECT (SELECT coalesce(sum(bytes), 0) FROM extracts)
                  + (SELECT coalesce(sum(bytes), 0) FROM settled)",
            [],
            |r| r.get(0),
        )?;
        // Free down to 90% of the cap, in the estimate's units.
        let scale = estimated.max(1) as f64 / disk.max(1) as f64;
        let mut to_free = ((disk - max_bytes * 9 / 10) as f64 * scale).max(1.0) as i64;
        let (victims, settled): (Vec<i64>, Vec<String>) = {
            let mut st = conn.prepare(
                "SELECT id, NULL, bytes, (extractor = ?1) AS current, used FROM extracts
                 UNION ALL
                 SELECT NULL, corpus, bytes, 1, used FROM settled
                 ORDER BY current, used, 1, 2",
            )?;
            let rows = st.query_map([extractor], |r| {
                Ok((
                    r.get::<_, Option<i64>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            let (mut v, mut s) = (Vec::new(), Vec::new());
            for row in rows {
                let (id, corpus, bytes) = row?;
                if to_free <= 0 {
                    break;
                }
                to_free -= bytes.max(1);
                v.extend(id);
                s.extend(corpus);
            }
            (v, s)
        };
        if victims.is_empty() && settled.is_empty() {
            return Ok(0);
        }
        let tx = conn.transaction()?;
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER PRIMARY KEY); DELETE FROM temp.gone;",
        )?;
        {
            let mut ins = tx.prepare_cached("INSERT INTO temp.gone (id) VALUES (?1)")?;
            for id in &victims {
                ins.execute([id])?;
            }
            let mut del = tx.prepare_cached("DELETE FROM settled WHERE corpus = ?1")?;
            for c in &settled {
                del.execute([c])?;
            }
        }
        tx.execute_batch(
            "DELETE FROM events WHERE extract IN (SELECT id FROM temp.gone);
             DELETE FROM articles WHERE extract IN (SELECT id FROM temp.gone);
             DELETE FROM extracts WHERE id IN (SELECT id FROM temp.gone);
             DELETE FROM files WHERE NOT EXISTS
               (SELECT 1 FROM extracts x WHERE x.hash = files.hash AND x.format = files.format);",
        )?;
        tx.commit()?;
        // Each step of this pragma frees one page: step it to the end.
        let mut vacuum = conn.prepare("PRAGMA incremental_vacuum")?;
        let mut rows = vacuum.query([])?;
        while rows.next()?.is_some() {}
        Ok(victims.len() + settled.len())
    }
}

/// Every file row (path → what it held when last seen).
fn file_rows(conn: &rusqlite::Connection) -> Result<HashMap<String, FileRow>, IndexError> {
    let mut st = conn.prepare("SELECT path, size, mtime_ns, hash, format FROM files")?;
    let rows = st.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            FileRow {
                size: r.get(1)?,
                mtime_ns: r.get(2)?,
                hash: r.get(3)?,
                format: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The extracts `extractor` wrote, by (hash, format).
fn extract_rows(conn: &rusqlite::Connection, extractor: &str) -> Result<ExtractRows, IndexError> {
    let mut st =
        conn.prepare("SELECT id, hash, format, context FROM extracts WHERE extractor = ?1")?;
    let rows = st.query_map([extractor], |r| {
        Ok((
            (r.get::<_, String>(1)?, r.get::<_, String>(2)?),
            ExtractRow {
                id: r.get(0)?,
                context: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Reads extracts by id on one connection: a temporary table of the ids drives two joins
/// (CROSS JOIN keeps it the outer loop: ordering by the big table's key would make SQLite
/// scan all of it for every batch), rows in key order within each extract.
fn read_on(
    conn: &mut rusqlite::Connection,
    ids: &[i64],
) -> Result<HashMap<i64, FileResult>, IndexError> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS want (id INTEGER PRIMARY KEY); DELETE FROM temp.want;",
    )?;
    {
        let tx = conn.transaction()?;
        {
            let mut ins = tx.prepare_cached("INSERT OR IGNORE INTO temp.want (id) VALUES (?1)")?;
            for id in ids {
                ins.execute([id])?;
            }
        }
        tx.commit()?;
    }
    // An extract whose events do not decode is left out: the caller reads its file again
    // and the store that follows replaces its rows.
    scan(
        conn,
        "SELECT a.extract, a.idx, a.text, a.value
         FROM temp.want w CROSS JOIN articles a ON a.extract = w.id",
        ids.len(),
    )
    .map(|(out, _)| out)
}

/// Runs an articles query (columns: extract, idx, text, value; rows of one extract in `idx`
/// order) and groups the articles and their events by extract. Extracts with an article
/// whose value does not decode are left out and counted; an article whose paragraphs or
/// events point outside its text (or inside a character) is an error (the index is not to
/// be trusted).
fn scan(
    conn: &rusqlite::Connection,
    articles_sql: &str,
    expected: usize,
) -> Result<(HashMap<i64, FileResult>, usize), IndexError> {
    let mut out: HashMap<i64, FileResult> = HashMap::with_capacity(expected);
    let mut damaged: std::collections::HashSet<i64> = std::collections::HashSet::new();
    let mut st = conn.prepare(articles_sql)?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if damaged.contains(&id) {
            continue;
        }
        let idx: i64 = r.get(1)?;
        let part = out.entry(id).or_default();
        let next = part.articles.len() as i64;
        // Decoded straight onto the file's events (checked there, while the text just
        // copied is in the cache: checked afterwards, a million events' offsets each
        // fetched a cold line of 188 MB of text).
        let decoded = match (r.get_ref(2)?.as_str(), r.get_ref(3)?.as_blob()) {
            (Ok(text), Ok(value)) if idx == next => part.events.push_article_with(|events| {
                let from = events.len();
                let article =
                    super::blob::decode_onto(value, text.to_string(), idx as u32, events)?;
                let fits = super::load::offsets_fit(&article, &events[from..]);
                Some((article, fits))
            }),
            _ => None,
        };
        let Some((article, fits)) = decoded else {
            out.remove(&id);
            damaged.insert(id);
            continue;
        };
        if !fits {
            return Err(corrupt("offset into the text"));
        }
        part.articles.push(article);
    }
    Ok((out, damaged.len()))
}

/// Approximate bytes an extraction takes in the index (for eviction).
fn approx_bytes(r: &FileResult) -> usize {
    let arts: usize = r
        .articles
        .iter()
        .map(|a| 200 + a.text.len() + a.title.len() + 24 * a.paragraphs.len())
        .sum();
    let evs: usize = r
        .events
        .all()
        .iter()
        .map(|e| 90 + e.note.len() + e.timex_value.len() + 12 * e.country_spans.len())
        .sum();
    arts + evs
}
