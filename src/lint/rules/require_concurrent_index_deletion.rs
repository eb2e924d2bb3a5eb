//! Rule `require-concurrent-index-deletion`: DROP INDEX without CONCURRENTLY.

use super::{first_lock_sentence, insert_keyword_after};
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-concurrent-index-deletion",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "DROP INDEX without CONCURRENTLY.",
        why: "DROP INDEX takes ACCESS EXCLUSIVE on the index's table. The drop itself is quick, but the lock request waits behind every running query on the table, and every query arriving meanwhile queues behind it.",
        safe_sql: "DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;",
        docs_url: "https://www.postgresql.org/docs/current/sql-dropindex.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::DropIndex {
        concurrently: false,
        ..
    } = &s.command
    else {
        return Vec::new();
    };
    let Some(lock) = first_lock_sentence(s) else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("DROP INDEX without CONCURRENTLY locks the index's table; {lock}"),
        "use DROP INDEX CONCURRENTLY (one index per statement, outside a transaction block)",
    )
    .sql(insert_keyword_after(&s.sql, "index", "CONCURRENTLY"))]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-concurrent-index-deletion");
}
