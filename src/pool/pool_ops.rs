//! The pools' behaviour (HikariCP semantics): acquiring, waiting with a timeout, opening connections
//! one at a time, keeping `min_idle` ready, and retiring connections at max lifetime or idle timeout.

use super::metrics::FailCause;
use super::pool_state::{Conn, Waiter};
use super::request::{Event, Opener, Request};
use super::simulation::Simulation;

/// HikariCP shortens each connection's lifetime by up to 2.5 % so that a pool's connections do not
/// all retire at once.
const LIFETIME_JITTER: f64 = 0.025;

impl Simulation {
    /// A request asks its instance's pool for a connection.
    pub(crate) fn acquire(&mut self, request: Request) {
        let p = request.instance as usize;
        if let Some(conn) = self.pools[p].idle.pop() {
            self.pools[p].busy += 1;
            self.admit(&request);
            self.start_hold(request, conn);
            // Keep min_idle connections ready (checked here first: this is the hot path).
            if (self.pools[p].idle.len() as u32) < self.scenario.min_idle() {
                self.fill(p);
            }
            return;
        }
        let pool = &self.pools[p];
        let can_grow = pool.open() + u32::from(pool.opening) < self.scenario.pool.size;
        if can_grow && self.setup_is_instant() {
            if !self.db_has_room() {
                self.fail(&request, FailCause::TooManyConnections, true);
                return;
            }
            let conn = self.new_conn(p);
            self.pools[p].busy += 1;
            self.admit(&request);
            self.start_hold(request, conn);
            return;
        }
        let limit = self
            .scenario
            .pool
            .queue_limit
            .map_or(usize::MAX, |q| q as usize);
        if self.pools[p].waiters.len() >= limit {
            self.fail(&request, FailCause::QueueFull, true);
            return;
        }
        self.admit(&request);
        self.enqueue(p, request);
        if can_grow {
            self.fill(p);
        }
    }

    fn enqueue(&mut self, p: usize, request: Request) {
        let deadline = request.arrival + self.scenario.pool.acquire_timeout_ms;
        let pool = &mut self.pools[p];
        pool.waiters.push_back(Waiter { request, deadline });
        self.waiting += 1;
        if !pool.timer_pending {
            pool.timer_pending = true;
            let head = pool.waiters.front().map_or(deadline, |w| w.deadline);
            self.events.schedule(head, Event::TimeoutCheck(p as u32));
        }
    }

    /// Fails every head waiter of pool `p` whose deadline has passed; re-arms the timer.
    pub(crate) fn on_timeout_check(&mut self, p: u32) {
        let pi = p as usize;
        self.pools[pi].timer_pending = false;
        while let Some(w) = self.pools[pi].waiters.front().copied() {
            if w.deadline > self.now {
                self.pools[pi].timer_pending = true;
                self.events.schedule(w.deadline, Event::TimeoutCheck(p));
                break;
            }
            self.pools[pi].waiters.pop_front();
            self.waiting -= 1;
            self.fail(&w.request, FailCause::AcquireTimeout, false);
        }
    }

    /// Opens a connection now (setup is instant or just finished): counts it at the database and
    /// arms its lifetime.
    fn new_conn(&mut self, p: usize) -> Conn {
        let id = self.next_conn_id;
        self.next_conn_id += 1;
        self.app_connections += 1;
        self.metrics.connections_opened += 1;
        let life = self.scenario.pool.max_lifetime_ms;
        let expires = if life > 0.0 {
            let t = self.now + life * (1.0 - LIFETIME_JITTER * self.misc_rng.unit());
            self.events
                .schedule(t, Event::Expire { pool: p as u32, id });
            t
        } else {
            f64::INFINITY
        };
        Conn {
            id,
            expires,
            idle_since: self.now,
            generation: self.pools[p].generation,
            server: false,
        }
    }

    /// Closes a connection that has already left the pool's books.
    pub(crate) fn close_conn(&mut self, conn: &Conn) {
        self.app_connections -= 1;
        self.metrics.connections_closed += 1;
        self.client_closed(conn);
    }

