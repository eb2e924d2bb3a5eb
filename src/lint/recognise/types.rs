//! Column types and default expressions, read at token level.
//!
//! Type names are normalised so rules can compare them (`character varying` = `varchar`, `int` =
//! `int4`), and default expressions are classified by the functions they call, because only volatile
//! defaults force a table rewrite on PostgreSQL 11+.

use super::cursor::Cursor;
use crate::lint::lexer::TokenKind;
use crate::lint::model::{DefaultKind, TypeName};

/// Words that end a column type inside a column definition or an `ALTER COLUMN ... TYPE`.
const TYPE_TERMINATORS: &[&str] = &[
    "default",
    "not",
    "null",
    "constraint",
    "primary",
    "unique",
    "check",
    "references",
    "generated",
    "collate",
    "using",
    "compression",
    "storage",
];

/// Reads a type at the cursor; `None` if nothing type-like is there.
pub fn parse_type(c: &mut Cursor) -> Option<TypeName> {
    let start = c.pos;
    let mut words: Vec<String> = Vec::new();
    let mut modifiers = Vec::new();
    let mut array = false;
    while let Some(t) = c.peek() {
        match t.kind {
            TokenKind::Word | TokenKind::QuotedIdent => {
                let w = c.text(t).to_ascii_lowercase();
                if TYPE_TERMINATORS.contains(&w.as_str()) {
                    break;
                }
                words.push(w.trim_matches('"').to_string());
                c.pos += 1;
            }
            TokenKind::Punct if c.text(t) == "." => c.pos += 1,
            TokenKind::Punct if c.text(t) == "(" => {
                if let Some((a, b)) = c.skip_parens() {
                    modifiers = c.tokens[a..b]
                        .iter()
                        .filter(|t| t.kind == TokenKind::Number)
                        .filter_map(|t| c.text(t).parse::<i64>().ok())
                        .collect();
                }
            }
            TokenKind::Punct if c.text(t) == "[" || c.text(t) == "]" => {
                array = true;
                c.pos += 1;
            }
            TokenKind::Number if array => c.pos += 1,
            _ => break,
        }
    }
    if words
        .first()
        .is_some_and(|w| w == "pg_catalog" || w == "public")
        && words.len() > 1
    {
        words.remove(0);
    }
    if words.last().is_some_and(|w| w == "array") {
        words.pop();
        array = true;
    }
    if words.is_empty() {
        return None;
    }
    let written = match (c.tokens.get(start), c.tokens.get(c.pos.saturating_sub(1))) {
        (Some(a), Some(b)) => c.src.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    };
    Some(TypeName {
        base: canonical(&words.join(" ")),
        modifiers,
        array,
        written,
    })
}

/// The canonical name of a (lower-case, single-spaced) type name.
pub fn canonical(name: &str) -> String {
    let c = match name {
        "int" | "integer" | "int4" => "int4",
        "smallint" | "int2" => "int2",
        "bigint" | "int8" => "int8",
        "serial" | "serial4" => "serial",
        "bigserial" | "serial8" => "bigserial",
        "smallserial" | "serial2" => "smallserial",
        "character varying" | "varchar" | "char varying" => "varchar",
        "character" | "char" | "bpchar" | "nchar" | "national character" => "char",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "timestamptz" | "timestamp with time zone" => "timestamptz",
        "time" | "time without time zone" => "time",
        "timetz" | "time with time zone" => "timetz",
        "numeric" | "decimal" => "numeric",
        "bool" | "boolean" => "bool",
        "double precision" | "float8" => "float8",
        "real" | "float4" => "float4",
        other => other,
    };
    c.to_string()
}

/// Functions known to be VOLATILE: a default calling one must be evaluated per row.
const VOLATILE_FUNCTIONS: &[&str] = &[
    "random",
    "gen_random_uuid",
    "uuid_generate_v1",
    "uuid_generate_v1mc",
    "uuid_generate_v4",
    "uuidv4",
    "uuidv7",
    "clock_timestamp",
    "timeofday",
    "nextval",
    "setseed",
    "txid_current",
    "random_normal",
];

