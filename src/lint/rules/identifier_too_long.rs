//! Rule `identifier-too-long`: Identifier longer than 63 bytes.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::lexer::TokenKind;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "identifier-too-long",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "An identifier longer than 63 bytes.",
        why: "PostgreSQL silently truncates identifiers to 63 bytes (NAMEDATALEN - 1): two long names can collide and later migrations referring to the full name fail.",
        safe_sql: "CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);",
        docs_url: "https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    s.raw
        .tokens
        .iter()
        .filter_map(|t| {
            let text = s
                .sql
                .get(t.start.saturating_sub(s.raw.start)..t.end.saturating_sub(s.raw.start))
                .unwrap_or("");
            let name = match t.kind {
                TokenKind::Word => text,
                TokenKind::QuotedIdent => text.trim_matches('"'),
                _ => return None,
            };
            (name.len() > 63).then(|| {
                Draft::new(
                    format!(
                        "identifier \"{}...\" is {} bytes; PostgreSQL truncates it to 63",
                        name.chars().take(20).collect::<String>(),
                        name.len()
                    ),
                    "use a name of at most 63 bytes",
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("identifier-too-long");
}
