//! What a file really is, from its first bytes: magic numbers, the XML root, MIME headers.
//!
//! Extensions lie (a PDF saved as `.txt`, an e-mail saved as `.html`, a page saved as
//! `.xml`), and a binary file read as text fills the timeline with noise, so the content
//! decides whenever it is unambiguous, and the extension only breaks ties between text
//! formats.

use crate::model::Format;
use std::path::Path;

/// How many bytes of a file are looked at.
pub(crate) const HEAD: usize = 8192;

/// The verdict on a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// Read it as this format.
    Read(Format),
    /// A kind of file dateline does not read, with what to do about it.
    Unsupported(NotRead),
    /// Not text and no known format.
    Binary,
}

/// Kinds of file that are recognised but not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NotRead {
    Image,
    Archive,
    /// Word 97–2003, Excel, PowerPoint and other binary Office files.
    LegacyOffice,
    /// Spreadsheets and slides (OOXML or OpenDocument), e-books.
    OtherDocument,
    Media,
}

impl NotRead {
    /// "image (not read: OCR it first)".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            NotRead::Image => "an image: not read (no text layer; OCR it first)",
            NotRead::Archive => "an archive: not read (unpack it first)",
            NotRead::LegacyOffice => {
                "a binary Office document (Word 97-2003 or similar): not read (save it as .docx or PDF)"
            }
            NotRead::OtherDocument => {
                "a spreadsheet, presentation or e-book: not read (export the text first)"
            }
            NotRead::Media => "audio or video: not read",
        }
    }
    pub(crate) fn plural(self) -> &'static str {
        match self {
            NotRead::Image => "image(s) (OCR them first)",
            NotRead::Archive => "archive(s) (unpack them first)",
            NotRead::LegacyOffice => "binary Office file(s) (save them as .docx or PDF)",
            NotRead::OtherDocument => "spreadsheet, presentation or e-book file(s)",
            NotRead::Media => "audio or video file(s)",
        }
    }
}

/// What the extension says, if it is one dateline knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByName {
    Read(Format),
    Unsupported(NotRead),
    /// `.xml` and the like: only the content can tell.
    Look,
}

pub(crate) fn by_extension(path: &Path) -> Option<ByName> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    use ByName::*;
    use NotRead::*;
    Some(match ext.as_str() {
        "txt" | "text" => Read(Format::Text),
        "md" | "markdown" => Read(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Read(Format::Html),
        "json" | "jsonl" | "ndjson" => Read(Format::Json),
        "pdf" => Read(Format::Pdf),
        "docx" | "docm" | "dotx" => Read(Format::Docx),
        "odt" | "ott" | "fodt" => Read(Format::Odt),
        "rtf" => Read(Format::Rtf),
        "eml" => Read(Format::Eml),
        "mbox" | "mbx" => Read(Format::Mbox),
        "rss" | "atom" => Read(Format::Feed),
        "mht" | "mhtml" => Read(Format::Mhtml),
        "webarchive" => Read(Format::Webarchive),
        "csv" => Read(Format::Csv),
        "tsv" | "tab" => Read(Format::Tsv),
        "xml" => Look,
        "png" | "jpg" | "jpeg" | "gif" | "tif" | "tiff" | "webp" | "bmp" | "heic" | "heif"
        | "avif" | "svg" | "ico" => Unsupported(Image),
        "zip" | "7z" | "rar" | "tar" | "gz" | "tgz" | "bz2" | "xz" | "zst" => Unsupported(Archive),
        "doc" | "xls" | "ppt" | "msg" | "wps" => Unsupported(LegacyOffice),
        "xlsx" | "pptx" | "ods" | "odp" | "epub" | "pages" | "numbers" | "key" => {
            Unsupported(OtherDocument)
        }
        "mp3" | "mp4" | "m4a" | "wav" | "mov" | "avi" | "mkv" | "webm" | "ogg" | "flac" => {
            Unsupported(Media)
        }
        _ => return None,
    })
}

/// Decides from the first bytes of a file (up to [`HEAD`]) and the extension's guess.
pub(crate) fn sniff(head: &[u8], hint: Option<Format>) -> Sniffed {
    use Sniffed::*;
    if let Some(v) = magic(head) {
        return v;
    }
    // UTF-16 text has NUL bytes: decode it before looking at it as text.
    let text: std::borrow::Cow<str> = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, n)) => enc.decode_without_bom_handling(&head[n..]).0,
        None => {
            if looks_binary(head) {
                return Binary;
            }
            String::from_utf8_lossy(head)
        }
    };
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if t.starts_with('<') {
        return match xml_root(t).as_deref() {
            Some("rss") | Some("rdf:rdf") | Some("feed") => Read(Format::Feed),
            Some("html") => Read(Format::Html),
            Some("plist") => Read(Format::Webarchive),
            Some("office:document") => Read(Format::Odt),
            // Other XML is not an article format; an HTML fragment is.
            _ => match hint {
                Some(h) => Read(h),
                None if t.starts_with("<?xml") => Binary,
                None => Read(Format::Html),
            },
        };
    }
    if let Some(f) = mail_like(t) {
        // A page saved as one file is MIME too; its extension or its parts tell which.
        return Read(match (f, hint) {
            (Format::Eml, Some(Format::Mhtml)) => Format::Mhtml,
            _ => f,
        });
    }
    match hint {
        Some(h @ (Format::Text | Format::Markdown)) => Read(delimited(t).unwrap_or(h)),
        Some(Format::Pdf | Format::Docx | Format::Odt | Format::Webarchive) => {
            // Claims to be a container but has no magic: broken or mislabelled text. Read
            // it as what it looks like, so that the user sees a problem and the text.
            Read(if t.starts_with(['{', '[']) {
                Format::Json
            } else {
                Format::Text
            })
        }
        Some(h) => Read(h),
        None if t.starts_with(['{', '[']) => Read(Format::Json),
        // Some other text file: read as text when named explicitly (walk skips it in
        // folders).
        None => Read(delimited(t).unwrap_or(Format::Text)),
    }
}

