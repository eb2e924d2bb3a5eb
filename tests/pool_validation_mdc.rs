//! Validation of deterministic work (Table C): M/D/c mean wait against the exact values from
//! Crommelin's embedded chain, within the run's 95 % intervals.

mod pool_support;

use pgdojo::pool::Dist;
use pool_support::{num, par_rows, queue_scenario, run, table_rows, verdict, within};

#[test]
fn mdc_matches_table_c() {
    let checks = par_rows(table_rows("# Table C"), |row| {
        let c = num(&row[0]) as u32;
        let rho = num(&row[1]);
        let tag = format!("c={c} rho={rho}");
        let mut s = queue_scenario("table_c", c, rho * f64::from(c), None);
        s.work.db = Dist::Const { ms: 1.0 };
        let r = run(s);
        assert!(
            r.littles_law_error < 0.01,
            "{tag}: Little {}",
            r.littles_law_error
        );
        // Every hold is exactly one service time.
        assert!(
            (r.mean_hold_ms - 1.0).abs() < 1e-9,
            "{tag}: hold {}",
            r.mean_hold_ms
        );
        vec![
            within(&format!("{tag} Wq"), r.confidence.wait_mean, num(&row[3])),
            within(
                &format!("{tag} W"),
                r.confidence.latency_mean,
                num(&row[3]) + 1.0,
            ),
        ]
    });
    verdict(&checks);
}
