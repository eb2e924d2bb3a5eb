//! The scenario: everything a run depends on, as plain serde data.
//!
//! The same struct is the JSON scenario file, the CLI's base (flags override it), and what the page puts
//! in a share link. Every field has a default, so a scenario file only names what it changes; unknown
//! fields are rejected so that a typo cannot silently fall back to a default. Schema: docs/pool-scenario.md.

use super::bouncer::Bouncer;
use super::closed_loop::ClosedLoop;
use super::dist::Dist;
use super::faults::Faults;
use super::traffic::Pattern;
use serde::{Deserialize, Serialize};

/// A complete simulation scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// A short title (presets, exported files).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the scenario shows; free text.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Seed of the simulator's own PRNG: same seed and scenario, same result everywhere.
    pub seed: u64,
    /// The run ends when this many requests have arrived.
    pub requests: u64,
    /// The first requests are simulated but left out of the distributions and time averages.
    pub warmup_requests: u64,
    /// Number of batches for the batch-means confidence intervals.
    pub batches: u32,
    /// Report the fraction of pool waits longer than each of these (ms), with confidence intervals.
    pub wait_thresholds_ms: Vec<f64>,
    /// Time-series resolution in simulated ms (doubles automatically on long runs); 0 = no series.
    pub series_interval_ms: f64,
    /// Overload guard: at most this many requests in the system at once (waiting, holding a
    /// connection, waiting to retry, or abandoned by their caller but still queued; with a client
    /// timeout also answered attempts whose caller's timer is still pending). Arrivals beyond
    /// it are refused (`overload_guard`), so an overloaded run with unbounded queues still ends with
    /// bounded memory. A safety bound of the simulator, not a PostgreSQL or pool setting. Left out
    /// of the JSON at its default, so share links stay as short as before the field existed.
    #[serde(skip_serializing_if = "is_default_max_in_system")]
    pub max_in_system: u64,
    pub traffic: Traffic,
    pub work: Work,
    pub pool: PoolConfig,
    pub database: DatabaseConfig,
    /// PgBouncer between the apps and the database (`null` = apps connect directly).
    pub bouncer: Option<Bouncer>,
    pub faults: Faults,
}

/// How requests arrive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Traffic {
    /// Poisson arrivals per second, over all instances (spread uniformly at random).
    pub arrival_rate: f64,
    /// How the rate varies over time (default: constant).
    pub pattern: Pattern,
    /// Closed-loop users instead of open-loop arrivals (`null` = open loop).
    pub closed_loop: Option<ClosedLoop>,
}

/// What a request does while it holds a connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Work {
    /// Database CPU time at concurrency 1 (slowed down by sharing and the USL).
    pub db: Dist,
    /// App time inside the transaction (e.g. an external HTTP call) after the database work.
    pub app: Dist,
    /// Network round trips between app and database per transaction.
    pub round_trips: u32,
    /// One network round trip, in ms.
    pub rtt_ms: f64,
}

/// Whether instances use a pool or open a connection per request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolMode {
    /// HikariCP-style pool per instance.
    Pooled,
    /// Open and close a connection for every request.
    NoPool,
}

/// Cost of opening one connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Setup {
    /// Network round trips (TCP, TLS, startup, auth), each `work.rtt_ms` long.
    pub round_trips: u32,
    /// Server-side auth/TLS/backend-start CPU, which competes with queries for database CPU.
    pub auth_cpu_ms: f64,
}

/// The app tier: instances, each with its own pool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PoolConfig {
    pub mode: PoolMode,
    /// Number of app instances.
    pub instances: u32,
    /// Maximum pool size per instance.
    pub size: u32,
    /// At most this many requests wait per pool; more are rejected at once. `null` = unbounded.
    pub queue_limit: Option<u32>,
    /// A request still waiting this long after arrival fails.
    pub acquire_timeout_ms: f64,
    /// Idle connections the pool keeps ready; `null` = the pool size (HikariCP's default: a fixed
    /// pool, opened at start).
    pub min_idle: Option<u32>,
    /// Connections are retired after this long, each up to 2.5 % sooner at random (0 = never).
    pub max_lifetime_ms: f64,
    /// Idle connections above `min_idle` close after this long (0 = never).
    pub idle_timeout_ms: f64,
    pub setup: Setup,
}

