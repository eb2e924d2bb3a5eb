//! The rules: one file per rule, each with its documentation and its fixture-driven tests.
//!
//! A rule looks at one analysed statement (with the whole file available for context) and returns
//! drafts; [`crate::lint::findings`] turns drafts into positioned findings and applies ignore
//! directives. Rules never see text they have to re-parse: everything comes from the analysis.

use serde::Serialize;

use super::analyse::{Analysed, Analysis};
use super::effects::LockTarget;
use super::locks::{blocked_by, describe_blocked};
use super::model::{AlterAction, Command};
use super::report::Severity;

mod adding_required_field;
mod adding_rewriting_column;
mod adding_volatile_default;
mod backfill_in_ddl_transaction;
mod ban_char_field;
mod begin_without_commit;
mod changing_column_type;
mod combine_alters;
mod concurrent_index_pg14_bug;
mod concurrently_in_transaction;
mod constraint_missing_not_valid;
mod create_trigger_on_existing_table;
mod dropping_column;
mod dropping_not_null;
mod dropping_relation;
mod enum_add_value_unpositioned;
mod enum_value_used_in_transaction;
mod exclusion_constraint;
mod feature_not_in_version;
mod identifier_too_long;
mod index_on_partitioned_parent;
mod lock_table;
mod nested_begin;
mod not_allowed_in_transaction;
mod not_analysed;
mod prefer_bigint;
mod prefer_jsonb;
mod prefer_text_field;
mod prefer_timestamptz;
mod primary_key_using_index;
mod refresh_without_concurrently;
mod renaming_column;
mod renaming_table;
mod require_concurrent_detach;
mod require_concurrent_index_creation;
mod require_concurrent_index_deletion;
mod require_concurrent_reindex;
mod require_lock_timeout;
mod require_statement_timeout;
mod setting_not_null;
mod statements_after_access_exclusive;
mod table_rewrite_setting;
mod truncate_cascade;
mod unique_constraint_builds_index;
mod vacuum_full_or_cluster;
mod validate_in_same_transaction;

#[cfg(test)]
pub(crate) mod fixture_tests;

/// Documentation of a rule, shown with each finding and on the rule's page.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleDoc {
    /// What the rule detects.
    pub problem: &'static str,
    /// Why it hurts on a live database.
    pub why: &'static str,
    /// The safe way, as SQL to copy.
    pub safe_sql: &'static str,
    /// The PostgreSQL documentation page behind the rule.
    pub docs_url: &'static str,
}

/// A rule: id, default severity, documentation and the check itself.
#[derive(Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub doc: RuleDoc,
    pub check: fn(&Analysis, &Analysed) -> Vec<Draft>,
}

/// What a rule reports before positions and ignores are applied.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub message: String,
    pub help: String,
    /// Overrides the rule's default severity (e.g. "depends" cases become warnings).
    pub severity: Option<Severity>,
    pub safe_sql: Option<String>,
}

impl Draft {
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Draft {
            message: message.into(),
            help: help.into(),
            ..Draft::default()
        }
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = Some(s);
        self
    }

    pub fn sql(mut self, sql: impl Into<String>) -> Self {
        self.safe_sql = Some(sql.into());
        self
    }
}

/// A rule's public description, for rule pages and SARIF.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    #[serde(flatten)]
    pub doc: RuleDoc,
}

/// Every rule's id, default severity and documentation, in report order.
pub fn rule_catalog() -> Vec<RuleInfo> {
    ALL.iter()
        .map(|r| RuleInfo {
            id: r.id,
            severity: r.severity,
            doc: r.doc,
        })
        .collect()
}

/// Every rule, in report order.
pub fn all_rules() -> &'static [Rule] {
    &ALL
}

/// The rule with `id`.
pub fn rule(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}

static ALL: [Rule; 46] = [
    require_concurrent_index_creation::RULE,
    require_concurrent_index_deletion::RULE,
    require_concurrent_reindex::RULE,
    require_concurrent_detach::RULE,
    concurrently_in_transaction::RULE,
    not_allowed_in_transaction::RULE,
    feature_not_in_version::RULE,
    concurrent_index_pg14_bug::RULE,
    index_on_partitioned_parent::RULE,
    adding_volatile_default::RULE,
    adding_rewriting_column::RULE,
    adding_required_field::RULE,
    setting_not_null::RULE,
    constraint_missing_not_valid::RULE,
    validate_in_same_transaction::RULE,
    unique_constraint_builds_index::RULE,
    primary_key_using_index::RULE,
    exclusion_constraint::RULE,
    changing_column_type::RULE,
    vacuum_full_or_cluster::RULE,
    table_rewrite_setting::RULE,
    refresh_without_concurrently::RULE,
    create_trigger_on_existing_table::RULE,
    lock_table::RULE,
    statements_after_access_exclusive::RULE,
    backfill_in_ddl_transaction::RULE,
    enum_value_used_in_transaction::RULE,
    require_lock_timeout::RULE,
    require_statement_timeout::RULE,
    begin_without_commit::RULE,
    nested_begin::RULE,
    renaming_column::RULE,
    renaming_table::RULE,
    dropping_column::RULE,
    dropping_relation::RULE,
    dropping_not_null::RULE,
    truncate_cascade::RULE,
    prefer_jsonb::RULE,
    enum_add_value_unpositioned::RULE,
    prefer_bigint::RULE,
    prefer_text_field::RULE,
    ban_char_field::RULE,
    prefer_timestamptz::RULE,
    identifier_too_long::RULE,
    combine_alters::RULE,
    not_analysed::RULE,
];

