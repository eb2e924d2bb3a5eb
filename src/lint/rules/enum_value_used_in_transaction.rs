//! Rule `enum-value-used-in-transaction`: A new enum value used in the transaction that added it.

use super::earlier_in_transaction;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "enum-value-used-in-transaction",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TYPE ... ADD VALUE followed, in the same transaction, by a statement using that value.",
        why: "PostgreSQL refuses to use an enum value before the transaction that added it commits (unsafe use of new value): the migration fails.",
        safe_sql: "ALTER TYPE mood ADD VALUE 'curious' AFTER 'ok';\nCOMMIT;\nBEGIN;\nUPDATE people SET mood = 'curious' WHERE id = 1;\nCOMMIT;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertype.html#SQL-ALTERTYPE-NOTES",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let _ = a;
    if !s.tx.in_transaction {
        return Vec::new();
    }
    earlier_in_transaction(a, s)
        .iter()
        .filter_map(|p| match &p.command {
            Command::AlterTypeAddValue { type_name, value, .. } if value.starts_with('\'') && s.sql.contains(value.as_str()) => {
                Some(Draft::new(
                    format!("uses enum value {value} of {type_name} in the transaction that added it: PostgreSQL fails with \"unsafe use of new value\""),
                    "COMMIT after ALTER TYPE ... ADD VALUE and use the value in a later transaction",
                ))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("enum-value-used-in-transaction");
}
