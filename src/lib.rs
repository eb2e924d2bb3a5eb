//! pgdojo: a PostgreSQL operations lab.
//!
//! The crate is split into pure cores and one browser front end:
//! - [`lint`], [`explain`] and [`pool`] are pure Rust: text in, data out. They never touch the DOM,
//!   storage, timers, files or the clock, so the browser app and the native CLI run exactly the same
//!   checks, and every result can be reproduced from a shell.
//! - [`chart`] is the pure maths of the app's SVG charts (ticks, labels, scales, paths, downsampling).
//! - `ui` (compiled only for `wasm32`) is the Yew single-page app that renders the cores' results.
//!
//! `tests/architecture.rs` enforces this boundary.

pub mod chart;
pub mod explain;
pub mod gallery;
pub mod lint;
pub mod pool;
pub mod routes;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod ui;
