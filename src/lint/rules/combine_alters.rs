//! Rule `combine-alters`: Consecutive ALTER TABLEs on one table.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::locks::LockMode;
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "combine-alters",
    severity: Severity::Hint,
    doc: RuleDoc {
        problem: "Two or more consecutive ALTER TABLE statements on the same existing table.",
        why: "Each ALTER TABLE queues for its own lock (and may rewrite or scan separately); one ALTER TABLE with several comma-separated subcommands takes the lock once.",
        safe_sql: "ALTER TABLE users ADD COLUMN phone text, ADD COLUMN country text;",
        docs_url: "https://www.postgresql.org/docs/current/sql-altertable.html",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::AlterTable { table, .. } = &s.command else {
        return Vec::new();
    };
    let Some(prev) = s.index.checked_sub(1).and_then(|i| a.statements.get(i)) else {
        return Vec::new();
    };
    let same = matches!(&prev.command, Command::AlterTable { table: t, .. } if t == table);
    // Only two ACCESS EXCLUSIVE alters gain from combining; a NOT VALID add and its VALIDATE are
    // split on purpose.
    let exclusive = |x: &Analysed| {
        x.existing_locks()
            .any(|l| &l.relation == table && l.mode == LockMode::AccessExclusive)
    };
    if !same || !exclusive(s) || !exclusive(prev) {
        return Vec::new();
    }
    vec![Draft::new(
        format!("another ALTER TABLE on {table} right after the previous one: each takes its lock separately"),
        "combine the subcommands into one ALTER TABLE, separated by commas",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("combine-alters");
}
