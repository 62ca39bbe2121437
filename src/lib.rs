//! dateline: news articles in, a country-by-country timeline out.
//!
//! Data flows one way: files → [`model::Article`] ([`ingest`]) → date mentions ([`timex`]) and
//! country mentions ([`gazetteer`]) → [`model::Event`]s ([`events`]) grouped by happening
//! ([`corroborate`]) → [`model::Corpus`] ([`pipeline`]) → layout ([`timeline`]) → paint ([`gui`]).
//! Every stage except the last is a plain function testable without a window.

pub mod burst;
pub mod calendar;
pub(crate) mod caption;
/// One cluster's caption, for `examples/caption_sample` (which lists each member's caption).
#[doc(hidden)]
pub use caption::for_cluster as cluster_caption;
pub(crate) mod clause;
pub mod cli;
pub mod corrections;
pub mod corroborate;
pub mod coverage;
pub mod crash;
pub mod crossdate;
pub(crate) mod drop_aside;
pub mod events;
pub(crate) mod fxmap;
pub mod gazetteer;
pub mod gui;
pub mod index;
pub mod ingest;
pub mod instance;
pub(crate) mod lowercase;
pub(crate) mod memo_key;
pub mod model;
pub mod paths;
pub mod pipeline;
pub mod pubdate;
pub mod render;
pub(crate) mod salience;
pub mod startup;
pub(crate) mod store_file;
pub(crate) mod story;
pub mod timeline;
pub mod timex;
pub mod view;
pub mod watch;
