//! The window: a thin layer over [`crate::pipeline`] and [`crate::timeline`].
//!
//! Every panel is a plain state struct with one shape,
//! `ui(&mut self, ui, &PanelCtx) -> Option<Action>`: it reads what it shows from the
//! [`context::PanelCtx`] and answers with an [`action::Action`], which
//! [`app::DatelineApp`] applies in one place. Panels never import the app or each other;
//! shared wording lives in `format`, colours in `theme`.
pub mod action;
pub mod app;
pub mod context;
pub mod correction;
pub mod coverage_panel;
pub(crate) mod crash_screen;
pub mod derived;
pub mod dialogs;
pub mod event_list;
pub mod export;
pub mod format;
pub mod handoff_prompt;
pub mod help;
pub mod lanes_panel;
pub mod loader;
pub mod loading_strip;
pub mod menu;
pub mod overview;
pub mod rebuild;
pub mod selection;
pub mod shortcuts;
pub mod source_panel;
pub mod status_bar;
pub mod theme;
pub mod timeline_panel;
pub mod toolbar;
pub mod view_keeper;
pub mod widgets;

pub use app::{run, AppConfig, DatelineApp};
