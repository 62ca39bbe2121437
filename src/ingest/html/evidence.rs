//! Where a page states when it was published (or updated), as candidates for
//! [`super::decide`]: metadata in any vocabulary (`<meta>` keys named for publication in
//! words we have not listed are read too, glued or not), microdata and RDFa (`itemprop` /
//! `property` on any element), elements marked as the publication time (`<time pubdate>`,
//! `class="published"`, `data-timestamp`), `<time>` (or another element with `datetime`)
//! next to the headline, bylines ("Published ...", "Posted on ...", "기사입력 ...", "Fecha
//! de publicación: ...", a date-named box, or its attribute when it shows "3 hours ago";
//! without one, "3 hours ago" counted back from when an archiver says it saved the page,
//! see [`super::saved`]) and short dated lines around the headline.
//!
//! Position matters for visible dates: a page's header often shows today's date and its
//! sidebars and footers other stories' dates, while the article's own date sits next to its
//! headline. So visible candidates are looked for after the headline first, and a date
//! found only before it is trusted less.

use super::dates::{
    find_dates, is_date_line, normalize_digits, num, parse_epoch, parse_stamp, short_year_date,
    Order, ShortYear, Stamp,
};
use super::dom::{
    AttrName, Doc, A, ABBR, BLOCKQUOTE, BODY, CAPTION, FIGCAPTION, FIGURE, H1, H2, H3, H4, HTML,
    INPUT, META, NONE, SCRIPT, TEXT, TIME,
};
use super::extract::words;
use super::meta::inner_text;
use super::pagetext::in_code;
use super::phrases::{contains_any, PUBLICATION_NOUNS, PUBLISHED_WORDS, UPDATED_WORDS};
use chrono::{NaiveDate, NaiveDateTime};

/// Kinds of evidence, most trusted first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// JSON-LD `datePublished` of the page's article object.
    JsonLdArticle,
    /// A `<meta>` key of a known vocabulary (`article:published_time`, Dublin Core...).
    MetaKnown,
    /// JSON-LD `datePublished` of another object of the page (`WebPage`, `VideoObject`).
    JsonLdOther,
    /// `itemprop="datePublished"` on an element.
    Microdata,
    /// An element marked as the publication time: `<time pubdate>`, `class="published"`,
    /// `data-published`.
    Marked,
    /// A `<meta>` key that names publication in words of its own (`weibo:article:create_at`).
    MetaGuessed,
    /// A `<time datetime>` near the headline.
    Time,
    /// The page's own URL.
    Url,
    /// A byline: a date-named box or a "Published ..." line.
    Byline,
    /// A date box's numeric date with a two-digit year ("11/19/19"): which number is which
    /// is read from the page's ways, so it states a date where nothing else does but never
    /// disputes a date written in full.
    ShortYear,
    /// A relative time ("2 days ago") counted back from the moment an archiver states it
    /// saved the page (see [`super::saved`]): a date where nothing else gives one, never a
    /// rival to a stated date (the page rounds, and the archiver's clock is its own).
    Counted,
    /// A short dated line next to the headline.
    Headline,
    /// A date the address states in a form that needs a reading the address cannot confirm:
    /// a query value (`?date=2023-09-14`, `&d=20230914`), or a day and month both 12 or
    /// less before the year (`/05/09/2023/`) read in the page's numeric order. A date where
    /// nothing else gives one, never a rival or a second voice.
    UrlGuessed,
    /// A publication key in a script's data (a framework's page state).
    ScriptState,
    /// A date-named box or `<time>` above the headline: often the page header's "today".
    AboveHeadline,
}

/// Which part of the page a kind of evidence comes from: sources of different parts that
/// agree corroborate each other (a CMS field, what readers see, the address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Machine,
    Visible,
    Address,
}

impl Kind {
    pub fn family(self) -> Family {
        match self {
            Kind::JsonLdArticle
            | Kind::MetaKnown
            | Kind::JsonLdOther
            | Kind::Microdata
            | Kind::MetaGuessed
            | Kind::ScriptState => Family::Machine,
            Kind::Marked
            | Kind::Time
            | Kind::Byline
            | Kind::ShortYear
            | Kind::Counted
            | Kind::Headline
            | Kind::AboveHeadline => Family::Visible,
            Kind::Url | Kind::UrlGuessed => Family::Address,
        }
    }
    /// Evidence that can contradict another: all but the guesses around the headline.
    pub fn strong(self) -> bool {
        !matches!(
            self,
            Kind::Headline
                | Kind::AboveHeadline
                | Kind::MetaGuessed
                | Kind::ScriptState
                | Kind::ShortYear
                | Kind::Counted
                | Kind::UrlGuessed
        )
    }
}

/// One statement of a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    pub date: NaiveDate,
    pub kind: Kind,
    /// The date of a time stated in UTC (see [`Stamp::utc`]).
    pub utc: bool,
    pub confidence: f32,
    pub note: String,
    /// A modification date, not the publication.
    pub modified: bool,
}

