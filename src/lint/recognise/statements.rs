//! Dispatch on a statement's leading keywords, and the recognisers for all but `ALTER TABLE`.

use super::alter_table::parse_alter_table;
use super::columns::{at_table_constraint, parse_column, parse_table_constraint};
use super::cursor::{split_top_level_commas, Cursor};
use super::query_reads::tables_read;
use crate::lint::lexer::TokenKind;
use crate::lint::model::{Command, ConstraintKind, DmlKind, ReindexTarget};

/// Recognises the statement at the cursor; `None` when the form is unknown.
pub fn recognise_statement(c: &mut Cursor) -> Option<Command> {
    let first = c.word()?;
    let cmd = match first.as_str() {
        "begin" | "start" => Command::Begin,
        "commit" | "end" | "abort" => Command::Commit,
        "prepare" if c.is_kw("transaction") => Command::Commit,
        "rollback" if c.is_kw("to") || c.is_kw_at(1, "to") => Command::Savepoint,
        "rollback" => Command::Rollback,
        "savepoint" | "release" => Command::Savepoint,
        "set" => parse_set(c),
        "reset" => Command::Reset {
            name: c.word().unwrap_or_default(),
        },
        "create" => parse_create(c)?,
        "drop" => parse_drop(c)?,
        "alter" => parse_alter(c)?,
        "reindex" => parse_reindex(c)?,
        "cluster" => {
            c.eat_kw("verbose");
            c.skip_parens();
            Command::Cluster { table: c.name() }
        }
        "vacuum" => parse_vacuum(c),
        "analyze" | "analyse" => {
            c.skip_parens();
            c.eat_kw("verbose");
            Command::Analyze {
                tables: c.name_list(),
            }
        }
        "lock" => parse_lock(c),
        "truncate" => {
            c.eat_kw("table");
            let tables = c.name_list();
            Command::Truncate {
                tables,
                cascade: c.rest_has_kw("cascade"),
            }
        }
        "refresh" if c.eat_kws(&["materialized", "view"]) => {
            let concurrently = c.eat_kw("concurrently");
            Command::RefreshMaterializedView {
                name: c.name()?,
                concurrently,
            }
        }
        "comment" if c.eat_kw("on") => parse_comment(c),
        "do" => Command::Do,
        "select" if c.is_kw("set_config") => parse_set_config(c).unwrap_or(Command::Other {
            keyword: "select".into(),
        }),
        "insert" | "update" | "delete" | "merge" | "copy" | "select" | "with" | "values"
        | "table" => parse_dml(c, &first),
        "grant" | "revoke" | "notify" | "listen" | "discard" | "checkpoint" | "security"
        | "import" | "call" | "explain" | "load" | "reassign" | "show" => {
            Command::Other { keyword: first }
        }
        _ => return None,
    };
    Some(cmd)
}

fn parse_set(c: &mut Cursor) -> Command {
    let local = c.eat_kw("local");
    c.eat_kw("session");
    if c.is_kw("transaction") || c.is_kw("constraints") || c.is_kw("role") {
        return Command::Other {
            keyword: "set".into(),
        };
    }
    let name = c.name().unwrap_or_default().to_ascii_lowercase();
    if !c.eat_kw("to") {
        c.eat_punct('=');
    }
    let value = c.rest_text().trim_matches('\'').to_string();
    Command::Set { name, value, local }
}

/// `SELECT set_config('lock_timeout', '2s', false)`: the function form of SET (`true` = LOCAL).
fn parse_set_config(c: &mut Cursor) -> Option<Command> {
    c.eat_kw("set_config");
    let (a, b) = c.skip_parens()?;
    let args = split_top_level_commas(c.src, &c.tokens[a..b]);
    let text = |i: usize| -> Option<String> {
        let part = args.get(i)?;
        let t = part.first()?;
        Some(c.text(t).trim_matches('\'').to_string())
    };
    Some(Command::Set {
        name: text(0)?.to_ascii_lowercase(),
        value: text(1)?,
        local: text(2)?.eq_ignore_ascii_case("true"),
    })
}

