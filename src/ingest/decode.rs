//! Bytes → text. Saved pages arrive in whatever encoding the site used (windows-1251 in
//! Russian archives, latin-1 in old European sites, UTF-16 from some "Save as" dialogs), and
//! a wrong guess turns every word into mojibake, so the order of evidence matters:
//! byte-order mark, then the page's own `<meta charset>` declaration, then "is it valid
//! UTF-8?", then a statistical guess (chardetng).

use encoding_rs::Encoding;

/// How far into an HTML file a `<meta charset>` is looked for (the HTML spec says 1024
/// bytes; real pages put long comments first, so a little more).
const META_SCAN: usize = 4096;

/// Decode bytes to text: BOM, then (for HTML) `<meta charset>`/`http-equiv` in the first
/// 4 KB, then UTF-8 validity, then chardetng. Returns the text and the name of the encoding
/// used. Never panics; malformed sequences become U+FFFD.
pub fn decode(bytes: &[u8], is_html: bool) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    if is_html {
        if let Some(enc) = sniff_meta_charset(&bytes[..bytes.len().min(META_SCAN)]) {
            // A page that declares UTF-16 in ASCII cannot be UTF-16; the spec says UTF-8.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            };
            // Trust the declaration unless it says UTF-8 and the bytes are not.
            if enc != encoding_rs::UTF_8 || std::str::from_utf8(bytes).is_ok() {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return (text.into_owned(), enc.name());
            }
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), encoding_rs::UTF_8.name());
    }
    // A file cut in the middle of a UTF-8 sequence is still UTF-8.
    if let Err(e) = std::str::from_utf8(bytes) {
        if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 && e.valid_up_to() > 0 {
            return (
                String::from_utf8_lossy(bytes).into_owned(),
                encoding_rs::UTF_8.name(),
            );
        }
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(&bytes[..bytes.len().min(1 << 20)], true);
    let enc = det.guess(None, true);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

/// [`decode`] for files that should be UTF-8 text (text, Markdown, JSON, CSV), with
/// warnings when they were not: malformed bytes replaced, another encoding guessed, or
/// control characters (a damaged file) dropped.
pub fn decode_checked(bytes: &[u8]) -> (String, Vec<crate::model::Problem>) {
    let (mut text, enc) = decode(bytes, false);
    let bom = Encoding::for_bom(bytes).is_some();
    let mut problems = Vec::new();
    match std::str::from_utf8(bytes) {
        Ok(_) => {}
        Err(_) if bom => {}
        Err(e) if enc == encoding_rs::UTF_8.name() => problems.push(format!(
            "invalid UTF-8 at byte {}: malformed bytes replaced",
            e.valid_up_to()
        )),
        Err(e) => problems.push(format!(
            "not valid UTF-8 (first bad byte at {}): read as {enc}, a guess",
            e.valid_up_to()
        )),
    }
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}');
    let n = text.chars().filter(|c| control(*c)).count();
    if n > 0 {
        text.retain(|c| !control(c));
        problems.push(format!(
            "{n} control character(s) dropped: the file may be damaged"
        ));
    }
    (
        text,
        problems
            .into_iter()
            .map(crate::model::Problem::warning)
            .collect(),
    )
}

/// Finds `charset=` inside a `<meta` tag in the (ASCII-compatible) prefix of a page.
/// Works on bytes so that a prefix cut inside a multi-byte character is no problem.
fn sniff_meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', &head[pos..]) {
        let start = pos + off;
        let end = memchr::memchr(b'>', &head[start..])
            .map(|e| start + e)
            .unwrap_or(head.len());
        let tag = &head[start..end];
        if tag.len() > 5 && tag[1..5].eq_ignore_ascii_case(b"meta") {
            if let Some(enc) = charset_in_tag(tag) {
                return Some(enc);
            }
        }
        pos = end.max(start + 1);
        if pos >= head.len() {
            break;
        }
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = tag.iter().map(|b| b.to_ascii_lowercase()).collect();
    let i = memchr::memmem::find(&lower, b"charset")?;
    let mut j = i + 7;
    while j < lower.len() && (lower[j] == b' ' || lower[j] == b'=') {
        j += 1;
    }
    while j < lower.len() && (lower[j] == b'"' || lower[j] == b'\'') {
        j += 1;
    }
    let k = lower[j..]
        .iter()
        .position(|&b| b == b'"' || b == b'\'' || b == b';' || b == b' ' || b == b'/')
        .map(|p| j + p)
        .unwrap_or(lower.len());
    Encoding::for_label(&lower[j..k])
}
