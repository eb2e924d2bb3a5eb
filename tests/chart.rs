//! The chart maths (`pgdojo::chart`): ticks, labels and scales against the fixture tables in
//! `tests/fixtures/chart/`, paths by example, and a deterministic mini-fuzzer holding ticks,
//! labels, scales, paths and downsampling to their promises on any f64 (NaN and infinities too).

mod common;

use std::fs;

use common::Rng;
use pgdojo::chart::{
    line_path, min_max, nice_ticks, short, tick_label, ticks::MAX_TICKS, ticks_from_zero, Scale,
};

/// `(line number, left side, right side)` of each `LEFT => RIGHT` line of a fixture.
fn fixture(name: &str) -> Vec<(usize, Vec<String>, String)> {
    let text = fs::read_to_string(format!("tests/fixtures/chart/{name}")).expect("fixture");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (left, right) = l.split_once("=>").expect("LEFT => RIGHT");
            let words = left.split_whitespace().map(str::to_owned).collect();
            (i + 1, words, right.trim().to_owned())
        })
        .collect()
}

fn num(s: &str) -> f64 {
    s.parse().expect("a number (NaN and inf parse too)")
}

/// One fixture line: what the function gave, printed as the fixture writes it, equals the line's
/// expectation.
fn check(name: &str, line: usize, input: &[String], got: String, expected: &str) {
    assert_eq!(got, expected, "{name}:{line}: {}", input.join(" "));
}

fn show(ticks: &[f64]) -> String {
    ticks
        .iter()
        .map(|v| format!("{v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn ticks_match_the_fixture() {
    let cases = fixture("ticks.txt");
    assert!(cases.len() >= 30);
    for (line, words, expected) in cases {
        let got = match words[0].as_str() {
            "nice" => {
                let n = words[3].parse().expect("interval count");
                nice_ticks(num(&words[1]), num(&words[2]), n)
            }
            "zero" => ticks_from_zero(num(&words[1])),
            other => panic!("ticks.txt:{line}: unknown kind {other}"),
        };
        // Fixture numbers are written in their shortest form; compare them parsed, as f64.
        let want: Vec<f64> = expected.split_whitespace().map(num).collect();
        check("ticks.txt", line, &words, show(&got), &show(&want));
    }
}

#[test]
fn labels_match_the_fixture() {
    for (line, words, expected) in fixture("labels.txt") {
        let got = match words[0].as_str() {
            "short" => short(num(&words[1])),
            "tick" => tick_label(num(&words[1]), num(&words[2])),
            other => panic!("labels.txt:{line}: unknown kind {other}"),
        };
        check("labels.txt", line, &words, got, &expected);
    }
}

#[test]
fn scales_match_the_fixture() {
    for (line, words, expected) in fixture("scales.txt") {
        let n: Vec<f64> = words[1..].iter().map(|w| num(w)).collect();
        let scale = match words[0].as_str() {
            "linear" => Scale::linear((n[0], n[1]), (n[2], n[3])),
            "log" => Scale::log((n[0], n[1]), (n[2], n[3])),
            other => panic!("scales.txt:{line}: unknown kind {other}"),
        };
        let got = scale.map(n[4]).map_or("none".to_owned(), |v| {
            format!("{}", (v * 1e6).round() / 1e6)
        });
        check("scales.txt", line, &words, got, &expected);
    }
}

/// Points, the y scale, and the expected path.
type PathCase<'a> = (&'a [(f64, f64)], &'a Scale, &'a str);

#[test]
fn paths_break_at_points_they_cannot_draw() {
    let sx = Scale::linear((0.0, 10.0), (0.0, 100.0));
    let sy = Scale::linear((0.0, 10.0), (100.0, 0.0));
    let log_y = Scale::log((1.0, 100.0), (100.0, 0.0));
    let cases: &[PathCase] = &[
        (&[], &sy, ""),
        (&[(0.0, 0.0)], &sy, "M0.0 100.0"),
        (
            &[(0.0, 0.0), (5.0, 5.0), (10.0, 10.0)],
            &sy,
            "M0.0 100.0 L50.0 50.0 L100.0 0.0",
        ),
        (
            &[(0.0, 0.0), (5.0, f64::NAN), (10.0, 10.0)],
            &sy,
            "M0.0 100.0 M100.0 0.0",
        ),
        (
            &[(f64::INFINITY, 1.0), (1.0, 1.0), (2.0, 2.0)],
            &sy,
            "M10.0 90.0 L20.0 80.0",
        ),
        (
            &[(1.0, 1.0), (2.0, 0.0), (3.0, 10.0), (4.0, 100.0)],
            &log_y,
            "M10.0 100.0 M30.0 50.0 L40.0 0.0",
        ),
    ];
    for (points, sy, expected) in cases {
        assert_eq!(line_path(points, &sx, sy), *expected, "{points:?}");
    }
}

/// Any f64, with the awkward ones (NaN, ±inf, ±0, extremes, subnormals) often.
fn any_f64(rng: &mut Rng) -> f64 {
    const SPECIAL: [f64; 10] = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        1.0,
    ];
    match rng.below(4) {
        0 => SPECIAL[rng.below(SPECIAL.len())],
        1 => f64::from_bits(rng.next()),
        _ => (rng.below(2_000_001) as f64 - 1e6) * 10f64.powi(rng.below(40) as i32 - 20),
    }
}

