//! What the recogniser understood of one statement, independent of locks and PostgreSQL versions.
//!
//! Relation names are kept as written (schema-qualified and quoted when written so), because reports
//! must name tables the way the user wrote them.

use serde::Serialize;

/// A column type, normalised for comparisons (`character varying(20)` becomes `varchar` + `[20]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeName {
    /// Canonical lower-case base name (`varchar`, `int4`, `timestamptz`, ...).
    pub base: String,
    /// Numeric type modifiers (`varchar(20)` has `[20]`, `numeric(10,2)` has `[10, 2]`).
    pub modifiers: Vec<i64>,
    pub array: bool,
    /// The type as written.
    pub written: String,
}

/// How a column default behaves when a column is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DefaultKind {
    /// A constant or a stable expression (`now()`): evaluated once, stored in the catalog (PG 11+).
    Constant,
    /// A known volatile function (`random()`, `gen_random_uuid()`, `clock_timestamp()`, `nextval()`).
    Volatile,
    /// Calls a function the linter does not know; user functions are VOLATILE unless declared.
    Unknown,
}

/// Kinds of table constraints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum ConstraintKind {
    Check,
    ForeignKey { references: String },
    Unique,
    PrimaryKey,
    Exclude,
    NotNull,
}

/// A column added by `ADD COLUMN` (or declared in `CREATE TABLE`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnDef {
    pub name: String,
    pub ty: Option<TypeName>,
    pub default: Option<DefaultKind>,
    pub not_null: bool,
    /// `GENERATED ALWAYS AS (...) STORED`.
    pub stored_generated: bool,
    /// `GENERATED ALWAYS AS (...)` without STORED (virtual, PostgreSQL 18+).
    pub virtual_generated: bool,
    /// `GENERATED ... AS IDENTITY`.
    pub identity: bool,
    pub primary_key: bool,
    pub unique: bool,
    pub check: bool,
    pub references: Option<String>,
}

/// One `ALTER TABLE` subcommand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "action")]
pub enum AlterAction {
    AddColumn(ColumnDef),
    DropColumn {
        column: String,
    },
    AlterColumnType {
        column: String,
        ty: TypeName,
        using: bool,
    },
    SetNotNull {
        column: String,
    },
    DropNotNull {
        column: String,
    },
    SetDefault {
        column: String,
        default: DefaultKind,
    },
    DropDefault {
        column: String,
    },
    SetStatistics {
        column: String,
    },
    SetColumnOptions {
        column: String,
    },
    SetStorage {
        column: String,
    },
    SetCompression {
        column: String,
    },
    AddIdentity {
        column: String,
    },
    DropIdentity {
        column: String,
    },
    /// `SET EXPRESSION AS (...)` (PostgreSQL 17+): recomputes a stored generated column.
    SetExpression {
        column: String,
    },
    DropExpression {
        column: String,
    },
    AddConstraint {
        name: Option<String>,
        kind: ConstraintKind,
        not_valid: bool,
        using_index: Option<String>,
        columns: Vec<String>,
    },
    ValidateConstraint {
        name: String,
    },
    DropConstraint {
        name: String,
    },
    RenameColumn {
        from: String,
        to: String,
    },
    RenameTable {
        to: String,
    },
    RenameConstraint {
        from: String,
        to: String,
    },
    SetSchema,
    SetLogged,
    SetUnlogged,
    SetTablespace,
    SetAccessMethod,
    /// `SET (...)` storage parameters; `light` when all of them need only SHARE UPDATE EXCLUSIVE.
    SetStorageParams {
        light: bool,
    },
    Trigger {
        enable: bool,
    },
    RowLevelSecurity,
    ClusterOn,
    SetWithoutCluster,
    AttachPartition {
        partition: String,
    },
    DetachPartition {
        partition: String,
        concurrently: bool,
        finalize: bool,
    },
    ReplicaIdentity,
    Owner,
    Inherit {
        parent: String,
    },
    NoInherit {
        parent: String,
    },
    Other {
        text: String,
    },
}

/// The targets of `REINDEX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReindexTarget {
    Index,
    Table,
    Schema,
    Database,
    System,
}

/// Plain data manipulation statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DmlKind {
    Select,
    SelectForUpdate,
    Insert,
    Update,
    Delete,
    Merge,
    Copy,
}

