//! The selected node's detail panel: every field the input gave (generic over the model's fields,
//! so a field added to the core shows up without page changes), the derived metrics, the extra
//! properties as printed, the node's hints, and the per-worker table of a parallel node.

use serde_json::Value;
use yew::prelude::*;

use super::tree::{name, target};
use super::view::ViewRef;
use super::workers_table::WorkersTable;

/// Props of [`NodeDetail`].
#[derive(Properties, PartialEq)]
pub struct NodeDetailProps {
    pub view: ViewRef,
    pub index: usize,
}

/// `actual_total_ms` → `Actual total ms`.
fn label(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn render(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(false) => None,
        Value::Bool(true) => Some("yes".into()),
        Value::Number(n) => Some(match n.as_f64() {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
            // Derived ratios carry float noise; three decimals are plenty to read.
            Some(v) => {
                let text = format!("{v:.3}");
                text.trim_end_matches('0').trim_end_matches('.').to_string()
            }
            None => n.to_string(),
        }),
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(render)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .filter_map(|(k, v)| render(v).map(|v| format!("{}: {v}", label(k))))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
    }
}

/// Non-empty fields of a serialised struct, as (label, text), skipping `skip` keys.
fn fields(value: &Value, skip: &[&str]) -> Vec<(String, String)> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    map.iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| render(v).map(|text| (label(k), text)))
        .collect()
}

/// The detail panel.
#[component]
pub fn NodeDetail(props: &NodeDetailProps) -> Html {
    let view = &props.view;
    let Some(node) = view.nodes.get(props.index) else {
        return html! {};
    };
    let node_json = serde_json::to_value(node).unwrap_or(Value::Null);
    // Workers have their own table below.
    let own = fields(
        &node_json,
        &["children", "extra", "display_name", "workers"],
    );
    let metrics = view
        .metrics
        .get(props.index)
        .and_then(|m| serde_json::to_value(m).ok())
        .map(|v| fields(&v, &["index", "parent", "depth"]))
        .unwrap_or_default();
    let dl = |rows: Vec<(String, String)>| {
        html! {
            <dl class="detail-list">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
        }
    };
    html! {
        <section class="node-detail" id="explain-detail" aria-live="polite" aria-label="Selected node">
            <h3 class="detail-title">
                <span class="detail-index">{ format!("#{}", props.index) }</span>
                { name(node) }{ target(node) }
            </h3>
            { for view.hints_by_node[props.index].iter().filter_map(|&h| view.hints.get(h)).map(|h| html! {
                <p class="detail-hint">
                    <span class="hint-badge">{ &h.id }</span>{ " " }{ &h.message }
                </p>
            }) }
            <h4>{ "Fields" }</h4>
            { dl(own) }
            if !node.extra.is_empty() {
                <h4>{ "Other properties" }</h4>
                { dl(node.extra.iter().map(|p| (p.key.clone(), p.value.clone())).collect()) }
            }
            <h4>{ "Derived" }</h4>
            { dl(metrics) }
            <WorkersTable node={node.clone()} index={props.index} />
        </section>
    }
}
