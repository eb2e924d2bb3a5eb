//! Runs a grid sweep one bounded step at a time: every pool size of a range at every instance count
//! of a list, the same seed (so the same traffic) in each cell, one cell after the other.
//!
//! Besides each cell's report it records the peak of open connections at the database (or at
//! PgBouncer's server side), looked at every [`PEAK_CHUNK`] events: the core's report holds only the
//! time average, and a peak is what meets `max_connections`.

use serde::Serialize;

use crate::pool::config::MAX_APP_CONNECTIONS;
use crate::pool::sweep::{summarise_for, Sweep, SweepRun, MAX_SWEEP_RUNS};
use crate::pool::{Report, Scenario, Simulation};

/// Events between two looks at the open connections: small enough to catch short peaks, large
/// enough that looking costs little beside the simulation.
pub const PEAK_CHUNK: u64 = 32;

/// One finished cell of the grid.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    instances: u32,
    pool_size: u32,
    peak_open: u64,
    report: Report,
}

/// The cells finished so far, grouped by instance count, each row with its knee.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Grid {
    /// Connections the apps may open: `max_connections − reserved`, or PgBouncer's
    /// `max_client_conn` when the apps connect through it.
    pub connection_limit: u32,
    pub through_bouncer: bool,
    pub pool_sizes: (u32, u32),
    pub rows: Vec<GridRow>,
}

/// The pool-size sweep at one instance count.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GridRow {
    pub instances: u32,
    /// Runs (in pool-size order), knee, collapse and HikariCP's formula, as the CLI's sweep.
    pub sweep: Sweep,
    /// Peak open connections at the database of each run, in the order of `sweep.runs`.
    pub peak_open: Vec<u64>,
}

/// A grid sweep in progress.
pub struct GridRunner {
    base: Scenario,
    pools: (u32, u32),
    instances: Vec<u32>,
    /// Index of the next cell to start: cell `i` is instance count `i / n_pools`, pool size
    /// `pools.0 + i % n_pools`.
    next: usize,
    current: Option<(u32, u32, Simulation, u64)>,
    cells: Vec<Cell>,
    error: Option<String>,
}

impl GridRunner {
    /// A grid over `pools` (inclusive) × `instances`; fails on an invalid scenario or a grid too
    /// big. The time series is switched off: a sweep needs only the reports.
    pub fn new(
        base: &Scenario,
        pools: (u32, u32),
        instances: &[u32],
    ) -> Result<GridRunner, String> {
        let mut base = base.clone();
        base.series_interval_ms = 0.0;
        base.validate()?;
        if pools.0 == 0 || pools.1 < pools.0 {
            return Err(format!(
                "need 1 <= from <= to for the pool sizes, got {}..{}",
                pools.0, pools.1
            ));
        }
        if instances.is_empty() {
            return Err("give at least one instance count".into());
        }
        let cells = u64::from(pools.1 - pools.0 + 1) * instances.len() as u64;
        if cells > u64::from(MAX_SWEEP_RUNS) {
            return Err(format!(
                "{cells} runs in the grid; at most {MAX_SWEEP_RUNS}: narrow the pool sizes or the instance counts"
            ));
        }
        let most = instances.iter().max().copied().unwrap_or(1);
        if u64::from(most) * u64::from(pools.1) > MAX_APP_CONNECTIONS {
            return Err(format!(
                "{most} instances × pool {} is over {MAX_APP_CONNECTIONS} connections",
                pools.1
            ));
        }
        Ok(GridRunner {
            base,
            pools,
            instances: instances.to_vec(),
            next: 0,
            current: None,
            cells: Vec::new(),
            error: None,
        })
    }

    fn n_pools(&self) -> usize {
        (self.pools.1 - self.pools.0 + 1) as usize
    }

    /// Number of runs in the whole grid.
    pub fn total(&self) -> usize {
        self.n_pools() * self.instances.len()
    }

    /// Runs finished so far.
    pub fn finished_runs(&self) -> usize {
        self.cells.len()
    }

