//! A deterministic mini-fuzzer: thousands of mutated and synthetic inputs must never panic the
//! parsers, the analysis or the hints (a cheap native stand-in for `fuzz/`'s cargo-fuzz target).

use pgdojo::explain::explain;

mod common;
use common::Rng;

const SEEDS: &[&str] = &[
    "tests/fixtures/explain/pg15/cte_subplans.txt",
    "tests/fixtures/explain/pg15/parallel_agg.json",
    "tests/fixtures/explain/pg15/memoize.yaml",
    "tests/fixtures/explain/pg15/lossy_bitmap.xml",
    "tests/fixtures/explain/text/node-names.txt",
    "tests/fixtures/explain/text/psql-expanded.txt",
    "tests/fixtures/explain/text/parallel-workers.txt",
];

/// Fragments that steer mutations into interesting parser states.
const TOKENS: &[&str] = &[
    "->",
    "  ",
    "(",
    ")",
    "\"",
    "'",
    ":",
    "\n",
    "\t",
    "|",
    "+",
    "↵",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&#x1F600;",
    "- ",
    "Plans:",
    "(cost=",
    "..",
    "rows=",
    "loops=0",
    "(never executed)",
    "InitPlan 1 (returns $0)",
    "SubPlan 1",
    "CTE x",
    "Worker 0:  ",
    "JIT:",
    "Planning:",
    "QUERY PLAN",
    "(1 row)",
    "-[ RECORD 1 ]-",
    "\"Node Type\": ",
    "<Node-Type>",
    "Buffers: shared hit=",
    "I/O Timings: ",
    "\\u12",
    "\u{feff}",
    "é",
    "1e309",
    "-1",
    "NaN",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes: Vec<u8> = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            2 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            3 => bytes.truncate(at),
            4 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let chunk: Vec<u8> = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = at.min(bytes.len());
                bytes.splice(at..at, token.iter().copied().cycle().take(token.len() * 40));
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn exercise(input: &str) {
    if let Ok(report) = explain(input) {
        // Serialising must not fail either (the page ships the plan as JSON).
        assert!(serde_json::to_string(&report).is_ok());
        let _ = report.contract_json();
        // Comparing a mutated plan with itself pairs every node with itself.
        let rows = pgdojo::explain::compare::match_plans(&report.plan, &report.plan);
        assert_eq!(rows.len(), report.plan.node_count());
    }
}

#[test]
fn mutated_fixtures_never_panic() {
    let seeds: Vec<String> = SEEDS
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed fixture"))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..1000 {
        let seed = &seeds[round % seeds.len()];
        exercise(&mutate(&mut rng, seed));
    }
}

#[test]
fn hostile_shapes_never_panic() {
    // Deeper than the parsers accept (500 levels): must be a clean error, not a stack overflow.
    let deep_text: String = (0..600)
        .map(|i| {
            format!(
                "{}->  Sort  (cost=0.00..1.00 rows=1 width=4)\n",
                " ".repeat(i * 6)
            )
        })
        .collect();
    let wide_text: String = (0..3000)
        .map(|_| "  ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n")
        .collect();
    let deep_json_plan = format!(
        "{}{}",
        "{\"Node Type\": \"Sort\", \"Plans\": [".repeat(600),
        "]}".repeat(600)
    );
    let deep_json = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let deep_xml = "<Plans><Plan>".repeat(3000);
    let deep_yaml: String = (0..1500)
        .map(|i| format!("{}- Plans:\n", " ".repeat(i)))
        .collect();
    let error = explain(&deep_text).expect_err("too deep");
    assert!(error.message.contains("deeper than 500"), "{error}");
    let mut rng = Rng(42);
    let noise: String = (0..5000)
        .map(|_| char::from_u32(rng.below(0x3000) as u32).unwrap_or(' '))
        .collect();
    for input in [
        deep_text.as_str(),
        &format!("Seq Scan on t  (cost=1..2 rows=1 width=1)\n{wide_text}"),
        &deep_json_plan,
        &deep_json,
        &deep_xml,
        &deep_yaml,
        &noise,
        "->",
        "(cost=",
        "[{\"Plan\": {}}]",
        "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Plans\": [1, \"x\", null]}}]",
        "<explain><Query><Plan></Plan></Query></explain>",
        "- Plan:\n    Node Type: \"Result\"\n    Plans:\n      -\n      - x\n",
        "Result  (cost=1e400..-0 rows=NaN width=inf) (actual time=..  rows= loops=)",
    ] {
        exercise(input);
    }
}
