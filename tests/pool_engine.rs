//! Engine behaviour on the scenario fixtures in tests/fixtures/pool/scenarios/: exact conservation,
//! Little's law, slice-independence (`run_for` in slices = one go), and a reviewed snapshot of each
//! report (same seed, same numbers, on every platform).

use pgdojo::pool::{Report, Scenario, Simulation};

fn scenarios() -> Vec<(String, Scenario)> {
    let mut out = Vec::new();
    let dir = "tests/fixtures/pool/scenarios";
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let name = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let scenario = Scenario::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, scenario));
    }
    assert!(out.len() >= 5);
    out
}

/// Runs a scenario and checks the invariants every run must satisfy.
fn check(name: &str, scenario: &Scenario) -> Report {
    let mut sim = Simulation::new(scenario.clone()).expect("valid");
    sim.run_to_end();
    let r = sim.report();
    assert_eq!(
        r.requests_arrived,
        r.requests_completed + r.requests_failed + r.requests_in_flight,
        "{name}: conservation"
    );
    assert_eq!(r.requests_arrived, scenario.requests, "{name}: arrivals");
    let f = &r.failures;
    assert_eq!(
        r.requests_failed,
        f.queue_full
            + f.acquire_timeout
            + f.too_many_connections
            + f.instance_restart
            + f.query_wait_timeout
            + f.client_timeout
            + f.overload_guard,
        "{name}: failure causes"
    );
    // Little's law assumes a steady state; an overloaded run ends with a backlog still holding
    // connections, whose holds are not yet counted.
    if r.requests_in_flight * 50 < r.requests_completed {
        assert!(
            r.littles_law_error < 0.02,
            "{name}: Little {}",
            r.littles_law_error
        );
    }
    assert!(r.wait_ms.p50 <= r.wait_ms.p99 && r.latency_ms.p99 <= r.latency_ms.max * 1.01);
    // Slices of any size give the same run.
    let mut sliced = Simulation::new(scenario.clone()).expect("valid");
    while !sliced.is_finished() {
        sliced.run_for(977);
    }
    assert_eq!(sliced.report(), r, "{name}: sliced run differs");
    assert_eq!(
        sliced.series(),
        sim.series(),
        "{name}: sliced series differs"
    );
    let snap = sim.snapshot();
    assert!(snap.finished && snap.arrived == r.requests_arrived);
    r
}

#[test]
fn fixture_scenarios() {
    for (name, scenario) in scenarios() {
        let report = check(&name, &scenario);
        insta::assert_json_snapshot!(name.clone(), report);
    }
}

