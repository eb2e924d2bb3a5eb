//! The two sliced computations of the page: one live run, and a sweep over pool sizes.

use std::rc::Rc;

use crate::pool::sweep::summarise;
use crate::pool::{Report, Scenario, SeriesPoint, Simulation, Snapshot, Sweep, SweepRun};

use super::slicer::{Job, SliceStats};

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
            return self.sim.run_for(budget);
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
    /// Runs so far, with knee and collapse computed over them.
    pub sweep: Rc<Sweep>,
    pub total: u32,
    pub stats: SliceStats,
    pub finished: bool,
}

/// Runs the scenario once per pool size in `from..=to`, the same seed each time.
pub struct SweepJob {
    base: Scenario,
    next_size: u32,
    to: u32,
    current: Option<(u32, Simulation)>,
    runs: Vec<SweepRun>,
    total: u32,
    error: Option<String>,
}

impl SweepJob {
    /// A sweep; fails if the scenario is invalid. Series are off: a sweep only needs the reports.
    pub fn new(base: &Scenario, from: u32, to: u32) -> Result<SweepJob, String> {
        let mut base = base.clone();
        base.series_interval_ms = 0.0;
        base.validate()?;
        Ok(SweepJob {
            base,
            next_size: from,
            to,
            current: None,
            runs: Vec::new(),
            total: to.saturating_sub(from) + 1,
            error: None,
        })
    }

    fn start_next(&mut self) {
        if self.next_size > self.to {
            return;
        }
        let mut s = self.base.clone();
        s.pool.size = self.next_size;
        match Simulation::new(s) {
            Ok(sim) => self.current = Some((self.next_size, sim)),
            Err(e) => self.error = Some(e),
        }
        self.next_size += 1;
    }
}

impl Job for SweepJob {
    type View = Result<SweepView, String>;

    fn step(&mut self, budget: u64, _wall_ms: f64) -> u64 {
        let mut handled = 0;
        while handled < budget && !self.done() {
            if self.current.is_none() {
                self.start_next();
                continue;
            }
            if let Some((size, sim)) = self.current.as_mut() {
                handled += sim.run_for(budget - handled);
                if sim.is_finished() {
                    self.runs.push(SweepRun {
                        pool_size: *size,
                        report: sim.report(),
                    });
                    self.current = None;
                }
            }
        }
        handled
    }

    fn done(&self) -> bool {
        self.error.is_some() || (self.current.is_none() && self.next_size > self.to)
    }

    fn view(&self, stats: SliceStats) -> Result<SweepView, String> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        Ok(SweepView {
            sweep: Rc::new(summarise(self.runs.clone(), self.base.database.cores)),
            total: self.total,
            stats,
            finished: self.done(),
        })
    }
}
