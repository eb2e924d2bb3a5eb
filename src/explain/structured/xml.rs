//! A reader for the XML `EXPLAIN (FORMAT XML)` prints: nested elements, text, the five predefined
//! entities and numeric character references. Attributes (only `xmlns`) are ignored.
//!
//! Element names become keys; PostgreSQL's XML writer replaced spaces and `/` with `-`, which
//! [`crate::explain::doc::norm_key`] folds back. Elements known to hold repeated items become lists.

use std::borrow::Cow;

use crate::explain::doc::{Doc, Entry};
use crate::explain::error::{ParseError, MAX_DEPTH};

/// Containers whose children form a list even when there is only one child.
const LIST_CONTAINERS: &[&str] = &[
    "explain",
    "Plans",
    "Workers",
    "Triggers",
    "Grouping-Sets",
    "Group-Keys",
    "Target-Tables",
];

struct Element<'a> {
    name: &'a str,
    children: Vec<Entry<'a>>,
    text: String,
    /// 0-based line of the start tag, then of a `<Node-Type>` child if one comes.
    line: usize,
}

/// Counts lines up to a position that only moves forward, so the whole count stays linear.
struct LineCounter<'a> {
    input: &'a str,
    counted: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// 0-based line of the first byte of `rest` (a suffix of the input).
    fn line_of(&mut self, rest: &str) -> usize {
        let at = self.input.len() - rest.len();
        if at > self.counted {
            let span = &self.input.as_bytes()[self.counted..at];
            self.line += span.iter().filter(|&&b| b == b'\n').count();
            self.counted = at;
        }
        self.line
    }
}

/// Parses EXPLAIN XML into a [`Doc`]; the root element's content is returned.
pub fn parse(input: &str) -> Result<Doc<'_>, ParseError> {
    let mut stack: Vec<Element> = vec![Element {
        name: "",
        children: Vec::new(),
        text: String::new(),
        line: 0,
    }];
    let mut lines = LineCounter {
        input,
        counted: 0,
        line: 0,
    };
    let mut rest = input;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if let Some(top) = stack.last_mut() {
                decode_into(rest, &mut top.text);
            }
            break;
        };
        // Text only matters in elements without children (see `finish`).
        if let Some(top) = stack.last_mut().filter(|t| t.children.is_empty()) {
            decode_into(&rest[..lt], &mut top.text);
        }
        rest = &rest[lt..];
        let tag_line = lines.line_of(rest);
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after
                .find("-->")
                .ok_or_else(|| ParseError::new("unterminated XML comment"))?;
            rest = &after[end + 3..];
            continue;
        }
        let gt = rest
            .find('>')
            .ok_or_else(|| ParseError::new("unterminated XML tag"))?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            if stack.len() < 2 {
                return Err(ParseError::new(format!("unexpected closing tag </{name}>")));
            }
            let done = stack
                .pop()
                .ok_or_else(|| ParseError::new("unbalanced XML"))?;
            if done.name != name {
                return Err(ParseError::new(format!(
                    "XML tag <{}> closed by </{name}>",
                    done.name
                )));
            }
            let (name, value) = finish(done);
            if let Some(parent) = stack.last_mut() {
                parent.children.push((Cow::Borrowed(name), value));
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split_whitespace().next().unwrap_or("");
        if name.is_empty() {
            return Err(ParseError::new("empty XML tag name"));
        }
        if name == "Node-Type" {
            if let Some(parent) = stack.last_mut() {
                parent.line = tag_line;
            }
        }
        if self_closing {
            if let Some(parent) = stack.last_mut() {
                parent.children.push((Cow::Borrowed(name), Doc::Null));
            }
            continue;
        }
        if stack.len() > 2 * MAX_DEPTH + 8 {
            return Err(ParseError::new("XML nesting is too deep"));
        }
        stack.push(Element {
            name,
            children: Vec::new(),
            text: String::new(),
            line: tag_line,
        });
    }
    if stack.len() != 1 {
        return Err(ParseError::new("XML ends before all elements are closed"));
    }
    let root = stack.pop().ok_or_else(|| ParseError::new("empty XML"))?;
    match root.children.into_iter().next() {
        Some((_, doc)) => Ok(doc),
        None => Err(ParseError::new("XML holds no element")),
    }
}

fn finish(element: Element<'_>) -> (&str, Doc<'_>) {
    let Element {
        name,
        children,
        mut text,
        line,
    } = element;
    let Some(first) = children.first().map(|(n, _)| n.clone()) else {
        let trimmed = text.trim();
        let doc = if trimmed.is_empty() {
            Doc::Null
        } else {
            if trimmed.len() != text.len() {
                text = trimmed.to_string();
            }
            Doc::Scalar(Cow::Owned(text))
        };
        return (name, doc);
    };
    let uniform = children.iter().all(|(n, _)| *n == first);
    let doc = if uniform && (first == "Item" || LIST_CONTAINERS.contains(&name)) {
        Doc::List(children.into_iter().map(|(_, d)| d).collect())
    } else {
        Doc::Map(children, Some(line))
    };
    (name, doc)
}

/// Appends `text` to `out` with entities and character references decoded.
fn decode_into(text: &str, out: &mut String) {
    if !text.contains('&') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let window = &rest.as_bytes()[..rest.len().min(12)];
        let Some(semi) = window.iter().position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
