//! Arrival processes: Poisson, two-state MMPP bursts, a linear ramp and a diurnal sine.
//!
//! Time-varying rates use thinning (candidates at the peak rate, each kept with probability
//! rate(t) / peak), which is exact for a non-homogeneous Poisson process. Plain Poisson draws exactly
//! one exponential per arrival, so the validated M/M/c runs consume the random stream unchanged.

use super::rng::Rng;
use serde::{Deserialize, Serialize};

/// How the open-loop arrival rate varies over time; `traffic.arrival_rate` is the base rate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Pattern {
    /// Constant rate.
    #[default]
    Poisson,
    /// Two-state Markov-modulated Poisson: the base rate, and bursts at `burst_rate`; each state
    /// lasts an exponential time with the given mean.
    Mmpp {
        burst_rate: f64,
        mean_calm_ms: f64,
        mean_burst_ms: f64,
    },
    /// From the base rate to `to_rate` linearly over `over_ms`, then constant.
    Ramp { to_rate: f64, over_ms: f64 },
    /// base × (1 + amplitude × sin(2π t / period)); amplitude in 0..=1.
    Diurnal { amplitude: f64, period_ms: f64 },
}

impl Pattern {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), String> {
        let pos = |name: &str, x: f64| {
            if x.is_finite() && (1e-3..=1e9).contains(&x) {
                Ok(())
            } else {
                Err(format!("traffic {name} must be from 0.001 to 1e9, got {x}"))
            }
        };
        match *self {
            Pattern::Poisson => Ok(()),
            Pattern::Mmpp {
                burst_rate,
                mean_calm_ms,
                mean_burst_ms,
            } => {
                pos("burst_rate", burst_rate)?;
                pos("mean_calm_ms", mean_calm_ms)?;
                pos("mean_burst_ms", mean_burst_ms)
            }
            Pattern::Ramp { to_rate, over_ms } => {
                pos("to_rate", to_rate)?;
                pos("over_ms", over_ms)
            }
            Pattern::Diurnal {
                amplitude,
                period_ms,
            } => {
                pos("period_ms", period_ms)?;
                if (0.0..=1.0).contains(&amplitude) {
                    Ok(())
                } else {
                    Err(format!(
                        "diurnal amplitude must be in 0..=1, got {amplitude}"
                    ))
                }
            }
        }
    }
}

/// The state of an arrival process (rates per ms).
#[derive(Clone, Debug)]
pub struct Arrivals {
    base: f64,
    pattern: Pattern,
    in_burst: bool,
    switch_at: f64,
}

impl Arrivals {
    /// A process with `rate_per_s` as its base rate.
    pub fn new(rate_per_s: f64, pattern: Pattern) -> Self {
        Arrivals {
            base: rate_per_s / 1000.0,
            pattern,
            in_burst: false,
            switch_at: f64::NAN,
        }
    }

    /// The rate at time `t` (per ms), for the time-varying patterns.
    fn rate_at(&self, t: f64) -> f64 {
        match self.pattern {
            Pattern::Ramp { to_rate, over_ms } => {
                let f = (t / over_ms).min(1.0);
                self.base + (to_rate / 1000.0 - self.base) * f
            }
            Pattern::Diurnal {
                amplitude,
                period_ms,
            } => {
                let phase = std::f64::consts::TAU * t / period_ms;
                self.base * (1.0 + amplitude * libm::sin(phase))
            }
            _ => self.base,
        }
    }

    /// The time of the next arrival after `t`.
    pub fn next_after(&mut self, t: f64, rng: &mut Rng) -> f64 {
        match self.pattern.clone() {
            Pattern::Poisson => t + rng.exp(1.0 / self.base),
            Pattern::Mmpp {
                burst_rate,
                mean_calm_ms,
                mean_burst_ms,
            } => {
                let mut now = t;
                if self.switch_at.is_nan() {
                    self.switch_at = now + rng.exp(mean_calm_ms);
                }
                loop {
                    let rate = if self.in_burst {
                        burst_rate / 1000.0
                    } else {
                        self.base
                    };
                    let candidate = now + rng.exp(1.0 / rate);
                    if candidate <= self.switch_at {
                        return candidate;
                    }
                    // Memoryless: restart from the switch in the other state.
                    now = self.switch_at;
                    self.in_burst = !self.in_burst;
                    let mean = if self.in_burst {
                        mean_burst_ms
                    } else {
                        mean_calm_ms
                    };
                    self.switch_at = now + rng.exp(mean);
                }
            }
            Pattern::Ramp { to_rate, .. } => {
                let peak = self.base.max(to_rate / 1000.0);
                self.thin(t, peak, rng)
            }
            Pattern::Diurnal { amplitude, .. } => {
                let peak = self.base * (1.0 + amplitude);
                self.thin(t, peak, rng)
            }
        }
    }

    fn thin(&self, t: f64, peak: f64, rng: &mut Rng) -> f64 {
        let mut now = t;
        loop {
            now += rng.exp(1.0 / peak);
            if rng.unit() * peak <= self.rate_at(now) {
                return now;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(pattern: Pattern, rate: f64, until: f64) -> (u64, u64) {
        let mut a = Arrivals::new(rate, pattern);
        let mut rng = Rng::new(11, 0);
        let (mut t, mut first_half, mut all) = (0.0, 0, 0);
        loop {
            t = a.next_after(t, &mut rng);
            if t > until {
                return (first_half, all);
            }
            all += 1;
            if t <= until / 2.0 {
                first_half += 1;
            }
        }
    }

    #[test]
    fn ramp_doubles_the_rate() {
        // 100/s rising to 300/s over 100 s: 20000 expected in all, 7500 in the first half.
        let (half, all) = count(
            Pattern::Ramp {
                to_rate: 300.0,
                over_ms: 100_000.0,
            },
            100.0,
            100_000.0,
        );
        assert!((all as f64 / 20_000.0 - 1.0).abs() < 0.03, "{all}");
        assert!((half as f64 / 7_500.0 - 1.0).abs() < 0.04, "{half}");
    }

    #[test]
    fn mmpp_mean_rate() {
        // Equal mean sojourns: the long-run rate is the average of 100/s and 900/s.
        let (_, all) = count(
            Pattern::Mmpp {
                burst_rate: 900.0,
                mean_calm_ms: 500.0,
                mean_burst_ms: 500.0,
            },
            100.0,
            200_000.0,
        );
        assert!((all as f64 / 100_000.0 - 1.0).abs() < 0.05, "{all}");
    }

    #[test]
    fn diurnal_full_period_keeps_the_mean() {
        let (half, all) = count(
            Pattern::Diurnal {
                amplitude: 0.8,
                period_ms: 100_000.0,
            },
            100.0,
            100_000.0,
        );
        assert!((all as f64 / 10_000.0 - 1.0).abs() < 0.03, "{all}");
        // The first half period is the high one: (1 + 0.8 * 2/pi) / 2 of the arrivals.
        assert!((half as f64 / 7_546.0 - 1.0).abs() < 0.04, "{half}");
    }
}
