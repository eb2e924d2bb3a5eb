//! Whether `ALTER COLUMN ... TYPE` rewrites the table.
//!
//! PostgreSQL skips the rewrite (and, mostly, the index rebuild) when the old type is binary-coercible
//! to the new one: varchar(n) to varchar(m >= n), varchar to text, varchar(n) to unlimited varchar,
//! numeric(p, s) to numeric(q >= p, s), bit varying widening, cidr to inet, and (PostgreSQL 12+, when
//! the session time zone is UTC) timestamp to timestamptz. A migration rarely states the old type, so
//! the answer is often "depends on the current type", and the rule reports it as a warning.

use super::model::TypeName;

/// The verdict for one type change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeChange {
    /// A rewrite under ACCESS EXCLUSIVE whatever the old type is.
    Rewrite,
    /// No rewrite if the new limit is at least the old one (explanation inside).
    NoRewriteIfWidening(String),
    /// No rewrite from some binary-coercible old types (explanation inside).
    DependsOnCurrentType(String),
}

/// Classifies a change to type `to`; a `USING` expression always rewrites.
pub fn type_change_rewrites(to: &TypeName, using: bool) -> TypeChange {
    if using {
        return TypeChange::Rewrite;
    }
    let has_limit = !to.modifiers.is_empty();
    match (to.base.as_str(), has_limit) {
        ("text", _) | ("varchar", false) => TypeChange::DependsOnCurrentType(format!(
            "no rewrite if the column is varchar or text today (binary-coercible to {}); any other current type rewrites the table",
            to.written
        )),
        ("varchar", true) | ("varbit" | "bit varying", true) => {
            TypeChange::NoRewriteIfWidening(format!(
                "no rewrite if {} is at least the current limit; a shorter limit rewrites the table",
                to.written
            ))
        }
        ("numeric", true) => TypeChange::NoRewriteIfWidening(format!(
            "no rewrite if {} only raises the precision and keeps the scale; anything else rewrites the table",
            to.written
        )),
        ("numeric", false) => TypeChange::DependsOnCurrentType(
            "no rewrite if the column is numeric(p, s) today; other types rewrite the table".into(),
        ),
        ("inet", _) => TypeChange::DependsOnCurrentType(
            "no rewrite from cidr; other types rewrite the table".into(),
        ),
        ("timestamptz", _) => TypeChange::DependsOnCurrentType(
            "no rewrite from timestamp on PostgreSQL 12+ when the session TimeZone is UTC; otherwise the table is rewritten".into(),
        ),
        _ => TypeChange::Rewrite,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(base: &str, modifiers: Vec<i64>) -> TypeName {
        TypeName {
            base: base.into(),
            modifiers,
            array: false,
            written: base.into(),
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            type_change_rewrites(&t("int8", vec![]), false),
            TypeChange::Rewrite
        );
        assert!(matches!(
            type_change_rewrites(&t("text", vec![]), false),
            TypeChange::DependsOnCurrentType(_)
        ));
        assert!(matches!(
            type_change_rewrites(&t("varchar", vec![50]), false),
            TypeChange::NoRewriteIfWidening(_)
        ));
        assert_eq!(
            type_change_rewrites(&t("text", vec![]), true),
            TypeChange::Rewrite
        );
    }
}
