//! Rule `create-trigger-on-existing-table`: CREATE TRIGGER on an existing table.

use super::lock_sentence_for;
use super::{Draft, Rule, RuleDoc};
use crate::lint::analyse::{Analysed, Analysis};
use crate::lint::model::Command;
use crate::lint::report::Severity;

/// The rule's registration.
pub const RULE: Rule = Rule {
    id: "create-trigger-on-existing-table",
    severity: Severity::Warning,
    doc: RuleDoc {
        problem: "CREATE TRIGGER on a table that already exists.",
        why: "CREATE TRIGGER takes SHARE ROW EXCLUSIVE, blocking all writes while it waits for running transactions; the new trigger also adds work to every write from then on.",
        safe_sql: "SET lock_timeout = '2s';\nCREATE TRIGGER users_audit AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION audit();",
        docs_url: "https://www.postgresql.org/docs/current/sql-createtrigger.html",
    },
    check,
};

fn check(_: &Analysis, s: &Analysed) -> Vec<Draft> {
    let Command::CreateTrigger { table } = &s.command else {
        return Vec::new();
    };
    let Some(lock) = lock_sentence_for(s, table) else {
        return Vec::new();
    };
    vec![Draft::new(
        format!("CREATE TRIGGER waits for running transactions on the table, and writers queue behind it; {lock}"),
        "keep the transaction short and set a short lock_timeout so the statement gives up instead of queueing traffic",
    )]
}

#[cfg(test)]
mod tests {
    crate::lint::rules::fixture_tests::fixture_tests!("create-trigger-on-existing-table");
}
