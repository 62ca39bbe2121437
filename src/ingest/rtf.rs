//! RTF (older news-database exports, word processors): text and paragraphs.
//!
//! A single pass over the bytes with an explicit group stack (no recursion, so any nesting
//! is safe). Destinations that are not body text (font and colour tables, styles, pictures,
//! headers and footers, field instructions, footnotes) are skipped; `\'hh` bytes are decoded
//! in the document's or the current font's code page, `\uN` as Unicode.

use super::budget::{Budget, Deadline};
use super::text::Line;
use crate::model::{Article, ParagraphKind, Problem};
use encoding_rs::Encoding;

/// Groups nested deeper than this are read as if flat (real files stay under ~20).
const MAX_DEPTH: usize = 512;

/// Destinations whose content is not body text.
const SKIP: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "fldinst",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "xmlnstbl",
    "mmathPr",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
    "shpinst",
    "nonshppict",
    "filetbl",
    "revtbl",
    "userprops",
    "docvar",
    "wgrffmtfilter",
    "listtext",
    "pntext",
    "pntxta",
    "pntxtb",
    "info",
    "company",
    "operator",
    "author",
];

#[derive(Clone)]
struct Group {
    skip: bool,
    /// Characters to skip after `\uN`.
    uc: usize,
    enc: &'static Encoding,
    /// Inside `{\info{\title ...}}`.
    title: bool,
    /// Inside `{\fonttbl ...}`: font numbers and charsets are recorded.
    fonttbl: bool,
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    stack: Vec<Group>,
    g: Group,
    /// Bytes of text waiting to be decoded in the current code page (`\'hh` runs can be
    /// multi-byte characters).
    pending: Vec<u8>,
    para: String,
    heading: bool,
    lines: Vec<Line>,
    title: String,
    doc_enc: &'static Encoding,
    /// Font number → code page, from the font table.
    fonts: Vec<(i32, &'static Encoding)>,
    font_no: i32,
    /// Fallback characters still to skip after a `\uN`.
    skip_chars: usize,
    deep: bool,
    control: usize,
}

/// Code page for an RTF `\fcharsetN`.
fn charset_enc(n: i32) -> Option<&'static Encoding> {
    let label: &[u8] = match n {
        0 => b"windows-1252",
        128 => b"shift_jis",
        129 => b"euc-kr",
        134 => b"gbk",
        136 => b"big5",
        161 => b"windows-1253",
        162 => b"windows-1254",
        163 => b"windows-1258",
        177 => b"windows-1255",
        178 => b"windows-1256",
        186 => b"windows-1257",
        204 => b"windows-1251",
        222 => b"windows-874",
        238 => b"windows-1250",
        _ => return None,
    };
    Encoding::for_label(label)
}

fn codepage_enc(n: i32) -> Option<&'static Encoding> {
    match n {
        437 | 850 => Some(encoding_rs::WINDOWS_1252),
        932 => Some(encoding_rs::SHIFT_JIS),
        936 => Some(encoding_rs::GBK),
        949 => Some(encoding_rs::EUC_KR),
        950 => Some(encoding_rs::BIG5),
        65001 => Some(encoding_rs::UTF_8),
        10000 => Some(encoding_rs::MACINTOSH),
        n => Encoding::for_label(format!("windows-{n}").as_bytes()),
    }
}

impl<'a> Reader<'a> {
    fn flush_bytes(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let (s, _, _) = self.g.enc.decode(&self.pending);
        let s = s.into_owned();
        self.pending.clear();
        self.push_str(&s);
    }

    fn push_str(&mut self, s: &str) {
        if self.g.skip {
            return;
        }
        if self.g.title {
            self.title.push_str(s);
        } else {
            self.para.push_str(s);
        }
    }

    fn end_para(&mut self) {
        self.flush_bytes();
        let t = self.para.trim();
        if !t.is_empty() {
            let kind = if self.heading {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            self.lines.push(Line::new(t, kind));
        }
        self.para.clear();
    }

    /// A literal text byte, unless it is a fallback character after `\uN`. Control bytes
    /// never belong in RTF text: they are counted (a damaged file) and dropped.
    fn text_byte(&mut self, c: u8) {
        if c < 0x20 && c != b'\t' {
            self.control += 1;
            return;
        }
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            return;
        }
        if !self.g.skip {
            self.pending.push(c);
        }
    }

