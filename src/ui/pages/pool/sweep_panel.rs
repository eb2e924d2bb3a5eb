//! The sweep: the scenario at every pool size of a range, and optionally at several instance
//! counts, run in slices. One instance count shows p99 and throughput against pool size with the
//! knee marked (`sweep_single.rs`); several show one curve per instance count and the combinations
//! that ask for more connections than `max_connections` admits (`sweep_grid_view.rs`). The range
//! and instance list are the page's (`page_state::SweepSettings`: in the share link and the draft);
//! until the user sets them they follow the scenario.

use yew::prelude::*;

use crate::pool::grid::parse_instances;
use crate::pool::sweep::MAX_SWEEP_RUNS;
use crate::pool::Scenario;

use super::export::download;
use super::jobs::{SweepJob, SweepView};
use super::page_state::SweepSettings;
use super::slicer::Slicer;
use super::sweep_grid_view::grid_view;
use super::sweep_single::single_view;

/// Props of [`SweepPanel`].
#[derive(Properties, PartialEq)]
pub struct SweepPanelProps {
    pub scenario: Scenario,
    /// The settings the user chose (blank ones follow the scenario).
    pub settings: SweepSettings,
    pub on_settings: Callback<SweepSettings>,
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
    let range = props
        .settings
        .pools
        .unwrap_or_else(|| range_default(&props.scenario));
    let instances = props
        .settings
        .instances
        .clone()
        .unwrap_or_else(|| props.scenario.pool.instances.to_string());
    // A new scenario makes the old sweep stale: stop it and forget its results.
    {
        let (slicer, view) = (slicer.clone(), view.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            slicer.borrow().stop();
            view.set(None);
        });
    }
    let on_run = {
        let (slicer, view) = (slicer.clone(), view.clone());
        let (scenario, instances) = (props.scenario.clone(), instances.clone());
        Callback::from(move |_: MouseEvent| {
            let job =
                parse_instances(&instances).and_then(|list| SweepJob::new(&scenario, range, list));
            match job {
                Ok(job) => {
                    let view = view.clone();
                    slicer
                        .borrow()
                        .start(job, Callback::from(move |v| view.set(Some(v))));
                }
                Err(e) => {
                    slicer.borrow().stop();
                    view.set(Some(Err(e)));
                }
            }
        })
    };
    let on_bound = |upper: bool| {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(v) = input.value().trim().parse::<u32>() {
                    let (mut a, mut b) = range;
                    if upper {
                        b = v;
                    } else {
                        a = v;
                    }
                    let a = a.clamp(1, u32::MAX - MAX_SWEEP_RUNS);
                    let b = b.clamp(a, a + MAX_SWEEP_RUNS - 1);
                    on_settings.emit(SweepSettings {
                        pools: Some((a, b)),
                        ..settings.clone()
                    });
                }
            }
        })
    };
    let on_instances = {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_settings.emit(SweepSettings {
                    instances: Some(input.value()),
                    ..settings.clone()
                });
            }
        })
    };
    let on_export = |json: bool| {
        let (view, scenario) = (view.clone(), props.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(v)) = &*view {
                if json {
                    download(
                        "pool-sweep.json",
                        "application/json",
                        &v.grid.json(&scenario),
                    );
                } else {
                    download("pool-sweep.csv", "text/csv", &v.grid.csv());
                }
            }
        })
    };
    let (from, to) = range;
    let finished = matches!(&*view, Some(Ok(v)) if v.finished);
    html! {
        <section class="pool-sweep" aria-labelledby="pool-sweep-title">
            <h2 class="section-title" id="pool-sweep-title">{ "Sweep the pool size" }</h2>
            <p class="hint-text">{ "Runs this scenario once per pool size, with the same seed (the same traffic), and marks the knee: the smallest pool whose p99 is within 5 % of the best. Give several instance counts (like 1..8 or 5, 10, 20) to sweep each of them: the same total traffic, spread over more pools." }</p>
            <div class="toolbar">
                <label class="field"><span>{ "From" }</span>
                    <input type="number" id="pool-sweep-from" min="1" value={from.to_string()} onchange={on_bound(false)} /></label>
                <label class="field"><span>{ "To" }</span>
                    <input type="number" id="pool-sweep-to" min="1" value={to.to_string()} onchange={on_bound(true)} /></label>
                <label class="field pool-sweep-instances"><span>{ "Instances" }</span>
                    <input type="text" id="pool-sweep-instances" inputmode="numeric" spellcheck="false"
                        aria-describedby="pool-sweep-instances-hint"
                        value={instances.clone()} onchange={on_instances} /></label>
                <button type="button" class="button" id="pool-sweep-run" onclick={on_run}>{ "Run sweep" }</button>
                <button type="button" class="button secondary" id="pool-sweep-export-csv"
                    onclick={on_export(false)} disabled={!finished}>{ "Sweep CSV" }</button>
                <button type="button" class="button secondary" id="pool-sweep-export-json"
                    onclick={on_export(true)} disabled={!finished}>{ "Sweep JSON" }</button>
            </div>
            <p class="hint-text" id="pool-sweep-instances-hint">{ "Instances: one count, a range like 1..8, or a list like 5, 10, 20 (at most 16 counts and 512 runs)." }</p>
            { match &*view {
                None => html! {},
                Some(Err(e)) => html! { <p class="banner banner-error" role="alert" id="pool-sweep-error">{ e.clone() }</p> },
                Some(Ok(v)) if v.instances.len() == 1 => single_view(v, &props.scenario),
                Some(Ok(v)) => grid_view(v, &props.scenario),
            } }
        </section>
    }
}
