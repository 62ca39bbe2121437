//! The window: a thin layer over [`crate::pipeline`] and [`crate::timeline`]. Each panel has
//! its own module and state struct; [`app::DatelineApp`] lays them out and applies actions.
pub mod app;
pub mod correction;
pub mod event_list;
pub mod export;
pub mod loader;
pub mod menu;
pub mod overview;
pub mod selection;
pub mod source_panel;
pub mod theme;
pub mod timeline_panel;

pub use app::{run, AppConfig, DatelineApp};
