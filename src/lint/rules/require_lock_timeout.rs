//! Rule `require-lock-timeout`: No lock_timeout before the first dangerous lock.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-lock-timeout",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "The first statement that takes a lock blocking writes (SHARE or stronger) on an existing table runs without a non-zero lock_timeout.",
        why: "A DDL lock request waits behind long-running queries, and while it waits every new query on the table queues behind it: a one-millisecond ALTER becomes an outage. lock_timeout makes it give up instead (retry later).",
        safe_sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN phone text;",
        docs_url: "https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    if a.first_dangerous != Some(s.index) || s.tx.lock_timeout {
        return Vec::new();
    }
    let Some(lock) = s
        .existing_locks()
        .reduce(|best, l| if l.mode > best.mode { l } else { best })
    else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("no lock_timeout is set before the first dangerous lock: while waiting for {} on {}, this statement queues all new traffic on it", lock.mode.name(), lock.relation),
        "SET lock_timeout (e.g. '2s') at the top of the migration, and retry on timeout",
    )
    .sql(format!("SET lock_timeout = '2s';\n{};", s.sql))]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-lock-timeout");
}
