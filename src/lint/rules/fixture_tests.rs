//! Fixture harness for rule tests: each rule has `tests/fixtures/lint/rules/<id>/fire.sql` (must
//! produce at least one finding of the rule) and `ok.sql` (must produce none).
//!
//! A fixture's leading comment lines set options: `-- pg-version: 11`, `-- assume-in-transaction`.

use crate::lint::{lint, LintOptions, LintReport};

/// Options declared in a fixture's header comments.
pub fn fixture_options(text: &str) -> LintOptions {
    let mut o = LintOptions::default();
    for line in text.lines().take_while(|l| l.starts_with("--")) {
        let l = line.trim_start_matches('-').trim();
        if let Some(v) = l.strip_prefix("pg-version:") {
            o.pg_version = v.trim().parse().unwrap_or(o.pg_version);
        }
        if l == "assume-in-transaction" {
            o.assume_in_transaction = true;
        }
    }
    o
}

/// Lints a fixture with its declared options.
pub fn run(text: &str) -> LintReport {
    lint(text, fixture_options(text))
}

/// Asserts that `rule` fires (or not) on `text`.
pub fn check(rule: &str, text: &str, should_fire: bool) {
    let report = run(text);
    let hits: Vec<_> = report.findings().filter(|f| f.rule == rule).collect();
    if should_fire {
        assert!(!hits.is_empty(), "{rule} should fire on:\n{text}");
        for f in hits {
            assert!(!f.message.is_empty() && !f.help.is_empty());
            assert!(f.line >= 1 && f.column >= 1);
        }
    } else {
        assert!(
            hits.is_empty(),
            "{rule} should not fire on:\n{text}\n{hits:#?}"
        );
    }
}

/// Generates the firing and non-firing tests of a rule from its fixture files.
macro_rules! fixture_tests {
    ($id:literal) => {
        #[test]
        fn fires_on_fixture() {
            $crate::lint::rules::fixture_tests::check(
                $id,
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/lint/rules/",
                    $id,
                    "/fire.sql"
                )),
                true,
            );
        }

        #[test]
        fn stays_quiet_on_fixture() {
            $crate::lint::rules::fixture_tests::check(
                $id,
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/lint/rules/",
                    $id,
                    "/ok.sql"
                )),
                false,
            );
        }
    };
}
pub(crate) use fixture_tests;
