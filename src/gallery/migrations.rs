//! Example migrations for the linter's gallery: the classic outages and their safe rewrites.

/// One gallery entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used in the page's example picker and in tests.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence on what the example teaches.
    pub lesson: &'static str,
    pub sql: &'static str,
    /// Whether the example is meant to be free of errors and warnings.
    pub safe: bool,
}

/// The gallery, in the order the page lists it.
pub const EXAMPLES: [Example; 7] = [
    Example {
        id: "required-column",
        title: "Add a required column (the outage)",
        lesson: "A NOT NULL column without a default fails on a non-empty table, and the ALTER holds \
                 ACCESS EXCLUSIVE, blocking every read and write, while it waits.",
        sql: "-- Dangerous in production\nALTER TABLE users ADD COLUMN phone VARCHAR(20) NOT NULL;\n",
        safe: false,
    },
    Example {
        id: "expand-contract",
        title: "Expand/contract: the same column, safely",
        lesson: "Add the column nullable, backfill in batches, then enforce NOT NULL through a NOT VALID \
                 check that is validated without blocking writes.",
        sql: "-- Expand: add the column as nullable, with short lock waits.\n\
              SET lock_timeout = '2s';\n\
              SET statement_timeout = '30s';\n\
              ALTER TABLE users ADD COLUMN phone text;\n\
              \n\
              -- Backfill runs in batches from the application, outside this migration.\n\
              \n\
              -- Enforce NOT NULL without a long lock: a NOT VALID check, validated separately.\n\
              ALTER TABLE users ADD CONSTRAINT users_phone_not_null CHECK (phone IS NOT NULL) NOT VALID;\n\
              ALTER TABLE users VALIDATE CONSTRAINT users_phone_not_null;\n\
              ALTER TABLE users ALTER COLUMN phone SET NOT NULL;\n\
              ALTER TABLE users DROP CONSTRAINT users_phone_not_null;\n",
        safe: true,
    },
    Example {
        id: "index",
        title: "Create an index",
        lesson: "A plain CREATE INDEX blocks all writes for the whole build; CONCURRENTLY lets writes \
                 continue but must run outside a transaction block.",
        sql: "-- Blocks INSERT/UPDATE/DELETE until the index is built\n\
              CREATE INDEX idx_users_email ON users (email);\n\
              \n\
              -- Inside a transaction, CONCURRENTLY fails outright\n\
              BEGIN;\n\
              CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);\n\
              COMMIT;\n",
        safe: false,
    },
    Example {
        id: "foreign-key",
        title: "Add a foreign key",
        lesson: "Adding a validated foreign key locks both tables while every row is checked; NOT VALID \
                 then VALIDATE splits it into a brief lock and a non-blocking scan.",
        sql: "ALTER TABLE orders ADD CONSTRAINT orders_user_fk\n    FOREIGN KEY (user_id) REFERENCES users (id);\n",
        safe: false,
    },
    Example {
        id: "type-change",
        title: "Change a column type",
        lesson: "Most type changes rewrite the table under ACCESS EXCLUSIVE; a few, such as widening a \
                 varchar or varchar to text, only touch the catalog.",
        sql: "-- Rewrites the whole table\nALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n\
              \n\
              -- Catalog-only: no rewrite\nALTER TABLE users ALTER COLUMN name TYPE text;\n",
        safe: false,
    },
    Example {
        id: "transaction",
        title: "Locks pile up in a transaction",
        lesson: "Every lock is held until COMMIT: a quick ALTER followed by a long backfill in the same \
                 transaction keeps the table locked for the whole backfill.",
        sql: "BEGIN;\n\
              ALTER TABLE users ADD COLUMN status text DEFAULT 'active';\n\
              UPDATE users SET status = 'inactive' WHERE last_login < now() - interval '1 year';\n\
              ALTER TABLE users RENAME COLUMN name TO full_name;\n\
              COMMIT;\n",
        safe: false,
    },
    Example {
        id: "safe-index",
        title: "A fully safe migration",
        lesson: "Timeouts first, then only operations that never block reads or writes for long.",
        sql: "SET lock_timeout = '2s';\n\
              SET statement_timeout = '0';\n\
              -- Builds while reads and writes continue; must not run in a transaction block.\n\
              CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_at ON orders (created_at);\n",
        safe: true,
    },
];

/// The example with `id`.
pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