    /// Opens connections while pool `p` has waiters or fewer than `min_idle` idle ones, up to its
    /// size: at once when setup is instant, else one at a time.
    pub(crate) fn fill(&mut self, p: usize) {
        let size = self.scenario.pool.size;
        let min_idle = self.scenario.min_idle();
        loop {
            let pool = &self.pools[p];
            let wanted = !pool.waiters.is_empty() || (pool.idle.len() as u32) < min_idle;
            if !wanted || pool.opening || pool.open() >= size {
                return;
            }
            if !self.db_has_room() {
                // The database refuses: the request that is waiting for it gets the error.
                if let Some(w) = self.pools[p].waiters.pop_front() {
                    self.waiting -= 1;
                    self.fail(&w.request, FailCause::TooManyConnections, false);
                }
                return;
            }
            if self.setup_is_instant() {
                let conn = self.new_conn(p);
                self.pools[p].busy += 1;
                self.hand_over(p, conn);
                continue;
            }
            self.pools[p].opening = true;
            // Counted at the database from the first packet: the backend exists during setup.
            self.app_connections += 1;
            self.metrics.connections_opened += 1;
            let s = &self.scenario;
            let network = f64::from(s.pool.setup.round_trips) * s.work.rtt_ms;
            self.events.schedule(
                self.now + network,
                Event::SetupNetworkDone(Opener::Pool(p as u32)),
            );
            return;
        }
    }

    /// A connection finished its setup.
    pub(crate) fn connection_ready(&mut self, op: Opener) {
        match op {
            Opener::Pool(p) => {
                let p = p as usize;
                self.pools[p].opening = false;
                // `fill` already counted it at the database; `new_conn` would count it twice.
                self.app_connections -= 1;
                self.metrics.connections_opened -= 1;
                let conn = self.new_conn(p);
                self.pools[p].busy += 1;
                self.hand_over(p, conn);
                self.fill(p);
            }
            Opener::Direct(request) => {
                self.waiting -= 1;
                self.start_hold(*request, Conn::DIRECT);
            }
            Opener::Server => self.server_ready(),
        }
    }

    /// A request returns its connection: retired if past its lifetime, else handed on.
    pub(crate) fn give_back(&mut self, p: usize, conn: Conn) {
        if conn.expires <= self.now || conn.generation != self.pools[p].generation {
            self.pools[p].busy -= 1;
            self.close_conn(&conn);
            self.fill(p);
        } else {
            self.hand_over(p, conn);
        }
    }

    /// A connection of pool `p` (counted busy) is free: the head waiter takes it, or it goes idle.
    fn hand_over(&mut self, p: usize, mut conn: Conn) {
        if let Some(w) = self.pools[p].waiters.pop_front() {
            self.waiting -= 1;
            self.start_hold(w.request, conn);
            return;
        }
        let pool = &mut self.pools[p];
        pool.busy -= 1;
        conn.idle_since = self.now;
        pool.idle.push(conn);
        let timeout = self.scenario.pool.idle_timeout_ms;
        if timeout > 0.0 && pool.open() > self.scenario.min_idle() {
            self.events.schedule(
                self.now + timeout,
                Event::IdleCheck {
                    pool: p as u32,
                    id: conn.id,
                    since: self.now,
                },
            );
        }
    }

    /// Max lifetime reached: an idle connection closes now (a busy one closes when returned).
    pub(crate) fn on_expire(&mut self, p: usize, id: u64) {
        if let Some(conn) = self.pools[p].take_idle(id) {
            self.close_conn(&conn);
            self.fill(p);
        }
    }

    /// Idle timeout: closes the connection if it has stayed idle since then and the pool is above
    /// `min_idle`.
    pub(crate) fn on_idle_check(&mut self, p: usize, id: u64, since: f64) {
        let pool = &self.pools[p];
        let still_idle = pool
            .idle
            .iter()
            .any(|c| c.id == id && c.idle_since == since);
        if still_idle && pool.open() > self.scenario.min_idle() {
            if let Some(conn) = self.pools[p].take_idle(id) {
                self.close_conn(&conn);
            }
        }
    }
}
