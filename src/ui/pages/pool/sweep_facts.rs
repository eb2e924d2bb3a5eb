//! Sentences both sweep views share: HikariCP's starting formula, and which instance counts ask
//! for more connections than the database (or PgBouncer) admits.

use yew::prelude::*;

use crate::pool::grid::Grid;
use crate::pool::{Scenario, SweepRun};

/// A run "keeps up" when it completed at least 95 % of its requests (the core's knee rule).
pub fn keeps_up(r: &SweepRun) -> bool {
    r.report.requests_completed as f64 >= 0.95 * r.report.requests_arrived as f64
}

/// HikariCP's `cores × 2 + effective spindles`, or why it cannot be given.
pub fn hikari_line(hikari: Option<u32>, scenario: &Scenario) -> Html {
    html! {
        <li id="pool-sweep-hikari">{ match (hikari, scenario.database.cores) {
            (Some(h), Some(c)) => format!("HikariCP's starting formula: cores × 2 + effective spindles = {c} × 2 + 1 = {h}"),
            _ => "HikariCP's starting formula (cores × 2 + effective spindles) needs the database's cores: set them to compare.".to_owned(),
        } }</li>
    }
}

/// Which instance counts are over the connection limit, and from which pool size on.
/// `total` is the number of runs in the whole grid.
pub fn limit_line(grid: &Grid, total: usize) -> Html {
    let limit = grid.connection_limit;
    let what = if grid.through_bouncer {
        format!("PgBouncer's max_client_conn = {limit}")
    } else {
        format!("max_connections − reserved = {limit}")
    };
    let over = grid.over_limit();
    let text = if over.is_empty() {
        format!("Every combination fits under {what}: instances × pool size ≤ {limit}.")
    } else {
        let runs: u32 = over.iter().map(|o| o.pool_sizes).sum();
        let parts = over
            .iter()
            .map(|o| format!("{} instances from pool {} on", o.instances, o.from_pool))
            .collect::<Vec<_>>()
            .join(", ");
        let refused = if grid.through_bouncer {
            "PgBouncer refuses the client connections beyond it"
        } else {
            "the database refuses the connections beyond it (too many connections)"
        };
        format!(
            "Over {what}: {parts} — {runs} of {total} combinations want more connections than that, and {refused}."
        )
    };
    html! {
        <li id="pool-sweep-limit" class={classes!(if over.is_empty() { "fits" } else { "over" })}>{ text }</li>
    }
}
