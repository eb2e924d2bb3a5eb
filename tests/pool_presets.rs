//! The guided presets: all parse, are unique, tell a story with prompts, and run (shortened here to
//! keep debug tests fast) with exact conservation; every "try this" change applies and runs; and
//! each preset has a test holding its story and every one of its changes to what the text claims
//! (with wide margins: the claims are about the lesson, not precision).

use pgdojo::pool::{
    apply_patch, preset, presets, sweep_pool, Report, Scenario, SeriesPoint, Simulation,
};
use serde_json::json;

fn run_short(mut s: Scenario) -> Report {
    s.requests = s.requests.min(4000);
    s.warmup_requests = 0;
    let mut sim = Simulation::new(s).expect("valid");
    sim.run_to_end();
    sim.report()
}

#[test]
fn every_preset_runs() {
    let all = presets().expect("presets parse");
    assert_eq!(all.len(), 9);
    let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "ids are unique");
    for p in &all {
        assert!(p.story.len() > 80 && !p.try_this.is_empty(), "{}", p.id);
        assert!(!p.changes.is_empty(), "{} has a change to apply", p.id);
        for c in &p.changes {
            let changed = p
                .tried(&c.id)
                .unwrap_or_else(|e| panic!("{}/{}: {e}", p.id, c.id));
            assert_ne!(changed, p.scenario, "{}/{} changes something", p.id, c.id);
            assert!(!c.label.is_empty());
            let r = run_short(changed);
            assert_eq!(
                r.requests_arrived,
                r.requests_completed + r.requests_failed + r.requests_in_flight,
                "{}/{}",
                p.id,
                c.id
            );
        }
        for s in std::iter::once(&p.scenario).chain(p.compare.iter()) {
            let r = run_short(s.clone());
            assert_eq!(
                r.requests_arrived,
                r.requests_completed + r.requests_failed + r.requests_in_flight,
                "{}",
                p.id
            );
        }
    }
    assert_eq!(preset("retry-storm").map(|p| p.title.len() > 5), Some(true));
    assert!(preset("nope").is_none());
}

/// A run with its time series, at most `requests` long.
fn run_series(mut s: Scenario, requests: u64) -> (Report, Vec<SeriesPoint>) {
    s.requests = s.requests.min(requests);
    s.warmup_requests = 0;
    let mut sim = Simulation::new(s).expect("valid");
    sim.run_to_end();
    (sim.report(), sim.series().to_vec())
}

fn scenario(id: &str, change: Option<&str>) -> Scenario {
    let p = preset(id).expect("preset");
    match change {
        Some(c) => p.tried(c).expect("change applies"),
        None => p.scenario,
    }
}

fn tried(id: &str, change: &str) -> Report {
    run_short(scenario(id, Some(change)))
}

fn base(id: &str) -> Report {
    run_short(scenario(id, None))
}

fn compare(id: &str) -> Report {
    run_short(preset(id).expect("preset").compare.expect("compare"))
}

fn patched(s: &Scenario, patch: serde_json::Value) -> Scenario {
    apply_patch(s, &patch).expect("patch applies")
}

/// Sums of a window of the series: (completed, failed, wasted, arrivals, points).
fn window(series: &[SeriesPoint], from_ms: f64, to_ms: f64) -> (u64, u64, u64, u64, usize) {
    series
        .iter()
        .filter(|p| p.t_ms > from_ms && p.t_ms <= to_ms)
        .fold((0, 0, 0, 0, 0), |(c, f, w, a, n), p| {
            (
                c + p.completed,
                f + p.failed,
                w + p.wasted,
                a + p.arrivals,
                n + 1,
            )
        })
}

#[test]
fn connection_per_request_pays_the_setup_and_a_pool_removes_it() {
    let id = "connection-per-request";
    let r = base(id);
    assert_eq!(r.requests_failed, 0);
    // 3 round trips of 25 ms before each query.
    assert!(r.latency_ms.p50 >= 75.0, "p50 {}", r.latency_ms.p50);
    assert!(r.connections_opened as f64 >= 0.99 * r.requests_arrived as f64);
    let pooled = compare(id);
    assert!(r.latency_ms.p50 > 10.0 * pooled.latency_ms.p50);
    let tried_pool = tried(id, "use-a-pool");
    assert!(
        tried_pool.latency_ms.p50 < 40.0,
        "{:?}",
        tried_pool.latency_ms
    );
    assert!(tried_pool.connections_opened <= 10);
    // 4 times the traffic keeps 4 times the connections open, and authentication alone (400/s x
    // 5 ms) takes 2 of the 4 cores.
    let busy = tried(id, "raise-traffic");
    let ratio = busy.mean_open_connections / r.mean_open_connections;
    assert!((3.0..5.5).contains(&ratio), "open ratio {ratio}");
    assert!(busy.mean_db_busy_cores > 2.0, "{}", busy.mean_db_busy_cores);
    // Next to the database the round trips are cheap, but the server-side setup still makes every
    // request several times slower than with a pool.
    let near = tried(id, "app-next-to-database");
    assert!(near.latency_ms.p50 < r.latency_ms.p50 / 4.0);
    assert!(
        near.latency_ms.p50 > 3.0 * pooled.latency_ms.p50,
        "{:?}",
        near.latency_ms
    );
}

