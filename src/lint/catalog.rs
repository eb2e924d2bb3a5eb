//! What the migration itself created or declared earlier in the file.
//!
//! Relations created earlier in the same file are new and empty, so locking them blocks nobody and
//! rewriting them costs nothing; the linter raises no lock findings about them. The catalog also
//! remembers which table an index belongs to and which table a named foreign key references, so
//! later statements (`DROP INDEX`, `VALIDATE CONSTRAINT`) can name the table they really lock, and
//! which generated columns are virtual, so `SET EXPRESSION` on them is not reported as a rewrite.

use std::collections::{HashMap, HashSet};

use super::model::{AlterAction, ColumnDef, Command, ConstraintKind, TypeName};

/// Facts gathered from the statements seen so far.
#[derive(Debug, Clone, Default)]
pub struct FileCatalog {
    new_relations: HashSet<String>,
    index_tables: HashMap<String, String>,
    foreign_keys: HashMap<(String, String), String>,
    /// Tables each table references through foreign keys declared in this file.
    references: HashMap<String, Vec<String>>,
    /// Tables on which the file added a validated CHECK or ran VALIDATE CONSTRAINT.
    validated_checks: HashSet<String>,
    /// Where each constraint added NOT VALID was added (statement index), by (table, name).
    not_valid_added: HashMap<(String, String), usize>,
    /// Generated columns the file declared, by (table, column): `true` when virtual (PostgreSQL 18),
    /// `false` when stored. Later `SET EXPRESSION` rewrites the table only for stored ones.
    generated_columns: HashMap<(String, String), bool>,
    /// The DEFAULT partition of each partitioned table, when the file created one.
    default_partitions: HashMap<String, String>,
    /// Column types the file declared (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE), by (table, column).
    column_types: HashMap<(String, String), TypeName>,
}

/// Normalises a name as written for comparisons: unquoted parts fold to lower case, quoted parts keep
/// their case, and the default `public.` schema is dropped.
pub fn normalise(name: &str) -> String {
    let parts: Vec<String> = name
        .split('.')
        .map(|p| {
            if p.starts_with('"') {
                p.trim_matches('"').to_string()
            } else {
                p.to_ascii_lowercase()
            }
        })
        .collect();
    match parts.as_slice() {
        [schema, rest @ ..] if schema == "public" && !rest.is_empty() => rest.join("."),
        _ => parts.join("."),
    }
}

impl FileCatalog {
    /// Whether `relation` was created earlier in this file.
    pub fn is_new(&self, relation: &str) -> bool {
        self.new_relations.contains(&normalise(relation))
    }

    /// The table an index created earlier in this file belongs to.
    pub fn table_of_index(&self, index: &str) -> Option<&str> {
        self.index_tables.get(&normalise(index)).map(String::as_str)
    }

    /// The table referenced by foreign key `name` of `table`, if the file added it.
    pub fn fk_reference(&self, table: &str, name: &str) -> Option<String> {
        self.foreign_keys
            .get(&(normalise(table), normalise(name)))
            .cloned()
    }

    /// Tables that `table` references through foreign keys declared in this file.
    pub fn references_of(&self, table: &str) -> &[String] {
        self.references
            .get(&normalise(table))
            .map_or(&[], Vec::as_slice)
    }

    /// Tables that reference any of `tables` through foreign keys declared in this file, followed
    /// transitively (what `TRUNCATE ... CASCADE` also empties), excluding `tables` themselves.
    pub fn referencing_closure(&self, tables: &[String]) -> Vec<String> {
        let start: Vec<String> = tables.iter().map(|t| normalise(t)).collect();
        let mut seen: HashSet<String> = start.iter().cloned().collect();
        let mut queue = start;
        let mut out = Vec::new();
        while let Some(target) = queue.pop() {
            // Sorted so the output does not depend on hash order.
            let mut found: Vec<&String> = self
                .references
                .iter()
                .filter(|(_, refs)| refs.iter().any(|r| normalise(r) == target))
                .map(|(table, _)| table)
                .collect();
            found.sort();
            for table in found {
                if seen.insert(table.clone()) {
                    out.push(table.clone());
                    queue.push(table.clone());
                }
            }
        }
        out
    }

    /// Whether the file validated a CHECK (or some constraint) on `table` earlier.
    pub fn has_validated_check(&self, table: &str) -> bool {
        self.validated_checks.contains(&normalise(table))
    }

    fn add_reference(&mut self, table: &str, referenced: &str) {
        let list = self.references.entry(normalise(table)).or_default();
        if !list.iter().any(|r| r == referenced) {
            list.push(referenced.to_string());
        }
    }

    /// The statement that added constraint `name` of `table` NOT VALID, if the file did.
    pub fn not_valid_added_at(&self, table: &str, name: &str) -> Option<usize> {
        self.not_valid_added
            .get(&(normalise(table), normalise(name)))
            .copied()
    }

