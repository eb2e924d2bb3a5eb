//! Rule `adding-required-field`: ADD COLUMN ... NOT NULL without a default.

use super::existing_table_lock;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "adding-required-field",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD COLUMN ... NOT NULL without a DEFAULT.",
        why: "Existing rows would get NULL in the new column, so the statement fails as soon as the table has a row.",
        safe_sql: "ALTER TABLE users ADD COLUMN phone varchar(20) NOT NULL DEFAULT '';  -- constant default: no rewrite on 11+\n-- or: add it nullable, backfill, then add a NOT NULL check NOT VALID and validate it",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-COLUMN",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::AlterTable { table, actions } = &s.command else {
        return Vec::new();
    };
    if existing_table_lock(s, table).is_none() {
        return Vec::new();
    }
    actions
        .iter()
        .filter_map(|x| match x {
            AlterAction::AddColumn(c) if c.not_null && c.default.is_none() && !c.identity && !c.stored_generated && !c.virtual_generated
                && !c.ty.as_ref().is_some_and(|t| t.base.ends_with("serial")) => Some(Draft::new(
                format!("ADD COLUMN {} NOT NULL without a default fails as soon as {table} has a row", c.name),
                "give it a constant DEFAULT (no rewrite on PostgreSQL 11+), or add it nullable, backfill, then enforce NOT NULL with a validated CHECK",
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("adding-required-field");
}
