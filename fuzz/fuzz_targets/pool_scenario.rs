//! cargo-fuzz target for the pool simulator's inputs: any share-link fragment or scenario JSON must
//! decode to a scenario the engine accepts or a clear error, and an accepted scenario must run a
//! bounded number of events and report without panicking (NaN, huge or zero values included).
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run pool_scenario`. Seed the corpus with the preset
//! files from `../src/pool/presets/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgdojo::pool::{Scenario, Simulation};

/// Events run per accepted scenario: enough to reach arrivals, pools and faults, small enough for
/// libFuzzer's pace.
const EVENTS: u64 = 20_000;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The page's share links carry the scenario compressed; the CLI reads it as JSON.
    let from_link = pgdojo::share::decode::<Scenario>(&text).ok();
    let from_json = serde_json::from_str::<Scenario>(&text).ok();
    for scenario in [from_link, from_json].into_iter().flatten() {
        if let Ok(mut sim) = Simulation::new(scenario) {
            sim.run_for(EVENTS);
            let _ = sim.snapshot();
            let _ = serde_json::to_string(&sim.report());
        }
    }
});
