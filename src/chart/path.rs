//! Builds the `d` attribute of an SVG line from data points: a point that cannot be drawn (NaN,
//! infinite, or ≤ 0 on a log axis) breaks the line into a new segment instead of joining across it.

use super::scale::Scale;

/// The path through `points`, one decimal per coordinate; empty when nothing can be drawn.
pub fn line_path(points: &[(f64, f64)], sx: &Scale, sy: &Scale) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    let mut pen_down = false;
    for &(x, y) in points {
        match (sx.map(x), sy.map(y)) {
            (Some(px), Some(py)) => {
                if !d.is_empty() {
                    d.push(' ');
                }
                d.push(if pen_down { 'L' } else { 'M' });
                d.push_str(&format!("{px:.1} {py:.1}"));
                pen_down = true;
            }
            _ => pen_down = false,
        }
    }
    d
}