fn magic(h: &[u8]) -> Option<Sniffed> {
    use NotRead::*;
    use Sniffed::*;
    let starts = |m: &[u8]| h.starts_with(m);
    // "%PDF-" may follow a little junk (some servers prepend a header).
    if memchr::memmem::find(&h[..h.len().min(1024)], b"%PDF-").is_some() {
        return Some(Read(Format::Pdf));
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Some(zip_kind(h));
    }
    if starts(b"{\\rtf") {
        return Some(Read(Format::Rtf));
    }
    if starts(b"bplist00") {
        return Some(Read(Format::Webarchive));
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Unsupported(LegacyOffice));
    }
    let image = starts(b"\x89PNG\r\n\x1a\n")
        || starts(&[0xFF, 0xD8, 0xFF])
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || (starts(b"RIFF") && h.get(8..12) == Some(b"WEBP"))
        || (h.get(4..8) == Some(b"ftyp")
            && matches!(h.get(8..12), Some(b"heic" | b"heix" | b"mif1" | b"avif")))
        || (starts(&[0, 0, 1, 0]) && h.len() > 6 && h[4] > 0 && h[5] == 0);
    if image {
        return Some(Unsupported(Image));
    }
    let archive = starts(&[0x1F, 0x8B])
        || starts(b"BZh")
        || starts(&[0xFD, b'7', b'z', b'X', b'Z', 0])
        || starts(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C])
        || starts(b"Rar!\x1a\x07")
        || starts(&[0x28, 0xB5, 0x2F, 0xFD])
        || h.get(257..262) == Some(b"ustar");
    if archive {
        return Some(Unsupported(Archive));
    }
    let media = starts(b"ID3")
        || starts(b"OggS")
        || starts(b"fLaC")
        || (starts(b"RIFF") && matches!(h.get(8..12), Some(b"WAVE" | b"AVI ")))
        || h.get(4..8) == Some(b"ftyp")
        || starts(&[0x1A, 0x45, 0xDF, 0xA3]);
    if media {
        return Some(Unsupported(Media));
    }
    None
}

/// A ZIP's first entries tell an OpenDocument file (its first entry is an uncompressed
/// `mimetype`) and usually an Office Open XML one; the reader checks for the body part.
fn zip_kind(h: &[u8]) -> Sniffed {
    use NotRead::*;
    use Sniffed::*;
    let has = |s: &[u8]| memchr::memmem::find(h, s).is_some();
    if has(b"mimetypeapplication/vnd.oasis.opendocument.text") {
        Read(Format::Odt)
    } else if has(b"mimetypeapplication/") {
        Unsupported(OtherDocument)
    } else if has(b"word/") {
        Read(Format::Docx)
    } else if has(b"xl/") || has(b"ppt/") {
        Unsupported(OtherDocument)
    } else if has(b"[Content_Types].xml") {
        // OOXML whose first entries do not name the part: the reader looks inside.
        Read(Format::Docx)
    } else {
        Unsupported(Archive)
    }
}

/// Control bytes other than whitespace in much of the head, or any NUL: not text.
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    let head = &head[..head.len().min(HEAD)];
    if head.is_empty() {
        return false;
    }
    let nul = memchr::memchr(0, head).is_some();
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b))
        .count();
    nul || control * 10 > head.len()
}

/// The lowercased name of the first element, skipping the XML declaration, comments,
/// processing instructions and the doctype.
fn xml_root(t: &str) -> Option<String> {
    let mut rest = t;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case("<!doctype") {
            let r = &rest[9..];
            let name = r.split_whitespace().next()?.trim_end_matches('>');
            if name.eq_ignore_ascii_case("html") {
                return Some("html".into());
            }
            rest = &r[r.find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let name: String = r
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return Some(name.to_ascii_lowercase());
        } else {
            return None;
        }
    }
}

/// Header names that open e-mail and MIME files.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "message-id",
    "mime-version",
    "content-type",
    "delivered-to",
    "reply-to",
    "sender",
    "snapshot-content-location",
    "content-location",
    "x-mailer",
    "list-id",
    "list-unsubscribe",
    "dkim-signature",
    "arc-seal",
    "authentication-results",
    "user-agent",
    "in-reply-to",
    "references",
];

