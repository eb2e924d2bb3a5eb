//! The token-level recogniser: the linter's primary reader of statements.
//!
//! Why tokens first and sqlparser second: the lock model depends on details that a general SQL
//! parser either rejects (`DROP INDEX CONCURRENTLY`, `REINDEX`, `CLUSTER`, `VACUUM (...)`,
//! `SET STATISTICS`, `SET TABLESPACE`, `CREATE INDEX ON ONLY`, `DO`, `DETACH ... CONCURRENTLY`,
//! PostgreSQL 18 syntax) or normalises away (which storage parameters were set, whether a default is
//! volatile, `NOT VALID`, `USING INDEX`). A keyword-driven recogniser over the lexer's tokens handles
//! every form the same way and degrades gracefully: an unknown `ALTER TABLE` subcommand still yields
//! the documented ACCESS EXCLUSIVE default, and a statement nobody recognises is reported as not
//! analysed. sqlparser (see [`crate::lint::sqlparse`]) is consulted for every statement as a second
//! opinion: it confirms the syntax of what it accepts and supplies the syntax error shown for
//! statements that neither reader understands.

mod alter_table;
mod columns;
pub mod cursor;
mod statements;
pub mod types;

use crate::lint::lexer::Token;
use crate::lint::model::Command;
use cursor::Cursor;

/// Recognises one statement from its significant tokens.
pub fn recognise(src: &str, tokens: &[Token]) -> Command {
    let mut c = Cursor::new(src, tokens);
    statements::recognise_statement(&mut c).unwrap_or(Command::Unknown)
}
