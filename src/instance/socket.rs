//! The transport on Unix: one domain socket per user. The window listens on it; a second
//! launch connects, sends one [`Message::Open`] and waits for [`Message::Accepted`].
//!
//! A socket file with no listener behind it (the window crashed or was killed) is stale:
//! connecting to it is refused, so [`Listener::bind`] removes it and takes the name over;
//! a socket someone answers on means a window is open, and the bind is refused. Each peer
//! gets a fixed time for its whole message ([`PEER_DEADLINE`]), so a silent or trickling
//! peer cannot hold the listener; bad messages are dropped and the listener carries on.

use super::protocol::{self, DecodeError, Message};
use std::io::{self, Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long one peer may take to send its whole message.
pub const PEER_DEADLINE: Duration = Duration::from_secs(1);
/// How long a sender waits for the answer: longer than the listener may spend on a peer
/// ahead of it in the queue.
pub const ANSWER_WAIT: Duration = Duration::from_secs(5);

/// Why the window could not listen.
#[derive(Debug)]
pub enum BindError {
    /// Another window answers on this socket.
    AlreadyRunning,
    Io(io::Error),
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindError::AlreadyRunning => write!(f, "another dateline window is listening"),
            BindError::Io(e) => write!(f, "could not listen for other launches: {e}"),
        }
    }
}

impl std::error::Error for BindError {}

/// What became of a hand-off.
#[derive(Debug, PartialEq, Eq)]
pub enum HandOff {
    /// The open window took the paths.
    Delivered,
    /// No window listens (no socket, or a stale one).
    NoWindow,
}

/// The window's end: a thread accepting hand-offs until dropped.
pub struct Listener {
    path: PathBuf,
    /// The socket file's inode, so a drop never removes a successor's socket.
    ino: u64,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Listener {
    /// Listens on `path`, taking over a stale socket; `on_open` gets each request's paths
    /// on the listener thread (it must not block for long).
    pub fn bind(
        path: &Path,
        on_open: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> Result<Listener, BindError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(BindError::Io)?;
        }
        let listener = match UnixListener::bind(path) {
            Ok(l) => l,
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
                if UnixStream::connect(path).is_ok() {
                    return Err(BindError::AlreadyRunning);
                }
                // Nobody answers: a window that ended without cleaning up.
                std::fs::remove_file(path).map_err(BindError::Io)?;
                UnixListener::bind(path).map_err(BindError::Io)?
            }
            Err(e) => return Err(BindError::Io(e)),
        };
        // Only this user may hand paths to the window (the data dir may be readable).
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        let ino = std::fs::metadata(path).map(|m| m.ino()).unwrap_or(0);
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("dateline-handoff".into())
                .spawn(move || accept_loop(listener, &stop, &on_open))
                .map_err(BindError::Io)?
        };
        Ok(Listener {
            path: path.to_path_buf(),
            ino,
            stop,
            thread: Some(thread),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocked accept; the loop sees the flag and ends. If the socket file is
        // gone (someone removed it) nothing can wake it: leave the thread blocked rather
        // than the window hanging on its way out.
        if UnixStream::connect(&self.path).is_ok() {
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
        let ours = std::fs::metadata(&self.path).map(|m| m.ino()).ok() == Some(self.ino);
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn accept_loop(listener: UnixListener, stop: &AtomicBool, on_open: &dyn Fn(Vec<PathBuf>)) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        match conn {
            Ok(stream) => match serve(&stream) {
                Ok(paths) => on_open(paths),
                Err(e) => eprintln!("dateline: ignored a hand-off from another launch: {e}"),
            },
            // Out of descriptors and the like: do not spin.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Reads one request from a peer within the deadline and answers it.
fn serve(stream: &UnixStream) -> Result<Vec<PathBuf>, DecodeError> {
    let mut r = DeadlineReader {
        stream,
        deadline: Instant::now() + PEER_DEADLINE,
    };
    match protocol::read_message(&mut r)? {
        Message::Open(paths) => {
            let answer = protocol::encode(&Message::Accepted).expect("an answer always encodes");
            stream.set_write_timeout(Some(PEER_DEADLINE))?;
            (&*stream).write_all(&answer)?;
            Ok(paths)
        }
        Message::Accepted => Err(DecodeError::Malformed("an answer sent as a request")),
    }
}

/// Reads from a stream until a fixed moment, however the bytes trickle in.
struct DeadlineReader<'a> {
    stream: &'a UnixStream,
    deadline: Instant,
}

impl Read for DeadlineReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the peer was too slow",
            ));
        }
        self.stream.set_read_timeout(Some(left))?;
        (&*self.stream).read(buf)
    }
}

