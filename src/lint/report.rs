//! The serialisable result of a lint run, shared by the CLI (`--format json`) and the web page.
//!
//! Field names are part of the CLI contract (issue 3); new fields may be added, none removed.

use serde::Serialize;

use super::effects::{LockTarget, TxRule};
use super::locks::Operation;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Style or future-proofing.
    Hint,
    /// Risky: can block traffic or break running code depending on circumstances.
    Warning,
    /// Blocks traffic on a busy table, or fails.
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// What happens: names the lock, the table and what is blocked.
    pub message: String,
    /// What to do instead.
    pub help: String,
    /// A safe rewrite, as SQL to copy, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub safe_sql: Option<String>,
    pub docs_url: String,
}

/// One statement of the file with its modelled effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementReport {
    pub index: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub sql: String,
    pub kind: String,
    pub analysed: bool,
    /// Why the statement was not analysed, when it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_analysed_reason: Option<String>,
    /// Whether sqlparser accepted the statement; present only when it was consulted (statements
    /// the token-level recogniser could not fully model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sqlparser_ok: Option<bool>,
    /// sqlparser's syntax error, when it was consulted and rejected the statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sqlparser_error: Option<String>,
    pub in_transaction: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<usize>,
    pub locks: Vec<LockTarget>,
    /// What ordinary traffic the statement's locks on existing relations block.
    pub blocks: Vec<Operation>,
    pub rewrite: bool,
    pub scan: bool,
    pub transaction: TxRule,
    /// Locks held by earlier statements of the same transaction when this one starts.
    pub held_before: Vec<LockTarget>,
    /// How many relations are locked from earlier statements (the list above stops at 32; the
    /// report's `timeline` has every lock with the statement that releases it).
    pub held_before_total: usize,
    pub notes: Vec<String>,
    pub findings: Vec<Finding>,
}

/// How a lock's hold ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Release {
    /// Outside a transaction block: released when the statement finishes.
    StatementEnd,
    Commit,
    Rollback,
    /// The transaction is still open when the file ends.
    EndOfFile,
}

/// One bar of the lock timeline: a lock taken by a statement and held until it is released.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub relation: String,
    pub mode: super::locks::LockMode,
    /// The relation was created earlier in the file (the lock blocks nobody).
    pub new: bool,
    pub blocks: Vec<Operation>,
    /// Index of the statement that takes the lock.
    pub acquired_at: usize,
    /// Index of the statement at whose end the lock is released.
    pub released_at: usize,
    pub released_by: Release,
}

/// The result for one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LintReport {
    pub pg_version: u32,
    pub assume_in_transaction: bool,
    pub statements: Vec<StatementReport>,
    /// Every lock taken, from the statement that takes it to the one that releases it.
    pub timeline: Vec<TimelineEntry>,
    /// Findings not tied to one statement (e.g. an unused `pgdojo-ignore-file`).
    pub file_findings: Vec<Finding>,
}

impl LintReport {
    /// Every finding, statement ones first, in file order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.statements
            .iter()
            .flat_map(|s| s.findings.iter())
            .chain(self.file_findings.iter())
    }

    /// Whether any finding is an error (the CLI then exits with 1).
    pub fn has_errors(&self) -> bool {
        self.findings().any(|f| f.severity == Severity::Error)
    }
}
