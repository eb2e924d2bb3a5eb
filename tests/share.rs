//! Share links: round trips, and every damaged link in `tests/fixtures/share/bad-links.tsv` gives
//! the expected, explained error instead of a panic.

mod common;

use common::Rng;
use pgdojo::share::{self, ShareError};
use serde::{Deserialize, Serialize};

/// A state shaped like a tool's: text plus options.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct State {
    sql: String,
    pg_version: u32,
}

fn variant(error: &ShareError) -> &'static str {
    match error {
        ShareError::Empty => "Empty",
        ShareError::UnknownFormat => "UnknownFormat",
        ShareError::NotBase64 => "NotBase64",
        ShareError::Corrupt => "Corrupt",
        ShareError::TooLarge => "TooLarge",
        ShareError::BadState(_) => "BadState",
    }
}

fn check(link: &str, expected: &str) {
    let error = share::decode::<State>(link).expect_err(link);
    assert_eq!(variant(&error), expected, "link {link:?}: {error}");
    assert!(!error.to_string().is_empty());
}

#[test]
fn damaged_links_are_refused_with_a_reason() {
    let fixtures = include_str!("fixtures/share/bad-links.tsv");
    let mut checked = 0;
    for line in fixtures.lines().filter(|l| !l.starts_with("# ")) {
        let (link, expected) = line.rsplit_once('\t').expect("link TAB error");
        check(link, expected);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures");
}

#[test]
fn states_round_trip_with_or_without_the_hash() {
    let state = State {
        sql: "ALTER TABLE users ADD COLUMN phone varchar(20) NOT NULL; -- ünïcode ✓".repeat(50),
        pg_version: 14,
    };
    let link = share::encode(&state);
    assert!(link.starts_with(share::PREFIX));
    assert!(
        link.len() < state.sql.len() / 4,
        "repetitive text compresses: {} chars for {}",
        link.len(),
        state.sql.len()
    );
    assert!(link
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
    assert_eq!(share::decode::<State>(&link), Ok(state));
    let decoded: State = share::decode(&format!("#{link}\n")).expect("with hash");
    assert_eq!(decoded.pg_version, 14);
}

#[test]
fn long_links_are_flagged() {
    assert!(!share::is_long("v1.short"));
    assert!(share::is_long(&"a".repeat(share::LONG_URL_WARNING + 1)));
}

#[test]
fn arbitrary_fragments_never_panic() {
    // A deterministic stream of garbage and of mutations of a valid link.
    let valid = share::encode(&State {
        sql: "select 1".into(),
        pg_version: 18,
    });
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    const ALPHABET: &[u8] = b"AZaz09-_.#=+/ \xff";
    for _ in 0..3_000 {
        let mut bytes = valid.clone().into_bytes();
        for _ in 0..=rng.below(4) {
            let at = rng.below(bytes.len());
            bytes[at] = ALPHABET[rng.below(ALPHABET.len())];
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = share::decode::<State>(&text);
        let random: String = (0..rng.below(64))
            .map(|_| char::from_u32(rng.below(0x250) as u32).unwrap_or('x'))
            .collect();
        let _ = share::decode::<State>(&random);
    }
}
