//! Rule `renaming-table`: Renaming a table.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "renaming-table",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... RENAME TO on an existing table.",
        why: "Application code still using the old name breaks the moment the migration commits, and the rename takes ACCESS EXCLUSIVE.",
        safe_sql: "ALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;  -- keeps old code working until it is migrated",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-RENAME",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| match x {
        AlterAction::RenameTable { to } => Some(Draft::new(
            format!("renaming {table} to {to} breaks code still using the old name; {lock}"),
            "keep a compatibility view with the old name until all code is migrated",
        )),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("renaming-table");
}
