//! The database's speed under concurrency: processor sharing over `cores`, slowed by the Universal
//! Scalability Law (contention sigma, coherency kappa).

/// Per-connection progress rate (work-ms per ms) with `k` connections doing database work:
/// `min(k, cores) / k / (1 + sigma (k-1) + kappa k (k-1))`. `cores = None` means unlimited.
pub fn per_job_rate(k: usize, cores: Option<u32>, sigma: f64, kappa: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    let kf = k as f64;
    let share = match cores {
        Some(c) if (c as usize) < k => f64::from(c) / kf,
        _ => 1.0,
    };
    share / (1.0 + sigma * (kf - 1.0) + kappa * kf * (kf - 1.0))
}

/// The database's total throughput factor at concurrency `k` (rate × k): what a pool of `k` can get.
pub fn capacity(k: usize, cores: Option<u32>, sigma: f64, kappa: f64) -> f64 {
    per_job_rate(k, cores, sigma, kappa) * k as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_table_e_capacities() {
        // Table E: S = 5 ms, cores 8, sigma .02, kappa .0005: max throughput at P=8 is 1369.86 req/s.
        let x = capacity(8, Some(8), 0.02, 0.0005) / 0.005;
        assert!((x - 1369.86).abs() < 0.01, "{x}");
        let x = capacity(24, Some(8), 0.02, 0.0005) / 0.005;
        assert!((x - 921.659).abs() < 0.001, "{x}");
        assert_eq!(per_job_rate(5, None, 0.0, 0.0), 1.0);
    }
}
