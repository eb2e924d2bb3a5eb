//! The database server's CPU as a processor-sharing queue, in virtual time.
//!
//! All k active jobs progress at the same rate r(k) (see [`super::usl`]), so instead of rewriting every
//! job's remaining work whenever k changes, we keep one "virtual work" clock V that advances at r(k)
//! and give each job the finish tag V_start + work. Jobs finish in tag order; only the next completion
//! time has to be recomputed when k changes. This is exactly processor sharing, in O(log k) per event.
//! A version counter marks when the next completion was recomputed, so the engine can drop stale ones.

use super::usl::per_job_rate;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

struct Job<T> {
    tag: f64,
    seq: u64,
    payload: T,
}

impl<T> PartialEq for Job<T> {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl<T> Eq for Job<T> {}
impl<T> PartialOrd for Job<T> {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl<T> Ord for Job<T> {
    fn cmp(&self, o: &Self) -> Ordering {
        o.tag
            .total_cmp(&self.tag)
            .then_with(|| o.seq.cmp(&self.seq))
    }
}

/// The database CPU with the jobs in progress.
pub struct Database<T> {
    cores: Option<u32>,
    sigma: f64,
    kappa: f64,
    jobs: BinaryHeap<Job<T>>,
    virtual_work: f64,
    last_time: f64,
    rate: f64,
    /// Speed factor of the whole server (1 = nominal; below 1 during a slowdown).
    speed: f64,
    next_seq: u64,
    /// Bumped whenever the next completion time changes.
    pub version: u64,
}

impl<T> Database<T> {
    /// An idle database.
    pub fn new(cores: Option<u32>, sigma: f64, kappa: f64) -> Self {
        Database {
            cores,
            sigma,
            kappa,
            jobs: BinaryHeap::new(),
            virtual_work: 0.0,
            last_time: 0.0,
            rate: 1.0,
            speed: 1.0,
            next_seq: 0,
            version: 0,
        }
    }

    fn advance(&mut self, now: f64) {
        if !self.jobs.is_empty() {
            self.virtual_work += self.rate * (now - self.last_time);
        }
        self.last_time = now;
    }

    fn rerate(&mut self) {
        self.rate = per_job_rate(self.jobs.len(), self.cores, self.sigma, self.kappa) * self.speed;
        self.version += 1;
    }

    /// From `now` on, every job progresses at `speed` times its normal rate (a slowdown).
    pub fn set_speed(&mut self, now: f64, speed: f64) {
        self.advance(now);
        self.speed = speed;
        self.rerate();
    }

    /// Number of jobs doing database work.
    pub fn active(&self) -> usize {
        self.jobs.len()
    }

    /// Busy cores (fractional when the USL overhead is counted as busy time): min(k, cores).
    pub fn busy_cores(&self) -> f64 {
        let k = self.jobs.len() as f64;
        match self.cores {
            Some(c) => k.min(f64::from(c)),
            None => k,
        }
    }

    /// Starts a job needing `work` ms of CPU at concurrency 1.
    pub fn add(&mut self, now: f64, work: f64, payload: T) {
        self.advance(now);
        let seq = self.next_seq;
        self.next_seq += 1;
        self.jobs.push(Job {
            tag: self.virtual_work + work.max(0.0),
            seq,
            payload,
        });
        self.rerate();
    }

    /// When the next job finishes, if any.
    pub fn next_completion(&self) -> Option<f64> {
        self.jobs.peek().map(|j| {
            let left = (j.tag - self.virtual_work).max(0.0);
            self.last_time + left / self.rate
        })
    }

    /// Removes the job that finishes next (the caller has advanced time to its completion).
    pub fn complete_next(&mut self, now: f64) -> Option<T> {
        self.advance(now);
        let job = self.jobs.pop()?;
        // Snap the clock to the finished tag: stops rounding drift from accumulating.
        self.virtual_work = self.virtual_work.max(job.tag);
        self.rerate();
        Some(job.payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_jobs_share_one_core() {
        let mut db = Database::new(Some(1), 0.0, 0.0);
        db.add(0.0, 2.0, "a");
        db.add(0.0, 4.0, "b");
        // Both at half speed: a finishes at 4, then b alone finishes its last 2 at 6.
        assert_eq!(db.next_completion(), Some(4.0));
        assert_eq!(db.complete_next(4.0), Some("a"));
        assert_eq!(db.next_completion(), Some(6.0));
        assert_eq!(db.complete_next(6.0), Some("b"));
        assert_eq!(db.next_completion(), None);
    }

    #[test]
    fn a_slowdown_stretches_the_remaining_work() {
        let mut db = Database::new(None, 0.0, 0.0);
        db.add(0.0, 4.0, "a");
        // Half done at t=2, then at a quarter of the speed the last 2 ms of work take 8 ms.
        db.set_speed(2.0, 0.25);
        assert_eq!(db.next_completion(), Some(10.0));
    }

    #[test]
    fn late_arrival_slows_the_first() {
        let mut db = Database::new(Some(1), 0.0, 0.0);
        db.add(0.0, 2.0, 1);
        db.add(1.0, 1.0, 2);
        // At t=1, job 1 has 1 left, job 2 has 1: both finish at 3 (job 1 first by seq).
        assert_eq!(db.next_completion(), Some(3.0));
        assert_eq!(db.complete_next(3.0), Some(1));
        assert_eq!(db.next_completion(), Some(3.0));
    }
}
