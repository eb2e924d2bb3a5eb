//! Data-driven tests of the lock model: every statement in `tests/fixtures/lint/locks/*.sql` is
//! preceded by `-- expect: <summary>`, the locks, rewrite/scan flags and transaction rule the
//! model must produce (see `summary`). Facts are from the PostgreSQL docs or measured (see
//! `src/lint/effects.rs`).

use std::fs;
use std::path::Path;

use pgdojo::lint::effects::TxRule;
use pgdojo::lint::splitter::split;
use pgdojo::lint::{lint, LintOptions, StatementReport};

/// `rel=MODE[(new)] ...` or `none`, then `+rewrite`, `+scan`, `+no-tx`, `+needs-tx`, `+not-analysed`.
fn summary(s: &StatementReport) -> String {
    let mut parts: Vec<String> = s
        .locks
        .iter()
        .map(|l| {
            let new = if l.new { "(new)" } else { "" };
            format!("{}={}{new}", l.relation, l.mode.name())
        })
        .collect();
    if parts.is_empty() {
        parts.push("none".into());
    }
    for (on, flag) in [
        (s.rewrite, "+rewrite"),
        (s.scan, "+scan"),
        (s.transaction == TxRule::NotAllowed, "+no-tx"),
        (s.transaction == TxRule::Required, "+needs-tx"),
        (!s.analysed, "+not-analysed"),
    ] {
        if on {
            parts.push(flag.into());
        }
    }
    parts.join(" ")
}

fn options(text: &str) -> LintOptions {
    let mut o = LintOptions::default();
    for line in text.lines().take_while(|l| l.starts_with("--")) {
        if let Some(v) = line
            .trim_start_matches('-')
            .trim()
            .strip_prefix("pg-version:")
        {
            o.pg_version = v.trim().parse().expect("pg-version header");
        }
    }
    o
}

/// Checks every statement of one fixture against its `-- expect:` comment.
fn check(name: &str, text: &str) -> usize {
    let report = lint(text, options(text));
    let raw = split(text);
    assert_eq!(report.statements.len(), raw.statements.len());
    let mut mismatches = Vec::new();
    for (s, r) in report.statements.iter().zip(&raw.statements) {
        let expected = r
            .leading_comments
            .iter()
            .filter_map(|c| text[c.start..c.end].strip_prefix("-- expect:"))
            .next_back()
            .unwrap_or_else(|| panic!("{name}:{}: statement without `-- expect:`", s.line))
            .trim();
        if summary(s) != expected {
            mismatches.push(format!(
                "{name}:{}: {}\n  expected: {expected}\n  actual:   {}",
                s.line,
                s.sql,
                summary(s)
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    report.statements.len()
}

#[test]
fn lock_model_matches_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/locks");
    let mut total = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let text = fs::read_to_string(&path).expect("fixture");
        total += check(&path.display().to_string(), &text);
    }
    assert!(total > 90, "only {total} statements checked");
}

#[test]
fn blocks_are_derived_from_the_strongest_lock() {
    let r = lint(
        "ALTER TABLE users ADD COLUMN a int;\nCREATE INDEX i ON users (a);\nCREATE INDEX CONCURRENTLY j ON users (a);\nSELECT 1 FROM users;",
        LintOptions::default(),
    );
    let labels =
        |i: usize| -> Vec<&str> { r.statements[i].blocks.iter().map(|b| b.label()).collect() };
    assert_eq!(
        labels(0),
        [
            "SELECT",
            "SELECT FOR UPDATE",
            "INSERT/UPDATE/DELETE",
            "autovacuum",
            "CREATE INDEX"
        ]
    );
    assert_eq!(labels(1), ["INSERT/UPDATE/DELETE", "autovacuum"]);
    assert_eq!(labels(2), ["autovacuum", "CREATE INDEX"]);
    assert!(labels(3).is_empty());
}

#[test]
fn locks_accumulate_until_commit() {
    let sql = "BEGIN;\nALTER TABLE a ADD COLUMN x int;\nCREATE INDEX i ON b (x);\nSELECT 1 FROM c;\nCOMMIT;\nSELECT 1 FROM a;";
    let r = lint(sql, LintOptions::default());
    let held = |i: usize| -> Vec<String> {
        r.statements[i]
            .held_before
            .iter()
            .map(|l| format!("{}={}", l.relation, l.mode.name()))
            .collect()
    };
    assert!(held(1).is_empty());
    assert_eq!(held(2), ["a=ACCESS EXCLUSIVE"]);
    assert_eq!(held(3), ["a=ACCESS EXCLUSIVE", "b=SHARE"]);
    assert_eq!(held(4).len(), 3, "COMMIT sees everything held");
    assert_eq!(r.statements[4].held_before_total, 3);
    assert!(!r.statements[5].in_transaction);
    assert!(held(5).is_empty());
    assert_eq!(r.statements[1].transaction_id, Some(0));
}

#[test]
fn assume_in_transaction_wraps_the_file() {
    let sql = "ALTER TABLE a ADD COLUMN x int;\nSELECT 1 FROM b;";
    let r = lint(
        sql,
        LintOptions {
            assume_in_transaction: true,
            ..LintOptions::default()
        },
    );
    assert!(r.statements.iter().all(|s| s.in_transaction));
    assert_eq!(r.statements[1].held_before.len(), 1);
    let r = lint(sql, LintOptions::default());
    assert!(r.statements.iter().all(|s| !s.in_transaction));
}

#[test]
fn timeline_bars_end_at_commit_or_statement_end() {
    let sql = "ALTER TABLE a ADD COLUMN x int;\nBEGIN;\nCREATE INDEX i ON b (x);\nCOMMIT;\nBEGIN;\nLOCK TABLE c;\nROLLBACK;\nBEGIN;\nUPDATE d SET x = 1;";
    let r = lint(sql, LintOptions::default());
    let bars: Vec<String> = r
        .timeline
        .iter()
        .map(|t| {
            format!(
                "{} {} {}-{} {:?}",
                t.relation,
                t.mode.name(),
                t.acquired_at,
                t.released_at,
                t.released_by
            )
        })
        .collect();
    assert_eq!(
        bars,
        [
            "a ACCESS EXCLUSIVE 0-0 StatementEnd",
            "b SHARE 2-3 Commit",
            "c ACCESS EXCLUSIVE 5-6 Rollback",
            "d ROW EXCLUSIVE 8-8 EndOfFile",
        ]
    );
}
