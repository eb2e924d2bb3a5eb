//! Actionable hints with stable kebab-case ids, each with an explanation, the evidence numbers, the
//! likely fix and a link to the PostgreSQL documentation.
//!
//! Thresholds are the `const`s below; they are deliberately conservative so a hint means "look here".

use super::analysis::{Analysis, NodeMetrics};
use super::model::{Node, Plan};
use super::workers::node_workers;
use serde::{Deserialize, Serialize};

/// Misestimate factor from which `misestimate` fires (actual vs planned rows per loop).
pub const MISESTIMATE_FACTOR: f64 = 10.0;
/// ... and only when either side reaches this many rows (tiny plans are noise).
pub const MISESTIMATE_MIN_ROWS: f64 = 100.0;
/// `seq-scan-filter` / `inefficient-index`: share of rows read that the filter discarded, in percent.
pub const FILTER_REMOVED_PCT: f64 = 90.0;
/// ... and the minimum rows discarded over all loops.
pub const FILTER_REMOVED_MIN_ROWS: f64 = 1000.0;
/// `heap-fetches`: heap fetches as a share of rows returned by an Index Only Scan, in percent.
pub const HEAP_FETCHES_PCT: f64 = 10.0;
/// `large-offset`: rows a Limit reads and throws away before returning its first row.
pub const LARGE_OFFSET_ROWS: f64 = 1000.0;
/// `nested-loop-many-loops`: loops of the inner side.
pub const NESTED_LOOP_LOOPS: f64 = 1000.0;
/// ... and the inner side's share of the total time, in percent.
pub const NESTED_LOOP_TIME_PCT: f64 = 10.0;
/// `jit-overhead`: JIT time as a share of execution time, in percent ...
pub const JIT_PCT: f64 = 10.0;
/// ... and in absolute ms.
pub const JIT_MIN_MS: f64 = 5.0;
/// `slow-trigger`: one trigger's share of execution time, in percent.
pub const TRIGGER_PCT: f64 = 10.0;
// `parallel-skew` uses `workers::SKEW_ROWS_RATIO` and `workers::SKEW_MIN_ROWS` (its split is computed there).
/// `planning-time`: planning share of planning + execution, in percent ...
pub const PLANNING_PCT: f64 = 50.0;
/// ... and in absolute ms.
pub const PLANNING_MIN_MS: f64 = 10.0;

const DOCS: &str = "https://www.postgresql.org/docs/current/";

/// How much a hint matters.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

/// A number backing a hint.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Evidence {
    pub label: String,
    pub value: f64,
    pub unit: String,
}

/// One finding about one node (or the whole plan, node 0).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Hint {
    /// Stable kebab-case id (`disk-sort`, ...).
    pub id: String,
    /// Pre-order index of the node.
    pub node: usize,
    pub severity: Severity,
    /// One-line summary.
    pub message: String,
    /// Why it matters.
    pub explanation: String,
    pub evidence: Vec<Evidence>,
    /// The likely fix.
    pub fix: String,
    pub docs_url: String,
}

fn ev(label: &str, value: f64, unit: &str) -> Evidence {
    Evidence {
        label: label.into(),
        value,
        unit: unit.into(),
    }
}

struct Ctx<'a> {
    out: Vec<Hint>,
    node: &'a Node,
    index: usize,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        id: &str,
        severity: Severity,
        message: String,
        explanation: &str,
        evidence: Vec<Evidence>,
        fix: &str,
        page: &str,
    ) {
        self.out.push(Hint {
            id: id.into(),
            node: self.index,
            severity,
            message,
            explanation: explanation.into(),
            evidence,
            fix: fix.into(),
            docs_url: format!("{DOCS}{page}"),
        });
    }
}

/// Derives all hints, ordered by node (pre-order) then by id.
pub fn hints(plan: &Plan, analysis: &Analysis) -> Vec<Hint> {
    let nodes = plan.preorder();
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let Some(m) = analysis.nodes.get(i) else {
            continue;
        };
        let mut ctx = Ctx {
            out: Vec::new(),
            node,
            index: i,
        };
        node_hints(&mut ctx, m, analysis, &nodes);
        ctx.out.sort_by(|a, b| a.id.cmp(&b.id));
        out.extend(ctx.out);
    }
    plan_hints(plan, analysis, &mut out);
    out
}