    fn control_word(&mut self, word: &str, param: Option<i32>) {
        // Anything but more `\'hh` ends a multi-byte run.
        self.flush_bytes();
        if SKIP.contains(&word) {
            self.g.skip = true;
        }
        match word {
            "title" if self.stack.len() >= 2 => {
                self.g.title = true;
                self.g.skip = false;
            }
            "fonttbl" => self.g.fonttbl = true,
            "f" => {
                let n = param.unwrap_or(0);
                if self.g.fonttbl {
                    self.font_no = n;
                } else if let Some((_, e)) = self.fonts.iter().find(|(f, _)| *f == n) {
                    self.g.enc = e;
                }
            }
            "fcharset" if self.g.fonttbl => {
                if let Some(e) = param.and_then(charset_enc) {
                    self.fonts.push((self.font_no, e));
                }
            }
            "ansicpg" => {
                if let Some(e) = param.and_then(codepage_enc) {
                    self.doc_enc = e;
                    self.g.enc = e;
                }
            }
            "mac" => {
                self.doc_enc = encoding_rs::MACINTOSH;
                self.g.enc = self.doc_enc;
            }
            "uc" => self.g.uc = param.unwrap_or(1).clamp(0, 8) as usize,
            "u" => {
                if let Some(n) = param {
                    let cp = if n < 0 { n + 65536 } else { n } as u32;
                    let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                    let mut buf = [0u8; 4];
                    self.push_str(c.encode_utf8(&mut buf));
                    self.skip_chars = self.g.uc;
                }
                return;
            }
            "par" | "sect" | "page" | "row" => self.end_para(),
            "pard" => self.heading = false,
            "outlinelevel" => self.heading = true,
            "line" | "tab" | "cell" | "emspace" | "enspace" | "qmspace" => self.push_str(" "),
            "emdash" => self.push_str("\u{2014}"),
            "endash" => self.push_str("\u{2013}"),
            "bullet" => self.push_str("\u{2022}"),
            "lquote" => self.push_str("\u{2018}"),
            "rquote" => self.push_str("\u{2019}"),
            "ldblquote" => self.push_str("\u{201C}"),
            "rdblquote" => self.push_str("\u{201D}"),
            "bin" => {
                // Raw binary data of the given length.
                let n = param.unwrap_or(0).max(0) as usize;
                self.i = self.i.saturating_add(n).min(self.b.len());
            }
            _ => {}
        }
        self.skip_chars = 0;
    }

    fn run(&mut self, deadline: Deadline, max_text: usize) -> Option<Problem> {
        let b = self.b;
        while self.i < b.len() {
            if self.i % 65536 == 0 && deadline.passed() {
                return Some(Problem::warning(
                    "RTF reading stopped at the time budget: the rest of the file is not read",
                ));
            }
            if self.lines.len() * 200 > max_text {
                return Some(Problem::warning(
                    "RTF text passed the memory budget: the rest of the file is not read",
                ));
            }
            let c = b[self.i];
            self.i += 1;
            match c {
                b'{' => {
                    self.flush_bytes();
                    if self.stack.len() < MAX_DEPTH {
                        self.stack.push(self.g.clone());
                    } else {
                        self.deep = true;
                    }
                    // `{\*\dest ...}`: an optional destination, never body text.
                    if b.get(self.i..self.i + 2) == Some(b"\\*") {
                        self.g.skip = true;
                        self.i += 2;
                    }
                }
                b'}' => {
                    self.flush_bytes();
                    if let Some(g) = self.stack.pop() {
                        self.g = g;
                    }
                }
                b'\\' => self.escape(),
                b'\r' | b'\n' => {}
                _ => self.text_byte(c),
            }
        }
        self.end_para();
        if !self.stack.is_empty() {
            return Some(Problem::warning(
                "RTF ends before its groups close: the file may be cut short",
            ));
        }
        None
    }

