//! Rule `enum-value-used-in-transaction`: A new enum value used in the transaction that added it.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
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
    let Some(start) = s.tx.transaction_start.filter(|_| s.tx.in_transaction) else {
        return Vec::new();
    };
    // Additions are in file order: only those between the transaction start and this statement.
    let from = a.enum_additions.partition_point(|(i, _, _)| *i < start);
    let to = a.enum_additions.partition_point(|(i, _, _)| *i < s.index);
    a.enum_additions
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .filter(|(_, _, value)| value.starts_with('\'') && s.sql.contains(value.as_str()))
        .map(|(_, type_name, value)| {
            Draft::new(
                format!("uses enum value {value} of {type_name} in the transaction that added it: PostgreSQL fails with \"unsafe use of new value\""),
                "COMMIT after ALTER TYPE ... ADD VALUE and use the value in a later transaction",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("enum-value-used-in-transaction");
}
