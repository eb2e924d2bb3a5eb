//! Analysis and hints: exact numbers on small plans, invariants on every fixture, and the hint ids
//! each captured plan must raise.

use pgdojo::explain::{explain, Report};
use std::collections::BTreeSet;
use std::path::Path;

fn report(path: &str) -> Report {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    explain(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6)
}

/// Every fixture file we own or may read.
fn all_fixture_paths() -> Vec<String> {
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/explain/pg15",
        "tests/fixtures/explain/text",
        "tests/fixtures/explain/hints",
        "../shared/reference/explain-samples/pev2-fixtures/from-text",
        "../shared/reference/explain-samples/pev2-fixtures/cte-exclusive-time",
        "../shared/reference/explain-samples/pev2-fixtures/21-io-timings",
        "../shared/reference/explain-samples/pev2-fixtures/12-line-wrapped-plans",
    ] {
        for entry in std::fs::read_dir(dir).expect("fixture dir").flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !name.contains("expect") {
                out.push(entry.path().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn times_are_never_negative_nor_above_the_total() {
    let paths = all_fixture_paths();
    assert!(paths.len() > 150);
    for path in paths {
        let r = report(&path);
        let total = r.analysis.total_ms;
        for m in &r.analysis.nodes {
            if let (Some(incl), Some(excl)) = (m.inclusive_ms, m.exclusive_ms) {
                assert!(excl >= 0.0, "{path} node {}: exclusive {excl} < 0", m.index);
                assert!(
                    excl <= incl + 1e-9,
                    "{path} node {}: exclusive > inclusive",
                    m.index
                );
                if let Some(total) = total {
                    assert!(incl <= total + 1e-9, "{path} node {}: above total", m.index);
                }
            }
        }
    }
}

#[test]
fn cte_time_is_attributed_once() {
    let r = report("../shared/reference/explain-samples/pev2-fixtures/cte-exclusive-time/02.plan");
    let ex: Vec<Option<f64>> = r.analysis.nodes.iter().map(|m| m.exclusive_ms).collect();
    // Append, CTE x (Function Scan), CTE Scan on x, CTE Scan on x x_1.
    assert!(close(ex[0], 504.954 - 504.937 - 0.007), "{ex:?}");
    assert!(close(ex[1], 504.880));
    assert!(close(ex[2], 504.937 - 504.880));
    assert!(close(ex[3], 0.007));
    let sum: f64 = ex.iter().flatten().sum();
    assert!(
        (sum - 504.954).abs() < 1e-6,
        "exclusive times add up to the root"
    );
}

#[test]
fn loops_multiply_time_and_rows() {
    let r = report("../shared/reference/explain-samples/pev2-fixtures/from-text/10-plan");
    // Index Scan on story_tag_attachments: 0.005 ms × 10157 loops, 0 rows.
    let m = &r.analysis.nodes[4];
    assert_eq!(
        r.plan.preorder()[4].relation.as_deref(),
        Some("story_tag_attachments")
    );
    assert!(close(m.inclusive_ms, 0.005 * 10157.0));
    assert!(close(m.rows_total, 0.0));
    assert!(close(m.loops, 10157.0));
}

#[test]
fn parallel_loops_are_divided_by_the_processes() {
    let r = report("tests/fixtures/explain/text/parallel-workers.txt");
    let scan = &r.analysis.nodes[3];
    assert_eq!(scan.parallel_processes, 3.0);
    assert!(close(scan.inclusive_ms, 20.0));
    assert!(close(scan.rows_total, 166667.0 * 3.0));
    assert!(close(r.analysis.jit_ms, 4.8));
    assert!(close(r.analysis.jit_pct_of_execution, 4.8 / 32.0 * 100.0));
}

#[test]
fn misestimates_filters_and_buffers() {
    let r = report("tests/fixtures/explain/hints/misestimate-planning.txt");
    let root = r.analysis.nodes[0].misestimate.as_ref().expect("estimate");
    assert_eq!(root.direction, "under");
    assert!((root.factor - 5000.0).abs() < 1e-9);
    assert!(close(r.analysis.planning_pct, 25.0 / 31.0 * 100.0));

    let r = report("tests/fixtures/explain/hints/inefficient-index.txt");
    let m = &r.analysis.nodes[0];
    assert!(close(m.filter_removed_pct, 99950.0 / 100000.0 * 100.0));
    assert_eq!(
        m.misestimate.as_ref().map(|e| e.direction.as_str()),
        Some("over")
    );

    let r = report("tests/fixtures/explain/text/subplans-pg17.txt");
    // Root: shared hit=100 inclusive; its InitPlan read 3, so 97 are its own.
    assert!(close(
        r.analysis.nodes[0].buffers_exclusive.shared_hit,
        97.0
    ));
    assert!(close(r.analysis.nodes[0].hit_ratio, 1.0));
    assert!(close(r.plan.planning_buffers.shared_read, 3.0));
}

#[test]
fn io_timings_in_every_version_shape() {
    let dir = "../shared/reference/explain-samples/pev2-fixtures/21-io-timings";
    let mut with_io = 0;
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path().display().to_string();
        if !path.ends_with(".plan") {
            continue;
        }
        let r = report(&path);
        let any = r
            .plan
            .preorder()
            .iter()
            .any(|n| n.buffers.io_read_ms.is_some() || n.buffers.io_write_ms.is_some())
            || r.plan.planning_buffers.io_read_ms.is_some();
        if any {
            with_io += 1;
        }
    }
    assert!(with_io >= 10, "I/O timings recognised in {with_io} samples");
}

/// Hint ids raised by each fixture (captured plans and hand-written ones).
const EXPECTED_HINTS: &[(&str, &[&str])] = &[
    ("pg15/cte_subplans.json", &[]),
    ("pg15/disk_sort.yaml", &["disk-sort"]),
    ("pg15/hash_batches.xml", &["hash-batches"]),
    ("pg15/hashagg_spill.txt", &["hashagg-spill"]),
    ("pg15/index_only_heap_fetches.json", &["heap-fetches"]),
    ("pg15/jit.txt", &["jit-overhead"]),
    ("pg15/large_offset.yaml", &["large-offset"]),
    ("pg15/lossy_bitmap.xml", &["lossy-bitmap", "recheck-lossy"]),
    ("pg15/memoize.txt", &["nested-loop-many-loops"]),
    ("pg15/never_executed.json", &["never-executed"]),
    ("pg15/parallel_agg.txt", &[]),
    ("pg15/seq_scan_filter.txt", &["seq-scan-filter"]),
    ("pg15/trigger_insert.json", &["slow-trigger"]),
    ("pg15/workers_not_launched.txt", &["workers-not-launched"]),
    ("hints/inefficient-index.txt", &["inefficient-index"]),
    (
        "workers/skewed.txt",
        &["parallel-skew", "workers-not-launched"],
    ),
    ("workers/leader-off.txt", &[]),
    (
        "hints/misestimate-planning.txt",
        &["misestimate", "planning-time"],
    ),
];

#[test]
fn fixtures_raise_the_expected_hints() {
    for (file, ids) in EXPECTED_HINTS {
        let path = Path::new("tests/fixtures/explain").join(file);
        let r = report(&path.display().to_string());
        let got: BTreeSet<&str> = r.hints.iter().map(|h| h.id.as_str()).collect();
        let want: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(got, want, "{file}");
        for h in &r.hints {
            assert!(!h.explanation.is_empty() && !h.fix.is_empty() && !h.evidence.is_empty());
            assert!(h.docs_url.starts_with("https://www.postgresql.org/docs/"));
            assert!(h.node < r.plan.node_count());
        }
    }
}

#[test]
fn seq_scan_hint_names_column_and_operator() {
    let r = report("tests/fixtures/explain/pg15/seq_scan_filter.txt");
    let hint = r
        .hints
        .iter()
        .find(|h| h.id == "seq-scan-filter")
        .expect("hint");
    assert!(hint.message.contains("orders(status)"), "{}", hint.message);
    assert!(hint.message.contains("`=`"), "{}", hint.message);
}
