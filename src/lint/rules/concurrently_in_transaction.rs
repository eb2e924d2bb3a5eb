//! Rule `concurrently-in-transaction`: A CONCURRENTLY form inside a transaction block.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "concurrently-in-transaction",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "CREATE INDEX, DROP INDEX, REINDEX or DETACH PARTITION with CONCURRENTLY inside a transaction block.",
        why: "The CONCURRENTLY forms commit internally several times, so PostgreSQL refuses them inside a transaction block: the migration fails with an error.",
        safe_sql: "-- run outside BEGIN/COMMIT, and disable the migration tool's wrapping transaction for this file\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
        docs_url: "https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    if !s.tx.in_transaction || !is_concurrent_form(&s.command) {
        return Vec::new();
    }
    vec![Draft::new(
        format!("{} cannot run inside a transaction block: PostgreSQL rejects it with an error", s.command.kind()),
        "move the statement outside BEGIN/COMMIT (and turn off the migration tool's transaction for this migration)",
    )]
}

/// The four CONCURRENTLY forms.
pub fn is_concurrent_form(c: &Command) -> bool {
    match c {
        Command::CreateIndex { concurrently, .. }
        | Command::DropIndex { concurrently, .. }
        | Command::Reindex { concurrently, .. } => *concurrently,
        Command::AlterTable { actions, .. } => actions.iter().any(|x| {
            matches!(
                x,
                AlterAction::DetachPartition {
                    concurrently: true,
                    ..
                }
            )
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("concurrently-in-transaction");
}
