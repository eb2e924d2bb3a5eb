//! Batch-means 95 % confidence intervals for the validation against queueing theory.
//!
//! Consecutive observations are grouped into equal batches; batch statistics are nearly independent
//! when batches are long compared with the queue's memory, so their spread gives a confidence interval
//! (Student t with batches-1 degrees of freedom).

use serde::{Deserialize, Serialize};

/// Two-sided 97.5 % Student t quantiles for 1..=30 degrees of freedom.
const T975: [f64; 30] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042,
];

fn t975(df: usize) -> f64 {
    match df {
        0 => f64::INFINITY,
        1..=30 => T975[df - 1],
        31..=60 => 2.02,
        _ => 1.98,
    }
}

/// A 95 % confidence interval: `mean ± half_width` from `batches` batches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub mean: f64,
    pub half_width: f64,
    pub batches: usize,
}

impl Interval {
    /// From per-batch values; an infinite half-width when fewer than two batches.
    pub fn from_batches(values: &[f64]) -> Interval {
        let b = values.len();
        if b == 0 {
            return Interval {
                mean: 0.0,
                half_width: f64::INFINITY,
                batches: 0,
            };
        }
        let mean = values.iter().sum::<f64>() / b as f64;
        if b < 2 {
            return Interval {
                mean,
                half_width: f64::INFINITY,
                batches: b,
            };
        }
        let var = values.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (b - 1) as f64;
        Interval {
            mean,
            half_width: t975(b - 1) * libm::sqrt(var / b as f64),
            batches: b,
        }
    }

    /// Whether `x` lies inside the interval.
    pub fn contains(&self, x: f64) -> bool {
        (x - self.mean).abs() <= self.half_width
    }
}

/// Batch means of a stream of values.
#[derive(Clone, Debug)]
pub struct BatchMeans {
    size: u64,
    n: u64,
    sum: f64,
    means: Vec<f64>,
}

impl BatchMeans {
    /// Batches of `size` observations (at least 1).
    pub fn new(size: u64) -> Self {
        BatchMeans {
            size: size.max(1),
            n: 0,
            sum: 0.0,
            means: Vec::new(),
        }
    }

    /// Adds one observation; an incomplete last batch is ignored.
    pub fn push(&mut self, x: f64) {
        self.sum += x;
        self.n += 1;
        if self.n == self.size {
            self.means.push(self.sum / self.n as f64);
            self.n = 0;
            self.sum = 0.0;
        }
    }

    /// The confidence interval of the mean.
    pub fn interval(&self) -> Interval {
        Interval::from_batches(&self.means)
    }
}

/// Largest batch whose values are kept for batch quantiles (8 MB); longer batches (very long runs,
/// or `batches = 0`) report no quantile intervals rather than hold unbounded memory.
pub const MAX_QUANTILE_BATCH: usize = 1_000_000;

/// Batch quantiles: each full batch is reduced to its own quantiles (exact, by selection).
#[derive(Clone, Debug)]
pub struct BatchQuantiles {
    size: usize,
    probs: Vec<f64>,
    buffer: Vec<f64>,
    per_prob: Vec<Vec<f64>>,
}

impl BatchQuantiles {
    /// Batches of `size` values; quantiles at `probs`.
    pub fn new(size: u64, probs: &[f64]) -> Self {
        BatchQuantiles {
            size: usize::try_from(size.max(1)).unwrap_or(usize::MAX),
            probs: probs.to_vec(),
            buffer: Vec::new(),
            per_prob: vec![Vec::new(); probs.len()],
        }
    }

    /// Adds one value (ignored when batches would exceed [`MAX_QUANTILE_BATCH`]).
    pub fn push(&mut self, x: f64) {
        if self.size > MAX_QUANTILE_BATCH {
            return;
        }
        self.buffer.push(x);
        if self.buffer.len() == self.size {
            let n = self.buffer.len();
            for (i, &p) in self.probs.iter().enumerate() {
                let rank = ((p * n as f64).ceil() as usize).clamp(1, n);
                let (_, v, _) = self.buffer.select_nth_unstable_by(rank - 1, f64::total_cmp);
                self.per_prob[i].push(*v);
            }
            self.buffer.clear();
        }
    }

    /// The confidence interval of the quantile at `probs[i]`.
    pub fn interval(&self, i: usize) -> Interval {
        self.per_prob
            .get(i)
            .map(|v| Interval::from_batches(v))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_of_constant_batches_is_tight() {
        let mut b = BatchMeans::new(10);
        for i in 0..100 {
            b.push(f64::from(i % 10));
        }
        let ci = b.interval();
        assert_eq!(ci.batches, 10);
        assert!((ci.mean - 4.5).abs() < 1e-12);
        assert!(ci.half_width < 1e-12);
        assert!(ci.contains(4.5));
    }

    #[test]
    fn batch_quantiles_pick_ranks() {
        let mut q = BatchQuantiles::new(100, &[0.5, 0.99]);
        for i in 0..200 {
            q.push(f64::from(i % 100));
        }
        assert_eq!(q.interval(0).mean, 49.0);
        assert_eq!(q.interval(1).mean, 98.0);
    }
}
