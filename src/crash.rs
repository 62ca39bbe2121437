//! Crash reporting without data loss.
//!
//! The window installs [`install_hook`]: a panic anywhere is written, with its backtrace, to
//! `crash.log` in the data directory (atomically, the last crash only) and remembered. The
//! window runs each frame inside [`guard`], so a panic in a frame does not take the window
//! down: it flushes the view and shows what happened and where the log is
//! (`gui::crash_screen`). Nothing else needs saving at that moment: corrections are written
//! atomically when they are made, and the view at most two seconds after it changes and
//! once more here. A panic in the background load ends that load with a message in the
//! status bar and is logged the same way.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the user is told about a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crash {
    pub message: String,
    /// `file:line:column` of the panic, when known.
    pub location: Option<String>,
    /// Where the details were written, when they could be.
    pub log: Option<PathBuf>,
}

static LAST: Mutex<Option<Crash>> = Mutex::new(None);

/// `<data dir>/crash.log`.
pub fn log_path() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join("crash.log"))
}

/// The text of a panic payload (`panic!("...")` gives `&str` or `String`).
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "an internal error (no message)".to_string()
    }
}

/// The log file's contents.
pub fn log_text(crash: &Crash, when: &str, backtrace: &str) -> String {
    format!(
        "dateline {} crashed at {when}\nthread: {}\nmessage: {}\nlocation: {}\n\nbacktrace:\n{backtrace}\n",
        env!("CARGO_PKG_VERSION"),
        std::thread::current().name().unwrap_or("unnamed"),
        crash.message,
        crash.location.as_deref().unwrap_or("unknown"),
    )
}

/// Writes `text` to `path` atomically (a crash while writing leaves the old log whole).
pub fn write_log(path: &Path, text: &str) -> std::io::Result<()> {
    crate::store_file::write_atomic(path, text.as_bytes())
}

/// What the window says after a crash.
pub fn user_message(crash: &Crash) -> String {
    let mut s = format!(
        "dateline hit an internal error and stopped this window: {}",
        crash.message
    );
    if let Some(l) = &crash.location {
        s.push_str(&format!(" (at {l})"));
    }
    s.push_str(".\n\n");
    match &crash.log {
        Some(p) => s.push_str(&format!("The details are in {}.\n", p.display())),
        None => s.push_str("The details could not be written to a log (see the terminal).\n"),
    }
    s.push_str(
        "Your corrections and the view of this corpus were saved; they come back when you \
         start dateline again.",
    );
    s
}

/// Logs every panic to `log` (and still prints it as before). Call once, for the window.
pub fn install_hook(log: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let mut crash = Crash {
            message: payload_text(info.payload()),
            location: info.location().map(|l| l.to_string()),
            log: None,
        };
        if let Some(path) = &log {
            let bt = std::backtrace::Backtrace::force_capture().to_string();
            let when = chrono::Local::now().to_rfc3339();
            if write_log(path, &log_text(&crash, &when, &bt)).is_ok() {
                crash.log = Some(path.clone());
            }
        }
        if let Ok(mut last) = LAST.lock() {
            *last = Some(crash);
        }
        previous(info);
    }));
}

/// Runs `f`; a panic in it comes back as the [`Crash`] the hook recorded (or, without the
/// hook, as the payload's text).
pub fn guard<R>(f: impl FnOnce() -> R) -> Result<R, Crash> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let recorded = LAST.lock().ok().and_then(|mut l| l.take());
        recorded.unwrap_or_else(|| Crash {
            message: payload_text(payload.as_ref()),
            location: None,
            log: None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_guard_comes_back_as_a_crash() {
        assert_eq!(guard(|| 2 + 2), Ok(4));
        let c = guard(|| -> u32 { panic!("lane {} out of range", 7) }).unwrap_err();
        assert_eq!(c.message, "lane 7 out of range");
        let c = guard(|| std::panic::panic_any(42u8)).unwrap_err();
        assert!(c.message.contains("internal error"), "{}", c.message);
    }

    #[test]
    fn the_log_is_written_atomically_and_replaces_the_last_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("crash.log");
        let crash = Crash {
            message: "boom".into(),
            location: Some("src/x.rs:1:2".into()),
            log: None,
        };
        write_log(&path, &log_text(&crash, "2026-01-01T00:00:00Z", "frames")).unwrap();
        write_log(&path, &log_text(&crash, "2026-01-02T00:00:00Z", "frames")).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("message: boom") && text.contains("location: src/x.rs:1:2"));
        assert!(text.contains("2026-01-02") && !text.contains("2026-01-01"));
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn the_user_is_told_what_and_where() {
        let mut c = Crash {
            message: "boom".into(),
            location: Some("src/x.rs:1:2".into()),
            log: Some(PathBuf::from("/data/crash.log")),
        };
        let m = user_message(&c);
        assert!(m.contains("boom") && m.contains("src/x.rs:1:2"));
        assert!(m.contains("/data/crash.log"));
        assert!(m.contains("corrections"));
        c.log = None;
        assert!(user_message(&c).contains("could not be written"));
    }
}
