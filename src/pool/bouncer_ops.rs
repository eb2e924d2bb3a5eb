//! The engine side of PgBouncer: lending server connections per transaction (or binding them per
//! client connection in session mode), its FIFO of waiting clients, opening server connections on
//! demand (with their setup cost, within `max_connections`, and `server_login_retry` after a
//! refusal), the reserve pool and `query_wait_timeout`. What is modelled: see [`super::bouncer`].

use super::bouncer::BouncerMode;
use super::config::Setup;
use super::metrics::FailCause;
use super::pool_state::Conn;
use super::request::{DbJob, Event, Held, Opener};
use super::simulation::Simulation;
use std::collections::VecDeque;

/// A transaction waiting for a server connection.
#[derive(Clone, Copy, Debug)]
pub struct BouncerWaiter {
    pub held: Held,
    pub since: f64,
    pub deadline: f64,
}

/// PgBouncer's server side.
#[derive(Clone, Debug, Default)]
pub struct BouncerState {
    pub servers_open: u32,
    pub servers_busy: u32,
    /// Server connections being set up (they already count at the database).
    pub servers_opening: u32,
    pub queue: VecDeque<BouncerWaiter>,
    pub timer_pending: bool,
    /// After a refused login, no server connection is opened before this time.
    pub login_retry_at: f64,
    /// A [`Event::BouncerLaunch`] is scheduled for `login_retry_at`.
    pub launch_pending: bool,
}

impl Simulation {
    pub(crate) fn bouncer_state(&mut self) -> &mut BouncerState {
        self.bouncer.get_or_insert_with(BouncerState::default)
    }

    /// The cost of opening one server connection.
    pub(crate) fn server_setup(&self) -> Setup {
        self.scenario
            .bouncer
            .as_ref()
            .and_then(|b| b.server_setup.clone())
            .unwrap_or_else(|| self.scenario.pool.setup.clone())
    }

    /// A request holding its app connection starts its transaction: straight to the database, or
    /// through PgBouncer for a server connection first.
    pub(crate) fn begin_work(&mut self, held: Held) {
        let Some(cfg) = &self.scenario.bouncer else {
            self.db_start(held);
            return;
        };
        if cfg.mode == BouncerMode::Session && held.conn.server {
            self.db_start(held);
            return;
        }
        let wait_timeout = cfg.query_wait_timeout_ms;
        let now = self.now;
        let b = self.bouncer_state();
        if b.servers_busy < b.servers_open {
            b.servers_busy += 1;
            self.grant_server(held);
            return;
        }
        b.queue.push_back(BouncerWaiter {
            held,
            since: now,
            deadline: now + wait_timeout,
        });
        self.bouncer_launch();
        self.arm_bouncer_timer();
    }

    fn db_start(&mut self, held: Held) {
        let slot = self.store_hold(held);
        self.db
            .add(self.now, held.request.db_work, DbJob::Query(slot));
        self.db_changed();
    }

    fn grant_server(&mut self, mut held: Held) {
        held.has_server = true;
        if self.scenario.bouncer.as_ref().map(|b| b.mode) == Some(BouncerMode::Session) {
            held.conn.server = true;
        }
        self.db_start(held);
    }

