//! Turns a panic into a friendly error panel instead of a dead page.
//!
//! The release build aborts on panic (smaller wasm), so the hook cannot rely on Yew or on any wasm
//! callback afterwards: it builds the panel with plain DOM calls, and the Copy button is served by
//! `static/copy.js`, which needs no wasm.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Id of the panel; the end-to-end tests look for it.
const PANEL_ID: &str = "panic-panel";

/// Registers the hook; call once before mounting the app.
pub fn install() {
    // Through Yew: its renderer replaces any other hook with its own console-only one.
    yew::set_custom_panic_hook(Box::new(|info| {
        let report = format!(
            "pgdojo crashed: {info}\n\npage: {}\nbrowser: {}\nversion: {}",
            location(),
            user_agent(),
            env!("CARGO_PKG_VERSION")
        );
        // Keep the message in the console too, for developers with the tools open.
        web_sys::console::error_1(&report.clone().into());
        show_panel(&report);
    }));
}

fn location() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn user_agent() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// Builds the panel. Every step is fallible and ignored on failure: a hook must not panic again.
fn show_panel(report: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let Some(panel) = element(
        &document,
        "section",
        &[("id", PANEL_ID), ("class", "panic-panel")],
    ) else {
        return;
    };
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "panic-title");
    let parts = [
        text_element(
            &document,
            "h2",
            &[("id", "panic-title")],
            "Something went wrong",
        ),
        text_element(
            &document,
            "p",
            &[],
            "pgdojo hit an internal error and stopped. Nothing was sent anywhere. Copy the \
             message below into a bug report, then reload the page to continue.",
        ),
        text_element(
            &document,
            "textarea",
            &[
                ("id", "panic-message"),
                ("readonly", ""),
                ("rows", "8"),
                ("aria-label", "Error message"),
            ],
            report,
        ),
        actions(&document),
    ];
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    let _ = body.class_list().add_1("panicked");
    let _ = body.append_child(&panel);
    if let Some(button) = panel
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

fn actions(document: &Document) -> Option<Element> {
    let row = element(document, "div", &[("class", "panic-actions")])?;
    let copy = text_element(
        document,
        "button",
        &[("type", "button"), ("data-copy-target", "panic-message")],
        "Copy message",
    )?;
    let reload = text_element(
        document,
        "a",
        &[("href", ""), ("class", "button")],
        "Reload",
    )?;
    row.append_child(&copy).ok()?;
    row.append_child(&reload).ok()?;
    Some(row)
}

fn element(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

fn text_element(
    document: &Document,
    tag: &str,
    attributes: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let element = element(document, tag, attributes)?;
    element.set_text_content(Some(text));
    Some(element)
}
