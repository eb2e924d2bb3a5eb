//! Migration safety linter (pure core).
//!
//! Reads a migration as a migration tool would run it, splits it into statements, and models for each
//! statement the PostgreSQL table locks it takes, what those locks block, whether it rewrites or scans
//! the table, and which findings apply, with the safe rewrite. The lock model follows the PostgreSQL
//! documentation ("Explicit Locking" and the ALTER TABLE notes).