impl Cand {
    pub fn new(stamp: Stamp, kind: Kind, confidence: f32, note: String, modified: bool) -> Cand {
        Cand {
            date: stamp.date,
            kind,
            utc: stamp.utc,
            confidence,
            note,
            modified,
        }
    }
}

/// `<meta>` keys of known vocabularies that state the publication, most trusted first.
const PUB_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "datepublished",
    "date",
    "dc.date.issued",
    "dc.date",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
    "release_date",
    "displaydate",
    "datecreated",
];
/// Keys of known vocabularies that state the last modification.
const MOD_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
    "lastmod",
];

/// A `<meta>` key and value as date evidence, if the key names publication or
/// modification. Known keys first (Dublin Core with either prefix form, `dc:date` or
/// `DC.date`); any other key is read by its words, also inside glued words ("publish",
/// "publication", "pub", "created", "issued", "release", "posted", "regdate" / "modified",
/// "updated", "revised"), unless they say the date is of something else (expiry,
/// embargo, a crawl, an event).
pub fn meta_key(key: &str, content: &str) -> Option<Cand> {
    // Dublin Core is written `DC.date` in HTML and `dc:date` in RDFa: one vocabulary.
    let dc: String;
    let key = match key.split_once(':') {
        Some((pre @ ("dc" | "dcterms"), rest)) => {
            dc = format!("{pre}.{rest}");
            dc.as_str()
        }
        _ => key,
    };
    let stamp = || {
        parse_stamp(content).or_else(|| {
            (key.contains("time") || key.contains("stamp"))
                .then(|| parse_epoch(content))
                .flatten()
        })
    };
    if let Some(rank) = PUB_META.iter().position(|k| *k == key) {
        // Among known keys the order is kept in the confidence's last digits.
        let c = 0.95 - rank as f32 * 1e-4;
        return Some(Cand::new(
            stamp()?,
            Kind::MetaKnown,
            c,
            format!("meta {key}"),
            false,
        ));
    }
    if MOD_META.contains(&key) {
        return Some(Cand::new(
            stamp()?,
            Kind::MetaKnown,
            0.95,
            format!("meta {key}"),
            true,
        ));
    }
    let words: Vec<&str> = key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const ELSE: &[&str] = &[
        "expir",
        "embargo",
        "birth",
        "crawl",
        "fetch",
        "saved",
        "index",
        "access",
        "valid",
        "start",
        "end",
        "event",
        "copyright",
        "review",
        "print",
        "cache",
        "deadline",
    ];
    if words.iter().any(|w| ELSE.iter().any(|e| w.starts_with(e))) {
        return None;
    }
    let modified = words.iter().any(|w| {
        w.contains("modif") || w.contains("updat") || w.contains("lastmod") || w.contains("revis")
    });
    // Words glued together are read inside a word too (`OriginalPublicationDate`,
    // `rbpubdate`, `dateposted`); "publisher" names who, not when. A registration date
    // (`og:regDate`, Korean CMSs' 등록일) is when the story was entered: its creation.
    let names_publication = |w: &str| w.contains("publish") || w.contains("publicat");
    let published = words
        .iter()
        .filter(|w| !w.starts_with("publisher"))
        .any(|w| {
            names_publication(w)
                || w.starts_with("pub")
                || w.contains("pubdate")
                || w.contains("pubtime")
                || w.starts_with("creat")
                || w.contains("posted")
                || w.contains("regdate")
                || w.starts_with("regist")
                || matches!(
                    *w,
                    "issued" | "release" | "released" | "ptime" | "pdate" | "reg"
                )
        });
    if !modified && !published {
        return None;
    }
    // A key read by its words is a guess at what the date is: below firm on its own,
    // unless a word of it names publication outright (`published_at`, `publishtime`,
    // `OriginalPublicationDate`).
    let names_publication = words
        .iter()
        .any(|w| !w.starts_with("publisher") && names_publication(w))
        && !modified;
    Some(Cand::new(
        stamp()?,
        Kind::MetaGuessed,
        if names_publication { 0.85 } else { 0.75 },
        format!("meta {key}"),
        modified,
    ))
}

/// Class or id words of a box that holds a byline's date ("article__date", "post-meta",
/// "byline", "timestamp", "info" on Chinese news sites): (names a date box, names an update).
fn date_box_words(doc: &Doc, i: u32, buf: &mut Vec<String>) -> (bool, bool) {
    let mut dated = false;
    let mut updated = false;
    for name in [AttrName::Class, AttrName::Id] {
        let Some(v) = doc.attr(i, name) else { continue };
        for part in v.split_ascii_whitespace() {
            if part.len() > 60 {
                continue;
            }
            words(part, buf);
            for w in buf.iter() {
                let w = w.as_str();
                if w.contains("updat") || w.contains("modif") {
                    updated = true;
                } else if matches!(
                    w,
                    "byline"
                        | "dateline"
                        | "meta"
                        | "info"
                        | "posted"
                        | "published"
                        | "publish"
                        | "pubdate"
                        | "stamp"
                        | "timestamp"
                        | "time"
                        | "datetime"
                ) || w.starts_with("date")
                    || w.ends_with("date")
                    || w.starts_with("publish")
                {
                    dated = true;
                }
            }
        }
    }
    (dated || updated, updated)
}

