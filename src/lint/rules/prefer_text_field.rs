//! Rule `prefer-text-field`: varchar(n) instead of text.

use super::declared_columns;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "prefer-text-field",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A column declared varchar(n).",
        why: "In PostgreSQL varchar(n) is text with a length check; raising the limit later is cheap, but lowering it rewrites. A CHECK constraint on length is easier to change.",
        safe_sql: "ALTER TABLE users ADD COLUMN phone text CHECK (char_length(phone) <= 20);",
        docs_url: "https://www.postgresql.org/docs/current/datatype-character.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    declared_columns(s)
        .into_iter()
        .filter(|(_, t, _)| t.base == "varchar" && !t.modifiers.is_empty())
        .map(|(c, t, _)| {
            Draft::new(
                format!(
                    "column {c} is {}; text with a CHECK on length is easier to change later",
                    t.written
                ),
                "use text, with a CHECK (char_length(col) <= n) if a limit is needed",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("prefer-text-field");
}
