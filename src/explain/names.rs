//! Node names: TEXT's display name (`Parallel Hash Left Join`) ⇄ JSON's fields
//! (`Node Type: Hash Join`, `Join Type: Left`, `Parallel Aware: true`).
//!
//! Mirrors how PostgreSQL's `explain.c` composes the TEXT name, so both directions agree.

use super::model::Node;

/// Join type words after the join method in TEXT (`Hash Right Anti Join` → `Right Anti`).
const JOIN_TYPES: &[&str] = &[
    "Right Anti",
    "Right Semi",
    "Left",
    "Full",
    "Right",
    "Semi",
    "Anti",
];

/// Fills `node_type` and the fields encoded in a TEXT node name.
pub fn classify(name: &str, node: &mut Node) {
    node.display_name = name.to_string();
    let mut rest = name.trim();
    if let Some(r) = rest.strip_prefix("Parallel ") {
        node.parallel_aware = Some(true);
        rest = r;
    }
    if let Some(r) = rest.strip_prefix("Async ") {
        node.async_capable = Some(true);
        rest = r;
    }
    for mode in ["Partial", "Finalize"] {
        if let Some(r) = rest.strip_prefix(mode).and_then(|r| r.strip_prefix(' ')) {
            if r.ends_with("Aggregate") {
                node.partial_mode = Some(mode.to_string());
                rest = r;
            }
        }
    }
    if let Some(strategy) = aggregate_strategy(rest) {
        node.node_type = "Aggregate".into();
        node.strategy = Some(strategy.into());
        node.partial_mode.get_or_insert_with(|| "Simple".into());
        return;
    }
    for (prefix, strategy) in [("HashSetOp", "Hashed"), ("SetOp", "Sorted")] {
        if let Some(command) = rest.strip_prefix(prefix).and_then(|r| r.strip_prefix(' ')) {
            node.node_type = "SetOp".into();
            node.strategy = Some(strategy.into());
            node.command = Some(command.to_string());
            return;
        }
    }
    if let Some(join) = join_parts(rest) {
        node.node_type = join.0.into();
        node.join_type = Some(join.1.into());
        return;
    }
    if let Some(op) = ["Insert", "Update", "Delete", "Merge"]
        .iter()
        .find(|op| rest == **op)
    {
        node.node_type = "ModifyTable".into();
        node.operation = Some((*op).into());
        return;
    }
    if let Some(op) = rest
        .strip_prefix("Foreign ")
        .filter(|op| ["Insert", "Update", "Delete", "Merge"].contains(op))
    {
        node.node_type = "Foreign Scan".into();
        node.operation = Some(op.into());
        return;
    }
    if let Some(provider) = rest
        .strip_prefix("Custom Scan (")
        .and_then(|r| r.strip_suffix(')'))
    {
        node.node_type = "Custom Scan".into();
        node.custom_provider = Some(provider.into());
        return;
    }
    if rest == "Foreign Scan" {
        node.node_type = rest.into();
        node.operation = Some("Select".into());
        return;
    }
    for scan in ["Index Only Scan", "Index Scan"] {
        if let Some(r) = rest.strip_prefix(scan) {
            let direction = match r.trim() {
                "Backward" => "Backward",
                _ => "Forward",
            };
            node.node_type = scan.into();
            node.scan_direction = Some(direction.into());
            return;
        }
    }
    node.node_type = rest.to_string();
}

fn aggregate_strategy(name: &str) -> Option<&'static str> {
    match name {
        "Aggregate" => Some("Plain"),
        "GroupAggregate" => Some("Sorted"),
        "HashAggregate" => Some("Hashed"),
        "MixedAggregate" => Some("Mixed"),
        _ => None,
    }
}

/// `Nested Loop Left Join` → (`Nested Loop`, `Left`); `Hash Join` → (`Hash Join`, `Inner`).
fn join_parts(name: &str) -> Option<(&'static str, &'static str)> {
    for (method, node_type) in [
        ("Nested Loop", "Nested Loop"),
        ("Hash", "Hash Join"),
        ("Merge", "Merge Join"),
    ] {
        let Some(rest) = name.strip_prefix(method) else {
            continue;
        };
        if (rest.is_empty() && method == "Nested Loop") || rest == " Join" {
            return Some((node_type, "Inner"));
        }
        let Some(middle) = rest.strip_prefix(' ').and_then(|r| r.strip_suffix(" Join")) else {
            continue;
        };
        if let Some(jt) = JOIN_TYPES.iter().find(|jt| **jt == middle) {
            return Some((node_type, jt));
        }
    }
    None
}

/// Composes the TEXT display name from JSON-style fields (used for JSON, YAML and XML inputs).
pub fn display_name(node: &Node) -> String {
    let mut name = String::new();
    if node.parallel_aware == Some(true) {
        name.push_str("Parallel ");
    }
    if node.async_capable == Some(true) {
        name.push_str("Async ");
    }
    let t = node.node_type.as_str();
    match t {
        "Aggregate" => {
            if let Some(mode @ ("Partial" | "Finalize")) = node.partial_mode.as_deref() {
                name.push_str(mode);
                name.push(' ');
            }
            name.push_str(match node.strategy.as_deref() {
                Some("Sorted") => "GroupAggregate",
                Some("Hashed") => "HashAggregate",
                Some("Mixed") => "MixedAggregate",
                _ => "Aggregate",
            });
        }
        "SetOp" => {
            name.push_str(match node.strategy.as_deref() {
                Some("Hashed") => "HashSetOp",
                _ => "SetOp",
            });
            if let Some(cmd) = &node.command {
                name.push(' ');
                name.push_str(cmd);
            }
        }
        "Nested Loop" | "Hash Join" | "Merge Join" => {
            let method = t.strip_suffix(" Join").unwrap_or(t);
            name.push_str(method);
            match node.join_type.as_deref() {
                None | Some("Inner") if t != "Nested Loop" => name.push_str(" Join"),
                None | Some("Inner") => {}
                Some(jt) => {
                    name.push(' ');
                    name.push_str(jt);
                    name.push_str(" Join");
                }
            }
        }
        "ModifyTable" => name.push_str(node.operation.as_deref().unwrap_or("ModifyTable")),
        "Foreign Scan" => match node.operation.as_deref() {
            Some(op) if op != "Select" => {
                name.push_str("Foreign ");
                name.push_str(op);
            }
            _ => name.push_str(t),
        },
        "Custom Scan" => {
            name.push_str(t);
            if let Some(p) = &node.custom_provider {
                name.push_str(&format!(" ({p})"));
            }
        }
        "Index Scan" | "Index Only Scan" => {
            name.push_str(t);
            if node.scan_direction.as_deref() == Some("Backward") {
                name.push_str(" Backward");
            }
        }
        _ => name.push_str(t),
    }
    name
}
