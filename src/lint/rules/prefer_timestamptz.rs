//! Rule `prefer-timestamptz`: timestamp without time zone.

use super::declared_columns;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "prefer-timestamptz",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A column declared timestamp (without time zone).",
        why: "timestamp stores wall-clock time with no zone: values become ambiguous across time zones and daylight-saving changes. timestamptz stores an absolute instant.",
        safe_sql: "ALTER TABLE events ADD COLUMN happened_at timestamptz NOT NULL DEFAULT now();",
        docs_url: "https://www.postgresql.org/docs/current/datatype-datetime.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    declared_columns(s)
        .into_iter()
        .filter(|(_, t, _)| t.base == "timestamp")
        .map(|(c, t, _)| {
            Draft::new(
                format!("column {c} is {}; it stores no time zone", t.written),
                "use timestamptz",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("prefer-timestamptz");
}
