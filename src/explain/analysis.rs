//! Per-node metrics derived from a parsed plan: inclusive/exclusive time, rows × loops, misestimates,
//! rows removed, exclusive buffers, I/O throughput, spill sizes, and plan-wide totals and maxima.
//!
//! Timing rules (why they are what they are):
//! - `Actual Total Time` is an average per loop, so inclusive time is `total × loops`.
//! - Inside a parallel region (below `Gather`/`Gather Merge`) the loops are spread over the leader and
//!   the launched workers that run at the same time, so the wall-clock share is divided by
//!   `workers launched + 1`.
//! - A CTE's subplan (`CTE x`) runs lazily inside the `CTE Scan`s that read it, so the owner does not
//!   subtract it; each scan subtracts the part of the CTE time still unattributed instead.
//! - Per-loop times are rounded to 0.001 ms, so a node is lifted to at least the sum of its children.
//! - Results are clamped: never negative, never above the plan's total time.

use super::model::{Buffers, Node, Plan};
use serde::{Deserialize, Serialize};

/// Bytes in one PostgreSQL block (the default `BLCKSZ`).
pub const BLOCK_BYTES: f64 = 8192.0;

/// How far the planner's row estimate was off.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Misestimate {
    /// `max(actual, planned) / min(actual, planned)`, both floored at 1 row: 1.0 means exact.
    pub factor: f64,
    /// `under` (more rows than planned), `over` (fewer) or `exact`.
    pub direction: String,
}

/// Derived numbers for one node (indexed in pre-order, root = 0).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct NodeMetrics {
    pub index: usize,
    pub parent: Option<usize>,
    /// Pre-order indices of the direct children, in plan order.
    pub children: Vec<usize>,
    pub depth: usize,
    pub inclusive_ms: Option<f64>,
    pub exclusive_ms: Option<f64>,
    /// `actual rows × loops`.
    pub rows_total: Option<f64>,
    pub loops: Option<f64>,
    pub misestimate: Option<Misestimate>,
    /// Rows removed by filter, join filter and index recheck, all loops.
    pub removed_by_filter: Option<f64>,
    pub removed_by_join_filter: Option<f64>,
    pub removed_by_recheck: Option<f64>,
    /// Share of rows read that a filter discarded, in percent.
    pub filter_removed_pct: Option<f64>,
    pub join_filter_removed_pct: Option<f64>,
    pub recheck_removed_pct: Option<f64>,
    pub buffers_exclusive: Buffers,
    /// Shared hit / (hit + read), 0..=1.
    pub hit_ratio: Option<f64>,
    /// Read throughput in MB/s from `shared+local read` blocks and I/O read time.
    pub read_mb_per_s: Option<f64>,
    /// Temp data written, in kB.
    pub temp_written_kb: Option<f64>,
    /// Number of parallel processes sharing the loops (1 outside parallel regions).
    pub parallel_processes: f64,
}

/// Plan-wide maxima, for scaling bars in the page.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Maxima {
    pub exclusive_ms: f64,
    pub inclusive_ms: f64,
    pub rows_total: f64,
    pub misestimate_factor: f64,
    pub total_cost: f64,
    pub buffers_exclusive: f64,
    pub io_ms: f64,
}

/// Analysis of a whole plan.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Analysis {
    /// Per node, pre-order.
    pub nodes: Vec<NodeMetrics>,
    /// The time everything is clamped to: execution time, else the root's inclusive time.
    pub total_ms: Option<f64>,
    pub planning_ms: Option<f64>,
    pub execution_ms: Option<f64>,
    pub jit_ms: Option<f64>,
    pub trigger_ms: Option<f64>,
    /// Shares of planning + execution, in percent.
    pub planning_pct: Option<f64>,
    pub jit_pct_of_execution: Option<f64>,
    pub trigger_pct_of_execution: Option<f64>,
    pub maxima: Maxima,
}

