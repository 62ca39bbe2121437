//! Start-up timing: how long from launch until the window shows something, and until it
//! shows the corpus.
//!
//! With `DATELINE_FIRST_FRAME=1` the window prints two lines on stderr,
//! `dateline-startup: first-frame <ms>` once the first frame has been painted and
//! `dateline-startup: content <ms>` once a frame showing the loaded corpus has been
//! painted (milliseconds since [`mark_start`], called first thing in `main`);
//! `DATELINE_FIRST_FRAME=exit` also closes the window after the second line, for
//! `examples/first_frame.rs`, which times dateline against a bare eframe window the same way.
//!
//! eframe paints each frame right after the app's `ui` pass and only then starts the next
//! pass, so a pass that sees `cumulative_frame_nr() > n` knows frame `n` is on screen. The
//! probe asks for the extra frame it needs to notice that; without the variable it does
//! nothing at all.
//!
//! The same moment opens the [`FIRST_FRAME_GATE`]: the window arms it at start, and the
//! background load waits on it, so reading and analysing the corpus (which takes every
//! core) does not compete with the first frame; the window shows its loading strip instead
//! of nothing. Unarmed (tests, the command line) the gate never waits.

use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable that turns the probe on (`1`) or on-and-exit (`exit`).
pub const FIRST_FRAME_ENV: &str = "DATELINE_FIRST_FRAME";
/// Prefix of the lines the probe prints; the timing harness looks for it.
pub const LINE_PREFIX: &str = "dateline-startup:";

static START: OnceLock<Instant> = OnceLock::new();
static PROBE: Mutex<Option<Probe>> = Mutex::new(None);
static MODE: OnceLock<Option<Mode>> = OnceLock::new();

/// Records the moment the process started its own code (call it first in `main`).
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

fn since_start_ms() -> f64 {
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// What the environment variable asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Print,
    PrintAndExit,
}

impl Mode {
    /// `1`/`print` prints, `exit` prints and closes; anything else (or unset) is off.
    pub fn parse(value: Option<&str>) -> Option<Mode> {
        match value?.trim() {
            "1" | "print" | "true" => Some(Mode::Print),
            "exit" => Some(Mode::PrintAndExit),
            _ => None,
        }
    }
}

/// A milestone the probe reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Milestone {
    FirstFrame,
    Content,
}

impl Milestone {
    fn word(self) -> &'static str {
        match self {
            Milestone::FirstFrame => "first-frame",
            Milestone::Content => "content",
        }
    }
}

/// What one pass should do, as decided by [`Probe::tick`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TickOutcome {
    /// Milestones reached since the last pass, in order.
    pub reached: Vec<Milestone>,
    /// Ask for another frame (a milestone is painted this frame and must be noticed).
    pub repaint: bool,
    /// Every milestone is reported and the mode says to close.
    pub close: bool,
}

/// The pure part: which milestones a pass's frame number and content reveal.
#[derive(Debug)]
pub struct Probe {
    mode: Mode,
    first_reported: bool,
    /// The frame that first showed content, once one did.
    content_frame: Option<u64>,
    content_reported: bool,
}

impl Probe {
    pub fn new(mode: Mode) -> Probe {
        Probe {
            mode,
            first_reported: false,
            content_frame: None,
            content_reported: false,
        }
    }

    /// Called at the start of each pass with the number of frames already painted and
    /// whether this pass draws the corpus.
    pub fn tick(&mut self, frames_painted: u64, has_content: bool) -> TickOutcome {
        let mut out = TickOutcome::default();
        if !self.first_reported && frames_painted >= 1 {
            self.first_reported = true;
            out.reached.push(Milestone::FirstFrame);
        }
        if let Some(f) = self.content_frame {
            if !self.content_reported && frames_painted > f {
                self.content_reported = true;
                out.reached.push(Milestone::Content);
            }
        } else if has_content {
            self.content_frame = Some(frames_painted);
        }
        let waiting_to_see = !self.first_reported || self.content_frame.is_some();
        out.repaint = waiting_to_see && !self.content_reported;
        // Close once, on the pass that reported the last milestone.
        out.close = self.mode == Mode::PrintAndExit && out.reached.contains(&Milestone::Content);
        out
    }
}

/// Holds work back until the first frame is painted, when armed.
pub struct Gate {
    /// (armed, open)
    state: Mutex<(bool, bool)>,
    opened: Condvar,
}

/// The gate the window's first frame opens and the background load waits on.
pub static FIRST_FRAME_GATE: Gate = Gate::new();

/// The longest a load waits for the first frame (a window that never paints still loads).
const GATE_TIMEOUT: Duration = Duration::from_secs(5);

impl Gate {
    pub const fn new() -> Gate {
        Gate {
            state: Mutex::new((false, false)),
            opened: Condvar::new(),
        }
    }

    /// From now on, [`Gate::wait`] blocks until [`Gate::open`].
    pub fn arm(&self) {
        if let Ok(mut s) = self.state.lock() {
            s.0 = true;
        }
    }

    pub fn open(&self) {
        if let Ok(mut s) = self.state.lock() {
            if !s.1 {
                s.1 = true;
                self.opened.notify_all();
            }
        }
    }

    /// Whether waiting would block now.
    pub fn is_holding(&self) -> bool {
        self.state.lock().map(|s| s.0 && !s.1).unwrap_or(false)
    }

    /// Returns at once unless armed and not yet open; then waits for `open` (at most
    /// `timeout`). Returns whether it waited.
    pub fn wait(&self, timeout: Duration) -> bool {
        let Ok(guard) = self.state.lock() else {
            return false;
        };
        if !guard.0 || guard.1 {
            return false;
        }
        let _ = self.opened.wait_timeout_while(guard, timeout, |s| !s.1);
        true
    }
}

