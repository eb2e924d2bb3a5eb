//! The full report for representative migrations, as the CLI's JSON and the web page see it,
//! compared with reviewed snapshots (`tests/snapshots/lint_report__*.snap`).

use std::fs;
use std::path::Path;

use pgdojo::lint::{lint, LintOptions};

fn check(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint/reports")
        .join(format!("{name}.sql"));
    let text = fs::read_to_string(path).expect("fixture");
    let report = lint(&text, LintOptions::default());
    insta::assert_json_snapshot!(format!("report_{name}"), report);
}

#[test]
fn expand_contract() {
    check("expand_contract");
}

#[test]
fn held_lists_are_capped_but_counts_exact() {
    let sql: String = (0..100)
        .map(|i| format!("ALTER TABLE t{i} ADD COLUMN x int;\n"))
        .collect();
    let r = lint(
        &sql,
        LintOptions {
            assume_in_transaction: true,
            ..LintOptions::default()
        },
    );
    let last = r.statements.last().expect("statements");
    assert_eq!(last.held_before_total, 99);
    assert_eq!(last.held_before.len(), 32);
    let f = last
        .findings
        .iter()
        .find(|f| f.rule == "statements-after-access-exclusive")
        .expect("finding");
    assert!(f.message.contains("and 94 more"), "{}", f.message);
    assert_eq!(r.timeline.len(), 100);
    assert!(r.timeline.iter().all(|t| t.released_at == 99));
}
