//! Runs a long computation in slices from timer callbacks, so the page stays responsive.
//!
//! Each slice handles `budget` events, measured with `performance.now()`; the budget then grows or
//! shrinks so a slice takes about [`TARGET_MS`], well under the 50 ms that makes a "long task". The
//! view is refreshed at most every [`VIEW_MS`] of wall time (and at the end): rendering charts after
//! every slice would cost more than the slices themselves.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::Callback;

/// Wall time one slice aims for (ms).
pub const TARGET_MS: f64 = 8.0;
/// Pause before the next slice when a paced job is ahead of the clock (ms): about one frame.
const IDLE_MS: u32 = 16;
/// Least wall time between two view refreshes (ms).
pub const VIEW_MS: f64 = 120.0;
const MIN_BUDGET: u64 = 200;
const MAX_BUDGET: u64 = 1 << 22;

/// A computation that advances in bounded steps.
pub trait Job: 'static {
    /// What the page shows while the job runs.
    type View: 'static;
    /// Handles at most `budget` events, `wall_ms` after the job started; returns how many it
    /// handled (0 means "nothing to do yet": a paced job waits for the clock).
    fn step(&mut self, budget: u64, wall_ms: f64) -> u64;
    fn done(&self) -> bool;
    /// The current view; `stats` says how the slicing went.
    fn view(&self, stats: SliceStats) -> Self::View;
}

/// How the slicing went, for the page's footnote and the e2e test.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SliceStats {
    pub slices: u64,
    pub budget: u64,
    pub longest_slice_ms: f64,
    pub wall_ms: f64,
    /// Wall time spent inside slices (the simulation itself, without rendering and idling).
    pub busy_ms: f64,
    pub events: u64,
}

struct Running<J: Job> {
    /// Tells this job's timers from those of a job it replaced.
    generation: u64,
    job: J,
    stats: SliceStats,
    started: f64,
    last_view: f64,
    /// The pending timer; dropping it cancels the next slice.
    timer: Option<Timeout>,
}

/// A handle on the job in progress; dropping or replacing the job stops it.
pub struct Slicer<J: Job> {
    running: Shared<J>,
}

impl<J: Job> Default for Slicer<J> {
    fn default() -> Self {
        Slicer {
            running: Rc::new(RefCell::new(None)),
        }
    }
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl<J: Job> Slicer<J> {
    /// Starts `job` (stopping any job in progress); `on_view` receives the views.
    pub fn start(&self, job: J, on_view: Callback<J::View>) {
        let t = now();
        let generation = self
            .running
            .borrow()
            .as_ref()
            .map_or(0, |r| r.generation + 1);
        *self.running.borrow_mut() = Some(Running {
            generation,
            job,
            stats: SliceStats {
                budget: 2_000,
                ..SliceStats::default()
            },
            started: t,
            last_view: t,
            timer: None,
        });
        schedule(self.running.clone(), on_view, generation, 0);
    }

    /// Stops the job in progress, if any.
    pub fn stop(&self) {
        if let Some(r) = self.running.borrow_mut().as_mut() {
            r.timer = None;
            r.generation += 1;
        }
    }
}

type Shared<J> = Rc<RefCell<Option<Running<J>>>>;

fn schedule<J: Job>(running: Shared<J>, on_view: Callback<J::View>, generation: u64, delay: u32) {
    let next = running.clone();
    let timer = Timeout::new(delay, move || tick(next, on_view, generation));
    if let Some(r) = running.borrow_mut().as_mut() {
        r.timer = Some(timer);
    }
}

fn tick<J: Job>(running: Shared<J>, on_view: Callback<J::View>, generation: u64) {
    // The borrow ends before the view is emitted: the page's callback may start or stop a job.
    let (view, done, idle) = {
        let mut guard = running.borrow_mut();
        let Some(r) = guard.as_mut().filter(|r| r.generation == generation) else {
            return;
        };
        let t0 = now();
        let handled = r.job.step(r.stats.budget, t0 - r.started);
        let t1 = now();
        let took = t1 - t0;
        let s = &mut r.stats;
        s.slices += 1;
        s.events += handled;
        s.longest_slice_ms = s.longest_slice_ms.max(took);
        s.wall_ms = t1 - r.started;
        s.busy_ms += took;
        // Aim for TARGET_MS: grow fast while slices are short, shrink in proportion when long.
        let next = if took < TARGET_MS / 2.0 {
            s.budget.saturating_mul(2)
        } else if took > TARGET_MS {
            ((s.budget as f64) * TARGET_MS / took) as u64
        } else {
            s.budget
        };
        s.budget = next.clamp(MIN_BUDGET, MAX_BUDGET);
        let done = r.job.done();
        let view = (done || t1 - r.last_view >= VIEW_MS).then(|| {
            r.last_view = t1;
            r.job.view(r.stats)
        });
        (view, done, handled == 0)
    };
    if let Some(view) = view {
        on_view.emit(view);
    }
    let current = running.borrow().as_ref().map(|r| r.generation);
    if !done && current == Some(generation) {
        let delay = if idle { IDLE_MS } else { 0 };
        schedule(running, on_view, generation, delay);
    }
}
