//! Rule `primary-key-using-index`: PRIMARY KEY USING INDEX may scan for NULLs.

use super::existing_alter_table;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::{AlterAction, ConstraintKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "primary-key-using-index",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD PRIMARY KEY USING INDEX on columns that may be nullable.",
        why: "A primary key marks its columns NOT NULL; any column not already NOT NULL is checked by a full scan under ACCESS EXCLUSIVE, blocking all reads and writes.",
        safe_sql: "-- make the columns NOT NULL cheaply first (PostgreSQL 12+):\nALTER TABLE users ADD CONSTRAINT users_id_not_null CHECK (id IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_id_not_null;\nALTER TABLE users ALTER COLUMN id SET NOT NULL;\nALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Some((_, actions, lock)) = existing_alter_table(s) else {
        return Vec::new();
    };
    let pk_using_index = actions.iter().any(|x| {
        matches!(
            x,
            AlterAction::AddConstraint {
                kind: ConstraintKind::PrimaryKey,
                using_index: Some(_),
                ..
            }
        )
    });
    if !pk_using_index {
        return Vec::new();
    }
    vec![Draft::new(
        format!("PRIMARY KEY USING INDEX sets the key columns NOT NULL; any nullable one is checked by a full scan; {lock}"),
        "make sure the columns are already NOT NULL (via a validated CHECK on PostgreSQL 12+) before attaching the primary key",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("primary-key-using-index");
}
