//! The results of a run: the CLI's JSON contract (field names fixed by the issue) plus extra detail.

use super::batch_means::Interval;
use serde::{Deserialize, Serialize};

/// Pool-wait distribution (ms) of requests that got a connection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WaitSummary {
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
}

/// End-to-end latency (ms) of completed requests: pool wait + hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LatencySummary {
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

/// Failures by cause.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Failures {
    /// Rejected because the pool's wait queue was full.
    pub queue_full: u64,
    /// Gave up waiting for a connection.
    pub acquire_timeout: u64,
    /// The database refused a connection (SQLSTATE 53300 too_many_connections).
    pub too_many_connections: u64,
    /// Its instance restarted while it waited.
    pub instance_restart: u64,
    /// Waited in PgBouncer longer than `query_wait_timeout`.
    pub query_wait_timeout: u64,
    /// The caller gave up on the last attempt it was allowed (`faults.client_timeout_ms`).
    #[serde(default)]
    pub client_timeout: u64,
    /// Refused at arrival by the simulator's overload guard (`max_in_system`), see
    /// [`Report::overload_guard`].
    #[serde(default)]
    pub overload_guard: u64,
}

/// The overload guard refused arrivals: the run's queues grew until the simulator's safety bound
/// `max_in_system` stopped admitting requests (a bound of the simulation, not of the modelled
/// system: the real queue would have kept growing).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OverloadGuard {
    /// The bound (`max_in_system`).
    pub limit: u64,
    /// When the first arrival was refused (ms).
    pub first_refusal_ms: f64,
    /// Arrivals refused in all.
    pub refused: u64,
}

/// Batch-means 95 % confidence intervals of the measured window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Confidence {
    pub wait_mean: Interval,
    pub p_wait: Interval,
    pub wait_p50: Interval,
    pub wait_p95: Interval,
    pub wait_p99: Interval,
    pub latency_mean: Interval,
    pub p_reject: Interval,
    /// For each of the scenario's `wait_thresholds_ms`: the fraction of waits longer than it.
    pub wait_exceeds: Vec<Exceedance>,
}

/// The fraction of pool waits longer than a threshold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Exceedance {
    pub threshold_ms: f64,
    pub fraction: Interval,
}

/// One run's results. Counters cover every request; distributions and averages the measured window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub requests_arrived: u64,
    pub requests_completed: u64,
    pub requests_failed: u64,
    /// Still waiting or holding a connection when the run stopped.
    pub requests_in_flight: u64,
    pub failures: Failures,
    /// Retry attempts made (each failed attempt that was retried).
    pub retries: u64,
    /// Connections leaked (never returned to their pool).
    pub leaked_connections: u64,
    /// Requests that needed a second connection while holding one.
    pub nested_acquisitions: u64,
    /// Attempts whose caller gave up on them (client timeout) while the app still had them.
    #[serde(default)]
    pub abandoned_attempts: u64,
    /// Of those, the ones the app still ran to completion: transactions nobody waited for.
    #[serde(default)]
    pub wasted_transactions: u64,
    /// Completions per second in the measured window.
    pub throughput_rps: f64,
    /// Fraction of measured requests that got a connection only after waiting.
    pub p_wait: f64,
    /// Fraction of measured arrivals rejected at once (queue full or no database slot).
    pub p_reject: f64,
    pub wait_ms: WaitSummary,
    pub latency_ms: LatencySummary,
    /// Time-average number of connections held by requests.
    pub mean_busy_connections: f64,
    /// Mean time a completed request held its connection (ms).
    pub mean_hold_ms: f64,
    pub mean_waiting: f64,
    pub mean_in_flight: f64,
    /// Time-average busy database cores.
    pub mean_db_busy_cores: f64,
    pub mean_open_connections: f64,
    /// Backend memory: mean open connections × `memory_per_connection_mb`.
    pub mean_connection_memory_mb: f64,
    pub connections_opened: u64,
    pub connections_closed: u64,
    /// PgBouncer server connections opened (0 without PgBouncer).
    pub server_connections_opened: u64,
    /// PgBouncer server logins the database refused (`max_connections`); each one holds further
    /// server connections back for `server_login_retry_ms`.
    #[serde(default)]
    pub server_login_failures: u64,
    /// Requests waiting for a connection when the run stopped.
    pub waiting_at_end: u64,
    /// Events handled.
    pub events: u64,
    /// |mean busy - throughput × mean hold| / mean busy.
    pub littles_law_error: f64,
    /// Simulated time (ms) and the length of the measured window.
    pub sim_time_ms: f64,
    pub window_ms: f64,
    pub confidence: Confidence,
    /// Set when the overload guard refused arrivals (`null` otherwise): the page says "the
    /// simulation stopped admitting requests because N were already in the system".
    #[serde(default)]
    pub overload_guard: Option<OverloadGuard>,
}
