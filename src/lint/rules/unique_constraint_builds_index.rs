//! Rule `unique-constraint-builds-index`: UNIQUE or PRIMARY KEY that builds its index under ACCESS EXCLUSIVE.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::{AlterAction, ConstraintKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "unique-constraint-builds-index",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD UNIQUE / PRIMARY KEY (or ADD COLUMN ... UNIQUE / PRIMARY KEY) without USING INDEX.",
        why: "The constraint builds its unique index while holding ACCESS EXCLUSIVE: every read and write waits for the full index build.",
        safe_sql: "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        let (what, name, cols) = match x {
            AlterAction::AddConstraint {
                kind: kind @ (ConstraintKind::Unique | ConstraintKind::PrimaryKey),
                using_index: None,
                name,
                columns,
                ..
            } => {
                let what = if *kind == ConstraintKind::Unique {
                    "UNIQUE"
                } else {
                    "PRIMARY KEY"
                };
                (
                    what,
                    name.clone().unwrap_or_else(|| format!("{table}_key")),
                    columns.join(", "),
                )
            }
            AlterAction::AddColumn(c) if c.unique || c.primary_key => {
                let what = if c.primary_key {
                    "PRIMARY KEY"
                } else {
                    "UNIQUE"
                };
                (what, format!("{table}_{}_key", c.name), c.name.clone())
            }
            _ => return None,
        };
        Some(
            Draft::new(
                format!("adding a {what} constraint builds a unique index on {table}; {lock}"),
                "build the unique index with CREATE UNIQUE INDEX CONCURRENTLY first, then attach it with USING INDEX (brief lock)",
            )
            .sql(format!("CREATE UNIQUE INDEX CONCURRENTLY {name} ON {table} ({cols});\nALTER TABLE {table} ADD CONSTRAINT {name} {what} USING INDEX {name};")),
        )
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("unique-constraint-builds-index");
}
