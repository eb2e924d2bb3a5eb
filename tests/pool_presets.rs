//! The guided presets: all parse, are unique, tell a story with prompts, and run (shortened here to
//! keep debug tests fast) with exact conservation.

use pgdojo::pool::{preset, presets, Report, Scenario, Simulation};

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
    assert_eq!(all.len(), 8);
    let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "ids are unique");
    for p in &all {
        assert!(p.story.len() > 80 && !p.try_this.is_empty(), "{}", p.id);
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
