//! Rule `begin-without-commit`: BEGIN without a matching COMMIT.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "begin-without-commit",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "A transaction opened with BEGIN is still open at the end of the file.",
        why: "Depending on the tool, the open transaction is rolled back when the session ends (the migration silently does nothing) or stays open holding every lock it took.",
        safe_sql: "BEGIN;\nALTER TABLE users ADD COLUMN phone text;\nCOMMIT;",
        docs_url: "https://www.postgresql.org/docs/current/sql-begin.html",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    if a.unclosed_begin != Some(s.index) {
        return Vec::new();
    }
    vec![Draft::new(
        "this BEGIN has no matching COMMIT: the transaction is still open at the end of the file",
        "end the transaction with COMMIT",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("begin-without-commit");
}
