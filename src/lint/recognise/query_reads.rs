//! The tables a query reads (`FROM` and `JOIN` items, subqueries included), for statements that
//! run or store a query: `CREATE TABLE ... AS`, `CREATE MATERIALIZED VIEW`, `CREATE VIEW`.
//!
//! Why a token scan and not a full parse: only relation names matter (each is locked ACCESS SHARE
//! while the query runs or the view is defined), and a forgiving scan keeps working on PostgreSQL
//! syntax a general parser rejects. Names of common table expressions are excluded; set-returning
//! functions (`FROM generate_series(...)`) and `LATERAL` subqueries are not relations.

use super::cursor::Cursor;
use crate::lint::lexer::TokenKind;

/// Words that end a `FROM` item's optional alias or start the next clause.
const CLAUSE_WORDS: &[&str] = &[
    "where",
    "join",
    "inner",
    "left",
    "right",
    "full",
    "cross",
    "natural",
    "on",
    "using",
    "group",
    "having",
    "window",
    "order",
    "limit",
    "offset",
    "fetch",
    "for",
    "union",
    "intersect",
    "except",
    "with",
    "lateral",
    "tablesample",
    "returning",
    "as",
];

/// Relations named after `FROM`/`JOIN` in the rest of the statement, in first-seen order, without
/// duplicates and without the statement's own CTE names.
pub fn tables_read(c: &Cursor) -> Vec<String> {
    let ctes = cte_names(c);
    let mut out: Vec<String> = Vec::new();
    let mut scan = c.clone();
    // For each open parenthesis: whether it holds a function's arguments, where `FROM` is part of
    // the call (`extract(year FROM ts)`, `trim(x FROM s)`), not a query's.
    let mut in_call: Vec<bool> = Vec::new();
    let mut previous_word: Option<String> = None;
    while let Some(t) = scan.peek() {
        if t.kind == TokenKind::Punct {
            match scan.text(t) {
                "(" => in_call.push(previous_word.as_deref().is_some_and(is_function_name)),
                ")" => {
                    in_call.pop();
                }
                _ => {}
            }
        }
        let word = (t.kind == TokenKind::Word).then(|| scan.text(t).to_ascii_lowercase());
        let starts_items = matches!(word.as_deref(), Some("from" | "join"))
            && previous_word.as_deref() != Some("distinct")
            && !in_call.last().copied().unwrap_or(false);
        let is_from = word.as_deref() == Some("from");
        previous_word = word;
        scan.pos += 1;
        if !starts_items {
            continue;
        }
        loop {
            scan.eat_kw("only");
            if scan.is_kw("lateral") || scan.is_punct('(') {
                // A subquery: its own FROM items are found as the scan goes on.
                break;
            }
            let Some(name) = scan.name() else { break };
            if scan.is_punct('(') {
                // A function in FROM, not a relation.
                previous_word = Some(name.to_ascii_lowercase());
                break;
            }
            let folded = name.to_ascii_lowercase();
            if !ctes.contains(&folded) && !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
            scan.eat_punct('*');
            skip_alias(&mut scan);
            previous_word = None;
            // `FROM a, b`: more items follow a comma (a JOIN's items are one each).
            if !(is_from && scan.eat_punct(',')) {
                break;
            }
        }
    }
    out
}

/// Whether a word before `(` names a function call rather than starting a subquery or a list.
fn is_function_name(word: &str) -> bool {
    !matches!(
        word,
        "from"
            | "join"
            | "in"
            | "exists"
            | "as"
            | "any"
            | "some"
            | "all"
            | "lateral"
            | "values"
            | "select"
            | "where"
            | "and"
            | "or"
            | "not"
            | "on"
            | "using"
            | "union"
            | "intersect"
            | "except"
            | "with"
            | "materialized"
            | "recursive"
            | "over"
            | "filter"
            | "within"
            | "then"
            | "else"
            | "when"
            | "case"
            | "by"
            | "having"
            | "array"
            | "row"
    )
}

/// Skips `[AS] alias [(col, ...)]` after a `FROM` item.
fn skip_alias(c: &mut Cursor) {
    let explicit = c.eat_kw("as");
    let alias = c.peek().is_some_and(|t| {
        t.kind == TokenKind::QuotedIdent
            || (t.kind == TokenKind::Word
                && (explicit || !CLAUSE_WORDS.contains(&c.text(t).to_ascii_lowercase().as_str())))
    });
    if alias {
        c.pos += 1;
        c.skip_parens();
    }
}

/// Names defined by `WITH name [(cols)] AS (...)` anywhere in the statement, lower-cased.
fn cte_names(c: &Cursor) -> Vec<String> {
    let mut names = Vec::new();
    let mut scan = c.clone();
    while !scan.at_end() {
        let after_with_or_comma = scan.is_kw("with") || scan.is_punct(',');
        scan.pos += 1;
        if !after_with_or_comma {
            continue;
        }
        scan.eat_kw("recursive");
        let mut look = scan.clone();
        let Some(name) = look.name() else { continue };
        look.skip_parens();
        if look.is_kw("as") {
            names.push(name.to_ascii_lowercase());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::lexer::tokenize;

    fn check(sql: &str, expected: &[&str]) {
        let tokens: Vec<_> = tokenize(sql)
            .into_iter()
            .filter(|t| !t.is_comment())
            .collect();
        let c = Cursor::new(sql, &tokens);
        assert_eq!(tables_read(&c), expected, "{sql}");
    }

    #[test]
    fn finds_relations_in_from_and_join() {
        check("SELECT * FROM orders", &["orders"]);
        check(
            "SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN app.regions AS r USING (region_id)",
            &["orders", "customers", "app.regions"],
        );
        check(
            "SELECT * FROM a, b x, \"Big Table\" WHERE a.id = b.id",
            &["a", "b", "\"Big Table\""],
        );
        check("SELECT * FROM ONLY parent", &["parent"]);
        check("SELECT * FROM a JOIN a ON true", &["a"]);
    }

    #[test]
    fn looks_into_subqueries_and_skips_ctes_and_functions() {
        check(
            "WITH recent AS (SELECT * FROM orders WHERE created_at > now()) SELECT * FROM recent JOIN users u ON true",
            &["orders", "users"],
        );
        check("SELECT * FROM (SELECT id FROM events) e", &["events"]);
        check(
            "SELECT * FROM generate_series(1, 10) g, lateral (SELECT 1 FROM t) x",
            &["t"],
        );
        check(
            "SELECT extract(year FROM created_at) FROM orders",
            &["orders"],
        );
        check("SELECT 1", &[]);
    }
}
