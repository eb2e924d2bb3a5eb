//! The sweep at one instance count: p99 latency and throughput against pool size, the knee
//! marked, HikariCP's starting formula beside it, and the numbers as a table.

use yew::prelude::*;

use crate::pool::{Scenario, Sweep, SweepRun};

use super::chart::{Line, LineChart, Marker};
use super::jobs::SweepView;
use super::sweep_facts::{hikari_line, keeps_up, limit_line};

/// The view of a one-instance-count sweep (its grid has at most one row).
pub fn single_view(v: &SweepView, scenario: &Scenario) -> Html {
    let empty = Sweep {
        runs: Vec::new(),
        knee: None,
        collapse: None,
        hikari_formula: None,
    };
    let s = v.grid.rows.first().map_or(&empty, |r| &r.sweep);
    let p99 = Line {
        label: "p99 latency (ms)".to_owned(),
        class: "line-1",
        points: s
            .runs
            .iter()
            .filter(|r| keeps_up(r))
            .map(|r| (f64::from(r.pool_size), r.report.latency_ms.p99))
            .collect(),
    };
    let throughput = Line {
        label: "throughput (req/s)".to_owned(),
        class: "line-2",
        points: s
            .runs
            .iter()
            .map(|r| (f64::from(r.pool_size), r.report.throughput_rps))
            .collect(),
    };
    let mut markers = Vec::new();
    if let Some(k) = s.knee {
        markers.push(Marker {
            x: f64::from(k),
            label: format!("knee {k}"),
        });
    }
    let status = if v.finished {
        format!("{} pool sizes simulated.", s.runs.len())
    } else {
        format!("Running… {} of {} pool sizes", s.runs.len(), v.total)
    };
    let dropped = s.runs.iter().filter(|r| !keeps_up(r)).count();
    html! {
        <div class="pool-sweep-results" id="pool-sweep-results" data-finished={v.finished.to_string()}
            data-longest-slice={format!("{:.1}", v.stats.longest_slice_ms)}
            data-events-per-ms={format!("{:.0}", v.stats.events as f64 / v.stats.busy_ms.max(1e-9))}>
            <p role="status" aria-live="polite">{ status }</p>
            <div class="pool-charts">
                <LineChart id="pool-sweep-p99" title="p99 latency vs pool size" x_label="pool size per instance"
                    lines={vec![p99]} markers={markers.clone()} />
                <LineChart id="pool-sweep-throughput" title="Throughput vs pool size" x_label="pool size per instance"
                    lines={vec![throughput]} markers={markers} />
            </div>
            <ul class="pool-sweep-facts">
                <li id="pool-sweep-knee">{ match s.knee {
                    Some(k) => format!("Knee: {k} connections per instance"),
                    None => "Knee: none (no pool size kept up with the traffic)".to_owned(),
                } }</li>
                if let Some(c) = s.collapse {
                    <li>{ format!("Throughput collapses from {c} connections on") }</li>
                }
                { hikari_line(s.hikari_formula, scenario) }
                if dropped > 0 {
                    <li>{ format!("{dropped} pool sizes completed under 95 % of their requests and are left out of the p99 line.") }</li>
                }
                if !v.grid.over_limit().is_empty() {
                    { limit_line(&v.grid, v.total) }
                }
            </ul>
            <details class="pool-sweep-table">
                <summary>{ "The numbers" }</summary>
                <div class="pool-table-scroll">
                    <table class="pool-numbers">
                        <thead><tr>
                            <th scope="col">{ "pool size" }</th><th scope="col">{ "p99" }</th>
                            <th scope="col">{ "throughput" }</th><th scope="col">{ "waited" }</th>
                            <th scope="col">{ "failed" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.runs.iter().map(|r| row(r, s.knee)) }
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

fn row(r: &SweepRun, knee: Option<u32>) -> Html {
    html! {
        <tr class={classes!((Some(r.pool_size) == knee).then_some("knee"))}>
            <td>{ r.pool_size }</td>
            <td>{ format!("{:.1} ms", r.report.latency_ms.p99) }</td>
            <td>{ format!("{:.0} req/s", r.report.throughput_rps) }</td>
            <td>{ format!("{:.1} %", r.report.p_wait * 100.0) }</td>
            <td>{ r.report.requests_failed }</td>
        </tr>
    }
}