    /// Opens server connections for waiting transactions that no connection being opened will
    /// serve, up to the pool size (plus the reserve once the head has waited long enough), unless
    /// a refused login holds PgBouncer back. The database refuses logins beyond its limit.
    pub(crate) fn bouncer_launch(&mut self) {
        let Some(cfg) = self.scenario.bouncer.clone() else {
            return;
        };
        let setup = self.server_setup();
        let instant = setup.round_trips == 0 && setup.auth_cpu_ms == 0.0;
        let pg_limit = self.scenario.app_connection_limit();
        let now = self.now;
        loop {
            let b = self.bouncer_state();
            let Some(head) = b.queue.front() else {
                return;
            };
            if b.queue.len() as u32 <= b.servers_opening {
                return;
            }
            let reserve = if head.since + cfg.reserve_pool_timeout_ms <= now {
                cfg.reserve_pool_size
            } else {
                0
            };
            let at_db = b.servers_open + b.servers_opening;
            if at_db >= cfg.pool_size + reserve {
                return;
            }
            if now < b.login_retry_at {
                if !b.launch_pending {
                    b.launch_pending = true;
                    let t = b.login_retry_at;
                    self.events.schedule(t, Event::BouncerLaunch);
                }
                return;
            }
            if at_db >= pg_limit {
                // Refused like SQLSTATE 53300: PgBouncer waits `server_login_retry` before the next
                // attempt; the transactions keep waiting for a connection to be freed.
                b.login_retry_at = now + cfg.server_login_retry_ms;
                self.metrics.server_login_failures += 1;
                continue;
            }
            b.servers_opening += 1;
            self.metrics.server_connections_opened += 1;
            if instant {
                self.server_ready();
            } else {
                let network = f64::from(setup.round_trips) * self.scenario.work.rtt_ms;
                self.events
                    .schedule(now + network, Event::SetupNetworkDone(Opener::Server));
            }
        }
    }

    /// A server connection finished its setup: the longest-waiting transaction takes it.
    pub(crate) fn server_ready(&mut self) {
        let b = self.bouncer_state();
        b.servers_opening -= 1;
        b.servers_open += 1;
        b.servers_busy += 1;
        self.server_release();
    }

    /// A server connection is free again: the longest-waiting client gets it.
    pub(crate) fn server_release(&mut self) {
        let next = self.bouncer_state().queue.pop_front();
        match next {
            Some(w) => self.grant_server(w.held),
            None => {
                let b = self.bouncer_state();
                b.servers_busy = b.servers_busy.saturating_sub(1);
            }
        }
    }

    /// The transaction ended: in transaction mode its server connection goes back to PgBouncer.
    pub(crate) fn end_transaction_server(&mut self, held: &Held) {
        let txn = self.scenario.bouncer.as_ref().map(|b| b.mode) == Some(BouncerMode::Transaction);
        if txn && held.has_server {
            self.server_release();
        }
    }

    /// A client connection closes: in session mode its server connection is released.
    pub(crate) fn client_closed(&mut self, conn: &Conn) {
        if conn.server {
            self.server_release();
        }
    }

    /// Schedules the next check of the queue head: its timeout, or its reserve-pool moment if that
    /// is still ahead and the reserve has room.
    fn arm_bouncer_timer(&mut self) {
        let Some(cfg) = self.scenario.bouncer.clone() else {
            return;
        };
        let now = self.now;
        let b = self.bouncer_state();
        if b.timer_pending {
            return;
        }
        let reserve_room = cfg.reserve_pool_size > 0
            && b.servers_open + b.servers_opening < cfg.pool_size + cfg.reserve_pool_size;
        if let Some(head) = b.queue.front() {
            let mut t = head.deadline;
            let reserve_at = head.since + cfg.reserve_pool_timeout_ms;
            if reserve_room && reserve_at > now {
                t = t.min(reserve_at);
            }
            b.timer_pending = true;
            self.events.schedule(t, Event::BouncerCheck);
        }
    }

    /// Fails clients past `query_wait_timeout`, then lets the reserve pool open connections for
    /// those that waited past `reserve_pool_timeout`.
    pub(crate) fn on_bouncer_check(&mut self) {
        self.bouncer_state().timer_pending = false;
        while let Some(head) = self.bouncer_state().queue.front().copied() {
            if head.deadline > self.now {
                break;
            }
            self.bouncer_state().queue.pop_front();
            self.end_hold(&head.held);
            self.fail(&head.held.request, FailCause::QueryWaitTimeout, false);
        }
        self.bouncer_launch();
        self.arm_bouncer_timer();
    }

    /// Clients waiting inside PgBouncer.
    pub(crate) fn bouncer_waiting(&self) -> u64 {
        self.bouncer.as_ref().map_or(0, |b| b.queue.len() as u64)
    }
}
