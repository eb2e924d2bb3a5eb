//! A tiny generic document tree shared by the JSON, YAML and XML readers.
//!
//! All scalars stay text: the three formats disagree on typing (XML has none), so the one mapper in
//! `structured` converts numbers itself and every format normalises identically. Keys and scalars
//! borrow from the input where the syntax needs no unescaping (most of a plan), which keeps a
//! 10,000-node document from costing hundreds of thousands of small allocations.

use std::borrow::Cow;

/// One `key: value` member of a map.
pub type Entry<'a> = (Cow<'a, str>, Doc<'a>);

/// A parsed structured value.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc<'a> {
    Null,
    Scalar(Cow<'a, str>),
    List(Vec<Doc<'a>>),
    /// Members in input order, and the 0-based line (of the reader's input) where the map's
    /// `Node Type` member is written, else where the map starts: a plan node's source position.
    Map(Vec<Entry<'a>>, Option<usize>),
}

impl<'a> Doc<'a> {
    /// Member of a map by normalised key (see [`norm_key`]), compared without allocating.
    pub fn get(&self, norm: &str) -> Option<&Doc<'a>> {
        match self {
            Doc::Map(entries, _) => entries
                .iter()
                .find(|(k, _)| norm_key_eq(k, norm))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value rendered as one line of text (lists joined with `, `, maps as `k: v`).
    pub fn render(&self) -> String {
        match self {
            Doc::Null => String::new(),
            Doc::Scalar(s) => s.to_string(),
            Doc::List(items) => items.iter().map(Doc::render).collect::<Vec<_>>().join(", "),
            Doc::Map(entries, _) => entries
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.render()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The scalar as a number, if it is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Doc::Scalar(s) => parse_number(s),
            _ => None,
        }
    }
}

/// Normalises a key so `I/O Read Time` (JSON/YAML) and `I-O-Read-Time` (XML) compare equal:
/// lower-case ASCII, every run of other characters becomes one `-`.
pub fn norm_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    norm_key_into(key, &mut out);
    out
}

/// [`norm_key`] into a caller's buffer (cleared first), so hot loops reuse one allocation.
pub fn norm_key_into(key: &str, out: &mut String) {
    out.clear();
    norm_key_walk(key, |b| {
        out.push(char::from(b));
        true
    });
}

/// Calls `f` with [`norm_key`]`(key)`, built on the stack for ordinary keys (no allocation).
pub fn with_norm_key<R>(key: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    // The normalised key is never longer than the key (runs of other bytes shrink to one `-`).
    if key.len() > buf.len() {
        return f(&norm_key(key));
    }
    let mut n = 0;
    norm_key_walk(key, |b| {
        buf[n] = b;
        n += 1;
        true
    });
    // Always ASCII, so always valid UTF-8.
    f(std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// True when `norm_key(key) == norm`, without building the normalised key.
pub fn norm_key_eq(key: &str, norm: &str) -> bool {
    let want = norm.as_bytes();
    let mut n = 0;
    let complete = norm_key_walk(key, |b| {
        let same = want.get(n) == Some(&b);
        n += 1;
        same
    });
    complete && n == want.len()
}

/// Feeds the bytes of [`norm_key`]'s result (all ASCII) to `push`, stopping early (and returning
/// false) when `push` returns false. A plain loop: it runs at the bottom of deep recursions.
fn norm_key_walk(key: &str, mut push: impl FnMut(u8) -> bool) -> bool {
    let mut dash = false;
    let mut started = false;
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() {
            if dash && started && !push(b'-') {
                return false;
            }
            dash = false;
            started = true;
            if !push(b.to_ascii_lowercase()) {
                return false;
            }
        } else {
            dash = true;
        }
    }
    true
}

/// Parses a plain decimal number (`12`, `0.50`, `-3e2`), tolerating a trailing unit such as `kB` or `ms`.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t
        .strip_suffix("ms")
        .or_else(|| t.strip_suffix("kB"))
        .unwrap_or(t)
        .trim_end();
    let value: f64 = t.parse().ok()?;
    value.is_finite().then_some(value)
}
