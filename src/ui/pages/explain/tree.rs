//! The plan tree: one flat row per visible node (indentation by depth, so a 300-deep plan makes no
//! 300-deep DOM), collapsible with real buttons, a bar for the chosen metric, hint badges,
//! misestimate arrows, never-executed nodes greyed, folded runs of similar siblings, and a row cap
//! with "show more". Only visible rows are built, so a 10,000-node plan renders a few hundred.

use yew::prelude::*;

use super::metric::{factor, Metric};
use super::view::{visible_rows, Row, TreeState, ViewRef, ROW_PAGE};
use crate::explain::Node;

/// Props of [`PlanTree`].
#[derive(Properties, PartialEq)]
pub struct PlanTreeProps {
    pub view: ViewRef,
    pub state: TreeState,
    pub metric: Metric,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    pub on_state: Callback<TreeState>,
}

/// `on orders o`, `using orders_pkey on orders o`, `on totals` (CTE), `(function)`.
pub fn target(node: &Node) -> String {
    let mut out = String::new();
    if let Some(index) = &node.index {
        out.push_str(&format!(" using {index}"));
    }
    let relation = node
        .relation
        .as_deref()
        .or(node.cte_name.as_deref())
        .or(node.function_name.as_deref());
    if let Some(relation) = relation {
        match &node.schema {
            Some(schema) => out.push_str(&format!(" on {schema}.{relation}")),
            None => out.push_str(&format!(" on {relation}")),
        }
        if let Some(alias) = node.alias.as_deref().filter(|a| *a != relation) {
            out.push_str(&format!(" {alias}"));
        }
    }
    out
}

/// The node's name as EXPLAIN prints it.
pub fn name(node: &Node) -> &str {
    if node.display_name.is_empty() {
        &node.node_type
    } else {
        &node.display_name
    }
}

/// The tree view.
#[component]
pub fn PlanTree(props: &PlanTreeProps) -> Html {
    let view = &props.view;
    let state = &props.state;
    let (rows, cut) = visible_rows(view, state, state.limit);
    let max = props.metric.max(view);
    let row_html = |row: &Row| -> Html {
        match *row {
            Row::Node(i) => node_row(props, i, max),
            Row::More {
                key,
                hidden,
                depth,
                sample,
            } => {
                let on_state = props.on_state.clone();
                let next = state.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    let mut next = next.clone();
                    next.open_runs.insert(key);
                    on_state.emit(next);
                });
                let label = view
                    .nodes
                    .get(sample)
                    .map(|n| format!("{}{}", name(n), target(n)))
                    .unwrap_or_default();
                html! {
                    <li class="tree-row tree-more" style={format!("--depth:{}", depth.min(60))}>
                        <span class="tree-toggle-space"></span>
                        <button type="button" class="link-button tree-more-button" {onclick}
                            title={format!("Similar subtrees, e.g. {label}")}>
                            { format!("… {hidden} more similar") }
                        </button>
                    </li>
                }
            }
        }
    };
    let show_more = {
        let on_state = props.on_state.clone();
        let next = state.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = next.clone();
            next.limit += ROW_PAGE * 3;
            on_state.emit(next);
        })
    };
    let onkeydown = {
        let on_state = props.on_state.clone();
        let state = state.clone();
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = arrow_key(&e, &view, &state) {
                e.prevent_default();
                if let Some(next) = next {
                    on_state.emit(next);
                }
            }
        })
    };
    html! {
        <div class="plan-tree-wrap">
            <p class="hint-text">{ "Keyboard: ↑ ↓ move between nodes, ← collapses, → expands." }</p>
            <ul class="plan-tree" id="explain-tree" aria-label="Plan tree" {onkeydown}>
                { for rows.iter().map(row_html) }
            </ul>
            if cut {
                <button type="button" class="button secondary small" id="explain-tree-more" onclick={show_more}>
                    { "Show more rows" }
                </button>
            }
        </div>
    }
}

