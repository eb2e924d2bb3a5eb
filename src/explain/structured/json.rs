//! A small JSON reader producing [`Doc`]: EXPLAIN's JSON can nest deeper than general-purpose readers
//! allow by default, and all scalars stay text so every format maps identically.

use std::borrow::Cow;

use crate::explain::doc::{norm_key_eq, Doc};
use crate::explain::error::{ParseError, MAX_DEPTH};

/// Parses one JSON value (trailing text after it is ignored, as psql may print a footer).
pub fn parse(input: &str) -> Result<Doc<'_>, ParseError> {
    let mut reader = Reader {
        bytes: input.as_bytes(),
        text: input,
        pos: 0,
        counted: 0,
        line: 0,
    };
    reader.value()
}

/// A container being read: a map's members so far, its line and the key awaiting its value; or
/// a list's items so far.
enum Open<'a> {
    Map(Vec<(Cow<'a, str>, Doc<'a>)>, usize, Cow<'a, str>),
    List(Vec<Doc<'a>>),
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    /// Newlines before `counted` have been counted into `line` (positions only grow, so counting
    /// incrementally keeps line tracking linear).
    counted: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    /// 0-based line of byte `at` (never before a position asked for earlier).
    fn line_at(&mut self, at: usize) -> usize {
        if at > self.counted {
            let span = self.bytes.get(self.counted..at).unwrap_or(&[]);
            self.line += span.iter().filter(|&&b| b == b'\n').count();
            self.counted = at;
        }
        self.line
    }

    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn error(&self, what: &str) -> ParseError {
        ParseError::new(format!("invalid JSON at byte {}: {what}", self.pos))
    }

    /// Reads one value without recursion: open containers live on an explicit stack, so nesting
    /// depth costs heap, not call stack (debug builds and the browser have small stacks).
    fn value(&mut self) -> Result<Doc<'a>, ParseError> {
        let mut open: Vec<Open<'a>> = Vec::new();
        loop {
            // Two document levels per plan node (object + "Plans" array).
            if open.len() > 2 * MAX_DEPTH + 8 {
                return Err(self.error("nesting is too deep"));
            }
            self.skip_ws();
            let mut done = match self.bytes.get(self.pos) {
                None => return Err(self.error("unexpected end of input")),
                Some(b'{') => {
                    let line = self.line_at(self.pos);
                    self.pos += 1;
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b'}') {
                        self.pos += 1;
                        Doc::Map(Vec::new(), Some(line))
                    } else {
                        let mut map = Open::Map(Vec::new(), line, Cow::Borrowed(""));
                        self.key(&mut map)?;
                        open.push(map);
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b']') {
                        self.pos += 1;
                        Doc::List(Vec::new())
                    } else {
                        open.push(Open::List(Vec::new()));
                        continue;
                    }
                }
                Some(b'"') => Doc::Scalar(self.string()?),
                Some(_) => self.word()?,
            };
            // Hand the finished value to its container, closing every container it completes.
            loop {
                let Some(top) = open.last_mut() else {
                    return Ok(done);
                };
                self.skip_ws();
                let next = self.bytes.get(self.pos).copied();
                match top {
                    Open::Map(entries, _, key) => {
                        entries.push((std::mem::take(key), done));
                        match next {
                            Some(b',') => {
                                self.pos += 1;
                                self.key(top)?;
                                break;
                            }
                            Some(b'}') => self.pos += 1,
                            _ => return Err(self.error("expected ',' or '}'")),
                        }
                    }
                    Open::List(items) => {
                        items.push(done);
                        match next {
                            Some(b',') => {
                                self.pos += 1;
                                break;
                            }
                            Some(b']') => self.pos += 1,
                            _ => return Err(self.error("expected ',' or ']'")),
                        }
                    }
                }
                done = match open.pop() {
                    Some(Open::Map(entries, line, _)) => Doc::Map(entries, Some(line)),
                    Some(Open::List(items)) => Doc::List(items),
                    None => return Err(self.error("unbalanced nesting")),
                };
            }
        }
    }

    /// Reads `"key":` into an open map; a `Node Type` key moves the map's line to its own.
    fn key(&mut self, map: &mut Open<'a>) -> Result<(), ParseError> {
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a quoted key"));
        }
        let key_at = self.pos;
        let key = self.string()?;
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b':') {
            return Err(self.error("expected ':'"));
        }
        self.pos += 1;
        if let Open::Map(_, line, slot) = map {
            if norm_key_eq(&key, "node-type") {
                *line = self.line_at(key_at);
            }
            *slot = key;
        }
        Ok(())
    }

    /// A bare word: a number, `true`, `false` or `null`.
    fn word(&mut self) -> Result<Doc<'a>, ParseError> {
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
            _ => Ok(Doc::Scalar(Cow::Borrowed(word))),
        }
    }

    /// Reads a quoted string starting at the opening quote; borrowed unless it holds escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.pos += 1;
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'"' => {
                    let text = self.text.get(start..self.pos).unwrap_or("");
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                b'\\' => return self.escaped_string(start).map(Cow::Owned),
                _ => self.pos += 1,
            }
        }
        Err(self.error("unterminated string"))
    }

    /// The rest of a string that holds escapes (`pos` at the first backslash), decoded.
    fn escaped_string(&mut self, start: usize) -> Result<String, ParseError> {
        let mut out = String::new();
        let mut run_start = start;
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
