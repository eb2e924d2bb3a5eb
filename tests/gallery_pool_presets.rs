//! Every pool preset runs, and shows what its story claims; every "try this" change does what its
//! prompt promises. The claims are checked with wide margins: they are about the lesson, not about
//! the simulator's precision (the validation tests cover that).

use pgdojo::gallery::pool_presets::{preset, NOT_YET_MODELLED, PRESETS};
use pgdojo::pool::{Report, Scenario, Simulation};

fn run(s: Scenario) -> Report {
    let mut sim = Simulation::new(s).expect("preset scenario is valid");
    sim.run_to_end();
    sim.report()
}

fn base(id: &str) -> Report {
    run(preset(id)
        .expect("preset exists")
        .scenario()
        .expect("parses"))
}

fn tried(id: &str, change: &str) -> Report {
    run(preset(id)
        .expect("preset exists")
        .tried(change)
        .expect("change applies"))
}

#[test]
fn every_preset_and_change_is_a_valid_scenario_with_a_story() {
    assert!(!NOT_YET_MODELLED.is_empty());
    for p in PRESETS {
        let s = p.scenario().unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert!(!s.name.is_empty() && p.story.len() > 80, "{}", p.id);
        assert!(!p.try_this.is_empty(), "{} has a try-this prompt", p.id);
        for t in p.try_this {
            let changed = p
                .tried(t.id)
                .unwrap_or_else(|e| panic!("{}/{}: {e}", p.id, t.id));
            assert_ne!(changed, s, "{}/{} changes something", p.id, t.id);
        }
    }
}

#[test]
fn connect_per_request_pays_the_setup_and_a_pool_removes_it() {
    let r = base("connect-per-request");
    assert_eq!(r.requests_failed, 0);
    // 7 round trips of 10 ms before each query.
    assert!(r.latency_ms.p50 >= 70.0, "p50 {}", r.latency_ms.p50);
    assert!(r.connections_opened as f64 >= 0.99 * r.requests_arrived as f64);
    let pooled = tried("connect-per-request", "use-a-pool");
    assert!(
        pooled.latency_ms.p50 < 10.0,
        "pooled p50 {}",
        pooled.latency_ms.p50
    );
    assert!(pooled.connections_opened <= 10);
    let busy = tried("connect-per-request", "ten-times-traffic");
    assert!(
        busy.failures.too_many_connections > 0,
        "{:?}",
        busy.failures
    );
}

#[test]
fn the_fleet_runs_into_max_connections_and_smaller_pools_fit() {
    let r = base("fleet-max-connections");
    assert!(r.failures.too_many_connections > 0, "{:?}", r.failures);
    let small = tried("fleet-max-connections", "pool-of-four");
    assert_eq!(small.failures.too_many_connections, 0);
    assert!(small.p_wait > 0.0, "requests wait instead of failing");
    let raised = tried("fleet-max-connections", "raise-max-connections");
    assert_eq!(raised.failures.too_many_connections, 0);
    assert!(raised.mean_open_connections > 100.0);
}

#[test]
fn a_big_pool_thrashes_the_database_and_a_small_one_keeps_up() {
    let big = base("big-pool-small-database");
    let eight = tried("big-pool-small-database", "pool-of-eight");
    let five = tried("big-pool-small-database", "pool-of-five");
    assert!(
        eight.latency_ms.p99 < 100.0,
        "pool 8 p99 {}",
        eight.latency_ms.p99
    );
    assert!(
        big.latency_ms.p99 > 10.0 * eight.latency_ms.p99,
        "pool 48 p99 {}",
        big.latency_ms.p99
    );
    assert!(big.throughput_rps < 0.7 * eight.throughput_rps);
    assert!(
        five.latency_ms.p99 > 10.0 * eight.latency_ms.p99,
        "pool 5 p99 {}",
        five.latency_ms.p99
    );
}

#[test]
fn an_http_call_inside_the_transaction_starves_the_pool() {
    let r = base("http-in-transaction");
    assert!(r.failures.acquire_timeout > 0, "{:?}", r.failures);
    assert!(r.mean_hold_ms > 150.0);
    let fixed = tried("http-in-transaction", "call-outside-transaction");
    assert_eq!(fixed.requests_failed, 0);
    assert!(fixed.latency_ms.p99 < 30.0, "p99 {}", fixed.latency_ms.p99);
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
