//! The pool-sizing workshop page: guided stories, the scenario form grouped by tier, a live run in
//! slices with hand-drawn SVG charts and a results card, a pinned baseline for side-by-side
//! comparison, a sweep over pool sizes, share link and draft (the scenario and the sweep's
//! settings), and exports.

mod chart;
mod charts;
mod export;
mod fields;
mod inputs;
mod jobs;
mod page_state;
mod presets;
mod results;
mod slicer;
mod sweep_facts;
mod sweep_grid_view;
mod sweep_panel;
mod sweep_single;
mod tier_inputs;

use yew::prelude::*;

use crate::pool::{Preset, Scenario};
use crate::routes;
use crate::ui::components::share_button::ShareButton;
use crate::ui::{fragment, icons, persist};

use charts::RunCharts;
use inputs::Inputs;
use jobs::{RunJob, RunView};
use page_state::SweepSettings;
use presets::{story_scenario, PresetPanel};
use results::Results;
use slicer::Slicer;
use sweep_panel::SweepPanel;

/// localStorage key of the draft scenario.
const DRAFT_KEY: &str = "pgdojo.pool.draft";

/// The page's saved or shared state.
type State = (Scenario, SweepSettings);

/// A stored or shared state, if it reads and its scenario is valid.
fn checked(value: serde_json::Value) -> Result<State, String> {
    let (s, sweep) = page_state::from_value(value).map_err(|e| e.to_string())?;
    s.validate()?;
    Ok((s, sweep))
}

/// The initial state: a share link wins over the draft; a broken link is reported, not fatal.
fn initial_state() -> (State, Option<String>) {
    let draft = || {
        persist::load::<serde_json::Value>(DRAFT_KEY)
            .and_then(|v| checked(v).ok())
            .unwrap_or_default()
    };
    match fragment::read_state::<serde_json::Value>() {
        Some(Ok(v)) => match checked(v) {
            Ok(state) => (state, None),
            Err(e) => (
                draft(),
                Some(format!("Could not open the shared scenario: {e}.")),
            ),
        },
        Some(Err(error)) => (
            draft(),
            Some(format!("Could not open the shared scenario: {error}.")),
        ),
        None => (draft(), None),
    }
}

/// Saves the draft: the scenario and the sweep's settings.
fn save_draft(state: &State) {
    persist::save(DRAFT_KEY, &page_state::to_value(&state.0, &state.1));
}

/// The preset a scenario came from, recognised by its name.
fn preset_of(s: &Scenario) -> Option<&'static Preset> {
    presets::all()
        .iter()
        .find(|p| p.title == s.name && !s.name.is_empty())
}

