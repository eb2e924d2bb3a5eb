//! The second opinion: does `sqlparser` (PostgreSQL dialect) accept the statement?
//!
//! The token-level recogniser drives the lock model (see [`crate::lint::recognise`]); sqlparser is
//! asked about the statements the recogniser could not fully model, so a statement neither reader
//! understands is reported with a precise syntax error rather than just "unknown".

use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::parser::Parser;

/// `Ok(())` when sqlparser parses `sql`, else its error message.
pub fn check(sql: &str) -> Result<(), String> {
    Parser::parse_sql(&PostgreSqlDialect {}, sql)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_ddl_and_rejects_what_it_lacks() {
        assert!(check("ALTER TABLE users ADD COLUMN a int").is_ok());
        assert!(check("REINDEX INDEX CONCURRENTLY i").is_err());
    }
}