fn parse_create(c: &mut Cursor) -> Option<Command> {
    let or_replace = c.eat_kws(&["or", "replace"]);
    let unique = c.eat_kw("unique");
    if c.eat_kw("index") {
        let concurrently = c.eat_kw("concurrently");
        let if_not_exists = c.eat_if_exists();
        let name = if c.is_kw("on") { None } else { c.name() };
        if !c.eat_kw("on") {
            return None;
        }
        let only = c.eat_kw("only");
        return Some(Command::CreateIndex {
            name,
            table: c.name()?,
            concurrently,
            only,
            unique,
            if_not_exists,
        });
    }
    for w in ["temporary", "temp", "unlogged", "global", "local"] {
        c.eat_kw(w);
    }
    if c.eat_kw("table") {
        return parse_create_table(c);
    }
    if c.eat_kw("constraint") && c.is_kw("trigger") || c.is_kw("trigger") {
        c.eat_kw("trigger");
        // The table follows the first top-level ON (events come before it).
        while !c.at_end() && !c.is_kw("on") {
            c.pos += 1;
        }
        c.eat_kw("on");
        return Some(Command::CreateTrigger { table: c.name()? });
    }
    if c.eat_kws(&["materialized", "view"]) {
        c.eat_if_exists();
        let name = c.name()?;
        return Some(Command::CreateMaterializedView {
            name,
            reads: tables_read(c),
        });
    }
    c.eat_kw("recursive");
    if c.eat_kw("view") {
        let name = c.name()?;
        return Some(Command::CreateView {
            name,
            or_replace,
            reads: tables_read(c),
        });
    }
    Some(Command::CreateOther {
        object: c.word().unwrap_or_default(),
    })
}

fn parse_create_table(c: &mut Cursor) -> Option<Command> {
    c.eat_if_exists();
    let name = c.name()?;
    let mut columns = Vec::new();
    let mut references = Vec::new();
    let partition_of = if c.eat_kws(&["partition", "of"]) {
        c.name()
    } else {
        None
    };
    if let Some((a, b)) = c.skip_parens() {
        for part in split_top_level_commas(c.src, &c.tokens[a..b]) {
            let mut pc = Cursor::new(c.src, part);
            if at_table_constraint(&pc) {
                if let Some(k) = parse_table_constraint(&mut pc) {
                    if let ConstraintKind::ForeignKey { references: r } = k.kind {
                        references.push(r);
                    }
                }
            } else if pc.is_kw("like") {
                continue;
            } else if let Some(col) = parse_column(&mut pc) {
                if let Some(r) = &col.references {
                    references.push(r.clone());
                }
                columns.push(col);
            }
        }
    }
    // `PARTITION OF p [(columns)] DEFAULT`, or `FOR VALUES ...` for a bounded partition.
    let default_partition = partition_of.is_some() && c.is_kw("default");
    let as_select = c.rest_has_kw("as") && columns.is_empty();
    let reads = if as_select {
        tables_read(c)
    } else {
        Vec::new()
    };
    Some(Command::CreateTable {
        name,
        columns,
        references,
        partition_of,
        as_select,
        reads,
        default_partition,
    })
}

fn parse_drop(c: &mut Cursor) -> Option<Command> {
    if c.eat_kw("index") {
        let concurrently = c.eat_kw("concurrently");
        c.eat_if_exists();
        return Some(Command::DropIndex {
            names: c.name_list(),
            concurrently,
        });
    }
    if c.eat_kw("trigger") {
        c.eat_if_exists();
        c.name();
        c.eat_kw("on");
        return Some(Command::DropTrigger { table: c.name()? });
    }
    let mut object = c.word()?;
    if object == "materialized" || object == "foreign" || object == "access" || object == "text" {
        if let Some(w) = c.word() {
            object = format!("{object} {w}");
        }
    }
    c.eat_if_exists();
    let names = c.name_list();
    Some(Command::Drop {
        object,
        names,
        cascade: c.rest_has_kw("cascade"),
    })
}

fn parse_alter(c: &mut Cursor) -> Option<Command> {
    if c.eat_kw("table") {
        return parse_alter_table(c);
    }
    if c.eat_kw("index") {
        c.eat_if_exists();
        let name = c.name()?;
        return Some(Command::AlterIndex {
            name,
            rename: c.is_kw("rename"),
        });
    }
    let materialized = c.eat_kw("materialized");
    if c.eat_kw("view") {
        c.eat_if_exists();
        return Some(Command::AlterView {
            name: c.name()?,
            materialized,
        });
    }
    if c.eat_kw("type") {
        let type_name = c.name()?;
        if c.eat_kws(&["add", "value"]) {
            c.eat_if_exists();
            let value = c.peek().map(|t| c.text(t).to_string()).unwrap_or_default();
            return Some(Command::AlterTypeAddValue {
                type_name,
                value,
                positioned: c.rest_has_kw("before") || c.rest_has_kw("after"),
            });
        }
        return Some(Command::AlterTypeOther { type_name });
    }
    Some(Command::Other {
        keyword: format!("alter {}", c.word().unwrap_or_default()),
    })
}

