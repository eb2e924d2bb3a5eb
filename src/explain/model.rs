//! The one plan model every input format normalises to.
//!
//! Field names follow PostgreSQL's JSON keys in snake_case so a TEXT, JSON, YAML or XML plan of the same
//! query yields the same tree. Anything the model has no field for is kept in `extra`, never dropped.

use serde::{Deserialize, Serialize};

/// Which syntax the input was written in.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// `EXPLAIN` default text output (psql, pgAdmin, auto_explain, ...).
    Text,
    /// `FORMAT JSON`.
    Json,
    /// `FORMAT YAML`.
    Yaml,
    /// `FORMAT XML`.
    Xml,
}

impl InputFormat {
    /// Lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Json => "json",
            InputFormat::Yaml => "yaml",
            InputFormat::Xml => "xml",
        }
    }
}

/// A `key: value` the model has no dedicated field for, kept verbatim (key as printed).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Property {
    /// Key as the input spelled it (`Group Key`, `Output`, ...).
    pub key: String,
    /// Value rendered as text (lists joined with `, `).
    pub value: String,
}

/// Block counters of `BUFFERS`. `None` means the input did not say.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Buffers {
    pub shared_hit: Option<f64>,
    pub shared_read: Option<f64>,
    pub shared_dirtied: Option<f64>,
    pub shared_written: Option<f64>,
    pub local_hit: Option<f64>,
    pub local_read: Option<f64>,
    pub local_dirtied: Option<f64>,
    pub local_written: Option<f64>,
    pub temp_read: Option<f64>,
    pub temp_written: Option<f64>,
    /// I/O read time in ms (all kinds summed when the version splits shared/local/temp).
    pub io_read_ms: Option<f64>,
    /// I/O write time in ms (summed like `io_read_ms`).
    pub io_write_ms: Option<f64>,
    /// Temp-file I/O read time in ms (PostgreSQL 15+), also included in `io_read_ms`.
    pub temp_io_read_ms: Option<f64>,
    /// Temp-file I/O write time in ms (PostgreSQL 15+), also included in `io_write_ms`.
    pub temp_io_write_ms: Option<f64>,
}

impl Buffers {
    /// True when no counter at all was given.
    pub fn is_empty(&self) -> bool {
        *self == Buffers::default()
    }
}

/// One parallel worker's share of a node (`Worker N:` lines, `Workers` arrays).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Worker {
    pub number: Option<f64>,
    pub actual_startup_ms: Option<f64>,
    pub actual_total_ms: Option<f64>,
    pub actual_rows: Option<f64>,
    pub actual_loops: Option<f64>,
    pub buffers: Buffers,
    pub extra: Vec<Property>,
}

