//! Time series for the page's charts: one point per interval of simulated time (1 s by default).
//!
//! When a run grows past [`MAX_POINTS`], neighbouring points are merged and the interval doubles, so
//! memory stays bounded however long the run. Merging averages the means and keeps the larger of the
//! two latency quantiles (an upper bound; exact quantiles of the merged interval are not recoverable).

use super::histogram::Histogram;
use super::metrics::Areas;
use serde::{Deserialize, Serialize};

/// Most points kept.
pub const MAX_POINTS: usize = 2048;

/// One interval of the run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    /// End of the interval (ms).
    pub t_ms: f64,
    pub arrivals: u64,
    pub completed: u64,
    pub failed: u64,
    pub throughput_rps: f64,
    /// Latency of the requests completed in the interval (coarse: within about 3 %).
    pub latency_p50_ms: f64,
    pub latency_p99_ms: f64,
    pub mean_in_flight: f64,
    pub mean_waiting: f64,
    pub mean_busy_connections: f64,
    pub mean_open_connections: f64,
    /// Busy database cores, time-averaged.
    pub mean_db_busy_cores: f64,
    /// Transactions completed for callers that had already given up (wasted work).
    #[serde(default)]
    pub wasted: u64,
}

/// Cumulative counters at an instant.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counters {
    pub arrived: u64,
    pub completed: u64,
    pub failed: u64,
    pub wasted: u64,
}

/// The series being built.
#[derive(Clone, Debug)]
pub struct Series {
    interval: f64,
    next_boundary: f64,
    last_areas: Areas,
    last_counters: Counters,
    latency: Histogram,
    pub points: Vec<SeriesPoint>,
}

impl Series {
    /// A series with points every `interval_ms` (> 0).
    pub fn new(interval_ms: f64) -> Self {
        Series {
            interval: interval_ms,
            next_boundary: interval_ms,
            last_areas: Areas::default(),
            last_counters: Counters::default(),
            latency: Histogram::with_sub_bits(4),
            points: Vec::new(),
        }
    }

    /// The next interval end: the engine closes the point when time reaches it.
    pub fn next_boundary(&self) -> f64 {
        self.next_boundary
    }

    /// Current interval length (doubles as points are merged).
    pub fn interval(&self) -> f64 {
        self.interval
    }

    /// A request completed with this latency in the current interval.
    pub fn record_latency(&mut self, ms: f64) {
        self.latency.record(ms);
    }

    /// Closes the interval ending at `next_boundary`, given the cumulative areas and counters then.
    pub fn close(&mut self, areas: &Areas, counters: Counters) {
        let len = self.interval;
        let d = |now: f64, before: f64| (now - before) / len;
        let a = &self.last_areas;
        let c = &self.last_counters;
        let completed = counters.completed - c.completed;
        self.points.push(SeriesPoint {
            t_ms: self.next_boundary,
            arrivals: counters.arrived - c.arrived,
            completed,
            failed: counters.failed - c.failed,
            throughput_rps: completed as f64 * 1000.0 / len,
            latency_p50_ms: self.latency.quantile(0.5),
            latency_p99_ms: self.latency.quantile(0.99),
            mean_in_flight: d(areas.in_flight, a.in_flight),
            mean_waiting: d(areas.waiting, a.waiting),
            mean_busy_connections: d(areas.busy, a.busy),
            mean_open_connections: d(areas.open_connections, a.open_connections),
            mean_db_busy_cores: d(areas.db_busy_cores, a.db_busy_cores),
            wasted: counters.wasted - c.wasted,
        });
        self.last_areas = areas.clone();
        self.last_counters = counters;
        self.latency.clear();
        self.next_boundary += self.interval;
        if self.points.len() >= MAX_POINTS {
            self.halve();
        }
    }

    /// Merges neighbouring points and doubles the interval.
    fn halve(&mut self) {
        let merged: Vec<SeriesPoint> = self
            .points
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => SeriesPoint {
                    t_ms: b.t_ms,
                    arrivals: a.arrivals + b.arrivals,
                    completed: a.completed + b.completed,
                    failed: a.failed + b.failed,
                    throughput_rps: (a.throughput_rps + b.throughput_rps) / 2.0,
                    latency_p50_ms: a.latency_p50_ms.max(b.latency_p50_ms),
                    latency_p99_ms: a.latency_p99_ms.max(b.latency_p99_ms),
                    mean_in_flight: (a.mean_in_flight + b.mean_in_flight) / 2.0,
                    mean_waiting: (a.mean_waiting + b.mean_waiting) / 2.0,
                    mean_busy_connections: (a.mean_busy_connections + b.mean_busy_connections)
                        / 2.0,
                    mean_open_connections: (a.mean_open_connections + b.mean_open_connections)
                        / 2.0,
                    mean_db_busy_cores: (a.mean_db_busy_cores + b.mean_db_busy_cores) / 2.0,
                    wasted: a.wasted + b.wasted,
                },
                _ => pair[0].clone(),
            })
            .collect();
        // An odd last point covered only one old interval; the new boundary grid starts after it.
        self.points = merged;
        self.interval *= 2.0;
        let last = self.points.last().map_or(0.0, |p| p.t_ms);
        self.next_boundary = last + self.interval;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_bounded_and_interval_doubles() {
        let mut s = Series::new(10.0);
        let mut areas = Areas::default();
        for i in 1..=(MAX_POINTS as u64 * 2) {
            areas.busy += 3.0 * s.interval(); // 3 busy connections all along
            s.close(
                &areas,
                Counters {
                    arrived: i * 5,
                    completed: i * 5,
                    failed: 0,
                    wasted: 0,
                },
            );
        }
        assert!(s.points.len() <= MAX_POINTS);
        assert!(s.interval() > 10.0);
        assert!(s
            .points
            .iter()
            .all(|p| (p.mean_busy_connections - 3.0).abs() < 1e-9));
    }
}
