//! The Raw tab (the input as pasted, in any format, node lines linked to their nodes; the selected
//! node's line is highlighted and scrolled into view) and the Query tab (the plan's `Query Text`,
//! with the selected node's relation and alias highlighted).

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
    // Bring the selected node's line into view (within the panel, without jumping the page).
    use_effect_with(selected_line, |line| {
        if let Some(line) = line {
            let selector = format!("#explain-raw [data-line=\"{line}\"]");
            if let Ok(Some(row)) = gloo::utils::document().query_selector(&selector) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                row.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
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
                                    aria-pressed={selected.to_string()} data-node={node.to_string()} data-line={i.to_string()}
                                    onclick={move |_| on_select.emit(node)}>{ line }</button>
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
    /// A query the user pasted, used when the plan carries no `Query Text`.
    pub pasted: AttrValue,
    pub on_paste: Callback<String>,
}

/// Columns a condition names: the column part of `alias.column` and the left side of the first
/// comparison (`(status = 'x'::text)` → `status`).
fn condition_columns(condition: &str) -> Vec<String> {
    let mut out: Vec<String> = condition
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter_map(|token| token.split_once('.'))
        .map(|(_, column)| column.to_ascii_lowercase())
        .filter(|c| !c.is_empty() && !c.chars().all(|ch| ch.is_ascii_digit()))
        .collect();
    if let Some((column, _)) = crate::explain::hints::index_candidate(condition) {
        out.push(column.to_ascii_lowercase());
    }
    out
}

/// Words to highlight for a node: its relation, alias, CTE and the columns of its conditions.
fn node_words(node: &crate::explain::Node) -> Vec<String> {
    let mut words: Vec<String> = [
        node.relation.as_deref(),
        node.alias.as_deref(),
        node.cte_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::to_ascii_lowercase)
    .collect();
    for condition in [
        &node.filter,
        &node.join_filter,
        &node.index_cond,
        &node.recheck_cond,
        &node.hash_cond,
        &node.merge_cond,
    ]
    .into_iter()
    .flatten()
    {
        words.extend(condition_columns(condition));
    }
    // Longest first, so `order_id` wins over `order`.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
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
    let from_plan = props.view.plan.query_text.as_deref();
    let query = from_plan.unwrap_or(props.pasted.as_str());
    let words = props
        .selected
        .and_then(|i| props.view.nodes.get(i))
        .map(node_words)
        .unwrap_or_default();
    let oninput = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                on_paste.emit(area.value());
            }
        })
    };
    html! {
        <div class="query-wrap">
            if from_plan.is_none() {
                <label class="field query-paste">
                    <span>{ "This plan carries no query text (auto_explain entries do). Paste the query:" }</span>
                    <textarea id="explain-query-input" rows="5" spellcheck="false" value={props.pasted.clone()} {oninput} />
                </label>
            }
            if !query.trim().is_empty() {
                <p class="hint-text">{ "The selected node's table, alias and condition columns are highlighted." }</p>
                <pre class="raw-text query-text" id="explain-query">
                    { for highlight(query, &words).into_iter().map(|(s, hit)| if hit { html! { <mark>{ s }</mark> } } else { html! { { s } } }) }
                </pre>
            }
        </div>
    }
}
