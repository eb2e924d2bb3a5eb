//! Guided presets for the workshop page: short stories with "try this" prompts, each a scenario
//! (and optionally a second one to compare side by side). The data lives in `presets/*.json`,
//! compiled in, so the page and the tests read the same files.

use super::config::Scenario;
use serde::{Deserialize, Serialize};

/// One guided preset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Stable identifier (for links).
    pub id: String,
    pub title: String,
    /// What happens, in a few sentences.
    pub story: String,
    /// Things to change and watch.
    pub try_this: Vec<String>,
    pub scenario: Scenario,
    /// A second configuration to run beside the first, if the story is a comparison.
    pub compare: Option<Scenario>,
}

/// The preset files, in the order the page shows them.
const SOURCES: [&str; 8] = [
    include_str!("presets/connection_per_request.json"),
    include_str!("presets/fleet_max_connections.json"),
    include_str!("presets/oversized_pool.json"),
    include_str!("presets/http_call_in_transaction.json"),
    include_str!("presets/pgbouncer_fleet.json"),
    include_str!("presets/retry_storm.json"),
    include_str!("presets/nested_deadlock.json"),
    include_str!("presets/restart_storm.json"),
];

/// All presets. A broken preset file is reported as an error, never a panic.
pub fn presets() -> Result<Vec<Preset>, String> {
    SOURCES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let p: Preset =
                serde_json::from_str(text).map_err(|e| format!("preset {}: {e}", i + 1))?;
            p.scenario
                .validate()
                .map_err(|e| format!("preset {}: {e}", p.id))?;
            if let Some(c) = &p.compare {
                c.validate()
                    .map_err(|e| format!("preset {} (compare): {e}", p.id))?;
            }
            Ok(p)
        })
        .collect()
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<Preset> {
    presets().ok()?.into_iter().find(|p| p.id == id)
}
