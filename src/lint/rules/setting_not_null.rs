//! Rule `setting-not-null`: SET NOT NULL scanning the table under ACCESS EXCLUSIVE.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "setting-not-null",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ALTER COLUMN ... SET NOT NULL without a validated CHECK (col IS NOT NULL).",
        why: "SET NOT NULL scans the whole table to prove no NULL exists while holding ACCESS EXCLUSIVE, blocking all reads and writes. Since PostgreSQL 12 the scan is skipped when a validated CHECK constraint already proves it.",
        safe_sql: "ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;  -- SHARE UPDATE EXCLUSIVE: reads and writes go on\nALTER TABLE users ALTER COLUMN email SET NOT NULL;  -- PostgreSQL 12+: no scan\nALTER TABLE users DROP CONSTRAINT users_email_not_null;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let version = a.options.pg_version;
    // A CHECK validated earlier in the file on the same table lets PostgreSQL 12+ skip the scan.
    let validated_earlier = version >= 12 && s.validated_check_before;
    if validated_earlier {
        return Vec::new();
    }
    for_each_alter_action(s, |table, lock, x| {
        let AlterAction::SetNotNull { column } = x else {
            return None;
        };
        let message = format!(
            "SET NOT NULL on {table}.{column} scans the whole table: {lock} during the scan"
        );
        Some(if version >= 18 {
            Draft::new(message, "add a NOT NULL constraint NOT VALID, validate it separately (SHARE UPDATE EXCLUSIVE), then SET NOT NULL uses it").sql(format!(
                "ALTER TABLE {table} ADD CONSTRAINT {column}_not_null NOT NULL {column} NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {column}_not_null;"
            ))
        } else if version >= 12 {
            Draft::new(message, "prove it first with a CHECK (col IS NOT NULL) NOT VALID constraint, VALIDATE it, then SET NOT NULL skips the scan").sql(format!(
                "ALTER TABLE {table} ADD CONSTRAINT {column}_not_null CHECK ({column} IS NOT NULL) NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {column}_not_null;\nALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;\nALTER TABLE {table} DROP CONSTRAINT {column}_not_null;"
            ))
        } else {
            Draft::new(message, "before PostgreSQL 12 SET NOT NULL always scans: keep a validated CHECK (col IS NOT NULL) instead of the column constraint").sql(format!(
                "ALTER TABLE {table} ADD CONSTRAINT {column}_not_null CHECK ({column} IS NOT NULL) NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {column}_not_null;"
            ))
        })
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("setting-not-null");
}
