//! The moment an archiver says it saved a page, and relative times ("2 days ago") counted
//! back from it.
//!
//! A page's script prints "3 hours ago" against the clock of the moment it runs; a page
//! saved by a browser extension or an archive keeps that text as it was printed when it was
//! saved. Where the archiver writes that moment down, the relative time names a day:
//! SingleFile's comment (`saved date: Sat Sep 16 2023 10:22:31 GMT+0200 (…)`), Save Page
//! WE's `<meta name="savepage-date">` (the same form), the Wayback Machine's closing
//! comment (`FILE ARCHIVED ON 01:40:12 Sep 15, 2023 AND RETRIEVED …`), HTTrack's
//! (`Mirrored from … by HTTrack Website Copier/3.x […], Fri, 15 Sep 2023 09:30:00 GMT`)
//! and an MHTML file's `Date:` header (read in `ingest::mail`). Without one nothing is
//! counted: a "saved from url" comment states no time, and a file's time is when it was
//! last copied, not when its text was printed.

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// The archiver's moment in a comment of the page (only the first 2 KB are looked at).
pub(super) fn from_comment(comment: &str) -> Option<NaiveDateTime> {
    let head = comment.get(..comment.len().min(2048)).unwrap_or(comment);
    if let Some(i) = head.find("saved date:") {
        return script_date(&head[i + "saved date:".len()..]);
    }
    if let Some(i) = head.find("FILE ARCHIVED ON ") {
        let rest = &head[i + "FILE ARCHIVED ON ".len()..];
        let end = rest.find(" AND ")?;
        return NaiveDateTime::parse_from_str(rest[..end].trim(), "%H:%M:%S %b %d, %Y").ok();
    }
    if head.contains("by HTTrack Website Copier") {
        // "…[XR&CO'2014], Fri, 15 Sep 2023 09:30:00 GMT"
        let at = head.find("], ")? + "], ".len();
        let words: Vec<&str> = head[at..].split_whitespace().take(5).collect();
        return NaiveDateTime::parse_from_str(&words.join(" "), "%a, %d %b %Y %H:%M:%S").ok();
    }
    None
}

/// Where an archive keeps the address of the page it captured, after the capture's
/// moment: the Wayback Machine (`https://web.archive.org/web/20230915014012/https://…`,
/// with a mode after the digits such as `id_`) and archive.today (`https://archive.ph/
/// 2023.09.15-014012/https://…`). The page's own address and the moment as written.
fn archived(u: &str) -> Option<(&str, &str)> {
    let rest = u.split_once("://")?.1;
    let (host, path) = rest.split_once('/')?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = if host == "web.archive.org" {
        path.strip_prefix("web/")?
    } else if matches!(
        host,
        "archive.ph" | "archive.today" | "archive.is" | "archive.li" | "archive.md" | "archive.vn"
    ) {
        path
    } else {
        return None;
    };
    let (moment, own) = path.split_once('/')?;
    let digits = moment.bytes().filter(u8::is_ascii_digit).count();
    let dated = moment.starts_with(|c: char| c.is_ascii_digit()) && digits >= 8;
    (dated && !own.is_empty()).then_some((own, moment))
}

/// The page's own address inside an archive's (see [`archived`]), else `u`.
pub(super) fn original_address(u: &str) -> &str {
    archived(u).map_or(u, |(own, _)| own)
}

/// The moment an archive's address says the page was captured (the archive's clock, UTC).
pub(super) fn captured_at(u: &str) -> Option<NaiveDateTime> {
    let (_, moment) = archived(u)?;
    let digits: String = moment
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    NaiveDateTime::parse_from_str(&digits, "%Y%m%d%H%M%S").ok()
}

/// The archiver's moment in a `<meta>` of the page (`savepage-date`).
pub(super) fn from_meta(key: &str, content: &str) -> Option<NaiveDateTime> {
    (key == "savepage-date")
        .then(|| script_date(content))
        .flatten()
}

/// A date as a browser script writes it (`Date.toString()`): "Sat Sep 16 2023 10:22:31
/// GMT+0200 (Central European Summer Time)"; the clock of the zone it names.
fn script_date(s: &str) -> Option<NaiveDateTime> {
    let words: Vec<&str> = s.split_whitespace().take(5).collect();
    NaiveDateTime::parse_from_str(&words.join(" "), "%a %b %d %Y %H:%M:%S").ok()
}

/// Words that put a count of units before now, before the count ("vor 3 Stunden",
/// "hace 2 días", "il y a 2 jours", "há 2 dias") or after the unit ("2 days ago", "2
/// giorni fa", "2 dagen geleden").
const BEFORE: &[&str] = &["vor", "hace", "há"];
const AFTER: &[&str] = &["ago", "fa", "geleden"];

