//! E-mail (EML), mailboxes (MBOX) and pages saved as one MIME file (MHTML).
//!
//! Newsletters and news alerts arrive by mail: one article per message, the `Date:` header
//! as publication-date evidence (when it was sent), HTML parts through the page reader,
//! quoted replies and newsletter footers ("Unsubscribe", "View in browser") dropped. A
//! mailbox is streamed message by message, so a gigabyte of mail is never held whole and
//! stops at the time and memory budget with a problem saying how far it got.

use super::budget::{Budget, Deadline};
use crate::model::{Article, DatedEvidence, Problem, PubDateSource};
use mail_parser::{MessageParser, PartType};
use std::io::BufRead;

/// One message may use this much; the rest (attachments, usually) is not read.
const MAX_MESSAGE: usize = 16 << 20;

pub(crate) fn read_eml(bytes: &[u8]) -> Vec<Article> {
    vec![message_article(bytes, Kind::Mail)]
}

pub(crate) fn read_mhtml(bytes: &[u8]) -> Vec<Article> {
    vec![message_article(bytes, Kind::Page)]
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A message: the subject is the title, the Date: header is evidence.
    Mail,
    /// A saved page: the page's own metadata counts; its Date: is when it was saved.
    Page,
}

fn failed(msg: impl Into<String>) -> Article {
    Article {
        problems: vec![Problem::error(msg)],
        ..Default::default()
    }
}

fn message_article(raw: &[u8], kind: Kind) -> Article {
    let Some(msg) = MessageParser::default().parse(raw) else {
        return failed("not a readable MIME message");
    };
    if msg.headers().is_empty() {
        return failed("no message headers: not a readable e-mail or MHTML file");
    }
    let html = msg.html_part(0).and_then(|p| match &p.body {
        PartType::Html(h) => Some(h.as_ref()),
        _ => None,
    });
    let text = msg.text_part(0).and_then(|p| match &p.body {
        PartType::Text(t) => Some(t.as_ref()),
        _ => None,
    });
    let mut a = match (html, text, kind) {
        (Some(h), _, _) => {
            // A saved page's Date: is when it was saved, on the saver's clock.
            let saved = msg.date().filter(|_| kind == Kind::Page).and_then(|d| {
                chrono::NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)?
                    .and_hms_opt(d.hour as u32, d.minute as u32, d.second as u32)
            });
            let mut doc = super::html::read_saved_html_str(h, saved);
            if kind == Kind::Mail {
                doc.blocks = drop_replies_and_footers(doc.blocks, |b| b.text.as_str());
                // The page reader may drop the footer's first line ("Unsubscribe") as
                // boilerplate and keep what follows it (a postal address): find the cut in
                // the part's own lines and drop the blocks after it.
                let tail = html_tail(h);
                if !tail.is_empty() {
                    doc.blocks.retain(|b| !tail.contains(&squash(&b.text)));
                }
            }
            super::article_from_html(doc)
        }
        (None, Some(t), Kind::Mail) => {
            let lines: Vec<&str> = t.lines().collect();
            let kept = drop_replies_and_footers(lines, |l| l);
            super::text::read_text(&kept.join("\n"))
        }
        _ => {
            let what = if kind == Kind::Page {
                "no HTML part: not a saved page"
            } else {
                "no text or HTML part in this message"
            };
            return failed(what);
        }
    };
    // Mail is 7- or 8-bit text (binary parts travel as base64): control bytes mean damage.
    let control = raw
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if control > 0 {
        a.problems.push(Problem::warning(format!(
            "{control} control byte(s) in the message: it may be damaged"
        )));
    }
    let subject = msg.subject().map(clean_subject).unwrap_or_default();
    match kind {
        Kind::Mail => {
            if !subject.is_empty() {
                a.title = subject;
            }
            if a.outlet.is_none() {
                a.outlet = msg
                    .from()
                    .and_then(|f| f.first())
                    .and_then(|f| f.name().or(f.address()))
                    .map(str::to_string);
            }
            if let Some(d) = msg.date() {
                if let Some(date) =
                    chrono::NaiveDate::from_ymd_opt(d.year as i32, d.month as u32, d.day as u32)
                {
                    a.pub_date_evidence.push(DatedEvidence {
                        date,
                        source: PubDateSource::MailHeader,
                        confidence: 0.8,
                        note: format!(
                            "Date: header of the message ({})",
                            msg.header_raw("Date").unwrap_or("").trim()
                        ),
                    });
                }
            }
        }
        Kind::Page => {
            if a.title.is_empty() {
                a.title = subject;
            }
            if a.url.is_none() {
                a.url = msg
                    .header_raw("Snapshot-Content-Location")
                    .map(|s| s.trim().to_string());
            }
        }
    }
    a
}

