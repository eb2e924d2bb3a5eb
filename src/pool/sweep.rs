//! Sweeps over pool size: one run per size with the same seed (so the same traffic), and the knee.

use super::config::Scenario;
use super::report::Report;
use super::simulation::Simulation;
use serde::{Deserialize, Serialize};

/// One run of a sweep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepRun {
    pub pool_size: u32,
    #[serde(flatten)]
    pub report: Report,
}

/// A whole sweep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    pub runs: Vec<SweepRun>,
    /// Smallest pool size whose p99 latency is within 5 % of the best p99 (of runs that completed
    /// nearly everything); `null` when no run qualifies.
    pub knee: Option<u32>,
    /// Smallest size above the best-throughput size whose throughput falls below 90 % of the best.
    pub collapse: Option<u32>,
    /// HikariCP's starting point `cores * 2 + effective spindles` (1 spindle), if cores are known.
    pub hikari_formula: Option<u32>,
}

/// Largest number of pool sizes in one sweep.
pub const MAX_SWEEP_RUNS: u32 = 512;

/// Parses `A..B` (inclusive) into a pool-size range.
pub fn parse_range(text: &str) -> Result<(u32, u32), String> {
    let (a, b) = text
        .split_once("..")
        .ok_or_else(|| format!("expected A..B like 4..32, got {text:?}"))?;
    let num = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("{s:?} is not a pool size in {text:?}"))
    };
    let (a, b) = (num(a)?, num(b.trim_start_matches('='))?);
    if a == 0 || b < a {
        return Err(format!("need 1 <= A <= B, got {text:?}"));
    }
    if b - a >= MAX_SWEEP_RUNS {
        return Err(format!("at most {MAX_SWEEP_RUNS} pool sizes per sweep"));
    }
    Ok((a, b))
}

/// A run "keeps up" when it completed at least 95 % of what arrived: only those can be the knee.
/// `allowance` requests still in flight at the end count as kept up with: closed-loop users always
/// have up to one request each in flight, however fast the system is.
fn keeps_up(r: &Report, allowance: u64) -> bool {
    let done = r.requests_completed + r.requests_in_flight.min(allowance);
    r.requests_arrived > 0 && done as f64 >= 0.95 * r.requests_arrived as f64
}

/// Runs `base` at every pool size in `from..=to`.
pub fn sweep_pool(base: &Scenario, from: u32, to: u32) -> Result<Sweep, String> {
    let mut runs = Vec::new();
    for size in from..=to {
        let mut s = base.clone();
        s.pool.size = size;
        let mut sim = Simulation::new(s)?;
        sim.run_to_end();
        runs.push(SweepRun {
            pool_size: size,
            report: sim.report(),
        });
    }
    Ok(summarise_for(runs, base))
}

/// A pool-size sweep at one instance count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceSweep {
    pub instances: u32,
    #[serde(flatten)]
    pub sweep: Sweep,
}

/// Runs a pool-size sweep for every instance count in `instances` (inclusive): the grid of pool
/// size × instance count, each row with its own knee.
pub fn sweep_grid(
    base: &Scenario,
    pools: (u32, u32),
    instances: (u32, u32),
) -> Result<Vec<InstanceSweep>, String> {
    let cells = u64::from(pools.1 - pools.0 + 1) * u64::from(instances.1 - instances.0 + 1);
    if cells > u64::from(MAX_SWEEP_RUNS) {
        return Err(format!(
            "{cells} runs in the grid; at most {MAX_SWEEP_RUNS}"
        ));
    }
    (instances.0..=instances.1)
        .map(|n| {
            let mut s = base.clone();
            s.pool.instances = n;
            Ok(InstanceSweep {
                instances: n,
                sweep: sweep_pool(&s, pools.0, pools.1)?,
            })
        })
        .collect()
}

/// Finds the knee and the collapse of a list of runs of `base` (its cores and closed-loop users).
pub fn summarise_for(runs: Vec<SweepRun>, base: &Scenario) -> Sweep {
    let users = base.traffic.closed_loop.as_ref().map_or(0, |c| c.users);
    summarise_with(runs, base.database.cores, u64::from(users))
}

/// Finds the knee and the collapse of a list of open-loop runs (see [`summarise_for`]).
pub fn summarise(runs: Vec<SweepRun>, cores: Option<u32>) -> Sweep {
    summarise_with(runs, cores, 0)
}

fn summarise_with(runs: Vec<SweepRun>, cores: Option<u32>, allowance: u64) -> Sweep {
    let keeps_up = |r: &Report| keeps_up(r, allowance);
    let best_p99 = runs
        .iter()
        .filter(|r| keeps_up(&r.report))
        .map(|r| r.report.latency_ms.p99)
        .fold(f64::INFINITY, f64::min);
    let knee = runs
        .iter()
        .find(|r| keeps_up(&r.report) && r.report.latency_ms.p99 <= best_p99 * 1.05)
        .map(|r| r.pool_size);
    let best = runs
        .iter()
        .max_by(|a, b| a.report.throughput_rps.total_cmp(&b.report.throughput_rps));
    let collapse = best.and_then(|best| {
        let (size, x) = (best.pool_size, best.report.throughput_rps);
        runs.iter()
            .find(|r| r.pool_size > size && r.report.throughput_rps < 0.9 * x)
            .map(|r| r.pool_size)
    });
    Sweep {
        runs,
        knee,
        collapse,
        hikari_formula: cores.map(|c| c.saturating_mul(2).saturating_add(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ranges() {
        assert_eq!(parse_range("4..32"), Ok((4, 32)));
        assert_eq!(parse_range("4..=8"), Ok((4, 8)));
        assert!(parse_range("8..4").is_err());
        assert!(parse_range("0..4").is_err());
        assert!(parse_range("x").is_err());
        assert!(parse_range("1..100000").is_err());
    }
}
