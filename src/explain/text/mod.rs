//! The TEXT format parser: one pass over the lines, a stack of open nodes keyed by indentation.
//!
//! Input first goes through [`crate::explain::decorations::clean`]. Lines are classified as node
//! lines (`->`), subplan labels (`InitPlan 1 (returns $0)`, `SubPlan 2`, `CTE x`), property lines
//! (`Key: value`), plan-level lines (at or left of the root's column) or wrapped continuations of the
//! previous line. Nothing is matched with backtracking patterns, so the cost stays linear.

pub mod header;
pub mod lines;
pub mod summary;

use super::decorations::{is_footer, Cleaned};
use super::error::{ParseError, MAX_DEPTH};
use super::model::{InputFormat, Node, Plan, Property, Worker};
use super::properties::{apply_node_property, Value};
use super::trim::{leading_spaces, trim};
use header::{has_measurements, parse_measurements, parse_node_line};
use lines::{buffers_or_extra, node_property, split_key};
use std::borrow::Cow;
use summary::{apply_section_line, apply_top_line, Section};

/// Node types PostgreSQL prints; a plan without cost/timing groups must start with one of them.
const KNOWN_NODE_TYPES: &[&str] = &[
    "Result",
    "ProjectSet",
    "ModifyTable",
    "Append",
    "Merge Append",
    "Recursive Union",
    "BitmapAnd",
    "BitmapOr",
    "Nested Loop",
    "Merge Join",
    "Hash Join",
    "Seq Scan",
    "Sample Scan",
    "Gather",
    "Gather Merge",
    "Index Scan",
    "Index Only Scan",
    "Bitmap Index Scan",
    "Bitmap Heap Scan",
    "Tid Scan",
    "Tid Range Scan",
    "Subquery Scan",
    "Function Scan",
    "Table Function Scan",
    "Values Scan",
    "CTE Scan",
    "Named Tuplestore Scan",
    "WorkTable Scan",
    "Foreign Scan",
    "Custom Scan",
    "Materialize",
    "Memoize",
    "Sort",
    "Incremental Sort",
    "Group",
    "Aggregate",
    "WindowAgg",
    "Unique",
    "SetOp",
    "LockRows",
    "Limit",
    "Hash",
];

fn indent_of(line: &str) -> usize {
    leading_spaces(line)
}

fn is_label(t: &str) -> bool {
    let labelled = t == "InitPlan"
        || t == "SubPlan"
        || t.starts_with("InitPlan ")
        || t.starts_with("SubPlan ")
        || t.starts_with("CTE ");
    labelled && !t.contains(": ") && !has_measurements(t)
}

