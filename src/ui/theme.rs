//! Colour theme: auto (follows `prefers-color-scheme`), light or dark, remembered in localStorage.
//!
//! The choice is applied as `data-theme` on `<html>`; `static/theme-init.js` applies the stored choice
//! before the wasm loads so a reload never flashes the wrong theme.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use super::icons;

/// localStorage key; `static/theme-init.js` reads the same key.
const STORAGE_KEY: &str = "pgdojo.theme";

/// The user's theme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value stored and written to `data-theme`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored value; anything unknown (a tampered or old value) means auto.
    pub fn parse(value: &str) -> Theme {
        match value {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The next choice in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Theme: auto",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }

    /// The stored choice; storage can be unavailable (private mode), which means auto.
    pub fn load() -> Theme {
        LocalStorage::get::<String>(STORAGE_KEY)
            .map(|v| Theme::parse(&v))
            .unwrap_or(Theme::Auto)
    }

    /// Remembers the choice (best effort) and applies it to the document.
    pub fn store_and_apply(self) {
        // Storage may be full or disabled; the theme still applies for this page view.
        let _ = LocalStorage::set(STORAGE_KEY, self.as_str());
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-theme", self.as_str());
        }
    }
}

/// The header button that cycles auto → light → dark.
#[component]
pub fn ThemeToggle() -> Html {
    let theme = use_state(Theme::load);
    let onclick = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = theme.next();
            next.store_and_apply();
            theme.set(next);
        })
    };
    let icon = match *theme {
        Theme::Auto => icons::theme_auto(),
        Theme::Light => icons::sun(),
        Theme::Dark => icons::moon(),
    };
    html! {
        <button type="button" class="theme-toggle" id="theme-toggle" {onclick}
            title={format!("{} (click to change)", theme.label())}
            aria-label={theme.label()} data-theme-choice={theme.as_str()}>
            { icon }
            <span class="theme-toggle-text">{ theme.as_str() }</span>
        </button>
    }
}
