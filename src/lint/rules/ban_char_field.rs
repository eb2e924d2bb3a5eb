//! Rule `ban-char-field`: char(n) columns.

use super::declared_columns;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "ban-char-field",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A column declared char(n) / character(n).",
        why: "char(n) pads values with spaces, wastes storage and surprises comparisons; it is never faster than text.",
        safe_sql: "ALTER TABLE countries ADD COLUMN code text CHECK (char_length(code) = 2);",
        docs_url: "https://www.postgresql.org/docs/current/datatype-character.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    declared_columns(s)
        .into_iter()
        .filter(|(_, t, _)| t.base == "char")
        .map(|(c, t, _)| {
            Draft::new(
                format!("column {c} is {}; char(n) pads with spaces", t.written),
                "use text (with a CHECK on length if needed)",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("ban-char-field");
}