#[test]
fn the_fleet_runs_into_max_connections_and_smaller_pools_fit() {
    let id = "fleet-max-connections";
    let r = base(id);
    assert!(
        r.failures.too_many_connections * 5 > r.requests_arrived,
        "{:?}",
        r.failures
    );
    assert!(r.mean_open_connections < 97.5);
    let raised = tried(id, "raise-max-connections");
    assert_eq!(raised.requests_failed, 0);
    assert!(raised.mean_open_connections > 100.0);
    for change in ["pool-of-four", "thirty-by-three"] {
        let small = tried(id, change);
        assert_eq!(small.requests_failed, 0, "{change}");
        assert!(small.mean_open_connections <= 97.0, "{change}");
        // Fewer connections per instance cost hardly any latency.
        assert!(
            small.latency_ms.p99 < 1.5 * raised.latency_ms.p99,
            "{change}"
        );
        assert!(small.mean_connection_memory_mb < 0.5 * raised.mean_connection_memory_mb);
    }
    let bounced = tried(id, "add-pgbouncer");
    assert_eq!(bounced.requests_failed, 0);
    assert!(bounced.mean_open_connections <= 40.0);
}

#[test]
fn an_oversized_pool_thrashes_the_database() {
    let id = "oversized-pool";
    let requests = 8000;
    let (big, _) = run_series(scenario(id, None), requests);
    let (small, _) = run_series(
        preset(id).expect("preset").compare.expect("compare"),
        requests,
    );
    let (tried96, _) = run_series(scenario(id, Some("pool-of-96")), requests);
    assert_eq!(small, tried96, "the change is the comparison run");
    // The big pool queues inside the database: far less throughput, far worse latency.
    assert!(
        big.throughput_rps < 0.5 * small.throughput_rps,
        "2048: {} 96: {}",
        big.throughput_rps,
        small.throughput_rps
    );
    assert!(
        big.latency_ms.p99 > 5.0 * small.latency_ms.p99,
        "2048: {:?} 96: {:?}",
        big.latency_ms,
        small.latency_ms
    );
    assert!(big.latency_ms.mean > 2.0 * small.latency_ms.mean);
    // cores x 2 + 1 does at least as well as 96.
    let (p17, _) = run_series(scenario(id, Some("pool-of-17")), requests);
    assert!(p17.throughput_rps >= 0.98 * small.throughput_rps);
    assert!(p17.latency_ms.mean < small.latency_ms.mean);
    // Without contention the big pool costs no throughput.
    let ideal = scenario(id, Some("no-contention"));
    let (ideal_big, _) = run_series(ideal.clone(), requests);
    let (ideal_small, _) = run_series(patched(&ideal, json!({"pool": {"size": 96}})), requests);
    let ratio = ideal_big.throughput_rps / ideal_small.throughput_rps;
    assert!((0.95..1.05).contains(&ratio), "ideal ratio {ratio}");
    // Open-loop arrivals do not slow down with the database: under the heavier load a pool of 48
    // lets the database thrash where a pool of 8 keeps up, and 5 is too few.
    let heavy = scenario(id, Some("heavier-load"));
    let sized = |n: u32| run_short(patched(&heavy, json!({"pool": {"size": n}})));
    let (thrashing, eight, five) = (sized(48), sized(8), sized(5));
    assert!(thrashing.throughput_rps < 0.7 * eight.throughput_rps);
    assert!(thrashing.latency_ms.p99 > 10.0 * eight.latency_ms.p99);
    assert!(
        eight.latency_ms.p99 < 100.0,
        "pool 8 {:?}",
        eight.latency_ms
    );
    assert!(
        five.latency_ms.p99 > 10.0 * eight.latency_ms.p99,
        "pool 5 {:?}",
        five.latency_ms
    );
    // The sweep's knee sits near the cores, far below 96.
    let mut short = scenario(id, None);
    short.requests = 3000;
    let sweep = sweep_pool(&short, 4, 32).expect("sweep");
    let knee = sweep.knee.expect("a knee");
    assert!((8..=24).contains(&knee), "knee {knee}");
}