/// Class, id or itemprop words that mark an element as the publication time
/// (`published`, `dt-published`, `entry-date`, `post-date`, `date-published`) or as the
/// update time (`updated`, `modified`): `Some(modified?)`.
fn marks_time(doc: &Doc, i: u32, buf: &mut Vec<String>) -> Option<bool> {
    let mut out = None;
    for name in [
        AttrName::Class,
        AttrName::Id,
        AttrName::Itemprop,
        AttrName::Name,
    ] {
        let Some(v) = doc.attr(i, name) else { continue };
        for part in v.split_ascii_whitespace() {
            if part.len() > 60 {
                continue;
            }
            words(part, buf);
            let has = |f: &dyn Fn(&str) -> bool| buf.iter().any(|w| f(w));
            if has(&|w| w.contains("updat") || w.contains("modif")) {
                return Some(true);
            }
            if has(&|w| w.starts_with("publish") || w == "pubdate" || w == "posted")
                || (has(&|w| w == "date") && has(&|w| matches!(w, "entry" | "post" | "article")))
            {
                out = Some(false);
            }
        }
    }
    out
}

/// A date in a line of text, and whether the line says it is an update: the first date a
/// publication word leads to ("Updated 18 Nov 2019 · Posted 17 Nov 2019" → 17 Nov), else
/// the first date no update word leads to ("on 27 Dec 2014, updated 28 Dec 2014" → 27 Dec),
/// else the update date itself (`modified` = true).
pub fn date_in_line(text: &str, order: Order) -> Option<(NaiveDate, bool)> {
    let t = normalize_digits(text);
    let found = find_dates(&t, order, 4);
    if let Some(hit) = postfix_marked(&t, &found) {
        return Some(hit);
    }
    let mut prev = 0;
    let mut plain = None;
    let mut update = None;
    for f in &found {
        // Found dates may overlap ("14.09.2023" inside a longer match): the cue is the
        // text since the previous date's end, empty when they overlap.
        let cue = t[prev.min(f.start)..f.start].to_lowercase();
        prev = prev.max(f.end);
        // The word nearest the date decides: "Updated ... Posted 17 Nov".
        let last_pub = PUBLISHED_WORDS.iter().filter_map(|w| cue.rfind(w)).max();
        let last_upd = UPDATED_WORDS.iter().filter_map(|w| cue.rfind(w)).max();
        match (last_pub, last_upd) {
            (Some(p), Some(u)) if u > p => {
                update.get_or_insert(f.date);
            }
            (Some(_), _) => return Some((f.date, false)),
            (None, Some(_)) => {
                update.get_or_insert(f.date);
            }
            (None, None) => {
                plain.get_or_insert(f.date);
            }
        }
    }
    plain
        .map(|d| (d, false))
        .or_else(|| update.map(|d| (d, true)))
}

/// Publication and update words of Japanese, Chinese and Korean, which follow the date
/// they mark ("2023年9月14日 10時30分 更新", "2023-09-14 发布", "2023.09.14 수정").
const POSTFIX_PUB: &[&str] = &[
    "公開", "掲載", "配信", "投稿", "発行", "发布", "發布", "發佈", "发表", "發表", "刊登", "입력",
    "등록", "작성", "게재", "승인", "발행", "게시",
];
const POSTFIX_UPD: &[&str] = &["更新", "修改", "修正", "수정", "업데이트"];

/// In a line whose dates are followed by such a word (a clock time and a weekday may
/// come between), the word after a date says what it is: the first date marked as the
/// publication, else the first date marked as an update. `None` when no date in the line
/// is followed by one, and the words before the dates decide.
fn postfix_marked(t: &str, found: &[super::dates::Found]) -> Option<(NaiveDate, bool)> {
    // A word before the first date ("公開日：2023年9月14日 更新日：...") leads its date.
    let head = &t[..found.first()?.start];
    if POSTFIX_PUB
        .iter()
        .chain(POSTFIX_UPD)
        .any(|w| head.contains(w))
    {
        return None;
    }
    let mut update = None;
    let mut unmarked = None;
    for (n, f) in found.iter().enumerate() {
        let end = found.get(n + 1).map_or(t.len(), |g| g.start.max(f.end));
        let tail = t[f.end..end].trim_start_matches(|c: char| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || ":.,()（）[]【】午前後時分秒月火水木金土日AMPamp".contains(c)
        });
        if POSTFIX_PUB.iter().any(|w| tail.starts_with(w)) {
            return Some((f.date, false));
        }
        if POSTFIX_UPD.iter().any(|w| tail.starts_with(w)) {
            update.get_or_insert(f.date);
        } else {
            unmarked.get_or_insert(f.date);
        }
    }
    // An unmarked date beside a marked update is the publication.
    let update = update?;
    Some(unmarked.map_or((update, true), |d| (d, false)))
}

