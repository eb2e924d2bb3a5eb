//! The `pgdojo pool` command line: the JSON contract of the issue, flags over scenario files, sweeps,
//! and exit status 2 with a clear message on bad input. Cases are data in tests/fixtures/pool/cli/.

use serde_json::Value;
use std::process::Command;

fn pgdojo(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pgdojo"))
        .arg("pool")
        .args(args)
        .output()
        .expect("run pgdojo");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs one case: exit status and substrings of stdout / stderr.
fn check(case: &Value) {
    let name = case["name"].as_str().expect("name");
    let args: Vec<&str> = case["args"]
        .as_array()
        .expect("args")
        .iter()
        .map(|a| a.as_str().expect("arg"))
        .collect();
    let (code, stdout, stderr) = pgdojo(&args);
    assert_eq!(
        code,
        case["exit"].as_i64().expect("exit") as i32,
        "{name}: {stderr}"
    );
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        for want in case[stream].as_array().into_iter().flatten() {
            let want = want.as_str().expect("substring");
            assert!(
                text.contains(want),
                "{name}: {stream} lacks {want:?}:\n{text}"
            );
        }
    }
}

#[test]
fn cases_from_fixtures() {
    let text = std::fs::read_to_string("tests/fixtures/pool/cli/cases.json").expect("cases");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("cases JSON");
    assert!(cases.len() >= 10);
    for case in &cases {
        check(case);
    }
}

/// The fields the issue fixes, with their types.
fn assert_contract(v: &Value) {
    for key in [
        "requests_arrived",
        "requests_completed",
        "requests_failed",
        "events",
    ] {
        assert!(v[key].is_u64(), "{key} is a count: {v}");
    }
    for key in [
        "throughput_rps",
        "p_wait",
        "mean_busy_connections",
        "littles_law_error",
    ] {
        assert!(v[key].is_number(), "{key} is a number");
    }
    for key in ["mean", "p50", "p95", "p99"] {
        assert!(v["wait_ms"][key].is_number(), "wait_ms.{key}");
        assert!(v["latency_ms"][key].is_number(), "latency_ms.{key}");
    }
    assert!(v["latency_ms"]["p999"].is_number());
}

#[test]
fn json_report_has_the_contract_fields_and_is_reproducible() {
    let args = [
        "--scenario",
        "tests/fixtures/pool/cli/small.json",
        "--format",
        "json",
    ];
    let (code, out, err) = pgdojo(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON output");
    assert_contract(&v);
    assert_eq!(v["requests_arrived"], 5000);
    let arrived = v["requests_arrived"].as_u64().expect("count");
    let done = v["requests_completed"].as_u64().expect("count")
        + v["requests_failed"].as_u64().expect("count")
        + v["requests_in_flight"].as_u64().expect("count");
    assert_eq!(arrived, done, "conservation");
    // Same seed, same bytes.
    assert_eq!(pgdojo(&args).1, out);
    // Another seed, other numbers.
    let (_, other, _) = pgdojo(&[&args[..], &["--seed", "8"]].concat());
    assert_ne!(other, out);
}

#[test]
fn sweep_reports_runs_and_knee() {
    let (code, out, err) = pgdojo(&[
        "--arrival-rate",
        "1000",
        "--service",
        "exp:5",
        "--db-cores",
        "8",
        "--usl-sigma",
        "0.02",
        "--usl-kappa",
        "0.0005",
        "--requests",
        "20000",
        "--sweep-pool",
        "6..10",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("JSON output");
    let runs = v["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 5);
    for (i, run) in runs.iter().enumerate() {
        assert_eq!(run["pool_size"], 6 + i as u64);
        assert_contract(run);
    }
    // Table E: the knee of this database is pool 8.
    assert_eq!(v["knee"], 8);
    assert_eq!(v["hikari_formula"], 17);
}

#[test]
fn text_summary_snapshot() {
    let (code, out, err) = pgdojo(&["--scenario", "tests/fixtures/pool/cli/small.json"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}