fn node_hints(ctx: &mut Ctx, m: &NodeMetrics, analysis: &Analysis, nodes: &[&Node]) {
    let node = ctx.node;
    let label = node_label(node);
    let w = Severity::Warning;

    if node.sort_space_type.as_deref() == Some("Disk")
        || node
            .sort_method
            .as_deref()
            .is_some_and(|s| s.contains("external"))
    {
        let kb = node.sort_space_kb.unwrap_or(0.0);
        ctx.push("disk-sort", w, format!("{label} spilled {kb:.0} kB to disk"),
            "The sort did not fit in work_mem and used temporary files, which is much slower than an in-memory quicksort.",
            vec![ev("disk used", kb, "kB")],
            "Raise work_mem for this query (SET LOCAL work_mem) above the spilled size, or add an index that returns rows already in the needed order.",
            "runtime-config-resource.html#GUC-WORK-MEM");
    }
    if node.hash_batches.is_some_and(|b| b > 1.0) {
        let batches = node.hash_batches.unwrap_or(0.0);
        let mut evidence = vec![ev("batches", batches, "")];
        if let Some(o) = node.original_hash_batches {
            evidence.push(ev("originally planned batches", o, ""));
        }
        ctx.push("hash-batches", w, format!("{label} split its hash table into {batches:.0} batches"),
            "The hash table exceeded work_mem × hash_mem_multiplier, so both join inputs were partitioned through temporary files.",
            evidence,
            "Raise work_mem or hash_mem_multiplier, or reduce the rows/width hashed (filter earlier, select fewer columns).",
            "runtime-config-resource.html#GUC-HASH-MEM-MULTIPLIER");
    }
    if node.node_type == "Aggregate"
        && (node.hashagg_batches.is_some_and(|b| b > 1.0)
            || node.disk_usage_kb.is_some_and(|d| d > 0.0))
    {
        ctx.push("hashagg-spill", w, format!("{label} spilled to disk"),
            "The hash aggregate's groups did not fit in memory and were written to temporary files in batches.",
            vec![ev("batches", node.hashagg_batches.unwrap_or(0.0), ""), ev("disk used", node.disk_usage_kb.unwrap_or(0.0), "kB")],
            "Raise work_mem or hash_mem_multiplier; check the group count estimate (a misestimate can pick hashing wrongly).",
            "runtime-config-resource.html#GUC-HASH-MEM-MULTIPLIER");
    }
    if node.lossy_heap_blocks.is_some_and(|l| l > 0.0) {
        let lossy = node.lossy_heap_blocks.unwrap_or(0.0);
        ctx.push("lossy-bitmap", w, format!("{label} had {lossy:.0} lossy heap blocks"),
            "The bitmap outgrew work_mem and degraded to one bit per page, so every row on those pages must be rechecked.",
            vec![ev("lossy blocks", lossy, ""), ev("exact blocks", node.exact_heap_blocks.unwrap_or(0.0), "")],
            "Raise work_mem so the bitmap stays exact, or make the index condition more selective.",
            "runtime-config-resource.html#GUC-WORK-MEM");
    }
    if let (Some(removed), Some(p)) = (m.removed_by_recheck, m.recheck_removed_pct) {
        if removed > 0.0 {
            ctx.push("recheck-lossy", Severity::Info, format!("{label}: recheck removed {removed:.0} rows ({p:.0}%)"),
                "Rows fetched from lossy bitmap pages (or a lossy index such as GIN/GiST/BRIN) failed the recheck of the original condition.",
                vec![ev("rows removed by recheck", removed, "rows"), ev("share removed", p, "%")],
                "If the bitmap is lossy, raise work_mem; otherwise consider a more precise index or operator class.",
                "indexes-bitmap-scans.html");
        }
    }
    if node.node_type == "Index Only Scan" {
        if let (Some(fetches), Some(rows)) = (node.heap_fetches, m.rows_total) {
            let share = if rows > 0.0 {
                fetches / rows * 100.0
            } else {
                0.0
            };
            if fetches > 0.0 && share >= HEAP_FETCHES_PCT {
                ctx.push("heap-fetches", w, format!("{label} visited the heap {fetches:.0} times"),
                    "An index-only scan must check the table for pages not marked all-visible in the visibility map.",
                    vec![ev("heap fetches", fetches, ""), ev("share of rows", share, "%")],
                    "VACUUM the table (or tune autovacuum for it) so the visibility map is current.",
                    "indexes-index-only-scans.html");
            }
        }
    }
    if let Some(mis) = &m.misestimate {
        let rows = node
            .plan_rows
            .unwrap_or(0.0)
            .max(node.actual_rows.unwrap_or(0.0));
        let stopped_early = mis.direction == "over" && under_limit(ctx.index, analysis, nodes);
        if mis.factor >= MISESTIMATE_FACTOR && rows >= MISESTIMATE_MIN_ROWS && !stopped_early {
            let word = if mis.direction == "under" {
                "underestimated"
            } else {
                "overestimated"
            };
            ctx.push("misestimate", w, format!("{label}: rows {word} {:.0}×", mis.factor),
                "The planner chose join methods and orders for a row count far from reality; plans above this node may be wrong too.",
                vec![ev("planned rows", node.plan_rows.unwrap_or(0.0), "rows"), ev("actual rows", node.actual_rows.unwrap_or(0.0), "rows"), ev("factor", mis.factor, "×")],
                "ANALYZE the tables involved; raise the column's statistics target; add extended statistics (CREATE STATISTICS) for correlated columns.",
                "planner-stats.html");
        }
    }
    if let (Some(removed), Some(p)) = (m.removed_by_filter, m.filter_removed_pct) {
        if removed >= FILTER_REMOVED_MIN_ROWS && p >= FILTER_REMOVED_PCT {
            let candidate = node.filter.as_deref().and_then(index_candidate);
            if node.node_type == "Seq Scan" {
                let (column, op) = candidate
                    .clone()
                    .unwrap_or_else(|| ("?".into(), "?".into()));
                let table = node.relation.clone().unwrap_or_else(|| "the table".into());
                ctx.push("seq-scan-filter", w,
                    format!("{label} discarded {p:.0}% of rows: index candidate {table}({column}) for `{op}`"),
                    "A sequential scan read every row and the filter threw most of them away; an index could read only the matching rows.",
                    vec![ev("rows removed", removed, "rows"), ev("share removed", p, "%")],
                    &format!("Consider CREATE INDEX ON {table} ({column}) if this filter (`{column} {op} ...`) is frequent and selective."),
                    "indexes-types.html");
            } else if matches!(node.node_type.as_str(), "Index Scan" | "Index Only Scan") {
                ctx.push("inefficient-index", w,
                    format!("{label} fetched rows and discarded {p:.0}% with a filter"),
                    "The index condition matches many more rows than the query needs; the rest are filtered after fetching them.",
                    vec![ev("rows removed", removed, "rows"), ev("share removed", p, "%")],
                    "Add the filtered column to the index (multicolumn or partial index) so the index condition does the work.",
                    "indexes-multicolumn.html");
            }
        }
    }
    if node.node_type == "Limit" {
        if let (Some(child), Some(out_rows)) =
            (m_child_rows(ctx.index, analysis, nodes), m.rows_total)
        {
            let skipped = child - out_rows;
            if skipped >= LARGE_OFFSET_ROWS && child >= 10.0 * out_rows.max(1.0) {
                ctx.push("large-offset", w, format!("{label} read {child:.0} rows to return {out_rows:.0}"),
                    "OFFSET rows are computed and thrown away; the cost grows with every page.",
                    vec![ev("rows read", child, "rows"), ev("rows returned", out_rows, "rows")],
                    "Use keyset pagination (WHERE key > last_seen ORDER BY key LIMIT n) instead of a large OFFSET.",
                    "queries-limit.html");
            }
        }
    }
    if node.node_type == "Nested Loop" {
        if let Some(inner) = inner_child(ctx.index, analysis, nodes) {
            let im = &analysis.nodes[inner];
            let loops = im.loops.unwrap_or(0.0);
            let share = match (im.inclusive_ms, analysis.total_ms) {
                (Some(t), Some(total)) if total > 0.0 => t / total * 100.0,
                _ => 0.0,
            };
            if loops >= NESTED_LOOP_LOOPS && share >= NESTED_LOOP_TIME_PCT {
                ctx.push("nested-loop-many-loops", w, format!("{label} ran its inner side {loops:.0} times"),
                    "Each outer row re-executes the inner side; with many outer rows a hash or merge join is often cheaper.",
                    vec![ev("inner loops", loops, ""), ev("inner share of time", share, "%")],
                    "Check the outer side's row estimate (a misestimate often causes this); ensure the inner side uses an index on the join key.",
                    "using-explain.html");
            }
        }
    }
    if let (Some(planned), Some(launched)) = (node.workers_planned, node.workers_launched) {
        if launched < planned {
            ctx.push("workers-not-launched", w, format!("{label} launched {launched:.0} of {planned:.0} workers"),
                "The parallel worker pool was exhausted, so the query ran with less parallelism than planned.",
                vec![ev("planned", planned, ""), ev("launched", launched, "")],
                "Raise max_parallel_workers / max_worker_processes, or reduce concurrent parallel queries.",
                "runtime-config-resource.html#GUC-MAX-PARALLEL-WORKERS");
        }
    }
    if let Some(split) = node_workers(node, ctx.index).filter(|s| s.skewed) {
        let ratio = split.rows_skew.unwrap_or(0.0);
        let mut evidence = vec![
            ev("busiest worker vs mean", ratio, "×"),
            ev(
                "rows, all processes",
                split.rows_total.unwrap_or(0.0),
                "rows",
            ),
        ];
        if let (Some(slow), Some(fast)) = (split.slowest_ms, split.fastest_ms) {
            evidence.push(ev("slowest worker", slow, "ms"));
            evidence.push(ev("fastest worker", fast, "ms"));
        }
        ctx.push("parallel-skew", Severity::Info, format!("{label}: one worker produced {ratio:.1}× the workers' mean rows"),
            "The parallel part finishes when its busiest process does, so an uneven split leaves the other workers idle.",
            evidence,
            "Often harmless on small inputs. For large ones, check for a few huge groups or partitions, or a parallel-unaware inner side that one worker ran alone.",
            "parallel-plans.html");
    }
    if node.never_executed {
        ctx.push("never-executed", Severity::Info, format!("{label} was never executed"),
            "The executor never needed this part of the plan (for example the other side returned no rows).",
            vec![ev("loops", 0.0, "")],
            "Nothing to fix; its cost did not count.",
            "using-explain.html#USING-EXPLAIN-ANALYZE");
    }
}