/// The recognised statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "command")]
pub enum Command {
    Begin,
    Commit,
    Rollback,
    Savepoint,
    /// `SET [LOCAL|SESSION] name = value` (also `SET name TO value`).
    Set {
        name: String,
        value: String,
        local: bool,
    },
    Reset {
        name: String,
    },
    CreateIndex {
        name: Option<String>,
        table: String,
        concurrently: bool,
        only: bool,
        unique: bool,
        if_not_exists: bool,
    },
    DropIndex {
        names: Vec<String>,
        concurrently: bool,
    },
    Reindex {
        target: ReindexTarget,
        name: Option<String>,
        concurrently: bool,
    },
    AlterIndex {
        name: String,
        rename: bool,
    },
    AlterTable {
        table: String,
        actions: Vec<AlterAction>,
    },
    CreateTable {
        name: String,
        columns: Vec<ColumnDef>,
        /// Tables named in `REFERENCES` clauses (inline or table constraints).
        references: Vec<String>,
        partition_of: Option<String>,
        as_select: bool,
        /// For `CREATE TABLE ... AS`: the relations its query reads.
        reads: Vec<String>,
        /// `PARTITION OF parent DEFAULT`.
        default_partition: bool,
    },
    CreateTrigger {
        table: String,
    },
    DropTrigger {
        table: String,
    },
    Truncate {
        tables: Vec<String>,
        cascade: bool,
    },
    /// `DROP TABLE|VIEW|MATERIALIZED VIEW|SCHEMA|DATABASE|TYPE|...`.
    Drop {
        object: String,
        names: Vec<String>,
        cascade: bool,
    },
    RefreshMaterializedView {
        name: String,
        concurrently: bool,
    },
    CreateMaterializedView {
        name: String,
        /// The relations its query reads (it runs the query once, at creation).
        reads: Vec<String>,
    },
    /// `CREATE [OR REPLACE] VIEW`.
    CreateView {
        name: String,
        or_replace: bool,
        /// The relations its query names (locked while the view is defined).
        reads: Vec<String>,
    },
    /// `ALTER VIEW` / `ALTER MATERIALIZED VIEW` (rename, owner, schema, options, column defaults).
    AlterView {
        name: String,
        materialized: bool,
    },
    Cluster {
        table: Option<String>,
    },
    Vacuum {
        full: bool,
        tables: Vec<String>,
    },
    Analyze {
        tables: Vec<String>,
    },
    Lock {
        tables: Vec<String>,
        mode_words: Option<String>,
    },
    AlterTypeAddValue {
        type_name: String,
        value: String,
        positioned: bool,
    },
    AlterTypeOther {
        type_name: String,
    },
    Comment {
        object: String,
        table: Option<String>,
    },
    Dml {
        kind: DmlKind,
        table: Option<String>,
        has_where: bool,
    },
    /// `CREATE` of something without table locks worth modelling (function, view, type, schema...).
    CreateOther {
        object: String,
    },
    /// `DO $$ ... $$`: runs arbitrary code the linter cannot see into.
    Do,
    /// Anything else the linter knows but does not model (GRANT, ALTER ROLE, ...).
    Other {
        keyword: String,
    },
    /// Not recognised at all.
    Unknown,
}

impl Command {
    /// A short kebab-case kind for reports (`alter-table`, `create-index`).
    pub fn kind(&self) -> &'static str {
        match self {
            Command::Begin => "begin",
            Command::Commit => "commit",
            Command::Rollback => "rollback",
            Command::Savepoint => "savepoint",
            Command::Set { .. } => "set",
            Command::Reset { .. } => "reset",
            Command::CreateIndex { .. } => "create-index",
            Command::DropIndex { .. } => "drop-index",
            Command::Reindex { .. } => "reindex",
            Command::AlterIndex { .. } => "alter-index",
            Command::AlterTable { .. } => "alter-table",
            Command::CreateTable { .. } => "create-table",
            Command::CreateTrigger { .. } => "create-trigger",
            Command::DropTrigger { .. } => "drop-trigger",
            Command::Truncate { .. } => "truncate",
            Command::Drop { .. } => "drop",
            Command::RefreshMaterializedView { .. } => "refresh-materialized-view",
            Command::CreateMaterializedView { .. } => "create-materialized-view",
            Command::CreateView { .. } => "create-view",
            Command::AlterView { .. } => "alter-view",
            Command::Cluster { .. } => "cluster",
            Command::Vacuum { .. } => "vacuum",
            Command::Analyze { .. } => "analyze",
            Command::Lock { .. } => "lock-table",
            Command::AlterTypeAddValue { .. } => "alter-type-add-value",
            Command::AlterTypeOther { .. } => "alter-type",
            Command::Comment { .. } => "comment",
            Command::Dml { kind, .. } => match kind {
                DmlKind::Select => "select",
                DmlKind::SelectForUpdate => "select-for-update",
                DmlKind::Insert => "insert",
                DmlKind::Update => "update",
                DmlKind::Delete => "delete",
                DmlKind::Merge => "merge",
                DmlKind::Copy => "copy",
            },
            Command::CreateOther { .. } => "create",
            Command::Do => "do",
            Command::Other { .. } => "other",
            Command::Unknown => "unknown",
        }
    }
}
