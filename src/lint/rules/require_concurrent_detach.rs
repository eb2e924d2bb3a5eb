//! Rule `require-concurrent-detach`: DETACH PARTITION without CONCURRENTLY.

use super::lock_sentence_for;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::AlterAction;
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "require-concurrent-detach",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "ALTER TABLE ... DETACH PARTITION without CONCURRENTLY.",
        why: "A plain DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table, blocking every query on every partition while it waits and runs.",
        safe_sql: "ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;  -- PostgreSQL 14+, outside a transaction block",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DETACH-PARTITION",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::AlterTable { table, actions } = &s.command else {
        return Vec::new();
    };
    let plain = actions.iter().any(|x| {
        matches!(
            x,
            AlterAction::DetachPartition {
                concurrently: false,
                ..
            }
        )
    });
    let Some(lock) = lock_sentence_for(s, table).filter(|_| plain) else {
        return Vec::new();
    };
    let message = format!("DETACH PARTITION without CONCURRENTLY; {lock}");
    if a.options.pg_version >= 14 {
        vec![Draft::new(
            message,
            "add CONCURRENTLY (PostgreSQL 14+) and run it outside a transaction block",
        )
        .sql(format!("{} CONCURRENTLY", s.sql))]
    } else {
        vec![Draft::new(
            message,
            "DETACH ... CONCURRENTLY needs PostgreSQL 14; before that, set a short lock_timeout and retry",
        )
        .sql(format!("SET lock_timeout = '2s';\n{};", s.sql))]
    }
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("require-concurrent-detach");
}
