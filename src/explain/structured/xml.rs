//! A reader for the XML `EXPLAIN (FORMAT XML)` prints: nested elements, text, the five predefined
//! entities and numeric character references. Attributes (only `xmlns`) are ignored.
//!
//! Element names become keys; PostgreSQL's XML writer replaced spaces and `/` with `-`, which
//! [`crate::explain::doc::norm_key`] folds back. Elements known to hold repeated items become lists.

use crate::explain::doc::Doc;
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

struct Element {
    name: String,
    children: Vec<(String, Doc)>,
    text: String,
}

/// Parses EXPLAIN XML into a [`Doc`]; the root element's content is returned.
pub fn parse(input: &str) -> Result<Doc, ParseError> {
    let mut stack: Vec<Element> = vec![Element {
        name: String::new(),
        children: Vec::new(),
        text: String::new(),
    }];
    let mut rest = input;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if let Some(top) = stack.last_mut() {
                top.text.push_str(&decode(rest));
            }
            break;
        };
        if let Some(top) = stack.last_mut() {
            top.text.push_str(&decode(&rest[..lt]));
        }
        rest = &rest[lt..];
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
                parent.children.push((name, value));
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split_whitespace().next().unwrap_or("").to_string();
        if name.is_empty() {
            return Err(ParseError::new("empty XML tag name"));
        }
        if self_closing {
            if let Some(parent) = stack.last_mut() {
                parent.children.push((name, Doc::Null));
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

fn finish(element: Element) -> (String, Doc) {
    let Element {
        name,
        children,
        text,
    } = element;
    let Some(first) = children.first().map(|(n, _)| n.clone()) else {
        let text = text.trim();
        let doc = if text.is_empty() {
            Doc::Null
        } else {
            Doc::Scalar(text.to_string())
        };
        return (name, doc);
    };
    let uniform = children.iter().all(|(n, _)| *n == first);
    let doc = if uniform && (first == "Item" || LIST_CONTAINERS.contains(&name.as_str())) {
        Doc::List(children.into_iter().map(|(_, d)| d).collect())
    } else {
        Doc::Map(children)
    };
    (name, doc)
}

fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
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
    out
}
