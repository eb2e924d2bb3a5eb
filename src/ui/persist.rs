//! Drafts and preferences kept in localStorage, so a reload never loses what the user pasted.
//!
//! Storage can be missing (private mode), full or hold a value an older version wrote; all of these
//! mean "nothing stored" rather than an error, because a draft is a convenience.

use gloo::storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The stored value under `key`, if there is a readable one.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Stores `value` under `key`, best effort.
pub fn save<T: Serialize>(key: &str, value: &T) {
    let _ = LocalStorage::set(key, value);
}