fn plan_hints(plan: &Plan, analysis: &Analysis, out: &mut Vec<Hint>) {
    let mut ctx = Ctx {
        out: Vec::new(),
        node: &plan.root,
        index: 0,
    };
    if let (Some(jit), Some(p)) = (analysis.jit_ms, analysis.jit_pct_of_execution) {
        if jit >= JIT_MIN_MS && p >= JIT_PCT {
            ctx.push("jit-overhead", Severity::Warning, format!("JIT took {jit:.1} ms ({p:.0}% of execution)"),
                "Compiling expressions cost more than it saved for this short query.",
                vec![ev("JIT time", jit, "ms"), ev("share of execution", p, "%")],
                "Raise jit_above_cost (or the inline/optimize thresholds), or SET jit = off for such queries.",
                "jit-decision.html");
        }
    }
    if let Some(exec) = plan.execution_ms.filter(|e| *e > 0.0) {
        for trigger in &plan.triggers {
            let t = trigger.time_ms.unwrap_or(0.0);
            let p = t / exec * 100.0;
            if p >= TRIGGER_PCT {
                ctx.push("slow-trigger", Severity::Warning, format!("trigger {} took {t:.1} ms ({p:.0}% of execution)", trigger.name),
                    "Trigger time is spent outside the plan nodes; foreign-key triggers are slow when the referencing column has no index.",
                    vec![ev("trigger time", t, "ms"), ev("calls", trigger.calls.unwrap_or(0.0), ""), ev("share of execution", p, "%")],
                    "For foreign-key triggers, index the referencing columns; otherwise optimise the trigger function.",
                    "sql-createtrigger.html");
            }
        }
    }
    if let (Some(planning), Some(p)) = (plan.planning_ms, analysis.planning_pct) {
        if planning >= PLANNING_MIN_MS && p >= PLANNING_PCT {
            ctx.push("planning-time", Severity::Warning, format!("planning took {planning:.1} ms ({p:.0}% of the total)"),
                "Planning dominates; typical with many partitions, many joins or complex views.",
                vec![ev("planning time", planning, "ms"), ev("share", p, "%")],
                "Use prepared statements to reuse plans, reduce partitions scanned, or lower join_collapse_limit for huge join lists.",
                "sql-prepare.html");
        }
    }
    out.extend(ctx.out);
}

