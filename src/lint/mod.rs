//! Migration safety linter (pure core).
//!
//! Reads a migration as a migration tool would run it, splits it into statements, and models for each
//! statement the PostgreSQL table locks it takes, what those locks block, whether it rewrites or scans
//! the table, and which findings apply, with the safe rewrite. The lock model follows the PostgreSQL
//! documentation ("Explicit Locking" and the ALTER TABLE notes).
//!
//! Pipeline: [`lexer`] → [`splitter`] → [`recognise`] (token-level, the primary reader; sqlparser is a
//! second opinion, see the [`recognise`] module docs for why) → [`effects`] (the lock model) →
//! [`transaction`] (locks held until COMMIT) → [`rules`] → [`report`]. Entry point: [`lint`].
//!
//! For a front end (the web page, or any caller):
//! - [`lint`]`(text, `[`LintOptions`]`)` returns a [`LintReport`] (serde `Serialize`): per statement
//!   its 1-based span, kind, locks (relation, mode, role, whether the relation is new), what they
//!   block, rewrite/scan flags, whether it may run in a transaction block, the locks already held,
//!   notes and findings (rule, severity, span, message, help, safe SQL, docs link); plus a lock
//!   `timeline` (each lock from the statement that takes it to the one that releases it) for
//!   drawing what is held until COMMIT.
//! - [`rules::rule_catalog`] lists every rule with its documentation, for rule pages.
//! - [`render`] turns reports into text, gcc, GitHub annotations and SARIF.

pub mod analyse;
pub mod catalog;
pub mod effects;
pub mod findings;
pub mod ignore;
pub mod lexer;
pub mod locks;
pub mod model;
pub mod options;
pub mod position;
pub mod recognise;
pub mod render;
pub mod report;
pub mod rules;
pub mod splitter;
pub mod sqlparse;
pub mod transaction;
pub mod type_change;

pub use options::LintOptions;
pub use report::{Finding, LintReport, Release, Severity, StatementReport, TimelineEntry};

use locks::{blocked_by, Operation};

/// Lints migration text. Never panics and never fails: unreadable parts are reported as such.
pub fn lint(src: &str, options: LintOptions) -> LintReport {
    let analysis = analyse::analyse(src, options);
    let (mut per_statement, file_findings) = findings::collect(src, &analysis);
    let statements = analysis
        .statements
        .iter()
        .zip(per_statement.iter_mut())
        .map(|(s, f)| {
            let mut blocks: Vec<Operation> = s
                .existing_locks()
                .flat_map(|l| blocked_by(l.mode))
                .collect();
            blocks.sort();
            blocks.dedup();
            StatementReport {
                index: s.index,
                line: s.start.line,
                column: s.start.column,
                end_line: s.end.line,
                end_column: s.end.column,
                sql: s.sql.clone(),
                kind: s.command.kind().to_string(),
                analysed: s.not_analysed.is_none(),
                not_analysed_reason: s.not_analysed.clone(),
                sqlparser_ok: s.sqlparser.as_ref().map(Result::is_ok),
                sqlparser_error: s.sqlparser.as_ref().and_then(|r| r.clone().err()),
                in_transaction: s.tx.in_transaction,
                transaction_id: s.tx.transaction_id,
                locks: s.effect.locks.clone(),
                blocks,
                rewrite: s.effect.rewrite,
                scan: s.effect.scan,
                transaction: s.effect.transaction,
                held_before: s.tx.held_before.clone(),
                held_before_total: s.tx.held_before_total,
                notes: s.effect.notes.clone(),
                findings: std::mem::take(f),
            }
        })
        .collect();
    let timeline = timeline(&analysis);
    LintReport {
        timeline,
        pg_version: options.pg_version,
        assume_in_transaction: options.assume_in_transaction,
        statements,
        file_findings,
    }
}

/// Lock bars: a lock in a transaction is held until its COMMIT/ROLLBACK (or the end of the file),
/// otherwise until its own statement ends.
fn timeline(analysis: &analyse::Analysis) -> Vec<TimelineEntry> {
    use std::collections::HashMap;
    let last = analysis.statements.len().saturating_sub(1);
    let mut ends: HashMap<usize, (usize, Release)> = HashMap::new();
    for s in &analysis.statements {
        let how = match s.command {
            model::Command::Commit => Release::Commit,
            model::Command::Rollback => Release::Rollback,
            _ => continue,
        };
        if let Some(tx) = s.tx.transaction_id {
            ends.entry(tx).or_insert((s.index, how));
        }
    }
    let mut out = Vec::new();
    for s in &analysis.statements {
        let (released_at, released_by) = match s.tx.transaction_id {
            Some(tx) if s.tx.in_transaction => {
                ends.get(&tx).copied().unwrap_or((last, Release::EndOfFile))
            }
            _ => (s.index, Release::StatementEnd),
        };
        for l in &s.effect.locks {
            out.push(TimelineEntry {
                relation: l.relation.clone(),
                mode: l.mode,
                new: l.new,
                blocks: if l.new {
                    Vec::new()
                } else {
                    blocked_by(l.mode)
                },
                acquired_at: s.index,
                released_at,
                released_by,
            });
        }
    }
    out
}
