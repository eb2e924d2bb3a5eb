//! The live run's four charts over simulated time: latency quantiles, throughput (good, failed, and
//! when callers time out the wasted transactions run for nobody), pool waiters, and database
//! connections with busy cores. A pinned baseline run is drawn dashed beside the current one.

use yew::prelude::*;

use crate::pool::{PoolMode, SeriesPoint};

use super::chart::{Line, LineChart};
use super::jobs::RunView;

/// Props of [`RunCharts`].
#[derive(Properties, PartialEq)]
pub struct RunChartsProps {
    pub run: RunView,
    #[prop_or_default]
    pub baseline: Option<RunView>,
}

fn line(label: String, class: &'static str, series: &[SeriesPoint], y: Y) -> Line {
    let mut prev = 0.0;
    let points = series
        .iter()
        .map(|p| {
            let interval = (p.t_ms - prev).max(1e-9);
            prev = p.t_ms;
            (p.t_ms / 1000.0, y(p, interval))
        })
        .collect();
    Line {
        label,
        class,
        points,
    }
}

/// A y value of a point, given the length of the interval it covers (ms).
type Y = fn(&SeriesPoint, f64) -> f64;

/// Lines for the current run and, dashed, the baseline.
fn lines(props: &RunChartsProps, specs: &[Spec]) -> Vec<Line> {
    let mut out: Vec<Line> = specs
        .iter()
        .map(|(label, class, _, y)| line((*label).to_owned(), class, &props.run.series, *y))
        .collect();
    if let Some(b) = &props.baseline {
        out.extend(specs.iter().map(|(label, _, dashed, y)| {
            line(format!("{label} (baseline)"), dashed, &b.series, *y)
        }));
    }
    out
}

/// A line's label, class, dashed class for the baseline, and value.
type Spec = (&'static str, &'static str, &'static str, Y);

const THROUGHPUT: [Spec; 2] = [
    ("completed", "line-1", "line-1 dashed", |p, _| {
        p.throughput_rps
    }),
    ("failed", "line-3", "line-3 dashed", |p, ms| {
        p.failed as f64 * 1000.0 / ms
    }),
];

const THROUGHPUT_WASTED: [Spec; 3] = [
    THROUGHPUT[0],
    THROUGHPUT[1],
    ("wasted", "line-4", "line-4 dashed", |p, ms| {
        p.wasted as f64 * 1000.0 / ms
    }),
];

/// The four charts of a run.
#[component]
pub fn RunCharts(props: &RunChartsProps) -> Html {
    let s = &props.run.scenario;
    let pool_cap = match s.pool.mode {
        PoolMode::Pooled => Some(u64::from(s.pool.size) * u64::from(s.pool.instances)),
        PoolMode::NoPool => None,
    };
    let limit = f64::from(s.app_connection_limit());
    let x = "simulated time (s)";
    // Wasted work only has a line when callers can give up (in this run or the baseline): an
    // always-zero line would only crowd the chart.
    let wasted = [Some(&props.run), props.baseline.as_ref()]
        .into_iter()
        .flatten()
        .any(|r| r.scenario.faults.client_timeout_ms.is_some() || r.report.wasted_transactions > 0);
    let throughput: &[Spec] = if wasted {
        &THROUGHPUT_WASTED
    } else {
        &THROUGHPUT
    };
    let throughput_title = if wasted {
        "Throughput (req/s): good, failed, and wasted (run for callers who had given up)"
    } else {
        "Throughput and failures (req/s)"
    };
    html! {
        <div class="pool-charts">
            <LineChart id="pool-chart-latency" title="Latency (ms): p50 and p99 per interval" x_label={x}
                lines={lines(props, &[
                    ("p99", "line-1", "line-1 dashed", |p, _| p.latency_p99_ms),
                    ("p50", "line-2", "line-2 dashed", |p, _| p.latency_p50_ms),
                ])} />
            <LineChart id="pool-chart-throughput" title={throughput_title} x_label={x}
                lines={lines(props, throughput)} />
            <LineChart id="pool-chart-waiters" title="Requests waiting for a connection (all pools)" x_label={x}
                lines={lines(props, &[
                    ("waiting", "line-3", "line-3 dashed", |p, _| p.mean_waiting),
                    ("in flight", "line-2", "line-2 dashed", |p, _| p.mean_in_flight),
                ])} />
            <LineChart id="pool-chart-db" title="Database: connections and busy cores" x_label={x}
                limit={Some((limit, format!("max_connections − reserved = {limit}")))}
                lines={lines(props, &[
                    ("open connections", "line-1", "line-1 dashed", |p, _| p.mean_open_connections),
                    ("busy connections", "line-2", "line-2 dashed", |p, _| p.mean_busy_connections),
                    ("busy cores", "line-4", "line-4 dashed", |p, _| p.mean_db_busy_cores),
                ])} />
            if let Some(cap) = pool_cap {
                <p class="hint-text">{ format!(
                    "The pools may hold up to {cap} connections ({} × {}); the database admits {limit}.",
                    s.pool.instances, s.pool.size) }</p>
            }
        </div>
    }
}