/// Rows (all loops) produced by the outer (data-producing) child of node `index`: InitPlans and
/// SubPlans are skipped.
fn m_child_rows(index: usize, analysis: &Analysis, nodes: &[&Node]) -> Option<f64> {
    let m = analysis.nodes.get(index)?;
    m.children
        .iter()
        .find(|&&k| nodes[k].subplan_name.is_none())
        .and_then(|&k| analysis.nodes.get(k))
        .and_then(|c| c.rows_total)
}

/// True when a `Limit` sits above node `index`: nodes below a Limit stop early, so returning fewer
/// rows than estimated is expected there, not a misestimate.
fn under_limit(index: usize, analysis: &Analysis, nodes: &[&Node]) -> bool {
    let mut at = analysis.nodes.get(index).and_then(|m| m.parent);
    while let Some(p) = at {
        if nodes[p].node_type == "Limit" {
            return true;
        }
        at = analysis.nodes.get(p).and_then(|m| m.parent);
    }
    false
}

/// Pre-order index of the child whose parent relationship is `Inner` (else the second child).
fn inner_child(index: usize, analysis: &Analysis, nodes: &[&Node]) -> Option<usize> {
    let kids = &analysis.nodes.get(index)?.children;
    kids.iter()
        .copied()
        .find(|&k| nodes[k].parent_relationship.as_deref() == Some("Inner"))
        .or_else(|| kids.get(1).copied())
}

