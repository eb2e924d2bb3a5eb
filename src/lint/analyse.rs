//! The analysis pipeline: split, recognise, model locks, track transactions.
//!
//! The result ([`Analysed`]) is what rules read; [`crate::lint::lint`] turns it into the report.

use super::catalog::FileCatalog;
use super::effects::{effect_of, Effect};
use super::model::Command;
use super::options::LintOptions;
use super::position::{LineIndex, Position};
use super::recognise::recognise;
use super::splitter::{split, RawStatement, Split};
use super::sqlparse;
use super::transaction::{Tracker, TxState};

/// One statement after analysis.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub index: usize,
    pub raw: RawStatement,
    pub sql: String,
    pub start: Position,
    /// Position of the last character, the semicolon included.
    pub end: Position,
    pub command: Command,
    /// sqlparser's verdict, for statements the recogniser could not fully model (`None`: not asked).
    pub sqlparser: Option<Result<(), String>>,
    pub effect: Effect,
    pub tx: TxState,
    /// Why the statement could not be analysed, if so.
    pub not_analysed: Option<String>,
    /// For `ALTER TABLE`: the file validated a CHECK constraint on this table earlier (which lets
    /// `SET NOT NULL` skip its scan on PostgreSQL 12+).
    pub validated_check_before: bool,
    /// For each `VALIDATE CONSTRAINT` of this statement whose constraint the file added NOT VALID:
    /// the constraint name and the index of the statement that added it.
    pub validates_added_at: Vec<(String, usize)>,
}

impl Analysed {
    /// Locks on relations that existed before the migration (those are the ones that hurt).
    pub fn existing_locks(&self) -> impl Iterator<Item = &super::effects::LockTarget> {
        self.effect.locks.iter().filter(|l| !l.new)
    }
}

/// The whole file after analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub options: LintOptions,
    pub statements: Vec<Analysed>,
    pub split: Split,
    /// The BEGIN whose transaction is still open at the end of the file.
    pub unclosed_begin: Option<usize>,
    /// The first statement taking a lock that blocks writes (or worse) on an existing relation.
    pub first_dangerous: Option<usize>,
    /// Every `ALTER TYPE ... ADD VALUE`: statement index, type and value literal, in file order.
    pub enum_additions: Vec<(usize, String, String)>,
    /// Tables the file shows to be partitioned (`PARTITION OF` them, or ATTACH/DETACH PARTITION).
    pub partitioned_tables: Vec<String>,
    pub lines: LineIndex,
}

/// Analyses `src` with `options`.
pub fn analyse(src: &str, options: LintOptions) -> Analysis {
    let split = split(src);
    let lines = LineIndex::new(src);
    let mut catalog = FileCatalog::default();
    let mut tracker = Tracker::new(options.assume_in_transaction);
    let mut statements = Vec::with_capacity(split.statements.len());
    for (index, raw) in split.statements.iter().enumerate() {
        let sql = src.get(raw.start..raw.end).unwrap_or("").to_string();
        let command = recognise(src, &raw.tokens);
        let sqlparser = needs_second_opinion(&command).then(|| sqlparse::check(&sql));
        let mut effect = effect_of(&command, options.pg_version, &catalog);
        for l in &mut effect.locks {
            l.new = catalog.is_new(&l.relation);
        }
        let validated_check_before = match &command {
            Command::AlterTable { table, .. } => catalog.has_validated_check(table),
            _ => false,
        };
        let validates_added_at = match &command {
            Command::AlterTable { table, actions } => actions
                .iter()
                .filter_map(|a| match a {
                    super::model::AlterAction::ValidateConstraint { name } => catalog
                        .not_valid_added_at(table, name)
                        .map(|at| (name.clone(), at)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let tx = tracker.before(index, &command);
        tracker.after(&command, &effect);
        catalog.observe_at(index, &command);
        let not_analysed = not_analysed_reason(&command, raw, &sqlparser);
        statements.push(Analysed {
            index,
            start: lines.position(src, raw.start),
            end: last_char(&lines, src, raw.end_with_terminator),
            raw: raw.clone(),
            sql,
            command,
            sqlparser,
            effect,
            tx,
            not_analysed,
            validated_check_before,
            validates_added_at,
        });
    }
    let unclosed_begin = if tracker.open() {
        tracker.open_begin
    } else {
        None
    };
    let first_dangerous = statements.iter().position(|s| {
        s.existing_locks()
            .any(|l| l.mode >= super::locks::LockMode::Share)
    });
    let partitioned_tables = partitioned_tables(&statements);
    let enum_additions = statements
        .iter()
        .filter_map(|s| match &s.command {
            Command::AlterTypeAddValue {
                type_name, value, ..
            } => Some((s.index, type_name.clone(), value.clone())),
            _ => None,
        })
        .collect();
    Analysis {
        enum_additions,
        partitioned_tables,
        first_dangerous,
        options,
        statements,
        split,
        unclosed_begin,
        lines,
    }
}

fn not_analysed_reason(
    command: &Command,
    raw: &RawStatement,
    sqlparser: &Option<Result<(), String>>,
) -> Option<String> {
    if raw.unterminated {
        return Some(
            "a string, quoted identifier or comment is not terminated; the rest of the file was read as part of it".into(),
        );
    }
    match command {
        Command::Unknown => Some(match sqlparser {
            Some(Err(e)) => format!("statement not recognised ({e})"),
            _ => "statement form not modelled by the lock model".into(),
        }),
        Command::Do => Some(
            "DO runs procedural code whose statements the linter cannot see; review its locks by hand".into(),
        ),
        _ => None,
    }
}

/// The position of the character just before byte `end` (statements never end with a newline).
fn last_char(lines: &LineIndex, src: &str, end: usize) -> Position {
    let after = lines.position(src, end);
    Position {
        line: after.line,
        column: after.column.saturating_sub(1).max(1),
    }
}

/// Whether sqlparser is asked about a statement: only where the recogniser could not model it all,
/// so the report can show a precise syntax error. Asking it about every statement cost 55% of the
/// lint time of a 10,000-statement file while adding nothing the lock model uses.
fn needs_second_opinion(command: &Command) -> bool {
    match command {
        Command::Unknown | Command::Other { .. } | Command::CreateOther { .. } | Command::Do => {
            true
        }
        Command::AlterTable { actions, .. } => actions
            .iter()
            .any(|a| matches!(a, super::model::AlterAction::Other { .. })),
        _ => false,
    }
}

fn partitioned_tables(statements: &[Analysed]) -> Vec<String> {
    use super::model::AlterAction;
    let mut out: Vec<String> = Vec::new();
    for s in statements {
        match &s.command {
            Command::CreateTable {
                partition_of: Some(parent),
                ..
            } => out.push(parent.clone()),
            Command::AlterTable { table, actions }
                if actions.iter().any(|a| {
                    matches!(
                        a,
                        AlterAction::AttachPartition { .. } | AlterAction::DetachPartition { .. }
                    )
                }) =>
            {
                out.push(table.clone());
            }
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}
