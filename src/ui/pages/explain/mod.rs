//! The EXPLAIN visualizer page: a paste area (file drop too) that parses as you type, the example
//! gallery, a draft and a share link, the summary card, and tabs for the tree (with the selected
//! node's details), the grid, the hints, the flame graph, the raw input and the query text.

mod compare;
mod detail;
mod export;
mod flame;
mod grid;
mod hints_tab;
mod lines;
mod metric;
mod summary;
mod text_tabs;
mod tree;
mod tree_svg;
mod view;
mod workers_table;

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::explain::{explain, ParseError};
use crate::gallery::plans::{plan_example, PLAN_EXAMPLES};
use crate::routes;
use crate::ui::components::code_editor::CodeEditor;
use crate::ui::components::share_button::ShareButton;
use crate::ui::components::tabs::Tabs;
use crate::ui::prepared::use_prepared;
use crate::ui::{fragment, icons, persist};

use compare::PlanCompare;
use detail::NodeDetail;
use flame::FlameGraph;
use grid::PlanGrid;
use hints_tab::HintsList;
use metric::Metric;
use summary::PlanSummary;
use text_tabs::{QueryText, RawText};
use tree::PlanTree;
use view::{reveal, PlanView, TreeState, ViewRef};

/// localStorage key of the draft.
const DRAFT_KEY: &str = "pgdojo.explain.draft";

/// Tab titles, in order; the index is the tab's id.
const TABS: [&str; 7] = ["Tree", "Grid", "Hints", "Flame", "Raw", "Query", "Compare"];
const TAB_TREE: usize = 0;

/// What a draft and a share link carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct ExplainState {
    plan: String,
    /// The second plan of the Compare tab (absent in older drafts and links).
    #[serde(default)]
    compare: String,
    /// The query, pasted in the Query tab when the plan carries none.
    #[serde(default)]
    query: String,
}

impl Default for ExplainState {
    fn default() -> Self {
        ExplainState {
            plan: PLAN_EXAMPLES[0].plan.to_owned(),
            compare: String::new(),
            query: String::new(),
        }
    }
}

/// A share link wins over the draft; a broken link is reported, not fatal.
fn initial_state() -> (ExplainState, Option<String>) {
    let draft = || persist::load::<ExplainState>(DRAFT_KEY).unwrap_or_default();
    match fragment::read_state::<ExplainState>() {
        Some(Ok(state)) => (state, None),
        Some(Err(error)) => (
            draft(),
            Some(format!("Could not open the shared plan: {error}.")),
        ),
        None => (draft(), None),
    }
}

/// The result of parsing the editor's text.
enum Parsed {
    Empty,
    Failed(ParseError),
    Plan(ViewRef),
}

fn parse(text: &str) -> Parsed {
    if text.trim().is_empty() {
        return Parsed::Empty;
    }
    match explain(text) {
        Ok(report) => Parsed::Plan(ViewRef(Rc::new(PlanView::new(report)))),
        Err(error) => Parsed::Failed(error),
    }
}

