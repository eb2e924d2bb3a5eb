//! Round axis ticks: evenly spaced values 1, 2 or 5 times a power of ten apart that cover a range.

/// Most ticks an axis gets, whatever the request: beyond this the labels would overlap.
pub const MAX_TICKS: usize = 24;

/// The smallest step of the form {1, 2, 5} × 10^k that splits `span` into at most `intervals`
/// parts; `None` when `span` is not a positive finite number.
pub fn nice_step(span: f64, intervals: usize) -> Option<f64> {
    if !(span.is_finite() && span > 0.0) {
        return None;
    }
    let rough = span / intervals.clamp(1, MAX_TICKS - 1) as f64;
    let power = 10f64.powf(rough.log10().floor());
    if !(power.is_finite() && power > 0.0) {
        return None;
    }
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .filter(|s| s.is_finite())
}

/// Ticks covering `lo..=hi` (in either order): the first at or below the lower end, the last at
/// or above the upper end, about `intervals` steps apart. Non-finite ends are ignored; an empty or
/// one-point range gets a unit-sized (or 10 %-sized) range around it, so there are always at
/// least two ticks, and never more than [`MAX_TICKS`].
pub fn nice_ticks(lo: f64, hi: f64, intervals: usize) -> Vec<f64> {
    let (lo, hi) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (lo.min(hi), lo.max(hi)),
        (true, false) => (lo, lo),
        (false, true) => (hi, hi),
        (false, false) => (0.0, 0.0),
    };
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        // One point: a range 10 % either side of it, on its side of zero (and within f64).
        let pad = lo.abs() * 0.1;
        if lo > 0.0 {
            ((lo - pad).max(0.0), (lo + pad).min(f64::MAX))
        } else {
            ((lo - pad).max(-f64::MAX), (lo + pad).min(0.0))
        }
    };
    // A span beyond f64 (ends near ±f64::MAX) gets just its two ends.
    let span = hi - lo;
    let Some(step) = nice_step(span, intervals) else {
        return vec![lo, hi];
    };
    let mut first = (lo / step).floor();
    let mut last = (hi / step).ceil();
    // A quotient that underflows (a tiny end over a huge step) can land one step short.
    if first * step > lo {
        first -= 1.0;
    }
    if last * step < hi {
        last += 1.0;
    }
    let count = last - first;
    if !(count.is_finite() && count >= 1.0 && count < MAX_TICKS as f64) {
        return vec![lo, hi];
    }
    let decimals = -step.log10().floor();
    let out: Vec<f64> = (0..=count as usize)
        .map(|i| clean((first + i as f64) * step, decimals))
        .collect();
    if out.iter().all(|v| v.is_finite()) {
        out
    } else {
        vec![lo, hi]
    }
}

/// Rounds away binary noise (0.30000000000000004) to the step's decimals.
fn clean(v: f64, decimals: f64) -> f64 {
    if (1.0..=15.0).contains(&decimals) {
        let f = 10f64.powi(decimals as i32);
        let r = (v * f).round() / f;
        if r.is_finite() {
            return r;
        }
    }
    if v == 0.0 {
        0.0 // no "-0" labels
    } else {
        v
    }
}

/// Ticks from zero up to at least `max` (the live charts' y axes and time axes), four steps or so
/// apart; `[0, 1]` when `max` is not a positive finite number.
pub fn ticks_from_zero(max: f64) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    nice_ticks(0.0, max, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_is_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(100.0, 4), Some(50.0));
        assert_eq!(nice_step(7.0, 4), Some(2.0));
        assert_eq!(nice_step(0.0, 4), None);
        assert_eq!(nice_step(f64::NAN, 4), None);
        assert_eq!(nice_step(1.0, 0), Some(1.0));
    }
}
