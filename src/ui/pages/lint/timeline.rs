//! The lock timeline: one row per statement, one column per table, showing which lock each table is
//! under while that statement runs. Inside a transaction, locks stay until COMMIT, so the timeline
//! makes it visible how long a table is blocked.

use std::rc::Rc;

use yew::prelude::*;

use super::lock_badge::impact_class;
use crate::lint::effects::LockTarget;
use crate::lint::locks::{blocked_by, describe_blocked, LockMode};
use crate::lint::LintReport;

/// Rows and columns shown; a timeline of thousands of statements helps nobody.
const MAX_ROWS: usize = 60;
const MAX_COLUMNS: usize = 10;

/// Short form of a mode for a narrow cell; the cell's title carries the full name.
fn abbreviation(mode: LockMode) -> &'static str {
    match mode {
        LockMode::AccessShare => "AS",
        LockMode::RowShare => "RS",
        LockMode::RowExclusive => "RX",
        LockMode::ShareUpdateExclusive => "SUX",
        LockMode::Share => "S",
        LockMode::ShareRowExclusive => "SRX",
        LockMode::Exclusive => "X",
        LockMode::AccessExclusive => "AX",
    }
}

/// Props of [`LockTimeline`].
#[derive(Properties, PartialEq)]
pub struct LockTimelineProps {
    pub report: Rc<LintReport>,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The timeline table.
#[component]
pub fn LockTimeline(props: &LockTimelineProps) -> Html {
    let statements = &props.report.statements;
    let mut relations: Vec<&str> = Vec::new();
    for lock in statements.iter().flat_map(|s| s.locks.iter()) {
        if !relations.contains(&lock.relation.as_str()) {
            relations.push(&lock.relation);
        }
    }
    if relations.is_empty() {
        return html! {};
    }
    let hidden_columns = relations.len().saturating_sub(MAX_COLUMNS);
    relations.truncate(MAX_COLUMNS);

    // The lock a relation is under during statement `s`: its own lock, or one held from earlier.
    let cell = |own: &[LockTarget], held: &[LockTarget], relation: &str| -> Html {
        let find = |list: &[LockTarget]| list.iter().find(|l| l.relation == relation).cloned();
        let (lock, taken_here) = match (find(own), find(held)) {
            (Some(o), Some(h)) if h.mode > o.mode => (Some(h), false),
            (Some(o), _) => (Some(o), true),
            (None, Some(h)) => (Some(h), false),
            (None, None) => (None, false),
        };
        match lock {
            None => html! { <td class="tl-empty"></td> },
            Some(lock) => {
                let title = format!(
                    "{} on {}{}: blocks {}",
                    lock.mode.name(),
                    relation,
                    if taken_here {
                        " (taken here)"
                    } else {
                        " (still held)"
                    },
                    describe_blocked(&blocked_by(lock.mode))
                );
                html! {
                    <td class={classes!("tl-cell", impact_class(lock.mode, lock.new),
                            (!taken_here).then_some("tl-held"))} {title}>
                        { abbreviation(lock.mode) }
                    </td>
                }
            }
        }
    };

    html! {
        <details class="timeline" open=true>
            <summary><h2 class="section-title">{ "Lock timeline" }</h2></summary>
            <div class="timeline-scroll">
                <table class="timeline-table">
                    <caption>
                        { "Locks per table while each statement runs; faded cells are held from earlier in the transaction until COMMIT." }
                        if hidden_columns > 0 { { format!(" {hidden_columns} more tables not shown.") } }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Statement" }</th>
                            { for relations.iter().map(|r| html! { <th scope="col"><code>{ *r }</code></th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for statements.iter().take(MAX_ROWS).map(|s| {
                            let on_select = props.on_select.clone();
                            let index = s.index;
                            html! {
                                <tr class={classes!(s.in_transaction.then_some("tl-in-tx"),
                                        (props.selected == Some(s.index)).then_some("selected"))}>
                                    <th scope="row">
                                        <button type="button" class="link-button"
                                            onclick={Callback::from(move |_: MouseEvent| on_select.emit(index))}>
                                            { format!("#{} {}", s.index + 1, s.kind) }
                                        </button>
                                    </th>
                                    { for relations.iter().map(|r| cell(&s.locks, &s.held_before, r)) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if statements.len() > MAX_ROWS {
                <p class="hint-text">{ format!("First {MAX_ROWS} of {} statements.", statements.len()) }</p>
            }
        </details>
    }
}