#[test]
fn an_http_call_inside_the_transaction_holds_the_connection() {
    let id = "http-call-in-transaction";
    let r = base(id);
    assert!(r.mean_hold_ms > 80.0, "hold {}", r.mean_hold_ms);
    let outside = compare(id);
    assert!(r.mean_busy_connections > 5.0 * outside.mean_busy_connections);
    let fixed = tried(id, "call-outside-transaction");
    assert_eq!(fixed, outside, "the change is the comparison run");
    assert_eq!(fixed.requests_failed, 0);
    assert!(fixed.latency_ms.p99 < 30.0, "p99 {}", fixed.latency_ms.p99);
    // Twice the pool removes the waits but keeps the call's own tail, at twice the connections.
    let doubled = tried(id, "double-pool");
    assert!(
        doubled.p_wait < 0.05 && r.p_wait > 0.3,
        "{} {}",
        doubled.p_wait,
        r.p_wait
    );
    assert!(doubled.latency_ms.p99 < r.latency_ms.p99);
    assert!(doubled.latency_ms.p99 > 20.0 * fixed.latency_ms.p99);
    assert!(doubled.mean_open_connections >= 1.9 * r.mean_open_connections);
}

#[test]
fn pgbouncer_rescues_the_fleet_in_transaction_mode_only() {
    let id = "pgbouncer-fleet";
    let r = base(id);
    assert_eq!(r.requests_failed, 0);
    assert!(r.server_connections_opened <= 40);
    let session = tried(id, "session-mode");
    assert!(
        session.failures.query_wait_timeout * 10 > session.requests_arrived,
        "{:?}",
        session.failures
    );
    let reserve = tried(id, "small-pool-with-reserve");
    assert_eq!(reserve.requests_failed, 0);
    assert!(
        (13..=20).contains(&reserve.server_connections_opened),
        "the reserve opened: {}",
        reserve.server_connections_opened
    );
}

#[test]
fn a_retry_storm_outlives_its_trigger() {
    let id = "retry-storm";
    let requests = 30_000; // 21 simulated seconds: the stall is at 5..7 s.
    let (storm, series) = run_series(scenario(id, None), requests);
    let end = series.last().expect("points").t_ms;
    assert!(end >= 20_000.0, "{end}");
    // Before the stall everything succeeds.
    let (ok, failed, _, arrived, _) = window(&series, 1000.0, 5000.0);
    assert_eq!(failed, 0);
    assert!(ok as f64 > 0.95 * arrived as f64);
    // Long after it (5 s and more) almost nothing succeeds, the pool works for callers that left.
    let (ok, failed, wasted, arrived, points) = window(&series, 12_000.0, end);
    assert!(points >= 8);
    assert!((ok as f64) < 0.05 * arrived as f64, "ok {ok} of {arrived}");
    assert!(
        failed as f64 > 0.9 * arrived as f64,
        "failed {failed} of {arrived}"
    );
    // The pool serves its 2,000 transactions per second, nearly all for nobody.
    assert!(
        wasted > 1500 * points as u64,
        "wasted {wasted} in {points} s"
    );
    assert!(storm.wasted_transactions > 0 && storm.failures.client_timeout > 0);
    // The same stall passes with a retry budget (the comparison) or without retries; and without
    // the stall nothing goes wrong.
    let budget = preset(id).expect("preset").compare.expect("compare");
    assert_eq!(budget, scenario(id, Some("add-budget")));
    for (name, s) in [
        ("budget", budget),
        ("no retries", scenario(id, Some("no-retries"))),
        ("no stall", scenario(id, Some("no-stall"))),
    ] {
        let (_, series) = run_series(s, requests);
        let (ok, failed, wasted, arrived, _) = window(&series, 12_000.0, end);
        assert!(
            ok as f64 > 0.98 * arrived as f64,
            "{name}: ok {ok} of {arrived}"
        );
        assert_eq!((failed, wasted), (0, 0), "{name}");
    }
    // Two attempts are still twice the load the pool can serve: the storm stays.
    let (_, series) = run_series(scenario(id, Some("two-attempts")), requests);
    let (ok, _, _, arrived, _) = window(&series, 12_000.0, end);
    assert!(
        (ok as f64) < 0.05 * arrived as f64,
        "two attempts: ok {ok} of {arrived}"
    );
}

