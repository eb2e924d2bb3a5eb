//! `ALTER TABLE` and its subcommands, recognised at token level.
//!
//! Every subcommand is recognised separately (they are comma-separated at the top level), because
//! the lock a statement takes is the strongest one any of its subcommands needs, and the rules look
//! at each subcommand on its own. An unrecognised subcommand becomes [`AlterAction::Other`], which the
//! lock model treats as ACCESS EXCLUSIVE, the documented default.

use super::columns::{at_table_constraint, parse_column, parse_table_constraint};
use super::cursor::{split_top_level_commas, Cursor};
use super::types::{classify_default, parse_type};
use crate::lint::model::{AlterAction, Command};

/// Parses the part after `ALTER TABLE`.
pub fn parse_alter_table(c: &mut Cursor) -> Option<Command> {
    if c.is_kw("all") {
        return Some(Command::Other {
            keyword: "alter-table-all".into(),
        });
    }
    c.eat_if_exists();
    c.eat_kw("only");
    let table = c.name()?;
    c.eat_punct('*');
    let rest = &c.tokens[c.pos.min(c.tokens.len())..];
    let actions = split_top_level_commas(c.src, rest)
        .into_iter()
        .map(|part| parse_action(&mut Cursor::new(c.src, part)))
        .collect();
    Some(Command::AlterTable { table, actions })
}

fn other(c: &Cursor) -> AlterAction {
    let mut all = c.clone();
    all.pos = 0;
    AlterAction::Other {
        text: all.rest_text(),
    }
}

fn parse_action(c: &mut Cursor) -> AlterAction {
    recognise_action(c).unwrap_or_else(|| other(c))
}

fn recognise_action(c: &mut Cursor) -> Option<AlterAction> {
    let word = c.word()?;
    let action = match word.as_str() {
        "add" => parse_add(c)?,
        "drop" => parse_drop(c)?,
        "alter" => {
            c.eat_kw("column");
            let column = c.name()?;
            parse_alter_column(c, column)?
        }
        "validate" => {
            c.eat_kw("constraint");
            AlterAction::ValidateConstraint { name: c.name()? }
        }
        "rename" => parse_rename(c)?,
        "set" => parse_set(c)?,
        "reset" => AlterAction::SetStorageParams {
            light: c.skip_parens().is_some_and(|(a, b)| light_params(c, a, b)),
        },
        "enable" | "disable" => {
            c.eat_kw("always");
            c.eat_kw("replica");
            if c.is_kw("trigger") {
                AlterAction::Trigger {
                    enable: word == "enable",
                }
            } else if c.is_kw("row") {
                AlterAction::RowLevelSecurity
            } else {
                return None;
            }
        }
        "force" => AlterAction::RowLevelSecurity,
        "no" if c.eat_kw("force") => AlterAction::RowLevelSecurity,
        "no" if c.eat_kw("inherit") => AlterAction::NoInherit { parent: c.name()? },
        "inherit" => AlterAction::Inherit { parent: c.name()? },
        "cluster" if c.eat_kw("on") => AlterAction::ClusterOn,
        "attach" if c.eat_kw("partition") => AlterAction::AttachPartition {
            partition: c.name()?,
        },
        "detach" if c.eat_kw("partition") => {
            let partition = c.name()?;
            AlterAction::DetachPartition {
                partition,
                concurrently: c.eat_kw("concurrently"),
                finalize: c.eat_kw("finalize"),
            }
        }
        "replica" => AlterAction::ReplicaIdentity,
        "owner" => AlterAction::Owner,
        _ => return None,
    };
    Some(action)
}

fn parse_add(c: &mut Cursor) -> Option<AlterAction> {
    if !c.is_kw("column") && at_table_constraint(c) {
        let k = parse_table_constraint(c)?;
        return Some(AlterAction::AddConstraint {
            name: k.name,
            kind: k.kind,
            not_valid: k.not_valid,
            using_index: k.using_index,
            columns: k.columns,
        });
    }
    c.eat_kw("column");
    c.eat_if_exists();
    parse_column(c).map(AlterAction::AddColumn)
}

