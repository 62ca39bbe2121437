//! The index's tables. Plain columns wherever an analyst would filter or join (title,
//! dates, sources, countries as text); what the app reads back of an article is one binary
//! value beside them (`articles.value`, see `blob.rs`) and its text. The README documents
//! them for `sqlite3`. Byte offsets are UTF-8 byte offsets into `articles.text`.

/// `PRAGMA application_id`: marks a SQLite file as a dateline index ("DLIX").
pub(crate) const APPLICATION_ID: i64 = 0x444c_4958;

/// `PRAGMA user_version`: bumped whenever the tables below or the way `rows.rs` encodes
/// values in them change (this module is not part of the extractor version). An index with
/// another number is rebuilt (the app's own) or refused (a shard), never read.
/// 5: an article's value ends in a CRC-32 rather than BLAKE3 (`blob.rs`, version 3).
pub(crate) const SCHEMA_VERSION: i64 = 5;

pub(crate) const CREATE: &str = r#"
CREATE TABLE files (
    path      TEXT PRIMARY KEY,   -- the file on disk, absolute
    display   TEXT NOT NULL,      -- the path as walked from what the user gave
    size      INTEGER NOT NULL,   -- bytes
    mtime_ns  INTEGER NOT NULL,   -- modification time (ns since 1970); -1: check the hash
    hash      TEXT NOT NULL,      -- blake3 of the file's bytes
    format    TEXT NOT NULL,      -- text, markdown, html, json
    used      INTEGER NOT NULL    -- unix time this file was last opened
);

CREATE TABLE extracts (
    id        INTEGER PRIMARY KEY,
    hash      TEXT NOT NULL,      -- files.hash
    format    TEXT NOT NULL,
    extractor TEXT NOT NULL,      -- the version of the code that extracted it
    context   TEXT NOT NULL,      -- the path and file date the publication dates were resolved with
    bytes     INTEGER NOT NULL,   -- approximate size of this extract's rows
    used      INTEGER NOT NULL,   -- unix time last opened (least recently used is evicted first)
    UNIQUE (hash, format, extractor)
);

CREATE TABLE articles (
    extract   INTEGER NOT NULL REFERENCES extracts(id),
    idx       INTEGER NOT NULL,   -- position in the file (JSON arrays hold several)
    content_hash TEXT NOT NULL,   -- the key of the user's corrections
    title     TEXT NOT NULL,
    outlet    TEXT,
    url       TEXT,
    language  TEXT,
    authors   TEXT NOT NULL,      -- JSON array of strings
    text      TEXT NOT NULL,      -- cleaned main text, paragraphs separated by a blank line
    file_date TEXT,               -- the file's modification date (YYYY-MM-DD)
    pub_date  TEXT,               -- YYYY-MM-DD, from the article's own evidence (before corpus-wide inference and corrections)
    pub_date_source TEXT,
    pub_date_confidence REAL,
    pub_date_note TEXT,
    value     BLOB NOT NULL,      -- what the app reads: the article but its text (paragraphs, all date evidence, problems...) and its events (index/blob.rs); the events the same as its rows in events
    PRIMARY KEY (extract, idx)
);

CREATE TABLE events (
    extract   INTEGER NOT NULL REFERENCES extracts(id),
    article   INTEGER NOT NULL,   -- articles.idx
    seq       INTEGER NOT NULL,   -- order within the article
    paragraph INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    date_start INTEGER NOT NULL,  -- the date phrase, bytes in articles.text
    date_end   INTEGER NOT NULL,
    timex     TEXT NOT NULL,      -- TIMEX3 value
    start     TEXT NOT NULL,      -- YYYY-MM-DD, inclusive
    end       TEXT NOT NULL,      -- YYYY-MM-DD, inclusive
    precision TEXT NOT NULL,      -- day, month, year
    countries TEXT NOT NULL,      -- ISO 3166-1 alpha-2 codes separated by spaces
    country_spans TEXT NOT NULL,  -- "start-end:CC" separated by spaces (bytes in articles.text)
    date_source TEXT NOT NULL,
    confidence REAL NOT NULL,
    note      TEXT NOT NULL,
    PRIMARY KEY (extract, article, seq)
) WITHOUT ROWID;             -- stored in key order: one extract's events are read in one run

CREATE TABLE settled (
    corpus    TEXT PRIMARY KEY,   -- the opened paths (a hash of them, absolute and sorted)
    key       TEXT NOT NULL,      -- hash of the corpus-wide steps' input (see index/settled.rs)
    bytes     INTEGER NOT NULL,   -- size of value
    used      INTEGER NOT NULL,   -- unix time last opened (the 8 most recent corpora are kept)
    value     BLOB NOT NULL       -- their results: inferred publication dates, clusters, salience, captions
);

CREATE VIEW event_rows AS
SELECT f.display AS file, a.idx AS article, a.title, e.start, e.end, e.precision,
       e.countries, e.date_source, e.confidence, e.timex,
       CAST(substr(CAST(a.text AS BLOB), e.date_start + 1, e.date_end - e.date_start) AS TEXT) AS date_text,
       CAST(substr(CAST(a.text AS BLOB), e.sentence_start + 1, e.sentence_end - e.sentence_start) AS TEXT) AS sentence
FROM events e
JOIN articles a ON a.extract = e.extract AND a.idx = e.article
JOIN extracts x ON x.id = e.extract
JOIN files f ON f.hash = x.hash AND f.format = x.format;
"#;