/// "Re: Fwd: [Alerts] Storm closes port" → "Storm closes port".
fn clean_subject(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let lower = t.to_ascii_lowercase();
        let cut = ["re:", "fwd:", "fw:", "aw:", "wg:", "tr:"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .map(|p| p.len());
        if let Some(n) = cut {
            t = t[n..].trim_start();
        } else if t.starts_with('[') && t.contains(']') {
            t = t[t.find(']').map_or(0, |i| i + 1)..].trim_start();
        } else {
            return t.to_string();
        }
    }
}

/// Lines or blocks that end a message's own text: a reply's quote header, the signature
/// separator, a forwarded or original message's separator.
fn ends_message(t: &str) -> bool {
    let l = t.trim().to_ascii_lowercase();
    l == "--"
        || t == "-- "
        || (l.starts_with("on ") && l.ends_with("wrote:"))
        || l.contains("-----original message-----")
        || (l.starts_with("from:") && l.contains("sent:"))
}

/// Newsletter and mail footers: never article text.
fn is_footer(t: &str) -> bool {
    let l = t.trim().to_ascii_lowercase();
    if l.split_whitespace().count() > 40 {
        return false;
    }
    [
        "unsubscribe",
        "you are receiving this",
        "you received this",
        "you're receiving this",
        "manage your preferences",
        "manage your subscription",
        "update your preferences",
        "email preferences",
        "view in browser",
        "view this email in",
        "view it in your browser",
        "forward to a friend",
        "add us to your address book",
        "sent from my",
        "this email was sent to",
        "privacy policy",
    ]
    .iter()
    .any(|p| l.contains(p))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of an HTML part from where its footer or a quoted reply begins (see
/// [`cut_at`]), tags stripped and whitespace squashed.
fn html_tail(html: &str) -> Vec<String> {
    let mut plain = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                plain.push('\n');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace("&amp;", "&").replace("&nbsp;", " ");
    let lines: Vec<String> = plain
        .lines()
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect();
    match cut_at(&lines, |l| l.as_str()) {
        Some(i) => lines[i..].to_vec(),
        None => Vec::new(),
    }
}

/// Where a message's own text ends: a reply header or signature, or a footer line after
/// the text has begun.
fn cut_at<T>(items: &[T], text: impl Fn(&T) -> &str) -> Option<usize> {
    let mut seen_text = false;
    for (i, it) in items.iter().enumerate() {
        let t = text(it);
        if ends_message(t) || (is_footer(t) && seen_text) {
            return Some(i);
        }
        if !is_footer(t) && !t.trim_start().starts_with('>') {
            seen_text |= t.split_whitespace().count() >= 8;
        }
    }
    None
}

/// Keeps a message's own text: quoted lines (`>`) dropped, everything from a reply header
/// or signature on dropped, footer lines dropped, and everything after a footer that
/// follows the text dropped (addresses, legal lines).
fn drop_replies_and_footers<T>(mut items: Vec<T>, text: impl Fn(&T) -> &str) -> Vec<T> {
    if let Some(i) = cut_at(&items, &text) {
        items.truncate(i);
    }
    items.retain(|it| {
        let t = text(it);
        !t.trim_start().starts_with('>') && !is_footer(t)
    });
    items
}

/// Reads a mailbox from a stream: messages split at "From " lines, each parsed on its own,
/// stopping at the budget. Returns the articles and the blake3 hash of the bytes read.
pub(crate) fn read_mbox_stream(
    reader: impl std::io::Read + Send + 'static,
    total: u64,
    budget: &Budget,
) -> (Vec<Article>, String) {
    let b = *budget;
    match super::budget::run(budget, move |deadline| {
        read_mbox(reader, total, &b, deadline)
    }) {
        Ok(v) => v,
        Err(e) => {
            let msg = match e {
                super::budget::Overrun::Time(t) => format!(
                    "reading this mailbox took longer than the {} s a file may take: not read",
                    t.as_secs_f32()
                ),
                super::budget::Overrun::Panic(m) => {
                    format!("the mailbox reader failed on this file ({m}): not read")
                }
            };
            (vec![failed(msg)], String::new())
        }
    }
}

fn read_mbox(
    reader: impl std::io::Read,
    total: u64,
    budget: &Budget,
    deadline: Deadline,
) -> (Vec<Article>, String) {
    let mut r = std::io::BufReader::with_capacity(1 << 16, reader);
    let mut hasher = blake3::Hasher::new();
    let mut articles = Vec::new();
    let mut msg: Vec<u8> = Vec::new();
    let mut msg_cut = 0usize;
    let mut line = Vec::new();
    let mut read = 0u64;
    let mut kept = 0usize;
    let mut stop: Option<Problem> = None;
    let mut prev_blank = true;
    let mut started = false;
    loop {
        line.clear();
        let n = match r.read_until(b'\n', &mut line) {
            Ok(n) => n,
            Err(e) => {
                stop = Some(Problem::warning(format!("mailbox read error: {e}")));
                0
            }
        };
        if n > 0 {
            hasher.update(&line);
            read += n as u64;
        }
        let separator = n > 0 && prev_blank && line.starts_with(b"From ");
        if n == 0 || separator {
            if started && !msg.is_empty() {
                let mut a = message_article(&msg, Kind::Mail);
                if msg_cut > 0 {
                    a.problems.push(Problem::warning(format!(
                        "message is over {} MB: the rest of it (attachments) not read",
                        MAX_MESSAGE >> 20
                    )));
                }
                kept += a.text.len();
                articles.push(a);
            }
            msg.clear();
            msg_cut = 0;
            started = true;
            if n == 0 || stop.is_some() {
                break;
            }
            let over_time = deadline.passed();
            if over_time || kept > budget.memory / 2 {
                let why = if over_time {
                    format!("the {} s a file may take", budget.time.as_secs_f32())
                } else {
                    format!("the {} MB a file may use", budget.memory >> 20)
                };
                stop = Some(Problem::warning(format!(
                    "mailbox cut after {} message(s) ({} of {} MB read): reading passed {why}",
                    articles.len(),
                    read >> 20,
                    total.max(read) >> 20
                )));
                break;
            }
            prev_blank = false;
            continue;
        }
        if !started {
            // Text before the first "From " line: a lone message without a separator.
            started = true;
        }
        prev_blank = line.iter().all(|b| b.is_ascii_whitespace());
        if msg.len() + line.len() <= MAX_MESSAGE {
            // ">From " quoting of body lines is undone.
            if line.starts_with(b">From ") {
                msg.extend_from_slice(&line[1..]);
            } else {
                msg.extend_from_slice(&line);
            }
        } else {
            msg_cut += line.len();
        }
    }
    if articles.is_empty() {
        articles.push(failed("no messages in this mailbox"));
    }
    if let Some(p) = stop {
        if let Some(a) = articles.last_mut() {
            a.problems.push(p);
        }
    }
    (articles, hasher.finalize().to_hex().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const ALERT: &str = "From: Harbour Ledger Alerts <alerts@ledger.example>\r\nTo: desk@example.org\r\nSubject: [Alert] Ghana and Togo agree joint patrols\r\nDate: Tue, 12 Mar 2024 23:10:00 -0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nView this email in your browser\r\n\r\nGhana and Togo agreed on Tuesday to run joint patrols against illegal fishing in the Gulf of Guinea, officials said.\r\n\r\nThe first patrol will sail in April.\r\n\r\nYou are receiving this because you subscribed to alerts.\r\n123 Harbour Road\r\n\r\nOn Mon, 11 Mar 2024, Desk wrote:\r\n> earlier text\r\n";

    #[test]
    fn a_message_is_an_article_with_its_date_header() {
        let a = &read_eml(ALERT.as_bytes())[0];
        assert_eq!(a.title, "Ghana and Togo agree joint patrols");
        assert_eq!(a.outlet.as_deref(), Some("Harbour Ledger Alerts"));
        let ev = &a.pub_date_evidence[0];
        // The date as written in the sender's zone, not converted to UTC.
        assert_eq!(ev.date, NaiveDate::from_ymd_opt(2024, 3, 12).unwrap());
        assert_eq!(ev.source, PubDateSource::MailHeader);
        assert!(a.text.contains("joint patrols against illegal fishing"));
        assert!(a.text.contains("first patrol will sail in April"));
        for gone in [
            "View this email",
            "receiving this",
            "Harbour Road",
            "earlier text",
        ] {
            assert!(!a.text.contains(gone), "{gone} in {:?}", a.text);
        }
    }

    #[test]
    fn a_mailbox_is_many_articles() {
        let one = ALERT.replace("\r\n", "\n");
        let mbox = format!(
            "From alerts@ledger.example Tue Mar 12 23:10:00 2024\n{one}\nFrom alerts@ledger.example Wed Mar 13 08:00:00 2024\n{}\n",
            one.replace("Ghana and Togo", "Benin and Nigeria")
        );
        let (arts, hash) = read_mbox_stream(
            std::io::Cursor::new(mbox.into_bytes()),
            0,
            &Budget::default(),
        );
        assert_eq!(arts.len(), 2);
        assert!(arts[1].title.contains("Benin and Nigeria"));
        assert_eq!(hash.len(), 64);
    }

    #[test]
    fn garbage_is_a_problem() {
        let a = &read_eml(b"no headers here, just words")[0];
        assert!(!a.problems.is_empty());
    }
}
