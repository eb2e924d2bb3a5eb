//! Rule `lock-table`: Explicit LOCK TABLE.

use super::lock_sentence;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "lock-table",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "LOCK TABLE in a migration.",
        why: "An explicit lock is held until COMMIT; the default mode is ACCESS EXCLUSIVE, which blocks every read and write on the table for the rest of the transaction.",
        safe_sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nLOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;  -- the weakest mode that protects what you need\n-- ...\nCOMMIT;",
        docs_url: "https://www.postgresql.org/docs/current/sql-lock.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    if !matches!(s.command, Command::Lock { .. }) {
        return Vec::new();
    }
    s.existing_locks()
        .map(|l| {
            Draft::new(
                format!("LOCK TABLE holds its lock until COMMIT; {}", lock_sentence(s, l)),
                "use the weakest mode that protects what you need, keep the transaction short and set lock_timeout first",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("lock-table");
}
