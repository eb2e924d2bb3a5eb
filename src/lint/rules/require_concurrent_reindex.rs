//! Rule `require-concurrent-reindex`: REINDEX without CONCURRENTLY.

use super::{first_lock_sentence, insert_keyword_after};
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-concurrent-reindex",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "REINDEX without CONCURRENTLY on existing indexes.",
        why: "REINDEX holds SHARE on the table (writes wait) and ACCESS EXCLUSIVE on each index being rebuilt (queries that would use it wait) for the whole rebuild.",
        safe_sql: "REINDEX INDEX CONCURRENTLY users_email_idx;  -- PostgreSQL 12+",
        docs_url: "https://www.postgresql.org/docs/current/sql-reindex.html#SQL-REINDEX-CONCURRENTLY",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::Reindex {
        concurrently: false,
        ..
    } = &s.command
    else {
        return Vec::new();
    };
    let Some(lock) = first_lock_sentence(s) else {
        return Vec::new();
    };
    let message = format!("REINDEX without CONCURRENTLY rebuilds the whole index; {lock}");
    if a.options.pg_version >= 12 {
        vec![Draft::new(
            message,
            "use REINDEX ... CONCURRENTLY (PostgreSQL 12+), outside a transaction block",
        )
        .sql(insert_keyword_after(&s.sql, "index", "CONCURRENTLY"))]
    } else {
        vec![Draft::new(
            message,
            "REINDEX CONCURRENTLY needs PostgreSQL 12: build a replacement with CREATE INDEX CONCURRENTLY, drop the old one with DROP INDEX CONCURRENTLY, then rename",
        )
        .sql("CREATE INDEX CONCURRENTLY users_email_idx_new ON users (email);\nDROP INDEX CONCURRENTLY users_email_idx;\nALTER INDEX users_email_idx_new RENAME TO users_email_idx;")]
    }
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-concurrent-reindex");
}
