//! Validation of bounded waiting (Table B): `queue_limit = c` gives M/M/c/K with K = 2c (blocking,
//! mean wait and response of admitted requests, P(wait | admitted), throughput), and
//! `queue_limit = 0` gives the Erlang B loss system M/M/c/c.

mod pool_support;

use pool_support::{num, par_rows, queue_scenario, run, table_rows, verdict, within};

#[test]
fn mmck_matches_table_b() {
    let checks = par_rows(table_rows("# Table B"), |row| {
        let c = num(&row[0]) as u32;
        let lambda = num(&row[2]);
        let tag = format!("c={c} rho={}", row[1]);
        let r = run(queue_scenario("table_b", c, lambda, Some(c)));
        let conf = &r.confidence;
        assert_eq!(
            r.requests_arrived,
            r.requests_completed + r.requests_failed + r.requests_in_flight,
            "{tag}: conservation"
        );
        assert_eq!(
            r.requests_failed, r.failures.queue_full,
            "{tag}: only rejections"
        );
        assert!(
            r.littles_law_error < 0.01,
            "{tag}: Little {}",
            r.littles_law_error
        );
        // The system never holds more than K = 2c requests.
        assert!(r.waiting_at_end <= u64::from(c), "{tag}: queue bound");
        let throughput_per_ms = r.throughput_rps / 1000.0;
        let lam_eff = num(&row[8]);
        assert!(
            (throughput_per_ms / lam_eff - 1.0).abs() < 0.02,
            "{tag}: throughput {throughput_per_ms} vs {lam_eff}"
        );
        let loss = run(queue_scenario("table_b", c, lambda, Some(0)));
        assert_eq!(loss.wait_ms.p99, 0.0, "{tag}: a loss system never waits");
        let block = num(&row[4]);
        let mut checks = vec![
            within(
                &format!("{tag} Erlang B"),
                loss.confidence.p_reject,
                num(&row[3]),
            ),
            within(&format!("{tag} Wq"), conf.wait_mean, num(&row[5])),
            within(&format!("{tag} W"), conf.latency_mean, num(&row[6])),
            within(&format!("{tag} P(wait)"), conf.p_wait, num(&row[7])),
        ];
        let expected = block * r.requests_arrived as f64;
        if expected >= 20.0 {
            checks.push(within(&format!("{tag} block K=2c"), conf.p_reject, block));
        } else {
            // Too rare for batch means (most batches see none): the count must be Poisson-plausible.
            let seen = r.failures.queue_full as f64;
            assert!(
                seen <= expected + 4.0 * expected.sqrt() + 4.0,
                "{tag}: {seen} rejections, expected {expected}"
            );
        }
        checks
    });
    verdict(&checks);
}