fn parse_drop(c: &mut Cursor) -> Option<AlterAction> {
    if c.eat_kw("constraint") {
        c.eat_if_exists();
        return Some(AlterAction::DropConstraint { name: c.name()? });
    }
    c.eat_kw("column");
    c.eat_if_exists();
    Some(AlterAction::DropColumn { column: c.name()? })
}

fn parse_alter_column(c: &mut Cursor, column: String) -> Option<AlterAction> {
    if c.eat_kws(&["set", "data", "type"]) || c.eat_kw("type") {
        let ty = parse_type(c)?;
        let using = c.rest_has_kw("using");
        return Some(AlterAction::AlterColumnType { column, ty, using });
    }
    let action = if c.eat_kws(&["set", "default"]) {
        AlterAction::SetDefault {
            column,
            default: classify_default(c),
        }
    } else if c.eat_kws(&["drop", "default"]) {
        AlterAction::DropDefault { column }
    } else if c.eat_kws(&["set", "not", "null"]) {
        AlterAction::SetNotNull { column }
    } else if c.eat_kws(&["drop", "not", "null"]) {
        AlterAction::DropNotNull { column }
    } else if c.eat_kws(&["set", "statistics"]) {
        AlterAction::SetStatistics { column }
    } else if c.eat_kws(&["set", "storage"]) {
        AlterAction::SetStorage { column }
    } else if c.eat_kws(&["set", "compression"]) {
        AlterAction::SetCompression { column }
    } else if c.eat_kws(&["set", "expression"]) {
        AlterAction::SetExpression { column }
    } else if c.eat_kw("set") && c.is_punct('(') || c.eat_kw("reset") {
        AlterAction::SetColumnOptions { column }
    } else if c.eat_kws(&["drop", "identity"]) {
        AlterAction::DropIdentity { column }
    } else if c.eat_kws(&["drop", "expression"]) {
        AlterAction::DropExpression { column }
    } else if c.eat_kws(&["add", "generated"]) {
        AlterAction::AddIdentity { column }
    } else {
        return None;
    };
    Some(action)
}

fn parse_rename(c: &mut Cursor) -> Option<AlterAction> {
    if c.eat_kw("to") {
        return Some(AlterAction::RenameTable { to: c.name()? });
    }
    if c.eat_kw("constraint") {
        let from = c.name()?;
        c.eat_kw("to");
        return Some(AlterAction::RenameConstraint {
            from,
            to: c.name()?,
        });
    }
    c.eat_kw("column");
    let from = c.name()?;
    c.eat_kw("to");
    Some(AlterAction::RenameColumn {
        from,
        to: c.name()?,
    })
}

fn parse_set(c: &mut Cursor) -> Option<AlterAction> {
    let action = if c.eat_kw("schema") {
        AlterAction::SetSchema
    } else if c.eat_kw("logged") {
        AlterAction::SetLogged
    } else if c.eat_kw("unlogged") {
        AlterAction::SetUnlogged
    } else if c.eat_kw("tablespace") {
        AlterAction::SetTablespace
    } else if c.eat_kws(&["access", "method"]) {
        AlterAction::SetAccessMethod
    } else if c.eat_kws(&["without", "cluster"]) {
        AlterAction::SetWithoutCluster
    } else if c.is_punct('(') {
        let range = c.skip_parens();
        AlterAction::SetStorageParams {
            light: range.is_some_and(|(a, b)| light_params(c, a, b)),
        }
    } else {
        return None;
    };
    Some(action)
}

/// Whether every storage parameter in tokens `a..b` needs only SHARE UPDATE EXCLUSIVE: the docs
/// list fillfactor, the toast and autovacuum parameters, and the planner parameter parallel_workers.
fn light_params(c: &Cursor, a: usize, b: usize) -> bool {
    let names: Vec<String> = split_top_level_commas(c.src, &c.tokens[a..b])
        .iter()
        .filter_map(|p| p.first().map(|t| c.text(t).to_ascii_lowercase()))
        .collect();
    !names.is_empty()
        && names.iter().all(|n| {
            n == "fillfactor"
                || n == "parallel_workers"
                || n == "toast_tuple_target"
                || n == "toast"
                || n.starts_with("autovacuum_")
                || n.starts_with("vacuum_")
                || n == "log_autovacuum_min_duration"
        })
}
