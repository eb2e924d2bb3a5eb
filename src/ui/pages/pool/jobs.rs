//! The two sliced computations of the page: one live run, and a sweep over pool sizes (and
//! instance counts).

use std::rc::Rc;

use crate::pool::grid::{Grid, GridRunner};
use crate::pool::{Report, Scenario, SeriesPoint, Simulation, Snapshot};

use super::slicer::{now, Job, SliceStats, TARGET_MS};

/// What the page shows of a run, refreshed while it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct RunView {
    pub scenario: Rc<Scenario>,
    pub snapshot: Snapshot,
    pub series: Rc<Vec<SeriesPoint>>,
    pub report: Rc<Report>,
    pub stats: SliceStats,
    pub finished: bool,
    /// The user stopped the run before its end (`finished` is then true too).
    pub stopped: bool,
}

/// One simulation run.
pub struct RunJob {
    sim: Simulation,
    scenario: Rc<Scenario>,
    /// Simulated ms per wall ms, to watch a run unfold; `None` runs as fast as the slices allow.
    pace: Option<f64>,
}

/// A run's slice looks at the clock this many times per budget.
const RUN_CHUNKS: u64 = 8;

/// Events handled between two looks at the simulated clock when paced.
const PACE_CHUNK: u64 = 64;

impl RunJob {
    pub fn new(scenario: Scenario, pace: Option<f64>) -> Result<RunJob, String> {
        Ok(RunJob {
            scenario: Rc::new(scenario.clone()),
            sim: Simulation::new(scenario)?,
            pace: pace.filter(|p| p.is_finite() && *p > 0.0),
        })
    }
}

impl Job for RunJob {
    type View = RunView;

    fn step(&mut self, budget: u64, wall_ms: f64) -> u64 {
        let Some(pace) = self.pace else {
            // Events differ in cost over a run (a restart storm, a queue that suddenly grows), so
            // look at the clock a few times per slice rather than trust the budget alone.
            let started = now();
            let chunk = (budget / RUN_CHUNKS).max(MIN_CHUNK);
            let mut handled = 0;
            while handled < budget && !self.sim.is_finished() {
                handled += self.sim.run_for(chunk.min(budget - handled));
                if now() - started >= TARGET_MS {
                    break;
                }
            }
            return handled;
        };
        let until = wall_ms * pace;
        let mut handled = 0;
        while handled < budget && !self.sim.is_finished() && self.sim.snapshot().time_ms < until {
            handled += self.sim.run_for(PACE_CHUNK.min(budget - handled));
        }
        handled
    }

    fn done(&self) -> bool {
        self.sim.is_finished()
    }

    fn view(&self, stats: SliceStats) -> RunView {
        RunView {
            scenario: self.scenario.clone(),
            snapshot: self.sim.snapshot(),
            series: Rc::new(self.sim.series().to_vec()),
            report: Rc::new(self.sim.report()),
            stats,
            finished: self.sim.is_finished(),
            stopped: false,
        }
    }
}

/// What the page shows of a sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepView {
    /// Runs so far, grouped by instance count, each row with its knee and collapse.
    pub grid: Rc<Grid>,
    /// The instance counts asked for (a row appears once its first run is done).
    pub instances: Rc<Vec<u32>>,
    pub total: usize,
    pub stats: SliceStats,
    pub finished: bool,
}

/// A sweep slice looks at the clock this many times per budget (a clock read costs far less than the
/// events between two reads).
const SWEEP_CHUNKS: u64 = 32;
/// Fewest events between two clock reads.
const MIN_CHUNK: u64 = 64;

/// Runs the scenario once per pool size in `from..=to` at every instance count asked for, the same
/// seed each time (the core's [`GridRunner`] does the work; this only adapts it to the slicer).
pub struct SweepJob {
    runner: GridRunner,
    instances: Rc<Vec<u32>>,
}

impl SweepJob {
    /// A sweep; fails if the scenario is invalid or the grid too big.
    pub fn new(
        base: &Scenario,
        pools: (u32, u32),
        instances: Vec<u32>,
    ) -> Result<SweepJob, String> {
        Ok(SweepJob {
            runner: GridRunner::new(base, pools, &instances)?,
            instances: Rc::new(instances),
        })
    }
}

impl Job for SweepJob {
    type View = Result<SweepView, String>;

    fn step(&mut self, budget: u64, _wall_ms: f64) -> u64 {
        // Cells differ in cost per event (20 pools refusing connections cost more than one pool
        // queueing, a cell that opens its pools costs more than one that queues), so a budget tuned on
        // one cell can overshoot badly on the next: work in small chunks and look at the clock after
        // each, stopping once the slice has used its target.
        let started = now();
        let chunk = (budget / SWEEP_CHUNKS).max(MIN_CHUNK);
        let mut handled = 0;
        while handled < budget && !self.runner.done() {
            handled += self.runner.step(chunk.min(budget - handled));
            if now() - started >= TARGET_MS {
                break;
            }
        }
        handled
    }

    fn done(&self) -> bool {
        self.runner.done()
    }

    fn view(&self, stats: SliceStats) -> Result<SweepView, String> {
        if let Some(e) = self.runner.error() {
            return Err(e.to_owned());
        }
        Ok(SweepView {
            grid: Rc::new(self.runner.grid()),
            instances: self.instances.clone(),
            total: self.runner.total(),
            stats,
            finished: self.runner.done(),
        })
    }
}
