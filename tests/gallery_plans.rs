//! The EXPLAIN gallery's example plans parse completely and show what their titles promise.

use pgdojo::explain::{explain, Report};
use pgdojo::gallery::plans::{plan_example, PLAN_EXAMPLES};

fn report(id: &str) -> Report {
    let example = plan_example(id).unwrap_or_else(|| panic!("no example {id}"));
    explain(example.plan).unwrap_or_else(|e| panic!("{id} does not parse: {e}"))
}

fn hint_ids(report: &Report) -> Vec<&str> {
    report.hints.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn every_example_parses_with_timing_and_its_expected_hints() {
    for e in &PLAN_EXAMPLES {
        let r = report(e.id);
        assert!(r.plan.execution_ms.is_some(), "{}: execution time", e.id);
        assert!(
            r.analysis.nodes.iter().all(|m| m.inclusive_ms.is_some()),
            "{}: every node is timed",
            e.id
        );
        let ids = hint_ids(&r);
        for expected in e.expected_hints {
            assert!(
                ids.contains(expected),
                "{}: hints {ids:?} lack {expected}",
                e.id
            );
        }
    }
}

#[test]
fn parallel_aggregate_has_a_gather_merge_with_two_workers() {
    let r = report("parallel-aggregate");
    assert_eq!(r.plan.node_count(), 5);
    let gather = &r.plan.preorder()[1];
    assert_eq!(gather.node_type, "Gather Merge");
    assert_eq!(gather.workers_launched, Some(2.0));
    assert_eq!(r.analysis.nodes[4].parallel_processes, 3.0);
    assert!(!hint_ids(&r).contains(&"workers-not-launched"));
}

#[test]
fn disk_sort_spills_to_disk() {
    let r = report("disk-sort");
    let sort = &r.plan.root;
    assert_eq!(sort.sort_space_type.as_deref(), Some("Disk"));
    assert_eq!(sort.sort_space_kb, Some(55864.0));
    assert!(r.analysis.nodes[0].temp_written_kb.unwrap_or(0.0) > 0.0);
}

#[test]
fn bad_estimate_is_underestimated_and_loops_fifty_thousand_times() {
    let r = report("bad-estimate");
    assert_eq!(r.plan.node_count(), 3);
    let outer = r.analysis.nodes[1]
        .misestimate
        .as_ref()
        .expect("misestimate");
    assert_eq!(outer.direction, "under");
    assert!(outer.factor > 4000.0, "factor {}", outer.factor);
    assert_eq!(r.analysis.nodes[2].loops, Some(50112.0));
}

#[test]
fn cte_example_has_a_cte_an_initplan_and_a_subplan() {
    let r = report("cte-subplans");
    assert_eq!(r.plan.node_count(), 7);
    let names: Vec<String> = r
        .plan
        .preorder()
        .iter()
        .filter_map(|n| n.subplan_name.clone())
        .collect();
    assert!(names.iter().any(|n| n == "CTE totals"), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("InitPlan 2")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("SubPlan 3")),
        "{names:?}"
    );
    // Exclusive times are never negative and never exceed the execution time.
    let total = r.plan.execution_ms.unwrap_or(0.0);
    for m in &r.analysis.nodes {
        let ex = m.exclusive_ms.unwrap_or(0.0);
        assert!((0.0..=total).contains(&ex), "node {}: {ex}", m.index);
    }
}

#[test]
fn ids_are_unique_and_resolvable() {
    for e in &PLAN_EXAMPLES {
        assert_eq!(plan_example(e.id), Some(e));
    }
}
