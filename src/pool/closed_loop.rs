//! Closed-loop users: a fixed population that thinks, sends a request, waits for its answer (or
//! error), and thinks again. Unlike open-loop arrivals, load falls when the system slows down.

use super::dist::Dist;
use serde::{Deserialize, Serialize};

/// Closed-loop traffic. When present it replaces the open-loop arrivals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClosedLoop {
    /// Number of users.
    pub users: u32,
    /// Think time between an answer and the user's next request.
    pub think: Dist,
}

impl Default for ClosedLoop {
    fn default() -> Self {
        ClosedLoop {
            users: 100,
            think: Dist::Exp { mean_ms: 1000.0 },
        }
    }
}

/// Largest user population.
pub const MAX_USERS: u32 = 1_000_000;

impl ClosedLoop {
    /// Checks the parameters.
    pub fn validate(&self) -> Result<(), String> {
        if self.users == 0 || self.users > MAX_USERS {
            return Err(format!(
                "closed-loop users must be 1..={MAX_USERS}, got {}",
                self.users
            ));
        }
        self.think.validate()
    }
}
