//! Rule `not-allowed-in-transaction`: A statement that cannot run where it is placed.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::effects::TxRule;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "not-allowed-in-transaction",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "VACUUM, CLUSTER without a table, REINDEX SCHEMA/DATABASE/SYSTEM, CREATE/DROP DATABASE or (before PostgreSQL 12) ALTER TYPE ... ADD VALUE inside a transaction block; or LOCK TABLE outside one.",
        why: "PostgreSQL rejects these statements in that position with an error, so the migration fails.",
        safe_sql: "-- outside BEGIN/COMMIT:\nVACUUM (ANALYZE) users;\n-- LOCK TABLE only inside a transaction:\nBEGIN;\nLOCK TABLE users IN SHARE MODE;\nCOMMIT;",
        docs_url: "https://www.postgresql.org/docs/current/sql-begin.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    if super::concurrently_in_transaction::is_concurrent_form(&s.command) {
        return Vec::new();
    }
    match (s.effect.transaction, s.tx.in_transaction) {
        (TxRule::NotAllowed, true) => vec![Draft::new(
            format!("{} cannot run inside a transaction block: PostgreSQL rejects it with an error", s.command.kind()),
            "run it outside BEGIN/COMMIT (and outside the migration tool's transaction)",
        )],
        (TxRule::Required, false) => vec![Draft::new(
            "LOCK TABLE outside a transaction block fails: LOCK TABLE can only be used in transaction blocks",
            "wrap the LOCK and the statements it protects in BEGIN ... COMMIT",
        )],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("not-allowed-in-transaction");
}
