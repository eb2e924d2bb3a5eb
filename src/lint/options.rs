//! Options of a lint run.

use serde::{Deserialize, Serialize};

/// The oldest and newest PostgreSQL major versions the lock model covers.
pub const MIN_PG_VERSION: u32 = 11;
pub const MAX_PG_VERSION: u32 = 18;

/// How to read the migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LintOptions {
    /// Target PostgreSQL major version (11 to 18).
    pub pg_version: u32,
    /// The migration tool wraps the whole file in one transaction.
    pub assume_in_transaction: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            pg_version: MAX_PG_VERSION,
            assume_in_transaction: false,
        }
    }
}

impl LintOptions {
    /// Checks the version is one the model covers.
    pub fn validate(&self) -> Result<(), String> {
        if (MIN_PG_VERSION..=MAX_PG_VERSION).contains(&self.pg_version) {
            Ok(())
        } else {
            Err(format!(
                "PostgreSQL version {} is not supported (use {MIN_PG_VERSION} to {MAX_PG_VERSION})",
                self.pg_version
            ))
        }
    }
}
