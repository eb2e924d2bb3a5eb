//! The engine's limits and their newer models: PgBouncer's server connections (setup cost in the
//! first requests' latency, `max_connections` with `server_login_retry`), the overload guard
//! (`max_in_system`) that bounds memory, callers that give up (client timeout), a database
//! slowdown, and the scenario JSON staying compatible with share links made before these fields.

use pgdojo::pool::{Scenario, Simulation};

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Runs until the first request completes; returns its latency.
fn first_latency(s: Scenario) -> f64 {
    let mut sim = Simulation::new(s).expect("valid");
    while sim.snapshot().completed == 0 && !sim.is_finished() {
        sim.run_for(1);
    }
    sim.report().latency_ms.max
}

const BOUNCED: &str = r#"{
  "requests": 200, "traffic": {"arrival_rate": 10},
  "work": {"db": {"kind": "const", "ms": 1}, "rtt_ms": 2},
  "pool": {"size": 5},
  "bouncer": {"pool_size": 5, "server_setup": {"round_trips": 4, "auth_cpu_ms": 10}}
}"#;

#[test]
fn pgbouncer_server_setup_shows_in_the_first_latency_only() {
    let s = scenario(BOUNCED);
    // 4 round trips of 2 ms, 10 ms of authentication on the database, then the 1 ms query.
    let first = first_latency(s.clone());
    assert!((first - 19.0).abs() < 0.01, "first request: {first}");
    let mut sim = Simulation::new(s.clone()).expect("valid");
    sim.run_to_end();
    let r = sim.report();
    assert_eq!(r.requests_failed, 0);
    // At 10 requests per second one server connection serves nearly everything.
    assert!(
        r.server_connections_opened <= 2,
        "{}",
        r.server_connections_opened
    );
    assert!((r.latency_ms.p50 - 1.0).abs() < 0.05, "{:?}", r.latency_ms);
    // Without a setup cost the first request is as fast as the rest.
    let mut instant = s;
    if let Some(b) = instant.bouncer.as_mut() {
        b.server_setup = Some(Default::default());
    }
    assert!((first_latency(instant) - 1.0).abs() < 0.01);
}

#[test]
fn pgbouncer_server_setup_defaults_to_the_pool_setup_and_clients_cost_no_database_cpu() {
    let s = scenario(
        r#"{
      "requests": 50, "traffic": {"arrival_rate": 10},
      "work": {"db": {"kind": "const", "ms": 1}, "rtt_ms": 2},
      "pool": {"size": 5, "setup": {"round_trips": 3, "auth_cpu_ms": 7}},
      "bouncer": {"pool_size": 5}
    }"#,
    );
    // The app's pool opens its client connections at start (3 round trips, no database CPU:
    // PgBouncer authenticates them); the first transaction then opens a server connection with
    // the same cost as an app connection: 3 x 2 ms + 7 ms of database CPU, then its 1 ms query.
    assert!((first_latency(s) - 14.0).abs() < 0.01);
}

#[test]
fn pgbouncer_respects_max_connections_and_waits_server_login_retry() {
    let s = scenario(
        r#"{
      "requests": 20000, "traffic": {"arrival_rate": 1000},
      "work": {"db": {"kind": "exp", "mean_ms": 14}},
      "pool": {"instances": 4, "size": 10, "acquire_timeout_ms": 60000},
      "database": {"max_connections": 20, "reserved_connections": 3},
      "bouncer": {"pool_size": 40, "max_client_conn": 100, "server_login_retry_ms": 5000}
    }"#,
    );
    let mut sim = Simulation::new(s).expect("valid");
    let mut most_open = 0;
    while !sim.is_finished() {
        sim.run_for(500);
        most_open = most_open.max(sim.snapshot().open_connections);
    }
    let r = sim.report();
    // 14 busy on average wanted: PgBouncer tries for more than the 17 the database accepts.
    assert_eq!(most_open, 17);
    assert_eq!(r.server_connections_opened, 17);
    assert!(r.server_login_failures >= 1);
    // At most one refused login per server_login_retry.
    let bound = (r.sim_time_ms / 5000.0).ceil() as u64 + 1;
    assert!(
        r.server_login_failures <= bound,
        "{} > {bound}",
        r.server_login_failures
    );
    assert_eq!(r.failures.too_many_connections, 0);
    assert_eq!(
        r.requests_arrived,
        r.requests_completed + r.requests_failed + r.requests_in_flight
    );
}

const OVERLOADED: &str = r#"{
  "requests": 20000, "traffic": {"arrival_rate": 2000},
  "work": {"db": {"kind": "const", "ms": 10}},
  "pool": {"size": 1, "acquire_timeout_ms": 1e12},
  "max_in_system": 500
}"#;

