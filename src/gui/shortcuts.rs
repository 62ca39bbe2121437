//! The keyboard: one table that the key handling, the menus' shortcut text and the Help
//! panel all read, so what the Help panel says is what the keys do.

use super::action::Action;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Something a key does. Most become an [`Action`] at once; the ones that depend on where
/// the user is (the next event in the list, the selected event's file) are resolved by the
/// app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    OpenFolder,
    Search,
    Fit,
    ZoomIn,
    ZoomOut,
    PanLeft,
    PanRight,
    PreviousEvent,
    NextEvent,
    OpenSource,
    TogglePin,
    Clear,
    Undo,
    ExportPng,
    Help,
}

/// One row of the table.
pub struct Shortcut {
    pub command: Command,
    /// Any of these keys; the first is the one menus show.
    pub keys: &'static [KeyboardShortcut],
    /// What it does, as the Help panel says it.
    pub what: &'static str,
    /// Works while typing in a text field (only shortcuts with Ctrl/Cmd, and F1).
    pub while_typing: bool,
}

const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}
const fn cmd(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

/// Every keyboard shortcut. Rows with more modifiers come before rows with the same key
/// and fewer (Ctrl+Shift+S before anything on S), since keys are matched in this order.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        command: Command::ExportPng,
        keys: &[KeyboardShortcut::new(
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::S,
        )],
        what: "Export the chart as a PNG for slides (2×)",
        while_typing: true,
    },
    Shortcut {
        command: Command::OpenFolder,
        keys: &[cmd(Key::O)],
        what: "Open a folder of articles",
        while_typing: true,
    },
    Shortcut {
        command: Command::Search,
        keys: &[cmd(Key::F)],
        what: "Search sentences and titles",
        while_typing: true,
    },
    Shortcut {
        command: Command::Undo,
        keys: &[cmd(Key::Z)],
        what: "Undo the last correction",
        while_typing: false,
    },
    Shortcut {
        command: Command::Fit,
        keys: &[key(Key::F)],
        what: "Fit the timeline to the dated events",
        while_typing: false,
    },
    Shortcut {
        command: Command::ZoomIn,
        keys: &[key(Key::Plus), key(Key::Equals)],
        what: "Zoom in",
        while_typing: false,
    },
    Shortcut {
        command: Command::ZoomOut,
        keys: &[key(Key::Minus)],
        what: "Zoom out",
        while_typing: false,
    },
    Shortcut {
        command: Command::PanLeft,
        keys: &[key(Key::ArrowLeft)],
        what: "Pan back in time",
        while_typing: false,
    },
    Shortcut {
        command: Command::PanRight,
        keys: &[key(Key::ArrowRight)],
        what: "Pan forward in time",
        while_typing: false,
    },
    Shortcut {
        command: Command::PreviousEvent,
        keys: &[key(Key::ArrowUp)],
        what: "Select the previous event in the list",
        while_typing: false,
    },
    Shortcut {
        command: Command::NextEvent,
        keys: &[key(Key::ArrowDown)],
        what: "Select the next event in the list",
        while_typing: false,
    },
    Shortcut {
        command: Command::OpenSource,
        keys: &[key(Key::Enter)],
        what: "Open the selected event's source file",
        while_typing: false,
    },
    Shortcut {
        command: Command::TogglePin,
        keys: &[key(Key::P)],
        what: "Pin or unpin the selected event",
        while_typing: false,
    },
    Shortcut {
        command: Command::Clear,
        keys: &[key(Key::Escape)],
        what: "Clear the selection, then the filters",
        while_typing: false,
    },
    Shortcut {
        command: Command::Help,
        keys: &[key(Key::F1)],
        what: "Show this list",
        while_typing: true,
    },
];

/// The row of `command`.
pub fn shortcut(command: Command) -> Option<&'static Shortcut> {
    SHORTCUTS.iter().find(|s| s.command == command)
}

/// How the keys of `command` are written on this platform ("Ctrl+O", "+ or ="), for
/// menus and the Help panel.
pub fn keys_text(ctx: &egui::Context, command: Command) -> String {
    shortcut(command)
        .map(|s| {
            s.keys
                .iter()
                .map(|k| ctx.format_shortcut(k))
                .collect::<Vec<_>>()
                .join(" or ")
        })
        .unwrap_or_default()
}

/// The commands whose keys were pressed this frame, in table order; their key presses are
/// consumed so no widget sees them too. `typing` is true while a text field has the focus.
pub fn pressed(ctx: &egui::Context, typing: bool) -> Vec<Command> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for s in SHORTCUTS {
            if typing && !s.while_typing {
                continue;
            }
            let mut hit = false;
            i.events.retain(|e| match e {
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if s.keys.iter().any(|k| matches(k, *key, *modifiers)) => {
                    hit = true;
                    false
                }
                _ => true,
            });
            if hit {
                out.push(s.command);
            }
        }
    });
    out
}

/// Exact modifiers (F fits, Ctrl+F searches, Shift+F does nothing), except that a
/// key typed with Shift on some keyboards ('+') also matches without it.
fn matches(k: &KeyboardShortcut, key: Key, modifiers: Modifiers) -> bool {
    k.logical_key == key
        && (modifiers.matches_exact(k.modifiers)
            || (key == Key::Plus && k.modifiers.is_none() && modifiers.shift_only()))
}

/// The command's action when it needs nothing but the table (others: `None`).
pub fn plain_action(command: Command) -> Option<Action> {
    Some(match command {
        Command::OpenFolder => Action::OpenFolderDialog,
        Command::Fit => Action::FitTimeline,
        Command::ZoomIn => Action::Zoom(1.5),
        Command::ZoomOut => Action::Zoom(1.0 / 1.5),
        Command::PanLeft => Action::Pan(-0.2),
        Command::PanRight => Action::Pan(0.2),
        Command::PreviousEvent => Action::StepEvent(-1),
        Command::NextEvent => Action::StepEvent(1),
        Command::Undo => Action::Undo,
        Command::ExportPng => Action::Export(super::export::ExportKind::Png(2)),
        Command::Help => Action::SetHelpOpen(true),
        Command::Clear => Action::Clear,
        Command::Search => Action::FocusSearch,
        Command::OpenSource | Command::TogglePin => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_row_and_keys_do_not_repeat() {
        let mut seen = Vec::new();
        for s in SHORTCUTS {
            assert!(!s.keys.is_empty());
            assert!(
                SHORTCUTS.iter().filter(|t| t.command == s.command).count() == 1,
                "{:?}",
                s.command
            );
            for k in s.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }
}
