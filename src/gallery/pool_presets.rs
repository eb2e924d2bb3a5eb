//! Guided presets for the pool workshop: short stories from the seed articles, each a scenario plus
//! "try this" changes that turn the problem into its fix (or make it worse).
//!
//! Scenarios and changes are JSON in the scenario file format (docs/pool-scenario.md), so a preset
//! reads like the file a user would write. A change is a JSON merge patch (RFC 7396) applied to the
//! preset's scenario: objects merge, everything else replaces, and an object with a `kind` (a
//! distribution or traffic pattern) replaces the old one whole, since it may be another variant. `tests/gallery_pool_presets.rs` runs
//! every preset and every change and checks that each shows what its story claims.

use crate::pool::Scenario;
use serde_json::Value;

/// One "try this" prompt: what to do, and the change that does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TryThis {
    /// Stable id, used by the page and the tests.
    pub id: &'static str,
    /// The prompt as the page shows it.
    pub prompt: &'static str,
    /// A JSON merge patch applied to the preset's scenario.
    pub patch: &'static str,
}

/// One guided preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Stable id, used in the page's picker and in tests.
    pub id: &'static str,
    pub title: &'static str,
    /// The story in two or three sentences: what happens and what to look at.
    pub story: &'static str,
    /// The scenario, as scenario-file JSON.
    pub scenario: &'static str,
    pub try_this: &'static [TryThis],
}

/// Stories from the seed articles that the simulator cannot tell yet, and what each needs.
pub const NOT_YET_MODELLED: [(&str, &str); 4] = [
    (
        "PgBouncer in transaction mode rescuing a fleet",
        "needs the PgBouncer tier",
    ),
    (
        "A retry storm that outlives its trigger",
        "needs client retries with backoff",
    ),
    (
        "Nested acquisition deadlock",
        "needs requests that take a second connection",
    ),
    (
        "All instances restarting at once",
        "needs restarts (a connection storm)",
    ),
];

