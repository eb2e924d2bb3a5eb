//! `pgdojo explain` end to end: the JSON contract, text output, stdin, and exit code 2 on non-plans.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pgdojo"))
        .arg("explain")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or("").as_bytes());
    }
    child.wait_with_output().expect("binary finishes")
}

const NODE_FIELDS: &[&str] = &[
    "node_type",
    "join_type",
    "relation",
    "alias",
    "parent_relationship",
    "subplan_name",
    "startup_cost",
    "total_cost",
    "plan_rows",
    "actual_rows",
    "actual_loops",
    "inclusive_ms",
    "exclusive_ms",
    "children",
];

#[test]
fn json_output_follows_the_contract() {
    let out = run(
        &[
            "tests/fixtures/explain/pg15/disk_sort.txt",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["input_format"], "text");
    assert!(doc["planning_ms"].is_number());
    assert!(doc["execution_ms"].is_number());
    let plan = &doc["plan"];
    for field in NODE_FIELDS {
        assert!(plan.get(field).is_some(), "plan.{field} missing");
    }
    assert_eq!(plan["node_type"], "Sort");
    assert!(plan["join_type"].is_null(), "absent fields are null");
    assert_eq!(plan["children"][0]["relation"], "orders");
    assert_eq!(plan["children"][0]["parent_relationship"], "Outer");
    let hints = doc["hints"].as_array().expect("hints array");
    assert_eq!(hints[0]["id"], "disk-sort");
    assert_eq!(hints[0]["node"], 0);
    assert!(hints[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("kB")));
}

#[test]
fn reads_standard_input_and_prints_text() {
    let plan =
        std::fs::read_to_string("tests/fixtures/explain/pg15/memoize.yaml").expect("fixture");
    let out = run(&["-"], Some(&plan));
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("input: yaml"), "{text}");
    assert!(text.contains("Memoize"));
    assert!(text.contains("[nested-loop-many-loops]"));
}

#[test]
fn text_output_breaks_parallel_nodes_down_by_worker() {
    let out = run(&["tests/fixtures/explain/workers-formats/skewed.xml"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "worker 0: rows 290000 (88%)  loops 1  time 90.000 ms",
        "worker 1: rows 25000 (8%)  loops 1  time 30.000 ms",
        "leader (derived): rows 15000 (5%)  loops 1  time 60.000 ms",
        "skewed: the busiest worker produced 1.8x the workers' mean rows",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

#[test]
fn not_a_plan_exits_2_with_a_message() {
    for input in ["", "hello world\n", "{\"a\": 1}", "<html></html>", "[1, 2"] {
        let out = run(&["-", "--format", "json"], Some(input));
        assert_eq!(out.status.code(), Some(2), "input {input:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("pgdojo explain: "), "{err}");
    }
}

#[test]
fn missing_file_exits_2() {
    let out = run(&["tests/fixtures/explain/does-not-exist.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
