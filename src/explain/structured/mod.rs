//! JSON, YAML and XML: each reader builds a generic [`Doc`], then one mapper turns it into a [`Plan`].

pub mod json;
pub mod xml;
pub mod yaml;

use super::doc::{norm_key, Doc};
use super::error::{ParseError, MAX_DEPTH};
use super::model::{InputFormat, Jit, Node, Plan, Property, Trigger, Worker};
use super::names::display_name;
use super::properties::{apply_buffer, apply_node_property};

/// Parses a structured EXPLAIN document of the given format.
pub fn parse(input: &str, format: InputFormat) -> Result<Plan, ParseError> {
    let doc = match format {
        InputFormat::Json => json::parse(input)?,
        InputFormat::Yaml => yaml::parse(input)?,
        InputFormat::Xml => xml::parse(input)?,
        InputFormat::Text => return Err(ParseError::new("TEXT is not a structured format")),
    };
    from_doc(&doc, format)
}

/// Maps a document (a list of queries, one query, or a bare plan node) onto the model.
pub fn from_doc(doc: &Doc, format: InputFormat) -> Result<Plan, ParseError> {
    let query = match doc {
        Doc::List(items) => items
            .iter()
            .find(|d| matches!(d, Doc::Map(_)))
            .ok_or_else(|| ParseError::new("the document holds no plan"))?,
        other => other,
    };
    let Doc::Map(entries) = query else {
        return Err(ParseError::new("the document holds no plan"));
    };
    if query.get("node-type").is_some() {
        return Ok(empty_plan(format, tree_from(query)?));
    }
    let root = query
        .get("plan")
        .ok_or_else(|| ParseError::new("no \"Plan\" member: this is not EXPLAIN output"))?;
    let mut plan = empty_plan(format, tree_from(root)?);
    for (key, value) in entries {
        let k = norm_key(key);
        match k.as_str() {
            "plan" => {}
            "planning-time" => plan.planning_ms = value.number(),
            "execution-time" | "total-runtime" => plan.execution_ms = value.number(),
            "query-text" => plan.query_text = Some(value.render()),
            "planning" => {
                if let Doc::Map(members) = value {
                    for (mk, mv) in members {
                        let applied = mv.number().is_some_and(|n| {
                            apply_buffer(&mut plan.planning_buffers, &norm_key(mk), n)
                        });
                        if !applied {
                            plan.extra.push(prop(&format!("Planning {mk}"), mv));
                        }
                    }
                }
            }
            "triggers" => {
                if let Doc::List(items) = value {
                    plan.triggers.extend(items.iter().map(trigger_from));
                }
            }
            "jit" => plan.jit.push(jit_from(value)),
            _ => plan.extra.push(prop(key, value)),
        }
    }
    Ok(plan)
}

fn empty_plan(format: InputFormat, root: Node) -> Plan {
    Plan {
        input_format: format,
        root,
        planning_ms: None,
        execution_ms: None,
        planning_buffers: Default::default(),
        triggers: Vec::new(),
        jit: Vec::new(),
        query_text: None,
        extra: Vec::new(),
    }
}

fn prop(key: &str, value: &Doc) -> Property {
    Property {
        key: key.to_string(),
        value: value.render(),
    }
}

