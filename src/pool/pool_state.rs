//! One app instance's connection pool: idle and busy connections, the one being opened, and the FIFO
//! of waiting requests.
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

/// State of one pool.
#[derive(Clone, Debug, Default)]
pub struct PoolState {
    pub idle: u32,
    pub busy: u32,
    /// A connection is being opened (HikariCP opens them one at a time per pool).
    pub opening: bool,
    pub waiters: VecDeque<Waiter>,
    /// A timeout check is scheduled for this pool.
    pub timer_pending: bool,
}

impl PoolState {
    /// Open connections, idle or busy.
    pub fn open(&self) -> u32 {
        self.idle + self.busy
    }
}
