//! The scenario form, grouped by tier: traffic, work, app tier and pool, database, the run, and the
//! optional PgBouncer, retries and faults groups (`tier_inputs`). The run group also holds the
//! simulator's overload guard (`max_in_system`).

use yew::prelude::*;

use crate::pool::{ClosedLoop, Dist, Pattern, PoolMode, Scenario};

use super::fields::Form;
use super::tier_inputs::{bouncer_group, fault_group, retry_group};

/// Props of [`Inputs`].
#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub scenario: Scenario,
    pub on_change: Callback<Scenario>,
}

fn pattern_kind(p: &Pattern) -> &'static str {
    match p {
        Pattern::Poisson => "poisson",
        Pattern::Mmpp { .. } => "mmpp",
        Pattern::Ramp { .. } => "ramp",
        Pattern::Diurnal { .. } => "diurnal",
    }
}

fn set_pattern(s: &mut Scenario, kind: &str) {
    let base = s.traffic.arrival_rate;
    s.traffic.pattern = match kind {
        "mmpp" => Pattern::Mmpp {
            burst_rate: base * 4.0,
            mean_calm_ms: 30_000.0,
            mean_burst_ms: 2_000.0,
        },
        "ramp" => Pattern::Ramp {
            to_rate: base * 3.0,
            over_ms: 60_000.0,
        },
        "diurnal" => Pattern::Diurnal {
            amplitude: 0.5,
            period_ms: 120_000.0,
        },
        _ => Pattern::Poisson,
    };
}

fn pattern_fields(form: &Form) -> Html {
    match form.scenario.traffic.pattern {
        Pattern::Poisson => html! {},
        Pattern::Mmpp {
            burst_rate,
            mean_calm_ms,
            mean_burst_ms,
        } => html! { <>
            { form.num("pool-burst-rate", "Burst rate", "req/s", burst_rate, "any", |s, v| {
                if let Pattern::Mmpp { burst_rate, .. } = &mut s.traffic.pattern { *burst_rate = v }
            }) }
            { form.num("pool-calm-ms", "Calm lasts", "ms, mean", mean_calm_ms, "any", |s, v| {
                if let Pattern::Mmpp { mean_calm_ms, .. } = &mut s.traffic.pattern { *mean_calm_ms = v }
            }) }
            { form.num("pool-burst-ms", "Burst lasts", "ms, mean", mean_burst_ms, "any", |s, v| {
                if let Pattern::Mmpp { mean_burst_ms, .. } = &mut s.traffic.pattern { *mean_burst_ms = v }
            }) }
        </> },
        Pattern::Ramp { to_rate, over_ms } => html! { <>
            { form.num("pool-ramp-to", "Ramp to", "req/s", to_rate, "any", |s, v| {
                if let Pattern::Ramp { to_rate, .. } = &mut s.traffic.pattern { *to_rate = v }
            }) }
            { form.num("pool-ramp-over", "Over", "ms", over_ms, "any", |s, v| {
                if let Pattern::Ramp { over_ms, .. } = &mut s.traffic.pattern { *over_ms = v }
            }) }
        </> },
        Pattern::Diurnal {
            amplitude,
            period_ms,
        } => html! { <>
            { form.num("pool-amplitude", "Amplitude", "0 to 1", amplitude, "0.05", |s, v| {
                if let Pattern::Diurnal { amplitude, .. } = &mut s.traffic.pattern { *amplitude = v }
            }) }
            { form.num("pool-period", "Period", "ms", period_ms, "any", |s, v| {
                if let Pattern::Diurnal { period_ms, .. } = &mut s.traffic.pattern { *period_ms = v }
            }) }
        </> },
    }
}

/// Top of the arrival-rate slider unless the rate is already higher (req/s).
const RATE_SLIDER_MAX: f64 = 5000.0;

/// Clamps a float from an input into a `u32` field (validation reports out-of-range values).
fn to_u32(v: f64) -> u32 {
    v.round().clamp(0.0, u32::MAX as f64) as u32
}