/// Functions known to be STABLE or IMMUTABLE: evaluated once when the column is added.
const STABLE_FUNCTIONS: &[&str] = &[
    "now",
    "transaction_timestamp",
    "statement_timestamp",
    "current_setting",
    "lower",
    "upper",
    "coalesce",
    "nullif",
    "concat",
    "to_jsonb",
    "jsonb_build_object",
    "json_build_object",
    "jsonb_build_array",
    "array",
    "make_interval",
    "interval",
    "date_trunc",
    "greatest",
    "least",
    "abs",
    "length",
    "md5",
    "timezone",
    "cast",
    "row",
    "to_timestamp",
    "to_char",
    "current_user",
];

/// Classifies a default expression (the tokens after `DEFAULT`) by the functions it calls.
pub fn classify_default(c: &mut Cursor) -> DefaultKind {
    let mut kind = DefaultKind::Constant;
    let mut depth = 0i32;
    while let Some(t) = c.peek() {
        let text = c.text(t);
        match t.kind {
            TokenKind::Punct if text == "(" => depth += 1,
            TokenKind::Punct if text == ")" => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            TokenKind::Punct if text == "," && depth == 0 => break,
            TokenKind::Word if depth == 0 && is_constraint_start(&text.to_ascii_lowercase()) => {
                break
            }
            TokenKind::Word | TokenKind::QuotedIdent => {
                let next_is_call = c
                    .tokens
                    .get(c.pos + 1)
                    .is_some_and(|n| n.kind == TokenKind::Punct && c.text(n) == "(");
                if next_is_call {
                    let name = text.trim_matches('"').to_ascii_lowercase();
                    let name = name.rsplit('.').next().unwrap_or("").to_string();
                    if VOLATILE_FUNCTIONS.contains(&name.as_str()) {
                        kind = DefaultKind::Volatile;
                    } else if !STABLE_FUNCTIONS.contains(&name.as_str())
                        && !is_type_cast_word(&name)
                        && kind == DefaultKind::Constant
                    {
                        kind = DefaultKind::Unknown;
                    }
                }
            }
            _ => {}
        }
        c.pos += 1;
    }
    kind
}

/// Type names followed by `(` inside a default are casts/modifiers, not function calls.
fn is_type_cast_word(name: &str) -> bool {
    matches!(
        name,
        "varchar"
            | "numeric"
            | "decimal"
            | "char"
            | "character"
            | "timestamp"
            | "time"
            | "bit"
            | "varying"
    )
}

/// Words that start the next column constraint after a default expression.
fn is_constraint_start(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "null"
            | "constraint"
            | "primary"
            | "unique"
            | "check"
            | "references"
            | "generated"
            | "collate"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::lexer::tokenize;

    fn ty(src: &str) -> TypeName {
        let toks = tokenize(src);
        parse_type(&mut Cursor::new(src, &toks)).expect("a type")
    }

    fn default(src: &str) -> DefaultKind {
        let toks = tokenize(src);
        classify_default(&mut Cursor::new(src, &toks))
    }

    #[test]
    fn types_are_normalised() {
        let t = ty("character varying(20) NOT NULL");
        assert_eq!(
            (t.base.as_str(), t.modifiers.clone()),
            ("varchar", vec![20])
        );
        assert_eq!(t.written, "character varying(20)");
        assert_eq!(ty("numeric(10, 2)").modifiers, vec![10, 2]);
        assert_eq!(ty("timestamp without time zone").base, "timestamp");
        assert!(ty("int[]").array);
        assert_eq!(ty("pg_catalog.int8").base, "int8");
    }

    #[test]
    fn defaults_are_classified() {
        assert_eq!(default("0 NOT NULL"), DefaultKind::Constant);
        assert_eq!(default("now()"), DefaultKind::Constant);
        assert_eq!(default("'{}'::jsonb"), DefaultKind::Constant);
        assert_eq!(default("gen_random_uuid()"), DefaultKind::Volatile);
        assert_eq!(default("my_func(1)"), DefaultKind::Unknown);
        assert_eq!(default("nextval('s'::regclass)"), DefaultKind::Volatile);
    }
}
