//! The discrete-event engine: a resumable run of one [`Scenario`].
//!
//! A page calls [`Simulation::run_for`] with an event budget from each animation frame and reads
//! [`Simulation::snapshot`] and [`Simulation::report`] in between; the CLI just runs to the end.
//! Nothing here reads a clock or the OS: time is simulated milliseconds, randomness is the seeded
//! [`Rng`].

use super::bouncer_ops::BouncerState;
use super::client_ops::Call;
use super::config::{PoolMode, Scenario};
use super::database::Database;
use super::event_list::EventList;
use super::metrics::{FailCause, Metrics};
use super::pool_state::{Conn, PoolState};
use super::request::{DbJob, Event, Held, Opener, Request, NO_CALL, NO_PARENT, NO_USER};
use super::rng::Rng;
use super::series::{Counters, Series, SeriesPoint};
use super::traffic::Arrivals;
use serde::{Deserialize, Serialize};

/// Random streams: traffic and work are apart from everything else, so that pool settings never
/// change which requests arrive.
const TRAFFIC_STREAM: u64 = 1;
const MISC_STREAM: u64 = 2;

/// A live view of the run, cheap to take after every slice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub time_ms: f64,
    pub arrived: u64,
    pub completed: u64,
    pub failed: u64,
    pub in_flight: u64,
    pub waiting: u64,
    pub busy_connections: u64,
    pub open_connections: u64,
    pub db_active: u64,
    /// Transactions waiting inside PgBouncer for a server connection.
    pub bouncer_waiting: u64,
    /// Attempts whose caller gave up, still queued or running in the app (client timeout).
    #[serde(default)]
    pub orphans: u64,
    pub events: u64,
    pub finished: bool,
}

/// One simulation run in progress.
pub struct Simulation {
    pub(crate) scenario: Scenario,
    pub(crate) now: f64,
    pub(crate) events: EventList<Event>,
    pub(crate) db: Database<DbJob>,
    /// The database's next completion as (time, seq), kept out of the heap: it moves whenever the
    /// number of active queries changes, and re-keying one slot beats piling stale events in the heap.
    pub(crate) db_next: Option<(f64, u64)>,
    pub(crate) pools: Vec<PoolState>,
    pub(crate) traffic_rng: Rng,
    /// Connections the apps opened (including ones being set up): to the database, or to PgBouncer
    /// when there is one.
    pub(crate) app_connections: u64,
    /// PgBouncer's state (`None` without a bouncer).
    pub(crate) bouncer: Option<BouncerState>,
    pub(crate) busy: u64,
    pub(crate) waiting: u64,
    pub(crate) in_flight: u64,
    pub(crate) events_done: u64,
    last_time: f64,
    arrivals: Arrivals,
    pub(crate) finished: bool,
    pub(crate) metrics: Metrics,
    series: Option<Series>,
    /// Randomness that is not traffic: lifetime jitter and the like.
    pub(crate) misc_rng: Rng,
    pub(crate) next_conn_id: u64,
    /// Retry budget tokens.
    pub(crate) retry_tokens: f64,
    /// Outer requests parked while their nested acquisition runs.
    pub(crate) parked: Vec<Option<Held>>,
    /// Slab of requests holding a connection (referred to by slot from the heaps) and its free slots.
    holds: Vec<Held>,
    free_holds: Vec<u32>,
    /// With a client timeout: each attempt's call (is its caller still waiting?) and the free slots.
    pub(crate) calls: Vec<Call>,
    pub(crate) free_calls: Vec<u32>,
    /// Attempts whose caller gave up but that are still queued or running in the app.
    pub(crate) orphans: u64,
    /// Attempts that ended before their client timeout, whose timer (and call slot) is pending.
    pub(crate) timers_pending: u64,
}