/// One plan node.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Node {
    /// PostgreSQL's node type as JSON prints it (`Hash Join`, `Aggregate`, `ModifyTable`, ...).
    pub node_type: String,
    /// The name as TEXT prints it (`Parallel Hash Left Join`, `Finalize GroupAggregate`, ...).
    pub display_name: String,
    pub join_type: Option<String>,
    pub strategy: Option<String>,
    pub partial_mode: Option<String>,
    pub operation: Option<String>,
    /// SetOp command (`Intersect`, `Except All`, ...).
    pub command: Option<String>,
    pub relation: Option<String>,
    pub schema: Option<String>,
    pub alias: Option<String>,
    pub index: Option<String>,
    pub function_name: Option<String>,
    pub cte_name: Option<String>,
    pub custom_provider: Option<String>,
    pub scan_direction: Option<String>,
    pub parent_relationship: Option<String>,
    pub subplan_name: Option<String>,
    pub parallel_aware: Option<bool>,
    pub async_capable: Option<bool>,
    pub startup_cost: Option<f64>,
    pub total_cost: Option<f64>,
    pub plan_rows: Option<f64>,
    pub plan_width: Option<f64>,
    pub actual_startup_ms: Option<f64>,
    pub actual_total_ms: Option<f64>,
    /// Rows per loop; fractional since PostgreSQL 18.
    pub actual_rows: Option<f64>,
    pub actual_loops: Option<f64>,
    /// `(never executed)` in TEXT, `Actual Loops: 0` elsewhere.
    pub never_executed: bool,
    pub filter: Option<String>,
    pub join_filter: Option<String>,
    pub index_cond: Option<String>,
    pub recheck_cond: Option<String>,
    pub hash_cond: Option<String>,
    pub merge_cond: Option<String>,
    pub rows_removed_by_filter: Option<f64>,
    pub rows_removed_by_join_filter: Option<f64>,
    pub rows_removed_by_index_recheck: Option<f64>,
    pub heap_fetches: Option<f64>,
    pub exact_heap_blocks: Option<f64>,
    pub lossy_heap_blocks: Option<f64>,
    pub sort_key: Option<String>,
    pub sort_method: Option<String>,
    /// `Memory` or `Disk`.
    pub sort_space_type: Option<String>,
    pub sort_space_kb: Option<f64>,
    pub hash_buckets: Option<f64>,
    pub original_hash_buckets: Option<f64>,
    pub hash_batches: Option<f64>,
    pub original_hash_batches: Option<f64>,
    pub peak_memory_kb: Option<f64>,
    /// HashAggregate batches (PostgreSQL 13+); more than 1 means it spilled.
    pub hashagg_batches: Option<f64>,
    pub planned_partitions: Option<f64>,
    pub disk_usage_kb: Option<f64>,
    pub workers_planned: Option<f64>,
    pub workers_launched: Option<f64>,
    pub buffers: Buffers,
    pub workers: Vec<Worker>,
    /// Every other property, in input order.
    pub extra: Vec<Property>,
    pub children: Vec<Node>,
    /// 0-based line of the input as pasted (before client decorations were removed) where this
    /// node is written: TEXT the node's line; JSON and YAML the line of its `Node Type` member, XML
    /// the line of its `<Node-Type>` element (the object's opening line when it has none). `None`
    /// for plans built in memory. Not part of the CLI's JSON contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
}

impl Node {
    /// Number of nodes in this subtree, this one included (iterative: deep plans must not overflow).
    pub fn count(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            n += 1;
            stack.extend(node.children.iter());
        }
        n
    }

    /// Looks up an `extra` property by key, case-insensitively.
    pub fn extra_value(&self, key: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|p| p.key.eq_ignore_ascii_case(key))
            .map(|p| p.value.as_str())
    }
}

/// A trigger's run time (`Trigger fk: time=1.2 calls=10`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Trigger {
    pub name: String,
    pub relation: Option<String>,
    pub time_ms: Option<f64>,
    pub calls: Option<f64>,
}

/// JIT compilation summary (`JIT:` block), possibly per worker.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Jit {
    pub worker: Option<f64>,
    pub functions: Option<f64>,
    pub generation_ms: Option<f64>,
    pub inlining_ms: Option<f64>,
    pub optimization_ms: Option<f64>,
    pub emission_ms: Option<f64>,
    pub total_ms: Option<f64>,
    pub extra: Vec<Property>,
}

/// A whole parsed EXPLAIN output.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Plan {
    pub input_format: InputFormat,
    pub root: Node,
    pub planning_ms: Option<f64>,
    pub execution_ms: Option<f64>,
    pub planning_buffers: Buffers,
    pub triggers: Vec<Trigger>,
    pub jit: Vec<Jit>,
    pub query_text: Option<String>,
    /// Plan-level lines the model has no field for (`Settings`, `Query Identifier`, `Serialization`, ...).
    pub extra: Vec<Property>,
}

impl Plan {
    /// Total number of nodes (InitPlans, SubPlans and CTEs included).
    pub fn node_count(&self) -> usize {
        self.root.count()
    }

    /// Nodes in pre-order (the numbering used by hints and the CLI).
    pub fn preorder(&self) -> Vec<&Node> {
        let mut out = Vec::new();
        let mut stack = vec![&self.root];
        while let Some(node) = stack.pop() {
            out.push(node);
            stack.extend(node.children.iter().rev());
        }
        out
    }
}