/// An mbox starts with a "From " separator line; a message or MIME file with header lines,
/// at least two of them known mail headers and the first block free of prose.
fn mail_like(t: &str) -> Option<Format> {
    let mut lines = t.lines();
    let first = lines.next()?;
    let (is_mbox, header_lines): (bool, Box<dyn Iterator<Item = &str>>) =
        if first.starts_with("From ") {
            (true, Box::new(lines))
        } else {
            (false, Box::new(std::iter::once(first).chain(lines)))
        };
    let mut known = 0;
    let mut related = false;
    let mut saved_page = false;
    for line in header_lines.take(60) {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue; // folded continuation
        }
        let (name, value) = line.split_once(':')?;
        if name.is_empty() || name.len() > 60 || name.contains(' ') {
            return None;
        }
        let name = name.to_ascii_lowercase();
        if MAIL_HEADERS.contains(&name.as_str()) {
            known += 1;
        }
        let v = value.trim().to_ascii_lowercase();
        related |= name == "content-type" && v.starts_with("multipart/related");
        saved_page |= name == "snapshot-content-location" || v.contains("saved by");
    }
    if known < 2 && !(is_mbox && known >= 1) {
        return None;
    }
    Some(if is_mbox {
        Format::Mbox
    } else if related || saved_page {
        Format::Mhtml
    } else {
        Format::Eml
    })
}

/// Column names that hold an article's text in a table.
pub(crate) const TEXT_COLUMNS: &[&str] = &[
    "text",
    "body",
    "content",
    "full_text",
    "fulltext",
    "article",
    "article_text",
    "maintext",
    "story",
];

/// A first line that is a header row of at least two cells, one of them a text column.
fn delimited(t: &str) -> Option<Format> {
    let first = t.lines().next()?;
    for (sep, f) in [('\t', Format::Tsv), (',', Format::Csv), (';', Format::Csv)] {
        let cells: Vec<&str> = first.split(sep).collect();
        if cells.len() >= 2
            && cells.iter().any(|c| {
                let c = c.trim().trim_matches('"').to_ascii_lowercase();
                TEXT_COLUMNS.contains(&c.as_str())
            })
        {
            return Some(f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Sniffed::*;

    #[test]
    fn magic_bytes_win_over_the_extension() {
        assert_eq!(
            sniff(b"%PDF-1.7\n...", Some(Format::Text)),
            Read(Format::Pdf)
        );
        assert_eq!(
            sniff(b"{\\rtf1\\ansi x}", Some(Format::Html)),
            Read(Format::Rtf)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some(Format::Text)),
            Unsupported(NotRead::Image)
        );
        assert_eq!(
            sniff(&[0x1F, 0x8B, 8, 0, 0, 0], None),
            Unsupported(NotRead::Archive)
        );
        let odt = b"PK\x03\x04\x14\0\0\0\0\0xxxxxxxxxxxxxxxxxxxxmimetypeapplication/vnd.oasis.opendocument.text";
        assert_eq!(sniff(odt, Some(Format::Docx)), Read(Format::Odt));
        assert_eq!(
            sniff(b"PK\x03\x04....photos/a.jpg", None),
            Unsupported(NotRead::Archive)
        );
    }

    #[test]
    fn xml_roots_and_mime_headers() {
        let rss = "<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel>";
        assert_eq!(
            sniff(rss.as_bytes(), Some(Format::Html)),
            Read(Format::Feed)
        );
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
        assert_eq!(sniff(atom.as_bytes(), None), Read(Format::Feed));
        let mail = "Return-Path: <a@b>\nFrom: News <n@x.org>\nSubject: Alert\nDate: Tue, 12 Mar 2024 09:00:00 +0000\n\nBody.";
        assert_eq!(
            sniff(mail.as_bytes(), Some(Format::Html)),
            Read(Format::Eml)
        );
        let mhtml = "From: <Saved by Blink>\nSnapshot-Content-Location: https://x\nSubject: Page\nContent-Type: multipart/related; boundary=\"b\"\n\n";
        assert_eq!(sniff(mhtml.as_bytes(), None), Read(Format::Mhtml));
        let mbox =
            "From news@x.org Tue Mar 12 09:00:00 2024\nFrom: News <n@x.org>\nSubject: A\n\nBody.";
        assert_eq!(
            sniff(mbox.as_bytes(), Some(Format::Text)),
            Read(Format::Mbox)
        );
    }

    #[test]
    fn prose_is_not_mail_and_text_stays_text() {
        let t = "Date: a story about dates\nThe council met on Monday. It agreed: nothing.";
        assert_eq!(sniff(t.as_bytes(), Some(Format::Text)), Read(Format::Text));
        let tsv = "title\tdate\ttext\nA\t2024-01-02\tBody";
        assert_eq!(sniff(tsv.as_bytes(), Some(Format::Text)), Read(Format::Tsv));
        assert_eq!(sniff(b"\0\x01\x02\x03binary", Some(Format::Text)), Binary);
    }
}
