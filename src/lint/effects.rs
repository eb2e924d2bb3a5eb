//! The lock model: what each recognised statement locks, rewrites or scans, per PostgreSQL version.
//!
//! Facts come from the PostgreSQL documentation (the "Explicit Locking" chapter and the notes of
//! ALTER TABLE, CREATE INDEX, REINDEX, DROP INDEX, CLUSTER, VACUUM, REFRESH MATERIALIZED VIEW, LOCK,
//! CREATE TRIGGER and ALTER TYPE), for versions 11 to 18. Where a relation is only known indirectly
//! (the table of an index, the referenced table of a constraint added earlier), the file's own
//! history in [`FileCatalog`] resolves it; otherwise the lock is reported on the name that was written,
//! with a role saying what it stands for.
//!
//! Where the documentation is silent, facts were measured on PostgreSQL 15.18 by running each
//! statement in a transaction and reading `pg_locks` (and, for the CONCURRENTLY forms, from a second
//! session while the statement waited): `DROP TABLE` and `DROP CONSTRAINT` of a foreign key take
//! ACCESS EXCLUSIVE on the referenced table; `CREATE TABLE ... REFERENCES` and `ADD COLUMN ...
//! REFERENCES` take SHARE ROW EXCLUSIVE on it; `VALIDATE CONSTRAINT` of a foreign key takes ROW SHARE
//! on it; `REINDEX INDEX` takes SHARE on the table and ACCESS EXCLUSIVE on the index; `DROP INDEX
//! CONCURRENTLY` and `REINDEX CONCURRENTLY` take SHARE UPDATE EXCLUSIVE on table and index;
//! `COMMENT ON TABLE/COLUMN` takes SHARE UPDATE EXCLUSIVE; `CREATE TABLE ... PARTITION OF` takes
//! ACCESS EXCLUSIVE on the parent; `ALTER TYPE ... ADD VALUE` takes no table lock; `SET STORAGE`
//! takes ACCESS EXCLUSIVE; `ALTER INDEX ... RENAME` takes SHARE UPDATE EXCLUSIVE on the index.

use serde::Serialize;

use super::catalog::FileCatalog;
use super::locks::LockMode;
use super::model::{AlterAction, Command, ConstraintKind, DefaultKind, DmlKind, ReindexTarget};
use super::type_change::{type_change_verdict, TypeChange};
use LockMode::*;

/// What a locked relation is to the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Table,
    ReferencedTable,
    Partition,
    ParentTable,
    /// An index; its table gets the lock shown (the table name is not in the statement).
    TableOfIndex,
    MaterializedView,
    /// An index (its own lock; queries whose plans consider the index wait for it).
    Index,
    /// Every table in a schema or database (`REINDEX SCHEMA`, `CLUSTER` without a table).
    ManyTables,
    /// A table whose foreign key references the statement's table (`TRUNCATE ... CASCADE` empties it).
    ReferencingTable,
    /// A view.
    View,
    /// A relation read by the statement's query (`CREATE TABLE ... AS`, views).
    SourceTable,
}

/// One lock the statement takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LockTarget {
    pub relation: String,
    pub mode: LockMode,
    pub role: Role,
    /// Created earlier in this file: new and empty, so the lock blocks nobody.
    pub new: bool,
}

/// Whether a statement may run inside a transaction block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TxRule {
    Allowed,
    NotAllowed,
    /// `LOCK TABLE` fails outside a transaction block.
    Required,
}

/// The modelled effect of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Effect {
    pub locks: Vec<LockTarget>,
    /// The table's data is rewritten (a new copy of every row, indexes rebuilt).
    pub rewrite: bool,
    /// The whole table is read (validation, index build, backfill) while the lock is held.
    pub scan: bool,
    pub transaction: TxRule,
    /// Facts worth telling that do not fit the fields (e.g. "rewrites unless the column is varchar").
    pub notes: Vec<String>,
    /// For each `ALTER COLUMN ... TYPE`: the column and the verdict on rewriting the table (knowing
    /// the types the file declared before), for the rule that explains it.
    #[serde(skip)]
    pub type_changes: Vec<(String, TypeChange)>,
}

