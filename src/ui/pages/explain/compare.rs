//! Compare: a second plan (say, after adding an index) matched to the first node by node, by
//! pre-order position when both nodes have the same type and relation, with time, rows and buffer
//! deltas side by side.

use std::rc::Rc;

use yew::prelude::*;

use super::metric::{count, ms, Metric};
use super::tree::{name, target};
use super::view::{PlanView, ViewRef};
use crate::explain::explain;
use crate::ui::components::code_editor::CodeEditor;

/// Rows rendered before "show more".
const COMPARE_PAGE: usize = 200;

/// Props of [`PlanCompare`].
#[derive(Properties, PartialEq)]
pub struct PlanCompareProps {
    /// The plan in the main editor ("before").
    pub view: ViewRef,
    /// The second plan's text ("after").
    pub other: AttrValue,
    pub on_input: Callback<String>,
}

/// `-12.5 ms (-40%)`, or empty when either side is missing.
fn delta(a: Option<f64>, b: Option<f64>, unit: fn(f64) -> String) -> (String, &'static str) {
    let (Some(a), Some(b)) = (a, b) else {
        return (String::new(), "");
    };
    let d = b - a;
    let class = if d < 0.0 {
        "better"
    } else if d > 0.0 {
        "worse"
    } else {
        ""
    };
    let pct = if a.abs() > 0.0 {
        format!(" ({:+.0}%)", d / a * 100.0)
    } else {
        String::new()
    };
    let sign = if d > 0.0 { "+" } else { "" };
    (format!("{sign}{}{pct}", unit(d)), class)
}

fn same_node(a: &PlanView, b: &PlanView, i: usize) -> bool {
    match (a.nodes.get(i), b.nodes.get(i)) {
        (Some(x), Some(y)) => x.node_type == y.node_type && x.relation == y.relation,
        _ => false,
    }
}

/// The compare panel.
#[component]
pub fn PlanCompare(props: &PlanCompareProps) -> Html {
    let limit = use_state(|| COMPARE_PAGE);
    let other = use_memo(props.other.clone(), |text| {
        if text.trim().is_empty() {
            None
        } else {
            Some(explain(text).map(|r| ViewRef(Rc::new(PlanView::new(r)))))
        }
    });
    let editor = html! {
        <CodeEditor id="explain-compare-input" label="Second plan to compare" value={props.other.clone()}
            on_input={props.on_input.clone()} rows={8}
            placeholder="Paste a second plan of the same query (for example after adding an index)" />
    };
    let body = match &*other {
        None => {
            html! { <p class="muted">{ "Paste a second plan above to compare it with the first, node by node." }</p> }
        }
        Some(Err(e)) => html! {
            <p class="banner banner-error" id="explain-compare-error" role="alert">
                { format!("The second plan does not parse: {}", e.message) }
            </p>
        },
        Some(Ok(b)) => {
            let a = &props.view;
            let n = a.len().max(b.len());
            let matched = (0..n).filter(|&i| same_node(a, b, i)).count();
            let (total, total_class) = delta(a.analysis.total_ms, b.analysis.total_ms, ms);
            let rows = (0..n).take(*limit).map(|i| {
                let (na, nb) = (a.nodes.get(i), b.nodes.get(i));
                let same = same_node(a, b, i);
                let label = |node: Option<&crate::explain::Node>| {
                    node.map_or_else(|| "—".to_string(), |x| format!("{}{}", name(x), target(x)))
                };
                let ex_a = Metric::Exclusive.value(a, i);
                let ex_b = Metric::Exclusive.value(b, i);
                let (d_time, c_time) = delta(Metric::Inclusive.value(a, i), Metric::Inclusive.value(b, i), ms);
                let (d_rows, _) = delta(Metric::Rows.value(a, i), Metric::Rows.value(b, i), count);
                let (d_buf, c_buf) = delta(Metric::Buffers.value(a, i), Metric::Buffers.value(b, i), count);
                html! {
                    <tr class={classes!((!same).then_some("unmatched"))}>
                        <td class="num">{ i }</td>
                        <td class="compare-node">
                            { label(na) }
                            if !same { <><br /><span class="muted">{ "→ " }{ label(nb) }</span></> }
                        </td>
                        <td class="num">{ ex_a.map(ms).unwrap_or_default() }</td>
                        <td class="num">{ ex_b.map(ms).unwrap_or_default() }</td>
                        <td class={classes!("num", same.then_some(c_time))}>{ if same { d_time } else { String::new() } }</td>
                        <td class="num">{ if same { d_rows } else { String::new() } }</td>
                        <td class={classes!("num", same.then_some(c_buf))}>{ if same { d_buf } else { String::new() } }</td>
                    </tr>
                }
            });
            let more = {
                let limit = limit.clone();
                Callback::from(move |_: MouseEvent| limit.set(*limit + COMPARE_PAGE * 5))
            };
            html! {
                <>
                    <p class="compare-summary" id="explain-compare-summary" role="status" aria-live="polite">
                        { format!("{matched} of {n} nodes matched by position, type and relation. ") }
                        if !total.is_empty() {
                            <span class={total_class}>{ format!("Total time: {total}.") }</span>
                        }
                    </p>
                    <div class="grid-wrap">
                        <table class="plan-grid compare-table" id="explain-compare">
                            <thead><tr>
                                <th scope="col">{ "#" }</th>
                                <th scope="col">{ "Node (first → second when different)" }</th>
                                <th scope="col">{ "Exclusive, first" }</th>
                                <th scope="col">{ "Exclusive, second" }</th>
                                <th scope="col">{ "Δ inclusive" }</th>
                                <th scope="col">{ "Δ rows" }</th>
                                <th scope="col">{ "Δ buffers" }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    if *limit < n {
                        <button type="button" class="button secondary small" onclick={more}>{ "Show more" }</button>
                    }
                </>
            }
        }
    };
    html! {
        <div class="compare-wrap">
            { editor }
            { body }
        </div>
    }
}
