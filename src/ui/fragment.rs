//! The URL fragment as a share link: reading the state a link carries and writing the current one.
//! Encoding and validation are pure ([`crate::share`]); this module only touches `location` and
//! `history`.

use serde::de::DeserializeOwned;

use crate::share::{self, ShareError};

/// The state carried by the current URL's fragment: `None` when there is no fragment, otherwise the
/// decoded state or the reason the link cannot be opened.
pub fn read_state<T: DeserializeOwned>() -> Option<Result<T, ShareError>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    if fragment.is_empty() {
        return None;
    }
    Some(share::decode(fragment))
}

/// Puts `fragment` in the address bar without a navigation or a history entry, and returns the
/// full URL to share.
pub fn write(fragment: &str) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let base = format!(
        "{}{}{}",
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?
    );
    let url = format!("{base}#{fragment}");
    let _ =
        window
            .history()
            .ok()?
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    Some(url)
}

/// Removes the fragment from the address bar (after the user edits a shared state).
pub fn clear() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if location.hash().map(|h| h.is_empty()).unwrap_or(true) {
        return;
    }
    if let (Ok(path), Ok(search), Ok(history)) =
        (location.pathname(), location.search(), window.history())
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}