/// Units a page counts back in, as seconds. Weeks and months are left out: "3 weeks ago"
/// covers seven days, so it names no day.
const UNITS: &[(&str, i64)] = &[
    ("s", 1),
    ("sec", 1),
    ("secs", 1),
    ("second", 1),
    ("seconds", 1),
    ("m", 60),
    ("min", 60),
    ("mins", 60),
    ("minute", 60),
    ("minutes", 60),
    ("minuten", 60),
    ("minuto", 60),
    ("minutos", 60),
    ("minuti", 60),
    ("h", 3600),
    ("hr", 3600),
    ("hrs", 3600),
    ("hour", 3600),
    ("hours", 3600),
    ("stunde", 3600),
    ("stunden", 3600),
    ("hora", 3600),
    ("horas", 3600),
    ("heure", 3600),
    ("heures", 3600),
    ("ora", 3600),
    ("ore", 3600),
    ("uur", 3600),
    ("d", 86400),
    ("day", 86400),
    ("days", 86400),
    ("tag", 86400),
    ("tagen", 86400),
    ("día", 86400),
    ("días", 86400),
    ("dia", 86400),
    ("dias", 86400),
    ("jour", 86400),
    ("jours", 86400),
    ("giorno", 86400),
    ("giorni", 86400),
    ("dag", 86400),
    ("dagen", 86400),
];

/// Units glued to their count in Chinese, Japanese and Korean, each followed by 前 or 전
/// ("3時間前", "2天前", "5분 전").
const CJK_UNITS: &[(&str, i64)] = &[
    ("秒", 1),
    ("分钟", 60),
    ("分鐘", 60),
    ("分", 60),
    ("小时", 3600),
    ("小時", 3600),
    ("時間", 3600),
    ("日", 86400),
    ("天", 86400),
    ("초", 1),
    ("분", 60),
    ("시간", 3600),
    ("일", 86400),
];

/// The day before, in words.
const YESTERDAY: &[&str] = &[
    "yesterday",
    "gestern",
    "ayer",
    "ontem",
    "ieri",
    "gisteren",
    "昨日",
    "昨天",
    "어제",
];

/// How long before its printing a short text says something happened: "2 days ago",
/// "3h ago", "vor 3 Stunden", "hace 2 días", "il y a 2 jours", "2 giorni fa", "3時間前",
/// "5분 전", "Yesterday". `None` for anything else, and for weeks, months and years,
/// which name no day.
pub(super) fn ago(text: &str) -> Option<Duration> {
    if text.chars().count() > 40 {
        return None;
    }
    let l = text.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| YESTERDAY.contains(w)) {
        return Some(Duration::days(1));
    }
    let count = |w: &str| -> Option<i64> {
        match w {
            "a" | "an" | "one" | "un" | "une" | "ein" | "einem" | "einer" | "uno" | "una" => {
                Some(1)
            }
            _ if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) => w.parse().ok(),
            _ => None,
        }
    };
    let unit = |w: &str| UNITS.iter().find(|(u, _)| *u == w).map(|(_, s)| *s);
    // A count glued to its unit: "3h", "45min".
    let glued = |w: &str| -> Option<i64> {
        let d = w.find(|c: char| !c.is_ascii_digit())?;
        Some(count(&w[..d])? * unit(&w[d..])?)
    };
    for (k, w) in words.iter().enumerate() {
        let before =
            k > 0 && (BEFORE.contains(&words[k - 1]) || words[..k].ends_with(&["il", "y", "a"]));
        let after = |j: usize| words.get(j).is_some_and(|x| AFTER.contains(x));
        if let Some(secs) = glued(w) {
            if before || after(k + 1) {
                return Some(Duration::seconds(secs));
            }
        }
        if let (Some(n), Some(u)) = (count(w), words.get(k + 1).and_then(|u| unit(u))) {
            if before || after(k + 2) {
                return Some(Duration::seconds(n * u));
            }
        }
    }
    // Chinese, Japanese, Korean: digits, a unit, then 前 or 전 ("3時間前", "5분 전").
    let squeezed: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = squeezed.as_str();
    while let Some(d) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits = &rest[d..];
        let e = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        let after_digits = &digits[e..];
        for (u, secs) in CJK_UNITS {
            if let Some(tail) = after_digits.strip_prefix(u) {
                if tail.starts_with('前') || tail.starts_with('전') {
                    let n: i64 = digits[..e].parse().ok().filter(|n| *n < 1000)?;
                    return Some(Duration::seconds(n * secs));
                }
            }
        }
        rest = after_digits;
    }
    None
}

/// A word of a relative time: a count, a unit, "ago" and its kin, "yesterday".
pub(super) fn is_relative_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || matches!(w, "a" | "an" | "one" | "il" | "y")
        || BEFORE.contains(&w)
        || AFTER.contains(&w)
        || YESTERDAY.contains(&w)
        || UNITS.iter().any(|(u, _)| *u == w)
        || w.find(|c: char| !c.is_ascii_digit())
            .is_some_and(|d| d > 0 && UNITS.iter().any(|(u, _)| *u == &w[d..]))
}

/// The day a relative time (see [`ago`]) printed at `saved` names.
pub(super) fn counted_back(saved: NaiveDateTime, text: &str) -> Option<NaiveDate> {
    let back = ago(text)?;
    saved.checked_sub_signed(back).map(|t| t.date())
}