fn parse_reindex(c: &mut Cursor) -> Option<Command> {
    c.skip_parens();
    let target = match c.word()?.as_str() {
        "index" => ReindexTarget::Index,
        "table" => ReindexTarget::Table,
        "schema" => ReindexTarget::Schema,
        "database" => ReindexTarget::Database,
        "system" => ReindexTarget::System,
        _ => return None,
    };
    let concurrently = c.eat_kw("concurrently");
    Some(Command::Reindex {
        target,
        name: c.name(),
        concurrently,
    })
}

fn parse_vacuum(c: &mut Cursor) -> Command {
    let mut full = false;
    if let Some((a, b)) = c.skip_parens() {
        // `VACUUM (FULL)`, `(FULL true)`, `(FULL, ANALYZE)`; `(FULL false)` is not full.
        for part in split_top_level_commas(c.src, &c.tokens[a..b]) {
            let words: Vec<String> = part
                .iter()
                .map(|t| t.text(c.src).to_ascii_lowercase())
                .collect();
            if words.first().is_some_and(|w| w == "full") {
                full = !matches!(
                    words.get(1).map(String::as_str),
                    Some("false" | "off" | "0")
                );
            }
        }
    }
    loop {
        if c.eat_kw("full") {
            full = true;
        } else if !(c.eat_kw("freeze") || c.eat_kw("verbose") || c.eat_kw("analyze")) {
            break;
        }
    }
    let tables = c.name_list();
    Command::Vacuum { full, tables }
}

fn parse_lock(c: &mut Cursor) -> Command {
    c.eat_kw("table");
    let tables = c.name_list();
    let mode_words = if c.eat_kw("in") {
        let mut words = Vec::new();
        while let Some(w) = c.word() {
            if w == "mode" {
                break;
            }
            words.push(w);
        }
        Some(words.join(" "))
    } else {
        None
    };
    Command::Lock { tables, mode_words }
}

fn parse_comment(c: &mut Cursor) -> Command {
    let mut object = c.word().unwrap_or_default();
    if object == "materialized" {
        c.word();
        object = "materialized view".into();
    }
    let name = c.name();
    let table = match object.as_str() {
        "table" | "materialized view" => name,
        // `COMMENT ON COLUMN tbl.col`: the table is everything before the last dot.
        "column" => name.and_then(|n| n.rsplit_once('.').map(|(t, _)| t.to_string())),
        _ => None,
    };
    Command::Comment { object, table }
}

/// Plain DML. For `WITH`, the verb of the main statement is the first top-level DML keyword after
/// the common table expressions.
fn parse_dml(c: &mut Cursor, first: &str) -> Command {
    let mut verb = first.to_string();
    if verb == "with" {
        c.eat_kw("recursive");
        verb = "select".into();
        while !c.at_end() {
            if c.is_punct('(') {
                c.skip_parens();
                continue;
            }
            match c.peek_word().as_deref() {
                Some(w @ ("insert" | "update" | "delete" | "merge" | "select")) => {
                    verb = w.to_string();
                    c.pos += 1;
                    break;
                }
                _ => c.pos += 1,
            }
        }
    }
    let has_where = c.rest_has_kw("where");
    let (kind, table) = match verb.as_str() {
        "insert" => {
            c.eat_kw("into");
            (DmlKind::Insert, c.name())
        }
        "update" => {
            c.eat_kw("only");
            (DmlKind::Update, c.name())
        }
        "delete" => {
            c.eat_kw("from");
            c.eat_kw("only");
            (DmlKind::Delete, c.name())
        }
        "merge" => {
            c.eat_kw("into");
            (DmlKind::Merge, c.name())
        }
        "copy" => (DmlKind::Copy, c.name()),
        _ => select_target(c),
    };
    Command::Dml {
        kind,
        table,
        has_where,
    }
}

fn select_target(c: &mut Cursor) -> (DmlKind, Option<String>) {
    let mut table = None;
    let mut for_update = false;
    let mut depth = 0i32;
    while let Some(t) = c.peek() {
        if t.kind == TokenKind::Punct {
            match c.text(t) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
        }
        if depth == 0 && table.is_none() && c.is_kw("from") {
            c.pos += 1;
            c.eat_kw("only");
            table = c.name();
            continue;
        }
        if depth == 0 && c.is_kw("for") {
            for_update = ["update", "share", "no", "key"]
                .iter()
                .any(|k| c.is_kw_at(1, k));
        }
        c.pos += 1;
    }
    let kind = if for_update {
        DmlKind::SelectForUpdate
    } else {
        DmlKind::Select
    };
    (kind, table)
}