fn pct(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| (part / whole * 100.0).clamp(0.0, 100.0))
}

fn removed_pct(removed: Option<f64>, kept: Option<f64>) -> Option<f64> {
    let removed = removed?;
    pct(removed, removed + kept.unwrap_or(0.0))
}

fn sub(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    a.map(|a| (a - b.unwrap_or(0.0)).max(0.0))
}

pub(crate) fn buffers_minus(node: &Buffers, child: &Buffers) -> Buffers {
    Buffers {
        shared_hit: sub(node.shared_hit, child.shared_hit),
        shared_read: sub(node.shared_read, child.shared_read),
        shared_dirtied: sub(node.shared_dirtied, child.shared_dirtied),
        shared_written: sub(node.shared_written, child.shared_written),
        local_hit: sub(node.local_hit, child.local_hit),
        local_read: sub(node.local_read, child.local_read),
        local_dirtied: sub(node.local_dirtied, child.local_dirtied),
        local_written: sub(node.local_written, child.local_written),
        temp_read: sub(node.temp_read, child.temp_read),
        temp_written: sub(node.temp_written, child.temp_written),
        io_read_ms: sub(node.io_read_ms, child.io_read_ms),
        io_write_ms: sub(node.io_write_ms, child.io_write_ms),
        temp_io_read_ms: sub(node.temp_io_read_ms, child.temp_io_read_ms),
        temp_io_write_ms: sub(node.temp_io_write_ms, child.temp_io_write_ms),
    }
}

pub(crate) fn add_buffers(a: &mut Buffers, b: &Buffers) {
    let add = |x: &mut Option<f64>, y: Option<f64>| {
        if let Some(y) = y {
            *x = Some(x.unwrap_or(0.0) + y);
        }
    };
    add(&mut a.shared_hit, b.shared_hit);
    add(&mut a.shared_read, b.shared_read);
    add(&mut a.shared_dirtied, b.shared_dirtied);
    add(&mut a.shared_written, b.shared_written);
    add(&mut a.local_hit, b.local_hit);
    add(&mut a.local_read, b.local_read);
    add(&mut a.local_dirtied, b.local_dirtied);
    add(&mut a.local_written, b.local_written);
    add(&mut a.temp_read, b.temp_read);
    add(&mut a.temp_written, b.temp_written);
    add(&mut a.io_read_ms, b.io_read_ms);
    add(&mut a.io_write_ms, b.io_write_ms);
    add(&mut a.temp_io_read_ms, b.temp_io_read_ms);
    add(&mut a.temp_io_write_ms, b.temp_io_write_ms);
}

/// Sum of all block counters (for bars).
pub fn buffer_total(b: &Buffers) -> f64 {
    [
        b.shared_hit,
        b.shared_read,
        b.shared_dirtied,
        b.shared_written,
        b.local_hit,
        b.local_read,
        b.local_dirtied,
        b.local_written,
        b.temp_read,
        b.temp_written,
    ]
    .iter()
    .flatten()
    .sum()
}

fn is_cte_subplan(node: &Node) -> bool {
    node.subplan_name
        .as_deref()
        .is_some_and(|n| n.starts_with("CTE "))
}

