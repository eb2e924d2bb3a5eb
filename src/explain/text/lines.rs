//! Parses TEXT property lines (`Buffers: shared hit=1 read=2, temp written=3`,
//! `Sort Method: quicksort  Memory: 25kB`, ...) into normalised `(key, original key, value)` triples
//! that [`crate::explain::properties`] applies, exactly like JSON members.

use crate::explain::doc::{norm_key, parse_number, Doc};

/// One decoded property.
pub type Triple = (String, String, Doc);

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

fn scalar(value: &str) -> Doc {
    Doc::Scalar(value.to_string())
}

fn triple(key: &str, value: Doc) -> Triple {
    (norm_key(key), key.to_string(), value)
}

/// `shared hit=1 read=2, local ..., temp read=3 written=4` → `shared-hit-blocks`, ...
fn buffers(value: &str, out: &mut Vec<Triple>) {
    for group in value.split(',') {
        let mut words = group.split_whitespace();
        let Some(kind) = words.next() else { continue };
        for pair in words {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            if let Some(n) = parse_number(v) {
                let key = format!("{kind}-{k}-blocks");
                out.push((key.clone(), key, Doc::Scalar(n.to_string())));
            }
        }
    }
}

/// `read=1.2 write=3` (≤14), `shared/local read=..., temp read=...` (15), `shared read=...,
/// local ..., temp ...` (16+).
fn io_timings(value: &str, out: &mut Vec<Triple>) {
    for group in value.split(',') {
        let mut kind = "";
        for word in group.split_whitespace() {
            match word.split_once('=') {
                None => kind = word,
                Some((k, v)) => {
                    let Some(n) = parse_number(v) else { continue };
                    let prefix = if kind == "temp" { "temp-" } else { "" };
                    let key = format!("{prefix}i-o-{k}-time");
                    out.push((key.clone(), key, Doc::Scalar(n.to_string())));
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

/// Decodes one node property line.
pub fn node_property(key: &str, value: &str, out: &mut Vec<Triple>) {
    match key {
        "Buffers" => buffers(value, out),
        "I/O Timings" => io_timings(value, out),
        "Heap Blocks" => {
            for pair in value.split_whitespace() {
                if let Some((k, v)) = pair.split_once('=') {
                    out.push(triple(&format!("{k} Heap Blocks"), scalar(v)));
                }
            }
        }
        _ if MULTI_KEYS.contains(&key) => multi(key, value, out),
        _ => out.push(triple(key, scalar(value))),
    }
}

fn multi(first_key: &str, first_value: &str, out: &mut Vec<Triple>) {
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
            "Sort Method" => out.push(triple("Sort Method", scalar(value))),
            "Memory" | "Disk" => {
                out.push(triple("Sort Space Type", scalar(key)));
                out.push(triple("Sort Space Used", scalar(value)));
            }
            "Buckets" => {
                out.push(triple("Hash Buckets", scalar(value)));
                out.push(triple(
                    "Original Hash Buckets",
                    scalar(original.unwrap_or(value)),
                ));
            }
            "Batches" if hash_context => {
                out.push(triple("Hash Batches", scalar(value)));
                out.push(triple(
                    "Original Hash Batches",
                    scalar(original.unwrap_or(value)),
                ));
            }
            "Batches" => out.push(triple("HashAgg Batches", scalar(value))),
            "Memory Usage" => out.push(triple("Peak Memory Usage", scalar(value))),
            "Hits" | "Misses" | "Evictions" | "Overflows" => {
                out.push(triple(&format!("Cache {key}"), scalar(value)))
            }
            _ => out.push(triple(key, scalar(value))),
        }
    }
}
