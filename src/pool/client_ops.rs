//! Callers that give up: the client timeout of [`super::faults::Faults::client_timeout_ms`].
//!
//! Every attempt of a request gets a call slot when it is sent, and a timer at the client timeout.
//! Whichever comes second frees the slot: if the attempt ends first (answer or error) the timer finds
//! it finished; if the timer fires first the caller gives up (and retries, if its policy and budget
//! allow), while the app, which does not know, keeps the attempt queued or running. When such an
//! orphaned attempt finally ends, nobody is waiting for it: a completed one is wasted work. This is
//! what keeps a retry storm going once its trigger is gone: the pool serves answers nobody waits
//! for, so the callers time out and retry, and the queue never shortens.

use super::metrics::FailCause;
use super::request::{Event, Request, NO_CALL};
use super::simulation::Simulation;

/// The state of one attempt's call.
#[derive(Clone, Copy, Debug)]
pub enum Call {
    /// The caller waits for this attempt (kept to retry it on timeout).
    Waiting(Request),
    /// The attempt ended before the timeout; the timer has still to fire.
    Finished,
    /// The caller gave up; the attempt is still in the app (an orphan).
    Abandoned,
    /// Free slot.
    Free,
}

impl Simulation {
    /// Gives a new attempt (sent with `call` = [`NO_CALL`]) its call slot and timer; only called
    /// with a client timeout, so runs without one pay a single test per attempt.
    #[cold]
    pub(crate) fn open_call(&mut self, request: &mut Request, timeout: f64) {
        if request.parent != super::request::NO_PARENT {
            return;
        }
        let slot = match self.free_calls.pop() {
            Some(slot) => slot,
            None => {
                self.calls.push(Call::Free);
                (self.calls.len() - 1) as u32
            }
        };
        request.call = slot;
        self.calls[slot as usize] = Call::Waiting(*request);
        self.events
            .schedule(request.arrival + timeout, Event::ClientTimeout(slot));
    }

    fn free_call(&mut self, slot: u32) {
        self.calls[slot as usize] = Call::Free;
        self.free_calls.push(slot);
    }

    /// An attempt ends (completes or fails). Returns true when its caller had already given up: the
    /// caller's request was accounted for then, so this end only retires the orphan.
    #[inline]
    pub(crate) fn attempt_ended(&mut self, request: &Request) -> bool {
        request.call != NO_CALL && self.call_ended(request.call)
    }

    #[cold]
    fn call_ended(&mut self, slot: u32) -> bool {
        match self.calls.get(slot as usize).copied() {
            Some(Call::Abandoned) => {
                self.free_call(slot);
                self.orphans -= 1;
                true
            }
            Some(Call::Waiting(_)) => {
                self.calls[slot as usize] = Call::Finished;
                self.timers_pending += 1;
                false
            }
            _ => false,
        }
    }

    /// The client timeout of the attempt in `slot` fires.
    pub(crate) fn on_client_timeout(&mut self, slot: u32) {
        match self.calls.get(slot as usize).copied() {
            Some(Call::Waiting(request)) => {
                self.calls[slot as usize] = Call::Abandoned;
                self.orphans += 1;
                self.metrics.abandoned += 1;
                if !self.try_retry(&request) {
                    self.metrics.fail(FailCause::ClientTimeout);
                    self.in_flight -= 1;
                    self.user_answered(&request);
                }
            }
            Some(Call::Finished) => {
                self.timers_pending -= 1;
                self.free_call(slot);
            }
            _ => {}
        }
    }
}
