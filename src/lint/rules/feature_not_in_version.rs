//! Rule `feature-not-in-version`: Syntax the target PostgreSQL version does not have.

use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::model::{AlterAction, ConstraintKind};
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "feature-not-in-version",
    severity: Severity::Error,
    doc: RuleDoc {
        problem: "A statement using a feature newer than the target PostgreSQL version: REINDEX CONCURRENTLY (12), DETACH PARTITION CONCURRENTLY (14), SET ACCESS METHOD and UNIQUE NULLS NOT DISTINCT (15), virtual generated columns and NOT NULL ... NOT VALID constraints (18).",
        why: "The statement fails with a syntax or feature error on the target version, so the migration stops halfway.",
        safe_sql: "-- before 12, instead of REINDEX CONCURRENTLY:\nCREATE INDEX CONCURRENTLY users_email_idx_new ON users (email);\nDROP INDEX CONCURRENTLY users_email_idx;\nALTER INDEX users_email_idx_new RENAME TO users_email_idx;",
        docs_url: "https://www.postgresql.org/docs/current/release.html",
    },
    check,
};

fn check(a: &Analysis, s: &Analysed) -> Vec<Draft> {
    let v = a.options.pg_version;
    let mut needs: Vec<(&str, u32)> = Vec::new();
    match &s.command {
        Command::Reindex {
            concurrently: true, ..
        } => needs.push(("REINDEX CONCURRENTLY", 12)),
        Command::AlterTable { actions, .. } => {
            for x in actions {
                match x {
                    AlterAction::DetachPartition {
                        concurrently: true, ..
                    } => needs.push(("DETACH PARTITION CONCURRENTLY", 14)),
                    AlterAction::DetachPartition { finalize: true, .. } => {
                        needs.push(("DETACH PARTITION FINALIZE", 14))
                    }
                    AlterAction::SetAccessMethod => needs.push(("SET ACCESS METHOD", 15)),
                    AlterAction::AddColumn(c) if c.virtual_generated => {
                        needs.push(("virtual generated columns", 18))
                    }
                    AlterAction::AddConstraint {
                        kind: ConstraintKind::NotNull,
                        not_valid: true,
                        ..
                    } => needs.push(("NOT NULL ... NOT VALID", 18)),
                    _ => {}
                }
            }
        }
        Command::CreateTable { columns, .. } if columns.iter().any(|c| c.virtual_generated) => {
            needs.push(("virtual generated columns", 18))
        }
        _ => {}
    }
    let nulls_not_distinct = s.sql.to_ascii_lowercase().contains("nulls not distinct");
    if nulls_not_distinct {
        needs.push(("NULLS NOT DISTINCT", 15));
    }
    needs
        .into_iter()
        .filter(|(_, since)| v < *since)
        .map(|(what, since)| {
            Draft::new(
                format!("{what} needs PostgreSQL {since}; on PostgreSQL {v} this statement fails"),
                format!("raise --pg-version if the server is newer, or rewrite without {what}"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("feature-not-in-version");
}