/// The PostgreSQL server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// CPU cores; `null` = unlimited (plain independent service when sigma = kappa = 0).
    pub cores: Option<u32>,
    /// USL contention.
    pub usl_sigma: f64,
    /// USL coherency.
    pub usl_kappa: f64,
    /// `max_connections`.
    pub max_connections: u32,
    /// `superuser_reserved_connections`: app connections fail beyond `max_connections - reserved`.
    pub reserved_connections: u32,
    /// Memory per backend connection, for display.
    pub memory_per_connection_mb: f64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            name: String::new(),
            description: String::new(),
            seed: 1,
            requests: 100_000,
            warmup_requests: 0,
            batches: 20,
            wait_thresholds_ms: Vec::new(),
            series_interval_ms: 1000.0,
            max_in_system: DEFAULT_MAX_IN_SYSTEM,
            traffic: Traffic::default(),
            work: Work::default(),
            pool: PoolConfig::default(),
            database: DatabaseConfig::default(),
            bouncer: None,
            faults: Faults::default(),
        }
    }
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic {
            arrival_rate: 100.0,
            pattern: Pattern::Poisson,
            closed_loop: None,
        }
    }
}

impl Default for Work {
    fn default() -> Self {
        Work {
            db: Dist::Exp { mean_ms: 5.0 },
            app: Dist::Const { ms: 0.0 },
            round_trips: 0,
            rtt_ms: 0.5,
        }
    }
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            round_trips: 0,
            auth_cpu_ms: 0.0,
        }
    }
}

impl Default for PoolConfig {
    fn default() -> Self {
        PoolConfig {
            mode: PoolMode::Pooled,
            instances: 1,
            size: 10,
            queue_limit: None,
            acquire_timeout_ms: 30_000.0,
            min_idle: None,
            max_lifetime_ms: 1_800_000.0,
            idle_timeout_ms: 600_000.0,
            setup: Setup::default(),
        }
    }
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            cores: None,
            usl_sigma: 0.0,
            usl_kappa: 0.0,
            max_connections: 100,
            reserved_connections: 3,
            memory_per_connection_mb: 2.0,
        }
    }
}

fn is_default_max_in_system(n: &u64) -> bool {
    *n == DEFAULT_MAX_IN_SYSTEM
}

fn check(ok: bool, msg: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(msg())
    }
}

fn nonneg(name: &str, x: f64) -> Result<(), String> {
    check(x.is_finite() && x >= 0.0, || {
        format!("{name} must be a finite number >= 0, got {x}")
    })
}

/// Upper bounds that keep one run within memory and patience (also in the browser).
pub const MAX_INSTANCES: u32 = 10_000;
pub const MAX_POOL_SIZE: u32 = 100_000;
pub const MAX_REQUESTS: u64 = 1_000_000_000;
pub const MAX_APP_CONNECTIONS: u64 = 1_000_000;
/// Default of [`Scenario::max_in_system`]: far above any sane queue, well within a browser's memory
/// (a waiting request takes well under 100 bytes).
pub const DEFAULT_MAX_IN_SYSTEM: u64 = 1_000_000;
/// Largest accepted [`Scenario::max_in_system`].
pub const MAX_IN_SYSTEM_LIMIT: u64 = 100_000_000;

impl Scenario {
    /// Parses scenario JSON; the error says what is wrong and where.
    pub fn from_json(text: &str) -> Result<Scenario, String> {
        let s: Scenario =
            serde_json::from_str(text).map_err(|e| format!("invalid scenario JSON: {e}"))?;
        s.validate()?;
        Ok(s)
    }