    /// The error that stopped the grid, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn done(&self) -> bool {
        self.error.is_some() || (self.current.is_none() && self.next >= self.total())
    }

    fn start_next(&mut self) {
        let n = self.n_pools();
        let (Some(&instances), Ok(offset)) = (
            self.instances.get(self.next / n),
            u32::try_from(self.next % n),
        ) else {
            self.next = self.total();
            return;
        };
        let size = self.pools.0 + offset;
        let mut s = self.base.clone();
        s.pool.instances = instances;
        s.pool.size = size;
        match Simulation::new(s) {
            Ok(sim) => self.current = Some((instances, size, sim, 0)),
            Err(e) => self.error = Some(format!("{instances} instances × pool {size}: {e}")),
        }
        self.next += 1;
    }

    /// Handles at most about `budget` events; returns how many it handled.
    pub fn step(&mut self, budget: u64) -> u64 {
        let mut handled = 0;
        while handled < budget && !self.done() {
            let Some((instances, size, sim, peak)) = self.current.as_mut() else {
                self.start_next();
                continue;
            };
            let n = sim.run_for(PEAK_CHUNK.min(budget - handled));
            handled += n;
            *peak = (*peak).max(sim.snapshot().open_connections);
            if sim.is_finished() {
                self.cells.push(Cell {
                    instances: *instances,
                    pool_size: *size,
                    peak_open: *peak,
                    report: sim.report(),
                });
                self.current = None;
            } else if n == 0 {
                // Not finished yet nothing to do: cannot happen, but never spin.
                break;
            }
        }
        handled
    }

    /// Runs the whole grid (the CLI's way; tests use it to compare with sliced runs).
    pub fn run_to_end(&mut self) {
        while !self.done() {
            self.step(1 << 16);
        }
    }

    /// The grid of the runs finished so far.
    pub fn grid(&self) -> Grid {
        let rows = self
            .instances
            .iter()
            .filter_map(|&n| {
                let cells: Vec<&Cell> = self.cells.iter().filter(|c| c.instances == n).collect();
                if cells.is_empty() {
                    return None;
                }
                let runs = cells
                    .iter()
                    .map(|c| SweepRun {
                        pool_size: c.pool_size,
                        report: c.report.clone(),
                    })
                    .collect();
                Some(GridRow {
                    instances: n,
                    sweep: summarise_for(runs, &self.base),
                    peak_open: cells.iter().map(|c| c.peak_open).collect(),
                })
            })
            .collect();
        Grid {
            connection_limit: connection_limit(&self.base),
            through_bouncer: self.base.bouncer.is_some(),
            pool_sizes: self.pools,
            rows,
        }
    }
}

/// Connections all app pools together may open.
pub fn connection_limit(s: &Scenario) -> u32 {
    match &s.bouncer {
        Some(b) => b.max_client_conn,
        None => s.app_connection_limit(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::sweep_grid;

    fn small() -> Scenario {
        let mut s = Scenario {
            requests: 600,
            ..Scenario::default()
        };
        s.traffic.arrival_rate = 400.0;
        s.database.max_connections = 12;
        s.database.reserved_connections = 2;
        s
    }

    #[test]
    fn sliced_grid_equals_the_cores_grid() {
        let s = small();
        let mut runner = GridRunner::new(&s, (2, 5), &[1, 2, 3]).expect("valid grid");
        assert_eq!(runner.total(), 12);
        let mut steps = 0;
        while !runner.done() {
            runner.step(97);
            steps += 1;
        }
        assert!(steps > 12, "the grid took several steps ({steps})");
        let grid = runner.grid();
        let mut plain = s.clone();
        plain.series_interval_ms = 0.0;
        let core = sweep_grid(&plain, (2, 5), (1, 3)).expect("core grid");
        assert_eq!(grid.rows.len(), core.len());
        for (row, want) in grid.rows.iter().zip(&core) {
            assert_eq!(row.instances, want.instances);
            assert_eq!(row.sweep, want.sweep, "{} instances", row.instances);
            assert_eq!(row.peak_open.len(), row.sweep.runs.len());
        }
        assert_eq!(grid.connection_limit, 10);
        assert!(!grid.through_bouncer);
    }

    #[test]
    fn peaks_never_pass_the_limit_and_reach_it_when_pools_want_more() {
        let mut s = small();
        s.traffic.arrival_rate = 3000.0;
        let mut runner = GridRunner::new(&s, (4, 6), &[1, 3]).expect("valid grid");
        runner.run_to_end();
        let grid = runner.grid();
        for row in &grid.rows {
            for (run, peak) in row.sweep.runs.iter().zip(&row.peak_open) {
                let wanted = u64::from(row.instances) * u64::from(run.pool_size);
                assert!(
                    *peak <= u64::from(grid.connection_limit),
                    "{peak} within the limit"
                );
                assert!(
                    *peak <= wanted,
                    "{peak} within what the pools may open ({wanted})"
                );
            }
        }
        // 3 instances × pool 6 want 18 connections under a limit of 10: some get refused.
        let over = &grid.rows[1];
        assert_eq!(over.peak_open.last(), Some(&10));
        assert!(over.sweep.runs[2].report.failures.too_many_connections > 0);
    }

    #[test]
    fn refuses_grids_it_cannot_run() {
        let s = small();
        let err = |pools, inst: &[u32]| GridRunner::new(&s, pools, inst).err().unwrap_or_default();
        assert!(err((1, 100), &[1, 2, 3, 4, 5, 6]).contains("at most 512"));
        assert!(err((5, 4), &[1]).contains("1 <= from <= to"));
        assert!(err((0, 4), &[1]).contains("1 <= from <= to"));
        assert!(err((1, 4), &[]).contains("at least one"));
        assert!(err((1, 101), &[10_000]).contains("over 1000000"));
        let mut bad = s.clone();
        bad.requests = 0;
        assert!(GridRunner::new(&bad, (1, 2), &[1]).is_err());
    }

    #[test]
    fn a_partial_grid_shows_the_rows_begun() {
        let mut runner = GridRunner::new(&small(), (1, 3), &[1, 2]).expect("valid grid");
        assert!(runner.grid().rows.is_empty());
        while runner.finished_runs() < 4 {
            runner.step(50);
        }
        let grid = runner.grid();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[1].sweep.runs.len(), 1);
        assert!(!runner.done());
    }
}
