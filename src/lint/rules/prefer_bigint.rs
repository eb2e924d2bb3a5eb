//! Rule `prefer-bigint`: int/smallint/serial keys.

use super::declared_columns;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "prefer-bigint",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "A key column (primary key, id or *_id) declared as integer, smallint, serial or smallserial.",
        why: "32-bit keys run out at about 2.1 billion; changing the type of a key column later rewrites the table and every referencing table.",
        safe_sql: "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
        docs_url: "https://www.postgresql.org/docs/current/datatype-numeric.html#DATATYPE-INT",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    declared_columns(s)
        .into_iter()
        .filter(|(c, t, pk)| {
            let c = c.to_ascii_lowercase();
            let key = *pk || c == "id" || c.ends_with("_id");
            key && !t.array && matches!(t.base.as_str(), "int4" | "int2" | "serial" | "smallserial")
        })
        .map(|(c, t, _)| {
            Draft::new(
                format!("key column {c} is {}; 32-bit keys can run out", t.written),
                "use bigint (with GENERATED ... AS IDENTITY instead of serial)",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("prefer-bigint");
}
