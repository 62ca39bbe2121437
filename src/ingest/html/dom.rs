//! A forgiving HTML tokenizer and tree builder in one linear pass, with no recursion.
//!
//! Why our own: saved pages from the wild include hostile markup (100,000 nested `<div>`s,
//! tags with 200,000 attributes) that makes recursive parsers overflow the stack or take
//! minutes. Here every loop moves forward through the input, the open-element stack is
//! capped at [`MAX_DEPTH`], attributes per tag at [`MAX_ATTRS`], and nodes live in one
//! arena (`Vec<Node>`) indexed by `u32`. Nodes are created in document order, so a parent
//! always has a smaller index than its children: bottom-up passes are a reverse loop.
//!
//! The tree is "good enough" HTML: implied end tags for `p`, `li`, table cells and
//! headings, void elements, raw-text elements; no adoption agency, no foster parenting.

use super::entities::decode_entities_into;
use std::collections::HashMap;

/// Deepest element nesting kept; deeper start tags are dropped (their text is kept).
pub const MAX_DEPTH: usize = 512;
/// Attributes kept per tag; the rest are scanned over and dropped.
pub const MAX_ATTRS: usize = 64;
/// Sentinel for "no node".
pub const NONE: u32 = u32::MAX;

/// Tag names known to the extractor get fixed ids (their index here); others are interned
/// per document after these.
pub const KNOWN_TAGS: &[&str] = &[
    "#text",
    "html",
    "head",
    "body",
    "title",
    "meta",
    "link",
    "script",
    "style",
    "noscript",
    "p",
    "div",
    "span",
    "a",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "option",
    "input",
    "textarea",
    "iframe",
    "svg",
    "img",
    "section",
    "article",
    "main",
    "time",
    "hr",
    "label",
    "template",
    "caption",
    "address",
    "details",
    "summary",
    "menu",
    "dialog",
    "video",
    "audio",
    "picture",
    "source",
    "canvas",
    "object",
    "embed",
    "math",
    "b",
    "i",
    "em",
    "strong",
    "code",
    "small",
    "sup",
    "sub",
    "u",
    "s",
    "font",
    "center",
    "cite",
    "q",
    "abbr",
    "mark",
    "wbr",
    "area",
    "base",
    "col",
    "param",
    "track",
    "colgroup",
    "fieldset",
    "legend",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "frameset",
    "frame",
    "map",
];

