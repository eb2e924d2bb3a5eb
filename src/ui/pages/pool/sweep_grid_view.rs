//! The sweep over several instance counts: one p99 curve and one throughput curve per instance
//! count (told apart by colour and dash pattern), the knee of each, the combinations over the
//! connection limit, and a table of every run (capped, with "show all").

use yew::prelude::*;

use crate::pool::grid::{Grid, GridRow};
use crate::pool::Scenario;

use super::chart::{Dot, Line, LineChart};
use super::jobs::SweepView;
use super::sweep_facts::{hikari_line, keeps_up, limit_line};

/// Colour × dash pattern of the i-th curve: 16 distinct pairs, never told apart by colour alone.
const STYLES: [&str; 16] = [
    "line-1 dash-1",
    "line-2 dash-2",
    "line-3 dash-3",
    "line-4 dash-4",
    "line-2 dash-1",
    "line-3 dash-2",
    "line-4 dash-3",
    "line-1 dash-4",
    "line-3 dash-1",
    "line-4 dash-2",
    "line-1 dash-3",
    "line-2 dash-4",
    "line-4 dash-1",
    "line-1 dash-2",
    "line-2 dash-3",
    "line-3 dash-4",
];

/// Table rows shown before "show all".
const ROW_CAP: usize = 48;

fn style(i: usize) -> &'static str {
    STYLES[i % STYLES.len()]
}

fn curves(grid: &Grid, y: fn(&GridRow, usize) -> Option<f64>) -> Vec<Line> {
    grid.rows
        .iter()
        .enumerate()
        .map(|(i, row)| Line {
            label: format!("{} instances", row.instances),
            class: style(i),
            // A run left out is a gap in its curve (NaN), not a straight line across it.
            points: (0..row.sweep.runs.len())
                .map(|j| {
                    let x = f64::from(row.sweep.runs[j].pool_size);
                    (x, y(row, j).unwrap_or(f64::NAN))
                })
                .collect(),
        })
        .collect()
}

/// The view of a sweep over several instance counts.
pub fn grid_view(v: &SweepView, scenario: &Scenario) -> Html {
    let g = &v.grid;
    let runs = g.runs();
    let status = if v.finished {
        format!(
            "{runs} runs simulated: {} instance counts × {} pool sizes.",
            v.instances.len(),
            g.pool_sizes.1 - g.pool_sizes.0 + 1
        )
    } else {
        format!("Running… {runs} of {} runs", v.total)
    };
    let p99 = curves(g, |row, j| {
        let r = &row.sweep.runs[j];
        keeps_up(r).then_some(r.report.latency_ms.p99)
    });
    let throughput = curves(g, |row, j| Some(row.sweep.runs[j].report.throughput_rps));
    let knee_dots: Vec<Dot> = g
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let k = row.sweep.knee?;
            let run = row.sweep.runs.iter().find(|r| r.pool_size == k)?;
            Some(Dot {
                x: f64::from(k),
                y: run.report.latency_ms.p99,
                class: style(i),
                label: format!("knee of {} instances: pool {k}", row.instances),
            })
        })
        .collect();
    let hikari = g.rows.first().and_then(|r| r.sweep.hikari_formula);
    let knees = g
        .rows
        .iter()
        .map(|r| match r.sweep.knee {
            Some(k) => format!(
                "{} instances → pool {k} ({} connections)",
                r.instances,
                u64::from(k) * u64::from(r.instances)
            ),
            None => format!("{} instances → none kept up", r.instances),
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <div class="pool-sweep-results" id="pool-sweep-results" data-finished={v.finished.to_string()}
            data-longest-slice={format!("{:.1}", v.stats.longest_slice_ms)}
            data-events-per-ms={format!("{:.0}", v.stats.events as f64 / v.stats.busy_ms.max(1e-9))}
            data-curves={g.rows.len().to_string()}>
            <p role="status" aria-live="polite">{ status }</p>
            <div class="pool-charts">
                <LineChart id="pool-sweep-p99" title="p99 latency vs pool size, per instance count"
                    x_label="pool size per instance" lines={p99} dots={knee_dots} x_fit=true />
                <LineChart id="pool-sweep-throughput" title="Throughput vs pool size, per instance count"
                    x_label="pool size per instance" lines={throughput} x_fit=true />
            </div>
            <ul class="pool-sweep-facts">
                <li id="pool-sweep-knees">{ format!("Knee per instance count (dots on the p99 chart): {knees}.") }</li>
                { limit_line(g, v.total) }
                { hikari_line(hikari, scenario) }
                <li>{ "Runs that completed under 95 % of their requests are left out of the p99 curves." }</li>
            </ul>
            <GridTable grid={v.grid.clone()} />
        </div>
    }
}

/// Props of [`GridTable`].
#[derive(Properties, PartialEq)]
struct GridTableProps {
    grid: std::rc::Rc<Grid>,
}

/// Every run of the grid: connections wanted and open against the limit, p99, throughput, errors.
#[component]
fn GridTable(props: &GridTableProps) -> Html {
    let all = use_state(|| false);
    let g = &props.grid;
    let limit = g.connection_limit;
    let rows: Vec<Html> = g
        .rows
        .iter()
        .flat_map(|row| {
            row.sweep.runs.iter().zip(&row.peak_open).map(move |(r, peak)| {
                let wanted = u64::from(row.instances) * u64::from(r.pool_size);
                let over = wanted > u64::from(limit);
                let knee = row.sweep.knee == Some(r.pool_size);
                html! {
                    <tr class={classes!(knee.then_some("knee"), over.then_some("over"))}>
                        <td>{ row.instances }</td>
                        <td>{ r.pool_size }{ if knee { " (knee)" } else { "" } }</td>
                        <td>{ format!("{wanted}{}", if over { format!(" > {limit}") } else { String::new() }) }</td>
                        <td>{ format!("{peak} / {limit}") }</td>
                        <td>{ format!("{:.1} ms", r.report.latency_ms.p99) }</td>
                        <td>{ format!("{:.0} req/s", r.report.throughput_rps) }</td>
                        <td>{ r.report.requests_failed }</td>
                        <td>{ r.report.failures.too_many_connections }</td>
                    </tr>
                }
            })
        })
        .collect();
    let n = rows.len();
    let shown = if *all { n } else { n.min(ROW_CAP) };
    let on_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(true))
    };
    html! {
        <details class="pool-sweep-table">
            <summary>{ "The numbers" }</summary>
            <div class="pool-table-scroll">
                <table class="pool-numbers pool-grid-table">
                    <thead><tr>
                        <th scope="col">{ "instances" }</th><th scope="col">{ "pool size" }</th>
                        <th scope="col">{ "connections wanted" }</th><th scope="col">{ "peak open / limit" }</th>
                        <th scope="col">{ "p99" }</th><th scope="col">{ "throughput" }</th>
                        <th scope="col">{ "failed" }</th><th scope="col">{ "too many connections" }</th>
                    </tr></thead>
                    <tbody>{ for rows.into_iter().take(shown) }</tbody>
                </table>
            </div>
            if shown < n {
                <button type="button" class="button small secondary" id="pool-sweep-show-all" onclick={on_all}>
                    { format!("Show all {n} runs") }</button>
            }
        </details>
    }
}
