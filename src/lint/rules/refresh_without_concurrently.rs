//! Rule `refresh-without-concurrently`: REFRESH MATERIALIZED VIEW without CONCURRENTLY.

use super::{insert_keyword_after, lock_sentence_for};
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "refresh-without-concurrently",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "REFRESH MATERIALIZED VIEW without CONCURRENTLY on an existing view.",
        why: "A plain refresh holds ACCESS EXCLUSIVE on the materialized view for the whole query: every SELECT from it waits.",
        safe_sql: "CREATE UNIQUE INDEX CONCURRENTLY sales_summary_key ON sales_summary (day);  -- needed once\nREFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;  -- EXCLUSIVE: reads go on",
        docs_url: "https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::RefreshMaterializedView {
        name,
        concurrently: false,
    } = &s.command
    else {
        return Vec::new();
    };
    let Some(lock) = lock_sentence_for(s, name) else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("REFRESH MATERIALIZED VIEW without CONCURRENTLY reruns the whole query; {lock}"),
        "use REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view); it takes EXCLUSIVE, which lets reads go on",
    )
    .sql(insert_keyword_after(&s.sql, "view", "CONCURRENTLY"))]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("refresh-without-concurrently");
}