/// The headline: the first `<h1>` outside other stories' boxes that has text; on a page
/// without one, the first `<h2>`-`<h4>` whose text is the page's title (`title`, as the
/// metadata or `<title>` give it: "Headline | Site" starts with it).
pub(super) fn headline(doc: &Doc, foreign: &[bool], title: Option<&str>) -> Option<u32> {
    let h1 = doc
        .nodes
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(i, n)| n.tag == H1 && !foreign[*i])
        .map(|(i, _)| i as u32)
        .find(|&i| !inner_text(doc, i, 40).is_empty());
    if h1.is_some() {
        return h1;
    }
    let norm = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect()
    };
    let want = norm(title?);
    if want.len() < 8 {
        return None;
    }
    doc.nodes
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(i, n)| matches!(n.tag, H2 | H3 | H4) && !foreign[*i])
        .take(200)
        .map(|(i, _)| i as u32)
        .find(|&i| {
            let h = norm(&inner_text(doc, i, 300));
            h.len() >= 8 && want.starts_with(&h)
        })
}

/// Node `i` is a caption or holds one among its first elements (a box of a picture's
/// credits).
fn holds_caption(doc: &Doc, i: u32) -> bool {
    let mut stack = vec![i];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 40 {
            return false;
        }
        if matches!(doc.nodes[n as usize].tag, FIGCAPTION | CAPTION | FIGURE) {
            return true;
        }
        stack.extend(doc.children(n));
    }
    false
}

/// Node `i` is `anc` or lies within it (up to 12 levels down: a date box is small).
fn is_inside(doc: &Doc, mut i: u32, anc: u32) -> bool {
    for _ in 0..12 {
        if i == anc {
            return true;
        }
        i = doc.nodes[i as usize].parent;
        if i == NONE {
            return false;
        }
    }
    false
}

/// What an `itemprop` or RDFa `property` name says of a date: `Some(false)` the
/// publication (`datePublished`, `dateCreated`, Dublin Core's `dc:date`, `dc:created`,
/// `dcterms:issued`), `Some(true)` the last change. A vocabulary's prefix or address
/// (`schema:`, `https://schema.org/`) is left out.
fn item_date_role(name: &str) -> Option<bool> {
    let bare = name.rsplit(['/', ':', '#']).next().unwrap_or(name);
    let dublin_core = name.starts_with("dc:") || name.starts_with("dcterms:");
    match bare {
        "datepublished" | "datecreated" => Some(false),
        "datemodified" => Some(true),
        "date" | "created" | "issued" if dublin_core => Some(false),
        "modified" if dublin_core => Some(true),
        _ => None,
    }
}

/// A date box that shows its time relative to now ("3 hours ago", "hace 2 horas", "vor
/// 3 Stunden", "3時間前") keeps the time itself in an attribute, for the script that
/// writes the text and for a reader's tooltip: the `title`, `datetime` or a date-named
/// `data-*` of the box or of an element inside it. Read only when the box's text states
/// no date and is short (a relative time, not a paragraph). The date, and whether the
/// text or the attribute calls it an update ("Updated 2 hours ago").
fn relative_time_stamp(doc: &Doc, i: u32, text: &str) -> Option<(NaiveDate, bool)> {
    if text.chars().count() > 40 {
        return None;
    }
    let update = |t: &str| {
        let l = t.to_lowercase();
        contains_any(&l, UPDATED_WORDS) && !contains_any(&l, PUBLISHED_WORDS)
    };
    let read = |n: u32| -> Option<(NaiveDate, bool)> {
        [
            doc.attr(n, AttrName::Title),
            doc.attr(n, AttrName::Datetime),
            doc.attr(n, AttrName::DataDate),
        ]
        .into_iter()
        .flatten()
        .find_map(|v| {
            let s = parse_stamp(v).or_else(|| parse_epoch(v))?;
            Some((s.date, update(text) || update(v)))
        })
    };
    let mut stack = vec![i];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 12 {
            break;
        }
        if doc.nodes[n as usize].tag == TEXT {
            continue;
        }
        if let Some(s) = read(n) {
            return Some(s);
        }
        stack.extend(doc.children(n));
    }
    None
}

/// A date-bearing attribute of an element: `datetime`, `content`, `data-*` dates, an
/// `<abbr>`'s `title`, an input's `value`.
fn attr_stamp(doc: &Doc, i: u32) -> Option<Stamp> {
    let node = &doc.nodes[i as usize];
    let mut vals = vec![
        doc.attr(i, AttrName::Datetime),
        doc.attr(i, AttrName::Content),
        doc.attr(i, AttrName::DataDate),
    ];
    if node.tag == ABBR {
        vals.push(doc.attr(i, AttrName::Title));
    }
    vals.push(doc.attr(i, AttrName::Value));
    vals.into_iter()
        .flatten()
        .find_map(|v| parse_stamp(v).or_else(|| parse_epoch(v)))
}

