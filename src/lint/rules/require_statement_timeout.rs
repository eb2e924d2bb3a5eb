//! Rule `require-statement-timeout`: No statement_timeout before the first dangerous lock.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-statement-timeout",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "The migration takes a lock blocking writes on an existing table without a statement_timeout in force.",
        why: "A statement that runs longer than expected keeps its locks the whole time; statement_timeout bounds the damage.",
        safe_sql: "SET statement_timeout = '5min';\nSET lock_timeout = '2s';",
        docs_url: "https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    if a.first_dangerous != Some(s.index) || s.tx.statement_timeout {
        return Vec::new();
    }
    vec![Draft::new(
        "no statement_timeout is set before the first lock that blocks writes: a slow statement keeps the table blocked for as long as it runs",
        "SET statement_timeout at the top of the migration",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-statement-timeout");
}