impl Default for Gate {
    fn default() -> Self {
        Gate::new()
    }
}

fn mode() -> Option<Mode> {
    *MODE.get_or_init(|| Mode::parse(std::env::var(FIRST_FRAME_ENV).ok().as_deref()))
}

/// With the probe on, prints when a step of the start-up was reached
/// (`dateline-startup: at <step> <ms>`), to see what stands before the first frame; off,
/// it does nothing. The timing harness passes these lines through.
pub fn stage(step: &str) {
    if mode().is_some() {
        eprintln!("{LINE_PREFIX} at {step} {:.1}", since_start_ms());
    }
}

/// Called by the background load before it starts: waits for the first frame if the
/// window armed the gate.
pub fn wait_for_first_frame() {
    FIRST_FRAME_GATE.wait(GATE_TIMEOUT);
}

/// Call at the start of the app's `ui` pass: opens the first-frame gate once a frame is
/// painted, and prints milestones when the variable is set.
pub fn on_frame(ctx: &egui::Context, has_content: bool) {
    if FIRST_FRAME_GATE.is_holding() {
        if ctx.cumulative_frame_nr() >= 1 {
            FIRST_FRAME_GATE.open();
        } else {
            // The next pass (which opens the gate) as soon as this frame is painted.
            ctx.request_repaint();
        }
    }
    let Some(mode) = mode() else { return };
    if ctx.cumulative_frame_nr() == 0 {
        stage("first-pass");
    }
    let Ok(mut guard) = PROBE.lock() else { return };
    let probe = guard.get_or_insert_with(|| Probe::new(mode));
    let out = probe.tick(ctx.cumulative_frame_nr(), has_content);
    for m in &out.reached {
        eprintln!("{LINE_PREFIX} {} {:.1}", m.word(), since_start_ms());
    }
    if out.repaint {
        ctx.request_repaint();
    }
    if out.close {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Reads a probe line: the milestone and its in-process milliseconds.
pub fn parse_line(line: &str) -> Option<(Milestone, f64)> {
    let mut it = line.strip_prefix(LINE_PREFIX)?.split_whitespace();
    let m = match it.next()? {
        "first-frame" => Milestone::FirstFrame,
        "content" => Milestone::Content,
        _ => return None,
    };
    Some((m, it.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(Mode::parse(None), None);
        assert_eq!(Mode::parse(Some("0")), None);
        assert_eq!(Mode::parse(Some("1")), Some(Mode::Print));
        assert_eq!(Mode::parse(Some("exit")), Some(Mode::PrintAndExit));
    }

    #[test]
    fn first_frame_is_reported_when_the_next_pass_starts() {
        let mut p = Probe::new(Mode::Print);
        let o = p.tick(0, false);
        assert!(o.reached.is_empty());
        assert!(
            o.repaint,
            "needs a second pass to see the first frame painted"
        );
        let o = p.tick(1, false);
        assert_eq!(o.reached, vec![Milestone::FirstFrame]);
        assert!(!o.repaint, "nothing to wait for until content arrives");
        assert!(!o.close);
    }

    #[test]
    fn content_is_reported_one_frame_after_it_is_drawn() {
        let mut p = Probe::new(Mode::PrintAndExit);
        p.tick(0, false);
        p.tick(1, false);
        let o = p.tick(5, true);
        assert!(o.reached.is_empty(), "frame 5 is drawn, not yet painted");
        assert!(o.repaint);
        let o = p.tick(6, true);
        assert_eq!(o.reached, vec![Milestone::Content]);
        assert!(o.close);
        let o = p.tick(7, true);
        assert!(
            o.reached.is_empty() && !o.close && !o.repaint,
            "reports once"
        );
    }

    #[test]
    fn content_in_the_first_frame_reports_both_at_once() {
        let mut p = Probe::new(Mode::Print);
        p.tick(0, true);
        let o = p.tick(1, true);
        assert_eq!(o.reached, vec![Milestone::FirstFrame, Milestone::Content]);
        assert!(!o.close, "print mode keeps the window open");
    }

    #[test]
    fn an_unarmed_gate_never_waits() {
        let g = Gate::new();
        assert!(!g.is_holding());
        assert!(!g.wait(Duration::from_secs(60)));
    }

    #[test]
    fn an_armed_gate_holds_until_opened() {
        let g = std::sync::Arc::new(Gate::new());
        g.arm();
        assert!(g.is_holding());
        let waiter = {
            let g = std::sync::Arc::clone(&g);
            std::thread::spawn(move || {
                let t = Instant::now();
                assert!(g.wait(Duration::from_secs(60)));
                t.elapsed()
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        g.open();
        let waited = waiter.join().unwrap();
        assert!(waited >= Duration::from_millis(40), "{waited:?}");
        assert!(
            waited < Duration::from_secs(30),
            "opened, not timed out: {waited:?}"
        );
        assert!(!g.is_holding());
        assert!(!g.wait(Duration::from_secs(60)), "open: no more waiting");
    }

    #[test]
    fn an_armed_gate_gives_up_after_its_timeout() {
        let g = Gate::new();
        g.arm();
        let t = Instant::now();
        assert!(g.wait(Duration::from_millis(30)));
        assert!(t.elapsed() >= Duration::from_millis(30));
    }

    #[test]
    fn lines_round_trip() {
        let line = format!("{LINE_PREFIX} content 412.5");
        assert_eq!(parse_line(&line), Some((Milestone::Content, 412.5)));
        assert_eq!(parse_line("dateline: something else"), None);
    }
}
