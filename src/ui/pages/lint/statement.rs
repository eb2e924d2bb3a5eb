//! One statement's card: position, kind, lock badges, what is blocked, rewrite/scan, locks already
//! held in the transaction, notes and findings. Clicking it highlights the statement in the editor.

use yew::prelude::*;

use super::finding::FindingView;
use super::lock_badge::LockBadge;
use crate::lint::locks::describe_blocked;
use crate::lint::StatementReport;

/// Props of [`StatementCard`].
#[derive(Properties, PartialEq)]
pub struct StatementCardProps {
    pub statement: StatementReport,
    pub selected: bool,
    pub on_select: Callback<usize>,
}

/// First line of the statement, shortened for the card header.
fn headline(sql: &str) -> String {
    let first = sql
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("--"))
        .unwrap_or("");
    if first.chars().count() > 90 {
        format!("{}…", first.chars().take(89).collect::<String>())
    } else {
        first.to_owned()
    }
}

/// The statement card.
#[component]
pub fn StatementCard(props: &StatementCardProps) -> Html {
    let s = &props.statement;
    let onclick = {
        let (on_select, index) = (props.on_select.clone(), s.index);
        Callback::from(move |_: MouseEvent| on_select.emit(index))
    };
    let worst = s.findings.iter().map(|f| f.severity).max();
    let lines = if s.line == s.end_line {
        format!("line {}", s.line)
    } else {
        format!("lines {}–{}", s.line, s.end_line)
    };
    html! {
        <li class={classes!("statement", props.selected.then_some("selected"),
                worst.map(|w| format!("worst-{}", w.name())))}
            id={format!("statement-{}", s.index)}>
            <button type="button" class="statement-head" {onclick} aria-pressed={props.selected.to_string()}>
                <span class="statement-index">{ format!("#{}", s.index + 1) }</span>
                <span class="statement-lines">{ lines }</span>
                <span class="statement-kind">{ &s.kind }</span>
                <code class="statement-sql">{ headline(&s.sql) }</code>
            </button>
            <div class="statement-body">
                if !s.analysed {
                    <p class="not-analysed">
                        { "Not analysed: " }{ s.not_analysed_reason.clone().unwrap_or_else(|| "statement not recognised".into()) }
                    </p>
                }
                if !s.locks.is_empty() {
                    <p class="locks">
                        { for s.locks.iter().map(|l| html! { <LockBadge lock={l.clone()} /> }) }
                    </p>
                }
                <p class="effects">
                    if !s.blocks.is_empty() {
                        <span class="blocks">{ format!("Blocks {}", describe_blocked(&s.blocks)) }</span>
                    }
                    if s.rewrite {
                        <span class="effect-pill rewrite" title="Rewrites the table and its indexes: time grows with the table size">{ "rewrites table" }</span>
                    }
                    if s.scan {
                        <span class="effect-pill scan" title="Reads the whole table while holding its lock">{ "scans table" }</span>
                    }
                    if s.in_transaction && !s.locks.is_empty() {
                        <span class="effect-pill held" title="Locks taken inside a transaction are released only at COMMIT or ROLLBACK">{ "held until COMMIT" }</span>
                    }
                </p>
                if !s.held_before.is_empty() {
                    <p class="held-before">
                        { "Already held in this transaction: " }
                        { for s.held_before.iter().map(|l| html! { <LockBadge lock={l.clone()} /> }) }
                    </p>
                }
                { for s.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
                if !s.findings.is_empty() {
                    <ul class="finding-list">
                        { for s.findings.iter().enumerate().map(|(i, f)| html! {
                            <FindingView finding={f.clone()} key_id={format!("{}-{i}", s.index)} />
                        }) }
                    </ul>
                }
            </div>
        </li>
    }
}
