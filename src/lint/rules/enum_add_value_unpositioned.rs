//! Rule `enum-add-value-unpositioned`: ALTER TYPE ... ADD VALUE without BEFORE/AFTER.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "enum-add-value-unpositioned",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "ALTER TYPE ... ADD VALUE without BEFORE or AFTER.",
        why: "Enum values sort in declaration order; a value appended at the end may sort where you did not intend, and the order is hard to change later.",
        safe_sql: "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertype.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::AlterTypeAddValue {
        type_name,
        value,
        positioned: false,
    } = &s.command
    else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("ADD VALUE {value} to {type_name} without BEFORE/AFTER appends it last in the sort order"),
        "say where it belongs with BEFORE or AFTER",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("enum-add-value-unpositioned");
}
