//! Shared helpers of the pool tests: reading the reference tables in `../shared/reference/` and
//! running a scenario to the end.
#![allow(dead_code)]

use pgdojo::pool::batch_means::Interval;
use pgdojo::pool::{Report, Scenario, Simulation};

/// Path of the queueing reference tables, relative to the crate root (never copied into the repo).
pub const TABLES: &str = "../shared/reference/queueing-tables.md";

/// The data rows of the table whose heading starts with `heading`, as cells (first column first).
pub fn table_rows(heading: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(TABLES).expect("reference tables readable");
    let mut rows = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("# Table") {
            inside = line.starts_with(heading);
            continue;
        }
        if !inside || !line.starts_with('|') || line.starts_with("|---") {
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        if cells[0].parse::<f64>().is_ok() {
            rows.push(cells);
        }
    }
    assert!(!rows.is_empty(), "no rows under {heading}");
    rows
}

/// A cell as a number.
pub fn num(cell: &str) -> f64 {
    cell.parse()
        .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
}

/// Runs a scenario to the end.
pub fn run(scenario: Scenario) -> Report {
    let mut sim = Simulation::new(scenario).expect("valid scenario");
    sim.run_to_end();
    sim.report()
}

/// Run settings of a validation table, from `tests/fixtures/pool/validation.json`.
pub fn settings(table: &str) -> serde_json::Value {
    let text = std::fs::read_to_string("tests/fixtures/pool/validation.json").expect("fixture");
    let all: serde_json::Value = serde_json::from_str(&text).expect("fixture JSON");
    all[table].clone()
}

/// An M/M/c-style scenario from a table's settings: `c` connections, arrival rate `lambda` per
/// service time (1 ms), unlimited cores, no setup cost, no timeouts, a run long enough for `rho`.
pub fn queue_scenario(table: &str, c: u32, lambda: f64, queue_limit: Option<u32>) -> Scenario {
    let cfg = settings(table);
    let field = |k: &str| cfg[k].as_f64().unwrap_or_else(|| panic!("{table}.{k}"));
    let rho = lambda / f64::from(c);
    let relaxation = rho / (1.0 - rho.sqrt()).powi(2);
    let requests = (field("relaxations") * relaxation).max(field("min_requests")) as u64;
    let mut s = Scenario {
        // Rows differ in seed too: with one seed, rows of equal rho would replay the same scaled
        // traffic and their errors would be correlated.
        seed: field("seed") as u64 * 1_000_003 + u64::from(c) * 1000 + (rho * 1000.0) as u64,
        requests,
        warmup_requests: (requests as f64 * field("warmup_fraction")) as u64,
        batches: field("batches") as u32,
        series_interval_ms: 0.0,
        ..Scenario::default()
    };
    s.traffic.arrival_rate = lambda * 1000.0;
    s.work.db = pgdojo::pool::Dist::Exp { mean_ms: 1.0 };
    s.pool.size = c;
    s.pool.queue_limit = queue_limit;
    s.pool.acquire_timeout_ms = 1e15;
    s.database.max_connections = 1_000_000;
    s
}

/// Runs `f` on every row in parallel (rows are independent runs) and collects the checks.
pub fn par_rows<F>(rows: Vec<Vec<String>>, f: F) -> Vec<Check>
where
    F: Fn(&[String]) -> Vec<Check> + Sync,
{
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows.iter().map(|row| scope.spawn(move || f(row))).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("row thread"))
            .collect()
    })
}

/// One comparison of an exact value with a run's 95 % interval.
#[derive(Debug)]
pub struct Check {
    pub name: String,
    /// Inside the 95 % interval.
    pub inside_95: bool,
    /// Inside the same interval widened to 99.9 %.
    pub inside_999: bool,
    pub detail: String,
}

/// Student t 99.95 % over 97.5 % quantiles at `batches - 1` degrees of freedom: turns a 95 % interval
/// into a 99.9 % one.
fn t_ratio(batches: usize) -> f64 {
    const T9995: [f64; 30] = [
        636.62, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587, 4.437, 4.318,
        4.221, 4.140, 4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745, 3.725,
        3.707, 3.690, 3.674, 3.659, 3.646,
    ];
    const T975: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    assert!(
        (2..=31).contains(&batches),
        "{batches} batches: need 2..=31"
    );
    T9995[batches - 2] / T975[batches - 2]
}

/// Compares `exact` with a 95 % interval.
pub fn within(name: &str, ci: Interval, exact: f64) -> Check {
    let widen = t_ratio(ci.batches);
    let off = (exact - ci.mean).abs();
    Check {
        name: name.to_string(),
        inside_95: off <= ci.half_width,
        inside_999: off <= ci.half_width * widen,
        detail: format!("exact {exact} vs {:.6} ± {:.6}", ci.mean, ci.half_width),
    }
}

/// The family verdict over many checks: a 95 % interval misses the truth 5 % of the time by design,
/// so with dozens of checks a few misses are expected. We require at most 10 % misses (the binomial
/// 95th percentile of 5 % misses for ~50+ checks) and no value outside its 99.9 % interval.
pub fn verdict(checks: &[Check]) {
    assert!(checks.len() >= 10, "too few checks: {}", checks.len());
    eprintln!(
        "{} checks, {} outside their 95 % interval",
        checks.len(),
        checks.iter().filter(|c| !c.inside_95).count()
    );
    let misses: Vec<&Check> = checks.iter().filter(|c| !c.inside_95).collect();
    let gross: Vec<&Check> = checks.iter().filter(|c| !c.inside_999).collect();
    let listing = |v: &[&Check]| {
        v.iter()
            .map(|c| format!("  {}: {}", c.name, c.detail))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        gross.is_empty(),
        "outside the 99.9 % interval:\n{}",
        listing(&gross)
    );
    assert!(
        misses.len() * 10 <= checks.len(),
        "{} of {} checks outside their 95 % interval:\n{}",
        misses.len(),
        checks.len(),
        listing(&misses)
    );
}

/// Checks a wait quantile through the distribution function: the fraction of waits above the exact
/// p-quantile must be 1-p within its interval. An exact quantile of 0 (p <= 1-P(wait)) only needs
/// P(wait) not to be significantly above 1-p.
pub fn quantile_within(name: &str, report: &Report, p: f64, exact: f64) -> Check {
    if exact == 0.0 {
        // Same as comparing 1-p with P(wait), but only a P(wait) above 1-p contradicts.
        let pw = report.confidence.p_wait;
        let mut check = within(
            &format!("{name} (exact 0) P(wait) <= {}", 1.0 - p),
            pw,
            1.0 - p,
        );
        if pw.mean <= 1.0 - p {
            check.inside_95 = true;
            check.inside_999 = true;
        }
        return check;
    }
    let e = report
        .confidence
        .wait_exceeds
        .iter()
        .find(|e| e.threshold_ms == exact)
        .unwrap_or_else(|| panic!("{name}: threshold {exact} not tracked"));
    within(&format!("{name} P(wait > {exact})"), e.fraction, 1.0 - p)
}
