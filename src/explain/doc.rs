//! A tiny generic document tree shared by the JSON, YAML and XML readers.
//!
//! All scalars stay text: the three formats disagree on typing (XML has none), so the one mapper in
//! `structured` converts numbers itself and every format normalises identically.

/// A parsed structured value.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    Null,
    Scalar(String),
    List(Vec<Doc>),
    Map(Vec<(String, Doc)>),
}

impl Doc {
    /// Member of a map by normalised key (see [`norm_key`]).
    pub fn get(&self, norm: &str) -> Option<&Doc> {
        match self {
            Doc::Map(entries) => entries
                .iter()
                .find(|(k, _)| norm_key(k) == norm)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value rendered as one line of text (lists joined with `, `, maps as `k: v`).
    pub fn render(&self) -> String {
        match self {
            Doc::Null => String::new(),
            Doc::Scalar(s) => s.clone(),
            Doc::List(items) => items.iter().map(Doc::render).collect::<Vec<_>>().join(", "),
            Doc::Map(entries) => entries
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
    let mut dash = false;
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
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
