//! Maps one normalised property key (see [`crate::explain::doc::norm_key`]) onto the plan model.
//!
//! TEXT lines and JSON/YAML/XML members both end up here, which is what makes the four formats
//! produce the same tree. Unknown keys are kept in `extra` with their original spelling.

use super::doc::{parse_number, Doc};
use super::model::{Buffers, Node, Property};

/// A property's value: a document member (JSON/YAML/XML), or text or a number read from a TEXT
/// line. TEXT values need no [`Doc`] (and no copy) just to be applied.
#[derive(Clone, Copy, Debug)]
pub enum Value<'v> {
    Doc(&'v Doc<'v>),
    Text(&'v str),
    Number(f64),
}

impl Value<'_> {
    /// The value as a number, if it is one.
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Doc(doc) => doc.number(),
            Value::Text(text) => parse_number(text),
            Value::Number(n) => Some(n),
        }
    }

    /// The value as one line of text (see [`Doc::render`]).
    pub fn render(self) -> String {
        match self {
            Value::Doc(doc) => doc.render(),
            Value::Text(text) => text.to_string(),
            Value::Number(n) => n.to_string(),
        }
    }

    fn is_null(self) -> bool {
        matches!(self, Value::Doc(Doc::Null))
    }
}

fn add(slot: &mut Option<f64>, value: f64) {
    *slot = Some(slot.unwrap_or(0.0) + value);
}

/// Applies a buffer or I/O timing counter; returns false when `key` is not one.
///
/// Zero counters are skipped: TEXT omits them while JSON/YAML/XML print them, and the model must be
/// the same for all formats (`None` reads as "zero or not measured").
pub fn apply_buffer(buffers: &mut Buffers, key: &str, value: f64) -> bool {
    if value == 0.0 {
        return is_buffer_key(key);
    }
    let slot = match key {
        "shared-hit-blocks" => &mut buffers.shared_hit,
        "shared-read-blocks" => &mut buffers.shared_read,
        "shared-dirtied-blocks" => &mut buffers.shared_dirtied,
        "shared-written-blocks" => &mut buffers.shared_written,
        "local-hit-blocks" => &mut buffers.local_hit,
        "local-read-blocks" => &mut buffers.local_read,
        "local-dirtied-blocks" => &mut buffers.local_dirtied,
        "local-written-blocks" => &mut buffers.local_written,
        "temp-read-blocks" => &mut buffers.temp_read,
        "temp-written-blocks" => &mut buffers.temp_written,
        "i-o-read-time" | "shared-i-o-read-time" | "local-i-o-read-time" => {
            add(&mut buffers.io_read_ms, value);
            return true;
        }
        "i-o-write-time" | "shared-i-o-write-time" | "local-i-o-write-time" => {
            add(&mut buffers.io_write_ms, value);
            return true;
        }
        "temp-i-o-read-time" => {
            add(&mut buffers.io_read_ms, value);
            add(&mut buffers.temp_io_read_ms, value);
            return true;
        }
        "temp-i-o-write-time" => {
            add(&mut buffers.io_write_ms, value);
            add(&mut buffers.temp_io_write_ms, value);
            return true;
        }
        _ => return false,
    };
    add(slot, value);
    true
}

fn is_buffer_key(key: &str) -> bool {
    apply_buffer(&mut Buffers::default(), key, 1.0)
}

fn text(value: Value<'_>) -> Option<String> {
    (!value.is_null()).then(|| value.render())
}

