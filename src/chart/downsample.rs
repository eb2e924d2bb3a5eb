//! Thins a long series for drawing: per bucket of consecutive points, only its lowest and highest
//! point (in their original order), so peaks and dips survive while a chart a few hundred units
//! wide never draws thousands of points.

/// At most about `2 × buckets + 2` points of `points`: the first and last, and each bucket's
/// minimum and maximum y. Shorter series come back unchanged. Points with a non-finite y are never
/// chosen as extremes; a bucket of only such points keeps one of them, so the line shows its gap.
pub fn min_max(points: &[(f64, f64)], buckets: usize) -> Vec<(f64, f64)> {
    let buckets = buckets.max(1);
    if points.len() <= 2 * buckets + 2 {
        return points.to_vec();
    }
    let (first, last) = (points[0], points[points.len() - 1]);
    let inner = &points[1..points.len() - 1];
    let mut out = Vec::with_capacity(2 * buckets + 2);
    out.push(first);
    for b in 0..buckets {
        let start = b * inner.len() / buckets;
        let end = (b + 1) * inner.len() / buckets;
        let chunk = &inner[start..end];
        let finite = || chunk.iter().enumerate().filter(|(_, p)| p.1.is_finite());
        let lo = finite()
            .min_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map(|(i, _)| i);
        let hi = finite()
            .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))
            .map(|(i, _)| i);
        match (lo, hi) {
            (Some(lo), Some(hi)) if lo == hi => out.push(chunk[lo]),
            (Some(lo), Some(hi)) => {
                out.push(chunk[lo.min(hi)]);
                out.push(chunk[lo.max(hi)]);
            }
            _ => out.extend(chunk.first().copied()),
        }
    }
    out.push(last);
    out
}