#[test]
fn ticks_labels_scales_and_paths_never_panic_and_keep_their_promises() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let (lo, hi, n) = (any_f64(&mut rng), any_f64(&mut rng), rng.below(40));
        let ticks = nice_ticks(lo, hi, n);
        assert!(
            (2..=MAX_TICKS).contains(&ticks.len()),
            "{lo} {hi} {n}: {ticks:?}"
        );
        assert!(ticks.iter().all(|t| t.is_finite()), "{lo} {hi}: {ticks:?}");
        assert!(
            ticks.windows(2).all(|w| w[0] <= w[1]),
            "{lo} {hi}: {ticks:?}"
        );
        for end in [lo, hi].into_iter().filter(|v| v.is_finite()) {
            let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
            assert!(
                first <= end && end <= last,
                "{lo} {hi} {n}: {ticks:?} covers {end}"
            );
        }
        let step = ticks[1] - ticks[0];
        for t in &ticks {
            assert!(!tick_label(*t, step).is_empty());
            assert!(!short(*t).is_empty());
        }
        let points: Vec<(f64, f64)> = (0..rng.below(8))
            .map(|_| (any_f64(&mut rng), any_f64(&mut rng)))
            .collect();
        let (a, b, c) = (any_f64(&mut rng), any_f64(&mut rng), any_f64(&mut rng));
        let (sx, sy) = (
            Scale::linear((lo, hi), (a, b)),
            Scale::log((hi, lo), (b, c)),
        );
        for p in &points {
            assert!(sx.map(p.0).is_none_or(f64::is_finite));
            assert!(sy.map(p.1).is_none_or(f64::is_finite));
        }
        let d = line_path(&points, &sx, &sy);
        assert!(!d.contains("NaN") && !d.contains("inf"), "{d}");
    }
}

#[test]
fn downsampling_keeps_ends_extremes_and_order() {
    let mut rng = Rng(42);
    for round in 0..400 {
        let len = rng.below(3000);
        let buckets = rng.below(300);
        let points: Vec<(f64, f64)> = (0..len)
            .map(|i| {
                let y = match rng.below(50) {
                    0 => f64::NAN,
                    1 => f64::INFINITY,
                    _ => (rng.below(1_000_000) as f64 - 5e5) / 7.0,
                };
                (i as f64, y)
            })
            .collect();
        let out = min_max(&points, buckets);
        assert!(
            out.len() <= 2 * buckets.max(1) + 2 || out.len() == len,
            "round {round}"
        );
        if len <= 2 * buckets.max(1) + 2 {
            assert_eq!(out.len(), len, "short series unchanged");
            continue;
        }
        assert_eq!(out[0].0, points[0].0, "round {round}: first kept");
        assert_eq!(
            out[out.len() - 1].0,
            points[len - 1].0,
            "round {round}: last kept"
        );
        assert!(
            out.windows(2).all(|w| w[0].0 < w[1].0),
            "round {round}: order kept"
        );
        let finite = || points.iter().map(|p| p.1).filter(|y| y.is_finite());
        let (lo, hi) = (
            finite().fold(f64::INFINITY, f64::min),
            finite().fold(f64::NEG_INFINITY, f64::max),
        );
        assert!(
            out.iter().any(|p| p.1 == lo),
            "round {round}: minimum {lo} kept"
        );
        assert!(
            out.iter().any(|p| p.1 == hi),
            "round {round}: maximum {hi} kept"
        );
    }
}

#[test]
fn downsampling_a_spike_keeps_it() {
    let mut points: Vec<(f64, f64)> = (0..10_000).map(|i| (i as f64, 1.0)).collect();
    points[6_789].1 = 500.0;
    points[1_234].1 = -3.0;
    let out = min_max(&points, 100);
    assert!(out.len() <= 202);
    assert!(out.contains(&(6_789.0, 500.0)) && out.contains(&(1_234.0, -3.0)));
}
