//! Rule `vacuum-full-or-cluster`: VACUUM FULL or CLUSTER in a migration.

use super::lock_sentence;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "vacuum-full-or-cluster",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "VACUUM FULL or CLUSTER.",
        why: "Both rewrite the whole table into a new file under ACCESS EXCLUSIVE: every read and write waits for the full rewrite, and disk use doubles meanwhile.",
        safe_sql: "-- reclaim space online with an extension such as pg_repack or pg_squeeze, or just:\nVACUUM (ANALYZE) users;",
        docs_url: "https://www.postgresql.org/docs/current/sql-vacuum.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let is_full = matches!(
        s.command,
        Command::Vacuum { full: true, .. } | Command::Cluster { .. }
    );
    let Some(lock) = s.existing_locks().next().filter(|_| is_full) else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("{} rewrites the whole table; {}", s.command.kind().to_uppercase(), lock_sentence(s, lock)),
        "use plain VACUUM, or an online repacking tool (pg_repack, pg_squeeze) outside the migration",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("vacuum-full-or-cluster");
}