fn boolean(value: Value<'_>) -> Option<bool> {
    match value.render().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" => Some(true),
        "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// Sets the field `key` (normalised) of `node`; unknown keys go to `extra` under `original_key`.
pub fn apply_node_property(node: &mut Node, key: &str, original_key: &str, value: Value<'_>) {
    let num = || value.number();
    // Every buffer and I/O timing key ends so; other values need not be parsed as numbers here.
    let maybe_buffer = key.ends_with("-blocks") || key.ends_with("-time");
    if let Some(n) = num().filter(|_| maybe_buffer) {
        if apply_buffer(&mut node.buffers, key, n) {
            return;
        }
    }
    let handled = match key {
        "node-type" => set_text(&mut node.node_type, value),
        "join-type" => set(&mut node.join_type, text(value)),
        "strategy" => set(&mut node.strategy, text(value)),
        "partial-mode" => set(&mut node.partial_mode, text(value)),
        "operation" => set(&mut node.operation, text(value)),
        "command" => set(&mut node.command, text(value)),
        "relation-name" => set(&mut node.relation, text(value)),
        "schema" => set(&mut node.schema, text(value)),
        "alias" => set(&mut node.alias, text(value)),
        "index-name" => set(&mut node.index, text(value)),
        "function-name" => set(&mut node.function_name, text(value)),
        "cte-name" => set(&mut node.cte_name, text(value)),
        "custom-plan-provider" => set(&mut node.custom_provider, text(value)),
        "scan-direction" => set(&mut node.scan_direction, text(value)),
        "parent-relationship" => set(&mut node.parent_relationship, text(value)),
        "subplan-name" => set(&mut node.subplan_name, text(value)),
        "parallel-aware" => set(&mut node.parallel_aware, boolean(value)),
        "async-capable" => set(&mut node.async_capable, boolean(value)),
        "startup-cost" => set(&mut node.startup_cost, num()),
        "total-cost" => set(&mut node.total_cost, num()),
        "plan-rows" => set(&mut node.plan_rows, num()),
        "plan-width" => set(&mut node.plan_width, num()),
        "actual-startup-time" => set(&mut node.actual_startup_ms, num()),
        "actual-total-time" => set(&mut node.actual_total_ms, num()),
        "actual-rows" => set(&mut node.actual_rows, num()),
        "actual-loops" => set(&mut node.actual_loops, num()),
        "filter" => set(&mut node.filter, text(value)),
        "join-filter" => set(&mut node.join_filter, text(value)),
        "index-cond" => set(&mut node.index_cond, text(value)),
        "recheck-cond" => set(&mut node.recheck_cond, text(value)),
        "hash-cond" => set(&mut node.hash_cond, text(value)),
        "merge-cond" => set(&mut node.merge_cond, text(value)),
        "rows-removed-by-filter" => set(&mut node.rows_removed_by_filter, num()),
        "rows-removed-by-join-filter" => set(&mut node.rows_removed_by_join_filter, num()),
        "rows-removed-by-index-recheck" => set(&mut node.rows_removed_by_index_recheck, num()),
        "heap-fetches" => set(&mut node.heap_fetches, num()),
        "exact-heap-blocks" => set(&mut node.exact_heap_blocks, num()),
        "lossy-heap-blocks" => set(&mut node.lossy_heap_blocks, num()),
        "sort-key" => set(&mut node.sort_key, text(value)),
        "sort-method" => set(&mut node.sort_method, text(value)),
        "sort-space-used" => set(&mut node.sort_space_kb, num()),
        "sort-space-type" => set(&mut node.sort_space_type, text(value)),
        "hash-buckets" => set(&mut node.hash_buckets, num()),
        "original-hash-buckets" => set(&mut node.original_hash_buckets, num()),
        "hash-batches" => set(&mut node.hash_batches, num()),
        "original-hash-batches" => set(&mut node.original_hash_batches, num()),
        "peak-memory-usage" => set(&mut node.peak_memory_kb, num()),
        "hashagg-batches" => set(&mut node.hashagg_batches, num()),
        "planned-partitions" => set(&mut node.planned_partitions, num()),
        "disk-usage" => set(&mut node.disk_usage_kb, num()),
        "workers-planned" => set(&mut node.workers_planned, num()),
        "workers-launched" => set(&mut node.workers_launched, num()),
        _ => false,
    };
    if !handled {
        node.extra.push(Property {
            key: original_key.to_string(),
            value: value.render(),
        });
    }
}

fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

fn set_text(slot: &mut String, value: Value<'_>) -> bool {
    match text(value) {
        Some(v) => {
            *slot = v;
            true
        }
        None => false,
    }
}
