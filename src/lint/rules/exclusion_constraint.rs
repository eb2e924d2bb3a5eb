//! Rule `exclusion-constraint`: Adding an EXCLUDE constraint to an existing table.

use super::existing_alter_table;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::{AlterAction, ConstraintKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "exclusion-constraint",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD EXCLUDE (...) on an existing table.",
        why: "The exclusion constraint builds its index and checks all rows under ACCESS EXCLUSIVE, and, unlike UNIQUE, cannot be attached from an index built concurrently.",
        safe_sql: "-- no lock-free path: schedule it in a maintenance window with a short lock_timeout\nSET lock_timeout = '2s';\nALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Some((table, actions, lock)) = existing_alter_table(s) else {
        return Vec::new();
    };
    if !actions.iter().any(|x| {
        matches!(
            x,
            AlterAction::AddConstraint {
                kind: ConstraintKind::Exclude,
                ..
            }
        )
    }) {
        return Vec::new();
    }
    vec![Draft::new(
        format!("adding an EXCLUDE constraint builds its index and checks every row of {table}; {lock}"),
        "there is no concurrent path: run it when the table is quiet, with a short lock_timeout, or create the constraint with the table",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("exclusion-constraint");
}
