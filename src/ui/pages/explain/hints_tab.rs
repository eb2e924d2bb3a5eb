//! The Hints tab: every hint with its explanation, the evidence numbers, the likely fix, a link to
//! the PostgreSQL documentation, and a button that shows the node in the tree.

use yew::prelude::*;

use super::metric::{count, ms};
use super::tree::{name, severity_name, target};
use super::view::ViewRef;
use crate::explain::hints::Evidence;
use crate::ui::icons;

/// Props of [`HintsList`].
#[derive(Properties, PartialEq)]
pub struct HintsListProps {
    pub view: ViewRef,
    pub on_show: Callback<usize>,
}

fn evidence(e: &Evidence) -> String {
    let value = match e.unit.as_str() {
        "ms" => ms(e.value),
        "%" => format!("{:.0}%", e.value),
        "×" => format!("×{:.1}", e.value),
        "" => count(e.value),
        unit => format!("{} {unit}", count(e.value)),
    };
    format!("{}: {value}", e.label)
}

/// The thresholds the core uses, so a user knows what "no hint" means.
fn thresholds() -> Html {
    use crate::explain::hints as h;
    let rows = [
        (
            "misestimate",
            format!(
                "actual vs planned rows off by ×{} or more, with at least {} rows",
                h::MISESTIMATE_FACTOR,
                h::MISESTIMATE_MIN_ROWS
            ),
        ),
        (
            "seq-scan-filter, inefficient-index",
            format!(
                "a filter discarded {}% or more of the rows read, at least {} rows",
                h::FILTER_REMOVED_PCT,
                h::FILTER_REMOVED_MIN_ROWS
            ),
        ),
        (
            "heap-fetches",
            format!(
                "heap fetches reach {}% of the rows an index-only scan returned",
                h::HEAP_FETCHES_PCT
            ),
        ),
        (
            "large-offset",
            format!(
                "a Limit read {} rows or more that it threw away",
                h::LARGE_OFFSET_ROWS
            ),
        ),
        (
            "nested-loop-many-loops",
            format!(
                "the inner side ran {} times or more and took {}% or more of the time",
                h::NESTED_LOOP_LOOPS,
                h::NESTED_LOOP_TIME_PCT
            ),
        ),
        (
            "jit-overhead",
            format!(
                "JIT took {}% or more of execution and at least {} ms",
                h::JIT_PCT,
                h::JIT_MIN_MS
            ),
        ),
        (
            "slow-trigger",
            format!("one trigger took {}% or more of execution", h::TRIGGER_PCT),
        ),
        (
            "planning-time",
            format!(
                "planning took {}% or more of the total and at least {} ms",
                h::PLANNING_PCT,
                h::PLANNING_MIN_MS
            ),
        ),
        (
            "parallel-skew",
            format!(
                "the busiest worker produced ×{} or more of the workers' mean rows, with at least {} rows",
                crate::explain::workers::SKEW_ROWS_RATIO,
                crate::explain::workers::SKEW_MIN_ROWS
            ),
        ),
        (
            "disk-sort, hash-batches, hashagg-spill, lossy-bitmap",
            "any sort on disk, hash join with more than one batch, HashAggregate that spilled, or lossy bitmap heap block".to_string(),
        ),
    ];
    html! {
        <details class="hint-thresholds">
            <summary>{ "When does a hint appear?" }</summary>
            <dl class="detail-list">
                { for rows.into_iter().map(|(id, rule)| html! { <><dt><code>{ id }</code></dt><dd>{ rule }</dd></> }) }
            </dl>
        </details>
    }
}

/// The hints list.
#[component]
pub fn HintsList(props: &HintsListProps) -> Html {
    let view = &props.view;
    if view.hints.is_empty() {
        return html! {
            <>
                <p class="muted" id="explain-hints-empty">{ "No hints: nothing in this plan crossed a threshold." }</p>
                { thresholds() }
            </>
        };
    }
    html! {
        <>
        { thresholds() }
        <ul class="explain-hints" id="explain-hints">
            { for view.hints.iter().map(|h| {
                let on_show = props.on_show.clone();
                let node = h.node;
                let label = view.nodes.get(node).map(|n| format!("{}{}", name(n), target(n))).unwrap_or_default();
                html! {
                    <li class={classes!("finding", "explain-hint", format!("severity-{}", severity_name(h)))} data-hint={h.id.clone()}>
                        <p class="finding-head">
                            <span class="severity-pill">{ severity_name(h) }</span>
                            <code class="hint-id">{ &h.id }</code>
                            <button type="button" class="link-button hint-node" onclick={move |_| on_show.emit(node)}>
                                { format!("#{node} {label}") }
                            </button>
                        </p>
                        <p class="finding-message">{ &h.message }</p>
                        <p class="finding-help">{ &h.explanation }</p>
                        if !h.evidence.is_empty() {
                            <ul class="evidence">
                                { for h.evidence.iter().map(|e| html! { <li>{ evidence(e) }</li> }) }
                            </ul>
                        }
                        <p><strong>{ "Fix: " }</strong>{ &h.fix }</p>
                        <p><a href={h.docs_url.clone()} target="_blank" rel="noopener noreferrer">
                            { "PostgreSQL documentation" }{ icons::external() }
                        </a></p>
                    </li>
                }
            }) }
        </ul>
        </>
    }
}