/// The EXPLAIN visualizer page.
#[component]
pub fn ExplainPage() -> Html {
    let initial = use_memo((), |_| initial_state());
    let state = use_state(|| initial.0.clone());
    let link_error = use_state(|| initial.1.clone());
    let selected = use_state(|| None::<usize>);
    let tab = use_state(|| TAB_TREE);
    let metric = use_state(|| Metric::Exclusive);
    let tree_state = use_state(TreeState::new);
    let notice = use_state(|| None::<String>);

    // A pasted plan is parsed in the input handler (`set_plan`), see `crate::ui::prepared`.
    let prepared = use_prepared::<String, Parsed>();
    let parsed = {
        let prepared = prepared.clone();
        use_memo(state.plan.clone(), move |text| {
            prepared.take_or(text, || parse(text))
        })
    };
    let current_view = match &*parsed {
        Parsed::Plan(view) => Some(view.clone()),
        _ => None,
    };
    // The view changes whenever the text does, so it alone keys the memo.
    let node_lines = {
        let text = state.plan.clone();
        use_memo(current_view, move |view| {
            view.as_ref()
                .and_then(|v| lines::node_lines(&text, v))
                .map(Rc::new)
        })
    };
    // The selected node's line is highlighted in the editor (1-based).
    let highlight = selected
        .and_then(|s| node_lines.as_ref().as_ref().and_then(|m| m.get(s).copied()))
        .map(|l| (l + 1, l + 1));

    let set_plan = {
        let (state, selected, tree_state) = (state.clone(), selected.clone(), tree_state.clone());
        let prepared = prepared.clone();
        Callback::from(move |plan: String| {
            prepared.put(plan.clone(), parse(&plan));
            let next = ExplainState {
                plan,
                ..(*state).clone()
            };
            persist::save(DRAFT_KEY, &next);
            fragment::clear();
            selected.set(None);
            tree_state.set(TreeState::new());
            state.set(next);
        })
    };
    let set_compare = {
        let state = state.clone();
        Callback::from(move |compare: String| {
            let next = ExplainState {
                compare,
                ..(*state).clone()
            };
            persist::save(DRAFT_KEY, &next);
            fragment::clear();
            state.set(next);
        })
    };
    let set_query = {
        let state = state.clone();
        Callback::from(move |query: String| {
            let next = ExplainState {
                query,
                ..(*state).clone()
            };
            persist::save(DRAFT_KEY, &next);
            fragment::clear();
            state.set(next);
        })
    };
    let on_example = {
        let set_plan = set_plan.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(example) = plan_example(&select.value()) {
                    set_plan.emit(example.plan.to_owned());
                }
                select.set_value("");
            }
        })
    };
    let on_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(m) = Metric::from_id(&select.value()) {
                    metric.set(m);
                }
            }
        })
    };
    let make_fragment = {
        let state = state.clone();
        Callback::from(move |_: ()| crate::share::encode(&*state))
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    // From the summary or the hints: open the tree at the node.
    let on_show = {
        let (selected, tab, tree_state, parsed) = (
            selected.clone(),
            tab.clone(),
            tree_state.clone(),
            parsed.clone(),
        );
        Callback::from(move |i: usize| {
            if let Parsed::Plan(view) = &*parsed {
                tree_state.set(reveal(view, &tree_state, i));
            }
            selected.set(Some(i));
            tab.set(TAB_TREE);
            gloo::timers::callback::Timeout::new(0, move || {
                let selector = format!("#explain-tree [data-node=\"{i}\"]");
                if let Ok(Some(row)) = gloo::utils::document().query_selector(&selector) {
                    row.scroll_into_view();
                }
            })
            .forget();
        })
    };
    let on_tree_state = {
        let tree_state = tree_state.clone();
        Callback::from(move |next: TreeState| tree_state.set(next))
    };
    let on_tab = {
        let tab = tab.clone();
        Callback::from(move |i: usize| tab.set(i))
    };
    let export_json = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let result = export::plan_json(&state.plan)
                .and_then(|json| export::download("plan.json", "application/json", &json));
            notice.set(result.err());
        })
    };
    let export_svg = {
        let (tab, notice) = (tab.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let notice2 = notice.clone();
            let save = move || {
                let result = export::svg_markup("explain-flame")
                    .and_then(|svg| export::download("plan-flame.svg", "image/svg+xml", &svg));
                notice2.set(result.err());
            };
            if *tab == 3 {
                save();
            } else {
                // Draw the graph first, then save it.
                tab.set(3);
                gloo::timers::callback::Timeout::new(50, save).forget();
            }
        })
    };

    let export_png = {
        let (tab, notice) = (tab.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let notice2 = notice.clone();
            let save = move || {
                export::png("explain-flame", "plan-flame.png", move |error| {
                    notice2.set(error)
                })
            };
            if *tab == 3 {
                save();
            } else {
                tab.set(3);
                gloo::timers::callback::Timeout::new(50, save).forget();
            }
        })
    };
    let export_tree = {
        let (parsed, tree_state, metric, notice) = (
            parsed.clone(),
            tree_state.clone(),
            metric.clone(),
            notice.clone(),
        );
        Callback::from(move |png: bool| {
            let Parsed::Plan(view) = &*parsed else {
                return;
            };
            let (svg, w, h) = tree_svg::tree_svg(view, &tree_state, *metric);
            if png {
                let notice = notice.clone();
                export::png_from_markup(svg, w, h, "plan-tree.png", move |e| notice.set(e));
            } else {
                notice.set(export::download("plan-tree.svg", "image/svg+xml", &svg).err());
            }
        })
    };
    let result = match &*parsed {
        Parsed::Empty => html! {
            <p class="banner" id="explain-empty">{ "Paste the output of EXPLAIN (ANALYZE, BUFFERS) to see where the time goes." }</p>
        },
        Parsed::Failed(error) => html! {
            <p class="banner banner-error" id="explain-error" role="alert">
                { format!("This does not look like an EXPLAIN plan: {}", error.message) }
            </p>
        },
        Parsed::Plan(view) => {
            let sel = selected.filter(|&i| i < view.len());
            let panel = match *tab {
                1 => {
                    html! { <PlanGrid view={view.clone()} selected={sel} on_select={on_show.clone()} /> }
                }
                2 => html! { <HintsList view={view.clone()} on_show={on_show.clone()} /> },
                3 => {
                    html! { <FlameGraph view={view.clone()} selected={sel} on_select={on_select.clone()} /> }
                }
                4 => html! { <RawText text={state.plan.clone()} node_lines={(*node_lines).clone()}
                selected={sel} on_select={on_select.clone()} /> },
                5 => {
                    html! { <QueryText view={view.clone()} selected={sel} pasted={state.query.clone()} on_paste={set_query} /> }
                }
                6 => {
                    html! { <PlanCompare view={view.clone()} other={state.compare.clone()} on_input={set_compare} /> }
                }
                _ => html! {
                    <div class="tree-split">
                        <div class="tree-panel">
                            <label class="field metric-field">
                                <span>{ "Bars show" }</span>
                                <select id="explain-metric" onchange={on_metric}>
                                    { for Metric::ALL.into_iter().map(|m| html! {
                                        <option value={m.id()} selected={m == *metric}>{ m.title() }</option>
                                    }) }
                                </select>
                            </label>
                            <PlanTree view={view.clone()} state={(*tree_state).clone()} metric={*metric}
                                selected={sel} on_select={on_select.clone()} on_state={on_tree_state} />
                        </div>
                        <div class="detail-panel">
                            if let Some(i) = sel {
                                <NodeDetail view={view.clone()} index={i} />
                            } else {
                                <p class="muted">{ "Select a node to see all its fields." }</p>
                            }
                        </div>
                    </div>
                },
            };
            html! {
                <>
                    <PlanSummary view={view.clone()} on_select={on_show.clone()} />
                    <div class="toolbar explain-exports" role="group" aria-label="Export">
                        <button type="button" class="button secondary small" id="explain-export-json" onclick={export_json}>
                            { "Download plan JSON" }
                        </button>
                        <button type="button" class="button secondary small" id="explain-export-svg" onclick={export_svg}>
                            { "Download flame graph SVG" }
                        </button>
                        <button type="button" class="button secondary small" id="explain-export-png" onclick={export_png}>
                            { "Download flame graph PNG" }
                        </button>
                        <button type="button" class="button secondary small" id="explain-export-tree-svg"
                            onclick={let e = export_tree.clone(); move |_| e.emit(false)}>
                            { "Download tree SVG" }
                        </button>
                        <button type="button" class="button secondary small" id="explain-export-tree-png"
                            onclick={let e = export_tree.clone(); move |_| e.emit(true)}>
                            { "Download tree PNG" }
                        </button>
                        if let Some(message) = (*notice).clone() {
                            <span class="share-status warning" role="status">{ message }</span>
                        }
                    </div>
                    <Tabs id="explain" label="Plan views" titles={TABS.iter().map(|t| AttrValue::from(*t)).collect::<Vec<_>>()}
                        selected={*tab} on_select={on_tab}>
                        { panel }
                    </Tabs>
                </>
            }
        }
    };

    html! {
        <section class="tool-page explain-page">
            <h1 class="tool-title">{ icons::tree() }{ routes::EXPLAIN.title }</h1>
            <p class="lede">
                { "Paste whatever your client printed for EXPLAIN: text, JSON, YAML or XML, from psql, \
                   pgAdmin or the server log. The plan is parsed as you type and never leaves your browser." }
            </p>
            if let Some(message) = (*link_error).clone() {
                <p class="banner banner-error" role="alert">{ message }</p>
            }
            <div class="toolbar" role="group" aria-label="Plan input">
                <label class="field">
                    <span>{ "Examples" }</span>
                    <select id="explain-example" onchange={on_example}>
                        <option value="" selected=true>{ "Load an example…" }</option>
                        { for PLAN_EXAMPLES.iter().map(|e| html! {
                            <option value={e.id} title={e.lesson}>{ e.title }</option>
                        }) }
                    </select>
                </label>
                <ShareButton {make_fragment} />
            </div>
            <CodeEditor id="explain-input" label="EXPLAIN output" value={state.plan.clone()}
                on_input={set_plan} rows={12} {highlight}
                placeholder="Seq Scan on orders  (cost=0.00..1.10 rows=10 width=4) (actual time=0.01..0.02 rows=10 loops=1)" />
            <p class="hint-text">{ "Drop a plan file on the editor to load it. Nothing leaves your browser." }</p>
            <div class="explain-result" aria-live="polite">
                { result }
            </div>
        </section>
    }
}
