//! Rule `concurrent-index-pg14-bug`: CONCURRENTLY index builds on PostgreSQL 14.0-14.3.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "concurrent-index-pg14-bug",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY when targeting PostgreSQL 14.",
        why: "PostgreSQL 14.0 to 14.3 had a bug where CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY could build indexes missing entries for rows updated during the build (silent corruption); fixed in 14.4.",
        safe_sql: "-- make sure the server runs 14.4 or later; check existing indexes with amcheck:\nCREATE EXTENSION IF NOT EXISTS amcheck;\nSELECT bt_index_check('users_email_idx', true);",
        docs_url: "https://www.postgresql.org/docs/release/14.4/",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let concurrent_build = matches!(
        s.command,
        Command::CreateIndex {
            concurrently: true,
            ..
        } | Command::Reindex {
            concurrently: true,
            ..
        }
    );
    if a.options.pg_version != 14 || !concurrent_build {
        return Vec::new();
    }
    vec![Draft::new(
        "concurrent index builds on PostgreSQL 14.0-14.3 can silently miss rows (fixed in 14.4)",
        "make sure the server runs 14.4 or later, and check indexes built on older 14.x with amcheck",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("concurrent-index-pg14-bug");
}