impl Simulation {
    /// A new run; the scenario is validated first.
    pub fn new(scenario: Scenario) -> Result<Simulation, String> {
        scenario.validate()?;
        let measured = scenario.requests - scenario.warmup_requests;
        let batch_size = if scenario.batches == 0 {
            u64::MAX
        } else {
            (measured / u64::from(scenario.batches)).max(1)
        };
        let d = &scenario.database;
        let mut sim = Simulation {
            now: 0.0,
            events: EventList::default(),
            db: Database::new(d.cores, d.usl_sigma, d.usl_kappa),
            db_next: None,
            pools: vec![PoolState::default(); scenario.pool.instances as usize],
            traffic_rng: Rng::new(scenario.seed, TRAFFIC_STREAM),
            app_connections: 0,
            bouncer: scenario.bouncer.as_ref().map(|_| BouncerState::default()),
            busy: 0,
            waiting: 0,
            in_flight: 0,
            events_done: 0,
            last_time: 0.0,
            arrivals: Arrivals::new(
                scenario.traffic.arrival_rate,
                scenario.traffic.pattern.clone(),
            ),
            finished: false,
            metrics: Metrics::new(batch_size, &scenario.wait_thresholds_ms),
            misc_rng: Rng::new(scenario.seed, MISC_STREAM),
            next_conn_id: 1,
            retry_tokens: 10.0,
            parked: Vec::new(),
            holds: Vec::new(),
            free_holds: Vec::new(),
            calls: Vec::new(),
            free_calls: Vec::new(),
            orphans: 0,
            timers_pending: 0,
            series: (scenario.series_interval_ms > 0.0)
                .then(|| Series::new(scenario.series_interval_ms)),
            scenario,
        };
        if sim.scenario.pool.mode == PoolMode::Pooled {
            for p in 0..sim.pools.len() {
                sim.fill(p);
            }
        }
        if let Some(t) = sim.scenario.faults.restart_at_ms {
            sim.events.schedule(t, Event::Restart);
        }
        if let Some(w) = sim.scenario.faults.slowdown.clone() {
            sim.events.schedule(w.at_ms, Event::Slowdown(true));
            sim.events
                .schedule(w.at_ms + w.duration_ms, Event::Slowdown(false));
        }
        match sim.scenario.traffic.closed_loop.clone() {
            Some(c) => {
                for user in 0..c.users {
                    let t = c.think.sample(&mut sim.traffic_rng);
                    sim.events.schedule(t, Event::UserArrival(user));
                }
            }
            None => {
                let first = sim.arrivals.next_after(0.0, &mut sim.traffic_rng);
                sim.events.schedule(first, Event::Arrival);
            }
        }
        Ok(sim)
    }

    /// The scenario being run.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Whether the last request has arrived (the run is over).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Handles at most `budget` events; returns how many were handled.
    pub fn run_for(&mut self, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget && !self.finished {
            let heap_key = self.events.peek_key();
            let db_first = match (self.db_next, heap_key) {
                (Some(d), Some(h)) => d.0 < h.0 || (d.0 == h.0 && d.1 < h.1),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => {
                    // Nothing can ever happen again (cannot occur while arrivals remain).
                    self.finished = true;
                    break;
                }
            };
            if db_first {
                let (t, _) = self.db_next.unwrap_or((self.now, 0));
                self.advance_to(t);
                if let Some(job) = self.db.complete_next(t) {
                    self.db_changed();
                    self.on_db_done(job);
                }
            } else if let Some(s) = self.events.pop() {
                self.advance_to(s.time);
                self.handle(s.event);
            }
            self.events_done += 1;
            done += 1;
        }
        done
    }

    /// Runs to the end.
    pub fn run_to_end(&mut self) {
        while !self.finished {
            self.run_for(1 << 16);
        }
    }

    /// Moves the clock, integrating the time averages and closing time-series points on the way.
    fn advance_to(&mut self, t: f64) {
        // Validation keeps times finite; should one ever not be, end the run rather than loop.
        if !t.is_finite() {
            self.finished = true;
            return;
        }
        loop {
            let boundary = match &self.series {
                Some(s) if s.next_boundary() <= t => s.next_boundary(),
                _ => break,
            };
            self.integrate(boundary);
            let counters = Counters {
                arrived: self.metrics.arrived,
                completed: self.metrics.completed,
                failed: self.metrics.failed(),
                wasted: self.metrics.wasted,
            };
            if let Some(s) = self.series.as_mut() {
                s.close(&self.metrics.areas, counters);
            }
        }
        self.integrate(t);
        self.now = t;
    }

