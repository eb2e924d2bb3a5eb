//! Rule `truncate-cascade`: TRUNCATE ... CASCADE.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "truncate-cascade",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "TRUNCATE with CASCADE.",
        why: "CASCADE also empties every table that references the truncated ones through foreign keys, recursively, each under ACCESS EXCLUSIVE: far more data than intended can disappear.",
        safe_sql: "-- name every table explicitly, without CASCADE:\nTRUNCATE staging_events, staging_event_tags;",
        docs_url: "https://www.postgresql.org/docs/current/sql-truncate.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::Truncate {
        tables,
        cascade: true,
    } = &s.command
    else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("TRUNCATE {} CASCADE also empties every table referencing them through foreign keys, each under ACCESS EXCLUSIVE", tables.join(", ")),
        "list the tables to empty explicitly and drop CASCADE",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("truncate-cascade");
}
