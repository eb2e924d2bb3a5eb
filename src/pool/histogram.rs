//! A log-bucket histogram of durations with quantiles accurate to well within 1 %.
//!
//! Buckets split every power of two into 128 equal parts (read straight from the float's exponent and
//! top mantissa bits, so bucketing is exact and platform-independent). A bucket's midpoint is within
//! 1/256 (0.4 %) of any value in it. Zero is counted apart: most requests of a healthy pool wait 0.

/// Sub-buckets per power of two, as a bit count, of the exact histogram.
const FINE_BITS: u32 = 7;
/// Smallest and largest exponents kept: 2^-40 ms (about 1e-12 ms) to 2^62 ms.
const MIN_EXP: i32 = -40;
const MAX_EXP: i32 = 62;
const OCTAVES: usize = (MAX_EXP - MIN_EXP + 1) as usize;

/// Counts of durations (ms), with exact count, sum, min and max.
#[derive(Clone, Debug)]
pub struct Histogram {
    sub_bits: u32,
    zeros: u64,
    counts: Vec<u64>,
    count: u64,
    sum: f64,
    min: f64,
    max: f64,
}

impl Default for Histogram {
    fn default() -> Self {
        Self::new()
    }
}

fn bucket_of(v: f64, sub_bits: u32) -> usize {
    let subs = 1usize << sub_bits;
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1023;
    if exp < MIN_EXP {
        return 0;
    }
    if exp > MAX_EXP {
        return OCTAVES * subs - 1;
    }
    let sub = ((bits >> (52 - sub_bits)) as usize) & (subs - 1);
    ((exp - MIN_EXP) as usize) * subs + sub
}

/// The midpoint of a bucket.
fn midpoint(index: usize, sub_bits: u32) -> f64 {
    let subs = 1usize << sub_bits;
    let exp = (index / subs) as i32 + MIN_EXP;
    let sub = (index % subs) as f64;
    // 2^exp built from its bits: exact on every platform.
    let base = f64::from_bits(((exp + 1023) as u64) << 52);
    base * (1.0 + (sub + 0.5) / subs as f64)
}

impl Histogram {
    /// An empty histogram with quantiles within 0.4 %.
    pub fn new() -> Self {
        Self::with_sub_bits(FINE_BITS)
    }

    /// An empty histogram with 2^`sub_bits` buckets per power of two (1..=10): coarser ones are
    /// cheaper to clear, for per-interval time series.
    pub fn with_sub_bits(sub_bits: u32) -> Self {
        let sub_bits = sub_bits.clamp(1, 10);
        Histogram {
            sub_bits,
            zeros: 0,
            counts: vec![0; OCTAVES << sub_bits],
            count: 0,
            sum: 0.0,
            min: f64::INFINITY,
            max: 0.0,
        }
    }

    /// Records one value; negatives and NaN count as zero (durations cannot be negative).
    pub fn record(&mut self, v: f64) {
        let v = if v > 0.0 { v } else { 0.0 };
        self.count += 1;
        self.sum += v;
        self.min = self.min.min(v);
        self.max = self.max.max(v);
        if v == 0.0 {
            self.zeros += 1;
        } else {
            self.counts[bucket_of(v, self.sub_bits)] += 1;
        }
    }

    /// Forgets every value, keeping the resolution.
    pub fn clear(&mut self) {
        self.counts.iter_mut().for_each(|c| *c = 0);
        self.zeros = 0;
        self.count = 0;
        self.sum = 0.0;
        self.min = f64::INFINITY;
        self.max = 0.0;
    }

    /// Number of values recorded.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Number of values that were exactly zero.
    pub fn zeros(&self) -> u64 {
        self.zeros
    }

    /// Mean of the values (0 when empty).
    pub fn mean(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.sum / self.count as f64
        }
    }

    /// Sum of the values.
    pub fn sum(&self) -> f64 {
        self.sum
    }

    /// Largest value (0 when empty).
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The `p`-quantile (0 <= p <= 1): the value of rank ceil(p*n), as its bucket midpoint clamped to
    /// the observed range. 0 when empty.
    pub fn quantile(&self, p: f64) -> f64 {
        if self.count == 0 {
            return 0.0;
        }
        let p = if p.is_nan() { 0.5 } else { p.clamp(0.0, 1.0) };
        let rank = ((p * self.count as f64).ceil() as u64).max(1);
        if rank <= self.zeros {
            return 0.0;
        }
        let mut seen = self.zeros;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return midpoint(i, self.sub_bits).clamp(self.min, self.max);
            }
        }
        self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_within_one_percent() {
        let mut h = Histogram::new();
        let mut xs = Vec::new();
        for i in 1..=100_000u32 {
            let v = f64::from(i) * 0.0137 + libm::sin(f64::from(i)).abs();
            h.record(v);
            xs.push(v);
        }
        xs.sort_by(f64::total_cmp);
        for p in [0.01, 0.5, 0.9, 0.95, 0.99, 0.999] {
            let exact = xs[((p * xs.len() as f64).ceil() as usize) - 1];
            let q = h.quantile(p);
            assert!((q / exact - 1.0).abs() < 0.01, "p={p}: {q} vs {exact}");
        }
    }

    #[test]
    fn zeros_and_empty() {
        let mut h = Histogram::new();
        assert_eq!(h.quantile(0.5), 0.0);
        for _ in 0..9 {
            h.record(0.0);
        }
        h.record(4.0);
        assert_eq!(h.quantile(0.9), 0.0);
        assert_eq!(h.quantile(0.95), 4.0);
        assert_eq!(h.zeros(), 9);
        assert!((h.mean() - 0.4).abs() < 1e-12);
    }
}
