//! Validation of the saturating database (Table E): a pool of P in front of an 8-core database with
//! USL contention 0.02 and coherency 0.0005, 1000 req/s of exponential 5 ms queries. The stable pool
//! sizes match the exact birth-death chain (mean pool wait and mean response within the run's 95 %
//! intervals), the best mean response is at pool 8, and pools of 5 and 24 cannot keep up.

mod pool_support;

use pgdojo::pool::usl::capacity;
use pgdojo::pool::{Dist, Report, Scenario};
use pool_support::{num, par_rows, run, settings, table_rows, verdict, within};

const LAMBDA: f64 = 1000.0;
const S_MS: f64 = 5.0;
const CORES: u32 = 8;
const SIGMA: f64 = 0.02;
const KAPPA: f64 = 0.0005;

fn scenario(pool: u32, requests: u64) -> Scenario {
    let cfg = settings("table_e");
    let mut s = Scenario {
        seed: cfg["seed"].as_u64().expect("seed") * 1000 + u64::from(pool),
        requests,
        warmup_requests: requests / 20,
        batches: cfg["batches"].as_u64().expect("batches") as u32,
        ..Scenario::default()
    };
    s.traffic.arrival_rate = LAMBDA;
    s.work.db = Dist::Exp { mean_ms: S_MS };
    s.pool.size = pool;
    s.pool.acquire_timeout_ms = 1e15;
    s.database.cores = Some(CORES);
    s.database.usl_sigma = SIGMA;
    s.database.usl_kappa = KAPPA;
    s.database.max_connections = 1000;
    s
}

/// Requests for a stable pool: `relaxations` relaxation times of a queue at the pool's utilisation.
fn requests_for(pool: u32) -> u64 {
    let cfg = settings("table_e");
    let rho = LAMBDA / (capacity(pool as usize, Some(CORES), SIGMA, KAPPA) * 1000.0 / S_MS);
    let relaxation = rho / (1.0 - rho.sqrt()).powi(2);
    let min = cfg["requests"].as_f64().expect("requests");
    (cfg["relaxations"].as_f64().expect("relaxations") * relaxation).max(min) as u64
}

#[test]
fn usl_pool_sweep_matches_table_e() {
    let rows = table_rows("# Table E");
    let stable: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r[2] != "unstable")
        .cloned()
        .collect();
    let results = std::sync::Mutex::new(Vec::<(u32, Report)>::new());
    let checks = par_rows(stable, |row| {
        let pool = num(&row[0]) as u32;
        let r = run(scenario(pool, requests_for(pool)));
        let tag = format!("pool {pool}");
        assert!(
            r.littles_law_error < 0.01,
            "{tag}: Little {}",
            r.littles_law_error
        );
        // Mean busy connections = mean active connections of the chain.
        let active = num(&row[5]);
        assert!(
            (r.mean_busy_connections / active - 1.0).abs() < 0.05,
            "{tag}: busy {} vs {active}",
            r.mean_busy_connections
        );
        let checks = vec![
            within(&format!("{tag} Wq"), r.confidence.wait_mean, num(&row[2])),
            within(&format!("{tag} W"), r.confidence.latency_mean, num(&row[4])),
        ];
        results.lock().expect("lock").push((pool, r));
        checks
    });
    verdict(&checks);
    let results = results.into_inner().expect("lock");
    let best = results
        .iter()
        .min_by(|a, b| a.1.latency_ms.mean.total_cmp(&b.1.latency_ms.mean))
        .map(|(p, _)| *p);
    assert_eq!(best, Some(8), "best mean response");
}

#[test]
fn pools_of_5_and_24_are_unstable() {
    let cfg = settings("table_e");
    let requests = cfg["requests"].as_u64().expect("requests");
    for row in table_rows("# Table E")
        .iter()
        .filter(|r| r[2] == "unstable")
    {
        let pool = num(&row[0]) as u32;
        if pool > 24 {
            continue; // Same story, only slower to simulate.
        }
        let r = run(scenario(pool, requests));
        let max_rps = num(&row[1]);
        // The backlog grows at (offered - capacity): thousands after 100 simulated seconds.
        let deficit = (LAMBDA - max_rps) * r.sim_time_ms / 1000.0;
        assert!(
            r.waiting_at_end as f64 > 0.5 * deficit,
            "pool {pool}: {} waiting, deficit {deficit}",
            r.waiting_at_end
        );
        assert!(
            (r.throughput_rps / max_rps - 1.0).abs() < 0.03,
            "pool {pool}: throughput {} vs capacity {max_rps}",
            r.throughput_rps
        );
    }
}