/// Visible and in-markup evidence (everything but `<meta>`, JSON-LD and the URL), never
/// from inside other stories' boxes (`foreign`: comments, related lists, share bars).
pub fn visible(
    doc: &Doc,
    foreign: &[bool],
    order: Order,
    short: ShortYear,
    title: Option<&str>,
    saved: Option<NaiveDateTime>,
) -> Vec<Cand> {
    let mut out = Vec::new();
    // A relative time counted back from the archiver's moment, and whether the text calls
    // it an update ("Updated 2 hours ago").
    let counted = |t: &str| {
        let date = super::saved::counted_back(saved?, t)?;
        let l = t.to_lowercase();
        Some((
            date,
            contains_any(&l, UPDATED_WORDS) && !contains_any(&l, PUBLISHED_WORDS),
        ))
    };
    let h1 = headline(doc, foreign, title);
    let after = |i: u32| h1.is_none_or(|h| i > h);
    let mut buf = Vec::new();
    // Visible candidates before the headline (the last one seen) and after it (the first).
    let mut time_before: Option<Cand> = None;
    let mut time_after: Option<Cand> = None;
    let mut box_before: Option<Cand> = None;
    let mut box_after: Option<Cand> = None;
    // A relative time counted back from the saved moment (see `counted`), after the headline.
    let mut counted_after: Option<Cand> = None;
    let mut boxes_tried = 0;
    let mut update_box: Option<u32> = None;
    for (idx, node) in doc.nodes.iter().enumerate().skip(1) {
        let i = idx as u32;
        // A hidden input is dead to the text but holds a date for its own box.
        let outside = if node.tag == INPUT {
            node.parent == NONE || foreign[node.parent as usize]
        } else {
            foreign[idx]
        };
        if node.tag == TEXT || node.tag == META || node.tag == SCRIPT || outside {
            continue;
        }
        // Microdata, and RDFa's `property` on an element of the body.
        let item = doc
            .attr(i, AttrName::Itemprop)
            .map(|v| (v, "itemprop"))
            .or_else(|| doc.attr(i, AttrName::Property).map(|v| (v, "property")));
        if let Some((ip, attr)) = item {
            let ip = ip.to_ascii_lowercase();
            let role = ip.split_ascii_whitespace().find_map(item_date_role);
            if let Some(modified) = role {
                let stamp = attr_stamp(doc, i).or_else(|| {
                    let t = inner_text(doc, i, 100);
                    super::dates::parse_text_date_in(&t, order)
                        .map(|date| Stamp { date, utc: false })
                });
                if let Some(s) = stamp {
                    out.push(Cand::new(
                        s,
                        Kind::Microdata,
                        0.9,
                        format!("{attr} {ip}"),
                        modified,
                    ));
                }
                continue;
            }
        }
        // Elements marked as the publication (or update) time.
        let marked = if doc.attr(i, AttrName::Pubdate).is_some() {
            Some(false)
        } else {
            marks_time(doc, i, &mut buf)
        };
        if let Some(modified) = marked {
            if let Some(s) = attr_stamp(doc, i) {
                let note = format!(
                    "<{} {}> marked as the {} time",
                    doc.tag_name(i),
                    if node.tag == TIME {
                        "datetime"
                    } else {
                        "attribute"
                    },
                    if modified { "update" } else { "publication" }
                );
                out.push(Cand::new(s, Kind::Marked, 0.9, note, modified));
                continue;
            }
        }
        // A `<time>`, or another element with the `datetime` attribute that only `<time>`
        // has in HTML: a script's custom element that shows it (`<amp-timeago>`,
        // `<relative-time>`); not `<ins>`/`<del>`, whose `datetime` is an edit's.
        let timed = node.tag == TIME
            || (doc.attr(i, AttrName::Datetime).is_some()
                && !matches!(doc.tag_name(i), "ins" | "del"));
        if timed {
            // The `datetime` attribute, else the element's own text when that is a date
            // (`<time class="c-meta">14 September 2023</time>`: many CMSs leave it out).
            let from_text = || {
                let t = inner_text(doc, i, 100);
                (t.len() < 100 && is_date_line(&t))
                    .then(|| date_in_line(&t, order))
                    .flatten()
                    .filter(|(_, upd)| !upd)
                    .map(|(date, _)| (Stamp { date, utc: false }, "<time> text".to_string()))
            };
            let stamp = doc
                .attr(i, AttrName::Datetime)
                .and_then(parse_stamp)
                .map(|s| (s, format!("<{} datetime>", doc.tag_name(i))))
                .or_else(|| (node.tag == TIME).then(from_text).flatten());
            // "<time>2 days ago</time>" on a page whose archiver says when it saved it.
            let ago = if stamp.is_none() && node.tag == TIME {
                let t = inner_text(doc, i, 60);
                counted(&t).map(|(date, upd)| (date, upd, t))
            } else {
                None
            };
            if let Some((date, upd, t)) = ago {
                out.push(Cand::new(
                    Stamp { date, utc: false },
                    Kind::Counted,
                    0.7,
                    format!("<time> \"{t}\" counted back from when the page was saved"),
                    upd,
                ));
            }
            if let Some((s, what)) = stamp {
                // The line around it says whether it is an update ("Updated <time>").
                let p = node.parent;
                let line = if p != NONE {
                    inner_text(doc, p, 160)
                } else {
                    String::new()
                };
                let lower = line.to_lowercase();
                let modified = line.len() < 160
                    && contains_any(&lower, UPDATED_WORDS)
                    && !contains_any(&lower, PUBLISHED_WORDS);
                if modified {
                    out.push(Cand::new(
                        s,
                        Kind::Time,
                        0.8,
                        format!("{what} after \"updated\""),
                        true,
                    ));
                } else if after(i) {
                    // Text read as a date is less sure than a machine-written value.
                    let conf = if what == "<time> text" { 0.75 } else { 0.85 };
                    time_after.get_or_insert(Cand::new(s, Kind::Time, conf, what.clone(), false));
                } else {
                    time_before = Some(Cand::new(
                        s,
                        Kind::AboveHeadline,
                        0.6,
                        format!("{what} above the headline"),
                        false,
                    ));
                }
            }
        }
        // Date-named boxes: the first after the headline, else the last before it.
        if box_after.is_none() && node.tag != A && node.first_child != NONE && boxes_tried < 400 {
            let (dated, upd_name) = date_box_words(doc, i, &mut buf);
            // A date box inside one already read as the update ("수정 <span
            // class=num_date>…</span>") holds that update's date, not another statement.
            // Nor is a picture's caption, which carries the photo's date.
            if dated
                && !update_box.is_some_and(|u| is_inside(doc, i, u))
                && !in_caption(doc, i)
                && !holds_caption(doc, i)
            {
                boxes_tried += 1;
                let t = inner_text(doc, i, 200);
                if t.len() < 200 {
                    let stated = date_in_line(&t, order);
                    let behind = if stated.is_none() {
                        relative_time_stamp(doc, i, &t)
                    } else {
                        None
                    };
                    // A two-digit year ("14.09.23"): in a box of its own only, and not
                    // firm where the page does not say which number is the year.
                    let short_year = if stated.is_none() && behind.is_none() {
                        short_year_line(&t, order, short)
                    } else {
                        None
                    };
                    let guess = short_year.is_some_and(|(_, _, sure)| !sure);
                    let how = if behind.is_some() {
                        " (its time in an attribute)"
                    } else if guess {
                        " (a two-digit year; which number is the year is a guess)"
                    } else if short_year.is_some() {
                        " (a two-digit year)"
                    } else {
                        ""
                    };
                    let short_year = short_year.map(|(d, u, _)| (d, u));
                    let parts = if stated.is_none() && behind.is_none() && short_year.is_none() {
                        date_from_parts(doc, i, order, &mut buf).map(|d| (d, false))
                    } else {
                        None
                    };
                    let ago = if stated.or(behind).or(short_year).or(parts).is_none() {
                        counted(&t)
                    } else {
                        None
                    };
                    let how = if ago.is_some() {
                        " (counted back from when the page was saved)"
                    } else {
                        how
                    };
                    let found = stated.or(behind).or(short_year).or(parts).or(ago);
                    if let Some((date, upd_text)) = found {
                        let lower = t.to_lowercase();
                        let modified =
                            upd_text || (upd_name && !contains_any(&lower, PUBLISHED_WORDS));
                        let s = Stamp { date, utc: false };
                        if modified {
                            update_box = Some(i);
                            out.push(Cand::new(
                                s,
                                Kind::Byline,
                                0.6,
                                format!("byline \"{t}\"{how} (an update date)"),
                                true,
                            ));
                        } else if ago.is_some() && after(i) {
                            // Kept aside: a later box that states its date is the byline.
                            counted_after.get_or_insert(Cand::new(
                                s,
                                Kind::Counted,
                                0.7,
                                format!("byline \"{t}\"{how}"),
                                false,
                            ));
                        } else if after(i) {
                            box_after = Some(Cand::new(
                                s,
                                if short_year.is_some() && stated.or(behind).is_none() {
                                    Kind::ShortYear
                                } else {
                                    Kind::Byline
                                },
                                if guess { 0.5 } else { 0.75 },
                                format!("byline \"{t}\"{how}"),
                                false,
                            ));
                        } else {
                            box_before = Some(Cand::new(
                                s,
                                Kind::AboveHeadline,
                                0.6,
                                format!("dated box above the headline \"{t}\"{how}"),
                                false,
                            ));
                        }
                    }
                }
            }
        }
    }
    out.extend(time_after.or(time_before));
    if box_after.is_none() {
        out.extend(counted_after);
    }
    out.extend(box_after.or(box_before));
    out.extend(published_line(doc, foreign, order));
    if let Some(h) = h1 {
        out.extend(near_headline(doc, foreign, h, order));
    }
    out
}