    /// Checks every field's range, so a run never meets a nonsensical value.
    pub fn validate(&self) -> Result<(), String> {
        check(self.requests >= 1 && self.requests <= MAX_REQUESTS, || {
            format!("requests must be 1..={MAX_REQUESTS}, got {}", self.requests)
        })?;
        check(self.warmup_requests < self.requests, || {
            "warmup_requests must be smaller than requests".to_string()
        })?;
        check(self.batches <= 1000, || {
            "batches must be <= 1000".to_string()
        })?;
        check(self.wait_thresholds_ms.len() <= 16, || {
            "at most 16 wait thresholds".to_string()
        })?;
        let si = self.series_interval_ms;
        check(si == 0.0 || (si.is_finite() && si >= 0.001), || {
            format!("series_interval_ms must be 0 (off) or >= 0.001, got {si}")
        })?;
        check(
            (1..=MAX_IN_SYSTEM_LIMIT).contains(&self.max_in_system),
            || {
                format!(
                    "max_in_system must be 1..={MAX_IN_SYSTEM_LIMIT}, got {}",
                    self.max_in_system
                )
            },
        )?;
        for &t in &self.wait_thresholds_ms {
            nonneg("wait threshold", t)?;
        }
        let rate = self.traffic.arrival_rate;
        check(rate.is_finite() && (1e-3..=1e9).contains(&rate), || {
            format!("arrival rate must be from 0.001 to 1e9 per second, got {rate}")
        })?;
        self.traffic.pattern.validate()?;
        if let Some(c) = &self.traffic.closed_loop {
            c.validate()?;
        }
        self.faults.validate()?;
        if let Some(b) = &self.bouncer {
            b.validate()?;
        }
        self.work.db.validate()?;
        self.work.app.validate()?;
        nonneg("rtt_ms", self.work.rtt_ms)?;
        let p = &self.pool;
        check(p.instances >= 1 && p.instances <= MAX_INSTANCES, || {
            format!("instances must be 1..={MAX_INSTANCES}, got {}", p.instances)
        })?;
        check(p.size >= 1 && p.size <= MAX_POOL_SIZE, || {
            format!("pool size must be 1..={MAX_POOL_SIZE}, got {}", p.size)
        })?;
        let total = u64::from(p.instances) * u64::from(p.size);
        check(total <= MAX_APP_CONNECTIONS, || {
            format!("instances x pool size must be at most {MAX_APP_CONNECTIONS}, got {total}")
        })?;
        nonneg("acquire_timeout_ms", p.acquire_timeout_ms)?;
        nonneg("max_lifetime_ms", p.max_lifetime_ms)?;
        nonneg("idle_timeout_ms", p.idle_timeout_ms)?;
        nonneg("setup auth_cpu_ms", p.setup.auth_cpu_ms)?;
        let d = &self.database;
        check(d.cores != Some(0), || "db cores must be >= 1".to_string())?;
        nonneg("usl_sigma", d.usl_sigma)?;
        nonneg("usl_kappa", d.usl_kappa)?;
        nonneg("memory_per_connection_mb", d.memory_per_connection_mb)?;
        Ok(())
    }

    /// Idle connections each pool keeps (never more than its size).
    pub fn min_idle(&self) -> u32 {
        self.pool
            .min_idle
            .unwrap_or(self.pool.size)
            .min(self.pool.size)
    }

    /// Connections the app tier may hold at most (`max_connections - reserved`).
    pub fn app_connection_limit(&self) -> u32 {
        self.database
            .max_connections
            .saturating_sub(self.database.reserved_connections)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_json_keeps_defaults() {
        let s = Scenario::from_json(r#"{"pool": {"size": 4}, "seed": 9}"#).expect("valid");
        assert_eq!(s.pool.size, 4);
        assert_eq!(s.seed, 9);
        assert_eq!(s.pool.instances, 1);
    }

    #[test]
    fn typos_and_bad_values_are_errors() {
        let e = Scenario::from_json(r#"{"pool": {"sise": 4}}"#).unwrap_err();
        assert!(e.contains("sise"), "{e}");
        assert!(Scenario::from_json(r#"{"traffic": {"arrival_rate": 0}}"#).is_err());
        assert!(Scenario::from_json("[").is_err());
    }

    #[test]
    fn round_trips_through_json() {
        let s = Scenario::default();
        let text = serde_json::to_string(&s).expect("serialises");
        assert_eq!(Scenario::from_json(&text), Ok(s));
    }
}
