//! Validation against Erlang C (Table A of the reference tables): M/M/c with Poisson arrivals,
//! exponential work, unlimited database cores and no setup cost. P(wait), the mean wait and the wait
//! quantiles p50/p95/p99 must agree with the exact values within the run's batch-means 95 % intervals
//! (as a family: see `pool_support::verdict`).

mod pool_support;

use pool_support::{
    num, par_rows, quantile_within, queue_scenario, run, table_rows, verdict, within,
};

#[test]
fn mmc_matches_erlang_c() {
    let checks = par_rows(table_rows("# Table A"), |row| {
        let c = num(&row[0]) as u32;
        let lambda = num(&row[2]);
        let quantiles = [
            (0.5, num(&row[9])),
            (0.95, num(&row[10])),
            (0.99, num(&row[11])),
        ];
        let mut s = queue_scenario("table_a", c, lambda, None);
        s.wait_thresholds_ms = quantiles.iter().map(|q| q.1).filter(|&t| t > 0.0).collect();
        let r = run(s);
        let tag = format!("c={c} rho={}", row[1]);
        let conf = &r.confidence;
        // Little's law and conservation hold in every run.
        assert!(
            r.littles_law_error < 0.01,
            "{tag}: Little {}",
            r.littles_law_error
        );
        assert_eq!(
            r.requests_arrived,
            r.requests_completed + r.requests_failed + r.requests_in_flight,
            "{tag}: conservation"
        );
        assert_eq!(r.requests_failed, 0, "{tag}: nothing can fail");
        let mut out = vec![
            within(&format!("{tag} P(wait)"), conf.p_wait, num(&row[3])),
            within(&format!("{tag} Wq"), conf.wait_mean, num(&row[4])),
            within(&format!("{tag} W"), conf.latency_mean, num(&row[5])),
        ];
        for (p, exact) in quantiles {
            out.push(quantile_within(&format!("{tag} wait p{p}"), &r, p, exact));
        }
        out
    });
    verdict(&checks);
}
