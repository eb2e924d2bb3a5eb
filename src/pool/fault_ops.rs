//! The engine side of the failure modes in [`super::faults`]: retries, leaks, nested acquisition
//! and the restart storm.

use super::metrics::FailCause;
use super::request::{Held, Request, NO_PARENT};
use super::simulation::Simulation;

impl Simulation {
    /// Decides at arrival whether a request will need a nested connection. Draws from the misc
    /// stream only when the feature is on, so other scenarios keep their random streams.
    pub(crate) fn decide_nested(&mut self) -> bool {
        let p = self.scenario.faults.nested_probability;
        p > 0.0 && self.misc_rng.unit() <= p
    }

    /// Each first attempt earns retry-budget tokens.
    pub(crate) fn earn_retry_token(&mut self) {
        if let Some(r) = &self.scenario.faults.retry {
            if let Some(ratio) = r.budget_ratio {
                self.retry_tokens = (self.retry_tokens + ratio).min(r.budget_cap);
            }
        }
    }

    /// Schedules another attempt of a failed request if the policy and the budget allow.
    pub(crate) fn try_retry(&mut self, request: &Request) -> bool {
        let Some(r) = &self.scenario.faults.retry else {
            return false;
        };
        if request.attempt + 1 >= r.max_attempts {
            return false;
        }
        if r.budget_ratio.is_some() {
            if self.retry_tokens < 1.0 {
                return false;
            }
            self.retry_tokens -= 1.0;
        }
        let delay = r.backoff(request.attempt + 1, self.misc_rng.unit());
        let mut next = *request;
        next.attempt += 1;
        self.metrics.retries += 1;
        self.events.schedule(
            self.now + delay,
            super::request::Event::Retry(Box::new(next)),
        );
        true
    }

    /// A retry's backoff is over: it starts again as a new attempt (same origin, same work).
    pub(crate) fn on_retry(&mut self, mut request: Request) {
        request.arrival = self.now;
        // The failed attempt's call is over; the new attempt gets its own.
        request.call = super::request::NO_CALL;
        self.route(request);
    }

    /// With the leak probability, the connection is never returned: it stays open and counted busy
    /// in its pool, out of reach of every other request.
    pub(crate) fn maybe_leak(&mut self, held: &Held) -> bool {
        let p = self.scenario.faults.leak_probability;
        if p <= 0.0 || held.conn.is_direct() || self.misc_rng.unit() > p {
            return false;
        }
        self.metrics.leaked += 1;
        let pool = &mut self.pools[held.request.instance as usize];
        pool.leaked += 1;
        pool.leaked_servers += u32::from(held.conn.server);
        true
    }

    /// The outer request has done its database work and now needs a second connection from the same
    /// pool, still holding its first. It is parked until the inner request finishes or fails.
    pub(crate) fn start_nested(&mut self, held: Held) {
        self.metrics.nested += 1;
        let slot = match self.parked.iter().position(Option::is_none) {
            Some(i) => {
                self.parked[i] = Some(held);
                i
            }
            None => {
                self.parked.push(Some(held));
                self.parked.len() - 1
            }
        };
        let db_work = self.scenario.work.db.sample(&mut self.misc_rng);
        let inner = Request {
            arrival: self.now,
            db_work,
            app_delay: 0.0,
            instance: held.request.instance,
            measured: false,
            user: super::request::NO_USER,
            origin: self.now,
            attempt: 0,
            nested: false,
            parent: slot as u32,
            call: super::request::NO_CALL,
        };
        self.acquire(inner);
    }

    fn unpark(&mut self, slot: u32) -> Option<Held> {
        self.parked.get_mut(slot as usize).and_then(Option::take)
    }

    /// The inner request committed: the outer one carries on with its transaction.
    pub(crate) fn inner_done(&mut self, slot: u32) {
        if let Some(mut outer) = self.unpark(slot) {
            outer.request.nested = false;
            self.finish_transaction(outer);
        }
    }

    /// The inner request failed: the outer transaction fails with the same cause and rolls back,
    /// returning its connection.
    pub(crate) fn inner_failed(&mut self, slot: u32, cause: FailCause) {
        if let Some(outer) = self.unpark(slot) {
            self.end_hold(&outer);
            let mut request = outer.request;
            request.parent = NO_PARENT;
            self.fail(&request, cause, false);
        }
    }

    /// Every instance restarts at once: waiters fail, idle and leaked connections close, connections
    /// in use close when returned (their generation is old), and every pool refills immediately.
    pub(crate) fn on_restart(&mut self) {
        for p in 0..self.pools.len() {
            self.pools[p].generation += 1;
            while let Some(w) = self.pools[p].waiters.pop_front() {
                self.waiting -= 1;
                self.fail(&w.request, FailCause::InstanceRestart, false);
            }
            let idle = std::mem::take(&mut self.pools[p].idle);
            let leaked = std::mem::take(&mut self.pools[p].leaked);
            let leaked_servers = std::mem::take(&mut self.pools[p].leaked_servers);
            self.pools[p].busy -= leaked;
            for conn in &idle {
                self.close_conn(conn);
            }
            // Leaked connections die with the process (and release their session-mode servers).
            self.app_connections -= u64::from(leaked);
            self.metrics.connections_closed += u64::from(leaked);
            for _ in 0..leaked_servers {
                self.server_release();
            }
        }
        for p in 0..self.pools.len() {
            self.fill(p);
        }
    }
}