#[test]
fn nested_acquisition_deadlocks_and_hikaris_rule_prevents_it() {
    let id = "nested-deadlock";
    // Deadlocks are rare events: whole runs, to see them.
    let full = |change: Option<&str>| run_series(scenario(id, change), 20_000).0;
    let r = full(None);
    assert!(
        r.failures.acquire_timeout * 2 > r.requests_arrived,
        "{:?}",
        r.failures
    );
    // Bigger pools and rarer nesting make deadlocks rarer, not impossible.
    for change in ["pool-of-eight", "rarer-nesting"] {
        let t = full(Some(change));
        assert!(t.failures.acquire_timeout > 0, "{change}");
        assert!(t.requests_failed < r.requests_failed, "{change}");
        assert!(t.throughput_rps > 5.0 * r.throughput_rps, "{change}");
    }
    // With at most 8 threads and a pool of 8 x (2 - 1) + 1, one connection is always free.
    let rule = tried(id, "hikari-rule");
    assert_eq!(rule.requests_failed, 0);
    assert!(rule.nested_acquisitions > 100);
    let mut eight_threads = scenario(id, Some("hikari-rule"));
    eight_threads.pool.size = 4;
    assert!(run_short(eight_threads).failures.acquire_timeout > 0);
}

#[test]
fn a_restart_storm_saturates_the_database_until_the_pools_are_open() {
    let id = "restart-storm";
    let fine = json!({"series_interval_ms": 250});
    // Time (ms) in 5..8 s with the database CPU saturated (>= 3.9 of 4 cores), and the p99 of the
    // second after the storm.
    let saturated = |s: Scenario| {
        let (r, series) = run_series(patched(&s, fine.clone()), 20_000);
        let busy = series
            .iter()
            .filter(|p| p.t_ms > 5000.0 && p.t_ms <= 8000.0 && p.mean_db_busy_cores >= 3.9)
            .count() as f64
            * 250.0;
        let before = series
            .iter()
            .filter(|p| p.t_ms > 3000.0 && p.t_ms <= 5000.0)
            .map(|p| p.mean_db_busy_cores)
            .fold(0.0, f64::max);
        (r, busy, before)
    };
    let (r, busy, before) = saturated(scenario(id, None));
    assert!(before < 3.0, "calm before the restart: {before}");
    assert!(busy >= 1500.0, "saturated for {busy} ms");
    assert!(r.connections_opened >= 400);
    let (lazy, lazy_busy, _) = saturated(scenario(id, Some("min-idle-two")));
    assert!(
        lazy_busy <= 0.6 * busy,
        "min_idle 2: {lazy_busy} ms vs {busy} ms"
    );
    assert!(lazy.connections_opened < r.connections_opened);
    let (cheap, cheap_busy, _) = saturated(scenario(id, Some("cheap-auth")));
    assert!(cheap_busy <= 0.5 * busy, "cheap auth: {cheap_busy} ms");
    assert!(cheap.latency_ms.p99 < r.latency_ms.p99 / 5.0);
}

#[test]
fn bursts_make_the_tail_and_a_pool_sized_for_them_removes_it() {
    let r = base("traffic-bursts");
    assert!(
        r.latency_ms.p99 > 10.0 * r.latency_ms.p50,
        "{:?}",
        r.latency_ms
    );
    let sized = tried("traffic-bursts", "pool-for-bursts");
    assert!(
        sized.latency_ms.p99 < r.latency_ms.p99 / 5.0,
        "{:?}",
        sized.latency_ms
    );
}

/// Every preset has its story test above: adding a preset without one fails here.
#[test]
fn every_preset_and_change_is_covered_by_a_story_test() {
    let covered = [
        (
            "connection-per-request",
            &["use-a-pool", "raise-traffic", "app-next-to-database"][..],
        ),
        (
            "fleet-max-connections",
            &[
                "pool-of-four",
                "thirty-by-three",
                "raise-max-connections",
                "add-pgbouncer",
            ],
        ),
        (
            "oversized-pool",
            &["pool-of-96", "pool-of-17", "heavier-load", "no-contention"],
        ),
        (
            "http-call-in-transaction",
            &["call-outside-transaction", "double-pool"],
        ),
        (
            "pgbouncer-fleet",
            &["session-mode", "small-pool-with-reserve"],
        ),
        (
            "retry-storm",
            &["add-budget", "no-retries", "two-attempts", "no-stall"],
        ),
        (
            "nested-deadlock",
            &["pool-of-eight", "rarer-nesting", "hikari-rule"],
        ),
        ("restart-storm", &["min-idle-two", "cheap-auth"]),
        ("traffic-bursts", &["pool-for-bursts"]),
    ];
    let all = presets().expect("presets");
    assert_eq!(all.len(), covered.len());
    for (p, (id, changes)) in all.iter().zip(covered) {
        assert_eq!(p.id, id);
        let ids: Vec<&str> = p.changes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, changes, "{id}");
    }
}
