//! Rule `backfill-in-ddl-transaction`: UPDATE/DELETE backfill in the same transaction as DDL.

use super::held_names;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::locks::LockMode;
use crate::lint::model::Command;
use crate::lint::model::DmlKind;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "backfill-in-ddl-transaction",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "An UPDATE or DELETE that runs in a transaction which already holds DDL locks on existing tables.",
        why: "The backfill touches many rows and can take long; meanwhile the DDL locks (ACCESS EXCLUSIVE or SHARE ROW EXCLUSIVE) stay held until COMMIT, blocking traffic for the whole backfill.",
        safe_sql: "BEGIN;\nALTER TABLE users ADD COLUMN plan text;\nCOMMIT;\n-- backfill in small batches, each committed on its own\nUPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000 AND plan IS NULL;",
        docs_url: "https://www.postgresql.org/docs/current/explicit-locking.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::Dml {
        kind: DmlKind::Update | DmlKind::Delete,
        table,
        ..
    } = &s.command
    else {
        return Vec::new();
    };
    if s.tx.held_existing_ddl == 0 {
        return Vec::new();
    }
    let ddl = held_names(
        s,
        |l| l.mode >= LockMode::ShareUpdateExclusive,
        s.tx.held_existing_ddl,
    );
    vec![Draft::new(
        format!(
            "backfill of {} runs while DDL locks are held until COMMIT ({}): traffic stays blocked for the whole backfill",
            table.as_deref().unwrap_or("a table"),
            ddl
        ),
        "commit the DDL first, then backfill in small batches, each in its own transaction",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("backfill-in-ddl-transaction");
}
