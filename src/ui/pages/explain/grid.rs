//! The grid: every node in one sortable table (like explain.depesz.com): exclusive and inclusive
//! time, rows × loops, estimate factor and buffers. Capped with "show more" for huge plans.

use yew::prelude::*;

use super::metric::{count, factor, ms, Metric};
use super::tree::{name, target};
use super::view::ViewRef;

/// Rows rendered before "show more".
const GRID_PAGE: usize = 200;

/// Sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Order,
    Exclusive,
    Inclusive,
    Rows,
    Estimate,
    Buffers,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Order,
        Column::Exclusive,
        Column::Inclusive,
        Column::Rows,
        Column::Estimate,
        Column::Buffers,
    ];

    fn title(self) -> &'static str {
        match self {
            Column::Order => "#",
            Column::Exclusive => "Exclusive",
            Column::Inclusive => "Inclusive",
            Column::Rows => "Rows × loops",
            Column::Estimate => "Estimate",
            Column::Buffers => "Buffers",
        }
    }

    fn key(self, view: &ViewRef, i: usize) -> f64 {
        let v = match self {
            Column::Order => Some(i as f64),
            Column::Exclusive => Metric::Exclusive.value(view, i),
            Column::Inclusive => Metric::Inclusive.value(view, i),
            Column::Rows => Metric::Rows.value(view, i),
            Column::Estimate => Metric::Misestimate.value(view, i),
            Column::Buffers => Metric::Buffers.value(view, i),
        };
        v.unwrap_or(-1.0)
    }
}

/// Props of [`PlanGrid`].
#[derive(Properties, PartialEq)]
pub struct PlanGridProps {
    pub view: ViewRef,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// The grid view.
#[component]
pub fn PlanGrid(props: &PlanGridProps) -> Html {
    let sort = use_state(|| (Column::Exclusive, true));
    let limit = use_state(|| GRID_PAGE);
    let view = &props.view;
    let (column, descending) = *sort;
    let order = use_memo(
        (view.clone(), column, descending),
        |(view, column, descending)| {
            let mut order: Vec<usize> = (0..view.len()).collect();
            order.sort_by(|&a, &b| {
                let ord = column.key(view, a).total_cmp(&column.key(view, b));
                if *descending {
                    ord.reverse()
                } else {
                    ord
                }
            });
            order
        },
    );
    let header = |c: Column| {
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (current, desc) = *sort;
            sort.set(if current == c {
                (c, !desc)
            } else {
                (c, c != Column::Order)
            });
        });
        let aria = if c == column {
            if descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="grid-sort" {onclick}>
                    { c.title() }
                    if c == column { { if descending { " ↓" } else { " ↑" } } }
                </button>
            </th>
        }
    };
    let max_ex = Metric::Exclusive.max(view);
    let rows = order.iter().take(*limit).map(|&i| {
        let node = &view.nodes[i];
        let m = &view.metrics[i];
        let on_select = props.on_select.clone();
        let ex = m.exclusive_ms;
        let heat = ex.map_or(0.0, |v| Metric::Exclusive.share(v, max_ex));
        html! {
            <tr class={classes!(node.never_executed.then_some("never"), (props.selected == Some(i)).then_some("selected"))}>
                <td class="num">{ i }</td>
                <td class="num heat" style={format!("--heat:{heat:.0}%")}>{ ex.map(ms).unwrap_or_default() }</td>
                <td class="num">{ m.inclusive_ms.map(ms).unwrap_or_default() }</td>
                <td class="num">{ m.rows_total.map(count).unwrap_or_default() }
                    if let Some(l) = m.loops.filter(|l| *l > 1.0) { <span class="muted">{ format!(" ({} loops)", count(l)) }</span> }
                </td>
                <td class="num">{ m.misestimate.as_ref().map(|e| format!("{}{}", if e.direction == "under" { "▲" } else if e.direction == "over" { "▼" } else { "" }, factor(e.factor))).unwrap_or_default() }</td>
                <td class="num">{ Metric::Buffers.value(view, i).map(count).unwrap_or_default() }</td>
                <td class="grid-node" style={format!("padding-left:{}rem", (m.depth.min(30) as f64) * 0.6 + 0.4)}>
                    <button type="button" class="link-button" onclick={move |_| on_select.emit(i)}>
                        { name(node) }{ target(node) }
                    </button>
                </td>
            </tr>
        }
    });
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + GRID_PAGE * 5))
    };
    html! {
        <div class="grid-wrap">
            <table class="plan-grid" id="explain-grid">
                <thead><tr>
                    { for Column::ALL.into_iter().map(header) }
                    <th scope="col">{ "Node" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if *limit < view.len() {
                <button type="button" class="button secondary small" onclick={more}>
                    { format!("Show more ({} of {} rows shown)", *limit, view.len()) }
                </button>
            }
        </div>
    }
}
