//! Rule `adding-volatile-default`: ADD COLUMN with a default that forces a table rewrite.

use super::for_each_alter_action;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::{AlterAction, DefaultKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "adding-volatile-default",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "ALTER TABLE ... ADD COLUMN with a volatile default (any non-null default before PostgreSQL 11).",
        why: "Since PostgreSQL 11 a constant default is stored in the catalog, but a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()) must be computed per row: the whole table is rewritten under ACCESS EXCLUSIVE, blocking all reads and writes. Before 11 every default rewrites.",
        safe_sql: "ALTER TABLE users ADD COLUMN token uuid;  -- no default: instant\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();  -- new rows only\n-- backfill existing rows in small batches, each in its own transaction:\nUPDATE users SET token = gen_random_uuid() WHERE id BETWEEN 1 AND 10000 AND token IS NULL;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    for_each_alter_action(s, |_, lock, x| {
        let AlterAction::AddColumn(col) = x else {
            return None;
        };
        let help = "add the column without a default (or with a constant one), set the default separately, and backfill in batches";
        match col.default {
            Some(DefaultKind::Volatile) => Some(Draft::new(
                format!("ADD COLUMN {} with a volatile default rewrites the whole table; {lock}", col.name),
                help,
            )),
            Some(_) if a.options.pg_version < 11 => Some(Draft::new(
                format!("ADD COLUMN {} with a default rewrites the whole table before PostgreSQL 11; {lock}", col.name),
                help,
            )),
            Some(DefaultKind::Unknown) => Some(
                Draft::new(
                    format!("ADD COLUMN {} has a default calling a function the linter does not know; if it is VOLATILE the table is rewritten; {lock}", col.name),
                    "check the function's volatility; if it is VOLATILE, add the column without a default and backfill in batches",
                )
                .severity(Severity::Warning),
            ),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("adding-volatile-default");
}
