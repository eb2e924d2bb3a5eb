//! What a run measures: counters (all requests, exact), distributions and time averages (measured
//! window only, after the warm-up), and the batch-means accumulators for confidence intervals.

use super::batch_means::{BatchMeans, BatchQuantiles};
use super::histogram::Histogram;

/// Why a request failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailCause {
    /// The pool's wait queue was full (`queue_limit`).
    QueueFull,
    /// Still waiting when the acquire timeout expired.
    AcquireTimeout,
    /// The database refused a new connection (SQLSTATE 53300).
    TooManyConnections,
    /// Its instance restarted while it waited.
    InstanceRestart,
    /// Waited in PgBouncer longer than `query_wait_timeout`.
    QueryWaitTimeout,
    /// Its caller gave up on its last attempt (`client_timeout_ms`).
    ClientTimeout,
    /// Refused at arrival: the system already held `max_in_system` requests.
    OverloadGuard,
}

/// The wait quantiles tracked per batch.
pub const WAIT_PROBS: [f64; 3] = [0.5, 0.95, 0.99];

/// Piecewise-constant levels integrated over simulated time since the start (cumulative).
#[derive(Clone, Debug, Default)]
pub struct Areas {
    pub busy: f64,
    pub waiting: f64,
    pub in_flight: f64,
    pub db_active: f64,
    pub db_busy_cores: f64,
    pub open_connections: f64,
}

/// Everything counted during a run.
#[derive(Clone, Debug)]
pub struct Metrics {
    pub arrived: u64,
    pub completed: u64,
    pub queue_full: u64,
    pub acquire_timeout: u64,
    pub too_many_connections: u64,
    pub instance_restart: u64,
    pub query_wait_timeout: u64,
    pub client_timeout: u64,
    pub overload_guard: u64,
    /// When the overload guard first refused an arrival.
    pub guard_first_ms: Option<f64>,
    /// Attempts whose caller gave up on them, and of those the ones that still ran to completion.
    pub abandoned: u64,
    pub wasted: u64,
    pub server_connections_opened: u64,
    pub server_login_failures: u64,
    pub retries: u64,
    pub leaked: u64,
    pub nested: u64,
    pub connections_opened: u64,
    pub connections_closed: u64,
    /// Start of the measured window (ms).
    pub window_start: f64,
    pub measured_arrived: u64,
    pub measured_rejected: u64,
    pub measured_acquired: u64,
    pub measured_waited: u64,
    /// Completions and their summed hold time inside the window (for throughput and Little's law).
    pub window_completed: u64,
    pub window_hold_sum: f64,
    pub wait: Histogram,
    pub latency: Histogram,
    pub areas: Areas,
    /// `areas` when the measured window started.
    pub window_base: Areas,
    pub wait_bm: BatchMeans,
    pub waited_bm: BatchMeans,
    pub wait_q_bm: BatchQuantiles,
    pub latency_bm: BatchMeans,
    pub rejected_bm: BatchMeans,
    /// Thresholds (ms) and the batch means of "waited longer than the threshold".
    pub thresholds: Vec<(f64, BatchMeans)>,
}

impl Metrics {
    /// Empty metrics with batches of `batch_size` observations.
    pub fn new(batch_size: u64, thresholds: &[f64]) -> Self {
        Metrics {
            arrived: 0,
            completed: 0,
            queue_full: 0,
            acquire_timeout: 0,
            too_many_connections: 0,
            instance_restart: 0,
            query_wait_timeout: 0,
            client_timeout: 0,
            overload_guard: 0,
            guard_first_ms: None,
            abandoned: 0,
            wasted: 0,
            server_connections_opened: 0,
            server_login_failures: 0,
            retries: 0,
            leaked: 0,
            nested: 0,
            connections_opened: 0,
            connections_closed: 0,
            window_start: 0.0,
            measured_arrived: 0,
            measured_rejected: 0,
            measured_acquired: 0,
            measured_waited: 0,
            window_completed: 0,
            window_hold_sum: 0.0,
            wait: Histogram::new(),
            latency: Histogram::new(),
            areas: Areas::default(),
            window_base: Areas::default(),
            wait_bm: BatchMeans::new(batch_size),
            waited_bm: BatchMeans::new(batch_size),
            wait_q_bm: BatchQuantiles::new(batch_size, &WAIT_PROBS),
            latency_bm: BatchMeans::new(batch_size),
            rejected_bm: BatchMeans::new(batch_size),
            thresholds: thresholds
                .iter()
                .map(|&t| (t, BatchMeans::new(batch_size)))
                .collect(),
        }
    }

    /// All failures.
    pub fn failed(&self) -> u64 {
        self.queue_full
            + self.acquire_timeout
            + self.too_many_connections
            + self.instance_restart
            + self.query_wait_timeout
            + self.client_timeout
            + self.overload_guard
    }

    /// Counts a failure.
    pub fn fail(&mut self, cause: FailCause) {
        match cause {
            FailCause::QueueFull => self.queue_full += 1,
            FailCause::AcquireTimeout => self.acquire_timeout += 1,
            FailCause::TooManyConnections => self.too_many_connections += 1,
            FailCause::InstanceRestart => self.instance_restart += 1,
            FailCause::QueryWaitTimeout => self.query_wait_timeout += 1,
            FailCause::ClientTimeout => self.client_timeout += 1,
            FailCause::OverloadGuard => self.overload_guard += 1,
        }
    }

    /// A measured request either got in line or was turned away at once.
    pub fn admission(&mut self, rejected: bool) {
        self.measured_arrived += 1;
        self.measured_rejected += u64::from(rejected);
        self.rejected_bm.push(if rejected { 1.0 } else { 0.0 });
    }

    /// A measured request got its connection after `wait` ms.
    pub fn acquired(&mut self, wait: f64) {
        self.measured_acquired += 1;
        let waited = wait > 0.0;
        self.measured_waited += u64::from(waited);
        self.wait.record(wait);
        self.wait_bm.push(wait);
        self.waited_bm.push(if waited { 1.0 } else { 0.0 });
        self.wait_q_bm.push(wait);
        for (t, bm) in &mut self.thresholds {
            bm.push(if wait > *t { 1.0 } else { 0.0 });
        }
    }

    /// A measured request completed after `latency` ms.
    pub fn latency(&mut self, latency: f64) {
        self.latency.record(latency);
        self.latency_bm.push(latency);
    }
}