#[test]
fn stories_hold() {
    let all: std::collections::BTreeMap<String, Report> = scenarios()
        .into_iter()
        .map(|(n, s)| {
            let r = check(&n, &s);
            (n, r)
        })
        .collect();
    let per_request = &all["connection_per_request"];
    let pooled = &all["pooled_with_setup"];
    // Opening a connection per request costs every request its 60 ms setup; a pool pays it 10 times.
    assert!(per_request.latency_ms.p50 > 60.0);
    assert!(pooled.latency_ms.p50 < 5.0);
    assert_eq!(per_request.connections_opened, 3000);
    assert!(pooled.connections_opened <= 10);
    // 20 x 10 connections do not fit into max_connections 100 - 3 reserved.
    let fleet = &all["fleet_over_max_connections"];
    assert!(fleet.failures.too_many_connections > 0);
    assert!(fleet.mean_open_connections <= 97.0 + 1e-9);
    // PgBouncer in transaction mode rescues the same fleet: 200 clients share under 40 servers.
    let txn = &all["fleet_through_pgbouncer"];
    assert_eq!(txn.requests_failed, 0);
    assert!(txn.server_connections_opened <= 40 && txn.mean_open_connections < 40.0);
    assert!(fleet.requests_failed > fleet.requests_arrived / 3);
    // Session mode binds a server per client connection: 160 pooled connections never get one.
    let session = &all["fleet_pgbouncer_session"];
    assert!(session.failures.query_wait_timeout > 1000);
    // A reserve pool lends extra servers to clients that waited too long.
    let reserve = &all["pgbouncer_reserve_pool"];
    assert_eq!(reserve.server_connections_opened, 20);
    assert_eq!(reserve.requests_failed, 0);
    // Overload: timeouts and rejections, and the queue bound holds.
    let over = &all["overload_timeouts"];
    assert!(over.failures.acquire_timeout > 0 && over.failures.queue_full > 0);
    assert!(over.waiting_at_end <= 118);
    assert!(
        over.throughput_rps <= 2000.0 * 1.05,
        "10 connections x 5 ms = 2000/s at most"
    );
    // Closed loop: the interactive response-time law X = N / (R + Z).
    let users = &all["closed_loop_users"];
    let law = 200.0 / ((users.latency_ms.mean + 100.0) / 1000.0);
    assert!(
        (users.throughput_rps / law - 1.0).abs() < 0.03,
        "{} vs {law}",
        users.throughput_rps
    );
    // 4 connections x 2 ms cap throughput at 2000/s, so the users queue: the pool is nearly full.
    assert!(users.mean_busy_connections > 3.5 && users.throughput_rps < 2000.0);
    // Bursts: a mean load of 454 req/s (23 % busy) yet queues and timeouts in every burst.
    let bursty = &all["bursty_mmpp"];
    assert!(
        bursty.p_wait > 0.1 && bursty.wait_ms.p99 > 20.0,
        "{:?}",
        bursty.wait_ms
    );
    // Pool lifecycle: connections retire and reopen; the pool breathes between min_idle and size.
    let churn = &all["lifecycle_churn"];
    assert!(
        churn.connections_closed > 20,
        "{}",
        churn.connections_closed
    );
    assert!(churn.connections_opened >= churn.connections_closed);
    assert!(churn.connections_opened - churn.connections_closed <= 10);
    assert!(churn.mean_open_connections > 2.0 && churn.mean_open_connections < 10.0);
    // Retries without a budget multiply the load; the budget caps them at about 10 %.
    let (storm, budget) = (&all["retry_storm"], &all["retry_budget"]);
    assert!(
        storm.retries > 10 * budget.retries,
        "{} vs {}",
        storm.retries,
        budget.retries
    );
    assert!(budget.retries as f64 <= 0.1 * 30_000.0 + 20.0);
    assert!(storm.latency_ms.mean > 2.0 * budget.latency_ms.mean);
    // Leaks: every connection is lost sooner or later, then everything times out.
    let leak = &all["leak"];
    assert_eq!(leak.leaked_connections, 10);
    assert!(leak.failures.acquire_timeout > leak.requests_arrived / 3);
    // Nested acquisition: the pool deadlocks and only timeouts break it.
    let nested = &all["nested_deadlock"];
    assert!(nested.nested_acquisitions > 0);
    assert!(nested.failures.acquire_timeout > nested.requests_completed * 10);
    assert!(nested.latency_ms.p50 > 400.0);
    // Restart: all 200 connections close and reopen at once.
    let restart = &all["restart_storm"];
    assert_eq!(restart.connections_opened, 400);
    assert_eq!(restart.connections_closed, 200);
    // The Oracle demo: 96 connections on 8 cores collapse (once a burst pushes concurrency up, the
    // USL capacity falls towards 214/s and never recovers); 8 keep up.
    let (big, small) = (&all["oracle_big_pool"], &all["oracle_small_pool"]);
    assert!(big.throughput_rps < 400.0, "{}", big.throughput_rps);
    assert!(
        (small.throughput_rps / 900.0 - 1.0).abs() < 0.05,
        "{}",
        small.throughput_rps
    );
    assert!(small.latency_ms.p99 * 10.0 < big.latency_ms.p99);
}