/// Maps a plan document to nodes without recursion (a `Node` is large, so recursive mapping of a
/// deep plan would exhaust the browser's stack): nodes are created in pre-order, then assembled
/// bottom-up.
fn tree_from(root: &Doc) -> Result<Node, ParseError> {
    let mut nodes: Vec<Option<Node>> = Vec::new();
    let mut kids: Vec<Vec<usize>> = Vec::new();
    let mut stack: Vec<(&Doc, Option<usize>, usize)> = vec![(root, None, 0)];
    while let Some((doc, parent, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(ParseError::new(format!(
                "the plan nests deeper than {MAX_DEPTH} levels"
            )));
        }
        let (node, plans) = node_from(doc)?;
        let id = nodes.len();
        nodes.push(Some(node));
        kids.push(Vec::new());
        if let Some(p) = parent {
            kids[p].push(id);
        }
        for child in plans.into_iter().rev() {
            stack.push((child, Some(id), depth + 1));
        }
    }
    for id in (0..nodes.len()).rev() {
        let Some(mut node) = nodes[id].take() else {
            continue;
        };
        for &kid in &kids[id] {
            if let Some(child) = nodes[kid].take() {
                node.children.push(child);
            }
        }
        nodes[id] = Some(node);
    }
    nodes
        .into_iter()
        .next()
        .flatten()
        .ok_or_else(|| ParseError::new("the document holds no plan"))
}

/// One node's own fields, and the documents of its children.
fn node_from(doc: &Doc) -> Result<(Node, Vec<&Doc>), ParseError> {
    let Doc::Map(entries) = doc else {
        return Err(ParseError::new("a plan node is not an object"));
    };
    let mut node = Node::default();
    let mut plans = Vec::new();
    for (key, value) in entries {
        let k = norm_key(key);
        match k.as_str() {
            "plans" => {
                if let Doc::List(items) = value {
                    plans.extend(items.iter());
                }
            }
            "workers" => {
                if let Doc::List(items) = value {
                    node.workers.extend(items.iter().map(worker_from));
                }
            }
            _ => apply_node_property(&mut node, &k, key, value),
        }
    }
    if node.node_type.is_empty() {
        return Err(ParseError::new("a plan node has no \"Node Type\""));
    }
    if node.actual_loops == Some(0.0) {
        node.never_executed = true;
    }
    node.display_name = display_name(&node);
    Ok((node, plans))
}

fn worker_from(doc: &Doc) -> Worker {
    let mut worker = Worker::default();
    if let Doc::Map(entries) = doc {
        for (key, value) in entries {
            let k = norm_key(key);
            let n = value.number();
            match (k.as_str(), n) {
                ("worker-number", Some(n)) => worker.number = Some(n),
                ("actual-startup-time", Some(n)) => worker.actual_startup_ms = Some(n),
                ("actual-total-time", Some(n)) => worker.actual_total_ms = Some(n),
                ("actual-rows", Some(n)) => worker.actual_rows = Some(n),
                ("actual-loops", Some(n)) => worker.actual_loops = Some(n),
                (_, Some(n)) if apply_buffer(&mut worker.buffers, &k, n) => {}
                _ => worker.extra.push(prop(key, value)),
            }
        }
    }
    worker
}

fn trigger_from(doc: &Doc) -> Trigger {
    let text = |k: &str| doc.get(k).map(Doc::render);
    Trigger {
        name: text("trigger-name")
            .or_else(|| text("constraint-name"))
            .unwrap_or_default(),
        relation: text("relation"),
        time_ms: doc.get("time").and_then(Doc::number),
        calls: doc.get("calls").and_then(Doc::number),
    }
}

/// A timing that is either a number or (PostgreSQL 17+ `Generation`) a map with a `Total`.
fn timing(doc: Option<&Doc>) -> Option<f64> {
    let doc = doc?;
    doc.number()
        .or_else(|| doc.get("total").and_then(Doc::number))
}

fn jit_from(doc: &Doc) -> Jit {
    let timing_map = doc.get("timing");
    let get = |k: &str| timing(timing_map.and_then(|t| t.get(k)));
    let mut jit = Jit {
        worker: doc.get("worker-number").and_then(Doc::number),
        functions: doc.get("functions").and_then(Doc::number),
        generation_ms: get("generation"),
        inlining_ms: get("inlining"),
        optimization_ms: get("optimization"),
        emission_ms: get("emission"),
        total_ms: get("total"),
        extra: Vec::new(),
    };
    if let Some(options) = doc.get("options") {
        jit.extra.push(prop("Options", options));
    }
    jit
}
