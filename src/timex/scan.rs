//! One pass over the bytes that cuts a block of text into word, number and punctuation
//! tokens and looks every short ASCII word up in the lexicon. The matchers then walk the
//! token array; they never touch the raw text except to compare a token's spelling.

use super::lexicon::{lookup, Lex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token. Offsets are absolute byte offsets into the whole input and always fall on
/// char boundaries (tokens are cut only next to ASCII bytes or at run ends).
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub lex: Option<Lex>,
    /// Value of a digit run (saturating); 0 otherwise.
    pub num: u32,
    /// Normalised punctuation byte: '-' for hyphen and en dash, '\'' for curly quotes.
    pub ch: u8,
    /// First letter uppercase.
    pub cap: bool,
    /// Whitespace directly before this token.
    pub sp: bool,
    /// A line break directly before this token.
    pub nl: bool,
    /// An unknown word ending in "-ed" (a likely past-tense verb, for tense).
    pub ed: bool,
}

impl Tok {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Cuts `text[from..to]` (both on char boundaries) into tokens, appending to `out`.
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = from;
    let mut sp = true;
    let mut nl = true;
    while i < to {
        let c = b[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' {
                nl = true;
            }
            sp = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: i + 1,
            kind: Kind::Punct,
            lex: None,
            num: 0,
            ch: c,
            cap: false,
            sp,
            nl,
            ed: false,
        };
        if c.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < to && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add((b[i] - b'0') as u32);
                i += 1;
            }
            tok.kind = Kind::Num;
            tok.num = v;
            tok.end = i;
        } else if c.is_ascii_alphabetic() || c >= 0x80 {
            if c >= 0x80 {
                let w = (i + utf8_len(c)).min(to);
                if let Some(p) = is_punct_char(&b[i..w]) {
                    i = w;
                    if p == b' ' {
                        sp = true;
                        continue;
                    }
                    tok.end = i;
                    tok.ch = p;
                    out.push(tok);
                    sp = false;
                    nl = false;
                    continue;
                }
            }
            let mut ascii = true;
            while i < to {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 {
                    let w = (i + utf8_len(d)).min(to);
                    if is_punct_char(&b[i..w]).is_some() {
                        break;
                    }
                    ascii = false;
                    i = w;
                } else {
                    break;
                }
            }
            tok.end = i;
            tok.kind = Kind::Word;
            tok.ch = 0;
            tok.cap = c.is_ascii_uppercase();
            if ascii {
                let w = &b[start..tok.end];
                tok.lex = lookup(w);
                tok.ed = tok.lex.is_none() && w.len() >= 5 && w.ends_with(b"ed") && !not_past(w);
            }
        } else {
            i += 1;
        }
        out.push(tok);
        sp = false;
        nl = false;
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Dashes and curly quotes that behave like ASCII punctuation.
fn is_punct_char(s: &[u8]) -> Option<u8> {
    match s {
        [0xE2, 0x80, 0x90..=0x93] => Some(b'-'), // hyphen, non-breaking hyphen, figure dash, en dash
        [0xE2, 0x80, 0x94] => Some(b'~'),        // em dash: a clause break, never a range
        [0xE2, 0x80, 0x98 | 0x99] => Some(b'\''), // curly single quotes
        [0xE2, 0x80, 0x9C | 0x9D] => Some(b'"'),
        [0xC2, 0xA0] => Some(b' '),
        _ => None,
    }
}

/// "-ed" words that are not past-tense verbs.
fn not_past(w: &[u8]) -> bool {
    let mut buf = [0u8; 8];
    if w.len() > buf.len() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"indeed" | b"united" | b"limited" | b"proceed" | b"exceed" | b"succeed" | b"breed"
    )
}
