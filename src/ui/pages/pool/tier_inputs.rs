//! The form's optional tiers, each a collapsed `<details>` group so the form stays calm until a
//! story or the user needs them (and stays open once opened): PgBouncer (with its own server login cost and retry), client
//! retries, and faults (callers that time out, a database slowdown, leaks, nested acquisition, a
//! restart storm). A group opens by itself when its part of the scenario is switched on.

use yew::prelude::*;

use crate::pool::{Bouncer, BouncerMode, Retry, Scenario, Setup, Slowdown};

use super::fields::Form;

/// Clamps a float from an input into a `u32` field (validation reports out-of-range values).
fn to_u32(v: f64) -> u32 {
    v.round().clamp(0.0, u32::MAX as f64) as u32
}

fn bouncer_mode(s: &Scenario) -> &'static str {
    match s.bouncer.as_ref().map(|b| b.mode) {
        None => "off",
        Some(BouncerMode::Session) => "session",
        Some(BouncerMode::Transaction) => "transaction",
    }
}

fn set_bouncer_mode(s: &mut Scenario, v: &str) {
    let mode = match v {
        "session" => BouncerMode::Session,
        "transaction" => BouncerMode::Transaction,
        _ => {
            s.bouncer = None;
            return;
        }
    };
    s.bouncer.get_or_insert_with(Bouncer::default).mode = mode;
}

/// Edits the bouncer's settings if it is on (the fields only show then).
fn with_bouncer(s: &mut Scenario, f: impl FnOnce(&mut Bouncer)) {
    if let Some(b) = &mut s.bouncer {
        f(b);
    }
}

/// Gives PgBouncer its own server login cost ("own", starting from the apps' current one) or makes
/// it use the apps' ("same").
fn set_server_setup(s: &mut Scenario, v: &str) {
    let apps = s.pool.setup.clone();
    with_bouncer(s, |b| {
        b.server_setup = (v == "own").then(|| b.server_setup.clone().unwrap_or(apps));
    });
}

/// Edits PgBouncer's own server login cost if it has one (the fields only show then).
fn with_server_setup(s: &mut Scenario, f: impl FnOnce(&mut Setup)) {
    if let Some(x) = s.bouncer.as_mut().and_then(|b| b.server_setup.as_mut()) {
        f(x);
    }
}

/// Edits the database slowdown if there is one (the fields only show then).
fn with_slowdown(s: &mut Scenario, f: impl FnOnce(&mut Slowdown)) {
    if let Some(w) = &mut s.faults.slowdown {
        f(w);
    }
}

/// Edits the retry policy if retries are on (the fields only show then).
fn with_retry(s: &mut Scenario, f: impl FnOnce(&mut Retry)) {
    if let Some(r) = &mut s.faults.retry {
        f(r);
    }
}

/// Props of [`TierGroup`].
#[derive(Properties, PartialEq)]
struct TierGroupProps {
    id: AttrValue,
    title: AttrValue,
    /// The group's part of the scenario is switched on: the group opens by itself.
    on: bool,
    children: Html,
}

/// A collapsed group that opens when its part of the scenario is on, and stays open once opened
/// (by the user or a story): switching the last setting off must not fold it away mid-edit.
#[component]
fn TierGroup(props: &TierGroupProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                opened.set(details.has_attribute("open"));
            }
        })
    };
    html! {
        <details class="pool-tier pool-more" id={props.id.clone()} open={props.on || *opened} {ontoggle}>
            <summary>{ props.title.clone() }</summary>
            { props.children.clone() }
        </details>
    }
}

/// The PgBouncer group.
pub fn bouncer_group(form: &Form) -> Html {
    let s = &form.scenario;
    html! {
        <TierGroup id="pool-bouncer-group" title="PgBouncer" on={s.bouncer.is_some()}>
            { form.select("pool-bouncer-mode", "PgBouncer", bouncer_mode(s),
                &[("off", "none: apps connect directly"), ("transaction", "transaction mode"), ("session", "session mode")],
                set_bouncer_mode) }
            if let Some(b) = &s.bouncer {
                { form.num("pool-bouncer-size", "Pool size", "server connections", f64::from(b.pool_size), "1",
                    |s, v| with_bouncer(s, |b| b.pool_size = to_u32(v))) }
                { form.num("pool-bouncer-reserve", "Reserve pool", "extra server connections", f64::from(b.reserve_pool_size), "1",
                    |s, v| with_bouncer(s, |b| b.reserve_pool_size = to_u32(v))) }
                { form.num("pool-bouncer-reserve-timeout", "Reserve after", "ms of waiting", b.reserve_pool_timeout_ms, "any",
                    |s, v| with_bouncer(s, |b| b.reserve_pool_timeout_ms = v)) }
                { form.num("pool-bouncer-max-clients", "Max client connections", "", f64::from(b.max_client_conn), "1",
                    |s, v| with_bouncer(s, |b| b.max_client_conn = to_u32(v))) }
                { form.num("pool-bouncer-wait", "Query wait timeout", "ms", b.query_wait_timeout_ms, "any",
                    |s, v| with_bouncer(s, |b| b.query_wait_timeout_ms = v)) }
                { form.select("pool-bouncer-setup", "Server login cost", if b.server_setup.is_some() { "own" } else { "same" },
                    &[("same", "same as the apps' connections"), ("own", "its own cost")],
                    set_server_setup) }
                if let Some(setup) = &b.server_setup {
                    { form.num("pool-bouncer-setup-rt", "Server login round trips", "TCP, TLS, auth", f64::from(setup.round_trips), "1",
                        |s, v| with_server_setup(s, |x| x.round_trips = to_u32(v))) }
                    { form.num("pool-bouncer-setup-cpu", "Server login CPU", "ms on the database", setup.auth_cpu_ms, "any",
                        |s, v| with_server_setup(s, |x| x.auth_cpu_ms = v)) }
                }
                { form.num("pool-bouncer-login-retry", "Server login retry", "ms to wait after a refused login", b.server_login_retry_ms, "any",
                    |s, v| with_bouncer(s, |b| b.server_login_retry_ms = v)) }
            }
        </TierGroup>
    }
}

