//! cargo-fuzz target: any bytes given to the EXPLAIN parsers, analysis, hints and serialisation must
//! return a value or an error, never panic or overflow the stack.
//!
//! Run: `cd fuzz && cargo fuzz run explain_parse` (nightly; on stable: `RUSTC_BOOTSTRAP=1 cargo fuzz
//! run explain_parse`). Seed the corpus from `../tests/fixtures/explain/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(report) = pgdojo::explain::explain(&text) {
        let _ = serde_json_len(&report);
        let _ = report.contract_json();
    }
});

fn serde_json_len(report: &pgdojo::explain::Report) -> usize {
    // The page ships the normalised plan as JSON: serialising must not fail.
    pgdojo::explain::report::to_json(report).len()
}
