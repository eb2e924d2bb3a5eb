//! Whitespace trimming that is fast on the long runs of ASCII spaces deep TEXT plans are made of.
//!
//! `str::trim` decodes and classifies every char; a 300-level plan has lines with ~1,800 spaces of
//! indentation and the cleanup passes trim each line several times, which dominated parse time.
//! These helpers skip ASCII spaces byte-wise first and let the std functions handle what remains,
//! so the results are identical to `trim`/`trim_start`.

/// Number of leading ASCII spaces (`' '` only) of `s`.
pub fn leading_spaces(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b' ').count()
}

/// Same result as `s.trim_start()`.
pub fn trim_start(s: &str) -> &str {
    // Slicing after ASCII bytes is always on a char boundary.
    s[leading_spaces(s)..].trim_start()
}

/// Same result as `s.trim()`.
pub fn trim(s: &str) -> &str {
    let tail = s.bytes().rev().take_while(|&b| b == b' ').count();
    trim_start(&s[..s.len() - tail]).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        for s in [
            "",
            " ",
            "   ",
            "a",
            "  a b  ",
            "\t a \u{a0}",
            "\u{a0}  x",
            "      ->  Nested Loop",
            " é ",
            "x\u{2003}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
        }
    }
}
