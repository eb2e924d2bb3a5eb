//! Per-worker breakdown of parallel nodes (`pgdojo::explain::workers`): hand-written plans under
//! `tests/fixtures/explain/workers/` (skew, leader not participating, sort info without VERBOSE, one
//! worker) are summarised as outlines and compared with reviewed snapshots; the PostgreSQL 15
//! parallel captures must give the same breakdown in TEXT, JSON, YAML and XML.
//!
//! The PostgreSQL captures are four separate executions, so their numbers differ from run to run, and
//! so can which process did a one-loop job (in the XML run of `parallel_hash_join` the leader built
//! the hash, in the others worker 0). Exact identity is therefore checked on
//! `tests/fixtures/explain/workers-formats/`, one execution written in all four formats; the captures
//! must agree on the Gathers, on every node where several workers reported rows, and on their
//! workers and loops, and each must add up (leader + workers = node total).

use pgdojo::explain::workers::{breakdown, NodeWorkers, ProcessShare, WorkerBreakdown};
use pgdojo::explain::{parse, InputFormat, Plan};
use std::fmt::Write;
use std::path::Path;

fn opt(label: &str, value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| {
        let v = (v * 1000.0).round() / 1000.0;
        format!(" {label}={v}")
    })
}

fn process_line(out: &mut String, name: &str, p: &ProcessShare) {
    let _ = writeln!(
        out,
        "  {name}:{}{}{}{}{}{}",
        opt("rows", p.rows),
        opt("loops", p.loops),
        opt("time_ms", p.time_ms),
        opt("share_pct", p.rows_share.map(|s| s * 100.0)),
        opt("shared_hit", p.buffers.shared_hit),
        opt("shared_read", p.buffers.shared_read),
    );
}

/// A readable summary of a breakdown.
fn outline(plan: &Plan, b: &WorkerBreakdown) -> String {
    let nodes = plan.preorder();
    let mut out = String::new();
    for g in &b.gathers {
        let _ = writeln!(
            out,
            "#{} {}:{}{}",
            g.node,
            nodes[g.node].display_name,
            opt("planned", g.workers_planned),
            opt("launched", g.workers_launched)
        );
    }
    for n in &b.nodes {
        let _ = writeln!(
            out,
            "#{} {}:{}{}{}{}{} skewed={}",
            n.node,
            nodes[n.node].display_name,
            opt("rows_total", n.rows_total),
            opt("time_total_ms", n.time_total_ms),
            opt("rows_skew", n.rows_skew),
            opt("slowest_ms", n.slowest_ms),
            opt("fastest_ms", n.fastest_ms),
            n.skewed
        );
        for w in &n.workers {
            let name = format!("worker {}", w.worker.unwrap_or(-1.0));
            process_line(&mut out, &name, w);
        }
        match &n.leader {
            Some(l) => process_line(&mut out, "leader", l),
            None => out.push_str("  leader: not derivable\n"),
        }
    }
    out
}

fn load(path: &Path) -> Plan {
    let text = std::fs::read_to_string(path).expect("fixture exists");
    parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses `path`, checks the breakdown's invariants and compares its outline with the snapshot.
fn check(path: &Path, snapshot: &str) -> WorkerBreakdown {
    let plan = load(path);
    let b = breakdown(&plan);
    for n in &b.nodes {
        invariants(n);
    }
    insta::assert_snapshot!(snapshot, outline(&plan, &b));
    b
}

/// The leader and the workers add up to the node (rows within per-loop rounding), shares ≤ 100%.
fn invariants(n: &NodeWorkers) {
    let Some(leader) = &n.leader else { return };
    let all: Vec<&ProcessShare> = n.workers.iter().chain(Some(leader)).collect();
    if let (Some(total), Some(rows)) = (
        n.rows_total,
        all.iter().map(|p| p.rows).sum::<Option<f64>>(),
    ) {
        let slack = all.iter().filter_map(|p| p.loops).sum::<f64>().max(1.0);
        assert!(
            (total - rows).abs() <= slack,
            "#{}: rows {rows} vs total {total}",
            n.node
        );
    }
    let shares: f64 = all.iter().filter_map(|p| p.rows_share).sum();
    assert!(shares <= 1.0 + 1e-9, "#{}: shares add to {shares}", n.node);
}

#[test]
fn hand_written_cases() {
    let dir = Path::new("tests/fixtures/explain/workers");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "fixtures found: {names:?}");
    for path in names {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let b = check(&path, &format!("workers-{stem}"));
        let scan = b.nodes.first().expect("a node with workers");
        match stem.as_str() {
            "skewed" => {
                assert!(scan.skewed, "290,000 vs 25,000 rows is skewed");
                assert_eq!(scan.leader.as_ref().and_then(|l| l.rows), Some(15000.0));
                assert_eq!(b.gathers[0].workers_launched, Some(2.0));
            }
            "leader-off" => {
                assert!(!scan.skewed, "101,000 vs 99,000 rows is even");
                assert_eq!(scan.leader.as_ref().and_then(|l| l.loops), Some(0.0));
            }
            "sort-info-only" => {
                assert!(scan.leader.is_none(), "no rows per worker, no leader");
                assert_eq!(scan.rows_skew, None);
            }
            "one-worker" => {
                assert_eq!(scan.rows_skew, None, "skew needs two workers");
                assert_eq!(scan.leader.as_ref().and_then(|l| l.rows), Some(2000.0));
            }
            other => panic!("fixture {other} has no assertions"),
        }
    }
}