/// The grouped scenario form.
#[component]
pub fn Inputs(props: &InputsProps) -> Html {
    let form = Form {
        scenario: props.scenario.clone(),
        on_change: props.on_change.clone(),
    };
    let s = &props.scenario;
    let closed = s.traffic.closed_loop.clone();
    let on_closed = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let mut next = form.scenario.clone();
                next.traffic.closed_loop = input.checked().then(ClosedLoop::default);
                form.on_change.emit(next);
            }
        })
    };
    let on_size_slider = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(v) = input.value().parse::<u32>() {
                    let mut next = form.scenario.clone();
                    next.pool.size = v;
                    form.on_change.emit(next);
                }
            }
        })
    };
    let on_rate_slider = {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Ok(v) = input.value().parse::<f64>() {
                    let mut next = form.scenario.clone();
                    next.traffic.arrival_rate = v;
                    form.on_change.emit(next);
                }
            }
        })
    };
    let rate_max = s.traffic.arrival_rate.max(RATE_SLIDER_MAX);
    let pooled = s.pool.mode == PoolMode::Pooled;
    html! {
        <div class="pool-inputs">
            <fieldset class="pool-tier">
                <legend>{ "Traffic" }</legend>
                { form.num("pool-rate", "Arrival rate", "req/s, all instances", s.traffic.arrival_rate, "any",
                    |s, v| s.traffic.arrival_rate = v) }
                <label class="field pool-field pool-slider">
                    <span>{ "Arrival rate slider" }</span>
                    <input type="range" id="pool-rate-slider" min="1" max={rate_max.to_string()} step="1"
                        value={s.traffic.arrival_rate.round().to_string()} oninput={on_rate_slider}
                        aria-valuetext={format!("{} requests per second", s.traffic.arrival_rate)} />
                </label>
                { form.select("pool-pattern", "Pattern", pattern_kind(&s.traffic.pattern),
                    &[("poisson", "steady (Poisson)"), ("mmpp", "bursts"), ("ramp", "ramp"), ("diurnal", "daily wave")],
                    set_pattern) }
                { pattern_fields(&form) }
                <label class="field checkbox pool-field">
                    <input type="checkbox" id="pool-closed" checked={closed.is_some()} onchange={on_closed} />
                    <span>{ "Closed loop: users wait for the answer, then think" }</span>
                </label>
                if let Some(c) = closed {
                    { form.num("pool-users", "Users", "", f64::from(c.users), "1", |s, v| {
                        if let Some(c) = &mut s.traffic.closed_loop { c.users = to_u32(v) }
                    }) }
                    { form.num("pool-think", "Think time", "ms, mean", c.think.mean(), "any", |s, v| {
                        if let Some(c) = &mut s.traffic.closed_loop { c.think = Dist::Exp { mean_ms: v } }
                    }) }
                }
            </fieldset>
            <fieldset class="pool-tier">
                <legend>{ "Work inside the transaction" }</legend>
                { form.dist("pool-db", "Database CPU per transaction", |s| &s.work.db, |s, d| s.work.db = d) }
                { form.dist("pool-app", "App time holding the connection", |s| &s.work.app, |s, d| s.work.app = d) }
                { form.num("pool-round-trips", "Round trips", "per transaction", f64::from(s.work.round_trips), "1",
                    |s, v| s.work.round_trips = to_u32(v)) }
                { form.num("pool-rtt", "Network round trip", "ms", s.work.rtt_ms, "any", |s, v| s.work.rtt_ms = v) }
            </fieldset>
            <fieldset class="pool-tier">
                <legend>{ "App tier and pool" }</legend>
                { form.select("pool-mode", "Connections", if pooled { "pooled" } else { "no_pool" },
                    &[("pooled", "a pool per instance"), ("no_pool", "a new connection per request")],
                    |s, v| s.pool.mode = if v == "no_pool" { PoolMode::NoPool } else { PoolMode::Pooled }) }
                { form.num("pool-instances", "Instances", "", f64::from(s.pool.instances), "1",
                    |s, v| s.pool.instances = to_u32(v)) }
                { form.num("pool-size", "Pool size", "per instance", f64::from(s.pool.size), "1",
                    |s, v| s.pool.size = to_u32(v)) }
                <label class="field pool-field pool-slider">
                    <span>{ "Pool size slider" }</span>
                    <input type="range" id="pool-size-slider" min="1" max="128" step="1"
                        value={s.pool.size.min(128).to_string()} oninput={on_size_slider}
                        aria-valuetext={format!("{} connections", s.pool.size)} />
                </label>
                { form.opt_num("pool-queue-limit", "Queue limit", "waiters per pool; blank = unbounded",
                    s.pool.queue_limit.map(f64::from), |s, v| s.pool.queue_limit = v.map(to_u32)) }
                { form.num("pool-timeout", "Acquire timeout", "ms", s.pool.acquire_timeout_ms, "any",
                    |s, v| s.pool.acquire_timeout_ms = v) }
                { form.num("pool-setup-rt", "Connect round trips", "TCP, TLS, auth", f64::from(s.pool.setup.round_trips), "1",
                    |s, v| s.pool.setup.round_trips = to_u32(v)) }
                { form.num("pool-setup-cpu", "Connect CPU", "ms on the database", s.pool.setup.auth_cpu_ms, "any",
                    |s, v| s.pool.setup.auth_cpu_ms = v) }
            </fieldset>
            <fieldset class="pool-tier">
                <legend>{ "Database" }</legend>
                { form.opt_num("pool-cores", "Cores", "blank = unlimited", s.database.cores.map(f64::from),
                    |s, v| s.database.cores = v.map(to_u32)) }
                { form.num("pool-sigma", "Contention σ", "USL", s.database.usl_sigma, "0.005", |s, v| s.database.usl_sigma = v) }
                { form.num("pool-kappa", "Coherency κ", "USL", s.database.usl_kappa, "0.0001", |s, v| s.database.usl_kappa = v) }
                { form.num("pool-max-conn", "max_connections", "", f64::from(s.database.max_connections), "1",
                    |s, v| s.database.max_connections = to_u32(v)) }
                { form.num("pool-reserved", "Reserved", "superuser slots", f64::from(s.database.reserved_connections), "1",
                    |s, v| s.database.reserved_connections = to_u32(v)) }
                { form.num("pool-mem", "Memory", "MB per connection", s.database.memory_per_connection_mb, "any",
                    |s, v| s.database.memory_per_connection_mb = v) }
            </fieldset>
            { bouncer_group(&form) }
            { retry_group(&form) }
            { fault_group(&form) }
            <fieldset class="pool-tier">
                <legend>{ "Run" }</legend>
                { form.num("pool-seed", "Seed", "same seed, same run", s.seed as f64, "1",
                    |s, v| s.seed = v.round().clamp(0.0, 9.0e15) as u64) }
                { form.num("pool-requests", "Requests", "the run ends after", s.requests as f64, "1000",
                    |s, v| s.requests = v.round().clamp(0.0, 1.0e12) as u64) }
                { form.num("pool-warmup", "Warm-up", "requests left out", s.warmup_requests as f64, "100",
                    |s, v| s.warmup_requests = v.round().clamp(0.0, 1.0e12) as u64) }
                { form.num("pool-guard", "Overload guard", "most requests in the system; more are refused",
                    s.max_in_system as f64, "1000", |s, v| s.max_in_system = v.round().clamp(0.0, 1.0e12) as u64) }
            </fieldset>
        </div>
    }
}
