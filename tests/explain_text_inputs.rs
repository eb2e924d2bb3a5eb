//! What people paste: auto_explain logs, psql `\x`, pgAdmin quotes, every node name spelling,
//! PostgreSQL 17/18 lines, parallel workers and JIT. Each fixture under
//! `tests/fixtures/explain/text/` is summarised as an outline and compared with its reviewed snapshot.

use pgdojo::explain::{explain, Report};
use std::fmt::Write;

fn opt<T: std::fmt::Display>(label: &str, value: &Option<T>) -> String {
    value
        .as_ref()
        .map(|v| format!(" {label}={v}"))
        .unwrap_or_default()
}

/// A readable, complete summary of a report.
fn outline(report: &Report) -> String {
    let plan = &report.plan;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "format={}{}{} nodes={}",
        plan.input_format.name(),
        opt("planning_ms", &plan.planning_ms),
        opt("execution_ms", &plan.execution_ms),
        plan.node_count()
    );
    if let Some(q) = &plan.query_text {
        let _ = writeln!(out, "query: {q:?}");
    }
    for (node, m) in plan.preorder().into_iter().zip(&report.analysis.nodes) {
        let relation = node.relation.as_ref().map(|r| match &node.schema {
            Some(s) => format!("{s}.{r}"),
            None => r.clone(),
        });
        let _ = writeln!(
            out,
            "{}{} <{}>{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}",
            "  ".repeat(m.depth),
            node.display_name,
            node.node_type,
            opt("join", &node.join_type),
            opt("strategy", &node.strategy),
            opt("partial", &node.partial_mode),
            opt("op", &node.operation),
            opt("cmd", &node.command),
            opt("provider", &node.custom_provider),
            opt("rel", &relation),
            opt("fn", &node.function_name),
            opt("cte", &node.cte_name),
            opt("alias", &node.alias),
            opt("index", &node.index),
            opt("dir", &node.scan_direction),
            opt("parent", &node.parent_relationship),
            opt("subplan", &node.subplan_name),
            opt("rows", &node.actual_rows),
            opt("loops", &node.actual_loops),
            opt("incl", &m.inclusive_ms.map(|v| format!("{v:.3}"))),
            opt("excl", &m.exclusive_ms.map(|v| format!("{v:.3}"))),
        );
        for p in &node.extra {
            let _ = writeln!(out, "{}  + {}: {}", "  ".repeat(m.depth), p.key, p.value);
        }
        for w in &node.workers {
            let _ = writeln!(
                out,
                "{}  worker {:?} rows={:?} loops={:?} shared_hit={:?}",
                "  ".repeat(m.depth),
                w.number,
                w.actual_rows,
                w.actual_loops,
                w.buffers.shared_hit
            );
        }
    }
    for t in &plan.triggers {
        let _ = writeln!(
            out,
            "trigger {} time={:?} calls={:?}",
            t.name, t.time_ms, t.calls
        );
    }
    for j in &plan.jit {
        let _ = writeln!(
            out,
            "jit functions={:?} generation={:?} total={:?}",
            j.functions, j.generation_ms, j.total_ms
        );
    }
    if !plan.planning_buffers.is_empty() {
        let _ = writeln!(out, "planning buffers: {:?}", plan.planning_buffers);
    }
    for p in &plan.extra {
        let _ = writeln!(out, "plan + {}: {}", p.key, p.value);
    }
    for h in &report.hints {
        let _ = writeln!(out, "hint {} @{}: {}", h.id, h.node, h.message);
    }
    out
}

fn check(name: &str) {
    let path = format!("tests/fixtures/explain/text/{name}.txt");
    let input = std::fs::read_to_string(&path).expect("fixture exists");
    let report = explain(&input).unwrap_or_else(|e| panic!("{path}: {e}"));
    insta::assert_snapshot!(name, outline(&report));
}

#[test]
fn auto_explain_with_tabs() {
    check("auto-explain-tabs");
}

#[test]
fn auto_explain_at_column_zero() {
    check("auto-explain-column0");
}

#[test]
fn psql_expanded_output() {
    check("psql-expanded");
}

#[test]
fn every_node_name_spelling() {
    check("node-names");
}

#[test]
fn postgresql_17_and_18_subplans_and_fractional_rows() {
    check("subplans-pg17");
}

#[test]
fn pgadmin_quoted_rows() {
    check("pgadmin-quoted");
}

#[test]
fn parallel_workers_and_jit() {
    check("parallel-workers");
}

#[test]
fn auto_explain_yaml() {
    check("auto-explain-yaml");
}
