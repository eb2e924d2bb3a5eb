//! The optional PgBouncer tier between the apps and the database.
//!
//! App pools then hold client connections to PgBouncer (limited by `max_client_conn`), and PgBouncer
//! multiplexes them onto at most `pool_size` (+ `reserve_pool_size`) server connections. In
//! transaction mode a server connection is lent for one transaction; in session mode it stays bound
//! to the client connection until that closes.

use serde::{Deserialize, Serialize};

/// How PgBouncer assigns server connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BouncerMode {
    /// A server connection per client connection, for as long as the client stays connected.
    Session,
    /// A server connection per transaction.
    Transaction,
}

/// PgBouncer settings (one database/user pair).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bouncer {
    pub mode: BouncerMode,
    /// `default_pool_size`: server connections.
    pub pool_size: u32,
    /// `reserve_pool_size`: extra server connections for clients that waited too long.
    pub reserve_pool_size: u32,
    /// `reserve_pool_timeout` in ms: how long a client waits before the reserve may be used.
    pub reserve_pool_timeout_ms: f64,
    /// `max_client_conn`: client connections PgBouncer accepts.
    pub max_client_conn: u32,
    /// `query_wait_timeout` in ms: a client waiting this long for a server connection gets an error.
    pub query_wait_timeout_ms: f64,
}

impl Default for Bouncer {
    fn default() -> Self {
        Bouncer {
            mode: BouncerMode::Transaction,
            pool_size: 20,
            reserve_pool_size: 0,
            reserve_pool_timeout_ms: 5000.0,
            max_client_conn: 100,
            query_wait_timeout_ms: 120_000.0,
        }
    }
}

impl Bouncer {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), String> {
        if self.pool_size == 0 {
            return Err("bouncer pool_size must be >= 1".to_string());
        }
        for (name, x) in [
            ("reserve_pool_timeout_ms", self.reserve_pool_timeout_ms),
            ("query_wait_timeout_ms", self.query_wait_timeout_ms),
        ] {
            if !(x.is_finite() && x >= 0.0) {
                return Err(format!(
                    "bouncer {name} must be a finite number >= 0, got {x}"
                ));
            }
        }
        Ok(())
    }
}
