//! One call for front ends: text in → plan + analysis + hints, plus the CLI's JSON contract.

use super::analysis::{analyse, Analysis};
use super::error::ParseError;
use super::hints::{hints, Hint};
use super::model::Plan;
use super::workers::{breakdown, node_workers, NodeWorkers, ProcessShare};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Everything the page and the CLI show.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Report {
    pub plan: Plan,
    pub analysis: Analysis,
    pub hints: Vec<Hint>,
}

/// Parses (format auto-detected), analyses and derives hints.
pub fn explain(input: &str) -> Result<Report, ParseError> {
    let plan = super::parse(input)?;
    let analysis = analyse(&plan);
    let hints = hints(&plan, &analysis);
    Ok(Report {
        plan,
        analysis,
        hints,
    })
}

/// Numbers as JSON: integral values print without a fraction (`10`, not `10.0`).
fn num(value: Option<f64>) -> Value {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => json!(v as i64),
        Some(v) => json!(v),
        None => Value::Null,
    }
}

fn process_json(p: &ProcessShare) -> Value {
    json!({
        "worker": num(p.worker),
        "rows": num(p.rows),
        "loops": num(p.loops),
        "time_ms": json!(p.time_ms),
        "rows_share": json!(p.rows_share),
        "buffers": serde_json::to_value(&p.buffers).unwrap_or(Value::Null),
    })
}

/// The per-worker fields of a node that has `Worker N` data: `workers`, `leader` (null when it
/// cannot be derived) and `worker_skew`.
fn insert_workers(obj: &mut Map<String, Value>, w: &NodeWorkers) {
    obj.insert(
        "workers".into(),
        Value::Array(w.workers.iter().map(process_json).collect()),
    );
    obj.insert(
        "leader".into(),
        w.leader.as_ref().map_or(Value::Null, process_json),
    );
    obj.insert(
        "worker_skew".into(),
        json!({
            "rows_ratio": w.rows_skew,
            "slowest_ms": w.slowest_ms,
            "fastest_ms": w.fastest_ms,
            "skewed": w.skewed,
        }),
    );
}

impl Report {
    /// The `pgdojo explain --format json` document (field names are a stable contract; absent
    /// values are `null`). Nodes with `Worker N` data also carry `workers`, `leader` and
    /// `worker_skew` (see [`super::workers`]); `gathers` lists every Gather's planned and launched
    /// workers.
    pub fn contract_json(&self) -> Value {
        let nodes = self.plan.preorder();
        // Build bottom-up so deep plans need no recursion: children have larger pre-order indices.
        let mut built: Vec<Option<Value>> = vec![None; nodes.len()];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for m in &self.analysis.nodes {
            if let Some(p) = m.parent {
                if let Some(list) = children.get_mut(p) {
                    list.push(m.index);
                }
            }
        }
        for i in (0..nodes.len()).rev() {
            let node = nodes[i];
            let m = self.analysis.nodes.get(i);
            let kids: Vec<Value> = children[i]
                .iter()
                .filter_map(|&k| built.get_mut(k).and_then(Option::take))
                .collect();
            let mut obj = Map::new();
            obj.insert("node_type".into(), json!(node.node_type));
            obj.insert("display_name".into(), json!(node.display_name));
            obj.insert("join_type".into(), json!(node.join_type));
            obj.insert("strategy".into(), json!(node.strategy));
            obj.insert("partial_mode".into(), json!(node.partial_mode));
            obj.insert("operation".into(), json!(node.operation));
            obj.insert("relation".into(), json!(node.relation));
            obj.insert("schema".into(), json!(node.schema));
            obj.insert("alias".into(), json!(node.alias));
            obj.insert("index".into(), json!(node.index));
            obj.insert(
                "parent_relationship".into(),
                json!(node.parent_relationship),
            );
            obj.insert("subplan_name".into(), json!(node.subplan_name));
            obj.insert("startup_cost".into(), num(node.startup_cost));
            obj.insert("total_cost".into(), num(node.total_cost));
            obj.insert("plan_rows".into(), num(node.plan_rows));
            obj.insert("actual_rows".into(), num(node.actual_rows));
            obj.insert("actual_loops".into(), num(node.actual_loops));
            obj.insert("inclusive_ms".into(), json!(m.and_then(|m| m.inclusive_ms)));
            obj.insert("exclusive_ms".into(), json!(m.and_then(|m| m.exclusive_ms)));
            obj.insert("rows_total".into(), num(m.and_then(|m| m.rows_total)));
            obj.insert(
                "misestimate_factor".into(),
                json!(m.and_then(|m| m.misestimate.as_ref().map(|e| e.factor))),
            );
            if let Some(w) = node_workers(node, i) {
                insert_workers(&mut obj, &w);
            }
            obj.insert("children".into(), Value::Array(kids));
            built[i] = Some(Value::Object(obj));
        }
        let plan = built.into_iter().next().flatten().unwrap_or(Value::Null);
        let hints: Vec<Value> = self
            .hints
            .iter()
            .map(|h| {
                json!({
                    "id": h.id,
                    "node": h.node,
                    "message": h.message,
                    "severity": h.severity,
                    "fix": h.fix,
                    "docs_url": h.docs_url,
                })
            })
            .collect();
        let gathers: Vec<Value> = breakdown(&self.plan)
            .gathers
            .iter()
            .map(|g| {
                json!({
                    "node": g.node,
                    "workers_planned": num(g.workers_planned),
                    "workers_launched": num(g.workers_launched),
                })
            })
            .collect();
        json!({
            "input_format": self.plan.input_format.name(),
            "planning_ms": num(self.plan.planning_ms),
            "execution_ms": num(self.plan.execution_ms),
            "plan": plan,
            "hints": hints,
            "gathers": gathers,
        })
    }
}

/// The whole report (normalised plan, analysis, hints) as JSON, for the page's export and share.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string(report).unwrap_or_default()
}
