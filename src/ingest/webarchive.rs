//! Safari's `.webarchive` ("save page as web archive"): a property list whose
//! `WebMainResource` holds the page's HTML, read by the page reader.
//!
//! The list is read as an event stream, keeping only the main resource's fields: no tree is
//! built, so a deeply nested or self-multiplying list (objects shared many times over)
//! costs neither stack nor memory, and the deadline is checked as events arrive.

use super::budget::Deadline;
use crate::model::{Article, Problem};
use plist::stream::Event;

/// Real archives nest a few levels (subresources, subframes).
const MAX_DEPTH: usize = 64;

fn failed(msg: impl Into<String>) -> Vec<Article> {
    vec![Article {
        problems: vec![Problem::error(msg)],
        ..Default::default()
    }]
}

#[derive(Default)]
struct Main {
    data: Option<Vec<u8>>,
    mime: Option<String>,
    encoding: Option<String>,
    url: Option<String>,
}

/// One open array or dictionary: for dictionaries, the key just read (values follow keys).
struct Open {
    dict: bool,
    key: Option<String>,
    /// This is the `WebMainResource` dictionary.
    main: bool,
}

fn main_resource(bytes: &[u8], deadline: Deadline) -> Result<Main, String> {
    let reader = plist::stream::Reader::new(std::io::Cursor::new(bytes));
    let mut stack: Vec<Open> = Vec::new();
    let mut main = Main::default();
    let mut found = false;
    for (n, ev) in reader.enumerate() {
        if n % 1024 == 0 && deadline.passed() {
            return Err("reading took longer than the time a file may take".into());
        }
        let ev = ev.map_err(|e| format!("not a readable web archive ({e})"))?;
        // A value inside a dictionary belongs to the key read before it; a string where a
        // key is expected is the key.
        let parent_key = match stack.last_mut() {
            Some(o) if o.dict => match (&ev, o.key.is_none()) {
                (Event::String(k), true) => {
                    o.key = Some(k.to_string());
                    continue;
                }
                (Event::EndCollection, _) => None,
                _ => o.key.take(),
            },
            _ => None,
        };
        let in_main = stack.last().is_some_and(|o| o.main);
        match ev {
            Event::StartArray(_) | Event::StartDictionary(_) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("nested more than {MAX_DEPTH} levels deep"));
                }
                let dict = matches!(ev, Event::StartDictionary(_));
                let is_main =
                    dict && stack.len() == 1 && parent_key.as_deref() == Some("WebMainResource");
                found |= is_main;
                stack.push(Open {
                    dict,
                    key: None,
                    main: is_main,
                });
            }
            Event::EndCollection if stack.pop().is_some_and(|o| o.main) => break,
            Event::EndCollection => {}
            Event::Data(d) if in_main && parent_key.as_deref() == Some("WebResourceData") => {
                main.data = Some(d.into_owned());
            }
            Event::String(s) if in_main => match parent_key.as_deref() {
                Some("WebResourceMIMEType") => main.mime = Some(s.into_owned()),
                Some("WebResourceTextEncodingName") => main.encoding = Some(s.into_owned()),
                Some("WebResourceURL") => main.url = Some(s.into_owned()),
                _ => {}
            },
            _ => {}
        }
    }
    if !found {
        return Err("a property list without a WebMainResource: not a web archive".into());
    }
    Ok(main)
}

pub(crate) fn read_webarchive(bytes: &[u8], deadline: Deadline) -> Vec<Article> {
    let main = match main_resource(bytes, deadline) {
        Ok(m) => m,
        Err(e) => return failed(e),
    };
    let Some(data) = main.data else {
        return failed("the web archive's main resource has no data");
    };
    let mime = main.mime.as_deref().unwrap_or("text/html");
    if !mime.contains("html") && !mime.contains("xml") {
        return failed(format!("the web archive holds {mime}, not a page"));
    }
    // The archive names the encoding the page was decoded with; the page reader's own
    // detection is the fallback.
    let doc = match main
        .encoding
        .as_deref()
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
    {
        Some(enc) => super::html::read_html_str(&enc.decode(&data).0),
        None => super::html::read_html(&data),
    };
    let mut a = super::article_from_html(doc);
    if a.url.is_none() {
        a.url = main.url;
    }
    vec![a]
}
