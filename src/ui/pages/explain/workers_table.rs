//! The detail panel's per-worker table for a parallel node: one row per worker and one for the
//! leader when it can be derived (rows, share bar, time, loops, buffers), and a note when the work
//! was spread unevenly (see [`crate::explain::workers::SKEW_ROWS_RATIO`]).

use yew::prelude::*;

use super::metric::{count, ms};
use crate::explain::analysis::buffer_total;
use crate::explain::workers::{node_workers, ProcessShare, SKEW_ROWS_RATIO};
use crate::explain::Node;

/// Props of [`WorkersTable`].
#[derive(Properties, PartialEq)]
pub struct WorkersTableProps {
    pub node: Node,
    pub index: usize,
}

fn row(name: String, p: &ProcessShare, leader: bool) -> Html {
    let pct = p.rows_share.map(|s| s * 100.0);
    let buffers = buffer_total(&p.buffers);
    let opt = |v: Option<f64>, f: fn(f64) -> String| v.map(f).unwrap_or_else(|| "—".into());
    html! {
        <tr class={classes!(leader.then_some("leader-row"))}>
            <th scope="row">{ name }</th>
            <td class="num">{ opt(p.rows, count) }</td>
            <td>
                if let Some(pct) = pct {
                    <span class="share-cell">
                        <span class="share-bar" aria-hidden="true"><span style={format!("width: {pct:.1}%")}></span></span>
                        <span class="share-text">{ format!("{pct:.0}%") }</span>
                    </span>
                } else {
                    { "—" }
                }
            </td>
            <td class="num">{ opt(p.time_ms, ms) }</td>
            <td class="num">{ opt(p.loops, count) }</td>
            <td class="num">{ if buffers > 0.0 { count(buffers) } else { "—".into() } }</td>
        </tr>
    }
}

/// The table, or nothing when the node has no per-worker data.
#[component]
pub fn WorkersTable(props: &WorkersTableProps) -> Html {
    let Some(w) = node_workers(&props.node, props.index) else {
        return html! {};
    };
    let note = match (w.skewed, w.rows_skew) {
        (true, Some(ratio)) => Some(format!(
            "Uneven split: the busiest worker produced {ratio:.1}× the workers' mean rows (a note from {SKEW_ROWS_RATIO}×). \
             The parallel part lasts as long as its busiest process, so an uneven split wastes the others."
        )),
        _ => None,
    };
    let spread = match (w.slowest_ms, w.fastest_ms) {
        (Some(slow), Some(fast)) => Some(format!(
            "Slowest worker {}, fastest {}.",
            ms(slow),
            ms(fast)
        )),
        _ => None,
    };
    html! {
        <div class="workers-detail">
            <h4 id="explain-workers-title">{ "Workers" }</h4>
            <div class="workers-wrap">
                <table class="plan-grid workers-table" id="explain-workers" aria-labelledby="explain-workers-title">
                    <thead><tr>
                        <th scope="col">{ "Process" }</th>
                        <th scope="col">{ "Rows" }</th>
                        <th scope="col">{ "Row share" }</th>
                        <th scope="col">{ "Time" }</th>
                        <th scope="col">{ "Loops" }</th>
                        <th scope="col">{ "Buffers" }</th>
                    </tr></thead>
                    <tbody>
                        { for w.workers.iter().enumerate().map(|(i, p)| {
                            let number = p.worker.map_or(i as f64, |n| n);
                            row(format!("Worker {number:.0}"), p, false)
                        }) }
                        if let Some(leader) = &w.leader {
                            { row("Leader (derived)".into(), leader, true) }
                        }
                    </tbody>
                </table>
            </div>
            if w.leader.is_none() {
                <p class="muted workers-note">{ "The leader's share is unknown: not every worker reported its rows and loops (EXPLAIN ANALYZE VERBOSE prints them)." }</p>
            }
            if let Some(spread) = spread {
                <p class="muted workers-note">{ spread }</p>
            }
            if let Some(note) = note {
                <p class="workers-skew" id="explain-workers-skew">
                    <span class="hint-badge severity-warning">{ "skew" }</span>{ " " }{ note }
                </p>
            }
        </div>
    }
}
