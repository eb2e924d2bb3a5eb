//! Compact numbers for axis ticks and chart summaries: `1.5k`, `20`, `0.25`, `2M`.

/// A compact number: thousands as `k`, millions as `M` (scientific from 10^12 on), two decimals
/// below 1; `–` for NaN or an infinity.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let a = v.abs();
    if a >= 1e12 {
        format!("{v:.1e}")
    } else if a >= 1e6 {
        format!("{:.3}", v / 1e6)
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
            + "M"
    } else if a >= 1e4 {
        format!("{}k", (v / 1e3).round())
    } else if a >= 1e3 {
        format!("{:.1}k", v / 1e3).replace(".0k", "k")
    } else if a >= 10.0 || a == 0.0 {
        format!("{}", v.round())
    } else if a >= 1.0 {
        format!("{v:.1}").trim_end_matches(".0").to_owned()
    } else {
        format!("{v:.2}")
    }
}

/// A tick label precise enough that ticks `step` apart read differently: [`short`] for steps of
/// 1 and more (and for huge values), else as many decimals as the step needs (up to 12).
pub fn tick_label(v: f64, step: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    if v == 0.0 {
        return "0".to_owned();
    }
    if !(step.is_finite() && step > 0.0) || step >= 1.0 || v.abs() >= 1e4 {
        return short(v);
    }
    let decimals = (-step.log10().floor()).clamp(0.0, 12.0) as usize;
    let needs = format!("{v:.decimals$}");
    // 0.5 steps of 1.5, 2.0 read as 1.5, 2: drop trailing zeros.
    let trimmed = needs.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_owned()
    } else {
        trimmed.to_owned()
    }
}
