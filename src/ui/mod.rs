//! The Yew single-page app (browser only).
//!
//! This is the only part of the crate that touches the DOM, storage and timers. It renders the pure
//! cores' results; it computes nothing the CLI could not reproduce.

mod app;
mod components;
mod fragment;
mod header;
mod icons;
mod pages;
mod panic_panel;
mod persist;
mod prepared;
mod route;
mod theme;

/// Installs the panic panel and mounts the app into `<main id="app">`'s parent document body.
pub fn start() {
    panic_panel::install();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<app::App>::with_root(root).render();
}