    /// Adds the levels held since the last change, up to `t`.
    fn integrate(&mut self, t: f64) {
        let dt = t - self.last_time;
        if dt > 0.0 {
            let db_open = self.db_open() as f64;
            let a = &mut self.metrics.areas;
            a.busy += self.busy as f64 * dt;
            a.waiting += self.waiting as f64 * dt;
            a.in_flight += self.in_flight as f64 * dt;
            a.db_active += self.db.active() as f64 * dt;
            a.db_busy_cores += self.db.busy_cores() * dt;
            a.open_connections += db_open * dt;
            self.last_time = t;
        }
    }

    pub(crate) fn db_changed(&mut self) {
        self.db_next = match self.db.next_completion() {
            Some(t) => Some((t, self.events.take_seq())),
            None => None,
        };
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(NO_USER),
            Event::UserArrival(user) => self.on_arrival(user),
            Event::AppDone(slot) => {
                let held = self.take_hold(slot);
                self.release(held);
            }
            Event::TimeoutCheck(p) => self.on_timeout_check(p),
            Event::Expire { pool, id } => self.on_expire(pool as usize, id),
            Event::IdleCheck { pool, id, since } => self.on_idle_check(pool as usize, id, since),
            Event::Retry(request) => self.on_retry(*request),
            Event::Restart => self.on_restart(),
            Event::BouncerCheck => self.on_bouncer_check(),
            Event::ClientTimeout(call) => self.on_client_timeout(call),
            Event::Slowdown(on) => self.on_slowdown(on),
            Event::BouncerLaunch => self.on_bouncer_launch(),
            Event::SetupNetworkDone(op) => self.on_setup_network_done(op),
        }
    }

    // The rare events' handlers stay out of line, so the hot loop stays small.

    #[cold]
    fn on_slowdown(&mut self, on: bool) {
        let factor = self
            .scenario
            .faults
            .slowdown
            .as_ref()
            .map_or(1.0, |w| w.factor);
        self.db
            .set_speed(self.now, if on { 1.0 / factor } else { 1.0 });
        self.db_changed();
    }

    #[cold]
    fn on_bouncer_launch(&mut self) {
        self.bouncer_state().launch_pending = false;
        self.bouncer_launch();
    }

    /// The round trips of a connection setup are over: the server authenticates it (on the
    /// database CPU) if that costs anything, else it is ready.
    fn on_setup_network_done(&mut self, op: Opener) {
        let auth = self.setup_auth_cpu(&op);
        if auth > 0.0 {
            self.db.add(self.now, auth, DbJob::Auth(op));
            self.db_changed();
        } else {
            self.connection_ready(op);
        }
    }

    fn on_arrival(&mut self, user: u32) {
        let index = self.metrics.arrived;
        self.metrics.arrived += 1;
        self.in_flight += 1;
        let measured = index >= self.scenario.warmup_requests;
        if index == self.scenario.warmup_requests {
            self.start_window();
        }
        // Fixed sampling order per request: instance, work, app time.
        let rng = &mut self.traffic_rng;
        let instance = rng.below(self.scenario.pool.instances);
        let db_work = self.scenario.work.db.sample(rng);
        let w = &self.scenario.work;
        let app_delay = w.app.sample(rng) + f64::from(w.round_trips) * w.rtt_ms;
        let nested = self.decide_nested();
        self.earn_retry_token();
        let request = Request {
            arrival: self.now,
            db_work,
            app_delay,
            instance,
            measured,
            user,
            origin: self.now,
            attempt: 0,
            nested,
            parent: NO_PARENT,
            call: NO_CALL,
        };
        if self.metrics.arrived >= self.scenario.requests {
            self.finished = true;
        } else if user == NO_USER {
            let next = self.arrivals.next_after(self.now, &mut self.traffic_rng);
            self.events.schedule(next, Event::Arrival);
        }
        // `in_flight` already counts this request.
        // What the run holds in memory per request: in flight, orphaned, or a pending caller timer.
        if self.in_flight + self.orphans + self.timers_pending > self.scenario.max_in_system {
            self.refuse_overload(&request);
            return;
        }
        self.route(request);
    }

    /// The overload guard refuses an arrival: no retry (it would only add to the overload).
    #[cold]
    fn refuse_overload(&mut self, request: &Request) {
        if request.measured {
            self.metrics.admission(true);
        }
        let m = &mut self.metrics;
        m.fail(FailCause::OverloadGuard);
        m.guard_first_ms.get_or_insert(self.now);
        self.in_flight -= 1;
        self.user_answered(request);
    }

    /// Sends a request (attempt) to its pool, or to its own connection in no-pool mode.
    pub(crate) fn route(&mut self, mut request: Request) {
        if let Some(timeout) = self.scenario.faults.client_timeout_ms {
            self.open_call(&mut request, timeout);
        }
        match self.scenario.pool.mode {
            PoolMode::Pooled => self.acquire(request),
            PoolMode::NoPool => self.open_direct(request),
        }
    }

    /// Resets the time averages and window counters: the measured window starts now.
    fn start_window(&mut self) {
        let m = &mut self.metrics;
        m.window_start = self.now;
        m.window_base = m.areas.clone();
        m.window_completed = 0;
        m.window_hold_sum = 0.0;
    }

    /// Whether an app connection opens at once. Behind PgBouncer only its round trips count:
    /// PgBouncer authenticates clients itself, without the database's CPU.
    pub(crate) fn setup_is_instant(&self) -> bool {
        let s = &self.scenario.pool.setup;
        s.round_trips == 0 && (s.auth_cpu_ms == 0.0 || self.scenario.bouncer.is_some())
    }

    /// Database CPU to accept the connection being opened by `op`.
    fn setup_auth_cpu(&self, op: &Opener) -> f64 {
        match op {
            Opener::Server => self.server_setup().auth_cpu_ms,
            _ if self.scenario.bouncer.is_some() => 0.0,
            _ => self.scenario.pool.setup.auth_cpu_ms,
        }
    }

    /// Connections open at the database server (including ones being set up).
    pub(crate) fn db_open(&self) -> u64 {
        match &self.bouncer {
            Some(b) => u64::from(b.servers_open + b.servers_opening),
            None => self.app_connections,
        }
    }

    /// Whether an app may open one more connection (to the database, or to PgBouncer).
    pub(crate) fn db_has_room(&self) -> bool {
        let limit = match &self.scenario.bouncer {
            Some(b) => b.max_client_conn,
            None => self.scenario.app_connection_limit(),
        };
        self.app_connections < u64::from(limit)
    }

    pub(crate) fn fail(&mut self, request: &Request, cause: FailCause, at_arrival: bool) {
        if request.parent != NO_PARENT {
            self.inner_failed(request.parent, cause);
            return;
        }
        if self.attempt_ended(request) {
            return;
        }
        if request.measured && at_arrival && request.attempt == 0 {
            self.metrics.admission(true);
        }
        if self.try_retry(request) {
            return;
        }
        self.metrics.fail(cause);
        self.in_flight -= 1;
        self.user_answered(request);
    }

    /// A closed-loop user got an answer (or an error): it thinks, then sends its next request.
    pub(crate) fn user_answered(&mut self, request: &Request) {
        if request.user == NO_USER || self.finished {
            return;
        }
        if let Some(c) = &self.scenario.traffic.closed_loop {
            let t = self.now + c.think.sample(&mut self.traffic_rng);
            self.events.schedule(t, Event::UserArrival(request.user));
        }
    }

    /// A measured request got in line (not rejected at arrival).
    pub(crate) fn admit(&mut self, request: &Request) {
        if request.measured && request.attempt == 0 {
            self.metrics.admission(false);
        }
    }

    /// No-pool mode: every request opens its own connection.
    fn open_direct(&mut self, request: Request) {
        if !self.db_has_room() {
            self.fail(&request, FailCause::TooManyConnections, true);
            return;
        }
        self.admit(&request);
        self.app_connections += 1;
        self.metrics.connections_opened += 1;
        if self.setup_is_instant() {
            self.start_hold(request, Conn::DIRECT);
        } else {
            self.waiting += 1;
            let s = &self.scenario;
            let network = f64::from(s.pool.setup.round_trips) * s.work.rtt_ms;
            self.events.schedule(
                self.now + network,
                Event::SetupNetworkDone(Opener::Direct(Box::new(request))),
            );
        }
    }

    pub(crate) fn start_hold(&mut self, request: Request, conn: Conn) {
        self.busy += 1;
        if request.measured {
            self.metrics.acquired(self.now - request.arrival);
        }
        let held = Held {
            request,
            acquired: self.now,
            conn,
            has_server: false,
        };
        self.begin_work(held);
    }

    fn on_db_done(&mut self, job: DbJob) {
        match job {
            DbJob::Query(slot) => {
                let held = self.take_hold(slot);
                if held.request.nested {
                    self.start_nested(held);
                } else {
                    self.finish_transaction(held);
                }
            }
            DbJob::Auth(op) => self.connection_ready(op),
        }
    }

    /// The rest of the transaction after the database work: app time, then release.
    pub(crate) fn finish_transaction(&mut self, held: Held) {
        if held.request.app_delay > 0.0 {
            let t = self.now + held.request.app_delay;
            let slot = self.store_hold(held);
            self.events.schedule(t, Event::AppDone(slot));
        } else {
            self.release(held);
        }
    }

    /// A connection is no longer held: counts the hold for Little's law and returns the connection
    /// (or leaks it).
    pub(crate) fn end_hold(&mut self, held: &Held) {
        self.busy -= 1;
        let m = &mut self.metrics;
        if self.now >= m.window_start {
            m.window_hold_sum += self.now - held.acquired;
        }
        self.end_transaction_server(held);
        if self.maybe_leak(held) {
            return;
        }
        if held.conn.is_direct() {
            self.app_connections -= 1;
        } else {
            self.give_back(held.request.instance as usize, held.conn);
        }
    }

    pub(crate) fn release(&mut self, held: Held) {
        if held.request.parent != NO_PARENT {
            self.end_hold(&held);
            self.inner_done(held.request.parent);
            return;
        }
        self.end_hold(&held);
        if self.attempt_ended(&held.request) {
            self.metrics.wasted += 1;
            return;
        }
        self.in_flight -= 1;
        let m = &mut self.metrics;
        m.completed += 1;
        // Throughput counts completions inside the measured window (Little's law uses the holds).
        if self.now >= m.window_start {
            m.window_completed += 1;
        }
        let latency = self.now - held.request.origin;
        if held.request.measured {
            m.latency(latency);
        }
        if let Some(s) = self.series.as_mut() {
            s.record_latency(latency);
        }
        self.user_answered(&held.request);
    }

    /// Parks a request holding a connection in the slab; returns its slot.
    pub(crate) fn store_hold(&mut self, held: Held) -> u32 {
        match self.free_holds.pop() {
            Some(slot) => {
                self.holds[slot as usize] = held;
                slot
            }
            None => {
                self.holds.push(held);
                (self.holds.len() - 1) as u32
            }
        }
    }

    /// Takes a request back out of the slab (its slot becomes free).
    pub(crate) fn take_hold(&mut self, slot: u32) -> Held {
        self.free_holds.push(slot);
        self.holds[slot as usize]
    }

    /// The time series so far (empty when `series_interval_ms` is 0).
    pub fn series(&self) -> &[SeriesPoint] {
        self.series.as_ref().map_or(&[], |s| &s.points)
    }

    /// The live view.
    pub fn snapshot(&self) -> Snapshot {
        let open: u64 = self.db_open();
        Snapshot {
            time_ms: self.now,
            arrived: self.metrics.arrived,
            completed: self.metrics.completed,
            failed: self.metrics.failed(),
            in_flight: self.in_flight,
            waiting: self.waiting,
            busy_connections: self.busy,
            open_connections: open,
            db_active: self.db.active() as u64,
            bouncer_waiting: self.bouncer_waiting(),
            orphans: self.orphans,
            events: self.events_done,
            finished: self.finished,
        }
    }
}
