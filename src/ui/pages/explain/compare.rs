//! Compare: a second plan (say, after adding an index) matched to the first by the core's tree-aware
//! matcher ([`crate::explain::compare`]), shown as one aligned, indented tree: same, changed, added
//! and removed nodes marked in colour and in words, with time, rows and buffer deltas for matched
//! pairs.

use std::rc::Rc;

use yew::prelude::*;

use super::metric::{count, ms, Metric};
use super::tree::{name, target};
use super::view::{PlanView, ViewRef};
use crate::explain::compare::{match_trees, MatchKind, MatchRow, MatchSummary, Tree};
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

/// The aligned rows of two flattened plans.
fn align(a: &PlanView, b: &PlanView) -> Vec<MatchRow> {
    fn tree(v: &PlanView) -> Tree<'_> {
        Tree::new(v.nodes.iter().collect(), v.children.clone())
    }
    match_trees(&tree(a), &tree(b))
}

/// The word shown next to a row (the colour repeats it; never colour alone).
fn kind_word(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Same => "same",
        MatchKind::Changed => "changed",
        MatchKind::Added => "added",
        MatchKind::Removed => "removed",
    }
}

/// `Seq Scan on t`, or a dash.
fn label(view: &PlanView, index: Option<usize>) -> String {
    index
        .and_then(|i| view.nodes.get(i))
        .map_or_else(|| "—".to_string(), |x| format!("{}{}", name(x), target(x)))
}

/// One aligned row.
fn row_html(a: &PlanView, b: &PlanView, row: &MatchRow) -> Html {
    let paired = row.a.is_some() && row.b.is_some();
    let value = |m: Metric, v: &PlanView, i: Option<usize>| i.and_then(|i| m.value(v, i));
    let (d_time, c_time) = delta(
        value(Metric::Inclusive, a, row.a),
        value(Metric::Inclusive, b, row.b),
        ms,
    );
    let (d_rows, _) = delta(
        value(Metric::Rows, a, row.a),
        value(Metric::Rows, b, row.b),
        count,
    );
    let (d_buf, c_buf) = delta(
        value(Metric::Buffers, a, row.a),
        value(Metric::Buffers, b, row.b),
        count,
    );
    let ex =
        |v: &PlanView, i: Option<usize>| value(Metric::Exclusive, v, i).map(ms).unwrap_or_default();
    let word = kind_word(row.kind);
    let indent = format!(
        "padding-left: {:.1}rem",
        0.4 + row.depth.min(16) as f64 * 0.9
    );
    let index = |i: Option<usize>| i.map_or_else(|| "—".to_string(), |i| i.to_string());
    html! {
        <tr class={classes!("match-row", format!("match-{word}"))} data-a={row.a.map(|i| i.to_string())} data-b={row.b.map(|i| i.to_string())}>
            <td class="num">{ format!("{} / {}", index(row.a), index(row.b)) }</td>
            <td class="compare-node" style={indent}>
                <span class={classes!("match-badge", format!("match-badge-{word}"))}>{ word }</span>{ " " }
                { match row.kind {
                    MatchKind::Added => label(b, row.b),
                    MatchKind::Changed => format!("{} → {}", label(a, row.a), label(b, row.b)),
                    _ => label(a, row.a),
                } }
            </td>
            <td class="num">{ ex(a, row.a) }</td>
            <td class="num">{ ex(b, row.b) }</td>
            <td class={classes!("num", paired.then_some(c_time))}>{ if paired { d_time } else { String::new() } }</td>
            <td class="num">{ if paired { d_rows } else { String::new() } }</td>
            <td class={classes!("num", paired.then_some(c_buf))}>{ if paired { d_buf } else { String::new() } }</td>
        </tr>
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
    let pair = match &*other {
        Some(Ok(b)) => Some(b.clone()),
        _ => None,
    };
    let aligned = use_memo((props.view.clone(), pair), |(a, b)| match b {
        Some(b) => align(a, b),
        None => Vec::new(),
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
            let rows = &*aligned;
            let n = rows.len();
            let s = MatchSummary::of(rows);
            let (total, total_class) = delta(a.analysis.total_ms, b.analysis.total_ms, ms);
            let more = {
                let limit = limit.clone();
                Callback::from(move |_: MouseEvent| limit.set(*limit + COMPARE_PAGE * 5))
            };
            html! {
                <>
                    <p class="compare-summary" id="explain-compare-summary" role="status" aria-live="polite">
                        { format!("{} matched, {} changed, {} added, {} removed. ", s.same, s.changed, s.added, s.removed) }
                        if !total.is_empty() {
                            <span class={total_class}>{ format!("Total time: {total}.") }</span>
                        }
                    </p>
                    <div class="grid-wrap">
                        <table class="plan-grid compare-table" id="explain-compare">
                            <thead><tr>
                                <th scope="col"><abbr title="Node number in the first / second plan">{ "#" }</abbr></th>
                                <th scope="col">{ "Node (first → second when changed)" }</th>
                                <th scope="col">{ "Exclusive, first" }</th>
                                <th scope="col">{ "Exclusive, second" }</th>
                                <th scope="col">{ "Δ inclusive" }</th>
                                <th scope="col">{ "Δ rows" }</th>
                                <th scope="col">{ "Δ buffers" }</th>
                            </tr></thead>
                            <tbody>{ for rows.iter().take(*limit).map(|r| row_html(a, b, r)) }</tbody>
                        </table>
                    </div>
                    if *limit < n {
                        <button type="button" class="button secondary small" id="explain-compare-more" onclick={more}>
                            { format!("Show more ({} of {n} rows shown)", (*limit).min(n)) }
                        </button>
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
