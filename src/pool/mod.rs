//! Pool-sizing workshop (pure core).
//!
//! A deterministic discrete-event simulator of application connection pools in front of a PostgreSQL
//! server with `max_connections`, connection setup cost and saturation. Where queueing theory has an
//! exact answer (Erlang C, M/M/c/K, M/D/c), the simulator's numbers must match it.
//!
//! Use: build a [`Scenario`] (serde: JSON file, share link), create a [`Simulation`], call
//! [`Simulation::run_for`] repeatedly (or [`Simulation::run_to_end`]), read [`Simulation::snapshot`]
//! while it runs and [`Simulation::report`] at the end. [`sweep_pool`] runs a grid over pool size.

pub mod batch_means;
pub mod bouncer;
mod bouncer_ops;
mod client_ops;
pub mod closed_loop;
pub mod config;
pub mod database;
pub mod dist;
pub mod event_list;
mod fault_ops;
pub mod faults;
pub mod grid;
pub mod histogram;
pub mod metrics;
mod pool_ops;
pub mod pool_state;
pub mod preset_patch;
pub mod presets;
pub mod report;
mod reporting;
pub mod request;
pub mod rng;
pub mod series;
pub mod simulation;
pub mod sweep;
pub mod traffic;
pub mod usl;

pub use bouncer::{Bouncer, BouncerMode};
pub use closed_loop::ClosedLoop;
pub use config::{DatabaseConfig, PoolConfig, PoolMode, Scenario, Setup, Traffic, Work};
pub use dist::Dist;
pub use faults::{Faults, Retry, Slowdown};
pub use preset_patch::apply_patch;
pub use presets::{preset, presets, Change, Preset};
pub use report::Report;
pub use series::SeriesPoint;
pub use simulation::{Simulation, Snapshot};
pub use sweep::{
    parse_range, summarise_for, sweep_grid, sweep_pool, InstanceSweep, Sweep, SweepRun,
};
pub use traffic::Pattern;