#[test]
fn the_overload_guard_bounds_the_system_and_says_so() {
    let s = scenario(OVERLOADED);
    let mut sim = Simulation::new(s).expect("valid");
    while !sim.is_finished() {
        sim.run_for(97);
        let snap = sim.snapshot();
        assert!(snap.in_flight <= 500, "{snap:?}");
    }
    let r = sim.report();
    assert_eq!(
        r.requests_arrived,
        r.requests_completed + r.requests_failed + r.requests_in_flight
    );
    assert_eq!(r.requests_failed, r.failures.overload_guard);
    let guard = r.overload_guard.expect("the guard tripped");
    assert_eq!(guard.limit, 500);
    assert_eq!(guard.refused, r.failures.overload_guard);
    // 2000 arrive per second, 100 leave: 500 are in the system after about a quarter second.
    assert!(
        (200.0..300.0).contains(&guard.first_refusal_ms),
        "{}",
        guard.first_refusal_ms
    );
    assert!(guard.refused > 15_000, "{}", guard.refused);
    // The default bound is far away: the same overload without it admits everything.
    let mut unguarded = scenario(OVERLOADED);
    unguarded.max_in_system = Scenario::default().max_in_system;
    unguarded.requests = 2000;
    let mut sim = Simulation::new(unguarded).expect("valid");
    sim.run_to_end();
    let r = sim.report();
    assert_eq!((r.failures.overload_guard, r.overload_guard), (0, None));
    assert!(r.requests_in_flight > 1500);
}

#[test]
fn abandoned_attempts_run_for_nobody() {
    // Every query takes 100 ms; callers give up after 50 ms and do not retry.
    let s = scenario(
        r#"{
      "requests": 100, "traffic": {"arrival_rate": 5},
      "work": {"db": {"kind": "const", "ms": 100}},
      "pool": {"size": 10},
      "faults": {"client_timeout_ms": 50}
    }"#,
    );
    let mut sim = Simulation::new(s).expect("valid");
    sim.run_to_end();
    let r = sim.report();
    assert_eq!(r.requests_completed, 0);
    assert_eq!(r.failures.client_timeout, r.requests_failed);
    assert_eq!(r.abandoned_attempts, r.requests_failed);
    // All but the last few ran to completion anyway.
    assert!(r.wasted_transactions + 2 >= r.abandoned_attempts);
    assert_eq!(r.requests_arrived, r.requests_failed + r.requests_in_flight);
}

#[test]
fn a_slowdown_slows_the_queries_in_its_window_only() {
    let s = scenario(
        r#"{
      "requests": 300, "traffic": {"arrival_rate": 10},
      "work": {"db": {"kind": "const", "ms": 10}},
      "series_interval_ms": 1000,
      "faults": {"slowdown": {"at_ms": 10000, "duration_ms": 5000, "factor": 4}}
    }"#,
    );
    let mut sim = Simulation::new(s).expect("valid");
    sim.run_to_end();
    let p99 = |from: f64, to: f64| {
        sim.series()
            .iter()
            .filter(|p| p.t_ms > from && p.t_ms <= to && p.completed > 0)
            .map(|p| p.latency_p99_ms)
            .fold(0.0, f64::max)
    };
    assert!(p99(0.0, 10_000.0) < 11.0, "{}", p99(0.0, 10_000.0));
    assert!(
        p99(11_000.0, 15_000.0) > 38.0,
        "{}",
        p99(11_000.0, 15_000.0)
    );
    assert!(p99(16_000.0, 30_000.0) < 11.0);
}

#[test]
fn scenarios_without_the_new_fields_parse_and_serialise_as_before() {
    let s = scenario(r#"{"faults": {"retry": {"max_attempts": 2}}, "bouncer": {"pool_size": 4}}"#);
    assert_eq!(s.max_in_system, 1_000_000);
    assert_eq!(s.faults.client_timeout_ms, None);
    let text = serde_json::to_string(&s).expect("serialises");
    // New fields at their defaults stay out of the JSON: share links are as before.
    for key in [
        "max_in_system",
        "client_timeout_ms",
        "slowdown",
        "server_setup",
        "server_login_retry_ms",
    ] {
        assert!(!text.contains(key), "{key} in {text}");
    }
    assert_eq!(Scenario::from_json(&text), Ok(s));
    for bad in [
        r#"{"max_in_system": 0}"#,
        r#"{"faults": {"client_timeout_ms": 0}}"#,
        r#"{"faults": {"slowdown": {"factor": 0.5}}}"#,
        r#"{"bouncer": {"server_login_retry_ms": -1}}"#,
    ] {
        assert!(Scenario::from_json(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn the_overload_guard_also_counts_pending_caller_timers() {
    // Healthy traffic, but callers would wait 1,000 s: every answered attempt keeps its timer (and
    // its memory) until then, so 100 of them fill a guard of 100.
    let s = scenario(
        r#"{
      "requests": 1000, "traffic": {"arrival_rate": 1000},
      "work": {"db": {"kind": "const", "ms": 1}},
      "faults": {"client_timeout_ms": 1e6},
      "max_in_system": 100
    }"#,
    );
    let mut sim = Simulation::new(s).expect("valid");
    sim.run_to_end();
    let r = sim.report();
    let guard = r.overload_guard.expect("the guard tripped");
    assert!(r.requests_completed <= 100, "{}", r.requests_completed);
    assert_eq!(
        guard.refused,
        r.requests_arrived - r.requests_completed - r.requests_in_flight
    );
}
