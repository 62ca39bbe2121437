//! Per-file time and memory budgets, so that one hostile or huge file costs at most itself.
//!
//! Memory is bounded by construction: every reader is handed a byte limit and caps what it
//! reads from disk, what it decompresses (ZIP entries, PDF streams) and how much text it
//! keeps, reporting a problem when it cuts. Time is bounded twice: readers check a
//! [`Deadline`] between units of work (pages, messages, rows) and return what they have with a
//! problem; and readers built on third-party parsers run on their own thread under [`run`],
//! which gives up waiting shortly after the deadline, so a parser that never returns costs one
//! file, not the load. That thread also has a known, large stack: the parsers used are
//! checked not to recurse without bound (see the hostile-input tests), and the stack is the
//! margin for the bounded recursion they do.

use std::time::{Duration, Instant};

/// How much one file may cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Wall time for reading one file (parsing only: analysis comes later).
    pub time: Duration,
    /// Bytes one file may hold in memory while it is read: its raw bytes, everything
    /// decompressed from them, and the text kept.
    pub memory: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            time: Duration::from_secs(10),
            memory: 256 << 20,
        }
    }
}

/// The moment a reader should stop and return what it has.
#[derive(Clone, Copy, Debug)]
pub struct Deadline(Instant);

impl Deadline {
    pub fn after(d: Duration) -> Self {
        Deadline(Instant::now() + d)
    }
    pub fn passed(&self) -> bool {
        Instant::now() >= self.0
    }
}

/// Why a guarded reader gave no result.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Overrun {
    /// Still running well past its deadline: abandoned.
    Time(Duration),
    /// Panicked (a bug in a parser): the message, for the problem text.
    Panic(String),
}

/// Stack for reader threads. Reserved, not committed: untouched pages cost nothing.
const READER_STACK: usize = 64 << 20;

/// How long past its deadline a reader is waited for before it is abandoned: the readers
/// check the deadline themselves between pages or messages, and this covers one unit.
const GRACE: Duration = Duration::from_secs(2);

/// Runs `f` on its own thread with a large stack and waits at most `budget.time` plus a
/// grace period. `f` gets the deadline to check. A panic in `f` is caught and returned; a
/// thread that does not finish in time is left to finish on its own (its result dropped).
pub(crate) fn run<T, F>(budget: &Budget, f: F) -> Result<T, Overrun>
where
    T: Send + 'static,
    F: FnOnce(Deadline) -> T + Send + 'static,
{
    let deadline = Deadline::after(budget.time);
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("dateline-reader".into())
        .stack_size(READER_STACK)
        .spawn(move || {
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(deadline)));
            // The receiver may have given up waiting; nothing to do then.
            let _ = tx.send(out);
        });
    if let Err(e) = spawned {
        return Err(Overrun::Panic(format!("cannot start a reader thread: {e}")));
    }
    match rx.recv_timeout(budget.time + GRACE) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(payload)) => Err(Overrun::Panic(panic_message(payload.as_ref()))),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(Overrun::Time(budget.time)),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(Overrun::Panic(
            "reader thread ended without a result".into(),
        )),
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}

/// Reads at most `limit` bytes from `r`, and says whether more was there. Used for
/// everything decompressed, so that a small bomb cannot grow past the budget.
pub(crate) fn read_capped(r: impl std::io::Read, limit: usize) -> std::io::Result<(Vec<u8>, bool)> {
    use std::io::Read;
    let mut out = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut out)?;
    let over = out.len() > limit;
    out.truncate(limit);
    Ok((out, over))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_that_never_returns_is_abandoned() {
        let b = Budget {
            time: Duration::from_millis(50),
            memory: 1 << 20,
        };
        let start = Instant::now();
        let r: Result<(), _> = run(&b, |_| loop {
            std::thread::sleep(Duration::from_millis(200));
        });
        assert_eq!(r, Err(Overrun::Time(Duration::from_millis(50))));
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_panic_is_a_result_not_a_crash() {
        let r: Result<(), _> = run(&Budget::default(), |_| panic!("bad page tree"));
        assert_eq!(r, Err(Overrun::Panic("bad page tree".into())));
    }

    #[test]
    fn deep_recursion_fits_the_reader_stack() {
        fn depth(n: u32) -> u32 {
            let pad = std::hint::black_box([0u8; 512]);
            if n == 0 {
                pad[0] as u32
            } else {
                depth(n - 1) + 1 + pad[1] as u32
            }
        }
        // About 40 MB of frames: far more than a default 2 MB thread stack holds.
        assert_eq!(run(&Budget::default(), |_| depth(60_000)), Ok(60_000));
    }

    #[test]
    fn capped_read_says_when_it_cut() {
        let (v, over) = read_capped(&[1u8; 10][..], 4).unwrap();
        assert_eq!((v.len(), over), (4, true));
        let (v, over) = read_capped(&[1u8; 4][..], 4).unwrap();
        assert_eq!((v.len(), over), (4, false));
    }
}
