//! Rule `dropping-column`: Dropping a column.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "dropping-column",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... DROP COLUMN on an existing table.",
        why: "Code still reading or writing the column fails as soon as the migration commits (including ORMs that select every column), and the drop takes ACCESS EXCLUSIVE.",
        safe_sql: "-- first deploy code that no longer uses the column (and tell the ORM to ignore it), then:\nSET lock_timeout = '2s';\nALTER TABLE users DROP COLUMN legacy_flag;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-DROP-COLUMN",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        match x {
        AlterAction::DropColumn { column } => Some(Draft::new(
            format!("dropping {table}.{column} breaks code still using it; {lock}"),
            "remove every use of the column from the application (and ORM models) before dropping it",
        )),
        _ => None,
    }
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("dropping-column");
}