macro_rules! tag_ids {
    ($($name:ident = $n:expr),* $(,)?) => { $(#[allow(dead_code)] pub const $name: u32 = $n;)* };
}
tag_ids! {
    TEXT = 0, HTML = 1, HEAD = 2, BODY = 3, TITLE = 4, META = 5, LINK = 6, SCRIPT = 7,
    STYLE = 8, NOSCRIPT = 9, P = 10, DIV = 11, SPAN = 12, A = 13, BR = 14, H1 = 15, H2 = 16,
    H3 = 17, H4 = 18, H5 = 19, H6 = 20, UL = 21, OL = 22, LI = 23, DL = 24, DT = 25, DD = 26,
    BLOCKQUOTE = 27, FIGURE = 28, FIGCAPTION = 29, PRE = 30, TABLE = 31, TR = 32, TD = 33,
    TH = 34, TBODY = 35, THEAD = 36, TFOOT = 37, NAV = 38, HEADER = 39, FOOTER = 40,
    ASIDE = 41, FORM = 42, BUTTON = 43, SELECT = 44, OPTION = 45, INPUT = 46, TEXTAREA = 47,
    IFRAME = 48, SVG = 49, IMG = 50, SECTION = 51, ARTICLE = 52, MAIN = 53, TIME = 54, HR = 55,
    LABEL = 56, TEMPLATE = 57, CAPTION = 58, ADDRESS = 59, DETAILS = 60, SUMMARY = 61,
    MENU = 62, DIALOG = 63, VIDEO = 64, AUDIO = 65, PICTURE = 66, SOURCE = 67, CANVAS = 68,
    OBJECT = 69, EMBED = 70, MATH = 71, B = 72, STRONG = 75, ABBR = 86, BASE = 90,
}

/// The attributes the extractor looks at; all others are skipped while tokenizing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrName {
    Class,
    Id,
    Style,
    Hidden,
    AriaHidden,
    Role,
    Itemprop,
    Itemtype,
    Property,
    Name,
    Content,
    HttpEquiv,
    Href,
    Rel,
    Datetime,
    Type,
    Lang,
    /// `title` (an `<abbr title="2021-03-03">` date), `value` (a hidden input's date).
    Title,
    Value,
    /// `pubdate` (HTML5 draft: this `<time>` is the publication date).
    Pubdate,
    /// The first `data-*` attribute whose name speaks of a date or time
    /// (`data-timestamp`, `data-published`, `data-date-utc`).
    DataDate,
}

fn attr_name(name: &[u8]) -> Option<AttrName> {
    use AttrName::*;
    let n = name.len();
    if n > 5 && n <= 40 && name[..5].eq_ignore_ascii_case(b"data-") {
        let rest = &name[5..];
        let has = |w: &[u8]| rest.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        return (has(b"date") || has(b"time") || has(b"publish") || has(b"stamp"))
            .then_some(DataDate);
    }
    if n == 0 || n > 11 {
        return None;
    }
    let mut buf = [0u8; 11];
    for (d, s) in buf.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..n] {
        b"class" => Class,
        b"id" => Id,
        b"style" => Style,
        b"hidden" => Hidden,
        b"aria-hidden" => AriaHidden,
        b"role" => Role,
        b"itemprop" => Itemprop,
        b"itemtype" => Itemtype,
        b"property" => Property,
        b"name" => Name,
        b"content" => Content,
        b"http-equiv" => HttpEquiv,
        b"href" => Href,
        b"rel" => Rel,
        b"datetime" => Datetime,
        b"type" => Type,
        b"lang" => Lang,
        b"title" => Title,
        b"value" => Value,
        b"pubdate" => Pubdate,
        _ => return None,
    })
}

#[derive(Clone, Debug)]
pub struct Node {
    /// Interned tag id; [`TEXT`] for text nodes.
    pub tag: u32,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    /// Text nodes: range into [`Doc::text`]. Raw-text elements (title, textarea, the
    /// scripts that may hold dates or a body, `<noscript>` and `<template>` markup as
    /// written): their content. Other elements: empty.
    pub text: (u32, u32),
    /// Range into [`Doc::attrs`].
    pub attrs: (u32, u32),
}

#[derive(Default)]
pub struct Doc {
    pub nodes: Vec<Node>,
    /// Decoded text of all text nodes and raw-text elements, back to back.
    pub text: String,
    pub attrs: Vec<(AttrName, (u32, u32))>,
    /// Attribute values, back to back (entities decoded).
    pub attr_text: String,
    pub tag_names: Vec<String>,
    /// Set when input nesting went past [`MAX_DEPTH`].
    pub depth_truncated: bool,
    /// Set when some tag had more than [`MAX_ATTRS`] attributes.
    pub attrs_truncated: bool,
    /// The address a browser or SingleFile saved the page from, as their comments record
    /// it (`<!-- saved from url=(0063)https://... -->`): the page's own URL when it names
    /// no canonical one.
    pub saved_from: Option<String>,
    /// The moment an archiver states it saved the page, on its own clock (see
    /// [`super::saved`]).
    pub saved_at: Option<chrono::NaiveDateTime>,
}

