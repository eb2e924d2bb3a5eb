//! Deterministic mini-fuzz: mutates every lint fixture many times (fixed seed, so failures
//! reproduce) and checks that linting never panics and that reports stay well-formed.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use pgdojo::lint::{lint, LintOptions};

mod common;
use common::Rng;

/// Fragments that stress the lexer and recognisers.
const PIECES: &[&str] = &[
    "'",
    "\"",
    "$$",
    "$a$",
    "$",
    "$1",
    "/*",
    "*/",
    "--",
    "\n",
    ";",
    "(",
    ")",
    ",",
    "E'\\'",
    "U&'",
    "é",
    "𝄞",
    "\\",
    "BEGIN",
    "COMMIT",
    "ATOMIC",
    "END",
    "CASE",
    "ALTER TABLE t ",
    "ADD ",
    "COLUMN ",
    "CONCURRENTLY ",
    "NOT VALID",
    "REFERENCES x",
    "DEFAULT random()",
    "TYPE ",
    "ONLY ",
    ".",
    "-- pgdojo-ignore ",
    "-- pgdojo-ignore-file x",
    "INDEX ",
    "ON ",
    "USING INDEX ",
    "GENERATED ",
];

fn corpus() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).expect("dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "sql") {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint"),
        &mut paths,
    );
    paths.sort();
    paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("fixture"))
        .collect()
}

fn mutate(rng: &mut Rng, input: &str) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 => {
                let piece = PIECES[rng.below(PIECES.len())];
                bytes.splice(at..at, piece.bytes());
            }
            1 => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => bytes.truncate(at),
            _ => {
                let end = (at + rng.below(32)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
        }
    }
    // Byte edits may split a UTF-8 sequence; the linter takes `&str`, as the CLI does.
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn mutated_fixtures_never_panic() {
    let corpus = corpus();
    assert!(corpus.len() > 50);
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    for round in 0..2500 {
        let base = &corpus[round % corpus.len()];
        let input = mutate(&mut rng, base);
        let options = LintOptions {
            pg_version: 11 + (round % 8) as u32,
            assume_in_transaction: round % 3 == 0,
        };
        let result = catch_unwind(AssertUnwindSafe(|| lint(&input, options)));
        let report = result.unwrap_or_else(|_| panic!("panic on input {input:?}"));
        let mut last = (0, 0);
        for s in &report.statements {
            assert!(s.line >= 1 && s.column >= 1, "{input:?}");
            assert!((s.line, s.column) > last, "statements in order: {input:?}");
            assert!(
                (s.end_line, s.end_column) >= (s.line, s.column),
                "{input:?}"
            );
            last = (s.line, s.column);
        }
        serde_json::to_string(&report).expect("serialisable");
    }
}