/// Arrow keys inside the tree: ↑/↓ move the focus to the previous/next row, ←/→ collapse/expand the
/// focused node. `None` = not handled; `Some(None)` = handled, no state change.
fn arrow_key(e: &KeyboardEvent, view: &ViewRef, state: &TreeState) -> Option<Option<TreeState>> {
    use wasm_bindgen::JsCast;
    let key = e.key();
    let row = e
        .target_dyn_into::<web_sys::Element>()?
        .closest(".tree-row")
        .ok()??;
    let focus = |row: Option<web_sys::Element>| {
        let button = row
            .and_then(|r| {
                r.query_selector(".tree-node, .tree-more-button")
                    .ok()
                    .flatten()
            })
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    };
    match key.as_str() {
        "ArrowDown" => focus(row.next_element_sibling()),
        "ArrowUp" => focus(row.previous_element_sibling()),
        "ArrowLeft" | "ArrowRight" => {
            let index: usize = row.get_attribute("data-node")?.parse().ok()?;
            if view.children.get(index).is_none_or(|k| k.is_empty()) {
                return Some(None);
            }
            let mut next = state.clone();
            let changed = if key == "ArrowLeft" {
                next.collapsed.insert(index)
            } else {
                next.collapsed.remove(&index)
            };
            refocus(index, ".tree-node");
            return Some(changed.then_some(next));
        }
        _ => return None,
    }
    Some(None)
}

/// After the re-render (which may replace the row), puts the focus back on node `index`'s control
/// matching `part`, so keyboard users keep their place.
fn refocus(index: usize, part: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let selector = format!("#explain-tree [data-node=\"{index}\"] {part}");
        if let Some(element) = gloo::utils::document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
        {
            let _ = element.focus();
        }
    })
    .forget();
}

fn node_row(props: &PlanTreeProps, i: usize, max: f64) -> Html {
    let view = &props.view;
    let Some(node) = view.nodes.get(i) else {
        return Html::default();
    };
    let metrics = view.metrics.get(i);
    let depth = metrics.map_or(0, |m| m.depth);
    let has_kids = !view.children[i].is_empty();
    let collapsed = props.state.collapsed.contains(&i);
    let selected = props.selected == Some(i);
    let toggle = {
        let on_state = props.on_state.clone();
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = state.clone();
            if !next.collapsed.remove(&i) {
                next.collapsed.insert(i);
            }
            on_state.emit(next);
            refocus(i, ".tree-toggle");
        })
    };
    let select = {
        let on_select = props.on_select.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(i))
    };
    let value = props.metric.value(view, i);
    let width = value.map_or(0.0, |v| props.metric.share(v, max));
    let misestimate = metrics
        .and_then(|m| m.misestimate.as_ref())
        .filter(|e| e.factor >= 2.0);
    let hints = &view.hints_by_node[i];
    html! {
        <li class={classes!("tree-row", selected.then_some("selected"), node.never_executed.then_some("never"))}
            style={format!("--depth:{}", depth.min(60))} data-node={i.to_string()}>
            if has_kids {
                <button type="button" class="tree-toggle" onclick={toggle}
                    aria-expanded={(!collapsed).to_string()}
                    aria-label={format!("{} node {} ({} children)", if collapsed { "Expand" } else { "Collapse" }, i, view.children[i].len())}>
                    { if collapsed { "▸" } else { "▾" } }
                </button>
            } else {
                <span class="tree-toggle-space"></span>
            }
            <button type="button" class="tree-node" onclick={select} aria-pressed={selected.to_string()}>
                if let Some(sub) = &node.subplan_name {
                    <span class="node-subplan">{ sub }</span>
                }
                <span class="node-name">{ name(node) }</span>
                <span class="node-target">{ target(node) }</span>
                if node.never_executed {
                    <span class="node-never">{ "never executed" }</span>
                }
                if let Some(e) = misestimate {
                    <span class={classes!("node-misestimate", e.direction.clone())}
                        title={format!("actual rows {} than planned by ×{}", if e.direction == "under" { "more" } else { "fewer" }, factor(e.factor))}>
                        { if e.direction == "under" { "▲" } else { "▼" } }{ format!("×{}", factor(e.factor)) }
                    </span>
                }
                { for hints.iter().filter_map(|&h| view.hints.get(h)).map(|h| html! {
                    <span class={classes!("hint-badge", format!("severity-{}", severity_name(h)))} title={h.message.clone()}>{ &h.id }</span>
                }) }
                <span class="node-value">{ value.map(|v| props.metric.format(v)).unwrap_or_default() }</span>
            </button>
            <span class="metric-bar" aria-hidden="true"><span style={format!("width:{width:.1}%")}></span></span>
        </li>
    }
}

/// `info` or `warning`.
pub fn severity_name(hint: &crate::explain::Hint) -> &'static str {
    match hint.severity {
        crate::explain::hints::Severity::Info => "info",
        crate::explain::hints::Severity::Warning => "warning",
    }
}
