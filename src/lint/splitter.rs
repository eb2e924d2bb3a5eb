//! Splits a migration into statements at top-level semicolons.
//!
//! The lexer already keeps semicolons inside literals, quoted identifiers, dollar quotes and comments
//! out of the way; the one remaining trap is a SQL-standard function body (`BEGIN ATOMIC ... END`,
//! PostgreSQL 14+), whose inner statements end in semicolons too, so those are tracked by depth.
//! Comments between statements are kept with the statement that follows them, because ignore
//! directives (`-- pgdojo-ignore ...`) apply to the next statement.

use super::lexer::{tokenize, Token, TokenKind};

/// One statement: its significant tokens (comments removed) and the comments that precede it.
#[derive(Debug, Clone)]
pub struct RawStatement {
    /// Byte offset of the first significant token.
    pub start: usize,
    /// Byte offset just past the last significant token (the SQL text, without the semicolon).
    pub end: usize,
    /// Byte offset just past the terminating semicolon, or `end` when the file ends without one.
    pub end_with_terminator: usize,
    pub tokens: Vec<Token>,
    /// Comments between the previous statement and this one.
    pub leading_comments: Vec<Token>,
    /// A literal, quoted identifier or comment in the statement never closed.
    pub unterminated: bool,
}

/// The statements of `src`, plus every comment in the file (for file-wide directives).
#[derive(Debug, Clone, Default)]
pub struct Split {
    pub statements: Vec<RawStatement>,
    pub comments: Vec<Token>,
}

fn is_word(src: &str, t: &Token, word: &str) -> bool {
    t.kind == TokenKind::Word && t.text(src).eq_ignore_ascii_case(word)
}

/// Splits `src` into statements. Empty statements (`;;`) are dropped; trailing comments are kept
/// in [`Split::comments`] only.
pub fn split(src: &str) -> Split {
    let mut out = Split::default();
    let mut current: Vec<Token> = Vec::new();
    let mut leading: Vec<Token> = Vec::new();
    let mut atomic_depth = 0usize;
    let mut unterminated = false;

    let finish = |current: &mut Vec<Token>,
                  leading: &mut Vec<Token>,
                  unterminated: &mut bool,
                  terminator: Option<usize>,
                  out: &mut Split| {
        if let (Some(first), Some(last)) = (current.first(), current.last()) {
            out.statements.push(RawStatement {
                start: first.start,
                end: last.end,
                end_with_terminator: terminator.unwrap_or(last.end),
                tokens: std::mem::take(current),
                leading_comments: std::mem::take(leading),
                unterminated: *unterminated,
            });
        }
        *unterminated = false;
    };

    for tok in tokenize(src) {
        if tok.unterminated {
            unterminated = true;
        }
        if tok.is_comment() {
            out.comments.push(tok);
            if current.is_empty() {
                leading.push(tok);
            }
            continue;
        }
        if tok.kind == TokenKind::Semicolon && atomic_depth == 0 {
            finish(
                &mut current,
                &mut leading,
                &mut unterminated,
                Some(tok.end),
                &mut out,
            );
            continue;
        }
        if tok.kind == TokenKind::Word {
            let prev_is_begin = current.last().is_some_and(|p| is_word(src, p, "begin"));
            // CASE ... END nests inside a BEGIN ATOMIC body; its END must not close the body.
            let opens_block = (prev_is_begin && is_word(src, &tok, "atomic"))
                || (atomic_depth > 0 && is_word(src, &tok, "case"));
            if opens_block {
                atomic_depth += 1;
            } else if atomic_depth > 0 && is_word(src, &tok, "end") {
                atomic_depth -= 1;
            }
        }
        current.push(tok);
    }
    finish(
        &mut current,
        &mut leading,
        &mut unterminated,
        None,
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        split(src)
            .statements
            .iter()
            .map(|s| src[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn splits_on_top_level_semicolons_only() {
        let src = "SELECT ';'; DO $x$ BEGIN PERFORM 1; END $x$;\n-- c;\nSELECT 2";
        assert_eq!(
            texts(src),
            vec!["SELECT ';'", "DO $x$ BEGIN PERFORM 1; END $x$", "SELECT 2"]
        );
    }

    #[test]
    fn begin_atomic_bodies_stay_whole() {
        let src = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END; SELECT 3;";
        assert_eq!(texts(src).len(), 2);
    }

    #[test]
    fn leading_comments_attach_to_next_statement() {
        let s = split("-- a\n/* b */ SELECT 1; -- tail\n");
        assert_eq!(s.statements[0].leading_comments.len(), 2);
        assert_eq!(s.comments.len(), 3);
    }
}
