//! The sweep: the scenario at every pool size of a range, run in slices, with p99 latency and
//! throughput against pool size, the knee marked and HikariCP's starting formula beside it.

use std::rc::Rc;

use yew::prelude::*;

use crate::pool::sweep::MAX_SWEEP_RUNS;
use crate::pool::Scenario;

use super::chart::{Line, LineChart, Marker};
use super::jobs::{SweepJob, SweepView};
use super::slicer::Slicer;

/// Props of [`SweepPanel`].
#[derive(Properties, PartialEq)]
pub struct SweepPanelProps {
    pub scenario: Scenario,
}

fn range_default(s: &Scenario) -> (u32, u32) {
    let hint = s
        .database
        .cores
        .map_or(s.pool.size, |c| c.saturating_mul(2));
    let to = hint.max(s.pool.size).saturating_mul(2).clamp(8, 64);
    (1, to)
}

/// The sweep panel.
#[component]
pub fn SweepPanel(props: &SweepPanelProps) -> Html {
    let slicer = use_mut_ref(Slicer::<SweepJob>::default);
    let view = use_state(|| None::<Result<SweepView, String>>);
    let range = use_state(|| range_default(&props.scenario));
    // A new scenario makes the old sweep stale: stop it and forget its results.
    {
        let (slicer, view, range) = (slicer.clone(), view.clone(), range.clone());
        use_effect_with(props.scenario.clone(), move |s| {
            slicer.borrow().stop();
            view.set(None);
            range.set(range_default(s));
        });
    }
    let on_run = {
        let (slicer, view, range) = (slicer.clone(), view.clone(), range.clone());
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let (from, to) = *range;
            match SweepJob::new(&scenario, from, to) {
                Ok(job) => {
                    let view = view.clone();
                    slicer
                        .borrow()
                        .start(job, Callback::from(move |v| view.set(Some(v))));
                }
                Err(e) => view.set(Some(Err(e))),
            }
        })
    };
    let on_bound = |upper: bool| {
        let range = range.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(v) = input.value().trim().parse::<u32>() {
                    let (mut a, mut b) = *range;
                    if upper {
                        b = v;
                    } else {
                        a = v;
                    }
                    let a = a.max(1);
                    let b = b.clamp(a, a + MAX_SWEEP_RUNS - 1);
                    range.set((a, b));
                }
            }
        })
    };
    let (from, to) = *range;
    html! {
        <section class="pool-sweep" aria-labelledby="pool-sweep-title">
            <h2 class="section-title" id="pool-sweep-title">{ "Sweep the pool size" }</h2>
            <p class="hint-text">{ "Runs this scenario once per pool size, with the same seed (the same traffic), and marks the knee: the smallest pool whose p99 is within 5 % of the best." }</p>
            <div class="toolbar">
                <label class="field"><span>{ "From" }</span>
                    <input type="number" id="pool-sweep-from" min="1" value={from.to_string()} onchange={on_bound(false)} /></label>
                <label class="field"><span>{ "To" }</span>
                    <input type="number" id="pool-sweep-to" min="1" value={to.to_string()} onchange={on_bound(true)} /></label>
                <button type="button" class="button" id="pool-sweep-run" onclick={on_run}>{ "Run sweep" }</button>
            </div>
            { match &*view {
                None => html! {},
                Some(Err(e)) => html! { <p class="banner banner-error" role="alert">{ e.clone() }</p> },
                Some(Ok(v)) => sweep_view(v, &props.scenario),
            } }
        </section>
    }
}

fn sweep_view(v: &SweepView, scenario: &Scenario) -> Html {
    let s: &Rc<_> = &v.sweep;
    let keeps = |r: &crate::pool::SweepRun| {
        r.report.requests_completed as f64 >= 0.95 * r.report.requests_arrived as f64
    };
    let p99 = Line {
        label: "p99 latency (ms)".to_owned(),
        class: "line-1",
        points: s
            .runs
            .iter()
            .filter(|r| keeps(r))
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
    let hikari = s.hikari_formula;
    let status = if v.finished {
        format!("{} pool sizes simulated.", s.runs.len())
    } else {
        format!("Running… {} of {} pool sizes", s.runs.len(), v.total)
    };
    let dropped = s.runs.iter().filter(|r| !keeps(r)).count();
    html! {
        <div class="pool-sweep-results" id="pool-sweep-results" data-finished={v.finished.to_string()}>
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
                <li id="pool-sweep-hikari">{ match (hikari, scenario.database.cores) {
                    (Some(h), Some(c)) => format!("HikariCP's starting formula: cores × 2 + effective spindles = {c} × 2 + 1 = {h}"),
                    _ => "HikariCP's starting formula (cores × 2 + effective spindles) needs the database's cores: set them to compare.".to_owned(),
                } }</li>
                if dropped > 0 {
                    <li>{ format!("{dropped} pool sizes completed under 95 % of their requests and are left out of the p99 line.") }</li>
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
                            { for s.runs.iter().map(|r| html! {
                                <tr class={classes!((Some(r.pool_size) == s.knee).then_some("knee"))}>
                                    <td>{ r.pool_size }</td>
                                    <td>{ format!("{:.1} ms", r.report.latency_ms.p99) }</td>
                                    <td>{ format!("{:.0} req/s", r.report.throughput_rps) }</td>
                                    <td>{ format!("{:.1} %", r.report.p_wait * 100.0) }</td>
                                    <td>{ r.report.requests_failed }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}
