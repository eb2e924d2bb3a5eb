//! Rule `dropping-not-null`: DROP NOT NULL.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "dropping-not-null",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ALTER COLUMN ... DROP NOT NULL on an existing table.",
        why: "Readers that rely on the column never being NULL start receiving NULLs; the change itself takes ACCESS EXCLUSIVE briefly.",
        safe_sql: "-- make sure every reader handles NULL before relaxing the constraint\nALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        match x {
        AlterAction::DropNotNull { column } => Some(Draft::new(
            format!("DROP NOT NULL on {table}.{column}: readers relying on non-NULL values may break; {lock}"),
            "check every reader handles NULL in this column first",
        )),
        _ => None,
    }
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("dropping-not-null");
}
