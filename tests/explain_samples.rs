//! Every shared sample plan (`../shared/reference/explain-samples/`) parses without losing a node.
//!
//! The expected node count is computed independently of the parser: TEXT plans have one root plus
//! one `->  ` arrow per node; structured plans have one `Node Type` key per node. The PostgreSQL
//! regression outputs hold many `QUERY PLAN` blocks each; every block is checked on its own.

use pgdojo::explain::{explain, parse, InputFormat};
use std::path::{Path, PathBuf};

const SAMPLES: &str = "../shared/reference/explain-samples";

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Node count from the raw text, without the parser.
fn expected_nodes(text: &str) -> usize {
    let structured = text.matches("Node Type").count() + text.matches("Node-Type>").count() / 2;
    if structured > 0 {
        structured
    } else {
        // A plan pasted from its first arrow has no separate root line.
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        text.matches("->  ").count() + usize::from(!first.starts_with("->"))
    }
}

/// Checks `input` parses to `expected` nodes; returns the parsed format or what went wrong.
fn check(name: &str, input: &str, expected: usize) -> Result<InputFormat, String> {
    let plan = parse(input).map_err(|e| format!("{name}: parse failed: {e}"))?;
    if plan.node_count() != expected {
        return Err(format!(
            "{name}: {} nodes parsed, {expected} expected",
            plan.node_count()
        ));
    }
    // When the sample measures costs / actual rows, every node must have them (a wrapped or
    // mis-split header line would lose them).
    let masked = input.contains("N.N") || input.contains("=N");
    if input.contains("cost=") && !masked {
        if let Some(n) = plan.preorder().iter().find(|n| n.total_cost.is_none()) {
            return Err(format!("{name}: {} has no cost", n.display_name));
        }
    }
    if input.contains("loops=") && !masked {
        if let Some(n) = plan.preorder().iter().find(|n| n.actual_loops.is_none()) {
            return Err(format!("{name}: {} has no actual loops", n.display_name));
        }
    }
    // Analysis and hints must run on every sample too.
    let report = explain(input).map_err(|e| e.to_string())?;
    assert_eq!(
        report.analysis.nodes.len(),
        expected,
        "{name}: analysed nodes"
    );
    Ok(plan.input_format)
}

#[test]
fn pev2_fixture_plans_keep_every_node() {
    let mut paths = Vec::new();
    files(&Path::new(SAMPLES).join("pev2-fixtures"), &mut paths);
    paths.sort();
    let plans: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with("-plan") || name.ends_with(".plan")
        })
        .collect();
    assert!(plans.len() >= 80, "samples missing: {}", plans.len());
    let mut json = 0;
    let mut failures = Vec::new();
    for path in plans {
        let text = std::fs::read_to_string(path).expect("readable sample");
        let name = path.display().to_string();
        match check(&name, &text, expected_nodes(&text)) {
            Ok(InputFormat::Json) => json += 1,
            Ok(_) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(json, 15, "psql-framed JSON samples detected as JSON");
}

/// Result columns holding plans: `QUERY PLAN`, the tests' `explain_*` wrappers and `jsonb_pretty`.
fn is_plan_header(line: &str, next: Option<&&str>) -> bool {
    let t = line.trim();
    let plan_column = t == "QUERY PLAN"
        || t == "jsonb_pretty"
        || (t.starts_with("explain_") && !t.ends_with("verify_invariants"));
    plan_column && next.is_some_and(|n| n.starts_with("---"))
}

/// Splits a regression `.out` file into its plan result blocks.
fn query_plan_blocks(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_plan_header(lines[i], lines.get(i + 1)) {
            let start = i;
            while i < lines.len() && !pgdojo::explain::decorations::is_footer(lines[i]) {
                i += 1;
            }
            blocks.push(lines[start..i.min(lines.len())].join("\n"));
        }
        i += 1;
    }
    blocks
}

#[test]
fn postgresql_regression_plans_keep_every_node() {
    let mut total = 0;
    let mut failures = Vec::new();
    for file in [
        "explain.out",
        "incremental_sort.out",
        "memoize.out",
        "partition_prune.out",
        "select_parallel.out",
    ] {
        let path = Path::new(SAMPLES).join("postgresql-regress").join(file);
        let text = std::fs::read_to_string(&path).expect("readable sample");
        let blocks = query_plan_blocks(&text);
        assert!(!blocks.is_empty(), "{file}: no QUERY PLAN blocks");
        for (n, block) in blocks.iter().enumerate() {
            if let Err(e) = check(&format!("{file} block {n}"), block, expected_nodes(block)) {
                failures.push(e);
            }
            total += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(total > 300, "only {total} regression plans found");
}
