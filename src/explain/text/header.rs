//! Parses one TEXT node line: `Index Scan Backward using idx on s.t alias  (cost=..) (actual ..)`.

use crate::explain::doc::parse_number;
use crate::explain::model::{Node, Property};
use crate::explain::names::classify;

/// True when `content` carries a cost or actual-timing group, i.e. is surely a node line.
pub fn has_measurements(content: &str) -> bool {
    // Skipping the indentation first keeps deep plans cheap; the groups never start with spaces.
    measurement_start(crate::explain::trim::trim_start(content)).is_some()
}

/// Byte offset of the first measurement group: one scan from `(` to `(`, rather than one search
/// per pattern (this runs on every line of a plan).
fn measurement_start(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes.get(from..)?.iter().position(|&b| b == b'(') {
        let at = from + found;
        // `(` is ASCII, so `at` is a char boundary.
        let rest = content.get(at..)?;
        if ["(cost=", "(actual ", "(never executed)", "(actual\u{a0}"]
            .iter()
            .any(|m| rest.starts_with(m))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Builds a node from its TEXT line (without the `->` arrow).
pub fn parse_node_line(content: &str) -> Node {
    let mut node = Node::default();
    let (name_part, tail) = match measurement_start(content) {
        Some(at) => (content[..at].trim_end(), &content[at..]),
        None => (content.trim_end(), ""),
    };
    parse_measurements(tail, &mut node);
    parse_name(name_part, &mut node);
    node
}

/// Reads `(cost=a..b rows=n width=w)`, `(actual time=a..b rows=n loops=l)`, `(actual rows=n loops=l)`
/// and `(never executed)` groups.
pub fn parse_measurements(tail: &str, node: &mut Node) {
    for group in tail.split('(').map(|g| g.split(')').next().unwrap_or("")) {
        let group = group.trim();
        if group == "never executed" {
            node.never_executed = true;
            continue;
        }
        let (actual, body) = match group.strip_prefix("actual") {
            Some(rest) => (true, rest),
            None => (false, group),
        };
        for pair in body.split_whitespace() {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let range = || {
                value
                    .split_once("..")
                    .map(|(a, b)| (parse_number(a), parse_number(b)))
                    .unwrap_or((None, None))
            };
            match (actual, key) {
                (false, "cost") => (node.startup_cost, node.total_cost) = range(),
                (false, "rows") => node.plan_rows = parse_number(value),
                (false, "width") => node.plan_width = parse_number(value),
                (true, "time") => (node.actual_startup_ms, node.actual_total_ms) = range(),
                (true, "rows") => node.actual_rows = parse_number(value),
                (true, "loops") => node.actual_loops = parse_number(value),
                _ => node.extra.push(Property {
                    key: key.to_string(),
                    value: value.to_string(),
                }),
            }
        }
    }
}

/// Splits on spaces outside double quotes. Tokens are slices of `text`: a token is exactly the
/// run between two unquoted spaces, quotes included.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            // Space is ASCII, so `i` is a char boundary.
            b' ' if !quoted => {
                if let Some(s) = start.take() {
                    out.push(&text[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Removes identifier quoting: `"My Table"` → `My Table`, `""` inside → `"`.
pub fn unquote(ident: &str) -> String {
    match ident.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => ident.to_string(),
    }
}

/// Splits `schema.name` at the last dot outside quotes.
fn split_qualified(name: &str) -> (Option<String>, String) {
    let mut quoted = false;
    let mut dot = None;
    for (i, c) in name.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => dot = Some(i),
            _ => {}
        }
    }
    match dot {
        Some(i) => (Some(unquote(&name[..i])), unquote(&name[i + 1..])),
        None => (None, unquote(name)),
    }
}

fn parse_name(name_part: &str, node: &mut Node) {
    let toks = tokens(name_part);
    let using = toks.iter().position(|&t| t == "using");
    let on = toks.iter().position(|&t| t == "on");
    let name_end = match (using, on) {
        (Some(u), Some(o)) => u.min(o),
        (Some(u), None) => u,
        (None, Some(o)) => o,
        (None, None) => toks.len(),
    };
    let mut name = toks[..name_end].join(" ");
    // PostgreSQL before 9.x printed `Subquery Scan alias` without `on`.
    let mut legacy_alias = None;
    if on.is_none() {
        if let Some(alias) = name.strip_prefix("Subquery Scan ") {
            legacy_alias = Some(unquote(alias));
            name = "Subquery Scan".into();
        }
    }
    classify(&name, node);
    if let Some(alias) = legacy_alias {
        node.alias = Some(alias);
    }
    if let Some(u) = using {
        if let Some(index) = toks.get(u + 1) {
            node.index = Some(unquote(index));
        }
    }
    let Some(o) = on else {
        return;
    };
    let Some(target) = toks.get(o + 1) else {
        return;
    };
    let alias = toks.get(o + 2).map(|a| unquote(a));
    let (schema, object) = split_qualified(target);
    match node.node_type.as_str() {
        "Bitmap Index Scan" => node.index = Some(object),
        "Function Scan" => {
            node.schema = schema;
            node.alias = Some(alias.unwrap_or_else(|| object.clone()));
            node.function_name = Some(object);
        }
        "CTE Scan" | "WorkTable Scan" => {
            node.alias = Some(alias.unwrap_or_else(|| object.clone()));
            node.cte_name = Some(object);
        }
        "Subquery Scan" | "Values Scan" => node.alias = Some(object),
        "Named Tuplestore Scan" | "Table Function Scan" => {
            node.alias = Some(alias.unwrap_or_else(|| object.clone()));
            node.extra.push(Property {
                key: "Name".into(),
                value: object,
            });
        }
        _ => {
            node.schema = schema;
            node.alias = Some(alias.unwrap_or_else(|| object.clone()));
            node.relation = Some(object);
        }
    }
}
