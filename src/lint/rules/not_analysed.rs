//! Rule `not-analysed`: A statement the linter could not analyse.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "not-analysed",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A statement that the linter did not recognise or cannot see into (DO blocks).",
        why: "Its locks are unknown, so the report may miss what it blocks: review it by hand.",
        safe_sql: "-- move the DDL out of DO blocks where possible, so it can be checked\nALTER TABLE users ADD COLUMN phone text;",
        docs_url: "https://www.postgresql.org/docs/current/explicit-locking.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Some(reason) = &s.not_analysed else {
        return Vec::new();
    };
    let d = Draft::new(
        format!("not analysed: {reason}"),
        "review this statement's locks by hand",
    );
    if matches!(s.command, Command::Do) {
        vec![d.severity(Severity::Warning)]
    } else {
        vec![d]
    }
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("not-analysed");
}
