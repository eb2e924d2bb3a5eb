//! The guided presets: all parse, are unique, tell a story with prompts, and run (shortened here to
//! keep debug tests fast) with exact conservation; every "try this" change applies and runs; each
//! story shows what it claims (with wide margins: the claims are about the lesson, not precision).

use pgdojo::pool::{apply_patch, preset, presets, Report, Scenario, Simulation};

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

#[test]
fn comparisons_show_their_point() {
    let p = preset("connection-per-request").expect("preset");
    let (a, b) = (
        run_short(p.scenario),
        run_short(p.compare.expect("compare")),
    );
    assert!(a.latency_ms.p50 > 10.0 * b.latency_ms.p50);
    let p = preset("http-call-in-transaction").expect("preset");
    let (a, b) = (
        run_short(p.scenario),
        run_short(p.compare.expect("compare")),
    );
    assert!(a.mean_busy_connections > 5.0 * b.mean_busy_connections);
}

fn tried(id: &str, change: &str) -> Report {
    run_short(
        preset(id)
            .expect("preset")
            .tried(change)
            .expect("change applies"),
    )
}

fn base(id: &str) -> Report {
    run_short(preset(id).expect("preset").scenario)
}

#[test]
fn connection_per_request_pays_the_setup_and_a_pool_removes_it() {
    let r = base("connection-per-request");
    assert_eq!(r.requests_failed, 0);
    // 3 round trips of 25 ms before each query.
    assert!(r.latency_ms.p50 >= 75.0, "p50 {}", r.latency_ms.p50);
    assert!(r.connections_opened as f64 >= 0.99 * r.requests_arrived as f64);
    let pooled = tried("connection-per-request", "use-a-pool");
    assert!(
        pooled.latency_ms.p50 < 40.0,
        "pooled p50 {}",
        pooled.latency_ms.p50
    );
    assert!(pooled.connections_opened <= 10);
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
    let bounced = tried("fleet-max-connections", "add-pgbouncer");
    assert_eq!(bounced.failures.too_many_connections, 0);
}

#[test]
fn an_oversized_pool_thrashes_the_database() {
    // At 600 requests per second the pool never grows far; under heavier load with more
    // contention, a pool of 48 lets the database thrash where a pool of 8 keeps up.
    let p = preset("oversized-pool").expect("preset");
    let heavy = p.tried("heavier-load").expect("applies");
    let sized = |n: u32| {
        run_short(apply_patch(&heavy, &serde_json::json!({"pool": {"size": n}})).expect("applies"))
    };
    let (big, small, five) = (sized(48), sized(8), sized(5));
    assert!(big.throughput_rps < 0.7 * small.throughput_rps);
    assert!(
        five.latency_ms.p99 > 10.0 * small.latency_ms.p99,
        "pool 5 {:?}",
        five.latency_ms
    );
    assert!(
        small.latency_ms.p99 < 100.0,
        "pool 8 {:?}",
        small.latency_ms
    );
    assert!(
        big.latency_ms.p99 > 10.0 * small.latency_ms.p99,
        "2048: {:?} 96: {:?}",
        big.latency_ms,
        small.latency_ms
    );
}

#[test]
fn an_http_call_inside_the_transaction_holds_the_connection() {
    let r = base("http-call-in-transaction");
    assert!(r.mean_hold_ms > 80.0, "hold {}", r.mean_hold_ms);
    let fixed = tried("http-call-in-transaction", "call-outside-transaction");
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
