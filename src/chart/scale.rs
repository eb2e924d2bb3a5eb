//! Maps data values to drawing units: linear, or logarithmic for data spanning decades (latency
//! quantiles, timeouts next to sub-millisecond waits).

/// A mapping from a data domain onto a drawing range (the range may run backwards, as an SVG y
/// axis does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
    log: bool,
}

impl Scale {
    /// A linear scale; a non-finite or empty domain maps everything to the middle of the range.
    pub fn linear(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
            log: false,
        }
    }

    /// A base-10 logarithmic scale. Non-positive domain ends are raised to a decade below the
    /// other end (or to 1 and 10 when both are unusable).
    pub fn log(domain: (f64, f64), range: (f64, f64)) -> Scale {
        let ok = |v: f64| v.is_finite() && v > 0.0;
        let (a, b) = match (ok(domain.0), ok(domain.1)) {
            (true, true) => (domain.0, domain.1),
            (true, false) => (domain.0, domain.0 * 10.0),
            (false, true) => (domain.1 / 10.0, domain.1),
            (false, false) => (1.0, 10.0),
        };
        Scale {
            d0: a.log10(),
            d1: b.log10(),
            r0: range.0,
            r1: range.1,
            log: true,
        }
    }

    /// The drawing coordinate of `v`; `None` for NaN, an infinity, or a value ≤ 0 on a log
    /// scale (the caller leaves a gap). Values outside the domain map outside the range.
    pub fn map(&self, v: f64) -> Option<f64> {
        let t = if self.log {
            if !(v.is_finite() && v > 0.0) {
                return None;
            }
            v.log10()
        } else {
            v
        };
        if !(t.is_finite() && self.r0.is_finite() && self.r1.is_finite()) {
            return None;
        }
        let span = self.d1 - self.d0;
        let out = if span.is_finite() && span != 0.0 {
            self.r0 + (t - self.d0) / span * (self.r1 - self.r0)
        } else {
            (self.r0 + self.r1) / 2.0
        };
        out.is_finite().then_some(out)
    }
}