    /// The DEFAULT partition of `parent`, if this file created it.
    pub fn default_partition_of(&self, parent: &str) -> Option<&str> {
        self.default_partitions
            .get(&normalise(parent))
            .map(String::as_str)
    }

    /// Whether column `column` of `table` was declared in this file as a virtual generated column
    /// (`Some(true)`), a stored one (`Some(false)`), or is unknown (`None`).
    pub fn generated_is_virtual(&self, table: &str, column: &str) -> Option<bool> {
        self.generated_columns
            .get(&(normalise(table), normalise(column)))
            .copied()
    }

    /// The type the file last gave column `column` of `table`, if it declared one.
    pub fn column_type(&self, table: &str, column: &str) -> Option<&TypeName> {
        self.column_types
            .get(&(normalise(table), normalise(column)))
    }

    fn note_column(&mut self, table: &str, col: &ColumnDef) {
        let key = (normalise(table), normalise(&col.name));
        match &col.ty {
            Some(ty) => {
                self.column_types.insert(key, ty.clone());
            }
            None => {
                self.column_types.remove(&key);
            }
        }
        self.note_generated(table, col);
    }

    fn note_generated(&mut self, table: &str, col: &ColumnDef) {
        let key = (normalise(table), normalise(&col.name));
        if col.virtual_generated || col.stored_generated {
            self.generated_columns.insert(key, col.virtual_generated);
        } else {
            // A plain column of that name (re-added after a drop) is not generated any more.
            self.generated_columns.remove(&key);
        }
    }

    /// Records what statement `index` (`cmd`) creates.
    pub fn observe_at(&mut self, index: usize, cmd: &Command) {
        if let Command::AlterTable { table, actions } = cmd {
            for a in actions {
                if let AlterAction::AddConstraint {
                    name: Some(name),
                    not_valid: true,
                    ..
                } = a
                {
                    self.not_valid_added
                        .insert((normalise(table), normalise(name)), index);
                }
            }
        }
        self.observe(cmd);
    }

    /// Records what `cmd` creates.
    pub fn observe(&mut self, cmd: &Command) {
        match cmd {
            Command::CreateTable {
                name,
                references,
                columns,
                partition_of,
                default_partition,
                ..
            } => {
                self.new_relations.insert(normalise(name));
                if let (Some(parent), true) = (partition_of, default_partition) {
                    self.default_partitions
                        .insert(normalise(parent), name.clone());
                }
                for col in columns {
                    self.note_column(name, col);
                }
                for r in references {
                    self.add_reference(name, r);
                }
            }
            Command::CreateMaterializedView { name, .. } => {
                self.new_relations.insert(normalise(name));
            }
            Command::CreateIndex {
                name: Some(name),
                table,
                ..
            } => {
                self.index_tables.insert(normalise(name), table.clone());
                if self.is_new(table) {
                    self.new_relations.insert(normalise(name));
                }
            }
            Command::AlterTable { table, actions } => {
                for a in actions {
                    match a {
                        AlterAction::AddConstraint {
                            name: Some(name),
                            kind: ConstraintKind::ForeignKey { references },
                            ..
                        } => {
                            self.foreign_keys
                                .insert((normalise(table), normalise(name)), references.clone());
                            self.add_reference(table, references);
                        }
                        AlterAction::AddConstraint {
                            kind: ConstraintKind::ForeignKey { references },
                            ..
                        } => self.add_reference(table, references),
                        AlterAction::ValidateConstraint { .. }
                        | AlterAction::AddConstraint {
                            kind: ConstraintKind::Check,
                            not_valid: false,
                            ..
                        } => {
                            self.validated_checks.insert(normalise(table));
                        }
                        AlterAction::AddColumn(col) => {
                            if let Some(r) = &col.references {
                                self.add_reference(table, r);
                            }
                            self.note_column(table, col);
                        }
                        AlterAction::AlterColumnType { column, ty, .. } => {
                            self.column_types
                                .insert((normalise(table), normalise(column)), ty.clone());
                        }
                        AlterAction::DropColumn { column } => {
                            self.column_types
                                .remove(&(normalise(table), normalise(column)));
                        }
                        AlterAction::RenameColumn { from, to } => {
                            let (t, from, to) = (normalise(table), normalise(from), normalise(to));
                            if let Some(ty) = self.column_types.remove(&(t.clone(), from)) {
                                self.column_types.insert((t, to), ty);
                            }
                        }
                        AlterAction::DropExpression { column } => {
                            // The column becomes a plain stored column.
                            self.generated_columns
                                .remove(&(normalise(table), normalise(column)));
                        }
                        AlterAction::RenameTable { to } if self.is_new(table) => {
                            self.new_relations.insert(normalise(to));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise() {
        assert_eq!(normalise("public.Users"), "users");
        assert_eq!(normalise("\"Users\""), "Users");
        assert_eq!(normalise("app.users"), "app.users");
    }
}