/// A date box's text that is a numeric date with a two-digit year, with at most a clock
/// time and three words beside it ("Posted 14.09.23 10:30 Uhr"): the date, whether the
/// words call it an update, and whether the reading is sure (see [`short_year_date`]).
fn short_year_line(t: &str, order: Order, short: ShortYear) -> Option<(NaiveDate, bool, bool)> {
    let t = after_byline_name(t);
    if t.chars().count() > 60 {
        return None;
    }
    let words = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .count();
    if words > 3 {
        return None;
    }
    let (date, sure) = short_year_date(&normalize_digits(t), order, short)?;
    let l = t.to_lowercase();
    let upd = contains_any(&l, UPDATED_WORDS) && !contains_any(&l, PUBLISHED_WORDS);
    Some((date, upd, sure))
}

/// A byline's date after the writers' names: "By Maria Lopez and Tom Reed | 9/14/23"
/// gives "9/14/23". The line must open with a byline word ("By", "Von", "Por") and the
/// names end at a separator (`|`, `·`, `•`, `–`, `—`); the date part is then judged on its
/// own, so a name never counts as words beside the date. Anything else is returned whole.
fn after_byline_name(t: &str) -> &str {
    let first = t
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(':')
        .to_lowercase();
    if t.chars().count() > 120 || !super::phrases::BYLINE_OPENERS.contains(&first.as_str()) {
        return t;
    }
    match t.rfind(['|', '·', '•', '–', '—']) {
        Some(at) => t[at..].trim_start_matches(['|', '·', '•', '–', '—']).trim(),
        None => t,
    }
}

