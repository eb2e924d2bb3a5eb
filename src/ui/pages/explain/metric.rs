//! The per-node measures the tree's bars and the grid can show, with their plan-wide maxima and
//! their formatting.

use super::view::PlanView;
use crate::explain::analysis::buffer_total;

/// What the tree's bars measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Exclusive,
    Inclusive,
    Rows,
    Misestimate,
    Cost,
    Buffers,
    Io,
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Metric::Exclusive,
        Metric::Inclusive,
        Metric::Rows,
        Metric::Misestimate,
        Metric::Cost,
        Metric::Buffers,
        Metric::Io,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Metric::Exclusive => "exclusive",
            Metric::Inclusive => "inclusive",
            Metric::Rows => "rows",
            Metric::Misestimate => "misestimate",
            Metric::Cost => "cost",
            Metric::Buffers => "buffers",
            Metric::Io => "io",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Metric::Exclusive => "Exclusive time",
            Metric::Inclusive => "Inclusive time",
            Metric::Rows => "Rows (× loops)",
            Metric::Misestimate => "Row misestimate",
            Metric::Cost => "Total cost",
            Metric::Buffers => "Buffers (exclusive)",
            Metric::Io => "I/O time (exclusive)",
        }
    }

    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == id)
    }

    /// The node's value, if the plan has it.
    pub fn value(self, view: &PlanView, index: usize) -> Option<f64> {
        let m = view.metrics.get(index)?;
        match self {
            Metric::Exclusive => m.exclusive_ms,
            Metric::Inclusive => m.inclusive_ms,
            Metric::Rows => m.rows_total,
            Metric::Misestimate => m.misestimate.as_ref().map(|e| e.factor),
            Metric::Cost => view.nodes.get(index).and_then(|n| n.total_cost),
            Metric::Buffers => {
                Some(buffer_total(&m.buffers_exclusive)).filter(|_| !m.buffers_exclusive.is_empty())
            }
            Metric::Io => {
                let b = &m.buffers_exclusive;
                match (b.io_read_ms, b.io_write_ms) {
                    (None, None) => None,
                    (r, w) => Some(r.unwrap_or(0.0) + w.unwrap_or(0.0)),
                }
            }
        }
    }

    /// The plan-wide maximum (bars are scaled to it).
    pub fn max(self, view: &PlanView) -> f64 {
        let x = &view.analysis.maxima;
        match self {
            Metric::Exclusive => x.exclusive_ms,
            Metric::Inclusive => x.inclusive_ms,
            Metric::Rows => x.rows_total,
            Metric::Misestimate => x.misestimate_factor,
            Metric::Cost => x.total_cost,
            Metric::Buffers => x.buffers_exclusive,
            Metric::Io => x.io_ms,
        }
    }

    /// The value as the tree prints it.
    pub fn format(self, value: f64) -> String {
        match self {
            Metric::Exclusive | Metric::Inclusive | Metric::Io => ms(value),
            Metric::Rows => count(value),
            Metric::Misestimate => format!("×{}", factor(value)),
            Metric::Cost => format!("{value:.2}"),
            Metric::Buffers => format!("{} blocks", count(value)),
        }
    }

    /// Bar width in percent of the maximum (a misestimate bar grows with the logarithm: ×10 and
    /// ×10,000 must both be visible).
    pub fn share(self, value: f64, max: f64) -> f64 {
        if max <= 0.0 || !value.is_finite() {
            return 0.0;
        }
        let share = if self == Metric::Misestimate {
            if max <= 1.0 {
                0.0
            } else {
                value.max(1.0).ln() / max.ln()
            }
        } else {
            value / max
        };
        (share * 100.0).clamp(0.0, 100.0)
    }
}

/// Milliseconds with a precision that suits the size.
pub fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else if value >= 10.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.3} ms")
    }
}

/// A count with thousands separators (`1,234,567`; fractions kept for PostgreSQL 18 rows).
pub fn count(value: f64) -> String {
    if value.fract() != 0.0 && value.abs() < 1000.0 {
        return format!("{value:.2}");
    }
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A misestimate factor: `12`, `3.4`.
pub fn factor(value: f64) -> String {
    if value >= 10.0 {
        count(value.round())
    } else {
        format!("{value:.1}")
    }
}
