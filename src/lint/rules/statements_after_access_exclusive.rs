//! Rule `statements-after-access-exclusive`: Work done while an ACCESS EXCLUSIVE lock is held.

use super::held_names;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::locks::LockMode;
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "statements-after-access-exclusive",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "A statement that runs after an ACCESS EXCLUSIVE lock was taken earlier in the same transaction.",
        why: "Locks are held until COMMIT: everything that runs after the ACCESS EXCLUSIVE lock extends the time the table is completely blocked.",
        safe_sql: "BEGIN;\nALTER TABLE users ADD COLUMN phone text;  -- takes ACCESS EXCLUSIVE\nCOMMIT;  -- release it before doing anything else\nCREATE INDEX CONCURRENTLY users_phone_idx ON users (phone);",
        docs_url: "https://www.postgresql.org/docs/current/explicit-locking.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    if matches!(
        s.command,
        Command::Commit | Command::Rollback | Command::Begin
    ) {
        return Vec::new();
    }
    if s.tx.held_existing_access_exclusive == 0 {
        return Vec::new();
    }
    let names = held_names(
        s,
        |l| l.mode == LockMode::AccessExclusive,
        s.tx.held_existing_access_exclusive,
    );
    vec![Draft::new(
        format!(
            "runs while {} is still held from earlier in the transaction: SELECT and all writes stay blocked until COMMIT",
            names
        ),
        "COMMIT right after the statement that takes ACCESS EXCLUSIVE, and run this one in its own transaction",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("statements-after-access-exclusive");
}
