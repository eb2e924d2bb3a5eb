//! Ignore directives: `-- pgdojo-ignore rule-a, rule-b` before a statement silences those rules for
//! that statement; `-- pgdojo-ignore-file rule-a` anywhere silences them for the whole file.
//!
//! Both comment styles work (`--` and `/* */`). Naming a rule that does not exist is an error (a typo
//! would otherwise silently ignore nothing), and a directive that suppressed nothing is a hint, so
//! stale ignores get cleaned up.

use super::lexer::Token;

/// One directive found in a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub file_wide: bool,
    pub rules: Vec<String>,
    /// The comment's byte range, to position findings about the directive.
    pub start: usize,
    pub end: usize,
}

/// Reads a directive from one comment token, if it holds one.
pub fn parse_directive(src: &str, comment: &Token) -> Option<Directive> {
    let text = comment.text(src);
    let body = text
        .strip_prefix("--")
        .or_else(|| text.strip_prefix("/*").map(|t| t.trim_end_matches("*/")))?
        .trim();
    let (file_wide, rest) = if let Some(r) = body.strip_prefix("pgdojo-ignore-file") {
        (true, r)
    } else if let Some(r) = body.strip_prefix("pgdojo-ignore") {
        (false, r)
    } else {
        return None;
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rules = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some(Directive {
        file_wide,
        rules,
        start: comment.start,
        end: comment.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::lexer::tokenize;

    fn directive(src: &str) -> Option<Directive> {
        parse_directive(src, &tokenize(src)[0])
    }

    #[test]
    fn parses_both_forms() {
        let d = directive("-- pgdojo-ignore a, b c").expect("directive");
        assert_eq!((d.file_wide, d.rules.len()), (false, 3));
        let d = directive("/* pgdojo-ignore-file x */").expect("directive");
        assert!(d.file_wide);
        assert_eq!(d.rules, vec!["x"]);
        assert!(directive("-- pgdojo-ignored x").is_none());
        assert!(directive("-- just a comment").is_none());
    }
}