#[test]
fn series_covers_the_run() {
    let (_, scenario) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "overload_timeouts")
        .expect("fixture");
    let mut sim = Simulation::new(scenario).expect("valid");
    sim.run_to_end();
    let series = sim.series();
    let r = sim.report();
    assert!(series.len() >= 7, "8 simulated seconds: {}", series.len());
    let arrivals: u64 = series.iter().map(|p| p.arrivals).sum();
    assert!(arrivals <= r.requests_arrived && arrivals + 2600 >= r.requests_arrived);
    // Saturated: every full second completes close to 2000 requests with 10 busy connections.
    for p in &series[1..] {
        assert!((p.mean_busy_connections - 10.0).abs() < 0.1, "{p:?}");
        assert!((p.throughput_rps - 2000.0).abs() < 150.0, "{p:?}");
    }
}

#[test]
fn oversized_pool_collapses_and_stays_collapsed() {
    let (_, scenario) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "oracle_big_pool")
        .expect("fixture");
    let mut sim = Simulation::new(scenario).expect("valid");
    sim.run_to_end();
    let last = sim.series().iter().rev().nth(1).expect("points").clone();
    // At 96 busy connections the database completes 8 / (5 ms * 7.46) = 214 requests/s.
    assert!((last.throughput_rps - 214.4).abs() < 60.0, "{last:?}");
    assert!(last.mean_busy_connections > 95.0, "{last:?}");
}

#[test]
fn idle_pool_shrinks_to_min_idle_and_grows_back() {
    let (_, scenario) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "lifecycle_churn")
        .expect("fixture");
    let mut sim = Simulation::new(scenario).expect("valid");
    sim.run_to_end();
    let series = sim.series();
    let open: Vec<f64> = series.iter().map(|p| p.mean_open_connections).collect();
    let (lo, hi) = open.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &x| {
        (lo.min(x), hi.max(x))
    });
    // The short night (down to 100/s, 0.4 busy) lets idle connections time out towards min_idle + busy;
    // the day (1900/s x 4 ms = 7.6 busy) fills the pool.
    assert!(lo < 6.0, "{open:?}");
    assert!(hi > 9.5, "{open:?}");
}

#[test]
fn restart_storm_spikes_latency() {
    let (_, scenario) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "restart_storm")
        .expect("fixture");
    let mut sim = Simulation::new(scenario).expect("valid");
    sim.run_to_end();
    let series = sim.series();
    let at = |t: f64| {
        series
            .iter()
            .find(|p| p.t_ms == t)
            .unwrap_or_else(|| panic!("no point at {t}"))
            .latency_p99_ms
    };
    // Before: 1 ms queries. The second after the restart: 200 connection setups of 15 ms network
    // and 20 ms of CPU each on 4 cores (1 s of CPU) stall the requests behind them.
    assert!(at(4000.0) < 20.0, "{}", at(4000.0));
    assert!(
        at(6000.0) > 5.0 * at(4000.0),
        "{} vs {}",
        at(6000.0),
        at(4000.0)
    );
}

#[test]
fn bad_scenarios_are_errors_not_panics() {
    for text in [
        "",
        "null",
        "{\"requests\": 0}",
        "{\"pool\": {\"size\": 0}}",
        "{\"work\": {\"db\": {\"kind\": \"exp\"}}}",
        "{\"work\": {\"db\": {\"kind\": \"lognormal\", \"p50_ms\": 5, \"p99_ms\": 1}}}",
        "{\"database\": {\"cores\": 0}}",
        "{\"traffic\": {\"arrival_rate\": 1e400}}",
        "{\"series_interval_ms\": 1e-9}",
        "{\"work\": {\"db\": {\"kind\": \"exp\", \"mean_ms\": 1e300}}}",
        "{\"pool\": {\"instances\": 10000, \"size\": 100000}}",
        "{\"traffic\": {\"pattern\": {\"kind\": \"ramp\", \"to_rate\": 0, \"over_ms\": 5}}}",
        "{\"faults\": {\"retry\": {\"max_attempts\": 0}}}",
        "{\"bouncer\": {\"pool_size\": 0}}",
    ] {
        assert!(Scenario::from_json(text).is_err(), "{text:?} accepted");
    }
}
