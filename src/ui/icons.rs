//! Inline SVG icons, bundled in the wasm so the app needs no icon font or CDN.
//!
//! Each icon is decorative (`aria-hidden`): the control that holds it carries the accessible name.

use yew::prelude::*;

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d={path} />
        </svg>
    }
}

/// A sun: light theme.
pub fn sun() -> Html {
    icon("M12 4V2M12 22v-2M4.9 4.9 3.5 3.5M20.5 20.5l-1.4-1.4M4 12H2M22 12h-2M4.9 19.1l-1.4 1.4M20.5 3.5l-1.4 1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z")
}

/// A crescent moon: dark theme.
pub fn moon() -> Html {
    icon("M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z")
}

/// A half-filled circle: theme follows the system.
pub fn theme_auto() -> Html {
    icon("M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 3v18")
}

/// A padlock: the migration linter.
pub fn lock() -> Html {
    icon("M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4")
}

/// A branching tree: the EXPLAIN visualizer.
pub fn tree() -> Html {
    icon("M12 3v6M12 9H6v4M12 9h6v4M4 13h4v4H4zM16 13h4v4h-4zM10 3h4")
}

/// Stacked cylinders: the pool workshop.
pub fn pool() -> Html {
    icon("M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v6c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12v6c0 1.7 3.6 3 8 3s8-1.3 8-3v-6")
}

/// An external-link arrow for links to the PostgreSQL documentation.
pub fn external() -> Html {
    icon("M14 4h6v6M20 4l-9 9M18 14v6H4V6h6")
}
