//! Transaction tracking: which statements run in a transaction block and which locks are held.
//!
//! Locks taken inside a transaction block are held until COMMIT or ROLLBACK, so a cheap statement
//! that follows an ACCESS EXCLUSIVE lock still keeps the table blocked. Settings made with `SET` last
//! for the session, `SET LOCAL` ones until the end of the transaction.

use std::collections::HashMap;

use super::effects::{Effect, LockTarget};
use super::locks::LockMode;
use super::model::Command;

/// At most this many held locks are listed per statement; a transaction touching thousands of
/// tables would otherwise make the report quadratic in size. The count is always exact.
pub const HELD_LIST_LIMIT: usize = 32;

/// The transaction state seen by one statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxState {
    pub in_transaction: bool,
    /// Which transaction (counting from 0 in file order), when in one.
    pub transaction_id: Option<usize>,
    /// Index of the first statement of the transaction.
    pub transaction_start: Option<usize>,
    /// Locks held from earlier statements of the same transaction when this one starts, strongest
    /// mode per relation, in acquisition order (at most [`HELD_LIST_LIMIT`]).
    pub held_before: Vec<LockTarget>,
    /// How many relations are locked from earlier statements (may exceed the list).
    pub held_before_total: usize,
    /// How many of those are ACCESS EXCLUSIVE locks on relations that existed before the file.
    pub held_existing_access_exclusive: usize,
    /// How many are SHARE UPDATE EXCLUSIVE or stronger (DDL) on relations that existed before.
    pub held_existing_ddl: usize,
    /// A non-zero `lock_timeout` is in force.
    pub lock_timeout: bool,
    pub statement_timeout: bool,
    /// This statement is a BEGIN while a transaction is already open.
    pub nested_begin: bool,
}

/// Walks statements in order; call [`Tracker::before`] then [`Tracker::after`] for each.
#[derive(Debug, Clone)]
pub struct Tracker {
    in_tx: bool,
    tx_id: Option<usize>,
    tx_start: Option<usize>,
    next_tx: usize,
    held: Vec<LockTarget>,
    held_index: HashMap<String, usize>,
    existing_access_exclusive: usize,
    existing_ddl: usize,
    session: Settings,
    local: Settings,
    /// Index of the BEGIN that opened the current explicit transaction.
    pub open_begin: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Settings {
    lock_timeout: Option<bool>,
    statement_timeout: Option<bool>,
}

/// Whether a timeout value disables the timeout (`0`, `'0'`, `0ms`, `0s`, `DEFAULT`).
fn timeout_is_set(value: &str) -> bool {
    let v = value.trim().trim_matches('\'').trim().to_ascii_lowercase();
    if v.is_empty() || v == "default" {
        return false;
    }
    let digits: String = v
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    !(digits.parse::<f64>().is_ok_and(|n| n == 0.0))
}

impl Tracker {
    pub fn new(assume_in_transaction: bool) -> Self {
        Tracker {
            in_tx: assume_in_transaction,
            tx_id: assume_in_transaction.then_some(0),
            tx_start: assume_in_transaction.then_some(0),
            next_tx: usize::from(assume_in_transaction),
            held: Vec::new(),
            held_index: HashMap::new(),
            existing_access_exclusive: 0,
            existing_ddl: 0,
            session: Settings::default(),
            local: Settings::default(),
            open_begin: None,
        }
    }

    /// Whether a transaction is still open at the end of the file.
    pub fn open(&self) -> bool {
        self.in_tx
    }

    /// The state statement `index` runs in; updates the state for BEGIN.
    pub fn before(&mut self, index: usize, cmd: &Command) -> TxState {
        let mut nested_begin = false;
        if *cmd == Command::Begin {
            if self.in_tx {
                nested_begin = true;
            } else {
                self.in_tx = true;
                self.tx_id = Some(self.next_tx);
                self.tx_start = Some(index);
                self.next_tx += 1;
                self.held.clear();
                self.open_begin = Some(index);
                self.release_all();
            }
        }
        let pick =
            |f: fn(&Settings) -> Option<bool>| f(&self.local).or(f(&self.session)).unwrap_or(false);
        TxState {
            in_transaction: self.in_tx,
            transaction_id: self.tx_id,
            transaction_start: self.tx_start,
            held_before: self.held.iter().take(HELD_LIST_LIMIT).cloned().collect(),
            held_before_total: self.held.len(),
            held_existing_access_exclusive: self.existing_access_exclusive,
            held_existing_ddl: self.existing_ddl,
            lock_timeout: pick(|s| s.lock_timeout),
            statement_timeout: pick(|s| s.statement_timeout),
            nested_begin,
        }
    }

    /// Records the statement's locks and settings, and ends the transaction on COMMIT/ROLLBACK.
    pub fn after(&mut self, cmd: &Command, effect: &Effect) {
        match cmd {
            Command::Commit | Command::Rollback => {
                self.in_tx = false;
                self.tx_id = None;
                self.tx_start = None;
                self.release_all();
                self.local = Settings::default();
                self.open_begin = None;
                return;
            }
            Command::Set { name, value, local } => {
                // SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
                if *local && !self.in_tx {
                    return;
                }
                let target = if *local {
                    &mut self.local
                } else {
                    &mut self.session
                };
                match name.as_str() {
                    "lock_timeout" => target.lock_timeout = Some(timeout_is_set(value)),
                    "statement_timeout" => target.statement_timeout = Some(timeout_is_set(value)),
                    _ => {}
                }
            }
            Command::Reset { name } => match name.as_str() {
                "lock_timeout" => self.session.lock_timeout = None,
                "statement_timeout" => self.session.statement_timeout = None,
                "all" => self.session = Settings::default(),
                _ => {}
            },
            _ => {}
        }
        if self.in_tx {
            for l in &effect.locks {
                self.hold(l);
            }
        }
    }

    fn release_all(&mut self) {
        self.held.clear();
        self.held_index.clear();
        self.existing_access_exclusive = 0;
        self.existing_ddl = 0;
    }

    /// Keeps the strongest mode per relation and the counters in step with it.
    fn hold(&mut self, l: &LockTarget) {
        let previous = match self.held_index.get(&l.relation) {
            Some(&i) if l.mode > self.held[i].mode => {
                let old = self.held[i].clone();
                self.held[i] = l.clone();
                Some(old)
            }
            Some(_) => return,
            None => {
                self.held_index.insert(l.relation.clone(), self.held.len());
                self.held.push(l.clone());
                None
            }
        };
        let counts = |t: &LockTarget| {
            (
                usize::from(!t.new && t.mode == LockMode::AccessExclusive),
                usize::from(!t.new && t.mode >= LockMode::ShareUpdateExclusive),
            )
        };
        if let Some(old) = previous {
            let (ae, ddl) = counts(&old);
            self.existing_access_exclusive -= ae;
            self.existing_ddl -= ddl;
        }
        let (ae, ddl) = counts(l);
        self.existing_access_exclusive += ae;
        self.existing_ddl += ddl;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_timeouts_do_not_count() {
        assert!(!timeout_is_set("0"));
        assert!(!timeout_is_set("'0ms'"));
        assert!(!timeout_is_set("DEFAULT"));
        assert!(timeout_is_set("'2s'"));
        assert!(timeout_is_set("5000"));
    }
}
