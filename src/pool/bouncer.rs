//! The optional PgBouncer tier between the apps and the database.
//!
//! App pools then hold client connections to PgBouncer (limited by `max_client_conn`), and PgBouncer
//! multiplexes them onto at most `pool_size` (+ `reserve_pool_size`) server connections. In
//! transaction mode a server connection is lent for one transaction; in session mode it stays bound
//! to the client connection until that closes.
//!
//! What is modelled of the server side:
//! - PgBouncer opens a server connection when a transaction waits and no server connection is idle,
//!   up to `pool_size` (plus `reserve_pool_size` once the longest waiter has waited
//!   `reserve_pool_timeout_ms`); several may be opening at once, one per waiting transaction.
//! - Opening costs `server_setup` (by default the pool's `setup`): its round trips of
//!   `work.rtt_ms`, then the server-side authentication / backend start, which runs on the database
//!   CPU beside the queries. The transaction that caused it waits meanwhile, so the first requests
//!   after a start pay the setup in their latency. A connection being opened already counts at the
//!   database (its backend exists).
//! - The database's `max_connections` (minus the reserved slots) bounds server connections: an
//!   attempt beyond it is refused (like SQLSTATE 53300, counted in `server_login_failures`), and
//!   PgBouncer opens no further server connection for `server_login_retry_ms` (its
//!   `server_login_retry`, 15 s by default). Waiting transactions keep waiting meanwhile (up to
//!   `query_wait_timeout_ms`) for a connection to be freed.
//! - Client connections are authenticated by PgBouncer itself: opening one costs its round trips,
//!   but no database CPU.
//!
//! Not modelled: server idle timeouts and lifetimes (server connections stay open once made),
//! `server_connect_timeout`, the round trips of a refused attempt (the refusal is immediate), and
//! the fast-fail of clients while the last login failed.

use super::config::Setup;
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
    /// Cost of opening one server connection; `null` = the same as the app pools' `pool.setup`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_setup: Option<Setup>,
    /// `server_login_retry` in ms: after a refused server login, PgBouncer waits this long before
    /// opening another server connection. Left out of the JSON at its default (15 s).
    #[serde(skip_serializing_if = "is_default_login_retry")]
    pub server_login_retry_ms: f64,
}

const DEFAULT_LOGIN_RETRY_MS: f64 = 15_000.0;

fn is_default_login_retry(ms: &f64) -> bool {
    *ms == DEFAULT_LOGIN_RETRY_MS
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
            server_setup: None,
            server_login_retry_ms: DEFAULT_LOGIN_RETRY_MS,
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
            ("server_login_retry_ms", self.server_login_retry_ms),
            (
                "server_setup auth_cpu_ms",
                self.server_setup.as_ref().map_or(0.0, |s| s.auth_cpu_ms),
            ),
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
