//! PostgreSQL lexer for the linter: turns migration text into tokens with byte spans.
//!
//! It only needs to know where tokens start and end, so that semicolons inside string literals
//! (`'...'`, `E'...'` with backslash escapes), quoted identifiers (`"..."`), dollar-quoted bodies
//! (`$tag$ ... $tag$`), nested block comments and line comments never split a statement. It never
//! fails: an unterminated literal or comment runs to the end of the text and is flagged, so the caller
//! can report it instead of panicking.

/// What a token is; keywords are plain [`TokenKind::Word`]s compared case-insensitively later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An unquoted identifier or keyword.
    Word,
    /// A `"quoted identifier"`.
    QuotedIdent,
    /// A string literal in any of its forms (`'..'`, `E'..'`, `B'..'`, `X'..'`, `N'..'`, `U&'..'`).
    String,
    /// A `$tag$ ... $tag$` body.
    DollarString,
    /// A numeric literal.
    Number,
    /// A `$1` style parameter.
    Param,
    /// `-- ...` up to the end of the line.
    LineComment,
    /// `/* ... */`, possibly nested.
    BlockComment,
    /// The statement separator.
    Semicolon,
    /// Any other single character (operators, parentheses, commas, dots).
    Punct,
}

/// One token: its kind, its byte range in the source, and whether it was left unterminated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    pub unterminated: bool,
}

impl Token {
    /// The token's text in `src`; empty if the span is somehow out of range (never panics).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// Comments are kept for directives but skipped by the recogniser.
    pub fn is_comment(&self) -> bool {
        matches!(self.kind, TokenKind::LineComment | TokenKind::BlockComment)
    }
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b >= 0x80
}

fn is_word_char(b: u8) -> bool {
    is_word_start(b) || b.is_ascii_digit() || b == b'$'
}

/// Splits `src` into tokens. Whitespace is dropped; everything else becomes a token.
pub fn tokenize(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::with_capacity(src.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let (kind, end, unterminated) = if b == b'-' && bytes.get(i + 1) == Some(&b'-') {
            let end = memchr_newline(bytes, i);
            (TokenKind::LineComment, end, false)
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            let (end, ok) = block_comment_end(bytes, i);
            (TokenKind::BlockComment, end, !ok)
        } else if b == b'\'' {
            let (end, ok) = quoted_end(bytes, i, b'\'', false);
            (TokenKind::String, end, !ok)
        } else if b == b'"' {
            let (end, ok) = quoted_end(bytes, i, b'"', false);
            (TokenKind::QuotedIdent, end, !ok)
        } else if b == b'$' {
            lex_dollar(bytes, i)
        } else if b == b';' {
            (TokenKind::Semicolon, i + 1, false)
        } else if b.is_ascii_digit()
            || (b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            (TokenKind::Number, number_end(bytes, i), false)
        } else if is_word_start(b) {
            lex_word(bytes, i)
        } else {
            (TokenKind::Punct, i + 1, false)
        };
        tokens.push(Token {
            kind,
            start,
            end,
            unterminated,
        });
        i = end.max(start + 1);
    }
    tokens
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// Block comments nest in PostgreSQL, unlike in C.
fn block_comment_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut depth = 0usize;
    let mut i = from;
    while i + 1 < bytes.len() {
        if bytes[i] == b'/' && bytes[i + 1] == b'*' {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes[i + 1] == b'/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return (i, true);
            }
        } else {
            i += 1;
        }
    }
    (bytes.len(), false)
}

/// Ends a quoted token; a doubled quote is an escaped quote, and in `E'..'` strings so is `\'`.
fn quoted_end(bytes: &[u8], open: usize, quote: u8, backslash: bool) -> (usize, bool) {
    let mut i = open + 1;
    while i < bytes.len() {
        let c = bytes[i];
        if backslash && c == b'\\' {
            i += 2;
            continue;
        }
        if c == quote {
            if bytes.get(i + 1) == Some(&quote) {
                i += 2;
                continue;
            }
            return (i + 1, true);
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// `$tag$...$tag$` or `$$...$$` is a dollar-quoted string; `$1` is a parameter; a lone `$` is punct.
fn lex_dollar(bytes: &[u8], i: usize) -> (TokenKind, usize, bool) {
    if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let mut j = i + 1;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        return (TokenKind::Param, j, false);
    }
    let mut j = i + 1;
    while j < bytes.len() && bytes[j] != b'$' {
        if !(is_word_start(bytes[j]) || bytes[j].is_ascii_digit()) {
            return (TokenKind::Punct, i + 1, false);
        }
        j += 1;
    }
    if j >= bytes.len() {
        return (TokenKind::Punct, i + 1, false);
    }
    let tag = &bytes[i..=j];
    let body = j + 1;
    let mut k = body;
    while k + tag.len() <= bytes.len() {
        if bytes[k] == b'$' && &bytes[k..k + tag.len()] == tag {
            return (TokenKind::DollarString, k + tag.len(), false);
        }
        k += 1;
    }
    (TokenKind::DollarString, bytes.len(), true)
}

fn number_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        let c = bytes[i];
        let exponent_sign = (c == b'+' || c == b'-')
            && i > from
            && matches!(bytes[i - 1], b'e' | b'E')
            && bytes[from..i].iter().all(|d| {
                d.is_ascii_digit() || *d == b'.' || *d == b'e' || *d == b'E' || *d == b'_'
            });
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// A word, or a prefixed string literal (`E'..'`, `B'..'`, `X'..'`, `N'..'`, `U&'..'`, `U&".."`).
fn lex_word(bytes: &[u8], i: usize) -> (TokenKind, usize, bool) {
    let next = bytes.get(i + 1).copied();
    let first = bytes[i].to_ascii_lowercase();
    if next == Some(b'\'') && matches!(first, b'e' | b'b' | b'x' | b'n') {
        let (end, ok) = quoted_end(bytes, i + 1, b'\'', first == b'e');
        return (TokenKind::String, end, !ok);
    }
    if first == b'u' && next == Some(b'&') {
        match bytes.get(i + 2) {
            Some(b'\'') => {
                let (end, ok) = quoted_end(bytes, i + 2, b'\'', false);
                return (TokenKind::String, end, !ok);
            }
            Some(b'"') => {
                let (end, ok) = quoted_end(bytes, i + 2, b'"', false);
                return (TokenKind::QuotedIdent, end, !ok);
            }
            _ => {}
        }
    }
    let mut j = i + 1;
    while j < bytes.len() && is_word_char(bytes[j]) {
        j += 1;
    }
    (TokenKind::Word, j, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokenKind, String)> {
        tokenize(src)
            .iter()
            .map(|t| (t.kind, t.text(src).to_string()))
            .collect()
    }

    #[test]
    fn semicolons_inside_literals_are_not_separators() {
        let src = "SELECT 'a;b', E'c\\';d', \"x;y\", $f$ ; $f$, $$;$$ /* ; /* ; */ */ -- ;\n;";
        let semis = tokenize(src)
            .iter()
            .filter(|t| t.kind == TokenKind::Semicolon)
            .count();
        assert_eq!(semis, 1);
    }

    #[test]
    fn parameters_and_lone_dollars() {
        let k = kinds("$1 $ x");
        assert_eq!(k[0].0, TokenKind::Param);
        assert_eq!(k[1].0, TokenKind::Punct);
    }

    #[test]
    fn unterminated_string_is_flagged() {
        let t = tokenize("SELECT 'abc");
        assert!(t[1].unterminated);
        assert_eq!(t[1].end, 11);
    }
}