impl Doc {
    pub fn node_text(&self, i: u32) -> &str {
        let (a, b) = self.nodes[i as usize].text;
        self.text.get(a as usize..b as usize).unwrap_or("")
    }
    pub fn attr(&self, i: u32, name: AttrName) -> Option<&str> {
        let (a, b) = self.nodes[i as usize].attrs;
        self.attrs[a as usize..b as usize]
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, (s, e))| self.attr_text.get(*s as usize..*e as usize).unwrap_or(""))
    }
    pub fn children(&self, i: u32) -> Children<'_> {
        Children {
            doc: self,
            next: self.nodes[i as usize].first_child,
        }
    }
    pub fn tag_name(&self, i: u32) -> &str {
        self.tag_names
            .get(self.nodes[i as usize].tag as usize)
            .map(|s| s.as_str())
            .unwrap_or("")
    }
}

pub struct Children<'a> {
    doc: &'a Doc,
    next: u32,
}
impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let c = self.next;
        self.next = self.doc.nodes[c as usize].next_sibling;
        Some(c)
    }
}

fn is_void(t: u32) -> bool {
    matches!(t, META | LINK | BR | INPUT | IMG | HR | SOURCE | EMBED)
        || matches!(
            KNOWN_TAGS.get(t as usize),
            Some(&("wbr" | "area" | "base" | "col" | "param" | "track" | "frame"))
        )
}

fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "noscript"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
            | "plaintext"
            | "template"
    )
}

/// Start tags that close an open `<p>` (HTML's "close a p element" list, shortened).
fn closes_p(t: u32) -> bool {
    matches!(
        t,
        P | DIV
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | UL
            | OL
            | DL
            | BLOCKQUOTE
            | FIGURE
            | FIGCAPTION
            | PRE
            | TABLE
            | NAV
            | HEADER
            | FOOTER
            | ASIDE
            | FORM
            | SECTION
            | ARTICLE
            | MAIN
            | HR
            | ADDRESS
            | DETAILS
            | MENU
    )
}

struct Builder<'a> {
    src: &'a str,
    doc: Doc,
    stack: Vec<u32>,
    /// Open elements per tag id, so end tags with no open match are ignored in O(1).
    open_count: Vec<u32>,
    interner: HashMap<String, u32>,
    /// Start tags dropped beyond MAX_DEPTH and not yet closed.
    overflow: usize,
}

/// Parses `src` into a [`Doc`]. Linear in the input; never recurses.
pub fn parse(src: &str) -> Doc {
    let mut b = Builder {
        src,
        doc: Doc::default(),
        stack: Vec::new(),
        open_count: vec![0; KNOWN_TAGS.len()],
        interner: HashMap::new(),
        overflow: 0,
    };
    for (i, t) in KNOWN_TAGS.iter().enumerate() {
        b.interner.insert((*t).to_string(), i as u32);
        b.doc.tag_names.push((*t).to_string());
    }
    b.doc.text.reserve(src.len() / 3);
    // Node 0: the document root (tag "#text" is never used for elements; give it HTML).
    b.doc.nodes.push(Node {
        tag: HTML,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        text: (0, 0),
        attrs: (0, 0),
    });
    b.stack.push(0);
    b.run();
    b.doc
}