/// The client retries group.
pub fn retry_group(form: &Form) -> Html {
    let s = &form.scenario;
    html! {
        <TierGroup id="pool-retry-group" title="Retries" on={s.faults.retry.is_some()}>
            { form.select("pool-retry", "Failed requests", if s.faults.retry.is_some() { "on" } else { "off" },
                &[("off", "fail (no retries)"), ("on", "are retried with backoff")],
                |s, v| s.faults.retry = (v == "on").then(|| s.faults.retry.clone().unwrap_or_default())) }
            if let Some(r) = &s.faults.retry {
                { form.num("pool-retry-attempts", "Attempts", "in all, the first included", f64::from(r.max_attempts), "1",
                    |s, v| with_retry(s, |r| r.max_attempts = to_u32(v))) }
                { form.num("pool-retry-base", "Backoff base", "ms", r.base_ms, "any",
                    |s, v| with_retry(s, |r| r.base_ms = v)) }
                { form.num("pool-retry-cap", "Backoff cap", "ms", r.cap_ms, "any",
                    |s, v| with_retry(s, |r| r.cap_ms = v)) }
                { form.select("pool-retry-jitter", "Jitter", if r.jitter { "full" } else { "none" },
                    &[("full", "full jitter"), ("none", "none: retries in step")],
                    |s, v| with_retry(s, |r| r.jitter = v == "full")) }
                { form.opt_num("pool-retry-budget", "Retry budget", "tokens per request, e.g. 0.1; blank = none",
                    r.budget_ratio, |s, v| with_retry(s, |r| r.budget_ratio = v)) }
                { form.num("pool-retry-budget-cap", "Budget cap", "tokens", r.budget_cap, "any",
                    |s, v| with_retry(s, |r| r.budget_cap = v)) }
            }
        </TierGroup>
    }
}

/// The faults group.
pub fn fault_group(form: &Form) -> Html {
    let f = &form.scenario.faults;
    let on = f.leak_probability > 0.0
        || f.nested_probability > 0.0
        || f.restart_at_ms.is_some()
        || f.client_timeout_ms.is_some()
        || f.slowdown.is_some();
    html! {
        <TierGroup id="pool-fault-group" title="Faults" {on}>
            { form.opt_num_blank("pool-client-timeout", "Client timeout",
                "ms; the caller gives up (and retries) while the app keeps working; blank = callers wait",
                f.client_timeout_ms, "callers wait", |s, v| s.faults.client_timeout_ms = v) }
            { form.select("pool-slowdown", "Database slowdown", if f.slowdown.is_some() { "on" } else { "off" },
                &[("off", "none"), ("on", "slower for a while (a stall)")],
                |s, v| s.faults.slowdown = (v == "on").then(|| s.faults.slowdown.clone().unwrap_or_default())) }
            if let Some(w) = &f.slowdown {
                { form.num("pool-slowdown-at", "Slowdown starts at", "ms", w.at_ms, "any",
                    |s, v| with_slowdown(s, |w| w.at_ms = v)) }
                { form.num("pool-slowdown-for", "Slowdown lasts", "ms", w.duration_ms, "any",
                    |s, v| with_slowdown(s, |w| w.duration_ms = v)) }
                { form.num("pool-slowdown-factor", "Slowdown factor", "times slower, 1 or more", w.factor, "any",
                    |s, v| with_slowdown(s, |w| w.factor = v)) }
            }
            { form.num("pool-leak", "Leak probability", "per request, 0 to 1", f.leak_probability, "0.001",
                |s, v| s.faults.leak_probability = v) }
            { form.num("pool-nested", "Nested acquisition", "probability, 0 to 1", f.nested_probability, "0.05",
                |s, v| s.faults.nested_probability = v) }
            { form.opt_num_blank("pool-restart", "Restart storm at", "ms; blank = never", f.restart_at_ms,
                "never", |s, v| s.faults.restart_at_ms = v) }
        </TierGroup>
    }
}
