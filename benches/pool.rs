//! Criterion bench of the pool simulator: the M/M/20 model at rho = 0.9 for one million requests
//! (the reference workload), reported as events per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pgdojo::pool::{Dist, Scenario, Simulation};
use std::hint::black_box;

fn mm20() -> Scenario {
    let mut s = Scenario {
        seed: 42,
        requests: 1_000_000,
        ..Scenario::default()
    };
    s.traffic.arrival_rate = 18_000.0; // rho = 18 / 20 with 1 ms mean work.
    s.work.db = Dist::Exp { mean_ms: 1.0 };
    s.pool.size = 20;
    s.pool.acquire_timeout_ms = 1e12;
    s.database.max_connections = 1_000;
    s
}

fn run(s: Scenario) -> u64 {
    let mut sim = match Simulation::new(s) {
        Ok(sim) => sim,
        Err(e) => panic!("bench scenario invalid: {e}"),
    };
    sim.run_to_end();
    sim.report().events
}

fn bench(c: &mut Criterion) {
    let events = run(mm20());
    let mut group = c.benchmark_group("pool");
    group.sample_size(10);
    group.throughput(Throughput::Elements(events));
    group.bench_function("mm20_rho0.9_1M_requests", |b| {
        b.iter(|| black_box(run(black_box(mm20()))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
