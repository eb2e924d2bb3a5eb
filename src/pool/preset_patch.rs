//! JSON merge patches (RFC 7396) applied to a scenario: how a preset's "try this" changes are
//! stored, so a change reads like the scenario file a user would write.

use super::config::Scenario;
use serde_json::Value;

/// Applies a JSON merge patch to a scenario and validates the result.
pub fn apply_patch(base: &Scenario, patch: &Value) -> Result<Scenario, String> {
    let mut value = serde_json::to_value(base).map_err(|e| e.to_string())?;
    merge(&mut value, patch.clone());
    let s: Scenario = serde_json::from_value(value).map_err(|e| format!("invalid change: {e}"))?;
    s.validate()?;
    Ok(s)
}

/// Objects merge key by key, `null` removes a key, anything else replaces. A tagged object (with
/// `kind`) replaces whole: merging `const` into `lognormal` would mix the two variants' fields.
fn merge(target: &mut Value, patch: Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) if !p.contains_key("kind") => {
            for (key, value) in p {
                if value.is_null() {
                    t.remove(&key);
                } else {
                    merge(t.entry(key).or_insert(Value::Null), value);
                }
            }
        }
        (target, patch) => *target = patch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_merges_objects_and_replaces_the_rest() {
        let base = Scenario::default();
        let s = apply_patch(&base, &json!({"pool": {"size": 3}, "seed": 7})).expect("valid");
        assert_eq!(s.pool.size, 3);
        assert_eq!(s.seed, 7);
        assert_eq!(s.pool.instances, base.pool.instances);
        assert!(apply_patch(&base, &json!({"pool": {"sise": 3}})).is_err());
        let s =
            apply_patch(&base, &json!({"work": {"db": {"kind": "const", "ms": 2}}})).expect("kind");
        assert_eq!(s.work.db, crate::pool::Dist::Const { ms: 2.0 });
    }
}