/// A date box whose day, month and year are elements of their own: named by class
/// (`<span class="day">14</span><span class="month">Sep</span><span class="year">2023</span>`,
/// the parts styled apart with no separator between them), or digits in inline elements
/// with the separators between (`<span>14</span>/<span>09</span>/<span>2023</span>`). The
/// text read element by element puts a space between the parts, which no date form
/// takes; a browser shows them as one date. Bounded: the first 40 nodes of the box.
fn date_from_parts(doc: &Doc, i: u32, order: Order, buf: &mut Vec<String>) -> Option<NaiveDate> {
    let (mut day, mut mon, mut yr) = (None, None, None);
    let mut glued = String::new();
    let mut stack = vec![i];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 40 || glued.len() > 80 {
            return None;
        }
        let node = &doc.nodes[n as usize];
        if node.tag == TEXT {
            glued.push_str(doc.node_text(n));
            continue;
        }
        if n != i {
            if let Some(c) = doc.attr(n, AttrName::Class) {
                words(c, buf);
                let t = inner_text(doc, n, 20);
                let t = t.trim_matches(|c: char| !c.is_alphanumeric());
                match buf.last().map(String::as_str) {
                    Some("day") => day = num(t.as_bytes()).filter(|d| (1..=31).contains(d)),
                    Some("month" | "mon") => {
                        mon = num(t.as_bytes())
                            .filter(|m| (1..=12).contains(m))
                            .or_else(|| super::months::month(&t.to_lowercase()).map(i64::from))
                    }
                    Some("year" | "yr") => {
                        yr = num(t.as_bytes()).map(|y| if t.len() == 2 { y + 2000 } else { y })
                    }
                    _ => {}
                }
            }
        }
        let first = stack.len();
        stack.extend(doc.children(n));
        stack[first..].reverse();
    }
    if let (Some(d), Some(m), Some(y)) = (day, mon, yr) {
        return NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
            .filter(|_| (1990..=2200).contains(&y));
    }
    let glued = glued.trim();
    (glued.len() <= 40)
        .then(|| date_in_line(glued, order))
        .flatten()
        .filter(|(_, upd)| !upd)
        .map(|(d, _)| d)
}

/// Labels of a date field ("Date: 14 September 2023", "Fecha: ...", "日期：...").
const DATE_LABELS: &[&str] = &[
    "date:",
    "dated ",
    "fecha:",
    "data:",
    "datum:",
    "date :",
    "дата:",
    "tarih:",
    "tanggal:",
    "日期",
    "날짜",
    "تاريخ",
];