/// The second launch's end: hands `paths` (absolute) to the window listening on `socket`.
pub fn hand_off(socket: &Path, paths: &[PathBuf]) -> io::Result<HandOff> {
    let stream = match UnixStream::connect(socket) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(HandOff::NoWindow)
        }
        Err(e) => return Err(e),
    };
    let bytes = protocol::encode(&Message::Open(paths.to_vec()))
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    stream.set_write_timeout(Some(PEER_DEADLINE))?;
    (&stream).write_all(&bytes)?;
    let mut r = DeadlineReader {
        stream: &stream,
        deadline: Instant::now() + ANSWER_WAIT,
    };
    match protocol::read_message(&mut r) {
        Ok(Message::Accepted) => Ok(HandOff::Delivered),
        Ok(other) => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("unexpected answer {other:?}"),
        )),
        Err(e) => Err(io::Error::new(io::ErrorKind::InvalidData, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn listen(path: &Path) -> (Listener, mpsc::Receiver<Vec<PathBuf>>) {
        let (tx, rx) = mpsc::channel();
        let l = Listener::bind(path, move |p| {
            let _ = tx.send(p);
        })
        .unwrap();
        (l, rx)
    }

    const WAIT: Duration = Duration::from_secs(10);

    #[test]
    fn a_hand_off_reaches_the_listener() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("dateline.sock");
        assert_eq!(hand_off(&sock, &[]).unwrap(), HandOff::NoWindow);
        let (l, rx) = listen(&sock);
        let paths = vec![
            PathBuf::from("/home/ana/news"),
            PathBuf::from("/tmp/a b.txt"),
        ];
        assert_eq!(hand_off(&sock, &paths).unwrap(), HandOff::Delivered);
        assert_eq!(rx.recv_timeout(WAIT).unwrap(), paths);
        drop(l);
        assert!(!sock.exists(), "the window removes its socket");
        assert_eq!(hand_off(&sock, &paths).unwrap(), HandOff::NoWindow);
    }

    #[test]
    fn dropping_a_listener_whose_socket_file_was_removed_does_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("dateline.sock");
        let (l, _rx) = listen(&sock);
        std::fs::remove_file(&sock).unwrap();
        let t = Instant::now();
        drop(l);
        assert!(t.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_second_listener_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("dateline.sock");
        let (_first, rx) = listen(&sock);
        assert!(matches!(
            Listener::bind(&sock, |_| {}),
            Err(BindError::AlreadyRunning)
        ));
        // The refusal did not disturb the first.
        let p = vec![PathBuf::from("/x")];
        assert_eq!(hand_off(&sock, &p).unwrap(), HandOff::Delivered);
        assert_eq!(rx.recv_timeout(WAIT).unwrap(), p);
    }

    #[test]
    fn a_stale_socket_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("dateline.sock");
        // A listener that went away without removing its file (as after a crash).
        drop(UnixListener::bind(&sock).unwrap());
        assert!(sock.exists());
        assert_eq!(hand_off(&sock, &[]).unwrap(), HandOff::NoWindow);
        let (_l, rx) = listen(&sock);
        let p = vec![PathBuf::from("/y")];
        assert_eq!(hand_off(&sock, &p).unwrap(), HandOff::Delivered);
        assert_eq!(rx.recv_timeout(WAIT).unwrap(), p);
    }

    #[test]
    fn bad_peers_are_dropped_and_the_listener_carries_on() {
        let dir = tempfile::tempdir().unwrap();
        let sock = dir.path().join("dateline.sock");
        let (_l, rx) = listen(&sock);
        // Garbage, then hang up.
        let mut s = UnixStream::connect(&sock).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\n\r\n").unwrap();
        drop(s);
        // Half a header, then silence (held open past the deadline would block a naive
        // listener; this one moves on after PEER_DEADLINE).
        let mut silent = UnixStream::connect(&sock).unwrap();
        silent.write_all(&protocol::MAGIC).unwrap();
        // An oversized claim.
        let mut s = UnixStream::connect(&sock).unwrap();
        let mut big = protocol::encode(&Message::Open(vec![])).unwrap();
        big[6..10].copy_from_slice(&u32::MAX.to_le_bytes());
        s.write_all(&big).unwrap();
        drop(s);
        let p = vec![PathBuf::from("/z")];
        assert_eq!(hand_off(&sock, &p).unwrap(), HandOff::Delivered);
        assert_eq!(rx.recv_timeout(WAIT).unwrap(), p);
        assert!(rx.try_recv().is_err(), "nothing from the bad peers");
        drop(silent);
    }
}
