//! Parses TEXT property lines (`Buffers: shared hit=1 read=2, temp written=3`,
//! `Sort Method: quicksort  Memory: 25kB`, ...) into normalised `(key, original key, value)`
//! triples that [`crate::explain::properties`] applies, exactly like JSON members. Triples are handed
//! to a callback, borrowed from the line: a plan has tens of thousands of property lines.

use crate::explain::doc::{parse_number, with_norm_key};
use crate::explain::model::{Buffers, Property};
use crate::explain::properties::{apply_buffer, Value};

/// Splits `Key: value` when `Key` looks like a property name (starts with a letter; letters, digits,
/// spaces, `_-/."` only). Returns `None` for continuation text such as `AND ((b)::numeric`.
pub fn split_key(content: &str) -> Option<(&str, &str)> {
    let colon = content.find(':')?;
    let key = &content[..colon];
    let rest = &content[colon + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let mut chars = key.chars();
    let first = chars.next()?;
    if !first.is_alphabetic() {
        return None;
    }
    let mut quoted = false;
    for c in key.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            c if c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '/' | '.' | '$') => {}
            _ => return None,
        }
    }
    Some((key.trim(), rest.trim()))
}

/// Receives each decoded property: normalised key, key as printed, value.
pub trait Emit: FnMut(&str, &str, Value<'_>) {}
impl<F: FnMut(&str, &str, Value<'_>)> Emit for F {}

fn text(emit: &mut impl Emit, key: &str, value: &str) {
    with_norm_key(key, |norm| emit(norm, key, Value::Text(value)));
}

/// `shared hit=1 read=2, local ..., temp read=3 written=4` → `shared-hit-blocks`, ...
fn buffers(value: &str, emit: &mut impl Emit) {
    let mut key = String::new();
    for group in value.split(',') {
        let mut words = group.split_whitespace();
        let Some(kind) = words.next() else { continue };
        for pair in words {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            if let Some(n) = parse_number(v) {
                key.clear();
                key.push_str(kind);
                key.push('-');
                key.push_str(k);
                key.push_str("-blocks");
                emit(&key, &key, Value::Number(n));
            }
        }
    }
}

/// `read=1.2 write=3` (≤14), `shared/local read=..., temp read=...` (15), `shared read=...,
/// local ..., temp ...` (16+).
fn io_timings(value: &str, emit: &mut impl Emit) {
    let mut key = String::new();
    for group in value.split(',') {
        let mut kind = "";
        for word in group.split_whitespace() {
            match word.split_once('=') {
                None => kind = word,
                Some((k, v)) => {
                    let Some(n) = parse_number(v) else { continue };
                    key.clear();
                    if kind == "temp" {
                        key.push_str("temp-");
                    }
                    key.push_str("i-o-");
                    key.push_str(k);
                    key.push_str("-time");
                    emit(&key, &key, Value::Number(n));
                }
            }
        }
    }
}

/// Lines holding several `Key: value` segments separated by two spaces.
const MULTI_KEYS: &[&str] = &[
    "Sort Method",
    "Buckets",
    "Batches",
    "Planned Partitions",
    "Hits",
    "Memory Usage",
];

/// Decodes one node property line, calling `emit` for each property it holds.
pub fn node_property(key: &str, value: &str, emit: &mut impl Emit) {
    match key {
        "Buffers" => buffers(value, emit),
        "I/O Timings" => io_timings(value, emit),
        "Heap Blocks" => {
            for pair in value.split_whitespace() {
                if let Some((k, v)) = pair.split_once('=') {
                    text(emit, &format!("{k} Heap Blocks"), v);
                }
            }
        }
        _ if MULTI_KEYS.contains(&key) => multi(key, value, emit),
        _ => text(emit, key, value),
    }
}

/// Decodes a property line of something that has only buffer counters (a worker, planning): the
/// counters go to `buffers`, anything else to `extra`, its key prefixed with `prefix`.
pub fn buffers_or_extra(
    key: &str,
    value: &str,
    buffers: &mut Buffers,
    extra: &mut Vec<Property>,
    prefix: &str,
) {
    node_property(
        key,
        value,
        &mut |norm: &str, original: &str, value: Value<'_>| {
            let applied = value
                .number()
                .is_some_and(|n| apply_buffer(buffers, norm, n));
            if !applied {
                extra.push(Property {
                    key: format!("{prefix}{original}"),
                    value: value.render(),
                });
            }
        },
    );
}

fn multi(first_key: &str, first_value: &str, emit: &mut impl Emit) {
    let line = format!("{first_key}: {first_value}");
    let hash_context = first_key == "Buckets";
    for segment in line.split("  ").map(str::trim).filter(|s| !s.is_empty()) {
        let Some((key, value)) = split_key(segment) else {
            continue;
        };
        // `1024 (originally 512)`.
        let (value, original) = match value.split_once(" (originally ") {
            Some((v, o)) => (v.trim(), Some(o.trim_end_matches(')'))),
            None => (value, None),
        };
        match key {
            "Sort Method" => text(emit, "Sort Method", value),
            "Memory" | "Disk" => {
                text(emit, "Sort Space Type", key);
                text(emit, "Sort Space Used", value);
            }
            "Buckets" => {
                text(emit, "Hash Buckets", value);
                text(emit, "Original Hash Buckets", original.unwrap_or(value));
            }
            "Batches" if hash_context => {
                text(emit, "Hash Batches", value);
                text(emit, "Original Hash Batches", original.unwrap_or(value));
            }
            "Batches" => text(emit, "HashAgg Batches", value),
            "Memory Usage" => text(emit, "Peak Memory Usage", value),
            "Hits" | "Misses" | "Evictions" | "Overflows" => {
                text(emit, &format!("Cache {key}"), value)
            }
            _ => text(emit, key, value),
        }
    }
}