/// A short visible line that opens with a publication word: "Published 3 March 2021, 14:05
/// GMT", "Posted on ...", "Publicado el ...", "기사입력 : 2018-08-25 15:24".
fn published_line(doc: &Doc, foreign: &[bool], order: Order) -> Option<Cand> {
    for (idx, node) in doc.nodes.iter().enumerate() {
        if node.tag != TEXT || foreign[idx] {
            continue;
        }
        let t = doc
            .node_text(idx as u32)
            .trim_matches(|c: char| c.is_whitespace() || "[(|·•-".contains(c));
        if t.len() > 120 || t.len() < 4 {
            continue;
        }
        let lower = t.to_lowercase();
        // A label before a colon that names publication ("Fecha de publicación:").
        let label = lower
            .split_once([':', '：'])
            .map(|(l, _)| l)
            .filter(|l| l.chars().count() <= 30);
        let opens = PUBLISHED_WORDS.iter().any(|p| lower.starts_with(p))
            || DATE_LABELS.iter().any(|p| lower.starts_with(p))
            || label.is_some_and(|l| contains_any(l, PUBLICATION_NOUNS))
            || lower.starts_with("first published")
            || lower.starts_with("originally published")
            || lower.starts_with("기사입력");
        if !opens {
            continue;
        }
        // The date may be in the same text node or the next element ("Published <span>..").
        let mut line = t.to_string();
        let mut got = date_in_line(&line, order);
        if got.is_none() && node.parent != NONE {
            line = inner_text(doc, node.parent, 200);
            got = date_in_line(&line, order);
        }
        if let Some((date, modified)) = got {
            let note = format!(
                "byline \"{}\"",
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            return Some(Cand::new(
                Stamp { date, utc: false },
                Kind::Byline,
                0.75,
                note,
                modified,
            ));
        }
    }
    None
}

/// Inside a picture's caption (a file photo's caption carries the photo's date) or a
/// quotation (an embedded post carries its own date).
pub(super) fn in_caption(doc: &Doc, mut i: u32) -> bool {
    for _ in 0..8 {
        let p = doc.nodes[i as usize].parent;
        if p == NONE || p == 0 {
            return false;
        }
        if matches!(
            doc.nodes[p as usize].tag,
            FIGURE | FIGCAPTION | CAPTION | BLOCKQUOTE
        ) || doc.attr(p, AttrName::Class).is_some_and(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("caption") || c.contains("cutline")
        }) {
            return true;
        }
        i = p;
    }
    false
}

/// The line ends with a sentence's full stop, not with the abbreviated word for "year" or
/// "day" that Russian, Ukrainian, Polish and Lithuanian dates close with ("14 сентября
/// 2023 г.", "14 września 2023 r.", "2023 m. rugsėjo 14 d.").
pub(super) fn ends_a_sentence(line: &str) -> bool {
    let t = line.trim_end();
    if !t.ends_with(['.', '!', '?']) {
        return false;
    }
    let mut words = t.rsplit(char::is_whitespace);
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    let date_word = matches!(last, "г." | "гг." | "р." | "r." | "m." | "d.");
    !(date_word && !before.is_empty() && before.bytes().all(|b| b.is_ascii_digit()))
}

/// A short dated line right after the headline (up to the first paragraphs of the body),
/// or just above it within the headline's own box: "2023-11-17 20:52:15 来源：新华网",
/// "Jane Doe · 14 September 2023".
fn near_headline(doc: &Doc, foreign: &[bool], h1: u32, order: Order) -> Option<Cand> {
    let line_of = |i: usize| -> Option<(String, NaiveDate, bool)> {
        let t = doc.node_text(i as u32).trim();
        if t.is_empty() || t.len() > 150 || in_caption(doc, i as u32) || in_code(doc, i as u32) {
            return None;
        }
        // The element the text sits in gives the whole line ("<span>By</span> Jane, 3 May").
        let p = doc.nodes[i].parent;
        let line = if p != NONE && !matches!(doc.nodes[p as usize].tag, BODY | HTML) {
            inner_text(doc, p, 200)
        } else {
            t.to_string()
        };
        let line = if line.len() > 200 {
            t.to_string()
        } else {
            line
        };
        // A sentence of the body ("On June 1, 2022, Kenya and Peru met.") is not a byline,
        // unless it says it is one ("Published on 3 May 2021.").
        let lower = line.to_lowercase();
        if ends_a_sentence(&line) && !contains_any(&lower, PUBLISHED_WORDS) {
            return None;
        }
        let (d, m) = date_in_line(&line, order)?;
        Some((line, d, m))
    };
    // After the headline: the first short dated line, before the second long paragraph.
    let mut long = 0;
    let mut seen = 0;
    for (i, node) in doc.nodes.iter().enumerate().skip(h1 as usize + 1) {
        if node.tag != TEXT || foreign[i] {
            continue;
        }
        let len = doc.node_text(i as u32).trim().len();
        if len == 0 {
            continue;
        }
        seen += 1;
        if len >= 150 {
            long += 1;
            if long >= 2 {
                break;
            }
            continue;
        }
        if seen > 60 {
            break;
        }
        if let Some((line, date, modified)) = line_of(i) {
            if modified {
                continue;
            }
            return Some(Cand::new(
                Stamp { date, utc: false },
                Kind::Headline,
                0.7,
                format!("dated line after the headline \"{line}\""),
                false,
            ));
        }
    }
    // Above the headline, inside the headline's grandparent box (a kicker line).
    let mut top = h1;
    for _ in 0..2 {
        let p = doc.nodes[top as usize].parent;
        if p == NONE || p == 0 || matches!(doc.nodes[p as usize].tag, BODY | HTML) {
            break;
        }
        top = p;
    }
    let mut seen = 0;
    for i in ((top as usize + 1)..h1 as usize).rev() {
        if doc.nodes[i].tag != TEXT || foreign[i] {
            continue;
        }
        seen += 1;
        if seen > 10 {
            break;
        }
        if let Some((line, date, false)) = line_of(i) {
            return Some(Cand::new(
                Stamp { date, utc: false },
                Kind::AboveHeadline,
                0.6,
                format!("dated line above the headline \"{line}\""),
                false,
            ));
        }
    }
    None
}
