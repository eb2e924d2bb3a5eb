//! Rule `nested-begin`: BEGIN inside an open transaction.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "nested-begin",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "BEGIN while a transaction is already open (including the migration tool's own transaction).",
        why: "PostgreSQL ignores the inner BEGIN with a warning, so the inner COMMIT ends the outer transaction early and later statements run outside it.",
        safe_sql: "-- let either the tool or the file own the transaction, not both\nALTER TABLE users ADD COLUMN phone text;",
        docs_url: "https://www.postgresql.org/docs/current/sql-begin.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    if !s.tx.nested_begin {
        return Vec::new();
    }
    vec![Draft::new(
        "BEGIN inside an open transaction is ignored (WARNING: there is already a transaction in progress); the next COMMIT ends the outer transaction",
        "remove the inner BEGIN/COMMIT, or turn off the migration tool's wrapping transaction",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("nested-begin");
}