/// Computes all metrics. Linear in the number of nodes, iterative (deep plans are fine).
pub fn analyse(plan: &Plan) -> Analysis {
    let nodes = plan.preorder();
    let n = nodes.len();
    let mut metrics: Vec<NodeMetrics> = Vec::with_capacity(n);
    // Pre-order walk with explicit parents: (node index in `nodes`, parent, depth, processes).
    let mut parent_of = vec![None; n];
    let mut depth_of = vec![0usize; n];
    let mut processes = vec![1.0f64; n];
    // Children of node i in pre-order are found by walking with a stack of (node, next index).
    let mut child_ids: Vec<Vec<usize>> = vec![Vec::new(); n];
    {
        let mut next = 1usize;
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)]; // (node id, children visited)
        while let Some(top) = stack.last_mut() {
            let (id, visited) = *top;
            let node = nodes[id];
            if visited < node.children.len() {
                top.1 += 1;
                let child = next;
                next += 1;
                parent_of[child] = Some(id);
                depth_of[child] = depth_of[id] + 1;
                processes[child] = if matches!(node.node_type.as_str(), "Gather" | "Gather Merge") {
                    node.workers_launched
                        .or(node.workers_planned)
                        .map_or(1.0, |w| w + 1.0)
                        .max(1.0)
                } else {
                    processes[id]
                };
                child_ids[id].push(child);
                stack.push((child, 0));
            } else {
                stack.pop();
            }
        }
    }

    let mut inclusive = vec![None; n];
    for (i, node) in nodes.iter().enumerate() {
        let loops = node.actual_loops.unwrap_or(1.0).max(0.0);
        inclusive[i] = node
            .actual_total_ms
            .map(|t| (t * loops / processes[i]).max(0.0));
    }
    // Per-loop times are printed rounded to 0.001 ms, so a cheap node run many times can show less
    // time than its children (`0.000` × 15617 loops). A node includes its children: lift it to their
    // sum (bottom-up, children have larger indices). CTE subplans are not part of their owner's time.
    for i in (0..n).rev() {
        let children: f64 = child_ids[i]
            .iter()
            .filter(|&&k| !is_cte_subplan(nodes[k]))
            .filter_map(|&k| inclusive[k])
            .sum();
        if let Some(own) = inclusive[i].as_mut() {
            *own = own.max(children);
        }
    }
    let total_ms = plan.execution_ms.or(inclusive[0]).filter(|t| *t > 0.0);
    if let Some(total) = total_ms {
        for v in inclusive.iter_mut().flatten() {
            *v = v.min(total);
        }
    }

    // CTE time still to attribute, per CTE name.
    let mut cte_time: Vec<(String, f64)> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if is_cte_subplan(node) {
            let name = node
                .subplan_name
                .as_deref()
                .unwrap_or("")
                .trim_start_matches("CTE ");
            cte_time.push((name.to_string(), inclusive[i].unwrap_or(0.0)));
        }
    }

    let mut maxima = Maxima::default();
    for (i, node) in nodes.iter().enumerate() {
        let kids = &child_ids[i];
        let children_time: f64 = kids
            .iter()
            .filter(|&&k| !is_cte_subplan(nodes[k]))
            .filter_map(|&k| inclusive[k])
            .sum();
        let mut exclusive = inclusive[i].map(|t| (t - children_time).max(0.0));
        if node.node_type == "CTE Scan" {
            if let (Some(ex), Some(name)) = (exclusive.as_mut(), node.cte_name.as_deref()) {
                if let Some((_, left)) = cte_time.iter_mut().find(|(n, _)| n == name) {
                    let taken = left.min(*ex);
                    *ex -= taken;
                    *left -= taken;
                }
            }
        }
        let mut child_buffers = Buffers::default();
        for &k in kids.iter().filter(|&&k| !is_cte_subplan(nodes[k])) {
            add_buffers(&mut child_buffers, &nodes[k].buffers);
        }
        let buffers_exclusive = buffers_minus(&node.buffers, &child_buffers);
        let loops = node.actual_loops;
        let times_loops = |v: Option<f64>| v.map(|v| v * loops.unwrap_or(1.0));
        let rows_total = times_loops(node.actual_rows);
        let misestimate = match (node.plan_rows, node.actual_rows) {
            (Some(planned), Some(actual)) if !node.never_executed => {
                let (p, a) = (planned.max(1.0), actual.max(1.0));
                let direction = if actual > planned {
                    "under"
                } else if actual < planned {
                    "over"
                } else {
                    "exact"
                };
                Some(Misestimate {
                    factor: p.max(a) / p.min(a),
                    direction: direction.into(),
                })
            }
            _ => None,
        };
        let b = &node.buffers;
        let hit_ratio = match (b.shared_hit, b.shared_read) {
            (None, None) => None,
            (h, r) => {
                let (h, r) = (h.unwrap_or(0.0), r.unwrap_or(0.0));
                (h + r > 0.0).then(|| h / (h + r))
            }
        };
        let read_blocks = b.shared_read.unwrap_or(0.0) + b.local_read.unwrap_or(0.0);
        let read_mb_per_s = b
            .io_read_ms
            .filter(|ms| *ms > 0.0 && read_blocks > 0.0)
            .map(|ms| read_blocks * BLOCK_BYTES / 1_000_000.0 / (ms / 1000.0));
        let m = NodeMetrics {
            index: i,
            parent: parent_of[i],
            children: child_ids[i].clone(),
            depth: depth_of[i],
            inclusive_ms: inclusive[i],
            exclusive_ms: exclusive,
            rows_total,
            loops,
            removed_by_filter: times_loops(node.rows_removed_by_filter),
            removed_by_join_filter: times_loops(node.rows_removed_by_join_filter),
            removed_by_recheck: times_loops(node.rows_removed_by_index_recheck),
            filter_removed_pct: removed_pct(node.rows_removed_by_filter, node.actual_rows),
            join_filter_removed_pct: removed_pct(
                node.rows_removed_by_join_filter,
                node.actual_rows,
            ),
            recheck_removed_pct: removed_pct(node.rows_removed_by_index_recheck, node.actual_rows),
            hit_ratio,
            read_mb_per_s,
            temp_written_kb: b.temp_written.map(|w| w * BLOCK_BYTES / 1024.0),
            parallel_processes: processes[i],
            misestimate,
            buffers_exclusive,
        };
        maxima.exclusive_ms = maxima.exclusive_ms.max(m.exclusive_ms.unwrap_or(0.0));
        maxima.inclusive_ms = maxima.inclusive_ms.max(m.inclusive_ms.unwrap_or(0.0));
        maxima.rows_total = maxima.rows_total.max(m.rows_total.unwrap_or(0.0));
        maxima.misestimate_factor = maxima
            .misestimate_factor
            .max(m.misestimate.as_ref().map_or(0.0, |e| e.factor));
        maxima.total_cost = maxima.total_cost.max(node.total_cost.unwrap_or(0.0));
        maxima.buffers_exclusive = maxima
            .buffers_exclusive
            .max(buffer_total(&m.buffers_exclusive));
        maxima.io_ms = maxima.io_ms.max(
            m.buffers_exclusive.io_read_ms.unwrap_or(0.0)
                + m.buffers_exclusive.io_write_ms.unwrap_or(0.0),
        );
        metrics.push(m);
    }

    let jit_ms = plan
        .jit
        .iter()
        .filter_map(|j| j.total_ms)
        .fold(None, |acc: Option<f64>, t| Some(acc.unwrap_or(0.0) + t));
    let trigger_ms = plan
        .triggers
        .iter()
        .filter_map(|t| t.time_ms)
        .fold(None, |acc: Option<f64>, t| Some(acc.unwrap_or(0.0) + t));
    let planning_pct = match (plan.planning_ms, plan.execution_ms) {
        (Some(p), Some(e)) => pct(p, p + e),
        _ => None,
    };
    let of_execution = |part: Option<f64>| match (part, plan.execution_ms) {
        (Some(p), Some(e)) => pct(p, e),
        _ => None,
    };
    Analysis {
        nodes: metrics,
        total_ms,
        planning_ms: plan.planning_ms,
        execution_ms: plan.execution_ms,
        jit_pct_of_execution: of_execution(jit_ms),
        trigger_pct_of_execution: of_execution(trigger_ms),
        jit_ms,
        trigger_ms,
        planning_pct,
        maxima,
    }
}