/// Short node description for messages: `Seq Scan on orders`.
pub fn node_label(node: &Node) -> String {
    let name = if node.display_name.is_empty() {
        node.node_type.clone()
    } else {
        node.display_name.clone()
    };
    match node
        .relation
        .as_deref()
        .or(node.cte_name.as_deref())
        .or(node.index.as_deref())
    {
        Some(target) => format!("{name} on {target}"),
        None => name,
    }
}

/// First simple comparison in a filter: `((status)::text = 'x'::text)` → (`status`, `=`).
pub fn index_candidate(filter: &str) -> Option<(String, String)> {
    const OPS: &[&str] = &[
        " >= ",
        " <= ",
        " <> ",
        " = ",
        " < ",
        " > ",
        " ~~* ",
        " ~~ ",
        " !~~ ",
        " IS NULL",
        " IS NOT NULL",
    ];
    let (at, op) = OPS
        .iter()
        .filter_map(|op| filter.find(op).map(|at| (at, *op)))
        .min_by_key(|(at, _)| *at)?;
    let left = &filter[..at];
    let start = left.rfind('(').map_or(0, |p| p + 1);
    let mut column = left[start..].trim().trim_matches(')').to_string();
    if let Some(cast) = column.find("::") {
        column.truncate(cast);
    }
    let column = column.trim_matches(|c| c == '(' || c == ')').trim();
    // VERBOSE qualifies columns (`orders.status`); the index needs the bare name.
    let column = column.rsplit('.').next().unwrap_or(column).to_string();
    if column.is_empty() {
        return None;
    }
    Some((column, op.trim().to_string()))
}
