//! Parses the instance counts of a grid sweep: one number (`20`), a range (`1..8`, `1..=8`) or a
//! comma-separated mix (`1, 2, 4, 8` or `5, 10..12`).

use crate::pool::config::MAX_INSTANCES;

/// Most instance counts in one grid: each becomes a curve, and 16 is what colour × dash pattern can
/// tell apart.
pub const MAX_INSTANCE_COUNTS: usize = 16;

/// The instance counts named by `text`, sorted and without repeats.
pub fn parse_instances(text: &str) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    for item in text.split(',').map(str::trim) {
        if item.is_empty() {
            continue;
        }
        let (a, b) = match item.split_once("..") {
            Some((a, b)) => (number(a, text)?, number(b.trim_start_matches('='), text)?),
            None => {
                let n = number(item, text)?;
                (n, n)
            }
        };
        if a == 0 || b < a || b > MAX_INSTANCES {
            return Err(format!(
                "instance counts must be 1..={MAX_INSTANCES} with A <= B, got {item:?}"
            ));
        }
        if (b - a) as usize >= MAX_INSTANCE_COUNTS {
            return Err(too_many());
        }
        out.extend(a..=b);
        if out.len() > 4 * MAX_INSTANCE_COUNTS {
            return Err(too_many());
        }
    }
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        return Err("give an instance count, a range like 1..8 or a list like 1, 2, 4, 8".into());
    }
    if out.len() > MAX_INSTANCE_COUNTS {
        return Err(too_many());
    }
    Ok(out)
}

fn too_many() -> String {
    format!("at most {MAX_INSTANCE_COUNTS} instance counts per sweep")
}

fn number(s: &str, text: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .map_err(|_| format!("{:?} is not an instance count in {text:?}", s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_ranges_and_lists() {
        let cases: &[(&str, Result<&[u32], &str>)] = &[
            ("20", Ok(&[20])),
            (" 1..4 ", Ok(&[1, 2, 3, 4])),
            ("1..=3", Ok(&[1, 2, 3])),
            ("8, 4,2,1", Ok(&[1, 2, 4, 8])),
            ("5, 10..12, 5", Ok(&[5, 10, 11, 12])),
            ("1,,2,", Ok(&[1, 2])),
            ("", Err("give an instance count")),
            ("0", Err("must be 1..=")),
            ("4..2", Err("must be 1..=")),
            ("x", Err("is not an instance count")),
            ("1..x", Err("is not an instance count")),
            ("-3", Err("is not an instance count")),
            ("1..17", Err("at most 16")),
            ("1..100000000", Err("must be 1..=")),
            ("1..9, 11..18", Err("at most 16")),
            ("99999999999999", Err("is not an instance count")),
            ("10001", Err("must be 1..=")),
        ];
        for (text, expected) in cases {
            match (parse_instances(text), expected) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{text:?}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{text:?}: {got}"),
                (got, want) => panic!("{text:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}