    fn escape(&mut self) {
        let b = self.b;
        let Some(&c) = b.get(self.i) else { return };
        if c.is_ascii_alphabetic() {
            let start = self.i;
            while self.i < b.len() && b[self.i].is_ascii_alphabetic() && self.i - start < 32 {
                self.i += 1;
            }
            let word = std::str::from_utf8(&b[start..self.i]).unwrap_or("");
            let pstart = self.i;
            if self.i < b.len() && b[self.i] == b'-' {
                self.i += 1;
            }
            while self.i < b.len() && b[self.i].is_ascii_digit() && self.i - pstart < 10 {
                self.i += 1;
            }
            let param = std::str::from_utf8(&b[pstart..self.i])
                .ok()
                .and_then(|p| p.parse::<i32>().ok());
            if self.i < b.len() && b[self.i] == b' ' {
                self.i += 1;
            }
            let word = word.to_string();
            self.control_word(&word, param);
            return;
        }
        self.i += 1;
        match c {
            b'\'' => {
                let hex = b.get(self.i..self.i + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                self.i = (self.i + 2).min(b.len());
                if let Some(v) = hex {
                    self.text_byte(v);
                }
            }
            b'\\' | b'{' | b'}' => self.text_byte(c),
            b'~' => {
                self.flush_bytes();
                self.push_str(" ");
            }
            b'_' => {
                self.flush_bytes();
                self.push_str("-");
            }
            b'\n' | b'\r' => self.end_para(),
            _ => {} // `\-` optional hyphen, `\:` index entry and others
        }
    }
}

/// The paragraphs and `\info` title of an RTF file, plus a problem when it was cut.
fn parse(bytes: &[u8], deadline: Deadline, max_text: usize) -> (Vec<Line>, String, Vec<Problem>) {
    let g = Group {
        skip: false,
        uc: 1,
        enc: encoding_rs::WINDOWS_1252,
        title: false,
        fonttbl: false,
    };
    let mut r = Reader {
        b: bytes,
        i: 0,
        stack: Vec::new(),
        g,
        pending: Vec::new(),
        para: String::new(),
        heading: false,
        lines: Vec::new(),
        title: String::new(),
        doc_enc: encoding_rs::WINDOWS_1252,
        fonts: Vec::new(),
        font_no: 0,
        skip_chars: 0,
        deep: false,
        control: 0,
    };
    let mut problems: Vec<Problem> = r.run(deadline, max_text).into_iter().collect();
    if r.deep {
        problems.push(Problem::warning(format!(
            "RTF groups nested deeper than {MAX_DEPTH} levels were read as one"
        )));
    }
    if r.control > 0 {
        problems.push(Problem::warning(format!(
            "{} control byte(s) in the RTF text were dropped: the file may be damaged",
            r.control
        )));
    }
    (r.lines, r.title.trim().to_string(), problems)
}

pub(crate) fn read_rtf(bytes: &[u8], budget: &Budget, deadline: Deadline) -> Vec<Article> {
    let (lines, title, problems) = parse(bytes, deadline, budget.memory / 2);
    let mut arts = super::text::read_paragraphs(lines);
    if arts.len() == 1 && !title.is_empty() {
        arts[0].title = title;
    }
    if let Some(a) = arts.first_mut() {
        a.problems.extend(problems);
    }
    arts
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn lines(rtf: &str) -> (Vec<String>, String, Vec<Problem>) {
        let (l, t, p) = parse(
            rtf.as_bytes(),
            Deadline::after(Duration::from_secs(5)),
            1 << 30,
        );
        (l.into_iter().map(|l| l.text).collect(), t, p)
    }

    #[test]
    fn paragraphs_escapes_and_skipped_destinations() {
        let (l, title, p) = lines(
            r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times;}}{\colortbl;\red0\green0\blue0;}{\info{\title Port strike ends}{\author X}}{\*\generator Writer}{\header Page 1\par}\pard\plain\f0 Dock workers in Rotterdam returned on Friday\'97after ten days.\par Caf\'e9 owners \u8220\'93cheered\u8221\'94.\par{\field{\*\fldinst HYPERLINK x}{\fldrslt link text}}\par}",
        );
        assert_eq!(title, "Port strike ends");
        assert_eq!(
            l,
            vec![
                "Dock workers in Rotterdam returned on Friday\u{2014}after ten days.",
                "Caf\u{e9} owners \u{201c}cheered\u{201d}.",
                "link text"
            ]
        );
        assert!(p.is_empty());
    }

    #[test]
    fn cut_file_is_a_problem_and_deep_nesting_is_safe() {
        let (l, _, p) = lines(r"{\rtf1\ansi Kenya and Peru met.\par Talks go");
        assert_eq!(l, vec!["Kenya and Peru met.", "Talks go"]);
        assert!(p[0].message.contains("cut short"));
        let deep = format!("{{\\rtf1 {}x{}", "{".repeat(100_000), "}".repeat(100_000));
        let (l, _, p) = lines(&deep);
        assert_eq!(l, vec!["x"]);
        assert!(p.iter().any(|p| p.message.contains("nested deeper")));
    }

    #[test]
    fn font_charset_decodes_cyrillic() {
        let (l, _, _) = lines(
            r"{\rtf1\ansi{\fonttbl{\f1\fcharset204 Arial;}}\f1 \'cc\'ee\'f1\'ea\'e2\'e0\par}",
        );
        assert_eq!(l, vec!["\u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}"]);
    }
}