/// The table a statement's lock is on, for messages: existing relations only.
pub fn existing_table_lock<'a>(s: &'a Analysed, table: &str) -> Option<&'a LockTarget> {
    s.existing_locks().find(|l| l.relation == table)
}

/// "ACCESS EXCLUSIVE lock on users blocks SELECT, ... until COMMIT".
pub fn lock_sentence(s: &Analysed, lock: &LockTarget) -> String {
    let until = if s.tx.in_transaction {
        "until COMMIT"
    } else {
        "until the statement finishes"
    };
    format!(
        "{} lock on {} blocks {} {}",
        lock.mode.name(),
        lock.relation,
        describe_blocked(&blocked_by(lock.mode)),
        until
    )
}

/// The lock sentence for `table` if the statement locks it and it already existed.
pub fn lock_sentence_for(s: &Analysed, table: &str) -> Option<String> {
    existing_table_lock(s, table).map(|l| lock_sentence(s, l))
}

/// The first existing relation the statement locks, as a lock sentence: for statements such as
/// `DROP INDEX` or `REINDEX` whose lock falls on a table the statement does not name.
pub fn first_lock_sentence(s: &Analysed) -> Option<String> {
    s.existing_locks().next().map(|l| lock_sentence(s, l))
}

/// An `ALTER TABLE` on a table that already existed: its name, its actions and the lock sentence.
///
/// Nearly every `ALTER TABLE` rule starts by matching the command and giving up when the table is
/// new (a fresh table has no traffic to block); sharing that start keeps the rules to their one
/// decision. `None` for any other statement or a table created in the same file.
pub fn existing_alter_table(s: &Analysed) -> Option<(&str, &[AlterAction], String)> {
    let Command::AlterTable { table, actions } = &s.command else {
        return None;
    };
    let lock = lock_sentence_for(s, table)?;
    Some((table.as_str(), actions.as_slice(), lock))
}

/// Runs `f(table, lock_sentence, action)` on each action of an `ALTER TABLE` of an existing table
/// and collects the drafts it returns, in action order.
///
/// Most `ALTER TABLE` rules judge each action on its own and report at most one finding per
/// action; this is their whole loop, so the rule keeps only the per-action decision. Rules that
/// look at the actions together use [`existing_alter_table`] instead.
pub fn for_each_alter_action(
    s: &Analysed,
    mut f: impl FnMut(&str, &str, &AlterAction) -> Option<Draft>,
) -> Vec<Draft> {
    let Some((table, actions, lock)) = existing_alter_table(s) else {
        return Vec::new();
    };
    actions.iter().filter_map(|x| f(table, &lock, x)).collect()
}

/// Statements of the same transaction before `s`, in file order.
pub fn earlier_in_transaction<'a>(a: &'a Analysis, s: &Analysed) -> &'a [Analysed] {
    match s.tx.transaction_start {
        Some(start) if s.tx.in_transaction => a.statements.get(start..s.index).unwrap_or(&[]),
        _ => &[],
    }
}

/// Whether a lock of `mode` on an existing table blocks ordinary writes (or worse).
pub fn is_dangerous(mode: super::locks::LockMode) -> bool {
    mode >= super::locks::LockMode::Share
}

/// Inserts `kw` after the first whole-word, case-insensitive occurrence of `after` in `sql`.
pub fn insert_keyword_after(sql: &str, after: &str, kw: &str) -> String {
    let lower = sql.to_ascii_lowercase();
    let word_char = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut from = 0;
    while let Some(p) = lower.get(from..).and_then(|rest| rest.find(after)) {
        let at = from + p;
        let end = at + after.len();
        let before_ok = at == 0 || !word_char(lower.as_bytes()[at - 1]);
        let after_ok = end >= lower.len() || !word_char(lower.as_bytes()[end]);
        if before_ok && after_ok {
            if let (Some(head), Some(tail)) = (sql.get(..end), sql.get(end..)) {
                return format!("{head} {kw}{tail}");
            }
        }
        from = end;
    }
    sql.to_string()
}

/// Columns (name and type) a statement declares: `CREATE TABLE` columns, `ADD COLUMN`s and the
/// targets of `ALTER COLUMN ... TYPE`.
pub fn declared_columns(s: &Analysed) -> Vec<(&str, &super::model::TypeName, bool)> {
    let mut out = Vec::new();
    match &s.command {
        Command::CreateTable { columns, .. } => {
            for c in columns {
                if let Some(t) = &c.ty {
                    out.push((c.name.as_str(), t, c.primary_key));
                }
            }
        }
        Command::AlterTable { actions, .. } => {
            for a in actions {
                match a {
                    AlterAction::AddColumn(c) => {
                        if let Some(t) = &c.ty {
                            out.push((c.name.as_str(), t, c.primary_key));
                        }
                    }
                    AlterAction::AlterColumnType { column, ty, .. } => {
                        out.push((column.as_str(), ty, false))
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// "MODE on a, MODE on b and 3 more": the held locks on existing relations matching `keep`, listed
/// from the statement's (capped) held list, with the exact `total` for the remainder.
pub fn held_names(s: &Analysed, keep: impl Fn(&LockTarget) -> bool, total: usize) -> String {
    let shown: Vec<String> =
        s.tx.held_before
            .iter()
            .filter(|l| !l.new && keep(l))
            .take(5)
            .map(|l| format!("{} on {}", l.mode.name(), l.relation))
            .collect();
    let more = total.saturating_sub(shown.len());
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
