//! The Raw tab (the input as pasted, node lines linked to their nodes) and the Query tab (the plan's `Query Text`, with the selected
//! node's relation and alias highlighted).

use std::rc::Rc;

use yew::prelude::*;

use super::view::ViewRef;

/// Lines of raw input rendered (the editor holds the rest).
const RAW_LINES: usize = 3000;

/// Props of [`RawText`].
#[derive(Properties, PartialEq)]
pub struct RawTextProps {
    pub text: AttrValue,
    /// Line of each node (pre-order), when the layout was recognised.
    pub node_lines: Option<Rc<Vec<usize>>>,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The input as pasted; node lines are buttons that select their node.
#[component]
pub fn RawText(props: &RawTextProps) -> Html {
    let lines = props.text.lines().count();
    let mut node_at: Vec<Option<usize>> = vec![None; lines.min(RAW_LINES)];
    if let Some(map) = &props.node_lines {
        for (node, &line) in map.iter().enumerate() {
            if let Some(slot) = node_at.get_mut(line) {
                *slot = Some(node);
            }
        }
    }
    let selected_line = props
        .selected
        .and_then(|s| props.node_lines.as_ref().and_then(|m| m.get(s).copied()));
    html! {
        <div class="raw-wrap">
            if props.node_lines.is_some() {
                <p class="hint-text">{ "Click a node's line to select it." }</p>
            }
            <pre class="raw-text" id="explain-raw">
                { for props.text.lines().take(RAW_LINES).enumerate().map(|(i, line)| {
                    let selected = selected_line == Some(i);
                    match node_at.get(i).copied().flatten() {
                        Some(node) => {
                            let on_select = props.on_select.clone();
                            html! {
                                <button type="button" class={classes!("raw-node-line", selected.then_some("selected"))}
                                    data-node={node.to_string()} onclick={move |_| on_select.emit(node)}>{ line }</button>
                            }
                        }
                        None => html! { <span class="raw-line">{ line }</span> },
                    }
                }) }
            </pre>
            if lines > RAW_LINES {
                <p class="hint-text">{ format!("First {RAW_LINES} of {lines} lines shown; the editor holds all of them.") }</p>
            }
        </div>
    }
}

/// Props of [`QueryText`].
#[derive(Properties, PartialEq)]
pub struct QueryTextProps {
    pub view: ViewRef,
    pub selected: Option<usize>,
}

/// Splits `text` into (segment, highlighted) around whole-word, case-insensitive matches of `words`.
fn highlight(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut last = 0;
    let mut at = 0;
    while at < bytes.len() {
        let hit = words.iter().filter(|w| !w.is_empty()).find(|w| {
            lower[at..].starts_with(w.as_str())
                && (at == 0 || !is_word(bytes[at - 1]))
                && bytes.get(at + w.len()).is_none_or(|&b| !is_word(b))
        });
        if let Some(w) = hit {
            if last < at {
                out.push((text[last..at].to_string(), false));
            }
            out.push((text[at..at + w.len()].to_string(), true));
            at += w.len();
            last = at;
        } else {
            at += 1;
            while at < bytes.len() && !text.is_char_boundary(at) {
                at += 1;
            }
        }
    }
    if last < text.len() {
        out.push((text[last..].to_string(), false));
    }
    out
}

/// The query text view.
#[component]
pub fn QueryText(props: &QueryTextProps) -> Html {
    let Some(query) = props.view.plan.query_text.as_deref() else {
        return html! {
            <p class="muted" id="explain-query-none">
                { "This plan carries no query text. auto_explain log entries include it (Query Text:); paste one to see the selected node's table highlighted here." }
            </p>
        };
    };
    let words: Vec<String> = props
        .selected
        .and_then(|i| props.view.nodes.get(i))
        .map(|n| {
            [
                n.relation.as_deref(),
                n.alias.as_deref(),
                n.cte_name.as_deref(),
            ]
            .into_iter()
            .flatten()
            .map(str::to_ascii_lowercase)
            .collect()
        })
        .unwrap_or_default();
    html! {
        <pre class="raw-text query-text" id="explain-query">
            { for highlight(query, &words).into_iter().map(|(s, hit)| if hit { html! { <mark>{ s }</mark> } } else { html! { { s } } }) }
        </pre>
    }
}
