//! Character references (`&amp;`, `&#8217;`, `&eacute;`). Only the references that occur
//! in real article text are known by name (Latin-1 plus typographic punctuation); an
//! unknown name is left as written, which is what browsers do for unknown references too.

/// Latin-1 names for U+00A0..=U+00FF, in code-point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("trade", '™'),
    ("euro", '€'),
    ("dagger", '†'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("minus", '−'),
    ("prime", '′'),
    ("larr", '←'),
    ("rarr", '→'),
];

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Appends `s` to `out` with character references decoded.
pub fn decode_entities_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut pos = 0;
    while let Some(o) = memchr::memchr(b'&', &bytes[pos..]) {
        let amp = pos + o;
        pos = amp + 1;
        // A reference is at most ~10 ASCII characters before its ';'.
        let lim = (amp + 12).min(bytes.len());
        let mut e = amp + 1;
        while e < lim && (bytes[e].is_ascii_alphanumeric() || bytes[e] == b'#') {
            e += 1;
        }
        let body = &s[amp + 1..e];
        let has_semi = e < bytes.len() && bytes[e] == b';';
        let c = if let Some(num) = body.strip_prefix('#') {
            let v = if let Some(h) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(h, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            v.map(|v| match v {
                // Windows-1252 code points written as numbers (common in old pages).
                0x80..=0x9F => win1252(v),
                0 => '\u{FFFD}',
                _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
            })
        } else if has_semi || matches!(body, "amp" | "lt" | "gt" | "quot" | "nbsp") {
            named(body)
        } else {
            None
        };
        if let Some(c) = c {
            out.push_str(&s[last..amp]);
            out.push(if c == '\u{A0}' { ' ' } else { c });
            let end = if has_semi { e + 1 } else { e };
            last = end;
            pos = end;
        }
    }
    out.push_str(&s[last..]);
}

fn win1252(v: u32) -> char {
    let b = [v as u8];
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&b);
    s.chars().next().unwrap_or('\u{FFFD}')
}
