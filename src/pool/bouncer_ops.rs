//! The engine side of PgBouncer: lending server connections per transaction (or binding them per
//! client connection in session mode), its FIFO of waiting clients, the reserve pool and
//! `query_wait_timeout`.

use super::bouncer::BouncerMode;
use super::metrics::FailCause;
use super::pool_state::Conn;
use super::request::{DbJob, Event, Held};
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
    pub queue: VecDeque<BouncerWaiter>,
    pub timer_pending: bool,
}

impl Simulation {
    fn bouncer_state(&mut self) -> &mut BouncerState {
        self.bouncer.get_or_insert_with(BouncerState::default)
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
        let pool_size = cfg.pool_size;
        let pg_limit = self.scenario.app_connection_limit();
        let b = self.bouncer_state();
        if b.servers_busy < b.servers_open {
            b.servers_busy += 1;
            self.grant_server(held);
        } else if b.servers_open < pool_size && b.servers_open < pg_limit {
            b.servers_open += 1;
            b.servers_busy += 1;
            self.metrics.server_connections_opened += 1;
            self.grant_server(held);
        } else {
            let deadline = self.now
                + self
                    .scenario
                    .bouncer
                    .as_ref()
                    .map_or(0.0, |c| c.query_wait_timeout_ms);
            let now = self.now;
            self.bouncer_state().queue.push_back(BouncerWaiter {
                held,
                since: now,
                deadline,
            });
            self.arm_bouncer_timer();
        }
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

    fn reserve_available(&self) -> bool {
        match (&self.scenario.bouncer, &self.bouncer) {
            (Some(cfg), Some(b)) => {
                b.servers_open < cfg.pool_size + cfg.reserve_pool_size
                    && b.servers_open < self.scenario.app_connection_limit()
                    && cfg.reserve_pool_size > 0
            }
            _ => false,
        }
    }

    /// Schedules the next check of the queue head (its timeout, or its reserve-pool moment).
    fn arm_bouncer_timer(&mut self) {
        let reserve = self.reserve_available();
        let reserve_to = self
            .scenario
            .bouncer
            .as_ref()
            .map_or(0.0, |c| c.reserve_pool_timeout_ms);
        let b = self.bouncer_state();
        if b.timer_pending {
            return;
        }
        if let Some(head) = b.queue.front() {
            let mut t = head.deadline;
            if reserve {
                t = t.min(head.since + reserve_to);
            }
            b.timer_pending = true;
            self.events.schedule(t, Event::BouncerCheck);
        }
    }

    /// Fails clients past `query_wait_timeout` and serves from the reserve those that waited past
    /// `reserve_pool_timeout`.
    pub(crate) fn on_bouncer_check(&mut self) {
        self.bouncer_state().timer_pending = false;
        let reserve_to = self
            .scenario
            .bouncer
            .as_ref()
            .map_or(0.0, |c| c.reserve_pool_timeout_ms);
        while let Some(head) = self.bouncer_state().queue.front().copied() {
            if head.deadline <= self.now {
                self.bouncer_state().queue.pop_front();
                self.end_hold(&head.held);
                self.fail(&head.held.request, FailCause::QueryWaitTimeout, false);
            } else if self.reserve_available() && head.since + reserve_to <= self.now {
                let b = self.bouncer_state();
                b.queue.pop_front();
                b.servers_open += 1;
                b.servers_busy += 1;
                self.metrics.server_connections_opened += 1;
                self.grant_server(head.held);
            } else {
                break;
            }
        }
        self.arm_bouncer_timer();
    }

    /// Clients waiting inside PgBouncer.
    pub(crate) fn bouncer_waiting(&self) -> u64 {
        self.bouncer.as_ref().map_or(0, |b| b.queue.len() as u64)
    }
}
