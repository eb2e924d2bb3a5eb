//! Chart maths shared by the app's hand-drawn SVG charts: round axis ticks, compact tick labels,
//! linear and logarithmic mappings from data to drawing units, SVG path building, and min/max
//! downsampling of long series.
//!
//! Pure and deterministic like the cores (no browser crates, no clock), so it compiles natively
//! and is tested with data-driven fixtures (`tests/chart.rs`, `tests/fixtures/chart/`). Every
//! function accepts any `f64`, NaN and infinities included, without panicking: a chart of odd data
//! draws less, never crashes the page.

pub mod downsample;
pub mod format;
pub mod path;
pub mod scale;
pub mod ticks;

pub use downsample::min_max;
pub use format::{short, tick_label};
pub use path::line_path;
pub use scale::Scale;
pub use ticks::{nice_step, nice_ticks, ticks_from_zero};
