//! Rule `validate-in-same-transaction`: VALIDATE CONSTRAINT in the same transaction as its NOT VALID ADD.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "validate-in-same-transaction",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "VALIDATE CONSTRAINT in the same transaction that added the constraint NOT VALID.",
        why: "The ADD's stronger lock (ACCESS EXCLUSIVE, or SHARE ROW EXCLUSIVE for a foreign key) is still held until COMMIT, so the validation scan runs under it and NOT VALID buys nothing.",
        safe_sql: "BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;\nCOMMIT;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-VALIDATE-CONSTRAINT",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::AlterTable { table, .. } = &s.command else {
        return Vec::new();
    };
    let Some(start) = s.tx.transaction_start.filter(|_| s.tx.in_transaction) else {
        return Vec::new();
    };
    if s.existing_locks().next().is_none() {
        return Vec::new();
    }
    s.validates_added_at
        .iter()
        .filter(|(_, at)| *at >= start)
        .map(|(name, _)| {
            Draft::new(
                format!("VALIDATE CONSTRAINT {name} runs in the transaction that added it: the ADD's lock on {table} is still held, so the validation scan blocks traffic until COMMIT"),
                "COMMIT after the NOT VALID ADD and validate in a separate transaction",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("validate-in-same-transaction");
}
