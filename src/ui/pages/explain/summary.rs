//! The summary card: input format, planning/execution/JIT/trigger time, node count and the top hints.

use yew::prelude::*;

use super::metric::{count, ms};
use super::tree::severity_name;
use super::view::ViewRef;
use crate::explain::hints::Severity;

/// Hints shown in the card (the Hints tab lists all).
const TOP_HINTS: usize = 3;

/// Props of [`PlanSummary`].
#[derive(Properties, PartialEq)]
pub struct PlanSummaryProps {
    pub view: ViewRef,
    pub on_select: Callback<usize>,
}

fn share(pct: Option<f64>) -> String {
    pct.map(|p| format!(" ({p:.0}%)")).unwrap_or_default()
}

/// The summary card.
#[component]
pub fn PlanSummary(props: &PlanSummaryProps) -> Html {
    let view = &props.view;
    let a = &view.analysis;
    let warnings = view
        .hints
        .iter()
        .filter(|h| h.severity == Severity::Warning)
        .count();
    let mut top: Vec<usize> = (0..view.hints.len()).collect();
    // Warnings first, then plan order.
    top.sort_by_key(|&h| {
        (
            view.hints[h].severity != Severity::Warning,
            view.hints[h].node,
        )
    });
    top.truncate(TOP_HINTS);
    let class = if warnings > 0 {
        "summary-warning"
    } else {
        "summary-ok"
    };
    let timed = a.total_ms.is_some();
    html! {
        <div class={classes!("summary", "explain-summary", class)} id="explain-summary" role="status" aria-live="polite">
            <p class="counts">
                <span>{ format!("{} input", view.plan.input_format.name().to_uppercase()) }</span>
                <span id="explain-node-count">{ format!("{} node{}", count(view.len() as f64), if view.len() == 1 { "" } else { "s" }) }</span>
                if let Some(p) = a.planning_ms {
                    <span>{ format!("Planning {}{}", ms(p), share(a.planning_pct)) }</span>
                }
                if let Some(e) = a.execution_ms {
                    <span>{ format!("Execution {}", ms(e)) }</span>
                }
                if let Some(j) = a.jit_ms {
                    <span>{ format!("JIT {}{}", ms(j), share(a.jit_pct_of_execution)) }</span>
                }
                if let Some(t) = a.trigger_ms {
                    <span>{ format!("Triggers {}{}", ms(t), share(a.trigger_pct_of_execution)) }</span>
                }
                if !timed {
                    <span>{ "No timing (plain EXPLAIN): bars show costs" }</span>
                }
                <span class={classes!((warnings > 0).then_some("count-warning"))}>
                    { format!("{} hint{}", view.hints.len(), if view.hints.len() == 1 { "" } else { "s" }) }
                </span>
            </p>
            if !top.is_empty() {
                <ul class="top-hints">
                    { for top.iter().map(|&h| {
                        let hint = &view.hints[h];
                        let on_select = props.on_select.clone();
                        let node = hint.node;
                        html! {
                            <li>
                                <span class={classes!("hint-badge", format!("severity-{}", severity_name(hint)))}>{ &hint.id }</span>
                                { " " }
                                <button type="button" class="link-button" onclick={move |_| on_select.emit(node)}>
                                    { &hint.message }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