impl Builder<'_> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let mut pos = 0;
        while pos < n {
            let lt = match memchr::memchr(b'<', &bytes[pos..]) {
                Some(o) => pos + o,
                None => n,
            };
            if lt > pos {
                self.add_text(pos, lt);
            }
            if lt >= n {
                break;
            }
            pos = self.tag(lt);
        }
    }

    /// Handles markup starting at `lt` (a `<`); returns the position after it.
    fn tag(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        match next {
            b'!' => {
                if bytes[lt..].starts_with(b"<!--") {
                    match memchr::memmem::find(&bytes[lt + 4..], b"-->") {
                        Some(o) => {
                            let comment = &self.src[lt + 4..lt + 4 + o];
                            if self.doc.saved_from.is_none() {
                                self.doc.saved_from = saved_from(comment);
                            }
                            if self.doc.saved_at.is_none() {
                                self.doc.saved_at = super::saved::from_comment(comment);
                            }
                            lt + 4 + o + 3
                        }
                        None => n,
                    }
                } else {
                    skip_to_gt(bytes, lt)
                }
            }
            b'?' => skip_to_gt(bytes, lt),
            b'/' => {
                let (name_end, name) = read_name(bytes, lt + 2);
                let end = skip_to_gt(bytes, name_end);
                if !name.is_empty() {
                    let lower = name.to_ascii_lowercase();
                    self.end_tag(&lower);
                }
                end
            }
            c if c.is_ascii_alphabetic() => self.start_tag(lt),
            _ => {
                self.add_text(lt, lt + 1);
                lt + 1
            }
        }
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.interner.get(name) {
            return id;
        }
        let id = self.doc.tag_names.len() as u32;
        self.doc.tag_names.push(name.to_string());
        self.interner.insert(name.to_string(), id);
        self.open_count.push(0);
        id
    }

    fn start_tag(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let n = bytes.len();
        let (mut p, raw_name) = read_name(bytes, lt + 1);
        let lname = raw_name.to_ascii_lowercase();
        let attr_start = self.doc.attrs.len() as u32;
        let mut kept = 0usize;
        let mut self_closing = false;
        // Attributes.
        loop {
            while p < n && (bytes[p].is_ascii_whitespace() || bytes[p] == b'/') {
                if bytes[p] == b'/' && bytes.get(p + 1) == Some(&b'>') {
                    self_closing = true;
                }
                p += 1;
            }
            if p >= n {
                break;
            }
            if bytes[p] == b'>' {
                p += 1;
                break;
            }
            let ns = p;
            while p < n
                && !matches!(bytes[p], b'=' | b'>' | b'/')
                && !bytes[p].is_ascii_whitespace()
            {
                p += 1;
            }
            if p == ns {
                p += 1; // a stray '=' or similar
                continue;
            }
            let name = &bytes[ns..p];
            while p < n && bytes[p].is_ascii_whitespace() {
                p += 1;
            }
            let mut value = (p, p);
            if p < n && bytes[p] == b'=' {
                p += 1;
                while p < n && bytes[p].is_ascii_whitespace() {
                    p += 1;
                }
                if p < n && (bytes[p] == b'"' || bytes[p] == b'\'') {
                    let q = bytes[p];
                    let vs = p + 1;
                    let ve = memchr::memchr(q, &bytes[vs..]).map(|o| vs + o).unwrap_or(n);
                    value = (vs, ve);
                    p = (ve + 1).min(n);
                } else {
                    let vs = p;
                    while p < n && bytes[p] != b'>' && !bytes[p].is_ascii_whitespace() {
                        p += 1;
                    }
                    value = (vs, p);
                }
            }
            if let Some(an) = attr_name(name) {
                if kept < MAX_ATTRS {
                    kept += 1;
                    let s = self.doc.attr_text.len() as u32;
                    if let Some(v) = self.src.get(value.0..value.1) {
                        decode_entities_into(v, &mut self.doc.attr_text);
                    }
                    let e = self.doc.attr_text.len() as u32;
                    self.doc.attrs.push((an, (s, e)));
                } else {
                    self.doc.attrs_truncated = true;
                }
            }
        }
        let attrs = (attr_start, self.doc.attrs.len() as u32);
        let tag = self.intern(&lname);
        // Raw-text content.
        if is_raw_text(&lname) && !self_closing {
            let (content_end, after) = if lname == "plaintext" {
                (n, n)
            } else {
                find_end_tag(bytes, p, lname.as_bytes())
            };
            let node = self.open_element(tag, attrs, true);
            if let Some(node) = node {
                let s = self.doc.text.len() as u32;
                if let Some(c) = self.src.get(p..content_end) {
                    if tag == TITLE || tag == TEXTAREA {
                        decode_entities_into(c, &mut self.doc.text);
                    } else if tag == NOSCRIPT || tag == TEMPLATE {
                        // Markup kept as written: read as a page of its own only when the
                        // visible body is thin (see `hidden`).
                        self.doc.text.push_str(c);
                    } else if tag == SCRIPT {
                        // Only JSON-LD and data naming a publication or creation date
                        // (see `meta::script_state_date`, `pagetext`) are read from
                        // scripts; the rest is not stored.
                        let ty = self.doc.attr(node, AttrName::Type).unwrap_or("");
                        if ty.to_ascii_lowercase().contains("ld+json")
                            || c.contains("ublish")
                            || c.contains("ubDate")
                            || c.contains("reated")
                            || c.contains("REATED")
                            || c.contains("\"articleBody\"")
                        {
                            self.doc.text.push_str(c);
                        }
                    }
                }
                let e = self.doc.text.len() as u32;
                self.doc.nodes[node as usize].text = (s, e);
            }
            return after;
        }
        let void = is_void(tag) || self_closing && tag >= KNOWN_TAGS.len() as u32;
        self.open_element(tag, attrs, void);
        p
    }

    /// Closes elements the new `tag` implicitly ends, then appends it (and pushes it
    /// unless `void`). Returns the new node, or `None` if the depth cap dropped it.
    fn open_element(&mut self, tag: u32, attrs: (u32, u32), void: bool) -> Option<u32> {
        self.implied_ends(tag);
        if self.stack.len() >= MAX_DEPTH {
            self.doc.depth_truncated = true;
            if !void {
                self.overflow += 1;
            }
            return None;
        }
        let parent = *self.stack.last().unwrap_or(&0);
        let id = self.append(parent, tag, (0, 0), attrs);
        if !void {
            self.stack.push(id);
            if let Some(c) = self.open_count.get_mut(tag as usize) {
                *c += 1;
            }
        }
        Some(id)
    }

    fn implied_ends(&mut self, tag: u32) {
        // Bounded look at the top of the stack keeps this O(1) per tag.
        const LOOK: usize = 6;
        let close_in = |b: &mut Self, targets: &[u32], barriers: &[u32]| {
            let len = b.stack.len();
            for k in 1..=LOOK.min(len.saturating_sub(1)) {
                let t = b.doc.nodes[b.stack[len - k] as usize].tag;
                if targets.contains(&t) {
                    b.pop_to(len - k);
                    return;
                }
                if barriers.contains(&t) {
                    return;
                }
            }
        };
        if closes_p(tag) && self.open_count[P as usize] > 0 {
            close_in(self, &[P], &[TABLE, TD, TH, BUTTON, BLOCKQUOTE, LI]);
        }
        match tag {
            LI => close_in(self, &[LI], &[UL, OL, MENU, TABLE]),
            DT | DD => close_in(self, &[DT, DD], &[DL, TABLE]),
            TD | TH => close_in(self, &[TD, TH], &[TR, TABLE]),
            TR => close_in(self, &[TR, TD, TH], &[TABLE, TBODY, THEAD, TFOOT]),
            OPTION => close_in(self, &[OPTION], &[SELECT]),
            H1..=H6 => close_in(self, &[H1, H2, H3, H4, H5, H6], &[DIV, SECTION, ARTICLE]),
            _ => {}
        }
    }

    /// Pops the stack so that its length becomes `len`.
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len.max(1) {
            if let Some(id) = self.stack.pop() {
                let t = self.doc.nodes[id as usize].tag as usize;
                if let Some(c) = self.open_count.get_mut(t) {
                    *c = c.saturating_sub(1);
                }
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        let Some(&tag) = self.interner.get(name) else {
            return;
        };
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        if tag == BR {
            self.open_element(BR, (0, 0), true);
            return;
        }
        if self.open_count.get(tag as usize).copied().unwrap_or(0) == 0 {
            return;
        }
        // Pop to the nearest open element with this tag. Each pop removes one element, so
        // the total work over the document stays linear.
        if let Some(k) = self
            .stack
            .iter()
            .rposition(|&id| self.doc.nodes[id as usize].tag == tag)
        {
            if k > 0 {
                self.pop_to(k);
            }
        }
    }

    fn add_text(&mut self, s: usize, e: usize) {
        let Some(raw) = self.src.get(s..e) else {
            return;
        };
        let parent = *self.stack.last().unwrap_or(&0);
        let last = self.doc.nodes[parent as usize].last_child;
        let start = self.doc.text.len() as u32;
        decode_entities_into(raw, &mut self.doc.text);
        let end = self.doc.text.len() as u32;
        if end == start {
            return;
        }
        // Merge with a preceding text node (text split by a comment or a dropped tag).
        if last != NONE {
            let ln = &mut self.doc.nodes[last as usize];
            if ln.tag == TEXT && ln.text.1 == start {
                ln.text.1 = end;
                return;
            }
        }
        self.append(parent, TEXT, (start, end), (0, 0));
    }

    fn append(&mut self, parent: u32, tag: u32, text: (u32, u32), attrs: (u32, u32)) -> u32 {
        let id = self.doc.nodes.len() as u32;
        self.doc.nodes.push(Node {
            tag,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            text,
            attrs,
        });
        let p = &mut self.doc.nodes[parent as usize];
        let prev = p.last_child;
        if prev == NONE {
            p.first_child = id;
        }
        p.last_child = id;
        if prev != NONE {
            self.doc.nodes[prev as usize].next_sibling = id;
        }
        id
    }
}

