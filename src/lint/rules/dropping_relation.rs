//! Rule `dropping-relation`: Dropping a table, view, schema or database.

use super::lock_sentence_for;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "dropping-relation",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "DROP TABLE, DROP VIEW, DROP MATERIALIZED VIEW, DROP SCHEMA or DROP DATABASE of an existing object.",
        why: "Data and every dependent object are gone at COMMIT, code still using them fails, and dropping a table takes ACCESS EXCLUSIVE on it (and on tables it references through foreign keys).",
        safe_sql: "-- rename first and keep it for a release, then drop:\nALTER TABLE old_reports RENAME TO old_reports_deprecated;",
        docs_url: "https://www.postgresql.org/docs/current/sql-droptable.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::Drop { object, names, .. } = &s.command else {
        return Vec::new();
    };
    if !matches!(
        object.as_str(),
        "table" | "view" | "materialized view" | "schema" | "database"
    ) {
        return Vec::new();
    }
    names
        .iter()
        .filter(|n| !s.effect.locks.iter().any(|l| &l.relation == *n && l.new))
        .map(|n| {
            let lock = lock_sentence_for(s, n).map(|l| format!("; {l}")).unwrap_or_default();
            Draft::new(
                format!("DROP {} {n} removes it and its data for good; code still using it fails{lock}", object.to_uppercase()),
                "make sure nothing uses it any more (deploy code first); consider renaming it and dropping it a release later",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("dropping-relation");
}