/// What must agree between the four captures of one query.
fn shape(b: &WorkerBreakdown) -> Vec<String> {
    let mut out: Vec<String> = b
        .gathers
        .iter()
        .map(|g| {
            format!(
                "gather #{} {:?}/{:?}",
                g.node, g.workers_planned, g.workers_launched
            )
        })
        .collect();
    // Nodes where at least two workers produced rows: the parallel part every run shares.
    let shared = |n: &&NodeWorkers| {
        n.workers
            .iter()
            .filter(|w| w.rows.unwrap_or(0.0) > 0.0)
            .count()
            >= 2
    };
    out.extend(b.nodes.iter().filter(shared).map(|n| {
        let workers: Vec<String> = n
            .workers
            .iter()
            .map(|w| {
                format!(
                    "{:?} loops={:?} rows={} time={}",
                    w.worker,
                    w.loops,
                    w.rows.is_some(),
                    w.time_ms.is_some(),
                )
            })
            .collect();
        format!(
            "#{} leader={} [{}]",
            n.node,
            n.leader.is_some(),
            workers.join("; ")
        )
    }));
    out
}

#[test]
fn pg15_parallel_captures_agree_across_formats() {
    for name in ["parallel_agg", "parallel_hash_join"] {
        let dir = Path::new("tests/fixtures/explain/pg15");
        let text = check(
            &dir.join(format!("{name}.txt")),
            &format!("workers-pg15-{name}"),
        );
        assert!(text.nodes.len() >= 3, "{name}: parallel nodes found");
        assert!(text.nodes.iter().all(|n| n.leader.is_some()), "{name}");
        let reference = shape(&text);
        for (ext, format) in [
            ("json", InputFormat::Json),
            ("yaml", InputFormat::Yaml),
            ("xml", InputFormat::Xml),
        ] {
            let plan = load(&dir.join(format!("{name}.{ext}")));
            assert_eq!(plan.input_format, format);
            let other = breakdown(&plan);
            for n in &other.nodes {
                invariants(n);
            }
            assert_eq!(reference, shape(&other), "{name}: text vs {ext}");
        }
    }
}

#[test]
fn cli_json_carries_workers_and_gathers() {
    let text = std::fs::read_to_string("tests/fixtures/explain/workers/skewed.txt").expect("read");
    let report = pgdojo::explain::explain(&text).expect("parses");
    let doc = report.contract_json();
    assert_eq!(doc["gathers"][0]["workers_planned"], 3);
    assert_eq!(doc["gathers"][0]["workers_launched"], 2);
    let scan = &doc["plan"]["children"][0];
    assert_eq!(scan["workers"][0]["worker"], 0);
    assert_eq!(scan["workers"][0]["rows"], 290000);
    assert_eq!(scan["leader"]["rows"], 15000);
    assert_eq!(scan["worker_skew"]["skewed"], true);
    assert!(
        doc["plan"].get("workers").is_none(),
        "no workers key without worker data"
    );
    insta::assert_json_snapshot!("workers-cli-json-skewed", doc);
}

#[test]
fn one_execution_in_four_formats_gives_the_same_breakdown() {
    let dir = Path::new("tests/fixtures/explain/workers-formats");
    let text = load(&dir.join("skewed.txt"));
    let reference = breakdown(&text);
    assert_eq!(reference.nodes.len(), 1);
    assert!(reference.nodes[0].skewed);
    for ext in ["json", "yaml", "xml"] {
        let plan = load(&dir.join(format!("skewed.{ext}")));
        assert_eq!(plan.input_format.name(), ext);
        assert_eq!(reference, breakdown(&plan), "text vs {ext}");
    }
}
