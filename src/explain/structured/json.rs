//! A small JSON reader producing [`Doc`]: EXPLAIN's JSON can nest deeper than general-purpose readers
//! allow by default, and all scalars stay text so every format maps identically.

use crate::explain::doc::Doc;
use crate::explain::error::{ParseError, MAX_DEPTH};

/// Parses one JSON value (trailing text after it is ignored, as psql may print a footer).
pub fn parse(input: &str) -> Result<Doc, ParseError> {
    let mut reader = Reader {
        bytes: input.as_bytes(),
        text: input,
        pos: 0,
    };
    reader.value(0)
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn error(&self, what: &str) -> ParseError {
        ParseError::new(format!("invalid JSON at byte {}: {what}", self.pos))
    }

    fn value(&mut self, depth: usize) -> Result<Doc, ParseError> {
        // Two document levels per plan node (object + "Plans" array).
        if depth > 2 * MAX_DEPTH + 8 {
            return Err(self.error("nesting is too deep"));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            None => Err(self.error("unexpected end of input")),
            Some(b'{') => {
                self.pos += 1;
                let mut entries = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Doc::Map(entries));
                }
                loop {
                    self.skip_ws();
                    if self.bytes.get(self.pos) != Some(&b'"') {
                        return Err(self.error("expected a quoted key"));
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.bytes.get(self.pos) != Some(&b':') {
                        return Err(self.error("expected ':'"));
                    }
                    self.pos += 1;
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Doc::Map(entries));
                        }
                        _ => return Err(self.error("expected ',' or '}'")),
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Ok(Doc::List(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Doc::List(items));
                        }
                        _ => return Err(self.error("expected ',' or ']'")),
                    }
                }
            }
            Some(b'"') => Ok(Doc::Scalar(self.string()?)),
            Some(_) => {
                let start = self.pos;
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']')
                    && !self.bytes[self.pos].is_ascii_whitespace()
                {
                    self.pos += 1;
                }
                let word = self.text.get(start..self.pos).unwrap_or("");
                match word {
                    "" => Err(self.error("expected a value")),
                    "null" => Ok(Doc::Null),
                    _ => Ok(Doc::Scalar(word.to_string())),
                }
            }
        }
    }

    /// Reads a quoted string starting at the opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run_start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'"' => {
                    out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
                    self.pos += 1;
                    let escaped = self.bytes.get(self.pos).copied();
                    self.pos += 1;
                    match escaped {
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'r') => out.push('\r'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'u') => {
                            let hex = self.text.get(self.pos..self.pos + 4).unwrap_or("");
                            let code = u32::from_str_radix(hex, 16).ok();
                            out.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
                            self.pos += 4;
                        }
                        Some(c) if c.is_ascii() => out.push(c as char),
                        _ => return Err(self.error("bad escape")),
                    }
                    run_start = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        Err(self.error("unterminated string"))
    }
}
