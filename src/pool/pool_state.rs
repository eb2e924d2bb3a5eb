//! One app instance's connection pool: idle connections (a stack: the most recently used is reused
//! first, so surplus connections stay idle long enough to time out), the busy count, the connection
//! being opened, and the FIFO of waiting requests.
//!
//! Every waiter of a pool has the same acquire timeout and joins in arrival order, so deadlines are
//! sorted along the queue: one pending timer per pool (for the head's deadline) is enough, and a
//! timed-out request always leaves from the head.

use super::request::Request;
use std::collections::VecDeque;

/// A request waiting for a connection, with the time it gives up.
#[derive(Clone, Copy, Debug)]
pub struct Waiter {
    pub request: Request,
    pub deadline: f64,
}

/// One open connection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conn {
    pub id: u64,
    /// When it reaches its max lifetime (infinity = never).
    pub expires: f64,
    /// When it last became idle.
    pub idle_since: f64,
    /// The pool generation (instance restart count) that opened it.
    pub generation: u32,
    /// PgBouncer session mode: a server connection is bound to it.
    pub server: bool,
}

impl Conn {
    /// The connection a no-pool request opens for itself.
    pub const DIRECT: Conn = Conn {
        id: 0,
        expires: f64::INFINITY,
        idle_since: 0.0,
        generation: 0,
        server: false,
    };

    /// Whether this is a no-pool request's own connection.
    pub fn is_direct(&self) -> bool {
        self.id == 0
    }
}

/// State of one pool.
#[derive(Clone, Debug, Default)]
pub struct PoolState {
    pub idle: Vec<Conn>,
    pub busy: u32,
    /// A connection is being opened (HikariCP opens them one at a time per pool).
    pub opening: bool,
    pub waiters: VecDeque<Waiter>,
    /// A timeout check is scheduled for this pool.
    pub timer_pending: bool,
    /// Bumped when the instance restarts: older connections close when returned.
    pub generation: u32,
    /// Connections leaked (counted in `busy`, never returned).
    pub leaked: u32,
    /// Of those, the ones holding a PgBouncer session-mode server connection.
    pub leaked_servers: u32,
}

impl PoolState {
    /// Open connections, idle or busy.
    pub fn open(&self) -> u32 {
        self.idle.len() as u32 + self.busy
    }

    /// Removes the idle connection `id`, if it is idle.
    pub fn take_idle(&mut self, id: u64) -> Option<Conn> {
        let i = self.idle.iter().position(|c| c.id == id)?;
        Some(self.idle.remove(i))
    }
}
