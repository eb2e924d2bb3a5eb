//! Rule `changing-column-type`: ALTER COLUMN ... TYPE that rewrites the table.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;
use crate::lint::type_change::TypeChange;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "changing-column-type",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ALTER COLUMN ... TYPE on an existing table.",
        why: "Unless the old type is binary-coercible to the new one (varchar widening, varchar to text, numeric precision increase, ...), PostgreSQL rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE, blocking all reads and writes.",
        safe_sql: "-- expand/contract: add the new column, dual-write, backfill in batches, switch readers, drop the old one\nALTER TABLE users ADD COLUMN id_new bigint;\n-- ... backfill and trigger ...\nALTER TABLE users RENAME COLUMN id TO id_old;\nALTER TABLE users RENAME COLUMN id_new TO id;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        let AlterAction::AlterColumnType { column, ty, .. } = x else {
            return None;
        };
        // The lock model's verdict, which knows the types declared earlier in the file.
        let (_, verdict) = s.effect.type_changes.iter().find(|(c, _)| c == column)?;
        Some(match verdict.clone() {
            TypeChange::NoRewrite(_) => return None,
            TypeChange::Rewrite => Draft::new(
                format!("changing {table}.{column} to {} rewrites the table and rebuilds its indexes; {lock}", ty.written),
                "use expand/contract: add a new column, backfill in batches, switch over, drop the old column",
            ),
            TypeChange::NoRewriteIfWidening(why) | TypeChange::DependsOnCurrentType(why) => Draft::new(
                format!("changing {table}.{column} to {}: {why}; {lock}", ty.written),
                "confirm the current type makes this a binary-coercible change; otherwise use expand/contract",
            )
            .severity(Severity::Warning),
        })
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("changing-column-type");
}
