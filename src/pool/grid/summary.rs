//! What a grid sweep teaches in words and files: which instance counts ask for more connections
//! than the database (or PgBouncer) admits and from which pool size on, and the grid as CSV or JSON.

use serde::Serialize;

use super::runner::Grid;
use crate::pool::Scenario;

/// An instance count whose pools, from `from_pool` on, want more connections than the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverLimit {
    pub instances: u32,
    /// The smallest pool size of the sweep with `instances × pool size > limit`.
    pub from_pool: u32,
    /// How many pool sizes of the sweep are over.
    pub pool_sizes: u32,
}

impl Grid {
    /// The pool sizes at which `instances` pools want more connections than the limit.
    pub fn over_limit(&self) -> Vec<OverLimit> {
        let (lo, hi) = self.pool_sizes;
        self.rows
            .iter()
            .filter_map(|row| {
                // instances × p > limit  ⇔  p > limit / instances (integer division).
                let first_over = (self.connection_limit / row.instances.max(1)).saturating_add(1);
                let from_pool = first_over.max(lo);
                (from_pool <= hi).then(|| OverLimit {
                    instances: row.instances,
                    from_pool,
                    pool_sizes: hi - from_pool + 1,
                })
            })
            .collect()
    }

    /// Runs in the grid so far.
    pub fn runs(&self) -> usize {
        self.rows.iter().map(|r| r.sweep.runs.len()).sum()
    }

    /// One CSV line per run: the combination, what it asks of the database and what it gave.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "instances,pool_size,wanted_connections,connection_limit,over_limit,peak_open_connections,\
             knee,latency_p50_ms,latency_p99_ms,throughput_rps,p_wait,requests_completed,requests_failed,\
             too_many_connections,acquire_timeout,queue_full\n",
        );
        for row in &self.rows {
            for (run, peak) in row.sweep.runs.iter().zip(&row.peak_open) {
                let wanted = u64::from(row.instances) * u64::from(run.pool_size);
                let r = &run.report;
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                    row.instances,
                    run.pool_size,
                    wanted,
                    self.connection_limit,
                    wanted > u64::from(self.connection_limit),
                    peak,
                    row.sweep.knee == Some(run.pool_size),
                    r.latency_ms.p50,
                    r.latency_ms.p99,
                    r.throughput_rps,
                    r.p_wait,
                    r.requests_completed,
                    r.requests_failed,
                    r.failures.too_many_connections,
                    r.failures.acquire_timeout,
                    r.failures.queue_full
                ));
            }
        }
        out
    }

    /// The scenario and the whole grid (every run's full report) as pretty JSON.
    pub fn json(&self, scenario: &Scenario) -> String {
        #[derive(Serialize)]
        struct Export<'a> {
            scenario: &'a Scenario,
            grid: &'a Grid,
        }
        serde_json::to_string_pretty(&Export {
            scenario,
            grid: self,
        })
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::runner::GridRunner;
    use super::*;

    fn fleet() -> Scenario {
        let mut s = Scenario {
            requests: 400,
            ..Scenario::default()
        };
        s.traffic.arrival_rate = 500.0;
        s.database.max_connections = 100;
        s.database.reserved_connections = 3;
        s
    }

    fn grid(pools: (u32, u32), instances: &[u32]) -> Grid {
        let mut r = GridRunner::new(&fleet(), pools, instances).expect("valid grid");
        r.run_to_end();
        r.grid()
    }

    #[test]
    fn names_the_combinations_over_the_limit() {
        // 97 connections: 5 instances are over from pool 20, 10 from 10, 20 from 5 (20 × 5 = 100).
        let g = grid((4, 12), &[5, 10, 20]);
        let over = g.over_limit();
        assert_eq!(
            over,
            vec![
                OverLimit {
                    instances: 10,
                    from_pool: 10,
                    pool_sizes: 3
                },
                OverLimit {
                    instances: 20,
                    from_pool: 5,
                    pool_sizes: 8
                },
            ]
        );
        assert_eq!(g.runs(), 27);
        // A pool range that starts over the limit starts there.
        let g = grid((6, 7), &[20]);
        assert_eq!(g.over_limit()[0].from_pool, 6);
        assert!(grid((1, 2), &[1]).over_limit().is_empty());
    }

    #[test]
    fn csv_has_one_line_per_run_and_flags_the_over_ones() {
        let g = grid((4, 6), &[10, 20]);
        let csv = g.csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + 6);
        assert!(lines[0]
            .starts_with("instances,pool_size,wanted_connections,connection_limit,over_limit"));
        let cols = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == cols));
        assert!(lines[1].starts_with("10,4,40,97,false,"));
        assert!(lines[4].starts_with("20,4,80,97,false,"));
        assert!(lines[5].starts_with("20,5,100,97,true,"));
    }

    #[test]
    fn json_carries_scenario_limit_and_every_run() {
        let g = grid((2, 3), &[1, 2]);
        let v: serde_json::Value = serde_json::from_str(&g.json(&fleet())).expect("valid JSON");
        assert_eq!(v["grid"]["connection_limit"], 97);
        assert_eq!(v["scenario"]["database"]["max_connections"], 100);
        let rows = v["grid"]["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["instances"], 2);
        assert_eq!(rows[1]["sweep"]["runs"][1]["pool_size"], 3);
        assert!(rows[1]["sweep"]["runs"][1]["latency_ms"]["p99"].is_number());
        assert_eq!(rows[1]["peak_open"].as_array().map(Vec::len), Some(2));
    }
}
