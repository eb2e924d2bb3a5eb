//! The eight PostgreSQL table lock modes, their conflict matrix, and what each one blocks.
//!
//! Source: PostgreSQL documentation, "Explicit Locking", table "Conflicting Lock Modes" (identical in
//! versions 11 to 18). What a lock blocks is derived from the matrix, not listed by hand: an ordinary
//! operation is blocked when the lock it needs conflicts with the held one (SELECT needs ACCESS SHARE,
//! SELECT FOR UPDATE/SHARE needs ROW SHARE, INSERT/UPDATE/DELETE need ROW EXCLUSIVE, autovacuum needs
//! SHARE UPDATE EXCLUSIVE, plain CREATE INDEX needs SHARE).

use serde::{Serialize, Serializer};

/// A table-level lock mode, weakest first (the order is also "strength" for picking the strongest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LockMode {
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

/// Every mode, weakest first.
pub const ALL_MODES: [LockMode; 8] = [
    LockMode::AccessShare,
    LockMode::RowShare,
    LockMode::RowExclusive,
    LockMode::ShareUpdateExclusive,
    LockMode::Share,
    LockMode::ShareRowExclusive,
    LockMode::Exclusive,
    LockMode::AccessExclusive,
];

impl LockMode {
    /// The name as PostgreSQL documents it (`ACCESS EXCLUSIVE`).
    pub fn name(self) -> &'static str {
        match self {
            LockMode::AccessShare => "ACCESS SHARE",
            LockMode::RowShare => "ROW SHARE",
            LockMode::RowExclusive => "ROW EXCLUSIVE",
            LockMode::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            LockMode::Share => "SHARE",
            LockMode::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            LockMode::Exclusive => "EXCLUSIVE",
            LockMode::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    /// Parses a mode as written in `LOCK TABLE ... IN <mode> MODE` (case-insensitive, any spacing).
    pub fn parse(words: &str) -> Option<LockMode> {
        let norm = words.split_whitespace().collect::<Vec<_>>().join(" ");
        ALL_MODES
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(&norm))
    }

    /// Whether two transactions can NOT hold `self` and `other` on one table at the same time.
    pub fn conflicts_with(self, other: LockMode) -> bool {
        use LockMode::*;
        let (a, b) = if self <= other {
            (self, other)
        } else {
            (other, self)
        };
        // For the weaker mode `a`, the weakest mode it conflicts with; the matrix is "upper-right
        // closed" except for SHARE, which does not conflict with itself, and the row modes.
        match (a, b) {
            (AccessShare, b) => b == AccessExclusive,
            (RowShare, b) => b >= Exclusive,
            (RowExclusive, b) => b >= Share,
            (ShareUpdateExclusive, b) => b >= ShareUpdateExclusive,
            (Share, b) => b != Share,
            (ShareRowExclusive, _) | (Exclusive, _) | (AccessExclusive, _) => true,
        }
    }
}

impl Serialize for LockMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Everyday operations a held lock can block, each with the lock it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Operation {
    Select,
    SelectForUpdate,
    Write,
    Autovacuum,
    CreateIndex,
}

/// Every operation, in the order they are reported.
pub const ALL_OPERATIONS: [Operation; 5] = [
    Operation::Select,
    Operation::SelectForUpdate,
    Operation::Write,
    Operation::Autovacuum,
    Operation::CreateIndex,
];

impl Operation {
    /// The label used in reports.
    pub fn label(self) -> &'static str {
        match self {
            Operation::Select => "SELECT",
            Operation::SelectForUpdate => "SELECT FOR UPDATE",
            Operation::Write => "INSERT/UPDATE/DELETE",
            Operation::Autovacuum => "autovacuum",
            Operation::CreateIndex => "CREATE INDEX",
        }
    }

    /// The lock this operation takes on the table.
    pub fn needs(self) -> LockMode {
        match self {
            Operation::Select => LockMode::AccessShare,
            Operation::SelectForUpdate => LockMode::RowShare,
            Operation::Write => LockMode::RowExclusive,
            Operation::Autovacuum => LockMode::ShareUpdateExclusive,
            Operation::CreateIndex => LockMode::Share,
        }
    }
}

impl Serialize for Operation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// The operations a held `mode` blocks, in report order.
pub fn blocked_by(mode: LockMode) -> Vec<Operation> {
    ALL_OPERATIONS
        .into_iter()
        .filter(|op| op.needs().conflicts_with(mode))
        .collect()
}

/// Human list: "SELECT, INSERT/UPDATE/DELETE and CREATE INDEX" (or "nothing ordinary").
pub fn describe_blocked(ops: &[Operation]) -> String {
    let labels: Vec<&str> = ops.iter().map(|o| o.label()).collect();
    match labels.as_slice() {
        [] => "no ordinary reads or writes".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LockMode::*;

    /// The documented matrix, row by row (X = conflict), in ALL_MODES order.
    const MATRIX: [[u8; 8]; 8] = [
        [0, 0, 0, 0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0, 0, 1, 1],
        [0, 0, 0, 0, 1, 1, 1, 1],
        [0, 0, 0, 1, 1, 1, 1, 1],
        [0, 0, 1, 1, 0, 1, 1, 1],
        [0, 0, 1, 1, 1, 1, 1, 1],
        [0, 1, 1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1, 1],
    ];

    #[test]
    fn conflict_matrix_matches_the_docs() {
        for (i, a) in ALL_MODES.into_iter().enumerate() {
            for (j, b) in ALL_MODES.into_iter().enumerate() {
                assert_eq!(a.conflicts_with(b), MATRIX[i][j] == 1, "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn what_modes_block() {
        assert_eq!(blocked_by(AccessExclusive).len(), 5);
        assert_eq!(
            blocked_by(Share),
            vec![Operation::Write, Operation::Autovacuum]
        );
        assert_eq!(
            blocked_by(ShareUpdateExclusive),
            vec![Operation::Autovacuum, Operation::CreateIndex]
        );
        assert_eq!(
            blocked_by(Exclusive),
            vec![
                Operation::SelectForUpdate,
                Operation::Write,
                Operation::Autovacuum,
                Operation::CreateIndex
            ]
        );
        assert!(blocked_by(AccessShare).is_empty());
        assert_eq!(
            LockMode::parse("share  row exclusive"),
            Some(ShareRowExclusive)
        );
    }
}
