//! What the page keeps in a share link and in its draft: the scenario, plus the sweep's settings
//! (pool-size range and instance list) under a `sweep` key beside the scenario's own fields.
//!
//! The scenario's JSON rejects unknown fields (a typo must not fall back to a default), so the
//! `sweep` key is taken out before the scenario is read. A link or draft without it (every link made
//! before the sweep settings were shared) reads as "sweep settings derived from the scenario".

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::pool::Scenario;
use crate::share::ShareError;

/// The key that carries the sweep settings beside the scenario's fields.
const SWEEP_KEY: &str = "sweep";

/// The sweep's settings the user chose; `None` = derived from the scenario (the default range, the
/// scenario's instance count).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SweepSettings {
    /// Pool sizes `from..=to`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pools: Option<(u32, u32)>,
    /// The instance counts as typed (one count, a range like `1..8`, or a list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instances: Option<String>,
}

/// The page's state as one JSON value: the scenario's fields, and `sweep` unless it is the default.
pub fn to_value(scenario: &Scenario, sweep: &SweepSettings) -> Value {
    let mut value = serde_json::to_value(scenario).unwrap_or(Value::Null);
    if *sweep != SweepSettings::default() {
        if let (Value::Object(map), Ok(settings)) = (&mut value, serde_json::to_value(sweep)) {
            map.insert(SWEEP_KEY.to_owned(), settings);
        }
    }
    value
}

/// Reads the page's state back; the error says what is wrong (as a share link's would).
pub fn from_value(mut value: Value) -> Result<(Scenario, SweepSettings), ShareError> {
    let sweep = match &mut value {
        Value::Object(map) => map.remove(SWEEP_KEY),
        _ => None,
    };
    let scenario: Scenario =
        serde_json::from_value(value).map_err(|e| ShareError::BadState(e.to_string()))?;
    let sweep = match sweep {
        Some(v) => serde_json::from_value(v)
            .map_err(|e| ShareError::BadState(format!("sweep settings: {e}")))?,
        None => SweepSettings::default(),
    };
    Ok((scenario, sweep))
}
