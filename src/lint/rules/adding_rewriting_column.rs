//! Rule `adding-rewriting-column`: ADD COLUMN of a stored generated, identity or serial column.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "adding-rewriting-column",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD COLUMN of a GENERATED ... STORED, GENERATED ... AS IDENTITY or serial column.",
        why: "Each row needs its own computed or sequence value, so PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE, blocking all reads and writes.",
        safe_sql: "-- serial/identity: add a plain bigint column, attach a sequence default, backfill in batches\nALTER TABLE users ADD COLUMN seq bigint;\nCREATE SEQUENCE users_seq_seq;\nALTER TABLE users ALTER COLUMN seq SET DEFAULT nextval('users_seq_seq');\n-- generated: on PostgreSQL 18 a VIRTUAL generated column needs no rewrite\nALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |table, lock, x| {
        let AlterAction::AddColumn(col) = x else {
            return None;
        };
        let serial = col
            .ty
            .as_ref()
            .is_some_and(|t| matches!(t.base.as_str(), "serial" | "bigserial" | "smallserial"));
        let what = if col.stored_generated {
            "a stored generated column"
        } else if col.identity {
            "an identity column"
        } else if serial {
            "a serial column"
        } else {
            return None;
        };
        let help = if col.stored_generated && a.options.pg_version >= 18 {
            "use a VIRTUAL generated column (PostgreSQL 18), or add a plain column, backfill in batches and keep it in sync with a trigger"
        } else {
            "add a plain column, backfill it in batches, then attach the default/sequence"
        };
        Some(Draft::new(
            format!(
                "ADD COLUMN {} adds {what}, which rewrites {table}: {lock} for the whole rewrite",
                col.name
            ),
            help,
        ))
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("adding-rewriting-column");
}
