//! One finding: severity, message, help, the safe rewrite to copy, and the rule's documentation.

use yew::prelude::*;

use crate::lint::rules::rule;
use crate::lint::Finding;

/// Props of [`FindingView`].
#[derive(Properties, PartialEq)]
pub struct FindingViewProps {
    pub finding: Finding,
    /// Unique within the page; used for the copy button's target id.
    pub key_id: String,
}

/// A finding with its safe rewrite and rule docs.
#[component]
pub fn FindingView(props: &FindingViewProps) -> Html {
    let f = &props.finding;
    let sql_id = format!("safe-sql-{}", props.key_id);
    let doc = rule(&f.rule).map(|r| r.doc);
    html! {
        <li class={classes!("finding", format!("severity-{}", f.severity.name()))}>
            <p class="finding-head">
                <span class="severity-pill">{ f.severity.name() }</span>
                <code class="rule-id">{ &f.rule }</code>
                <span class="finding-pos">{ format!("line {}, column {}", f.line, f.column) }</span>
            </p>
            <p class="finding-message">{ &f.message }</p>
            if !f.help.is_empty() {
                <p class="finding-help">{ &f.help }</p>
            }
            if let Some(sql) = &f.safe_sql {
                <div class="safe-sql">
                    <div class="safe-sql-head">
                        <span>{ "Safe rewrite" }</span>
                        <button type="button" class="button small" data-copy-target={sql_id.clone()}>{ "Copy" }</button>
                    </div>
                    <pre id={sql_id}><code>{ sql }</code></pre>
                </div>
            }
            if let Some(doc) = doc {
                <details class="rule-doc">
                    <summary>{ format!("About {}", f.rule) }</summary>
                    <p><strong>{ "Problem: " }</strong>{ doc.problem }</p>
                    <p><strong>{ "Why it hurts: " }</strong>{ doc.why }</p>
                    <p><strong>{ "Instead:" }</strong></p>
                    <pre><code>{ doc.safe_sql }</code></pre>
                    <p><a href={doc.docs_url} target="_blank" rel="noopener noreferrer">{ "PostgreSQL documentation" }</a></p>
                </details>
            }
        </li>
    }
}
