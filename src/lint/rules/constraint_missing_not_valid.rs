//! Rule `constraint-missing-not-valid`: CHECK or FOREIGN KEY added without NOT VALID.

use super::{for_each_alter_action, lock_sentence_for};
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::{AlterAction, ConstraintKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "constraint-missing-not-valid",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD CONSTRAINT ... CHECK / FOREIGN KEY (or, on PostgreSQL 18, NOT NULL) without NOT VALID.",
        why: "Adding the constraint validates every existing row while holding the lock: ACCESS EXCLUSIVE for CHECK (all reads and writes wait), SHARE ROW EXCLUSIVE on both tables for a foreign key (all writes to both wait).",
        safe_sql: "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n-- later, in its own transaction (SHARE UPDATE EXCLUSIVE; ROW SHARE on users):\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-VALIDATE-CONSTRAINT",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        let AlterAction::AddConstraint {
            name,
            kind,
            not_valid: false,
            ..
        } = x
        else {
            return None;
        };
        let (what, other) = match kind {
            ConstraintKind::Check => ("CHECK".to_string(), String::new()),
            ConstraintKind::NotNull if a.options.pg_version >= 18 => {
                ("NOT NULL".to_string(), String::new())
            }
            ConstraintKind::ForeignKey { references } => (
                format!("FOREIGN KEY to {references}"),
                lock_sentence_for(s, references)
                    .map(|l| format!("; {l}"))
                    .unwrap_or_default(),
            ),
            _ => return None,
        };
        let name = name.clone().unwrap_or_else(|| "the_constraint".into());
        Some(
            Draft::new(
                format!("adding {what} without NOT VALID checks every existing row of {table}; {lock}{other}"),
                "add it NOT VALID (instant), then VALIDATE CONSTRAINT in a separate transaction, which takes only SHARE UPDATE EXCLUSIVE",
            )
            .sql(format!("{} NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {name};", s.sql)),
        )
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("constraint-missing-not-valid");
}
