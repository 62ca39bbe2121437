//! The hand-off messages between a second launch and the window already open: framing,
//! encoding and decoding, with no I/O of its own beyond reading one frame from any
//! `Read`, so every rule is tested on bytes.
//!
//! A frame is `MAGIC` (4 bytes), the protocol `VERSION` (1), a kind (1), the payload length
//! (4, little-endian) and the payload. Only [`Message::Open`] carries one: a path count (4)
//! then, per path, its length (4) and its bytes (the platform's own bytes on Unix, UTF-8
//! elsewhere). The length is checked against [`MAX_PAYLOAD`] before anything is allocated,
//! so a hostile or broken peer costs at most that much memory; anything that does not
//! parse exactly (short, long, unknown kind, newer version, relative or empty path) is
//! rejected, never guessed at.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The first bytes of every frame.
pub const MAGIC: [u8; 4] = *b"DLHO";
/// Bumped when the layout changes; a frame of another version is refused.
pub const VERSION: u8 = 1;
/// Magic, version, kind, payload length.
pub const HEADER_LEN: usize = 10;
/// The largest payload accepted: room for a thousand long paths.
pub const MAX_PAYLOAD: usize = 1 << 20;
/// The most paths one hand-off may carry.
pub const MAX_PATHS: usize = 4096;

const KIND_OPEN: u8 = 1;
const KIND_ACCEPTED: u8 = 2;

/// What travels: a request from the new launch, and the window's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Open these paths (absolute). None: just bring the window to the front.
    Open(Vec<PathBuf>),
    /// The window took the request.
    Accepted,
}

/// Why bytes are not a message.
#[derive(Debug)]
pub enum DecodeError {
    Truncated,
    Oversized(usize),
    BadMagic,
    Version(u8),
    UnknownKind(u8),
    Malformed(&'static str),
    Io(std::io::Error),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Truncated => write!(f, "the message ends early"),
            DecodeError::Oversized(n) => write!(
                f,
                "the message claims {n} bytes (at most {MAX_PAYLOAD} are accepted)"
            ),
            DecodeError::BadMagic => write!(f, "not a dateline hand-off message"),
            DecodeError::Version(v) => write!(
                f,
                "hand-off protocol version {v} is not understood (this build speaks {VERSION})"
            ),
            DecodeError::UnknownKind(k) => write!(f, "unknown hand-off message kind {k}"),
            DecodeError::Malformed(why) => write!(f, "malformed hand-off message: {why}"),
            DecodeError::Io(e) => write!(f, "could not read the message: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<std::io::Error> for DecodeError {
    fn from(e: std::io::Error) -> Self {
        DecodeError::Io(e)
    }
}

/// Why a message cannot be sent.
#[derive(Debug, PartialEq, Eq)]
pub enum EncodeError {
    TooManyPaths(usize),
    TooLong,
    NotAbsolute(PathBuf),
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::TooManyPaths(n) => {
                write!(f, "too many paths to hand over ({n}; at most {MAX_PATHS})")
            }
            EncodeError::TooLong => write!(f, "the paths are too long to hand over"),
            EncodeError::NotAbsolute(p) => {
                write!(f, "only absolute paths can be handed over: {}", p.display())
            }
        }
    }
}

impl std::error::Error for EncodeError {}

