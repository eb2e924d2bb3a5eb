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

/// The hints list.
#[component]
pub fn HintsList(props: &HintsListProps) -> Html {
    let view = &props.view;
    if view.hints.is_empty() {
        return html! { <p class="muted" id="explain-hints-empty">{ "No hints: nothing in this plan crossed a threshold." }</p> };
    }
    html! {
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
    }
}
