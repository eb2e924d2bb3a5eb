//! A request as the engine carries it, and the engine's event types.

/// A request: sampled entirely at arrival, so runs that differ only in pool settings see the same
/// traffic and work (common random numbers make sweeps comparable).
#[derive(Clone, Copy, Debug)]
pub struct Request {
    pub arrival: f64,
    /// Database CPU at concurrency 1 (ms).
    pub db_work: f64,
    /// App time plus round trips inside the transaction (ms).
    pub app_delay: f64,
    pub instance: u32,
    /// Arrived after the warm-up.
    pub measured: bool,
    /// The closed-loop user who sent it, or [`NO_USER`].
    pub user: u32,
    /// When the first attempt arrived (`arrival` is this attempt's).
    pub origin: f64,
    /// 0 for the first attempt, then 1, 2, ... for retries.
    pub attempt: u32,
    /// Needs a second connection while holding its first (see `Faults::nested_probability`).
    pub nested: bool,
    /// For the inner request of a nested acquisition: the slot of its parked outer request.
    pub parent: u32,
    /// With a client timeout: this attempt's slot in the engine's table of calls, or [`NO_CALL`].
    pub call: u32,
}

/// Marks attempts whose caller waits as long as it takes (no client timeout).
pub const NO_CALL: u32 = u32::MAX;

/// Marks requests without a parent.
pub const NO_PARENT: u32 = u32::MAX;

/// Marks open-loop requests.
pub const NO_USER: u32 = u32::MAX;

use super::pool_state::Conn;

/// A request holding a connection since `acquired`.
#[derive(Clone, Copy, Debug)]
pub struct Held {
    pub request: Request,
    pub acquired: f64,
    pub conn: Conn,
    /// Holds a PgBouncer server connection for this transaction.
    pub has_server: bool,
}

// Heap entries stay small (the event list and the database are binary heaps that move their
// entries around): requests holding a connection live in the engine's slab and are referred to
// by slot; rare large payloads are boxed.

/// Who is waiting for a connection being opened.
#[derive(Clone, Debug)]
pub enum Opener {
    /// A pool grows by one connection.
    Pool(u32),
    /// No-pool mode: a request opens its own connection.
    Direct(Box<Request>),
    /// PgBouncer opens a server connection to the database.
    Server,
}

/// Work on the database CPU.
#[derive(Clone, Debug)]
pub enum DbJob {
    /// A transaction's queries (the slot of its [`Held`] in the engine's slab).
    Query(u32),
    /// Server-side authentication of a new connection.
    Auth(Opener),
}

/// Events in the future event list (database completions are kept apart; see `Database`).
#[derive(Clone, Debug)]
pub enum Event {
    /// The next open-loop request arrives.
    Arrival,
    /// A closed-loop user finished thinking and sends a request.
    UserArrival(u32),
    /// A request's app time inside the transaction ends: it commits and releases its connection.
    AppDone(u32),
    /// Check the head waiter's acquire deadline of a pool.
    TimeoutCheck(u32),
    /// A pool connection reaches its max lifetime (acted on only if it is idle then).
    Expire { pool: u32, id: u64 },
    /// A pool connection idle since `since` may have reached the idle timeout.
    IdleCheck { pool: u32, id: u64, since: f64 },
    /// A failed request tries again after its backoff.
    Retry(Box<Request>),
    /// Every instance restarts.
    Restart,
    /// Check PgBouncer's queue head (timeout or reserve pool).
    BouncerCheck,
    /// PgBouncer's `server_login_retry` is over: it may open server connections again.
    BouncerLaunch,
    /// The network part of a connection setup is done.
    SetupNetworkDone(Opener),
    /// The caller of the attempt in this call slot gives up on it (client timeout).
    ClientTimeout(u32),
    /// The database slowdown starts (`true`) or ends (`false`).
    Slowdown(bool),
}