/// The bytes of one frame.
pub fn encode(msg: &Message) -> Result<Vec<u8>, EncodeError> {
    let (kind, payload) = match msg {
        Message::Accepted => (KIND_ACCEPTED, Vec::new()),
        Message::Open(paths) => {
            if paths.len() > MAX_PATHS {
                return Err(EncodeError::TooManyPaths(paths.len()));
            }
            let mut p = Vec::new();
            p.extend_from_slice(&(paths.len() as u32).to_le_bytes());
            for path in paths {
                if !path.is_absolute() {
                    return Err(EncodeError::NotAbsolute(path.clone()));
                }
                let bytes = path_bytes(path);
                if bytes.len() > MAX_PAYLOAD {
                    return Err(EncodeError::TooLong);
                }
                p.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
                p.extend_from_slice(&bytes);
            }
            (KIND_OPEN, p)
        }
    };
    if payload.len() > MAX_PAYLOAD {
        return Err(EncodeError::TooLong);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    out.push(kind);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// The kind and payload length a header announces, checked before the payload is read.
fn parse_header(h: &[u8; HEADER_LEN]) -> Result<(u8, usize), DecodeError> {
    if h[..4] != MAGIC {
        return Err(DecodeError::BadMagic);
    }
    if h[4] != VERSION {
        return Err(DecodeError::Version(h[4]));
    }
    let kind = h[5];
    if kind != KIND_OPEN && kind != KIND_ACCEPTED {
        return Err(DecodeError::UnknownKind(kind));
    }
    let len = u32::from_le_bytes([h[6], h[7], h[8], h[9]]) as usize;
    if len > MAX_PAYLOAD {
        return Err(DecodeError::Oversized(len));
    }
    Ok((kind, len))
}

fn parse_payload(kind: u8, payload: &[u8]) -> Result<Message, DecodeError> {
    if kind == KIND_ACCEPTED {
        return if payload.is_empty() {
            Ok(Message::Accepted)
        } else {
            Err(DecodeError::Malformed("an answer carries no payload"))
        };
    }
    let mut rest = payload;
    let count = take_u32(&mut rest)? as usize;
    if count > MAX_PATHS {
        return Err(DecodeError::Malformed("too many paths"));
    }
    let mut paths = Vec::with_capacity(count);
    for _ in 0..count {
        let len = take_u32(&mut rest)? as usize;
        if len == 0 {
            return Err(DecodeError::Malformed("an empty path"));
        }
        if rest.len() < len {
            return Err(DecodeError::Malformed("a path runs past the payload"));
        }
        let (bytes, tail) = rest.split_at(len);
        rest = tail;
        if bytes.contains(&0) {
            return Err(DecodeError::Malformed("a path with a NUL byte"));
        }
        let path = path_from_bytes(bytes).ok_or(DecodeError::Malformed("a path not in UTF-8"))?;
        if !path.is_absolute() {
            return Err(DecodeError::Malformed("a relative path"));
        }
        paths.push(path);
    }
    if !rest.is_empty() {
        return Err(DecodeError::Malformed("bytes after the last path"));
    }
    Ok(Message::Open(paths))
}

fn take_u32(rest: &mut &[u8]) -> Result<u32, DecodeError> {
    if rest.len() < 4 {
        return Err(DecodeError::Malformed("a length runs past the payload"));
    }
    let (n, tail) = rest.split_at(4);
    *rest = tail;
    Ok(u32::from_le_bytes([n[0], n[1], n[2], n[3]]))
}

/// One whole frame from the start of `bytes`, and how many bytes it took.
pub fn decode(bytes: &[u8]) -> Result<(Message, usize), DecodeError> {
    let header: &[u8; HEADER_LEN] = bytes
        .get(..HEADER_LEN)
        .and_then(|h| h.try_into().ok())
        .ok_or(DecodeError::Truncated)?;
    let (kind, len) = parse_header(header)?;
    let payload = bytes
        .get(HEADER_LEN..HEADER_LEN + len)
        .ok_or(DecodeError::Truncated)?;
    Ok((parse_payload(kind, payload)?, HEADER_LEN + len))
}

/// Reads exactly one frame from `r` (a peer that stops early is [`DecodeError::Truncated`]).
pub fn read_message(r: &mut impl Read) -> Result<Message, DecodeError> {
    let mut header = [0u8; HEADER_LEN];
    read_all(r, &mut header)?;
    let (kind, len) = parse_header(&header)?;
    let mut payload = vec![0u8; len];
    read_all(r, &mut payload)?;
    parse_payload(kind, &payload)
}

fn read_all(r: &mut impl Read, buf: &mut [u8]) -> Result<(), DecodeError> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => DecodeError::Truncated,
        _ => DecodeError::Io(e),
    })
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> Vec<u8> {
    p.to_string_lossy().into_owned().into_bytes()
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(b)))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(b).ok().map(PathBuf::from)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn open(paths: &[&str]) -> Message {
        Message::Open(paths.iter().map(PathBuf::from).collect())
    }

    #[test]
    fn messages_round_trip() {
        for msg in [
            open(&[]),
            open(&["/home/ana/news"]),
            open(&["/a b/ç.html", "/tmp/x.txt", "/"]),
            Message::Accepted,
        ] {
            let bytes = encode(&msg).unwrap();
            let (back, used) = decode(&bytes).unwrap();
            assert_eq!(back, msg);
            assert_eq!(used, bytes.len());
            assert_eq!(read_message(&mut bytes.as_slice()).unwrap(), msg);
        }
    }

    #[test]
    fn non_utf8_unix_paths_survive() {
        use std::os::unix::ffi::OsStrExt;
        let p = PathBuf::from(std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9"));
        let bytes = encode(&Message::Open(vec![p.clone()])).unwrap();
        assert_eq!(decode(&bytes).unwrap().0, Message::Open(vec![p]));
    }

    #[test]
    fn every_truncation_is_rejected() {
        let bytes = encode(&open(&["/home/ana/news", "/tmp/x.txt"])).unwrap();
        for cut in 0..bytes.len() {
            assert!(
                matches!(decode(&bytes[..cut]), Err(DecodeError::Truncated)),
                "cut at {cut}"
            );
            assert!(
                matches!(
                    read_message(&mut &bytes[..cut]),
                    Err(DecodeError::Truncated)
                ),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn an_oversized_length_is_refused_before_reading_the_payload() {
        let mut bytes = encode(&Message::Accepted).unwrap();
        bytes[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(decode(&bytes), Err(DecodeError::Oversized(_))));
        // A reader that would hand out endless bytes is not drained.
        let mut endless = bytes.as_slice().chain(std::io::repeat(7));
        assert!(matches!(
            read_message(&mut endless),
            Err(DecodeError::Oversized(_))
        ));
    }

    /// A header, then a payload, built by hand.
    fn frame(version: u8, kind: u8, payload: &[u8]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        b.push(version);
        b.push(kind);
        b.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        b.extend_from_slice(payload);
        b
    }

    fn paths_payload(parts: &[&[u8]]) -> Vec<u8> {
        let mut p = (parts.len() as u32).to_le_bytes().to_vec();
        for part in parts {
            p.extend_from_slice(&(part.len() as u32).to_le_bytes());
            p.extend_from_slice(part);
        }
        p
    }

    #[test]
    fn garbage_and_malformed_frames_are_rejected() {
        let bad_count = 3u32.to_le_bytes().to_vec(); // says 3 paths, has none
        let mut trailing = paths_payload(&[b"/a"]);
        trailing.push(9);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("http", b"GET / HTTP/1.1\r\n\r\n".to_vec()),
            ("zeros", vec![0; 64]),
            (
                "version",
                frame(VERSION + 1, KIND_OPEN, &paths_payload(&[])),
            ),
            ("kind", frame(VERSION, 9, &[])),
            ("answer with payload", frame(VERSION, KIND_ACCEPTED, &[1])),
            ("count past payload", frame(VERSION, KIND_OPEN, &bad_count)),
            (
                "relative",
                frame(VERSION, KIND_OPEN, &paths_payload(&[b"news"])),
            ),
            (
                "empty path",
                frame(VERSION, KIND_OPEN, &paths_payload(&[b""])),
            ),
            (
                "nul",
                frame(VERSION, KIND_OPEN, &paths_payload(&[b"/a\0b"])),
            ),
            ("trailing", frame(VERSION, KIND_OPEN, &trailing)),
            (
                "too many",
                frame(VERSION, KIND_OPEN, &(MAX_PATHS as u32 + 1).to_le_bytes()),
            ),
        ];
        for (name, bytes) in cases {
            let d = decode(&bytes);
            assert!(
                d.is_err() && !matches!(d, Err(DecodeError::Truncated)),
                "{name}: {d:?}"
            );
            assert!(read_message(&mut bytes.as_slice()).is_err(), "{name}");
        }
    }

    #[test]
    fn the_sender_refuses_what_the_receiver_would() {
        assert_eq!(
            encode(&open(&["news"])),
            Err(EncodeError::NotAbsolute(PathBuf::from("news")))
        );
        let many = Message::Open(vec![PathBuf::from("/a"); MAX_PATHS + 1]);
        assert_eq!(encode(&many), Err(EncodeError::TooManyPaths(MAX_PATHS + 1)));
        let long = format!("/{}", "x".repeat(400));
        let too_long = Message::Open(vec![PathBuf::from(long); MAX_PATHS]);
        assert_eq!(encode(&too_long), Err(EncodeError::TooLong));
    }
}
