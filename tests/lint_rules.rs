//! Rule registry invariants, ignore directives, new objects and version-aware advice.
//!
//! Each rule's own firing / non-firing fixtures run as unit tests beside the rule
//! (`src/lint/rules/<rule>.rs`); this file checks what spans rules.

use std::path::Path;

use pgdojo::lint::rules::all_rules;
use pgdojo::lint::{lint, LintOptions, LintReport, Severity};

fn run(sql: &str) -> LintReport {
    lint(sql, LintOptions::default())
}

fn rules_fired(r: &LintReport) -> Vec<String> {
    r.findings().map(|f| f.rule.clone()).collect()
}

#[test]
fn every_rule_is_documented_and_has_fixtures() {
    let mut ids: Vec<&str> = all_rules().iter().map(|r| r.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "rule ids are unique");
    assert!(n >= 40);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/rules");
    for r in all_rules() {
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is kebab-case",
            r.id
        );
        assert!(
            !r.doc.problem.is_empty() && !r.doc.why.is_empty(),
            "{}",
            r.id
        );
        assert!(!r.doc.safe_sql.is_empty(), "{} has safe SQL", r.id);
        assert!(
            r.doc
                .docs_url
                .starts_with("https://www.postgresql.org/docs/"),
            "{}",
            r.id
        );
        for f in ["fire.sql", "ok.sql"] {
            assert!(fixtures.join(r.id).join(f).is_file(), "{}/{f}", r.id);
        }
    }
}

#[test]
fn ignore_directives() {
    let sql = "-- pgdojo-ignore require-concurrent-index-creation\nCREATE INDEX i ON t (a);";
    assert!(!rules_fired(&run(sql)).contains(&"require-concurrent-index-creation".to_string()));

    // Only the next statement is covered.
    let sql = "-- pgdojo-ignore require-concurrent-index-creation\nCREATE INDEX i ON t (a);\nCREATE INDEX j ON t (b);";
    let r = run(sql);
    assert_eq!(
        r.statements[1]
            .findings
            .iter()
            .filter(|f| f.rule == "require-concurrent-index-creation")
            .count(),
        1
    );

    // File-wide, anywhere in the file, block comments too.
    let sql =
        "CREATE INDEX i ON t (a);\n/* pgdojo-ignore-file require-concurrent-index-creation */";
    assert!(!rules_fired(&run(sql)).contains(&"require-concurrent-index-creation".to_string()));
}

#[test]
fn unknown_and_unused_ignores_are_reported() {
    let r = run("-- pgdojo-ignore no-such-rule\nSELECT 1;");
    let f = r
        .findings()
        .find(|f| f.rule == "unknown-rule-in-ignore")
        .expect("unknown");
    assert_eq!((f.severity, f.line, f.column), (Severity::Error, 1, 1));
    assert!(r.has_errors());

    let r = run("-- pgdojo-ignore renaming-table\nSELECT 1;");
    let f = r
        .findings()
        .find(|f| f.rule == "unused-ignore")
        .expect("unused");
    assert_eq!(f.severity, Severity::Hint);

    let r = run("-- pgdojo-ignore-file renaming-table\nSELECT 1;");
    assert_eq!(r.file_findings.len(), 1);
    assert_eq!(r.file_findings[0].rule, "unused-ignore");
}

#[test]
fn objects_created_in_the_file_raise_no_lock_findings() {
    let sql = "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\n\
               CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text);\n\
               CREATE INDEX accounts_email_idx ON accounts (email);\n\
               ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid();\n\
               ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n\
               ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);\n\
               ALTER TABLE accounts ALTER COLUMN email TYPE varchar(100);";
    let r = run(sql);
    let fired: Vec<String> = r
        .findings()
        .filter(|f| f.severity != Severity::Hint)
        .map(|f| f.rule.clone())
        .collect();
    assert!(fired.is_empty(), "{fired:?}");
    assert!(r.statements[3].locks.iter().all(|l| l.new));
    assert!(r.statements[3].blocks.is_empty());
}

#[test]
fn advice_respects_the_target_version() {
    let on = |v: u32, sql: &str| {
        lint(
            sql,
            LintOptions {
                pg_version: v,
                assume_in_transaction: false,
            },
        )
    };
    let reindex = |v| {
        on(v, "REINDEX INDEX users_email_idx;")
            .findings()
            .find(|f| f.rule == "require-concurrent-reindex")
            .and_then(|f| f.safe_sql.clone())
            .expect("finding")
    };
    assert!(reindex(11).starts_with("CREATE INDEX CONCURRENTLY"));
    assert!(reindex(12).starts_with("REINDEX INDEX CONCURRENTLY"));

    let detach = |v| {
        on(v, "ALTER TABLE m DETACH PARTITION m1;")
            .findings()
            .find(|f| f.rule == "require-concurrent-detach")
            .and_then(|f| f.safe_sql.clone())
            .expect("finding")
    };
    assert!(!detach(13).contains("CONCURRENTLY"));
    assert!(detach(14).contains("CONCURRENTLY"));

    let not_null = |v| {
        on(v, "ALTER TABLE u ALTER COLUMN e SET NOT NULL;")
            .findings()
            .find(|f| f.rule == "setting-not-null")
            .and_then(|f| f.safe_sql.clone())
            .expect("finding")
    };
    assert!(
        !not_null(11).contains("SET NOT NULL"),
        "no SET NOT NULL shortcut before 12"
    );
    assert!(not_null(12).contains("CHECK (e IS NOT NULL) NOT VALID"));
    assert!(not_null(18).contains("NOT NULL e NOT VALID"));

    let generated = |v| {
        on(
            v,
            "ALTER TABLE u ADD COLUMN t text GENERATED ALWAYS AS (a || b) STORED;",
        )
        .findings()
        .find(|f| f.rule == "adding-rewriting-column")
        .map(|f| f.help.clone())
        .expect("finding")
    };
    assert!(!generated(17).contains("VIRTUAL"));
    assert!(generated(18).contains("VIRTUAL"));
}

#[test]
fn messages_name_lock_table_and_what_is_blocked() {
    let r = run("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();");
    let f = r
        .findings()
        .find(|f| f.rule == "adding-volatile-default")
        .expect("finding");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("ACCESS EXCLUSIVE lock on users"));
    assert!(f.message.contains("SELECT"));
    assert!(f.message.contains("INSERT/UPDATE/DELETE"));
}
