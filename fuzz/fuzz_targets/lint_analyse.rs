//! cargo-fuzz target for the migration linter: splitter, recogniser, lock model and rules must not
//! panic on any input, and every report must serialise. Run with
//! `cargo +nightly fuzz run lint_analyse` from the crate root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pgdojo::lint::{lint, LintOptions};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options so every version and transaction mode gets explored.
    let Some((&knobs, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let options = LintOptions {
        pg_version: 11 + u32::from(knobs % 8),
        assume_in_transaction: knobs & 0x80 != 0,
    };
    let report = lint(text, options);
    for s in &report.statements {
        assert!(s.line >= 1 && s.column >= 1);
        assert!((s.end_line, s.end_column) >= (s.line, s.column));
    }
    let _ = serde_json::to_string(&report).expect("report serialises");
});
