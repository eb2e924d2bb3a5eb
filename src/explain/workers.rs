//! Per-worker breakdown of parallel plan nodes: each process's rows, loops, time and buffers, the
//! leader's share derived from the node's totals, and how unevenly the work was spread.
//!
//! How PostgreSQL reports a node run by parallel processes (why the leader can be derived):
//! the node line aggregates the instrumentation of every process (leader and workers) and prints
//! per-loop averages over all their loops, so `actual rows × loops` is the node's total and
//! `actual total time × loops` the sum of all processes' time. `Worker N:` lines (VERBOSE; `Workers`
//! arrays in JSON/YAML/XML) give each worker's own figures, and workers that never ran the node are
//! not printed. The leader's share is therefore `node totals − Σ workers`, as long as every worker
//! printed its rows and loops. Per-loop rows are rounded to whole rows before PostgreSQL 18, so the
//! derived leader rows carry an error of up to half a row per loop; they are rounded and never
//! negative.

use super::analysis::{add_buffers, buffers_minus};
use super::model::{Buffers, Node, Plan};
use serde::{Deserialize, Serialize};

/// A node's work counts as skewed when its busiest worker produced this many times the workers'
/// mean rows (1.0 = perfectly even). 1.5 means one worker did half again its fair share: with two
/// workers, a 60/40 split is 1.2 (normal noise), a 75/25 split 1.5.
pub const SKEW_ROWS_RATIO: f64 = 1.5;
/// ... and only when the node produced at least this many rows in all (tiny nodes are noise).
pub const SKEW_MIN_ROWS: f64 = 1000.0;

/// One process's share of a node.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ProcessShare {
    /// Worker number; `None` for the leader.
    pub worker: Option<f64>,
    /// Rows over all of this process's loops.
    pub rows: Option<f64>,
    pub loops: Option<f64>,
    /// Time over all of this process's loops (per-loop total × loops), in ms.
    pub time_ms: Option<f64>,
    /// This process's rows as a fraction (0..=1) of the node's total rows.
    pub rows_share: Option<f64>,
    pub buffers: Buffers,
}

/// The breakdown of one node that has per-worker figures.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct NodeWorkers {
    /// Pre-order index of the node.
    pub node: usize,
    /// Node totals (all processes): rows × loops and time × loops.
    pub rows_total: Option<f64>,
    pub time_total_ms: Option<f64>,
    /// The workers in the order the input listed them.
    pub workers: Vec<ProcessShare>,
    /// The leader, derived as node totals minus the workers' sums; `None` when not derivable.
    pub leader: Option<ProcessShare>,
    /// Busiest worker's rows / the workers' mean rows (1.0 = even); needs two workers with rows.
    pub rows_skew: Option<f64>,
    /// Slowest and fastest worker's time (ms), when at least two workers have times.
    pub slowest_ms: Option<f64>,
    pub fastest_ms: Option<f64>,
    /// True when `rows_skew ≥ SKEW_ROWS_RATIO` and the node has at least `SKEW_MIN_ROWS` rows.
    pub skewed: bool,
}

/// Workers planned and launched by one `Gather` / `Gather Merge`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct GatherWorkers {
    pub node: usize,
    pub workers_planned: Option<f64>,
    pub workers_launched: Option<f64>,
}

/// The plan-wide parallel picture.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct WorkerBreakdown {
    /// Nodes with per-worker figures, in pre-order.
    pub nodes: Vec<NodeWorkers>,
    /// Every Gather / Gather Merge, in pre-order.
    pub gathers: Vec<GatherWorkers>,
}

fn times(value: Option<f64>, loops: Option<f64>) -> Option<f64> {
    Some(value? * loops?)
}

/// Sum of `f` over all items, `None` as soon as one item lacks it.
fn sum_all<T>(items: &[T], f: impl Fn(&T) -> Option<f64>) -> Option<f64> {
    items.iter().try_fold(0.0, |acc, item| Some(acc + f(item)?))
}

fn share(part: Option<f64>, whole: Option<f64>) -> Option<f64> {
    match (part, whole) {
        (Some(p), Some(w)) if w > 0.0 => Some((p / w).clamp(0.0, 1.0)),
        _ => None,
    }
}

