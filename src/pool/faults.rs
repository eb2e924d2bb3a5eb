//! Failure modes a scenario can switch on: retries with capped exponential backoff, jitter and a
//! retry budget; callers that give up (a client timeout) while the app keeps working on their
//! request; a database slowdown for a while (the trigger of a retry storm); connection leaks;
//! requests that need a second connection while holding one; and all instances restarting at once.

use serde::{Deserialize, Serialize};

/// Failure modes; everything off by default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Failed requests are retried (`null` = never).
    pub retry: Option<Retry>,
    /// Probability that a request never returns its connection (a leak: the pool loses it).
    pub leak_probability: f64,
    /// Probability that a request, holding its connection, needs a second one from the same pool
    /// (e.g. a REQUIRES_NEW transaction) before it can finish. Enough of them deadlock the pool until
    /// their acquire timeouts fire.
    pub nested_probability: f64,
    /// At this time every instance restarts: waiters fail, connections close, and every pool reopens
    /// at once (a connection storm). `null` = never.
    pub restart_at_ms: Option<f64>,
    /// The caller (a user, an upstream service) gives up on an attempt this long after sending it
    /// and, with `retry`, sends it again. The app does not notice: the abandoned attempt keeps its
    /// place in the queue and, once it gets a connection, runs its transaction for nobody (wasted
    /// work). `null` = callers wait as long as it takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_timeout_ms: Option<f64>,
    /// For a while the database runs slower (a checkpoint, a stalled disk, a noisy neighbour).
    /// `null` = never.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slowdown: Option<Slowdown>,
}

/// A window of time in which every query runs `factor` times slower.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Slowdown {
    /// When the slowdown starts.
    pub at_ms: f64,
    /// How long it lasts.
    pub duration_ms: f64,
    /// How many times slower the database is meanwhile (>= 1).
    pub factor: f64,
}

impl Default for Slowdown {
    fn default() -> Self {
        Slowdown {
            at_ms: 5000.0,
            duration_ms: 2000.0,
            factor: 5.0,
        }
    }
}

/// Retry policy of the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retry {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// Backoff before retry n is min(cap, base × 2^(n-1)).
    pub base_ms: f64,
    pub cap_ms: f64,
    /// "Full jitter": the backoff is uniform between 0 and the value above.
    pub jitter: bool,
    /// Retry budget: each first attempt earns this many retry tokens (e.g. 0.1 = at most about 10 %
    /// extra load), and a retry spends one; the bucket holds at most `budget_cap` tokens. `null` = no
    /// budget (unlimited retries).
    pub budget_ratio: Option<f64>,
    pub budget_cap: f64,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            max_attempts: 3,
            base_ms: 50.0,
            cap_ms: 1000.0,
            jitter: true,
            budget_ratio: None,
            budget_cap: 100.0,
        }
    }
}

fn probability(name: &str, p: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(format!("{name} must be in 0..=1, got {p}"))
    }
}

impl Faults {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), String> {
        probability("leak_probability", self.leak_probability)?;
        probability("nested_probability", self.nested_probability)?;
        if let Some(t) = self.restart_at_ms {
            if !(t.is_finite() && t >= 0.0) {
                return Err(format!("restart_at_ms must be a finite time >= 0, got {t}"));
            }
        }
        if let Some(t) = self.client_timeout_ms {
            if !(t.is_finite() && t > 0.0) {
                return Err(format!(
                    "client_timeout_ms must be a finite time > 0, got {t}"
                ));
            }
        }
        if let Some(w) = &self.slowdown {
            for (name, x) in [("at_ms", w.at_ms), ("duration_ms", w.duration_ms)] {
                if !(x.is_finite() && x >= 0.0) {
                    return Err(format!(
                        "slowdown {name} must be a finite time >= 0, got {x}"
                    ));
                }
            }
            if !(w.factor.is_finite() && (1.0..=1e6).contains(&w.factor)) {
                return Err(format!(
                    "slowdown factor must be from 1 to 1e6, got {}",
                    w.factor
                ));
            }
        }
        if let Some(r) = &self.retry {
            if r.max_attempts == 0 || r.max_attempts > 100 {
                return Err(format!(
                    "retry max_attempts must be 1..=100, got {}",
                    r.max_attempts
                ));
            }
            for (name, x) in [
                ("base_ms", r.base_ms),
                ("cap_ms", r.cap_ms),
                ("budget_cap", r.budget_cap),
            ] {
                if !(x.is_finite() && x >= 0.0) {
                    return Err(format!(
                        "retry {name} must be a finite number >= 0, got {x}"
                    ));
                }
            }
            if let Some(b) = r.budget_ratio {
                if !(b.is_finite() && b >= 0.0) {
                    return Err(format!("retry budget_ratio must be >= 0, got {b}"));
                }
            }
        }
        Ok(())
    }
}

impl Retry {
    /// Backoff before attempt `attempt` (1 = the first retry), given a uniform draw `u`.
    pub fn backoff(&self, attempt: u32, u: f64) -> f64 {
        let exp = self.base_ms * libm::pow(2.0, f64::from(attempt.saturating_sub(1).min(60)));
        let b = exp.min(self.cap_ms);
        if self.jitter {
            b * u
        } else {
            b
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let r = Retry {
            jitter: false,
            ..Retry::default()
        };
        assert_eq!(r.backoff(1, 0.5), 50.0);
        assert_eq!(r.backoff(2, 0.5), 100.0);
        assert_eq!(r.backoff(10, 0.5), 1000.0);
        let j = Retry::default();
        assert_eq!(j.backoff(2, 0.5), 50.0);
    }

    #[test]
    fn rejects_bad_values() {
        let f = Faults {
            leak_probability: 2.0,
            ..Faults::default()
        };
        assert!(f.validate().is_err());
    }
}