/// The URL in a "saved from" comment: Internet Explorer and Chrome write
/// `saved from url=(0063)https://...`, SingleFile a line `url: https://...`. Only the first
/// 2 KB of a comment are looked at.
fn saved_from(comment: &str) -> Option<String> {
    let head = comment.get(..comment.len().min(2048)).unwrap_or(comment);
    let at = if let Some(i) = head.find("saved from url=") {
        let rest = &head[i + "saved from url=".len()..];
        i + "saved from url=".len() + rest.find(')').map_or(0, |j| j + 1)
    } else if head.contains("SingleFile") {
        head.find("url: ")? + "url: ".len()
    } else {
        return None;
    };
    let url: String = head[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '"' && *c != '>')
        .collect();
    url.starts_with("http").then_some(url)
}

fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    match memchr::memchr(b'>', bytes.get(from..).unwrap_or(&[])) {
        Some(o) => from + o + 1,
        None => bytes.len(),
    }
}

/// Reads a tag name starting at `p`; returns (end, name). Names are ASCII-delimited, so the
/// slice is always on char boundaries.
fn read_name(bytes: &[u8], p: usize) -> (usize, &str) {
    let mut e = p;
    while e < bytes.len() && !matches!(bytes[e], b'>' | b'/') && !bytes[e].is_ascii_whitespace() {
        e += 1;
    }
    let name = std::str::from_utf8(bytes.get(p..e).unwrap_or(&[])).unwrap_or("");
    (e, name)
}

/// Finds `</name` (any case) from `p`; returns (content end, position after the end tag).
fn find_end_tag(bytes: &[u8], p: usize, name: &[u8]) -> (usize, usize) {
    let mut q = p;
    while let Some(o) = memchr::memmem::find(bytes.get(q..).unwrap_or(&[]), b"</") {
        let at = q + o;
        let ne = at + 2 + name.len();
        if ne <= bytes.len() && bytes[at + 2..ne].eq_ignore_ascii_case(name) {
            let after = bytes
                .get(ne)
                .map(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
                .unwrap_or(true);
            if after {
                return (at, skip_to_gt(bytes, ne));
            }
        }
        q = at + 2;
    }
    (bytes.len(), bytes.len())
}
