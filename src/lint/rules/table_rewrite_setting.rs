//! Rule `table-rewrite-setting`: SET LOGGED/UNLOGGED, SET TABLESPACE or SET ACCESS METHOD.

use super::lock_sentence_for;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::model::Command;
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
    let Command::AlterTable { table, actions } = &s.command else {
        return Vec::new();
    };
    let Some(lock) = lock_sentence_for(s, table) else {
        return Vec::new();
    };
    actions
        .iter()
        .filter_map(|x| {
            let what = match x {
                AlterAction::SetLogged => "SET LOGGED",
                AlterAction::SetUnlogged => "SET UNLOGGED",
                AlterAction::SetTablespace => "SET TABLESPACE",
                AlterAction::SetAccessMethod => "SET ACCESS METHOD",
                AlterAction::SetExpression { .. } => "SET EXPRESSION",
                _ => return None,
            };
            Some(Draft::new(
                format!("{what} copies the whole of {table}; {lock}"),
                "build a new table in the wanted form, copy in batches, then swap names in a short transaction",
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("table-rewrite-setting");
}