impl Effect {
    fn none() -> Self {
        Effect {
            locks: Vec::new(),
            rewrite: false,
            scan: false,
            transaction: TxRule::Allowed,
            notes: Vec::new(),
            type_changes: Vec::new(),
        }
    }

    /// Adds a lock, keeping only the strongest mode per relation.
    pub fn lock(&mut self, relation: &str, mode: LockMode, role: Role) {
        if let Some(existing) = self.locks.iter_mut().find(|l| l.relation == relation) {
            if mode > existing.mode {
                existing.mode = mode;
                existing.role = role;
            }
            return;
        }
        self.locks.push(LockTarget {
            relation: relation.to_string(),
            mode,
            role,
            new: false,
        });
    }

    /// The strongest lock mode taken, if any.
    pub fn strongest(&self) -> Option<LockMode> {
        self.locks.iter().map(|l| l.mode).max()
    }
}

/// Computes the effect of `cmd` on PostgreSQL `version`, given what the file did before.
pub fn effect_of(cmd: &Command, version: u32, catalog: &FileCatalog) -> Effect {
    let mut e = Effect::none();
    match cmd {
        Command::CreateIndex {
            table,
            concurrently,
            only,
            ..
        } => {
            if *concurrently {
                e.lock(table, ShareUpdateExclusive, Role::Table);
                e.transaction = TxRule::NotAllowed;
            } else {
                e.lock(table, Share, Role::Table);
            }
            // ON ONLY creates an invalid index on the parent alone: no data is read.
            e.scan = !*only;
        }
        Command::DropIndex {
            names,
            concurrently,
        } => {
            let mode = if *concurrently {
                e.transaction = TxRule::NotAllowed;
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            for n in names {
                lock_index_table(&mut e, catalog, n, mode);
            }
        }
        Command::Reindex {
            target,
            name,
            concurrently,
        } => reindex(&mut e, catalog, *target, name.as_deref(), *concurrently),
        Command::AlterIndex { name, rename } => {
            let mode = if *rename && version >= 12 {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            // Measured: the rename locks the index itself, not its table.
            e.lock(name, mode, Role::Index);
        }
        Command::AlterTable { table, actions } => {
            // The table comes first in the report; each subcommand raises its mode as needed.
            let floor = if actions.is_empty() {
                AccessExclusive
            } else {
                AccessShare
            };
            e.lock(table, floor, Role::Table);
            for a in actions {
                alter_action(&mut e, table, a, version, catalog);
            }
        }
        Command::CreateTable {
            references,
            partition_of,
            reads,
            ..
        } => {
            // Adding the foreign key's triggers on the referenced table.
            for r in references {
                e.lock(r, ShareRowExclusive, Role::ReferencedTable);
            }
            query_reads(&mut e, reads, "CREATE TABLE ... AS runs its query now");
            if let Some(parent) = partition_of {
                e.lock(parent, AccessExclusive, Role::ParentTable);
            }
        }
        Command::CreateMaterializedView { reads, .. } => {
            query_reads(
                &mut e,
                reads,
                "CREATE MATERIALIZED VIEW runs its query now (unless WITH NO DATA)",
            );
        }
        // Measured on PostgreSQL 15 (pg_locks inside the transaction): CREATE [OR REPLACE] VIEW holds
        // ACCESS SHARE on the relations it names and ACCESS EXCLUSIVE on a view it replaces; ALTER
        // VIEW, CREATE TABLE AS and CREATE MATERIALIZED VIEW likewise; ATTACH PARTITION locks the
        // DEFAULT partition ACCESS EXCLUSIVE.
        Command::CreateView {
            name,
            or_replace,
            reads,
        } => {
            if *or_replace {
                e.lock(name, AccessExclusive, Role::View);
                e.notes.push(format!(
                    "if {name} exists, replacing it takes ACCESS EXCLUSIVE on it: queries on the view wait, briefly"
                ));
            }
            for r in reads {
                e.lock(r, AccessShare, Role::SourceTable);
            }
        }
        Command::AlterView { name, materialized } => {
            let role = if *materialized {
                Role::MaterializedView
            } else {
                Role::View
            };
            e.lock(name, AccessExclusive, role);
        }
        Command::CreateTrigger { table } => e.lock(table, ShareRowExclusive, Role::Table),
        Command::DropTrigger { table } => e.lock(table, AccessExclusive, Role::Table),
        Command::Truncate { tables, cascade } => {
            for t in tables {
                e.lock(t, AccessExclusive, Role::Table);
            }
            if *cascade {
                // The cascade follows foreign keys transitively; the file's own declarations name
                // some of those tables, the database may hold more.
                for r in catalog.referencing_closure(tables) {
                    e.lock(&r, AccessExclusive, Role::ReferencingTable);
                }
                e.notes.push(
                    "CASCADE also takes ACCESS EXCLUSIVE on, and empties, every table that references these through a foreign key (transitively); only those declared in this file are listed".into(),
                );
            }
        }
        Command::Drop {
            object,
            names,
            cascade,
        } => {
            drop_object(&mut e, object, names, *cascade);
            // Measured: dropping a table takes ACCESS EXCLUSIVE on the tables it references too
            // (their foreign-key triggers are removed).
            if object == "table" {
                for n in names {
                    for r in catalog.references_of(n).to_vec() {
                        e.lock(&r, AccessExclusive, Role::ReferencedTable);
                    }
                }
            }
        }
        Command::RefreshMaterializedView { name, concurrently } => {
            let mode = if *concurrently {
                Exclusive
            } else {
                AccessExclusive
            };
            e.lock(name, mode, Role::MaterializedView);
            e.rewrite = true;
            e.scan = true;
        }
        Command::Cluster { table } => {
            e.rewrite = true;
            e.scan = true;
            match table {
                Some(t) => e.lock(t, AccessExclusive, Role::Table),
                None => {
                    e.lock(
                        "(every previously clustered table)",
                        AccessExclusive,
                        Role::ManyTables,
                    );
                    e.transaction = TxRule::NotAllowed;
                }
            }
        }
        Command::Vacuum { full, tables } => {
            e.transaction = TxRule::NotAllowed;
            e.scan = true;
            e.rewrite = *full;
            let mode = if *full {
                AccessExclusive
            } else {
                ShareUpdateExclusive
            };
            if tables.is_empty() {
                e.lock("(every table in the database)", mode, Role::ManyTables);
            }
            for t in tables {
                e.lock(t, mode, Role::Table);
            }
        }
        Command::Analyze { tables } => {
            e.scan = true;
            for t in tables {
                e.lock(t, ShareUpdateExclusive, Role::Table);
            }
        }
        Command::Lock { tables, mode_words } => {
            let mode = mode_words
                .as_deref()
                .and_then(LockMode::parse)
                .unwrap_or(AccessExclusive);
            for t in tables {
                e.lock(t, mode, Role::Table);
            }
            e.transaction = TxRule::Required;
        }
        Command::AlterTypeAddValue { .. } => {
            if version < 12 {
                e.transaction = TxRule::NotAllowed;
            }
            e.notes
                .push("locks the enum type only; no table lock".into());
        }
        Command::Comment {
            table: Some(table), ..
        } => e.lock(table, ShareUpdateExclusive, Role::Table),
        Command::Dml {
            kind,
            table: Some(table),
            ..
        } => {
            let mode = match kind {
                DmlKind::Select => AccessShare,
                DmlKind::SelectForUpdate => RowShare,
                _ => RowExclusive,
            };
            e.lock(table, mode, Role::Table);
            e.scan = matches!(kind, DmlKind::Update | DmlKind::Delete);
        }
        _ => {}
    }
    e
}

/// ACCESS SHARE on every relation a stored query reads, held until the transaction ends.
fn query_reads(e: &mut Effect, reads: &[String], what: &str) {
    if reads.is_empty() {
        return;
    }
    for r in reads {
        e.lock(r, LockMode::AccessShare, Role::SourceTable);
    }
    e.notes.push(format!(
        "{what}: it reads {} for as long as the query runs and holds ACCESS SHARE on them until the transaction ends, so DDL on them waits (and a queued DDL lock makes this statement wait)",
        reads.join(", ")
    ));
}

fn lock_index_table(e: &mut Effect, catalog: &FileCatalog, index: &str, mode: LockMode) {
    match catalog.table_of_index(index) {
        Some(table) => e.lock(table, mode, Role::Table),
        None => e.lock(index, mode, Role::TableOfIndex),
    }
}

fn reindex(
    e: &mut Effect,
    catalog: &FileCatalog,
    target: ReindexTarget,
    name: Option<&str>,
    concurrently: bool,
) {
    // Plain REINDEX holds SHARE on the table (writes wait) and ACCESS EXCLUSIVE on the index being
    // rebuilt (so reads whose plans would use it wait too); CONCURRENTLY takes SHARE UPDATE EXCLUSIVE.
    let mode = if concurrently {
        ShareUpdateExclusive
    } else {
        Share
    };
    e.scan = true;
    if concurrently {
        e.transaction = TxRule::NotAllowed;
    }
    match (target, name) {
        (ReindexTarget::Index, Some(n)) => {
            let index_mode = if concurrently {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            // Measured: SHARE on the table, ACCESS EXCLUSIVE on the index (PostgreSQL 15); when the
            // table is unknown only the index can be named.
            if let Some(table) = catalog.table_of_index(n) {
                e.lock(table, mode, Role::Table);
            }
            e.lock(n, index_mode, Role::Index);
            if !concurrently {
                e.notes.push(format!(
                    "ACCESS EXCLUSIVE on index {n} blocks queries whose plans consider it; SHARE on its table blocks writes"
                ));
            }
        }
        (ReindexTarget::Table, Some(n)) => e.lock(n, mode, Role::Table),
        _ => {
            e.transaction = TxRule::NotAllowed;
            e.lock(
                &format!("(every table in {})", name.unwrap_or("the database")),
                mode,
                Role::ManyTables,
            );
        }
    }
}

fn drop_object(e: &mut Effect, object: &str, names: &[String], cascade: bool) {
    let role = match object {
        "table" | "view" | "foreign table" => Role::Table,
        "materialized view" => Role::MaterializedView,
        "database" => {
            e.transaction = TxRule::NotAllowed;
            return;
        }
        _ => return,
    };
    for n in names {
        e.lock(n, AccessExclusive, role);
    }
    if cascade {
        e.notes
            .push("CASCADE also drops dependent objects, locking them too".into());
    }
}

fn alter_action(e: &mut Effect, table: &str, a: &AlterAction, version: u32, catalog: &FileCatalog) {
    use AlterAction::*;
    let mut mode = AccessExclusive;
    match a {
        AddColumn(col) => {
            let volatile_default = matches!(col.default, Some(DefaultKind::Volatile));
            let serial = col
                .ty
                .as_ref()
                .is_some_and(|t| matches!(t.base.as_str(), "serial" | "bigserial" | "smallserial"));
            let any_default_pre11 = version < 11 && col.default.is_some();
            if col.stored_generated
                || col.identity
                || serial
                || volatile_default
                || any_default_pre11
            {
                e.rewrite = true;
            }
            if matches!(col.default, Some(DefaultKind::Unknown)) {
                e.notes.push(format!(
                    "the default of {} calls a function the linter does not know: a VOLATILE one rewrites the table",
                    col.name
                ));
            }
            if col.primary_key || col.unique || col.check || col.references.is_some() {
                e.scan = true;
            }
            if let Some(r) = &col.references {
                e.lock(r, ShareRowExclusive, Role::ReferencedTable);
            }
        }
        AlterColumnType { column, ty, using } => {
            let verdict = type_change_verdict(catalog, table, column, ty, *using);
            match &verdict {
                TypeChange::Rewrite => e.rewrite = true,
                TypeChange::NoRewriteIfWidening(why)
                | TypeChange::DependsOnCurrentType(why)
                | TypeChange::NoRewrite(why) => e.notes.push(why.clone()),
            }
            e.type_changes.push((column.clone(), verdict));
        }
        SetNotNull { .. } => {
            if version >= 12 && catalog.has_validated_check(table) {
                // PostgreSQL 12+ proves NOT NULL from a validated CHECK instead of scanning.
                e.notes.push(
                    "no scan: a CHECK validated earlier in this file proves the column has no NULLs"
                        .into(),
                );
            } else {
                e.scan = true;
                if version >= 12 {
                    e.notes.push(
                        "the scan is skipped when a validated CHECK (col IS NOT NULL) constraint exists"
                            .into(),
                    );
                }
            }
        }
        SetStatistics { .. } | SetColumnOptions { .. } | ClusterOn | SetWithoutCluster => {
            mode = ShareUpdateExclusive
        }
        SetStorageParams { light: true } => mode = ShareUpdateExclusive,
        Trigger { .. } => mode = ShareRowExclusive,
        AddConstraint {
            kind,
            not_valid,
            using_index,
            ..
        } => match kind {
            ConstraintKind::ForeignKey { references } => {
                mode = ShareRowExclusive;
                e.lock(references, ShareRowExclusive, Role::ReferencedTable);
                e.scan |= !not_valid;
            }
            ConstraintKind::Check | ConstraintKind::NotNull => e.scan |= !not_valid,
            ConstraintKind::PrimaryKey | ConstraintKind::Unique if using_index.is_some() => {
                // A primary key also marks its columns NOT NULL, which scans unless they already are.
                e.scan |= *kind == ConstraintKind::PrimaryKey;
            }
            _ => e.scan = true,
        },
        ValidateConstraint { name } => {
            mode = ShareUpdateExclusive;
            e.scan = true;
            if let Some(r) = catalog.fk_reference(table, name) {
                e.lock(&r, RowShare, Role::ReferencedTable);
            }
        }
        DropConstraint { name } => match catalog.fk_reference(table, name) {
            // Measured: dropping a foreign key takes ACCESS EXCLUSIVE on the referenced table too.
            Some(r) => e.lock(&r, AccessExclusive, Role::ReferencedTable),
            None => e.notes.push(format!(
                "if {name} is a foreign key, the referenced table is locked ACCESS EXCLUSIVE as well"
            )),
        },
        SetLogged | SetUnlogged | SetTablespace | SetAccessMethod => e.rewrite = true,
        SetExpression { column } => match catalog.generated_is_virtual(table, column) {
            // PostgreSQL 18 computes virtual columns on read: only the catalog changes.
            Some(true) => e.notes.push(format!(
                "{column} is a virtual generated column (declared earlier in this file): its expression is replaced without rewriting the table"
            )),
            Some(false) => {
                e.rewrite = true;
                e.notes.push(format!(
                    "{column} is a stored generated column (declared earlier in this file): every row is recomputed by rewriting the table"
                ));
            }
            None => {
                e.rewrite = true;
                e.notes.push(
                    "a stored generated column is recomputed by rewriting the table; a virtual one (PostgreSQL 18) is not".into(),
                );
            }
        },
        AttachPartition { partition } => {
            mode = if version >= 12 {
                ShareUpdateExclusive
            } else {
                AccessExclusive
            };
            e.lock(partition, AccessExclusive, Role::Partition);
            e.scan = true;
            match catalog.default_partition_of(table) {
                // Its rows must not belong to the new partition, so it is scanned too.
                Some(default) => {
                    e.lock(default, AccessExclusive, Role::Partition);
                    e.notes.push(format!(
                        "the partition is scanned to check the bound unless a matching validated CHECK constraint exists; the DEFAULT partition {default} is locked ACCESS EXCLUSIVE and scanned for rows that would belong to the new partition"
                    ));
                }
                None => e.notes.push(
                    "the partition is scanned to check the bound unless a matching validated CHECK constraint exists; a DEFAULT partition, if any, is also locked and scanned".into(),
                ),
            }
        }
        DetachPartition {
            partition,
            concurrently,
            ..
        } => {
            if *concurrently && version >= 14 {
                mode = ShareUpdateExclusive;
                e.transaction = TxRule::NotAllowed;
            }
            e.lock(partition, AccessExclusive, Role::Partition);
        }
        Other { text } => e.notes.push(format!(
            "subcommand `{text}` not recognised: assumed ACCESS EXCLUSIVE, the documented default"
        )),
        _ => {}
    }
    e.lock(table, mode, Role::Table);
}
