//! Whether `ALTER COLUMN ... TYPE` rewrites the table.
//!
//! PostgreSQL skips the rewrite (and, mostly, the index rebuild) when the old type is binary-coercible
//! to the new one: varchar(n) to varchar(m >= n), varchar to text, varchar(n) to unlimited varchar,
//! numeric(p, s) to numeric(q >= p, s), bit varying widening, cidr to inet, and (PostgreSQL 12+, when
//! the session time zone is UTC) timestamp to timestamptz. A migration rarely states the old type, so
//! the answer is often "depends on the current type", and the rule reports it as a warning; when the
//! file itself declared the column earlier, [`type_change_from`] gives the definite answer. Each pair
//! in its tests was measured on PostgreSQL 15 (whether `pg_class.relfilenode` changed).

use super::catalog::FileCatalog;
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
    /// No rewrite: the file declared the current type, and it is binary-coercible (explanation inside).
    NoRewrite(String),
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

/// The verdict for `ALTER COLUMN column TYPE ty` on `table`, using the type the file declared
/// earlier when it did.
pub fn type_change_verdict(
    catalog: &FileCatalog,
    table: &str,
    column: &str,
    to: &TypeName,
    using: bool,
) -> TypeChange {
    match catalog.column_type(table, column) {
        Some(from) => type_change_from(from, to, using),
        None => type_change_rewrites(to, using),
    }
}

/// Classifies a change from `from` (the type the file declared earlier) to `to`.
pub fn type_change_from(from: &TypeName, to: &TypeName, using: bool) -> TypeChange {
    if using || from.array != to.array {
        return TypeChange::Rewrite;
    }
    let no_rewrite = |why: &str| {
        TypeChange::NoRewrite(format!(
            "no rewrite: declared {} earlier in this file, and {why}",
            from.written
        ))
    };
    let (a, b) = (from.base.as_str(), to.base.as_str());
    let (old, new) = (&from.modifiers, &to.modifiers);
    // A limit that is absent or at least the old one: `new` accepts every value `old` did.
    let widens = |i: usize| match (old.get(i), new.get(i)) {
        (_, None) => true,
        (Some(o), Some(n)) => n >= o,
        (None, Some(_)) => false,
    };
    match (a, b) {
        _ if a == b && old == new => no_rewrite("the type does not change"),
        ("varchar", "varchar") if widens(0) => no_rewrite("the new limit is not shorter"),
        ("varchar", "text") => no_rewrite("varchar is binary-coercible to text"),
        ("text", "varchar") if new.is_empty() => {
            no_rewrite("text is binary-coercible to unlimited varchar")
        }
        ("varbit", "varbit") if widens(0) => no_rewrite("the new limit is not shorter"),
        ("numeric", "numeric")
            if new.is_empty()
                || (!old.is_empty()
                    && widens(0)
                    && old.get(1).unwrap_or(&0) == new.get(1).unwrap_or(&0)) =>
        {
            no_rewrite("only the precision grows, with the same scale")
        }
        ("cidr", "inet") => no_rewrite("cidr is binary-coercible to inet"),
        ("timestamp", "timestamptz") => type_change_rewrites(to, false),
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

    fn check_from(from: (&str, Vec<i64>), to: (&str, Vec<i64>), rewrites: bool) {
        let verdict = type_change_from(&t(from.0, from.1.clone()), &t(to.0, to.1.clone()), false);
        assert_eq!(
            verdict == TypeChange::Rewrite,
            rewrites,
            "{from:?} -> {to:?}: {verdict:?}"
        );
    }

    #[test]
    fn verdicts_from_a_known_type() {
        check_from(("varchar", vec![20]), ("varchar", vec![50]), false);
        check_from(("varchar", vec![50]), ("varchar", vec![20]), true);
        check_from(("varchar", vec![50]), ("varchar", vec![]), false);
        check_from(("varchar", vec![50]), ("text", vec![]), false);
        check_from(("text", vec![]), ("varchar", vec![]), false);
        check_from(("text", vec![]), ("varchar", vec![10]), true);
        check_from(("numeric", vec![10, 2]), ("numeric", vec![12, 2]), false);
        check_from(("numeric", vec![10, 2]), ("numeric", vec![12, 3]), true);
        check_from(("numeric", vec![10, 2]), ("numeric", vec![]), false);
        check_from(("numeric", vec![]), ("numeric", vec![10, 2]), true);
        check_from(("int4", vec![]), ("int8", vec![]), true);
        check_from(("int8", vec![]), ("int8", vec![]), false);
        check_from(("cidr", vec![]), ("inet", vec![]), false);
        check_from(("inet", vec![]), ("cidr", vec![]), true);
        assert_eq!(
            type_change_from(&t("varchar", vec![20]), &t("varchar", vec![50]), true),
            TypeChange::Rewrite
        );
        assert!(matches!(
            type_change_from(&t("timestamp", vec![]), &t("timestamptz", vec![]), false),
            TypeChange::DependsOnCurrentType(_)
        ));
    }
}
