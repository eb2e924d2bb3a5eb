//! Guided presets for the workshop page: short stories with "try this" prompts, each a scenario
//! (and optionally a second one to compare side by side). The data lives in `presets/*.json`,
//! compiled in, so the page and the tests read the same files. A preset's `changes` are its "try
//! this" prompts as buttons: JSON merge patches (see `preset_patch`) applied to its scenario.

use super::config::Scenario;
use super::preset_patch::apply_patch;
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
    /// "Try this" changes the page can apply with one click.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One "try this" change: a label and the merge patch that does it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Stable identifier (element ids, tests).
    pub id: String,
    /// What the change does, as the page shows it.
    pub label: String,
    /// A JSON merge patch applied to the preset's scenario.
    pub patch: serde_json::Value,
}

impl Preset {
    /// The preset's scenario with the change `id` applied (and validated).
    pub fn tried(&self, id: &str) -> Result<Scenario, String> {
        let change = self
            .changes
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| format!("preset {} has no change {id:?}", self.id))?;
        apply_patch(&self.scenario, &change.patch)
    }
}

/// The preset files, in the order the page shows them.
const SOURCES: [&str; 9] = [
    include_str!("presets/connection_per_request.json"),
    include_str!("presets/fleet_max_connections.json"),
    include_str!("presets/oversized_pool.json"),
    include_str!("presets/http_call_in_transaction.json"),
    include_str!("presets/pgbouncer_fleet.json"),
    include_str!("presets/retry_storm.json"),
    include_str!("presets/nested_deadlock.json"),
    include_str!("presets/restart_storm.json"),
    include_str!("presets/traffic_bursts.json"),
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
            for change in &p.changes {
                p.tried(&change.id)
                    .map_err(|e| format!("preset {} change {}: {e}", p.id, change.id))?;
            }
            Ok(p)
        })
        .collect()
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<Preset> {
    presets().ok()?.into_iter().find(|p| p.id == id)
}
