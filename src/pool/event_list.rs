//! The future event list: a binary heap ordered by (time, sequence number).
//!
//! The sequence number is assigned at scheduling time, so two events at the same instant are handled
//! in the order they were scheduled. That makes every run a pure function of its seed and config.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One scheduled event.
#[derive(Debug)]
pub struct Scheduled<E> {
    pub time: f64,
    pub seq: u64,
    pub event: E,
}

impl<E> PartialEq for Scheduled<E> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl<E> Eq for Scheduled<E> {}
impl<E> PartialOrd for Scheduled<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Scheduled<E> {
    /// Reversed, so that the max-heap pops the earliest (time, seq) first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .time
            .total_cmp(&self.time)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Events waiting to happen.
#[derive(Debug)]
pub struct EventList<E> {
    heap: BinaryHeap<Scheduled<E>>,
    next_seq: u64,
}

impl<E> Default for EventList<E> {
    fn default() -> Self {
        EventList {
            heap: BinaryHeap::new(),
            next_seq: 0,
        }
    }
}

impl<E> EventList<E> {
    /// A fresh sequence number (also used for events kept outside the heap).
    pub fn take_seq(&mut self) -> u64 {
        let s = self.next_seq;
        self.next_seq += 1;
        s
    }

    /// Schedules `event` at `time`.
    pub fn schedule(&mut self, time: f64, event: E) {
        let seq = self.take_seq();
        self.heap.push(Scheduled { time, seq, event });
    }

    /// The (time, seq) of the earliest event.
    pub fn peek_key(&self) -> Option<(f64, u64)> {
        self.heap.peek().map(|s| (s.time, s.seq))
    }

    /// Removes and returns the earliest event.
    pub fn pop(&mut self) -> Option<Scheduled<E>> {
        self.heap.pop()
    }

    /// Number of pending events.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether nothing is pending.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_break_by_scheduling_order() {
        let mut list = EventList::default();
        list.schedule(2.0, "late");
        list.schedule(1.0, "first");
        list.schedule(1.0, "second");
        list.schedule(0.5, "earliest");
        let order: Vec<&str> = std::iter::from_fn(|| list.pop().map(|s| s.event)).collect();
        assert_eq!(order, ["earliest", "first", "second", "late"]);
    }
}
