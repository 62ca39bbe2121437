//! One window per user: a second launch (a double-clicked folder, `dateline PATH` from a
//! shell) hands its paths to the window already open instead of opening another.
//!
//! [`protocol`] is the message format, pure and tested on bytes; `socket` is the Unix
//! transport (a domain socket in the user's runtime directory). On platforms without Unix
//! sockets there is no transport: [`try_hand_off`] always answers "no window" and every
//! launch opens its own window. `dateline --new-window` opts out of both ends.

pub mod protocol;
#[cfg(unix)]
pub mod socket;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

/// The socket's file name in whichever directory [`socket_path`] picks.
pub const SOCKET_NAME: &str = "dateline.sock";

/// Where the window listens: the data directory when `$DATELINE_DATA_DIR` sets it (a
/// portable or test install keeps its window to itself), else `$XDG_RUNTIME_DIR` (per
/// user, private, cleared at logout), else the data directory.
pub fn socket_path() -> Option<PathBuf> {
    let explicit = std::env::var_os(crate::paths::DATA_DIR_ENV).map(PathBuf::from);
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from);
    choose_socket_path(
        explicit.as_deref(),
        runtime.as_deref(),
        crate::paths::data_dir().as_deref(),
    )
}

/// The pure rule behind [`socket_path`] (relative directories are not trusted).
pub fn choose_socket_path(
    explicit_data_dir: Option<&Path>,
    runtime_dir: Option<&Path>,
    data_dir: Option<&Path>,
) -> Option<PathBuf> {
    [explicit_data_dir, runtime_dir, data_dir]
        .into_iter()
        .flatten()
        .find(|d| d.is_absolute())
        .map(|d| d.join(SOCKET_NAME))
}

/// What a launch found.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The open window took the paths: this launch is done.
    Delivered,
    /// No window to hand to (or no way to reach one): open a window.
    OpenWindow,
}

/// Hands `paths` to the open window, if there is one. Relative paths are made absolute
/// here (the window has its own working directory). Failures to reach a window that seems
/// to be there are printed and answered with [`Outcome::OpenWindow`]: a launch never ends
/// with nothing on screen.
pub fn try_hand_off(paths: &[PathBuf]) -> Outcome {
    #[cfg(unix)]
    {
        let Some(sock) = socket_path() else {
            return Outcome::OpenWindow;
        };
        let abs: Vec<PathBuf> = paths
            .iter()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
            .collect();
        match socket::hand_off(&sock, &abs) {
            Ok(socket::HandOff::Delivered) => Outcome::Delivered,
            Ok(socket::HandOff::NoWindow) => Outcome::OpenWindow,
            Err(e) => {
                eprintln!("dateline: the open window did not answer ({e}); opening another");
                Outcome::OpenWindow
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = paths;
        Outcome::OpenWindow
    }
}

/// The window's end: the paths other launches handed over, in order. `wake` is called
/// after each arrives (the window passes `ctx.request_repaint`). Dropping it stops
/// listening and removes the socket.
pub struct Inbox {
    rx: Receiver<Vec<PathBuf>>,
    #[cfg(unix)]
    _listener: Option<socket::Listener>,
}

impl Inbox {
    /// Starts listening at [`socket_path`]; `None` when another window already listens,
    /// the platform has no transport, or the socket cannot be made (said on stderr).
    pub fn start(wake: impl Fn() + Send + 'static) -> Option<Inbox> {
        Inbox::start_at(&socket_path()?, wake)
    }

    /// As [`Inbox::start`], at a given socket.
    #[cfg(unix)]
    pub fn start_at(sock: &Path, wake: impl Fn() + Send + 'static) -> Option<Inbox> {
        let (tx, rx) = mpsc::channel();
        let on_open = move |paths| {
            if tx.send(paths).is_ok() {
                wake();
            }
        };
        match socket::Listener::bind(sock, on_open) {
            Ok(l) => Some(Inbox {
                rx,
                _listener: Some(l),
            }),
            Err(socket::BindError::AlreadyRunning) => None,
            Err(e) => {
                eprintln!("dateline: {e}");
                None
            }
        }
    }

    #[cfg(not(unix))]
    pub fn start_at(_sock: &Path, _wake: impl Fn() + Send + 'static) -> Option<Inbox> {
        None
    }

    /// An inbox fed in-process, with no socket (tests hand paths to a window this way).
    pub fn channel() -> (Sender<Vec<PathBuf>>, Inbox) {
        let (tx, rx) = mpsc::channel();
        (
            tx,
            Inbox {
                rx,
                #[cfg(unix)]
                _listener: None,
            },
        )
    }

    /// The next hand-off waiting, without blocking.
    pub fn next(&self) -> Option<Vec<PathBuf>> {
        self.rx.try_recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_socket_goes_to_the_first_absolute_choice() {
        let d = Path::new("/home/ana/.local/share/dateline");
        let r = Path::new("/run/user/1000");
        let e = Path::new("/tmp/dl");
        assert_eq!(
            choose_socket_path(None, Some(r), Some(d)),
            Some(r.join(SOCKET_NAME))
        );
        assert_eq!(
            choose_socket_path(Some(e), Some(r), Some(d)),
            Some(e.join(SOCKET_NAME))
        );
        assert_eq!(
            choose_socket_path(None, None, Some(d)),
            Some(d.join(SOCKET_NAME))
        );
        assert_eq!(
            choose_socket_path(None, Some(Path::new("run")), Some(d)),
            Some(d.join(SOCKET_NAME))
        );
        assert_eq!(choose_socket_path(None, None, None), None);
    }
}
