//! The sweep grid of the workshop page: pool sizes × instance counts, advanced in bounded steps so a
//! page can run it in timer slices, and what it teaches (the knee per instance count, and which
//! combinations ask for more connections than the database admits), with CSV and JSON exports.
//!
//! The CLI's `sweep_grid` runs the same grid in one call; `runner.rs`'s tests hold the sliced grid
//! to the same numbers.

pub mod instances;
pub mod runner;
pub mod summary;

pub use instances::{parse_instances, MAX_INSTANCE_COUNTS};
pub use runner::{Grid, GridRow, GridRunner};
pub use summary::OverLimit;
