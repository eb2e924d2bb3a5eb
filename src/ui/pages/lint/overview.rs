//! All findings of the file in one list, worst first; each entry jumps to its statement.

use std::rc::Rc;

use yew::prelude::*;

use crate::lint::LintReport;

/// Entries listed before "and N more": the statement cards hold the rest.
const MAX_ENTRIES: usize = 100;

/// Props of [`FindingsOverview`].
#[derive(Properties, PartialEq)]
pub struct FindingsOverviewProps {
    pub report: Rc<LintReport>,
    pub on_select: Callback<usize>,
}

/// The findings overview.
#[component]
pub fn FindingsOverview(props: &FindingsOverviewProps) -> Html {
    let mut entries: Vec<(usize, &crate::lint::Finding)> = props
        .report
        .statements
        .iter()
        .flat_map(|s| s.findings.iter().map(move |f| (s.index, f)))
        .collect();
    if entries.is_empty() {
        return html! {};
    }
    // Worst first; within a severity, file order.
    entries.sort_by(|a, b| b.1.severity.cmp(&a.1.severity).then(a.0.cmp(&b.0)));
    let total = entries.len();
    html! {
        <details class="overview" open={total <= 30}>
            <summary><h2 class="section-title">{ format!("Findings ({total})") }</h2></summary>
            <ul class="overview-list">
                { for entries.into_iter().take(MAX_ENTRIES).map(|(index, f)| {
                    let on_select = props.on_select.clone();
                    html! {
                        <li class={format!("severity-{}", f.severity.name())}>
                            <button type="button" class="link-button"
                                onclick={Callback::from(move |_: MouseEvent| on_select.emit(index))}>
                                <span class="severity-pill">{ f.severity.name() }</span>
                                <span class="overview-line">{ format!("line {}", f.line) }</span>
                                <span class="overview-message">{ &f.message }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if total > MAX_ENTRIES {
                <p class="hint-text">{ format!("and {} more in the statements below.", total - MAX_ENTRIES) }</p>
            }
        </details>
    }
}
