//! The results card: the run's numbers, failures by cause, the work done for callers who had
//! already given up (abandoned attempts, wasted transactions), PgBouncer's refused server logins,
//! the database's load, the overload guard's banner when it tripped, and the Little's-law
//! self-check (mean busy connections = throughput × mean hold time). With a pinned baseline, each
//! number shows beside the baseline's.

use yew::prelude::*;

use crate::pool::report::OverloadGuard;
use crate::pool::{PoolMode, Report};

use super::chart::short;
use super::jobs::RunView;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub run: RunView,
    #[prop_or_default]
    pub baseline: Option<RunView>,
}

fn ms(v: f64) -> String {
    if v >= 1000.0 {
        format!("{:.2} s", v / 1000.0)
    } else if v >= 10.0 {
        format!("{v:.0} ms")
    } else {
        format!("{v:.2} ms")
    }
}

fn pct(v: f64) -> String {
    format!("{:.1} %", v * 100.0)
}

/// Rows of the card: label, and how to read the value from a run.
type Row = (&'static str, fn(&RunView) -> String);

const ROWS: [Row; 16] = [
    ("Throughput", |r| {
        format!("{} req/s", short(r.report.throughput_rps))
    }),
    ("Latency mean (95 % CI)", |r| {
        let ci = &r.report.confidence.latency_mean;
        if ci.half_width.is_finite() {
            format!("{} ± {}", ms(r.report.latency_ms.mean), ms(ci.half_width))
        } else {
            ms(r.report.latency_ms.mean)
        }
    }),
    ("Latency p50", |r| ms(r.report.latency_ms.p50)),
    ("Latency p95", |r| ms(r.report.latency_ms.p95)),
    ("Latency p99", |r| ms(r.report.latency_ms.p99)),
    ("Latency p99.9", |r| ms(r.report.latency_ms.p999)),
    ("Waited for a connection", |r| pct(r.report.p_wait)),
    ("Connection wait mean / p99", |r| {
        format!(
            "{} / {}",
            ms(r.report.wait_ms.mean),
            ms(r.report.wait_ms.p99)
        )
    }),
    ("Failed", |r| failures(&r.report)),
    ("Mean busy connections", |r| {
        format!("{:.2}", r.report.mean_busy_connections)
    }),
    ("Mean hold time", |r| ms(r.report.mean_hold_ms)),
    ("Open connections (mean)", |r| {
        format!("{:.1}", r.report.mean_open_connections)
    }),
    ("Connections opened", |r| {
        r.report.connections_opened.to_string()
    }),
    ("Database memory (mean)", |r| {
        format!(
            "{:.0} MB",
            r.report.mean_open_connections * r.scenario.database.memory_per_connection_mb
        )
    }),
    ("Busy database cores", |r| match r.scenario.database.cores {
        Some(c) => format!("{:.2} of {c}", r.report.mean_db_busy_cores),
        None => format!("{:.2}", r.report.mean_db_busy_cores),
    }),
    ("Simulated", |r| {
        format!(
            "{} requests, {} s, {} events",
            r.report.requests_arrived,
            short(r.report.sim_time_ms / 1000.0),
            short(r.report.events as f64)
        )
    }),
];

/// Rows shown only when they can say something: label, when to show it (for the run or the
/// baseline), and how to read the value.
type OptionalRow = (&'static str, fn(&RunView) -> bool, fn(&RunView) -> String);

/// Whether callers give up on attempts in this run (or did so anyway).
fn timeouts_matter(r: &RunView) -> bool {
    r.scenario.faults.client_timeout_ms.is_some()
        || r.report.abandoned_attempts > 0
        || r.report.wasted_transactions > 0
}

const OPTIONAL_ROWS: [OptionalRow; 4] = [
    (
        "Retries",
        |r| r.scenario.faults.retry.is_some() || r.report.retries > 0,
        |r| r.report.retries.to_string(),
    ),
    ("Abandoned attempts", timeouts_matter, |r| {
        r.report.abandoned_attempts.to_string()
    }),
    ("Wasted transactions", timeouts_matter, |r| {
        let w = r.report.wasted_transactions;
        let all = w + r.report.requests_completed;
        if all == 0 {
            w.to_string()
        } else {
            format!("{w} ({})", pct(w as f64 / all as f64))
        }
    }),
    (
        "PgBouncer server login failures",
        |r| r.scenario.bouncer.is_some(),
        |r| r.report.server_login_failures.to_string(),
    ),
];

fn failures(r: &Report) -> String {
    if r.requests_failed == 0 {
        return "none".to_owned();
    }
    let f = &r.failures;
    let mut parts = Vec::new();
    for (n, what) in [
        (f.acquire_timeout, "acquire timeout"),
        (f.too_many_connections, "too many connections (53300)"),
        (f.queue_full, "queue full"),
        (f.query_wait_timeout, "PgBouncer query_wait_timeout"),
        (f.instance_restart, "instance restart"),
        (f.client_timeout, "client timeout"),
        (f.overload_guard, "refused by the overload guard"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    format!(
        "{} of {} ({})",
        r.requests_failed,
        r.requests_arrived,
        parts.join(", ")
    )
}

/// The overload guard's banner: when the run stopped admitting requests, and what that means.
fn guard_banner(g: &OverloadGuard) -> String {
    format!(
        "The simulation stopped admitting requests at t = {} s: more than {} requests were in the \
         system (the overload guard). Everything after that is refused while the system stays that \
         full ({} requests in all), so the numbers describe a system that cannot keep up, not a \
         steady state. Bound the queues (a queue limit, a shorter acquire timeout), add capacity, or \
         lower the traffic.",
        short(g.first_refusal_ms / 1000.0),
        g.limit,
        g.refused
    )
}

/// The Little's-law line: both sides and the relative error.
fn littles_law(r: &Report) -> String {
    format!(
        "Little's law: mean busy connections {:.3} vs throughput × mean hold {:.3} ({} req/s × {}) — off by {:.2} %",
        r.mean_busy_connections,
        r.throughput_rps * r.mean_hold_ms / 1000.0,
        short(r.throughput_rps),
        ms(r.mean_hold_ms),
        r.littles_law_error * 100.0
    )
}

/// The results card.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let r = &props.run;
    let (class, verdict) = if !r.finished {
        (
            "summary-empty",
            format!(
                "Running… {} of {} requests",
                r.snapshot.arrived, r.scenario.requests
            ),
        )
    } else if r.stopped {
        (
            "summary-warning",
            format!(
                "Stopped after {} of {} requests: these numbers cover the run so far.",
                r.snapshot.arrived, r.scenario.requests
            ),
        )
    } else if r.report.requests_failed > 0 {
        (
            "summary-error",
            format!(
                "{} requests failed: the pool or the database cannot keep up.",
                r.report.requests_failed
            ),
        )
    } else if r.report.p_wait > 0.5 && r.scenario.pool.mode == PoolMode::NoPool {
        (
            "summary-warning",
            "No failures, but every request waited for its own new connection to open.".to_owned(),
        )
    } else if r.report.p_wait > 0.5 {
        (
            "summary-warning",
            "No failures, but most requests waited for a connection.".to_owned(),
        )
    } else {
        ("summary-ok", "Every request completed.".to_owned())
    };
    let ok_law = r.report.littles_law_error < 0.01;
    html! {
        <div class={classes!("summary", "pool-results", class)} id="pool-results"
            data-finished={r.finished.to_string()} data-scenario={r.scenario.name.clone()}
            data-seed={r.scenario.seed.to_string()} data-requests={r.scenario.requests.to_string()} data-pool-size={r.scenario.pool.size.to_string()}>
            <p class="verdict" role="status" aria-live="polite">
                { if r.finished { verdict } else { "Running…".to_owned() } }
            </p>
            if let Some(g) = &r.report.overload_guard {
                <p class="banner pool-guard-banner" id="pool-guard-banner" role="alert">{ guard_banner(g) }</p>
            }
            if !r.finished {
                <p class="counts">{ verdict_progress(r) }</p>
            }
            <table class="pool-numbers">
                if props.baseline.is_some() {
                    <thead><tr><th scope="col">{ "" }</th><th scope="col">{ "this run" }</th><th scope="col">{ "baseline" }</th></tr></thead>
                }
                <tbody>
                    { for ROWS.iter().map(|(label, value)| html! {
                        <tr>
                            <th scope="row">{ *label }</th>
                            <td>{ value(r) }</td>
                            if let Some(b) = &props.baseline { <td>{ value(b) }</td> }
                        </tr>
                    }) }
                    { for OPTIONAL_ROWS.iter()
                        .filter(|(_, shown, _)| shown(r) || props.baseline.as_ref().is_some_and(shown))
                        .map(|(label, _, value)| html! {
                            <tr>
                                <th scope="row">{ *label }</th>
                                <td>{ value(r) }</td>
                                if let Some(b) = &props.baseline { <td>{ value(b) }</td> }
                            </tr>
                        }) }
                </tbody>
            </table>
            if timeouts_matter(r) || props.baseline.as_ref().is_some_and(timeouts_matter) {
                <p class="hint-text" id="pool-wasted-note">
                    { "Wasted: transactions the database ran to the end for callers who had already given up \
                       (their client timeout fired); the percentage is of all the transactions it ran. The work was \
                       paid for and thrown away, and the retries those callers sent meanwhile queue behind it: that \
                       is how a retry storm feeds itself." }
                </p>
            }
            <p class={classes!("littles-law", if ok_law { "ok" } else { "off" })} id="pool-littles-law">
                { littles_law(&r.report) }
            </p>
        </div>
    }
}

fn verdict_progress(r: &RunView) -> String {
    let mut text = format!(
        "{} of {} requests, {} s simulated",
        r.snapshot.arrived,
        r.scenario.requests,
        short(r.snapshot.time_ms / 1000.0)
    );
    // Attempts whose caller already left, still queued or running: the wasted work to come.
    if r.snapshot.orphans > 0 {
        text.push_str(&format!(
            "; {} abandoned attempts still in the app",
            r.snapshot.orphans
        ));
    }
    text
}
