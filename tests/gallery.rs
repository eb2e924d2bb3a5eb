//! The gallery's examples do what their titles promise: the safe ones lint clean, the dangerous ones
//! raise at least one error or warning.

use pgdojo::gallery::migrations::{example, EXAMPLES};
use pgdojo::lint::{lint, LintOptions, Severity};

fn worst_severity(sql: &str) -> Option<Severity> {
    lint(sql, LintOptions::default())
        .findings()
        .map(|f| f.severity)
        .max()
}

#[test]
fn safe_examples_have_no_errors_or_warnings() {
    for e in EXAMPLES.iter().filter(|e| e.safe) {
        let worst = worst_severity(e.sql);
        assert!(
            worst.is_none_or(|s| s == Severity::Hint),
            "{} should be safe, worst finding is {worst:?}",
            e.id
        );
    }
}

#[test]
fn dangerous_examples_are_flagged() {
    for e in EXAMPLES.iter().filter(|e| !e.safe) {
        let worst = worst_severity(e.sql);
        assert!(
            worst >= Some(Severity::Warning),
            "{} should raise an error or warning, worst is {worst:?}",
            e.id
        );
    }
}

#[test]
fn ids_are_unique_and_resolvable() {
    for e in &EXAMPLES {
        assert_eq!(example(e.id), Some(e));
    }
    assert!(EXAMPLES.iter().any(|e| e.safe) && EXAMPLES.iter().any(|e| !e.safe));
}
