//! TEXT, JSON, YAML and XML captures of the same query (from a real PostgreSQL, see
//! `tools/capture-explain-fixtures.sh`) must normalise to the same tree.

use pgdojo::explain::{parse, InputFormat, Node, Plan};
use std::path::Path;

const DIR: &str = "tests/fixtures/explain/pg15";

/// The fields every format must agree on, one line per node in pre-order. Times are left out: each
/// format is a separate execution. So are per-loop rows and loops, which parallel workers split
/// differently from run to run; [`same_rows`] compares their product instead.
fn shape(plan: &Plan) -> Vec<String> {
    plan.preorder()
        .into_iter()
        .map(|n: &Node| {
            format!(
                "{} | {:?} {:?} {:?} {:?} {:?} | {:?} {:?} {:?} {:?} {:?} {:?} {:?} | {:?}..{:?} rows={:?} width={:?} | analysed={} never={} | kids={}",
                n.node_type,
                n.join_type,
                n.strategy,
                n.partial_mode,
                n.operation,
                n.command,
                n.relation,
                n.schema,
                n.alias,
                n.index,
                n.parent_relationship,
                n.subplan_name,
                n.scan_direction,
                n.startup_cost,
                n.total_cost,
                n.plan_rows,
                n.plan_width,
                n.actual_rows.is_some(),
                n.never_executed,
                n.children.len()
            )
        })
        .collect()
}

/// Rows × loops agree within the per-loop rounding PostgreSQL applies.
fn same_rows(a: &Node, b: &Node) -> bool {
    let total = |n: &Node| n.actual_rows.unwrap_or(0.0) * n.actual_loops.unwrap_or(1.0);
    let slack = a
        .actual_loops
        .unwrap_or(1.0)
        .max(b.actual_loops.unwrap_or(1.0));
    (total(a) - total(b)).abs() <= slack
}

fn load(name: &str, ext: &str, expected: InputFormat) -> Plan {
    let path = Path::new(DIR).join(format!("{name}.{ext}"));
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let plan = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(plan.input_format, expected, "{}", path.display());
    plan
}

/// Asserts the four captures of `name` agree; returns the TEXT plan for further checks.
fn check(name: &str) -> Plan {
    let text = load(name, "txt", InputFormat::Text);
    let reference = shape(&text);
    for (ext, format) in [
        ("json", InputFormat::Json),
        ("yaml", InputFormat::Yaml),
        ("xml", InputFormat::Xml),
    ] {
        let other = load(name, ext, format);
        let got = shape(&other);
        for (i, (a, b)) in reference.iter().zip(&got).enumerate() {
            assert_eq!(a, b, "{name}: node {i} differs between text and {ext}");
        }
        assert_eq!(
            reference.len(),
            got.len(),
            "{name}: node count text vs {ext}"
        );
        for (i, (a, b)) in text.preorder().iter().zip(other.preorder()).enumerate() {
            assert!(same_rows(a, b), "{name}: node {i} rows differ in {ext}");
        }
        assert_eq!(text.planning_ms.is_some(), other.planning_ms.is_some());
        assert_eq!(text.execution_ms.is_some(), other.execution_ms.is_some());
        assert_eq!(
            text.triggers.len(),
            other.triggers.len(),
            "{name}: triggers"
        );
        assert_eq!(text.jit.len(), other.jit.len(), "{name}: JIT blocks");
        // Counts vary between executions (catalog caching); presence must not.
        assert_eq!(
            text.planning_buffers.is_empty(),
            other.planning_buffers.is_empty(),
            "{name}: planning buffers"
        );
    }
    text
}

#[test]
fn all_captures_agree_across_formats() {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .expect("fixture dir")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 15, "captures missing: {names:?}");
    for name in names {
        let plan = check(&name);
        assert!(plan.node_count() >= 1);
    }
}

#[test]
fn reports_round_trip_through_serde_json() {
    for name in [
        "cte_subplans.yaml",
        "parallel_hash_join.xml",
        "trigger_insert.txt",
    ] {
        let text = std::fs::read_to_string(Path::new(DIR).join(name)).expect("fixture");
        let report = pgdojo::explain::explain(&text).expect("parses");
        let json = pgdojo::explain::to_json(&report);
        let back: pgdojo::explain::Report = serde_json::from_str(&json).expect("deserialises");
        // The plan holds the input's short decimals and comes back exactly; derived analysis numbers
        // may differ in the last bit with the default float parser, so they are checked by count.
        assert!(back.plan == report.plan, "{name}: plan changed");
        assert_eq!(back.analysis.nodes.len(), report.analysis.nodes.len());
        assert_eq!(back.hints, report.hints);
    }
}
