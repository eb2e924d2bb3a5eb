//! Rule `index-on-partitioned-parent`: Index built on a partitioned table in one statement.

use super::existing_table_lock;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "index-on-partitioned-parent",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "CREATE INDEX (without ON ONLY) on a table the file shows to be partitioned (it has PARTITION OF children or ATTACH/DETACH PARTITION).",
        why: "An index on a partitioned parent is built on every partition in one statement, holding SHARE on each partition for the whole build; CONCURRENTLY is not supported on partitioned tables.",
        safe_sql: "CREATE INDEX measurements_day_idx ON ONLY measurements (day);  -- invalid parent index, instant\nCREATE INDEX CONCURRENTLY measurements_2024_day_idx ON measurements_2024 (day);\nALTER INDEX measurements_day_idx ATTACH PARTITION measurements_2024_day_idx;  -- per partition",
        docs_url: "https://www.postgresql.org/docs/current/ddl-partitioning.html#DDL-PARTITIONING-DECLARATIVE-MAINTENANCE",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::CreateIndex {
        table, only: false, ..
    } = &s.command
    else {
        return Vec::new();
    };
    if !a.partitioned_tables.iter().any(|p| p == table) || existing_table_lock(s, table).is_none() {
        return Vec::new();
    }
    vec![Draft::new(
        format!("{table} is partitioned: this index is built on every partition in one statement, holding SHARE (writes blocked) on each until it ends"),
        "create the parent index with ON ONLY, build each partition's index CONCURRENTLY, then ATTACH them",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("index-on-partitioned-parent");
}
