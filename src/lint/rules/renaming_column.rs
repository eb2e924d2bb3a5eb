//! Rule `renaming-column`: Renaming a column.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "renaming-column",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... RENAME COLUMN on an existing table.",
        why: "Application code still using the old name breaks the moment the migration commits, and the rename takes ACCESS EXCLUSIVE.",
        safe_sql: "-- expand/contract: add the new column, dual-write, backfill, move readers, then drop the old column\nALTER TABLE users ADD COLUMN email_address text;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-RENAME",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        match x {
        AlterAction::RenameColumn { from, to } => Some(Draft::new(
            format!("renaming {table}.{from} to {to} breaks code still using the old name; {lock}"),
            "use expand/contract: add the new column, dual-write and backfill, switch readers, then drop the old column",
        )),
        _ => None,
    }
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("renaming-column");
}
