//! Rule `table-rewrite-setting`: SET LOGGED/UNLOGGED, SET TABLESPACE or SET ACCESS METHOD.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "table-rewrite-setting",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... SET LOGGED, SET UNLOGGED, SET TABLESPACE, SET ACCESS METHOD or ALTER COLUMN ... SET EXPRESSION (stored generated column) on an existing table.",
        why: "Each of these copies the whole table (and, for tablespaces, its data files) under ACCESS EXCLUSIVE, blocking all reads and writes for the duration.",
        safe_sql: "-- create the new table in the wanted form, copy in batches, then swap names in one short transaction\nCREATE TABLE events_new (LIKE events INCLUDING ALL) TABLESPACE fast;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-TABLESPACE",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        let what = match x {
            AlterAction::SetLogged => "SET LOGGED",
            AlterAction::SetUnlogged => "SET UNLOGGED",
            AlterAction::SetTablespace => "SET TABLESPACE",
            AlterAction::SetAccessMethod => "SET ACCESS METHOD",
            // A virtual generated column (PostgreSQL 18) declared earlier in the file changes only
            // its catalog entry; the lock model then reports no rewrite.
            AlterAction::SetExpression { .. } if s.effect.rewrite => "SET EXPRESSION",
            _ => return None,
        };
        Some(Draft::new(
            format!("{what} copies the whole of {table}; {lock}"),
            "build a new table in the wanted form, copy in batches, then swap names in a short transaction",
        ))
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("table-rewrite-setting");
}
