//! Timeline layout: pure geometry from a [`crate::model::Corpus`], no egui types.
//!
//! - [`axis`]: the [`TimeView`] mapping day numbers to screen x (zoom, pan, fit).
//! - [`ticks`]: adaptive, never-overlapping axis labels from millennia to hours.
//! - [`layout`]: lanes (one per country) of items (one per cluster), built once per
//!   corpus change.
//! - [`lod`]: what to draw in a lane this frame (items, or count bubbles when crowded).
//! - [`hit`]: what is under the pointer, in O(log n).
//! - [`topk`], [`captions`], [`frame`]: the briefing chart's captions (most salient
//!   first, never overlapping, stable while panning), density cells and off-screen counts.
//! - [`fit`]: the days that frame the story, robust to stray dates.
//! - [`broken`]: an axis break where a framed story falls silent for months (renders).
//!
//! The GUI widget (`gui::timeline_panel`) only paints what these return, so everything
//! that decides *where* things go is testable without a window.

pub mod axis;
pub mod broken;
pub mod captions;
pub mod fit;
pub mod frame;
pub mod hit;
pub mod layout;
pub mod lod;
pub mod ticks;
pub mod topk;

pub use axis::TimeView;
pub use layout::{Item, ItemKind, Lane, Layout};

use crate::model::CountryCode;

/// The label of a country lane: "Japan · JP" (the code alone when the name is unknown).
pub fn lane_label(code: CountryCode) -> String {
    match crate::gazetteer::Gazetteer::active().name(code) {
        Some(name) if !name.is_empty() => format!("{name} · {code}"),
        _ => code.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests;
