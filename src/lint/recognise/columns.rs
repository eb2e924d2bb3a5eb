//! Column definitions and table constraints, shared by `CREATE TABLE` and `ALTER TABLE`.

use super::cursor::Cursor;
use super::types::{classify_default, parse_type};
use crate::lint::lexer::TokenKind;
use crate::lint::model::{ColumnDef, ConstraintKind};

/// Reads `name type [constraints...]` from the cursor to its end.
pub fn parse_column(c: &mut Cursor) -> Option<ColumnDef> {
    let name = c.name()?;
    let ty = parse_type(c);
    let mut col = ColumnDef {
        name,
        ty,
        default: None,
        not_null: false,
        stored_generated: false,
        virtual_generated: false,
        identity: false,
        primary_key: false,
        unique: false,
        check: false,
        references: None,
    };
    while !c.at_end() {
        if c.eat_kw("default") {
            col.default = Some(classify_default(c));
        } else if c.eat_kws(&["not", "null"]) {
            col.not_null = true;
        } else if c.eat_kw("null") {
        } else if c.eat_kw("constraint") {
            c.name();
        } else if c.eat_kws(&["primary", "key"]) {
            col.primary_key = true;
            col.not_null = true;
        } else if c.eat_kw("unique") {
            col.unique = true;
        } else if c.eat_kw("check") {
            col.check = true;
            c.skip_parens();
        } else if c.eat_kw("references") {
            col.references = c.name();
            c.skip_parens();
        } else if c.eat_kw("generated") {
            parse_generated(c, &mut col);
        } else {
            c.pos += 1;
        }
    }
    Some(col)
}

fn parse_generated(c: &mut Cursor, col: &mut ColumnDef) {
    c.eat_kw("always");
    c.eat_kws(&["by", "default"]);
    if !c.eat_kw("as") {
        return;
    }
    if c.eat_kw("identity") {
        col.identity = true;
        col.not_null = true;
        c.skip_parens();
        return;
    }
    c.skip_parens();
    if c.eat_kw("stored") {
        col.stored_generated = true;
    } else {
        // PostgreSQL 18 makes VIRTUAL the default; the keyword is optional.
        c.eat_kw("virtual");
        col.virtual_generated = true;
    }
}

/// A table constraint as in `ADD [CONSTRAINT name] ...` or a `CREATE TABLE` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableConstraint {
    pub name: Option<String>,
    pub kind: ConstraintKind,
    pub not_valid: bool,
    pub using_index: Option<String>,
    pub columns: Vec<String>,
}

/// Whether the cursor is at a table constraint (rather than a column definition).
pub fn at_table_constraint(c: &Cursor) -> bool {
    [
        "constraint",
        "check",
        "unique",
        "primary",
        "exclude",
        "foreign",
    ]
    .iter()
    .any(|k| c.is_kw(k))
        || (c.is_kw("not") && c.is_kw_at(1, "null"))
}

/// Reads a table constraint; `None` if the form is not recognised.
pub fn parse_table_constraint(c: &mut Cursor) -> Option<TableConstraint> {
    let name = if c.eat_kw("constraint") {
        c.name()
    } else {
        None
    };
    let mut columns = Vec::new();
    let kind = if c.eat_kw("check") {
        c.skip_parens();
        ConstraintKind::Check
    } else if c.eat_kw("unique") {
        c.eat_kws(&["nulls", "not", "distinct"]);
        c.eat_kws(&["nulls", "distinct"]);
        columns = paren_names(c);
        ConstraintKind::Unique
    } else if c.eat_kws(&["primary", "key"]) {
        columns = paren_names(c);
        ConstraintKind::PrimaryKey
    } else if c.eat_kw("exclude") {
        ConstraintKind::Exclude
    } else if c.eat_kws(&["foreign", "key"]) {
        columns = paren_names(c);
        c.eat_kw("references");
        let references = c.name()?;
        c.skip_parens();
        ConstraintKind::ForeignKey { references }
    } else if c.eat_kws(&["not", "null"]) {
        if let Some(col) = c.name() {
            columns.push(col);
        }
        ConstraintKind::NotNull
    } else {
        return None;
    };
    let mut not_valid = false;
    let mut using_index = None;
    while !c.at_end() {
        // PostgreSQL 18: a NOT ENFORCED constraint is not checked against existing rows either.
        if c.eat_kws(&["not", "valid"]) || c.eat_kws(&["not", "enforced"]) {
            not_valid = true;
        } else if c.eat_kws(&["using", "index"]) && !c.is_kw("tablespace") {
            using_index = c.name();
        } else {
            c.pos += 1;
        }
    }
    Some(TableConstraint {
        name,
        kind,
        not_valid,
        using_index,
        columns,
    })
}

/// `(a, b)` as a list of column names; empty if no parenthesis follows.
fn paren_names(c: &mut Cursor) -> Vec<String> {
    let Some((a, b)) = c.skip_parens() else {
        return Vec::new();
    };
    c.tokens[a..b]
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
        .map(|t| c.text(t).to_string())
        .collect()
}