/// The presets, in the order the page lists them.
pub const PRESETS: [Preset; 5] = [
    Preset {
        id: "connect-per-request",
        title: "A new connection for every request",
        story: "Without a pool, every request pays the TCP handshake, TLS and authentication before its \
                first query: about 70 ms here, for 5 ms of real work. At 100 requests per second that is \
                100 connections opened and closed every second.",
        scenario: r#"{
            "name": "A new connection for every request",
            "requests": 6000,
            "traffic": {"arrival_rate": 100},
            "work": {"db": {"kind": "exp", "mean_ms": 5}, "rtt_ms": 10},
            "pool": {"mode": "no_pool", "size": 10, "setup": {"round_trips": 7, "auth_cpu_ms": 3}},
            "database": {"max_connections": 100}
        }"#,
        try_this: &[
            TryThis {
                id: "use-a-pool",
                prompt: "Switch to a pool of 10: only the first requests pay for a connection.",
                patch: r#"{"pool": {"mode": "pooled"}}"#,
            },
            TryThis {
                id: "ten-times-traffic",
                prompt: "Without a pool, raise traffic to 1,500 requests per second: the open \
                         connections reach max_connections and the database refuses new ones.",
                patch: r#"{"requests": 30000, "traffic": {"arrival_rate": 1500}}"#,
            },
        ],
    },
    Preset {
        id: "fleet-max-connections",
        title: "20 instances × pool 10 against max_connections 100",
        story: "Each instance's pool looks modest, but the fleet may open 200 connections and PostgreSQL \
                allows 100, three of them reserved for superusers. Under load the pools grow until the \
                database answers \"too many connections\" (SQLSTATE 53300).",
        scenario: r#"{
            "name": "20 instances x pool 10 against max_connections 100",
            "requests": 30000,
            "traffic": {"arrival_rate": 700},
            "work": {"db": {"kind": "exp", "mean_ms": 20}, "app": {"kind": "const", "ms": 80}},
            "pool": {"instances": 20, "size": 10, "acquire_timeout_ms": 5000},
            "database": {"max_connections": 100, "reserved_connections": 3}
        }"#,
        try_this: &[
            TryThis {
                id: "pool-of-four",
                prompt: "Give each instance a pool of 4: 80 connections fit under the limit, and \
                         requests wait a little instead of failing.",
                patch: r#"{"pool": {"size": 4}}"#,
            },
            TryThis {
                id: "raise-max-connections",
                prompt: "Raise max_connections to 250 instead: no refusals, but look at the memory \
                         the extra backends take.",
                patch: r#"{"database": {"max_connections": 250}}"#,
            },
        ],
    },
    Preset {
        id: "big-pool-small-database",
        title: "A pool of 48 on an 8-core database (the pool 2048 → 96 demo, scaled down)",
        story: "More connections than cores do not add throughput: they contend for CPU, locks and \
                caches, so every query slows down. Here 1,000 requests per second of 5 ms queries meet \
                8 cores whose throughput peaks at 8 active connections. A pool of 48 lets the database \
                thrash and the queue never drains; a pool of 8 keeps up with room to spare.",
        scenario: r#"{
            "name": "Pool 48 on an 8-core database",
            "requests": 20000,
            "traffic": {"arrival_rate": 1000},
            "work": {"db": {"kind": "exp", "mean_ms": 5}},
            "pool": {"size": 48},
            "database": {"cores": 8, "usl_sigma": 0.02, "usl_kappa": 0.0005, "max_connections": 200}
        }"#,
        try_this: &[
            TryThis {
                id: "pool-of-eight",
                prompt: "Shrink the pool to 8: requests wait a little for a connection, and the \
                         latency collapses from seconds to milliseconds.",
                patch: r#"{"pool": {"size": 8}}"#,
            },
            TryThis {
                id: "pool-of-five",
                prompt: "Too small is bad too: at 5 connections the database cannot keep up with \
                         1,000 requests per second.",
                patch: r#"{"pool": {"size": 5}}"#,
            },
        ],
    },
    Preset {
        id: "http-in-transaction",
        title: "A transaction that wraps an external HTTP call",
        story: "The handler opens a transaction, runs a 3 ms query, then calls a payment API before \
                committing. The connection stays checked out during the call (150 ms typical, 1.5 s \
                at p99), so 10 connections serve only about 40 requests per second and the rest time \
                out waiting for the pool.",
        scenario: r#"{
            "name": "A transaction that wraps an external HTTP call",
            "requests": 6000,
            "traffic": {"arrival_rate": 50},
            "work": {
                "db": {"kind": "exp", "mean_ms": 3},
                "app": {"kind": "lognormal", "p50_ms": 150, "p99_ms": 1500}
            },
            "pool": {"size": 10, "acquire_timeout_ms": 2000}
        }"#,
        try_this: &[TryThis {
            id: "call-outside-transaction",
            prompt: "Make the HTTP call before the transaction (app time 0): each request holds its \
                     connection for 3 ms and the pool is nearly idle.",
            patch: r#"{"work": {"app": {"kind": "const", "ms": 0}}}"#,
        }],
    },
    Preset {
        id: "traffic-bursts",
        title: "Bursts: a pool sized for the average",
        story: "Traffic averages 150 requests per second, but every half minute or so a two-second \
                burst brings 600. A pool of 4 handles the calm easily; during a burst the queue grows \
                and takes a while to drain, which is where the p99 comes from.",
        scenario: r#"{
            "name": "Bursts against a pool sized for the average",
            "requests": 20000,
            "traffic": {
                "arrival_rate": 150,
                "pattern": {"kind": "mmpp", "burst_rate": 600, "mean_calm_ms": 30000, "mean_burst_ms": 2000}
            },
            "work": {"db": {"kind": "exp", "mean_ms": 10}},
            "pool": {"size": 4}
        }"#,
        try_this: &[TryThis {
            id: "pool-for-bursts",
            prompt: "Size the pool for the burst instead (8 connections): the p99 drops to a few \
                     service times.",
            patch: r#"{"pool": {"size": 8}}"#,
        }],
    },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// The preset's scenario (with its story as the description).
    pub fn scenario(&self) -> Result<Scenario, String> {
        let mut s = Scenario::from_json(self.scenario)?;
        s.description = self.story.to_owned();
        Ok(s)
    }

    /// The preset's scenario with one "try this" change applied.
    pub fn tried(&self, try_id: &str) -> Result<Scenario, String> {
        let change = self
            .try_this
            .iter()
            .find(|t| t.id == try_id)
            .ok_or_else(|| format!("preset {} has no change {try_id:?}", self.id))?;
        apply_patch(&self.scenario()?, change.patch)
    }
}

/// Applies a JSON merge patch to a scenario and validates the result.
pub fn apply_patch(base: &Scenario, patch: &str) -> Result<Scenario, String> {
    let mut value = serde_json::to_value(base).map_err(|e| e.to_string())?;
    let patch: Value = serde_json::from_str(patch).map_err(|e| format!("invalid patch: {e}"))?;
    merge(&mut value, patch);
    let s: Scenario = serde_json::from_value(value).map_err(|e| format!("invalid change: {e}"))?;
    s.validate()?;
    Ok(s)
}

/// RFC 7396: objects merge key by key, `null` removes a key, anything else replaces. A tagged
/// object (with `kind`) replaces whole: merging `const` into `lognormal` would mix their fields.
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

    #[test]
    fn merge_patch_merges_objects_and_replaces_the_rest() {
        let base = Scenario::default();
        let s = apply_patch(&base, r#"{"pool": {"size": 3}, "seed": 7}"#).expect("valid");
        assert_eq!(s.pool.size, 3);
        assert_eq!(s.seed, 7);
        assert_eq!(s.pool.instances, base.pool.instances);
        assert!(apply_patch(&base, r#"{"pool": {"sise": 3}}"#).is_err());
        let s =
            apply_patch(&base, r#"{"work": {"db": {"kind": "const", "ms": 2}}}"#).expect("kind");
        assert_eq!(s.work.db, crate::pool::Dist::Const { ms: 2.0 });
    }
}
