//! A forgiving cursor over one statement's significant tokens.
//!
//! Every method returns `None`/`false` instead of failing, so recognisers can try a form, give up
//! and fall back without ever panicking on odd input.

use crate::lint::lexer::{Token, TokenKind};

/// Position in a statement's tokens, with the source text to read words from.
#[derive(Debug, Clone)]
pub struct Cursor<'a> {
    pub src: &'a str,
    pub tokens: &'a [Token],
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(src: &'a str, tokens: &'a [Token]) -> Self {
        Cursor {
            src,
            tokens,
            pos: 0,
        }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    pub fn peek(&self) -> Option<&'a Token> {
        self.tokens.get(self.pos)
    }

    pub fn text(&self, t: &Token) -> &'a str {
        t.text(self.src)
    }

    /// Whether the token `ahead` positions on is the keyword `kw` (case-insensitive).
    pub fn is_kw_at(&self, ahead: usize, kw: &str) -> bool {
        self.tokens
            .get(self.pos + ahead)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text(self.src).eq_ignore_ascii_case(kw))
    }

    pub fn is_kw(&self, kw: &str) -> bool {
        self.is_kw_at(0, kw)
    }

    /// Consumes `kw` if it is next.
    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consumes the whole keyword sequence, or nothing.
    pub fn eat_kws(&mut self, kws: &[&str]) -> bool {
        if kws.iter().enumerate().all(|(i, k)| self.is_kw_at(i, k)) {
            self.pos += kws.len();
            true
        } else {
            false
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.peek()
            .is_some_and(|t| t.kind == TokenKind::Punct && self.text(t).starts_with(c))
    }

    pub fn eat_punct(&mut self, c: char) -> bool {
        if self.is_punct(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// The next word, lower-cased, without consuming it.
    pub fn peek_word(&self) -> Option<String> {
        self.peek()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.text(t).to_ascii_lowercase())
    }

    /// Consumes and returns the next word, lower-cased.
    pub fn word(&mut self) -> Option<String> {
        let w = self.peek_word()?;
        self.pos += 1;
        Some(w)
    }

    fn is_ident(t: &Token) -> bool {
        matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent)
    }

    /// A possibly qualified name (`a`, `s.a`, `"S"."A"`), returned as written.
    pub fn name(&mut self) -> Option<String> {
        let first = self.peek().filter(|t| Self::is_ident(t))?;
        let mut last = first;
        self.pos += 1;
        while self.is_punct('.') {
            match self.tokens.get(self.pos + 1) {
                Some(t) if Self::is_ident(t) => {
                    last = t;
                    self.pos += 2;
                }
                _ => break,
            }
        }
        self.src.get(first.start..last.end).map(str::to_string)
    }

    /// Skips a balanced `( ... )` group if one starts here; returns the token range inside it.
    pub fn skip_parens(&mut self) -> Option<(usize, usize)> {
        if !self.is_punct('(') {
            return None;
        }
        let open = self.pos;
        let mut depth = 0usize;
        while let Some(t) = self.peek() {
            if t.kind == TokenKind::Punct {
                match self.text(t) {
                    "(" => depth += 1,
                    ")" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            self.pos += 1;
                            return Some((open + 1, self.pos - 1));
                        }
                    }
                    _ => {}
                }
            }
            self.pos += 1;
        }
        Some((open + 1, self.pos))
    }

    /// Skips `IF EXISTS` / `IF NOT EXISTS`; returns whether it was there.
    pub fn eat_if_exists(&mut self) -> bool {
        self.eat_kws(&["if", "exists"]) || self.eat_kws(&["if", "not", "exists"])
    }

    /// A comma-separated list of names (`a, s.b, c`), stopping at the first non-name.
    pub fn name_list(&mut self) -> Vec<String> {
        let mut names = Vec::new();
        loop {
            self.eat_kw("only");
            match self.name() {
                Some(n) => names.push(n),
                None => break,
            }
            self.eat_punct('*');
            if !self.eat_punct(',') {
                break;
            }
        }
        names
    }

    /// Whether any remaining token is the keyword `kw` (anywhere, any depth).
    pub fn rest_has_kw(&self, kw: &str) -> bool {
        self.tokens[self.pos.min(self.tokens.len())..]
            .iter()
            .any(|t| t.kind == TokenKind::Word && t.text(self.src).eq_ignore_ascii_case(kw))
    }

    /// The source text from the current token to the end.
    pub fn rest_text(&self) -> String {
        match (self.peek(), self.tokens.last()) {
            (Some(a), Some(b)) => self.src.get(a.start..b.end).unwrap_or("").to_string(),
            _ => String::new(),
        }
    }
}

/// Splits tokens at top-level commas (outside parentheses).
pub fn split_top_level_commas<'t>(src: &str, tokens: &'t [Token]) -> Vec<&'t [Token]> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        match t.text(src) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth <= 0 => {
                parts.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[start..]);
    parts.retain(|p| !p.is_empty());
    parts
}
