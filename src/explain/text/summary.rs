//! Plan-level TEXT lines after the tree: planning/execution time, triggers, `JIT:` and `Planning:`
//! blocks, settings and anything else (kept in `extra`).

use super::lines::{buffers_or_extra, split_key};
use crate::explain::doc::parse_number;
use crate::explain::model::{Jit, Plan, Property, Trigger};

/// Which block a plan-level line opened, so its indented sub-lines land in the right place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    None,
    Jit,
    Planning,
}

/// Applies a plan-level line; returns the section its sub-lines belong to.
pub fn apply_top_line(plan: &mut Plan, content: &str) -> Section {
    let Some((key, value)) = split_key(content) else {
        plan.extra.push(Property {
            key: String::new(),
            value: content.to_string(),
        });
        return Section::None;
    };
    let lower = key.to_ascii_lowercase();
    match lower.as_str() {
        "planning time" => plan.planning_ms = parse_number(value),
        "execution time" | "total runtime" => plan.execution_ms = parse_number(value),
        "jit" => {
            plan.jit.push(Jit::default());
            return Section::Jit;
        }
        "planning" => return Section::Planning,
        "query text" => plan.query_text = Some(value.to_string()),
        _ if lower.starts_with("trigger ") => plan.triggers.push(trigger(key, value)),
        _ => plan.extra.push(Property {
            key: key.to_string(),
            value: value.to_string(),
        }),
    }
    Section::None
}

/// `Trigger for constraint fk on t: time=1.2 calls=3`.
fn trigger(key: &str, value: &str) -> Trigger {
    let name = key.get("Trigger ".len()..).unwrap_or("").trim();
    let (name, relation) = match name.rsplit_once(" on ") {
        Some((n, r)) => (n.to_string(), Some(r.to_string())),
        None => (name.to_string(), None),
    };
    let mut trigger = Trigger {
        name,
        relation,
        time_ms: None,
        calls: None,
    };
    for pair in value.split_whitespace() {
        match pair.split_once('=') {
            Some(("time", v)) => trigger.time_ms = parse_number(v),
            Some(("calls", v)) => trigger.calls = parse_number(v),
            _ => {}
        }
    }
    trigger
}

/// Applies an indented line below `JIT:` or `Planning:`.
pub fn apply_section_line(plan: &mut Plan, section: Section, content: &str) {
    let Some((key, value)) = split_key(content) else {
        return;
    };
    match section {
        Section::Jit => {
            let Some(jit) = plan.jit.last_mut() else {
                return;
            };
            match key {
                "Functions" => jit.functions = parse_number(value),
                "Timing" => jit_timing(jit, value),
                _ => jit.extra.push(Property {
                    key: key.to_string(),
                    value: value.to_string(),
                }),
            }
        }
        Section::Planning => {
            buffers_or_extra(
                key,
                value,
                &mut plan.planning_buffers,
                &mut plan.extra,
                "Planning ",
            );
        }
        Section::None => {}
    }
}

/// `Generation 0.340 ms (Deform 0.1 ms), Inlining 0.000 ms, ..., Total 2.414 ms`.
fn jit_timing(jit: &mut Jit, value: &str) {
    for part in value.split(", ") {
        let mut words = part.split_whitespace();
        let (Some(name), Some(number)) = (words.next(), words.next()) else {
            continue;
        };
        let n = parse_number(number);
        match name {
            "Generation" => jit.generation_ms = n,
            "Inlining" => jit.inlining_ms = n,
            "Optimization" => jit.optimization_ms = n,
            "Emission" => jit.emission_ms = n,
            "Total" => jit.total_ms = n,
            _ => {}
        }
    }
}
