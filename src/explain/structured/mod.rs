//! JSON, YAML and XML: each reader builds a generic [`Doc`], then one mapper turns it into a [`Plan`].

pub mod json;
pub mod xml;
pub mod yaml;

use super::doc::{norm_key, norm_key_into, Doc};
use super::error::{ParseError, MAX_DEPTH};
use super::model::{InputFormat, Jit, Node, Plan, Property, Trigger, Worker};
use super::names::display_name;
use super::properties::{apply_buffer, apply_node_property, Value};

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
            .find(|d| matches!(d, Doc::Map(..)))
            .ok_or_else(|| ParseError::new("the document holds no plan"))?,
        other => other,
    };
    let Doc::Map(entries, _) = query else {
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
                if let Doc::Map(members, _) = value {
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
/// deep plan would exhaust the browser's stack): nodes are filled in place in pre-order, then
/// assembled bottom-up.
fn tree_from(root: &Doc) -> Result<Node, ParseError> {
    let mut nodes: Vec<Option<Node>> = Vec::new();
    let mut kids: Vec<Vec<usize>> = Vec::new();
    let mut stack: Vec<(&Doc, Option<usize>, usize)> = vec![(root, None, 0)];
    let mut key = String::new();
    let mut plans = Vec::new();
    while let Some((doc, parent, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(ParseError::new(format!(
                "the plan nests deeper than {MAX_DEPTH} levels"
            )));
        }
        let id = nodes.len();
        nodes.push(Some(Node::default()));
        kids.push(Vec::new());
        if let Some(node) = nodes[id].as_mut() {
            plans.clear();
            node_from(doc, node, &mut plans, &mut key)?;
        }
        if let Some(p) = parent {
            kids[p].push(id);
        }
        for child in plans.drain(..).rev() {
            stack.push((child, Some(id), depth + 1));
        }
    }
    assemble(nodes, &kids).ok_or_else(|| ParseError::new("the document holds no plan"))
}

/// Moves every node into its parent's `children`, deepest first. Children always have larger ids
/// than their parent, so the parent stays in place and only each child is moved, once.
fn assemble(mut nodes: Vec<Option<Node>>, kids: &[Vec<usize>]) -> Option<Node> {
    for id in (0..nodes.len()).rev() {
        let (head, tail) = nodes.split_at_mut(id + 1);
        let Some(node) = head[id].as_mut() else {
            continue;
        };
        let own = kids.get(id).map_or(&[][..], Vec::as_slice);
        node.children.reserve_exact(own.len());
        for &kid in own {
            let child = kid
                .checked_sub(id + 1)
                .and_then(|at| tail.get_mut(at))
                .and_then(Option::take);
            if let Some(child) = child {
                node.children.push(child);
            }
        }
    }
    nodes.into_iter().next().flatten()
}

/// Fills one node's own fields from its map, and collects the documents of its children. `key` is
/// a reusable buffer for normalised keys.
fn node_from<'d>(
    doc: &'d Doc<'d>,
    node: &mut Node,
    plans: &mut Vec<&'d Doc<'d>>,
    key: &mut String,
) -> Result<(), ParseError> {
    let Doc::Map(entries, line) = doc else {
        return Err(ParseError::new("a plan node is not an object"));
    };
    node.source_line = *line;
    for (original, value) in entries {
        norm_key_into(original, key);
        match key.as_str() {
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
            k => apply_node_property(node, k, original, Value::Doc(value)),
        }
    }
    if node.node_type.is_empty() {
        return Err(ParseError::new("a plan node has no \"Node Type\""));
    }
    if node.actual_loops == Some(0.0) {
        node.never_executed = true;
    }
    node.display_name = display_name(node);
    Ok(())
}

fn worker_from(doc: &Doc) -> Worker {
    let mut worker = Worker::default();
    if let Doc::Map(entries, _) = doc {
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
