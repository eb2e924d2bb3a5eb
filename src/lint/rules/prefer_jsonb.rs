//! Rule `prefer-jsonb`: json instead of jsonb.

use super::declared_columns;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "prefer-jsonb",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A column declared as json.",
        why: "json stores the text as is: no indexing, no equality operator, reparsed on every access. jsonb is what you almost always want.",
        safe_sql: "ALTER TABLE events ADD COLUMN payload jsonb;",
        docs_url: "https://www.postgresql.org/docs/current/datatype-json.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    declared_columns(s)
        .into_iter()
        .filter(|(_, t, _)| t.base == "json")
        .map(|(c, _, _)| {
            Draft::new(
                format!("column {c} is json; jsonb is indexable and faster to query"),
                "declare the column as jsonb",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("prefer-jsonb");
}
