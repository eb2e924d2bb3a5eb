//! A reader for the YAML subset `EXPLAIN (FORMAT YAML)` prints: block maps, block lists (`- `),
//! plain and double-quoted scalars. No anchors, flow collections or multi-line scalars are needed.

use std::borrow::Cow;

use crate::explain::doc::{norm_key_eq, Doc};
use crate::explain::error::{ParseError, MAX_DEPTH};

/// Parses EXPLAIN YAML into a [`Doc`].
pub fn parse(input: &str) -> Result<Doc<'_>, ParseError> {
    let lines: Vec<Line<'_>> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(number, l)| {
            let indent = l.len() - l.trim_start_matches(' ').len();
            (indent, l.trim(), number)
        })
        .collect();
    let Some(&(indent, _, _)) = lines.first() else {
        return Err(ParseError::new("empty YAML document"));
    };
    let mut reader = Reader { lines, pos: 0 };
    reader.block(indent, 0)
}

/// A non-blank line: indentation, trimmed content, 0-based line number in the input.
type Line<'a> = (usize, &'a str, usize);

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
}

fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

/// Splits `key: value` / `key:`; `None` when the line is not a map entry.
fn split_entry(content: &str) -> Option<(&str, &str)> {
    if let Some(key) = content.strip_suffix(':') {
        if !key.contains(": ") && !key.starts_with('"') {
            return Some((key, ""));
        }
    }
    let at = content.find(": ")?;
    if content.starts_with('"') {
        return None;
    }
    Some((&content[..at], content[at + 2..].trim()))
}

fn scalar(text: &str) -> Doc<'_> {
    let t = text.trim();
    if t.is_empty() || t == "~" || t == "null" {
        return Doc::Null;
    }
    if let Some(inner) = t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return Doc::Scalar(if inner.contains('\\') {
            Cow::Owned(unescape(inner))
        } else {
            Cow::Borrowed(inner)
        });
    }
    if let Some(inner) = t.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return Doc::Scalar(if inner.contains('\'') {
            Cow::Owned(inner.replace("''", "'"))
        } else {
            Cow::Borrowed(inner)
        });
    }
    Doc::Scalar(Cow::Borrowed(t))
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).ok();
                out.push(code.and_then(char::from_u32).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

impl<'a> Reader<'a> {
    fn block(&mut self, indent: usize, depth: usize) -> Result<Doc<'a>, ParseError> {
        if depth > 2 * MAX_DEPTH + 8 {
            return Err(ParseError::new("YAML nesting is too deep"));
        }
        match self.lines.get(self.pos) {
            Some((_, content, _)) if is_item(content) => self.list(indent, depth),
            Some((_, content, _)) if split_entry(content).is_some() => self.map(indent, depth),
            Some(&(_, content, _)) => {
                let value = scalar(content);
                self.pos += 1;
                Ok(value)
            }
            None => Ok(Doc::Null),
        }
    }

    fn list(&mut self, indent: usize, depth: usize) -> Result<Doc<'a>, ParseError> {
        let mut items = Vec::new();
        while let Some(&(col, content, number)) = self.lines.get(self.pos) {
            if col != indent || !is_item(content) {
                break;
            }
            let rest = content.get(1..).unwrap_or("").trim_start();
            let rest_col = indent + content.len() - rest.len();
            if rest.is_empty() {
                self.pos += 1;
                match self.lines.get(self.pos) {
                    Some((next, _, _)) if *next > indent => {
                        let next = *next;
                        items.push(self.block(next, depth + 1)?);
                    }
                    _ => items.push(Doc::Null),
                }
            } else if split_entry(rest).is_some() || is_item(rest) {
                // `- key: value` starts a map (or nested list) whose column is where `key` begins.
                self.lines[self.pos] = (rest_col, rest, number);
                items.push(self.block(rest_col, depth + 1)?);
            } else {
                items.push(scalar(rest));
                self.pos += 1;
            }
        }
        Ok(Doc::List(items))
    }

    fn map(&mut self, indent: usize, depth: usize) -> Result<Doc<'a>, ParseError> {
        let mut entries = Vec::new();
        let mut line = self.lines.get(self.pos).map(|&(_, _, number)| number);
        while let Some(&(col, content, number)) = self.lines.get(self.pos) {
            if col < indent {
                break;
            }
            if col > indent || is_item(content) {
                // Stray deeper line: not something EXPLAIN prints; skip it rather than fail.
                self.pos += 1;
                continue;
            }
            let Some((key, value)) = split_entry(content) else {
                self.pos += 1;
                continue;
            };
            if norm_key_eq(key, "node-type") {
                line = Some(number);
            }
            self.pos += 1;
            if !value.is_empty() {
                entries.push((Cow::Borrowed(key), scalar(value)));
                continue;
            }
            let nested = match self.lines.get(self.pos) {
                Some((next, _, _)) if *next > indent => {
                    let next = *next;
                    self.block(next, depth + 1)?
                }
                Some((next, c, _)) if *next == indent && is_item(c) => {
                    self.list(indent, depth + 1)?
                }
                _ => Doc::Null,
            };
            entries.push((Cow::Borrowed(key), nested));
        }
        Ok(Doc::Map(entries, line))
    }
}
