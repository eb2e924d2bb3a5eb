//! Duration distributions for work and app time: exponential, constant, lognormal(p50, p99), uniform.
//!
//! All values are milliseconds. Parsed from the CLI's compact form (`exp:5`, `const:5`,
//! `lognormal:3,40`, `uniform:1,9`) or from scenario JSON (`{"kind": "exp", "mean_ms": 5}`).

use super::rng::Rng;
use serde::{Deserialize, Serialize};

/// z such that P(Z <= z) = 0.99 for a standard normal: links a lognormal's p50 and p99.
const Z99: f64 = 2.326_347_874_040_840_8;

/// A distribution of durations in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Dist {
    /// Exponential with this mean.
    Exp { mean_ms: f64 },
    /// Always exactly this long.
    Const { ms: f64 },
    /// Lognormal given by its median and 99th percentile.
    Lognormal { p50_ms: f64, p99_ms: f64 },
    /// Uniform between the two bounds.
    Uniform { min_ms: f64, max_ms: f64 },
}

impl Default for Dist {
    fn default() -> Self {
        Dist::Const { ms: 0.0 }
    }
}

/// Longest duration parameter accepted (about 11.6 days): keeps simulated time far from overflow.
pub const MAX_MS: f64 = 1e9;

fn finite_nonneg(name: &str, x: f64) -> Result<(), String> {
    if x.is_finite() && (0.0..=MAX_MS).contains(&x) {
        Ok(())
    } else {
        Err(format!(
            "{name} must be a number from 0 to {MAX_MS} ms, got {x}"
        ))
    }
}

impl Dist {
    /// Checks the parameters; the error names the bad one.
    pub fn validate(&self) -> Result<(), String> {
        match *self {
            Dist::Exp { mean_ms } => finite_nonneg("exp mean", mean_ms),
            Dist::Const { ms } => finite_nonneg("const duration", ms),
            Dist::Lognormal { p50_ms, p99_ms } => {
                finite_nonneg("lognormal p50", p50_ms)?;
                finite_nonneg("lognormal p99", p99_ms)?;
                if p50_ms <= 0.0 || p99_ms < p50_ms {
                    return Err(format!(
                        "lognormal needs 0 < p50 <= p99, got p50={p50_ms}, p99={p99_ms}"
                    ));
                }
                Ok(())
            }
            Dist::Uniform { min_ms, max_ms } => {
                finite_nonneg("uniform min", min_ms)?;
                finite_nonneg("uniform max", max_ms)?;
                if max_ms < min_ms {
                    return Err(format!("uniform needs min <= max, got {min_ms},{max_ms}"));
                }
                Ok(())
            }
        }
    }

    /// Parses `exp:MS`, `const:MS`, `lognormal:P50,P99` or `uniform:MIN,MAX`.
    pub fn parse(text: &str) -> Result<Dist, String> {
        let (kind, args) = text
            .split_once(':')
            .ok_or_else(|| format!("expected KIND:ARGS like exp:5, got {text:?}"))?;
        let nums: Vec<f64> = args
            .split(',')
            .map(|a| {
                a.trim()
                    .parse::<f64>()
                    .map_err(|_| format!("{a:?} is not a number in {text:?}"))
            })
            .collect::<Result<_, _>>()?;
        let want = |n: usize| -> Result<(), String> {
            if nums.len() == n {
                Ok(())
            } else {
                Err(format!("{kind} takes {n} number(s), got {text:?}"))
            }
        };
        let dist = match kind.trim() {
            "exp" => {
                want(1)?;
                Dist::Exp { mean_ms: nums[0] }
            }
            "const" => {
                want(1)?;
                Dist::Const { ms: nums[0] }
            }
            "lognormal" => {
                want(2)?;
                Dist::Lognormal {
                    p50_ms: nums[0],
                    p99_ms: nums[1],
                }
            }
            "uniform" => {
                want(2)?;
                Dist::Uniform {
                    min_ms: nums[0],
                    max_ms: nums[1],
                }
            }
            other => {
                return Err(format!(
                    "unknown distribution {other:?}: use exp, const, lognormal or uniform"
                ))
            }
        };
        dist.validate()?;
        Ok(dist)
    }

    /// The mean in milliseconds.
    pub fn mean(&self) -> f64 {
        match *self {
            Dist::Exp { mean_ms } => mean_ms,
            Dist::Const { ms } => ms,
            Dist::Lognormal { p50_ms, p99_ms } => {
                let s = libm::log(p99_ms / p50_ms) / Z99;
                p50_ms * libm::exp(s * s / 2.0)
            }
            Dist::Uniform { min_ms, max_ms } => (min_ms + max_ms) / 2.0,
        }
    }

    /// Draws one duration. Constants draw nothing, so they leave the random stream untouched.
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        match *self {
            Dist::Exp { mean_ms } => rng.exp(mean_ms),
            Dist::Const { ms } => ms,
            Dist::Lognormal { p50_ms, p99_ms } => {
                let s = libm::log(p99_ms / p50_ms) / Z99;
                p50_ms * libm::exp(s * rng.normal())
            }
            Dist::Uniform { min_ms, max_ms } => min_ms + (max_ms - min_ms) * rng.unit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_compact_forms() {
        assert_eq!(Dist::parse("exp:5"), Ok(Dist::Exp { mean_ms: 5.0 }));
        assert_eq!(
            Dist::parse("lognormal:3,40"),
            Ok(Dist::Lognormal {
                p50_ms: 3.0,
                p99_ms: 40.0
            })
        );
        assert!(Dist::parse("exp").is_err());
        assert!(Dist::parse("exp:-1").is_err());
        assert!(Dist::parse("gamma:1").is_err());
        assert!(Dist::parse("uniform:5,1").is_err());
        assert!(Dist::parse("lognormal:40,3").is_err());
    }

    #[test]
    fn lognormal_median_and_p99_hold() {
        let d = Dist::Lognormal {
            p50_ms: 3.0,
            p99_ms: 40.0,
        };
        let mut rng = Rng::new(5, 0);
        let mut xs: Vec<f64> = (0..100_000).map(|_| d.sample(&mut rng)).collect();
        xs.sort_by(f64::total_cmp);
        let p50 = xs[49_999];
        let p99 = xs[98_999];
        assert!((p50 / 3.0 - 1.0).abs() < 0.03, "p50 {p50}");
        assert!((p99 / 40.0 - 1.0).abs() < 0.06, "p99 {p99}");
    }
}
