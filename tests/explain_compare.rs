//! Tree-aware plan comparison (`pgdojo::explain::compare`): each folder under
//! `tests/fixtures/explain/compare/` holds a first plan `a.*` and a second plan `b.*`; the aligned
//! rows are rendered as an outline, compared with a reviewed snapshot, and held to the case's facts.

use pgdojo::explain::compare::{match_plans, match_trees, MatchKind, MatchRow, MatchSummary, Tree};
use pgdojo::explain::{parse, Plan};
use std::fmt::Write;
use std::path::{Path, PathBuf};

const DIR: &str = "tests/fixtures/explain/compare";

fn find(dir: &Path, stem: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("case dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_stem().and_then(|s| s.to_str()) == Some(stem))
        .unwrap_or_else(|| panic!("{}: no {stem}.*", dir.display()))
}

fn load(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).expect("fixture");
    parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn label(plan: &Plan, index: Option<usize>) -> String {
    let nodes = plan.preorder();
    index.and_then(|i| nodes.get(i)).map_or("-".into(), |n| {
        let rel = n
            .relation
            .as_deref()
            .map(|r| format!(" on {r}"))
            .unwrap_or_default();
        format!("#{} {}{rel}", index.unwrap_or(0), n.display_name)
    })
}

fn outline(a: &Plan, b: &Plan, rows: &[MatchRow]) -> String {
    let mut out = String::new();
    for r in rows {
        let _ = writeln!(
            out,
            "{}{:?}: {} | {}",
            "  ".repeat(r.depth),
            r.kind,
            label(a, r.a),
            label(b, r.b)
        );
    }
    let s = MatchSummary::of(rows);
    let _ = writeln!(
        out,
        "same={} changed={} added={} removed={}",
        s.same, s.changed, s.added, s.removed
    );
    out
}

/// Every node of both plans appears exactly once, and rows list each plan's nodes in pre-order.
fn covers_both(a: &Plan, b: &Plan, rows: &[MatchRow]) {
    let xs: Vec<usize> = rows.iter().filter_map(|r| r.a).collect();
    let ys: Vec<usize> = rows.iter().filter_map(|r| r.b).collect();
    assert_eq!(
        xs,
        (0..a.node_count()).collect::<Vec<_>>(),
        "first plan order"
    );
    assert_eq!(ys.len(), b.node_count(), "second plan count");
    let mut sorted = ys.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), b.node_count(), "second plan nodes once each");
}

/// Matches the case's plans, checks coverage and the snapshot; returns the rows and summary.
fn check(case: &str) -> (Vec<MatchRow>, MatchSummary) {
    let dir = Path::new(DIR).join(case);
    let (a, b) = (load(&find(&dir, "a")), load(&find(&dir, "b")));
    let rows = match_plans(&a, &b);
    insta::assert_snapshot!(format!("compare-{case}"), outline(&a, &b, &rows));
    let summary = MatchSummary::of(&rows);
    (rows, summary)
}

fn kinds(rows: &[MatchRow]) -> Vec<MatchKind> {
    rows.iter().map(|r| r.kind).collect()
}

#[test]
fn every_case_has_assertions_and_covers_both_plans() {
    let mut cases: Vec<String> = std::fs::read_dir(DIR)
        .expect("compare fixtures")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 6, "{cases:?}");
    for case in &cases {
        let dir = Path::new(DIR).join(case);
        let (a, b) = (load(&find(&dir, "a")), load(&find(&dir, "b")));
        covers_both(&a, &b, &match_plans(&a, &b));
    }
    use MatchKind::*;
    for case in &cases {
        let (rows, s) = check(case);
        match case.as_str() {
            "identical" => {
                assert_eq!((s.changed, s.added, s.removed), (0, 0, 0));
                assert!(rows.iter().all(|r| r.a == r.b));
            }
            "added-sort" => {
                assert_eq!(kinds(&rows), [Same, Added, Same, Same, Same, Same]);
                // The rows after the extra node still pair up, one level deeper in the second plan.
                assert_eq!(rows[2].a, Some(1));
                assert_eq!(rows[2].b, Some(2));
                assert_eq!(rows[2].depth, 2);
            }
            "seq-to-index" => assert_eq!(kinds(&rows), [Same, Changed]),
            "hash-to-nested-loop" => {
                assert_eq!(kinds(&rows)[0], Changed, "Hash Join → Nested Loop");
                // orders (a #1) ↔ orders (b #2); customers (a #3) ↔ customers (b #1).
                assert!(rows.contains(&MatchRow {
                    a: Some(1),
                    b: Some(2),
                    kind: Changed,
                    depth: 1
                }));
                assert!(rows
                    .iter()
                    .any(|r| r.a == Some(3) && r.b == Some(1) && r.kind == Same));
                assert!(
                    rows.iter().any(|r| r.a == Some(2) && r.kind == Removed),
                    "the Hash went"
                );
                assert_eq!((s.added, s.removed), (0, 1));
            }
            "extra-partition" => {
                assert_eq!(kinds(&rows), [Same, Same, Same, Added, Same, Same]);
                assert_eq!(rows[4].a, Some(3), "events_2024_03 after the extra one");
                assert_eq!(rows[4].b, Some(4));
            }
            "unrelated" => {
                assert_eq!((s.same, s.changed), (0, 0));
                assert_eq!((s.removed, s.added), (2, 4));
            }
            other => panic!("case {other} has no assertions"),
        }
    }
}

#[test]
fn a_plan_matches_itself_and_an_empty_tree_matches_nothing() {
    let a = load(&Path::new(DIR).join("seq-to-index/a.txt"));
    let rows = match_plans(&a, &a);
    assert_eq!(MatchSummary::of(&rows).same, 2);
    let flat = Tree::from_plan(&a);
    let empty = Tree::new(Vec::new(), Vec::new());
    let rows = match_trees(&flat, &empty);
    assert_eq!(MatchSummary::of(&rows).removed, 2);
    assert!(match_trees(&empty, &empty).is_empty());
}

#[test]
fn a_malformed_flat_tree_neither_loops_nor_panics() {
    let a = load(&Path::new(DIR).join("seq-to-index/a.txt"));
    let nodes = a.preorder();
    // A child pointing back at its parent, and one out of range.
    let broken = Tree::new(nodes.clone(), vec![vec![1, 7], vec![0]]);
    let rows = match_trees(&broken, &Tree::from_plan(&a));
    assert_eq!(MatchSummary::of(&rows).same, 2);
}
