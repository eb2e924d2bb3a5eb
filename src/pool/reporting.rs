//! Turns a simulation's metrics into a [`Report`], at any point of the run.

use super::metrics::WAIT_PROBS;
use super::report::{
    Confidence, Exceedance, Failures, LatencySummary, OverloadGuard, Report, WaitSummary,
};
use super::simulation::Simulation;

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Simulation {
    /// The results so far (final once [`Simulation::is_finished`]).
    pub fn report(&self) -> Report {
        let m = &self.metrics;
        let window = (self.now - m.window_start).max(0.0);
        let per_ms = |area: f64| if window > 0.0 { area / window } else { 0.0 };
        let (a, b) = (&m.areas, &m.window_base);
        let mean_busy = per_ms(a.busy - b.busy);
        let hold_rate = per_ms(m.window_hold_sum);
        let littles_law_error = if mean_busy > 0.0 {
            (mean_busy - hold_rate).abs() / mean_busy
        } else {
            0.0
        };
        debug_assert_eq!(WAIT_PROBS.len(), 3);
        Report {
            requests_arrived: m.arrived,
            requests_completed: m.completed,
            requests_failed: m.failed(),
            requests_in_flight: self.in_flight,
            failures: Failures {
                queue_full: m.queue_full,
                acquire_timeout: m.acquire_timeout,
                too_many_connections: m.too_many_connections,
                instance_restart: m.instance_restart,
                query_wait_timeout: m.query_wait_timeout,
                client_timeout: m.client_timeout,
                overload_guard: m.overload_guard,
            },
            retries: m.retries,
            leaked_connections: m.leaked,
            nested_acquisitions: m.nested,
            abandoned_attempts: m.abandoned,
            wasted_transactions: m.wasted,
            throughput_rps: if window > 0.0 {
                m.window_completed as f64 * 1000.0 / window
            } else {
                0.0
            },
            p_wait: ratio(m.measured_waited, m.measured_acquired),
            p_reject: ratio(m.measured_rejected, m.measured_arrived),
            wait_ms: WaitSummary {
                mean: m.wait.mean(),
                p50: m.wait.quantile(0.5),
                p95: m.wait.quantile(0.95),
                p99: m.wait.quantile(0.99),
                p999: m.wait.quantile(0.999),
            },
            latency_ms: LatencySummary {
                mean: m.latency.mean(),
                p50: m.latency.quantile(0.5),
                p95: m.latency.quantile(0.95),
                p99: m.latency.quantile(0.99),
                p999: m.latency.quantile(0.999),
                max: m.latency.max(),
            },
            mean_busy_connections: mean_busy,
            mean_hold_ms: if m.window_completed > 0 {
                m.window_hold_sum / m.window_completed as f64
            } else {
                0.0
            },
            mean_waiting: per_ms(a.waiting - b.waiting),
            mean_in_flight: per_ms(a.in_flight - b.in_flight),
            mean_db_busy_cores: per_ms(a.db_busy_cores - b.db_busy_cores),
            mean_open_connections: per_ms(a.open_connections - b.open_connections),
            mean_connection_memory_mb: per_ms(a.open_connections - b.open_connections)
                * self.scenario.database.memory_per_connection_mb,
            connections_opened: m.connections_opened,
            connections_closed: m.connections_closed,
            server_connections_opened: m.server_connections_opened,
            server_login_failures: m.server_login_failures,
            waiting_at_end: self.waiting,
            events: self.events_done,
            littles_law_error,
            sim_time_ms: self.now,
            window_ms: window,
            confidence: Confidence {
                wait_mean: m.wait_bm.interval(),
                p_wait: m.waited_bm.interval(),
                wait_p50: m.wait_q_bm.interval(0),
                wait_p95: m.wait_q_bm.interval(1),
                wait_p99: m.wait_q_bm.interval(2),
                latency_mean: m.latency_bm.interval(),
                p_reject: m.rejected_bm.interval(),
                wait_exceeds: m
                    .thresholds
                    .iter()
                    .map(|(t, bm)| Exceedance {
                        threshold_ms: *t,
                        fraction: bm.interval(),
                    })
                    .collect(),
            },
            overload_guard: m.guard_first_ms.map(|first| OverloadGuard {
                limit: self.scenario.max_in_system,
                first_refusal_ms: first,
                refused: m.overload_guard,
            }),
        }
    }
}