/// Target-table lines of a ModifyTable (`Foreign Update on f1`, `Insert on t_1`): no colon, not nodes.
fn is_target_line(t: &str) -> bool {
    [
        "Insert on ",
        "Update on ",
        "Delete on ",
        "Merge on ",
        "Foreign ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

fn relationship(label: &str) -> &'static str {
    if label.starts_with("SubPlan") {
        "SubPlan"
    } else {
        "InitPlan"
    }
}

enum Entry {
    Node(usize),
    Label(String),
}

struct Builder {
    nodes: Vec<Option<Node>>,
    kids: Vec<Vec<usize>>,
    labels: Vec<Option<String>>,
    worker_col: Vec<Option<usize>>,
}

/// Parses cleaned TEXT lines.
pub fn parse(cleaned: &Cleaned) -> Result<Plan, ParseError> {
    let lines = &cleaned.lines;
    let header = lines
        .iter()
        .position(|l| trim(l).eq_ignore_ascii_case("QUERY PLAN"));
    let start = header.map_or(0, |h| h + 1);
    let measured = lines[start..]
        .iter()
        .position(|l| has_measurements(l) && !is_footer(l))
        .map(|i| i + start);
    let root_at = match measured {
        Some(i) => i,
        None => lines[start..]
            .iter()
            .position(|l| {
                let t = trim(l);
                !t.is_empty() && !t.starts_with('#') && !t.starts_with("--") && !is_footer(t)
            })
            .map(|i| i + start)
            .ok_or_else(|| ParseError::new("no plan found: the input is empty"))?,
    };
    let query_text = query_text(&lines[..root_at]);

    // Logical lines: wrapped continuations re-joined to the line they belong to, each with the
    // index of the cleaned line it starts on.
    let root_line = lines[root_at].trim_end();
    let root_indent = indent_of(root_line);
    // Borrowed unless a continuation had to be appended: most lines are never copied.
    let mut logical: Vec<(usize, Cow<'_, str>)> = vec![(root_at, Cow::Borrowed(root_line))];
    for (at, raw) in lines.iter().enumerate().skip(root_at + 1) {
        let t = trim(raw);
        if is_footer(t) {
            break;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let indent = indent_of(raw);
        if indent <= root_indent && !t.starts_with("->") && has_measurements(t) {
            break; // a second plan starts
        }
        let structural =
            t.starts_with("->") || is_label(t) || split_key(t).is_some() || is_target_line(t);
        match logical.last_mut() {
            Some((_, prev)) if !structural => prev.to_mut().push_str(raw.trim_end()),
            _ => logical.push((at, Cow::Borrowed(raw.trim_end()))),
        }
    }

    let root_text = trim(&logical[0].1);
    let root_text = root_text
        .strip_prefix("->")
        .unwrap_or(root_text)
        .trim_start();
    let root_name_col = root_indent + (logical[0].1.len() - root_indent - root_text.len());
    let mut root = parse_node_line(root_text);
    root.source_line = Some(cleaned.input_line(root_at));
    if measured.is_none()
        && header.is_none()
        && !KNOWN_NODE_TYPES.contains(&root.node_type.as_str())
    {
        return Err(ParseError::new(
            "this does not look like EXPLAIN output: no node with (cost=...) or (actual ...) and no known node name",
        ));
    }
    let mut plan = Plan {
        input_format: InputFormat::Text,
        root: Node::default(),
        planning_ms: None,
        execution_ms: None,
        planning_buffers: Default::default(),
        triggers: Vec::new(),
        jit: Vec::new(),
        query_text,
        extra: Vec::new(),
    };
    // Every node but the root starts with `->`: reserving exactly avoids copying 1.3 kB nodes
    // each time the vector would grow.
    let node_count = 1 + logical[1..]
        .iter()
        .filter(|(_, l)| trim(l).starts_with("->"))
        .count();
    let mut b = Builder {
        nodes: Vec::with_capacity(node_count),
        kids: Vec::with_capacity(node_count),
        labels: Vec::with_capacity(node_count),
        worker_col: Vec::with_capacity(node_count),
    };
    b.add(root, None, None);
    let mut stack: Vec<(usize, Entry)> = vec![(root_name_col, Entry::Node(0))];
    let mut section: Option<(usize, Section)> = None;

    for (at, line) in &logical[1..] {
        let indent = indent_of(line);
        let t = trim(line);
        if let Some((col, sec)) = section {
            if indent > col {
                apply_section_line(&mut plan, sec, t);
                continue;
            }
        }
        if indent <= root_indent && !t.starts_with("->") {
            let sec = apply_top_line(&mut plan, t);
            section = Some((indent, sec));
            continue;
        }
        while stack.len() > 1 && stack.last().is_some_and(|(col, _)| *col >= indent) {
            stack.pop();
        }
        let owner = stack
            .iter()
            .rev()
            .find_map(|(_, e)| match e {
                Entry::Node(id) => Some(*id),
                Entry::Label(_) => None,
            })
            .unwrap_or(0);
        if let Some(arrow) = t.strip_prefix("->") {
            let name = arrow.trim_start();
            let name_col = indent + (t.len() - name.len());
            let label = match stack.last() {
                Some((_, Entry::Label(l))) => Some(l.clone()),
                _ => None,
            };
            if stack.len() > MAX_DEPTH {
                return Err(ParseError::new(format!(
                    "the plan nests deeper than {MAX_DEPTH} levels"
                )));
            }
            let mut node = parse_node_line(name);
            node.source_line = Some(cleaned.input_line(*at));
            let id = b.add(node, Some(owner), label);
            stack.push((name_col, Entry::Node(id)));
        } else if is_label(t) {
            stack.push((indent, Entry::Label(t.to_string())));
        } else {
            b.property(owner, indent, t);
        }
    }
    plan.root = b.assemble();
    Ok(plan)
}

/// `Query Text: ...` lines before the root (auto_explain), possibly spanning several lines.
fn query_text(before_root: &[Cow<'_, str>]) -> Option<String> {
    let at = before_root
        .iter()
        .position(|l| l.trim_start().starts_with("Query Text:"))?;
    // Continuation lines carry the log's indentation; remove as much as the first line had.
    let margin = indent_of(&before_root[at]);
    let first = before_root[at]
        .trim_start()
        .trim_start_matches("Query Text:")
        .trim();
    let mut text = first.to_string();
    for line in &before_root[at + 1..] {
        let cut = indent_of(line).min(margin);
        text.push('\n');
        text.push_str(line[cut..].trim_end());
    }
    Some(text.trim_end().to_string())
}

impl Builder {
    fn add(&mut self, mut node: Node, parent: Option<usize>, label: Option<String>) -> usize {
        let id = self.nodes.len();
        if node.never_executed {
            node.actual_loops = Some(0.0);
            node.actual_rows = Some(0.0);
        }
        if let Some(l) = &label {
            node.parent_relationship = Some(relationship(l).to_string());
            node.subplan_name = Some(l.clone());
        }
        self.nodes.push(Some(node));
        self.kids.push(Vec::new());
        self.labels.push(label);
        self.worker_col.push(None);
        if let Some(p) = parent {
            self.kids[p].push(id);
        }
        id
    }

    fn property(&mut self, id: usize, indent: usize, t: &str) {
        let Some(node) = self.nodes[id].as_mut() else {
            return;
        };
        if let Some(col) = self.worker_col[id] {
            if indent > col {
                if let Some(worker) = node.workers.last_mut() {
                    worker_line(worker, t);
                }
                return;
            }
            self.worker_col[id] = None;
        }
        let Some((key, value)) = split_key(t) else {
            node.extra.push(Property {
                key: "Target".into(),
                value: t.to_string(),
            });
            return;
        };
        if let Some(number) = key
            .strip_prefix("Worker ")
            .and_then(|n| n.parse::<f64>().ok())
        {
            let mut worker = Worker {
                number: Some(number),
                ..Worker::default()
            };
            if !value.is_empty() {
                worker_line(&mut worker, value);
            }
            node.workers.push(worker);
            self.worker_col[id] = Some(indent);
            return;
        }
        node_property(
            key,
            value,
            &mut |norm: &str, original: &str, value: Value<'_>| {
                apply_node_property(node, norm, original, value)
            },
        );
    }

    /// Builds the tree bottom-up and names parent relationships. Children always have larger ids
    /// than their parent, so the parent stays in place and each child is moved once.
    fn assemble(mut self) -> Node {
        for id in (0..self.nodes.len()).rev() {
            let (head, tail) = self.nodes.split_at_mut(id + 1);
            let Some(node) = head[id].as_mut() else {
                continue;
            };
            let kids = &self.kids[id];
            // Reserve once: growing a Vec of 1.3 kB nodes would copy them again on every doubling.
            node.children.reserve_exact(kids.len());
            let plain_children = kids.iter().filter(|&&k| self.labels[k].is_none()).count();
            let mut position = 0;
            for &kid in kids {
                let taken = kid
                    .checked_sub(id + 1)
                    .and_then(|at| tail.get_mut(at))
                    .and_then(Option::take);
                let Some(mut child) = taken else {
                    continue;
                };
                if self.labels[kid].is_none() {
                    child.parent_relationship =
                        Some(plain_relationship(node, position, plain_children).into());
                    position += 1;
                }
                node.children.push(child);
            }
        }
        self.nodes.into_iter().next().flatten().unwrap_or_default()
    }
}

/// `Outer`/`Inner` for the first two children of most nodes; `Member` for Append-like lists.
fn plain_relationship(parent: &Node, position: usize, count: usize) -> &'static str {
    match parent.node_type.as_str() {
        "Append" | "Merge Append" | "BitmapAnd" | "BitmapOr" | "Custom Scan" => "Member",
        "ModifyTable" if count > 1 => "Member",
        "Subquery Scan" => "Subquery",
        _ => match position {
            0 => "Outer",
            1 => "Inner",
            _ => "Member",
        },
    }
}

/// A line inside a `Worker N:` block (or the rest of the `Worker N:` line itself).
fn worker_line(worker: &mut Worker, t: &str) {
    if t.starts_with("actual") {
        let mut tmp = Node::default();
        parse_measurements(&format!("({t})"), &mut tmp);
        worker.actual_startup_ms = tmp.actual_startup_ms;
        worker.actual_total_ms = tmp.actual_total_ms;
        worker.actual_rows = tmp.actual_rows;
        worker.actual_loops = tmp.actual_loops;
        return;
    }
    let Some((key, value)) = split_key(t) else {
        return;
    };
    buffers_or_extra(key, value, &mut worker.buffers, &mut worker.extra, "");
}
