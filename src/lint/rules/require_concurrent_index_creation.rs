//! Rule `require-concurrent-index-creation`: CREATE INDEX without CONCURRENTLY on an existing table.

use super::{insert_keyword_after, lock_sentence_for};
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-concurrent-index-creation",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "CREATE INDEX without CONCURRENTLY on a table that already exists.",
        why: "A plain CREATE INDEX holds a SHARE lock for the whole index build: every INSERT, UPDATE and DELETE on the table waits until the full table has been read and sorted.",
        safe_sql: "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);",
        docs_url: "https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::CreateIndex {
        table,
        concurrently: false,
        only: false,
        ..
    } = &s.command
    else {
        return Vec::new();
    };
    let Some(lock) = lock_sentence_for(s, table) else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("CREATE INDEX without CONCURRENTLY reads the whole table to build the index; {lock}"),
        "build the index with CREATE INDEX CONCURRENTLY, outside a transaction block (not possible on a partitioned parent: use CREATE INDEX ON ONLY plus one concurrent index per partition)",
    )
    .sql(insert_keyword_after(&s.sql, "index", "CONCURRENTLY"))]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-concurrent-index-creation");
}
