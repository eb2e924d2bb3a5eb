//! A page that panics on purpose, so the end-to-end tests can prove the panic panel appears instead of
//! a dead page. Nothing links to it.

use yew::prelude::*;

/// Panics while rendering.
#[component]
pub fn PanicTest() -> Html {
    panic!("deliberate panic from /debug/panic (used by the end-to-end tests)");
}