/// The breakdown of `node` (its pre-order index is `index`), or `None` when it has no worker data.
pub fn node_workers(node: &Node, index: usize) -> Option<NodeWorkers> {
    if node.workers.is_empty() {
        return None;
    }
    let rows_total = times(node.actual_rows, node.actual_loops);
    let time_total_ms = times(node.actual_total_ms, node.actual_loops);
    let mut workers: Vec<ProcessShare> = node
        .workers
        .iter()
        .map(|w| ProcessShare {
            worker: w.number,
            rows: times(w.actual_rows, w.actual_loops),
            loops: w.actual_loops,
            time_ms: times(w.actual_total_ms, w.actual_loops),
            rows_share: None,
            buffers: w.buffers.clone(),
        })
        .collect();
    let leader = derive_leader(node, &workers, rows_total, time_total_ms);
    for w in &mut workers {
        w.rows_share = share(w.rows, rows_total);
    }
    let rows: Vec<f64> = workers.iter().filter_map(|w| w.rows).collect();
    let rows_skew = if rows.len() >= 2 {
        let mean = rows.iter().sum::<f64>() / rows.len() as f64;
        let max = rows.iter().copied().fold(0.0, f64::max);
        (mean > 0.0).then(|| max / mean)
    } else {
        None
    };
    let worker_times: Vec<f64> = workers.iter().filter_map(|w| w.time_ms).collect();
    let (slowest_ms, fastest_ms) = if worker_times.len() >= 2 {
        (
            worker_times.iter().copied().reduce(f64::max),
            worker_times.iter().copied().reduce(f64::min),
        )
    } else {
        (None, None)
    };
    let skewed = rows_skew.is_some_and(|s| s >= SKEW_ROWS_RATIO)
        && rows_total.is_some_and(|r| r >= SKEW_MIN_ROWS);
    Some(NodeWorkers {
        node: index,
        rows_total,
        time_total_ms,
        workers,
        leader,
        rows_skew,
        slowest_ms,
        fastest_ms,
        skewed,
    })
}

/// Node totals minus the workers' sums; needs the node's and every worker's rows and loops.
fn derive_leader(
    node: &Node,
    workers: &[ProcessShare],
    rows_total: Option<f64>,
    time_total_ms: Option<f64>,
) -> Option<ProcessShare> {
    let node_loops = node.actual_loops?;
    let rows_total = rows_total?;
    let worker_loops = sum_all(workers, |w| w.loops)?;
    let worker_rows = sum_all(workers, |w| w.rows)?;
    let loops = (node_loops - worker_loops).round().max(0.0);
    if loops == 0.0 {
        // The leader never ran this node (parallel_leader_participation = off, or it was busy).
        return Some(ProcessShare {
            worker: None,
            rows: Some(0.0),
            loops: Some(0.0),
            time_ms: Some(0.0),
            rows_share: Some(0.0),
            buffers: Buffers::default(),
        });
    }
    let rows = (rows_total - worker_rows).round().max(0.0);
    let time_ms = match (time_total_ms, sum_all(workers, |w| w.time_ms)) {
        (Some(total), Some(worker_time)) => Some((total - worker_time).max(0.0)),
        _ => None,
    };
    let buffers = if node.buffers.is_empty() {
        Buffers::default()
    } else {
        let mut sum = Buffers::default();
        for w in workers {
            add_buffers(&mut sum, &w.buffers);
        }
        buffers_minus(&node.buffers, &sum)
    };
    Some(ProcessShare {
        worker: None,
        rows: Some(rows),
        loops: Some(loops),
        time_ms,
        rows_share: share(Some(rows), Some(rows_total)),
        buffers,
    })
}

/// Every node's breakdown and every Gather's planned/launched workers, in one pre-order pass.
pub fn breakdown(plan: &Plan) -> WorkerBreakdown {
    let mut out = WorkerBreakdown::default();
    for (index, node) in plan.preorder().into_iter().enumerate() {
        if matches!(node.node_type.as_str(), "Gather" | "Gather Merge") {
            out.gathers.push(GatherWorkers {
                node: index,
                workers_planned: node.workers_planned,
                workers_launched: node.workers_launched,
            });
        }
        if let Some(w) = node_workers(node, index) {
            out.nodes.push(w);
        }
    }
    out
}