/// The workshop page.
#[component]
pub fn PoolPage() -> Html {
    let initial = use_memo((), |_| initial_state());
    let scenario = use_state(|| initial.0 .0.clone());
    let sweep = use_state(|| initial.0 .1.clone());
    // The latest state, for the draft: the stable callbacks below cannot read the states' values.
    let latest = use_mut_ref(|| initial.0.clone());
    let link_error = use_state(|| initial.1.clone());
    let active = use_state(|| preset_of(&initial.0 .0));
    let run = use_state(|| None::<RunView>);
    let baseline = use_state(|| None::<RunView>);
    let run_error = use_state(|| None::<String>);
    let slicer = use_mut_ref(Slicer::<RunJob>::default);
    // Runs a comparison story's second configuration as the baseline.
    let baseline_slicer = use_mut_ref(Slicer::<RunJob>::default);
    {
        let baseline_slicer = baseline_slicer.clone();
        use_effect_with((), move |_| move || baseline_slicer.borrow().stop());
    }
    // Bumped by "Run again" to restart the same scenario.
    let restarts = use_state(|| 0u32);
    // Simulated seconds per wall second (0 = as fast as possible); a viewing choice, not shared.
    let pace = use_state(|| 0u32);

    // Every scenario change restarts the live run (slices keep the page responsive meanwhile).
    {
        let (slicer, run, run_error) = (slicer.clone(), run.clone(), run_error.clone());
        use_effect_with(
            ((*scenario).clone(), *restarts, *pace),
            move |(s, _, pace)| {
                let pace = (*pace > 0).then(|| f64::from(*pace));
                match RunJob::new(s.clone(), pace) {
                    Ok(job) => {
                        run_error.set(None);
                        // Until the new run's first view, the old charts stay but no longer count as
                        // finished (the export and pin buttons wait for the new run).
                        if let Some(mut stale) = (*run).clone() {
                            stale.finished = false;
                            stale.stopped = false;
                            run.set(Some(stale));
                        }
                        let run = run.clone();
                        slicer
                            .borrow()
                            .start(job, Callback::from(move |v| run.set(Some(v))));
                    }
                    Err(e) => {
                        slicer.borrow().stop();
                        run_error.set(Some(e));
                    }
                }
                let slicer = slicer.clone();
                move || slicer.borrow().stop()
            },
        );
    }

    // Stable callbacks: the form must not re-render on every live view, or it would reset what the
    // user is typing into a field (a number input commits only on Enter or blur).
    let update = {
        let (setter, latest) = (scenario.setter(), latest.clone());
        use_callback((), move |next: Scenario, _| {
            latest.borrow_mut().0 = next.clone();
            save_draft(&latest.borrow());
            fragment::clear();
            setter.set(next);
        })
    };
    let on_sweep = {
        let (setter, latest) = (sweep.setter(), latest.clone());
        use_callback((), move |next: SweepSettings, _| {
            latest.borrow_mut().1 = next.clone();
            save_draft(&latest.borrow());
            fragment::clear();
            setter.set(next);
        })
    };
    let on_preset = {
        let (update, active, baseline) = (update.clone(), active.setter(), baseline.setter());
        let (sweep, latest) = (sweep.setter(), latest.clone());
        let baseline_slicer = baseline_slicer.clone();
        use_callback((), move |p: &'static Preset, _| {
            active.set(Some(p));
            // A new story starts with the sweep settings derived from its scenario.
            latest.borrow_mut().1 = SweepSettings::default();
            sweep.set(SweepSettings::default());
            baseline_slicer.borrow().stop();
            baseline.set(None);
            let compare = p.compare.as_ref().map(|c| story_scenario(p, c));
            if let Some(Ok(job)) = compare.map(|c| RunJob::new(c, None)) {
                let baseline = baseline.clone();
                baseline_slicer.borrow().start(
                    job,
                    Callback::from(move |v: RunView| {
                        if v.finished {
                            baseline.set(Some(v));
                        }
                    }),
                );
            }
            update.emit(story_scenario(p, &p.scenario));
        })
    };
    let make_fragment = {
        let (scenario, sweep) = (scenario.clone(), sweep.clone());
        Callback::from(move |_: ()| crate::share::encode(&page_state::to_value(&scenario, &sweep)))
    };
    let running = run.as_ref().is_some_and(|r| !r.finished);
    let on_run = {
        let (slicer, restarts, run) = (slicer.clone(), restarts.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            if running {
                slicer.borrow().stop();
                // Mark the partial run as stopped so the button offers to run again.
                if let Some(mut v) = (*run).clone() {
                    v.finished = true;
                    v.stopped = true;
                    run.set(Some(v));
                }
            } else {
                restarts.set(*restarts + 1);
            }
        })
    };
    let on_pin = {
        let (run, baseline) = (run.clone(), baseline.clone());
        let baseline_slicer = baseline_slicer.clone();
        Callback::from(move |_: MouseEvent| {
            baseline_slicer.borrow().stop();
            if baseline.is_some() {
                baseline.set(None);
            } else {
                baseline.set((*run).clone());
            }
        })
    };
    let on_export = |json: bool| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &*run {
                if json {
                    export::download("pool-run.json", "application/json", &export::json(r));
                } else {
                    export::download("pool-run.csv", "text/csv", &export::csv(r));
                }
            }
        })
    };
    let done = run.as_ref().is_some_and(|r| r.finished);
    let on_pace = {
        let pace = pace.setter();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                pace.set(select.value().parse().unwrap_or(0));
            }
        })
    };

    html! {
        <section class="tool-page pool-page">
            <h1 class="tool-title">{ icons::pool() }{ routes::POOL.title }</h1>
            <p class="lede">
                { "Simulate app pools in front of a PostgreSQL server and watch where the time goes: \
                   waiting for a connection, opening one, or queueing for the database's cores." }
            </p>
            if let Some(message) = (*link_error).clone() {
                <p class="banner banner-error" role="alert">{ message }</p>
            }
            <PresetPanel active={*active} scenario={(*scenario).clone()} on_preset={on_preset}
                on_change={update.clone()} />
            <div class="split pool-split">
                <div class="split-input">
                    <Inputs scenario={(*scenario).clone()} on_change={update.clone()} />
                </div>
                <div class="split-output">
                    <div class="toolbar" role="group" aria-label="Run">
                        <button type="button" class="button" id="pool-run" onclick={on_run}>
                            { if running { "Stop" } else { "Run again" } }
                        </button>
                        <button type="button" class="button secondary" id="pool-pin" onclick={on_pin}
                            disabled={baseline.is_none() && !done} aria-pressed={baseline.is_some().to_string()}>
                            { if baseline.is_some() { "Clear baseline" } else { "Pin as baseline" } }
                        </button>
                        <button type="button" class="button secondary" id="pool-export-csv"
                            onclick={on_export(false)} disabled={!done}>{ "Export CSV" }</button>
                        <button type="button" class="button secondary" id="pool-export-json"
                            onclick={on_export(true)} disabled={!done}>{ "Export JSON" }</button>
                        <ShareButton {make_fragment} />
                        <label class="field">
                            <span>{ "Speed" }</span>
                            <select id="pool-pace" onchange={on_pace}>
                                { for [(0u32, "as fast as possible"), (1, "real time"), (10, "10× real time"), (100, "100× real time")]
                                    .iter().map(|(v, l)| html! {
                                        <option value={v.to_string()} selected={*v == *pace}>{ *l }</option>
                                    }) }
                            </select>
                        </label>
                    </div>
                    if let Some(e) = (*run_error).clone() {
                        <p class="banner banner-error" role="alert" id="pool-error">{ e }</p>
                    }
                    if let Some(r) = (*run).clone() {
                        <Results run={r.clone()} baseline={(*baseline).clone()} />
                        <RunCharts run={r.clone()} baseline={(*baseline).clone()} />
                        <p class="hint-text" id="pool-stats" data-longest-slice={format!("{:.1}", r.stats.longest_slice_ms)}
                            data-events-per-ms={format!("{:.0}", r.stats.events as f64 / r.stats.busy_ms.max(1e-9))}>
                            { stats_line(&r) }
                        </p>
                    }
                    <SweepPanel scenario={(*scenario).clone()} settings={(*sweep).clone()} on_settings={on_sweep} />
                </div>
            </div>
        </section>
    }
}

/// How fast the run went in this browser, and how long the longest slice took.
fn stats_line(r: &RunView) -> String {
    let s = r.stats;
    let per_s = |ms: f64| {
        if ms > 0.0 {
            s.events as f64 / ms / 1000.0
        } else {
            0.0
        }
    };
    format!(
        "{} events in {:.0} ms of wall time: {:.1} M events/s in the simulation's slices, {:.1} M events/s \
         with the page's rendering; {} slices, the longest {:.1} ms.",
        s.events,
        s.wall_ms,
        per_s(s.busy_ms),
        per_s(s.wall_ms),
        s.slices,
        s.longest_slice_ms
    )
}
